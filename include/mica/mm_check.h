/*
 * Consistency checks of mm's own structures, for self-tests and KUnit
 * invariants in any subsystem (a stress test elsewhere may end with them).
 * Test-only: nothing in the kernel's normal paths calls them. Each returns
 * 0 when everything holds, else -EINVAL with the first broken rule
 * described in @why.
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

#endif
