/*
 * The KUnit test runner: runs suites from the kunit_suites section and
 * reports them in KTAP version 1, in the layout Linux's KUnit prints:
 *
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: example
 *       1..2
 *       # lib/kunit/kunit_kunit.c:12: Expected a == b, but ...
 *       not ok 1 first_case
 *       ok 2 second_case # SKIP not on this board
 *       # example: pass:0 fail:1 skip:1 total:2
 *   not ok 1 example
 *   ...
 *   # Totals: pass:P fail:F skip:S total:T
 *
 * An ASSERT or a skip ends its case through longjmp back to
 * kunit_try_run_case(), after the case's deferred actions have run on its
 * own stack. A quiet run prints only the top level (one line per suite) on
 * the console; the rest goes to the log ring. Invariants are snapshotted before and checked
 * after every suite. Suite selection and the boot-time run live in
 * executor.c.
 */
#include <linux/kernel.h>
#include <linux/kasan.h>
#include <linux/errno.h>
#include <setjmp.h>
#include <mica/kunit.h>
#include "internal.h"

#define INDENT "    "	/* one KTAP nesting level */

extern const struct kunit_invariant __start_kunit_invariants[], __stop_kunit_invariants[];

static struct kunit *current_test;

struct kunit *kunit_get_current_test(void)
{
	return current_test;
}

/* Append one line to the test's capture log, truncated to what fits. */
static void log_append(struct kunit *test, const char *line)
{
	size_t used = strnlen(test->log, test->log_size);
	size_t room = test->log_size - used;

	if (room > 1)
		snprintf(test->log + used, room, "%s\n", line);
}

/*
 * A "# ..." diagnostic line inside the current suite's block; failures go
 * out at KERN_ERR as in Linux, the rest at KERN_INFO.
 */
static void __printf(3, 4) kunit_diag(struct kunit *test, bool error, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (test->log)
		log_append(test, line);
	else if (error)
		printk(KERN_ERR INDENT "# %s\n", line);
	else
		printk(KERN_INFO INDENT "# %s\n", line);
}

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	test->status = KUNIT_FAILURE;
	kunit_diag(test, true, "%s:%d: %s", file, line, msg);
}

void kunit_log(struct kunit *test, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	kunit_diag(test, false, "%s: %s", test->name, msg);
}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	if (test->nr_actions == KUNIT_MAX_ACTIONS)
		return -ENOMEM;
	test->actions[test->nr_actions++] = (struct kunit_action){ action, ctx };
	return 0;
}

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx)
{
	int err = kunit_add_action(test, action, ctx);

	if (err)
		action(ctx);
	return err;
}

/* Take the latest (@action, @ctx) off the list; false if there is none. */
static bool take_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	unsigned int i = test->nr_actions;

	while (i-- > 0) {
		if (test->actions[i].fn != action || test->actions[i].ctx != ctx)
			continue;
		memmove(&test->actions[i], &test->actions[i + 1],
			(test->nr_actions - i - 1) * sizeof(test->actions[0]));
		test->nr_actions--;
		return true;
	}
	return false;
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	take_action(test, action, ctx);
}

void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	if (take_action(test, action, ctx))
		action(ctx);
}

/* Last first; each comes off the list before it runs, so one that aborts skips nothing. */
static void run_actions(struct kunit *test)
{
	while (test->nr_actions) {
		struct kunit_action a = test->actions[--test->nr_actions];

		a.fn(a.ctx);
	}
}

void kunit_abort(struct kunit *test)
{
	if (!test->abort_ctx)
		panic("kunit: ASSERT or skip outside a running case (%s)", test->name);
	run_actions(test);	/* still on the case's stack: its locals are intact */
	/* The frames the jump abandons leave KASAN's stack red zones behind. */
	kasan_unpoison_stack_below(test->abort_ctx);
	longjmp(*(jmp_buf *)test->abort_ctx, 1);
}

void kunit_skip_case(struct kunit *test, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(test->status_comment, sizeof(test->status_comment), fmt, ap);
	va_end(ap);
	/* A skip after a failure must not hide the failure. */
	if (test->status != KUNIT_FAILURE)
		test->status = KUNIT_SKIPPED;
	kunit_abort(test);
}

void kunit_expect_fault_begin(struct kunit *test)
{
	test->fault_expected = true;
	kunit_diag(test, false, "expected-fault begin");
}

void kunit_expect_fault_end(struct kunit *test)
{
	test->fault_expected = false;
	kunit_diag(test, false, "expected-fault end");
}

void kunit_try_run_case(struct kunit *test, void (*run_case)(struct kunit *test))
{
	jmp_buf jmp;
	struct kunit *volatile outer_test = current_test;
	void *volatile outer_ctx = test->abort_ctx;
	volatile bool aborted = false;

	test->abort_ctx = &jmp;
	current_test = test;
	if (setjmp(jmp))
		aborted = true;
	else
		run_case(test);
	run_actions(test);	/* those of a case that returned */
	current_test = outer_test;
	test->abort_ctx = outer_ctx;
	if (test->fault_expected) {
		/*
		 * Close the markers so the harness stops accepting oopses. An
		 * abort here may be the fault handler ending the case after
		 * the expected fault; a plain return is a missing _end().
		 */
		kunit_expect_fault_end(test);
		if (!aborted)
			KUNIT_FAIL(test, "case returned inside kunit_expect_fault_begin/end");
	}
}

void kunit_check_invariants(struct kunit *test, const struct kunit_invariant *inv, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char why[128] = "";

		if (inv[i].check(why, sizeof(why)) != 0) {
			test->status = KUNIT_FAILURE;
			kunit_diag(test, true, "invariant %s: %s", inv[i].name,
				   why[0] ? why : "broken");
		}
	}
}

static void snapshot_invariants(void)
{
	for (const struct kunit_invariant *inv = __start_kunit_invariants;
	     inv < __stop_kunit_invariants; inv++)
		if (inv->snapshot)
			inv->snapshot();
}

static void stats_add(struct kunit_result_stats *stats, enum kunit_status status)
{
	if (status == KUNIT_SUCCESS)
		stats->passed++;
	else if (status == KUNIT_FAILURE)
		stats->failed++;
	else
		stats->skipped++;
	stats->total++;
}

/* One case, with the suite's per-case hooks; prints its result line. */
static enum kunit_status run_case(struct kunit_suite *suite, struct kunit_case *tc,
				  unsigned int number)
{
	struct kunit test = { .name = tc->name };
	int err = suite->init ? suite->init(&test) : 0;

	if (err) {
		test.status = KUNIT_FAILURE;
		kunit_diag(&test, true, "%s: per-case init failed (%d)", tc->name, err);
	} else {
		kunit_try_run_case(&test, tc->run_case);
		if (suite->exit)
			suite->exit(&test);
	}
	if (test.status == KUNIT_SKIPPED)
		printk(KERN_INFO INDENT "ok %u %s # SKIP %s\n", number, tc->name,
		       test.status_comment);
	else
		printk(KERN_INFO INDENT "%s %u %s\n",
		       test.status == KUNIT_SUCCESS ? "ok" : "not ok", number, tc->name);
	return test.status;
}

/*
 * As Linux: a suite fails if any case or invariant failed, passes if any
 * case passed, and is skipped otherwise (all cases skipped, or none).
 */
enum kunit_status kunit_run_suite(struct kunit_suite *suite, unsigned int number,
				  const struct kunit_filter *filter,
				  struct kunit_result_stats *totals, bool quiet)
{
	struct kunit_result_stats stats = { 0 };
	struct kunit suite_test = { .name = suite->name };
	enum kunit_status status = KUNIT_SKIPPED;
	unsigned int ncases = 0, n = 0;
	int init_err;
	struct kunit_case *tc;

	for (tc = suite->test_cases; tc->run_case; tc++)
		ncases += kunit_case_selected(filter, suite, tc);

	if (quiet)
		WRITE_ONCE(console_quiet, true);
	printk(KERN_INFO INDENT "KTAP version 1\n");
	printk(KERN_INFO INDENT "# Subtest: %s\n", suite->name);
	printk(KERN_INFO INDENT "1..%u\n", ncases);

	snapshot_invariants();
	init_err = suite->suite_init ? suite->suite_init(suite) : 0;
	if (init_err)
		kunit_diag(&suite_test, true, "suite_init failed (%d)", init_err);

	for (tc = suite->test_cases; tc->run_case; tc++) {
		enum kunit_status s;

		if (!kunit_case_selected(filter, suite, tc))
			continue;
		if (init_err) {
			s = KUNIT_FAILURE;
			printk(KERN_INFO INDENT "not ok %u %s\n", ++n, tc->name);
		} else {
			s = run_case(suite, tc, ++n);
		}
		stats_add(&stats, s);
		if (s == KUNIT_FAILURE)
			status = KUNIT_FAILURE;
		else if (s == KUNIT_SUCCESS && status == KUNIT_SKIPPED)
			status = KUNIT_SUCCESS;
	}

	if (!init_err && suite->suite_exit)
		suite->suite_exit(suite);
	kunit_check_invariants(&suite_test, __start_kunit_invariants,
			       __stop_kunit_invariants - __start_kunit_invariants);
	if (suite_test.status == KUNIT_FAILURE || init_err)
		status = KUNIT_FAILURE;

	printk(KERN_INFO INDENT "# %s: pass:%u fail:%u skip:%u total:%u\n", suite->name,
	       stats.passed, stats.failed, stats.skipped, stats.total);
	WRITE_ONCE(console_quiet, false);
	if (status == KUNIT_SKIPPED)
		printk(KERN_INFO "ok %u %s # SKIP\n", number, suite->name);
	else
		printk(KERN_INFO "%s %u %s\n", status == KUNIT_SUCCESS ? "ok" : "not ok",
		       number, suite->name);

	totals->passed += stats.passed;
	totals->failed += stats.failed;
	totals->skipped += stats.skipped;
	totals->total += stats.total;
	return status;
}
