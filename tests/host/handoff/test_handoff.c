/*
 * Host unit tests for the boot hand-off parsers: the read-only FDT parser
 * (lib/fdt.c), the DTB hand-off (arch/arm/handoff_fdt.c) and the ATAGS
 * walker (arch/arm/atags.c).
 *
 * Blobs are built here, byte by byte, so each corruption is exact. Every
 * blob handed to a parser sits in a heap buffer of exactly the size the
 * parser is told it may read: AddressSanitizer turns any read past it into
 * a failure. Besides named corruptions, every valid blob is also fed cut
 * at every length and with every single byte flipped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
/* glibc's sys/cdefs.h and the kernel's compiler.h both define these. */
#undef __always_inline
#undef __packed
#undef __aligned
#include <linux/libfdt.h>
#include <asm/handoff.h>

/* ---- a tiny DTB writer ---- */

struct dtb {
	u8 st[4096];	/* structure block */
	size_t st_len;
	char str[1024];	/* strings block */
	size_t str_len;
	u64 rsv[8][2];
	int nr_rsv;
};

static void put32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void st_word(struct dtb *d, u32 v)
{
	put32(d->st + d->st_len, v);
	d->st_len += 4;
}

static void st_bytes(struct dtb *d, const void *p, size_t n)
{
	memcpy(d->st + d->st_len, p, n);
	d->st_len += n;
	while (d->st_len % 4)
		d->st[d->st_len++] = 0;
}

static void begin_node(struct dtb *d, const char *name)
{
	st_word(d, FDT_BEGIN_NODE);
	st_bytes(d, name, strlen(name) + 1);
}

static void end_node(struct dtb *d)
{
	st_word(d, FDT_END_NODE);
}

static u32 string_offset(struct dtb *d, const char *name)
{
	size_t off = 0;

	while (off < d->str_len) {
		if (!strcmp(d->str + off, name))
			return (u32)off;
		off += strlen(d->str + off) + 1;
	}
	strcpy(d->str + d->str_len, name);
	d->str_len += strlen(name) + 1;
	return (u32)off;
}

static void prop(struct dtb *d, const char *name, const void *val, size_t len)
{
	st_word(d, FDT_PROP);
	st_word(d, (u32)len);
	st_word(d, string_offset(d, name));
	st_bytes(d, val, len);
}

static void prop_str(struct dtb *d, const char *name, const char *s)
{
	prop(d, name, s, strlen(s) + 1);
}

static void prop_cells(struct dtb *d, const char *name, int n, ...)
{
	u8 buf[64];
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		put32(buf + 4 * i, va_arg(ap, u32));
	va_end(ap);
	prop(d, name, buf, 4 * (size_t)n);
}

/* Header (40) + reservation map + structure + strings, as dtc lays it out. */
static u8 *dtb_finish(struct dtb *d, size_t *size)
{
	size_t rsv_off = 40, rsv_len = 16 * ((size_t)d->nr_rsv + 1);
	size_t st_off = rsv_off + rsv_len, str_off = st_off + d->st_len + 4;
	size_t total = str_off + d->str_len;
	u8 *b = calloc(1, total);
	int i;

	put32(b + 0, FDT_MAGIC);
	put32(b + 4, (u32)total);
	put32(b + 8, (u32)st_off);
	put32(b + 12, (u32)str_off);
	put32(b + 16, (u32)rsv_off);
	put32(b + 20, 17);
	put32(b + 24, 16);
	put32(b + 28, 0);
	put32(b + 32, (u32)d->str_len);
	put32(b + 36, (u32)d->st_len + 4);
	for (i = 0; i < d->nr_rsv; i++) {
		put32(b + rsv_off + 16 * i, (u32)(d->rsv[i][0] >> 32));
		put32(b + rsv_off + 16 * i + 4, (u32)d->rsv[i][0]);
		put32(b + rsv_off + 16 * i + 8, (u32)(d->rsv[i][1] >> 32));
		put32(b + rsv_off + 16 * i + 12, (u32)d->rsv[i][1]);
	}
	memcpy(b + st_off, d->st, d->st_len);
	put32(b + st_off + d->st_len, FDT_END);
	memcpy(b + str_off, d->str, d->str_len);
	*size = total;
	return b;
}

/* The DTB QEMU's virt machine hands over, reduced to what matters here. */
static void build_virt(struct dtb *d, const char *bootargs)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	prop_cells(d, "#address-cells", 1, 2);
	prop_cells(d, "#size-cells", 1, 2);
	prop_str(d, "model", "linux,dummy-virt");
	begin_node(d, "psci");
	prop_str(d, "method", "hvc");
	prop(d, "compatible", "arm,psci-1.0\0arm,psci-0.2\0arm,psci",
	     sizeof("arm,psci-1.0\0arm,psci-0.2\0arm,psci"));
	end_node(d);
	begin_node(d, "memory@40000000");
	prop_str(d, "device_type", "memory");
	prop_cells(d, "reg", 4, 0, 0x40000000, 0, 0x30000000);
	end_node(d);
	begin_node(d, "chosen");
	if (bootargs)
		prop_str(d, "bootargs", bootargs);
	prop_cells(d, "linux,initrd-start", 1, 0x48000000);
	prop_cells(d, "linux,initrd-end", 1, 0x48100000);
	end_node(d);
	end_node(d);
}

static u8 *virt_blob(size_t *size)
{
	struct dtb d;

	build_virt(&d, "console=ttyAMA0 loglevel=7");
	return dtb_finish(&d, size);
}

/* Parse @len bytes of @blob from an exact-size copy (ASan bounds). */
static int parse_fdt_copy(const u8 *blob, size_t len, struct handoff_info *info, const char **why)
{
	u8 *copy = malloc(len ? len : 1);
	int r;

	memcpy(copy, blob, len);
	r = handoff_parse_fdt(copy, len, info, why);
	free(copy);
	return r;
}

static int parse_atags_copy(const void *blob, size_t len, struct handoff_info *info, const char **why)
{
	u8 *copy = malloc(len ? len : 1);
	int r;

	memcpy(copy, blob, len);
	r = handoff_parse_atags(copy, len, info, why);
	free(copy);
	return r;
}

/* ---- FDT: valid blobs ---- */

static void fdt_valid_virt(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	size_t size;
	u8 *b = virt_blob(&size);

	assert_int_equal(parse_fdt_copy(b, size, &info, &why), 0);
	assert_int_equal(info.blob_size, size);
	assert_string_equal(info.model, "linux,dummy-virt");
	assert_int_equal(info.nr_mem, 1);
	assert_int_equal(info.mem[0].start, 0x40000000);
	assert_int_equal(info.mem[0].size, 0x30000000);
	assert_true(info.has_cmdline);
	assert_false(info.cmdline_truncated);
	assert_string_equal(info.cmdline, "console=ttyAMA0 loglevel=7");
	assert_true(info.has_initrd);
	assert_int_equal(info.initrd.start, 0x48000000);
	assert_int_equal(info.initrd.size, 0x100000);
	assert_string_equal(info.psci_method, "hvc");
	assert_int_equal(info.nr_rsv, 0);
	free(b);
}

static void fdt_lookups(void **state)
{
	size_t size;
	u8 *b = virt_blob(&size);
	int root, mem, len;
	const u8 *reg;

	assert_int_equal(fdt_check_header(b, size), 0);
	root = fdt_path_offset(b, "/");
	assert_true(root >= 0);
	assert_int_equal(fdt_address_cells(b, root), 2);
	assert_int_equal(fdt_size_cells(b, root), 2);
	mem = fdt_path_offset(b, "/memory");
	assert_true(mem >= 0);
	assert_int_equal(fdt_path_offset(b, "/memory@40000000"), mem);
	assert_int_equal(fdt_path_offset(b, "/memory@50000000"), -FDT_ERR_NOTFOUND);
	assert_string_equal(fdt_get_name(b, mem, &len), "memory@40000000");
	assert_int_equal(len, 15);
	reg = fdt_getprop(b, mem, "reg", &len);
	assert_non_null(reg);
	assert_int_equal(len, 16);
	assert_int_equal(fdt_read_number(reg, 2), 0x40000000);
	assert_null(fdt_getprop(b, mem, "nonexistent", &len));
	assert_int_equal(len, -FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(b, "chosen"), -FDT_ERR_BADPATH);
	assert_int_equal(fdt_node_check_compatible(b, fdt_path_offset(b, "/psci"), "arm,psci-0.2"), 0);
	assert_int_equal(fdt_node_check_compatible(b, fdt_path_offset(b, "/psci"), "arm,psci-0"), 1);
	assert_int_equal(fdt_node_offset_by_compatible(b, -1, "arm,psci"), fdt_path_offset(b, "/psci"));
	assert_int_equal(fdt_node_offset_by_compatible(b, -1, "samsung,secure-firmware"), -FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_num_mem_rsv(b), 0);
	free(b);
}

static void fdt_one_cell_banks_and_memreserve(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct dtb d;
	size_t size;
	u8 *b;

	memset(&d, 0, sizeof(d));
	begin_node(&d, "");
	prop_cells(&d, "#address-cells", 1, 1);
	prop_cells(&d, "#size-cells", 1, 1);
	begin_node(&d, "memory");
	prop_cells(&d, "reg", 4, 0x40000000, 0x20000000, 0x60000000, 0x20000000);
	end_node(&d);
	begin_node(&d, "ram");	/* found by device_type, not by name */
	prop_str(&d, "device_type", "memory");
	prop_cells(&d, "reg", 2, 0x80000000, 0x100000);
	end_node(&d);
	end_node(&d);
	d.rsv[0][0] = 0x4f000000;
	d.rsv[0][1] = 0x1000;
	d.rsv[1][0] = 0x123400000ULL;	/* above 4 GiB: dropped */
	d.rsv[1][1] = 0x1000;
	d.nr_rsv = 2;
	b = dtb_finish(&d, &size);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), 0);
	assert_int_equal(info.nr_mem, 3);
	assert_int_equal(info.mem[1].start, 0x60000000);
	assert_int_equal(info.mem[2].start, 0x80000000);
	assert_int_equal(info.mem[2].size, 0x100000);
	assert_false(info.has_cmdline);
	assert_false(info.has_initrd);
	assert_string_equal(info.model, "");
	assert_int_equal(info.nr_rsv, 1);
	assert_int_equal(info.rsv[0].start, 0x4f000000);
	free(b);
}

static void fdt_bank_above_4g_is_clipped_or_dropped(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct dtb d;
	size_t size;
	u8 *b;

	memset(&d, 0, sizeof(d));
	begin_node(&d, "");
	begin_node(&d, "memory@c0000000");	/* default cells: 2 address, 1 size */
	prop_cells(&d, "reg", 6, 0, 0xc0000000, 0x80000000, 1, 0, 0x1000);
	end_node(&d);
	end_node(&d);
	b = dtb_finish(&d, &size);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), 0);
	assert_int_equal(info.nr_mem, 1);
	assert_int_equal(info.mem[0].start, 0xc0000000);
	assert_int_equal(info.mem[0].size, 0x40000000);
	free(b);
}

static void fdt_empty_bootargs_is_no_cmdline(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct dtb d;
	size_t size;
	u8 *b;

	build_virt(&d, "");
	b = dtb_finish(&d, &size);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), 0);
	assert_false(info.has_cmdline);
	free(b);
}

static void fdt_long_bootargs_truncated(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	char args[1500];
	struct dtb d;
	size_t size;
	u8 *b;

	memset(args, 'x', sizeof(args) - 1);
	args[sizeof(args) - 1] = '\0';
	build_virt(&d, args);
	b = dtb_finish(&d, &size);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), 0);
	assert_true(info.cmdline_truncated);
	assert_int_equal(strlen(info.cmdline), HANDOFF_CMDLINE_SIZE - 1);
	free(b);
}

/* ---- FDT: corrupt blobs ---- */

#define HDR_TOTALSIZE 4
#define HDR_OFF_STRUCT 8
#define HDR_OFF_STRINGS 12
#define HDR_OFF_RSV 16
#define HDR_VERSION 20
#define HDR_LAST_COMP 24
#define HDR_SIZE_STRINGS 32
#define HDR_SIZE_STRUCT 36

static u32 get32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/* Patch a header word of the virt blob and expect rejection. */
static void expect_header_rejected(u32 field, u32 value, const char *want_why)
{
	struct handoff_info info;
	const char *why = NULL;
	size_t size;
	u8 *b = virt_blob(&size);

	put32(b + field, value);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), -22);
	assert_non_null(why);
	if (want_why)
		assert_string_equal(why, want_why);
	free(b);
}

static void fdt_bad_headers(void **state)
{
	size_t size;
	u8 *b = virt_blob(&size);
	u32 st = get32(b + HDR_OFF_STRUCT);

	free(b);
	expect_header_rejected(0, 0xd00dfeee, "bad magic");
	expect_header_rejected(HDR_VERSION, 16, "unsupported version");
	expect_header_rejected(HDR_LAST_COMP, 18, "unsupported version");
	expect_header_rejected(HDR_TOTALSIZE, (u32)size + 1, "truncated");
	expect_header_rejected(HDR_TOTALSIZE, 0xffffffff, "bad layout");
	expect_header_rejected(HDR_TOTALSIZE, 8, "bad layout");
	expect_header_rejected(HDR_OFF_STRUCT, (u32)size, "bad layout");
	expect_header_rejected(HDR_OFF_STRUCT, st + 2, "bad layout");
	expect_header_rejected(HDR_OFF_STRUCT, 0xfffffff0, "bad layout");
	expect_header_rejected(HDR_SIZE_STRUCT, 0xfffffffc, "bad layout");
	expect_header_rejected(HDR_SIZE_STRUCT, 6, "bad layout");
	expect_header_rejected(HDR_OFF_STRINGS, 0xffffff00, "bad layout");
	expect_header_rejected(HDR_SIZE_STRINGS, 0x7fffffff, "bad layout");
	expect_header_rejected(HDR_OFF_RSV, 4, "bad layout");
	expect_header_rejected(HDR_OFF_RSV, 44, "bad layout");
	/* The structure block cut short: the tree does not end. */
	expect_header_rejected(HDR_SIZE_STRUCT, 64, NULL);
}

/* Build a virt-like tree, let @corrupt damage the builder, expect rejection. */
static void expect_tree_rejected(void (*corrupt)(struct dtb *d), const char *want_why)
{
	struct handoff_info info;
	const char *why = NULL;
	struct dtb d;
	size_t size;
	u8 *b;

	build_virt(&d, "a=b");
	corrupt(&d);
	b = dtb_finish(&d, &size);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), -22);
	assert_non_null(why);
	if (want_why)
		assert_string_equal(why, want_why);
	free(b);
}

static void unknown_token(struct dtb *d) { st_word(d, 0x77); }
static void second_root(struct dtb *d) { begin_node(d, ""); end_node(d); }
static void unclosed_node(struct dtb *d) { d->st_len -= 4; }	/* drop the root's END_NODE */
static void extra_node_open(struct dtb *d) { d->st_len -= 4; begin_node(d, "x"); }
static void cells_three(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	prop_cells(d, "#address-cells", 1, 3);
	begin_node(d, "memory");
	prop_cells(d, "reg", 4, 0, 0, 0x40000000, 0x1000);
	end_node(d);
	end_node(d);
}
static void cells_wrong_length(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	prop(d, "#address-cells", "\0\0\0\1\0", 5);
	end_node(d);
}
static void reg_odd_length(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "memory");
	prop_cells(d, "reg", 2, 0x40000000, 0x1000);	/* needs 3 cells per entry */
	end_node(d);
	end_node(d);
}
static void memory_without_reg(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "memory@0");
	prop_str(d, "device_type", "memory");
	end_node(d);
	end_node(d);
}
static void too_many_banks(struct dtb *d)
{
	int i;

	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	prop_cells(d, "#address-cells", 1, 1);
	prop_cells(d, "#size-cells", 1, 1);
	begin_node(d, "memory");
	st_word(d, FDT_PROP);
	st_word(d, 8 * (HANDOFF_MAX_BANKS + 1));
	st_word(d, string_offset(d, "reg"));
	for (i = 0; i <= HANDOFF_MAX_BANKS; i++) {
		st_word(d, 0x40000000 + 0x1000000 * i);
		st_word(d, 0x1000);
	}
	end_node(d);
	end_node(d);
}
static void bootargs_unterminated(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "chosen");
	prop(d, "bootargs", "abc", 3);
	end_node(d);
	end_node(d);
}
static void initrd_backwards(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "chosen");
	prop_cells(d, "linux,initrd-start", 1, 0x48100000);
	prop_cells(d, "linux,initrd-end", 1, 0x48000000);
	end_node(d);
	end_node(d);
}
static void initrd_half(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "chosen");
	prop_cells(d, "linux,initrd-start", 1, 0x48000000);
	end_node(d);
	end_node(d);
}
static void initrd_three_bytes(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "chosen");
	prop(d, "linux,initrd-start", "\0\0\1", 3);
	prop_cells(d, "linux,initrd-end", 1, 0x48000000);
	end_node(d);
	end_node(d);
}
static void prop_len_huge(struct dtb *d)
{
	st_word(d, FDT_PROP);
	st_word(d, 0xfffffff0);
	st_word(d, 0);
}
static void prop_name_outside_strings(struct dtb *d)
{
	memset(d, 0, sizeof(*d));
	begin_node(d, "");
	begin_node(d, "chosen");
	st_word(d, FDT_PROP);
	st_word(d, 4);
	st_word(d, 0x10000);
	st_word(d, 0);
	end_node(d);
	end_node(d);
}
static void memreserve_unterminated(struct dtb *d)
{
	/* dtb_finish writes nr_rsv entries and a terminator: fill the terminator too. */
	d->rsv[0][0] = 0x40000000;
	d->rsv[0][1] = 0x1000;
	d->nr_rsv = 1;
}

static void fdt_corrupt_trees(void **state)
{
	expect_tree_rejected(unknown_token, "bad structure");
	expect_tree_rejected(second_root, "bad structure");
	expect_tree_rejected(unclosed_node, "truncated");
	expect_tree_rejected(extra_node_open, "truncated");
	expect_tree_rejected(cells_three, "unsupported #address-cells/#size-cells");
	expect_tree_rejected(cells_wrong_length, "unsupported #address-cells/#size-cells");
	expect_tree_rejected(reg_odd_length, "bad /memory reg property");
	expect_tree_rejected(memory_without_reg, "bad /memory reg property");
	expect_tree_rejected(too_many_banks, "too many memory banks");
	expect_tree_rejected(bootargs_unterminated, "/chosen/bootargs is not a string");
	expect_tree_rejected(initrd_backwards, "bad linux,initrd-start/-end");
	expect_tree_rejected(initrd_half, "bad linux,initrd-start/-end");
	expect_tree_rejected(initrd_three_bytes, "bad linux,initrd-start/-end");
	expect_tree_rejected(prop_len_huge, NULL);
	expect_tree_rejected(prop_name_outside_strings, NULL);
}

static void fdt_memreserve_without_end(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct dtb d;
	size_t size;
	u8 *b;

	build_virt(&d, NULL);
	memreserve_unterminated(&d);
	b = dtb_finish(&d, &size);
	/* Overwrite the terminating entry (just before the structure block). */
	put32(b + get32(b + HDR_OFF_STRUCT) - 4, 0x1000);
	assert_int_equal(parse_fdt_copy(b, size, &info, &why), -22);
	assert_string_equal(why, "memory reservation block has no end");
	free(b);
}

/* Every prefix of a valid blob is rejected, and nothing outside it is read. */
static void fdt_truncated_everywhere(void **state)
{
	struct handoff_info info;
	const char *why;
	size_t size, len;
	u8 *b = virt_blob(&size);

	for (len = 0; len < size; len++) {
		why = NULL;
		assert_int_equal(parse_fdt_copy(b, len, &info, &why), -22);
		assert_non_null(why);
	}
	free(b);
}

/* Every single-byte corruption either parses or is rejected; never a crash. */
static void fdt_every_byte_flipped(void **state)
{
	struct handoff_info info;
	const char *why;
	size_t size, i;
	u8 *b = virt_blob(&size);
	int rejected = 0;
	static const u8 masks[] = { 0x01, 0x80, 0xff };

	for (i = 0; i < size; i++) {
		for (size_t m = 0; m < sizeof(masks); m++) {
			b[i] ^= masks[m];
			why = NULL;
			if (parse_fdt_copy(b, size, &info, &why)) {
				assert_non_null(why);
				rejected++;
			} else {
				assert_true(info.nr_mem <= HANDOFF_MAX_BANKS);
				assert_true(strlen(info.cmdline) < HANDOFF_CMDLINE_SIZE);
			}
			b[i] ^= masks[m];
		}
	}
	assert_true(rejected > 0);
	free(b);
}

/* ---- ATAGS ---- */

struct atags {
	u32 w[512];
	size_t n;
};

static void tag(struct atags *a, u32 tagnum, u32 words, const u32 *data)
{
	a->w[a->n++] = words;
	a->w[a->n++] = tagnum;
	if (words > 2)
		memcpy(&a->w[a->n], data, (words - 2) * 4);
	a->n += words - 2;
}

static void tag_cmdline(struct atags *a, const char *s)
{
	size_t words = 2 + (strlen(s) + 1 + 3) / 4;

	a->w[a->n++] = (u32)words;
	a->w[a->n++] = ATAG_CMDLINE;
	memset(&a->w[a->n], 0, (words - 2) * 4);
	memcpy(&a->w[a->n], s, strlen(s) + 1);
	a->n += words - 2;
}

/*
 * What U-Boot's bootm passes on the FS4412. Word layout: CORE 0-4, MEM 5-8
 * (size, tag, bank size, bank start), REVISION 9-11, then CMDLINE from 12
 * if given, INITRD2 (size, tag, start, size), NONE.
 */
static void build_fs4412(struct atags *a, const char *cmdline)
{
	static const u32 core[3] = { 0, 4096, 0 }, mem[2] = { 0x40000000, 0x40000000 };
	static const u32 initrd[2] = { 0x42000000, 0x200000 };

	a->n = 0;
	tag(a, ATAG_CORE, 5, core);
	tag(a, ATAG_MEM, 4, mem);
	tag(a, 0x54410008, 3, (const u32[]){ 0x1234 });	/* ATAG_REVISION: skipped */
	if (cmdline)
		tag_cmdline(a, cmdline);
	tag(a, ATAG_INITRD2, 4, initrd);
	a->w[a->n++] = 0;	/* ATAG_NONE: size word 0, then the tag */
	a->w[a->n++] = ATAG_NONE;
}

static void atags_valid(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct atags a;

	build_fs4412(&a, "console=ttySAC2,115200 loglevel=7");
	assert_true(atags_look_valid(a.w, a.n * 4));
	assert_int_equal(parse_atags_copy(a.w, a.n * 4, &info, &why), 0);
	assert_int_equal(info.blob_size, a.n * 4);
	assert_int_equal(info.nr_mem, 1);
	assert_int_equal(info.mem[0].start, 0x40000000);
	assert_int_equal(info.mem[0].size, 0x40000000);
	assert_true(info.has_cmdline);
	assert_string_equal(info.cmdline, "console=ttySAC2,115200 loglevel=7");
	assert_true(info.has_initrd);
	assert_int_equal(info.initrd.start, 0x42000000);
	assert_int_equal(info.initrd.size, 0x200000);
}

static void atags_short_core_no_cmdline(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct atags a = { .n = 0 };

	tag(&a, ATAG_CORE, 2, NULL);
	tag(&a, ATAG_MEM, 4, (const u32[]){ 0x10000000, 0x40000000 });
	tag(&a, ATAG_MEM, 4, (const u32[]){ 0x10000000, 0x60000000 });
	tag_cmdline(&a, "");
	a.w[a.n++] = 0;
	a.w[a.n++] = ATAG_NONE;
	assert_int_equal(parse_atags_copy(a.w, a.n * 4, &info, &why), 0);
	assert_int_equal(info.nr_mem, 2);
	assert_int_equal(info.mem[1].start, 0x60000000);
	assert_false(info.has_cmdline);
	assert_false(info.has_initrd);
}

static void expect_atags_rejected(struct atags *a, size_t bytes, const char *want_why)
{
	struct handoff_info info;
	const char *why = NULL;

	assert_int_equal(parse_atags_copy(a->w, bytes, &info, &why), -22);
	assert_non_null(why);
	assert_string_equal(why, want_why);
}

static void atags_corrupt(void **state)
{
	struct atags a;
	size_t none_at;

	build_fs4412(&a, "x=1");
	a.w[1] = ATAG_MEM;
	expect_atags_rejected(&a, a.n * 4, "does not start with ATAG_CORE");

	build_fs4412(&a, "x=1");
	a.w[0] = 7;
	expect_atags_rejected(&a, a.n * 4, "does not start with ATAG_CORE");

	build_fs4412(&a, "x=1");
	a.w[5] = 1;	/* ATAG_MEM's size word */
	expect_atags_rejected(&a, a.n * 4, "a tag is smaller than its header");

	build_fs4412(&a, "x=1");
	a.w[5] = 3;
	expect_atags_rejected(&a, a.n * 4, "ATAG_MEM has the wrong size");

	build_fs4412(&a, "x=1");
	a.w[5] = 0x40000000;	/* runs far past the buffer */
	expect_atags_rejected(&a, a.n * 4, "truncated: a tag runs past the end");

	build_fs4412(&a, "x=1");
	a.w[8] = 0xf0000000;	/* bank start: 0xf0000000 + 1 GiB > 4 GiB */
	expect_atags_rejected(&a, a.n * 4, "ATAG_MEM bank runs past 4 GiB");

	build_fs4412(&a, "abcdefg");	/* 8 bytes with NUL: exactly two words */
	memset(&a.w[14], 'z', 8);	/* overwrite the NUL */
	expect_atags_rejected(&a, a.n * 4, "ATAG_CMDLINE is not terminated");

	build_fs4412(&a, NULL);
	a.w[15] = 0;	/* INITRD2 size 0 */
	expect_atags_rejected(&a, a.n * 4, "bad ATAG_INITRD2");

	build_fs4412(&a, NULL);
	a.w[10] = ATAG_CORE;	/* the revision tag becomes a second ATAG_CORE */
	expect_atags_rejected(&a, a.n * 4, "ATAG_CORE after the start of the list");

	/* No ATAG_NONE: the list just stops at the end of the buffer. */
	build_fs4412(&a, "x=1");
	none_at = a.n - 2;
	expect_atags_rejected(&a, none_at * 4, "truncated: no ATAG_NONE before the end");
}

static void atags_truncated_everywhere(void **state)
{
	struct handoff_info info;
	const char *why;
	struct atags a;
	size_t len;

	build_fs4412(&a, "console=ttySAC2,115200");
	for (len = 0; len < a.n * 4; len++) {
		why = NULL;
		assert_int_equal(parse_atags_copy(a.w, len, &info, &why), -22);
		assert_non_null(why);
	}
}

static void atags_every_byte_flipped(void **state)
{
	struct handoff_info info;
	const char *why;
	struct atags a;
	u8 *b = (u8 *)a.w;
	size_t i;
	int rejected = 0;

	build_fs4412(&a, "console=ttySAC2,115200");
	for (i = 0; i < a.n * 4; i++) {
		b[i] ^= 0xff;
		why = NULL;
		if (parse_atags_copy(a.w, a.n * 4, &info, &why)) {
			assert_non_null(why);
			rejected++;
		} else {
			assert_true(info.nr_mem <= HANDOFF_MAX_BANKS);
		}
		b[i] ^= 0xff;
	}
	assert_true(rejected > 0);
}

static void atags_loop_of_empty_tags_ends(void **state)
{
	struct handoff_info info;
	const char *why = NULL;
	struct atags a = { .n = 0 };
	int i;

	tag(&a, ATAG_CORE, 2, NULL);
	for (i = 0; i < 1100 / 2 && a.n < 510; i++)
		tag(&a, 0x12345678, 2, NULL);
	a.w[a.n++] = 0;
	a.w[a.n++] = ATAG_NONE;
	assert_int_equal(parse_atags_copy(a.w, a.n * 4, &info, &why), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fdt_valid_virt),
		cmocka_unit_test(fdt_lookups),
		cmocka_unit_test(fdt_one_cell_banks_and_memreserve),
		cmocka_unit_test(fdt_bank_above_4g_is_clipped_or_dropped),
		cmocka_unit_test(fdt_empty_bootargs_is_no_cmdline),
		cmocka_unit_test(fdt_long_bootargs_truncated),
		cmocka_unit_test(fdt_bad_headers),
		cmocka_unit_test(fdt_corrupt_trees),
		cmocka_unit_test(fdt_memreserve_without_end),
		cmocka_unit_test(fdt_truncated_everywhere),
		cmocka_unit_test(fdt_every_byte_flipped),
		cmocka_unit_test(atags_valid),
		cmocka_unit_test(atags_short_core_no_cmdline),
		cmocka_unit_test(atags_corrupt),
		cmocka_unit_test(atags_truncated_everywhere),
		cmocka_unit_test(atags_every_byte_flipped),
		cmocka_unit_test(atags_loop_of_empty_tags_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
