/*
 * Self-tests that make KASAN report on purpose (mm/kasan_kunit.c, and the
 * module loader's case for a module's globals): KASAN_EXPECT() runs an
 * expression and expects exactly one report of a kind, inside the
 * harness's expected-fault markers; KASAN_EXPECT_NONE() expects none.
 * A KASAN kernel only (CONFIG_KASAN).
 */
#ifndef _MICA_KASAN_KUNIT_H
#define _MICA_KASAN_KUNIT_H

#include <linux/compiler.h>
#include <linux/sched.h>
#include <mica/kunit.h>
#include <string.h>

/*
 * Reports made by @task between kasan_expect_begin() and kasan_expect_end()
 * are counted (and never dropped as repeats); of the first one, its kind
 * and the global variable it names (empty if none) are kept.
 */
struct kasan_expectation {
	struct task_struct *task;
	unsigned int reports;
	const char *bug_type;
	char variable[64];
};
void kasan_expect_begin(struct kasan_expectation *e);
void kasan_expect_end(void);

static inline void kasan_expect_one(struct kunit *test, const struct kasan_expectation *e,
				    const char *kind, const char *file, int line)
{
	if (e->reports != 1)
		kunit_fail(test, file, line, "Expected one KASAN report (%s), got %u",
			   kind ? kind : "none", e->reports);
	else if (!kind || strcmp(e->bug_type, kind))
		kunit_fail(test, file, line, "Expected a %s report, got %s", kind ? kind : "no",
			   e->bug_type);
}

/* Run @expr expecting exactly one KASAN report of @kind; @e keeps what it said. */
#define KASAN_EXPECT_REPORT(test, e, kind, expr) do {				\
	kunit_expect_fault_begin(test);						\
	kasan_expect_begin(e);							\
	expr;									\
	barrier();								\
	kasan_expect_end();							\
	kunit_expect_fault_end(test);						\
	kasan_expect_one(test, e, kind, __FILE__, __LINE__);			\
} while (0)

#define KASAN_EXPECT(test, kind, expr) do {					\
	struct kasan_expectation __e;						\
										\
	KASAN_EXPECT_REPORT(test, &__e, kind, expr);				\
} while (0)

/* Run @expr expecting no report at all. */
#define KASAN_EXPECT_NONE(test, expr) do {					\
	struct kasan_expectation __e;						\
										\
	kasan_expect_begin(&__e);						\
	expr;									\
	barrier();								\
	kasan_expect_end();							\
	KUNIT_EXPECT_EQ(test, __e.reports, 0);					\
} while (0)

#endif
