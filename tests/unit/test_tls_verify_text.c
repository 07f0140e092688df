/* Certificate failures in words, and the dates check against the clock. */
#include "../../net/tls_verify_text.h"
#include "test.h"

static const struct tls_cert_facts lab = {
	.subject = "CN=boot.lab.test",
	.names = "boot.lab.test, www.lab.test",
	.top_issuer = "CN=Some Other CA",
	.dated_role = "certificate",
	.not_before = { 2024, 1, 2, 0, 0, 0 },
	.not_after = { 2025, 1, 2, 12, 0, 0 },
};

TEST(tls_text_unknown_ca)
{
	char out[400];
	tls_verify_text(TLS_BADCERT_NOT_TRUSTED, &lab, "boot.lab.test", 140, out, sizeof(out));
	CHECK_STR(out, "its certificate is issued by 'CN=Some Other CA', which is not among "
		       "bootnet's 140 trusted CAs");
	struct tls_cert_facts self = lab;
	self.self_signed = 1;
	tls_verify_text(TLS_BADCERT_NOT_TRUSTED, &self, "boot.lab.test", 1, out, sizeof(out));
	CHECK_CONTAINS(out, "'CN=boot.lab.test' is self-signed");
}

TEST(tls_text_expired_and_future)
{
	char out[400];
	tls_verify_text(TLS_BADCERT_EXPIRED, &lab, "boot.lab.test", 1, out, sizeof(out));
	CHECK_STR(out, "its certificate expired on 2025-01-02");
	tls_verify_text(TLS_BADCERT_FUTURE, &lab, "boot.lab.test", 1, out, sizeof(out));
	CHECK_CONTAINS(out, "not valid before 2024-01-02");
}

TEST(tls_text_wrong_host_and_several)
{
	char out[400];
	tls_verify_text(TLS_BADCERT_CN_MISMATCH, &lab, "other.lab.test", 1, out, sizeof(out));
	CHECK_STR(out, "its certificate is for 'boot.lab.test, www.lab.test', not 'other.lab.test'");
	tls_verify_text(TLS_BADCERT_CN_MISMATCH | TLS_BADCERT_EXPIRED, &lab, "x", 1, out,
			sizeof(out));
	CHECK_CONTAINS(out, "expired on 2025-01-02; its certificate is for");
	tls_verify_text(0x20000000, &lab, "x", 1, out, sizeof(out));
	CHECK_CONTAINS(out, "flags 0x20000000");
	/* A short buffer is cut, never overrun (ASan watches). */
	tls_verify_text(0xffffffff, &lab, "x", 1, out, 10);
	CHECK(strlen(out) == 9);
}

TEST(tls_dates_against_clock)
{
	/* 2024-06-01 00:00:00 UTC */
	uint64_t june_2024 = 1717200000;
	CHECK(tls_dates_check(june_2024, &lab.not_before, &lab.not_after) == 0);
	CHECK(tls_dates_check(1735819200 + 1, &lab.not_before, &lab.not_after) ==
	      TLS_BADCERT_EXPIRED); /* a second after 2025-01-02 12:00:00 */
	CHECK(tls_dates_check(1735819200, &lab.not_before, &lab.not_after) == 0);
	CHECK(tls_dates_check(1704153600 - 1, &lab.not_before, &lab.not_after) ==
	      TLS_BADCERT_FUTURE); /* a second before 2024-01-02 */
	struct civil_time broken = { 2024, 13, 1, 0, 0, 0 };
	CHECK(tls_dates_check(june_2024, &broken, &lab.not_after) == TLS_BADCERT_EXPIRED);
}

TEST(tls_alert_names)
{
	CHECK_STR(tls_alert_name(40), "handshake_failure");
	CHECK_STR(tls_alert_name(48), "unknown_ca");
	CHECK_STR(tls_alert_name(70), "protocol_version");
	CHECK_STR(tls_alert_name(255), "an unknown alert");
}
