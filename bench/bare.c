/*
 * bare: the limit for rendering, a bare libharu program that writes N
 * documents of P pages each with the same two embedded fonts, the same
 * settings (UTF-8, compression) and a page of text per page, and saves
 * each to a file. usage: bare N PAGES REGULAR.ttf BOLD.ttf OUTDIR
 */
#include <stdio.h>
#include <stdlib.h>

#include <hpdf.h>

static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "bare: libharu error 0x%04X (%u)\n", (unsigned)e,
	    (unsigned)detail);
	exit(1);
}

int
main(int argc, char **argv)
{
	static const char line[] = "De gemeente en twee netwerkpartners "
	    "geven aan dat dit zo is. Eén netwerkpartner – Fier Fryslân – "
	    "geeft aan dat dit deels zo is. √";
	char       path[4096];
	HPDF_Doc   pdf;
	HPDF_Page  page;
	HPDF_Font  reg, bold;
	long       n, pages, d, p, l;

	if (argc != 6) {
		fputs("usage: bare N PAGES REGULAR.ttf BOLD.ttf OUTDIR\n",
		    stderr);
		return 2;
	}
	n = strtol(argv[1], NULL, 10);
	pages = strtol(argv[2], NULL, 10);
	for (d = 0; d < n; d++) {
		pdf = HPDF_New(on_error, NULL);
		HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
		HPDF_UseUTFEncodings(pdf);
		HPDF_SetCurrentEncoder(pdf, "UTF-8");
		reg = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[3],
		    HPDF_TRUE), "UTF-8");
		bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[4],
		    HPDF_TRUE), "UTF-8");
		for (p = 0; p < pages; p++) {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
			    HPDF_PAGE_PORTRAIT);
			HPDF_Page_BeginText(page);
			for (l = 0; l < 60; l++) {
				HPDF_Page_SetFontAndSize(page, l % 10 ? reg :
				    bold, 8.5);
				HPDF_Page_TextOut(page, 50, 790 - 12 * l, line);
			}
			HPDF_Page_EndText(page);
		}
		snprintf(path, sizeof(path), "%s/bare-%ld.pdf", argv[5], d);
		HPDF_SaveToFile(pdf, path);
		HPDF_Free(pdf);
	}
	return 0;
}
