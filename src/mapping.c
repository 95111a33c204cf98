/*
 * mapping: survey export words and columns. See mapping.h.
 */
#include "mapping.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "ingest.h"
#include "names.h"
#include "util.h"

/*
 * Answer words as respondents and survey tools write them, compared by
 * names_key() (case-folded, white space collapsed, typographic commas and
 * dashes unified). The canonical spellings ("ja", "weet niet", "n.v.t.")
 * are ingest.c's; the longer forms forms tools offer are data
 * (templates/antwoorden.txt), loaded once before any thread starts and
 * only read after: an inspectorate adds a word without a new build.
 */
struct word {
	char       *key;
	enum answer answer;
};

static struct word *words;
static size_t       nwords;

static void
words_clear(void)
{
	size_t i;

	for (i = 0; i < nwords; i++)
		free(words[i].key);
	free(words);
	words = NULL;
	nwords = 0;
}

void
mapping_words_free(void)
{
	words_clear();
}

/* One "text<TAB>answer" line into the table; -1 when it is none. */
static int
words_line(char *line)
{
	char       *tab = strchr(line, '\t'), *key;
	enum answer a;

	if (tab == NULL)
		return -1;
	*tab = '\0';
	a = ingest_parse_answer(tab + 1);
	if (a == ANSWER__COUNT || a == ANSWER_NONE ||
	    (key = names_key(line)) == NULL || key[0] == '\0')
		return -1;
	words = xrealloc(words, (nwords + 1) * sizeof(*words));
	words[nwords].key = key;
	words[nwords++].answer = a;
	return 0;
}

int
mapping_words_load(const char *path, struct diags *d)
{
	char  *buf, *line, *next;
	size_t len;
	long   no = 0;
	int    errors = 0;

	words_clear();
	if (file_read_all(path, (size_t)1024 * 1024, &buf, &len) == -1) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return -1;
	}
	for (line = buf; line != NULL; line = next) {
		no++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		if (!utf8_valid(line, strlen(line)) || words_line(line) == -1) {
			diags_add(d, path, no, MSG_MAPF_WORDS, line);
			errors++;
		}
	}
	free(buf);
	if (errors > 0)
		words_clear();
	return errors > 0 ? -1 : 0;
}

enum answer
mapping_answer_word(const char *text)
{
	char       *key = names_key(text);
	enum answer a = ANSWER__COUNT;
	size_t      i;

	if (key == NULL)
		return ANSWER__COUNT;
	for (i = 0; i < nwords; i++)
		if (strcmp(words[i].key, key) == 0) {
			a = words[i].answer;
			break;
		}
	free(key);
	return a;
}

/* 1 when s holds an indicator-like id "1.1.1" (three dotted numbers). */
static int
has_indicator_id(const char *s)
{
	for (; *s != '\0'; s++) {
		const char *p = s;
		int         parts = 0;
		if (*s < '0' || *s > '9')
			continue;
		for (;;) {
			size_t n = strspn(p, "0123456789");
			if (n == 0)
				break;
			parts++;
			p += n;
			if (*p != '.' || p[1] < '0' || p[1] > '9')
				break;
			p++;
		}
		if (parts >= 3)
			return 1;
	}
	return 0;
}

int
mapping_looks_mapped(const char *header)
{
	char *key = names_key(header);
	int   looks;

	if (key == NULL)
		return 0;
	looks = strstr(key, "toelichting") != NULL || has_indicator_id(key);
	free(key);
	return looks;
}

/* -- step 14: mapping file -- the importer's own recognition. */

/* Survey tools' own columns: who, when, how long; no answers. */
static const char *const forms_meta[] = {
	"begintijd", "tijd van voltooien", "e-mail", "naam",
	"tijdstip van laatste wijziging", "tijd van laatste wijziging",
	"start time", "completion time", "email", "name",
	"last modified time",
};
static const char *const qualtrics_meta[] = {
	"startdate", "enddate", "status", "ipaddress", "progress",
	"duration (in seconds)", "finished", "recordeddate", "responseid",
	"recipientlastname", "recipientfirstname", "recipientemail",
	"externalreference", "locationlatitude", "locationlongitude",
	"distributionchannel", "userlanguage",
	"start date", "end date", "response type", "ip address",
	"recorded date", "response id",
};
/* LimeSurvey's leading columns (code names), and "id" of any tool. */
static const char *const other_meta[] = {
	"id", "submitdate", "lastpage", "startlanguage", "seed", "token",
	"startdate", "datestamp", "ipaddr", "refurl",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int
in_list(const char *key, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(key, list[i]) == 0)
			return 1;
	return 0;
}

int
mapping_qualtrics_header(const char *header)
{
	/* Exactly as Qualtrics spells it: LimeSurvey has "startdate". */
	return strcmp(header, "ResponseId") == 0 ||
	    strcmp(header, "RecordedDate") == 0;
}

/*
 * The first indicator of fw whose id ("1.1.1", three or more dotted
 * numbers) stands in s, or NULL.
 */
static const struct fw_indicator *
id_in(const struct framework *fw, const char *s)
{
	const struct fw_indicator *ind;
	const char *start = s;
	char   id[32];
	size_t n;

	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' ||
		    (s > start && s[-1] >= '0' && s[-1] <= '9'))
			continue;
		n = strspn(s, "0123456789.");
		while (n > 0 && s[n - 1] == '.')
			n--;
		if (n == 0 || n >= sizeof(id))
			continue;
		memcpy(id, s, n);
		id[n] = '\0';
		if ((ind = framework_indicator(fw, id)) != NULL)
			return ind;
	}
	return NULL;
}

/*
 * s as wording is compared: names_key(), then every ASCII character that
 * is no letter or digit a space, runs of spaces one. New string or NULL.
 */
static char *
wording(const char *s)
{
	char  *key = names_key(s), *out;
	size_t i, n = 0;

	if (key == NULL)
		return NULL;
	out = xmalloc(strlen(key) + 1);
	for (i = 0; key[i] != '\0'; i++) {
		unsigned char c = (unsigned char)key[i];
		int keep = c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
		if (keep)
			out[n++] = (char)c;
		else if (n > 0 && out[n - 1] != ' ')
			out[n++] = ' ';
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	free(key);
	return out;
}

/*
 * How much of h the wording of ind covers: the length of the longest of
 * its texts (each role's question and toelichting prompt, its own text)
 * that stands in h, 0 when none does; *prompt is 1 when that was a
 * toelichting prompt. Texts under 12 characters are too short to tell.
 */
static size_t
worded(const struct fw_indicator *ind, const char *h, int *prompt)
{
	const char *texts[2 * ROLE__COUNT + 1];
	size_t      i, best = 0;
	int         r;
	char       *w;

	for (r = 0; r < ROLE__COUNT; r++) {
		const struct fw_question *q = ind->question[r];
		texts[2 * r] = q != NULL ? q->text : NULL;
		texts[2 * r + 1] = q != NULL ? q->toelichting : NULL;
	}
	texts[2 * ROLE__COUNT] = ind->text;
	for (i = 0; i <= 2 * ROLE__COUNT; i++) {
		if (texts[i] == NULL || (w = wording(texts[i])) == NULL)
			continue;
		if (strlen(w) >= 12 && strstr(h, w) != NULL &&
		    strlen(w) > best) {
			best = strlen(w);
			*prompt = i < 2 * ROLE__COUNT && i % 2 == 1;
		}
		free(w);
	}
	return best;
}

int
mapping_recognise(const struct framework *fw, const char *header,
    struct map_hit *out, const char **why)
{
	const struct fw_indicator *ind = NULL;
	char  *key = names_key(header), *w;
	size_t i, len, best = 0;
	int    toel, prompt = 0, p;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (key == NULL)
		return 0;
	if (in_list(key, forms_meta, N(forms_meta)))
		*why = "Microsoft Forms-metagegevens";
	else if (in_list(key, qualtrics_meta, N(qualtrics_meta)))
		*why = "Qualtrics-metagegevens";
	else if (in_list(key, other_meta, N(other_meta)))
		*why = "metagegevens van het enquêteprogramma";
	if (*why != NULL) {
		out->kind = MK_IGNORE;
		free(key);
		return 1;
	}
	/* "Opmerking bij vraag 1.1.1" is a toelichting as much. */
	toel = strstr(key, "toelichting") != NULL ||
	    strstr(key, "opmerking") != NULL;
	free(key);
	if ((ind = id_in(fw, header)) == NULL &&
	    (w = wording(header)) != NULL) {
		for (i = 0; i < fw->nindicators; i++)
			if ((len = worded(fw->indicators[i], w, &p)) > best) {
				best = len;
				prompt = p;
				ind = fw->indicators[i];
			}
		free(w);
		if (ind != NULL)
			*why = "geraden uit de formulering";
	}
	if (ind == NULL)
		return 0;
	out->kind = toel || prompt ? MK_TOELICHTING : MK_ANSWER;
	snprintf(out->id, sizeof(out->id), "%s", ind->id);
	return 1;
}
