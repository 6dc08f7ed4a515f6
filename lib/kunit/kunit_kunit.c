/*
 * Tests of the test framework itself, so that it cannot pass silently: each
 * case runs a small helper case on a struct kunit of its own, with the
 * diagnostics captured in a log, and checks what the framework recorded.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <mica/kunit.h>

/* An inner test that records into a log instead of the console. */
struct inner {
	struct kunit test;
	char log[512];
};

static void inner_run(struct inner *in, void (*fn)(struct kunit *test))
{
	memset(in, 0, sizeof(*in));
	in->test.name = "inner";
	in->test.log = in->log;
	in->test.log_size = sizeof(in->log);
	kunit_try_run_case(&in->test, fn);
}

static bool reached_end;	/* set by a helper case that ran to its end */
static int helper_line;		/* __LINE__ of the helper's failing check */

static void helper_expect_fails(struct kunit *test)
{
	int one = 1;

	helper_line = __LINE__ + 1;
	KUNIT_EXPECT_EQ(test, one, 2);
	reached_end = true;
}

static void expect_records_failure_and_continues(struct kunit *test)
{
	struct inner in;
	char where[64];

	reached_end = false;
	inner_run(&in, helper_expect_fails);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_TRUE(test, reached_end);
	snprintf(where, sizeof(where), "%s:%d: Expected one == 2", __FILE__, helper_line);
	KUNIT_EXPECT_NOT_NULL(test, strstr(in.log, where));
	KUNIT_EXPECT_NOT_NULL(test, strstr(in.log, "one == 1 (0x1)"));
}

static void helper_several_failures(struct kunit *test)
{
	int *none = NULL, value = 3;

	KUNIT_EXPECT_TRUE(test, value > 4);
	KUNIT_EXPECT_FALSE(test, value == 3);
	KUNIT_EXPECT_NOT_NULL(test, none);
	KUNIT_EXPECT_PTR_EQ(test, none, &value);
	KUNIT_EXPECT_STREQ(test, "slab", "slub");
	KUNIT_EXPECT_LE(test, value, -1);
}

static void messages_name_the_expression(struct kunit *test)
{
	static const char *const wanted[] = {
		"Expected value > 4 to be true, but is false\n",
		"Expected value == 3 to be false, but is true\n",
		"Expected none not to be NULL, but is 0x0\n",
		"Expected none == &value, but none == 0x0, &value == 0x",
		"Expected \"slab\" == \"slub\", but \"slab\" != \"slub\"\n",
		"Expected value <= -1, but value == 3 (0x3), -1 == -1 (0xffffffffffffffff)\n",
	};
	struct inner in;
	const char *at;

	inner_run(&in, helper_several_failures);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	at = in.log;
	for (size_t i = 0; i < ARRAY_SIZE(wanted); i++) {
		const char *hit = strstr(at, wanted[i]);

		KUNIT_EXPECT_NOT_NULL(test, hit);
		if (hit)
			at = hit;	/* in order, one line each */
	}
}

static void helper_all_pass(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2 + 2, 4);
	KUNIT_EXPECT_NE(test, 1, 2);
	KUNIT_EXPECT_LT(test, -1, 0);
	KUNIT_EXPECT_STREQ(test, "abc", "abc");
	KUNIT_ASSERT_TRUE(test, true);
	reached_end = true;
}

static void passing_checks_keep_success(struct kunit *test)
{
	struct inner in;

	reached_end = false;
	inner_run(&in, helper_all_pass);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_SUCCESS);
	KUNIT_EXPECT_TRUE(test, reached_end);
	KUNIT_EXPECT_STREQ(test, in.log, "");
}

/* The ASSERT sits one call deeper than the case, to test unwinding. */
static noinline void assert_in_callee(struct kunit *test, int v)
{
	KUNIT_ASSERT_EQ(test, v, 0);
}

static void helper_assert_fails(struct kunit *test)
{
	assert_in_callee(test, 7);
	reached_end = true;
}

static void assert_aborts_case(struct kunit *test)
{
	struct inner in;

	reached_end = false;
	inner_run(&in, helper_assert_fails);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_FALSE(test, reached_end);
	KUNIT_EXPECT_NOT_NULL(test, strstr(in.log, "Expected v == 0, but v == 7 (0x7)"));
	/* The abort point is gone once the case is over. */
	KUNIT_EXPECT_NULL(test, in.test.abort_ctx);
}

static void helper_skips(struct kunit *test)
{
	kunit_skip(test, "needs %d CPUs", 5);
	reached_end = true;
}

static void skip_ends_case_with_reason(struct kunit *test)
{
	struct inner in;

	reached_end = false;
	inner_run(&in, helper_skips);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_SKIPPED);
	KUNIT_EXPECT_FALSE(test, reached_end);
	KUNIT_EXPECT_STREQ(test, in.test.status_comment, "needs 5 CPUs");
}

static void helper_fails_then_skips(struct kunit *test)
{
	KUNIT_FAIL(test, "first this");
	kunit_skip(test, "then skipped");
}

static void skip_does_not_hide_failure(struct kunit *test)
{
	struct inner in;

	inner_run(&in, helper_fails_then_skips);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(in.log, "first this"));
}

static int always_holds(char *why, size_t len) { return 0; }
static int always_broken(char *why, size_t len)
{
	snprintf(why, len, "count %d != %d", 3, 4);
	return -1;
}

static void invariant_failure_detected(struct kunit *test)
{
	static const struct kunit_invariant invs[] = {
		{ "holds", NULL, always_holds },
		{ "breaks", NULL, always_broken },
	};
	struct inner in;

	memset(&in, 0, sizeof(in));
	in.test.log = in.log;
	in.test.log_size = sizeof(in.log);
	kunit_check_invariants(&in.test, invs, 1);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_SUCCESS);
	KUNIT_EXPECT_STREQ(test, in.log, "");

	kunit_check_invariants(&in.test, invs, ARRAY_SIZE(invs));
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_STREQ(test, in.log, "invariant breaks: count 3 != 4\n");
}

/*
 * A real invariant, checked around every suite: it breaks if the runner
 * ever checks without taking a snapshot first.
 */
static bool snapshot_taken;
static void take_snapshot(void)
{
	snapshot_taken = true;
}
static int snapshot_came_first(char *why, size_t len)
{
	bool taken = snapshot_taken;

	snapshot_taken = false;
	if (!taken)
		snprintf(why, len, "checked without a snapshot before the suite");
	return taken ? 0 : -1;
}
KUNIT_INVARIANT(kunit_snapshot_order, "kunit_snapshot_order", take_snapshot, snapshot_came_first);

static struct kunit *seen_current;

static void helper_records_current(struct kunit *test)
{
	seen_current = kunit_get_current_test();
}

static void current_test_tracks_nesting(struct kunit *test)
{
	struct inner in;

	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
	inner_run(&in, helper_records_current);
	KUNIT_EXPECT_PTR_EQ(test, seen_current, &in.test);
	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
}

static bool fault_was_expected;

static void helper_fault_markers(struct kunit *test)
{
	kunit_expect_fault_begin(test);
	fault_was_expected = test->fault_expected;
	kunit_expect_fault_end(test);
}

static void helper_returns_inside_markers(struct kunit *test)
{
	kunit_expect_fault_begin(test);
}

static void helper_aborts_inside_markers(struct kunit *test)
{
	kunit_expect_fault_begin(test);
	kunit_abort(test);	/* as a fault handler may, after the expected fault */
}

static void fault_markers(struct kunit *test)
{
	struct inner in;

	fault_was_expected = false;
	inner_run(&in, helper_fault_markers);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_SUCCESS);
	KUNIT_EXPECT_TRUE(test, fault_was_expected);
	KUNIT_EXPECT_FALSE(test, in.test.fault_expected);
	KUNIT_EXPECT_STREQ(test, in.log, "expected-fault begin\nexpected-fault end\n");

	/* Returning with the markers open is a bug in the case: closed, failed. */
	inner_run(&in, helper_returns_inside_markers);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_FALSE(test, in.test.fault_expected);
	KUNIT_EXPECT_NOT_NULL(test, strstr(in.log, "expected-fault begin\nexpected-fault end\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(in.log, "case returned inside"));

	/* Aborting with them open (the expected fault ended the case) is fine. */
	inner_run(&in, helper_aborts_inside_markers);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_SUCCESS);
	KUNIT_EXPECT_FALSE(test, in.test.fault_expected);
	KUNIT_EXPECT_STREQ(test, in.log, "expected-fault begin\nexpected-fault end\n");
}

static void log_truncates_safely(struct kunit *test)
{
	struct kunit t = { .name = "t" };
	char small[16];

	t.log = small;
	t.log_size = sizeof(small);
	small[0] = '\0';
	kunit_log(&t, "abc");
	KUNIT_EXPECT_STREQ(test, small, "t: abc\n");
	kunit_log(&t, "0123456789");	/* does not fit: truncated, still terminated */
	KUNIT_EXPECT_EQ(test, strlen(small), sizeof(small) - 1);
}

/* ---- deferred actions ---- */

static char action_trace[KUNIT_MAX_ACTIONS + 8];

static void trace_action(void *ctx)
{
	size_t n = strlen(action_trace);

	if (n + 1 < sizeof(action_trace)) {
		action_trace[n] = (char)(unsigned long)ctx;
		action_trace[n + 1] = '\0';
	}
}

static void helper_three_actions(struct kunit *test)
{
	kunit_add_action(test, trace_action, (void *)'a');
	kunit_add_action(test, trace_action, (void *)'b');
	kunit_add_action(test, trace_action, (void *)'c');
	reached_end = true;
}

static void helper_actions_then_assert(struct kunit *test)
{
	kunit_add_action(test, trace_action, (void *)'a');
	kunit_add_action(test, trace_action, (void *)'b');
	assert_in_callee(test, 1);
	kunit_add_action(test, trace_action, (void *)'x');	/* not reached */
}

static void helper_actions_then_skip(struct kunit *test)
{
	kunit_add_action(test, trace_action, (void *)'s');
	kunit_skip(test, "skipped with an action pending");
}

/* A case's actions run when it ends, however it ends, the last registered first. */
static void actions_run_last_first_however_the_case_ends(struct kunit *test)
{
	struct inner in;

	action_trace[0] = '\0';
	reached_end = false;
	inner_run(&in, helper_three_actions);
	KUNIT_EXPECT_TRUE(test, reached_end);
	KUNIT_EXPECT_STREQ(test, action_trace, "cba");
	KUNIT_EXPECT_EQ(test, in.test.nr_actions, 0);

	action_trace[0] = '\0';
	inner_run(&in, helper_actions_then_assert);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_STREQ(test, action_trace, "ba");

	action_trace[0] = '\0';
	inner_run(&in, helper_actions_then_skip);
	KUNIT_EXPECT_EQ(test, in.test.status, KUNIT_SKIPPED);
	KUNIT_EXPECT_STREQ(test, action_trace, "s");
}

static unsigned long canary_frame, action_frame;
static int canary_seen;

static void read_canary(void *ctx)
{
	action_frame = (unsigned long)__builtin_frame_address(0);
	canary_seen = *(volatile int *)ctx;
}

static void helper_canary_then_assert(struct kunit *test)
{
	volatile int canary = 0x5eed;

	canary_frame = (unsigned long)&canary;
	kunit_add_action(test, read_canary, (void *)&canary);
	assert_in_callee(test, 1);
	canary = 0;	/* not reached */
}

/*
 * An ASSERT runs the actions before the case's stack goes: deeper than the
 * case's locals, which are still intact (a thread using them can be stopped).
 */
static void actions_run_on_the_aborted_case_stack(struct kunit *test)
{
	struct inner in;

	canary_seen = 0;
	inner_run(&in, helper_canary_then_assert);
	KUNIT_EXPECT_EQ(test, canary_seen, 0x5eed);
	KUNIT_EXPECT_LT(test, action_frame, canary_frame);
}

static void helper_remove_and_release(struct kunit *test)
{
	kunit_add_action(test, trace_action, (void *)'r');
	kunit_add_action(test, trace_action, (void *)'k');
	kunit_add_action(test, trace_action, (void *)'n');
	kunit_remove_action(test, trace_action, (void *)'r');	/* never runs */
	kunit_release_action(test, trace_action, (void *)'n');	/* runs now, once */
	trace_action((void *)'-');
	kunit_release_action(test, trace_action, (void *)'n');	/* gone: nothing */
}

static void remove_and_release_action(struct kunit *test)
{
	struct inner in;

	action_trace[0] = '\0';
	inner_run(&in, helper_remove_and_release);
	KUNIT_EXPECT_STREQ(test, action_trace, "n-k");
}

static int or_reset_result;

static void helper_fills_the_table(struct kunit *test)
{
	int i;

	for (i = 0; i < KUNIT_MAX_ACTIONS; i++)
		kunit_add_action(test, trace_action, (void *)'.');
	KUNIT_EXPECT_EQ(test, kunit_add_action(test, trace_action, (void *)'x'), -ENOMEM);
	or_reset_result = kunit_add_action_or_reset(test, trace_action, (void *)'!');
}

/* A full table refuses more; _or_reset then runs the action at once, as Linux on -ENOMEM. */
static void add_action_or_reset_when_full(struct kunit *test)
{
	struct inner in;

	action_trace[0] = '\0';
	inner_run(&in, helper_fills_the_table);
	KUNIT_EXPECT_EQ(test, or_reset_result, -ENOMEM);
	KUNIT_EXPECT_EQ(test, action_trace[0], '!');
	KUNIT_EXPECT_EQ(test, strlen(action_trace), 1 + KUNIT_MAX_ACTIONS);
	KUNIT_EXPECT_NULL(test, strchr(action_trace, 'x'));
}

static void glob_matching(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("kunit_*", "kunit_selftest"));
	KUNIT_EXPECT_TRUE(test, glob_match("*", ""));
	KUNIT_EXPECT_TRUE(test, glob_match("a?c", "abc"));
	KUNIT_EXPECT_TRUE(test, glob_match("*test", "kunit_selftest"));
	KUNIT_EXPECT_TRUE(test, glob_match("a*b*c", "aXbYbZc"));
	KUNIT_EXPECT_TRUE(test, glob_match("[a-c]x", "bx"));
	KUNIT_EXPECT_TRUE(test, glob_match("[!a]x", "dx"));
	KUNIT_EXPECT_TRUE(test, glob_match("[]]", "]"));
	KUNIT_EXPECT_TRUE(test, glob_match("ab[", "ab["));
	KUNIT_EXPECT_FALSE(test, glob_match("kunit", "kunit_selftest"));
	KUNIT_EXPECT_FALSE(test, glob_match("a?c", "ac"));
	KUNIT_EXPECT_FALSE(test, glob_match("[!a]x", "ax"));
	KUNIT_EXPECT_FALSE(test, glob_match("a*b*c", "aXbY"));
	KUNIT_EXPECT_FALSE(test, glob_match("", "a"));
}

static struct kunit_case kunit_selftest_cases[] = {
	KUNIT_CASE(expect_records_failure_and_continues),
	KUNIT_CASE(passing_checks_keep_success),
	KUNIT_CASE(messages_name_the_expression),
	KUNIT_CASE(assert_aborts_case),
	KUNIT_CASE(skip_ends_case_with_reason),
	KUNIT_CASE(skip_does_not_hide_failure),
	KUNIT_CASE(invariant_failure_detected),
	KUNIT_CASE(current_test_tracks_nesting),
	KUNIT_CASE(fault_markers),
	KUNIT_CASE(log_truncates_safely),
	KUNIT_CASE(actions_run_last_first_however_the_case_ends),
	KUNIT_CASE(actions_run_on_the_aborted_case_stack),
	KUNIT_CASE(remove_and_release_action),
	KUNIT_CASE(add_action_or_reset_when_full),
	KUNIT_CASE(glob_matching),
	{}
};

static struct kunit_suite kunit_selftest_suite = {
	.name = "kunit",
	.test_cases = kunit_selftest_cases,
};
kunit_test_suite(kunit_selftest_suite);
