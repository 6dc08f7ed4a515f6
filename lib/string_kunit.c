/*
 * KUnit suite "string": the kernel's own string helpers (lib/string.c),
 * including their edges: strscpy into a buffer too small or of size 0,
 * strim of an all-blank string, sysfs_streq with newlines on either side.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <mica/kunit.h>

static void strscpy_fits_and_truncates(struct kunit *test)
{
	char buf[6] = "xxxxx";	/* filled: a copy that forgets its terminator shows */

	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcde", sizeof(buf)), 5);
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdef", sizeof(buf)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abcde");		/* cut, but terminated */
	buf[0] = 'q';
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", 0), -E2BIG);
	KUNIT_EXPECT_EQ(test, buf[0], 'q');		/* size 0: nothing written */
}

static void spaces(struct kunit *test)
{
	char s[] = " \t hello world \n ";
	char blank[] = " \t\n";

	KUNIT_EXPECT_STREQ(test, skip_spaces("  x "), "x ");
	KUNIT_EXPECT_STREQ(test, strim(s), "hello world");
	KUNIT_EXPECT_STREQ(test, strim(blank), "");
	KUNIT_EXPECT_TRUE(test, strstarts("insmod hello.ko", "insmod "));
	KUNIT_EXPECT_FALSE(test, strstarts("ins", "insmod"));
}

static void sysfs_compare(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on", "on"));
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on\n", "on"));
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on", "on\n"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("on\n\n", "on"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("o", "on"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("on", "off"));
}

static void memchr_inv_finds_first_other(struct kunit *test)
{
	u8 buf[64];

	memset(buf, 0xa5, sizeof(buf));
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0xa5, sizeof(buf)));
	buf[37] = 0;
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf, 0xa5, sizeof(buf)), &buf[37]);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0xa5, 37));
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0, 0));
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(strscpy_fits_and_truncates),
	KUNIT_CASE(spaces),
	KUNIT_CASE(sysfs_compare),
	KUNIT_CASE(memchr_inv_finds_first_other),
	{}
};
static struct kunit_suite string_suite = { .name = "string", .test_cases = string_cases };
kunit_test_suite(string_suite);
