/*
 * Host unit tests for lib/kstrtox.c: kstrtoul, kstrtol and kstrtobool with Linux's
 * rules. The host's long is 64 bits, the kernel's 32: the limits are
 * checked through LONG_MAX/ULONG_MAX so both widths are covered by the
 * same expectations, and the 32-bit edges are checked as plain values.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/errno.h>

int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtobool(const char *s, bool *res);

#define SENTINEL_UL 0x5a5a5a5aUL

static void expect_ul_at(int line, const char *s, unsigned int base, int err, unsigned long want)
{
	unsigned long v = SENTINEL_UL;
	int r = kstrtoul(s, base, &v);

	if (r != err)
		fail_msg("line %d: kstrtoul(\"%s\", %u) returned %d, want %d", line, s, base, r, err);
	if (err == 0 && v != want)
		fail_msg("line %d: kstrtoul(\"%s\", %u) gave %lu, want %lu", line, s, base, v, want);
	if (err != 0 && v != SENTINEL_UL)
		fail_msg("line %d: kstrtoul(\"%s\", %u) wrote %lu on error", line, s, base, v);
}
#define UL(s, base, err, want) expect_ul_at(__LINE__, s, base, err, want)

static void expect_l_at(int line, const char *s, unsigned int base, int err, long want)
{
	long v = 0x5a5a5a5aL;
	int r = kstrtol(s, base, &v);

	if (r != err)
		fail_msg("line %d: kstrtol(\"%s\", %u) returned %d, want %d", line, s, base, r, err);
	if (err == 0 && v != want)
		fail_msg("line %d: kstrtol(\"%s\", %u) gave %ld, want %ld", line, s, base, v, want);
	if (err != 0 && v != 0x5a5a5a5aL)
		fail_msg("line %d: kstrtol(\"%s\", %u) wrote %ld on error", line, s, base, v);
}
#define L(s, base, err, want) expect_l_at(__LINE__, s, base, err, want)

static void test_ul_decimal(void **state)
{
	UL("0", 10, 0, 0);
	UL("1", 10, 0, 1);
	UL("42", 10, 0, 42);
	UL("+42", 10, 0, 42);
	UL("007", 10, 0, 7);
	UL("4294967295", 10, 0, 4294967295UL);
	UL("42\n", 10, 0, 42);		/* one trailing newline is fine */
	UL("42\n\n", 10, -EINVAL, 0);
	UL("42 ", 10, -EINVAL, 0);
	UL(" 42", 10, -EINVAL, 0);
	UL("", 10, -EINVAL, 0);
	UL("\n", 10, -EINVAL, 0);
	UL("+", 10, -EINVAL, 0);
	UL("++1", 10, -EINVAL, 0);
	UL("-1", 10, -EINVAL, 0);
	UL("-0", 10, -EINVAL, 0);
	UL("12a", 10, -EINVAL, 0);
	UL("0x10", 10, -EINVAL, 0);
	UL("1.5", 10, -EINVAL, 0);
}

static void test_ul_bases(void **state)
{
	UL("ff", 16, 0, 255);
	UL("FF", 16, 0, 255);
	UL("0xff", 16, 0, 255);
	UL("0XfF", 16, 0, 255);
	UL("0x", 16, -EINVAL, 0);
	UL("0xg", 16, -EINVAL, 0);
	UL("g", 16, -EINVAL, 0);
	UL("777", 8, 0, 511);
	UL("0777", 8, 0, 511);
	UL("8", 8, -EINVAL, 0);
	UL("101", 2, 0, 5);
	UL("102", 2, -EINVAL, 0);
	UL("zz", 36, -EINVAL, 0);	/* bases above 16 are refused */
	UL("1", 1, -EINVAL, 0);
	UL("1", 17, -EINVAL, 0);
	/* Base 0: the prefix decides. */
	UL("0x1F", 0, 0, 31);
	UL("0X1f", 0, 0, 31);
	UL("017", 0, 0, 15);
	UL("0", 0, 0, 0);
	UL("00", 0, 0, 0);
	UL("19", 0, 0, 19);
	UL("08", 0, -EINVAL, 0);	/* octal, and 8 is not an octal digit */
	UL("0x", 0, -EINVAL, 0);	/* "0" in octal, then junk */
	UL("0xz", 0, -EINVAL, 0);
	UL("+0x10", 0, 0, 16);
	UL("0x10\n", 0, 0, 16);
}

static void test_ul_range(void **state)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%lu", ULONG_MAX);
	UL(buf, 10, 0, ULONG_MAX);
	snprintf(buf, sizeof(buf), "%#lx", ULONG_MAX);
	UL(buf, 0, 0, ULONG_MAX);
	snprintf(buf, sizeof(buf), "%#lo", ULONG_MAX);
	UL(buf, 0, 0, ULONG_MAX);
	UL("18446744073709551616", 10, -ERANGE, 0);	/* 2^64 */
	UL("99999999999999999999999999", 10, -ERANGE, 0);
	UL("0x10000000000000000", 0, -ERANGE, 0);
	/* Linux reports the overflow before looking at what follows. */
	UL("99999999999999999999999999x", 10, -ERANGE, 0);
	if (ULONG_MAX == 4294967295UL) {
		UL("4294967296", 10, -ERANGE, 0);
	} else {
		UL("4294967296", 10, 0, 4294967296UL);
		UL("18446744073709551615", 10, 0, ULONG_MAX);
	}
}

static void test_l(void **state)
{
	char buf[64];

	L("0", 10, 0, 0);
	L("-0", 10, 0, 0);
	L("+7", 10, 0, 7);
	L("-7", 10, 0, -7);
	L("-0x10", 0, 0, -16);
	L("-010", 0, 0, -8);
	L("-ff", 16, 0, -255);
	L("-7\n", 10, 0, -7);
	L("--7", 10, -EINVAL, 0);
	L("-+7", 10, -EINVAL, 0);
	L("+-7", 10, -EINVAL, 0);
	L("-", 10, -EINVAL, 0);
	L("", 10, -EINVAL, 0);
	L(" -7", 10, -EINVAL, 0);
	L("2147483647", 10, 0, 2147483647L);
	L("-2147483648", 10, 0, -2147483647L - 1);

	snprintf(buf, sizeof(buf), "%ld", LONG_MAX);
	L(buf, 10, 0, LONG_MAX);
	snprintf(buf, sizeof(buf), "%ld", LONG_MIN);
	L(buf, 10, 0, LONG_MIN);
	snprintf(buf, sizeof(buf), "%lu", (unsigned long)LONG_MAX + 1);
	L(buf, 10, -ERANGE, 0);
	snprintf(buf, sizeof(buf), "-%lu", (unsigned long)LONG_MAX + 2);
	L(buf, 10, -ERANGE, 0);
	L("-99999999999999999999999", 10, -ERANGE, 0);
	L("99999999999999999999999", 10, -ERANGE, 0);
}

/* Every decimal number from -100000 to 100000 round-trips. */
static void test_round_trip(void **state)
{
	char buf[32];

	for (long i = -100000; i <= 100000; i++) {
		long v;
		unsigned long u;

		snprintf(buf, sizeof(buf), "%ld", i);
		assert_int_equal(kstrtol(buf, 10, &v), 0);
		assert_int_equal(v, i);
		snprintf(buf, sizeof(buf), "%#lx", (unsigned long)(i < 0 ? -i : i));
		assert_int_equal(kstrtoul(buf, 0, &u), 0);
		assert_int_equal(u, (unsigned long)(i < 0 ? -i : i));
	}
}

static void expect_bool_at(int line, const char *s, int err, bool want)
{
	bool v = !want;
	int r = kstrtobool(s, &v);

	if (r != err)
		fail_msg("line %d: kstrtobool(\"%s\") returned %d, want %d", line, s ? s : "(null)", r, err);
	if (err == 0 && v != want)
		fail_msg("line %d: kstrtobool(\"%s\") gave %d", line, s, v);
}
#define B(s, err, want) expect_bool_at(__LINE__, s, err, want)

/* Linux 6.1's boolean spellings (debug_locks=off used to leave lock debugging on). */
static void test_bool(void **state)
{
	B("1", 0, true);
	B("y", 0, true);
	B("Yes", 0, true);
	B("on", 0, true);
	B("ON", 0, true);
	B("0", 0, false);
	B("n", 0, false);
	B("No", 0, false);
	B("off", 0, false);
	B("oFf", 0, false);
	B("", -EINVAL, false);
	B("o", -EINVAL, false);
	B("2", -EINVAL, false);
	B("true", 0, true);
	B("Enable", 0, true);
	B("false", 0, false);
	B("disable", 0, false);
	B("x", -EINVAL, false);
	B("maybe", -EINVAL, false);
	B(NULL, -EINVAL, false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ul_decimal),
		cmocka_unit_test(test_ul_bases),
		cmocka_unit_test(test_ul_range),
		cmocka_unit_test(test_l),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_bool),
	};

	return cmocka_run_group_tests_name("kstrtox", tests, NULL, NULL);
}
