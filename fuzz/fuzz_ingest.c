/*
 * fuzz_ingest: "stj import" of one file (src/ingest.c) on arbitrary bytes.
 *
 * Built twice by fuzz/run.sh from this one source, with the same code
 * path and different seeds and dictionaries:
 *   fuzz_import   survey CSV and response XML (<antwoorden>)
 *   fuzz_dossier  dossier XML (<dossier>)
 * ingest_file() detects CSV or XML from the first byte, so either harness
 * reaches both; the corpus steers each one.
 *
 * The installed frameworks are loaded once at start-up, as "stj import"
 * does: every framework/NAME.xml (stj-ggsr 2013, the CSV one) and the test
 * framework tests/fixtures/frameworks/stj-ggsr-2016-mini.xml, so XML
 * input can name either in kader/versie. The input is written to a file
 * in the private temporary directory and ingested with a sink that checks
 * every record it is handed against response.h and stores nothing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "framework.h"
#include "fuzz_common.h"
#include "ingest.h"
#include "xmlsafe.h"

static struct framework_set fw_set;
static struct ingest_opts   opts;
static char                *xsd_response, *xsd_dossier, *input_path;
static struct xmlsafe_schema *schema_response, *schema_dossier;

static int
in_set(const struct framework *fw)
{
	size_t i;

	for (i = 0; i < fw_set.n; i++)
		if (fw_set.v[i] == fw)
			return 1;
	return 0;
}

/*
 * Valid UTF-8, and no control character (C0, DEL, C1 as 0xC2 0x80-0x9F)
 * but, in a text (not a name), line breaks and tabs.
 */
static void
check_controls(const char *s, int text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (text && (*p == '\n' || *p == '\t'))
			continue;
		FUZZ_CHECK(*p >= 0x20 && *p != 0x7f);
		FUZZ_CHECK(!(*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f));
	}
}

static void
check_text(const char *s, int nonempty)
{
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(utf8_valid(s, strlen(s)));
	if (nonempty)
		FUZZ_CHECK(s[0] != '\0');
	check_controls(s, 1);
}

static void
check_name(const char *s)
{
	check_text(s, 1);
	check_controls(s, 0);
}

static int
on_response(void *ctx, const struct response *r)
{
	size_t i, j;

	(void)ctx;
	FUZZ_CHECK(r->file != NULL && r->fw != NULL && in_set(r->fw));
	check_name(r->municipality);
	check_name(r->approach);
	check_name(r->organisation);
	FUZZ_CHECK(r->role < ROLE__COUNT);
	FUZZ_CHECK(r->round >= 2000 && r->round <= 2100);
	FUZZ_CHECK(r->nanswers <= r->fw->nindicators);
	FUZZ_CHECK(r->nanswers == 0 || r->answers != NULL);
	for (i = 0; i < r->nanswers; i++) {
		const struct response_answer *a = &r->answers[i];
		FUZZ_CHECK(a->indicator != NULL);
		FUZZ_CHECK(a->indicator->index < r->fw->nindicators);
		FUZZ_CHECK(r->fw->indicators[a->indicator->index] ==
		    a->indicator);
		FUZZ_CHECK(a->value < ANSWER__COUNT);
		/* Ingest refuses an answer to a question not asked. */
		FUZZ_CHECK(a->value == ANSWER_NONE ||
		    a->indicator->question[r->role] != NULL);
		if (a->toelichting != NULL)
			check_text(a->toelichting, 1);
		for (j = 0; j < i; j++)
			FUZZ_CHECK(r->answers[j].indicator != a->indicator);
	}
	return 0;
}

static int
on_dossier(void *ctx, const struct dossier *x)
{
	size_t i, k;

	(void)ctx;
	FUZZ_CHECK(x->file != NULL && x->fw != NULL && in_set(x->fw));
	check_name(x->municipality);
	FUZZ_CHECK(x->round >= 2000 && x->round <= 2100);
	FUZZ_CHECK(x->self_assessment == 0 || x->self_assessment == 1);
	check_text(x->context, 0);
	FUZZ_CHECK(x->napproaches >= 1 && x->approaches != NULL);
	for (i = 0; i < x->napproaches; i++) {
		const struct dossier_approach *a = &x->approaches[i];
		check_name(a->name);
		check_text(a->description, 0);
		FUZZ_CHECK(a->npartners <= 3);
		for (k = 0; k < a->npartners; k++)
			check_name(a->partners[k]);
		FUZZ_CHECK(a->nnotes == 0 || a->notes != NULL);
		for (k = 0; k < a->nnotes; k++) {
			const struct fw_indicator *ind = a->notes[k].indicator;
			FUZZ_CHECK(ind != NULL);
			FUZZ_CHECK(ind->index < x->fw->nindicators);
			FUZZ_CHECK(x->fw->indicators[ind->index] == ind);
			check_text(a->notes[k].text, 0);
		}
	}
	return 0;
}

/*
 * Schema validation alone (schemas loaded once): diagnostics exactly when
 * invalid, and only the first hundred of them kept, then a summary.
 */
static void
validate(xmlDocPtr doc)
{
	const xmlNode         *root = xmlDocGetRootElement(doc);
	struct xmlsafe_schema *s;
	const xmlChar         *url = doc->URL;
	struct diags           d;
	int                    rc;

	if (strcmp((const char *)root->name, "antwoorden") == 0)
		s = schema_response;
	else if (strcmp((const char *)root->name, "dossier") == 0)
		s = schema_dossier;
	else
		return;
	diags_init(&d);
	rc = xmlsafe_validate(s, doc, "fuzz.xml", &d);
	FUZZ_CHECK((rc == 0) == (d.n == 0));
	FUZZ_CHECK(d.n <= DIAGS_MAX_PER_FILE + 1);
	FUZZ_CHECK(doc->URL == url);
	fuzz_diags_done(&d);
}

static void
cleanup(void)
{
	framework_set_free(&fw_set);
	xmlsafe_schema_free(schema_response);
	xmlsafe_schema_free(schema_dossier);
	free(xsd_response);
	free(xsd_dossier);
	free(input_path);
	xmlsafe_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diags      d;
	struct framework *mini;
	char             *dir = fuzz_root_path("framework");
	char             *xsd = fuzz_root_path("framework/stj-framework.xsd");
	char             *mini_path = fuzz_root_path(
	    "tests/fixtures/frameworks/stj-ggsr-2016-mini.xml");
	const char       *dirs[1] = { dir };

	(void)argc;
	(void)argv;
	fuzz_tmp_init();
	xmlsafe_init();
	diags_init(&d);
	if (framework_set_load(&fw_set, dirs, 1, xsd, &d) == -1 ||
	    (mini = framework_load(mini_path, xsd, &d)) == NULL) {
		diags_print(&d, stderr);
		fprintf(stderr, "fuzz_ingest: cannot load the frameworks "
		    "(set STJ_FUZZ_ROOT to the checkout)\n");
		exit(1);
	}
	fw_set.v = xrealloc(fw_set.v, (fw_set.n + 1) * sizeof(*fw_set.v));
	fw_set.v[fw_set.n++] = mini;
	diags_free(&d);
	xsd_response = fuzz_root_path("framework/stj-response.xsd");
	xsd_dossier = fuzz_root_path("framework/stj-dossier.xsd");
	if ((schema_response = xmlsafe_schema_load(xsd_response, &d)) == NULL ||
	    (schema_dossier = xmlsafe_schema_load(xsd_dossier, &d)) == NULL) {
		diags_print(&d, stderr);
		exit(1);
	}
	opts.frameworks = &fw_set;
	opts.csv_framework = framework_set_find(&fw_set, "stj-ggsr@2013");
	opts.response_xsd = xsd_response;
	opts.dossier_xsd = xsd_dossier;
	if (opts.csv_framework == NULL) {
		fprintf(stderr, "fuzz_ingest: no stj-ggsr@2013\n");
		exit(1);
	}
	input_path = fuzz_tmp_path("input");
	free(dir);
	free(xsd);
	free(mini_path);
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest_sink sink = { on_response, on_dossier, NULL };
	struct diags       d;
	xmlDocPtr          doc;
	int                errors;

	/*
	 * The parser alone, on any bytes (ingest refuses what is not UTF-8
	 * before parsing): a document, or else diagnostics, of which diags
	 * keeps at most its per-file cap (and a summary line) however many
	 * errors libxml2 reports.
	 */
	diags_init(&d);
	doc = xmlsafe_read_memory((const char *)data, size, "fuzz.xml", &d);
	FUZZ_CHECK((doc == NULL) == (d.n > 0));
	FUZZ_CHECK(d.n <= DIAGS_MAX_PER_FILE + 1);
	if (doc != NULL)
		FUZZ_CHECK(xmlDocGetRootElement(doc) != NULL);
	fuzz_diags_done(&d);
	if (doc != NULL)
		validate(doc);
	xmlFreeDoc(doc);

	fuzz_write(input_path, data, size);
	diags_init(&d);
	opts.seen = ingest_seen_new();
	errors = ingest_file(input_path, &opts, &sink, &d);
	ingest_seen_free(opts.seen);
	opts.seen = NULL;
	FUZZ_CHECK(errors >= 0);
	/* "Every problem is appended to d": errors and messages go together. */
	FUZZ_CHECK((errors == 0) == (d.n == 0));
	FUZZ_CHECK_DIAG_BOUND(&d, size);
	fuzz_diags_done(&d);
	return 0;
}
