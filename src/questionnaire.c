/*
 * questionnaire: per-role view of a framework. See questionnaire.h.
 */
#include "questionnaire.h"

size_t
questionnaire_count(const struct framework *fw, enum role r)
{
	size_t i, n = 0;

	for (i = 0; i < fw->nindicators; i++)
		if (fw->indicators[i]->question[r] != NULL)
			n++;
	return n;
}
