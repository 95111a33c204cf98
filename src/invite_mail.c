/*
 * invite_mail: invitation texts, CSV, RFC 5322 messages, SMTP. See
 * invite_mail.h.
 */
#include "invite_mail.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "questionnaire.h"
#include "util.h"

/* The template's fields, in the order invite_text_make() fills them. */
static const char *const fields[] = {
	"gemeente", "ronde", "aanpak", "rol", "organisatie", "link",
	"verloopt", "vragen"
};
enum { NFIELDS = sizeof(fields) / sizeof(fields[0]) };
enum { TEMPLATE_MAX = 64 * 1024 };

struct invite_template {
	char *subject;
	char *body;
};

void
invite_template_free(struct invite_template *t)
{
	if (t == NULL)
		return;
	free(t->subject);
	free(t->body);
	free(t);
}

/* The field named at p ("{name}..."), its length in *len; -1: none. */
static int
field_at(const char *p, size_t *len)
{
	size_t i, n;

	for (i = 0; i < NFIELDS; i++) {
		n = strlen(fields[i]);
		if (strncmp(p + 1, fields[i], n) == 0 && p[n + 1] == '}') {
			*len = n + 2;
			return (int)i;
		}
	}
	return -1;
}

/* -1 after a diagnostic when text has a '{' that opens no field. */
static int
check_fields(const char *path, const char *text, struct diags *d)
{
	const char *p;
	size_t      len;
	char       *why;

	for (p = strchr(text, '{'); p != NULL; p = strchr(p + 1, '{'))
		if (field_at(p, &len) == -1) {
			why = xasprintf("unknown field '%.*s' (known: {gemeente}"
			    " {ronde} {aanpak} {rol} {organisatie} {link}"
			    " {verloopt} {vragen})", (int)strcspn(p, "}\n") +
			    (p[strcspn(p, "}\n")] == '}'), p);
			diags_add(d, NULL, 0, MSG_INV_TEMPLATE, path, why);
			free(why);
			return -1;
		}
	return 0;
}

struct invite_template *
invite_template_load(const char *path, struct diags *d)
{
	struct invite_template *t;
	char                   *buf, *p, *nl;
	size_t                  len;
	const char             *why = NULL;

	if (file_read_all(path, TEMPLATE_MAX, &buf, &len) == -1) {
		diags_add(d, NULL, 0, MSG_INV_TEMPLATE, path,
		    "cannot be read");
		return NULL;
	}
	/* Comment lines first, then "Onderwerp: ...", a blank line, text. */
	for (p = buf; *p == '#'; p = nl + 1)
		if ((nl = strchr(p, '\n')) == NULL)
			break;
	if (strncmp(p, "Onderwerp:", 10) != 0 ||
	    (nl = strchr(p, '\n')) == NULL || nl[1] != '\n')
		why = "expected 'Onderwerp: ...' and a blank line after the "
		    "comments";
	else if (text_control(buf, "\n") != 0)
		why = "not UTF-8 text";
	if (why != NULL) {
		diags_add(d, NULL, 0, MSG_INV_TEMPLATE, path, why);
		free(buf);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	p += 10;
	p += strspn(p, " ");
	t->subject = xasprintf("%.*s", (int)(nl - p), p);
	t->body = xstrdup(nl + 2);
	free(buf);
	if (check_fields(path, t->subject, d) == -1 ||
	    check_fields(path, t->body, d) == -1) {
		invite_template_free(t);
		return NULL;
	}
	return t;
}

/* text with every {field} replaced by its value. New string. */
static char *
expand(const char *text, const char *const vals[NFIELDS])
{
	char   *out = xmalloc(1), *q;
	size_t  n = 0, len, vlen;
	int     f;

	for (; *text != '\0'; text++) {
		const char *v = text;
		vlen = 1;
		if (*text == '{' && (f = field_at(text, &len)) >= 0) {
			v = vals[f];
			vlen = strlen(v);
			text += len - 1;
		}
		out = xrealloc(out, n + vlen + 1);
		memcpy(out + n, v, vlen);
		n += vlen;
	}
	q = out;
	q[n] = '\0';
	return q;
}

void
invite_text_make(const struct invite_template *t,
    const struct invitation *inv, const char *link, size_t questions,
    struct invite_text *out)
{
	const char *vals[NFIELDS];
	char        round[16], until[16], count[24];
	int         y = 0, m = 0, day = 0;

	snprintf(round, sizeof(round), "%d", inv->round);
	/* Dutch numeric date, no month names in C. */
	if (sscanf(inv->expires, "%4d-%2d-%2d", &y, &m, &day) == 3)
		snprintf(until, sizeof(until), "%02d-%02d-%04d", day, m, y);
	else
		snprintf(until, sizeof(until), "?");
	snprintf(count, sizeof(count), "%zu", questions);
	vals[0] = inv->municipality;
	vals[1] = round;
	vals[2] = inv->approach;
	vals[3] = role_name(inv->role);
	vals[4] = inv->organisation;
	vals[5] = link;
	vals[6] = until;
	vals[7] = count;
	out->subject = expand(t->subject, vals);
	out->body = expand(t->body, vals);
}

void
invite_text_clear(struct invite_text *t)
{
	free(t->subject);
	free(t->body);
	t->subject = t->body = NULL;
}

/* ---- CSV ------------------------------------------------------------- */

static void
csv_field(FILE *f, const char *s, int last)
{
	fputc('"', f);
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputs(last ? "\"\r\n" : "\",", f);
}

void
invite_csv_header(FILE *f)
{
	fputs("uitnodiging,gemeente,ronde,aanpak,rol,organisatie,email,link,"
	    "verloopt,onderwerp,tekst\r\n", f);
}

void
invite_csv_row(FILE *f, const struct invitation *inv, const char *link,
    const struct invite_text *t)
{
	char num[24];

	fprintf(f, "%lld,", inv->id);
	csv_field(f, inv->municipality, 0);
	fprintf(f, "%d,", inv->round);
	csv_field(f, inv->approach, 0);
	csv_field(f, role_name(inv->role), 0);
	csv_field(f, inv->organisation, 0);
	csv_field(f, inv->email, 0);
	csv_field(f, link, 0);
	snprintf(num, sizeof(num), "%.10s", inv->expires);
	csv_field(f, num, 0);
	csv_field(f, t->subject, 0);
	csv_field(f, t->body, 1);
}

/* ---- RFC 5322 --------------------------------------------------------- */

/* A growing string. */
struct buf {
	char   *s;
	size_t  n, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n + 1);
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

int
invite_mail_from(const char *from, char addr[256])
{
	const char *lt = strrchr(from, '<'), *a = from;
	size_t      i, n;

	for (i = 0; from[i] != '\0'; i++)
		if ((unsigned char)from[i] < ' ' || (unsigned char)from[i] >= 0x7f)
			return -1;
	n = strlen(from);
	if (lt != NULL) {
		if (from[n - 1] != '>')
			return -1;
		a = lt + 1;
		n = (size_t)(from + n - 1 - a);
	}
	if (n == 0 || n >= 256 || memchr(a, '@', n) == NULL ||
	    memchr(a, ' ', n) != NULL || memchr(a, '<', n) != NULL)
		return -1;
	memcpy(addr, a, n);
	addr[n] = '\0';
	return 0;
}

/* 1 when s is all printable ASCII. */
static int
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < ' ' || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/*
 * "Subject: " and s, as encoded-words (RFC 2047, UTF-8, base64) when it
 * is not ASCII: each word at most 75 characters, split between whole
 * characters, folded onto lines of their own.
 */
static void
put_subject(struct buf *b, const char *s)
{
	char   enc[128];
	size_t len = strlen(s), n;

	puts_(b, "Subject:");
	if (ascii(s)) {
		puts_(b, " ");
		puts_(b, s);
		puts_(b, "\r\n");
		return;
	}
	while (len > 0) {
		/* 45 bytes make 60 base64 characters: 72 with the frame. */
		n = len < 45 ? len : 45;
		while (n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		sodium_bin2base64(enc, sizeof(enc), (const unsigned char *)s,
		    n, sodium_base64_VARIANT_ORIGINAL);
		puts_(b, " =?UTF-8?B?");
		puts_(b, enc);
		puts_(b, "?=\r\n");
		s += n;
		len -= n;
	}
}

/* text as quoted-printable (RFC 2045), lines ending in CRLF. */
static void
put_qp(struct buf *b, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t            col = 0;
	char              e[3];

	for (; *text != '\0'; text++) {
		unsigned char c = (unsigned char)*text;
		int           last = text[1] == '\n' || text[1] == '\0';
		size_t        w;
		if (c == '\n') {
			puts_(b, "\r\n");
			col = 0;
			continue;
		}
		/* Trailing blanks are encoded: transports strip them. */
		w = (c == '=' || c >= 0x7f || c < ' ' ||
		    ((c == ' ' || c == '\t') && last)) ? 3 : 1;
		if (col + w > 75) {
			puts_(b, "=\r\n");
			col = 0;
		}
		if (w == 3) {
			e[0] = '=';
			e[1] = hex[c >> 4];
			e[2] = hex[c & 15];
			put(b, e, 3);
		} else
			put(b, (const char *)&c, 1);
		col += w;
	}
	if (col > 0)
		puts_(b, "\r\n");
}

char *
invite_mail_message(const char *from, const struct invitation *inv,
    const struct invite_text *t, const char *now)
{
	struct buf b = { NULL, 0, 0 };
	struct tm  tm;
	char       date[64], addr[256], *line;
	const char *domain;
	int        n = -1;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) == 6) {
		time_t tt;
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tt = timegm(&tm);
		gmtime_r(&tt, &tm);
	}
	/* RFC 5322 3.3: English day and month names, the C locale's. */
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	if (invite_mail_from(from, addr) == -1)
		snprintf(addr, sizeof(addr), "stj@localhost");
	domain = strchr(addr, '@') + 1;
	line = xasprintf("Date: %s\r\nFrom: %s\r\n", date, from);
	puts_(&b, line);
	free(line);
	if (inv->email != NULL) {
		line = xasprintf("To: %s\r\n", inv->email);
		puts_(&b, line);
		free(line);
	}
	put_subject(&b, t->subject);
	line = xasprintf("Message-ID: <uitnodiging-%lld-%.4s%.2s%.2s%.2s%.2s%.2s"
	    "@%s>\r\n", inv->id, now, now + 5, now + 8, now + 11, now + 14,
	    now + 17, domain);
	puts_(&b, line);
	free(line);
	puts_(&b, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	put_qp(&b, t->body);
	return b.s;
}

/* ---- SMTP through libcurl ------------------------------------------------ */

struct invite_mailer {
	CURL *c;
	char  err[CURL_ERROR_SIZE];
};

/* 1 when url's host is the loopback (no TLS needed to reach it). */
static int
loopback(const char *url)
{
	CURLU *u = curl_url();
	char  *host = NULL;
	int    lo = 0;

	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK)
		lo = strcmp(host, "127.0.0.1") == 0 ||
		    strcmp(host, "localhost") == 0 ||
		    strcmp(host, "[::1]") == 0;
	curl_free(host);
	curl_url_cleanup(u);
	return lo;
}

struct invite_mailer *
invite_mailer_new(const char *url, struct diags *d)
{
	struct invite_mailer *m;

	if (strncmp(url, "smtp://", 7) != 0 && strncmp(url, "smtps://", 8) != 0) {
		diags_add(d, NULL, 0, MSG_INV_SMTP, url,
		    "not an smtp:// or smtps:// URL");
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	if ((m->c = curl_easy_init()) == NULL) {
		diags_add(d, NULL, 0, MSG_INV_SMTP, url, "libcurl failed");
		free(m);
		return NULL;
	}
	curl_easy_setopt(m->c, CURLOPT_URL, url);
	curl_easy_setopt(m->c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(m->c, CURLOPT_ERRORBUFFER, m->err);
	curl_easy_setopt(m->c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	curl_easy_setopt(m->c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(m->c, CURLOPT_NOSIGNAL, 1L);
	/* Plain SMTP only to this machine: anywhere else STARTTLS or fail. */
	curl_easy_setopt(m->c, CURLOPT_USE_SSL, loopback(url) ?
	    (long)CURLUSESSL_NONE : (long)CURLUSESSL_ALL);
	return m;
}

void
invite_mailer_free(struct invite_mailer *m)
{
	if (m == NULL)
		return;
	curl_easy_cleanup(m->c);
	free(m);
}

struct upload {
	const char *p;
	size_t      left;
};

static size_t
read_cb(char *out, size_t size, size_t nmemb, void *vup)
{
	struct upload *up = vup;
	size_t         n = size * nmemb;

	if (n > up->left)
		n = up->left;
	memcpy(out, up->p, n);
	up->p += n;
	up->left -= n;
	return n;
}

int
invite_mailer_send(struct invite_mailer *m, const char *from,
    const char *to, const char *message, struct diags *d)
{
	struct curl_slist *rcpt;
	struct upload      up = { message, strlen(message) };
	char              *env_from = xasprintf("<%s>", from);
	char              *env_to = xasprintf("<%s>", to);
	CURLcode           rc;

	rcpt = curl_slist_append(NULL, env_to);
	m->err[0] = '\0';
	curl_easy_setopt(m->c, CURLOPT_MAIL_FROM, env_from);
	curl_easy_setopt(m->c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(m->c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(m->c, CURLOPT_READDATA, &up);
	curl_easy_setopt(m->c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(m->c, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)up.left);
	rc = curl_easy_perform(m->c);
	curl_easy_setopt(m->c, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	free(env_from);
	free(env_to);
	if (rc == CURLE_OK)
		return 0;
	diags_add(d, NULL, 0, MSG_INV_SMTP, to, m->err[0] ? m->err :
	    curl_easy_strerror(rc));
	return -1;
}

/* -- step 10: mail -- */

int
invite_mail_selected(const struct invitation *inv, int remind)
{
	int reached = inv->sent != NULL || inv->state != INVITE_INVITED;

	if (inv->revoked != NULL || inv->state == INVITE_SUBMITTED)
		return 0;
	return remind ? reached : !reached;
}

char *
invite_mail_link(const char *base, const char *token)
{
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	return xasprintf("%.*s/v/%s", (int)n, base, token);
}

int
invite_mail_issue(const struct invite_run *x, const struct invitation *inv,
    struct invite_text *t, char **link, struct diags *d)
{
	const struct framework *fw;
	struct invitation      *cur;
	char                    token[INVITE_TOKEN_LEN];

	if ((fw = framework_set_find(x->set, inv->framework)) == NULL) {
		diags_add(d, NULL, 0, MSG_FW_NOT_FOUND, inv->framework);
		return -1;
	}
	if (invite_reissue(x->s, inv->id, x->days, x->actor, x->now, token,
	    d) == -1 || invite_mark_sent(x->s, inv->id, x->actor, x->now,
	    d) == -1 || (cur = invite_get(x->s, inv->id, d)) == NULL) {
		sodium_memzero(token, sizeof(token));
		return -1;
	}
	*link = invite_mail_link(x->base, token);
	sodium_memzero(token, sizeof(token));
	/* The text tells the new expiry date: cur, not inv. */
	invite_text_make(x->tpl, cur, *link, questionnaire_count(fw,
	    inv->role), t);
	invitation_free(cur);
	return 0;
}

int
invite_mail_send(const struct invite_run *x, struct invite_mailer *m,
    const struct invitation *inv, struct diags *d)
{
	struct invite_text t;
	char               addr[256], *link, *msg;
	int                rc;

	if (inv->email == NULL) {
		diags_add(d, NULL, 0, MSG_INV_NO_EMAIL, inv->id,
		    inv->organisation);
		return 1;
	}
	if (invite_mail_from(x->from, addr) == -1) {
		diags_add(d, NULL, 0, MSG_INV_SMTP, inv->email,
		    "no sender address");
		return -1;
	}
	if (store_begin(x->s, d) == -1)
		return -1;
	if ((rc = invite_mail_issue(x, inv, &t, &link, d)) == 0) {
		msg = invite_mail_message(x->from, inv, &t, x->now);
		rc = invite_mailer_send(m, addr, inv->email, msg, d);
		sodium_memzero(link, strlen(link));
		free(msg);
		free(link);
		invite_text_clear(&t);
	}
	return store_finish(x->s, rc, d);
}
