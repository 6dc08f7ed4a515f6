/*
 * Randomized operation sequences against a reference model (host, cmocka,
 * ASan+UBSan). The model knows which pfns each live allocation covers;
 * every allocation must be aligned, inside a zone its GFP mask allows, on
 * the right node for __GFP_THISNODE, disjoint from everything live, zeroed
 * when asked; a failure must be honest (no eligible zone could serve it);
 * freed memory is checked for writes by anyone else; free + held pages is
 * conserved, and the validator runs every few thousand operations.
 *
 *   MM_RANDOM_OPS=N (default 700000 per configuration: 2.1 million), MM_RANDOM_SEED=S
 */
#include "mm_test.h"
#include <linux/prandom.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct block {
	struct page *page;
	unsigned int order;
	gfp_t gfp;
	u32 tag;
};

static struct block *live;
static size_t nlive, cap;
static int *owner;		/* per pfn - min_low_pfn: index into live, or -1 */
static struct rnd_state rng;

static u32 rnd(void)
{
	return prandom_u32_state(&rng);
}

static const gfp_t gfp_choices[] = {
	GFP_KERNEL, GFP_KERNEL | __GFP_ZERO, GFP_ATOMIC, GFP_NOWAIT, GFP_USER, GFP_HIGHUSER,
	GFP_HIGHUSER_MOVABLE, GFP_HIGHUSER | __GFP_ZERO, GFP_DMA | GFP_KERNEL, GFP_TEMPORARY,
	GFP_KERNEL | __GFP_COMP, GFP_KERNEL | __GFP_COLD, GFP_KERNEL | __GFP_THISNODE,
	GFP_ATOMIC | __GFP_COMP, GFP_KERNEL | __GFP_NORETRY, GFP_HIGHUSER_MOVABLE | __GFP_COMP,
};

static unsigned int pick_order(void)
{
	u32 r = rnd() % 100;

	if (r < 60)
		return 0;
	if (r < 90)
		return 1 + rnd() % 3;
	return 4 + rnd() % (MAX_ORDER - 4);
}

/* Write (or check) a tag at both ends of every page of a block. */
static void tag_block(struct page *page, unsigned int order, u32 tag, bool check, bool zero)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		u32 *va = sim_phys_debug_addr(page_to_phys(page + i));

		if (zero)
			for (size_t k = 0; k < PAGE_SIZE / sizeof(u32); k++)
				assert_int_equal(va[k], 0);
		if (check) {
			assert_int_equal(va[0], tag);
			assert_int_equal(va[PAGE_SIZE / sizeof(u32) - 1], ~tag);
		} else {
			va[0] = tag;
			va[PAGE_SIZE / sizeof(u32) - 1] = ~tag;
		}
	}
}

/* Could any zone @gfp allows have served this order at its watermark? */
static bool allocation_was_possible(gfp_t gfp, unsigned int order, int nid)
{
	struct zonelist *zl = node_zonelist(nid, gfp);
	int high = gfp_zone(gfp), flags = gfp_to_alloc_flags(gfp), classzone = -1;
	struct zoneref *z;
	struct zone *zone;

	drain_all_pages();
	for_each_zone_zonelist(zone, z, zl, high) {
		unsigned long big = 0;
		unsigned int o;

		if (classzone < 0)
			classzone = zone_idx(zone);
		for (o = order; o < MAX_ORDER; o++)
			big += zone->free_area[o].nr_free;
		if (big && ((flags & ALLOC_NO_WATERMARKS) ||
			    zone_watermark_ok(zone, order, zone->watermark[flags & ALLOC_WMARK_MASK],
					      classzone, flags)))
			return true;
	}
	return false;
}

static void do_alloc(void)
{
	gfp_t gfp = gfp_choices[rnd() % ARRAY_SIZE(gfp_choices)] | __GFP_NOWARN;
	unsigned int order = pick_order();
	int nid = (gfp & __GFP_THISNODE) ? (int)(rnd() % (unsigned int)nr_online_nodes) : numa_node_id();
	struct page *page = alloc_pages_node(nid, gfp, order);
	unsigned long pfn, i;
	struct zone *zone;

	if (!page) {
		assert_false(allocation_was_possible(gfp, order, nid));
		return;
	}
	pfn = page_to_pfn(page);
	zone = page_zone(page);
	assert_true(IS_ALIGNED(pfn, 1UL << order));
	assert_true(zone_spans_pfn(zone, pfn) && zone_spans_pfn(zone, pfn + (1UL << order) - 1));
	assert_true(zone_idx(zone) <= (int)gfp_zone(gfp));
	if (gfp & __GFP_THISNODE)
		assert_int_equal(page_to_nid(page), nid);
	assert_int_equal(page_count(page), 1);
	if ((gfp & __GFP_COMP) && order) {
		assert_true(PageHead(page));
		assert_ptr_equal(compound_head(page + (1UL << order) - 1), page);
	}
	for (i = 0; i < (1UL << order); i++) {
		int *o = &owner[pfn + i - min_low_pfn];

		assert_int_equal(*o, -1);	/* never handed out twice */
		*o = (int)nlive;
	}
	if (nlive == cap) {
		cap = cap ? cap * 2 : 4096;
		live = realloc(live, cap * sizeof(*live));
		assert_non_null(live);
	}
	live[nlive] = (struct block){ page, order, gfp, rnd() };
	tag_block(page, order, live[nlive].tag, false, (gfp & __GFP_ZERO) != 0);
	nlive++;
}

static void do_free(size_t k)
{
	struct block b = live[k];
	unsigned long pfn = page_to_pfn(b.page), i;

	tag_block(b.page, b.order, b.tag, true, false);	/* nobody else wrote here */
	for (i = 0; i < (1UL << b.order); i++)
		owner[pfn + i - min_low_pfn] = -1;
	live[k] = live[--nlive];
	if (k < nlive)
		for (i = 0; i < (1UL << live[k].order); i++)
			owner[page_to_pfn(live[k].page) + i - min_low_pfn] = (int)k;
	switch (rnd() % 3) {
	case 0:
		__free_pages(b.page, b.order);
		break;
	case 1:		/* put_page frees compound pages whole, and order-0 pages */
		if ((b.gfp & __GFP_COMP) || b.order == 0) {
			put_page(b.page);
			break;
		}
		__free_pages(b.page, b.order);
		break;
	default:
		if (!PageHighMem(b.page))
			free_pages((unsigned long)page_address(b.page), b.order);
		else
			__free_pages(b.page, b.order);
	}
}

static void check_all(unsigned long total)
{
	unsigned long held = 0;
	const char *why = mm_test_validate();
	size_t k;

	if (why)
		fail_msg("validator: %s", why);
	for (k = 0; k < nlive; k++)
		held += 1UL << live[k].order;
	assert_int_equal(mm_test_free_pages() + held, total);
}

static void run(const char *cmdline, unsigned long mib, unsigned long lowmem_mib)
{
	struct sim_config cfg = { { { 0x60000000, mib << 20 } }, 1, lowmem_mib << 20, cmdline };
	unsigned long ops = getenv("MM_RANDOM_OPS") ? strtoul(getenv("MM_RANDOM_OPS"), NULL, 0) : 700000;
	unsigned long total, n;

	prandom_seed_state(&rng, getenv("MM_RANDOM_SEED") ? strtoull(getenv("MM_RANDOM_SEED"), NULL, 0)
						       : 0x243f6a8885a308d3ULL);
	sim_boot(&cfg);
	total = mm_test_free_pages();
	owner = malloc((max_pfn - min_low_pfn) * sizeof(*owner));
	assert_non_null(owner);
	memset(owner, 0xff, (max_pfn - min_low_pfn) * sizeof(*owner));
	for (n = 0; n < ops; n++) {
		u32 r = rnd() % 1000;

		if (r < 3) {
			sim_set_cpu(rnd() % NR_CPUS);	/* another CPU's lists and node */
		} else if (r < 5) {
			drain_all_pages();
		} else if (r < 6) {
			assert_int_equal(set_min_free_kbytes((int)(rnd() % 4096) - 1), 0);
		} else if (r < 520 || nlive == 0) {
			do_alloc();
		} else {
			do_free(rnd() % nlive);
		}
		if (n % 20000 == 0)
			check_all(total);
	}
	while (nlive)
		do_free(nlive - 1);
	check_all(total);
	assert_int_equal(atomic_read(&nr_bad_page_reports), 0);
	free(owner);
	free(live);
	live = NULL;
	nlive = cap = 0;
	sim_set_cpu(0);
}

/* 64 MiB, 48 MiB of it lowmem: every zone type, often full. */
static void test_random_one_node(void **state)
{
	run("", 64, 48);
}

static void test_random_fake_numa(void **state)
{
	run("numa=fake=2", 64, 48);
}

static void test_random_movable_small_dma(void **state)
{
	run("dma_zone=6M movablecore=8M", 48, 40);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_one_node),
		cmocka_unit_test(test_random_fake_numa),
		cmocka_unit_test(test_random_movable_small_dma),
	};

	return cmocka_run_group_tests_name("page_alloc_random", tests, NULL, NULL);
}
