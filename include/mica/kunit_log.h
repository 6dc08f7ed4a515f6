/*
 * Self-tests that check what the kernel printed (lib/kunit/test_log.c):
 * note printk_log_next_seq() (mica/printk_log.h) before the code under
 * test, then
 *
 *   KUNIT_EXPECT_LOGGED(test, since, "rmmod: Module * is not currently loaded",
 *                       "next line: *");
 *
 * Each pattern must match a whole line logged since then, in that order
 * (other lines may come between); '*' matches any run of characters and
 * nothing else is special, so "[mod]" and "(pid 3)" are written as they
 * print.
 */
#ifndef _MICA_KUNIT_LOG_H
#define _MICA_KUNIT_LOG_H

#include <linux/types.h>
#include <mica/kunit.h>
#include <mica/printk_log.h>

void kunit_expect_logged(struct kunit *test, const char *file, int line, u64 since,
			 const char *const *pats);

#define KUNIT_EXPECT_LOGGED(test, since, ...) \
	kunit_expect_logged(test, __FILE__, __LINE__, since, \
			    (const char *const[]){ __VA_ARGS__, NULL })

#endif
