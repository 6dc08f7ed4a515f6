/*
 * In-kernel self-tests in KUnit's shape: suites of cases, EXPECT (record and
 * go on) and ASSERT (record and end the case) macros, KTAP version 1 output.
 * Suites register with kunit_test_suite() where their subsystem lives.
 * Invariants (e.g. "free page count unchanged", "allocator validates") run
 * around every suite: a suite that breaks one is reported as failed.
 *
 * Less than Linux: cases run on the caller's stack, not in a kthread, so an
 * ASSERT ends a case with a longjmp; one run at a time; at most
 * KUNIT_MAX_ACTIONS deferred actions per case (kept in struct kunit, so
 * registering one never allocates and fault injection cannot fail it); no
 * parameterised cases, no resources, no debugfs. Failure messages are one
 * line, "# file:line: Expected ...".
 */
#ifndef _MICA_KUNIT_H
#define _MICA_KUNIT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <string.h>

struct kunit;

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);	/* optional */
	void (*suite_exit)(struct kunit_suite *suite);	/* optional */
	int (*init)(struct kunit *test);		/* optional, per case */
	void (*exit)(struct kunit *test);		/* optional, per case */
	struct kunit_case *test_cases;			/* ends with {} */
};

enum kunit_status { KUNIT_SUCCESS, KUNIT_FAILURE, KUNIT_SKIPPED };

/* A deferred action: cleanup that runs when the case ends, however it ends. */
typedef void (kunit_action_t)(void *ctx);
#define KUNIT_MAX_ACTIONS 32

struct kunit_action {
	kunit_action_t *fn;
	void *ctx;
};

struct kunit {
	const char *name;
	enum kunit_status status;
	char status_comment[128];
	void *priv;
	void *abort_ctx;	/* where an ASSERT failure returns to */
	bool fault_expected;	/* between kunit_expect_fault_begin/end */
	/* When set, diagnostics are appended here (NUL-terminated lines)
	   instead of printed: lets a test run another test and inspect it. */
	char *log;
	size_t log_size;
	/* Deferred actions, run last first (kunit_add_action()). */
	struct kunit_action actions[KUNIT_MAX_ACTIONS];
	unsigned int nr_actions;
};

#define KUNIT_CASE(fn) { .run_case = fn, .name = #fn }

#define kunit_test_suite(s) \
	static struct kunit_suite *const __kunit_suite_##s __used \
	__section("kunit_suites") __aligned(4) = &(s)

/* Something that must hold after every suite (checked by the framework). */
struct kunit_invariant {
	const char *name;
	void (*snapshot)(void);			/* before the suite; may be NULL */
	int (*check)(char *why, size_t len);	/* 0 if it holds, else explains */
};
#define KUNIT_INVARIANT(id, nm, snap, chk) \
	static const struct kunit_invariant __kunit_inv_##id __used \
	__section("kunit_invariants") __aligned(4) = { nm, snap, chk }

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...) __printf(4, 5);
void kunit_abort(struct kunit *test) __noreturn;
void kunit_skip_case(struct kunit *test, const char *fmt, ...) __printf(2, 3) __noreturn;
void kunit_log(struct kunit *test, const char *fmt, ...) __printf(2, 3);

/*
 * Deferred actions, Linux's names and semantics: @action(@ctx) runs when
 * the case ends — it returns, an ASSERT fails, it is skipped or its
 * expected fault ends it — last registered first, before the suite's
 * per-case exit hook. A case that ends early runs them on its own stack,
 * before the longjmp, so a thread still using the case's locals can be
 * stopped before they go. Use them for everything a case must undo:
 * threads it started, memory, settings it changed.
 *
 * @ctx must outlive the case: an action on the case's own locals must be
 * released (kunit_release_action()) before the case returns.
 *
 * kunit_add_action() returns 0, or -ENOMEM when KUNIT_MAX_ACTIONS are
 * pending; kunit_add_action_or_reset() then runs @action(@ctx) at once.
 * kunit_remove_action() forgets the latest matching (@action, @ctx) pair
 * without running it; kunit_release_action() runs it now and forgets it.
 */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx);

/*
 * Run all suites (nnames == 0) or those named; a name is a glob on the
 * suite name, optionally ".case_glob" to run only some cases. Returns the
 * number of failed suites plus names that matched nothing.
 *
 * The console shows the whole KTAP document when @verbose or the console
 * level is above CONSOLE_LOGLEVEL_DEFAULT (loglevel=8 shows everything);
 * otherwise only its top level, one line per suite and the totals, and the
 * case lines and whatever the suites make the kernel print (the reports of
 * expected faults...) go to the log ring (`dmesg`) only.
 */
int kunit_run_suites(int nnames, char **names, bool verbose);
/* The boot-time run: honours kunit.enable=0 / notests and kunit.filter_glob=. */
int kunit_run_all_tests(void);

/*
 * Run one case function in @test with an abort point for ASSERT and skip;
 * failures and skips are recorded in @test->status (start from a zeroed
 * struct kunit; only .name is needed). The runner uses it for every case;
 * tests of the framework use it to run a case on a struct kunit of their own.
 */
void kunit_try_run_case(struct kunit *test, void (*run_case)(struct kunit *test));
/* The test whose case is running now, or NULL (one test run at a time, system-wide). */
struct kunit *kunit_get_current_test(void);
/* Check @n invariants and record each broken one as a failure of @test. */
void kunit_check_invariants(struct kunit *test, const struct kunit_invariant *inv, size_t n);

/*
 * Bracket code that is meant to oops (a deliberate NULL dereference...):
 * they print "# expected-fault begin" / "# expected-fault end", and the
 * QEMU harness accepts an oops report only between the two. A fault
 * handler that finds kunit_get_current_test()->fault_expected may end the
 * case with kunit_abort(), called in the case's own mode and stack (make
 * the exception return into it); the runner then closes the markers. A
 * case that returns with the markers still open fails.
 */
void kunit_expect_fault_begin(struct kunit *test);
void kunit_expect_fault_end(struct kunit *test);

#define KUNIT_FAIL(test, fmt, ...) kunit_fail(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define __KUNIT_BOOL(test, cond, want, abort, fmt, ...) do {			\
	if (((cond) ? 1 : 0) != (want)) {						\
		kunit_fail(test, __FILE__, __LINE__, "Expected %s to be %s, but is %s" fmt, \
			   #cond, (want) ? "true" : "false", (want) ? "false" : "true",	\
			   ##__VA_ARGS__);						\
		if (abort)								\
			kunit_abort(test);						\
	}										\
} while (0)

#define KUNIT_EXPECT_TRUE_MSG(t, c, fmt, ...) __KUNIT_BOOL(t, c, 1, 0, ". " fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_TRUE(t, c)   __KUNIT_BOOL(t, c, 1, 0, "")
#define KUNIT_EXPECT_FALSE(t, c)  __KUNIT_BOOL(t, c, 0, 0, "")
#define KUNIT_ASSERT_TRUE(t, c)   __KUNIT_BOOL(t, c, 1, 1, "")
#define KUNIT_ASSERT_FALSE(t, c)  __KUNIT_BOOL(t, c, 0, 1, "")

#define __KUNIT_BINARY(test, a, op, b, abort, fmt, ...) do {				\
	long long __a = (long long)(a), __b = (long long)(b);				\
	if (!(__a op __b)) {								\
		kunit_fail(test, __FILE__, __LINE__,					\
			   "Expected %s %s %s, but %s == %lld (0x%llx), %s == %lld (0x%llx)" fmt, \
			   #a, #op, #b, #a, __a, (unsigned long long)__a, #b, __b,	\
			   (unsigned long long)__b, ##__VA_ARGS__);			\
		if (abort)								\
			kunit_abort(test);						\
	}										\
} while (0)

#define KUNIT_EXPECT_EQ(t, a, b) __KUNIT_BINARY(t, a, ==, b, 0, "")
#define KUNIT_EXPECT_NE(t, a, b) __KUNIT_BINARY(t, a, !=, b, 0, "")
#define KUNIT_EXPECT_LT(t, a, b) __KUNIT_BINARY(t, a, <, b, 0, "")
#define KUNIT_EXPECT_LE(t, a, b) __KUNIT_BINARY(t, a, <=, b, 0, "")
#define KUNIT_EXPECT_GT(t, a, b) __KUNIT_BINARY(t, a, >, b, 0, "")
#define KUNIT_EXPECT_GE(t, a, b) __KUNIT_BINARY(t, a, >=, b, 0, "")
#define KUNIT_ASSERT_EQ(t, a, b) __KUNIT_BINARY(t, a, ==, b, 1, "")
#define KUNIT_ASSERT_NE(t, a, b) __KUNIT_BINARY(t, a, !=, b, 1, "")
#define KUNIT_ASSERT_LT(t, a, b) __KUNIT_BINARY(t, a, <, b, 1, "")
#define KUNIT_ASSERT_LE(t, a, b) __KUNIT_BINARY(t, a, <=, b, 1, "")
#define KUNIT_ASSERT_GT(t, a, b) __KUNIT_BINARY(t, a, >, b, 1, "")
#define KUNIT_ASSERT_GE(t, a, b) __KUNIT_BINARY(t, a, >=, b, 1, "")
#define KUNIT_EXPECT_EQ_MSG(t, a, b, fmt, ...) __KUNIT_BINARY(t, a, ==, b, 0, ". " fmt, ##__VA_ARGS__)

#define __KUNIT_PTR(test, a, op, b, abort) do {					\
	const void *__a = (a), *__b = (b);						\
	if (!(__a op __b)) {								\
		kunit_fail(test, __FILE__, __LINE__,					\
			   "Expected %s %s %s, but %s == 0x%lx, %s == 0x%lx", #a, #op, #b, \
			   #a, (unsigned long)__a, #b, (unsigned long)__b);		\
		if (abort)								\
			kunit_abort(test);						\
	}										\
} while (0)

#define __KUNIT_NULL(test, p, want_null, abort, fmt, ...) do {				\
	const void *__p = (p);								\
	if ((__p == NULL) != (want_null)) {						\
		kunit_fail(test, __FILE__, __LINE__, "Expected %s %s, but is 0x%lx" fmt, #p, \
			   (want_null) ? "to be NULL" : "not to be NULL", (unsigned long)__p, \
			   ##__VA_ARGS__);						\
		if (abort)								\
			kunit_abort(test);						\
	}										\
} while (0)

#define KUNIT_EXPECT_PTR_EQ(t, a, b) __KUNIT_PTR(t, a, ==, b, 0)
#define KUNIT_EXPECT_PTR_NE(t, a, b) __KUNIT_PTR(t, a, !=, b, 0)
#define KUNIT_ASSERT_PTR_EQ(t, a, b) __KUNIT_PTR(t, a, ==, b, 1)
#define KUNIT_EXPECT_NULL(t, p)      __KUNIT_NULL(t, p, 1, 0, "")
#define KUNIT_EXPECT_NOT_NULL(t, p)  __KUNIT_NULL(t, p, 0, 0, "")
#define KUNIT_ASSERT_NULL(t, p)      __KUNIT_NULL(t, p, 1, 1, "")
#define KUNIT_ASSERT_NOT_NULL(t, p)  __KUNIT_NULL(t, p, 0, 1, "")
#define KUNIT_EXPECT_NOT_NULL_MSG(t, p, fmt, ...) __KUNIT_NULL(t, p, 0, 0, ". " fmt, ##__VA_ARGS__)

#define __KUNIT_STREQ(t, a, b, abort) do {						\
	const char *__a = (a), *__b = (b);						\
	if (!__a || !__b || strcmp(__a, __b) != 0) {					\
		kunit_fail(t, __FILE__, __LINE__, "Expected %s == %s, but \"%s\" != \"%s\"", \
			   #a, #b, __a ? __a : "(null)", __b ? __b : "(null)");		\
		if (abort)								\
			kunit_abort(t);							\
	}										\
} while (0)
#define KUNIT_EXPECT_STREQ(t, a, b) __KUNIT_STREQ(t, a, b, 0)
#define KUNIT_ASSERT_STREQ(t, a, b) __KUNIT_STREQ(t, a, b, 1)

#define kunit_skip(t, fmt, ...) kunit_skip_case(t, fmt, ##__VA_ARGS__)
/* Linux's name for a note from a case: "# case_name: message". */
#define kunit_info(t, fmt, ...) kunit_log(t, fmt, ##__VA_ARGS__)

#endif
