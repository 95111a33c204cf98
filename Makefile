# stj — STJ toetsingskader tool. Plain make; see README.md.
#
#   make                  build ./stj
#   make demo             install missing Debian packages (as root), build,
#                         and show the bundled example
#   make serve            stj serve on the demo database (a browser)
#   make check            the same set-up, then every test
#   make check-sanitize   the tests on a build with ASan + UBSan
#   make check-valgrind   the tests under valgrind
#   make install PREFIX=/usr/local [DESTDIR=...]

PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share/stj
MANDIR   ?= $(PREFIX)/share/man
BUILD    ?= build
BIN      ?= stj
VERSION   = 0.1

CC       ?= cc
# libmicrohttpd and libsodium: stj serve (README.md, "The web server").
PKGS      = libxml-2.0 sqlite3 fontconfig libutf8proc libmicrohttpd libsodium
# -- step 10: invitations -- libcurl: stj invitations --smtp.
PKGS     += libcurl
# libhpdf ships no pkg-config file in Debian: it is linked by name.
HPDF_LIBS = -lhpdf -lz -lpng -lm

WARN      = -Wall -Wextra -Wpedantic
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) \
             -D_DEFAULT_SOURCE \
             -DSTJ_DATADIR='"$(DATADIR)"' -DSTJ_VERSION='"$(VERSION)"' \
             $(shell pkg-config --cflags $(PKGS))
ALL_LDFLAGS = $(LDFLAGS) $(EXTRA_CFLAGS)
LIBS      = $(shell pkg-config --libs $(PKGS)) $(HPDF_LIBS)

# Pipeline stages (the library) and the command line on top of them.
LIB_SRC   = src/util.c src/diag.c src/xmlsafe.c src/framework.c src/template.c \
            src/questionnaire.c src/ingest.c src/store.c src/assess.c \
            src/render.c src/csv.c src/pdf.c src/questionnaire_pdf.c \
            src/pdf_table.c src/factsheet.c src/report.c src/progress.c \
            src/assess_draft.c src/names.c src/round.c src/ops.c \
            src/ovrfile.c src/testhook.c
CLI_SRC   = src/main.c src/cmd_framework.c src/cmd_import.c \
            src/cmd_status.c src/cmd_questionnaire.c src/cmd_verdicts.c \
            src/cmd_override.c src/cmd_conclusion.c \
            src/cmd_merge.c src/cmd_factsheet.c src/cmd_round.c \
            src/cmd_progress.c src/cmd_serve.c src/cmd_state.c
WEB_SRC   = src/web_server.c src/web_route.c src/web_session.c \
            src/web_html.c src/web_pages.c src/web_edit.c
# New files of one area each go on their own line below (merges stay clean).
# -- issue 18: framework versions --
LIB_SRC  += src/fwdiff.c
LIB_SRC  +=
LIB_SRC  += src/importer.c
LIB_SRC  += src/mapping.c
# -- step 11: pdf --
LIB_SRC  += src/pdf_archive.c src/srgb_icc.c
# -- step 10: invitations --
LIB_SRC  += src/invite.c src/invite_mail.c
# -- step 10: reactions --
LIB_SRC  += src/react.c
CLI_SRC  += src/cmd_react.c
CLI_SRC  += src/cmd_invite.c
WEB_SRC  += src/web_respond.c
WEB_SRC  += src/web_mail.c
CLI_SRC  +=
CLI_SRC  += src/cmd_dossier.c
WEB_SRC  +=
WEB_SRC  += src/web_import.c
WEB_SRC  += src/web_overzicht.c
WEB_SRC  += src/web_ronde.c
# -- step 10: reactions --
WEB_SRC  += src/web_react.c
# step 9: web server. GnuTLS (with libmicrohttpd-dev) checks --tls-cert/-key.
WEB_SRC  += src/web_db.c
PKGS     += gnutls
# -- step 10: accounts --
LIB_SRC  += src/access.c src/account.c src/ratelimit.c
CLI_SRC  += src/cmd_user.c
WEB_SRC  += src/web_login.c
# -- step 11: html --
LIB_SRC  += src/factsheet_html.c
# -- step 10: portal --
WEB_SRC  += src/web_portal.c
# -- step 10: actor --
LIB_SRC  += src/actor.c
# -- step 12: xlsx -- libxlsxwriter writes .xlsx, libzip opens them.
PKGS     += xlsxwriter libzip
LIB_SRC  += src/xlsx.c src/xlsx_write.c
# -- step 13: docs --
LIB_SRC  += src/backup.c
CLI_SRC  += src/cmd_backup.c
WEB_SRC  += src/web_handleiding.c
# -- step 12: lss --
LIB_SRC  += src/limesurvey.c
# -- step 14: mapping file --
LIB_SRC  += src/mapfile.c
CLI_SRC  += src/cmd_mapping.c
TEST_SRC  = tests/unit.c

LIB_OBJ   = $(LIB_SRC:%.c=$(BUILD)/%.o)
# The web front end is the second door over the library: it is linked
# into the stj binary beside the command line (stj serve).
CLI_OBJ   = $(CLI_SRC:%.c=$(BUILD)/%.o) $(WEB_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ  = $(TEST_SRC:%.c=$(BUILD)/%.o)
UNIT      = $(BUILD)/unit

SANITIZE  = -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
VALGRIND  = valgrind -q --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect,possible

.PHONY: all deps demo fidelity check test check-sanitize check-valgrind install \
        uninstall clean serve questionnaires fonts bench lint fuzz

all: $(BIN)

$(BIN): $(LIB_OBJ) $(CLI_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(LIB_OBJ) $(CLI_OBJ) $(LIBS)

$(UNIT): $(LIB_OBJ) $(TEST_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(LIB_OBJ) $(TEST_OBJ) $(LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -MMD -MP -c -o $@ $<

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# Installs the Debian packages the build, the demo and the tests need when
# run as root; otherwise prints the apt-get line and stops.
deps:
	@sh tools/deps.sh

# The bundled examples, imported into a fresh demo database with the
# inspector's overrides, and the Leeuwarden factsheet written from it.
DEMO_DB = build/demo.db
DEMO_PDF = factsheet-Leeuwarden-2013.pdf
DEMO_MERGE = merge --round 2013 --inspector "STJ inspecteur" \
             --reason "Eén bevinding, zoals gepubliceerd"
EXAMPLES = examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml \
           examples/oosterhout-2013/*.xml examples/oosterhout-2013-dossier.xml \
           examples/zuiderhaven-2014.csv examples/zuiderhaven-2014-dossier.xml
demo: deps
	@$(MAKE) --no-print-directory all
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	./$(BIN) --db $(DEMO_DB) import $(EXAMPLES)
	./$(BIN) --db $(DEMO_DB) override --file examples/overrides-2013.tsv \
	    --inspector "STJ inspecteur"
	@# -- step 11: layout -- the published merged cells (examples/
	@# RECONSTRUCTION.md, "Merged cells"; an overrides file holds no
	@# merges). Oosterhout's 3.1.1-3.1.3 share a cell but keep a mark
	@# each (one is X), so they stay three rows.
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Leeuwarden \
	    --approach "Interventieteam Gezinnen" --indicators 3.1.1-3.1.3
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Leeuwarden \
	    --approach "Interventieteam Gezinnen" --indicators 3.1.4-3.1.7
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Leeuwarden \
	    --approach "Voorwaardelijke Interventie Gezinnen" --indicators 3.1.1-3.1.3
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Leeuwarden \
	    --approach "Voorwaardelijke Interventie Gezinnen" --indicators 3.1.4-3.1.7
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Oosterhout \
	    --approach "Aanpak Gezinsmanagement" --indicators 2.1.1-2.1.3
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Oosterhout \
	    --approach "Aanpak Gezinsmanagement" --indicators 3.1.4-3.1.7
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Oosterhout \
	    --approach "Aanpak Bemoeizorg" --indicators 2.1.1-2.1.2
	./$(BIN) --db $(DEMO_DB) $(DEMO_MERGE) --municipality Oosterhout \
	    --approach "Aanpak Bemoeizorg" --indicators 3.1.4-3.1.7
	./$(BIN) --db $(DEMO_DB) status
	./$(BIN) --db $(DEMO_DB) verdicts --municipality Leeuwarden
	./$(BIN) --db $(DEMO_DB) factsheet --municipality Leeuwarden \
	    -o $(DEMO_PDF)

# -- step 11: voice --
# The rules against the published 2013 marks: on the reconstructed
# examples and on the independent encoding (doc/rules.md).
fidelity: $(BIN)
	@sh tests/fidelity/fidelity.sh ./$(BIN) tests/tmp/fidelity

# stj serve on the demo database (made by "make demo" when missing).
serve: $(BIN)
	@[ -f $(DEMO_DB) ] || $(MAKE) --no-print-directory demo
	./$(BIN) --db $(DEMO_DB) serve

# -- step 13: docs -- the guide's screenshots (doc/web-*.png) taken anew
# from today's workbench in headless Chromium (tools/screenshots.sh).
.PHONY: screenshots
screenshots: $(BIN)
	sh tools/screenshots.sh doc

check: deps
	@$(MAKE) --no-print-directory test

# The crash and concurrency tests need a large import: bench/build/gen.
GEN = bench/build/gen
test: $(BIN) $(UNIT) $(GEN)
	@STJ=./$(BIN) UNIT=$(UNIT) GEN=$(GEN) sh tests/run.sh

check-sanitize: deps
	@$(MAKE) --no-print-directory BUILD=build/sanitize \
	    BIN=build/sanitize/stj EXTRA_CFLAGS="$(SANITIZE)" \
	    build/sanitize/stj build/sanitize/unit
	@$(MAKE) --no-print-directory $(GEN) $(BENCH_BUILD)/websubmit
	@GEN=$(GEN) ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    STJ=build/sanitize/stj UNIT=build/sanitize/unit sh tests/run.sh

check-valgrind:
	@STJ_NEED_VALGRIND=1 sh tools/deps.sh
	@$(MAKE) --no-print-directory $(BIN) $(UNIT) $(GEN) $(BENCH_BUILD)/websubmit
	@GEN=$(GEN) STJ=./$(BIN) UNIT=$(UNIT) STJ_WRAP="$(VALGRIND)" sh tests/run.sh

# The blank questionnaires committed in questionnaires/ (stj-ggsr@2013)
# and questionnaires/2015/ (stj-ggsr@2015); a test fails when they differ
# from what the framework generates.
QROLES = gemeente netwerkpartner
questionnaires: $(BIN)
	@for r in $(QROLES); do for f in xml csv pdf; do \
	    SOURCE_DATE_EPOCH=1356998400 ./$(BIN) questionnaire --role $$r \
	    --format $$f -o questionnaires/$$r.$$f || exit 1; done; done
	@mkdir -p questionnaires/2015; for r in $(QROLES); do \
	    for f in xml csv pdf; do SOURCE_DATE_EPOCH=1420070400 ./$(BIN) \
	    questionnaire --framework stj-ggsr@2015 --role $$r --format $$f \
	    -o questionnaires/2015/$$r.$$f || exit 1; done; done

# The shipped DejaVu Sans subset (fonts/README.md); needs python3-fonttools.
# The ranges are also in src/pdf.c (subset_ranges): keep them the same.
PYTHON      ?= /usr/bin/python3
DEJAVU      ?= /usr/share/fonts/truetype/dejavu
FONT_RANGES  = U+0020-007E,U+00A0-017F,U+0192,U+02C6-02C7,U+02D8-02DD,$\
               U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212,$\
               U+221A,U+2713-2714,U+2717,U+FFFD
fonts:
	for f in DejaVuSans DejaVuSans-Bold; do \
	    $(PYTHON) -m fontTools.subset $(DEJAVU)/$$f.ttf \
	        --unicodes='$(FONT_RANGES)' --layout-features='' \
	        --no-hinting --desubroutinize --name-IDs='*' \
	        --notdef-outline --output-file=fonts/$$f-STJ.ttf || exit 1; \
	done

# Static analysis: cppcheck (warning, style, performance, portability;
# variableScope and shadowFunction off: declarations at the top of a block
# are this code's style; redundantContinue: "for (...) continue;" is the
# empty-loop idiom; knownConditionTrueFalse in assess_draft.c: a false
# positive, see sentence() there) and clang-tidy with the checks in .clang-tidy. Needs
# Debian's cppcheck and clang-tidy.
lint:
	cppcheck --std=c11 --enable=warning,style,performance,portability \
	    --suppress=missingIncludeSystem --suppress=variableScope \
	    --suppress=shadowFunction --suppress=redundantContinue \
	    --suppress=knownConditionTrueFalse:src/assess_draft.c \
	    --inline-suppr --error-exitcode=1 --quiet -Isrc src/
	clang-tidy --quiet src/*.c -- -std=c11 -D_DEFAULT_SOURCE -Isrc \
	    $(shell pkg-config --cflags $(PKGS))

# libFuzzer harnesses on the input readers (clang-14; see fuzz/README.md):
# each harness replays fuzz/regress/, then fuzzes for FUZZ_SECONDS.
FUZZ_SECONDS ?= 120
fuzz:
	@sh fuzz/run.sh $(FUZZ_SECONDS)

# Benchmarks (bench/run.sh): separate from the tests, they print numbers.
include bench/Makefile.inc
BENCH_TOOLS = $(BENCH_BUILD)/gen $(BENCH_BUILD)/measure $(BENCH_BUILD)/bare \
              $(BENCH_BUILD)/assess $(BENCH_BUILD)/webload \
              $(BENCH_BUILD)/webbare $(BENCH_BUILD)/websubmit \
              $(BENCH_BUILD)/pwhash
bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	sh bench/run.sh

$(BENCH_BUILD)/measure: bench/measure.c
	@mkdir -p $(BENCH_BUILD)
	$(CC) -std=c11 $(WARN) -O2 -o $@ bench/measure.c

$(BENCH_BUILD)/bare: bench/bare.c
	@mkdir -p $(BENCH_BUILD)
	$(CC) -std=c11 $(WARN) -O2 -o $@ bench/bare.c $(HPDF_LIBS)

$(BENCH_BUILD)/assess: bench/assess.c $(LIB_OBJ)
	@mkdir -p $(BENCH_BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ bench/assess.c $(LIB_OBJ) $(LIBS)

# stj serve's load generator and its limit (bare libmicrohttpd).
$(BENCH_BUILD)/webload: bench/webload.c
	@mkdir -p $(BENCH_BUILD)
	$(CC) -std=c11 $(WARN) -O2 -D_DEFAULT_SOURCE -pthread -o $@ \
	    bench/webload.c

# -- step 10: mail -- N respondents at once (also mail-concurrent-submit).
$(BENCH_BUILD)/websubmit: bench/websubmit.c
	@mkdir -p $(BENCH_BUILD)
	$(CC) -std=c11 $(WARN) -O2 -D_DEFAULT_SOURCE -pthread -o $@ \
	    bench/websubmit.c
test: $(BENCH_BUILD)/websubmit
$(BENCH_BUILD)/pwhash: bench/pwhash.c
	@mkdir -p $(BENCH_BUILD)
	$(CC) -std=c11 $(WARN) -O2 -D_DEFAULT_SOURCE -o $@ bench/pwhash.c \
	    -lsodium

$(BENCH_BUILD)/webbare: bench/webbare.c
	@mkdir -p $(BENCH_BUILD)
	$(CC) -std=c11 $(WARN) -O2 -D_DEFAULT_SOURCE -pthread \
	    $$(pkg-config --cflags libmicrohttpd) -o $@ bench/webbare.c \
	    $$(pkg-config --libs libmicrohttpd)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/framework \
	    $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/fonts \
	    $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/stj
	install -m 644 framework/*.xml framework/*.xsd \
	    $(DESTDIR)$(DATADIR)/framework/
	install -m 644 templates/*.x* $(DESTDIR)$(DATADIR)/templates/
	install -m 644 templates/uitnodiging.txt $(DESTDIR)$(DATADIR)/templates/
	install -m 644 templates/antwoorden.txt $(DESTDIR)$(DATADIR)/templates/
	install -d $(DESTDIR)$(DATADIR)/templates/web
	install -m 644 templates/web/* $(DESTDIR)$(DATADIR)/templates/web/
	install -d $(DESTDIR)$(DATADIR)/templates/factsheet
	install -m 644 templates/factsheet/* $(DESTDIR)$(DATADIR)/templates/factsheet/
	install -m 644 fonts/*.ttf fonts/LICENSE $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 stj.1 $(DESTDIR)$(MANDIR)/man1/stj.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/stj $(DESTDIR)$(MANDIR)/man1/stj.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build $(BIN) tests/tmp $(DEMO_PDF) fuzz/build bench/build \
	    bench/data
