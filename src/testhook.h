/*
 * testhook: named points in the write paths where a test makes the
 * process die, so a crash test can prove its kill landed mid-write
 * instead of hoping a timer does. TEST ONLY: no user needs it.
 *
 * STJ_TEST_KILL_AT=NAME[:N] sends SIGKILL to the process the Nth time
 * (default: the first) it reaches point NAME. Each process counts its
 * own (a factsheet --all -j worker counts only its files). Unset, a point
 * costs one getenv(). The points:
 *   import-commit   importer.c: every file stored, just before COMMIT
 *   output-commit   an output file (PDF, questionnaire) fully written
 *                   under its temporary name, just before the rename
 *   store-commit    store_commit(): a transaction written, just before
 *                   its COMMIT (stj serve: each change of a form)
 */
#ifndef STJ_TESTHOOK_H
#define STJ_TESTHOOK_H

void testhook_point(const char *name);

#endif
