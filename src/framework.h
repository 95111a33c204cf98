/*
 * framework: the assessment framework (toetsingskader) as a tree.
 *
 * Owns: struct framework and everything below it (themes, criteria,
 * indicators, questions, answer scales), loading it from XML (schema first,
 * then the checks a schema cannot express), and the set of installed
 * frameworks (several ids and versions side by side). Every node keeps the
 * line it came from, so later stages can point at the input.
 * Read-only after loading; free with framework_free().
 */
#ifndef STJ_FRAMEWORK_H
#define STJ_FRAMEWORK_H

#include <stddef.h>

#include "diag.h"

/* The roles are part of the tool's contract (CSV column 'rol'). */
enum role {
	ROLE_GEMEENTE,
	ROLE_NETWERKPARTNER,
	ROLE__COUNT
};

/* Answer codes the rules understand, in scale order. */
enum answer {
	ANSWER_NONE,      /* not answered */
	ANSWER_JA,
	ANSWER_DEELS,
	ANSWER_NEE,
	ANSWER_WEET_NIET,
	ANSWER_NVT,
	ANSWER__COUNT
};

struct fw_scale_option {
	enum answer code;
	const char *label;       /* as printed on a questionnaire */
};

struct fw_scale {
	const char             *id;
	struct fw_scale_option *options;
	size_t                  noptions;
	long                    line;
};

struct fw_question {
	enum role              role;
	const char            *text;
	const char            *toelichting;  /* prompt; NULL: none asked */
	const struct fw_scale *scale;
	long                   line;
};

/* -- step 11: voice -- */
/*
 * A rule's calibration, from the framework's <rules> (doc/rules.md): sets
 * of answers as bit masks (1u << enum answer). Every substantive answer
 * ('ja', 'deels', 'nee') is support or against; 'weet niet' and 'n.v.t.'
 * never count.
 */
enum fw_tie {
	FW_TIE_V,          /* as many against as for: voldoet */
	FW_TIE_X,          /* ... verbeterpunt */
	FW_TIE_GEMEENTE    /* ... the gemeente's side decides */
};

struct fw_rule_params {
	const char *rule;       /* the rule it calibrates */
	unsigned    support;    /* answers that count for the indicator */
	unsigned    veto;       /* the gemeente's answers that give X alone */
	unsigned    letop;      /* answers that give LET OP under a V */
	enum fw_tie tie;
	long        line;
};

#define FW_ANSWER_BIT(a) (1u << (unsigned)(a))

struct fw_criterion;

struct fw_indicator {
	const char                *id;           /* "1.1.1" */
	const char                *text;
	const char                *rule;         /* aggregation rule name */
	const char                *renamed_from; /* older id, or NULL */
	/* The framework's calibration of rule; NULL: the rule's defaults. */
	const struct fw_rule_params *params;
	const struct fw_question  *question[ROLE__COUNT]; /* NULL: not asked */
	const struct fw_criterion *criterion;
	size_t                     index;        /* 0-based, framework order */
	long                       line;
};

struct fw_theme;

struct fw_criterion {
	const char            *id;               /* "1.1" */
	const char            *text;
	struct fw_indicator   *indicators;
	size_t                 nindicators;
	const struct fw_theme *theme;
	long                   line;
};

struct fw_theme {
	const char          *id;                 /* "1" */
	const char          *name;               /* "Toeleiding" */
	const char          *statement;
	struct fw_criterion *criteria;
	size_t               ncriteria;
	long                 line;
};

/* -- issue 18: framework versions -- */
/*
 * A <mapping from="ID@VERSION"> entry: how indicators of that earlier
 * version continue here where renamed-from cannot say it. from holds the
 * earlier version's ids, into this version's.
 */
enum fw_map_kind {
	FW_MAP_SPLIT,    /* one from, several into */
	FW_MAP_MERGE,    /* several from, one into */
	FW_MAP_DROPPED   /* one from, no into; reason says why */
};

struct fw_map_entry {
	enum fw_map_kind kind;
	const char     **from;
	size_t           nfrom;
	const char     **into;
	size_t           ninto;
	const char      *reason;   /* FW_MAP_DROPPED only */
	long             line;
};

struct fw_mapping {
	const char          *from;     /* "stj-ggsr@2013" */
	struct fw_map_entry *entries;
	size_t               n;
	long                 line;
};

struct fw_definition_item {
	const char *term;
	const char *text;
};

struct framework {
	const char                *id;
	const char                *version;
	const char                *title;
	const char                *file;
	const char               **definition;  /* paragraphs */
	size_t                     ndefinition;
	struct fw_definition_item *items;
	size_t                     nitems;
	struct fw_scale           *scales;
	size_t                     nscales;
	struct fw_rule_params     *rules;       /* -- step 11: voice -- */
	size_t                     nrules;
	struct fw_theme           *themes;
	size_t                     nthemes;
	size_t                     ncriteria;   /* over all themes */
	size_t                     nindicators; /* over all themes */
	/* Every indicator in framework order, for flat iteration. */
	const struct fw_indicator **indicators;
	/* -- issue 18: framework versions -- */
	struct fw_mapping         *mappings;
	size_t                     nmappings;
	void                      *arena;       /* owns every string above */
};

/*
 * Loads and checks the framework at path against the schema at xsd_path.
 * Returns NULL after appending diagnostics to d when the file is not a
 * valid framework. The caller frees with framework_free().
 */
struct framework *framework_load(const char *path, const char *xsd_path,
    struct diags *d);
void framework_free(struct framework *fw);

/* Looks an indicator up by id; NULL when absent. */
const struct fw_indicator *framework_indicator(const struct framework *fw,
    const char *id);

const char *role_name(enum role r);
/* ROLE__COUNT when name is no role. */
enum role role_from_name(const char *name);
/* Canonical code ("ja", "weet-niet", "nvt", ...), "" for ANSWER_NONE. */
const char *answer_code(enum answer a);
/* ANSWER__COUNT when code is unknown. */
enum answer answer_from_code(const char *code);

/*
 * The installed frameworks: every *.xml file in the given directories,
 * loaded and checked, sorted by id then version.
 */
struct framework_set {
	struct framework **v;
	size_t             n;
};

/*
 * Loads every framework found in dirs (n of them). Files that fail to load
 * add diagnostics and are skipped; two files with the same id and version
 * are an error. Returns 0 when every file loaded, -1 otherwise (the set
 * then still holds the good ones).
 */
int framework_set_load(struct framework_set *set, const char *const *dirs,
    size_t ndirs, const char *xsd_path, struct diags *d);
void framework_set_free(struct framework_set *set);
/*
 * Finds "ID" (newest version) or "ID@VERSION" in set; NULL if absent.
 * Versions compare numerically where both are numbers ("2014" > "2013").
 */
const struct framework *framework_set_find(const struct framework_set *set,
    const char *spec);

/* -- issue 18: framework versions -- */
/* fw's mapping from older (its id@version); NULL when fw has none. */
const struct fw_mapping *framework_mapping(const struct framework *fw,
    const struct framework *older);
/*
 * The entry of m naming id on the from side (from_side 1) or the into
 * side (0); NULL when none (or m is NULL).
 */
const struct fw_map_entry *fw_mapping_entry(const struct fw_mapping *m,
    const char *id, int from_side);
/*
 * Checks fw's mappings against the earlier versions they name, where set
 * has them: every from id (and every renamed-from, when fw maps from one
 * version) must be an indicator there. A version set lacks is not
 * checked. Returns -1 after adding 'file:line: ...' diagnostics.
 */
/*
 * How indicator ind of fw continues the indicators of an older version:
 * FW_LINK_SPLIT or FW_LINK_MERGED by fw's mapping from older, then
 * FW_LINK_RENAMED by renamed-from, then FW_LINK_SAME by id (unless the
 * mapping or another indicator's renamed-from claims that id), else
 * FW_LINK_NONE (new). from[] (caller frees) gets the older indicators,
 * *n of them (several only for a merge); *entry the mapping entry or NULL.
 */
enum fw_link {
	FW_LINK_NONE,
	FW_LINK_SAME,
	FW_LINK_RENAMED,
	FW_LINK_SPLIT,
	FW_LINK_MERGED
};
enum fw_link framework_link(const struct framework *fw,
    const struct framework *older, const struct fw_indicator *ind,
    const struct fw_indicator ***from, size_t *n,
    const struct fw_map_entry **entry);
int framework_check_mappings(const struct framework *fw,
    const struct framework_set *set, struct diags *d);

#endif
