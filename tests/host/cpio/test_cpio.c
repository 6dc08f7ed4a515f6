/*
 * Host tests of the newc cpio reader (lib/cpio.c), under AddressSanitizer
 * and UBSan: every archive is copied into a buffer of exactly its length,
 * so a read past the end fails the test. Valid archives (one, several
 * concatenated, with leading zeros, the 070702 checksum variant, what
 * tools/mkcpio.py writes) and every kind of damage: truncation at each
 * byte, each header field, names, sizes, magic numbers, junk, alignment.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/errno.h>
#include <linux/stat.h>
#include <mica/cpio.h>

#define MAX_ARCHIVE 65536

struct archive {
	unsigned char buf[MAX_ARCHIVE];
	size_t len;
};

static void pad(struct archive *a)
{
	while (a->len % 4)
		a->buf[a->len++] = 0;
}

static void put_entry_magic(struct archive *a, const char *magic, const char *name,
			    unsigned int mode, const void *data, size_t size, unsigned int check)
{
	size_t namesize = strlen(name) + 1;

	a->len += (size_t)sprintf((char *)a->buf + a->len,
				  "%s%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
				  magic, 7u, mode, 0u, 0u, 1u, 1700000000u, size, 0u, 0u, 0u, 0u,
				  namesize, check);
	memcpy(a->buf + a->len, name, namesize);
	a->len += namesize;
	pad(a);
	if (size)
		memcpy(a->buf + a->len, data, size);
	a->len += size;
	pad(a);
}

static void put_entry(struct archive *a, const char *name, unsigned int mode,
		      const void *data, size_t size)
{
	put_entry_magic(a, "070701", name, mode, data, size, 0);
}

static void put_trailer(struct archive *a)
{
	put_entry(a, "TRAILER!!!", 0, NULL, 0);
}

static unsigned char data1[3000];

/* ".", a 3000-byte file, a directory, an empty file, a symlink, the trailer. */
static void sample(struct archive *a)
{
	for (size_t i = 0; i < sizeof(data1); i++)
		data1[i] = (unsigned char)(i * 13 + 1);
	a->len = 0;
	put_entry(a, ".", S_IFDIR | 0755, NULL, 0);
	put_entry(a, "hello.ko", S_IFREG | 0644, data1, sizeof(data1));
	put_entry(a, "lib", S_IFDIR | 0755, NULL, 0);
	put_entry(a, "lib/empty", S_IFREG | 0600, NULL, 0);
	put_entry(a, "lib/link", S_IFLNK | 0777, "../hello.ko", 11);
	put_trailer(a);
}

struct seen {
	int n;
	char names[8][32];
	size_t sizes[8];
	unsigned int modes[8];
	const void *data[8];
};

static int record(const struct cpio_entry *e, void *arg)
{
	struct seen *s = arg;

	if (s->n < 8) {
		snprintf(s->names[s->n], sizeof(s->names[0]), "%s", e->name);
		s->sizes[s->n] = e->size;
		s->modes[s->n] = e->mode;
		s->data[s->n] = e->data;
	}
	s->n++;
	return 0;
}

/* Parse a copy of exactly @len bytes, so ASan catches any read beyond. */
static int parse_exact(const unsigned char *buf, size_t len, struct seen *s, struct cpio_error *err)
{
	unsigned char *copy = malloc(len ? len : 1);
	int ret;

	assert_non_null(copy);
	memcpy(copy, buf, len);
	memset(s, 0, sizeof(*s));
	ret = cpio_parse(copy, len, record, s, err);
	/* The entry's name in an error points into the copy: keep it. */
	if (ret == -EINVAL && err->name) {
		static char name[64];

		snprintf(name, sizeof(name), "%s", err->name);
		err->name = name;
	}
	/* Entry data points into the copy: check it before the copy goes. */
	for (int i = 0; i < s->n && i < 8; i++)
		if (s->data[i])
			assert_true((const unsigned char *)s->data[i] >= copy &&
				    (const unsigned char *)s->data[i] + s->sizes[i] <= copy + len);
	free(copy);
	return ret;
}

static void valid_archive(void **state)
{
	static struct archive a;
	struct cpio_error err;
	struct seen s;

	sample(&a);
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), 5);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.names[0], ".");
	assert_string_equal(s.names[1], "hello.ko");
	assert_int_equal(s.sizes[1], sizeof(data1));
	assert_int_equal(s.modes[1], S_IFREG | 0644);
	assert_string_equal(s.names[3], "lib/empty");
	assert_int_equal(s.sizes[3], 0);
	assert_int_equal(s.modes[4] & S_IFMT, S_IFLNK);
	/* Without a callback it only checks. */
	assert_int_equal(cpio_parse(a.buf, a.len, NULL, NULL, &err), 5);
}

static int grab_hello(const struct cpio_entry *e, void *arg)
{
	const void **found = arg;

	if (!strcmp(e->name, "hello.ko")) {
		*found = e->data;
		assert_int_equal(e->mtime, 1700000000);
		assert_int_equal(e->ino, 7);
		assert_int_equal(e->nlink, 1);
	}
	return 0;
}

static void entry_data_is_exact(void **state)
{
	static struct archive a;
	struct cpio_error err;
	const void *found = NULL;

	sample(&a);
	assert_int_equal(cpio_parse(a.buf, a.len, grab_hello, &found, &err), 5);
	assert_non_null(found);
	assert_memory_equal(found, data1, sizeof(data1));
}

static void concatenated_and_padded(void **state)
{
	static struct archive a;
	struct cpio_error err;
	struct seen s;

	a.len = 0;
	memset(a.buf, 0, 8);
	a.len = 8;			/* leading zeros */
	put_entry(&a, "one", S_IFREG | 0644, "1", 1);
	put_trailer(&a);
	memset(a.buf + a.len, 0, 512);	/* block padding, as cpio writes */
	a.len += 512;
	put_entry(&a, "two", S_IFREG | 0644, "22", 2);
	put_trailer(&a);
	memset(a.buf + a.len, 0, 4);
	a.len += 4;
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), 2);
	assert_string_equal(s.names[0], "one");
	assert_string_equal(s.names[1], "two");
}

static void empty_archives(void **state)
{
	static const unsigned char zeros[64];
	static struct archive a;
	struct cpio_error err;
	struct seen s;

	assert_int_equal(parse_exact(zeros, 0, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "empty archive");
	assert_int_equal(parse_exact(zeros, sizeof(zeros), &s, &err), -EINVAL);
	assert_string_equal(err.reason, "no archive, only zero bytes");
	a.len = 0;
	put_trailer(&a);		/* only a trailer: valid, no entries */
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), 0);
}

/* Every prefix of a valid archive is refused, and nothing past it is read. */
static void truncated_at_every_byte(void **state)
{
	static struct archive a;
	struct cpio_error err;
	struct seen s;

	sample(&a);
	for (size_t cut = 0; cut < a.len; cut++) {
		int ret = parse_exact(a.buf, cut, &s, &err);

		if (ret != -EINVAL)
			fail_msg("prefix of %zu bytes accepted (%d)", cut, ret);
		assert_non_null(err.reason);
		assert_true(err.offset <= cut);
	}
}

static void magic_numbers(void **state)
{
	static const unsigned char gzip[] = { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3 };
	static const unsigned char binary[] = { 0xc7, 0x71, 0, 0, 0, 0, 0, 0 };
	static struct archive a;
	struct cpio_error err;
	struct seen s;

	assert_int_equal(parse_exact(gzip, sizeof(gzip), &s, &err), -EINVAL);
	assert_non_null(strstr(err.reason, "gzip"));
	assert_int_equal(parse_exact(binary, sizeof(binary), &s, &err), -EINVAL);
	assert_non_null(strstr(err.reason, "old binary"));
	a.len = 0;
	put_entry_magic(&a, "070707", "x", S_IFREG, "x", 1, 0);
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), -EINVAL);
	assert_non_null(strstr(err.reason, "odc"));
	assert_int_equal(parse_exact((const unsigned char *)"hello, world", 12, &s, &err), -EINVAL);
	assert_non_null(strstr(err.reason, "bad magic"));
	/* A bad magic in the second entry stops the walk there, before any callback. */
	sample(&a);
	a.buf[112] = 'X';
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), -EINVAL);
	assert_int_equal(err.offset, 112);
	assert_int_equal(s.n, 1);
}

static void bad_hex_in_each_field(void **state)
{
	static struct archive a, bad;
	struct cpio_error err;
	struct seen s;

	sample(&a);
	for (int field = 0; field < 13; field++) {
		for (int digit = 0; digit < 8; digit += 7) {
			bad = a;
			bad.buf[112 + 6 + 8 * field + digit] = 'g';
			assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
			assert_non_null(strstr(err.reason, "not 8 hex digits"));
			assert_int_equal(err.offset, 112 + 6 + 8 * field);
		}
	}
	bad = a;
	memcpy(bad.buf + 112 + 6 + 8 * 6, "0000 bb8", 8);	/* a space in filesize */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	/* Upper-case hex is hex. */
	bad = a;
	memcpy(bad.buf + 112 + 6 + 8 * 6, "00000BB8", 8);
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), 5);
}

static void set_field(struct archive *a, size_t header, int field, unsigned int value)
{
	char hex[9];

	snprintf(hex, sizeof(hex), "%08x", value);
	memcpy(a->buf + header + 6 + 8 * field, hex, 8);
}

static void bad_sizes_and_names(void **state)
{
	static struct archive a, bad;
	struct cpio_error err;
	struct seen s;

	sample(&a);
	bad = a;
	set_field(&bad, 112, 11, 0);			/* namesize 0 */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "bad name size");
	bad = a;
	set_field(&bad, 112, 11, 5000);			/* longer than PATH_MAX */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	bad = a;
	set_field(&bad, 112, 11, 4);			/* "hello.ko" without its NUL */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "name not NUL-terminated at its size");
	bad = a;
	bad.buf[112 + 110 + 3] = '\0';			/* a NUL inside the name */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	bad = a;
	set_field(&bad, 112, 6, 0xffffffff);		/* filesize past the end */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "truncated data");
	assert_string_equal(err.name, "hello.ko");
	bad = a;
	set_field(&bad, 112, 6, (unsigned int)(a.len - 112));	/* just past the end */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	bad = a;
	set_field(&bad, 112, 6, 2999);	/* one short: the padding hides it */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), 5);
	assert_int_equal(s.sizes[1], 2999);
	bad = a;
	set_field(&bad, 112, 6, 2996);	/* four short: the next "header" is data */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	assert_int_equal(err.offset, 112 + 120 + 2996);	/* header + "hello.ko" + data */
}

/* What runs past the end of the buffer, and an archive with no trailer, say so. */
static void past_the_end_and_no_trailer(void **state)
{
	static struct archive a, bad;
	struct cpio_error err;
	struct seen s;
	size_t trailer;

	sample(&a);
	trailer = a.len - 124;		/* 110 + "TRAILER!!!\0", padded */
	bad = a;
	set_field(&bad, trailer, 11, 200);	/* a name running past the end */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "truncated name");
	assert_int_equal(err.offset, trailer);
	bad = a;
	set_field(&bad, 112, 6, 3000 + 4096);	/* data running past the end */
	assert_int_equal(parse_exact(bad.buf, bad.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "truncated data");
	assert_string_equal(err.name, "hello.ko");
	/* Everything but the trailer. */
	assert_int_equal(parse_exact(a.buf, trailer, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "no TRAILER!!! entry at the end (cut short?)");
	assert_int_equal(err.offset, trailer);
}

static void junk_and_alignment(void **state)
{
	static struct archive a;
	struct cpio_error err;
	struct seen s;

	sample(&a);
	memcpy(a.buf + a.len, "junk", 4);
	assert_int_equal(parse_exact(a.buf, a.len + 4, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "junk after the archive");
	a.buf[a.len] = 1;
	assert_int_equal(parse_exact(a.buf, a.len + 1, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "junk after the archive");
	/* Three zero bytes before an archive leave its header unaligned. */
	a.len = 3;
	memset(a.buf, 0, 3);
	put_entry(&a, "x", S_IFREG, "x", 1);
	put_trailer(&a);
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "header not aligned to 4 bytes");
}

static void checksum_variant(void **state)
{
	static struct archive a;
	struct cpio_error err;
	struct seen s;
	unsigned int sum = 0;

	for (size_t i = 0; i < 100; i++)
		sum += (unsigned char)(i * 3);
	for (size_t i = 0; i < 100; i++)
		data1[i] = (unsigned char)(i * 3);
	a.len = 0;
	put_entry_magic(&a, "070702", "sum", S_IFREG | 0644, data1, 100, sum);
	put_trailer(&a);
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), 1);
	a.len = 0;
	put_entry_magic(&a, "070702", "sum", S_IFREG | 0644, data1, 100, sum + 1);
	put_trailer(&a);
	assert_int_equal(parse_exact(a.buf, a.len, &s, &err), -EINVAL);
	assert_string_equal(err.reason, "checksum mismatch (070702)");
}

static int stop_at_second(const struct cpio_entry *e, void *arg)
{
	int *calls = arg;

	return ++*calls == 2 ? -ENOMEM : 0;
}

static void callback_error_stops(void **state)
{
	static struct archive a;
	struct cpio_error err;
	int calls = 0;

	sample(&a);
	assert_int_equal(cpio_parse(a.buf, a.len, stop_at_second, &calls, &err), -ENOMEM);
	assert_int_equal(calls, 2);
}

/* tools/mkcpio.py's output (built by the Makefile fragment) reads back. */
static void mkcpio_output(void **state)
{
	const char *path = getenv("CPIO_FIXTURE");
	static unsigned char buf[MAX_ARCHIVE];
	struct cpio_error err;
	struct seen s;
	size_t len;
	FILE *f;

	if (!path)
		skip();
	f = fopen(path, "rb");
	assert_non_null(f);
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(parse_exact(buf, len, &s, &err), 2);
	assert_string_equal(s.names[0], "Makefile.cpio");
	assert_string_equal(s.names[1], "test_cpio.c");
	assert_int_equal(s.modes[0] & S_IFMT, S_IFREG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_archive),
		cmocka_unit_test(entry_data_is_exact),
		cmocka_unit_test(concatenated_and_padded),
		cmocka_unit_test(empty_archives),
		cmocka_unit_test(truncated_at_every_byte),
		cmocka_unit_test(magic_numbers),
		cmocka_unit_test(bad_hex_in_each_field),
		cmocka_unit_test(bad_sizes_and_names),
		cmocka_unit_test(past_the_end_and_no_trailer),
		cmocka_unit_test(junk_and_alignment),
		cmocka_unit_test(checksum_variant),
		cmocka_unit_test(callback_error_stops),
		cmocka_unit_test(mkcpio_output),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
