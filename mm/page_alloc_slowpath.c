/*
 * What __alloc_pages_nodemask() (mm/page_alloc.c) does when the fast path
 * (low watermark) fails: drop to the min watermark (further for GFP_ATOMIC),
 * drain the per-CPU lists, run the shrinkers if the caller may wait, and
 * retry as __GFP_NORETRY/__GFP_REPEAT/__GFP_NOFAIL say; report a failure
 * unless __GFP_NOWARN. Also the address-returning wrappers
 * (__get_free_pages, get_zeroed_page, alloc_pages_exact).
 */
#include <linux/errno.h>
#include <mica/module_track.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/smp.h>
#include <linux/shrinker.h>
#include <linux/preempt.h>
#include <linux/jiffies.h>
#include <string.h>
#include "internal.h"

/* How often a waiting allocation of a small order goes round again. */
#define MAX_RECLAIM_RETRIES 16
/* How long it may then wait for pages to be freed (Linux's HZ/50 congestion wait). */
#define ALLOC_FREE_WAIT (HZ / 50 ? HZ / 50 : 1)

static bool cpu_in_reclaim[NR_CPUS];

bool current_in_reclaim(void)
{
	return !in_interrupt() && READ_ONCE(cpu_in_reclaim[raw_smp_processor_id()]);
}

int gfp_to_alloc_flags(gfp_t gfp_mask)
{
	int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp_mask & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if (!(gfp_mask & __GFP_WAIT) && !(gfp_mask & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_HARDER;
	if (!(gfp_mask & __GFP_NOMEMALLOC) &&
	    ((gfp_mask & __GFP_MEMALLOC) || current_in_reclaim()))
		alloc_flags |= ALLOC_NO_WATERMARKS;
	return alloc_flags;
}

/* Run the shrinkers on this CPU's behalf; returns objects freed. */
static unsigned long direct_reclaim(gfp_t gfp_mask, int nid)
{
	unsigned int cpu = raw_smp_processor_id();
	unsigned long freed;

	WRITE_ONCE(cpu_in_reclaim[cpu], true);
	freed = shrink_slab(gfp_mask, nid);
	WRITE_ONCE(cpu_in_reclaim[cpu], false);
	drain_all_pages();	/* what the shrinkers freed may sit on per-CPU lists */
	return freed;
}

static bool should_retry(gfp_t gfp_mask, unsigned int order, unsigned long progress, int round)
{
	if (gfp_mask & __GFP_NOFAIL)
		return true;
	if (gfp_mask & __GFP_NORETRY)
		return false;
	if (!progress || round >= MAX_RECLAIM_RETRIES)
		return false;
	return order <= PAGE_ALLOC_COSTLY_ORDER || (gfp_mask & __GFP_REPEAT);
}

struct page *__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order,
				    struct zonelist *zonelist, int high_zoneidx,
				    const nodemask_t *nodemask, struct zoneref *preferred,
				    int migratetype)
{
	int alloc_flags = gfp_to_alloc_flags(gfp_mask);
	bool can_reclaim = (gfp_mask & __GFP_WAIT) && !in_interrupt() && !current_in_reclaim();
	int classzone_idx = preferred->zone_idx;
	struct page *page = NULL;
	bool waited = false;
	int round = 0;

	if (unlikely(!preferred->zone))
		goto fail;	/* no zone at all: e.g. GFP_DMA with no ZONE_DMA */
	WARN_ON_ONCE((gfp_mask & __GFP_NOFAIL) && order > 1);	/* may never succeed */
	for (;;) {
		unsigned long progress;

		page = get_page_from_freelist(gfp_mask, nodemask, order, preferred, high_zoneidx,
					      alloc_flags, classzone_idx, migratetype);
		if (page)
			return page;
		/*
		 * Pages sitting on per-CPU lists count as used: bring them back.
		 * Other CPUs' lists only by IPI, which a caller that may not sleep
		 * must not wait for (it may hold a lock another CPU spins on with
		 * interrupts off); Linux too drains them only in direct reclaim.
		 */
		if (can_reclaim)
			drain_all_pages();
		else
			drain_local_pages(NULL);
		page = get_page_from_freelist(gfp_mask, nodemask, order, preferred, high_zoneidx,
					      alloc_flags, classzone_idx, migratetype);
		if (page)
			return page;
		if (!can_reclaim) {
			if (gfp_mask & __GFP_NOFAIL) {
				cpu_relax();	/* only another CPU's free can help */
				continue;
			}
			break;
		}
		progress = direct_reclaim(gfp_mask, preferred->zone->zone_pgdat->node_id);
		page = get_page_from_freelist(gfp_mask, nodemask, order, preferred, high_zoneidx,
					      alloc_flags, classzone_idx, migratetype);
		if (page)
			return page;
		if (!should_retry(gfp_mask, order, progress, ++round)) {
			/* Before failing, wait briefly (once) for someone to free memory. */
			if (waited || (gfp_mask & __GFP_NORETRY) ||
			    !alloc_wait_for_freed_pages(ALLOC_FREE_WAIT))
				break;
			waited = true;
		}
	}
fail:
	if (!(gfp_mask & __GFP_NOWARN))
		warn_alloc_failed(gfp_mask, order, nodemask);
	return NULL;
}

struct page *alloc_pages_refused(gfp_t gfp_mask, unsigned int order)
{
	if (gfp_zone_bad(gfp_mask)) {
		char names[128];

		format_gfp_flags(names, sizeof(names), gfp_mask);
		pr_warn("page allocation refused: mode:%#x(%s) combines zone modifiers "
			"that name no zone (GFP_ZONE_BAD)\n", (__force unsigned int)gfp_mask, names);
		WARN_ON(1);
		return NULL;
	}
	WARN_ON(!(gfp_mask & __GFP_NOWARN));	/* order >= MAX_ORDER */
	return NULL;
}

/* @caller: for a module's allocation, recorded for the report on rmmod. */
static unsigned long get_free_pages(gfp_t gfp_mask, unsigned int order, unsigned long caller)
{
	struct page *page;

	/* A high page has no permanent kernel address to return. */
	if (WARN_ON((gfp_mask & __GFP_HIGHMEM) != 0))
		return 0;
	if (module_track_caller(caller))
		page = alloc_pages_tracked(gfp_mask, order, node_zonelist(numa_node_id(), gfp_mask),
					   NULL, caller);
	else
		page = alloc_pages(gfp_mask, order);
	if (!page)
		return 0;
	return (unsigned long)page_address(page);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	return get_free_pages(gfp_mask, order, _RET_IP_);
}
EXPORT_SYMBOL(__get_free_pages);

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return get_free_pages(gfp_mask | __GFP_ZERO, 0, _RET_IP_);
}
EXPORT_SYMBOL(get_zeroed_page);

void *alloc_pages_exact(size_t size, gfp_t gfp_mask)
{
	unsigned int order = get_order(size);
	unsigned long addr, used, end;

	if (WARN_ON(gfp_mask & __GFP_COMP))
		gfp_mask &= ~__GFP_COMP;
	addr = get_free_pages(gfp_mask, order, 0);
	if (!addr)
		return NULL;
	split_page(virt_to_page(addr), order);
	used = addr + PAGE_ALIGN(size);
	end = addr + (PAGE_SIZE << order);
	for (; used < end; used += PAGE_SIZE)
		free_page(used);
	/* A module's: each page it keeps is recorded, as free_pages_exact frees them. */
	if (module_track_caller(_RET_IP_))
		for (used = addr; used < addr + PAGE_ALIGN(size); used += PAGE_SIZE)
			module_track_alloc(MT_PAGES, virt_to_page(used), 0, _RET_IP_, NULL);
	return (void *)addr;
}
EXPORT_SYMBOL(alloc_pages_exact);

void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt, end = addr + PAGE_ALIGN(size);

	for (; addr < end; addr += PAGE_SIZE)
		free_page(addr);
}
EXPORT_SYMBOL(free_pages_exact);
