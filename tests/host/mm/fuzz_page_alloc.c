/*
 * libFuzzer target: each input is a sequence of page allocator operations
 * (allocations with any GFP mask and order, frees by every route, drains,
 * CPU switches, watermark changes, and misuse the allocator must survive:
 * double frees, wrong orders, stray flags, reserved and foreign pages).
 * After every input the live blocks are freed, and the validator, the
 * bad-page count and the page conservation must all agree with the model.
 *
 *   build/host/mm/fuzz_page_alloc -max_total_time=60 corpus/
 */
#include "mm_test.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIVE 512

struct block {
	struct page *page;
	unsigned int order;
	bool comp;
};

static struct block live[MAX_LIVE];
static int nlive;
static unsigned long total, leaked;

static void check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_page_alloc: %s\n", what);
		abort();
	}
}

static void boot(void)
{
	struct sim_config cfg = { { { 0x60000000, 16UL << 20 } }, 1, 12UL << 20, "" };

	sim_log_echo(false);
	sim_boot(&cfg);
	total = mm_test_free_pages();
	leaked = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	boot();
	return 0;
}

static const gfp_t gfps[16] = {
	GFP_KERNEL, GFP_ATOMIC, GFP_NOWAIT, GFP_HIGHUSER, GFP_HIGHUSER_MOVABLE, GFP_DMA,
	GFP_KERNEL | __GFP_COMP, GFP_KERNEL | __GFP_ZERO, GFP_TEMPORARY, GFP_KERNEL | __GFP_COLD,
	GFP_KERNEL | __GFP_THISNODE, GFP_ATOMIC | __GFP_MEMALLOC, GFP_KERNEL | __GFP_NORETRY,
	GFP_USER, GFP_HIGHUSER | __GFP_ZERO, GFP_DMA | __GFP_COMP,
};

static void remove_live(int k)
{
	live[k] = live[--nlive];
}

/* Expect exactly one more bad-page report from @fn's misuse. */
#define EXPECT_REPORT(stmt) do {						\
	int __before = atomic_read(&nr_bad_page_reports);			\
	stmt;									\
	check(atomic_read(&nr_bad_page_reports) == __before + 1, "misuse not reported: " #stmt); \
} while (0)

static void op(u8 a, u8 b)
{
	unsigned int order = b % MAX_ORDER;
	int k = nlive ? (int)(b % (unsigned int)nlive) : -1;
	struct page *p;

	switch (a % 16) {
	case 0 ... 6:
		if (nlive == MAX_LIVE)
			break;
		if ((a >> 4) < 12)
			order = b % 4;	/* mostly small */
		{
			gfp_t gfp = gfps[(a >> 4) ^ (b >> 4)] | __GFP_NOWARN;

			p = alloc_pages(gfp, order);
			if (p)
				live[nlive++] = (struct block){ p, order, (gfp & __GFP_COMP) && order };
		}
		break;
	case 7 ... 10:
		if (k < 0)
			break;
		if (live[k].comp)
			put_page(live[k].page + (b & ((1U << live[k].order) - 1)));
		else
			__free_pages(live[k].page, live[k].order);
		remove_live(k);
		break;
	case 11:	/* double free right after the free */
		if (k < 0)
			break;
		p = live[k].page;
		order = live[k].order;
		__free_pages(p, order);
		remove_live(k);
		EXPECT_REPORT(__free_pages(p, order));
		break;
	case 12:	/* wrong order: reported, block leaked */
		if (k < 0 || live[k].comp)
			break;
		EXPECT_REPORT(__free_pages(live[k].page, live[k].order ^ (1 + (b & 1))));
		leaked += 1UL << live[k].order;
		remove_live(k);
		break;
	case 13:	/* stray flag or mapping: reported, block leaked */
		if (k < 0 || live[k].comp)
			break;
		if (b & 1)
			__SetPageSlab(live[k].page);
		else
			atomic_inc(&live[k].page->_mapcount);
		EXPECT_REPORT(__free_pages(live[k].page, live[k].order));
		leaked += 1UL << live[k].order;
		remove_live(k);
		break;
	case 14:	/* a reserved page and a pointer that is no page at all */
		if (b & 1)
			EXPECT_REPORT(__free_page(pfn_to_page(min_low_pfn + (b >> 1))));
		else
			EXPECT_REPORT(__free_page(pfn_to_page(max_pfn + b)));
		break;
	default:
		switch (b % 4) {
		case 0:
			drain_all_pages();
			break;
		case 1:
			sim_set_cpu(b % NR_CPUS);
			break;
		case 2:
			check(set_min_free_kbytes(b * 4 - 1) == 0, "min_free_kbytes");
			break;
		default:
			check(mm_test_validate() == NULL, "validator mid-sequence");
		}
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	const char *why;
	size_t i;

	for (i = 0; i + 1 < size; i += 2)
		op(data[i], data[i + 1]);
	while (nlive)
		__free_pages(live[nlive - 1].page, live[nlive - 1].order), nlive--;
	why = mm_test_validate();
	if (why) {
		fprintf(stderr, "fuzz_page_alloc: validator: %s\n", why);
		abort();
	}
	check(mm_test_free_pages() + leaked == total, "pages lost or gained");
	sim_set_cpu(0);
	check(set_min_free_kbytes(-1) == 0, "min_free_kbytes reset");
	if (leaked > total / 4)
		boot();
	return 0;
}
