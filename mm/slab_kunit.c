/*
 * In-kernel self-tests of the slab allocator and kmalloc (KTAP), and the
 * invariant checked around every suite: no slab object and no large
 * kmalloc block outlives the suite that allocated it. The host tests
 * (tests/host/slab/) cover the same ground on the simulator, plus
 * randomized runs and fuzzing; these run on the real page allocator, the
 * real per-CPU data and the real CPUs.
 */
#include <linux/kernel.h>
#include <linux/kasan.h>
#include <linux/kallsyms.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/shrinker.h>
#include <linux/spinlock.h>
#include <mica/kunit.h>
#include <string.h>
#include "slab.h"

/* --- the invariant --------------------------------------------------------- */

/*
 * Objects handed out and not freed, over every cache; CPU arrays hold free
 * ones, and so does KASAN's quarantine once emptied.
 */
static unsigned long live_objects(void)
{
	struct kmem_cache *s;
	unsigned long n = 0;

	kasan_quarantine_flush(NULL);
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo info;

		get_slabinfo(s, &info);
		n += info.active_objs - info.cpu_objs;
	}
	spin_unlock(&slab_caches_lock);
	return n;
}

static unsigned long live_before_suite, large_before_suite;

static void live_snapshot(void)
{
	live_before_suite = live_objects();
	large_before_suite = (unsigned long)atomic_read(&kmalloc_large_pages);
}

static int live_check(char *why, size_t len)
{
	unsigned long live = live_objects();
	unsigned long large = (unsigned long)atomic_read(&kmalloc_large_pages);

	if (live == live_before_suite && large == large_before_suite)
		return 0;
	scnprintf(why, len, "%lu slab objects and %lu large kmalloc pages, %lu and %lu before",
		  live, large, live_before_suite, large_before_suite);
	return -1;
}
KUNIT_INVARIANT(slab_live, "slab objects freed", live_snapshot, live_check);

/* Tests that change failslab (or the boot's failslab=) put it back. */
static struct failslab_attr failslab_before_suite;

static void failslab_snapshot(void)
{
	failslab_before_suite = failslab;
}

static int failslab_check(char *why, size_t len)
{
	const struct failslab_attr *was = &failslab_before_suite;

	if (failslab_same_settings(&failslab, was))
		return 0;
	scnprintf(why, len, "probability=%lu interval=%lu times=%d, was %lu %lu %d",
		  failslab.attr.probability, failslab.attr.interval, failslab.attr.times,
		  was->attr.probability, was->attr.interval, was->attr.times);
	return -1;
}
KUNIT_INVARIANT(failslab, "failslab settings kept", failslab_snapshot, failslab_check);

/* --- helpers --------------------------------------------------------------- */

static struct kmem_cache *cache_of(const void *p)
{
	return slab_virt_to_page(p)->slab_cache;
}

static int reports_before;

static int count_reports(struct kunit *test)
{
	reports_before = atomic_read(&slab_nr_reports);
	return 0;
}

static int new_reports(void)
{
	return atomic_read(&slab_nr_reports) - reports_before;
}

/* --- kmalloc --------------------------------------------------------------- */

enum { EVERY_SIZE_MAX = 8192 };
static u8 **every_size_p;	/* the objects of every_size(), freed however it ends */

static void every_size_free(void *unused)
{
	size_t size;

	for (size = 1; size <= EVERY_SIZE_MAX; size++)
		kfree(every_size_p[size]);
	kfree(every_size_p);
	every_size_p = NULL;
}

/* Every size 1..8192 at once: big enough, aligned, written whole, no overlap. */
static void every_size(struct kunit *test)
{
	enum { N = EVERY_SIZE_MAX };
	/* About 36 MiB of objects (sizes rounded up to their caches), and room to spare. */
	unsigned long need = (48UL << 20) >> PAGE_SHIFT;
	u8 **p;
	size_t size, i;

	if (nr_free_pages() < need)
		kunit_skip(test, "needs %lu MiB free, has %lu", need >> (20 - PAGE_SHIFT),
			   nr_free_pages() >> (20 - PAGE_SHIFT));
	p = every_size_p = kcalloc(N + 1, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, every_size_free, NULL), 0);
	for (size = 1; size <= N; size++) {
		p[size] = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[size]);
		KUNIT_EXPECT_GE(test, ksize(p[size]), size);
		KUNIT_EXPECT_EQ(test, (unsigned long)p[size] % ARCH_KMALLOC_MINALIGN, 0UL);
		memset(p[size], (int)(size & 0xff), size);
	}
	/* No overlap: every byte still holds what its owner wrote. */
	for (size = 1; size <= N; size++) {
		for (i = 0; i < size; i++)
			if (p[size][i] != (u8)size)
				break;
		KUNIT_EXPECT_EQ(test, i, size);
	}
}

static void size_classes(struct kunit *test)
{
	static const struct { unsigned int size; const char *cache; } cases[] = {
		{ 1, "kmalloc-8" }, { 13, "kmalloc-16" }, { 65, "kmalloc-96" },
		{ 100, "kmalloc-128" }, { 150, "kmalloc-192" }, { 8192, "kmalloc-8192" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		volatile size_t size = cases[i].size;
		void *p = kmalloc(size, GFP_KERNEL), *d;

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_STREQ(test, cache_of(p)->name, cases[i].cache);
		kfree(p);
		if (!has_managed_dma())
			continue;	/* dma_zone=0: no dma-kmalloc objects */
		d = kmalloc(size, GFP_DMA);
		KUNIT_ASSERT_NOT_NULL(test, d);
		KUNIT_EXPECT_EQ(test, strncmp(cache_of(d)->name, "dma-kmalloc-", 12), 0);
		KUNIT_EXPECT_EQ(test, page_zonenum(slab_virt_to_page(d)), ZONE_DMA);
		kfree(d);
	}
	/* The memory-and-DMA chapter's example: 13 bytes come from the 16-byte cache. */
	KUNIT_EXPECT_EQ(test, kmalloc_index(13), 4U);
}

static void zero_and_limits(struct kunit *test)
{
	volatile size_t zero = 0, too_big = KMALLOC_MAX_SIZE + 1;

	KUNIT_EXPECT_PTR_EQ(test, kmalloc(zero, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	KUNIT_EXPECT_NULL(test, kmalloc(too_big, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, kcalloc(SIZE_MAX / 4 + 1, 8, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX / 2, 3, GFP_KERNEL));
	KUNIT_EXPECT_EQ(test, new_reports(), 0);
}

static void large_blocks(struct kunit *test)
{
	unsigned long slab = global_page_state(NR_SLAB_UNRECLAIMABLE);
	volatile size_t size = 20000;
	u8 *p = kzalloc(size, GFP_KERNEL);
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_FALSE(test, PageSlab(slab_virt_to_page(p)));
	KUNIT_EXPECT_EQ(test, ksize(p), 8 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, global_page_state(NR_SLAB_UNRECLAIMABLE), slab + 8);
	for (i = 0; i < size; i++)
		if (p[i])
			break;
	KUNIT_EXPECT_EQ(test, i, (size_t)size);
	kfree(p);
	KUNIT_EXPECT_EQ(test, global_page_state(NR_SLAB_UNRECLAIMABLE), slab);
}

static void zeroing_and_copies(struct kunit *test)
{
	volatile size_t n = 100;
	u8 *p = kmalloc(n, GFP_KERNEL), *z;
	char *s;
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xee, n);
	kfree(p);
	z = kzalloc(n, GFP_KERNEL);	/* most likely the same object */
	KUNIT_ASSERT_NOT_NULL(test, z);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, z[i], 0);
	for (i = 0; i < n; i++)
		z[i] = (u8)i;
	p = krealloc(z, 3000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, p[i], (u8)i);
	KUNIT_EXPECT_PTR_EQ(test, krealloc(p, 10, GFP_KERNEL), p);	/* fits: stays */
	KUNIT_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	s = kstrdup("kmalloc", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "kmalloc");
	p = kmemdup(s, 8, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, memcmp(p, "kmalloc", 8), 0);
	kfree(s);
	kfree(p);
}

static struct kunit_case kmalloc_cases[] = {
	KUNIT_CASE(every_size),
	KUNIT_CASE(size_classes),
	KUNIT_CASE(zero_and_limits),
	KUNIT_CASE(large_blocks),
	KUNIT_CASE(zeroing_and_copies),
	{}
};

static struct kunit_suite kmalloc_suite = {
	.name = "slab_kmalloc",
	.init = count_reports,
	.test_cases = kmalloc_cases,
};
kunit_test_suite(kmalloc_suite);

/* --- caches ---------------------------------------------------------------- */

/* The memory-and-DMA chapter's example, as written there (its typos aside). */
struct test {
	char c;
	int i;
};

static void document_example(struct kunit *test)
{
	struct kmem_cache *test_cache;
	struct test *t;

	test_cache = kmem_cache_create("test_cache", sizeof(struct test), 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, test_cache);
	t = kmem_cache_alloc(test_cache, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->c = 'x';
	t->i = 1;
	kmem_cache_free(test_cache, t);
	kmem_cache_destroy(test_cache);
	KUNIT_EXPECT_EQ(test, new_reports(), 0);
}

static atomic_t ctor_runs;

static void count_ctor(void *obj)
{
	atomic_inc(&ctor_runs);
	*(u32 *)obj = 0x5eed;
}

static void ctor_runs_once_per_object(struct kunit *test)
{
	/* A KFENCE sample runs the constructor too, for an object outside the slabs. */
	struct kmem_cache *c = kmem_cache_create("ctor_once", 48, 0, SLAB_SKIP_KFENCE, count_ctor);
	void *obj[50];
	unsigned int round, i;
	struct slabinfo info;

	KUNIT_ASSERT_NOT_NULL(test, c);
	atomic_set(&ctor_runs, 0);
	for (round = 0; round < 5; round++) {
		for (i = 0; i < ARRAY_SIZE(obj); i++) {
			obj[i] = kmem_cache_alloc(c, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, obj[i]);
			KUNIT_EXPECT_EQ(test, *(u32 *)obj[i], 0x5eedU);
		}
		for (i = 0; i < ARRAY_SIZE(obj); i++)
			kmem_cache_free(c, obj[i]);
		kasan_quarantine_flush(c);	/* KASAN: reusable only once out of quarantine */
	}
	get_slabinfo(c, &info);
	KUNIT_EXPECT_EQ(test, (unsigned long)atomic_read(&ctor_runs), info.num_objs);
	KUNIT_EXPECT_LT(test, (unsigned long)atomic_read(&ctor_runs), 5UL * ARRAY_SIZE(obj));
	kmem_cache_destroy(c);
}

static void hwcache_alignment(struct kunit *test)
{
	static const struct { unsigned int size, align; } cases[] = {
		{ 20, 32 }, { 40, L1_CACHE_BYTES }, { 200, L1_CACHE_BYTES }, { 8, 8 },
	};
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct kmem_cache *c = kmem_cache_create("hwalign", cases[i].size, 0,
							 SLAB_HWCACHE_ALIGN, NULL);
		void *p[20];

		KUNIT_ASSERT_NOT_NULL(test, c);
		for (j = 0; j < ARRAY_SIZE(p); j++) {
			p[j] = kmem_cache_alloc(c, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, p[j]);
			KUNIT_EXPECT_EQ(test, (unsigned long)p[j] % cases[i].align, 0UL);
		}
		for (j = 0; j < ARRAY_SIZE(p); j++)
			kmem_cache_free(c, p[j]);
		kmem_cache_destroy(c);
	}
}

struct aligned64 {
	u32 word;
} __aligned(64);

static void kmem_cache_macro_and_dma(struct kunit *test)
{
	struct kmem_cache *c;
	struct aligned64 *a;

	if (!has_managed_dma())
		kunit_skip(test, "no ZONE_DMA (dma_zone=0)");
	c = KMEM_CACHE(aligned64, SLAB_CACHE_DMA);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_STREQ(test, c->name, "aligned64");
	a = kmem_cache_zalloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, (unsigned long)a % 64, 0UL);
	KUNIT_EXPECT_EQ(test, a->word, 0U);
	KUNIT_EXPECT_EQ(test, page_zonenum(slab_virt_to_page(a)), ZONE_DMA);
	kmem_cache_free(c, a);
	kmem_cache_destroy(c);
}

/* Emptied caches give their pages back: through kmem_cache_shrink and the shrinker. */
static void shrinking_returns_pages(struct kunit *test)
{
	enum { N = 3000 };
	struct kmem_cache *c = kmem_cache_create("shrink_test", 500, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	void **p = kmalloc_array(N, sizeof(void *), GFP_KERNEL);
	unsigned long free_before, reclaimable, shrunk = 0;
	unsigned int i;
	struct slabinfo info;
	int nid;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, p);
	drop_slab();		/* so that shrink_slab below gives back only this test's */
	drain_all_pages();
	free_before = nr_free_pages();
	reclaimable = global_page_state(NR_SLAB_RECLAIMABLE);
	for (i = 0; i < N; i++) {
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
	}
	KUNIT_EXPECT_GT(test, global_page_state(NR_SLAB_RECLAIMABLE), reclaimable);
	for (i = 0; i < N; i++)
		kmem_cache_free(c, p[i]);
	get_slabinfo(c, &info);
	KUNIT_EXPECT_GT(test, info.num_slabs, 0UL);	/* kept for reuse */
	/* Every node's: the test runs in a thread that may have moved between nodes' CPUs. */
	for_each_online_node(nid)
		shrunk += shrink_slab(GFP_KERNEL, nid);
	KUNIT_EXPECT_GT(test, shrunk, 0UL);
	KUNIT_EXPECT_EQ(test, kmem_cache_shrink(c), 0);
	get_slabinfo(c, &info);
	KUNIT_EXPECT_EQ(test, info.num_slabs, 0UL);
	KUNIT_EXPECT_EQ(test, global_page_state(NR_SLAB_RECLAIMABLE), reclaimable);
	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	kfree(p);
	kmem_cache_destroy(c);
}

/* What slabinfo shows adds up to meminfo's Slab, large kmalloc blocks aside. */
static void slabinfo_matches_meminfo(struct kunit *test)
{
	unsigned long pages = 0;
	struct kmem_cache *s;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo info;
		struct kmem_cache_node *n;
		int nid;

		get_slabinfo(s, &info);
		for (nid = 0; nid < MAX_NUMNODES; nid++) {
			struct page *page;

			n = &s->node[nid];
			spin_lock_irq(&n->list_lock);
			list_for_each_entry(page, &n->slabs_partial, lru)
				pages += compound_nr(page);
			list_for_each_entry(page, &n->slabs_full, lru)
				pages += compound_nr(page);
			list_for_each_entry(page, &n->slabs_free, lru)
				pages += compound_nr(page);
			spin_unlock_irq(&n->list_lock);
		}
		KUNIT_EXPECT_LE(test, info.active_objs, info.num_objs);
		KUNIT_EXPECT_LE(test, info.active_slabs, info.num_slabs);
	}
	spin_unlock(&slab_caches_lock);
	KUNIT_EXPECT_EQ(test, pages + (unsigned long)atomic_read(&kmalloc_large_pages),
			global_page_state(NR_SLAB_RECLAIMABLE) +
			global_page_state(NR_SLAB_UNRECLAIMABLE));
}

static void every_cache_validates(struct kunit *test)
{
	struct kmem_cache *s;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		KUNIT_EXPECT_EQ(test, kmem_cache_validate(s), 0);
	spin_unlock(&slab_caches_lock);
}

static struct kunit_case cache_cases[] = {
	KUNIT_CASE(document_example),
	KUNIT_CASE(ctor_runs_once_per_object),
	KUNIT_CASE(hwcache_alignment),
	KUNIT_CASE(kmem_cache_macro_and_dma),
	KUNIT_CASE(shrinking_returns_pages),
	KUNIT_CASE(slabinfo_matches_meminfo),
	KUNIT_CASE(every_cache_validates),
	{}
};

static struct kunit_suite cache_suite = {
	.name = "slab_cache",
	.init = count_reports,
	.test_cases = cache_cases,
};
kunit_test_suite(cache_suite);

/* --- debugging: each misuse is reported once and the allocator carries on -- */

#define FULL_DEBUG (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/* Misuse on purpose, of the slab's own objects: KFENCE's would be reported by KFENCE. */
static struct kmem_cache *debug_cache(struct kunit *test, const char *name, unsigned int size,
				      unsigned long flags)
{
	struct kmem_cache *c = kmem_cache_create(name, size, 0, flags | SLAB_SKIP_KFENCE, NULL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	return c;
}

/*
 * In a KASAN kernel the misuses below are KASAN's to report first (the
 * kasan suite checks that): the bytes are written with its reports off,
 * as Linux's slub_kunit does, and a freed object reaches the slab only
 * when it leaves KASAN's quarantine.
 */
static void poke(u8 *p, long i, u8 v)
{
	kasan_disable_current();
	p[i] = v;
	kasan_enable_current();
}

static void free_now(struct kmem_cache *c, void *p)
{
	kmem_cache_free(c, p);
	kasan_quarantine_flush(c);
}

/* Misuses KASAN intercepts before the slab sees them. */
static void skip_under_kasan(struct kunit *test)
{
#ifdef CONFIG_KASAN
	kunit_skip(test, "KASAN reports this misuse itself (see the kasan suite)");
#endif
}

static void redzone_overwritten(struct kunit *test)
{
	struct kmem_cache *c = debug_cache(test, "rz_test", 40, FULL_DEBUG);
	u8 *p = kmem_cache_alloc(c, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	poke(p, 40, 0);		/* one past the end */
	free_now(c, p);
	KUNIT_EXPECT_EQ(test, new_reports(), 1);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	poke(p, -1, 0);		/* one before the start */
	free_now(c, p);
	KUNIT_EXPECT_EQ(test, new_reports(), 2);
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(c), 0);
	kmem_cache_destroy(c);
	KUNIT_EXPECT_EQ(test, new_reports(), 2);
}

static void write_after_free(struct kunit *test)
{
	struct kmem_cache *c = debug_cache(test, "uaf_test", 64, SLAB_POISON);
	u8 *p = kmem_cache_alloc(c, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	free_now(c, p);
	poke(p, 5, 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(c), 1);	/* found by validation */
	poke(p, 6, 2);
	q = kmem_cache_alloc(c, GFP_KERNEL);			/* or when handed out */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_EQ(test, new_reports(), 2);
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);
}

static void double_free(struct kunit *test)
{
	struct kmem_cache *c, *fast;
	void *a, *b, *k;

	skip_under_kasan(test);
	c = debug_cache(test, "df_test", 32, SLAB_CONSISTENCY_CHECKS);
	fast = debug_cache(test, "df_fast", 96, 0);	/* per-CPU arrays, as kmalloc-96 */
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	kmem_cache_free(c, a);		/* debug cache: found on the free list */
	KUNIT_EXPECT_EQ(test, new_reports(), 1);
	k = kmem_cache_alloc(fast, GFP_KERNEL);	/* no debugging: the fast path's check */
	KUNIT_ASSERT_NOT_NULL(test, k);
	kmem_cache_free(fast, k);
	kmem_cache_free(fast, k);
	KUNIT_EXPECT_EQ(test, new_reports(), 2);
	a = kmem_cache_alloc(fast, GFP_KERNEL);
	b = kmem_cache_alloc(fast, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	kmem_cache_free(fast, a);
	kmem_cache_free(fast, b);
	kmem_cache_destroy(fast);
	kmem_cache_destroy(c);
}

static void invalid_frees(struct kunit *test)
{
	struct kmem_cache *c, *other;
	struct page *page;
	u8 *p, *big;
	int on_stack;

	skip_under_kasan(test);
	c = debug_cache(test, "inval_test", 64, SLAB_CONSISTENCY_CHECKS);
	other = debug_cache(test, "other_test", 64, SLAB_CONSISTENCY_CHECKS);
	page = alloc_page(GFP_KERNEL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	big = kmalloc(30000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, big);
	kmem_cache_free(c, p + 4);			/* inside an object */
	KUNIT_EXPECT_EQ(test, new_reports(), 1);
	kmem_cache_free(other, p);			/* another cache's object */
	KUNIT_EXPECT_EQ(test, new_reports(), 2);
	kmem_cache_free(c, lowmem_page_address(page));	/* not a slab page */
	KUNIT_EXPECT_EQ(test, new_reports(), 3);
	kfree(lowmem_page_address(page));		/* not from kmalloc at all */
	KUNIT_EXPECT_EQ(test, new_reports(), 4);
	kfree(big + PAGE_SIZE);				/* inside a large block */
	KUNIT_EXPECT_EQ(test, new_reports(), 5);
	kfree((void *)(VMALLOC_START + PAGE_SIZE));	/* not lowmem */
	KUNIT_EXPECT_EQ(test, new_reports(), 6);
	kfree(&on_stack);				/* a stack variable */
	KUNIT_EXPECT_EQ(test, new_reports(), 7);
	kmem_cache_free(c, p);
	kfree(big);
	__free_page(page);
	kmem_cache_destroy(c);
	kmem_cache_destroy(other);
	KUNIT_EXPECT_EQ(test, new_reports(), 7);
}

static void leak_at_destroy(struct kunit *test)
{
	struct kmem_cache *c = debug_cache(test, "leak_test", 100, SLAB_STORE_USER);
	void *p = kmem_cache_alloc(c, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_destroy(c);		/* reported; the cache stays */
	KUNIT_EXPECT_EQ(test, new_reports(), 1);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	KUNIT_EXPECT_EQ(test, new_reports(), 1);
}

static noinline void *alloc_from_here(struct kmem_cache *c)
{
	void *p = kmem_cache_alloc(c, GFP_KERNEL);

	barrier();	/* not a tail call: the return address stays in this function */
	return p;
}

static noinline void free_from_here(struct kmem_cache *c, void *p)
{
	kmem_cache_free(c, p);
	barrier();
}

static bool track_in(const struct kmem_cache *c, void *obj, enum track_item item, const char *fn)
{
	const struct track *t = (const struct track *)((char *)obj + c->track_offset) + item;
	unsigned long size, offset, addr;
	const char *name;

	kasan_disable_current();	/* slab metadata: a red zone to KASAN */
	addr = t->addr;
	kasan_enable_current();
	name = kallsyms_lookup(addr, &size, &offset);
	return name && !strcmp(name, fn);
}

/*
 * SLAB_STORE_USER records kmem_cache_alloc's and kmem_cache_free's callers:
 * the slow paths find them as their own return address, the entry points
 * reaching them by tail calls only (SLAB_CALLER_RET_IP).
 */
static void store_user_records_callers(struct kunit *test)
{
	struct kmem_cache *c = debug_cache(test, "track_test", 48, SLAB_STORE_USER);
	void *p = alloc_from_here(c);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, track_in(c, p, TRACK_ALLOC, "alloc_from_here"));
	free_from_here(c, p);
#ifndef CONFIG_KASAN	/* there the object waits in quarantine; KASAN keeps its free stack */
	KUNIT_EXPECT_TRUE(test, track_in(c, p, TRACK_FREE, "free_from_here"));
#endif
	KUNIT_EXPECT_EQ(test, new_reports(), 0);
	kmem_cache_destroy(c);
}

static struct failslab_attr failslab_saved;

static void failslab_restore(void *unused)
{
	failslab_configure(&failslab_saved);
}

static void failslab_fails(struct kunit *test)
{
	struct kmem_cache *c = kmem_cache_create("failslab_test", 24, 0, SLAB_FAILSLAB, NULL);
	struct failslab_attr settings = failslab;
	void *p;

	KUNIT_ASSERT_NOT_NULL(test, c);
	failslab_saved = failslab;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, failslab_restore, NULL), 0);
	KUNIT_ASSERT_EQ(test, failslab_setting(&settings, "cache-filter", "Y"), 0);
	KUNIT_ASSERT_EQ(test, failslab_setting(&settings, "times", "1"), 0);
	KUNIT_ASSERT_EQ(test, failslab_setting(&settings, "probability", "100"), 0);
	KUNIT_ASSERT_EQ(test, failslab_setting(&settings, "interval", "1"), 0);
	failslab_configure(&settings);
	KUNIT_EXPECT_NULL(test, kmem_cache_alloc(c, GFP_ATOMIC));
	p = kmem_cache_alloc(c, GFP_ATOMIC);		/* used up */
	KUNIT_EXPECT_NOT_NULL(test, p);
	kmem_cache_free(c, p);
	kunit_release_action(test, failslab_restore, NULL);
	kmem_cache_destroy(c);
}

static struct kunit_case debug_cases[] = {
	KUNIT_CASE(redzone_overwritten),
	KUNIT_CASE(write_after_free),
	KUNIT_CASE(double_free),
	KUNIT_CASE(invalid_frees),
	KUNIT_CASE(leak_at_destroy),
	KUNIT_CASE(store_user_records_callers),
	KUNIT_CASE(failslab_fails),
	{}
};

static struct kunit_suite debug_suite = {
	.name = "slab_debug",
	.init = count_reports,
	.test_cases = debug_cases,
};
kunit_test_suite(debug_suite);

/* --- SMP: every CPU on the same caches at once ---------------------------- */

#define SMP_SLOTS	256
#define SMP_ROUNDS	2000

struct smp_obj {
	u32 serial;		/* what the exchange slot says it should be */
	u32 owner;		/* the allocating CPU + 1 */
};

struct smp_ctx {
	struct kmem_cache *cache;
	spinlock_t lock;
	struct smp_obj *slot[SMP_SLOTS];
	u32 serial[SMP_SLOTS];
	u32 next_serial;
	atomic_t running;
	atomic_t errors;		/* corruption: an object handed out twice */
	atomic_t alloc_failures;	/* GFP_ATOMIC refused: no error, under fault injection */
};

/*
 * Objects are zeroed when allocated and stamped with a serial number kept
 * beside them in the exchange; an object handed out a second time while
 * in the exchange would be zeroed and stamped again, so its stamp would no
 * longer match when it is taken out.
 */
static void smp_worker(void *arg)
{
	struct smp_ctx *ctx = arg;
	unsigned int cpu = smp_processor_id(), i;
	struct rnd_state rnd;

	prandom_seed_state(&rnd, cpu);
	for (i = 0; i < SMP_ROUNDS; i++) {
		u32 rng = prandom_u32_state(&rnd);
		struct smp_obj *o, *old;
		unsigned long flags;
		unsigned int k;
		u32 old_serial;

		o = (rng & 1) ? kmem_cache_zalloc(ctx->cache, GFP_ATOMIC)
			      : kzalloc(sizeof(*o) + rng % 300, GFP_ATOMIC);
		if (!o) {
			atomic_inc(&ctx->alloc_failures);
			continue;
		}
		k = (rng >> 8) % SMP_SLOTS;
		spin_lock_irqsave(&ctx->lock, flags);
		old = ctx->slot[k];
		old_serial = ctx->serial[k];
		o->serial = ctx->serial[k] = ++ctx->next_serial;
		o->owner = cpu + 1;
		ctx->slot[k] = o;
		spin_unlock_irqrestore(&ctx->lock, flags);
		if (old) {
			if (READ_ONCE(old->serial) != old_serial || !READ_ONCE(old->owner))
				atomic_inc(&ctx->errors);
			kfree(old);	/* often another CPU's object */
		}
	}
	atomic_dec(&ctx->running);
}

/* Every online CPU runs smp_worker() on @ctx at once; returns when all are done. */
static void run_on_all_cpus(struct smp_ctx *ctx)
{
	atomic_set(&ctx->running, num_online_cpus());
	smp_call_function(smp_worker, ctx, 0);
	smp_worker(ctx);
	while (atomic_read(&ctx->running))
		cpu_relax();
}

static void all_cpus_at_once(struct kunit *test)
{
	struct smp_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	struct failslab_attr settings;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	if (num_online_cpus() < 2)
		kunit_info(test, "one CPU online: the run is not concurrent");
	ctx->cache = kmem_cache_create("smp_test", sizeof(struct smp_obj), 0, 0, NULL);
	if (!ctx->cache) {
		kfree(ctx);
		KUNIT_FAIL(test, "cannot create the cache");
		return;
	}
	spin_lock_init(&ctx->lock);
	run_on_all_cpus(ctx);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->errors), 0);
	/* Plenty of memory: a refused allocation is an injected failure, or a bug. */
	if (!failslab_armed() && !static_branch_unlikely(&fail_page_alloc_armed))
		KUNIT_EXPECT_EQ(test, atomic_read(&ctx->alloc_failures), 0);
	else
		kunit_info(test, "%d allocations failed (fault injection)",
			   atomic_read(&ctx->alloc_failures));

	/* Again with a fifth of the allocations failing: refusals are no corruption. */
	failslab_saved = failslab;
	settings = failslab;
	settings.attr.probability = 20;
	settings.attr.interval = 1;
	settings.attr.times = -1;
	settings.attr.verbose = 0;
	settings.cache_filter = false;
	failslab_configure(&settings);
	atomic_set(&ctx->alloc_failures, 0);
	run_on_all_cpus(ctx);
	failslab_restore(NULL);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->errors), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&ctx->alloc_failures), 0);

	for (i = 0; i < SMP_SLOTS; i++) {
		struct smp_obj *o = ctx->slot[i];

		if (o) {
			KUNIT_EXPECT_EQ(test, o->serial, ctx->serial[i]);
			kfree(o);
		}
	}
	drop_slab();	/* every CPU's arrays back, so the invariants can count */
	KUNIT_EXPECT_EQ(test, kmem_cache_validate(ctx->cache), 0);
	kmem_cache_destroy(ctx->cache);
	kfree(ctx);
	KUNIT_EXPECT_EQ(test, new_reports(), 0);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(all_cpus_at_once),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "slab_smp",
	.init = count_reports,
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
