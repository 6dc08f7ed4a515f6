/*
 * KUnit suite "crc32": the CRC-32 `ls -l` prints against the standard check
 * values (zlib's crc32 of "123456789" is 0xcbf43926), continued over
 * pieces, and CRC-ITU-T (YMODEM's CRC-16, 0x31c3 for the same string).
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/crc-itu-t.h>
#include <mica/kunit.h>

static const char check[] = "123456789";

static void crc32_check_value(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, crc32(~0U, check, 9) ^ ~0U, 0xcbf43926U);
	KUNIT_EXPECT_EQ(test, crc32(~0U, check, 0) ^ ~0U, 0U);
	KUNIT_EXPECT_EQ(test, crc32(~0U, "a", 1) ^ ~0U, 0xe8b7be43U);
}

static void crc32_in_pieces(struct kunit *test)
{
	u32 crc = crc32(~0U, check, 4);

	crc = crc32(crc, check + 4, 5);
	KUNIT_EXPECT_EQ(test, crc ^ ~0U, 0xcbf43926U);
}

static void crc_itu_t_check_value(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, crc_itu_t(0, (const u8 *)check, 9), 0x31c3);
	KUNIT_EXPECT_EQ(test, crc_itu_t(crc_itu_t(0, (const u8 *)check, 3),
					(const u8 *)check + 3, 6), 0x31c3);
}

static struct kunit_case crc32_cases[] = {
	KUNIT_CASE(crc32_check_value),
	KUNIT_CASE(crc32_in_pieces),
	KUNIT_CASE(crc_itu_t_check_value),
	{}
};
static struct kunit_suite crc32_suite = { .name = "crc32", .test_cases = crc32_cases };
kunit_test_suite(crc32_suite);
