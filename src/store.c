/*
 * store: SQLite connection, schema and every SQL statement. See store.h.
 *
 * Statements are prepared once per connection (the stmt table below) and
 * reset after use: an import of a national round runs the same handful of
 * statements hundreds of thousands of times.
 */
#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "names.h"
#include "store_int.h"
#include "testhook.h"
#include "util.h"

/*
 * The schema, version 1. Later versions append a migration to
 * migrations[]; a released entry is never edited.
 *
 *   framework     an installed framework version answers refer to
 *   municipality  a gemeente
 *   round         a municipality in a year, on one framework version,
 *                 with its dossier context text
 *   approach      an aanpak in a round, with its dossier description
 *   approach_partner  the partners the dossier names (max. three)
 *   respondent    one filled-in questionnaire: role + organisation
 *   answer        one answer (value NULL: not answered, toelichting only)
 *   import_event  what each import did, including --replace
 *   override      the inspector's changes to a proposal, per approach and
 *                 indicator (NULL columns keep the proposal); 'proposal'
 *                 is the proposal it overrode, so a later change of the
 *                 answers under it can be flagged
 *   audit_log     every change to an override: who, when, old, new, why;
 *                 append-only (triggers refuse UPDATE and DELETE)
 *   merge_group   consecutive indicators of one criterion that share one
 *                 mark and one finding, as the factsheets print them
 *   conclusion    per approach and theme: "Wat gaat goed?" and
 *                 "Wat kan beter?"
 *
 * Names (municipality, approach, respondent organisation) are stored in
 * their normal form and found by name_key (names.h): two spellings of one
 * name are one row, and the first spelling stored is the one kept.
 */
static const char *const migrations[] = {
	/* 1 */
	"CREATE TABLE framework ("
	"  id      INTEGER PRIMARY KEY,"
	"  name    TEXT NOT NULL,"
	"  version TEXT NOT NULL,"
	"  UNIQUE (name, version)"
	") STRICT;"
	"CREATE TABLE municipality ("
	"  id   INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE"
	") STRICT;"
	"CREATE TABLE round ("
	"  id              INTEGER PRIMARY KEY,"
	"  municipality_id INTEGER NOT NULL REFERENCES municipality(id),"
	"  year            INTEGER NOT NULL,"
	"  framework_id    INTEGER NOT NULL REFERENCES framework(id),"
	"  context         TEXT,"
	"  UNIQUE (municipality_id, year)"
	") STRICT;"
	"CREATE TABLE approach ("
	"  id          INTEGER PRIMARY KEY,"
	"  round_id    INTEGER NOT NULL REFERENCES round(id),"
	"  name        TEXT NOT NULL,"
	"  description TEXT,"
	"  UNIQUE (round_id, name)"
	") STRICT;"
	"CREATE TABLE approach_partner ("
	"  approach_id  INTEGER NOT NULL REFERENCES approach(id),"
	"  position     INTEGER NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  PRIMARY KEY (approach_id, position)"
	") STRICT;"
	"CREATE TABLE respondent ("
	"  id           INTEGER PRIMARY KEY,"
	"  approach_id  INTEGER NOT NULL REFERENCES approach(id),"
	"  role         TEXT NOT NULL"
	"               CHECK (role IN ('gemeente', 'netwerkpartner')),"
	"  organisation TEXT NOT NULL,"
	"  source       TEXT NOT NULL,"
	"  UNIQUE (approach_id, organisation)"
	") STRICT;"
	"CREATE TABLE answer ("
	"  respondent_id INTEGER NOT NULL"
	"                REFERENCES respondent(id) ON DELETE CASCADE,"
	"  indicator     TEXT NOT NULL,"
	"  value         TEXT CHECK (value IN"
	"                ('ja', 'deels', 'nee', 'weet-niet', 'nvt')),"
	"  toelichting   TEXT,"
	"  PRIMARY KEY (respondent_id, indicator)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE import_event ("
	"  id       INTEGER PRIMARY KEY,"
	"  source   TEXT NOT NULL,"
	"  action   TEXT NOT NULL CHECK (action IN ('stored', 'replaced')),"
	"  detail   TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE override ("
	"  approach_id INTEGER NOT NULL REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  verdict     TEXT CHECK (verdict IN ('V', 'X', '-')),"
	"  finding     TEXT,"
	"  letop       TEXT,"
	"  no_letop    INTEGER NOT NULL DEFAULT 0 CHECK (no_letop IN (0, 1)),"
	"  proposal    TEXT NOT NULL,"
	"  PRIMARY KEY (approach_id, indicator)"
	") STRICT;"
	"CREATE TABLE audit_log ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          TEXT NOT NULL,"
	"  who         TEXT NOT NULL,"
	"  approach_id INTEGER NOT NULL REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  field       TEXT NOT NULL CHECK (field IN"
	"              ('verdict', 'finding', 'letop', 'goed', 'beter',"
	"               'merge')),"
	"  old_value   TEXT,"
	"  new_value   TEXT,"
	"  reason      TEXT NOT NULL CHECK (length(reason) > 0)"
	") STRICT;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TABLE merge_group ("
	"  approach_id     INTEGER NOT NULL REFERENCES approach(id),"
	"  first_indicator TEXT NOT NULL,"
	"  last_indicator  TEXT NOT NULL,"
	"  PRIMARY KEY (approach_id, first_indicator)"
	") STRICT;"
	"CREATE TABLE conclusion ("
	"  approach_id INTEGER NOT NULL REFERENCES approach(id),"
	"  theme       TEXT NOT NULL,"
	"  goed        TEXT,"
	"  beter       TEXT,"
	"  PRIMARY KEY (approach_id, theme)"
	") STRICT;",
	/*
	 * 2: when a round's data last changed (import or dossier), so a
	 * factsheet regenerated from the same database carries the same
	 * creation date.
	 */
	"ALTER TABLE round ADD COLUMN changed TEXT;"
	/* The order of the approaches in the dossier: the factsheet's. */
	"ALTER TABLE approach ADD COLUMN position INTEGER;",
	/*
	 * 3: a round is an inspection or the municipality's self-assessment;
	 * a municipality reports its progress per verbeterpunt.
	 */
	"ALTER TABLE round ADD COLUMN kind TEXT NOT NULL DEFAULT 'toezicht'"
	"  CHECK (kind IN ('toezicht', 'zelfevaluatie'));"
	"CREATE TABLE progress_note ("
	"  approach_id INTEGER NOT NULL REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  text        TEXT NOT NULL,"
	"  PRIMARY KEY (approach_id, indicator)"
	") STRICT;",
	/*
	 * 4: the answer codes checked with = and OR: for "value IN (...)"
	 * SQLite 3.40 builds a temporary index on every INSERT, which was a
	 * third of an import's instructions (callgrind).
	 */
	"CREATE TABLE answer_v4 ("
	"  respondent_id INTEGER NOT NULL"
	"                REFERENCES respondent(id) ON DELETE CASCADE,"
	"  indicator     TEXT NOT NULL,"
	"  value         TEXT CHECK (value = 'ja' OR value = 'deels' OR"
	"                value = 'nee' OR value = 'weet-niet' OR"
	"                value = 'nvt'),"
	"  toelichting   TEXT,"
	"  PRIMARY KEY (respondent_id, indicator)"
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO answer_v4 SELECT respondent_id, indicator, value,"
	"  toelichting FROM answer;"
	"DROP TABLE answer;"
	"ALTER TABLE answer_v4 RENAME TO answer;",
	/*
	 * 5: names are found by their key (names_key(): case-folded, NFC,
	 * white space and apostrophes evened out), so 'Wijkaanpak' and
	 * 'wijkaanpak ' are one approach. stj_name_key() is registered by
	 * migrate(). The indexes are not UNIQUE: an older database may hold
	 * two spellings of one name already; the oldest row is the one found.
	 */
	"ALTER TABLE municipality ADD COLUMN name_key TEXT;"
	"ALTER TABLE approach ADD COLUMN name_key TEXT;"
	"ALTER TABLE respondent ADD COLUMN name_key TEXT;"
	"UPDATE municipality SET name_key = stj_name_key(name);"
	"UPDATE approach SET name_key = stj_name_key(name);"
	"UPDATE respondent SET name_key = stj_name_key(organisation);"
	"CREATE INDEX municipality_key ON municipality (name_key);"
	"CREATE INDEX approach_key ON approach (round_id, name_key);"
	"CREATE INDEX respondent_key ON respondent (approach_id, name_key);",
	/*
	 * 6: a round is reviewed: concept, wederhoor, vastgesteld (ops.h).
	 * A change of state is logged like any other change, for the round
	 * as a whole: the audit log is rebuilt with round_id and a nullable
	 * approach_id, field 'state', and its append-only triggers.
	 */
	"ALTER TABLE round ADD COLUMN state TEXT NOT NULL DEFAULT 'concept'"
	"  CHECK (state IN ('concept', 'wederhoor', 'vastgesteld'));"
	"DROP TRIGGER audit_log_no_update;"
	"DROP TRIGGER audit_log_no_delete;"
	"CREATE TABLE audit_log_v6 ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          TEXT NOT NULL,"
	"  who         TEXT NOT NULL,"
	"  round_id    INTEGER NOT NULL REFERENCES round(id),"
	"  approach_id INTEGER REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  field       TEXT NOT NULL CHECK (field IN"
	"              ('verdict', 'finding', 'letop', 'goed', 'beter',"
	"               'merge', 'state')),"
	"  old_value   TEXT,"
	"  new_value   TEXT,"
	"  reason      TEXT NOT NULL CHECK (length(reason) > 0),"
	"  CHECK ((field = 'state') = (approach_id IS NULL))"
	") STRICT;"
	"INSERT INTO audit_log_v6 SELECT l.id, l.at, l.who, a.round_id,"
	"  l.approach_id, l.indicator, l.field, l.old_value, l.new_value,"
	"  l.reason FROM audit_log l JOIN approach a ON a.id = l.approach_id"
	"  ORDER BY l.id;"
	"DROP TABLE audit_log;"
	"ALTER TABLE audit_log_v6 RENAME TO audit_log;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/*
	 * 7 (step 9: web review): the dossier texts are edited with a
	 * reason: a round's context (a row of the round, as 'state') and an
	 * approach's description. The audit log is rebuilt as in 6 with the
	 * two new fields.
	 */
	"DROP TRIGGER audit_log_no_update;"
	"DROP TRIGGER audit_log_no_delete;"
	"CREATE TABLE audit_log_v7 ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          TEXT NOT NULL,"
	"  who         TEXT NOT NULL,"
	"  round_id    INTEGER NOT NULL REFERENCES round(id),"
	"  approach_id INTEGER REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  field       TEXT NOT NULL CHECK (field IN"
	"              ('verdict', 'finding', 'letop', 'goed', 'beter',"
	"               'merge', 'state', 'context', 'description')),"
	"  old_value   TEXT,"
	"  new_value   TEXT,"
	"  reason      TEXT NOT NULL CHECK (length(reason) > 0),"
	"  CHECK ((field IN ('state', 'context')) = (approach_id IS NULL))"
	") STRICT;"
	"INSERT INTO audit_log_v7 SELECT id, at, who, round_id, approach_id,"
	"  indicator, field, old_value, new_value, reason FROM audit_log"
	"  ORDER BY id;"
	"DROP TABLE audit_log;"
	"ALTER TABLE audit_log_v7 RENAME TO audit_log;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/*
	 * 8 (step 9: web bench): the audit log is read per round (Logboek,
	 * the Overzicht's last change, the state) and per indicator (the
	 * version every edit form carries). Without these indexes each read
	 * scanned the whole log: with a national log the Ronde page took
	 * 100 ms instead of 5.
	 */
	"CREATE INDEX audit_log_round ON audit_log (round_id, at);"
	"CREATE INDEX audit_log_indicator ON audit_log (approach_id, indicator);",
	/* -- step 10: accounts -- */
	/*
	 * 9: accounts and their server-side sessions (account.h). A name is
	 * unique by its key (names_key()); a gemeente account is bound to one
	 * municipality, no other is. The password is an Argon2id string of
	 * crypto_pwhash_str(). failed counts failed logins in a row;
	 * locked_until (unix seconds, 0: not) ends a lock-out. A session is
	 * found by the hash of its token, never by the token; it ends with its
	 * account. account_log: who changed which account how, append-only.
	 */
	"CREATE TABLE account ("
	"  id              INTEGER PRIMARY KEY,"
	"  name            TEXT NOT NULL,"
	"  name_key        TEXT NOT NULL UNIQUE,"
	"  role            TEXT NOT NULL CHECK (role IN ('beheerder',"
	"                  'inspecteur', 'gemeente', 'lezer')),"
	"  municipality_id INTEGER REFERENCES municipality(id),"
	"  password        TEXT NOT NULL"
	"                  CHECK (substr(password, 1, 10) = '$argon2id$'),"
	"  disabled        INTEGER NOT NULL DEFAULT 0"
	"                  CHECK (disabled IN (0, 1)),"
	"  created         TEXT NOT NULL,"
	"  changed         TEXT NOT NULL,"
	"  last_login      TEXT,"
	"  failed          INTEGER NOT NULL DEFAULT 0,"
	"  locked_until    INTEGER NOT NULL DEFAULT 0,"
	"  CHECK ((role = 'gemeente') = (municipality_id IS NOT NULL))"
	") STRICT;"
	"CREATE TABLE session ("
	"  id_hash        BLOB PRIMARY KEY,"
	"  account_id     INTEGER NOT NULL"
	"                 REFERENCES account(id) ON DELETE CASCADE,"
	"  csrf           TEXT NOT NULL,"
	"  created        INTEGER NOT NULL,"
	"  last_seen      INTEGER NOT NULL,"
	"  idle_until     INTEGER NOT NULL,"
	"  absolute_until INTEGER NOT NULL"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX session_account ON session (account_id);"
	"CREATE TABLE account_log ("
	"  id      INTEGER PRIMARY KEY,"
	"  at      TEXT NOT NULL,"
	"  who     TEXT NOT NULL,"
	"  account TEXT NOT NULL,"
	"  event   TEXT NOT NULL CHECK (event IN ('add', 'passwd', 'disable',"
	"          'enable', 'role', 'locked')),"
	"  detail  TEXT"
	") STRICT;"
	"CREATE TRIGGER account_log_no_update BEFORE UPDATE ON account_log"
	" BEGIN SELECT RAISE(ABORT, 'the account log is append-only'); END;"
	"CREATE TRIGGER account_log_no_delete BEFORE DELETE ON account_log"
	" BEGIN SELECT RAISE(ABORT, 'the account log is append-only'); END;",
	/*
	 * 10 (step 10: invitations, store_invite.c):
	 * A respondent answers online through an invitation: one per
	 * respondent of an approach, its token stored only as a hash. Its
	 * answers are a draft, kept apart from 'answer' (verdicts never see
	 * them) until it is submitted and stored as an import stores them.
	 * Every step is an invitation_event (append-only).
	 */
	"CREATE TABLE invitation ("
	"  id            INTEGER PRIMARY KEY,"
	"  approach_id   INTEGER NOT NULL REFERENCES approach(id),"
	"  role          TEXT NOT NULL"
	"                CHECK (role IN ('gemeente', 'netwerkpartner')),"
	"  organisation  TEXT NOT NULL,"
	"  name_key      TEXT NOT NULL,"
	"  email         TEXT,"
	"  token_hash    BLOB NOT NULL UNIQUE,"
	"  created       TEXT NOT NULL,"
	"  expires       TEXT NOT NULL,"
	"  revoked       TEXT,"
	"  sent          TEXT,"
	"  opened        TEXT,"
	"  submitted     TEXT,"
	"  state         TEXT NOT NULL DEFAULT 'invited' CHECK (state IN"
	"                ('invited', 'opened', 'draft', 'submitted')),"
	"  respondent_id INTEGER REFERENCES respondent(id) ON DELETE SET NULL"
	") STRICT;"
	"CREATE INDEX invitation_approach ON invitation (approach_id, name_key);"
	"CREATE TABLE invitation_answer ("
	"  invitation_id INTEGER NOT NULL"
	"                REFERENCES invitation(id) ON DELETE CASCADE,"
	"  indicator     TEXT NOT NULL,"
	"  value         TEXT CHECK (value = 'ja' OR value = 'deels' OR"
	"                value = 'nee' OR value = 'weet-niet' OR"
	"                value = 'nvt'),"
	"  toelichting   TEXT,"
	"  PRIMARY KEY (invitation_id, indicator)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE invitation_event ("
	"  id            INTEGER PRIMARY KEY,"
	"  invitation_id INTEGER NOT NULL REFERENCES invitation(id),"
	"  at            TEXT NOT NULL,"
	"  who           TEXT NOT NULL,"
	"  action        TEXT NOT NULL CHECK (action IN ('invited', 'reissued',"
	"                'revoked', 'sent', 'opened', 'submitted', 'reopened')),"
	"  detail        TEXT"
	") STRICT;"
	"CREATE TRIGGER invitation_event_no_update BEFORE UPDATE"
	" ON invitation_event"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER invitation_event_no_delete BEFORE DELETE"
	" ON invitation_event"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/* -- step 10: reactions -- */
	/*
	 * 11 (step 10: reactions, react.c): hoor en wederhoor. The
	 * municipality's reaction per finding (an indicator, or a merged
	 * group's key "FIRST-LAST") of a round in wederhoor, and its
	 * progress note per verbeterpunt written in stj (progress_note, as a
	 * <voortgang> import). The audit log is rebuilt as in 7 with the
	 * fields 'reaction' and 'note', its triggers and the indexes of 8.
	 */
	"CREATE TABLE reaction ("
	"  approach_id INTEGER NOT NULL REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  text        TEXT NOT NULL CHECK (length(text) > 0),"
	"  who         TEXT NOT NULL,"
	"  at          TEXT NOT NULL,"
	"  PRIMARY KEY (approach_id, indicator)"
	") STRICT;"
	"DROP TRIGGER audit_log_no_update;"
	"DROP TRIGGER audit_log_no_delete;"
	"CREATE TABLE audit_log_v11 ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          TEXT NOT NULL,"
	"  who         TEXT NOT NULL,"
	"  round_id    INTEGER NOT NULL REFERENCES round(id),"
	"  approach_id INTEGER REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  field       TEXT NOT NULL CHECK (field IN"
	"              ('verdict', 'finding', 'letop', 'goed', 'beter',"
	"               'merge', 'state', 'context', 'description',"
	"               'reaction', 'note')),"
	"  old_value   TEXT,"
	"  new_value   TEXT,"
	"  reason      TEXT NOT NULL CHECK (length(reason) > 0),"
	"  CHECK ((field IN ('state', 'context')) = (approach_id IS NULL))"
	") STRICT;"
	"INSERT INTO audit_log_v11 SELECT id, at, who, round_id, approach_id,"
	"  indicator, field, old_value, new_value, reason FROM audit_log"
	"  ORDER BY id;"
	"DROP TABLE audit_log;"
	"ALTER TABLE audit_log_v11 RENAME TO audit_log;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE INDEX audit_log_round ON audit_log (round_id, at);"
	"CREATE INDEX audit_log_indicator ON audit_log (approach_id, indicator);",
	/* -- step 10: approach: 12, an approach added to a round's dossier
	 * (stj dossier --add-approach, the Respons page) is audited as
	 * field 'approach'. The same rebuild as 11's (a CHECK cannot be
	 * altered), indexes and triggers included. */
	"CREATE TABLE audit_log_v12 ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          TEXT NOT NULL,"
	"  who         TEXT NOT NULL,"
	"  round_id    INTEGER NOT NULL REFERENCES round(id),"
	"  approach_id INTEGER REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  field       TEXT NOT NULL CHECK (field IN"
	"              ('verdict', 'finding', 'letop', 'goed', 'beter',"
	"               'merge', 'state', 'context', 'description',"
	"               'reaction', 'note', 'approach')),"
	"  old_value   TEXT,"
	"  new_value   TEXT,"
	"  reason      TEXT NOT NULL CHECK (length(reason) > 0),"
	"  CHECK ((field IN ('state', 'context')) = (approach_id IS NULL))"
	") STRICT;"
	"INSERT INTO audit_log_v12 SELECT id, at, who, round_id, approach_id,"
	"  indicator, field, old_value, new_value, reason FROM audit_log"
	"  ORDER BY id;"
	"DROP TABLE audit_log;"
	"ALTER TABLE audit_log_v12 RENAME TO audit_log;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE INDEX audit_log_round ON audit_log (round_id, at);"
	"CREATE INDEX audit_log_indicator ON audit_log (approach_id, indicator);",
	/* -- step 11: layout: 13, a round's own front-page introduction
	 * (NULL: the year-neutral one of the templates) and its publication
	 * date (YYYY-MM or YYYY-MM-DD), both fields of the round in the
	 * audit log as its context is. The same rebuild as 12's. */
	"ALTER TABLE round ADD COLUMN intro TEXT;"
	"ALTER TABLE round ADD COLUMN published TEXT CHECK (published IS NULL"
	"  OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
	"  OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');"
	"DROP TRIGGER audit_log_no_update;"
	"DROP TRIGGER audit_log_no_delete;"
	"CREATE TABLE audit_log_v13 ("
	"  id          INTEGER PRIMARY KEY,"
	"  at          TEXT NOT NULL,"
	"  who         TEXT NOT NULL,"
	"  round_id    INTEGER NOT NULL REFERENCES round(id),"
	"  approach_id INTEGER REFERENCES approach(id),"
	"  indicator   TEXT NOT NULL,"
	"  field       TEXT NOT NULL CHECK (field IN"
	"              ('verdict', 'finding', 'letop', 'goed', 'beter',"
	"               'merge', 'state', 'context', 'description',"
	"               'reaction', 'note', 'approach', 'intro',"
	"               'published')),"
	"  old_value   TEXT,"
	"  new_value   TEXT,"
	"  reason      TEXT NOT NULL CHECK (length(reason) > 0),"
	"  CHECK ((field IN ('state', 'context', 'intro', 'published')) ="
	"         (approach_id IS NULL))"
	") STRICT;"
	"INSERT INTO audit_log_v13 SELECT id, at, who, round_id, approach_id,"
	"  indicator, field, old_value, new_value, reason FROM audit_log"
	"  ORDER BY id;"
	"DROP TABLE audit_log;"
	"ALTER TABLE audit_log_v13 RENAME TO audit_log;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE INDEX audit_log_round ON audit_log (round_id, at);"
	"CREATE INDEX audit_log_indicator ON audit_log (approach_id, indicator);",
};

enum { NMIGRATIONS = sizeof(migrations) / sizeof(migrations[0]) };

enum stmt {
	ST_FW_GET, ST_FW_ADD,
	ST_MUN_GET, ST_MUN_ADD,
	ST_ROUND_GET, ST_ROUND_ADD, ST_ROUND_CONTEXT, ST_ROUND_TOUCH,
	ST_ROUND_CHANGED, ST_DOSSIER, ST_CONTEXT, ST_MUNICIPALITIES,
	ST_ROUND_KIND, ST_KIND, ST_NOTE_DEL, ST_NOTE_ADD, ST_NOTES,
	ST_ROUND_COPY_APPR, ST_ROUND_COPY_PARTNERS, ST_ROUND_LOOKUP,
	ST_APPR_GET, ST_APPR_ADD, ST_APPR_DESC,
	ST_PARTNER_DEL, ST_PARTNER_ADD,
	ST_RESP_GET, ST_RESP_DEL, ST_RESP_ADD, ST_RESP_COUNT,
	ST_ANSWER_ADD,
	ST_EVENT_ADD,
	ST_STATUS,
	ST_ROUND_FIND,
	ST_APPR_FIND,
	ST_OVR_GET, ST_OVR_PUT, ST_OVR_DEL, ST_AUDIT_ADD, ST_HISTORY,
	ST_OVERRIDES,
	ST_CONCL_GET, ST_CONCL_PUT, ST_CONCL_DEL, ST_CONCLUSIONS,
	ST_MERGE_ADD, ST_MERGE_DEL, ST_MERGES,
	ST_MUN_NAMES, ST_ROUND_OF, ST_APPR_NAMES, ST_APPR_UNPLACE,
	ST_FRESH, ST_DOSSIER_NAMES, ST_PARTNERS,
	ST_AUDIT_LAST,
	ST_STATE_GET, ST_STATE_SET, ST_STATE_LOG, ST_GAPS,
	/* step 9: web bench */
	ST_RESPONDENTS, ST_RESP_ANSWERS, ST_OVERVIEW_COUNT, ST_OVERVIEW,
	/* step 9: web review */
	ST_AUDIT_LAST_ROUND, ST_ROUND_LOG, ST_DESC_GET, ST_DESC_SET,
	/* -- step 10: accounts -- */
	ST_ACC_GET, ST_ACC_ADD, ST_ACC_HASH, ST_ACC_DISABLED, ST_ACC_ROLE,
	ST_ACC_FAILED, ST_ACC_LOGIN, ST_ACC_LIST, ST_ACC_LOG, ST_ACC_COUNT,
	ST_SES_ADD, ST_SES_GET, ST_SES_TOUCH, ST_SES_DEL, ST_SES_DEL_ACC,
	ST_SES_PURGE,
	/* -- step 10: approach -- */
	ST_APPR_LASTPOS,
	/* -- step 11: layout -- */
	ST_INTRO, ST_PUBLISHED, ST_ROUND_INTRO, ST_ROUND_PUBLISHED,
	ST__COUNT
};

static const char *const stmt_sql[ST__COUNT] = {
	[ST_FW_GET] = "SELECT id FROM framework WHERE name = ?1 AND version = ?2",
	[ST_FW_ADD] = "INSERT INTO framework (name, version) VALUES (?1, ?2)",
	[ST_MUN_GET] = "SELECT id, name FROM municipality WHERE name_key = ?1"
	    " ORDER BY id LIMIT 1",
	[ST_MUN_ADD] = "INSERT INTO municipality (name, name_key)"
	    " VALUES (?1, ?2)",
	[ST_ROUND_GET] = "SELECT r.id, r.framework_id, f.name, f.version,"
	    " r.state"
	    " FROM round r JOIN framework f ON f.id = r.framework_id"
	    " WHERE r.municipality_id = ?1 AND r.year = ?2",
	[ST_ROUND_ADD] = "INSERT INTO round (municipality_id, year,"
	    " framework_id) VALUES (?1, ?2, ?3)",
	[ST_ROUND_CONTEXT] = "UPDATE round SET context = ?2 WHERE id = ?1",
	[ST_ROUND_TOUCH] = "UPDATE round SET changed = ?2 WHERE id = ?1",
	/* The later of the last import and the last inspector's change. */
	[ST_ROUND_CHANGED] = "SELECT max(coalesce(r.changed, ''),"
	    " coalesce((SELECT max(l.at) FROM audit_log l"
	    "  WHERE l.round_id = r.id), ''))"
	    " FROM round r JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_DOSSIER] = "SELECT a.name, a.description FROM approach a"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2"
	    " ORDER BY a.position IS NULL, a.position, a.id",
	[ST_ROUND_KIND] = "UPDATE round SET kind = ?2 WHERE id = ?1",
	[ST_KIND] = "SELECT r.kind FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_NOTE_DEL] = "DELETE FROM progress_note WHERE approach_id = ?1",
	[ST_NOTE_ADD] = "INSERT OR REPLACE INTO progress_note (approach_id,"
	    " indicator, text) VALUES (?1, ?2, ?3)",
	[ST_NOTES] = "SELECT a.name, n.indicator, n.text FROM progress_note n"
	    " JOIN approach a ON a.id = n.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	/* A new round takes the previous one's approaches and partners. */
	[ST_ROUND_COPY_APPR] = "INSERT INTO approach (round_id, name,"
	    " description, position, name_key) SELECT ?1, name, description,"
	    " position, name_key FROM approach WHERE round_id = ?2 ORDER BY id",
	[ST_ROUND_COPY_PARTNERS] = "INSERT INTO approach_partner (approach_id,"
	    " position, organisation) SELECT n.id, p.position, p.organisation"
	    " FROM approach_partner p JOIN approach o ON o.id = p.approach_id"
	    " JOIN approach n ON n.name = o.name AND n.round_id = ?1"
	    " WHERE o.round_id = ?2",
	[ST_ROUND_LOOKUP] = "SELECT r.id, r.context, r.kind FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_MUNICIPALITIES] = "SELECT m.name, max(r.year) FROM municipality m"
	    " JOIN round r ON r.municipality_id = m.id"
	    " WHERE ?1 = 0 OR r.year = ?1 GROUP BY m.id ORDER BY m.name",
	[ST_CONTEXT] = "SELECT r.context FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_APPR_GET] = "SELECT id, name FROM approach WHERE round_id = ?1"
	    " AND name_key = ?2 ORDER BY id LIMIT 1",
	[ST_APPR_ADD] = "INSERT INTO approach (round_id, name, name_key)"
	    " VALUES (?1, ?2, ?3)",
	[ST_APPR_DESC] = "UPDATE approach SET description = ?2, position = ?3"
	    " WHERE id = ?1",
	[ST_PARTNER_DEL] = "DELETE FROM approach_partner WHERE approach_id = ?1",
	[ST_PARTNER_ADD] = "INSERT INTO approach_partner (approach_id,"
	    " position, organisation) VALUES (?1, ?2, ?3)",
	[ST_RESP_GET] = "SELECT id, organisation, source FROM respondent"
	    " WHERE approach_id = ?1 AND name_key = ?2 ORDER BY id LIMIT 1",
	[ST_RESP_DEL] = "DELETE FROM respondent WHERE id = ?1",
	[ST_RESP_ADD] = "INSERT INTO respondent (approach_id, role,"
	    " organisation, source, name_key) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_RESP_COUNT] = "SELECT count(*) FROM respondent"
	    " WHERE approach_id = ?1 AND role = ?2",
	[ST_ANSWER_ADD] = "INSERT INTO answer (respondent_id, indicator,"
	    " value, toelichting) VALUES (?1, ?2, ?3, ?4)",
	[ST_EVENT_ADD] = "INSERT INTO import_event (source, action, detail)"
	    " VALUES (?1, ?2, ?3)",
	[ST_STATUS] = "SELECT m.name, r.year, f.name, f.version, a.name,"
	    "  p.role, p.organisation,"
	    "  (SELECT count(*) FROM answer x WHERE x.respondent_id = p.id"
	    "   AND x.value IS NOT NULL)"
	    " FROM municipality m"
	    " JOIN round r ON r.municipality_id = m.id"
	    " JOIN framework f ON f.id = r.framework_id"
	    " LEFT JOIN approach a ON a.round_id = r.id"
	    " LEFT JOIN respondent p ON p.approach_id = a.id"
	    " WHERE ?1 IS NULL OR m.name = ?1"
	    " ORDER BY m.name, r.year, a.name, p.role, p.organisation",
	[ST_ROUND_FIND] = "SELECT r.year, f.name, f.version FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " JOIN framework f ON f.id = r.framework_id"
	    " WHERE m.name = ?1 AND (?2 = 0 OR r.year = ?2)"
	    " ORDER BY r.year DESC LIMIT 1",
	[ST_APPR_FIND] = "SELECT a.id FROM approach a"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2 AND a.name = ?3",
	[ST_OVR_GET] = "SELECT verdict, finding, letop, no_letop, proposal"
	    " FROM override WHERE approach_id = ?1 AND indicator = ?2",
	[ST_OVR_PUT] = "INSERT OR REPLACE INTO override (approach_id,"
	    " indicator, verdict, finding, letop, no_letop, proposal)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_OVR_DEL] = "DELETE FROM override WHERE approach_id = ?1"
	    " AND indicator = ?2",
	[ST_AUDIT_ADD] = "INSERT INTO audit_log (at, who, round_id,"
	    " approach_id, indicator, field, old_value, new_value, reason)"
	    " VALUES (?1, ?2, (SELECT round_id FROM approach WHERE id = ?3),"
	    " ?3, ?4, ?5, ?6, ?7, ?8)",
	/* A state row names no approach: "-" keeps the columns. */
	[ST_HISTORY] = "SELECT l.at, l.who, r.year, coalesce(a.name, '-'),"
	    " l.indicator, l.field, l.old_value, l.new_value, l.reason"
	    " FROM audit_log l LEFT JOIN approach a ON a.id = l.approach_id"
	    " JOIN round r ON r.id = l.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND (?2 = 0 OR r.year = ?2) ORDER BY l.id",
	[ST_OVERRIDES] = "SELECT a.name, o.indicator, o.verdict, o.finding,"
	    " o.letop, o.no_letop, o.proposal FROM override o"
	    " JOIN approach a ON a.id = o.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_CONCL_GET] = "SELECT goed, beter FROM conclusion"
	    " WHERE approach_id = ?1 AND theme = ?2",
	[ST_CONCL_PUT] = "INSERT OR REPLACE INTO conclusion (approach_id,"
	    " theme, goed, beter) VALUES (?1, ?2, ?3, ?4)",
	[ST_CONCL_DEL] = "DELETE FROM conclusion WHERE approach_id = ?1"
	    " AND theme = ?2",
	[ST_CONCLUSIONS] = "SELECT a.name, c.theme, c.goed, c.beter"
	    " FROM conclusion c JOIN approach a ON a.id = c.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_MERGE_ADD] = "INSERT INTO merge_group (approach_id,"
	    " first_indicator, last_indicator) VALUES (?1, ?2, ?3)",
	[ST_MERGE_DEL] = "DELETE FROM merge_group WHERE approach_id = ?1"
	    " AND first_indicator = ?2 AND last_indicator = ?3",
	[ST_MERGES] = "SELECT a.name, g.first_indicator, g.last_indicator"
	    " FROM merge_group g JOIN approach a ON a.id = g.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	/* Names: suggestions, and what the dossier of a round names. */
	[ST_MUN_NAMES] = "SELECT name FROM municipality ORDER BY name",
	[ST_ROUND_OF] = "SELECT r.id, r.year FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND (?2 = 0 OR r.year = ?2)"
	    " ORDER BY r.year DESC LIMIT 1",
	[ST_APPR_NAMES] = "SELECT name FROM approach WHERE round_id = ?1"
	    " ORDER BY position IS NULL, position, id",
	/* A dossier names its approaches anew: the position says which. */
	[ST_APPR_UNPLACE] = "UPDATE approach SET position = NULL"
	    " WHERE round_id = ?1",
	[ST_FRESH] = "SELECT p.source, p.role, p.organisation, p.name_key,"
	    " a.id, a.name, a.position IS NOT NULL, r.id, m.name, r.year"
	    " FROM respondent p JOIN approach a ON a.id = p.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id WHERE p.id = ?1",
	[ST_DOSSIER_NAMES] = "SELECT name FROM approach WHERE round_id = ?1"
	    " AND position IS NOT NULL ORDER BY position, id",
	[ST_PARTNERS] = "SELECT organisation FROM approach_partner"
	    " WHERE approach_id = ?1 ORDER BY position",
	/* No index on audit_log: one round's log is a few hundred rows. */
	[ST_AUDIT_LAST] = "SELECT l.id, l.who, l.at FROM audit_log l"
	    " JOIN approach a ON a.id = l.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2 AND a.name = ?3"
	    " AND l.indicator = ?4 ORDER BY l.id DESC LIMIT 1",
	/* The state and when it was entered (NULL: never changed). */
	[ST_STATE_GET] = "SELECT r.id, r.state, (SELECT l.at FROM audit_log l"
	    "  WHERE l.round_id = r.id AND l.field = 'state'"
	    "  ORDER BY l.id DESC LIMIT 1)"
	    " FROM round r JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_STATE_SET] = "UPDATE round SET state = ?2 WHERE id = ?1",
	[ST_STATE_LOG] = "INSERT INTO audit_log (at, who, round_id,"
	    " approach_id, indicator, field, old_value, new_value, reason)"
	    " VALUES (?1, ?2, ?3, NULL, '-', 'state', ?4, ?5, ?6)",
	/*
	 * What a round lacks: per approach, whether the gemeente answered
	 * and whether anyone did; then each partner the dossier names who
	 * did not answer (names compared by their key, names.h).
	 */
	[ST_GAPS] = "SELECT a.name, NULL, NOT EXISTS (SELECT 1 FROM"
	    "  respondent p WHERE p.approach_id = a.id)"
	    " FROM approach a WHERE a.round_id = ?1 AND NOT EXISTS (SELECT 1"
	    "  FROM respondent p WHERE p.approach_id = a.id"
	    "  AND p.role = 'gemeente')"
	    " UNION ALL SELECT a.name, ap.organisation, 0"
	    " FROM approach_partner ap JOIN approach a ON a.id = ap.approach_id"
	    " WHERE a.round_id = ?1 AND NOT EXISTS (SELECT 1 FROM respondent p"
	    "  WHERE p.approach_id = a.id AND p.role = 'netwerkpartner'"
	    "  AND p.name_key = stj_name_key(ap.organisation))",
	/*
	 * step 9: web bench. A round's answers are read per respondent: the
	 * approaches and respondents in order (a few rows), then each one's
	 * answers by the primary key. One query ordered over every answer
	 * spent two thirds of its time sorting them.
	 */
	[ST_RESPONDENTS] = "SELECT a.name, p.id, p.role, p.organisation"
	    " FROM approach a JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " LEFT JOIN respondent p ON p.approach_id = a.id"
	    " WHERE m.name = ?1 AND r.year = ?2"
	    " ORDER BY a.position IS NULL, a.position, a.id, p.id",
	[ST_RESP_ANSWERS] = "SELECT indicator, value, toelichting FROM answer"
	    " WHERE respondent_id = ?1",
	/* The Overzicht's rounds: a municipality's name key contains ?1. */
	[ST_OVERVIEW_COUNT] = "SELECT count(*) FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE instr(m.name_key, stj_name_key(?1)) > 0",
	/* The last change is the later of the last import and the last
	 * logged change; its author only when it was a logged change. */
	[ST_OVERVIEW] = "SELECT m.name, r.year, r.kind,"
	    "  max(coalesce(r.changed, ''), coalesce(l.at, '')), r.state,"
	    "  CASE WHEN coalesce(l.at, '') >= coalesce(r.changed, '')"
	    "   THEN coalesce(l.who, '') ELSE '' END"
	    " FROM round r JOIN municipality m ON m.id = r.municipality_id"
	    " LEFT JOIN audit_log l ON l.id = (SELECT max(x.id) FROM audit_log x"
	    "  WHERE x.round_id = r.id)"
	    " WHERE instr(m.name_key, stj_name_key(?1)) > 0"
	    " ORDER BY m.name, r.year LIMIT ?2 OFFSET ?3",
	/* step 9: web review. The last change of a round's own field. */
	[ST_AUDIT_LAST_ROUND] = "SELECT l.id, l.who, l.at FROM audit_log l"
	    " JOIN round r ON r.id = l.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2 AND l.approach_id IS NULL"
	    " AND l.field = ?3 ORDER BY l.id DESC LIMIT 1",
	[ST_ROUND_LOG] = "INSERT INTO audit_log (at, who, round_id,"
	    " approach_id, indicator, field, old_value, new_value, reason)"
	    " VALUES (?1, ?2, ?3, NULL, '-', ?4, ?5, ?6, ?7)",
	[ST_DESC_GET] = "SELECT description FROM approach WHERE id = ?1",
	[ST_DESC_SET] = "UPDATE approach SET description = ?2 WHERE id = ?1",
	/* -- step 10: approach -- */
	[ST_APPR_LASTPOS] = "SELECT COALESCE(MAX(position), 0) FROM approach"
	    " WHERE round_id = ?1",
	/* -- step 10: accounts -- */
	[ST_ACC_GET] = "SELECT a.name, a.role, m.name, a.password, a.disabled,"
	    " a.created, a.changed, a.last_login, a.failed, a.locked_until"
	    " FROM account a LEFT JOIN municipality m ON m.id = a.municipality_id"
	    " WHERE a.name_key = ?1",
	[ST_ACC_ADD] = "INSERT INTO account (name, name_key, role,"
	    " municipality_id, password, created, changed) VALUES (?1, ?2, ?3,"
	    " (SELECT id FROM municipality WHERE name = ?4), ?5, ?6, ?6)",
	[ST_ACC_HASH] = "UPDATE account SET password = ?2, changed = ?3"
	    " WHERE name_key = ?1",
	[ST_ACC_DISABLED] = "UPDATE account SET disabled = ?2, changed = ?3"
	    " WHERE name_key = ?1",
	[ST_ACC_ROLE] = "UPDATE account SET role = ?2, municipality_id ="
	    " (SELECT id FROM municipality WHERE name = ?3), changed = ?4"
	    " WHERE name_key = ?1",
	/* One statement: two failures at once both count. */
	[ST_ACC_FAILED] = "UPDATE account SET failed = failed + 1,"
	    " locked_until = CASE WHEN failed + 1 >= ?2 THEN ?3"
	    " ELSE locked_until END WHERE name_key = ?1 RETURNING failed,"
	    " locked_until",
	[ST_ACC_LOGIN] = "UPDATE account SET failed = 0, locked_until = 0,"
	    " last_login = ?2 WHERE name_key = ?1",
	[ST_ACC_LIST] = "SELECT a.name, a.role, m.name, NULL, a.disabled,"
	    " a.created, a.changed, a.last_login, a.failed, a.locked_until"
	    " FROM account a LEFT JOIN municipality m ON m.id = a.municipality_id"
	    " ORDER BY a.name_key",
	[ST_ACC_LOG] = "INSERT INTO account_log (at, who, account, event,"
	    " detail) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ACC_COUNT] = "SELECT count(*) FROM account WHERE NOT disabled",
	[ST_SES_ADD] = "INSERT INTO session (id_hash, account_id, csrf, created,"
	    " last_seen, idle_until, absolute_until) SELECT ?1, id, ?3, ?4, ?4,"
	    " ?5, ?6 FROM account WHERE name_key = ?2",
	[ST_SES_GET] = "SELECT a.name, a.role, m.name, s.csrf, a.disabled,"
	    " s.created, s.last_seen, s.idle_until, s.absolute_until"
	    " FROM session s JOIN account a ON a.id = s.account_id"
	    " LEFT JOIN municipality m ON m.id = a.municipality_id"
	    " WHERE s.id_hash = ?1",
	[ST_SES_TOUCH] = "UPDATE session SET last_seen = ?2, idle_until = ?3"
	    " WHERE id_hash = ?1",
	[ST_SES_DEL] = "DELETE FROM session WHERE id_hash = ?1",
	[ST_SES_DEL_ACC] = "DELETE FROM session WHERE account_id ="
	    " (SELECT id FROM account WHERE name_key = ?1)",
	[ST_SES_PURGE] = "DELETE FROM session WHERE idle_until <= ?1"
	    " OR absolute_until <= ?1",
	/* -- step 11: layout -- */
	[ST_INTRO] = "SELECT r.intro FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_PUBLISHED] = "SELECT r.published FROM round r"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2",
	[ST_ROUND_INTRO] = "UPDATE round SET intro = ?2 WHERE id = ?1",
	[ST_ROUND_PUBLISHED] = "UPDATE round SET published = ?2 WHERE id = ?1",
};

/* Strings a store keeps until it is closed. */
struct strlist {
	char  **v;
	size_t  n;
};

struct store {
	sqlite3      *db;
	const char   *path;
	sqlite3_stmt *stmt[ST__COUNT];
	char         *now;    /* stamped on rounds written to; NULL: none */
	int           busy_ms;
	/* Names: the spellings store_resolve_*() handed out, the matches
	 * already noted, the respondents stored since store_check_names(). */
	struct strlist resolved, noted;
	sqlite3_int64 *fresh;
	size_t         nfresh, capfresh;
	int           reading;  /* a read transaction is open (STORE_READ) */
	int           snapshot; /* STORE_READ: each use is one snapshot */
	int           broken;   /* a fatal error was reported: not again */
};

/*
 * Milliseconds a writer waits for another before reporting "database is
 * busy": long enough for an import of a national round to commit.
 */
enum { BUSY_TIMEOUT_MS = 10000 };

/* Appends str (taken over) to l; returns it. */
static char *
strlist_push(struct strlist *l, char *str)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	return l->v[l->n++] = str;
}

static void
strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int match_municipality(struct store *, const char *, char **,
    struct diags *);
static void no_municipality(struct store *, const char *, struct diags *);

/*
 * Errors of the connection rather than of the data: every later statement
 * fails the same way, so one report is enough (an import into a read-only
 * file used to repeat it for every respondent).
 */
static int
fatal(int code)
{
	switch (code) {
	case SQLITE_READONLY: case SQLITE_IOERR: case SQLITE_FULL:
	case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_CANTOPEN:
	case SQLITE_PERM: case SQLITE_NOMEM: case SQLITE_PROTOCOL:
	case SQLITE_BUSY: case SQLITE_LOCKED:
		return 1;
	default:
		return 0;
	}
}

static int
db_error(struct store *s, struct diags *d)
{
	int code = sqlite3_errcode(s->db) & 0xff;

	if (s->broken)
		return -1;
	s->broken = fatal(code);
	/* Another writer held the database for the whole busy timeout. */
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		diags_add(d, s->path, 0, MSG_DB_BUSY, s->busy_ms / 1000.0);
	else
		diags_add_text(d, s->path, 0, sqlite3_errmsg(s->db));
	return -1;
}

static int
exec(struct store *s, const char *sql, struct diags *d)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s, d);
	return 0;
}

/* The prepared statement id, reset and with no bindings, or NULL. */
static sqlite3_stmt *
stmt(struct store *s, enum stmt id, struct diags *d)
{
	sqlite3_stmt *st = s->stmt[id];

	if (st == NULL) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL) != SQLITE_OK) {
			db_error(s, d);
			return NULL;
		}
		return s->stmt[id];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* The integer the one-row query sql returns, in *v; -1 on error. */
static int
query_int(struct store *s, const char *sql, int *v)
{
	sqlite3_stmt *st;
	int           rc = -1;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int
store_schema_version(struct store *s)
{
	int v;

	return query_int(s, "PRAGMA user_version", &v) == 0 ? v : -1;
}

/*
 * An error of the first read of a WAL database that SQLite could not
 * open for reading: it must create PATH-shm beside the database (see
 * https://www.sqlite.org/wal.html, "read-only databases").
 */
static int
wal_refused(struct store *s)
{
	switch (sqlite3_extended_errcode(s->db)) {
	case SQLITE_READONLY_CANTINIT: case SQLITE_READONLY_RECOVERY:
	case SQLITE_READONLY_CANTLOCK: case SQLITE_READONLY_DIRECTORY:
	case SQLITE_CANTOPEN:
		return 1;
	default:
		return 0;
	}
}

enum db_kind { DB_EMPTY, DB_OURS, DB_FOREIGN };

/*
 * What the file holds, found by reading only: ours (our application_id),
 * empty (a new or 0-byte file: no id, no version, no schema) or another
 * program's. Our migrations set the id in the transaction that creates
 * the tables, so an id of 0 beside any table is never ours. *version:
 * the schema version. -1 (reported) when the file cannot be read.
 */
static int
identify(struct store *s, enum db_kind *kind, int *version, struct diags *d)
{
	int app, objects;

	if (query_int(s, "PRAGMA application_id", &app) == -1 ||
	    query_int(s, "PRAGMA user_version", version) == -1 ||
	    query_int(s, "SELECT count(*) FROM sqlite_schema", &objects) == -1) {
		if (wal_refused(s)) {
			diags_add(d, s->path, 0, MSG_DB_WAL_READONLY, s->path);
			return -1;
		}
		return db_error(s, d);
	}
	if (app == STORE_APPLICATION_ID)
		*kind = DB_OURS;
	else if (app == 0 && *version == 0 && objects == 0)
		*kind = DB_EMPTY;
	else {
		*kind = DB_FOREIGN;
		diags_add(d, s->path, 0, app != 0 ? MSG_DB_FOREIGN :
		    MSG_DB_FOREIGN_TABLES);
		return -1;
	}
	return 0;
}

/* stj_name_key(name): names_key() for migration 5 (NULL: not UTF-8). */
static void
sql_name_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *name = sqlite3_value_text(argv[0]);
	char                *key;

	(void)argc;
	if (name == NULL || (key = names_key((const char *)name)) == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, key, -1, free);
}

static int
migrate(struct store *s, struct diags *d)
{
	enum db_kind kind;
	int          v, i;
	char        *sql;

	if (exec(s, "BEGIN IMMEDIATE", d) == -1)
		return -1;
	/* Again under the write lock: another process may have created or
	 * migrated it since it was identified. */
	if (identify(s, &kind, &v, d) == -1)
		goto fail;
	if (v > NMIGRATIONS) {
		diags_add(d, s->path, 0, MSG_DB_NEWER, v, (int)NMIGRATIONS);
		goto fail;
	}
	/* An up-to-date database is not written to: a failed import must
	 * leave the file byte-for-byte as it was. */
	if (v == NMIGRATIONS && kind == DB_OURS)
		return exec(s, "COMMIT", d);
	for (i = v; i < NMIGRATIONS; i++)
		if (exec(s, migrations[i], d) == -1)
			goto fail;
	sql = xasprintf("PRAGMA user_version = %d; PRAGMA application_id = %d",
	    (int)NMIGRATIONS, STORE_APPLICATION_ID);
	i = exec(s, sql, d);
	free(sql);
	if (i == -1)
		goto fail;
	return exec(s, "COMMIT", d);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* $STJ_BUSY_TIMEOUT (milliseconds) when it is a number, else the default. */
static int
busy_timeout(void)
{
	const char *env = getenv("STJ_BUSY_TIMEOUT");
	char       *end;
	long        v;

	if (env == NULL || *env == '\0')
		return BUSY_TIMEOUT_MS;
	v = strtol(env, &end, 10);
	return *end == '\0' && v >= 0 && v <= 3600000 ? (int)v :
	    BUSY_TIMEOUT_MS;
}

/*
 * Opens the connection to file (s->path, or ":memory:" for a dry run) with
 * flags; a missing file is "no such database".
 */
static int
connect_db(struct store *s, const char *file, int flags, struct diags *d)
{
	if (sqlite3_open_v2(file, &s->db, flags | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		if (!(flags & SQLITE_OPEN_CREATE) &&
		    sqlite3_system_errno(s->db) == ENOENT)
			diags_add(d, s->path, 0, MSG_DB_MISSING);
		else
			db_error(s, d);
		return -1;
	}
	s->busy_ms = busy_timeout();
	sqlite3_busy_timeout(s->db, s->busy_ms);
	/* Migration 5, the gaps of a round (ST_GAPS) and the Overzicht's
	 * search (ST_OVERVIEW) use it: every connection has it. */
	if (sqlite3_create_function(s->db, "stj_name_key", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, sql_name_key, NULL,
	    NULL) != SQLITE_OK) {
		db_error(s, d);
		return -1;
	}
	return 0;
}

/*
 * A connection to change the database (create: also a new file; readonly:
 * the message when the file cannot be written). Nothing is written before
 * the file is known to be ours or empty: another program's file stays
 * byte for byte as it was (journal_mode = WAL rewrites its header).
 */
static int
open_write(struct store *s, const char *file, int create, enum msg readonly,
    struct diags *d)
{
	enum db_kind kind;
	int          v;

	if (connect_db(s, file, SQLITE_OPEN_READWRITE |
	    (create ? SQLITE_OPEN_CREATE : 0), d) == -1)
		return -1;
	/* SQLite opens a file it may not write read-only, and would then
	 * fail every statement of an import. */
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		diags_add(d, s->path, 0, readonly);
		return -1;
	}
	if (identify(s, &kind, &v, d) == -1 ||
	    exec(s, "PRAGMA journal_mode = WAL", d) == -1 ||
	    exec(s, "PRAGMA foreign_keys = ON", d) == -1)
		return -1;
	return migrate(s, d);
}

/* Starts the read transaction: its first read fixes the snapshot. */
static int
begin_read(struct store *s, enum db_kind *kind, int *version,
    struct diags *d)
{
	if (exec(s, "BEGIN", d) == -1)
		return -1;
	return identify(s, kind, version, d);
}

/* Migrates a database of an older schema for a reader; then reads on. */
static int
upgrade(struct store *s, struct diags *d)
{
	enum db_kind kind;
	int          v;

	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		diags_add(d, s->path, 0, MSG_DB_UPGRADE);
		return -1;
	}
	if (exec(s, "PRAGMA journal_mode = WAL", d) == -1 ||
	    exec(s, "PRAGMA foreign_keys = ON", d) == -1 ||
	    migrate(s, d) == -1)
		return -1;
	return begin_read(s, &kind, &v, d);
}

/*
 * A connection that only reads, in one read transaction, so that every
 * later statement sees the same committed state however many imports
 * commit meanwhile (WAL keeps the snapshot). It is opened read-write when
 * the file allows (SQLite falls back to read-only when it does not) but
 * made query_only: a read-only connection could not remove the -wal and
 * -shm files when it closes, and would leave them beside the database
 * after every read.
 */
static int
open_read(struct store *s, struct diags *d)
{
	enum db_kind kind;
	int          v;

	if (connect_db(s, s->path, SQLITE_OPEN_READWRITE, d) == -1 ||
	    begin_read(s, &kind, &v, d) == -1)
		return -1;
	if (kind == DB_EMPTY) {
		diags_add(d, s->path, 0, MSG_DB_EMPTY);
		return -1;
	}
	if (v > NMIGRATIONS) {
		diags_add(d, s->path, 0, MSG_DB_NEWER, v, (int)NMIGRATIONS);
		return -1;
	}
	if (v < NMIGRATIONS && upgrade(s, d) == -1)
		return -1;
	s->reading = s->snapshot = 1;
	return exec(s, "PRAGMA query_only = ON", d);
}

/*
 * Each connection is used by one thread at a time (factsheet workers and
 * stj serve's worker threads open their own): no connection mutex, and
 * no memory statistics, whose global mutex showed in the import profile.
 * Must precede sqlite3_initialize(), once, whichever thread opens first.
 */
static void
configure(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct store *
store_open(const char *path, enum store_mode mode, struct diags *d)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	struct store *s = xcalloc(1, sizeof(*s));
	int           rc;

	pthread_once(&configured, configure);
	s->path = path;
	if (mode == STORE_READ)
		rc = open_read(s, d);
	/* A dry run stores nothing, so it creates no file either. */
	else if (mode == STORE_DRY_RUN && access(path, F_OK) == -1 &&
	    errno == ENOENT)
		rc = open_write(s, ":memory:", 1, MSG_DB_READONLY, d);
	else
		rc = open_write(s, path, mode != STORE_WRITE, MSG_DB_READONLY,
		    d);
	if (rc == -1) {
		store_close(s);
		return NULL;
	}
	return s;
}

void
store_close(struct store *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	/* Ends the read transaction: it changed nothing. */
	if (s->reading)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(s->db);
	free(s->now);
	strlist_free(&s->resolved);
	strlist_free(&s->noted);
	free(s->fresh);
	free(s);
}

int
store_begin_read(struct store *s, struct diags *d)
{
	int v;

	if (s->snapshot && exec(s, "BEGIN", d) == -1)
		return -1;
	s->reading = s->snapshot;
	/* The first read of the transaction fixes its snapshot. */
	if (query_int(s, "PRAGMA user_version", &v) == -1)
		return db_error(s, d);
	/* A newer stj migrated the file under us: our statements would
	 * read tables whose meaning changed. (An older schema, a backup put
	 * back, fails at its first statement that differs.) */
	if (v > NMIGRATIONS) {
		diags_add(d, s->path, 0, MSG_DB_NEWER, v, (int)NMIGRATIONS);
		return -1;
	}
	return 0;
}

int
store_end_read(struct store *s)
{
	int i, ok = !s->broken;

	/* A statement left on a row would hold its read lock. */
	for (i = 0; i < ST__COUNT; i++)
		if (s->stmt[i] != NULL)
			sqlite3_reset(s->stmt[i]);
	if (!sqlite3_get_autocommit(s->db) &&
	    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		ok = 0;
	s->reading = 0;
	free(s->now);
	s->now = NULL;
	strlist_free(&s->resolved);
	strlist_free(&s->noted);
	s->nfresh = 0;
	return ok ? 0 : -1;
}

void
store_set_clock(struct store *s, const char *at)
{
	free(s->now);
	s->now = at ? xstrdup(at) : NULL;
}

int
store_begin(struct store *s, struct diags *d)
{
	return exec(s, "BEGIN IMMEDIATE", d);
}

int
store_commit(struct store *s, struct diags *d)
{
	testhook_point("store-commit");
	return exec(s, "COMMIT", d);
}

void
store_rollback(struct store *s)
{
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_finish(struct store *s, int status, struct diags *d)
{
	if (status == 0 && store_commit(s, d) == 0)
		return 0;
	store_rollback(s);
	return -1;
}

/* Steps a statement that returns no rows. */
static int
run(struct store *s, sqlite3_stmt *st, struct diags *d)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_error(s, d);
	return 0;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* Statement id with ?1 = municipality and ?2 = round bound; or NULL. */
static sqlite3_stmt *
round_query(struct store *s, enum stmt id, const char *municipality,
    int round, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, id, d);

	if (st != NULL) {
		bind_text(st, 1, municipality);
		sqlite3_bind_int(st, 2, round);
	}
	return st;
}

/* Ends a row loop: 0 when it ran to the end, else the database error. */
static int
rows_done(struct store *s, sqlite3_stmt *st, int rc, struct diags *d)
{
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_error(s, d);
}

/*
 * Id of the row named (a, b) by get, inserting it with add when absent.
 * b may be NULL for single-key tables. Returns 0 on error.
 */
static sqlite3_int64
get_or_add(struct store *s, enum stmt get, enum stmt add, const char *a,
    const char *b, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;

	if ((st = stmt(s, get, d)) == NULL)
		return 0;
	bind_text(st, 1, a);
	if (b != NULL)
		bind_text(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (id != 0)
		return id;
	if ((st = stmt(s, add, d)) == NULL)
		return 0;
	bind_text(st, 1, a);
	if (b != NULL)
		bind_text(st, 2, b);
	if (run(s, st, d) == -1)
		return 0;
	return sqlite3_last_insert_rowid(s->db);
}

static int set_text(struct store *, enum stmt, sqlite3_int64, const char *,
    struct diags *);

/*
 * The stored form of name, a what (new string); NULL after a diagnostic
 * at file:line: not UTF-8, or nothing but white space.
 */
static char *
stored_form(const char *what, const char *name, const char *file, long line,
    struct diags *d)
{
	char *norm = names_normalise(name);

	if (norm == NULL)
		diags_add(d, file, line, MSG_NAME_UTF8, what);
	else if (*norm == '\0') {
		diags_add(d, file, line, MSG_NAME_BLANK, what);
		free(norm);
		norm = NULL;
	}
	return norm;
}

/*
 * Says at file:line that name (in its stored form) was taken for the
 * stored spelling stored: once per spelling and command, so a CSV that
 * writes 'leeuwarden' in every row gets one line.
 */
static void
note_match(struct store *s, const char *name, const char *stored,
    const char *file, long line, struct diags *d)
{
	char   *pair;
	size_t  i;

	if (strcmp(name, stored) == 0)
		return;
	pair = xasprintf("%s\n%s", name, stored);
	for (i = 0; i < s->noted.n; i++)
		if (strcmp(s->noted.v[i], pair) == 0) {
			free(pair);
			return;
		}
	strlist_push(&s->noted, pair);
	diags_add(d, file, line, MSG_NAME_MATCHED, name, stored);
}

/*
 * The id of the row statement get finds for key in scope (the round of
 * an approach, the approach of a respondent; 0 for a municipality), its
 * stored name in *stored (new string). 0 when none matches, -1 on error.
 */
static sqlite3_int64
find_key(struct store *s, enum stmt get, sqlite3_int64 scope,
    const char *key, char **stored, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, get, d);
	sqlite3_int64 id = 0;
	int           rc, i = 1;

	*stored = NULL;
	if (st == NULL)
		return -1;
	if (scope != 0)
		sqlite3_bind_int64(st, i++, scope);
	bind_text(st, i, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*stored = xstrdup((const char *)sqlite3_column_text(st, 1));
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d) == 0 ? id : -1;
}

/*
 * The id of the row (municipality or approach, by get and add) whose
 * name matches name in scope (see find_key), added in its stored form
 * when none does; the spelling kept in *stored (new string). A what, for
 * messages at file:line. 0 after a diagnostic.
 */
static sqlite3_int64
name_id(struct store *s, enum stmt get, enum stmt add, sqlite3_int64 scope,
    const char *what, const char *name, const char *file, long line,
    char **stored, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 id;
	char         *norm, *key;
	int           i = 1;

	*stored = NULL;
	if ((norm = stored_form(what, name, file, line, d)) == NULL)
		return 0;
	key = names_key(norm);   /* norm is valid UTF-8: never NULL */
	if ((id = find_key(s, get, scope, key, stored, d)) > 0)
		note_match(s, norm, *stored, file, line, d);
	else if (id == 0 && (st = stmt(s, add, d)) != NULL) {
		if (scope != 0)
			sqlite3_bind_int64(st, i++, scope);
		bind_text(st, i++, norm);
		bind_text(st, i, key);
		if (run(s, st, d) == 0) {
			id = sqlite3_last_insert_rowid(s->db);
			*stored = norm;
			norm = NULL;
		}
	}
	free(norm);
	free(key);
	return id > 0 ? id : 0;
}

/*
 * The round of municipality in year, created on framework fw when new;
 * the municipality's stored spelling in *mun_name (new string, also
 * after an error). An existing round on another framework version is an
 * error at file:line, and so is one that is vastgesteld: what an import
 * writes into a round (answers, a dossier) would change it under the
 * verdicts that were agreed, so it waits until the round is reopened.
 */
static sqlite3_int64
round_id(struct store *s, const struct framework *fw, const char *municipality,
    int year, const char *file, long line, char **mun_name, struct diags *d)
{
	sqlite3_int64 mun, fwid, id = 0, have_fw = 0;
	sqlite3_stmt *st;
	char         *have = NULL;
	int           locked = 0;

	*mun_name = NULL;
	if ((fwid = get_or_add(s, ST_FW_GET, ST_FW_ADD, fw->id, fw->version,
	    d)) == 0)
		return 0;
	if ((mun = name_id(s, ST_MUN_GET, ST_MUN_ADD, 0, "municipality",
	    municipality, file, line, mun_name, d)) == 0)
		return 0;
	if ((st = stmt(s, ST_ROUND_GET, d)) == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, mun);
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		have_fw = sqlite3_column_int64(st, 1);
		have = xasprintf("%s %s", sqlite3_column_text(st, 2),
		    sqlite3_column_text(st, 3));
		locked = strcmp((const char *)sqlite3_column_text(st, 4),
		    "vastgesteld") == 0;
	}
	sqlite3_reset(st);
	if (locked) {
		diags_add(d, file, line, MSG_STATE_LOCKED, *mun_name, year,
		    *mun_name, year);
		id = 0;
	} else if (id != 0 && have_fw != fwid) {
		diags_add(d, file, line, MSG_ROUND_FRAMEWORK, *mun_name,
		    year, have, fw->id, fw->version);
		id = 0;
	} else if (id == 0 && (st = stmt(s, ST_ROUND_ADD, d)) != NULL) {
		sqlite3_bind_int64(st, 1, mun);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_int64(st, 3, fwid);
		if (run(s, st, d) == 0)
			id = sqlite3_last_insert_rowid(s->db);
	}
	free(have);
	if (id != 0 && s->now != NULL &&
	    set_text(s, ST_ROUND_TOUCH, id, s->now, d) == -1)
		id = 0;
	return id;
}

static int
event(struct store *s, const char *source, const char *action,
    const char *detail, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_EVENT_ADD, d);

	if (st == NULL)
		return -1;
	bind_text(st, 1, source);
	bind_text(st, 2, action);
	bind_text(st, 3, detail);
	return run(s, st, d);
}

/*
 * Finds the stored respondent of approach appr whose organisation
 * matches c's (key): c->organisation and *org become its spelling. It is
 * removed when replace is set, else its presence is an error. *replaced
 * tells which happened.
 */
static int
clear_respondent(struct store *s, sqlite3_int64 appr, struct response *c,
    const char *key, int replace, int *replaced, char **org,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_RESP_GET, d);
	sqlite3_int64 id = 0;
	char         *source = NULL, *stored = NULL;
	int           rc;

	*replaced = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		stored = xstrdup((const char *)sqlite3_column_text(st, 1));
		source = xstrdup((const char *)sqlite3_column_text(st, 2));
		rc = SQLITE_DONE;
	}
	if (rows_done(s, st, rc, d) == -1 || id == 0) {
		free(stored);
		free(source);
		return id == 0 ? 0 : -1;
	}
	note_match(s, c->organisation, stored, c->file, c->line, d);
	free(*org);
	c->organisation = *org = stored;
	if (!replace) {
		diags_add(d, c->file, c->line, MSG_RESP_STORED, c->organisation,
		    c->approach, c->municipality, c->round, source);
		rc = -1;
	} else if ((st = stmt(s, ST_RESP_DEL, d)) == NULL)
		rc = -1;
	else {
		sqlite3_bind_int64(st, 1, id);
		*replaced = 1;
		rc = run(s, st, d);
	}
	free(source);
	return rc;
}

/* Refuses a second gemeente or a fourth partner for one approach. */
static int
check_limits(struct store *s, sqlite3_int64 appr, const struct response *r,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_RESP_COUNT, d);
	int           n = 0, max = r->role == ROLE_GEMEENTE ? 1 : 3;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, role_name(r->role));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (n <= max)
		return 0;
	diags_add(d, r->file, r->line, r->role == ROLE_GEMEENTE ?
	    MSG_TOO_MANY_GEMEENTE : MSG_TOO_MANY_PARTNERS, r->approach,
	    r->municipality, r->round);
	return -1;
}

static int
put_answers(struct store *s, sqlite3_int64 resp, const struct response *r,
    struct diags *d)
{
	sqlite3_stmt *st;
	size_t        i;

	for (i = 0; i < r->nanswers; i++) {
		const struct response_answer *a = &r->answers[i];
		if (a->value == ANSWER_NONE && a->toelichting == NULL)
			continue;
		if ((st = stmt(s, ST_ANSWER_ADD, d)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, resp);
		bind_text(st, 2, a->indicator->id);
		bind_text(st, 3, a->value == ANSWER_NONE ? NULL :
		    answer_code(a->value));
		bind_text(st, 4, a->toelichting);
		if (run(s, st, d) == -1)
			return -1;
	}
	return 0;
}

static int names_of(struct store *, enum stmt, sqlite3_int64,
    struct strlist *, struct diags *);

/*
 * A netwerkpartner the dossier names takes the dossier's spelling:
 * c->organisation and *org become it.
 */
static int
partner_spelling(struct store *s, sqlite3_int64 appr, struct response *c,
    const char *key, char **org, struct diags *d)
{
	struct strlist l = { NULL, 0 };
	char          *k;
	size_t         i;
	int            found = 0;

	if (c->role != ROLE_NETWERKPARTNER)
		return 0;
	if (names_of(s, ST_PARTNERS, appr, &l, d) == -1)
		return -1;
	for (i = 0; !found && i < l.n; i++) {
		if ((k = names_key(l.v[i])) != NULL && strcmp(k, key) == 0) {
			note_match(s, c->organisation, l.v[i], c->file, c->line,
			    d);
			free(*org);
			c->organisation = *org = xstrdup(l.v[i]);
			found = 1;
		}
		free(k);
	}
	strlist_free(&l);
	return 0;
}

/* Remembers respondent id for store_check_names(). */
static void
remember_fresh(struct store *s, sqlite3_int64 id)
{
	if (s->nfresh == s->capfresh) {
		s->capfresh = s->capfresh ? 2 * s->capfresh : 64;
		s->fresh = xrealloc(s->fresh, s->capfresh * sizeof(*s->fresh));
	}
	s->fresh[s->nfresh++] = id;
}

int
store_put_response(struct store *s, const struct response *r, int replace,
    struct diags *d)
{
	struct response c = *r;   /* with the names as stored */
	sqlite3_stmt   *st;
	sqlite3_int64   round, appr, resp;
	char           *mun = NULL, *approach = NULL, *org = NULL, *key = NULL;
	char           *source = NULL, *detail;
	int             replaced, rc = -1;

	if ((round = round_id(s, r->fw, r->municipality, r->round, r->file,
	    r->line, &mun, d)) == 0 ||
	    (appr = name_id(s, ST_APPR_GET, ST_APPR_ADD, round, "approach",
	    r->approach, r->file, r->line, &approach, d)) == 0 ||
	    (org = stored_form("organisation", r->organisation, r->file,
	    r->line, d)) == NULL)
		goto out;
	c.municipality = mun;
	c.approach = approach;
	c.organisation = org;
	key = names_key(org);
	if (partner_spelling(s, appr, &c, key, &org, d) == -1 ||
	    clear_respondent(s, appr, &c, key, replace, &replaced, &org,
	    d) == -1 || (st = stmt(s, ST_RESP_ADD, d)) == NULL)
		goto out;
	source = xasprintf("%s:%ld", r->file, r->line);
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, role_name(r->role));
	bind_text(st, 3, c.organisation);
	bind_text(st, 4, source);
	bind_text(st, 5, key);
	if (run(s, st, d) == -1)
		goto out;
	resp = sqlite3_last_insert_rowid(s->db);
	if (check_limits(s, appr, &c, d) == -1 || put_answers(s, resp, &c, d))
		goto out;
	detail = xasprintf("%s / %s / %d / %s", c.municipality, c.approach,
	    c.round, c.organisation);
	if ((rc = event(s, source, replaced ? "replaced" : "stored", detail,
	    d)) == 0)
		remember_fresh(s, resp);
	free(detail);
out:
	free(mun);
	free(approach);
	free(org);
	free(key);
	free(source);
	return rc;
}

static int
set_text(struct store *s, enum stmt id, sqlite3_int64 key, const char *text,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, id, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, key);
	bind_text(st, 2, text);
	return run(s, st, d);
}

/* Sets an approach's description and its place in the dossier. */
static int
describe(struct store *s, sqlite3_int64 appr, const char *description,
    int position, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_APPR_DESC, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, description);
	sqlite3_bind_int(st, 3, position);
	return run(s, st, d);
}

/* Runs statement id with ?1 = key (deleting an approach's rows). */
static int
run_key(struct store *s, enum stmt id, sqlite3_int64 key, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, id, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, key);
	return run(s, st, d);
}

/*
 * Replaces an approach's partners with those the dossier names, in their
 * stored form; a partner named twice (in two spellings) is kept once.
 */
static int
put_partners(struct store *s, sqlite3_int64 appr, const struct dossier *x,
    const struct dossier_approach *a, struct diags *d)
{
	struct strlist kept = { NULL, 0 }, keys = { NULL, 0 };
	sqlite3_stmt  *st;
	char          *norm, *key;
	size_t         i, j;
	int            rc = -1;

	if (run_key(s, ST_PARTNER_DEL, appr, d) == -1)
		return -1;
	for (i = 0; i < a->npartners; i++) {
		if ((norm = stored_form("netwerkpartner", a->partners[i],
		    x->file, a->line, d)) == NULL)
			goto out;
		key = names_key(norm);
		for (j = 0; j < keys.n && strcmp(keys.v[j], key) != 0; j++)
			continue;
		if (j < keys.n) {
			note_match(s, norm, kept.v[j], x->file, a->line, d);
			free(norm);
			free(key);
			continue;
		}
		strlist_push(&kept, norm);
		strlist_push(&keys, key);
		if ((st = stmt(s, ST_PARTNER_ADD, d)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, appr);
		sqlite3_bind_int(st, 2, (int)kept.n);
		bind_text(st, 3, norm);
		if (run(s, st, d) == -1)
			goto out;
	}
	rc = 0;
out:
	strlist_free(&kept);
	strlist_free(&keys);
	return rc;
}

/* Replaces an approach's progress notes with those of the dossier. */
static int
put_notes(struct store *s, sqlite3_int64 appr,
    const struct dossier_approach *a, struct diags *d)
{
	sqlite3_stmt *st;
	size_t        i;

	if (run_key(s, ST_NOTE_DEL, appr, d) == -1)
		return -1;
	for (i = 0; i < a->nnotes; i++) {
		if ((st = stmt(s, ST_NOTE_ADD, d)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, appr);
		bind_text(st, 2, a->notes[i].indicator->id);
		bind_text(st, 3, a->notes[i].text);
		if (run(s, st, d) == -1)
			return -1;
	}
	return 0;
}

int
store_put_dossier(struct store *s, const struct dossier *x, struct diags *d)
{
	sqlite3_int64 round, appr;
	char         *mun = NULL, *name, *source, *detail;
	size_t        i;
	int           rc = -1;

	/* The positions say which approaches this dossier names. */
	if ((round = round_id(s, x->fw, x->municipality, x->round, x->file,
	    x->line, &mun, d)) == 0 ||
	    set_text(s, ST_ROUND_CONTEXT, round, x->context, d) == -1 ||
	    set_text(s, ST_ROUND_INTRO, round, x->intro, d) == -1 ||
	    set_text(s, ST_ROUND_PUBLISHED, round, x->published, d) == -1 ||
	    set_text(s, ST_ROUND_KIND, round, x->self_assessment ?
	    "zelfevaluatie" : "toezicht", d) == -1 ||
	    run_key(s, ST_APPR_UNPLACE, round, d) == -1)
		goto out;
	for (i = 0; i < x->napproaches; i++) {
		const struct dossier_approach *a = &x->approaches[i];
		appr = name_id(s, ST_APPR_GET, ST_APPR_ADD, round, "approach",
		    a->name, x->file, a->line, &name, d);
		free(name);
		if (appr == 0 ||
		    describe(s, appr, a->description, (int)i + 1, d) == -1 ||
		    put_notes(s, appr, a, d) == -1 ||
		    put_partners(s, appr, x, a, d) == -1)
			goto out;
	}
	source = xasprintf("%s:%ld", x->file, x->line);
	detail = xasprintf("dossier %s / %d", mun, x->round);
	rc = event(s, source, "stored", detail, d);
	free(source);
	free(detail);
out:
	free(mun);
	return rc;
}

int
store_status(struct store *s, const char *municipality,
    void (*row)(void *, const struct store_status_row *), void *ctx,
    struct diags *d)
{
	struct store_status_row r;
	sqlite3_stmt           *st = stmt(s, ST_STATUS, d);
	int                     rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, municipality);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.municipality = (const char *)sqlite3_column_text(st, 0);
		r.round = sqlite3_column_int(st, 1);
		r.framework = (const char *)sqlite3_column_text(st, 2);
		r.version = (const char *)sqlite3_column_text(st, 3);
		r.approach = (const char *)sqlite3_column_text(st, 4);
		r.role = (const char *)sqlite3_column_text(st, 5);
		r.organisation = (const char *)sqlite3_column_text(st, 6);
		r.answered = sqlite3_column_int(st, 7);
		row(ctx, &r);
	}
	return rows_done(s, st, rc, d);
}

int
store_find_round(struct store *s, const char *municipality, int *round,
    char **framework, char **version, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_ROUND_FIND, d);
	char         *stored = NULL;
	int           found = 0;

	if (st == NULL)
		return -1;
	bind_text(st, 1, municipality);
	sqlite3_bind_int(st, 2, *round);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*round = sqlite3_column_int(st, 0);
		*framework = xstrdup((const char *)sqlite3_column_text(st, 1));
		*version = xstrdup((const char *)sqlite3_column_text(st, 2));
		found = 1;
	}
	sqlite3_reset(st);
	if (!found) {
		/* "has no round" would say the municipality exists. */
		if ((found = match_municipality(s, municipality, &stored,
		    d)) == 0)
			no_municipality(s, municipality, d);
		else if (found == -1)
			;
		else if (*round == 0)
			diags_add(d, NULL, 0, MSG_NO_MUNICIPALITY, municipality);
		else
			diags_add(d, NULL, 0, MSG_NO_ROUND, municipality,
			    *round);
		free(stored);
		return -1;
	}
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

/* An approach and one of its respondents (id 0: none), as ST_RESPONDENTS
 * lists them. */
struct resp_row {
	char          *approach, *role, *organisation;
	sqlite3_int64  id;
};

static void
resp_rows_free(struct resp_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].approach);
		free(v[i].role);
		free(v[i].organisation);
	}
	free(v);
}

/* The approaches and respondents of a round in order, into *out. */
static int
respondents(struct store *s, const char *municipality, int round,
    struct resp_row **out, size_t *n, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_RESPONDENTS, municipality,
	    round, d);
	int           rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct resp_row *r;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		r = &(*out)[(*n)++];
		r->approach = column_dup(st, 0);
		r->id = sqlite3_column_int64(st, 1);
		r->role = column_dup(st, 2);
		r->organisation = column_dup(st, 3);
	}
	return rows_done(s, st, rc, d);
}

/* Respondent p's answers as rows; one row without an indicator when none. */
static int
resp_answers(struct store *s, const struct resp_row *p,
    void (*row)(void *, const struct store_answer_row *), void *ctx,
    struct diags *d)
{
	struct store_answer_row r = { p->approach, NULL, p->role, NULL,
	    p->organisation, NULL };
	sqlite3_stmt           *st;
	int                     rc, any = 0;

	if (p->id != 0) {
		if ((st = stmt(s, ST_RESP_ANSWERS, d)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			r.indicator = (const char *)sqlite3_column_text(st, 0);
			r.value = (const char *)sqlite3_column_text(st, 1);
			r.toelichting = (const char *)sqlite3_column_text(st, 2);
			row(ctx, &r);
			any = 1;
		}
		if (rows_done(s, st, rc, d) == -1)
			return -1;
	}
	if (!any) {
		r.indicator = r.value = r.toelichting = NULL;
		row(ctx, &r);
	}
	return 0;
}

/*
 * Rows by approach, then respondent (in import order), then indicator:
 * each cell sees its respondents in import order, as one query ordered by
 * indicator gave them. An approach or respondent without answers is one
 * row with indicator NULL.
 */
int
store_answers(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct store_answer_row *), void *ctx,
    struct diags *d)
{
	struct resp_row *p;
	size_t           n, i;
	int              rc;

	rc = respondents(s, municipality, round, &p, &n, d);
	for (i = 0; i < n && rc == 0; i++)
		rc = resp_answers(s, &p[i], row, ctx, d);
	resp_rows_free(p, n);
	return rc;
}

void
store_override_clear(struct store_override *o)
{
	free(o->verdict);
	free(o->finding);
	free(o->letop);
	free(o->proposal);
	memset(o, 0, sizeof(*o));
}

/* The approach's id, or 0 after a diagnostic. */
static sqlite3_int64
find_approach(struct store *s, const struct store_key *k, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_APPR_FIND, d);
	sqlite3_int64 id = 0;

	if (st == NULL)
		return 0;
	bind_text(st, 1, k->municipality);
	sqlite3_bind_int(st, 2, k->round);
	bind_text(st, 3, k->approach);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (id == 0)
		diags_add(d, NULL, 0, MSG_NO_APPROACH, k->approach,
		    k->municipality, k->round);
	return id;
}

/* Reads the override of (appr, indicator) into o; 1 when there is one. */
static int
get_override(struct store *s, sqlite3_int64 appr, const char *indicator,
    struct store_override *o, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_OVR_GET, d);
	int           found = 0;

	memset(o, 0, sizeof(*o));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, indicator);
	if (sqlite3_step(st) == SQLITE_ROW) {
		o->verdict = column_dup(st, 0);
		o->finding = column_dup(st, 1);
		o->letop = column_dup(st, 2);
		o->no_letop = sqlite3_column_int(st, 3);
		o->proposal = column_dup(st, 4);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

static int
audit(struct store *s, const struct store_change *c, sqlite3_int64 appr,
    const char *field, const char *old, const char *new, struct diags *d)
{
	sqlite3_stmt *st;

	if ((old == NULL && new == NULL) ||
	    (old != NULL && new != NULL && strcmp(old, new) == 0))
		return 0;
	if ((st = stmt(s, ST_AUDIT_ADD, d)) == NULL)
		return -1;
	bind_text(st, 1, c->at);
	bind_text(st, 2, c->who);
	sqlite3_bind_int64(st, 3, appr);
	bind_text(st, 4, c->key.indicator);
	bind_text(st, 5, field);
	bind_text(st, 6, old);
	bind_text(st, 7, new);
	bind_text(st, 8, c->reason);
	return run(s, st, d);
}

/* "LET OP" state as logged: the text, "(geen)" for none, NULL: proposal. */
static const char *
letop_state(const struct store_override *o)
{
	return o->no_letop ? "(geen)" : o->letop;
}

static int
log_changes(struct store *s, const struct store_change *c, sqlite3_int64 appr,
    const struct store_override *old, const struct store_override *new,
    struct diags *d)
{
	if (audit(s, c, appr, "verdict", old->verdict, new->verdict, d) == -1 ||
	    audit(s, c, appr, "finding", old->finding, new->finding, d) == -1 ||
	    audit(s, c, appr, "letop", letop_state(old), letop_state(new),
	    d) == -1)
		return -1;
	return 0;
}

int
store_override_apply(struct store *s, const struct store_change *c,
    struct diags *d)
{
	struct store_override old, new;
	sqlite3_stmt         *st;
	sqlite3_int64         appr;
	int                   have, rc = -1;

	if ((appr = find_approach(s, &c->key, d)) == 0)
		return -1;
	if ((have = get_override(s, appr, c->key.indicator, &old, d)) == -1)
		return -1;
	memset(&new, 0, sizeof(new));
	if (!c->revert) {
		new.verdict = dup_or_null(c->verdict ? c->verdict :
		    old.verdict);
		new.finding = dup_or_null(c->finding ? c->finding :
		    old.finding);
		new.letop = c->no_letop ? NULL : dup_or_null(c->letop ?
		    c->letop : old.letop);
		new.no_letop = c->no_letop ? 1 : c->letop ? 0 : old.no_letop;
		new.proposal = dup_or_null(have ? old.proposal : c->proposal);
	} else if (!have) {
		diags_add(d, NULL, 0, MSG_NO_OVERRIDE, c->key.indicator,
		    c->key.approach);
		goto out;
	}
	if (log_changes(s, c, appr, &old, &new, d) == -1)
		goto out;
	st = stmt(s, c->revert ? ST_OVR_DEL : ST_OVR_PUT, d);
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, c->key.indicator);
	if (!c->revert) {
		bind_text(st, 3, new.verdict);
		bind_text(st, 4, new.finding);
		bind_text(st, 5, new.letop);
		sqlite3_bind_int(st, 6, new.no_letop);
		bind_text(st, 7, new.proposal);
	}
	rc = run(s, st, d);
out:
	store_override_clear(&old);
	store_override_clear(&new);
	return rc;
}

int
store_overrides(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *indicator,
    const struct store_override *), void *ctx, struct diags *d)
{
	struct store_override o;
	sqlite3_stmt         *st = round_query(s, ST_OVERRIDES, municipality,
	    round, d);
	int                   rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		o.verdict = (char *)sqlite3_column_text(st, 2);
		o.finding = (char *)sqlite3_column_text(st, 3);
		o.letop = (char *)sqlite3_column_text(st, 4);
		o.no_letop = sqlite3_column_int(st, 5);
		o.proposal = (char *)sqlite3_column_text(st, 6);
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), &o);
	}
	return rows_done(s, st, rc, d);
}

int
store_history(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct store_history_row *), void *ctx,
    struct diags *d)
{
	struct store_history_row r;
	sqlite3_stmt            *st = round_query(s, ST_HISTORY, municipality,
	    round, d);
	int                      rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.at = (const char *)sqlite3_column_text(st, 0);
		r.who = (const char *)sqlite3_column_text(st, 1);
		r.round = sqlite3_column_int(st, 2);
		r.approach = (const char *)sqlite3_column_text(st, 3);
		r.indicator = (const char *)sqlite3_column_text(st, 4);
		r.field = (const char *)sqlite3_column_text(st, 5);
		r.old_value = (const char *)sqlite3_column_text(st, 6);
		r.new_value = (const char *)sqlite3_column_text(st, 7);
		r.reason = (const char *)sqlite3_column_text(st, 8);
		row(ctx, &r);
	}
	return rows_done(s, st, rc, d);
}

int
store_conclusion_apply(struct store *s, const struct store_change *c,
    const char *goed, const char *beter, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 appr;
	char         *old_goed = NULL, *old_beter = NULL, *new_goed, *new_beter;
	int           have = 0, rc = -1;

	/* key.indicator holds the theme id: conclusions are per theme. */
	if ((appr = find_approach(s, &c->key, d)) == 0 ||
	    (st = stmt(s, ST_CONCL_GET, d)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, c->key.indicator);
	if (sqlite3_step(st) == SQLITE_ROW) {
		old_goed = column_dup(st, 0);
		old_beter = column_dup(st, 1);
		have = 1;
	}
	sqlite3_reset(st);
	if (c->revert && !have) {
		diags_add(d, NULL, 0, MSG_NO_OVERRIDE, c->key.indicator,
		    c->key.approach);
		goto out;
	}
	new_goed = c->revert ? NULL : goed ? (char *)goed : old_goed;
	new_beter = c->revert ? NULL : beter ? (char *)beter : old_beter;
	if (audit(s, c, appr, "goed", old_goed, new_goed, d) == -1 ||
	    audit(s, c, appr, "beter", old_beter, new_beter, d) == -1 ||
	    (st = stmt(s, c->revert ? ST_CONCL_DEL : ST_CONCL_PUT, d)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, c->key.indicator);
	if (!c->revert) {
		bind_text(st, 3, new_goed);
		bind_text(st, 4, new_beter);
	}
	rc = run(s, st, d);
out:
	free(old_goed);
	free(old_beter);
	return rc;
}

int
store_conclusions(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *theme,
    const char *goed, const char *beter), void *ctx, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_CONCLUSIONS, municipality,
	    round, d);
	int           rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3));
	return rows_done(s, st, rc, d);
}

int
store_merge_apply(struct store *s, const struct store_change *c,
    const char *first, const char *last, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 appr;
	char         *range = xasprintf("%s-%s", first, last);
	int           rc = -1;

	if ((appr = find_approach(s, &c->key, d)) == 0 ||
	    audit(s, c, appr, "merge", c->revert ? range : NULL,
	    c->revert ? NULL : range, d) == -1 ||
	    (st = stmt(s, c->revert ? ST_MERGE_DEL : ST_MERGE_ADD, d)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, first);
	bind_text(st, 3, last);
	if ((rc = run(s, st, d)) == 0 && c->revert &&
	    sqlite3_changes(s->db) == 0) {
		diags_add(d, NULL, 0, MSG_NO_OVERRIDE, range, c->key.approach);
		rc = -1;
	}
out:
	free(range);
	return rc;
}

int
store_merges(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *first,
    const char *last), void *ctx, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_MERGES, municipality,
	    round, d);
	int           rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	return rows_done(s, st, rc, d);
}

int
store_round_changed(struct store *s, const char *municipality, int round,
    char **at, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_ROUND_CHANGED, municipality,
	    round, d);
	int           rc;

	*at = NULL;
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*at = xstrdup((const char *)sqlite3_column_text(st, 0));
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d);
}

int
store_dossier(struct store *s, const char *municipality, int round,
    char **context, void (*approach)(void *, const char *name,
    const char *description), void *ctx, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_CONTEXT, municipality, round, d);
	int           rc;

	*context = NULL;
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*context = xstrdup((const char *)
			    sqlite3_column_text(st, 0));
		rc = SQLITE_DONE;
	}
	if (rows_done(s, st, rc, d) == -1 ||
	    (st = round_query(s, ST_DOSSIER, municipality, round, d)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		approach(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	return rows_done(s, st, rc, d);
}

int
store_municipalities(struct store *s, int round,
    void (*row)(void *, const char *municipality, int round), void *ctx,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_MUNICIPALITIES, d);
	int           rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, round);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int(st, 1));
	return rows_done(s, st, rc, d);
}

int
store_round_kind(struct store *s, const char *municipality, int round,
    int *self_assessment, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_KIND, municipality, round, d);
	int           rc;

	*self_assessment = 0;
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*self_assessment = strcmp((const char *)
		    sqlite3_column_text(st, 0), "zelfevaluatie") == 0;
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d);
}

int
store_notes(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *indicator,
    const char *text), void *ctx, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_NOTES, municipality, round, d);
	int           rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	return rows_done(s, st, rc, d);
}

/* The id of a municipality's round (0: none), its context and kind. */
static sqlite3_int64
round_lookup(struct store *s, const char *municipality, int year,
    char **context, char **kind, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_ROUND_LOOKUP, municipality, year,
	    d);
	sqlite3_int64 id = 0;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (context != NULL && sqlite3_column_type(st, 1) != SQLITE_NULL)
			*context = xstrdup((const char *)
			    sqlite3_column_text(st, 1));
		if (kind != NULL)
			*kind = xstrdup((const char *)
			    sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	return id;
}

/* Runs a copy statement with ?1 = the new round and ?2 = the old one. */
static int
copy_rows(struct store *s, enum stmt id, sqlite3_int64 to, sqlite3_int64 from,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, id, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, to);
	sqlite3_bind_int64(st, 2, from);
	return run(s, st, d);
}

int
store_round_new(struct store *s, const struct framework *fw,
    const char *municipality, int year, int from, struct diags *d)
{
	sqlite3_int64 id, prev = 0;
	char         *mun = NULL, *kept = NULL, *context = NULL, *kind = NULL;
	int           found, rc = -1;

	/* A new municipality is fine, unless its previous round is asked. */
	if ((found = match_municipality(s, municipality, &mun, d)) == -1)
		return -1;
	if (!found && from != 0) {
		no_municipality(s, municipality, d);
		return -1;
	}
	if (!found && (mun = stored_form("municipality", municipality, NULL,
	    0, d)) == NULL)
		return -1;
	if ((id = round_lookup(s, mun, year, NULL, NULL, d)) != 0) {
		if (id > 0)
			diags_add(d, NULL, 0, MSG_ROUND_EXISTS, mun, year);
		goto out;
	}
	if (from != 0 && (prev = round_lookup(s, mun, from, &context,
	    &kind, d)) <= 0) {
		if (prev == 0)
			diags_add(d, NULL, 0, MSG_NO_ROUND, mun, from);
		goto out;
	}
	if ((id = round_id(s, fw, mun, year, NULL, 0, &kept, d)) == 0)
		goto out;
	if (prev != 0 && (set_text(s, ST_ROUND_CONTEXT, id, context, d) == -1 ||
	    set_text(s, ST_ROUND_KIND, id, kind, d) == -1 ||
	    copy_rows(s, ST_ROUND_COPY_APPR, id, prev, d) == -1 ||
	    copy_rows(s, ST_ROUND_COPY_PARTNERS, id, prev, d) == -1))
		goto out;
	rc = 0;
out:
	free(mun);
	free(kept);
	free(context);
	free(kind);
	return rc;
}

/*
 * 1 when a municipality's name matches name, its stored spelling in
 * *stored (new string); 0 when none does; -1 after a diagnostic.
 */
static int
match_municipality(struct store *s, const char *name, char **stored,
    struct diags *d)
{
	sqlite3_int64 id;
	char         *key = names_key(name);

	*stored = NULL;
	if (key == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "municipality");
		return -1;
	}
	id = find_key(s, ST_MUN_GET, 0, key, stored, d);
	free(key);
	return id < 0 ? -1 : id > 0;
}

/* Every name statement id returns (in scope, when it takes one) into l. */
static int
names_of(struct store *s, enum stmt id, sqlite3_int64 scope,
    struct strlist *l, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, id, d);
	int           rc;

	if (st == NULL)
		return -1;
	if (scope != 0)
		sqlite3_bind_int64(st, 1, scope);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		strlist_push(l, xstrdup((const char *)
		    sqlite3_column_text(st, 0)));
	return rows_done(s, st, rc, d);
}

/* "no municipality 'typed'", with the stored name it is closest to. */
static void
no_municipality(struct store *s, const char *typed, struct diags *d)
{
	struct strlist l = { NULL, 0 };
	long           k;

	if (names_of(s, ST_MUN_NAMES, 0, &l, d) == -1)
		return;
	if ((k = names_suggest(typed, (const char *const *)l.v, l.n)) >= 0)
		diags_add(d, NULL, 0, MSG_NO_MUNICIPALITY_HINT, typed, l.v[k]);
	else
		diags_add(d, NULL, 0, MSG_NO_MUNICIPALITY, typed);
	strlist_free(&l);
}

int
store_resolve_municipality(struct store *s, const char **name,
    struct diags *d)
{
	char *stored;
	int   found;

	if (*name == NULL)
		return 0;
	if ((found = match_municipality(s, *name, &stored, d)) == -1)
		return -1;
	if (!found) {
		no_municipality(s, *name, d);
		return -1;
	}
	*name = strlist_push(&s->resolved, stored);
	return 0;
}

/* "no approach 'typed' for M Y", with the closest of the round's. */
static void
no_approach(struct store *s, const char *typed, const char *municipality,
    sqlite3_int64 round, int year, struct diags *d)
{
	struct strlist l = { NULL, 0 };
	long           k;

	if (names_of(s, ST_APPR_NAMES, round, &l, d) == -1)
		return;
	if ((k = names_suggest(typed, (const char *const *)l.v, l.n)) >= 0)
		diags_add(d, NULL, 0, MSG_NO_APPROACH_HINT, typed,
		    municipality, year, l.v[k]);
	else
		diags_add(d, NULL, 0, MSG_NO_APPROACH, typed, municipality,
		    year);
	strlist_free(&l);
}

int
store_resolve_approach(struct store *s, const char *municipality, int round,
    const char **name, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 rid = 0, id;
	char         *key, *stored;
	int           rc, year = 0;

	if (*name == NULL ||
	    (st = round_query(s, ST_ROUND_OF, municipality, round, d)) == NULL)
		return *name == NULL ? 0 : -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rid = sqlite3_column_int64(st, 0);
		year = sqlite3_column_int(st, 1);
		rc = SQLITE_DONE;
	}
	/* No such round: whoever reads it next says so. */
	if (rows_done(s, st, rc, d) == -1 || rid == 0)
		return rid == 0 ? 0 : -1;
	if ((key = names_key(*name)) == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "approach");
		return -1;
	}
	id = find_key(s, ST_APPR_GET, rid, key, &stored, d);
	free(key);
	if (id > 0)
		*name = strlist_push(&s->resolved, stored);
	else if (id == 0)
		no_approach(s, *name, municipality, rid, year, d);
	return id > 0 ? 0 : -1;
}

/* Adds message id at source ("file:line", as a respondent keeps it). */
static void
diag_at_source(struct diags *d, const char *source, enum msg id, ...)
{
	char   *file = xstrdup(source), *colon = strrchr(file, ':');
	long    line = 0;
	va_list ap;

	if (colon != NULL) {
		line = strtol(colon + 1, NULL, 10);
		*colon = '\0';
	}
	va_start(ap, id);
	diags_vadd(d, file, line, id, ap);
	va_end(ap);
	free(file);
}

/* "'a', 'b', 'c'" (new string). */
static char *
quoted_list(const struct strlist *l)
{
	char   *out = xstrdup(""), *next;
	size_t  i;

	for (i = 0; i < l->n; i++) {
		next = xasprintf("%s%s'%s'", out, i ? ", " : "", l->v[i]);
		free(out);
		out = next;
	}
	return out;
}

/* What the dossier of the round (and approach) last checked names. */
struct dossier_names {
	sqlite3_int64  round, approach;
	struct strlist approaches, partners, partner_keys;
};

/* Loads the partners of approach a and their keys into n. */
static int
load_partners(struct store *s, struct dossier_names *n, sqlite3_int64 a,
    struct diags *d)
{
	size_t i;

	strlist_free(&n->partners);
	strlist_free(&n->partner_keys);
	n->approach = a;
	if (names_of(s, ST_PARTNERS, a, &n->partners, d) == -1)
		return -1;
	for (i = 0; i < n->partners.n; i++)
		strlist_push(&n->partner_keys, names_key(n->partners.v[i]));
	return 0;
}

/* 1 when key is one of l's (a NULL key: an old row, never refused). */
static int
listed(const struct strlist *l, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < l->n; i++)
		if (l->v[i] != NULL && strcmp(l->v[i], key) == 0)
			return 1;
	return key == NULL;
}

/*
 * Checks respondent id against its round's dossier, when the round has
 * one: its approach must be named there and, for a netwerkpartner, its
 * organisation among the approach's partners (when the dossier names
 * any). 0 when it passes, -1 after a diagnostic at the respondent's line.
 */
static int
check_fresh(struct store *s, sqlite3_int64 id, struct dossier_names *n,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_FRESH, d);
	const char   *source, *appr, *mun;
	char         *list = NULL;
	int           rc, year, bad = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)   /* replaced since */
		return rows_done(s, st, rc, d);
	source = (const char *)sqlite3_column_text(st, 0);
	appr = (const char *)sqlite3_column_text(st, 5);
	mun = (const char *)sqlite3_column_text(st, 8);
	year = sqlite3_column_int(st, 9);
	if (n->round != sqlite3_column_int64(st, 7)) {
		n->round = sqlite3_column_int64(st, 7);
		strlist_free(&n->approaches);
		if (names_of(s, ST_DOSSIER_NAMES, n->round, &n->approaches,
		    d) == -1)
			bad = 1;
	}
	if (bad || n->approaches.n == 0)
		;
	else if (!sqlite3_column_int(st, 6)) {
		list = quoted_list(&n->approaches);
		diag_at_source(d, source, MSG_DOSSIER_NO_APPROACH, appr, mun,
		    year, list);
		bad = 1;
	} else if (strcmp((const char *)sqlite3_column_text(st, 1),
	    "netwerkpartner") == 0 &&
	    (n->approach == sqlite3_column_int64(st, 4) || load_partners(s, n,
	    sqlite3_column_int64(st, 4), d) == 0) && n->partners.n > 0 &&
	    !listed(&n->partner_keys, (const char *)
	    sqlite3_column_text(st, 3))) {
		list = quoted_list(&n->partners);
		diag_at_source(d, source, MSG_DOSSIER_NO_PARTNER,
		    (const char *)sqlite3_column_text(st, 2), appr, mun, year,
		    list);
		bad = 1;
	}
	free(list);
	sqlite3_reset(st);
	return bad ? -1 : 0;
}

int
store_check_names(struct store *s, struct diags *d)
{
	struct dossier_names n;
	size_t               i;
	int                  errors = 0;

	memset(&n, 0, sizeof(n));
	for (i = 0; i < s->nfresh; i++)
		errors += check_fresh(s, s->fresh[i], &n, d) == -1;
	strlist_free(&n.approaches);
	strlist_free(&n.partners);
	strlist_free(&n.partner_keys);
	s->nfresh = 0;
	return errors == 0 ? 0 : -1;
}

int
store_last_change(struct store *s, const struct store_key *k,
    long long *id, char **who, char **at, struct diags *d)
{
	/* No approach: a field of the round itself (its state, context). */
	sqlite3_stmt *st = stmt(s, k->approach == NULL ? ST_AUDIT_LAST_ROUND :
	    ST_AUDIT_LAST, d);
	int           rc;

	*id = 0;
	*who = *at = NULL;
	if (st == NULL)
		return -1;
	bind_text(st, 1, k->municipality);
	sqlite3_bind_int(st, 2, k->round);
	if (k->approach == NULL)
		bind_text(st, 3, k->indicator);
	else {
		bind_text(st, 3, k->approach);
		bind_text(st, 4, k->indicator);
	}
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*who = column_dup(st, 1);
		*at = column_dup(st, 2);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_error(s, d);
	}
	sqlite3_reset(st);
	return 0;
}

/* ---- review states -------------------------------------------------- */

int
store_round_state(struct store *s, const char *municipality, int round,
    char **state, char **since, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_STATE_GET, municipality, round,
	    d);
	int           rc;

	*state = *since = NULL;
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*state = column_dup(st, 1);
		*since = column_dup(st, 2);
		rc = SQLITE_DONE;
	} else if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		diags_add(d, NULL, 0, MSG_NO_ROUND, municipality, round);
		return -1;
	}
	return rows_done(s, st, rc, d);
}

/* The id of c's round (0 after a diagnostic) and its state in *old. */
static sqlite3_int64
state_of(struct store *s, const struct store_change *c, char **old,
    struct diags *d)
{
	sqlite3_stmt *st = round_query(s, ST_STATE_GET, c->key.municipality,
	    c->key.round, d);
	sqlite3_int64 id = 0;
	int           rc;

	*old = NULL;
	if (st == NULL)
		return 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*old = column_dup(st, 1);
		rc = SQLITE_DONE;
	} else if (rc == SQLITE_DONE)
		diags_add(d, NULL, 0, MSG_NO_ROUND, c->key.municipality,
		    c->key.round);
	if (rows_done(s, st, rc, d) == -1) {
		free(*old);
		*old = NULL;
		return 0;
	}
	return id;
}

int
store_state_apply(struct store *s, const struct store_change *c,
    const char *state, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 id;
	char         *old;
	int           rc = -1;

	if ((id = state_of(s, c, &old, d)) == 0)
		return -1;
	if ((st = stmt(s, ST_STATE_LOG, d)) == NULL)
		goto out;
	bind_text(st, 1, c->at);
	bind_text(st, 2, c->who);
	sqlite3_bind_int64(st, 3, id);
	bind_text(st, 4, old);
	bind_text(st, 5, state);
	bind_text(st, 6, c->reason);
	if (run(s, st, d) == -1)
		goto out;
	rc = set_text(s, ST_STATE_SET, id, state, d);
out:
	free(old);
	return rc;
}

int
store_round_gaps(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *partner,
    int nobody), void *ctx, struct diags *d)
{
	struct store_change c;
	sqlite3_stmt       *st;
	sqlite3_int64       id;
	char               *state;
	int                 rc;

	memset(&c, 0, sizeof(c));
	c.key.municipality = municipality;
	c.key.round = round;
	if ((id = state_of(s, &c, &state, d)) == 0)
		return -1;
	free(state);
	if ((st = stmt(s, ST_GAPS, d)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2));
	return rows_done(s, st, rc, d);
}

int
store_overview(struct store *s, const char *filter, long offset,
    long limit, void (*row)(void *, const struct store_overview_row *),
    void *ctx, long *total, struct diags *d)
{
	struct store_overview_row r;
	sqlite3_stmt             *st = stmt(s, ST_OVERVIEW_COUNT, d);
	int                       rc;

	*total = 0;
	if (filter == NULL)
		filter = "";
	if (st == NULL)
		return -1;
	bind_text(st, 1, filter);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*total = (long)sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	if (rows_done(s, st, rc, d) == -1 ||
	    (st = stmt(s, ST_OVERVIEW, d)) == NULL)
		return -1;
	bind_text(st, 1, filter);
	sqlite3_bind_int64(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.municipality = (const char *)sqlite3_column_text(st, 0);
		r.round = sqlite3_column_int(st, 1);
		r.self_assessment = strcmp((const char *)
		    sqlite3_column_text(st, 2), "zelfevaluatie") == 0;
		r.changed = (const char *)sqlite3_column_text(st, 3);
		r.state = (const char *)sqlite3_column_text(st, 4);
		r.who = (const char *)sqlite3_column_text(st, 5);
		row(ctx, &r);
	}
	return rows_done(s, st, rc, d);
}
/* ---- dossier texts (step 9: web review) ------------------------------ */

/* The text of statement id for key (NULL: none) into *out; -1 on error. */
static int
text_of(struct store *s, enum stmt id, sqlite3_int64 key, char **out,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, id, d);
	int           rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = column_dup(st, 0);
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d);
}

/*
 * A text of the round itself (its context, front-page introduction or
 * publication date; get and set its statements): a row of the round,
 * logged as its state is.
 */
static int
round_text_apply(struct store *s, const struct store_change *c,
    const char *field, enum stmt get, enum stmt set, const char *text,
    char **old, struct diags *d)
{
	sqlite3_stmt *st;
	sqlite3_int64 id;
	char         *state;
	int           rc;

	if ((id = state_of(s, c, &state, d)) == 0)
		return -1;
	free(state);
	if ((st = round_query(s, get, c->key.municipality,
	    c->key.round, d)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*old = column_dup(st, 0);
		rc = SQLITE_DONE;
	}
	if (rows_done(s, st, rc, d) == -1)
		return -1;
	if (*old != NULL && strcmp(*old, text) == 0)
		return 0;
	if ((st = stmt(s, ST_ROUND_LOG, d)) == NULL)
		return -1;
	bind_text(st, 1, c->at);
	bind_text(st, 2, c->who);
	sqlite3_bind_int64(st, 3, id);
	bind_text(st, 4, field);
	bind_text(st, 5, *old);
	bind_text(st, 6, text);
	bind_text(st, 7, c->reason);
	if (run(s, st, d) == -1)
		return -1;
	return set_text(s, set, id, text, d);
}

int
store_dossier_text_apply(struct store *s, const struct store_change *c,
    const char *field, const char *text, char **old, struct diags *d)
{
	sqlite3_int64 appr;

	*old = NULL;
	if (strcmp(field, "context") == 0)
		return round_text_apply(s, c, field, ST_CONTEXT,
		    ST_ROUND_CONTEXT, text, old, d);
	/* -- step 11: layout -- */
	if (strcmp(field, "intro") == 0)
		return round_text_apply(s, c, field, ST_INTRO, ST_ROUND_INTRO,
		    text, old, d);
	if (strcmp(field, "published") == 0)
		return round_text_apply(s, c, field, ST_PUBLISHED,
		    ST_ROUND_PUBLISHED, text, old, d);
	/* A description: logged per approach, indicator "-". */
	if ((appr = find_approach(s, &c->key, d)) == 0 ||
	    text_of(s, ST_DESC_GET, appr, old, d) == -1 ||
	    audit(s, c, appr, "description", *old, text, d) == -1)
		return -1;
	return set_text(s, ST_DESC_SET, appr, text, d);
}

/* -- step 10: accounts -- */

void
store_account_clear(struct store_account *a)
{
	if (a == NULL)
		return;
	free(a->name);
	free(a->role);
	free(a->municipality);
	if (a->hash != NULL)
		explicit_bzero(a->hash, strlen(a->hash));
	free(a->hash);
	free(a->created);
	free(a->changed);
	free(a->last_login);
	memset(a, 0, sizeof(*a));
}

/* The account of the row st is on (ST_ACC_GET's columns) into a. */
static void
account_row(sqlite3_stmt *st, struct store_account *a)
{
	a->name = column_dup(st, 0);
	a->role = column_dup(st, 1);
	a->municipality = column_dup(st, 2);
	a->hash = column_dup(st, 3);
	a->disabled = sqlite3_column_int(st, 4);
	a->created = column_dup(st, 5);
	a->changed = column_dup(st, 6);
	a->last_login = column_dup(st, 7);
	a->failed = sqlite3_column_int(st, 8);
	a->locked_until = sqlite3_column_int64(st, 9);
}

/* Statement id with ?1 bound to the key of account name; NULL: error. */
static sqlite3_stmt *
account_query(struct store *s, enum stmt id, const char *name, char **key,
    struct diags *d)
{
	sqlite3_stmt *st;

	if ((*key = names_key(name)) == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "account");
		return NULL;
	}
	if ((st = stmt(s, id, d)) != NULL)
		sqlite3_bind_text(st, 1, *key, -1, SQLITE_STATIC);
	return st;
}

int
store_account_get(struct store *s, const char *name, struct store_account *a,
    struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	int           rc, found = 0;

	memset(a, 0, sizeof(*a));
	if ((st = account_query(s, ST_ACC_GET, name, &key, d)) == NULL) {
		free(key);
		return -1;
	}
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		account_row(st, a);
		found = 1;
		rc = SQLITE_DONE;
	}
	rc = rows_done(s, st, rc, d);
	free(key);
	return rc == -1 ? -1 : !found;
}

int
store_account_add(struct store *s, const struct store_account *a,
    struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	int           rc;

	if ((key = names_key(a->name)) == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "account");
		return -1;
	}
	if ((st = stmt(s, ST_ACC_ADD, d)) == NULL) {
		free(key);
		return -1;
	}
	bind_text(st, 1, a->name);
	bind_text(st, 2, key);
	bind_text(st, 3, a->role);
	bind_text(st, 4, a->municipality);
	bind_text(st, 5, a->hash);
	bind_text(st, 6, a->created);
	rc = run(s, st, d);
	free(key);
	return rc;
}

/*
 * Runs the account update id with ?1 the key of name and text values
 * from ?2 on; 1 when no account has that name.
 */
static int
account_update(struct store *s, enum stmt id, const char *name,
    const char *const *v, size_t n, struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	size_t        i;
	int           rc;

	if ((st = account_query(s, id, name, &key, d)) == NULL) {
		free(key);
		return -1;
	}
	for (i = 0; i < n; i++)
		bind_text(st, (int)i + 2, v[i]);
	rc = run(s, st, d);
	free(key);
	return rc == -1 ? -1 : sqlite3_changes(s->db) == 0;
}

int
store_account_set_hash(struct store *s, const char *name, const char *hash,
    const char *at, struct diags *d)
{
	const char *v[] = { hash, at };

	return account_update(s, ST_ACC_HASH, name, v, 2, d);
}

int
store_account_set_disabled(struct store *s, const char *name, int disabled,
    const char *at, struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	int           rc;

	if ((st = account_query(s, ST_ACC_DISABLED, name, &key, d)) == NULL) {
		free(key);
		return -1;
	}
	/* An INTEGER of a STRICT table: bound as a number, not as text. */
	sqlite3_bind_int(st, 2, disabled != 0);
	bind_text(st, 3, at);
	rc = run(s, st, d);
	free(key);
	return rc == -1 ? -1 : sqlite3_changes(s->db) == 0;
}

int
store_account_set_role(struct store *s, const char *name, const char *role,
    const char *municipality, const char *at, struct diags *d)
{
	const char *v[] = { role, municipality, at };

	return account_update(s, ST_ACC_ROLE, name, v, 3, d);
}

int
store_account_failed(struct store *s, const char *name, int max,
    long long until, int *failed, long long *locked_until, struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	int           rc;

	*failed = 0;
	*locked_until = 0;
	if ((st = account_query(s, ST_ACC_FAILED, name, &key, d)) == NULL) {
		free(key);
		return -1;
	}
	sqlite3_bind_int(st, 2, max);
	sqlite3_bind_int64(st, 3, until);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*failed = sqlite3_column_int(st, 0);
		*locked_until = sqlite3_column_int64(st, 1);
		rc = sqlite3_step(st);
	}
	rc = rows_done(s, st, rc, d);
	free(key);
	return rc;
}

int
store_account_login(struct store *s, const char *name, const char *at,
    struct diags *d)
{
	const char *v[] = { at };

	return account_update(s, ST_ACC_LOGIN, name, v, 1, d);
}

int
store_accounts(struct store *s,
    void (*row)(void *, const struct store_account *), void *ctx,
    struct diags *d)
{
	sqlite3_stmt        *st = stmt(s, ST_ACC_LIST, d);
	struct store_account a;
	int                  rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		account_row(st, &a);
		row(ctx, &a);
		store_account_clear(&a);
	}
	return rows_done(s, st, rc, d);
}

int
store_account_count(struct store *s, int *n, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_ACC_COUNT, d);
	int           rc;

	*n = 0;
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = sqlite3_column_int(st, 0);
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d);
}

int
store_account_log(struct store *s, const char *at, const char *who,
    const char *account, const char *event, const char *detail,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_ACC_LOG, d);

	if (st == NULL)
		return -1;
	bind_text(st, 1, at);
	bind_text(st, 2, who);
	bind_text(st, 3, account);
	bind_text(st, 4, event);
	bind_text(st, 5, detail);
	return run(s, st, d);
}

void
store_session_clear(struct store_session *x)
{
	if (x == NULL)
		return;
	free(x->account);
	free(x->role);
	free(x->municipality);
	free(x->csrf);
	memset(x, 0, sizeof(*x));
}

int
store_session_add(struct store *s, const unsigned char *id_hash, size_t n,
    const char *account, const char *csrf, long long created,
    long long idle_until, long long absolute_until, struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	int           rc;

	if ((st = account_query(s, ST_SES_ADD, account, &key, d)) == NULL) {
		free(key);
		return -1;
	}
	/* ?2 is the account's key here, ?1 the hash. */
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 1, id_hash, (int)n, SQLITE_STATIC);
	bind_text(st, 3, csrf);
	sqlite3_bind_int64(st, 4, created);
	sqlite3_bind_int64(st, 5, idle_until);
	sqlite3_bind_int64(st, 6, absolute_until);
	rc = run(s, st, d);
	free(key);
	return rc == -1 ? -1 : sqlite3_changes(s->db) == 0;
}

int
store_session_get(struct store *s, const unsigned char *id_hash, size_t n,
    struct store_session *x, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_SES_GET, d);
	int           rc, found = 0;

	memset(x, 0, sizeof(*x));
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, id_hash, (int)n, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x->account = column_dup(st, 0);
		x->role = column_dup(st, 1);
		x->municipality = column_dup(st, 2);
		x->csrf = column_dup(st, 3);
		x->disabled = sqlite3_column_int(st, 4);
		x->created = sqlite3_column_int64(st, 5);
		x->last_seen = sqlite3_column_int64(st, 6);
		x->idle_until = sqlite3_column_int64(st, 7);
		x->absolute_until = sqlite3_column_int64(st, 8);
		found = 1;
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d) == -1 ? -1 : !found;
}

int
store_session_touch(struct store *s, const unsigned char *id_hash, size_t n,
    long long now, long long idle_until, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_SES_TOUCH, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, id_hash, (int)n, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, idle_until);
	return run(s, st, d);
}

int
store_session_del(struct store *s, const unsigned char *id_hash, size_t n,
    struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_SES_DEL, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, id_hash, (int)n, SQLITE_STATIC);
	return run(s, st, d);
}

int
store_session_del_account(struct store *s, const char *account, int *ended,
    struct diags *d)
{
	sqlite3_stmt *st;
	char         *key;
	int           rc;

	*ended = 0;
	if ((st = account_query(s, ST_SES_DEL_ACC, account, &key, d)) == NULL) {
		free(key);
		return -1;
	}
	rc = run(s, st, d);
	free(key);
	if (rc == 0)
		*ended = sqlite3_changes(s->db);
	return rc;
}

int
store_session_purge(struct store *s, long long now, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_SES_PURGE, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	return run(s, st, d);
}

/* -- step 10: invitations -- */
/* The connection and its error path, for store_invite.c (store_int.h). */
sqlite3 *
store_sqlite(struct store *s)
{
	return s->db;
}

int
store_sqlite_error(struct store *s, struct diags *d)
{
	return db_error(s, d);
}

/* -- step 10: approach -- */

/* The last place taken in a round's dossier (0: none); -1 on error. */
static int
last_position(struct store *s, sqlite3_int64 round, struct diags *d)
{
	sqlite3_stmt *st = stmt(s, ST_APPR_LASTPOS, d);
	int           pos = -1, rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, round);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pos = sqlite3_column_int(st, 0);
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d) == -1 ? -1 : pos;
}

int
store_approach_add(struct store *s, const struct store_change *c,
    const char *description, const char *const *partners, size_t npartners,
    char **stored, struct diags *d)
{
	struct dossier          x;
	struct dossier_approach a;
	sqlite3_int64           round, appr;
	char                   *key, *have = NULL;
	size_t                  i;
	int                     pos;

	*stored = NULL;
	if ((round = round_lookup(s, c->key.municipality, c->key.round, NULL,
	    NULL, d)) <= 0) {
		if (round == 0)
			diags_add(d, NULL, 0, MSG_NO_ROUND, c->key.municipality,
			    c->key.round);
		return -1;
	}
	/* A name that matches a stored approach is that approach: refused,
	 * or the dossier would hold one approach under two spellings. */
	if ((key = names_key(c->key.approach)) == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "approach");
		return -1;
	}
	appr = find_key(s, ST_APPR_GET, round, key, &have, d);
	free(key);
	if (appr != 0) {
		if (appr > 0)
			diags_add(d, NULL, 0, MSG_APPROACH_EXISTS, have,
			    c->key.municipality, c->key.round);
		free(have);
		return -1;
	}
	if ((pos = last_position(s, round, d)) == -1 ||
	    (appr = name_id(s, ST_APPR_GET, ST_APPR_ADD, round, "approach",
	    c->key.approach, NULL, 0, stored, d)) == 0 ||
	    describe(s, appr, description, pos + 1, d) == -1)
		return -1;
	memset(&x, 0, sizeof(x));
	memset(&a, 0, sizeof(a));
	for (i = 0; i < npartners && i < 3; i++)
		a.partners[i] = partners[i];
	a.npartners = i;
	if (put_partners(s, appr, &x, &a, d) == -1)
		return -1;
	return audit(s, c, appr, "approach", NULL, *stored, d);
}

/* -- step 11: layout -- */

/* The one text column get selects of a round into *out (NULL: none). */
static int
round_column(struct store *s, enum stmt get, const char *municipality,
    int round, char **out, struct diags *d)
{
	sqlite3_stmt *st = round_query(s, get, municipality, round, d);
	int           rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = column_dup(st, 0);
		rc = SQLITE_DONE;
	}
	return rows_done(s, st, rc, d);
}

int
store_round_texts(struct store *s, const char *municipality, int round,
    char **intro, char **published, struct diags *d)
{
	*published = NULL;
	if (round_column(s, ST_INTRO, municipality, round, intro, d) == -1)
		return -1;
	if (round_column(s, ST_PUBLISHED, municipality, round, published,
	    d) == -1) {
		free(*intro);
		*intro = NULL;
		return -1;
	}
	return 0;
}
