/*
 * Helpers shared by the host tests of the page allocator: boot a simulated
 * machine, and check the allocator's invariants (validator, free page count
 * back to its value at the start of the test).
 */
#ifndef _MM_TEST_H
#define _MM_TEST_H

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/shrinker.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <mica/mm_check.h>
#include "sim.h"
#include "../../../mm/internal.h"

/* Boot vexpress-a9 with @mib MiB of RAM and @cmdline; returns pages freed. */
static inline unsigned long mm_test_boot(unsigned long mib, const char *cmdline)
{
	struct sim_config cfg = { { { 0x60000000, mib << 20 } }, 1, 760UL << 20, cmdline };

	return sim_boot(&cfg);
}

/* Free pages once every per-CPU list is back in the buddy lists. */
static inline unsigned long mm_test_free_pages(void)
{
	drain_all_pages();
	return nr_free_pages();
}

/* NULL if the validator is happy, else its explanation (static buffer). */
static inline const char *mm_test_validate(void)
{
	static char why[256];

	return page_alloc_validate(why, sizeof(why)) ? why : NULL;
}

static inline struct zone *mm_test_zone(int nid, enum zone_type idx)
{
	return &NODE_DATA(nid)->node_zones[idx];
}

/* Which zone index a page is in. */
static inline int mm_test_zone_of(struct page *page)
{
	return (int)page_zonenum(page);
}

#endif
