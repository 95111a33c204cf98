#!/bin/sh
# Makes sure the Debian packages stj needs are installed. As root, installs
# what is missing; otherwise prints the exact apt-get line and fails, so
# "make demo" and "make check" never half-work on a machine without them.
set -eu

PKGS="gcc libc6-dev make pkg-config libxml2-dev libsqlite3-dev libhpdf-dev
fonts-dejavu-core fontconfig libfontconfig-dev poppler-utils sqlite3 strace
libutf8proc-dev libmicrohttpd-dev libsodium-dev curl chromium chromium-driver
python3-selenium libgnutls28-dev openssl
libcurl4-openssl-dev python3-aiosmtpd
qpdf icc-profiles-free"
# -- step 12: xlsx -- libxlsxwriter-dev: stj questionnaire/verdicts --format
# xlsx; libzip-dev: stj import FILE.xlsx; python3-openpyxl: the xlsx tests
# write their workbooks with a second implementation.
PKGS="$PKGS libxlsxwriter-dev libzip-dev python3-openpyxl"
# -- step 10: invitations -- libcurl4-openssl-dev: stj invitations --smtp;
# python3-aiosmtpd: the local SMTP sink of tests/cli/invite-smtp.cmd.
# -- step 11: pdf -- qpdf: the PDF tests (qpdf --check, objects, bookmarks);
# icc-profiles-free: sRGB.icc, compiled into src/srgb_icc.c (test pdfa-icc).
# libmicrohttpd and libsodium: stj serve. curl, chromium, chromium-driver and
# python3-selenium: the web tests (tests/web/, run under /usr/bin/python3,
# the interpreter Debian's python3-* modules are installed for).
# libgnutls28-dev: stj serve checks --tls-cert/--tls-key; openssl: the TLS
# test makes its certificate.
# -- step 11: html -- tidy: the HTML factsheet's tests validate it.
PKGS="$PKGS tidy"
# check-valgrind needs valgrind; asked for only when that target runs.
[ "${STJ_NEED_VALGRIND:-0}" = 1 ] && PKGS="$PKGS valgrind"

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
else
	echo "deps: missing Debian packages. Run:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
