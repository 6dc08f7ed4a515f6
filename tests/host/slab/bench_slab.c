/*
 * Host benchmark: nanoseconds per allocate+free pair for Mica's kmalloc
 * (on the simulator, built -O2) next to glibc's malloc, jemalloc and
 * mimalloc in the same process and run, for each kmalloc size class and for
 * a random-size workload with a live set; then memory efficiency of a
 * mixed workload held at once (bytes asked for against memory taken).
 *
 * jemalloc is linked in and so is this process's malloc (its TLS model
 * does not allow loading it later); glibc's own allocator stays reachable
 * as __libc_malloc/__libc_free; mimalloc is loaded with dlopen (RTLD_LOCAL)
 * and called as mi_malloc/mi_free. Every allocator is called through a
 * function pointer, the same indirection for all. Timings are the best of
 * several runs; the machine is shared, so compare within one run.
 */
#include "slab_test.h"
#include <linux/prandom.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <malloc.h>

struct allocator {
	const char *name;
	void *(*alloc)(size_t size);
	void (*free)(void *p);
};

static void *mica_kmalloc(size_t size)
{
	return kmalloc(size, GFP_KERNEL);
}

static void mica_kfree(void *p)
{
	kfree(p);
}

/* glibc's allocator under its own names (malloc is jemalloc's here). */
void *__libc_malloc(size_t size);
void __libc_free(void *p);

static struct allocator allocators[4] = {
	{ "mica kmalloc", mica_kmalloc, mica_kfree },
	{ "glibc", __libc_malloc, __libc_free },
	{ "jemalloc", malloc, free },
	{ "mimalloc", NULL, NULL },
};

static void load(struct allocator *a, const char *lib, const char *alloc, const char *free_fn)
{
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);

	if (!h)
		return;
	a->alloc = (void *(*)(size_t))dlsym(h, alloc);
	a->free = (void (*)(void *))dlsym(h, free_fn);
	if (!a->alloc || !a->free)
		a->alloc = NULL;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void *volatile sink;

#define PAIRS	2000000
#define TRIES	5

static double pair_ns(const struct allocator *a, size_t size)
{
	double best = 1e30;
	int t;

	for (t = 0; t < TRIES; t++) {
		double start = now_ns();
		unsigned int i;

		for (i = 0; i < PAIRS; i++) {
			void *p = a->alloc(size);

			sink = p;
			a->free(p);
		}
		best = min(best, (now_ns() - start) / PAIRS);
	}
	return best;
}

#define LIVE	4096
#define OPS	(1 << 21)

static u32 sizes[OPS];
static u16 slots[OPS];

/* Mostly small, now and then a few KiB (as slab_bench on the target). */
static u32 random_size(struct rnd_state *s)
{
	u32 r = prandom_u32_state(s);

	return 8 + (r % 4 == 0 ? r % 4096 : r % 256);
}

static double random_ns(const struct allocator *a)
{
	static void *live[LIVE];
	double best = 1e30;
	int t;

	for (t = 0; t < TRIES; t++) {
		double start;
		unsigned int i;

		for (i = 0; i < LIVE; i++)
			live[i] = a->alloc(sizes[i]);
		start = now_ns();
		for (i = 0; i < OPS; i++) {
			a->free(live[slots[i]]);
			live[slots[i]] = a->alloc(sizes[i]);
		}
		best = min(best, (now_ns() - start) / OPS);
		for (i = 0; i < LIVE; i++)
			a->free(live[i]);
	}
	return best;
}

static void efficiency(void)
{
	enum { N = 200000 };
	void **p = calloc(N, sizeof(void *));
	unsigned long asked = 0, classes = 0, pages, before;
	size_t glibc_before, glibc_used;
	struct mallinfo2 mi;
	struct rnd_state s;
	unsigned int i;

	prandom_seed_state(&s, 2);
	slab_quiesce();
	before = slab_pages();
	for (i = 0; i < N; i++) {
		u32 size = random_size(&s);

		p[i] = kmalloc(size, GFP_KERNEL);
		asked += size;
		classes += ksize(p[i]);
	}
	pages = slab_pages() - before;
	for (i = 0; i < N; i++)
		kfree(p[i]);
	printf("\nmemory efficiency: %u objects of 8..4103 bytes held at once\n", N);
	printf("  mica:  asked %lu bytes, size classes %lu, slab pages %lu: asked/taken %.1f%%, "
	       "classes/taken %.1f%%\n", asked, classes, pages,
	       100.0 * (double)asked / (double)(pages * PAGE_SIZE),
	       100.0 * (double)classes / (double)(pages * PAGE_SIZE));
	mi = mallinfo2();
	glibc_before = mi.uordblks + mi.hblkhd;
	prandom_seed_state(&s, 2);
	for (i = 0; i < N; i++)
		p[i] = __libc_malloc(random_size(&s));
	mi = mallinfo2();
	glibc_used = mi.uordblks + mi.hblkhd - glibc_before;
	printf("  glibc: chunks in use grew by %zu bytes: asked/taken %.1f%%\n", glibc_used,
	       100.0 * (double)asked / (double)glibc_used);
	for (i = 0; i < N; i++)
		__libc_free(p[i]);
	free(p);
}

int main(void)
{
	static const size_t classes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048,
					  4096, 8192 };
	unsigned int i, a;
	struct rnd_state s;

	sim_log_echo(false);
	slab_test_boot(1024, "");
	load(&allocators[3], "libmimalloc.so.2", "mi_malloc", "mi_free");
	prandom_seed_state(&s, 1);
	for (i = 0; i < OPS; i++) {
		sizes[i] = random_size(&s);
		slots[i] = (u16)(prandom_u32_state(&s) % LIVE);
	}
	printf("ns per allocate+free pair (best of %d runs of %d pairs)\n", TRIES, PAIRS);
	printf("%-8s", "size");
	for (a = 0; a < ARRAY_SIZE(allocators); a++)
		printf(" %13s", allocators[a].name);
	printf("\n");
	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		printf("%-8zu", classes[i]);
		for (a = 0; a < ARRAY_SIZE(allocators); a++) {
			if (allocators[a].alloc)
				printf(" %13.2f", pair_ns(&allocators[a], classes[i]));
			else
				printf(" %13s", "n/a");
		}
		printf("\n");
	}
	printf("%-8s", "random");
	for (a = 0; a < ARRAY_SIZE(allocators); a++) {
		if (allocators[a].alloc)
			printf(" %13.2f", random_ns(&allocators[a]));
		else
			printf(" %13s", "n/a");
	}
	printf("   (sizes 8..4103, %d live, free one and allocate one)\n", LIVE);
	efficiency();
	return 0;
}
