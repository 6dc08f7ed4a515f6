/*
 * KUnit suite "ramfs": the in-memory file list. Every file it makes is
 * named "kunit-ramfs/..." and removed again, so files a user loaded are
 * left alone; the suite-wide invariants (slab, vmalloc, free pages) catch
 * a file that is not freed.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>
#include <mica/kunit.h>
#include <mica/ramfs.h>
#include <string.h>

#define T "kunit-ramfs/"

static void remove_test_files(void)
{
	ramfs_remove_glob(T "*");
}

static void add_lookup_remove(struct kunit *test)
{
	static const char text[] = "hello, module";
	const struct ramfs_file *f;
	unsigned int files, files_before;
	size_t bytes, bytes_before;

	ramfs_usage(&files_before, &bytes_before);
	KUNIT_ASSERT_EQ(test, ramfs_add(T "a.ko", text, sizeof(text), 0600, "kunit"), 0);
	ramfs_usage(&files, &bytes);
	KUNIT_EXPECT_EQ(test, files, files_before + 1);
	KUNIT_EXPECT_EQ(test, bytes, bytes_before + sizeof(text));

	/* One file under every spelling of its name; the data is a copy. */
	f = ramfs_lookup("/" T "a.ko");
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_EXPECT_STREQ(test, f->name, T "a.ko");
	KUNIT_EXPECT_EQ(test, f->size, sizeof(text));
	KUNIT_EXPECT_TRUE(test, f->data != text && !memcmp(f->data, text, sizeof(text)));
	KUNIT_EXPECT_EQ(test, f->mode, 0600);
	KUNIT_EXPECT_STREQ(test, f->source, "kunit");
	ramfs_put(f);
	f = ramfs_lookup("./" T "a.ko");
	KUNIT_EXPECT_NOT_NULL(test, f);
	ramfs_put(f);
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "a.k"));
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "a.ko/"));

	KUNIT_EXPECT_EQ(test, ramfs_remove(T "a.ko"), 0);
	KUNIT_EXPECT_EQ(test, ramfs_remove(T "a.ko"), -ENOENT);
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "a.ko"));
	ramfs_usage(&files, &bytes);
	KUNIT_EXPECT_EQ(test, files, files_before);
	KUNIT_EXPECT_EQ(test, bytes, bytes_before);
}

static void empty_file_and_default_mode(struct kunit *test)
{
	const struct ramfs_file *f;

	KUNIT_ASSERT_EQ(test, ramfs_add(T "empty", NULL, 0, 0, "kunit"), 0);
	f = ramfs_lookup(T "empty");
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_EXPECT_EQ(test, f->size, 0);
	KUNIT_EXPECT_NULL(test, f->data);
	KUNIT_EXPECT_EQ(test, f->mode, 0644);
	ramfs_put(f);
	remove_test_files();
}

/* Replacing or removing a file does not pull it from under a holder. */
static void replace_while_held(struct kunit *test)
{
	const struct ramfs_file *old, *new;

	KUNIT_ASSERT_EQ(test, ramfs_add(T "r", "old", 3, 0, "kunit"), 0);
	old = ramfs_lookup(T "r");
	KUNIT_ASSERT_NOT_NULL(test, old);
	KUNIT_ASSERT_EQ(test, ramfs_add(T "r", "newer", 5, 0, "kunit"), 0);
	new = ramfs_lookup(T "r");
	KUNIT_ASSERT_NOT_NULL(test, new);
	KUNIT_EXPECT_EQ(test, new->size, 5);
	KUNIT_EXPECT_EQ(test, old->size, 3);
	KUNIT_EXPECT_EQ(test, memcmp(old->data, "old", 3), 0);
	KUNIT_EXPECT_EQ(test, ramfs_remove(T "r"), 0);
	KUNIT_EXPECT_EQ(test, memcmp(new->data, "newer", 5), 0);
	ramfs_put(old);
	ramfs_put(new);
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "r"));
}

/* Misuse: names that cannot be files are refused, and nothing changes. */
static void bad_names(struct kunit *test)
{
	char long_name[RAMFS_NAME_MAX + 2];
	unsigned int files, files_before;
	size_t bytes, bytes_before;

	ramfs_usage(&files_before, &bytes_before);
	KUNIT_EXPECT_EQ(test, ramfs_add("", "x", 1, 0, "kunit"), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramfs_add("/./", "x", 1, 0, "kunit"), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramfs_add(T "dir/", "x", 1, 0, "kunit"), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramfs_add(T "tab\there", "x", 1, 0, "kunit"), -EINVAL);
	KUNIT_EXPECT_EQ(test, ramfs_add(T "esc\x1b[2J", "x", 1, 0, "kunit"), -EINVAL);
	memset(long_name, 'n', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, ramfs_add(long_name, "x", 1, 0, "kunit"), -ENAMETOOLONG);
	long_name[RAMFS_NAME_MAX] = '\0';	/* exactly the limit is fine */
	KUNIT_EXPECT_EQ(test, ramfs_add(long_name, "x", 1, 0, "kunit"), 0);
	KUNIT_EXPECT_EQ(test, ramfs_remove(long_name), 0);
	ramfs_usage(&files, &bytes);
	KUNIT_EXPECT_EQ(test, files, files_before);
	KUNIT_EXPECT_EQ(test, bytes, bytes_before);
	KUNIT_EXPECT_NULL(test, ramfs_lookup(""));
	KUNIT_EXPECT_EQ(test, ramfs_remove(T "never-added"), -ENOENT);
}

/* ramfs_add_vmalloc() owns the buffer even when it refuses the name. */
static void vmalloc_buffer_taken_over(struct kunit *test)
{
	const struct ramfs_file *f;
	char *buf = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, ramfs_add_vmalloc(T "v", buf, PAGE_SIZE, 0, "kunit"), 0);
	f = ramfs_lookup(T "v");
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_EXPECT_PTR_EQ(test, f->data, buf);
	ramfs_put(f);
	buf = vmalloc(16);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, ramfs_add_vmalloc("", buf, 16, 0, "kunit"), -EINVAL);
	remove_test_files();	/* the vmalloc invariant checks both were freed */
}

/* Name order, and iteration that survives the current file's removal. */
static void iteration(struct kunit *test)
{
	static const char *const names[] = { T "c", T "a", T "b/x", T "b" };
	static const char *const sorted[] = { T "a", T "b", T "b/x", T "c" };
	const struct ramfs_file *f;
	unsigned int seen = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_ASSERT_EQ(test, ramfs_add(names[i], names[i], 1, 0, "kunit"), 0);
	ramfs_for_each_file(f) {
		if (strncmp(f->name, T, strlen(T)))
			continue;
		KUNIT_EXPECT_LT(test, seen, ARRAY_SIZE(sorted));
		if (seen < ARRAY_SIZE(sorted))
			KUNIT_EXPECT_STREQ(test, f->name, sorted[seen]);
		seen++;
		KUNIT_EXPECT_EQ(test, ramfs_remove(f->name), 0);
	}
	KUNIT_EXPECT_EQ(test, seen, ARRAY_SIZE(sorted));
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "b"));
}

static void remove_by_glob(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, ramfs_add(T "g/a.ko", "a", 1, 0, "kunit"), 0);
	KUNIT_ASSERT_EQ(test, ramfs_add(T "g/b.ko", "b", 1, 0, "kunit"), 0);
	KUNIT_ASSERT_EQ(test, ramfs_add(T "g/c.txt", "c", 1, 0, "kunit"), 0);
	KUNIT_EXPECT_EQ(test, ramfs_remove_glob(T "g/*.ko"), 2);
	KUNIT_EXPECT_EQ(test, ramfs_remove_glob(T "g/*.ko"), 0);
	KUNIT_EXPECT_EQ(test, ramfs_remove_glob("/" T "g/?.txt"), 1);
	KUNIT_EXPECT_NULL(test, ramfs_lookup(T "g/c.txt"));
}

static void exit_suite(struct kunit *test)
{
	remove_test_files();
}

static struct kunit_case ramfs_cases[] = {
	KUNIT_CASE(add_lookup_remove),
	KUNIT_CASE(empty_file_and_default_mode),
	KUNIT_CASE(replace_while_held),
	KUNIT_CASE(bad_names),
	KUNIT_CASE(vmalloc_buffer_taken_over),
	KUNIT_CASE(iteration),
	KUNIT_CASE(remove_by_glob),
	{}
};
static struct kunit_suite ramfs_suite = {
	.name = "ramfs",
	.exit = exit_suite,
	.test_cases = ramfs_cases,
};
kunit_test_suite(ramfs_suite);
