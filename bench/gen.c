/*
 * gen: the benchmark workload generator.
 *
 *   gen --workload national|x100|one [--seed N] [-o FILE] [--long]
 *       [--framework FILE] [--round YEAR] [--comma] [--copies N]
 *       [--municipalities N] [--dossier-dir DIR] [--stats]
 *
 * Writes deterministic, seeded survey CSV in the import contract of
 * doc/formats.md, laid out exactly like examples/leeuwarden-2013.csv
 * (Excel: ';', BOM, CRLF, "ID TEXT" and "ID toelichting" columns in
 * framework order). The questions each role is asked are read from the
 * framework XML at run time (a small scan for <framework>, <indicator>,
 * its first <text> and <question role=...>), so a partner row has empty
 * cells where the framework asks the gemeente only.
 *
 * Workloads: national = 342 municipalities; x100 = the same 100 times
 * (copy k > 1 named "Name k"), streamed in constant memory; one = the
 * first municipality. Each municipality has 2 approaches with a gemeente
 * and 3 netwerkpartners each, and every question a role is asked is
 * answered; a third of the answers carry a toelichting.
 *
 * --long writes the same answers (same seed: same values and texts) as
 * one row per answer for sqlite3's .import:
 *   gemeente,aanpak,ronde,rol,organisatie,indicator,antwoord,toelichting
 * --dossier-dir DIR also writes one dossier XML per municipality
 * (framework/stj-dossier.xsd) named NNN-sanitised-name-ROUND-dossier.xml.
 *
 * Everything derives from --seed through splitmix64 with integer
 * arithmetic only, so the output is byte-identical on every platform.
 * Municipality k of copy c has its own stream (seed, c, k): the rows of
 * "one" are the first rows of "national", which are the first rows of
 * "x100"; the dossiers use a separate stream, so --dossier-dir does not
 * change the CSV.
 *
 * C11 + POSIX mkdir; no other dependency. Exit 0 ok, 1 error, 2 usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define APPROACHES   2
#define PARTNERS     3
#define RESPONDENTS  (1 + PARTNERS)
#define NAME_CAP     256
#define ORG_CAP      (NAME_CAP + 16)
#define POOL_CAP     (1024 * 1024)

enum role { ROLE_GEMEENTE, ROLE_PARTNER, ROLE__COUNT };
static const char *const role_names[ROLE__COUNT] = {
	"gemeente", "netwerkpartner"
};

enum value { V_JA, V_DEELS, V_NEE, V_WEETNIET, V_NVT, V__COUNT };
static const char *const value_labels[V__COUNT] = {
	"ja", "deels", "nee", "weet niet", "n.v.t."
};

/* ---- small helpers -------------------------------------------------- */

static const char *progname = "gen";

static void
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n == 0 ? 1 : n);

	if (p == NULL)
		die("out of memory");
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ---- deterministic randomness (splitmix64) -------------------------- */

struct rng {
	uint64_t s;
};

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static uint64_t
rng_next(struct rng *r)
{
	r->s += UINT64_C(0x9e3779b97f4a7c15);
	return mix64(r->s);
}

/* Uniform in [0, n). */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static struct rng
rng_derive(uint64_t seed, uint64_t a, uint64_t b)
{
	struct rng r;

	r.s = mix64(seed ^ mix64(a + UINT64_C(0x632be59bd9b4e019)) ^
	    mix64(b + UINT64_C(0x8cb92ba72f3d8dd7)));
	return r;
}

#define PICK(r, arr) ((arr)[rng_below((r), sizeof(arr) / sizeof((arr)[0]))])

/* ---- string builder with a fixed capacity (truncates, never grows) -- */

struct sb {
	char  *p;
	size_t len, cap;
};

static void
sb_add(struct sb *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + 1 >= b->cap)
		return;
	if (b->len + n + 1 > b->cap)
		n = b->cap - b->len - 1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* ---- buffered output that counts bytes ------------------------------ */

struct out {
	FILE       *f;
	const char *name;
	char        buf[1 << 16];
	size_t      n;
	uint64_t    bytes;
};

static void
out_flush(struct out *o)
{
	if (o->n > 0 && fwrite(o->buf, 1, o->n, o->f) != o->n)
		die("%s: write error: %s", o->name, strerror(errno));
	o->n = 0;
}

static void
out_mem(struct out *o, const char *s, size_t n)
{
	o->bytes += n;
	while (n > 0) {
		size_t k = sizeof(o->buf) - o->n;
		if (k > n)
			k = n;
		memcpy(o->buf + o->n, s, k);
		o->n += k;
		s += k;
		n -= k;
		if (o->n == sizeof(o->buf))
			out_flush(o);
	}
}

static void
out_str(struct out *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

static void
out_ch(struct out *o, char c)
{
	out_mem(o, &c, 1);
}

static void
out_close(struct out *o)
{
	out_flush(o);
	if (fflush(o->f) != 0 || ferror(o->f))
		die("%s: write error: %s", o->name, strerror(errno));
	if (o->f != stdout && fclose(o->f) != 0)
		die("%s: %s", o->name, strerror(errno));
}

/* One RFC 4180 field: quoted when it holds the delimiter, a quote, a line
 * break or edge blanks (which the importer would trim). */
static void
out_field(struct out *o, const char *s, char delim)
{
	size_t n = strlen(s);
	int    quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	const char *p;

	for (p = s; *p != '\0' && !quote; p++)
		quote = *p == delim || *p == '"' || *p == '\n' || *p == '\r';
	if (!quote) {
		out_mem(o, s, n);
		return;
	}
	out_ch(o, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			out_ch(o, '"');
		out_ch(o, *p);
	}
	out_ch(o, '"');
}

static void
out_xml(struct out *o, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': out_str(o, "&amp;"); break;
		case '<': out_str(o, "&lt;"); break;
		case '>': out_str(o, "&gt;"); break;
		case '"': out_str(o, "&quot;"); break;
		default:  out_ch(o, *s); break;
		}
}

static void
out_open(struct out *o, const char *path)
{
	o->n = 0;
	o->bytes = 0;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		o->name = "stdout";
		return;
	}
	o->name = path;
	if ((o->f = fopen(path, "wb")) == NULL)
		die("%s: %s", path, strerror(errno));
}

/* ---- the framework: a tiny scan of the XML -------------------------- */

struct indicator {
	char    *id;
	char    *text;
	unsigned roles;      /* bit per enum role: that role is asked */
};

struct framework {
	char             *id, *version;
	struct indicator *ind;
	size_t            n;
};

static void
utf8_put(struct sb *b, unsigned long c)
{
	char tmp[5] = { 0 };

	if (c < 0x80) {
		tmp[0] = (char)c;
	} else if (c < 0x800) {
		tmp[0] = (char)(0xc0 | (c >> 6));
		tmp[1] = (char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		tmp[0] = (char)(0xe0 | (c >> 12));
		tmp[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		tmp[2] = (char)(0x80 | (c & 0x3f));
	} else if (c < 0x110000) {
		tmp[0] = (char)(0xf0 | (c >> 18));
		tmp[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		tmp[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		tmp[3] = (char)(0x80 | (c & 0x3f));
	}
	sb_add(b, tmp);
}

/* Character data: entities decoded, white space collapsed. */
static char *
xml_text(const char *s, size_t n)
{
	struct sb   b;
	const char *end = s + n;
	int         space = 0;

	b.cap = n + 1;
	b.p = xmalloc(b.cap);
	b.len = 0;
	b.p[0] = '\0';
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	while (s < end) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			s++;
			continue;
		}
		if (space)
			sb_add(&b, " ");
		space = 0;
		if (*s == '&') {
			const char *semi = memchr(s, ';', (size_t)(end - s));
			static const char *const ent[][2] = {
				{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
				{ "&quot;", "\"" }, { "&apos;", "'" }
			};
			size_t k, len = semi ? (size_t)(semi - s) + 1 : 0;
			for (k = 0; k < 5 && len > 0; k++)
				if (strlen(ent[k][0]) == len &&
				    memcmp(s, ent[k][0], len) == 0)
					break;
			if (len > 0 && k < 5) {
				sb_add(&b, ent[k][1]);
				s += len;
				continue;
			}
			if (len > 3 && s[1] == '#') {
				int hex = s[2] == 'x';
				unsigned long c = strtoul(s + 2 + hex, NULL,
				    hex ? 16 : 10);
				utf8_put(&b, c);
				s += len;
				continue;
			}
		}
		b.p[b.len++] = *s++;
		b.p[b.len] = '\0';
	}
	return b.p;
}

/* The value of attribute NAME inside the tag [tag, gt), or NULL. */
static char *
xml_attr(const char *tag, const char *gt, const char *name)
{
	size_t      n = strlen(name);
	const char *p;

	for (p = tag + 1; p + n + 2 < gt; p++) {
		char q;
		const char *v, *e;
		if ((p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n' &&
		    p[-1] != '\r') || strncmp(p, name, n) != 0 || p[n] != '=')
			continue;
		q = p[n + 1];
		if (q != '"' && q != '\'')
			continue;
		v = p + n + 2;
		for (e = v; e < gt && *e != q; e++)
			;
		if (e >= gt)
			return NULL;
		return xml_text(v, (size_t)(e - v));
	}
	return NULL;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE  *f = fopen(path, "rb");
	char  *buf = NULL;
	size_t cap = 0, n = 0, k;

	if (f == NULL)
		die("%s: %s", path, strerror(errno));
	do {
		if (cap - n < 65536) {
			char *nb;
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap + 1)) == NULL)
				die("out of memory");
			buf = nb;
		}
		k = fread(buf + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	if (ferror(f))
		die("%s: %s", path, strerror(errno));
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int
tag_is(const char *p, const char *name)
{
	size_t n = strlen(name);

	return strncmp(p, name, n) == 0 &&
	    (p[n] == ' ' || p[n] == '>' || p[n] == '/' || p[n] == '\t' ||
	    p[n] == '\n' || p[n] == '\r');
}

static void
framework_load(struct framework *fw, const char *path)
{
	size_t      len, cap = 0, i, j;
	char       *buf = read_file(path, &len);
	const char *p = buf, *end = buf + len;
	struct indicator *cur = NULL;
	int         want_text = 0, in_question = 0;

	memset(fw, 0, sizeof(*fw));
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *gt;
		if (strncmp(p, "<!--", 4) == 0) {
			const char *c = strstr(p + 4, "-->");
			if (c == NULL)
				break;
			p = c + 3;
			continue;
		}
		if ((gt = memchr(p, '>', (size_t)(end - p))) == NULL)
			break;
		if (tag_is(p, "<framework") && fw->id == NULL) {
			fw->id = xml_attr(p, gt, "id");
			fw->version = xml_attr(p, gt, "version");
		} else if (tag_is(p, "<indicator")) {
			if (fw->n == cap) {
				cap = cap ? cap * 2 : 64;
				fw->ind = realloc(fw->ind, cap * sizeof(*fw->ind));
				if (fw->ind == NULL)
					die("out of memory");
			}
			cur = &fw->ind[fw->n++];
			memset(cur, 0, sizeof(*cur));
			if ((cur->id = xml_attr(p, gt, "id")) == NULL)
				die("%s: <indicator> without id", path);
			want_text = 1;
			in_question = 0;
		} else if (tag_is(p, "</indicator")) {
			cur = NULL;
			want_text = 0;
		} else if (tag_is(p, "<question") && cur != NULL) {
			char *role = xml_attr(p, gt, "role");
			int   r;
			for (r = 0; r < ROLE__COUNT; r++)
				if (role != NULL && strcmp(role, role_names[r]) == 0)
					break;
			if (r == ROLE__COUNT)
				die("%s: indicator %s: unknown role \"%s\"", path,
				    cur->id, role ? role : "");
			cur->roles |= 1u << r;
			free(role);
			want_text = 0;
			in_question = gt[-1] != '/';
		} else if (tag_is(p, "</question")) {
			in_question = 0;
		} else if (tag_is(p, "<text") && cur != NULL && want_text &&
		    !in_question) {
			const char *close = strstr(gt + 1, "</text>");
			if (close == NULL)
				die("%s: indicator %s: unterminated <text>",
				    path, cur->id);
			cur->text = xml_text(gt + 1, (size_t)(close - gt - 1));
			want_text = 0;
			gt = close + 6;
		}
		p = gt + 1;
	}
	free(buf);
	if (fw->id == NULL || fw->version == NULL)
		die("%s: no <framework id=... version=...>", path);
	if (fw->n == 0)
		die("%s: no indicators", path);
	for (i = 0; i < fw->n; i++) {
		if (fw->ind[i].roles == 0)
			die("%s: indicator %s: no <question>", path,
			    fw->ind[i].id);
		if (fw->ind[i].text == NULL)
			fw->ind[i].text = xstrndup("", 0);
		for (j = 0; j < i; j++)
			if (strcmp(fw->ind[i].id, fw->ind[j].id) == 0)
				die("%s: indicator %s twice", path,
				    fw->ind[i].id);
	}
}

/* ---- word lists ------------------------------------------------------ */

static const char *const name_first[] = {
	"Aal", "Alm", "Amer", "Apel", "Arn", "Baar", "Bar", "Beek", "Bever",
	"Bolle", "Borger", "Bos", "Brede", "Bree", "Brum", "Cas", "Culem",
	"Dal", "Delf", "Deven", "Dier", "Does", "Don", "Doorn", "Dor",
	"Drim", "Eem", "Eer", "Elst", "Emmel", "Ens", "Epe", "Ermel", "Ger",
	"Gilze", "Goe", "Gor", "Graft", "Haaks", "Haar", "Ham", "Harder",
	"Heems", "Heer", "Hel", "Hengel", "Heus", "Hil", "Hoog", "Hoorn",
	"Hout", "Huis", "Hul", "IJssel", "IJmui", "Kam", "Kapel", "Kerk",
	"Lan", "Leer", "Lei", "Lem", "Lin", "Lis", "Loch", "Loon", "Maas",
	"Mark", "Meer", "Mid", "Mol", "Mont", "Muider", "Naal", "Neder",
	"Nij", "Noord", "Nun", "Oegst", "Olde", "Om", "Oost", "Oud", "Pek",
	"Pur", "Put", "Raal", "Ren", "Rhe", "Rijs", "Roer", "Ros", "Ruc",
	"Scha", "Schie", "Sit", "Slie", "Sluis", "Som", "Stad", "Steen",
	"Sted", "Swal", "Ter", "Tiel", "Tub", "Twen", "Ub", "Uit", "Ur",
	"Vaals", "Valken", "Veen", "Veld", "Vlag", "Vlie", "Voor", "Vrie",
	"Waal", "Wad", "Was", "Weer", "Wes", "Wier", "Wijk", "Winter",
	"Woens", "Woud", "Zaan", "Zand", "Zee", "Zeven", "Zoeter", "Zuid",
	"Zwart", "Zwijn",
};

static const char *const name_suffix[] = {
	"dam", "dijk", "veen", "wijk", "hoven", "horst", "broek", "meer",
	"hem", "hout", "kerk", "haven", "mond", "brug", "berg", "dorp",
	"sum", "um", "rade", "lo", "loo", "ingen", "sloot", "ster", "zijl",
	"werd", "voort", "drecht", "woude", "wolde", "beek", "rode", "gein",
	"lare", "schoten", "stein", "burg", "bergen", "zande", "geest",
	"eind", "hoek", "huizen", "land", "naken", "oord", "recht", "weide",
};

static const char *const name_prefix[] = {
	"Nieuw-", "Oud-", "Sint-", "Groot-", "Hoog-", "Noord-", "Zuid-",
	"West-", "Oost-", "Sint ", "Nieuw ", "Klein-",
};

static const char *const name_saint[] = {
	"Graven", "Heeren", "Hertogen", "Heren", "Jacobs", "Gravenzande",
};

static const char *const name_water[] = {
	" aan de Maas", " aan den Rijn", " aan de Vecht", " aan de Lek",
	" aan de Amstel", " aan den IJssel", " aan Zee", " aan de Linge",
	" aan de Dommel", " aan de Regge", " aan de Schelde",
};

static const char *const name_fy_first[] = {
	"Dan", "Tyt", "Fer", "Lit", "Boarn", "Skar", "Hearren", "Wym",
	"Easter", "Wester", "Súd", "Noard", "Opster", "Lem", "Gaaster",
	"Achtkar", "Kollum", "Ljouw", "Snits", "Bûtenpo", "Dokkum",
	"Harns", "Frjentsj", "Sleat", "Boal",
};

static const char *const name_fy_suffix[] = {
	"tumadiel", "seradiel", "sterhim", "sterlân", "erdiel", "ein", "gea",
	"wâld", "mar", "terp", "dyk", "wâlde", "ferdiel", "ûnderdiel",
	"spelen", "stêd", "mearren", "lân", "sêle",
};

static const char *const name_region[] = {
	"Súdwest-", "Noardeast-", "Westdongera-", "Eastdongera-", "Súdeast-",
};

static const char *const name_de[] = {
	"De Wolden", "De Marne", "De Ronde Venen", "De Bilt", "De Lier",
	"De Friese Meren", "De Fryske Marren", "De Kempen", "De Peel",
	"De Venen", "De Waarden", "De Zuidlanden", "De Hoeksche Waard",
	"De Stichtse Meren", "De Liemers", "De Maasduinen",
};

static const char *const name_province[] = {
	" (NH.)", " (L.)", " (Gld.)", " (O.)", " (ZH.)", " (U.)", " (Dr.)",
};

/* Present in every set, in this order, so "one" is Súdwest-Fryslân. */
static const char *const name_anchor[] = {
	"Súdwest-Fryslân", "’s-Hertogenbosch", "Nuenen, Gerwen en Nederwetten",
	"Noardeast-Fryslân", "’s-Gravenhage", "Bergen (NH.)", "IJsselstein",
	"Tytsjerksteradiel", "Capelle aan den IJssel", "'s-Gravendeel",
	"Reusel-De Mierden", "De Fryske Marren",
};

static const char *const approach_names[] = {
	"Interventieteam Gezinnen", "Voorwaardelijke Interventie Gezinnen",
	"Aanpak Gezinsmanagement", "Aanpak Bemoeizorg",
	"Eén gezin, één plan", "Sociaal Wijkteam", "Frontlijnteam",
	"Aanpak Multiprobleemgezinnen", "Gezinscoaching",
	"Casusoverleg Veiligheidshuis",
	"Aanpak ernstig overlastgevende gezinnen", "Zorgnetwerk 18-",
	"Krachtig Gezin", "Aanpak ‘Achter de Voordeur’", "Wijkgericht werken",
	"Intensieve Gezinsbegeleiding", "Gezin Centraal", "Regieteam Jeugd",
	"Aanpak 1Gezin1Plan", "Multisysteemtherapie", "Top-X-aanpak",
	"Zorg- en Adviesteam",
};

static const char *const partner_plain[] = {
	"Bureau Jeugdzorg", "Raad voor de Kinderbescherming", "Politie",
	"Reclassering Nederland", "Leger des Heils", "MEE",
	"Algemeen Maatschappelijk Werk", "Centrum voor Jeugd en Gezin",
	"William Schrikker Groep", "Humanitas", "Openbaar Ministerie",
	"Sociale Dienst", "Leerplicht", "Halt", "Kwadraad", "Fier Fryslân",
	"Advies- en Meldpunt Kindermishandeling",
	"Steunpunt Huiselijk Geweld", "Stichting \"Het Anker\"",
	"Welzijn, Zorg & Wonen", "Verslavingszorg Noord Nederland",
	"Novadic-Kentron", "Tactus Verslavingszorg", "Bouman GGZ",
	"Parnassia", "Dimence", "Lentis", "Stichting Jeugdbescherming",
	"UWV", "Vluchtelingenwerk", "Zorg- en Veiligheidshuis",
};

static const char *const partner_regional[] = {
	"GGD", "GGZ", "Woningcorporatie", "Stichting Welzijn", "Jeugdzorg",
	"Schuldhulpverlening", "Veiligheidsregio", "Thuiszorg",
};

static const char *const regions[] = {
	"West-Brabant", "Fryslân", "Hollands Noorden", "Gelderland-Zuid",
	"Twente", "IJsselland", "Zuid-Limburg", "Drenthe", "Groningen",
	"Utrecht", "Zeeland", "Noord- en Oost-Gelderland", "Flevoland",
	"Rotterdam-Rijnmond", "Kennemerland", "Hart voor Brabant",
};

static const char *const t_subject[] = {
	"De gemeente", "Onze organisatie", "De regisseur", "Het team",
	"De netwerkpartners", "De gezinscoach", "Het casusoverleg",
	"De stuurgroep", "De werkers", "De teamleider", "Elke partner",
	"De wijkcoördinator", "Het Veiligheidshuis",
};

static const char *const t_predicate[] = {
	"heeft hierover afspraken gemaakt met de andere partijen",
	"stemt de zorg af in het wekelijkse casusoverleg",
	"legt de doelen vast in één plan per gezin",
	"bespreekt de voortgang elke zes weken met het gezin",
	"meldt gezinnen aan via het Veiligheidshuis",
	"werkt outreachend en gaat bij het gezin op huisbezoek",
	"evalueert de resultaten jaarlijks met alle betrokkenen",
	"houdt per gezin bij hoeveel hulpverleners betrokken zijn",
	"heeft geen formele doorzettingsmacht",
	"is onvoldoende toegerust voor de zwaarste casussen",
	"betrekt familie en buren waar dat kan",
	"sluit een casus pas af als de problemen beheersbaar zijn",
	"deelt informatie binnen de kaders van het convenant",
	"kan bij stagnatie opschalen naar de stuurgroep",
	"gaat uit van de vraag van het gezin",
	"gebruikt de zelfredzaamheidsmatrix bij start en afsluiting",
	"weet niet precies hoe dit bij de andere partners geregeld is",
	"heeft daar nog geen beleid op vastgesteld",
};

static const char *const t_tail[] = {
	", maar dat is nog niet formeel vastgelegd",
	", vooral in de wijken met veel gezinnen in armoede",
	"; de evaluatie volgt in 2014",
	" (zie het convenant van 2012)",
	", ook als het gezin de hulp afhoudt",
	"; dat is bij alle partners bekend",
	", al verschilt dat per casus",
	"; in de praktijk lukt dat niet altijd",
	", zeker wanneer er kinderen in beeld zijn bij de Raad",
};

static const char *const t_whole[] = {
	"Dit staat in het werkplan \"Samen Sterk\" van 2012.",
	"Wij noemen dit intern \"de zachte landing\".",
	"In het convenant staat: \"Niemand valt tussen wal en schip\".",
	"Nee; dat loopt via de gemeente.",
	"Zie de notitie \"Regie in de wijk\", hoofdstuk 3.",
	"Ja, binnen de kaders van het toezicht.",
	"Weet ik niet.",
	"Dat hangt af van de casus, de betrokken partijen en het gezin.",
	"Het gaat om ongeveer 40 gezinnen; precieze cijfers ontbreken.",
};

static const char *const t_list_item[] = {
	"afname van overlast en onveiligheid, vooral voor de kinderen",
	"vergroten van de zelfredzaamheid van het gezin",
	"schulden stabiliseren en een vast inkomen",
	"kinderen gaan weer naar school",
	"een veilige woon- en leefomgeving",
	"minder betrokken hulpverleners per gezin",
};

/* ---- municipality names ---------------------------------------------- */

static int
name_taken(char **names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return 1;
	return 0;
}

static void
name_compound(struct rng *r, struct sb *b)
{
	sb_add(b, PICK(r, name_first));
	sb_add(b, PICK(r, name_suffix));
}

/* One Dutch-looking municipality name. */
static void
name_make(struct rng *r, struct sb *b)
{
	uint32_t k = rng_below(r, 1000);

	b->len = 0;
	b->p[0] = '\0';
	if (k < 560) {
		name_compound(r, b);
	} else if (k < 600) {
		sb_add(b, "’s-");
		sb_add(b, PICK(r, name_saint));
		sb_add(b, PICK(r, name_suffix));
	} else if (k < 680) {
		sb_add(b, PICK(r, name_prefix));
		name_compound(r, b);
	} else if (k < 750) {
		name_compound(r, b);
		sb_add(b, PICK(r, name_water));
	} else if (k < 830) {
		sb_add(b, PICK(r, name_fy_first));
		sb_add(b, PICK(r, name_fy_suffix));
	} else if (k < 850) {
		sb_add(b, PICK(r, name_region));
		sb_add(b, rng_below(r, 2) ? "Fryslân" : "Wâlden");
	} else if (k < 920) {
		name_compound(r, b);
		sb_add(b, rng_below(r, 2) ? " en " : "-");
		name_compound(r, b);
	} else if (k < 935) {
		name_compound(r, b);
		sb_add(b, ", ");
		name_compound(r, b);
		sb_add(b, " en ");
		name_compound(r, b);
	} else if (k < 975) {
		sb_add(b, PICK(r, name_de));
	} else {
		name_compound(r, b);
		sb_add(b, PICK(r, name_province));
	}
}

static char **
names_make(uint64_t seed, size_t n)
{
	char     **names = xmalloc(n * sizeof(*names));
	char       buf[NAME_CAP];
	struct sb  b = { buf, 0, sizeof(buf) };
	struct rng r = rng_derive(seed, UINT64_C(0x6e616d6573), 0);
	size_t     i = 0, a = 0, tries = 0;

	while (i < n) {
		if (a < sizeof(name_anchor) / sizeof(name_anchor[0])) {
			b.len = 0;
			b.p[0] = '\0';
			sb_add(&b, name_anchor[a++]);
		} else {
			name_make(&r, &b);
		}
		if (name_taken(names, i, b.p)) {
			if (++tries > 1000000)
				die("cannot make %zu unique names", n);
			continue;
		}
		names[i++] = xstrndup(b.p, b.len);
	}
	return names;
}

/* ---- one municipality ------------------------------------------------- */

struct answer {
	int         value;        /* enum value, or -1: not asked */
	const char *toelichting;  /* NULL: none */
};

struct respondent {
	enum role      role;
	char           org[ORG_CAP];
	struct answer *a;         /* per framework indicator */
};

struct approach {
	const char       *name;
	struct respondent r[RESPONDENTS];
};

struct muni {
	char            name[NAME_CAP];
	size_t          ordinal;  /* 1-based over the whole output */
	struct approach ap[APPROACHES];
	struct sb       pool;     /* the toelichting texts */
};

static void
toelichting_make(struct rng *r, struct sb *b)
{
	uint32_t k = rng_below(r, 100), n, i;

	if (k < 4) {
		/* A list, with line breaks inside the quoted cell. */
		sb_add(b, "Doelen van de aanpak:");
		n = 2 + rng_below(r, 3);
		for (i = 0; i < n; i++) {
			sb_add(b, "\n- ");
			sb_add(b, PICK(r, t_list_item));
			sb_add(b, i + 1 < n ? ";" : ".");
		}
		return;
	}
	n = k < 55 ? 1 : k < 88 ? 2 : 3;
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_add(b, " ");
		if (rng_below(r, 8) == 0) {
			sb_add(b, PICK(r, t_whole));
			continue;
		}
		sb_add(b, PICK(r, t_subject));
		sb_add(b, " ");
		sb_add(b, PICK(r, t_predicate));
		if (rng_below(r, 3) == 0)
			sb_add(b, PICK(r, t_tail));
		sb_add(b, ".");
	}
}

static void
partner_make(struct rng *r, char *out, size_t cap)
{
	if (rng_below(r, 3) == 0)
		snprintf(out, cap, "%s %s", PICK(r, partner_regional),
		    PICK(r, regions));
	else
		snprintf(out, cap, "%s", PICK(r, partner_plain));
}

/* A value around the approach's "true" state for the indicator. */
static int
answer_make(struct rng *r, int truth, enum role role)
{
	uint32_t k = rng_below(r, 1000);

	if (k < (role == ROLE_GEMEENTE ? 15u : 45u))
		return V_WEETNIET;
	if (k < 75)
		return V_NVT;
	if (k < 800)
		return truth;
	k = rng_below(r, 10);
	return k < 5 ? V_JA : k < 8 ? V_DEELS : V_NEE;
}

static void
muni_make(struct muni *m, const struct framework *fw, uint64_t seed,
    const char *base, size_t copy, size_t index)
{
	struct rng r = rng_derive(seed, copy, index);
	size_t     a, j, i;
	int        truth;

	if (copy == 0)
		snprintf(m->name, sizeof(m->name), "%s", base);
	else
		snprintf(m->name, sizeof(m->name), "%s %zu", base, copy + 1);
	m->pool.len = 0;
	m->pool.p[0] = '\0';
	for (a = 0; a < APPROACHES; a++) {
		struct approach *ap = &m->ap[a];
		uint32_t quality = 450 + rng_below(&r, 400);
		do {
			ap->name = PICK(&r, approach_names);
			for (j = 0; j < a; j++)
				if (m->ap[j].name == ap->name)
					break;
		} while (j < a);
		ap->r[0].role = ROLE_GEMEENTE;
		snprintf(ap->r[0].org, sizeof(ap->r[0].org), "Gemeente %s",
		    m->name);
		for (j = 1; j < RESPONDENTS; j++) {
			size_t q;
			ap->r[j].role = ROLE_PARTNER;
			do {
				partner_make(&r, ap->r[j].org,
				    sizeof(ap->r[j].org));
				for (q = 1; q < j; q++)
					if (strcmp(ap->r[q].org,
					    ap->r[j].org) == 0)
						break;
			} while (q < j);
		}
		for (i = 0; i < fw->n; i++) {
			uint32_t k = rng_below(&r, 1000);
			truth = k < quality ? V_JA :
			    k < quality + (1000 - quality) * 55 / 100 ?
			    V_DEELS : V_NEE;
			for (j = 0; j < RESPONDENTS; j++) {
				struct respondent *rs = &ap->r[j];
				struct answer *an = &rs->a[i];
				an->toelichting = NULL;
				if (!(fw->ind[i].roles & (1u << rs->role))) {
					an->value = -1;
					continue;
				}
				an->value = answer_make(&r, truth, rs->role);
				if (rng_below(&r, 3) == 0) {
					size_t at = m->pool.len;
					toelichting_make(&r, &m->pool);
					sb_add(&m->pool, "");
					m->pool.len++;   /* keep the NUL */
					an->toelichting = m->pool.p + at;
					if (m->pool.len >= m->pool.cap)
						die("toelichting pool full");
				}
			}
		}
	}
}

/* ---- output forms ---------------------------------------------------- */

struct opts {
	const char *workload;
	uint64_t    seed;
	const char *out;
	const char *framework;
	const char *dossier_dir;
	int         round;
	int         longform;
	int         comma;
	int         stats;
	size_t      copies;
	size_t      municipalities;
};

struct stats {
	uint64_t rows, answers, toelichtingen, by_value[V__COUNT];
	uint64_t dossiers;
};

static void
wide_header(struct out *o, const struct framework *fw, char d, int excel)
{
	static const char *const fixed[] = {
		"gemeente", "aanpak", "ronde", "rol", "organisatie"
	};
	char   buf[1024];
	size_t i;

	if (excel)
		out_str(o, "\xef\xbb\xbf");
	for (i = 0; i < 5; i++) {
		if (i > 0)
			out_ch(o, d);
		out_str(o, fixed[i]);
	}
	for (i = 0; i < fw->n; i++) {
		out_ch(o, d);
		if (fw->ind[i].text[0] != '\0')
			snprintf(buf, sizeof(buf), "%s %s", fw->ind[i].id,
			    fw->ind[i].text);
		else
			snprintf(buf, sizeof(buf), "%s", fw->ind[i].id);
		out_field(o, buf, d);
		out_ch(o, d);
		snprintf(buf, sizeof(buf), "%s toelichting", fw->ind[i].id);
		out_field(o, buf, d);
	}
	out_str(o, excel ? "\r\n" : "\n");
}

static void
emit_wide(struct out *o, const struct framework *fw, const struct muni *m,
    const char *round, char d, int excel, struct stats *st)
{
	size_t a, j, i;

	for (a = 0; a < APPROACHES; a++)
		for (j = 0; j < RESPONDENTS; j++) {
			const struct respondent *rs = &m->ap[a].r[j];
			out_field(o, m->name, d);
			out_ch(o, d);
			out_field(o, m->ap[a].name, d);
			out_ch(o, d);
			out_str(o, round);
			out_ch(o, d);
			out_str(o, role_names[rs->role]);
			out_ch(o, d);
			out_field(o, rs->org, d);
			for (i = 0; i < fw->n; i++) {
				const struct answer *an = &rs->a[i];
				out_ch(o, d);
				if (an->value >= 0)
					out_str(o, value_labels[an->value]);
				out_ch(o, d);
				if (an->toelichting != NULL)
					out_field(o, an->toelichting, d);
			}
			out_str(o, excel ? "\r\n" : "\n");
			st->rows++;
		}
}

static void
emit_long(struct out *o, const struct framework *fw, const struct muni *m,
    const char *round, struct stats *st)
{
	size_t a, j, i;

	for (a = 0; a < APPROACHES; a++)
		for (j = 0; j < RESPONDENTS; j++) {
			const struct respondent *rs = &m->ap[a].r[j];
			for (i = 0; i < fw->n; i++) {
				const struct answer *an = &rs->a[i];
				if (an->value < 0)
					continue;
				out_field(o, m->name, ',');
				out_ch(o, ',');
				out_field(o, m->ap[a].name, ',');
				out_ch(o, ',');
				out_str(o, round);
				out_ch(o, ',');
				out_str(o, role_names[rs->role]);
				out_ch(o, ',');
				out_field(o, rs->org, ',');
				out_ch(o, ',');
				out_str(o, fw->ind[i].id);
				out_ch(o, ',');
				out_field(o, value_labels[an->value], ',');
				out_ch(o, ',');
				if (an->toelichting != NULL)
					out_field(o, an->toelichting, ',');
				out_ch(o, '\n');
				st->rows++;
			}
		}
}

static void
count_answers(const struct framework *fw, const struct muni *m,
    struct stats *st)
{
	size_t a, j, i;

	for (a = 0; a < APPROACHES; a++)
		for (j = 0; j < RESPONDENTS; j++)
			for (i = 0; i < fw->n; i++) {
				const struct answer *an = &m->ap[a].r[j].a[i];
				if (an->value < 0)
					continue;
				st->answers++;
				st->by_value[an->value]++;
				st->toelichtingen += an->toelichting != NULL;
			}
}

/* File-name form of a name: ASCII letters and digits, '-' between. */
static void
sanitise(const char *s, char *out, size_t cap)
{
	/* Latin-1 supplement letters, U+00C0..U+00FF, folded to ASCII. */
	static const char fold[] =
	    "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
	    "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	int    dash = 0;

	while (*p != '\0' && n + 2 < cap) {
		char c = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf) {
			c = fold[p[1] - 0x80];
			p++;
		} else if (*p >= 0x80) {
			/* Other non-ASCII (’, ‘): dropped, not a word break. */
			while (p[1] >= 0x80 && p[1] < 0xc0)
				p++;
			p++;
			continue;
		} else if (*p == '\'') {
			p++;
			continue;
		}
		p++;
		if (c == 0 || c == '-') {
			dash = n > 0;
			continue;
		}
		if (dash)
			out[n++] = '-';
		dash = 0;
		out[n++] = c;
	}
	out[n] = '\0';
}

static void
emit_dossier(const struct opts *op, const struct framework *fw,
    const struct muni *m, size_t total, struct stats *st)
{
	char       path[4096], base[NAME_CAP];
	struct out *o = xmalloc(sizeof(*o));
	struct rng r = rng_derive(op->seed ^ UINT64_C(0xd055), m->ordinal, 0);
	unsigned   inhabitants = 5000 + rng_below(&r, 200000);
	unsigned   families = 10 + inhabitants / 2000 + rng_below(&r, 40);
	int        width = 3;
	size_t     t;
	size_t     a, j;
	static const char *const months[] = {
		"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"
	};

	for (t = total; t >= 1000; t /= 10)
		width++;
	sanitise(m->name, base, sizeof(base));
	snprintf(path, sizeof(path), "%s/%0*zu-%s-%d-dossier.xml",
	    op->dossier_dir, width, m->ordinal, base, op->round);
	out_open(o, path);
	out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<dossier gemeente=\"");
	out_xml(o, m->name);
	snprintf(path, sizeof(path), "\" ronde=\"%d\" kader=\"", op->round);
	out_str(o, path);
	out_xml(o, fw->id);
	out_str(o, "\" versie=\"");
	out_xml(o, fw->version);
	out_str(o, "\">\n  <context>\n    <p>");
	out_xml(o, m->name);
	snprintf(path, sizeof(path), " is een gemeente met ruim %u.%03u "
	    "inwoners. De gemeente schat in dat er ongeveer %u gezinnen zijn "
	    "die aan de definitie van een gezin met geringe sociale "
	    "redzaamheid voldoen.</p>\n    <p>De gemeente geeft aan dat er "
	    "voor deze gezinnen twee aanpakken bestaan: ",
	    inhabitants / 1000, inhabitants % 1000 / 100 * 100, families);
	out_str(o, path);
	out_xml(o, m->ap[0].name);
	out_str(o, " en ");
	out_xml(o, m->ap[1].name);
	out_str(o, ". Beide worden in deze factsheet beoordeeld.</p>\n"
	    "  </context>\n");
	for (a = 0; a < APPROACHES; a++) {
		out_str(o, "  <aanpak naam=\"");
		out_xml(o, m->ap[a].name);
		out_str(o, "\">\n    <beschrijving>\n      <p>");
		out_xml(o, m->ap[a].name);
		snprintf(path, sizeof(path), " is gestart in %s %u en bereikt "
		    "op dit moment ongeveer %u gezinnen.</p>\n      <p>",
		    PICK(&r, months), 2008 + rng_below(&r, 5),
		    5 + rng_below(&r, families));
		out_str(o, path);
		{
			char       tb[2048];
			struct sb  b = { tb, 0, sizeof(tb) };
			tb[0] = '\0';
			toelichting_make(&r, &b);
			out_xml(o, tb);
		}
		out_str(o, "</p>\n    </beschrijving>\n");
		for (j = 1; j < RESPONDENTS; j++) {
			out_str(o, "    <netwerkpartner>");
			out_xml(o, m->ap[a].r[j].org);
			out_str(o, "</netwerkpartner>\n");
		}
		out_str(o, "  </aanpak>\n");
	}
	out_str(o, "</dossier>\n");
	out_close(o);
	free(o);
	st->dossiers++;
}

/* ---- command line ---------------------------------------------------- */

static void
usage(FILE *f)
{
	fputs(
"usage: gen --workload national|x100|one [--seed N] [-o FILE] [--long]\n"
"           [--framework FILE] [--round YEAR] [--comma] [--copies N]\n"
"           [--municipalities N] [--dossier-dir DIR] [--stats]\n"
"\n"
"Writes deterministic survey CSV for 'stj import' (stdout without -o).\n"
"\n"
"  --workload W        national: 342 municipalities; x100: national 100\n"
"                      times, names suffixed (\"Name 17\"); one: the first\n"
"  --seed N            seed (default 1); same seed, same bytes\n"
"  -o FILE             output file ('-': stdout)\n"
"  --long              one row per answer for sqlite3 .import:\n"
"                      gemeente,aanpak,ronde,rol,organisatie,indicator,\n"
"                      antwoord,toelichting\n", f);
	fputs(
"  --framework FILE    framework XML (default framework/stj-ggsr-2013.xml)\n"
"  --round YEAR        the ronde column (default 2013)\n"
"  --comma             ',' without BOM, LF (LimeSurvey) instead of the\n"
"                      default ';' with BOM and CRLF (Excel)\n"
"  --copies N          override the workload's number of copies\n"
"  --municipalities N  override the workload's municipalities per copy\n"
"  --dossier-dir DIR   also write one dossier XML per municipality\n"
"  --stats             print counts to stderr\n", f);
}

static uint64_t
parse_num(const char *opt, const char *s, uint64_t max)
{
	char              *end;
	unsigned long long v;

	errno = 0;
	if (s == NULL || *s == '\0' || *s == '-')
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		goto bad;
	return v;
bad:
	fprintf(stderr, "%s: %s: bad number '%s'\n", progname, opt,
	    s ? s : "");
	usage(stderr);
	exit(2);
}

static void
parse_args(struct opts *op, int argc, char **argv)
{
	int i;

	memset(op, 0, sizeof(*op));
	op->seed = 1;
	op->round = 2013;
	op->framework = "framework/stj-ggsr-2013.xml";
	op->copies = (size_t)-1;
	op->municipalities = (size_t)-1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		int         takes = 1;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			exit(0);
		} else if (strcmp(a, "--long") == 0) {
			op->longform = 1;
			takes = 0;
		} else if (strcmp(a, "--comma") == 0) {
			op->comma = 1;
			takes = 0;
		} else if (strcmp(a, "--stats") == 0) {
			op->stats = 1;
			takes = 0;
		} else if (v == NULL) {
			fprintf(stderr, "%s: %s: %s\n", progname, a,
			    strncmp(a, "-", 1) == 0 ? "unknown option or "
			    "missing value" : "unexpected argument");
			usage(stderr);
			exit(2);
		} else if (strcmp(a, "--workload") == 0) {
			op->workload = v;
		} else if (strcmp(a, "--seed") == 0) {
			op->seed = parse_num(a, v, UINT64_MAX);
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			op->out = v;
		} else if (strcmp(a, "--framework") == 0) {
			op->framework = v;
		} else if (strcmp(a, "--round") == 0) {
			op->round = (int)parse_num(a, v, 2100);
			if (op->round < 2000) {
				fprintf(stderr, "%s: --round: 2000..2100\n",
				    progname);
				exit(2);
			}
		} else if (strcmp(a, "--copies") == 0) {
			op->copies = (size_t)parse_num(a, v, 1000000);
		} else if (strcmp(a, "--municipalities") == 0) {
			op->municipalities = (size_t)parse_num(a, v, 100000);
		} else if (strcmp(a, "--dossier-dir") == 0) {
			op->dossier_dir = v;
		} else {
			fprintf(stderr, "%s: unknown option %s\n", progname, a);
			usage(stderr);
			exit(2);
		}
		i += takes;
	}
	if (op->workload == NULL) {
		fprintf(stderr, "%s: --workload is required\n", progname);
		usage(stderr);
		exit(2);
	}
}

int
main(int argc, char **argv)
{
	struct opts      op;
	struct framework fw;
	struct stats     st;
	struct out      *o;
	struct muni     *m;
	char           **names;
	char             round[16];
	size_t           copies, count, c, k, a, j;

	parse_args(&op, argc, argv);
	if (strcmp(op.workload, "national") == 0) {
		copies = 1;
		count = 342;
	} else if (strcmp(op.workload, "x100") == 0) {
		copies = 100;
		count = 342;
	} else if (strcmp(op.workload, "one") == 0) {
		copies = 1;
		count = 1;
	} else {
		fprintf(stderr, "%s: unknown workload '%s'\n", progname,
		    op.workload);
		usage(stderr);
		exit(2);
	}
	if (op.copies != (size_t)-1)
		copies = op.copies;
	if (op.municipalities != (size_t)-1)
		count = op.municipalities;
	framework_load(&fw, op.framework);
	if (op.dossier_dir != NULL && mkdir(op.dossier_dir, 0777) == -1 &&
	    errno != EEXIST)
		die("%s: %s", op.dossier_dir, strerror(errno));
	snprintf(round, sizeof(round), "%d", op.round);

	names = names_make(op.seed, count);
	m = xmalloc(sizeof(*m));
	m->pool.cap = POOL_CAP;
	m->pool.p = xmalloc(POOL_CAP);
	for (a = 0; a < APPROACHES; a++)
		for (j = 0; j < RESPONDENTS; j++)
			m->ap[a].r[j].a = xmalloc(fw.n * sizeof(struct answer));
	memset(&st, 0, sizeof(st));
	o = xmalloc(sizeof(*o));
	out_open(o, op.out);
	if (op.longform)
		out_str(o, "gemeente,aanpak,ronde,rol,organisatie,indicator,"
		    "antwoord,toelichting\n");
	else
		wide_header(o, &fw, op.comma ? ',' : ';', !op.comma);
	for (c = 0; c < copies; c++)
		for (k = 0; k < count; k++) {
			muni_make(m, &fw, op.seed, names[k], c, k);
			m->ordinal = c * count + k + 1;
			if (op.longform)
				emit_long(o, &fw, m, round, &st);
			else
				emit_wide(o, &fw, m, round,
				    op.comma ? ',' : ';', !op.comma, &st);
			count_answers(&fw, m, &st);
			if (op.dossier_dir != NULL)
				emit_dossier(&op, &fw, m, copies * count, &st);
		}
	out_close(o);
	if (op.stats) {
		fprintf(stderr, "%s: %zu municipalities, %llu rows, %llu answers"
		    " (ja %llu, deels %llu, nee %llu, weet niet %llu, n.v.t. "
		    "%llu), %llu toelichtingen, %llu bytes, %llu dossiers\n",
		    progname, copies * count, (unsigned long long)st.rows,
		    (unsigned long long)st.answers,
		    (unsigned long long)st.by_value[V_JA],
		    (unsigned long long)st.by_value[V_DEELS],
		    (unsigned long long)st.by_value[V_NEE],
		    (unsigned long long)st.by_value[V_WEETNIET],
		    (unsigned long long)st.by_value[V_NVT],
		    (unsigned long long)st.toelichtingen,
		    (unsigned long long)o->bytes,
		    (unsigned long long)st.dossiers);
	}
	free(o);
	for (a = 0; a < APPROACHES; a++)
		for (j = 0; j < RESPONDENTS; j++)
			free(m->ap[a].r[j].a);
	free(m->pool.p);
	free(m);
	for (k = 0; k < count; k++)
		free(names[k]);
	free(names);
	for (k = 0; k < fw.n; k++) {
		free(fw.ind[k].id);
		free(fw.ind[k].text);
	}
	free(fw.ind);
	free(fw.id);
	free(fw.version);
	return 0;
}
