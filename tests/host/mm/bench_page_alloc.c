/*
 * Host benchmark of the page allocator (optimised build, no sanitizers):
 * ns per alloc+free pair at order 0 (per-CPU list), 3 and 9 and for a
 * random mixed workload, with the debugging checks off and on, next to
 * glibc malloc/free, jemalloc and mimalloc of the same sizes in the same
 * run (the two are dlopen()ed, so glibc's
 * malloc stays glibc's). Then the fragmentation experiment: the share of
 * free memory in blocks of order >= 9 after an aging workload, with and
 * without grouping by mobility.
 *
 *   build/host/mm/bench_page_alloc [iterations]
 */
#define _GNU_SOURCE
#include "mm_test.h"
#include <linux/debug_locks.h>
#include <linux/prandom.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct heap {
	const char *name;
	void *(*alloc)(size_t);
	void (*release)(void *);
};

static struct heap heaps[3];
static int nheaps;

static void load_heap(const char *name, const char *lib, const char *alloc, const char *release)
{
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		printf("# %s not available (%s): column left out\n", name, dlerror());
		return;
	}
	heaps[nheaps].name = name;
	heaps[nheaps].alloc = (void *(*)(size_t))dlsym(h, alloc);
	heaps[nheaps].release = (void (*)(void *))dlsym(h, release);
	if (heaps[nheaps].alloc && heaps[nheaps].release)
		nheaps++;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Defeat the optimiser: the pointer escapes. */
static void *volatile sink;

static double bench_pages(unsigned int order, unsigned long n)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < n; i++) {
		struct page *p = alloc_pages(GFP_KERNEL, order);

		sink = p;
		__free_pages(p, order);
	}
	return (now_ns() - t0) / n;
}

static double bench_heap(const struct heap *h, size_t size, unsigned long n)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < n; i++) {
		void *p = h->alloc(size);

		*(volatile char *)p = 1;	/* as a page user would touch it */
		sink = p;
		h->release(p);
	}
	return (now_ns() - t0) / n;
}

/*
 * Mixed: a pool of 256 live blocks of orders 0-4 (mostly small); each step
 * frees a random one and allocates a new one of a random order.
 */
#define POOL 256
static struct rnd_state mix_rnd;

static u32 mix_rand(void)
{
	return prandom_u32_state(&mix_rnd);
}

static unsigned int mix_order(void)
{
	static const unsigned char orders[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4 };

	return orders[mix_rand() % 16];
}

static double bench_pages_mixed(unsigned long n)
{
	struct page *pool[POOL];
	unsigned int ord[POOL], i;
	unsigned long k;
	double t0;

	prandom_seed_state(&mix_rnd, 12345);
	for (i = 0; i < POOL; i++) {
		ord[i] = mix_order();
		pool[i] = alloc_pages(GFP_KERNEL, ord[i]);
	}
	t0 = now_ns();
	for (k = 0; k < n; k++) {
		i = mix_rand() % POOL;
		__free_pages(pool[i], ord[i]);
		ord[i] = mix_order();
		pool[i] = alloc_pages(GFP_KERNEL, ord[i]);
	}
	t0 = (now_ns() - t0) / n;
	for (i = 0; i < POOL; i++)
		__free_pages(pool[i], ord[i]);
	return t0;
}

static double bench_heap_mixed(const struct heap *h, unsigned long n)
{
	void *pool[POOL];
	unsigned int i;
	unsigned long k;
	double t0;

	prandom_seed_state(&mix_rnd, 12345);
	for (i = 0; i < POOL; i++)
		pool[i] = h->alloc(PAGE_SIZE << mix_order());
	t0 = now_ns();
	for (k = 0; k < n; k++) {
		i = mix_rand() % POOL;
		h->release(pool[i]);
		pool[i] = h->alloc(PAGE_SIZE << mix_order());
		*(volatile char *)pool[i] = 1;
	}
	t0 = (now_ns() - t0) / n;
	for (i = 0; i < POOL; i++)
		h->release(pool[i]);
	return t0;
}

/*
 * The debugging checks (static keys in the kernel, plain flags here): off
 * for the allocator's own figures, as make bench boots the target, and on
 * in a column of their own.
 */
static void set_debug_checks(bool on)
{
	if (on) {
		static_branch_enable(&debug_locks_key);
		static_branch_enable(&debug_atomic_sleep);
		static_branch_enable(&check_pages_enabled);
	} else {
		static_branch_disable(&debug_locks_key);
		static_branch_disable(&debug_atomic_sleep);
		static_branch_disable(&check_pages_enabled);
	}
}

static double bench_pages_checked(unsigned int order, unsigned long n, bool checks)
{
	set_debug_checks(checks);
	return bench_pages(order, n);
}

static double min_of(double a, double b)
{
	return b < a ? b : a;
}

/*
 * Each figure is the best of ROUNDS runs, the columns' runs interleaved:
 * the machine is shared, and a burst of someone else's work then slows
 * one run of each column, not one column.
 */
#define ROUNDS 5

static void speed(unsigned long n)
{
	static const unsigned int orders[] = { 0, 3, 9 };
	int i, j, r;

	printf("%-26s %12s", "ns per alloc+free pair", "page_alloc");
	for (j = 0; j < nheaps; j++)
		printf(" %12s", heaps[j].name);
	printf(" %14s   (best of %d runs)\n", "(checks on)", ROUNDS);
	for (i = 0; i < 3; i++) {
		unsigned long iters = (orders[i] >= 9 ? n / 16 : n) / ROUNDS;
		double off = 1e99, on = 1e99, heap[3] = { 1e99, 1e99, 1e99 };
		char label[40];

		bench_pages_checked(orders[i], iters / 10, false);	/* warm up */
		for (j = 0; j < nheaps; j++)
			bench_heap(&heaps[j], PAGE_SIZE << orders[i], iters / 10);
		for (r = 0; r < ROUNDS; r++) {
			off = min_of(off, bench_pages_checked(orders[i], iters, false));
			for (j = 0; j < nheaps; j++)
				heap[j] = min_of(heap[j], bench_heap(&heaps[j], PAGE_SIZE << orders[i], iters));
			on = min_of(on, bench_pages_checked(orders[i], iters, true));
		}
		snprintf(label, sizeof(label), "order %u (%lu KiB)", orders[i], (PAGE_SIZE << orders[i]) >> 10);
		printf("%-26s %12.1f", label, off);
		for (j = 0; j < nheaps; j++)
			printf(" %12.1f", heap[j]);
		printf(" %14.1f\n", on);
	}
	set_debug_checks(false);
	printf("%-26s %12.1f", "mixed orders 0-4", bench_pages_mixed(n));
	for (j = 0; j < nheaps; j++)
		printf(" %12.1f", bench_heap_mixed(&heaps[j], n));
	set_debug_checks(true);
	printf(" %14.1f\n", bench_pages_mixed(n));
}

/*
 * Aging: allocations of orders 0-3, @unmovable_pct% of them unmovable
 * (long-lived kernel data) and the rest movable (page cache, user pages),
 * keeping about 70% of memory allocated for a million operations; a freed
 * block is picked at random, movable ones four times as often. Measured
 * then, and again after "reclaiming" every movable block (what the kernel
 * can do with them: migrate or drop) - the case grouping by mobility is for.
 */
struct aged {
	struct page *page;
	unsigned int order;
	bool movable;
};

static double share_high_order(void)
{
	unsigned long free = 0, high = 0;
	struct zone *zone;

	drain_all_pages();
	for_each_populated_zone(zone) {
		unsigned int o;

		for (o = 0; o < MAX_ORDER; o++) {
			unsigned long pages = zone->free_area[o].nr_free << o;

			free += pages;
			if (o >= 9)
				high += pages;
		}
	}
	return free ? 100.0 * high / free : 0;
}

/*
 * Pageblocks holding at least one of the @n blocks of @live; *@least: how
 * few could hold them all.
 */
static unsigned long pageblocks_used(const struct aged *live, unsigned long n,
				     unsigned long *least)
{
	static unsigned char seen[1UL << 12];
	unsigned long i, count = 0, pages = 0;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++) {
		unsigned long pb = (page_to_pfn(live[i].page) >> pageblock_order) % sizeof(seen);

		count += !seen[pb];
		seen[pb] = 1;
		pages += 1UL << live[i].order;
	}
	*least = DIV_ROUND_UP(pages, pageblock_nr_pages);
	return count;
}

static void fragmentation(bool grouping, unsigned int unmovable_pct, unsigned long ops,
			  double *aged, double *reclaimed, unsigned long *blocks,
			  unsigned long *least)
{
	unsigned long cap = 1UL << 17, n = 0, held = 0, target, i;
	struct aged *live = malloc(cap * sizeof(*live));
	struct rnd_state rnd;
	u32 seed;

	mm_test_boot(256, "dma_zone=0");
	page_group_by_mobility_disabled = !grouping;
	target = totalram_pages * 70 / 100;
	prandom_seed_state(&rnd, 0x9e3779b9);
	for (i = 0; i < ops; i++) {
		seed = prandom_u32_state(&rnd);
		if (held < target && n < cap) {
			bool movable = seed % 100 >= unmovable_pct;
			unsigned int order = (seed >> 8) % 8 < 5 ? 0 : (seed >> 12) % 4;
			struct page *p = alloc_pages((movable ? GFP_HIGHUSER_MOVABLE : GFP_KERNEL) |
						     __GFP_NOWARN, order);

			if (!p)
				continue;
			live[n++] = (struct aged){ p, order, movable };
			held += 1UL << order;
		} else if (n) {
			unsigned long k = (seed >> 4) % n;

			/* Unmovable allocations live four times longer. */
			if (!live[k].movable && (seed >> 20) % 4)
				continue;
			__free_pages(live[k].page, live[k].order);
			held -= 1UL << live[k].order;
			live[k] = live[--n];
		}
	}
	*aged = share_high_order();
	for (i = 0; i < n;) {
		if (live[i].movable) {
			__free_pages(live[i].page, live[i].order);
			live[i] = live[--n];
		} else {
			i++;
		}
	}
	*reclaimed = share_high_order();
	*blocks = pageblocks_used(live, n, least);
	while (n--)
		__free_pages(live[n].page, live[n].order);
	free(live);
	page_group_by_mobility_disabled = 0;
}

int main(int argc, char **argv)
{
	static const unsigned int unmovable_pcts[] = { 5, 10, 30 };
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 2000000;
	unsigned int i;

	/*
	 * jemalloc uses initial-exec TLS, which dlopen() can only place in the
	 * static TLS surplus: ask the loader for more, once, by re-executing.
	 */
	if (!getenv("MM_BENCH_TLS")) {
		setenv("MM_BENCH_TLS", "1", 1);
		setenv("GLIBC_TUNABLES", "glibc.rtld.optional_static_tls=65536", 1);
		execv("/proc/self/exe", argv);
	}
	sim_log_echo(false);
	heaps[nheaps++] = (struct heap){ "glibc", malloc, free };
	load_heap("jemalloc", "libjemalloc.so.2", "malloc", "free");
	load_heap("mimalloc", "libmimalloc.so.2", "mi_malloc", "mi_free");
	mm_test_boot(1024, "");
	speed(n);

	printf("\nfree memory in blocks of order >= 9: 256 MiB, 1M operations at ~70%% use\n");
	printf("%-12s %-32s %9s %9s %7s\n", "unmovable", "measured", "grouping", "no group", "ratio");
	for (i = 0; i < ARRAY_SIZE(unmovable_pcts); i++) {
		double aged_on, aged_off, rec_on, rec_off;
		unsigned long blocks_on, blocks_off, least_on, least_off;
		char label[16];

		fragmentation(true, unmovable_pcts[i], 1000000, &aged_on, &rec_on, &blocks_on,
			      &least_on);
		fragmentation(false, unmovable_pcts[i], 1000000, &aged_off, &rec_off, &blocks_off,
			      &least_off);
		snprintf(label, sizeof(label), "%u%% allocs", unmovable_pcts[i]);
		printf("%-12s %-32s %8.1f%% %8.1f%% %6.1fx\n", label, "after aging", aged_on, aged_off,
		       aged_off > 0 ? aged_on / aged_off : 0);
		printf("%-12s %-32s %8.1f%% %8.1f%% %6.1fx\n", "", "after reclaiming movable pages",
		       rec_on, rec_off, rec_off > 0 ? rec_on / rec_off : 0);
		printf("%-12s %-32s %9lu %9lu  (of %lu; at least %lu/%lu)\n", "",
		       "pageblocks holding unmovable", blocks_on, blocks_off,
		       totalram_pages / pageblock_nr_pages, least_on, least_off);
	}
	return 0;
}
