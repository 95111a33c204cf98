/*
 * web_import: the Factsheet page with its PDF, and the Importeren page.
 *
 * Factsheet: the PDF of a round as it stands, made on every request by
 * report_factsheet_pdf() (the same model and rendering as "stj
 * factsheet"), shown inline in a frame and offered as a download.
 *
 * Importeren: files uploaded in one multipart form go through
 * importer_run() (the one library path under "stj import") as a dry run;
 * the page shows what would be stored and every diagnostic. When nothing
 * is wrong the files are kept here, in memory, bound to the session under
 * a random id, until the inspector confirms (then importer_run() stores
 * exactly those files in one transaction) or they expire. A browser's
 * file name is only ever a name to show and to put in diagnostics.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "factsheet_html.h"
#include "importer.h"
#include "report.h"
#include "store.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

/* One upload's body, every file together: the Importeren page says so. */
#define IMPORT_BODY_MAX   (8 * 1024 * 1024)
#define IMPORT_BODY_TEXT  "8 MiB"
/* Dry runs waiting for confirmation, and how long each waits. */
#define PENDING_MAX       8
#define PENDING_SECONDS   (30 * 60)
/* A file name as shown: enough to recognise it. */
#define NAME_MAX_BYTES    120

static const char *
text(const struct web_request *q, const char *name)
{
	return web_text(q->ctx->tmpl, name);
}

/* --- Factsheet ---------------------------------------------------------- */

/*
 * The download's file name, "factsheet-Súdwest-Fryslân-2013.pdf", as
 * RFC 6266 has it: an ASCII fallback (anything else as '_') for old
 * clients, and the UTF-8 name percent-encoded (RFC 5987) for the rest.
 * New string.
 */
static char *
disposition(const char *how, const char *municipality, int round)
{
	static const char hex[] = "0123456789ABCDEF";
	char   *name = xasprintf("factsheet-%s-%d.pdf", municipality, round);
	size_t  n = strlen(name), i;
	char   *ascii = xmalloc(n + 1), *enc = xmalloc(3 * n + 1), *e = enc;
	char   *a;
	char   *out;

	for (i = 0, a = ascii; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._", c) != NULL;
		/* One '_' per character: UTF-8 continuation bytes add none. */
		if ((c & 0xc0) != 0x80)
			*a++ = plain ? (char)c : '_';
		if (plain) {
			*e++ = (char)c;
			continue;
		}
		*e++ = '%';
		*e++ = hex[c >> 4];
		*e++ = hex[c & 15];
	}
	*a = '\0';
	*e = '\0';
	out = xasprintf("%s; filename=\"%s\"; filename*=UTF-8''%s", how,
	    ascii, enc);
	free(name);
	free(ascii);
	free(enc);
	return out;
}

/*
 * The municipality and round of a Factsheet request, resolved to the
 * stored spelling (*mun lives until the store closes); the error page
 * when they are missing (400) or unknown (404).
 */
static int
factsheet_round(const struct web_request *q, struct web_response *r,
    struct store *s, const char **mun)
{
	struct diags d;
	char        *fw = NULL, *version = NULL;
	int          round = q->jaar, rc = 0;

	diags_init(&d);
	*mun = q->field[KEY_GEMEENTE];
	if (store_resolve_municipality(s, mun, &d) == -1 ||
	    store_find_round(s, *mun, &round, &fw, &version, &d) == -1) {
		web_page_error(q, r, 404);
		rc = -1;
	}
	free(fw);
	free(version);
	diags_free(&d);
	return rc;
}

void
web_page_factsheet_pdf(const struct web_request *q, struct web_response *r)
{
	struct report  rep;
	struct store  *s;
	struct diags   d;
	const char    *mun;
	unsigned char *buf = NULL;
	size_t         len = 0;

	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	if (factsheet_round(q, r, s, &mun) == -1) {
		web_close(q, s);
		return;
	}
	diags_init(&d);
	report_init(&rep, s, q->ctx->cfg->set, q->ctx->cfg->ph,
	    q->ctx->cfg->datadir, NULL, 0);
	if (report_factsheet_pdf(&rep, mun, q->jaar, "factsheet.pdf", &buf,
	    &len, &d) == -1)
		web_page_error(q, r, 500);
	else {
		r->status = 200;
		r->body.p = (char *)buf;
		r->body.n = r->body.cap = len;
		r->type = "application/pdf";
		r->framed = 1;
		r->disposition = disposition(q->field[KEY_DOWNLOAD] != NULL ?
		    "attachment" : "inline", mun, q->jaar);
	}
	report_free(&rep);
	diags_free(&d);
	web_close(q, s);
}

/* -- step 11: html -- */
/*
 * The factsheet as one HTML document (factsheet_html.h), a page of its
 * own. Its stylesheet is inline, which the pages' policy (style-src
 * 'self') forbids: this response allows exactly that stylesheet by its
 * hash and nothing else, no script, no image, no form, no frame.
 */
void
web_page_factsheet_html(const struct web_request *q, struct web_response *r)
{
	struct report     rep;
	struct factsheet *fs;
	struct store     *s;
	struct diags      d;
	const char       *mun;
	char             *buf = NULL, *hash = NULL;
	size_t            len = 0;

	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	if (factsheet_round(q, r, s, &mun) == -1) {
		web_close(q, s);
		return;
	}
	diags_init(&d);
	report_init(&rep, s, q->ctx->cfg->set, q->ctx->cfg->ph,
	    q->ctx->cfg->datadir, NULL, 0);
	if ((fs = report_factsheet(&rep, mun, q->jaar, &d)) == NULL ||
	    factsheet_html_mem(&rep, fs, &buf, &len, &hash, &d) == -1)
		web_page_error(q, r, 500);
	else {
		r->status = 200;
		r->body.p = buf;
		r->body.n = r->body.cap = len;
		r->csp = xasprintf("default-src 'none'; style-src "
		    "'sha256-%s'; frame-ancestors 'none'; form-action 'none'; "
		    "base-uri 'none'", hash);
	}
	free(hash);
	factsheet_free(fs);
	report_free(&rep);
	diags_free(&d);
	web_close(q, s);
}

void
web_page_factsheet(const struct web_request *q, struct web_response *r)
{
	struct web_buf body = { 0 }, links = { 0 };
	struct store  *s;
	struct diags   d;
	const char    *mun;
	char           jaar[16], *state = NULL, *since = NULL, *title;
	char          *pdf, *download, *html;
	int            self = 0;

	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	if (factsheet_round(q, r, s, &mun) == -1) {
		web_close(q, s);
		return;
	}
	diags_init(&d);
	store_round_state(s, mun, q->jaar, &state, &since, &d);
	store_round_kind(s, mun, q->jaar, &self, &d);
	snprintf(jaar, sizeof(jaar), "%d", q->jaar);
	web_round_links(q, s, mun, q->jaar, "/factsheet", &links);
	pdf = web_href("/factsheet.pdf", mun, q->jaar);
	download = xasprintf("%s&download=1", pdf);
	html = web_href("/factsheet.html", mun, q->jaar);
	/* A self-assessment's document is titled as its PDF: Zelfevaluatie. */
	title = xasprintf("%s %s %s", text(q, self ? "factsheet.zelf" :
	    "factsheet.titel"), mun, jaar);
	{
		struct web_var v[] = {
			{ "titel", text(q, self ? "factsheet.zelf" :
			    "factsheet.titel"), NULL },
			{ "gemeente", mun, NULL },
			{ "jaar", jaar, NULL },
			{ "staat", state != NULL ? state : "", NULL },
			{ "links", NULL, &links },
			{ "pdf", pdf, NULL },
			{ "download", download, NULL },
			{ "html", html, NULL },
		};
		web_render(&body, q->ctx->tmpl, TMPL_FACTSHEET, v, NVARS(v));
	}
	web_page(q, r, 200, title, &body);
	free(title);
	free(pdf);
	free(download);
	free(html);
	free(state);
	free(since);
	diags_free(&d);
	web_buf_free(&body);
	web_buf_free(&links);
	web_close(q, s);
}

/* --- The uploads between dry run and confirmation ------------------------ */

struct pending {
	int                live;
	char               id[WEB_TOKEN_LEN];
	unsigned char      owner[crypto_generichash_BYTES];  /* session's */
	time_t             made;      /* CLOCK_MONOTONIC seconds */
	int                replace;
	const struct framework *fw;   /* CSV and Excel are read against */
	struct web_upload *f;
	size_t             n;
};

struct web_imports {
	pthread_mutex_t lock;
	struct pending  p[PENDING_MAX];
};

struct web_imports *
web_imports_new(void)
{
	struct web_imports *m = xcalloc(1, sizeof(*m));

	pthread_mutex_init(&m->lock, NULL);
	return m;
}

static void
pending_clear(struct pending *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->f[i].name);
		free(p->f[i].data);
	}
	free(p->f);
	sodium_memzero(p, sizeof(*p));
}

void
web_imports_free(struct web_imports *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < PENDING_MAX; i++)
		pending_clear(&m->p[i]);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

static time_t
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* The session's id hashed: what a pending import is bound to. */
static void
owner_of(const char *sid, unsigned char out[crypto_generichash_BYTES])
{
	crypto_generichash(out, crypto_generichash_BYTES,
	    (const unsigned char *)sid, strlen(sid), NULL, 0);
}

/*
 * Keeps the n files (taken: *f becomes NULL) for the session under a new
 * id in id. A session has one import waiting at most: a new dry run
 * replaces its last. -1 when PENDING_MAX others wait (the caller says so;
 * nobody else's waiting import is thrown away for it).
 */
static int
pending_put(struct web_imports *m, const char *sid, struct web_upload **f,
    size_t n, int replace, const struct framework *fw,
    char id[WEB_TOKEN_LEN])
{
	unsigned char owner[crypto_generichash_BYTES], raw[32];
	struct pending *free_slot = NULL;
	time_t          t = now();
	size_t          i;

	owner_of(sid, owner);
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < PENDING_MAX; i++) {
		struct pending *p = &m->p[i];
		if (p->live && (t - p->made > PENDING_SECONDS ||
		    sodium_memcmp(p->owner, owner, sizeof(owner)) == 0))
			pending_clear(p);
		if (!p->live && free_slot == NULL)
			free_slot = p;
	}
	if (free_slot != NULL) {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(free_slot->id, WEB_TOKEN_LEN, raw,
		    sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		memcpy(id, free_slot->id, WEB_TOKEN_LEN);
		memcpy(free_slot->owner, owner, sizeof(owner));
		free_slot->made = t;
		free_slot->replace = replace;
		free_slot->fw = fw;
		free_slot->f = *f;
		free_slot->n = n;
		free_slot->live = 1;
		*f = NULL;
	}
	pthread_mutex_unlock(&m->lock);
	return free_slot != NULL ? 0 : -1;
}

/*
 * Takes the files kept under id for this session (the caller owns and
 * frees them; the id is used up), or -1 when there are none: expired,
 * used already, another session's, never made.
 */
static int
pending_take(struct web_imports *m, const char *sid, const char *id,
    struct pending *out)
{
	unsigned char owner[crypto_generichash_BYTES];
	time_t        t = now();
	size_t        i;
	int           rc = -1;

	owner_of(sid, owner);
	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < PENDING_MAX; i++) {
		struct pending *p = &m->p[i];
		if (!p->live || strlen(id) != strlen(p->id) ||
		    sodium_memcmp(p->id, id, strlen(id)) != 0 ||
		    sodium_memcmp(p->owner, owner, sizeof(owner)) != 0)
			continue;
		if (t - p->made <= PENDING_SECONDS) {
			*out = *p;
			memset(p, 0, sizeof(*p));
			rc = 0;
		} else
			pending_clear(p);
		break;
	}
	pthread_mutex_unlock(&m->lock);
	return rc;
}

/* --- Importeren ---------------------------------------------------------- */

size_t
web_upload_max(const char *method, const char *path)
{
	return strcmp(method, "POST") == 0 &&
	    strcmp(path, "/importeren") == 0 ? IMPORT_BODY_MAX : 0;
}

void
web_page_upload_too_large(const struct web_request *q,
    struct web_response *r)
{
	struct web_buf body = { 0 };
	char          *msg = xasprintf("%s %s.", text(q, "import.te_groot"),
	    IMPORT_BODY_TEXT);

	{
		struct web_var v[] = {
			{ "titel", text(q, "fout.413.titel"), NULL },
			{ "tekst", msg, NULL },
		};
		web_render(&body, q->ctx->tmpl, TMPL_ERROR, v, NVARS(v));
	}
	web_page(q, r, 413, text(q, "fout.413.titel"), &body);
	free(msg);
	web_buf_free(&body);
}

/*
 * The framework a CSV or Excel file is read against: the form's "kader"
 * (NULL when the server has no such version), else the default of
 * stj import.
 */
static const struct framework *
chosen_framework(const struct web_request *q)
{
	const char *spec = q->field[KEY_KADER];

	return framework_set_find(q->ctx->cfg->set,
	    spec != NULL ? spec : CLI_DEFAULT_FRAMEWORK);
}

/* The options of the framework select, the default selected. */
static void
framework_options(const struct web_request *q, struct web_buf *out)
{
	const struct framework_set *set = q->ctx->cfg->set;
	const struct framework     *def = framework_set_find(set,
	    CLI_DEFAULT_FRAMEWORK);
	size_t                      i;

	for (i = 0; i < set->n; i++) {
		const struct framework *fw = set->v[i];
		char *value = xasprintf("%s@%s", fw->id, fw->version);
		char *name = xasprintf("%s (%s)", fw->title, fw->version);
		struct web_var v[] = {
			{ "waarde", value, NULL },
			{ "naam", name, NULL },
			{ "sel", fw == def ? " selected" : "", NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_IMPORT_KADER, v, NVARS(v));
		free(value);
		free(name);
	}
}

/* The form, with the message a refused confirmation left (if any). */
static void
import_form(const struct web_request *q, struct web_response *r,
    unsigned status, const struct web_buf *msg)
{
	struct web_buf body = { 0 }, kaders = { 0 };
	struct web_var v[] = {
		{ "csrf", q->csrf, NULL },
		{ "max", IMPORT_BODY_TEXT, NULL },
		{ "melding", NULL, msg },
		{ "kaders", NULL, &kaders },
	};

	framework_options(q, &kaders);
	web_render(&body, q->ctx->tmpl, TMPL_IMPORT, v, NVARS(v));
	web_page(q, r, status, text(q, "import.titel"), &body);
	web_buf_free(&body);
	web_buf_free(&kaders);
}

void
web_page_importeren(const struct web_request *q, struct web_response *r)
{
	struct web_buf msg = { 0 };

	web_flash(q, &msg);
	import_form(q, r, 200, &msg);
	web_buf_free(&msg);
}

/*
 * The browser's file name as shown and as diagnostics name the file: the
 * part after any directory, control characters and (when it is no UTF-8)
 * every non-ASCII byte as '?', at most NAME_MAX_BYTES; "bestand-N" when
 * nothing is left. New string.
 */
static char *
display_name(const char *sent, size_t i)
{
	const char *base = sent;
	char       *out, *o;
	size_t      n;

	for (; *sent != '\0'; sent++)
		if (*sent == '/' || *sent == '\\')
			base = sent + 1;
	out = xstrdup(base);
	for (o = out; *o != '\0'; o++)
		if ((unsigned char)*o < 0x20 || *o == 0x7f)
			*o = '?';
	if (text_control(out, "") != 0)
		for (o = out; *o != '\0'; o++)
			if ((unsigned char)*o >= 0x80)
				*o = '?';
	n = strlen(out);
	if (n > NAME_MAX_BYTES) {
		n = NAME_MAX_BYTES;
		while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80)
			n--;
		out[n] = '\0';
	}
	if (*out == '\0') {
		free(out);
		out = xasprintf("bestand-%zu", i + 1);
	}
	return out;
}

/* Copies of the request's uploads, with names fit to show. */
static struct web_upload *
uploads_copy(const struct web_request *q)
{
	struct web_upload *f = xcalloc(q->nupload, sizeof(*f));
	size_t             i;

	for (i = 0; i < q->nupload; i++) {
		f[i].name = display_name(q->upload[i].name, i);
		f[i].len = q->upload[i].len;
		f[i].data = xmalloc(f[i].len + 1);
		memcpy(f[i].data, q->upload[i].data, f[i].len);
		f[i].data[f[i].len] = '\0';
	}
	return f;
}

static void
uploads_free(struct web_upload *f, size_t n)
{
	size_t i;

	for (i = 0; f != NULL && i < n; i++) {
		free(f[i].name);
		free(f[i].data);
	}
	free(f);
}

/* One import through the library: a dry run, or the real one. */
static int
run_import(const struct web_request *q, struct web_response *r,
    const struct web_upload *f, size_t n, int replace,
    const struct framework *fw, int dry_run, struct importer_report *rep,
    struct diags *d)
{
	struct importer_file *files = xcalloc(n, sizeof(*files));
	struct importer_opts  o;
	struct store         *s;
	char                  at[32];
	size_t                i;
	int                   rc = -1;

	memset(rep, 0, sizeof(*rep));
	for (i = 0; i < n; i++) {
		files[i].name = f[i].name;
		files[i].data = f[i].data;
		files[i].len = f[i].len;
	}
	memset(&o, 0, sizeof(o));
	o.set = q->ctx->cfg->set;
	o.datadir = q->ctx->cfg->datadir;
	cli_timestamp(at);
	o.at = at;
	o.replace = replace;
	o.dry_run = dry_run;
	o.actor = &q->actor;   /* step 10: actor */
	o.csv_framework = fw;
	if ((s = web_open(q, r, 1)) != NULL) {
		rc = importer_run(s, &o, files, n, rep, d);
		web_close(q, s);
	} else
		rc = -2;     /* the 500 page is made */
	free(files);
	return rc;
}

/* A diagnostic as "stj import" prints it: "file:line: what is wrong". */
static char *
diag_line(const struct diag *g)
{
	if (g->file == NULL)
		return xasprintf("stj: %s", g->text);
	if (g->line > 0)
		return xasprintf("%s:%ld: %s", g->file, g->line, g->text);
	return xasprintf("%s: %s", g->file, g->text);
}

/* What one file holds: each respondent and dossier read from it. */
static void
report_file(const struct web_request *q, const struct importer_report *rep,
    size_t fi, const char *name, struct web_buf *out)
{
	struct web_buf items = { 0 };
	size_t         k;

	for (k = 0; k < rep->n; k++) {
		const struct importer_item *it = &rep->v[k];
		char jaar[16], a[24], b[24], *niet = NULL;
		if (it->file != fi)
			continue;
		snprintf(jaar, sizeof(jaar), "%d", it->round);
		snprintf(a, sizeof(a), "%zu", it->dossier ? it->napproaches :
		    it->answered);
		snprintf(b, sizeof(b), "%zu", it->asked);
		if (it->unanswered != NULL)
			niet = xasprintf("%s %s", text(q, "import.niet"),
			    it->unanswered);
		{
			struct web_var v[] = {
				{ "gemeente", it->municipality, NULL },
				{ "jaar", jaar, NULL },
				{ "aanpak", it->dossier ? "" : it->approach,
				    NULL },
				{ "rol", it->dossier ? "" :
				    role_name((enum role)it->role), NULL },
				{ "organisatie", it->dossier ? "" :
				    it->organisation, NULL },
				{ "aantal", a, NULL },
				{ "gevraagd", b, NULL },
				{ "niet", niet != NULL ? niet : "", NULL },
			};
			web_render(&items, q->ctx->tmpl, it->dossier ?
			    TMPL_IMPORT_DOSSIER : TMPL_IMPORT_ITEM, v,
			    NVARS(v));
		}
		free(niet);
	}
	{
		struct web_var v[] = {
			{ "naam", name, NULL },
			{ "regels", NULL, &items },
			{ "leeg", items.n == 0 ? text(q, "import.bestand_leeg") :
			    "", NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_IMPORT_FILE, v, NVARS(v));
	}
	web_buf_free(&items);
}

/*
 * The report page: the counts, what each file holds, every diagnostic,
 * and (id not NULL) the button that imports exactly these files.
 */
static void
report_page(const struct web_request *q, struct web_response *r,
    const struct web_upload *f, size_t n, const struct importer_report *rep,
    const struct diags *d, const struct framework *fw, const char *id,
    const char *outcome, int ok)
{
	struct web_buf files = { 0 }, diags = { 0 }, confirm = { 0 };
	struct web_buf body = { 0 };
	char           num[6][24];
	char          *kader = xasprintf("%s (%s)", fw->title, fw->version);
	size_t         i;

	for (i = 0; i < n; i++)
		report_file(q, rep, i, f[i].name, &files);
	for (i = 0; i < d->n; i++) {
		char *line = diag_line(&d->v[i]);
		struct web_var v[] = { { "regel", line, NULL } };
		web_render(&diags, q->ctx->tmpl, TMPL_IMPORT_DIAG, v, NVARS(v));
		free(line);
	}
	if (id != NULL) {
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "import", id, NULL },
		};
		web_render(&confirm, q->ctx->tmpl, TMPL_IMPORT_CONFIRM, v,
		    NVARS(v));
	}
	snprintf(num[0], 24, "%zu", rep->municipalities);
	snprintf(num[1], 24, "%zu", rep->rounds);
	snprintf(num[2], 24, "%zu", rep->approaches);
	snprintf(num[3], 24, "%zu", rep->respondents);
	snprintf(num[4], 24, "%zu", rep->answers);
	snprintf(num[5], 24, "%zu", rep->dossiers);
	{
		struct web_var v[] = {
			{ "klasse", ok ? "ok" : "fout", NULL },
			{ "uitkomst", outcome, NULL },
			{ "kop", text(q, id != NULL ? "import.kop" :
			    "import.kop_fout"), NULL },
			{ "gemeenten", num[0], NULL },
			{ "rondes", num[1], NULL },
			{ "aanpakken", num[2], NULL },
			{ "respondenten", num[3], NULL },
			{ "antwoorden", num[4], NULL },
			{ "dossiers", num[5], NULL },
			{ "kader", kader, NULL },
			{ "bestanden", NULL, &files },
			{ "meldingen", NULL, &diags },
			{ "geen_meldingen", d->n == 0 ?
			    text(q, "import.geen_meldingen") : "", NULL },
			{ "bevestig", NULL, &confirm },
		};
		web_render(&body, q->ctx->tmpl, TMPL_IMPORT_REPORT, v,
		    NVARS(v));
	}
	web_page(q, r, 200, text(q, "import.controle"), &body);
	free(kader);
	web_buf_free(&files);
	web_buf_free(&diags);
	web_buf_free(&confirm);
	web_buf_free(&body);
}

/* POST /importeren: the dry run of the uploaded files, on a page. */
void
web_page_import_check(const struct web_request *q, struct web_response *r)
{
	struct importer_report rep;
	struct web_upload     *f;
	struct diags           d;
	char                   id[WEB_TOKEN_LEN];
	const char            *outcome;
	int                    replace = q->field[KEY_VERVANG] != NULL;
	int                    rc, ok;
	size_t                 n = q->nupload;
	const struct framework *fw = chosen_framework(q);

	if (n == 0 || fw == NULL) {
		struct web_buf msg = { 0 };
		struct web_var v[] = {
			{ "klasse", "fout", NULL },
			{ "tekst", text(q, fw == NULL ? "import.kader_onbekend" :
			    "import.geen_bestanden"), NULL },
		};
		web_render(&msg, q->ctx->tmpl, TMPL_FLASH, v, NVARS(v));
		import_form(q, r, 400, &msg);
		web_buf_free(&msg);
		return;
	}
	f = uploads_copy(q);
	diags_init(&d);
	if ((rc = run_import(q, r, f, n, replace, fw, 1, &rep, &d)) != -2) {
		ok = rc == 0;
		outcome = text(q, ok ? "import.klaar" : "import.niets");
		/* The report is made from f; the waiting import takes a copy. */
		{
			struct web_upload *keep = ok ? uploads_copy(q) : NULL;
			if (ok && pending_put(q->ctx->imports, q->sid, &keep, n,
			    replace, fw, id) == -1) {
				ok = 0;
				outcome = text(q, "import.vol");
			}
			uploads_free(keep, n);
		}
		report_page(q, r, f, n, &rep, &d, fw, ok ? id : NULL, outcome,
		    ok);
	}
	importer_report_free(&rep);
	diags_free(&d);
	uploads_free(f, n);
}

/*
 * "N respondenten (M antwoorden) en K dossiers uit F bestanden
 * geïmporteerd": the text's {{r}}, {{a}}, {{d}}, {{f}} filled in.
 */
static char *
said(const struct web_request *q, const struct importer_report *rep,
    size_t files)
{
	const char *t = text(q, "import.gelukt");
	size_t      vals[4] = { rep->respondents, rep->answers, rep->dossiers,
	    files };
	const char *names = "radf";
	char       *out = xstrdup(""), *next;
	const char *p;

	for (p = t; *p != '\0'; p++) {
		const char *k;
		if (p[0] == '{' && p[1] == '{' && p[2] != '\0' &&
		    (k = strchr(names, p[2])) != NULL && p[3] == '}' &&
		    p[4] == '}') {
			next = xasprintf("%s%zu", out, vals[k - names]);
			p += 4;
		} else
			next = xasprintf("%s%c", out, *p);
		free(out);
		out = next;
	}
	return out;
}

/* POST /importeren/bevestig: exactly the checked files, then Overzicht. */
void
web_page_import_confirm(const struct web_request *q, struct web_response *r)
{
	struct importer_report rep;
	struct pending         p;
	struct diags           d;
	char                  *msg;
	int                    rc;

	if (q->field[KEY_IMPORT] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if (pending_take(q->ctx->imports, q->sid, q->field[KEY_IMPORT],
	    &p) == -1) {
		web_session_flash(q->ctx->sessions, q->sid, 0,
		    text(q, "import.verlopen"));
		web_redirect(r, "/importeren");
		return;
	}
	diags_init(&d);
	rc = run_import(q, r, p.f, p.n, p.replace, p.fw, 0, &rep, &d);
	if (rc == 0) {
		msg = said(q, &rep, p.n);
		web_session_flash(q->ctx->sessions, q->sid, 1, msg);
		free(msg);
		web_redirect(r, "/");
	} else if (rc == -1)
		/* Changed since the dry run (a round vastgesteld, say). */
		report_page(q, r, p.f, p.n, &rep, &d, p.fw, NULL,
		    text(q, "import.niets"), 0);
	importer_report_free(&rep);
	diags_free(&d);
	pending_clear(&p);
}
