/*
 * In-kernel self-tests in KUnit's shape: suites of cases, EXPECT (record and
 * go on) and ASSERT (record and end the case) macros, KTAP version 1 output.
 * Suites register with kunit_test_suite() where their subsystem lives.
 * Invariants (e.g. "free page count unchanged", "allocator validates") run
 * around every suite: a suite that breaks one is reported as failed.
 */
#ifndef _MICA_KUNIT_H
#define _MICA_KUNIT_H

#include <linux/types.h>
#include <linux/compiler.h>

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

struct kunit {
	const char *name;
	enum kunit_status status;
	char status_comment[128];
	void *priv;
	void *abort_ctx;	/* where an ASSERT failure returns to */
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

/* Run all suites (names == NULL) or those named; returns failed suites. */
int kunit_run_suites(int nnames, char **names);

#define KUNIT_FAIL(test, fmt, ...) kunit_fail(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_TRUE_MSG(test, cond, fmt, ...) do {				\
	if (!(cond))									\
		kunit_fail(test, __FILE__, __LINE__, "Expected %s to be true. " fmt,	\
			   #cond, ##__VA_ARGS__);					\
} while (0)
#define KUNIT_EXPECT_TRUE(test, cond)  KUNIT_EXPECT_TRUE_MSG(test, cond, "")
#define KUNIT_EXPECT_FALSE(test, cond) KUNIT_EXPECT_TRUE_MSG(test, !(cond), "")

#define __KUNIT_BINARY(test, a, op, b, abort) do {					\
	long long __a = (long long)(a), __b = (long long)(b);				\
	if (!(__a op __b)) {								\
		kunit_fail(test, __FILE__, __LINE__,					\
			   "Expected %s %s %s, but %s == %lld (0x%llx), %s == %lld (0x%llx)", \
			   #a, #op, #b, #a, __a, (unsigned long long)__a, #b, __b,	\
			   (unsigned long long)__b);					\
		if (abort)								\
			kunit_abort(test);						\
	}										\
} while (0)

#define KUNIT_EXPECT_EQ(t, a, b) __KUNIT_BINARY(t, a, ==, b, 0)
#define KUNIT_EXPECT_NE(t, a, b) __KUNIT_BINARY(t, a, !=, b, 0)
#define KUNIT_EXPECT_LT(t, a, b) __KUNIT_BINARY(t, a, <, b, 0)
#define KUNIT_EXPECT_LE(t, a, b) __KUNIT_BINARY(t, a, <=, b, 0)
#define KUNIT_EXPECT_GT(t, a, b) __KUNIT_BINARY(t, a, >, b, 0)
#define KUNIT_EXPECT_GE(t, a, b) __KUNIT_BINARY(t, a, >=, b, 0)
#define KUNIT_ASSERT_EQ(t, a, b) __KUNIT_BINARY(t, a, ==, b, 1)
#define KUNIT_ASSERT_NE(t, a, b) __KUNIT_BINARY(t, a, !=, b, 1)
#define KUNIT_ASSERT_LT(t, a, b) __KUNIT_BINARY(t, a, <, b, 1)
#define KUNIT_ASSERT_LE(t, a, b) __KUNIT_BINARY(t, a, <=, b, 1)
#define KUNIT_ASSERT_GT(t, a, b) __KUNIT_BINARY(t, a, >, b, 1)
#define KUNIT_ASSERT_GE(t, a, b) __KUNIT_BINARY(t, a, >=, b, 1)

#define KUNIT_EXPECT_PTR_EQ(t, a, b) KUNIT_EXPECT_EQ(t, (uintptr_t)(a), (uintptr_t)(b))
#define KUNIT_EXPECT_PTR_NE(t, a, b) KUNIT_EXPECT_NE(t, (uintptr_t)(a), (uintptr_t)(b))
#define KUNIT_EXPECT_NULL(t, p)      KUNIT_EXPECT_EQ(t, (uintptr_t)(p), 0)
#define KUNIT_EXPECT_NOT_NULL(t, p)  KUNIT_EXPECT_NE(t, (uintptr_t)(p), 0)
#define KUNIT_ASSERT_NOT_NULL(t, p)  KUNIT_ASSERT_NE(t, (uintptr_t)(p), 0)
#define KUNIT_ASSERT_NULL(t, p)      KUNIT_ASSERT_EQ(t, (uintptr_t)(p), 0)
#define KUNIT_ASSERT_TRUE(t, c)      KUNIT_ASSERT_NE(t, !!(c), 0)
#define KUNIT_ASSERT_FALSE(t, c)     KUNIT_ASSERT_EQ(t, !!(c), 0)

#define KUNIT_EXPECT_STREQ(t, a, b) do {						\
	const char *__a = (a), *__b = (b);						\
	if (!__a || !__b || strcmp(__a, __b) != 0)					\
		kunit_fail(t, __FILE__, __LINE__, "Expected %s == %s, but \"%s\" != \"%s\"", \
			   #a, #b, __a ? __a : "(null)", __b ? __b : "(null)");		\
} while (0)

#define kunit_skip(t, fmt, ...) kunit_skip_case(t, fmt, ##__VA_ARGS__)

#endif
