/*
 * Host unit tests of the page allocator (cmocka, run under ASan+UBSan).
 * Every test boots a fresh simulated machine in its setup; the teardown
 * checks the validator and that the free page count is back where the
 * test started.
 */
#include "mm_test.h"
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static unsigned long baseline;
static int baseline_bad_reports;

static int boot_with(unsigned long mib, const char *cmdline)
{
	mm_test_boot(mib, cmdline);
	baseline = mm_test_free_pages();
	baseline_bad_reports = atomic_read(&nr_bad_page_reports);
	sim_log_reset();
	return 0;
}

static int boot_1g(void **state) { return boot_with(1024, ""); }
static int boot_256m(void **state) { return boot_with(256, ""); }
static int boot_256m_nodma(void **state) { return boot_with(256, "dma_zone=0"); }
static int boot_numa2(void **state) { return boot_with(1024, "numa=fake=2"); }

static int check_invariants(void **state)
{
	const char *why = mm_test_validate();

	if (why) {
		print_error("validator: %s\n", why);
		return -1;
	}
	if (mm_test_free_pages() != baseline) {
		print_error("free pages %lu, %lu at the start\n", mm_test_free_pages(), baseline);
		return -1;
	}
	return 0;
}

#define T(fn, setup) cmocka_unit_test_setup_teardown(fn, setup, check_invariants)

/* A growable array of allocations. */
struct held {
	struct page **page;
	unsigned int *order;
	size_t n, cap;
};

static void hold(struct held *h, struct page *p, unsigned int order)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->page = realloc(h->page, h->cap * sizeof(*h->page));
		h->order = realloc(h->order, h->cap * sizeof(*h->order));
		assert_non_null(h->page);
		assert_non_null(h->order);
	}
	h->page[h->n] = p;
	h->order[h->n++] = order;
}

static void release_all(struct held *h)
{
	while (h->n) {
		h->n--;
		__free_pages(h->page[h->n], h->order[h->n]);
	}
	free(h->page);
	free(h->order);
	memset(h, 0, sizeof(*h));
}

/* --- layout ------------------------------------------------------------ */

static void test_layout_1g(void **state)
{
	struct zone *dma = mm_test_zone(0, ZONE_DMA), *normal = mm_test_zone(0, ZONE_NORMAL);
	struct zone *high = mm_test_zone(0, ZONE_HIGHMEM);

	assert_int_equal(nr_online_nodes, 1);
	assert_int_equal(dma->zone_start_pfn, 0x60000);
	assert_int_equal(dma->spanned_pages, 4096);
	assert_int_equal(normal->zone_start_pfn, 0x61000);
	assert_int_equal(zone_end_pfn(normal), 0x8f800);
	assert_int_equal(high->zone_start_pfn, 0x8f800);
	assert_int_equal(zone_end_pfn(high), 0xa0000);
	assert_false(populated_zone(mm_test_zone(0, ZONE_MOVABLE)));
	assert_int_equal(max_low_pfn, 0x8f800);
	assert_int_equal(totalram_pages, baseline);
	assert_int_equal(totalhigh_pages, 0xa0000 - 0x8f800);
	assert_int_equal(get_num_physpages(), 262144);
	/* mem_map and the "kernel" are reserved: present but not managed. */
	assert_true(dma->managed_pages < dma->present_pages);
	assert_int_equal(high->managed_pages, high->present_pages);
	assert_false(page_group_by_mobility_disabled);
}

static void test_boot_messages(void **state)
{
	char line[128];

	mm_test_boot(1024, "");
	assert_non_null(strstr(sim_log(),
		"Zone ranges:\n"
		"  DMA      [mem 0x0000000060000000-0x0000000060ffffff]\n"
		"  Normal   [mem 0x0000000061000000-0x000000008f7fffff]\n"
		"  HighMem  [mem 0x000000008f800000-0x000000009fffffff]\n"
		"Movable zone start for each node\n"
		"Early memory node ranges\n"
		"  node   0: [mem 0x0000000060000000-0x000000009fffffff]\n"
		"Initmem setup node 0 [mem 0x0000000060000000-0x000000009fffffff]\n"));
	snprintf(line, sizeof(line), "Built 1 zonelists, mobility grouping on.  Total pages: %lu\n",
		 nr_all_zone_pages());
	assert_non_null(strstr(sim_log(), line));
	baseline = mm_test_free_pages();
}

static void test_layout_256m(void **state)
{
	assert_int_equal(max_low_pfn, max_pfn);
	assert_false(populated_zone(mm_test_zone(0, ZONE_HIGHMEM)));
	assert_int_equal(totalhigh_pages, 0);
	assert_int_equal(mm_test_zone(0, ZONE_NORMAL)->spanned_pages, 65536 - 4096);
}

static void test_cmdline_mem_dma_movable(void **state)
{
	mm_test_boot(1024, "mem=512M dma_zone=32M movablecore=64M");
	assert_int_equal(max_pfn, 0x80000);
	assert_int_equal(mm_test_zone(0, ZONE_DMA)->spanned_pages, 8192);
	assert_true(populated_zone(mm_test_zone(0, ZONE_MOVABLE)));
	assert_int_equal(mm_test_zone(0, ZONE_MOVABLE)->zone_start_pfn, 0x80000 - 16384);
	assert_int_equal(zone_end_pfn(mm_test_zone(0, ZONE_NORMAL)), 0x80000 - 16384);
	assert_non_null(strstr(sim_log(), "Movable zone start for each node\n  Node 0: 0x000000007c000000\n"));
	/* Movable is only reachable with __GFP_MOVABLE|__GFP_HIGHMEM. */
	{
		struct page *p = alloc_page(GFP_HIGHUSER_MOVABLE);
		struct page *q = alloc_page(GFP_KERNEL);

		assert_int_equal(page_zonenum(p), ZONE_MOVABLE);
		assert_int_equal(page_zonenum(q), ZONE_NORMAL);
		__free_page(p);
		__free_page(q);
	}
	mm_test_boot(1024, "kernelcore=900M");
	/* All but 900 MiB movable, taken from HighMem only (which is 264 MiB). */
	assert_true(populated_zone(mm_test_zone(0, ZONE_MOVABLE)));
	assert_int_equal(mm_test_zone(0, ZONE_MOVABLE)->spanned_pages, (124UL << 20) >> PAGE_SHIFT);
	baseline = mm_test_free_pages();
}

static void test_cmdline_unknown_and_malformed(void **state)
{
	mm_test_boot(256, "bogus_key=1 mem=12Q numa=fake=2");
	assert_non_null(strstr(sim_log(), "Unknown kernel command line parameter \"bogus_key=1\""));
	assert_non_null(strstr(sim_log(), "Malformed kernel command line parameter \"mem=12Q\""));
	assert_int_equal(nr_online_nodes, 2);
	baseline = mm_test_free_pages();
}

/* Each complaint says what is wrong: out of range is not "Malformed". */
static void test_cmdline_messages(void **state)
{
	mm_test_boot(256, "mem=7M min_free_kbytes=99999999 numa=fake=0 movablecore=2G "
			  "kernelcore=0 mem=");
	assert_non_null(strstr(sim_log(), "Kernel command line parameter \"mem=7M\" is out of range"));
	assert_non_null(strstr(sim_log(), "Kernel command line parameter \"min_free_kbytes=99999999\" "
					  "is out of range"));
	assert_non_null(strstr(sim_log(), "\"numa=fake=0\" is out of range"));
	assert_non_null(strstr(sim_log(), "\"kernelcore=0\" is out of range"));
	assert_non_null(strstr(sim_log(), "Malformed kernel command line parameter \"mem=\""));
	assert_null(strstr(sim_log(), "Malformed kernel command line parameter \"mem=7M\""));
	/* movablecore= beyond what can be movable: said, not silently all of HighMem. */
	assert_non_null(strstr(sim_log(), "movablecore= asks for 2048 MiB of ZONE_MOVABLE; only "));
	assert_non_null(strstr(sim_log(), " has memory for it: all "));
	mm_test_boot(256, "bogus=\"a b");
	assert_non_null(strstr(sim_log(), "Kernel command line: unterminated quote: \"bogus\" runs to "
					  "the end of the line"));
	mm_test_boot(256, "");
	baseline = mm_test_free_pages();
}

static void test_numa_fake_layout(void **state)
{
	struct zonelist *zl;

	assert_int_equal(nr_online_nodes, 2);
	assert_int_equal(NODE_DATA(0)->node_start_pfn, 0x60000);
	assert_int_equal(NODE_DATA(1)->node_start_pfn, 0x80000);
	assert_true(populated_zone(mm_test_zone(0, ZONE_DMA)));
	assert_false(populated_zone(mm_test_zone(1, ZONE_DMA)));
	assert_false(populated_zone(mm_test_zone(0, ZONE_HIGHMEM)));
	assert_true(populated_zone(mm_test_zone(1, ZONE_HIGHMEM)));
	assert_int_equal(cpu_to_node(0), 0);
	assert_int_equal(cpu_to_node(1), 0);
	assert_int_equal(cpu_to_node(2), 1);
	assert_int_equal(cpu_to_node(3), 1);
	/* Zone order: HighMem, Normal, DMA; within each, the local node first. */
	zl = &NODE_DATA(1)->node_zonelists[ZONELIST_FALLBACK];
	assert_ptr_equal(zl->_zonerefs[0].zone, mm_test_zone(1, ZONE_HIGHMEM));
	assert_ptr_equal(zl->_zonerefs[1].zone, mm_test_zone(1, ZONE_NORMAL));
	assert_ptr_equal(zl->_zonerefs[2].zone, mm_test_zone(0, ZONE_NORMAL));
	assert_ptr_equal(zl->_zonerefs[3].zone, mm_test_zone(0, ZONE_DMA));
	assert_null(zl->_zonerefs[4].zone);
	zl = &NODE_DATA(0)->node_zonelists[ZONELIST_FALLBACK];
	assert_ptr_equal(zl->_zonerefs[0].zone, mm_test_zone(1, ZONE_HIGHMEM));
	assert_ptr_equal(zl->_zonerefs[1].zone, mm_test_zone(0, ZONE_NORMAL));
	assert_ptr_equal(zl->_zonerefs[2].zone, mm_test_zone(1, ZONE_NORMAL));
	assert_ptr_equal(zl->_zonerefs[3].zone, mm_test_zone(0, ZONE_DMA));
	zl = &NODE_DATA(0)->node_zonelists[ZONELIST_NOFALLBACK];
	assert_ptr_equal(zl->_zonerefs[0].zone, mm_test_zone(0, ZONE_NORMAL));
	assert_ptr_equal(zl->_zonerefs[1].zone, mm_test_zone(0, ZONE_DMA));
	assert_null(zl->_zonerefs[2].zone);
}

/* --- the GFP zone table -------------------------------------------------- */

static void test_gfp_zone_table(void **state)
{
	static const int expect[16] = {
		ZONE_NORMAL, ZONE_DMA, ZONE_HIGHMEM, -1, ZONE_NORMAL, -1, -1, -1,
		ZONE_NORMAL, ZONE_DMA, ZONE_MOVABLE, -1, ZONE_NORMAL, -1, -1, -1,
	};
	unsigned int bits;

	for (bits = 0; bits < 16; bits++) {
		gfp_t gfp = (__force gfp_t)bits;

		assert_int_equal(gfp_zone_bad(gfp), expect[bits] < 0);
		if (expect[bits] >= 0)
			assert_int_equal(gfp_zone(gfp), expect[bits]);
	}
	assert_int_equal(gfp_zone(GFP_KERNEL), ZONE_NORMAL);
	assert_int_equal(gfp_zone(GFP_HIGHUSER), ZONE_HIGHMEM);
	assert_int_equal(gfp_zone(GFP_HIGHUSER_MOVABLE), ZONE_MOVABLE);
	assert_int_equal(gfp_zone(GFP_DMA), ZONE_DMA);
	assert_int_equal(allocflags_to_migratetype(GFP_KERNEL), MIGRATE_UNMOVABLE);
	assert_int_equal(allocflags_to_migratetype(GFP_TEMPORARY), MIGRATE_RECLAIMABLE);
	assert_int_equal(allocflags_to_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_MOVABLE);
}

static void test_gfp_bad_combinations_refused(void **state)
{
	unsigned int bits;

	for (bits = 0; bits < 16; bits++) {
		gfp_t gfp = (__force gfp_t)bits | GFP_KERNEL;
		unsigned long warned = sim_warnings;
		struct page *p;

		if (!gfp_zone_bad(gfp))
			continue;
		sim_log_reset();
		p = alloc_page(gfp);
		assert_null(p);
		assert_int_equal(sim_warnings, warned + 1);
		assert_non_null(strstr(sim_log(), "page allocation refused: mode:"));
		assert_non_null(strstr(sim_log(), "GFP_ZONE_BAD"));
	}
}

static void test_gfp_zones_used(void **state)
{
	struct page *dma = alloc_page(GFP_DMA | GFP_KERNEL);
	struct page *normal = alloc_page(GFP_KERNEL);
	struct page *high = alloc_page(GFP_HIGHUSER);
	struct page *dma32 = alloc_page(GFP_KERNEL | __GFP_DMA32);

	assert_int_equal(page_zonenum(dma), ZONE_DMA);
	assert_int_equal(page_zonenum(normal), ZONE_NORMAL);
	assert_int_equal(page_zonenum(high), ZONE_HIGHMEM);
	assert_int_equal(page_zonenum(dma32), ZONE_NORMAL);
	assert_true(PageHighMem(high));
	assert_false(PageHighMem(normal));
	__free_page(dma);
	__free_page(normal);
	__free_page(high);
	__free_page(dma32);
}

/* --- buddy split and merge ------------------------------------------------ */

static void test_split_and_merge(void **state)
{
	struct zone *z = mm_test_zone(0, ZONE_NORMAL);
	unsigned long before[MAX_ORDER];
	struct page *p;
	unsigned int o;

	drain_all_pages();
	for (o = 0; o < MAX_ORDER; o++)
		before[o] = z->free_area[o].nr_free;
	/* An order-2 block comes from splitting a larger one when none is free. */
	p = alloc_pages(GFP_KERNEL, 2);
	assert_non_null(p);
	assert_true(IS_ALIGNED(page_to_pfn(p), 4));
	assert_false(PageBuddy(p));
	assert_int_equal(page_count(p), 1);
	assert_null(mm_test_validate());
	__free_pages(p, 2);
	for (o = 0; o < MAX_ORDER; o++)
		assert_int_equal(z->free_area[o].nr_free, before[o]);
}

static void test_every_order(void **state)
{
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++) {
		struct page *p = alloc_pages(GFP_KERNEL, o);
		unsigned long i;
		char *va;

		assert_non_null(p);
		assert_true(IS_ALIGNED(page_to_pfn(p), 1UL << o));
		va = page_address(p);
		for (i = 0; i < (1UL << o); i++)	/* the whole block is usable memory */
			memset(va + i * PAGE_SIZE, 0xa5, PAGE_SIZE);
		__free_pages(p, o);
	}
	sim_log_reset();
	assert_null(alloc_pages(GFP_KERNEL, MAX_ORDER));
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER + 3));
}

static void test_no_merge_across_zones(void **state)
{
	/* dma_zone=5M puts the DMA/Normal boundary inside an order-10 block. */
	struct zone *dma, *normal;
	struct held h = { 0 };
	struct page *p;

	boot_with(256, "dma_zone=5M");
	dma = mm_test_zone(0, ZONE_DMA);
	normal = mm_test_zone(0, ZONE_NORMAL);
	assert_int_equal(zone_end_pfn(dma), 0x60500);
	assert_int_equal(normal->zone_start_pfn, 0x60500);
	assert_null(mm_test_validate());
	while ((p = alloc_pages(GFP_DMA | __GFP_NOWARN, 0)) != NULL)
		hold(&h, p, 0);
	assert_true(h.n > 1000);
	for (size_t i = 0; i < h.n; i++)
		assert_int_equal(page_zonenum(h.page[i]), ZONE_DMA);
	release_all(&h);
	assert_null(mm_test_validate());
	/* The free blocks at the boundary did not merge across it. */
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		struct page *q;

		list_for_each_entry(q, &dma->free_area[o].free_list[MIGRATE_MOVABLE], lru)
			assert_true(page_to_pfn(q) + (1UL << o) <= zone_end_pfn(dma));
	}
}

/* --- zone fallback -------------------------------------------------------- */

static void test_zone_fallback_order(void **state)
{
	struct held h = { 0 };
	struct page *p;
	bool normal_seen = false, dma_seen = false;
	struct zone *high = mm_test_zone(0, ZONE_HIGHMEM), *normal = mm_test_zone(0, ZONE_NORMAL);

	while ((p = alloc_page(GFP_HIGHUSER | __GFP_NOWARN)) != NULL) {
		int z = page_zonenum(p);

		hold(&h, p, 0);
		if (z == ZONE_NORMAL && !normal_seen) {
			normal_seen = true;
			/* HighMem was used down to its low watermark first. */
			assert_true(zone_page_state(high, NR_FREE_PAGES) <= low_wmark_pages(high));
		}
		if (z == ZONE_DMA && !dma_seen) {
			dma_seen = true;
			/* DMA only as the last resort: Normal is at its watermark. */
			assert_true(zone_page_state(normal, NR_FREE_PAGES) <=
				    low_wmark_pages(normal) + normal->lowmem_reserve[ZONE_HIGHMEM]);
		}
		if (z == ZONE_HIGHMEM)
			assert_false(normal_seen && zone_page_state(high, NR_FREE_PAGES) >
				     low_wmark_pages(high) + 64);
	}
	assert_true(normal_seen);
	assert_true(dma_seen);
	/* The lowmem reserve kept part of DMA away from HighMem-capable requests. */
	assert_true(zone_page_state(mm_test_zone(0, ZONE_DMA), NR_FREE_PAGES) >=
		    mm_test_zone(0, ZONE_DMA)->lowmem_reserve[ZONE_HIGHMEM]);
	/* And a GFP_DMA request can still get some of it. */
	p = alloc_page(GFP_DMA | __GFP_NOWARN);
	assert_non_null(p);
	assert_int_equal(page_zonenum(p), ZONE_DMA);
	__free_page(p);
	release_all(&h);
}

static void test_gfp_dma_never_falls_back_up(void **state)
{
	struct held h = { 0 };
	struct page *p;

	while ((p = alloc_page(GFP_DMA | __GFP_NOWARN)) != NULL) {
		assert_int_equal(page_zonenum(p), ZONE_DMA);
		hold(&h, p, 0);
	}
	assert_true(h.n > 3000);
	release_all(&h);
}

static void test_numa_fallback_and_thisnode(void **state)
{
	struct held h = { 0 };
	struct page *p;
	bool other = false;

	sim_set_cpu(2);		/* a CPU of node 1 */
	assert_int_equal(numa_node_id(), 1);
	p = alloc_page(GFP_KERNEL);
	assert_int_equal(page_to_nid(p), 1);
	__free_page(p);
	/* __GFP_THISNODE: node 1 only, and a clean failure when it is full. */
	while ((p = alloc_pages_node(1, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN, 0)) != NULL) {
		assert_int_equal(page_to_nid(p), 1);
		hold(&h, p, 0);
	}
	assert_true(h.n + low_wmark_pages(mm_test_zone(1, ZONE_NORMAL)) + 64 >=
		    mm_test_zone(1, ZONE_NORMAL)->managed_pages);
	assert_true(zone_page_state(mm_test_zone(0, ZONE_NORMAL), NR_FREE_PAGES) > 100000);
	/* Without it, the other node's Normal zone takes over (before any DMA). */
	p = alloc_page(GFP_KERNEL);
	assert_non_null(p);
	other = page_to_nid(p) == 0 && page_zonenum(p) == ZONE_NORMAL;
	__free_page(p);
	assert_true(other);
	release_all(&h);
	sim_set_cpu(0);
}

/* --- watermarks and reserves ---------------------------------------------- */

static unsigned long fill_until_fail(struct held *h, gfp_t gfp)
{
	struct page *p;

	while ((p = alloc_page(gfp | __GFP_NOWARN)) != NULL)
		hold(h, p, 0);
	return zone_page_state(mm_test_zone(0, ZONE_NORMAL), NR_FREE_PAGES);
}

static void test_watermarks_and_atomic_reserve(void **state)
{
	struct zone *z = mm_test_zone(0, ZONE_NORMAL);
	unsigned long min = min_wmark_pages(z), batch = (unsigned long)z->pageset[0].pcp.batch;
	unsigned long after_kernel, after_nowait, after_atomic, high_min;
	struct held h = { 0 };
	struct page *p;

	assert_false(populated_zone(mm_test_zone(0, ZONE_DMA)));
	assert_true(min > 64);
	assert_int_equal(low_wmark_pages(z), min + min / 4);
	assert_int_equal(high_wmark_pages(z), min + min / 2);

	after_kernel = fill_until_fail(&h, GFP_KERNEL);
	assert_true(after_kernel <= min && after_kernel + batch >= min);
	after_nowait = fill_until_fail(&h, GFP_NOWAIT);		/* ALLOC_HARDER: min - min/4 */
	assert_true(after_nowait <= min - min / 4 && after_nowait + batch >= min - min / 4);
	high_min = min - min / 2;				/* ALLOC_HIGH|ALLOC_HARDER */
	high_min -= high_min / 4;
	after_atomic = fill_until_fail(&h, GFP_ATOMIC);
	assert_true(after_atomic <= high_min && after_atomic + batch >= high_min);
	assert_true(after_atomic < after_nowait && after_nowait < after_kernel);
	/* Below the reserve only __GFP_MEMALLOC goes on. */
	assert_null(alloc_page(GFP_ATOMIC | __GFP_NOWARN));
	p = alloc_page(GFP_ATOMIC | __GFP_MEMALLOC);
	assert_non_null(p);
	__free_page(p);
	assert_null(alloc_page(GFP_ATOMIC | __GFP_MEMALLOC | __GFP_NOMEMALLOC | __GFP_NOWARN));
	release_all(&h);
}

static void test_min_free_kbytes_setting(void **state)
{
	struct zone *z;

	mm_test_boot(256, "dma_zone=0 min_free_kbytes=8192");
	z = mm_test_zone(0, ZONE_NORMAL);
	assert_int_equal(min_free_kbytes, 8192);
	assert_int_equal(min_wmark_pages(z), 2048);
	assert_int_equal(set_min_free_kbytes(4096), 0);
	assert_int_equal(min_wmark_pages(z), 1024);
	assert_int_equal(set_min_free_kbytes(1 << 20), -EINVAL);
	assert_int_equal(set_min_free_kbytes(-1), 0);	/* back to sqrt(lowmem * 16) */
	assert_in_range(min_free_kbytes, 1900, 2100);
	/* The target parses late keys after mem_init(): they apply at once. */
	snprintf(boot_command_line, 1024, "min_free_kbytes=2048");
	parse_late_params();
	assert_int_equal(min_wmark_pages(z), 512);
	baseline = mm_test_free_pages();
}

/* --- flags ---------------------------------------------------------------- */

static void test_gfp_zero(void **state)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1), *q, *h;
	unsigned long flags, i;
	unsigned char *va;

	memset(page_address(p), 0x5a, 2 * PAGE_SIZE);
	__free_pages(p, 1);
	drain_all_pages();
	q = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	va = page_address(q);
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		assert_int_equal(va[i], 0);
	__free_pages(q, 1);
	/* High pages are zeroed through a temporary mapping. */
	h = alloc_page(GFP_HIGHUSER);
	va = mm_map_page_local(h, &flags);
	memset(va, 0x77, PAGE_SIZE);
	mm_unmap_page_local(va, flags);
	__free_page(h);
	h = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	va = mm_map_page_local(h, &flags);
	for (i = 0; i < PAGE_SIZE; i++)
		assert_int_equal(va[i], 0);
	mm_unmap_page_local(va, flags);
	__free_page(h);
}

static void test_compound_pages(void **state)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	unsigned long i;

	assert_true(PageHead(p));
	assert_int_equal(compound_order(p), 3);
	assert_int_equal(compound_nr(p), 8);
	assert_int_equal(page_size(p), 8 * PAGE_SIZE);
	for (i = 1; i < 8; i++) {
		assert_true(PageTail(p + i));
		assert_ptr_equal(compound_head(p + i), p);
	}
	get_page(p + 5);		/* a tail reference counts on the head */
	assert_int_equal(page_count(p), 2);
	assert_int_equal(page_count(p + 5), 2);
	put_page(p + 5);
	assert_int_equal(page_count(p), 1);
	put_page(p + 3);		/* the last reference frees the whole compound page */
	assert_false(PageHead(p));
	assert_false(PageTail(p + 1));
	/* Order 0 never becomes compound. */
	p = alloc_pages(GFP_KERNEL | __GFP_COMP, 0);
	assert_false(PageHead(p));
	put_page(p);
}

static void test_hot_cold_pcp_lists(void **state)
{
	struct zone *z = mm_test_zone(0, ZONE_NORMAL);
	struct per_cpu_pages *pcp = &z->pageset[0].pcp;
	struct page *a, *b, *c, *d;
	int i;

	drain_all_pages();
	a = alloc_page(GFP_KERNEL);
	assert_true(pcp->count > 0 && pcp->count < pcp->batch);	/* refilled by one batch */
	b = alloc_page(GFP_KERNEL);
	__free_page(a);			/* hot: back at the head */
	c = alloc_page(GFP_KERNEL);
	assert_ptr_equal(c, a);
	assert_true(put_page_testzero(b));	/* cold: to the tail */
	free_hot_cold_page(b, 1);
	d = alloc_page(GFP_KERNEL);
	assert_ptr_not_equal(d, b);
	__free_page(d);
	d = alloc_page(GFP_KERNEL | __GFP_COLD);	/* __GFP_COLD takes from the tail */
	assert_ptr_equal(d, b);
	__free_page(d);
	__free_page(c);
	/* The list never grows past high: a batch goes back to the buddy lists. */
	{
		struct held h = { 0 };

		for (i = 0; i < 4 * pcp->high; i++)
			hold(&h, alloc_page(GFP_KERNEL), 0);
		release_all(&h);
		assert_true(pcp->count < pcp->high);
	}
	drain_local_pages(NULL);
	assert_int_equal(pcp->count, 0);
}

/* --- mobility grouping ------------------------------------------------------ */

static void test_mobility_grouping(void **state)
{
	enum { N = 3000 };
	static struct page *unmov[N], *mov[N];
	unsigned long blocks[64];
	int nblocks = 0, i, j;

	for (i = 0; i < N; i++) {
		unmov[i] = alloc_page(GFP_KERNEL);
		mov[i] = alloc_page(GFP_HIGHUSER_MOVABLE & ~__GFP_HIGHMEM);
		assert_int_equal(page_zonenum(unmov[i]), ZONE_NORMAL);
	}
	for (i = 0; i < N; i++) {
		unsigned long b = page_to_pfn(unmov[i]) >> pageblock_order;

		assert_int_equal(get_pageblock_migratetype(unmov[i]), MIGRATE_UNMOVABLE);
		assert_int_equal(get_pageblock_migratetype(mov[i]), MIGRATE_MOVABLE);
		for (j = 0; j < nblocks && blocks[j] != b; j++)
			;
		if (j == nblocks) {
			assert_true(nblocks < 64);
			blocks[nblocks++] = b;
		}
	}
	/* 3000 interleaved unmovable pages share a few whole pageblocks. */
	assert_true(nblocks <= 4);
	for (i = 0; i < N; i++)
		for (j = 0; j < nblocks; j++)
			assert_true(page_to_pfn(mov[i]) >> pageblock_order != blocks[j]);
	for (i = 0; i < N; i++) {
		__free_page(unmov[i]);
		__free_page(mov[i]);
	}
}

static void test_migrate_reserve(void **state)
{
	struct zone *z = mm_test_zone(0, ZONE_NORMAL);
	unsigned long pfn, reserve = 0;

	for (pfn = ALIGN(z->zone_start_pfn, pageblock_nr_pages); pfn < zone_end_pfn(z);
	     pfn += pageblock_nr_pages)
		reserve += get_pageblock_migratetype(pfn_to_page(pfn)) == MIGRATE_RESERVE;
	assert_int_equal(reserve, 1);	/* min watermark rounds up to one pageblock */
}

/* --- sanity checks ------------------------------------------------------------ */

static void expect_bad(const char *reason)
{
	assert_int_equal(atomic_read(&nr_bad_page_reports), baseline_bad_reports + 1);
	assert_string_equal(last_bad_page_reason(), reason);
	assert_non_null(strstr(sim_log(), "BUG: Bad page state in process swapper/0"));
	assert_null(mm_test_validate());
	baseline_bad_reports++;
	sim_log_reset();
}

static void test_bad_double_free(void **state)
{
	struct page *p = alloc_page(GFP_KERNEL);

	__free_page(p);
	__free_page(p);
	expect_bad("double free (page is not allocated)");
	p = alloc_pages(GFP_KERNEL, 2);
	__free_pages(p, 2);
	drain_all_pages();
	__free_pages(p, 2);
	expect_bad("double free (page is not allocated)");
}

static void test_bad_wrong_order(void **state)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	unsigned long free_before = mm_test_free_pages();

	__free_pages(p, 1);
	expect_bad("freed with a smaller order than allocated");
	assert_int_equal(page_count(p), 0);		/* leaked, not reused */
	p = alloc_pages(GFP_KERNEL, 1);
	__free_pages(p, 3);
	expect_bad("freed with a larger order than allocated");
	assert_int_equal(mm_test_free_pages(), free_before - 2);
	baseline -= 6;	/* both blocks are leaked on purpose */
}

static void test_bad_still_referenced_or_mapped(void **state)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1);

	set_page_count(p + 1, 1);	/* someone still holds the second page */
	__free_pages(p, 1);
	expect_bad("nonzero _refcount (page still referenced)");
	p = alloc_page(GFP_KERNEL);
	atomic_inc(&p->_mapcount);	/* still mapped */
	__free_page(p);
	expect_bad("nonzero mapcount (page still mapped)");
	p = alloc_page(GFP_KERNEL);
	p->mapping = (struct address_space *)p;
	__free_page(p);
	expect_bad("non-NULL mapping");
	baseline -= 4;
}

static void test_bad_stray_flags(void **state)
{
	struct page *p = alloc_page(GFP_KERNEL);

	__SetPageSlab(p);
	__free_page(p);
	expect_bad("PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
	baseline -= 1;
}

static void test_bad_reserved_and_outside(void **state)
{
	struct page *kernel_page = pfn_to_page(0x60010);	/* the simulated kernel image */
	struct page bogus;

	assert_true(PageReserved(kernel_page));
	__free_page(kernel_page);
	expect_bad("freeing a reserved page");
	assert_true(PageReserved(kernel_page));
	assert_int_equal(page_count(kernel_page), 1);
	__free_page(&bogus);
	expect_bad("pfn outside memory");
	__free_page(pfn_to_page(max_pfn + 5));
	expect_bad("pfn outside memory");
	free_page(12345);
	expect_bad("free_pages() of an address outside lowmem");
}

static void test_bad_tail_freed_alone(void **state)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	__free_page(p + 1);
	expect_bad("tail page of a compound page freed on its own");
	__free_pages(p, 1);
	expect_bad("freed with a smaller order than allocated");
	baseline -= 4;
}

static void test_bad_put_page_underflow(void **state)
{
	struct page *p = alloc_page(GFP_KERNEL);

	put_page(p);
	put_page(p);
	expect_bad("put_page() on a page with no references");
}

/* --- failure reports, shrinkers, fault injection -------------------------------- */

static void test_failure_report(void **state)
{
	struct page *p;

	p = alloc_pages(GFP_KERNEL | __GFP_COMP, MAX_ORDER - 1);
	assert_non_null(p);
	__free_pages(p, MAX_ORDER - 1);
	fail_page_alloc.attr.probability = 0;
	fail_page_alloc_update();
	/* Exhaust DMA so GFP_DMA order-10 must fail. */
	sim_log_reset();
	{
		struct held h = { 0 };

		while ((p = alloc_pages(GFP_DMA | __GFP_NOWARN, 8)) != NULL)
			hold(&h, p, 8);
		assert_int_equal(atomic_read(&nr_alloc_failure_reports), 0);
		assert_null(alloc_pages(GFP_DMA | GFP_KERNEL | __GFP_COMP, 8));
		assert_non_null(strstr(sim_log(),
			"swapper/0: page allocation failure: order:8, mode:0x40d1("
			"GFP_KERNEL|__GFP_DMA|__GFP_COMP), nodemask=(null)\n"));
		assert_non_null(strstr(sim_log(), "Mem-Info:\n"));
		assert_non_null(strstr(sim_log(), "Node 0 DMA: "));
		assert_non_null(strstr(sim_log(), "pages RAM\n"));
		release_all(&h);
	}
}

static void test_gfp_names(void **state)
{
	char buf[160];

	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL);
	assert_string_equal(buf, "GFP_KERNEL");
	format_gfp_flags(buf, sizeof(buf), GFP_NOWAIT);
	assert_string_equal(buf, "GFP_NOWAIT");
	format_gfp_flags(buf, sizeof(buf), GFP_ATOMIC | __GFP_NOWARN | __GFP_ZERO);
	assert_string_equal(buf, "GFP_ATOMIC|__GFP_NOWARN|__GFP_ZERO");
	format_gfp_flags(buf, sizeof(buf), GFP_HIGHUSER_MOVABLE | __GFP_COMP);
	assert_string_equal(buf, "GFP_HIGHUSER_MOVABLE|__GFP_COMP");
	format_gfp_flags(buf, sizeof(buf), (__force gfp_t)(1u << 28) | __GFP_DMA);
	assert_string_equal(buf, "__GFP_DMA|0x10000000");
}

static unsigned long cached_pages;
static struct page *cache[64];
static int shrinker_calls;

static unsigned long test_count(struct shrinker *s, struct shrink_control *sc)
{
	return cached_pages;
}

static unsigned long test_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long n = 0;

	shrinker_calls++;
	while (n < sc->nr_to_scan && cached_pages) {
		__free_pages(cache[--cached_pages], 4);
		n++;
	}
	return n;
}

static void test_shrinker_runs_under_pressure(void **state)
{
	struct shrinker s = { .count_objects = test_count, .scan_objects = test_scan,
			      .seeks = DEFAULT_SEEKS };
	struct held h = { 0 };
	struct page *p;

	/* A "cache" of 64 order-4 blocks that the shrinker can give back. */
	for (cached_pages = 0; cached_pages < 64; cached_pages++)
		cache[cached_pages] = alloc_pages(GFP_KERNEL, 4);
	assert_int_equal(register_shrinker(&s), 0);
	fill_until_fail(&h, GFP_ATOMIC);	/* atomic: no shrinking */
	assert_int_equal(shrinker_calls, 0);
	assert_int_equal(cached_pages, 64);
	p = alloc_page(GFP_KERNEL);		/* may wait: the shrinker frees the cache */
	assert_non_null(p);
	assert_true(shrinker_calls > 0);
	assert_int_equal(cached_pages, 0);
	hold(&h, p, 0);
	unregister_shrinker(&s);
	release_all(&h);
	shrinker_calls = 0;
}

static void test_noretry_nofail(void **state)
{
	struct shrinker s = { .count_objects = test_count, .scan_objects = test_scan };
	struct held h = { 0 };

	cached_pages = 0;
	cache[cached_pages++] = alloc_pages(GFP_KERNEL, 4);
	assert_int_equal(register_shrinker(&s), 0);
	fill_until_fail(&h, GFP_ATOMIC);
	shrinker_calls = 0;
	/* Without anything to reclaim after one pass, NORETRY gives up at once. */
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN, 5));
	assert_int_equal(shrinker_calls, 1);
	/* __GFP_NOFAIL is never refused by fault injection, and gets the reserve
	 * freed by the shrinker. */
	fail_page_alloc.attr.probability = 100;
	fail_page_alloc_update();
	fail_page_alloc.attr.times = -1;
	fail_page_alloc.ignore_gfp_wait = false;
	fail_page_alloc.min_order = 0;
	release_all(&h);
	cache[cached_pages++] = alloc_pages(GFP_KERNEL | __GFP_NOFAIL, 4);
	assert_non_null(cache[0]);
	fail_page_alloc.attr.probability = 0;
	fail_page_alloc_update();
	fail_page_alloc.ignore_gfp_wait = true;
	fail_page_alloc.min_order = 1;
	while (cached_pages)
		__free_pages(cache[--cached_pages], 4);
	unregister_shrinker(&s);
}

static void test_fault_injection(void **state)
{
	struct fault_attr *a = &fail_page_alloc.attr;
	struct page *p;
	int failed = 0, i;

	assert_int_equal(setup_fault_attr(a, "1,100,0,2"), 0);
	fail_page_alloc_update();
	assert_int_equal(a->interval, 1);
	assert_int_equal(a->probability, 100);
	assert_int_equal(a->times, 2);
	/* Defaults: wait allocations and order 0 are ignored. */
	p = alloc_pages(GFP_KERNEL, 2);
	assert_non_null(p);
	__free_pages(p, 2);
	p = alloc_page(GFP_ATOMIC);
	assert_non_null(p);
	__free_page(p);
	for (i = 0; i < 5; i++) {
		p = alloc_pages(GFP_ATOMIC, 1);
		if (!p)
			failed++;
		else
			__free_pages(p, 1);
	}
	assert_int_equal(failed, 2);		/* times=2 */
	assert_int_equal(a->injected, 2);
	assert_non_null(strstr(sim_log(), "FAULT_INJECTION: forcing a failure.\n"));
	/* Highmem ignored by default. */
	assert_int_equal(setup_fault_attr(a, "1,100,0,-1"), 0);
	p = alloc_pages(GFP_HIGHUSER & ~__GFP_WAIT, 1);
	assert_non_null(p);
	__free_pages(p, 1);
	/* interval: only every 3rd candidate. */
	assert_int_equal(setup_fault_attr(a, "3,100,0,-1"), 0);
	for (failed = 0, i = 0; i < 9; i++) {
		p = alloc_pages(GFP_ATOMIC, 1);
		if (!p)
			failed++;
		else
			__free_pages(p, 1);
	}
	assert_int_equal(failed, 3);
	assert_int_equal(setup_fault_attr(a, "1,101,0,1"), -ERANGE);	/* out of range */
	assert_int_equal(setup_fault_attr(a, "1,50"), -EINVAL);
	/* The console command's key=value settings. */
	assert_int_equal(set_fail_page_alloc("probability", "50"), 0);
	assert_int_equal(a->probability, 50);
	assert_int_equal(set_fail_page_alloc("min-order", "3"), 0);
	assert_int_equal(fail_page_alloc.min_order, 3);
	assert_int_equal(set_fail_page_alloc("ignore-gfp-wait", "N"), 0);
	assert_false(fail_page_alloc.ignore_gfp_wait);
	assert_int_equal(set_fail_page_alloc("ignore-gfp-wait", "maybe"), -EINVAL);
	assert_int_equal(set_fail_page_alloc("probability", "101"), -ERANGE);
	assert_int_equal(set_fail_page_alloc("times", "x"), -EINVAL);
	assert_int_equal(set_fail_page_alloc("bogus", "1"), -ENOENT);
	fail_page_alloc.ignore_gfp_wait = true;
	fail_page_alloc.min_order = 1;
	a->probability = 0;
	fail_page_alloc_update();
}

static void test_fault_injection_cmdline(void **state)
{
	struct page *p;

	mm_test_boot(256, "fail_page_alloc=1,100,0,1");
	assert_int_equal(fail_page_alloc.attr.times, 1);
	p = alloc_pages(GFP_ATOMIC, 1);
	assert_null(p);
	p = alloc_pages(GFP_ATOMIC, 1);
	assert_non_null(p);
	__free_pages(p, 1);
	fail_page_alloc.attr.probability = 0;
	fail_page_alloc_update();
	baseline = mm_test_free_pages();
}

/* --- address helpers --------------------------------------------------------- */

static void test_addresses(void **state)
{
	struct page *p = alloc_page(GFP_KERNEL), *h = alloc_page(GFP_HIGHUSER);
	void *va = page_address(p);
	unsigned long addr;

	assert_ptr_equal(virt_to_page(va), p);
	assert_ptr_equal(pfn_to_page(page_to_pfn(p)), p);
	assert_int_equal(page_to_phys(p), __pa(va));
	assert_true(virt_addr_valid(va));
	assert_null(page_address(h));
	__free_page(p);
	__free_page(h);
	addr = get_zeroed_page(GFP_KERNEL);
	assert_true(addr && PAGE_ALIGNED(addr));
	assert_int_equal(((unsigned char *)addr)[100], 0);
	free_page(addr);
	addr = __get_free_pages(GFP_KERNEL, 3);
	assert_ptr_equal(page_address(virt_to_page(addr)), (void *)addr);
	free_pages(addr, 3);
	/* The document: __get_free_pages cannot return a high page. */
	{
		unsigned long warned = sim_warnings;

		assert_int_equal(__get_free_pages(GFP_HIGHUSER, 0), 0);
		assert_int_equal(sim_warnings, warned + 1);
	}
	va = alloc_pages_exact(5 * PAGE_SIZE, GFP_KERNEL);
	assert_non_null(va);
	memset(va, 1, 5 * PAGE_SIZE);
	free_pages_exact(va, 5 * PAGE_SIZE);
}

static void test_free_reserved_area(void **state)
{
	unsigned long managed = totalram_pages;
	char *start = __va(0x60080000), *end = __va(0x60090000);

	assert_true(PageReserved(virt_to_page(start)));
	assert_int_equal(free_reserved_area(start, end, 0, "test"), 16);
	assert_non_null(strstr(sim_log(), "Freeing test memory: 64K\n"));
	assert_int_equal(totalram_pages, managed + 16);
	assert_false(PageReserved(virt_to_page(start)));
	baseline += 16;
}

/* --- reports ------------------------------------------------------------------ */

static unsigned long parse_kb(const char *log, const char *key)
{
	const char *p = strstr(log, key);

	assert_non_null(p);
	return strtoul(p + strlen(key), NULL, 10);
}

static void test_reports(void **state)
{
	unsigned long buddy_sum = 0;
	struct zone *zone;
	const char *log;

	drain_all_pages();
	sim_log_reset();
	meminfo_show(printk);
	log = sim_log();
	assert_non_null(strstr(log, "MemTotal:        "));
	assert_int_equal(parse_kb(log, "MemTotal:"), totalram_pages * 4);
	assert_int_equal(parse_kb(log, "MemFree:"), nr_free_pages() * 4);
	assert_int_equal(parse_kb(log, "HighTotal:"), totalhigh_pages * 4);
	assert_int_equal(parse_kb(log, "LowTotal:") + parse_kb(log, "HighTotal:"), totalram_pages * 4);
	for_each_populated_zone(zone)
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			buddy_sum += zone->free_area[o].nr_free << o;
	/* buddyinfo summed over orders equals MemFree at rest. */
	assert_int_equal(buddy_sum * 4, parse_kb(log, "MemFree:"));
	sim_log_reset();
	buddyinfo_show(printk);
	assert_non_null(strstr(sim_log(), "Node 0, zone      DMA "));
	assert_non_null(strstr(sim_log(), "Node 0, zone   Normal "));
	assert_non_null(strstr(sim_log(), "Node 0, zone  HighMem "));
	sim_log_reset();
	pagetypeinfo_show(printk);
	assert_non_null(strstr(sim_log(), "Page block order: 10\nPages per block:  1024\n\n"
				"Free pages count per migrate type at order       0      1 "));
	assert_non_null(strstr(sim_log(), "Node    0, zone   Normal, type    Unmovable "));
	assert_non_null(strstr(sim_log(), "Number of blocks type     Unmovable  Reclaimable      Movable      Reserve \n"));
	sim_log_reset();
	zoneinfo_show(printk);
	assert_non_null(strstr(sim_log(), "Node 0, zone   Normal\n  pages free     "));
	assert_non_null(strstr(sim_log(), "\n        protection: (0, 0, "));
	assert_non_null(strstr(sim_log(), "\n  pagesets\n    cpu: 0\n              count: "));
	sim_log_reset();
	memblock_show(printk);
	assert_non_null(strstr(sim_log(), "60000000-9fffffff : System RAM\n  60000000-600fffff : Kernel image\n"));
	assert_non_null(strstr(sim_log(), " : mem_map\n"));
	assert_non_null(strstr(sim_log(), " : pageblock flags\n"));
}

/* --- SMP ------------------------------------------------------------------------ */

static unsigned char *owner;	/* per pfn: 0 free, else the thread that holds it */

static void *smp_worker(void *arg)
{
	unsigned int cpu = (unsigned int)(uintptr_t)arg;
	struct page *mine[256];
	unsigned int orders[256];
	unsigned int seed = cpu * 7919 + 1, n = 0, i;
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_ATOMIC, GFP_HIGHUSER, GFP_HIGHUSER_MOVABLE,
				       GFP_KERNEL | __GFP_COLD, GFP_DMA };

	sim_set_cpu(cpu);
	for (i = 0; i < 100000; i++) {
		seed = seed * 1103515245 + 12345;
		if (n < 256 && ((seed >> 16) & 1)) {
			unsigned int order = (seed >> 20) % 4 == 0 ? (seed >> 24) % 4 : 0;
			struct page *p = alloc_pages(gfps[(seed >> 8) % 6] | __GFP_NOWARN, order);
			unsigned long k;

			if (!p)
				continue;
			for (k = 0; k < (1UL << order); k++) {
				unsigned char prev = __atomic_exchange_n(&owner[page_to_pfn(p) + k - 0x60000],
									 (unsigned char)(cpu + 1), __ATOMIC_RELAXED);
				if (prev)
					abort();	/* handed out twice */
			}
			mine[n] = p;
			orders[n++] = order;
		} else if (n) {
			unsigned int k = (seed >> 10) % n;
			unsigned long j;

			for (j = 0; j < (1UL << orders[k]); j++)
				__atomic_store_n(&owner[page_to_pfn(mine[k]) + j - 0x60000], 0, __ATOMIC_RELAXED);
			__free_pages(mine[k], orders[k]);
			mine[k] = mine[--n];
			orders[k] = orders[n];
		}
	}
	while (n--) {
		unsigned long j;

		for (j = 0; j < (1UL << orders[n]); j++)
			__atomic_store_n(&owner[page_to_pfn(mine[n]) + j - 0x60000], 0, __ATOMIC_RELAXED);
		__free_pages(mine[n], orders[n]);
	}
	return NULL;
}

static void test_smp_concurrent(void **state)
{
	pthread_t t[NR_CPUS];
	unsigned int cpu;

	owner = calloc(262144, 1);
	assert_non_null(owner);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		assert_int_equal(pthread_create(&t[cpu], NULL, smp_worker, (void *)(uintptr_t)cpu), 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		pthread_join(t[cpu], NULL);
	free(owner);
	assert_null(mm_test_validate());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_layout_1g, boot_1g),
		T(test_boot_messages, boot_1g),
		T(test_layout_256m, boot_256m),
		T(test_cmdline_mem_dma_movable, boot_256m),
		T(test_cmdline_unknown_and_malformed, boot_256m),
		T(test_cmdline_messages, boot_256m),
		T(test_numa_fake_layout, boot_numa2),
		T(test_gfp_zone_table, boot_256m),
		T(test_gfp_bad_combinations_refused, boot_256m),
		T(test_gfp_zones_used, boot_1g),
		T(test_split_and_merge, boot_1g),
		T(test_every_order, boot_1g),
		T(test_no_merge_across_zones, boot_256m),
		T(test_zone_fallback_order, boot_1g),
		T(test_gfp_dma_never_falls_back_up, boot_1g),
		T(test_numa_fallback_and_thisnode, boot_numa2),
		T(test_watermarks_and_atomic_reserve, boot_256m_nodma),
		T(test_min_free_kbytes_setting, boot_256m),
		T(test_gfp_zero, boot_1g),
		T(test_compound_pages, boot_1g),
		T(test_hot_cold_pcp_lists, boot_1g),
		T(test_mobility_grouping, boot_256m),
		T(test_migrate_reserve, boot_256m),
		T(test_bad_double_free, boot_256m),
		T(test_bad_wrong_order, boot_256m),
		T(test_bad_still_referenced_or_mapped, boot_256m),
		T(test_bad_stray_flags, boot_256m),
		T(test_bad_reserved_and_outside, boot_256m),
		T(test_bad_tail_freed_alone, boot_256m),
		T(test_bad_put_page_underflow, boot_256m),
		T(test_failure_report, boot_256m),
		T(test_gfp_names, boot_256m),
		T(test_shrinker_runs_under_pressure, boot_256m_nodma),
		T(test_noretry_nofail, boot_256m_nodma),
		T(test_fault_injection, boot_256m),
		T(test_fault_injection_cmdline, boot_256m),
		T(test_addresses, boot_1g),
		T(test_free_reserved_area, boot_256m),
		T(test_reports, boot_1g),
		T(test_smp_concurrent, boot_1g),
	};

	return cmocka_run_group_tests_name("page_alloc", tests, NULL, NULL);
}
