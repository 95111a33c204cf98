/*
 * pdf_archive: what turns a libharu 2.3.0 document into a clean PDF/A-1b
 * file just before it is saved (pdf.c calls it once per document).
 *
 * libharu's own HPDF_PDFA_SetPDFAConformance is not used: in 2.3.0 it
 * writes "SubType" for Subtype, copies titles into the XMP unescaped,
 * makes a time-based /ID (so the same input would no longer give the same
 * bytes), and its HPDF_PDFA_AppendOutputIntents writes the key
 * "DestOutputProfile " with a trailing space. Everything here goes
 * through libharu's exported object API (hpdf_objects.h) instead.
 */
#ifndef STJ_PDF_ARCHIVE_H
#define STJ_PDF_ARCHIVE_H

#include <stddef.h>

#include <hpdf.h>

/* The sRGB ICC profile of the output intent (srgb_icc.c). */
extern const unsigned char pdf_srgb_icc[];
extern const size_t pdf_srgb_icc_len;

/*
 * Makes pdf PDF/A-1b: version 1.4, a valid ToUnicode CMap and a CIDSet
 * for every embedded TrueType font, /Lang lang (NULL: none), the sRGB
 * output intent, XMP metadata equal to the document information, and a
 * /ID derived from that metadata (the same input gives the same bytes).
 * Call after the last page is drawn and before saving, once.
 * Returns HPDF_OK or the first libharu error.
 */
HPDF_STATUS pdf_archive_finish(HPDF_Doc pdf, const char *lang);

/*
 * Frees the streams kept deflated for the documents still to come (the
 * embedded fonts' maps and programs): at the end of the process.
 */
void pdf_archive_cleanup(void);

#endif
