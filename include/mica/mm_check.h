/*
 * mm's interface for tests in any subsystem: consistency checks of its own
 * structures, for self-tests and KUnit invariants (a stress test elsewhere
 * may end with them), and allocation failures on demand. Test-only:
 * nothing in the kernel's normal paths calls them. Each check returns 0
 * when everything holds, else -EINVAL with the first broken rule described
 * in @why.
 */
#ifndef _MICA_MM_CHECK_H
#define _MICA_MM_CHECK_H

#include <linux/types.h>

/*
 * The page allocator (mm/page_alloc_validate.c): every invariant of every
 * zone (free lists, orders, buddy flags, counts, per-CPU lists, unmerged
 * buddies).
 */
int page_alloc_validate(char *why, size_t len);

/* vmalloc (mm/vmalloc.c): the area trees and their counts. */
int vmalloc_check(char *why, size_t len);

/*
 * Page allocation failures on demand (mm/fail_page_alloc.c), for a test
 * of how other code fails cleanly: make the @nth candidate page allocation
 * from now on fail, once, quietly, whatever its flags and order; then put
 * fail_page_alloc's settings back as they were before the first call.
 */
void fail_page_alloc_test_nth(unsigned long nth);
void fail_page_alloc_test_restore(void);

#endif
