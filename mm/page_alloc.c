/*
 * The buddy page allocator: per zone, free blocks of 2^order pages on lists
 * per order and migrate type; a block splits in halves on allocation and
 * merges with its free buddy (same order, same zone, not across a hole) on
 * free. Order-0 pages pass through per-CPU hot/cold lists. Allocation walks
 * the zonelist, checks watermarks, then drains the per-CPU lists, runs the
 * shrinkers and retries as the GFP flags allow (mm/page_alloc_slowpath.c).
 */
#include <linux/mm.h>
#include <mica/module_track.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/debug_locks.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/kasan.h>
#include <linux/page_owner.h>
#include <string.h>
#include "internal.h"

int page_group_by_mobility_disabled;

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Reclaimable", "Movable", "Reserve",
};

/* Where each type looks when its own lists are empty (the reserve comes last). */
static const int fallbacks[MIGRATE_TYPES][MIGRATE_TYPES - 1] = {
	[MIGRATE_UNMOVABLE]   = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE,   MIGRATE_RESERVE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE,   MIGRATE_MOVABLE,   MIGRATE_RESERVE },
	[MIGRATE_MOVABLE]     = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, MIGRATE_RESERVE },
	[MIGRATE_RESERVE]     = { MIGRATE_RESERVE,     MIGRATE_RESERVE,   MIGRATE_RESERVE },
};

DEFINE_STATIC_KEY_TRUE(check_pages_enabled);

static int __init check_pages_setup(char *str)
{
	return static_key_param(str, &check_pages_enabled.key);
}
early_param("check_pages=", check_pages_setup);

void set_pageblock_migratetype(struct page *page, int migratetype)
{
	if (unlikely(page_group_by_mobility_disabled && migratetype < MIGRATE_PCPTYPES))
		migratetype = MIGRATE_UNMOVABLE;
	WRITE_ONCE(*pageblock_byte(page_zone(page), page), (u8)migratetype);
}

static inline void add_to_free_list(struct page *page, struct zone *zone, unsigned int order,
				    int migratetype, bool tail)
{
	struct free_area *area = &zone->free_area[order];

	set_page_private(page, order);
	__SetPageBuddy(page);
	if (tail)
		list_add_tail(&page->lru, &area->free_list[migratetype]);
	else
		list_add(&page->lru, &area->free_list[migratetype]);
	area->nr_free++;
}

static inline void del_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	set_page_private(page, 0);
	zone->free_area[order].nr_free--;
}

/* Is @buddy the free first page of an order-@order block in @page's zone? */
static inline bool page_is_buddy(const struct page *page, const struct page *buddy,
				 unsigned int order)
{
	const unsigned long zone_bits = (ZONES_MASK << ZONES_PGSHIFT) | (NODES_MASK << NODES_PGSHIFT);

	return PageBuddy(buddy) && page_order(buddy) == order &&
	       ((page->flags ^ buddy->flags) & zone_bits) == 0;
}

/*
 * Put a free block back and merge it with its buddies as far as they are
 * free. The caller holds zone->lock and accounts NR_FREE_PAGES. A buddy
 * outside the zone's span is none (this also keeps it inside mem_map);
 * page_is_buddy() checks the rest.
 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order, int migratetype)
{
	const unsigned long start = zone->zone_start_pfn, span = zone->spanned_pages;
	unsigned long buddy_pfn;
	struct page *buddy;

	while (order < MAX_ORDER - 1) {
		buddy_pfn = pfn ^ (1UL << order);
		buddy = page + ((long)buddy_pfn - (long)pfn);
		if (buddy_pfn - start >= span || !page_is_buddy(page, buddy, order))
			break;
		del_from_free_list(buddy, zone, order);
		if (buddy_pfn < pfn) {
			page = buddy;
			pfn = buddy_pfn;
		}
		order++;
	}
	/*
	 * If the next larger block is half free, keep this one at the tail so
	 * it stays unused longer and its buddy has time to come back.
	 */
	if (order < MAX_ORDER - 2) {
		unsigned long higher_buddy_pfn = (pfn & ~((2UL << order) - 1)) ^ (2UL << order);

		buddy = page + ((long)higher_buddy_pfn - (long)pfn);
		if (higher_buddy_pfn - start < span && page_is_buddy(page, buddy, order + 1)) {
			add_to_free_list(page, zone, order, migratetype, true);
			return;
		}
	}
	add_to_free_list(page, zone, order, migratetype, false);
}

/* Split an order-@high block down to order @low, freeing the upper halves. */
static inline void expand(struct zone *zone, struct page *page, unsigned int low,
			  unsigned int high, int migratetype)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high, migratetype, false);
	}
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int migratetype)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct list_head *list = &zone->free_area[current_order].free_list[migratetype];
		struct page *page;

		if (list_empty(list))
			continue;
		page = list_first_entry(list, struct page, lru);
		del_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order, migratetype);
		return page;
	}
	return NULL;
}

unsigned long move_freepages_block(struct zone *zone, struct page *page, int migratetype)
{
	unsigned long start_pfn = ALIGN_DOWN(page_to_pfn(page), pageblock_nr_pages);
	unsigned long end_pfn = start_pfn + pageblock_nr_pages;
	unsigned long pfn, moved = 0;

	start_pfn = max(start_pfn, zone->zone_start_pfn);
	end_pfn = min(end_pfn, zone_end_pfn(zone));
	for (pfn = start_pfn; pfn < end_pfn;) {
		struct page *p = pfn_to_page(pfn);
		unsigned int order;

		if (!PageBuddy(p) || page_zone(p) != zone) {
			pfn++;
			continue;
		}
		order = page_order(p);
		list_move(&p->lru, &zone->free_area[order].free_list[migratetype]);
		pfn += 1UL << order;
		moved += 1UL << order;
	}
	return moved;
}

/* Mark every pageblock of an order-@order block (order >= pageblock_order). */
static void change_pageblock_range(struct page *page, unsigned int order, int migratetype)
{
	unsigned long nr = 1UL << (order - pageblock_order);

	while (nr--) {
		set_pageblock_migratetype(page, migratetype);
		page += pageblock_nr_pages;
	}
}

/*
 * Take a block from another migrate type. Search from the largest order so
 * that a whole pageblock changes hands rather than many blocks getting
 * mixed; when the stolen block is large (or the requester is reclaimable)
 * the rest of its pageblock's free pages move too, and the pageblock's
 * type changes once over half of it is ours.
 */
static struct page *__rmqueue_fallback(struct zone *zone, unsigned int order, int start_type)
{
	int current_order, i;

	for (current_order = MAX_ORDER - 1; current_order >= (int)order; current_order--) {
		for (i = 0; i < MIGRATE_TYPES - 1; i++) {
			int migratetype = fallbacks[start_type][i];
			struct list_head *list = &zone->free_area[current_order].free_list[migratetype];
			struct page *page;

			if (migratetype == MIGRATE_RESERVE)
				break;
			if (list_empty(list))
				continue;
			page = list_first_entry(list, struct page, lru);
			if (current_order < (int)pageblock_order &&
			    (current_order >= (int)pageblock_order / 2 ||
			     start_type == MIGRATE_RECLAIMABLE || page_group_by_mobility_disabled)) {
				unsigned long moved = move_freepages_block(zone, page, start_type);

				/* Claim the block if over half of it is free. */
				if (moved >= pageblock_nr_pages / 2 || page_group_by_mobility_disabled)
					set_pageblock_migratetype(page, start_type);
			}
			del_from_free_list(page, zone, current_order);
			if (current_order >= (int)pageblock_order)
				change_pageblock_range(page, current_order, start_type);
			/*
			 * The rest of the stolen block goes on our lists, as in
			 * Linux 3.14: the next requests of our type take it
			 * instead of stealing (and mixing) yet another block.
			 */
			expand(zone, page, order, current_order, start_type);
			return page;
		}
	}
	return NULL;
}

/* One block of @order, of @migratetype if possible. Called with zone->lock held. */
static struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype)
{
	struct page *page = __rmqueue_smallest(zone, order, migratetype);

	if (unlikely(!page) && migratetype != MIGRATE_RESERVE) {
		page = __rmqueue_fallback(zone, order, migratetype);
		if (!page)
			page = __rmqueue_smallest(zone, order, MIGRATE_RESERVE);
	}
	return page;
}

/* Fill a per-CPU list with up to @count order-0 pages; returns how many. */
static int rmqueue_bulk(struct zone *zone, int count, struct list_head *list, int migratetype,
			bool cold)
{
	int i;

	spin_lock(&zone->lock);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0, migratetype);

		if (unlikely(!page))
			break;
		/* Remember the type it goes back to: its pageblock's, now. */
		page->index = (unsigned long)get_pageblock_migratetype(page);
		if (cold)
			list_add_tail(&page->lru, list);
		else
			list_add(&page->lru, list);
		list = &page->lru;	/* keep ascending physical order */
	}
	mod_zone_page_state(zone, NR_FREE_PAGES, -i);
	spin_unlock(&zone->lock);
	return i;
}

/* Give @count pages of @pcp back to the buddy lists, cold ends first, round robin. */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	int type = 0, freed = 0;

	spin_lock(&zone->lock);
	while (count > 0 && pcp->count > 0) {
		struct list_head *list;
		struct page *page;

		do {	/* pcp->count > 0: some list is not empty */
			type = (type + 1) % MIGRATE_PCPTYPES;
			list = &pcp->lists[type];
		} while (list_empty(list));
		page = list_last_entry(list, struct page, lru);
		list_del(&page->lru);
		pcp->count--;
		count--;
		freed++;
		__free_one_page(page, page_to_pfn(page), zone, 0, (int)page->index);
	}
	mod_zone_page_state(zone, NR_FREE_PAGES, freed);
	spin_unlock(&zone->lock);
}

static void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
			  unsigned int order, int migratetype)
{
	spin_lock(&zone->lock);
	__free_one_page(page, pfn, zone, order, migratetype);
	mod_zone_page_state(zone, NR_FREE_PAGES, 1L << order);
	spin_unlock(&zone->lock);
}

/* What may not be set on a page being freed; NULL if it is clean. */
static const char *free_page_problem(const struct page *page)
{
	if (unlikely(atomic_read(&page->_mapcount) != -1))
		return "nonzero mapcount (page still mapped)";
	if (unlikely(page->mapping != NULL))
		return "non-NULL mapping";
	if (unlikely(page_ref_count(page) != 0))
		return "nonzero _refcount (page still referenced)";
	if (unlikely(page->flags & PAGE_FLAGS_CHECK_AT_FREE)) {
		if (page->flags & (1UL << PG_reserved))
			return "freeing a reserved page";
		if (page->flags & (1UL << PG_buddy))
			return "double free (page is already free)";
		if (page->flags & (1UL << PG_tail))
			return "tail page of a compound page freed on its own";
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	}
	return NULL;
}

/* Undo prep_compound_page; false (after a report) if a tail was disturbed. */
static bool destroy_compound_page(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;
	bool ok = true;

	if (unlikely(compound_order(page) != order)) {
		bad_page(page, "compound page freed with the wrong order");
		return false;
	}
	__ClearPageHead(page);
	for (i = 1; i < nr; i++) {
		struct page *p = page + i;

		if (unlikely(!PageTail(p) || p->compound_head != (unsigned long)page + 1)) {
			bad_page(p, "corrupted compound tail page");
			ok = false;
		}
		__ClearPageTail(p);
		INIT_LIST_HEAD(&p->lru);
	}
	return ok;
}

/* All of free_page_problem's conditions in one test. */
static __always_inline bool free_page_ok(const struct page *page)
{
	return ((page->flags & PAGE_FLAGS_CHECK_AT_FREE) |
		(unsigned int)(atomic_read(&page->_mapcount) + 1) |
		(uintptr_t)page->mapping | (unsigned int)page_ref_count(page)) == 0;
}

/* Report every page of @page..@end with a problem; false (the block is leaked). */
static noinline bool free_pages_report(struct page *page, struct page *end)
{
	for (; page < end; page++) {
		const char *problem = free_page_problem(page);

		if (problem)
			bad_page(page, problem);
	}
	return false;
}

/*
 * Every check Linux's free_pages_prepare makes, plus the recorded order,
 * and the flags cleared, in one pass. A page that fails is reported and
 * the whole block is leaked: a leak is safe, a corrupted free list is not.
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	struct page *p, *end = page + (1UL << order);
	int recorded = page_alloc_order(page);

	if (unlikely(recorded != (int)order) && !PageReserved(page)) {
		if (recorded < 0)
			bad_page(page, "freeing a page the allocator did not hand out");
		else
			bad_page(page, order < (unsigned int)recorded ?
				 "freed with a smaller order than allocated" :
				 "freed with a larger order than allocated");
		return false;
	}
	if (PageHead(page) && !destroy_compound_page(page, order))
		return false;
	/* The first page last: a leaked block keeps the order it was allocated with. */
	for (p = page; p < end; p++) {
		if (unlikely(!free_page_ok(p)))
			return free_pages_report(p, end);
		if (p != page)
			p->flags &= ~PAGEFLAGS_MASK;
	}
	page->flags &= ~(PAGEFLAGS_MASK | (PAGE_ALLOC_ORDER_MASK << PAGE_ALLOC_ORDER_PGSHIFT));
	kasan_free_pages(page, order);
	reset_page_owner(page, order);
	return true;
}

void __free_pages_core(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long pfn = page_to_pfn(page);

	kasan_free_pages(page, order);
	free_one_page(zone, page, pfn, order, get_pageblock_migratetype(page));
}

static void free_pages_ok(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (!free_pages_prepare(page, order))
		return;
	local_irq_save(flags);
	free_one_page(page_zone(page), page, page_to_pfn(page), order,
		      get_pageblock_migratetype(page));
	local_irq_restore(flags);
}

/*
 * A CPU's per-CPU lists are only ever touched by that CPU with its
 * interrupts off: nothing else can run there meanwhile, so no lock and no
 * atomic is needed. Another CPU that wants them emptied asks their owner
 * with an IPI (drain_all_pages).
 */
static __always_inline struct per_cpu_pages *this_cpu_pcp(struct zone *zone)
{
	struct per_cpu_pages *pcp = &zone->pageset[smp_processor_id()].pcp;

	OPTIMIZER_HIDE_VAR(pcp);	/* one add, not a recomputation per use */
	return pcp;
}

static __always_inline void free_hot_cold_page_prepared(struct page *page, int cold)
{
	struct zone *zone = page_zone(page);
	int migratetype = READ_ONCE(*pageblock_byte(zone, page));
	struct per_cpu_pages *pcp;
	unsigned long flags;

	page->index = (unsigned long)migratetype;
	/* Reserve pages ride on the movable list but go home to the reserve. */
	if (unlikely(migratetype >= MIGRATE_PCPTYPES))
		migratetype = MIGRATE_MOVABLE;
	flags = arch_local_irq_save();
	pcp = this_cpu_pcp(zone);
	if (cold)
		list_add_tail(&page->lru, &pcp->lists[migratetype]);
	else
		list_add(&page->lru, &pcp->lists[migratetype]);
	if (unlikely(++pcp->count >= pcp->high))
		free_pcppages_bulk(zone, pcp->batch, pcp);
	arch_local_irq_restore(flags);
}

void free_hot_cold_page(struct page *page, int cold)
{
	if (free_pages_prepare(page, 0))
		free_hot_cold_page_prepared(page, cold);
}

void free_hot_cold_page_list(struct list_head *list, int cold)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, list, lru) {
		list_del(&page->lru);
		free_hot_cold_page(page, cold);
	}
}

/* @pcp must be this CPU's (or an offline CPU's, which nobody else touches). */
void drain_zone_pages(struct zone *zone, struct per_cpu_pages *pcp)
{
	unsigned long flags = arch_local_irq_save();

	if (pcp->count)
		free_pcppages_bulk(zone, pcp->count, pcp);
	arch_local_irq_restore(flags);
}

static void drain_cpu_pages(unsigned int cpu)
{
	struct zone *zone;

	for_each_populated_zone(zone)
		drain_zone_pages(zone, &zone->pageset[cpu].pcp);
}

/* Empty this CPU's lists (also the IPI function of drain_all_pages). */
void drain_local_pages(void *unused)
{
	unsigned long flags = arch_local_irq_save();

	drain_cpu_pages(smp_processor_id());
	arch_local_irq_restore(flags);
}

/*
 * Every online CPU empties its own lists (an IPI to the others, Linux's
 * way before 5.14); the lists of offline CPUs are emptied from here. A
 * caller that may not send IPIs (interrupts off, interrupt context) can
 * only empty its own CPU's lists: Linux drains only from direct reclaim,
 * which such callers never reach either.
 */
void drain_all_pages(void)
{
	unsigned int cpu;

	if (irqs_disabled() || in_interrupt()) {
		drain_local_pages(NULL);
		return;
	}
	on_each_cpu(drain_local_pages, NULL, 1);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			drain_cpu_pages(cpu);
}

/* A page leaving the allocator must look exactly as a free page should. */
static noinline const char *new_page_problem(const struct page *page)
{
	if (atomic_read(&page->_mapcount) != -1)
		return "nonzero mapcount";
	if (page->mapping != NULL)
		return "non-NULL mapping";
	if (page_ref_count(page) != 0)
		return "nonzero _refcount";
	return "PAGE_FLAGS_CHECK_AT_PREP flag(s) set";
}

/* All of new_page_problem's conditions in one test. */
static __always_inline bool new_page_ok(const struct page *page)
{
	return ((page->flags & PAGE_FLAGS_CHECK_AT_PREP) |
		(unsigned int)(atomic_read(&page->_mapcount) + 1) |
		(uintptr_t)page->mapping | (unsigned int)page_ref_count(page)) == 0;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	__SetPageHead(page);
	for (i = 1; i < nr; i++) {
		struct page *p = page + i;

		__SetPageTail(p);
		p->compound_head = (unsigned long)page + 1;
	}
	page[1].compound_order = order;
}

static noinline void report_new_page(struct page *page)
{
	bad_page(page, new_page_problem(page));
}

/* Every page of a new block looks as a free page should; else reported, false. */
static __always_inline bool new_pages_ok(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	for (i = 0; i < nr; i++) {
		if (unlikely(!new_page_ok(page + i))) {
			report_new_page(page + i);
			return false;
		}
	}
	return true;
}

/*
 * The fields of a block's first page as an allocation hands it out, for
 * prep_new_page and for the order-0 fast path that has nothing else to do.
 */
static __always_inline void set_new_page_fields(struct page *page, unsigned int order)
{
	page->index = 0;	/* the per-CPU lists keep the migrate type there */
	set_page_private(page, 0);
	init_page_count(page);
	set_page_alloc_order(page, (int)order);
	kasan_alloc_pages(page, order);
}

/* False (after a report) if the block must be leaked and another taken. */
static __always_inline bool prep_new_page(struct page *page, unsigned int order, gfp_t gfp_flags)
{
	if (static_branch_unlikely(&check_pages_enabled) && !new_pages_ok(page, order))
		return false;
	set_new_page_fields(page, order);
	set_page_owner(page, order, gfp_flags);
	if (unlikely(gfp_flags & __GFP_ZERO))
		clear_pages_any(page, order);
	if (unlikely(order && (gfp_flags & __GFP_COMP)))
		prep_compound_page(page, order);
	return true;
}

/* Out of line: keeps the fast path's registers free. False if the zone has none. */
static noinline bool pcp_refill(struct zone *zone, struct per_cpu_pages *pcp, int migratetype,
				bool cold)
{
	struct list_head *list = &pcp->lists[migratetype];

	pcp->count += rmqueue_bulk(zone, pcp->batch, list, migratetype, cold);
	return !list_empty(list);
}

static __always_inline struct page *rmqueue_pcplist(struct zone *zone, bool cold, int migratetype)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	unsigned long flags;
	struct page *page;

	flags = arch_local_irq_save();
	pcp = this_cpu_pcp(zone);
	list = &pcp->lists[migratetype];
	if (unlikely(list_empty(list)) && !pcp_refill(zone, pcp, migratetype, cold)) {
		arch_local_irq_restore(flags);
		return NULL;
	}
	page = list_entry(cold ? list->prev : list->next, struct page, lru);
	__list_del(page->lru.prev, page->lru.next);
	pcp->count--;
	arch_local_irq_restore(flags);
	return page;
}

/* Take 2^order pages from @zone: order 0 through this CPU's list. */
static __always_inline struct page *buffered_rmqueue(struct zone *zone, unsigned int order,
						     gfp_t gfp_flags, int migratetype)
{
	unsigned long flags;
	struct page *page;

	if (likely(order == 0))
		return rmqueue_pcplist(zone, (gfp_flags & __GFP_COLD) != 0, migratetype);
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue(zone, order, migratetype);
	if (page)
		mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)zone_page_state(z, NR_FREE_PAGES) - (1L << order) + 1;
	unsigned int o;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + (long)z->lowmem_reserve[classzone_idx])
		return false;
	/* Free pages of smaller orders cannot serve this request. */
	for (o = 0; o < order; o++) {
		free_pages -= (long)(READ_ONCE(z->free_area[o].nr_free) << o);
		min >>= 1;
		if (free_pages <= min)
			return false;
	}
	return true;
}

/* zone_watermark_ok, with the order-0, no-reserve case (the fast path) inline. */
static __always_inline bool zone_watermark_fast(struct zone *z, unsigned int order,
						unsigned long mark, int classzone_idx, int alloc_flags)
{
	if (likely(order == 0 && !(alloc_flags & (ALLOC_HIGH | ALLOC_HARDER))))
		return zone_page_state(z, NR_FREE_PAGES) > mark + z->lowmem_reserve[classzone_idx];
	return zone_watermark_ok(z, order, mark, classzone_idx, alloc_flags);
}

static __always_inline struct page *freelist_walk(gfp_t gfp_mask, const nodemask_t *nodemask,
						  unsigned int order, struct zoneref *z,
						  int high_zoneidx, int alloc_flags,
						  int classzone_idx, int migratetype)
{
	struct zone *zone;

	for (; (zone = z->zone) != NULL; z++) {
		struct page *page;

		if (z->zone_idx > high_zoneidx ||
		    (nodemask && !node_isset(zone->zone_pgdat->node_id, *nodemask)))
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_fast(zone, order, zone->watermark[alloc_flags & ALLOC_WMARK_MASK],
					 classzone_idx, alloc_flags))
			continue;
		while ((page = buffered_rmqueue(zone, order, gfp_mask, migratetype)) != NULL) {
			if (likely(prep_new_page(page, order, gfp_mask)))
				return page;
			/* A corrupted block stays out of circulation; take another. */
		}
	}
	return NULL;
}

noinline struct page *get_page_from_freelist(gfp_t gfp_mask, const nodemask_t *nodemask,
					     unsigned int order, struct zoneref *z,
					     int high_zoneidx, int alloc_flags, int classzone_idx,
					     int migratetype)
{
	return freelist_walk(gfp_mask, nodemask, order, z, high_zoneidx, alloc_flags,
			     classzone_idx, migratetype);
}

/*
 * Everything but the fast path: zones bad or empty, nodemasks, fault
 * injection, higher orders, the full zonelist walk, then the slow path
 * (mm/page_alloc_slowpath.c).
 */
static noinline struct page *alloc_pages_walk(gfp_t gfp_mask, unsigned int order,
					      struct zonelist *zonelist, nodemask_t *nodemask)
{
	int high_zoneidx = (int)gfp_zone(gfp_mask), migratetype;
	struct zoneref *z;
	struct page *page;

	if (unlikely(gfp_zone_bad(gfp_mask) || order >= MAX_ORDER))
		return alloc_pages_refused(gfp_mask, order);
	/* Linux's preferred zone: the first usable one (the lowmem reserve's class). */
	z = zonelist->_zonerefs + zonelist->first[high_zoneidx];
	while (unlikely(nodemask) && z->zone && (z->zone_idx > high_zoneidx ||
			!node_isset(z->zone->zone_pgdat->node_id, *nodemask)))
		z++;
	if (unlikely(!z->zone))
		return __alloc_pages_slowpath(gfp_mask, order, zonelist, high_zoneidx, nodemask, z, 0);
	if (unlikely(should_fail_alloc_page(gfp_mask, order)))
		return NULL;
	migratetype = allocflags_to_migratetype(gfp_mask);
	page = get_page_from_freelist(gfp_mask, nodemask, order, z, high_zoneidx,
				      ALLOC_WMARK_LOW, z->zone_idx, migratetype);
	if (likely(page))
		return page;
	return __alloc_pages_slowpath(gfp_mask, order, zonelist, high_zoneidx, nodemask, z,
				      migratetype);
}

/* With debug_atomic_sleep=1: report a sleeping allocation from atomic context, then allocate. */
static noinline struct page *alloc_pages_might_sleep(gfp_t gfp_mask, unsigned int order,
						     struct zonelist *zonelist, nodemask_t *nodemask)
{
	__might_sleep(__FILE__, __LINE__);
	return alloc_pages_walk(gfp_mask, order, zonelist, nodemask);
}

/*
 * The fast path's view of a GFP mask's zone bits (the low four, __GFP_MOVABLE
 * among them) and __GFP_RECLAIMABLE: gfp_zone() in bits 0-1 and, above,
 * where the migrate type's list is in struct per_cpu_pages; FAST_GFP_NONE
 * for what only the walk handles (a GFP_ZONE_BAD combination, or movable
 * and reclaimable at once).
 */
#define FAST_GFP_NONE		0xff
#define FAST_GFP_RECLAIMABLE	16	/* the index bit standing for __GFP_RECLAIMABLE */
#define FAST_GFP_LIST(mt)	(offsetof(struct per_cpu_pages, lists[mt]) << ZONES_SHIFT)
#define FAST_GFP(i) ((GFP_ZONE_BAD >> ((i) & 15) & 1) ||				\
		     (((i) & FAST_GFP_RECLAIMABLE) && ((i) & ___GFP_MOVABLE)) ? FAST_GFP_NONE :	\
	((GFP_ZONE_TABLE >> (((i) & 15) * ZONES_SHIFT)) & ((1UL << ZONES_SHIFT) - 1)) |	\
	((i) & ___GFP_MOVABLE ? FAST_GFP_LIST(MIGRATE_MOVABLE) :			\
	 (i) & FAST_GFP_RECLAIMABLE ? FAST_GFP_LIST(MIGRATE_RECLAIMABLE) :		\
	 FAST_GFP_LIST(MIGRATE_UNMOVABLE)))
#define FAST_GFP4(i) FAST_GFP(i), FAST_GFP((i) + 1), FAST_GFP((i) + 2), FAST_GFP((i) + 3)
static const u8 fast_gfp[32] = {
	FAST_GFP4(0), FAST_GFP4(4), FAST_GFP4(8), FAST_GFP4(12),
	FAST_GFP4(16), FAST_GFP4(20), FAST_GFP4(24), FAST_GFP4(28),
};
_Static_assert(___GFP_RECLAIMABLE >> 15 == FAST_GFP_RECLAIMABLE, "fast_gfp index");
_Static_assert(MAX_NR_ZONES <= 1 << ZONES_SHIFT, "fast_gfp zone bits");
_Static_assert(FAST_GFP_LIST(MIGRATE_PCPTYPES - 1) < FAST_GFP_NONE, "fast_gfp list offsets");

/*
 * The common case, straight-line: an order-0 page from the head of this
 * CPU's list of the preferred zone, above its low watermark. NULL sends
 * the caller to the full walk, which handles everything else: the masks
 * fast_gfp leaves out, __GFP_COLD, other zones, an empty list to refill.
 * (With mobility grouping off the walk refills only the unmovable lists:
 * the others stay empty and their requests miss to it.)
 */
static __always_inline struct page *alloc_order0_fast(gfp_t gfp_mask, struct zonelist *zonelist)
{
	unsigned int bits = (__force unsigned int)gfp_mask;
	unsigned int fast = fast_gfp[(bits & (__force unsigned int)GFP_ZONEMASK) |
				     ((bits & ___GFP_RECLAIMABLE) >> 15)];
	struct per_cpu_pages *pcp;
	struct list_head *list;
	struct zone *zone;
	unsigned long flags;
	struct page *page;

	if (unlikely(fast == FAST_GFP_NONE || (gfp_mask & __GFP_COLD)))
		return NULL;
	zone = zonelist->_zonerefs[zonelist->first[fast & ((1U << ZONES_SHIFT) - 1)]].zone;
	/* Its own class: the zone's lowmem_reserve against itself is 0. */
	if (unlikely(!zone || atomic_read(&zone->vm_stat[NR_FREE_PAGES]) <=
			      (long)low_wmark_pages(zone)))
		return NULL;
	flags = arch_local_irq_save();
	pcp = this_cpu_pcp(zone);
	list = (struct list_head *)((char *)pcp + (fast >> ZONES_SHIFT));
	if (unlikely(list_empty(list))) {
		arch_local_irq_restore(flags);
		return NULL;
	}
	page = list_first_entry(list, struct page, lru);
	__list_del(page->lru.prev, page->lru.next);
	pcp->count--;
	arch_local_irq_restore(flags);
	return page;
}

/* An order-0 page off a per-CPU list with check_pages=1 or __GFP_ZERO: prep_new_page out of line. */
static noinline struct page *alloc_order0_prep(struct page *page, gfp_t gfp_mask,
					       struct zonelist *zonelist)
{
	if (likely(prep_new_page(page, 0, gfp_mask)))
		return page;
	return alloc_pages_walk(gfp_mask, 0, zonelist, NULL);	/* it was leaked; take another */
}

/*
 * The allocator's fast path: order 0, no nodemask, no fault injection, a
 * page from this CPU's list of the first usable zone of the zonelist,
 * above its low watermark. Anything else, or a miss, goes to
 * alloc_pages_walk(), which starts over. Only tail calls leave it.
 */
static __always_inline struct page *alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order,
							 struct zonelist *zonelist,
							 nodemask_t *nodemask)
{
	struct page *page;

	if (might_sleep_check() && (gfp_mask & __GFP_WAIT))
		return alloc_pages_might_sleep(gfp_mask, order, zonelist, nodemask);
	if (unlikely(order || nodemask) || static_branch_unlikely(&fail_page_alloc_armed))
		return alloc_pages_walk(gfp_mask, order, zonelist, nodemask);
	page = alloc_order0_fast(gfp_mask, zonelist);
	if (unlikely(!page))
		return alloc_pages_walk(gfp_mask, 0, zonelist, NULL);
	/* page_owner's record is a call: out of line, as the checks. */
	if (static_branch_unlikely(&check_pages_enabled) || page_owner_enabled() ||
	    unlikely(gfp_mask & __GFP_ZERO))
		return alloc_order0_prep(page, gfp_mask, zonelist);
	set_new_page_fields(page, 0);
	return page;
}

/* A module's pages are recorded for the report on rmmod (mica/module_track.h). */
noinline struct page *alloc_pages_tracked(gfp_t gfp_mask, unsigned int order,
					  struct zonelist *zonelist, nodemask_t *nodemask,
					  unsigned long caller)
{
	struct page *page = alloc_pages_nodemask(gfp_mask, order, zonelist, nodemask);

	if (page)
		module_track_alloc(MT_PAGES, page, order, caller, NULL);
	return page;
}

/* The allocator's entry point: a leaf apart from its tail calls (no frame). */
struct page * __frameless __alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order,
						 struct zonelist *zonelist, nodemask_t *nodemask)
{
	return alloc_pages_nodemask(gfp_mask, order, zonelist, nodemask);
}
EXPORT_SYMBOL(__alloc_pages_nodemask);

/* What a module's __alloc_pages_nodemask resolves to while recording (mica/module_track.h). */
struct page *__alloc_pages_nodemask_from_module(gfp_t gfp_mask, unsigned int order,
						struct zonelist *zonelist, nodemask_t *nodemask)
{
	if (module_track_caller(_RET_IP_))
		return alloc_pages_tracked(gfp_mask, order, zonelist, nodemask, _RET_IP_);
	return alloc_pages_nodemask(gfp_mask, order, zonelist, nodemask);
}

/* The reference count reached zero: give the pages back. */
static __always_inline void free_the_page(struct page *page, unsigned int order)
{
	if (likely(order == 0))
		free_hot_cold_page(page, 0);
	else
		free_pages_ok(page, order);
}

static noinline void free_pages_misuse(struct page *page)
{
	if (!page_in_mem_map(page)) {
		report_bad_pfn(page, "pfn outside memory");
	} else if (PageTail(page)) {
		bad_page(page, "tail page of a compound page freed on its own");
	} else {
		atomic_inc(&page->_refcount);	/* leave it as it was */
		bad_page(page, PageReserved(page) ? "freeing a reserved page"
						  : "double free (page is not allocated)");
	}
}

/*
 * __free_pages() of anything but a plain order-0 page of mem_map: any
 * order, a tail or reserved page, a pointer outside mem_map.
 */
static noinline void __free_pages_any(struct page *page, unsigned int order)
{
	int count;

	if (unlikely(!page_in_mem_map(page) || PageTail(page))) {
		free_pages_misuse(page);
		return;
	}
	count = atomic_dec_return(&page->_refcount);
	if (likely(count > 0))
		return;
	if (unlikely(count < 0 || PageReserved(page))) {
		free_pages_misuse(page);
		return;
	}
	if (unlikely(debug_locks_held()) && !PageHighMem(page))
		debug_check_no_locks_freed(page_address(page), PAGE_SIZE << order);
	if (module_track_held_any(MT_PAGES))
		module_track_free(MT_PAGES, page);
	free_the_page(page, order);
	alloc_wake_on_free();
}

/* An order-0 page that failed the one-look test: the full checks and their report. */
static noinline void free_order0_checked(struct page *page)
{
	free_hot_cold_page(page, 0);
	alloc_wake_on_free();
}

/*
 * Mutexes held somewhere (lock debugging on), pages held by modules, or
 * page_owner on: no held mutex may be in the page, a module's record of
 * it goes, and so does page_owner's (free_hot_cold_page).
 */
static noinline void free_order0_watched(struct page *page)
{
	if (debug_locks_held() && !PageHighMem(page))
		debug_check_no_locks_freed(page_address(page), PAGE_SIZE);
	if (module_track_held_any(MT_PAGES))
		module_track_free(MT_PAGES, page);
	free_order0_checked(page);
}

/* This CPU's list went over its high mark: a batch back to the buddy lists. */
static noinline void free_pcp_overflow(struct zone *zone, struct per_cpu_pages *pcp,
				       unsigned long flags)
{
	free_pcppages_bulk(zone, pcp->batch, pcp);
	arch_local_irq_restore(flags);
	alloc_wake_on_free();
}

/*
 * Drop a reference to 2^order pages; free them with the last one. The fast
 * path, a leaf apart from tail calls: an order-0 page of mem_map, neither
 * tail nor reserved, whose last reference goes, passing the free-time
 * checks in one test, onto this CPU's hot list.
 */
void __frameless __free_pages(struct page *page, unsigned int order)
{
	const unsigned long check = PAGE_FLAGS_CHECK_AT_FREE | (1UL << PG_head) |
				    (PAGE_ALLOC_ORDER_MASK << PAGE_ALLOC_ORDER_PGSHIFT);
	struct per_cpu_pages *pcp;
	unsigned long flags;
	struct zone *zone;
	int count, migratetype;

	if (unlikely(order || !page_in_mem_map(page) ||
		     (page->flags & ((1UL << PG_tail) | (1UL << PG_reserved)))))
		return __free_pages_any(page, order);
	count = atomic_dec_return(&page->_refcount);
	if (likely(count > 0))
		return;
	if (unlikely(count < 0))
		return free_pages_misuse(page);
	if (unlikely(debug_locks_held() || module_track_held_any(MT_PAGES)) || page_owner_enabled())
		return free_order0_watched(page);
	flags = page->flags;
	/* One test: the flags as expected (order 0 recorded), mapcount -1, no mapping. */
	if (unlikely((((flags & check) ^ (1UL << PAGE_ALLOC_ORDER_PGSHIFT)) |
		      (unsigned int)(atomic_read(&page->_mapcount) + 1) |
		      (uintptr_t)page->mapping) != 0))
		return free_order0_checked(page);
	page->flags = flags & ~(PAGEFLAGS_MASK | (PAGE_ALLOC_ORDER_MASK << PAGE_ALLOC_ORDER_PGSHIFT));
	kasan_free_pages(page, 0);
	zone = page_zone(page);
	migratetype = *pageblock_byte(zone, page);
	page->index = (unsigned long)migratetype;
	flags = arch_local_irq_save();
	pcp = this_cpu_pcp(zone);
	/* Reserve pages ride on the movable list but go home to the reserve. */
	list_add(&page->lru, &pcp->lists[min(migratetype, MIGRATE_MOVABLE)]);
	if (unlikely(++pcp->count >= pcp->high))
		return free_pcp_overflow(zone, pcp, flags);
	arch_local_irq_restore(flags);
	alloc_wake_on_free();
}
EXPORT_SYMBOL(__free_pages);

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr == 0)
		return;
	if (unlikely(!virt_addr_valid(addr) || !PAGE_ALIGNED(addr))) {
		report_bad_pfn((void *)addr, "free_pages() of an address outside lowmem");
		return;
	}
	__free_pages(virt_to_page(addr), order);
}
EXPORT_SYMBOL(free_pages);

void put_page(struct page *page)
{
	struct page *head = compound_head(page);
	int count = atomic_dec_return(&head->_refcount);

	if (likely(count > 0))
		return;
	if (unlikely(count < 0)) {
		atomic_inc(&head->_refcount);
		bad_page(head, "put_page() on a page with no references");
		return;
	}
	free_the_page(head, compound_order(head));
}
EXPORT_SYMBOL(put_page);

void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	if (WARN_ON(PageCompound(page)) || WARN_ON(page_alloc_order(page) != (int)order))
		return;
	for (i = 0; i < (1UL << order); i++) {
		set_page_alloc_order(page + i, 0);
		if (i)
			init_page_count(page + i);
	}
	split_page_owner(page, order);
}
EXPORT_SYMBOL_GPL(split_page);
