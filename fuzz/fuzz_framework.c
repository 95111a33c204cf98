/*
 * fuzz_framework: framework_load() (src/framework.c, src/xmlsafe.c) on
 * arbitrary bytes, with the bundled schema framework/stj-framework.xsd.
 *
 * When the input loads, the tree is checked against framework.h (counts,
 * back pointers, flat index, lookups) and then used the way "stj import"
 * uses a framework: a survey CSV and a response XML that answer every
 * indicator the gemeente (or netwerkpartner) is asked are generated from
 * it, ingested, and must give no error and exactly those answers. That
 * catches a framework the loader accepts but ingest cannot use.
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

static char *xsd_framework, *xsd_response, *xsd_dossier;
static char *input_path, *gen_csv, *gen_xml;

struct expect {
	const struct framework *fw;
	enum role               role;
	size_t                  calls;
};

static void
check_tree(const struct framework *fw)
{
	size_t t, c, i, k = 0, ncrit = 0, j;

	FUZZ_CHECK(fw->id != NULL && fw->version != NULL && fw->title != NULL);
	FUZZ_CHECK(fw->nthemes >= 1 && fw->nscales >= 1);
	for (i = 0; i < fw->ndefinition; i++)
		FUZZ_CHECK(fw->definition[i] != NULL);
	for (i = 0; i < fw->nitems; i++)
		FUZZ_CHECK(fw->items[i].term != NULL &&
		    fw->items[i].text != NULL);
	for (i = 0; i < fw->nscales; i++) {
		FUZZ_CHECK(fw->scales[i].id != NULL);
		FUZZ_CHECK(fw->scales[i].noptions >= 2);
		for (j = 0; j < fw->scales[i].noptions; j++) {
			FUZZ_CHECK(fw->scales[i].options[j].code > ANSWER_NONE);
			FUZZ_CHECK(fw->scales[i].options[j].code <
			    ANSWER__COUNT);
			FUZZ_CHECK(fw->scales[i].options[j].label != NULL);
		}
	}
	for (t = 0; t < fw->nthemes; t++) {
		const struct fw_theme *th = &fw->themes[t];
		FUZZ_CHECK(th->id != NULL && th->name != NULL &&
		    th->statement != NULL);
		ncrit += th->ncriteria;
		for (c = 0; c < th->ncriteria; c++) {
			const struct fw_criterion *cr = &th->criteria[c];
			FUZZ_CHECK(cr->theme == th && cr->id != NULL);
			for (i = 0; i < cr->nindicators; i++, k++) {
				const struct fw_indicator *ind =
				    &cr->indicators[i];
				int asked = 0, r;
				FUZZ_CHECK(ind->criterion == cr);
				FUZZ_CHECK(ind->index == k);
				FUZZ_CHECK(k < fw->nindicators);
				FUZZ_CHECK(fw->indicators[k] == ind);
				FUZZ_CHECK(ind->id != NULL && ind->rule != NULL &&
				    ind->text != NULL);
				FUZZ_CHECK(framework_indicator(fw, ind->id) ==
				    ind);
				for (r = 0; r < ROLE__COUNT; r++) {
					const struct fw_question *q =
					    ind->question[r];
					if (q == NULL)
						continue;
					asked++;
					FUZZ_CHECK(q->role == (enum role)r);
					FUZZ_CHECK(q->text != NULL);
					FUZZ_CHECK(q->scale != NULL);
				}
				FUZZ_CHECK(asked >= 1);
			}
		}
	}
	FUZZ_CHECK(k == fw->nindicators);
	FUZZ_CHECK(ncrit == fw->ncriteria);
	FUZZ_CHECK(framework_indicator(fw, "0.0.0") == NULL);
}

static int
on_response(void *ctx, const struct response *r)
{
	struct expect *e = ctx;
	size_t         i, asked = 0;

	e->calls++;
	FUZZ_CHECK(r->fw == e->fw);
	FUZZ_CHECK(r->role == e->role);
	FUZZ_CHECK(r->round == 2013);
	FUZZ_CHECK(strcmp(r->municipality, "Fuzzdam") == 0);
	FUZZ_CHECK(r->nanswers == e->fw->nindicators);
	for (i = 0; i < r->nanswers; i++) {
		const struct response_answer *a = &r->answers[i];
		const struct fw_indicator    *ind = e->fw->indicators[i];
		FUZZ_CHECK(a->indicator == ind);
		if (ind->question[e->role] != NULL) {
			FUZZ_CHECK(a->value == ANSWER_JA);
			asked++;
		} else
			FUZZ_CHECK(a->value == ANSWER_NONE);
	}
	(void)asked;
	return 0;
}

static int
on_dossier(void *ctx, const struct dossier *x)
{
	(void)ctx;
	(void)x;
	FUZZ_CHECK(!"no dossier was given");
	return 0;
}

/* A survey CSV and a response XML answering "ja" where role is asked. */
static void
generate(const struct framework *fw, enum role role)
{
	FILE  *f;
	size_t i;

	if ((f = fopen(gen_csv, "wb")) == NULL)
		abort();
	fputs("gemeente,aanpak,ronde,rol,organisatie", f);
	for (i = 0; i < fw->nindicators; i++)
		fprintf(f, ",%s,%s toelichting", fw->indicators[i]->id,
		    fw->indicators[i]->id);
	fprintf(f, "\r\nFuzzdam,Wijkaanpak,2013,%s,Org", role_name(role));
	for (i = 0; i < fw->nindicators; i++)
		fprintf(f, ",%s,\"uitleg, \"\"met\"\" komma\"",
		    fw->indicators[i]->question[role] ? "ja" : "");
	fputs("\r\n", f);
	if (fclose(f) != 0)
		abort();

	if ((f = fopen(gen_xml, "wb")) == NULL)
		abort();
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<antwoorden kader=\"%s\" versie=\"%s\">\n"
	    "<gemeente>Fuzzdam</gemeente><aanpak>Wijkaanpak</aanpak>\n"
	    "<ronde>2013</ronde><rol>%s</rol><organisatie>Org</organisatie>\n",
	    fw->id, fw->version, role_name(role));
	for (i = 0; i < fw->nindicators; i++)
		fprintf(f, "<antwoord indicator=\"%s\" waarde=\"%s\">"
		    "<toelichting>uitleg</toelichting></antwoord>\n",
		    fw->indicators[i]->id,
		    fw->indicators[i]->question[role] ? "ja" : "");
	fputs("</antwoorden>\n", f);
	if (fclose(f) != 0)
		abort();
}

/* The loaded framework in use: generated answers must ingest cleanly. */
static void
use(const struct framework *fw, enum role role)
{
	struct framework_set set = { (struct framework **)&fw, 1 };
	struct ingest_opts   o = { &set, fw, xsd_response, xsd_dossier };
	struct expect        e = { fw, role, 0 };
	struct ingest_sink   sink = { on_response, on_dossier, &e };
	struct diags         d;

	FUZZ_CHECK(framework_set_find(&set, fw->id) == fw);
	generate(fw, role);
	diags_init(&d);
	/* Two columns per indicator; past the CSV reader's field limit the
	 * refusal is right, so only the XML is tried then. */
	if (5 + 2 * fw->nindicators <= CSV_MAX_FIELDS) {
		FUZZ_CHECK(ingest_file(gen_csv, &o, &sink, &d) == 0);
		fuzz_expect_no_diags(&d, "generated CSV");
		FUZZ_CHECK(e.calls == 1);
		e.calls = 0;
	}
	FUZZ_CHECK(ingest_file(gen_xml, &o, &sink, &d) == 0);
	fuzz_expect_no_diags(&d, "generated XML");
	FUZZ_CHECK(e.calls == 1);
	diags_free(&d);
}

static void
cleanup(void)
{
	free(xsd_framework);
	free(xsd_response);
	free(xsd_dossier);
	free(input_path);
	free(gen_csv);
	free(gen_xml);
	xmlsafe_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmp_init();
	xmlsafe_init();
	xsd_framework = fuzz_root_path("framework/stj-framework.xsd");
	xsd_response = fuzz_root_path("framework/stj-response.xsd");
	xsd_dossier = fuzz_root_path("framework/stj-dossier.xsd");
	input_path = fuzz_tmp_path("input");
	gen_csv = fuzz_tmp_path("gen.csv");
	gen_xml = fuzz_tmp_path("gen.xml");
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct framework *fw;
	struct diags      d;

	fuzz_write(input_path, data, size);
	diags_init(&d);
	fw = framework_load(input_path, xsd_framework, &d);
	/* NULL exactly when something was said about the file. */
	FUZZ_CHECK((fw == NULL) == (d.n > 0));
	FUZZ_CHECK_DIAG_BOUND(&d, size);
	fuzz_diags_done(&d);
	if (fw == NULL)
		return 0;
	check_tree(fw);
	use(fw, ROLE_GEMEENTE);
	use(fw, ROLE_NETWERKPARTNER);
	framework_free(fw);
	return 0;
}
