/*
 * fuzz_xlsx: the .xlsx reader (src/xlsx.c) on arbitrary bytes.
 *
 * Hands the input to xlsx_read() as a workbook in memory and checks what
 * xlsx.h promises for every record: at most CSV_MAX_FIELDS fields, each
 * NUL-terminated with len == strlen, valid UTF-8 without NUL bytes, at
 * most CSV_MAX_FIELD bytes, on a row (line) from 1 to XLSX_MAX_ROWS that
 * never goes backwards; and no amplification of diagnostics. The seeds
 * (fuzz/corpus/fuzz_xlsx/) are workbooks as openpyxl and Excel save them
 * (tests/fixtures/xlsx/make.py); libFuzzer mutates the zip's bytes, so
 * most runs exercise libzip's checks and the caps, some the sheet XML.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuzz_common.h"
#include "xlsx.h"
#include "xmlsafe.h"

static long last_line;

static int
check_record(void *ctx, struct csv_record *rec)
{
	size_t i;

	(void)ctx;
	FUZZ_CHECK(rec->n <= CSV_MAX_FIELDS);
	FUZZ_CHECK(rec->line >= 1 && rec->line <= XLSX_MAX_ROWS);
	FUZZ_CHECK(rec->line >= last_line);
	last_line = rec->line;
	for (i = 0; i < rec->n; i++) {
		const struct csv_field *f = &rec->fields[i];
		FUZZ_CHECK(f->text != NULL);
		FUZZ_CHECK(strlen(f->text) == f->len);
		FUZZ_CHECK(f->len <= CSV_MAX_FIELD);
		FUZZ_CHECK(utf8_valid(f->text, f->len));
		FUZZ_CHECK(f->line >= 1);
	}
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmp_init();
	xmlsafe_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;

	diags_init(&d);
	last_line = 0;
	xlsx_read("input.xlsx", data, size, check_record, NULL, &d);
	FUZZ_CHECK_DIAG_BOUND(&d, size);
	fuzz_diags_done(&d);
	return 0;
}
