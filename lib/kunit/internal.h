/* Shared between the KUnit runner (test.c) and suite selection (executor.c). */
#ifndef _LIB_KUNIT_INTERNAL_H
#define _LIB_KUNIT_INTERNAL_H

#include <mica/kunit.h>

struct kunit_result_stats {
	unsigned int passed, failed, skipped, total;
};

/*
 * Which tests to run: every one when nglobs is 0, else those matching a
 * glob. A glob without '.' matches suite names (all their cases); one with
 * '.' matches "suite.case".
 */
struct kunit_filter {
	int nglobs;
	char *const *globs;
};

bool kunit_case_selected(const struct kunit_filter *filter, const struct kunit_suite *suite,
			 const struct kunit_case *tc);

/*
 * Run one suite as subtest @number, printing its KTAP block; adds its cases
 * to @totals. With @quiet, everything but the suite's own result line goes
 * to the log ring only (console_quiet).
 */
enum kunit_status kunit_run_suite(struct kunit_suite *suite, unsigned int number,
				  const struct kunit_filter *filter,
				  struct kunit_result_stats *totals, bool quiet);

#endif
