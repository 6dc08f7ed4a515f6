/*
 * Randomized test of the slab allocator against a model: long runs of
 * random operations (kmalloc/kzalloc/krealloc/kfree of random sizes, caches
 * with random sizes, alignments, flags and constructors created, used,
 * shrunk and destroyed, CPU switches, the shrinker, failslab) on one
 * simulated machine. The model knows every live object, its size and the
 * bytes written into it; the allocator must agree on every count, every
 * object must keep its bytes until freed (so no two overlap), and at the end
 * every page must come back. SLAB_SEED=n picks one seed; otherwise a fixed
 * list runs.
 */
#include "slab_test.h"
#include <linux/prandom.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#define MAX_LIVE	4096
#define MAX_CACHES	8
#define CTOR_BYTE	0xc7

struct live {
	u8 *p;
	size_t size;		/* bytes the model may touch */
	int cache;		/* index in caches[], or -1 for kmalloc */
	u8 seed;		/* the bytes written are seed, seed + 1, ... */
};

struct model_cache {
	struct kmem_cache *s;
	size_t size, align;
	unsigned long flags;
	bool ctor;
	unsigned long live;
};

static struct live live[MAX_LIVE];
static unsigned int nlive;
static struct model_cache caches[MAX_CACHES];
static struct rnd_state rng;

static u32 rnd(void)
{
	return prandom_u32_state(&rng);
}

static u32 below(u32 n)
{
	return rnd() % n;
}

static void ctor_fill(void *p)
{
	/* The object size is not passed: caches with a constructor record it here. */
	memset(p, CTOR_BYTE, (size_t)slab_virt_to_page(p)->slab_cache->object_size);
}

static void fill(struct live *l)
{
	size_t i;

	for (i = 0; i < l->size; i++)
		l->p[i] = (u8)(l->seed + i);
}

static void check_bytes_intact(const struct live *l)
{
	size_t i;

	for (i = 0; i < l->size; i++)
		if (l->p[i] != (u8)(l->seed + i))
			fail_msg("object %p (size %zu, cache %d) byte %zu changed", l->p, l->size,
				 l->cache, i);
}

static size_t random_size(void)
{
	switch (below(10)) {
	case 0:
		return 1 + below(KMALLOC_MAX_CACHE_SIZE);
	case 1:
		return KMALLOC_MAX_CACHE_SIZE + 1 + below(60000);	/* large */
	default:
		return 1 + below(300);
	}
}

static gfp_t random_gfp(void)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_ATOMIC, GFP_NOWAIT, GFP_KERNEL | __GFP_ZERO,
				      GFP_DMA, GFP_KERNEL | __GFP_NOWARN };

	return gfps[below(ARRAY_SIZE(gfps))];
}

static bool failslab_on;

/* An allocation may fail only when failslab is armed (or the request cannot wait). */
static void check_allocated(void *p, gfp_t gfp)
{
	if (!p && !failslab_on)
		fail_msg("allocation failed with gfp %#x", (unsigned int)gfp);
}

static void add_live(u8 *p, size_t size, int cache, gfp_t gfp)
{
	struct live *l = &live[nlive++];
	size_t i;

	if (gfp & __GFP_ZERO)
		for (i = 0; i < size; i++)
			if (p[i])
				fail_msg("zeroed object %p has byte %zu = %#x", p, i, p[i]);
	l->p = p;
	l->size = size;
	l->cache = cache;
	l->seed = (u8)rnd();
	fill(l);
	if (cache >= 0)
		caches[cache].live++;
}

static void do_kmalloc(void)
{
	size_t size = random_size();
	gfp_t gfp = random_gfp();
	u8 *p = kmalloc(size, gfp);

	check_allocated(p, gfp);
	if (!p)
		return;
	assert_true(ksize(p) >= size);
	assert_int_equal((uintptr_t)p % ARCH_KMALLOC_MINALIGN, 0);
	if ((gfp & GFP_DMA) && size <= KMALLOC_MAX_CACHE_SIZE)
		assert_int_equal(page_zonenum(slab_virt_to_page(p)), ZONE_DMA);
	add_live(p, size, -1, gfp);
}

static void do_cache_alloc(void)
{
	int c = (int)below(MAX_CACHES);
	struct model_cache *m = &caches[c];
	gfp_t gfp = below(4) ? GFP_KERNEL : GFP_KERNEL | __GFP_ZERO;
	u8 *p;
	size_t i;

	if (!m->s)
		return;
	p = below(8) ? kmem_cache_alloc(m->s, gfp)
		     : kmem_cache_alloc_node(m->s, gfp, (int)below(2));
	check_allocated(p, gfp);
	if (!p)
		return;
	assert_int_equal((uintptr_t)p % m->align, 0);
	if (m->ctor && !(gfp & __GFP_ZERO))
		for (i = 0; i < m->size; i++)
			if (p[i] != CTOR_BYTE)
				fail_msg("%s: object %p not in its constructed state", m->s->name, p);
	add_live(p, m->size, c, gfp);
}

static void do_free(void)
{
	unsigned int k;
	struct live *l;

	if (!nlive)
		return;
	k = below(nlive);
	l = &live[k];
	check_bytes_intact(l);
	if (l->cache >= 0) {
		struct model_cache *m = &caches[l->cache];

		if (m->ctor)		/* a user gives an object back constructed */
			memset(l->p, CTOR_BYTE, m->size);
		if (below(2))
			kmem_cache_free(m->s, l->p);
		else
			kfree(l->p);
		m->live--;
	} else {
		kfree(l->p);
	}
	*l = live[--nlive];
}

static void do_krealloc(void)
{
	struct live *l;
	size_t size = random_size(), keep, i;
	u8 *p;

	if (!nlive)
		return;
	l = &live[below(nlive)];
	if (l->cache >= 0)
		return;
	check_bytes_intact(l);
	p = krealloc(l->p, size, GFP_KERNEL);
	check_allocated(p, GFP_KERNEL);
	if (!p)
		return;
	keep = min(size, l->size);
	for (i = 0; i < keep; i++)
		assert_int_equal(p[i], (u8)(l->seed + i));
	l->p = p;
	l->size = size;
	fill(l);
}

static void destroy_cache(int c)
{
	unsigned int k = 0;

	while (k < nlive) {
		if (live[k].cache == c) {
			struct live *l = &live[k];

			check_bytes_intact(l);
			if (caches[c].ctor)
				memset(l->p, CTOR_BYTE, caches[c].size);
			kmem_cache_free(caches[c].s, l->p);
			*l = live[--nlive];
		} else {
			k++;
		}
	}
	kmem_cache_destroy(caches[c].s);
	memset(&caches[c], 0, sizeof(caches[c]));
}

static void do_new_cache(void)
{
	static const unsigned long flag_choices[] = {
		SLAB_HWCACHE_ALIGN, SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER,
		SLAB_CONSISTENCY_CHECKS, SLAB_RECLAIM_ACCOUNT, SLAB_CACHE_DMA,
	};
	int c = (int)below(MAX_CACHES);
	struct model_cache *m = &caches[c];
	char name[32];
	unsigned int i;

	if (m->s)
		destroy_cache(c);
	m->size = below(8) ? 1 + below(512) : 1 + below(20000);
	m->align = below(3) ? 0 : 1UL << below(9);
	m->flags = 0;
	for (i = 0; i < ARRAY_SIZE(flag_choices); i++)
		if (!below(4))
			m->flags |= flag_choices[i];
	m->ctor = !below(4);
	snprintf(name, sizeof(name), "random-%d-%u", c, below(1000));
	m->s = kmem_cache_create(name, m->size, m->align, m->flags, m->ctor ? ctor_fill : NULL);
	check_allocated(m->s, GFP_KERNEL);
	if (!m->s)
		return;
	m->align = max(m->align, (size_t)ARCH_SLAB_MINALIGN);
	if (m->flags & SLAB_HWCACHE_ALIGN) {	/* a line, or the power of two that holds it */
		size_t line = L1_CACHE_BYTES;

		while (m->size <= line / 2)
			line /= 2;
		m->align = max(m->align, line);
	}
	m->live = 0;
}

static void check_counts(void)
{
	int c;

	for (c = 0; c < MAX_CACHES; c++)
		if (caches[c].s)
			assert_int_equal(slab_live(caches[c].s), caches[c].live);
}

static void toggle_failslab(void)
{
	failslab_on = !failslab_on;
	failslab_set("probability", failslab_on ? "30" : "0");
	failslab_set("verbose", "0");
	failslab_set("ignore-gfp-wait", "N");
	failslab_update();
}

static void run(u64 seed, unsigned int ops)
{
	unsigned long free_pages;
	int reports = atomic_read(&slab_nr_reports);
	unsigned int i;
	int c;

	slab_test_boot(256, "numa=fake=2");
	slab_quiesce();
	free_pages = nr_free_pages();
	prandom_seed_state(&rng, seed);
	nlive = 0;
	failslab_on = false;
	memset(caches, 0, sizeof(caches));
	for (i = 0; i < ops; i++) {
		u32 op = below(1000);

		if (nlive >= MAX_LIVE - 1)
			op = 500;	/* free */
		if (op < 300)
			do_kmalloc();
		else if (op < 480)
			do_cache_alloc();
		else if (op < 900)
			do_free();
		else if (op < 950)
			do_krealloc();
		else if (op < 956)
			do_new_cache();
		else if (op < 966)
			sim_set_cpu(below(NR_CPUS));
		else if (op < 970 && caches[c = (int)below(MAX_CACHES)].s)
			kmem_cache_shrink(caches[c].s);
		else if (op < 972)
			shrink_slab(GFP_KERNEL, (int)below(2));
		else if (op < 974)
			toggle_failslab();
		else if (op < 976)
			check_counts();
		else if (op == 999)
			assert_int_equal(slab_validate_all(), 0);
	}
	if (failslab_on)
		toggle_failslab();
	check_counts();
	assert_int_equal(slab_validate_all(), 0);
	while (nlive)
		do_free();
	for (c = 0; c < MAX_CACHES; c++)
		if (caches[c].s)
			destroy_cache(c);
	sim_set_cpu(0);
	slab_quiesce();
	assert_int_equal(slab_validate_all(), 0);
	assert_int_equal(atomic_read(&slab_nr_reports), reports);
	assert_int_equal(nr_free_pages(), free_pages);
	assert_null(mm_test_validate());
}

static void test_random(void **state)
{
	static const u64 seeds[] = { 1, 2, 3, 42, 1234567 };
	const char *env = getenv("SLAB_SEED");
	unsigned int i;

	if (env) {
		run(strtoull(env, NULL, 0), 400000);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(seeds); i++)
		run(seeds[i], 200000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests_name("slab_random", tests, NULL, NULL);
}
