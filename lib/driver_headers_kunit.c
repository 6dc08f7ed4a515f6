/*
 * KUnit suite "driver_headers": what the Linux 3.x driver headers promise
 * that only a running ARM build can show - the types behind u32/u64 (so
 * Linux's format strings are right), the version a driver tests, limits,
 * sizes, the ioread/iowrite family's widths and byte order, and the linear
 * map's translations.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/version.h>
#include <asm/io.h>
#include <asm/page.h>
#include <mica/kunit.h>

#define TYPE_IS(x, t) _Generic((x), t: true, default: false)

static void linux_types(struct kunit *test)
{
	u32 w = 0;
	s32 sw = 0;
	u64 q = 0;
	s64 sq = 0;
	char buf[80];

	KUNIT_EXPECT_TRUE(test, TYPE_IS(w, unsigned int));
	KUNIT_EXPECT_TRUE(test, TYPE_IS(sw, int));
	KUNIT_EXPECT_TRUE(test, TYPE_IS(q, unsigned long long));
	KUNIT_EXPECT_TRUE(test, TYPE_IS(sq, long long));
	KUNIT_EXPECT_TRUE(test, TYPE_IS(U32_MAX, u32));
	/* What a Linux driver prints, unchanged. */
	snprintf(buf, sizeof(buf), "%u %d %llu %lld", U32_MAX, S32_MIN, U64_MAX, S64_MIN);
	KUNIT_EXPECT_STREQ(test, buf,
			   "4294967295 -2147483648 18446744073709551615 -9223372036854775808");
}

static void version_limits_sizes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, LINUX_VERSION_CODE, 200192);
	KUNIT_EXPECT_TRUE(test, LINUX_VERSION_CODE >= KERNEL_VERSION(3, 10, 0));
	KUNIT_EXPECT_TRUE(test, LINUX_VERSION_CODE < KERNEL_VERSION(3, 15, 0));
	KUNIT_EXPECT_EQ(test, ULONG_MAX, 0xffffffffUL);
	KUNIT_EXPECT_EQ(test, INT_MAX, 0x7fffffff);
	KUNIT_EXPECT_EQ(test, U8_MAX, 255);
	KUNIT_EXPECT_EQ(test, S16_MIN, -32768);
	KUNIT_EXPECT_EQ(test, SZ_4K, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, SZ_1M, 1UL << 20);
	KUNIT_EXPECT_EQ(test, SZ_2G, 0x80000000UL);
}

/* The accessors only move bytes: exercise them on ordinary memory. */
static void ioread_iowrite(struct kunit *test)
{
	u32 *mem = kzalloc(64, GFP_KERNEL);
	void __iomem *io = (void __iomem __force *)mem;
	u32 words[4] = { 1, 2, 3, 4 }, back[4];
	u8 bytes[8];

	KUNIT_ASSERT_NOT_NULL(test, mem);
	iowrite32(0x11223344, io);
	KUNIT_EXPECT_EQ(test, mem[0], 0x11223344);
	KUNIT_EXPECT_EQ(test, ioread8(io), 0x44);		/* little-endian */
	KUNIT_EXPECT_EQ(test, ioread16(io + 2), 0x1122);
	KUNIT_EXPECT_EQ(test, ioread32be(io), 0x44332211);
	iowrite32be(0x11223344, io + 4);
	KUNIT_EXPECT_EQ(test, mem[1], 0x44332211);
	iowrite16be(0xabcd, io + 8);
	KUNIT_EXPECT_EQ(test, ioread16(io + 8), 0xcdab);
	KUNIT_EXPECT_EQ(test, ioread16be(io + 8), 0xabcd);
	iowrite8(0x5a, io + 12);
	KUNIT_EXPECT_EQ(test, ((u8 *)mem)[12], 0x5a);

	/* _rep: every item through the same register. */
	iowrite32_rep(io + 16, words, 4);
	KUNIT_EXPECT_EQ(test, mem[4], 4);
	ioread32_rep(io + 16, back, 4);
	KUNIT_EXPECT_EQ(test, back[0], 4);
	KUNIT_EXPECT_EQ(test, back[3], 4);

	memset_io(io + 32, 0xee, 8);
	memcpy_fromio(bytes, io + 32, sizeof(bytes));
	KUNIT_EXPECT_EQ(test, bytes[7], 0xee);
	memcpy_toio(io + 40, "mica", 4);
	KUNIT_EXPECT_EQ(test, memcmp((u8 *)mem + 40, "mica", 4), 0);
	kfree(mem);
}

static void linear_map(struct kunit *test)
{
	void *p = kmalloc(100, GFP_KERNEL);
	unsigned long page = __get_free_page(GFP_KERNEL);
	unsigned long phys;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NE(test, page, 0);
	phys = virt_to_phys(p);
	KUNIT_EXPECT_PTR_EQ(test, phys_to_virt(phys), p);
	KUNIT_EXPECT_EQ(test, phys, (unsigned long)page_to_phys(virt_to_page(p)) + offset_in_page(p));
	KUNIT_EXPECT_EQ(test, virt_to_phys((void *)PAGE_OFFSET), phys_offset);
	memset((void *)page, 0x77, PAGE_SIZE);
	clear_page((void *)page);
	KUNIT_EXPECT_NULL(test, memchr_inv((void *)page, 0, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, get_order(1), 0);
	KUNIT_EXPECT_EQ(test, get_order(PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, get_order(PAGE_SIZE + 1), 1);
	KUNIT_EXPECT_EQ(test, get_order(SZ_1M), 8);
	free_page(page);
	kfree(p);
}

static struct kunit_case driver_headers_cases[] = {
	KUNIT_CASE(linux_types),
	KUNIT_CASE(version_limits_sizes),
	KUNIT_CASE(ioread_iowrite),
	KUNIT_CASE(linear_map),
	{}
};
static struct kunit_suite driver_headers_suite = {
	.name = "driver_headers",
	.test_cases = driver_headers_cases,
};
kunit_test_suite(driver_headers_suite);
