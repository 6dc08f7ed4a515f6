/*
 * In-kernel self-tests of the page allocator (KTAP), and the invariants the
 * framework checks around every suite: the validator holds, and the free
 * page count (per-CPU lists drained) is what it was before the suite.
 * Pages held by a test are chained through their own page->lru, so no
 * test needs memory of its own to remember them.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/kasan.h>
#include <linux/page_owner.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/shrinker.h>
#include <linux/topology.h>
#include <linux/errno.h>
#include <mica/kunit.h>
#include <mica/shell.h>
#include <mica/mm_check.h>
#include <string.h>
#include "internal.h"
#include "vmalloc_internal.h"

/* kernel/smp.c: run @func on every other online CPU. */
void smp_call_function(void (*func)(void *info), void *info, int wait);

/* --- invariants ---------------------------------------------------------- */

/*
 * Free pages, the slab's caches shrunk and the per-CPU lists drained. Page
 * tables the arch allocated on demand (never freed) count as free here: a
 * suite that ioremaps for the first time in a new 1 MiB section has not
 * leaked its table. So do KASAN's vmalloc shadow pages, kept as page
 * tables are, and the vmalloc descriptor pool's pages: the areas and free
 * ranges alive after a suite are as many as before, but may sit in a page
 * the pool grew meanwhile (the per-CPU caches keep the first pages'
 * descriptors).
 */
static unsigned long free_and_pagetable_pages(void)
{
	drop_slab();		/* the slab's cached objects and empty slabs too */
	drain_all_pages();
	return nr_free_pages() + global_page_state(NR_PAGETABLE) + vm_desc_pool_pages() +
	       kasan_populated_pages();
}

static unsigned long free_before_suite;
static u64 suite_start;

static void free_pages_snapshot(void)
{
	free_before_suite = free_and_pagetable_pages();
	suite_start = local_clock();
}

/* With page_owner=on, a leak report names who allocated what is missing. */
static int free_pages_check(char *why, size_t len)
{
	unsigned long now = free_and_pagetable_pages();

	if (now == free_before_suite)
		return 0;
	scnprintf(why, len, "%lu free pages, %lu before the suite", now, free_before_suite);
	page_owner_report_since(suite_start, 8);
	return -1;
}
KUNIT_INVARIANT(free_pages, "free page count", free_pages_snapshot, free_pages_check);

static int validator_check(char *why, size_t len)
{
	return page_alloc_validate(why, len) ? -1 : 0;
}
KUNIT_INVARIANT(page_alloc_validate, "page allocator validates", NULL, validator_check);

/* Tests that change fail_page_alloc (or the boot's fail_page_alloc=) put it back. */
static struct fail_page_alloc_attr fail_page_alloc_before_suite;

static void fail_page_alloc_snapshot(void)
{
	fail_page_alloc_before_suite = fail_page_alloc;
}

static int fail_page_alloc_check(char *why, size_t len)
{
	const struct fail_page_alloc_attr *was = &fail_page_alloc_before_suite;

	if (fail_page_alloc_same_settings(&fail_page_alloc, was))
		return 0;
	scnprintf(why, len, "probability=%lu interval=%lu times=%d min-order=%u, was %lu %lu %d %u",
		  fail_page_alloc.attr.probability, fail_page_alloc.attr.interval,
		  fail_page_alloc.attr.times, fail_page_alloc.min_order, was->attr.probability,
		  was->attr.interval, was->attr.times, was->min_order);
	return -1;
}
KUNIT_INVARIANT(fail_page_alloc, "fail_page_alloc settings kept", fail_page_alloc_snapshot,
		fail_page_alloc_check);

/* --- helpers --------------------------------------------------------------- */

static struct fail_page_alloc_attr fail_page_alloc_saved;

static void fail_page_alloc_restore(void *unused)
{
	fail_page_alloc_configure(&fail_page_alloc_saved);
}

/* fail_page_alloc's settings come back when the case ends, however it ends. */
static int keep_fail_page_alloc(struct kunit *test)
{
	fail_page_alloc_saved = fail_page_alloc;
	return kunit_add_action_or_reset(test, fail_page_alloc_restore, NULL);
}

/*
 * For cases about the allocator's own mechanics (which page comes back,
 * when reclaim runs) rather than its callers' error paths: no injected
 * failures until the case ends. Also the per-case init of those suites.
 */
static int pause_fail_page_alloc(struct kunit *test)
{
	struct fail_page_alloc_attr off = fail_page_alloc;
	int err = keep_fail_page_alloc(test);

	off.attr.probability = 0;
	if (!err)
		fail_page_alloc_configure(&off);
	return err;
}

/* Hold an order-0 page on @list until release_list(). */
/* Keep @page on @list; a failed allocation (NULL) holds nothing. */
static void hold(struct list_head *list, struct page *page)
{
	if (page)
		list_add(&page->lru, list);
}

static unsigned long release_list(struct list_head *list)
{
	struct page *page, *next;
	unsigned long n = 0;

	list_for_each_entry_safe(page, next, list, lru) {
		list_del(&page->lru);
		__free_page(page);
		n++;
	}
	return n;
}

static unsigned long fill_until_fail(struct list_head *list, gfp_t gfp)
{
	struct page *page;

	while ((page = alloc_page(gfp | __GFP_NOWARN)) != NULL)
		hold(list, page);
	return zone_page_state(&NODE_DATA(0)->node_zones[ZONE_NORMAL], NR_FREE_PAGES);
}

static struct zone *zone_of(int nid, enum zone_type idx)
{
	return &NODE_DATA(nid)->node_zones[idx];
}

/* Cases about ZONE_NORMAL itself; with little memory (mem=16M) all of it is DMA. */
static void need_normal_zone(struct kunit *test)
{
	if (!populated_zone(zone_of(0, ZONE_NORMAL)))
		kunit_skip(test, "no Normal zone (all memory is in ZONE_DMA)");
}

/* --- buddy ------------------------------------------------------------------- */

static void split_and_merge(struct kunit *test)
{
	struct zone *z = zone_of(0, ZONE_NORMAL);
	unsigned long before[MAX_ORDER];
	unsigned int o;
	struct page *p;

	drain_all_pages();
	for (o = 0; o < MAX_ORDER; o++)
		before[o] = z->free_area[o].nr_free;
	p = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(page_to_pfn(p), 4));
	KUNIT_EXPECT_EQ(test, page_count(p), 1);
	KUNIT_EXPECT_FALSE(test, PageBuddy(p));
	__free_pages(p, 2);
	for (o = 0; o < MAX_ORDER; o++)
		KUNIT_EXPECT_EQ(test, z->free_area[o].nr_free, before[o]);
}

/* The largest order with a free block in the zones GFP_KERNEL uses (little memory: < 10). */
static unsigned int largest_free_order(void)
{
	unsigned int o, largest = 0;
	struct zone *zone;

	drain_all_pages();
	for_each_populated_zone(zone) {
		if (zone_idx(zone) > ZONE_NORMAL)
			continue;
		for (o = 0; o < MAX_ORDER; o++)
			if (zone->free_area[o].nr_free && o > largest)
				largest = o;
	}
	return largest;
}

static void every_order(struct kunit *test)
{
	unsigned int o, largest = largest_free_order();

	if (largest < MAX_ORDER - 1)
		kunit_info(test, "orders above %u not tried: no free block that large", largest);
	for (o = 0; o <= largest; o++) {
		struct page *p = alloc_pages(GFP_KERNEL, o);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED(page_to_pfn(p), 1UL << o));
		memset(page_address(p), 0xa5, PAGE_SIZE << o);
		__free_pages(p, o);
	}
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
}

static void addresses(struct kunit *test)
{
	struct page *p = alloc_page(GFP_KERNEL);
	unsigned long addr;
	void *va;

	KUNIT_ASSERT_NOT_NULL(test, p);
	va = page_address(p);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page(va), p);
	KUNIT_EXPECT_PTR_EQ(test, pfn_to_page(page_to_pfn(p)), p);
	KUNIT_EXPECT_EQ(test, page_to_phys(p), __pa(va));
	KUNIT_EXPECT_TRUE(test, virt_addr_valid(va));
	KUNIT_EXPECT_FALSE(test, PageHighMem(p));
	__free_page(p);
	addr = __get_free_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_PTR_EQ(test, page_address(virt_to_page(addr)), (void *)addr);
	free_pages(addr, 2);
	if (populated_zone(zone_of(0, ZONE_HIGHMEM))) {
		unsigned long va;

		p = alloc_page(GFP_HIGHUSER);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, PageHighMem(p));
		/* No linear address: NULL, or its kmap address while one lasts. */
		va = (unsigned long)page_address(p);
		if (va)
			KUNIT_EXPECT_TRUE(test, va >= PKMAP_BASE && va < PAGE_OFFSET);
		__free_page(p);
	}
	/* The document: __get_free_pages cannot hand out high memory. */
	KUNIT_EXPECT_EQ(test, __get_free_pages(GFP_HIGHUSER, 0), 0);
}

static struct kunit_case buddy_cases[] = {
	KUNIT_CASE(split_and_merge),
	KUNIT_CASE(every_order),
	KUNIT_CASE(addresses),
	{}
};
static struct kunit_suite buddy_suite = {
	.name = "page_alloc_buddy", .init = pause_fail_page_alloc, .test_cases = buddy_cases,
};
kunit_test_suite(buddy_suite);

/* --- GFP ------------------------------------------------------------------- */

static void gfp_zone_table(struct kunit *test)
{
	static const int expect[16] = {
		ZONE_NORMAL, ZONE_DMA, ZONE_HIGHMEM, -1, ZONE_NORMAL, -1, -1, -1,
		ZONE_NORMAL, ZONE_DMA, ZONE_MOVABLE, -1, ZONE_NORMAL, -1, -1, -1,
	};
	unsigned int bits;

	for (bits = 0; bits < 16; bits++) {
		gfp_t gfp = (__force gfp_t)bits;

		KUNIT_EXPECT_EQ(test, gfp_zone_bad(gfp), expect[bits] < 0);
		if (expect[bits] >= 0) {
			struct page *p;

			KUNIT_EXPECT_EQ(test, gfp_zone(gfp), expect[bits]);
			if (expect[bits] == ZONE_DMA && !has_managed_dma())
				continue;	/* dma_zone=0: nothing to allocate from */
			p = alloc_page(gfp | __GFP_NOWARN);
			KUNIT_ASSERT_NOT_NULL(test, p);
			/* The page is from the named zone or one it falls back to. */
			KUNIT_EXPECT_LE(test, page_zonenum(p), expect[bits]);
			__free_page(p);
		} else {
			/* Each bad combination: refused with a warning, never a crash. */
			KUNIT_EXPECT_NULL(test, alloc_page(gfp | GFP_KERNEL));
		}
	}
}

static void gfp_zones_used(struct kunit *test)
{
	struct page *dma, *normal;

	need_normal_zone(test);
	if (has_managed_dma()) {
		dma = alloc_page(GFP_KERNEL | GFP_DMA);
		KUNIT_ASSERT_NOT_NULL(test, dma);
		KUNIT_EXPECT_EQ(test, page_zonenum(dma), ZONE_DMA);
		__free_page(dma);
	}
	normal = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, normal);
	KUNIT_EXPECT_EQ(test, page_zonenum(normal), ZONE_NORMAL);
	__free_page(normal);
	/* (movablecore= may have moved all of HighMem to Movable.) */
	if (populated_zone(zone_of(0, ZONE_HIGHMEM))) {
		struct page *high = alloc_page(GFP_HIGHUSER);

		KUNIT_ASSERT_NOT_NULL(test, high);
		KUNIT_EXPECT_EQ(test, page_zonenum(high), ZONE_HIGHMEM);
		__free_page(high);
	}
}

static void gfp_zero(struct kunit *test)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1);
	unsigned long i, flags;
	unsigned char *va;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(page_address(p), 0x5a, 2 * PAGE_SIZE);
	__free_pages(p, 1);
	p = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	KUNIT_ASSERT_NOT_NULL(test, p);
	va = page_address(p);
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		if (va[i])
			break;
	KUNIT_EXPECT_EQ(test, i, 2 * PAGE_SIZE);
	__free_pages(p, 1);
	if (!totalhigh_pages)
		return;
	p = alloc_page(GFP_HIGHUSER);
	va = mm_map_page_local(p, &flags);
	memset(va, 0x77, PAGE_SIZE);
	mm_unmap_page_local(va, flags);
	__free_page(p);
	drain_local_pages(NULL);	/* the same page comes back from the buddy list */
	p = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, p);
	va = mm_map_page_local(p, &flags);
	for (i = 0; i < PAGE_SIZE; i++)
		if (va[i])
			break;
	mm_unmap_page_local(va, flags);
	KUNIT_EXPECT_EQ(test, i, PAGE_SIZE);
	__free_page(p);
}

static void compound_pages(struct kunit *test)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	unsigned long i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, PageHead(p));
	KUNIT_EXPECT_EQ(test, compound_order(p), 3);
	for (i = 1; i < 8; i++) {
		KUNIT_EXPECT_TRUE(test, PageTail(p + i));
		KUNIT_EXPECT_PTR_EQ(test, compound_head(p + i), p);
	}
	get_page(p + 5);
	KUNIT_EXPECT_EQ(test, page_count(p), 2);
	put_page(p + 5);
	put_page(p + 7);	/* the last reference frees all eight pages */
	KUNIT_EXPECT_FALSE(test, PageHead(p));
	KUNIT_EXPECT_FALSE(test, PageTail(p + 1));
}

static struct kunit_case gfp_cases[] = {
	KUNIT_CASE(gfp_zone_table),
	KUNIT_CASE(gfp_zones_used),
	KUNIT_CASE(gfp_zero),
	KUNIT_CASE(compound_pages),
	{}
};
static struct kunit_suite gfp_suite = {
	.name = "page_alloc_gfp", .init = pause_fail_page_alloc, .test_cases = gfp_cases,
};
kunit_test_suite(gfp_suite);

/* --- zones, watermarks, nodes ---------------------------------------------- */

static void zone_fallback(struct kunit *test)
{
	struct zone *high = zone_of(0, ZONE_HIGHMEM), *normal = zone_of(0, ZONE_NORMAL);
	bool normal_seen = false, dma_seen = false;
	LIST_HEAD(held);
	struct page *p;

	if (nr_online_nodes != 1 || !populated_zone(high))
		kunit_skip(test, "needs one node with high memory");
	while ((p = alloc_page(GFP_HIGHUSER | __GFP_NOWARN)) != NULL) {
		int z = page_zonenum(p);

		hold(&held, p);
		if (z == ZONE_NORMAL && !normal_seen) {
			normal_seen = true;
			KUNIT_EXPECT_LE(test, zone_page_state(high, NR_FREE_PAGES), low_wmark_pages(high));
		}
		if (z == ZONE_DMA && !dma_seen) {
			dma_seen = true;	/* the last resort: Normal is at its watermark */
			KUNIT_EXPECT_LE(test, zone_page_state(normal, NR_FREE_PAGES),
					low_wmark_pages(normal) + normal->lowmem_reserve[ZONE_HIGHMEM]);
		}
	}
	KUNIT_EXPECT_TRUE(test, normal_seen);
	if (has_managed_dma()) {
		KUNIT_EXPECT_TRUE(test, dma_seen);
		/* The lowmem reserve still keeps DMA for those who ask for it. */
		p = alloc_page(GFP_DMA | __GFP_NOWARN);
		KUNIT_EXPECT_NOT_NULL(test, p);
		if (p)
			__free_page(p);
	}
	release_list(&held);
}

static void watermarks_and_atomic_reserve(struct kunit *test)
{
	struct zone *z = zone_of(0, ZONE_NORMAL);
	unsigned long min = min_wmark_pages(z), batch = (unsigned long)z->pageset[0].pcp.batch;
	unsigned long after_kernel, after_nowait, after_atomic, atomic_min;
	LIST_HEAD(held);

	if (nr_online_nodes != 1)
		kunit_skip(test, "needs one node");
	need_normal_zone(test);
	after_kernel = fill_until_fail(&held, GFP_KERNEL);
	KUNIT_EXPECT_LE(test, after_kernel, min);
	KUNIT_EXPECT_GE(test, after_kernel + batch, min);
	after_nowait = fill_until_fail(&held, GFP_NOWAIT);	/* a quarter below min */
	KUNIT_EXPECT_LE(test, after_nowait, min - min / 4);
	atomic_min = min - min / 2;
	atomic_min -= atomic_min / 4;
	after_atomic = fill_until_fail(&held, GFP_ATOMIC);	/* and further for GFP_ATOMIC */
	KUNIT_EXPECT_LE(test, after_atomic, atomic_min);
	KUNIT_EXPECT_GE(test, after_atomic + batch, atomic_min);
	KUNIT_EXPECT_LT(test, after_atomic, after_nowait);
	KUNIT_EXPECT_LT(test, after_nowait, after_kernel);
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_ATOMIC | __GFP_NOWARN));
	release_list(&held);
}

/* The node after @nid in its fallback order that has a Normal zone. */
static int next_normal_node(int nid)
{
	int k;

	for (k = 1; k < MAX_NUMNODES; k++) {
		int next = (nid + k) % MAX_NUMNODES;

		if (node_online(next) && populated_zone(zone_of(next, ZONE_NORMAL)))
			return next;
	}
	return -1;
}

static void numa_fallback(struct kunit *test)
{
	LIST_HEAD(held);
	struct page *p;
	unsigned long n = 0;
	int cpu, next = next_normal_node(1);

	if (nr_online_nodes < 2 || !populated_zone(zone_of(1, ZONE_NORMAL)) || next < 0)
		kunit_skip(test, "needs numa=fake=N with lowmem on node 1 and another node");
	p = alloc_pages_node(1, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, page_to_nid(p), 1);
	__free_page(p);
	while ((p = alloc_pages_node(1, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN, 0)) != NULL) {
		if (page_to_nid(p) != 1)
			KUNIT_FAIL(test, "__GFP_THISNODE page from node %d", page_to_nid(p));
		hold(&held, p);
		n++;
	}
	KUNIT_EXPECT_GT(test, n, 1000);
	/* Node 1's lowmem is used up: the next node's Normal zone comes next, not DMA. */
	p = alloc_pages_node(1, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, page_to_nid(p), next);
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_NORMAL);
	__free_page(p);
	release_list(&held);
	/* The CPUs are shared out over the nodes in order. */
	KUNIT_EXPECT_EQ(test, cpu_to_node(0), 0);
	for (cpu = 1; cpu < NR_CPUS; cpu++) {
		KUNIT_EXPECT_TRUE(test, node_online(cpu_to_node(cpu)));
		KUNIT_EXPECT_GE(test, cpu_to_node(cpu), cpu_to_node(cpu - 1));
	}
}

static struct kunit_case zone_cases[] = {
	KUNIT_CASE(zone_fallback),
	KUNIT_CASE(watermarks_and_atomic_reserve),
	KUNIT_CASE(numa_fallback),
	{}
};
static struct kunit_suite zone_suite = {
	.name = "page_alloc_zones", .init = pause_fail_page_alloc, .test_cases = zone_cases,
};
kunit_test_suite(zone_suite);

/* --- per-CPU lists and mobility -------------------------------------------- */

static void hot_cold_lists(struct kunit *test)
{
	struct zone *z = zone_of(0, ZONE_NORMAL);
	struct per_cpu_pages *pcp;
	struct page *a, *b, *c, *d;
	unsigned long flags;
	int i;

	need_normal_zone(test);
	/* Stay on this CPU's lists; with interrupts off, allocations must not sleep. */
	local_irq_save(flags);
	pcp = &z->pageset[smp_processor_id()].pcp;
	drain_local_pages(NULL);
	a = alloc_page(GFP_NOWAIT);
	b = alloc_page(GFP_NOWAIT);
	__free_page(a);				/* hot: the head */
	c = alloc_page(GFP_NOWAIT);
	put_page_testzero(b);
	free_hot_cold_page(b, 1);		/* cold: the tail */
	d = alloc_page(GFP_NOWAIT | __GFP_COLD);
	local_irq_restore(flags);
	KUNIT_EXPECT_PTR_EQ(test, c, a);
	KUNIT_EXPECT_PTR_EQ(test, d, b);
	__free_page(c);
	__free_page(d);
	{
		LIST_HEAD(held);

		for (i = 0; i < 4 * pcp->high; i++)
			hold(&held, alloc_page(GFP_KERNEL));
		release_list(&held);
	}
	KUNIT_EXPECT_LT(test, READ_ONCE(pcp->count), pcp->high);
	drain_all_pages();
	KUNIT_EXPECT_EQ(test, READ_ONCE(pcp->count), 0);
}

static void mobility_grouping(struct kunit *test)
{
	enum { N = 2000, MAX_BLOCKS = 16 };
	unsigned long blocks[MAX_BLOCKS];
	LIST_HEAD(unmov);
	LIST_HEAD(mov);
	struct page *p;
	int nblocks = 0, i, j;

	if (page_group_by_mobility_disabled)
		kunit_skip(test, "mobility grouping is off");
	for (i = 0; i < N; i++) {
		hold(&unmov, alloc_page(GFP_KERNEL));
		hold(&mov, alloc_page(GFP_KERNEL | __GFP_MOVABLE));
	}
	list_for_each_entry(p, &unmov, lru) {
		unsigned long b = page_to_pfn(p) >> pageblock_order;

		KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(p), MIGRATE_UNMOVABLE);
		for (j = 0; j < nblocks && blocks[j] != b; j++)
			;
		if (j == nblocks && nblocks < MAX_BLOCKS)
			blocks[nblocks++] = b;
	}
	/* 2000 unmovable pages interleaved with movable ones share a few blocks. */
	KUNIT_EXPECT_LE(test, nblocks, 4);
	list_for_each_entry(p, &mov, lru) {
		KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(p), MIGRATE_MOVABLE);
		for (j = 0; j < nblocks; j++)
			if (page_to_pfn(p) >> pageblock_order == blocks[j])
				KUNIT_FAIL(test, "movable pfn %#lx in an unmovable block", page_to_pfn(p));
	}
	release_list(&unmov);
	release_list(&mov);
}

static struct kunit_case pcp_cases[] = {
	KUNIT_CASE(hot_cold_lists),
	KUNIT_CASE(mobility_grouping),
	{}
};
static struct kunit_suite pcp_suite = {
	.name = "page_alloc_pcp_mobility", .init = pause_fail_page_alloc, .test_cases = pcp_cases,
};
kunit_test_suite(pcp_suite);

/* --- sanity checks ---------------------------------------------------------- */

/* Run @misuse between the expected-fault markers: it must print one report. */
#define EXPECT_REPORT(test, reason, misuse) do {					\
	int __before = atomic_read(&nr_bad_page_reports);				\
	kunit_expect_fault_begin(test);							\
	misuse;										\
	kunit_expect_fault_end(test);							\
	KUNIT_EXPECT_EQ(test, atomic_read(&nr_bad_page_reports), __before + 1);	\
	KUNIT_EXPECT_STREQ(test, last_bad_page_reason(), reason);			\
} while (0)

/* Give back a block the allocator leaked on purpose after a report. */
static void repair_and_free(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		page[i].flags &= ~PAGEFLAGS_MASK;
		page[i].mapping = NULL;
		page_mapcount_reset(page + i);
		set_page_count(page + i, 0);
	}
	set_page_count(page, 1);
	__free_pages(page, order);
}

static void bad_double_free(struct kunit *test)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1);

	KUNIT_ASSERT_NOT_NULL(test, p);
	__free_pages(p, 1);
	EXPECT_REPORT(test, "double free (page is not allocated)", __free_pages(p, 1));
}

static void bad_wrong_order(struct kunit *test)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);

	KUNIT_ASSERT_NOT_NULL(test, p);
	EXPECT_REPORT(test, "freed with a smaller order than allocated", __free_pages(p, 1));
	KUNIT_EXPECT_EQ(test, page_count(p), 0);	/* leaked, not in any free list */
	repair_and_free(p, 2);
	p = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, p);
	EXPECT_REPORT(test, "freed with a larger order than allocated", __free_pages(p, 3));
	repair_and_free(p, 1);
}

static void bad_referenced_mapped_flags(struct kunit *test)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1);

	KUNIT_ASSERT_NOT_NULL(test, p);
	set_page_count(p + 1, 1);
	EXPECT_REPORT(test, "nonzero _refcount (page still referenced)", __free_pages(p, 1));
	repair_and_free(p, 1);
	p = alloc_page(GFP_KERNEL);
	atomic_inc(&p->_mapcount);
	EXPECT_REPORT(test, "nonzero mapcount (page still mapped)", __free_page(p));
	repair_and_free(p, 0);
	p = alloc_page(GFP_KERNEL);
	__SetPageSlab(p);
	EXPECT_REPORT(test, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set", __free_page(p));
	repair_and_free(p, 0);
}

static void bad_reserved_and_outside(struct kunit *test)
{
	struct page *kernel = virt_to_page(PAGE_OFFSET + 0x8000);	/* the kernel's first page */
	struct page *p;

	KUNIT_ASSERT_TRUE(test, PageReserved(kernel));
	EXPECT_REPORT(test, "freeing a reserved page", __free_page(kernel));
	KUNIT_EXPECT_TRUE(test, PageReserved(kernel));
	KUNIT_EXPECT_EQ(test, page_count(kernel), 1);
	EXPECT_REPORT(test, "pfn outside memory", __free_page(pfn_to_page(max_pfn + 16)));
	EXPECT_REPORT(test, "free_pages() of an address outside lowmem", free_page(0x1000));
	p = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	EXPECT_REPORT(test, "tail page of a compound page freed on its own", __free_page(p + 1));
	__free_pages(p, 2);
}

static struct kunit_case sanity_cases[] = {
	KUNIT_CASE(bad_double_free),
	KUNIT_CASE(bad_wrong_order),
	KUNIT_CASE(bad_referenced_mapped_flags),
	KUNIT_CASE(bad_reserved_and_outside),
	{}
};
static struct kunit_suite sanity_suite = {
	.name = "page_alloc_sanity", .init = pause_fail_page_alloc, .test_cases = sanity_cases,
};
kunit_test_suite(sanity_suite);

/* --- failure handling: fault injection, shrinkers --------------------------- */

static void fault_injection(struct kunit *test)
{
	struct fail_page_alloc_attr settings = fail_page_alloc;
	struct page *p;
	int failed = 0, i;

	KUNIT_ASSERT_EQ(test, keep_fail_page_alloc(test), 0);
	KUNIT_ASSERT_EQ(test, setup_fault_attr(&settings.attr, "1,100,0,2"), 0);
	settings.attr.verbose = 0;
	settings.ignore_gfp_wait = true;
	settings.ignore_gfp_highmem = true;
	settings.min_order = 1;
	fail_page_alloc_configure(&settings);
	fail_page_alloc.attr.count = 0;
	p = alloc_pages(GFP_KERNEL, 1);		/* ignore-gfp-wait */
	KUNIT_EXPECT_NOT_NULL(test, p);
	if (p)
		__free_pages(p, 1);
	for (i = 0; i < 5; i++) {
		p = alloc_pages(GFP_ATOMIC, 1);
		if (p)
			__free_pages(p, 1);
		else
			failed++;
	}
	KUNIT_EXPECT_EQ(test, failed, 2);	/* times=2 */
	KUNIT_EXPECT_EQ(test, set_fail_page_alloc("interval", "3"), 0);
	KUNIT_EXPECT_EQ(test, set_fail_page_alloc("times", "-1"), 0);
	for (failed = 0, i = 0; i < 9; i++) {
		p = alloc_pages(GFP_ATOMIC, 1);
		if (p)
			__free_pages(p, 1);
		else
			failed++;
	}
	KUNIT_EXPECT_EQ(test, failed, 3);	/* every third */
	p = alloc_pages(GFP_ATOMIC | __GFP_NOFAIL, 1);	/* never failed on purpose */
	KUNIT_EXPECT_NOT_NULL(test, p);
	if (p)
		__free_pages(p, 1);
}

static void end_capture(void *unused)
{
	shell_capture(NULL, 0);
}

/* The fail_page_alloc command applies all its settings or none. */
static void fault_injection_command_all_or_nothing(struct kunit *test)
{
	static char out[512];
	struct fail_page_alloc_attr before = fail_page_alloc;
	char bad[] = "fail_page_alloc probability=50 min-order=3 times=x";

	KUNIT_ASSERT_EQ(test, keep_fail_page_alloc(test), 0);
	shell_capture(out, sizeof(out));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, end_capture, NULL), 0);
	KUNIT_EXPECT_EQ(test, shell_execute(bad), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "fail_page_alloc: bad value in 'times=x'"));
	KUNIT_EXPECT_TRUE(test, fail_page_alloc_same_settings(&fail_page_alloc, &before));
}

static unsigned long shrinker_calls;
static LIST_HEAD(cache);

static unsigned long cache_count(struct shrinker *s, struct shrink_control *sc)
{
	struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, &cache)
		n++;
	return n;
}

static unsigned long cache_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long n = 0;

	shrinker_calls++;
	while (n < sc->nr_to_scan && !list_empty(&cache)) {
		struct page *p = list_first_entry(&cache, struct page, lru);

		list_del(&p->lru);
		__free_page(p);
		n++;
	}
	return n;
}

static void shrinker_under_pressure(struct kunit *test)
{
	struct shrinker s = { .count_objects = cache_count, .scan_objects = cache_scan,
			      .seeks = DEFAULT_SEEKS };
	/* Enough that freeing it lifts Normal from the atomic reserve above min. */
	unsigned long i, cached = 2 * min_wmark_pages(zone_of(0, ZONE_NORMAL)) + 64;
	LIST_HEAD(held);
	struct page *p;

	if (nr_online_nodes != 1)
		kunit_skip(test, "needs one node");
	need_normal_zone(test);
	KUNIT_ASSERT_EQ(test, pause_fail_page_alloc(test), 0);
	for (i = 0; i < cached; i++)
		hold(&cache, alloc_page(GFP_KERNEL));
	KUNIT_ASSERT_EQ(test, register_shrinker(&s), 0);
	shrinker_calls = 0;
	fill_until_fail(&held, GFP_ATOMIC);	/* no shrinking without __GFP_WAIT */
	KUNIT_EXPECT_EQ(test, shrinker_calls, 0);
	KUNIT_EXPECT_EQ(test, cache_count(&s, NULL), cached);
	/* __GFP_NORETRY: one round of reclaim, then the answer. */
	p = alloc_page(GFP_KERNEL | __GFP_NORETRY);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_GT(test, shrinker_calls, 0);
	KUNIT_EXPECT_EQ(test, cache_count(&s, NULL), 0);
	if (p)
		hold(&held, p);
	unregister_shrinker(&s);
	release_list(&held);
	release_list(&cache);
}

static struct kunit_case failure_cases[] = {
	KUNIT_CASE(fault_injection),
	KUNIT_CASE(fault_injection_command_all_or_nothing),
	KUNIT_CASE(shrinker_under_pressure),
	{}
};
static struct kunit_suite failure_suite = { .name = "page_alloc_failure", .test_cases = failure_cases };
kunit_test_suite(failure_suite);

/* --- reports ---------------------------------------------------------------- */

static char report[4096];
static size_t report_len;

static int capture(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(report + report_len, sizeof(report) - report_len, fmt, ap);
	va_end(ap);
	report_len += (size_t)n;
	return n;
}

static unsigned long field_kb(const char *key)
{
	const char *p = strstr(report, key);
	unsigned long v = 0;

	if (!p)
		return ~0UL;
	for (p += strlen(key); *p == ' '; p++)
		;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (unsigned long)(*p++ - '0');
	return v;
}

static void meminfo_matches_buddyinfo(struct kunit *test)
{
	unsigned long buddy = 0;
	struct zone *zone;

	drain_all_pages();
	report_len = 0;
	meminfo_show(capture);
	for_each_populated_zone(zone)
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			buddy += zone->free_area[o].nr_free << o;
	KUNIT_EXPECT_EQ(test, field_kb("MemTotal:"), totalram_pages << (PAGE_SHIFT - 10));
	KUNIT_EXPECT_EQ(test, field_kb("MemFree:"), buddy << (PAGE_SHIFT - 10));
	KUNIT_EXPECT_EQ(test, field_kb("HighTotal:"), totalhigh_pages << (PAGE_SHIFT - 10));
	KUNIT_EXPECT_EQ(test, field_kb("LowTotal:") + field_kb("HighTotal:"), field_kb("MemTotal:"));
	report_len = 0;
	buddyinfo_show(capture);
	for_each_populated_zone(zone) {
		char line[32];

		snprintf(line, sizeof(line), "Node %d, zone %8s ", zone->zone_pgdat->node_id, zone->name);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(report, line), "%s", line);
	}
}

static struct kunit_case report_cases[] = {
	KUNIT_CASE(meminfo_matches_buddyinfo),
	{}
};
static struct kunit_suite report_suite = { .name = "page_alloc_reports", .test_cases = report_cases };
kunit_test_suite(report_suite);

/* --- all CPUs at once ---------------------------------------------------------- */

struct smp_ctx {
	u32 *owner;		/* one bit per page frame: handed out */
	atomic_t running;
	atomic_t errors;
	int iterations;
};

static bool claim(struct smp_ctx *ctx, unsigned long pfn, bool take)
{
	unsigned long i = pfn - ARCH_PFN_OFFSET;
	u32 bit = 1U << (i % 32), old;

	if (take)
		old = __atomic_fetch_or(&ctx->owner[i / 32], bit, __ATOMIC_RELAXED);
	else
		old = __atomic_fetch_and(&ctx->owner[i / 32], ~bit, __ATOMIC_RELAXED);
	return ((old & bit) != 0) != take;	/* true: as expected */
}

static void smp_worker(void *arg)
{
	static const gfp_t gfps[] = { GFP_ATOMIC, GFP_ATOMIC | __GFP_HIGHMEM, GFP_ATOMIC | __GFP_COLD,
				       GFP_ATOMIC | __GFP_MOVABLE, GFP_ATOMIC | GFP_DMA };
	struct smp_ctx *ctx = arg;
	unsigned int cpu = raw_smp_processor_id(), seed = cpu * 2654435761U + 1;
	LIST_HEAD(mine);
	int i;

	for (i = 0; i < ctx->iterations; i++) {
		struct page *p;

		seed = seed * 1103515245 + 12345;
		if ((seed >> 16) & 1) {
			p = alloc_page(gfps[(seed >> 8) % ARRAY_SIZE(gfps)] | __GFP_NOWARN);
			if (!p)
				continue;
			if (!claim(ctx, page_to_pfn(p), true))
				atomic_inc(&ctx->errors);	/* handed out twice */
			if (!PageHighMem(p))
				*(u32 *)page_address(p) = page_to_pfn(p) ^ cpu;
			list_add(&p->lru, &mine);
		} else if (!list_empty(&mine)) {
			p = list_first_entry(&mine, struct page, lru);
			list_del(&p->lru);
			if (!PageHighMem(p) && *(u32 *)page_address(p) != (page_to_pfn(p) ^ cpu))
				atomic_inc(&ctx->errors);	/* someone else wrote here */
			if (!claim(ctx, page_to_pfn(p), false))
				atomic_inc(&ctx->errors);
			__free_page(p);
		}
	}
	while (!list_empty(&mine)) {
		struct page *p = list_first_entry(&mine, struct page, lru);

		list_del(&p->lru);
		claim(ctx, page_to_pfn(p), false);
		__free_page(p);
	}
	atomic_dec(&ctx->running);
}

static void all_cpus_concurrently(struct kunit *test)
{
	unsigned long words = DIV_ROUND_UP(max_pfn - ARCH_PFN_OFFSET, 32);
	unsigned int order = get_order(words * sizeof(u32));
	struct smp_ctx ctx = { .iterations = 20000 };
	struct page *bitmap = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);

	KUNIT_ASSERT_NOT_NULL(test, bitmap);
	ctx.owner = page_address(bitmap);
	atomic_set(&ctx.running, num_online_cpus());
	atomic_set(&ctx.errors, 0);
	if (num_online_cpus() > 1)
		smp_call_function(smp_worker, &ctx, 0);
	smp_worker(&ctx);
	while (atomic_read(&ctx.running))
		cpu_relax();
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx.errors), 0);
	__free_pages(bitmap, order);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(all_cpus_concurrently),
	{}
};
static struct kunit_suite smp_suite = { .name = "page_alloc_smp", .test_cases = smp_cases };
kunit_test_suite(smp_suite);
