/*
 * The page allocator's validator: checks every invariant of every zone,
 * the buddy lists with the zone lock held, each CPU's per-CPU lists on
 * that CPU (an IPI: nobody else may touch them). Run after every self-test
 * suite and by the host tests after every operation batch.
 */
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <mica/mm_check.h>
#include "internal.h"

struct vctx {
	char *why;
	size_t len;
	int bad;
};

static void fail(struct vctx *v, const char *fmt, ...) __printf(2, 3);
static void fail(struct vctx *v, const char *fmt, ...)
{
	va_list ap;

	if (v->bad++)
		return;		/* the first problem is the one to explain */
	va_start(ap, fmt);
	vscnprintf(v->why, v->len, fmt, ap);
	va_end(ap);
}

#define ZNAME(z) (z)->zone_pgdat->node_id, (z)->name

/* A free page (first of a block or inside one) as the allocator leaves it. */
static bool clean_free_page(struct vctx *v, const struct zone *zone, const struct page *p)
{
	if (page_zone(p) != zone) {
		fail(v, "node %d %s: free pfn %#lx belongs to another zone", ZNAME(zone), page_to_pfn(p));
		return false;
	}
	if (page_ref_count(p) != 0 || atomic_read(&p->_mapcount) != -1 || p->mapping ||
	    page_alloc_order(p) >= 0 || (p->flags & PAGE_FLAGS_CHECK_AT_PREP & ~(1UL << PG_buddy))) {
		fail(v, "node %d %s: free pfn %#lx has refcount %d mapcount %d flags %#lx",
		     ZNAME(zone), page_to_pfn(p), page_ref_count(p), page_mapcount(p), p->flags);
		return false;
	}
	return true;
}

static void check_free_lists(struct vctx *v, struct zone *zone, unsigned long *listed)
{
	unsigned long limit = zone->spanned_pages + 1;
	unsigned int order;
	int t;

	*listed = 0;
	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long n = 0;

		for (t = 0; t < MIGRATE_TYPES; t++) {
			struct list_head *head = &zone->free_area[order].free_list[t], *pos;

			for (pos = head->next; pos != head && n <= limit; pos = pos->next, n++) {
				struct page *p = list_entry(pos, struct page, lru);
				unsigned long pfn = page_to_pfn(p);
				unsigned long buddy = pfn ^ (1UL << order);

				if (pos->next->prev != pos) {
					fail(v, "node %d %s: order %u %s list corrupted at pfn %#lx",
					     ZNAME(zone), order, migratetype_names[t], pfn);
					return;
				}
				if (!PageBuddy(p) || page_order(p) != order) {
					fail(v, "node %d %s: pfn %#lx on the order-%u list has buddy=%d order %u",
					     ZNAME(zone), pfn, order, PageBuddy(p), page_order(p));
					return;
				}
				if (!IS_ALIGNED(pfn, 1UL << order) || pfn < zone->zone_start_pfn ||
				    pfn + (1UL << order) > zone_end_pfn(zone)) {
					fail(v, "node %d %s: order-%u block at pfn %#lx misaligned or outside the zone",
					     ZNAME(zone), order, pfn);
					return;
				}
				if (order < MAX_ORDER - 1 && pfn_valid(buddy) &&
				    PageBuddy(pfn_to_page(buddy)) && page_order(pfn_to_page(buddy)) == order &&
				    page_zone(pfn_to_page(buddy)) == zone) {
					fail(v, "node %d %s: free buddies %#lx and %#lx (order %u) not merged",
					     ZNAME(zone), pfn, buddy, order);
					return;
				}
				if (!clean_free_page(v, zone, p))
					return;
			}
		}
		if (n != zone->free_area[order].nr_free) {
			fail(v, "node %d %s: order %u lists hold %lu blocks, nr_free says %lu",
			     ZNAME(zone), order, n, zone->free_area[order].nr_free);
			return;
		}
		*listed += n << order;
	}
}

/* Walk the zone's pages: every free block's head and interior must be right. */
static void check_mem_map(struct vctx *v, struct zone *zone, unsigned long listed)
{
	unsigned long pfn = zone->zone_start_pfn, end = zone_end_pfn(zone), seen = 0;

	while (pfn < end && !v->bad) {
		struct page *p = pfn_to_page(pfn);
		unsigned long i, nr;

		if (!PageBuddy(p) || page_zone(p) != zone) {
			pfn++;
			continue;
		}
		nr = 1UL << page_order(p);
		for (i = 1; i < nr && pfn + i < end; i++) {
			if (PageBuddy(p + i)) {
				fail(v, "node %d %s: pfn %#lx inside free block %#lx is marked buddy",
				     ZNAME(zone), pfn + i, pfn);
				return;
			}
			if (!clean_free_page(v, zone, p + i))
				return;
		}
		seen += nr;
		pfn += nr;
	}
	if (!v->bad && seen != listed)
		fail(v, "node %d %s: %lu pages in buddy blocks, %lu on the free lists",
		     ZNAME(zone), seen, listed);
}

static void check_pcp(struct vctx *v, struct zone *zone, unsigned int cpu)
{
	struct per_cpu_pages *pcp = &zone->pageset[cpu].pcp;
	unsigned long limit = zone->spanned_pages + 1;
	int n = 0, t;

	for (t = 0; t < MIGRATE_PCPTYPES; t++) {
		struct list_head *head = &pcp->lists[t], *pos;

		for (pos = head->next; pos != head && (unsigned long)n <= limit; pos = pos->next, n++) {
			struct page *p = list_entry(pos, struct page, lru);

			if (pos->next->prev != pos || PageBuddy(p) || p->index >= MIGRATE_TYPES) {
				fail(v, "node %d %s: cpu %u per-CPU list corrupted at pfn %#lx",
				     ZNAME(zone), cpu, page_to_pfn(p));
				return;
			}
			if (!clean_free_page(v, zone, p))
				return;
		}
	}
	if (n != pcp->count)
		fail(v, "node %d %s: cpu %u per-CPU lists hold %d pages, count says %d",
		     ZNAME(zone), cpu, n, pcp->count);
}

struct pcp_check {
	struct vctx *v;
	struct zone *zone;
};

/* Runs on the CPU whose lists it checks, with interrupts off. */
static void check_pcp_here(void *arg)
{
	struct pcp_check *c = arg;

	check_pcp(c->v, c->zone, (unsigned int)smp_processor_id());
}

/*
 * Without IPIs (interrupts off, interrupt context, an offline CPU) the
 * lists are read from here: right only while their CPU does not allocate.
 */
static void check_pcps(struct vctx *v, struct zone *zone)
{
	struct pcp_check c = { v, zone };
	bool ipi = !irqs_disabled() && !in_interrupt();
	unsigned long flags;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS && !v->bad; cpu++) {
		if (ipi && cpu_online(cpu)) {
			smp_call_function_single((int)cpu, check_pcp_here, &c, 1);
			continue;
		}
		local_irq_save(flags);
		check_pcp(v, zone, cpu);
		local_irq_restore(flags);
	}
}

static void check_zone(struct vctx *v, struct zone *zone)
{
	unsigned long flags, listed = 0;

	if (zone->managed_pages > zone->present_pages || zone->present_pages > zone->spanned_pages) {
		fail(v, "node %d %s: managed %lu present %lu spanned %lu out of order", ZNAME(zone),
		     zone->managed_pages, zone->present_pages, zone->spanned_pages);
		return;
	}
	spin_lock_irqsave(&zone->lock, flags);
	check_free_lists(v, zone, &listed);
	if (!v->bad && listed != zone_page_state(zone, NR_FREE_PAGES))
		fail(v, "node %d %s: %lu pages on the free lists, NR_FREE_PAGES says %lu",
		     ZNAME(zone), listed, zone_page_state(zone, NR_FREE_PAGES));
	if (!v->bad)
		check_mem_map(v, zone, listed);
	spin_unlock_irqrestore(&zone->lock, flags);
	if (!v->bad)
		check_pcps(v, zone);
}

int page_alloc_validate(char *why, size_t len)
{
	struct vctx v = { why, len, 0 };
	struct zone *zone;

	if (len)
		why[0] = '\0';
	for_each_populated_zone(zone) {
		check_zone(&v, zone);
		if (v.bad)
			return -EINVAL;
	}
	return 0;
}
