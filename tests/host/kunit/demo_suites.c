/*
 * Suites that exercise every outcome the runner can report, so that its
 * KTAP output can be compared with expected.ktap: failures, aborts, skips,
 * failing suite and case init, a broken invariant, an empty suite, and an
 * oops between expected-fault markers. Host-only: never in the kernel.
 */
#include <linux/kernel.h>
#include <mica/kunit.h>

static void pass_one(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

static void pass_two(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, "mica", "mica");
}

static struct kunit_case demo_pass_cases[] = {
	KUNIT_CASE(pass_one),
	KUNIT_CASE(pass_two),
	{}
};
static struct kunit_suite demo_pass = { .name = "demo_pass", .test_cases = demo_pass_cases };
kunit_test_suite(demo_pass);

static void expect_fails_twice(struct kunit *test)
{
	int pages = 3;

	KUNIT_EXPECT_EQ(test, pages, 4);
	KUNIT_EXPECT_STREQ(test, "slab", "slub");
}

static void assert_fails(struct kunit *test)
{
	void *p = NULL;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_FAIL(test, "not reached");
}

static void skipped(struct kunit *test)
{
	kunit_skip(test, "needs %d CPUs", 8);
}

static void logs(struct kunit *test)
{
	kunit_info(test, "a note from the case");
}

static void demo_exit(struct kunit *test)
{
	kunit_log(test, "exit hook ran");
}

static struct kunit_case demo_mixed_cases[] = {
	KUNIT_CASE(expect_fails_twice),
	KUNIT_CASE(assert_fails),
	KUNIT_CASE(skipped),
	KUNIT_CASE(logs),
	{}
};
static struct kunit_suite demo_mixed = {
	.name = "demo_mixed", .exit = demo_exit, .test_cases = demo_mixed_cases,
};
kunit_test_suite(demo_mixed);

static struct kunit_case demo_all_skipped_cases[] = {
	KUNIT_CASE(skipped),
	{}
};
static struct kunit_suite demo_all_skipped = {
	.name = "demo_all_skipped", .test_cases = demo_all_skipped_cases,
};
kunit_test_suite(demo_all_skipped);

static int suite_init_fails(struct kunit_suite *suite)
{
	return -12;
}

static struct kunit_suite demo_suite_init_fails = {
	.name = "demo_suite_init_fails", .suite_init = suite_init_fails,
	.test_cases = demo_pass_cases,
};
kunit_test_suite(demo_suite_init_fails);

static int init_fails_for_pass_two(struct kunit *test)
{
	return strcmp(test->name, "pass_two") ? 0 : -5;
}

static struct kunit_suite demo_case_init_fails = {
	.name = "demo_case_init_fails", .init = init_fails_for_pass_two,
	.test_cases = demo_pass_cases,
};
kunit_test_suite(demo_case_init_fails);

/* An invariant that the demo_leaks suite breaks, and no other suite. */
static int demo_objects, demo_objects_before;
static void demo_objects_snapshot(void)
{
	demo_objects_before = demo_objects;
}
static int demo_objects_check(char *why, size_t len)
{
	if (demo_objects == demo_objects_before)
		return 0;
	snprintf(why, len, "%d objects leaked", demo_objects - demo_objects_before);
	return -1;
}
KUNIT_INVARIANT(demo_objects, "demo_objects", demo_objects_snapshot, demo_objects_check);

static void leaks_two(struct kunit *test)
{
	demo_objects += 2;
}

static struct kunit_case demo_leaks_cases[] = {
	KUNIT_CASE(leaks_two),
	{}
};
static struct kunit_suite demo_leaks = { .name = "demo_leaks", .test_cases = demo_leaks_cases };
kunit_test_suite(demo_leaks);

static struct kunit_case demo_empty_cases[] = {
	{}
};
static struct kunit_suite demo_empty = { .name = "demo_empty", .test_cases = demo_empty_cases };
kunit_test_suite(demo_empty);

static void oops_expected(struct kunit *test)
{
	kunit_expect_fault_begin(test);
	printk(KERN_ALERT "Unable to handle kernel NULL pointer dereference at virtual address 00000000 (simulated)\n");
	kunit_expect_fault_end(test);
}

static struct kunit_case demo_fault_cases[] = {
	KUNIT_CASE(oops_expected),
	{}
};
static struct kunit_suite demo_fault = { .name = "demo_fault", .test_cases = demo_fault_cases };
kunit_test_suite(demo_fault);
