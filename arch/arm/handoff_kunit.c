/*
 * KUnit suite "handoff": the DTB and ATAGS parsers on the target, fed a
 * valid blob and then corrupt, truncated and bit-flipped copies of it
 * (the host tests do the same under AddressSanitizer; here it runs with
 * the kernel's own alignment, caches and compiler flags), plus a check
 * that what the boot's hand-off found reached memblock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/initrd.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/handoff.h>
#include <asm/setup.h>
#include <mica/kunit.h>
#include <string.h>

#define BLOB_MAX 512

/* A small DTB: header, empty reservation map, structure, strings. */
struct dtb_writer {
	u8 st[BLOB_MAX];
	u32 st_len;
	char str[128];
	u32 str_len;
};

static void be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void w_word(struct dtb_writer *w, u32 v)
{
	be32(w->st + w->st_len, v);
	w->st_len += 4;
}

static void w_bytes(struct dtb_writer *w, const void *p, u32 n)
{
	memcpy(w->st + w->st_len, p, n);
	w->st_len += n;
	while (w->st_len % 4)
		w->st[w->st_len++] = 0;
}

static void w_node(struct dtb_writer *w, const char *name)
{
	w_word(w, FDT_BEGIN_NODE);
	w_bytes(w, name, strlen(name) + 1);
}

static void w_prop(struct dtb_writer *w, const char *name, const void *val, u32 len)
{
	w_word(w, FDT_PROP);
	w_word(w, len);
	w_word(w, w->str_len);
	strcpy(w->str + w->str_len, name);
	w->str_len += strlen(name) + 1;
	w_bytes(w, val, len);
}

static void w_cell(struct dtb_writer *w, const char *name, u32 v)
{
	u8 b[4];

	be32(b, v);
	w_prop(w, name, b, 4);
}

/* /memory 0x40000000+256 MiB (one cell each), bootargs, psci "smc". */
static u32 build_dtb(u8 *out)
{
	static struct dtb_writer w;
	u8 reg[8];
	u32 st_off = 40 + 16, str_off, total;

	memset(&w, 0, sizeof(w));
	w_node(&w, "");
	w_cell(&w, "#address-cells", 1);
	w_cell(&w, "#size-cells", 1);
	w_prop(&w, "model", "mica,test", 10);
	w_node(&w, "memory@40000000");
	be32(reg, 0x40000000);
	be32(reg + 4, 0x10000000);
	w_prop(&w, "reg", reg, 8);
	w_word(&w, FDT_END_NODE);
	w_node(&w, "chosen");
	w_prop(&w, "bootargs", "a=1 b", 6);
	w_word(&w, FDT_END_NODE);
	w_node(&w, "psci");
	w_prop(&w, "method", "smc", 4);
	w_word(&w, FDT_END_NODE);
	w_word(&w, FDT_END_NODE);
	w_word(&w, FDT_END);

	str_off = st_off + w.st_len;
	total = str_off + w.str_len;
	memset(out, 0, total);
	be32(out + 0, FDT_MAGIC);
	be32(out + 4, total);
	be32(out + 8, st_off);
	be32(out + 12, str_off);
	be32(out + 16, 40);
	be32(out + 20, 17);
	be32(out + 24, 16);
	be32(out + 32, w.str_len);
	be32(out + 36, w.st_len);
	memcpy(out + st_off, w.st, w.st_len);
	memcpy(out + str_off, w.str, w.str_len);
	return total;
}

static u8 blob[BLOB_MAX * 2] __aligned(8);
static struct handoff_info info;

static void handoff_fdt_valid(struct kunit *test)
{
	u32 size = build_dtb(blob);
	const char *why = NULL;

	KUNIT_ASSERT_EQ(test, handoff_parse_fdt(blob, size, &info, &why), 0);
	KUNIT_EXPECT_EQ(test, info.nr_mem, 1);
	KUNIT_EXPECT_EQ(test, info.mem[0].start, 0x40000000);
	KUNIT_EXPECT_EQ(test, info.mem[0].size, 0x10000000);
	KUNIT_EXPECT_STREQ(test, info.cmdline, "a=1 b");
	KUNIT_EXPECT_STREQ(test, info.model, "mica,test");
	KUNIT_EXPECT_STREQ(test, info.psci_method, "smc");
	KUNIT_EXPECT_EQ(test, info.blob_size, size);
}

static void handoff_fdt_truncated(struct kunit *test)
{
	u32 size = build_dtb(blob), len;
	const char *why;

	for (len = 0; len < size; len++) {
		why = NULL;
		KUNIT_EXPECT_EQ(test, handoff_parse_fdt(blob, len, &info, &why), -EINVAL);
		KUNIT_EXPECT_NOT_NULL(test, why);
	}
}

static void handoff_fdt_corrupt_header(struct kunit *test)
{
	static const struct { u32 field, value; } cases[] = {
		{ 0, 0xedfe0dd0 },		/* byte-swapped magic */
		{ 4, 0xfffffff0 },		/* totalsize */
		{ 8, 0x7ffffff0 },		/* off_dt_struct */
		{ 20, 3 },			/* version */
		{ 36, 0x1000 },			/* size_dt_struct */
	};
	const char *why;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u32 size = build_dtb(blob);

		be32(blob + cases[i].field, cases[i].value);
		why = NULL;
		KUNIT_EXPECT_EQ(test, handoff_parse_fdt(blob, size, &info, &why), -EINVAL);
		KUNIT_EXPECT_NOT_NULL(test, why);
	}
}

/* Flipping any byte either still parses or is rejected; never a fault. */
static void handoff_fdt_bit_flips(struct kunit *test)
{
	u32 size = build_dtb(blob), i;
	unsigned int rejected = 0;
	const char *why;

	for (i = 0; i < size; i++) {
		blob[i] ^= 0xff;
		why = NULL;
		if (handoff_parse_fdt(blob, size, &info, &why)) {
			KUNIT_EXPECT_NOT_NULL(test, why);
			rejected++;
		} else {
			KUNIT_EXPECT_LE(test, info.nr_mem, HANDOFF_MAX_BANKS);
		}
		blob[i] ^= 0xff;
	}
	KUNIT_EXPECT_GT(test, rejected, 0);
}

/* CORE, MEM 256 MiB at 0x40000000, CMDLINE "x=y", NONE. */
static u32 build_atags(u32 *w)
{
	u32 n = 0;

	w[n++] = 2;
	w[n++] = ATAG_CORE;
	w[n++] = 4;
	w[n++] = ATAG_MEM;
	w[n++] = 0x10000000;
	w[n++] = 0x40000000;
	w[n++] = 3;
	w[n++] = ATAG_CMDLINE;
	memcpy(&w[n++], "x=y", 4);
	w[n++] = 0;
	w[n++] = ATAG_NONE;
	return n * 4;
}

static void handoff_atags(struct kunit *test)
{
	u32 *w = (u32 *)blob, size = build_atags(w), len;
	const char *why = NULL;

	KUNIT_ASSERT_EQ(test, handoff_parse_atags(blob, size, &info, &why), 0);
	KUNIT_EXPECT_EQ(test, info.nr_mem, 1);
	KUNIT_EXPECT_EQ(test, info.mem[0].size, 0x10000000);
	KUNIT_EXPECT_STREQ(test, info.cmdline, "x=y");

	for (len = 0; len < size; len++)
		KUNIT_EXPECT_EQ(test, handoff_parse_atags(blob, len, &info, &why), -EINVAL);

	w[1] = ATAG_MEM;	/* no ATAG_CORE first */
	KUNIT_EXPECT_EQ(test, handoff_parse_atags(blob, size, &info, &why), -EINVAL);
	size = build_atags(w);
	w[6] = 0x100000;	/* the command line tag runs off the end */
	KUNIT_EXPECT_EQ(test, handoff_parse_atags(blob, size, &info, &why), -EINVAL);
	size = build_atags(w);
	memset(&w[8], 'z', 4);	/* command line without its NUL */
	KUNIT_EXPECT_EQ(test, handoff_parse_atags(blob, size, &info, &why), -EINVAL);
}

/* What this boot's hand-off found is what memblock holds. */
static void handoff_boot_result(struct kunit *test)
{
	unsigned int i;

	if (handoff_source == HANDOFF_NONE)
		kunit_skip(test, "booted without a DTB or ATAGS");
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(__atags_pointer));
	for (i = 0; i < handoff_info.nr_mem; i++) {
		KUNIT_EXPECT_TRUE(test, memblock_is_memory(handoff_info.mem[i].start));
		KUNIT_EXPECT_TRUE(test, memblock_is_memory(handoff_info.mem[i].start +
							   handoff_info.mem[i].size - 1));
	}
	/* The initramfs unpacked the initrd at boot and gave its whole pages back. */
	if (handoff_info.has_initrd && handoff_info.initrd.size >= 2 * PAGE_SIZE) {
		phys_addr_t page = PAGE_ALIGN(handoff_info.initrd.start);

		KUNIT_EXPECT_EQ(test, phys_initrd_size, 0);
		KUNIT_EXPECT_FALSE(test, memblock_is_reserved(page));
		KUNIT_EXPECT_FALSE(test, PageReserved(phys_to_page(page)));
	}
}

static struct kunit_case handoff_cases[] = {
	KUNIT_CASE(handoff_fdt_valid),
	KUNIT_CASE(handoff_fdt_truncated),
	KUNIT_CASE(handoff_fdt_corrupt_header),
	KUNIT_CASE(handoff_fdt_bit_flips),
	KUNIT_CASE(handoff_atags),
	KUNIT_CASE(handoff_boot_result),
	{}
};

static struct kunit_suite handoff_suite = {
	.name = "handoff",
	.test_cases = handoff_cases,
};
kunit_test_suite(handoff_suite);
