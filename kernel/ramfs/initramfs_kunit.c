/*
 * KUnit suite "initramfs": initramfs_unpack() on archives built here —
 * regular files arrive byte for byte, directories and links do not become
 * files, and a truncated archive, a bad header (each kind, with the
 * message it gets) or an allocation failure part-way leaves no file
 * behind (the suite-wide invariants check that no memory is left
 * either). The parser's own rules are tested on the host
 * (tests/host/cpio/test_cpio.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/initrd.h>
#include <linux/mm.h>
#include <linux/stat.h>
#include <linux/vmalloc.h>
#include <mica/kunit.h>
#include <mica/kunit_log.h>
#include <mica/mm_check.h>
#include <mica/ramfs.h>
#include <string.h>

#define T "kunit-initramfs/"
#define ARCHIVE_MAX (16 * 1024)

struct archive {
	char *buf;
	size_t len;
};

static void put_padding(struct archive *a)
{
	while (a->len % 4)
		a->buf[a->len++] = '\0';
}

/* Append one newc entry (the test keeps its archives below ARCHIVE_MAX). */
static void put_entry(struct archive *a, const char *name, unsigned int mode,
		      const void *data, size_t size)
{
	size_t namesize = strlen(name) + 1;

	a->len += scnprintf(a->buf + a->len, ARCHIVE_MAX - a->len,
			    "070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
			    1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u, namesize, 0u);
	memcpy(a->buf + a->len, name, namesize);
	a->len += namesize;
	put_padding(a);
	if (size)
		memcpy(a->buf + a->len, data, size);
	a->len += size;
	put_padding(a);
}

static u8 pattern[5000];

/* Two files, a directory, a symbolic link, then the trailer. */
static struct archive sample_archive(void)
{
	struct archive a = { vmalloc(ARCHIVE_MAX), 0 };

	for (size_t i = 0; i < sizeof(pattern); i++)
		pattern[i] = (u8)(i * 7 + 3);
	if (!a.buf)
		return a;
	put_entry(&a, ".", S_IFDIR | 0755, NULL, 0);
	put_entry(&a, T "hello.ko", S_IFREG | 0644, pattern, sizeof(pattern));
	put_entry(&a, T "dir", S_IFDIR | 0755, NULL, 0);
	put_entry(&a, T "dir/link", S_IFLNK | 0777, "../hello.ko", 11);
	put_entry(&a, T "dir/three", S_IFREG | 0600, "abc", 3);
	put_entry(&a, "TRAILER!!!", 0, NULL, 0);
	return a;
}

static unsigned int count_test_files(void)
{
	const struct ramfs_file *f;
	unsigned int n = 0;

	ramfs_for_each_file(f)
		n += !strncmp(f->name, T, strlen(T));
	return n;
}

static void remove_test_files(void)
{
	ramfs_remove_glob(T "*");
}

static void unpacks_regular_files(struct kunit *test)
{
	struct archive a = sample_archive();
	const struct ramfs_file *f;

	KUNIT_ASSERT_NOT_NULL(test, a.buf);
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, a.len), 2);
	KUNIT_EXPECT_EQ(test, count_test_files(), 2);
	f = ramfs_lookup(T "hello.ko");
	KUNIT_EXPECT_NOT_NULL(test, f);
	if (f) {
		KUNIT_EXPECT_EQ(test, f->size, sizeof(pattern));
		KUNIT_EXPECT_EQ(test, memcmp(f->data, pattern, sizeof(pattern)), 0);
		KUNIT_EXPECT_STREQ(test, f->source, "initramfs");
		ramfs_put(f);
	}
	f = ramfs_lookup(T "dir/three");
	KUNIT_EXPECT_NOT_NULL(test, f);
	if (f) {
		KUNIT_EXPECT_EQ(test, f->mode, 0600);
		ramfs_put(f);
	}
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "dir/link"));
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "dir"));
	remove_test_files();
	vfree(a.buf);
}

/*
 * Cut in a header, a name, the data, between entries, in the trailer: the
 * archive adds nothing (the host test cuts at every byte).
 */
static void truncated_archive_adds_nothing(struct kunit *test)
{
	struct archive a = sample_archive();
	size_t cuts[] = { 1, 60, 113, 120, 2000, 0, 0, 0 };

	KUNIT_ASSERT_NOT_NULL(test, a.buf);
	cuts[5] = a.len - 120;
	cuts[6] = a.len - 8;
	cuts[7] = a.len - 1;
	for (unsigned int i = 0; i < ARRAY_SIZE(cuts); i++) {
		KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, cuts[i]), -EINVAL);
		KUNIT_EXPECT_EQ(test, count_test_files(), 0);
	}
	vfree(a.buf);
}

/* Write @value as the 8 hex digits of header field @field of the entry at @entry. */
static void set_field(struct archive *a, size_t entry, unsigned int field, u32 value)
{
	char hex[9];

	snprintf(hex, sizeof(hex), "%08x", value);
	memcpy(a->buf + entry + 6 + 8 * field, hex, 8);
}

/*
 * Each kind of bad header: the whole archive is refused with a message
 * saying what and where (the files before it are not kept either).
 */
static void bad_headers_add_nothing(struct kunit *test)
{
	static const u8 gzip_magic[] = { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0 };
	struct archive a = sample_archive();
	const size_t second = 112;	/* "." is the first entry: 110 + 2 bytes of name */
	size_t trailer;
	u64 since;

	KUNIT_ASSERT_NOT_NULL(test, a.buf);
	trailer = a.len - 124;		/* 110 + "TRAILER!!!\0", padded */
	since = printk_log_next_seq();
	a.buf[second + 20] = 'x';	/* not a hex digit in the mode field */
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, a.len), -EINVAL);
	a.buf[second + 20] = '0';
	a.buf[second] = '1';		/* bad magic */
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, a.len), -EINVAL);
	a.buf[second] = '0';
	KUNIT_EXPECT_EQ(test, initramfs_unpack(gzip_magic, sizeof(gzip_magic)), -EINVAL);
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, 0), -EINVAL);
	set_field(&a, trailer, 11, 300);	/* the trailer's name runs past the end */
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, a.len), -EINVAL);
	set_field(&a, trailer, 11, 11);
	set_field(&a, second, 6, a.len);	/* hello.ko's data runs past the end */
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, a.len), -EINVAL);
	set_field(&a, second, 6, sizeof(pattern));
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, trailer), -EINVAL);	/* no trailer */
	KUNIT_EXPECT_EQ(test, count_test_files(), 0);
	KUNIT_EXPECT_LOGGED(test, since,
			    "Initramfs unpacking failed: bad mode field (not 8 hex digits) "
			    "(at offset 126): no files added",
			    "Initramfs unpacking failed: bad magic: not a newc cpio archive "
			    "(at offset 112): no files added",
			    "Initramfs unpacking failed: gzip-compressed archive: not supported, "
			    "pack it uncompressed (at offset 0): no files added",
			    "Initramfs unpacking failed: empty archive (at offset 0): no files added",
			    "Initramfs unpacking failed: truncated name (at offset *): no files added",
			    "Initramfs unpacking failed: truncated data (at offset 112, entry '"
			    T "hello.ko'): no files added",
			    "Initramfs unpacking failed: no TRAILER!!! entry at the end (cut short?) "
			    "(at offset *): no files added");
	/* Repaired, the same bytes unpack. */
	KUNIT_EXPECT_EQ(test, initramfs_unpack(a.buf, a.len), 2);
	remove_test_files();
	vfree(a.buf);
}

/* An allocation failing at any point takes back the files already added. */
static void allocation_failure_takes_back(struct kunit *test)
{
	struct archive a = sample_archive();
	unsigned long nth;
	int ret = -ENOMEM;

	KUNIT_ASSERT_NOT_NULL(test, a.buf);
	for (nth = 1; nth < 64 && ret < 0; nth++) {
		fail_page_alloc_test_nth(nth);
		ret = initramfs_unpack(a.buf, a.len);
		fail_page_alloc_test_restore();
		if (ret < 0) {
			KUNIT_EXPECT_EQ(test, ret, -ENOMEM);
			KUNIT_EXPECT_EQ(test, count_test_files(), 0);
		}
	}
	KUNIT_EXPECT_EQ(test, ret, 2);		/* once nothing failed, all arrived */
	KUNIT_EXPECT_GT(test, nth, 2);		/* and at least one try failed */
	remove_test_files();
	vfree(a.buf);
}

static void exit_case(struct kunit *test)
{
	remove_test_files();
}

static struct kunit_case initramfs_cases[] = {
	KUNIT_CASE(unpacks_regular_files),
	KUNIT_CASE(truncated_archive_adds_nothing),
	KUNIT_CASE(bad_headers_add_nothing),
	KUNIT_CASE(allocation_failure_takes_back),
	{}
};
static struct kunit_suite initramfs_suite = {
	.name = "initramfs",
	.exit = exit_case,
	.test_cases = initramfs_cases,
};
kunit_test_suite(initramfs_suite);
