/*
 * KUnit suite "printf": vsnprintf and kstrtox on the target itself. The
 * host tests (tests/host/printk/test_vsnprintf.c) cover the rules; these cases
 * check what only the 32-bit ARM build shows: 32-bit long and size_t,
 * 64-bit numbers through libgcc's division, pointer width, and %pS with
 * the kernel's real symbol table.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <limits.h>
#include <mica/kunit.h>

#define EXPECT_FMT(test, expect, fmt, ...) do {					\
	char __buf[96];									\
	int __n = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__);			\
	KUNIT_EXPECT_STREQ(test, __buf, expect);					\
	KUNIT_EXPECT_EQ(test, __n, (int)strlen(expect));				\
} while (0)

static void printf_32bit_types(struct kunit *test)
{
	EXPECT_FMT(test, "ffffffff", "%lx", ULONG_MAX);
	EXPECT_FMT(test, "-2147483648 2147483647", "%ld %ld", LONG_MIN, LONG_MAX);
	EXPECT_FMT(test, "4294967295", "%zu", (size_t)SIZE_MAX);
	EXPECT_FMT(test, "-5 -7", "%zd %td", (int)-5, (ptrdiff_t)-7);
	EXPECT_FMT(test, "  -42|ff  ", "%5hhd|%-4hhx", -42, 255);
}

static void printf_64bit_on_32bit(struct kunit *test)
{
	EXPECT_FMT(test, "-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT(test, "18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT_FMT(test, "1777777777777777777777", "%llo", ULLONG_MAX);
	EXPECT_FMT(test, "0X123456789ABCDEF0", "%#llX", 0x123456789abcdef0ULL);
	EXPECT_FMT(test, "10000000000000000000", "%llu", 10000000000000000000ULL);
	EXPECT_FMT(test, "4294967296 4294967295", "%llu %llu", 1ULL << 32, (1ULL << 32) - 1);
}

static void printf_pointers(struct kunit *test)
{
	phys_addr_t phys = 0x60008000;
	char buf[KSYM_NAME_LEN + 32];
	unsigned long size, offset;

	EXPECT_FMT(test, "0xc0008000", "%p", (void *)0xc0008000UL);
	EXPECT_FMT(test, "0x00000000", "%p", NULL);
	EXPECT_FMT(test, "c0008000", "%px", (void *)0xc0008000UL);
	EXPECT_FMT(test, "0x60008000", "%pa", &phys);
	EXPECT_FMT(test, "0x1000", "%pS", (void *)0x1000);	/* not kernel text */

	/* %pS/%ps agree with kallsyms for a function in the kernel. */
	KUNIT_ASSERT_NOT_NULL(test, kallsyms_lookup((unsigned long)printk + 4, &size, &offset));
	snprintf(buf, sizeof(buf), "%pS", (char *)printk + 4);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "printk+0x4/0x", 13), 0);
	EXPECT_FMT(test, "printk", "%ps", (char *)printk + 4);
	EXPECT_FMT(test, "[    printk]", "[%10ps]", (void *)printk);
}

static void printf_truncation(struct kunit *test)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 5, "%d", 123456), 6);
	KUNIT_EXPECT_STREQ(test, buf, "1234");
	KUNIT_EXPECT_EQ(test, buf[5], 'x');
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "%d", 123456), 4);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%s", "abc"), 3);
}

static void kstrtox_32bit_limits(struct kunit *test)
{
	unsigned long u = 0;
	long l = 0;

	KUNIT_EXPECT_EQ(test, kstrtoul("4294967295", 10, &u), 0);
	KUNIT_EXPECT_EQ(test, u, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoul("4294967296", 10, &u), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoul("0xffffffff\n", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, kstrtol("2147483648", 10, &l), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtol("-2147483648", 10, &l), 0);
	KUNIT_EXPECT_EQ(test, l, LONG_MIN);
	KUNIT_EXPECT_EQ(test, kstrtol("-2147483649", 10, &l), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtol("12z", 10, &l), -EINVAL);
}

static struct kunit_case printf_cases[] = {
	KUNIT_CASE(printf_32bit_types),
	KUNIT_CASE(printf_64bit_on_32bit),
	KUNIT_CASE(printf_pointers),
	KUNIT_CASE(printf_truncation),
	KUNIT_CASE(kstrtox_32bit_limits),
	{}
};

static struct kunit_suite printf_suite = {
	.name = "printf",
	.test_cases = printf_cases,
};
kunit_test_suite(printf_suite);
