/* Certificate failures in words (see tls_verify_text.h). */
#include <stdio.h>
#include <string.h>
#include "tls_verify_text.h"

uint32_t tls_dates_check(uint64_t now, const struct civil_time *not_before,
			 const struct civil_time *not_after)
{
	int64_t from, to;
	/* A date that cannot be a date is as bad as a wrong one. */
	if (!civil_to_unix(not_before, &from) || !civil_to_unix(not_after, &to))
		return TLS_BADCERT_EXPIRED;
	if ((int64_t)now < from)
		return TLS_BADCERT_FUTURE;
	if ((int64_t)now > to)
		return TLS_BADCERT_EXPIRED;
	return 0;
}

static void date_text(const struct civil_time *t, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02u-%02u", t->year, t->month, t->day);
}

/* Appends a sentence part, "; " between parts. */
static void add(char *out, size_t size, const char *text)
{
	size_t n = strlen(out);
	if (n < size)
		snprintf(out + n, size - n, "%s%s", n ? "; " : "", text);
}

void tls_verify_text(uint32_t flags, const struct tls_cert_facts *f, const char *host,
		     unsigned trusted, char *out, size_t size)
{
	char part[400], date[16];
	if (!size)
		return;
	out[0] = '\0';
	if (flags & TLS_BADCERT_NOT_TRUSTED) {
		if (f->self_signed)
			snprintf(part, sizeof(part), "its certificate '%s' is self-signed, and not "
				 "among bootnet's %u trusted CAs", f->subject, trusted);
		else
			snprintf(part, sizeof(part), "its certificate is issued by '%s', which is not "
				 "among bootnet's %u trusted CAs", f->top_issuer, trusted);
		add(out, size, part);
	}
	if (flags & TLS_BADCERT_EXPIRED) {
		date_text(&f->not_after, date, sizeof(date));
		snprintf(part, sizeof(part), "its %s expired on %s",
			 f->dated_role[0] ? f->dated_role : "certificate", date);
		add(out, size, part);
	}
	if (flags & TLS_BADCERT_FUTURE) {
		date_text(&f->not_before, date, sizeof(date));
		snprintf(part, sizeof(part), "its %s is not valid before %s (is the machine's clock "
			 "right?)", f->dated_role[0] ? f->dated_role : "certificate", date);
		add(out, size, part);
	}
	if (flags & TLS_BADCERT_CN_MISMATCH) {
		snprintf(part, sizeof(part), "its certificate is for '%s', not '%s'",
			 f->names[0] ? f->names : f->subject, host);
		add(out, size, part);
	}
	if (flags & TLS_BADCERT_REVOKED)
		add(out, size, "its certificate is revoked");
	if (flags & (TLS_BADCERT_KEY_USAGE | TLS_BADCERT_EXT_KEY_USAGE))
		add(out, size, "its certificate is not meant for a TLS server (key usage)");
	if (flags & (TLS_BADCERT_BAD_MD | TLS_BADCERT_BAD_PK | TLS_BADCERT_BAD_KEY))
		add(out, size, "its certificate uses a signature hash, algorithm or key size bootnet "
			       "does not accept");
	if (flags & TLS_BADCERT_MISSING)
		add(out, size, "it sent no certificate");
	if (!out[0])
		snprintf(out, size, "its certificate failed verification (flags 0x%x)",
			 (unsigned)flags);
}

const char *tls_alert_name(unsigned alert)
{
	static const struct { unsigned code; const char *name; } names[] = {
		{ 0, "close_notify" }, { 10, "unexpected_message" }, { 20, "bad_record_mac" },
		{ 22, "record_overflow" }, { 40, "handshake_failure" }, { 42, "bad_certificate" },
		{ 43, "unsupported_certificate" }, { 44, "certificate_revoked" },
		{ 45, "certificate_expired" }, { 46, "certificate_unknown" },
		{ 47, "illegal_parameter" }, { 48, "unknown_ca" }, { 49, "access_denied" },
		{ 50, "decode_error" }, { 51, "decrypt_error" }, { 70, "protocol_version" },
		{ 71, "insufficient_security" }, { 80, "internal_error" },
		{ 86, "inappropriate_fallback" }, { 90, "user_canceled" },
		{ 100, "no_renegotiation" }, { 110, "unsupported_extension" },
		{ 112, "unrecognized_name" }, { 116, "certificate_required" },
		{ 120, "no_application_protocol" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].code == alert)
			return names[i].name;
	return "an unknown alert";
}
