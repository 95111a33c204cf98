/*
 * response: the records that flow from ingest to store.
 *
 * Owns nothing but the shapes: ingest fills them from files, store writes
 * them; both include this header and neither reaches into the other.
 * Strings are borrowed from whoever built the record and live until the
 * sink returns.
 */
#ifndef STJ_RESPONSE_H
#define STJ_RESPONSE_H

#include <stddef.h>

#include "framework.h"

struct response_answer {
	const struct fw_indicator *indicator;
	enum answer                value;        /* ANSWER_NONE: unanswered */
	const char                *toelichting;  /* NULL or text */
	long                       line;
};

/* One respondent's questionnaire for one approach in one round. */
struct response {
	const char              *file;
	long                     line;
	const struct framework  *fw;
	const char              *municipality;
	const char              *approach;
	int                      round;
	enum role                role;
	const char              *organisation;
	struct response_answer  *answers;
	size_t                   nanswers;
};

/* What the municipality did about one verbeterpunt (progress report). */
struct dossier_note {
	const struct fw_indicator *indicator;
	const char                *text;
	long                       line;
};

struct dossier_approach {
	const char          *name;
	const char          *description;   /* paragraphs joined by "\n\n" */
	const char          *partners[3];
	size_t               npartners;
	struct dossier_note *notes;
	size_t               nnotes;
	long                 line;
};

/* A municipality's dossier for one round. */
struct dossier {
	const char              *file;
	long                     line;
	const struct framework  *fw;
	const char              *municipality;
	int                      round;
	int                      self_assessment;  /* soort="zelfevaluatie" */
	const char              *context;   /* paragraphs joined by "\n\n" */
	/* -- step 11: layout -- */
	const char              *intro;     /* front page's own; NULL: none */
	const char              *published; /* YYYY-MM[-DD]; NULL: none */
	struct dossier_approach *approaches;
	size_t                   napproaches;
};

#endif
