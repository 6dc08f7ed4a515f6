/*
 * Host unit tests of the slab allocator and kmalloc (cmocka, ASan+UBSan),
 * on the page allocator's simulated machine. Each test boots a fresh
 * machine; the teardown brings every cache to rest and checks that every
 * cache validates, that no object is live that was not live at the start,
 * that the page allocator validates and that every page came back.
 */
#include "slab_test.h"
#include <mica/shell.h>
#include <linux/prandom.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

static unsigned long baseline_pages, baseline_live, baseline_warnings;
static int baseline_reports;

static void boot_with(unsigned long mib, const char *cmdline)
{
	slab_test_boot(mib, cmdline);
	slab_quiesce();
	baseline_pages = nr_free_pages();
	baseline_live = slab_live_all();
	baseline_reports = atomic_read(&slab_nr_reports);
	baseline_warnings = sim_warnings;
	sim_log_reset();
}

static int boot_1g(void **state) { boot_with(1024, ""); return 0; }
static int boot_256m(void **state) { boot_with(256, ""); return 0; }
static int boot_64m(void **state) { boot_with(64, ""); return 0; }
static int boot_numa2(void **state) { boot_with(1024, "numa=fake=2"); return 0; }
static int boot_debug_kmalloc64(void **state) { boot_with(256, "slub_debug=ZPU,kmalloc-64"); return 0; }

static int reports(void)
{
	return atomic_read(&slab_nr_reports) - baseline_reports;
}

static int check_rest(void **state)
{
	const char *why;
	int bad;

	slab_quiesce();
	bad = slab_validate_all();
	if (bad) {
		print_error("%d validation reports\n%s", bad, sim_log());
		return -1;
	}
	if (slab_live_all() != baseline_live) {
		print_error("%lu live objects, %lu at the start\n", slab_live_all(), baseline_live);
		return -1;
	}
	why = mm_test_validate();
	if (why) {
		print_error("page allocator: %s\n", why);
		return -1;
	}
	if (nr_free_pages() != baseline_pages) {
		print_error("%lu free pages, %lu at the start\n", nr_free_pages(), baseline_pages);
		return -1;
	}
	return 0;
}

#define T(fn, setup) cmocka_unit_test_setup_teardown(fn, setup, check_rest)

static struct kmem_cache *cache_of(const void *p)
{
	return slab_virt_to_page(p)->slab_cache;
}

/* --- kmalloc ------------------------------------------------------------- */

static void test_kmalloc_caches(void **state)
{
	static const unsigned int sizes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024,
					      2048, 4096, 8192 };
	char name[32];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s;

		snprintf(name, sizeof(name), "kmalloc-%u", sizes[i]);
		s = slab_find(name);
		assert_non_null(s);
		assert_int_equal(s->object_size, sizes[i]);
		assert_ptr_equal(s, kmalloc_caches[KMALLOC_NORMAL][kmalloc_index(sizes[i])]);
		snprintf(name, sizeof(name), "dma-kmalloc-%u", sizes[i]);
		s = slab_find(name);
		assert_non_null(s);
		assert_true(s->flags & SLAB_CACHE_DMA);
		assert_ptr_equal(s, kmalloc_caches[KMALLOC_DMA][kmalloc_index(sizes[i])]);
	}
	assert_null(slab_find("kmalloc-4"));
	assert_non_null(slab_find("kmem_cache"));
	assert_true(slab_is_available());
}

/* The document: kmalloc(13) is served from the 16-byte cache. */
static void test_kmalloc_13_is_16(void **state)
{
	size_t n = 13;	/* not a constant to the compiler: __kmalloc's path */
	void *a = kmalloc(13, GFP_KERNEL), *b = kmalloc(n, GFP_KERNEL);

	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(cache_of(a)->name, "kmalloc-16");
	assert_string_equal(cache_of(b)->name, "kmalloc-16");
	assert_int_equal(ksize(a), 16);
	kfree(a);
	kfree(b);
}

static void test_size_classes(void **state)
{
	static const struct { size_t size; const char *cache; } cases[] = {
		{ 1, "kmalloc-8" }, { 8, "kmalloc-8" }, { 9, "kmalloc-16" }, { 33, "kmalloc-64" },
		{ 64, "kmalloc-64" }, { 65, "kmalloc-96" }, { 96, "kmalloc-96" },
		{ 97, "kmalloc-128" }, { 129, "kmalloc-192" }, { 192, "kmalloc-192" },
		{ 193, "kmalloc-256" }, { 4097, "kmalloc-8192" }, { 8192, "kmalloc-8192" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		volatile size_t size = cases[i].size;
		void *p = kmalloc(size, GFP_KERNEL), *d = kmalloc(size, GFP_DMA);
		char dma[32];

		assert_non_null(p);
		assert_non_null(d);
		assert_string_equal(cache_of(p)->name, cases[i].cache);
		snprintf(dma, sizeof(dma), "dma-%s", cases[i].cache);
		assert_string_equal(cache_of(d)->name, dma);
		kfree(p);
		kfree(d);
	}
}

static int compare_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

/* Every size 1..8192 at once: big enough, aligned, written whole, no overlap. */
static void test_every_size(void **state)
{
	enum { N = 8192 };
	void **p = calloc(N + 1, sizeof(void *));
	uintptr_t *sorted = calloc(N + 1, sizeof(uintptr_t));
	size_t size;

	assert_non_null(p);
	assert_non_null(sorted);
	for (size = 1; size <= N; size++) {
		p[size] = kmalloc(size, GFP_KERNEL);
		assert_non_null(p[size]);
		assert_true(ksize(p[size]) >= size);
		assert_int_equal((uintptr_t)p[size] % ARCH_KMALLOC_MINALIGN, 0);
		memset(p[size], (int)(size & 0xff), size);
		sorted[size] = (uintptr_t)p[size];
	}
	qsort(sorted + 1, N, sizeof(uintptr_t), compare_ptr);
	for (size = 1; size < N; size++)
		assert_true(sorted[size] + ksize((void *)sorted[size]) <= sorted[size + 1]);
	for (size = 1; size <= N; size++) {
		size_t i;

		for (i = 0; i < size; i++)
			assert_int_equal(((u8 *)p[size])[i], size & 0xff);
		kfree(p[size]);
	}
	free(p);
	free(sorted);
}

static void test_zero_size_and_null(void **state)
{
	volatile size_t zero = 0;
	unsigned long warnings = sim_warnings;

	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	assert_ptr_equal(kmalloc(zero, GFP_KERNEL), ZERO_SIZE_PTR);
	assert_ptr_equal(kzalloc(zero, GFP_KERNEL), ZERO_SIZE_PTR);
	assert_true(ZERO_OR_NULL_PTR(ZERO_SIZE_PTR));
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	kmem_cache_free(kmalloc_caches[0][6], NULL);
	assert_int_equal(ksize(ZERO_SIZE_PTR), 0);
	assert_int_equal(reports(), 0);
	assert_int_equal(sim_warnings, warnings);
}

static void test_limits(void **state)
{
	volatile size_t too_big = KMALLOC_MAX_SIZE + 1;
	unsigned long warnings = sim_warnings;
	void *p;

	assert_null(kmalloc(too_big, GFP_KERNEL));
	assert_int_equal(sim_warnings, warnings + 1);
	assert_int_equal(sim_log_count("more than KMALLOC_MAX_SIZE"), 1);
	assert_null(kmalloc(too_big, GFP_KERNEL | __GFP_NOWARN));
	assert_int_equal(sim_warnings, warnings + 1);
	assert_null(kmalloc_array(SIZE_MAX / 2 + 1, 2, GFP_KERNEL));
	assert_null(kcalloc(SIZE_MAX / 8 + 1, 8, GFP_KERNEL));
	p = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);
	assert_non_null(p);
	assert_int_equal(ksize(p), KMALLOC_MAX_SIZE);
	kfree(p);
}

/* Above 8 KiB: a compound page, counted as slab memory, and kfree gives it back. */
static void test_large(void **state)
{
	unsigned long before = nr_free_pages(), slab = slab_pages();
	volatile size_t size = 8193;
	struct page *page;
	u8 *p = kmalloc(size, GFP_KERNEL), *z;
	size_t i;

	assert_non_null(p);
	page = slab_virt_to_page(p);
	assert_false(PageSlab(page));
	assert_true(PageHead(page));
	assert_int_equal(compound_order(page), 2);
	assert_int_equal(ksize(p), 4 * PAGE_SIZE);
	assert_int_equal(ksize(p + 5000), 4 * PAGE_SIZE);
	assert_int_equal(slab_pages(), slab + 4);
	assert_int_equal(atomic_read(&kmalloc_large_pages), 4);
	memset(p, 0xaa, ksize(p));
	z = kzalloc(100000, GFP_KERNEL);
	assert_non_null(z);
	for (i = 0; i < 100000; i++)
		assert_int_equal(z[i], 0);
	kfree(z);
	kfree(p);
	assert_int_equal(slab_pages(), slab);
	assert_int_equal(atomic_read(&kmalloc_large_pages), 0);
	drain_all_pages();
	assert_int_equal(nr_free_pages(), before);
}

static void test_kzalloc_kcalloc_zero(void **state)
{
	unsigned int round;

	for (round = 0; round < 3; round++) {
		u8 *p = kmalloc(200, GFP_KERNEL), *z;
		int *a;
		unsigned int i;

		memset(p, 0x5c, 200);
		kfree(p);
		z = kzalloc(200, GFP_KERNEL);	/* most likely the same object back */
		assert_non_null(z);
		for (i = 0; i < 200; i++)
			assert_int_equal(z[i], 0);
		a = kcalloc(50, sizeof(int), GFP_KERNEL);
		assert_non_null(a);
		for (i = 0; i < 50; i++)
			assert_int_equal(a[i], 0);
		kfree(a);
		kfree(z);
	}
}

static void test_krealloc(void **state)
{
	volatile size_t small = 20;
	char *p = kmalloc(small, GFP_KERNEL), *q;
	unsigned int i;

	assert_non_null(p);
	for (i = 0; i < 20; i++)
		p[i] = (char)i;
	assert_ptr_equal(krealloc(p, 30, GFP_KERNEL), p);	/* fits its 32 bytes */
	q = krealloc(p, 5000, GFP_KERNEL);
	assert_non_null(q);
	assert_ptr_not_equal(q, p);
	for (i = 0; i < 20; i++)
		assert_int_equal(q[i], (char)i);
	p = krealloc(q, 100000, GFP_KERNEL);		/* to a large block */
	assert_non_null(p);
	for (i = 0; i < 20; i++)
		assert_int_equal(p[i], (char)i);
	assert_ptr_equal(krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	q = krealloc(NULL, 40, GFP_KERNEL);
	assert_non_null(q);
	assert_string_equal(cache_of(q)->name, "kmalloc-64");
	kfree(q);
}

static void test_kstrdup_kmemdup(void **state)
{
	char *s = kstrdup("slab allocator", GFP_KERNEL);
	static const u8 bytes[5] = { 1, 2, 3, 4, 5 };
	u8 *m = kmemdup(bytes, sizeof(bytes), GFP_KERNEL);

	assert_non_null(s);
	assert_string_equal(s, "slab allocator");
	assert_string_equal(cache_of(s)->name, "kmalloc-16");
	assert_null(kstrdup(NULL, GFP_KERNEL));
	assert_non_null(m);
	assert_memory_equal(m, bytes, sizeof(bytes));
	kfree(s);
	kfree(m);
}

static void test_dma(void **state)
{
	struct kmem_cache *c = kmem_cache_create("dma_objs", 300, 0, SLAB_CACHE_DMA, NULL);
	volatile size_t size = 100;
	void *a = kmalloc(size, GFP_DMA), *b, *l;

	assert_non_null(a);
	assert_non_null(c);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	l = kmalloc(20000, GFP_KERNEL | GFP_DMA);
	assert_non_null(b);
	assert_non_null(l);
	assert_int_equal(page_zonenum(slab_virt_to_page(a)), ZONE_DMA);
	assert_int_equal(page_zonenum(slab_virt_to_page(b)), ZONE_DMA);
	assert_int_equal(page_zonenum(slab_virt_to_page(l)), ZONE_DMA);
	kfree(l);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
	kfree(a);
}

/* --- caches -------------------------------------------------------------- */

/* The memory-and-DMA chapter's example, as written there (typos aside). */
struct test {
	char c;
	int i;
};

static struct kmem_cache *test_cache;
static struct test *t;

static int document_example_init(void)
{
	test_cache = kmem_cache_create("test_cache", sizeof(struct test), 0, 0, NULL);
	if (!test_cache)
		return -ENOMEM;
	t = kmem_cache_alloc(test_cache, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	return 0;
}

static void document_example_exit(void)
{
	kmem_cache_free(test_cache, t);
	kmem_cache_destroy(test_cache);
}

static void test_document_example(void **state)
{
	struct slabinfo info;

	assert_int_equal(document_example_init(), 0);
	assert_ptr_equal(slab_find("test_cache"), test_cache);
	assert_int_equal(kmem_cache_size(test_cache), sizeof(struct test));
	t->c = 'x';
	t->i = 42;
	get_slabinfo(test_cache, &info);
	assert_int_equal(info.num_slabs, 1);
	assert_int_equal(slab_live(test_cache), 1);
	sim_log_reset();
	slabinfo_show(printk);
	assert_non_null(strstr(sim_log(), "\ntest_cache "));
	document_example_exit();
	assert_null(slab_find("test_cache"));
	assert_int_equal(reports(), 0);
}

static atomic_t ctor_calls;

struct constructed {
	u32 magic;
	u32 uses;
	char data[40];
};

static void constructed_ctor(void *p)
{
	struct constructed *c = p;

	atomic_inc(&ctor_calls);
	c->magic = 0xc0ffee;
	c->uses = 0;
}

/*
 * The constructor runs once per object, when its slab is made; objects come
 * back constructed. (N objects stay within free_limit: no slab is released
 * and rebuilt between rounds.)
 */
static void test_ctor_once(void **state)
{
	enum { N = 100 };
	struct kmem_cache *c = kmem_cache_create("constructed", sizeof(struct constructed), 0, 0,
						 constructed_ctor);
	struct constructed *obj[N];
	unsigned int round, i;
	struct slabinfo info;

	assert_non_null(c);
	atomic_set(&ctor_calls, 0);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < N; i++) {
			obj[i] = kmem_cache_alloc(c, GFP_KERNEL);
			assert_non_null(obj[i]);
			assert_int_equal(obj[i]->magic, 0xc0ffee);
			obj[i]->uses++;
		}
		for (i = 0; i < N; i++)
			kmem_cache_free(c, obj[i]);
	}
	get_slabinfo(c, &info);
	assert_int_equal((unsigned long)atomic_read(&ctor_calls), info.num_objs);
	assert_true(info.num_objs < 4 * N);
	kmem_cache_destroy(c);
}

static void check_alignment(const char *name, size_t size, size_t align, unsigned long flags,
			    size_t want)
{
	struct kmem_cache *c = kmem_cache_create(name, size, align, flags, NULL);
	void *p[64];
	unsigned int i;

	assert_non_null(c);
	for (i = 0; i < 64; i++) {
		uintptr_t a;

		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		assert_non_null(p[i]);
		a = (uintptr_t)p[i];
		assert_int_equal(a % want, 0);
		if ((flags & SLAB_HWCACHE_ALIGN) && size <= L1_CACHE_BYTES)	/* within one line */
			assert_int_equal(a / L1_CACHE_BYTES, (a + size - 1) / L1_CACHE_BYTES);
	}
	for (i = 0; i < 64; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
}

static void test_alignment(void **state)
{
	check_alignment("hw20", 20, 0, SLAB_HWCACHE_ALIGN, 32);
	check_alignment("hw40", 40, 0, SLAB_HWCACHE_ALIGN, L1_CACHE_BYTES);
	check_alignment("hw100", 100, 0, SLAB_HWCACHE_ALIGN, L1_CACHE_BYTES);
	check_alignment("hw8", 8, 0, SLAB_HWCACHE_ALIGN, 8);
	check_alignment("a256", 24, 256, 0, 256);
	check_alignment("plain3", 3, 0, 0, ARCH_SLAB_MINALIGN);
	check_alignment("dbg100", 100, 0, SLAB_HWCACHE_ALIGN | SLAB_RED_ZONE | SLAB_POISON,
			L1_CACHE_BYTES);
}

struct aligned32 {
	int x;
} __aligned(32);

static void test_kmem_cache_macro(void **state)
{
	struct kmem_cache *c = KMEM_CACHE(aligned32, 0);
	struct aligned32 *a;

	assert_non_null(c);
	assert_string_equal(c->name, "aligned32");
	assert_int_equal(kmem_cache_size(c), 32);
	a = kmem_cache_zalloc(c, GFP_KERNEL);
	assert_non_null(a);
	assert_int_equal((uintptr_t)a % 32, 0);
	assert_int_equal(a->x, 0);
	kmem_cache_free(c, a);
	kmem_cache_destroy(c);
}

static void test_create_errors(void **state)
{
	assert_null(kmem_cache_create(NULL, 10, 0, 0, NULL));
	assert_null(kmem_cache_create("zero", 0, 0, 0, NULL));
	assert_null(kmem_cache_create("align3", 10, 3, 0, NULL));
	assert_null(kmem_cache_create("flags", 10, 0, 0x80000000UL, NULL));
	assert_null(kmem_cache_create("huge", KMALLOC_MAX_SIZE + 1, 0, 0, NULL));
	assert_int_equal(sim_log_count("kmem_cache_create(zero) failed with error -22"), 1);
	assert_int_equal(sim_log_count("failed with error"), 5);
}

static void test_create_panic(void **state)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		sim_log_echo(false);
		kmem_cache_create("bad", 0, 0, SLAB_PANIC, NULL);
		_exit(0);	/* not reached: panic aborts */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

static void test_big_objects(void **state)
{
	struct kmem_cache *c = kmem_cache_create("big", 40000, 0, 0, NULL);
	void *a, *b;

	assert_non_null(c);
	assert_int_equal(c->order, 4);		/* one object needs 16 pages */
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	assert_non_null(a);
	assert_non_null(b);
	memset(a, 1, 40000);
	memset(b, 2, 40000);
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
}

/* Slab orders as Linux picks them with 4 CPUs (compare linux-6.1-vexpress-a9.txt). */
static void test_slab_orders(void **state)
{
	static const struct { unsigned int size, objs, pages; } cases[] = {
		{ 4096, 8, 8 }, { 3072, 10, 8 }, { 2048, 16, 8 }, { 1024, 16, 4 }, { 960, 17, 4 },
		{ 640, 25, 4 }, { 304, 26, 2 }, { 248, 16, 1 }, { 96, 42, 1 }, { 48, 85, 1 },
		{ 8, 512, 1 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct kmem_cache *c = kmem_cache_create("order", cases[i].size, 0, 0, NULL);

		assert_non_null(c);
		assert_int_equal(c->size, cases[i].size);
		assert_int_equal(c->objects, cases[i].objs);
		assert_int_equal(1U << c->order, cases[i].pages);
		kmem_cache_destroy(c);
	}
}

/* --- shrinking ----------------------------------------------------------- */

static void test_shrink_returns_pages(void **state)
{
	enum { N = 20000 };
	struct kmem_cache *c = kmem_cache_create("shrinkme", 200, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	unsigned long free_before, reclaimable;
	void **p = calloc(N, sizeof(void *));
	unsigned int i;
	struct slabinfo info;

	assert_non_null(c);
	assert_non_null(p);
	drain_all_pages();
	free_before = nr_free_pages();
	reclaimable = global_page_state(NR_SLAB_RECLAIMABLE);
	for (i = 0; i < N; i++)
		assert_non_null(p[i] = kmem_cache_alloc(c, GFP_KERNEL));
	get_slabinfo(c, &info);
	assert_int_equal(global_page_state(NR_SLAB_RECLAIMABLE),
			 reclaimable + info.num_slabs * (1UL << c->order));
	for (i = 0; i < N; i++)
		kmem_cache_free(c, p[i]);
	get_slabinfo(c, &info);
	assert_true(info.num_slabs > 0);	/* a few kept for reuse (free_limit) */
	assert_true(info.num_slabs < N / c->objects / 10);
	assert_int_equal(kmem_cache_shrink(c), 0);
	get_slabinfo(c, &info);
	assert_int_equal(info.num_slabs, 0);
	assert_int_equal(global_page_state(NR_SLAB_RECLAIMABLE), reclaimable);
	drain_all_pages();
	assert_int_equal(nr_free_pages(), free_before);
	free(p);
	kmem_cache_destroy(c);
}

/* The shrinker gives back every empty slab of the node it is asked about. */
static void test_shrinker_direct(void **state)
{
	struct kmem_cache *c = kmem_cache_create("direct", 1000, 0, 0, NULL);
	unsigned long before;
	void *obj[64];
	unsigned int i;
	struct slabinfo info;

	assert_non_null(c);
	for (i = 0; i < 64; i++)
		assert_non_null(obj[i] = kmem_cache_alloc(c, GFP_KERNEL));
	for (i = 0; i < 64; i++)
		kmem_cache_free(c, obj[i]);
	get_slabinfo(c, &info);
	assert_true(info.num_slabs > 0);
	before = slab_pages();
	assert_true(shrink_slab(GFP_KERNEL, 0) >= info.num_slabs << c->order);
	get_slabinfo(c, &info);
	assert_int_equal(info.num_slabs, 0);
	assert_true(slab_pages() < before);
	kmem_cache_destroy(c);
}

/*
 * Under memory pressure the page allocator runs the slab shrinker: empty
 * slabs kept for reuse go back, and an allocation that could not succeed
 * without them does. Big objects (one per 32-page slab) make the kept
 * slabs worth more than the watermark.
 */
static void test_shrinker_under_pressure(void **state)
{
	struct kmem_cache *c = kmem_cache_create("pressure", 100000, 0, 0, NULL);
	LIST_HEAD(held);
	struct page *page, *next;
	void *obj[21];
	unsigned int i;
	struct slabinfo info;

	assert_non_null(c);
	for (i = 0; i < 21; i++)
		assert_non_null(obj[i] = kmem_cache_alloc(c, GFP_KERNEL));
	for (i = 0; i < 21; i++)
		kmem_cache_free(c, obj[i]);
	slab_flush_cpu_array(c, 0);
	get_slabinfo(c, &info);
	assert_int_equal(info.num_slabs, 21);
	assert_int_equal(info.active_slabs, 0);
	/* Take every page an allocation that cannot reclaim may have. */
	while ((page = alloc_page(GFP_ATOMIC | __GFP_NOWARN)) != NULL)
		list_add(&page->lru, &held);
	get_slabinfo(c, &info);
	assert_int_equal(info.num_slabs, 21);
	page = alloc_page(GFP_KERNEL);
	assert_non_null(page);
	list_add(&page->lru, &held);
	get_slabinfo(c, &info);
	assert_int_equal(info.num_slabs, 0);
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	kmem_cache_destroy(c);
}

/* --- slabinfo and meminfo ------------------------------------------------ */

static const char slabinfo_header[] =
	"slabinfo - version: 2.1\n"
	"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : "
	"tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> "
	"<sharedavail>\n";

static void test_slabinfo_format(void **state)
{
	unsigned long pages = 0;
	const char *line;
	void *hold[100];
	unsigned int i, lines = 0;

	for (i = 0; i < 100; i++)
		hold[i] = kmalloc(64, GFP_KERNEL);
	hold[0] = krealloc(hold[0], 20000, GFP_KERNEL);	/* a large block too */
	sim_log_reset();
	slabinfo_show(printk);
	assert_memory_equal(sim_log(), slabinfo_header, strlen(slabinfo_header));
	for (line = sim_log() + strlen(slabinfo_header); *line; line = strchr(line, '\n') + 1) {
		char name[64];
		unsigned long active, num, asl, nsl, shared;
		unsigned int size, per, ppslab, limit, batch, factor;
		struct kmem_cache *s;
		struct slabinfo info;

		assert_int_equal(sscanf(line, "%63s %lu %lu %u %u %u : tunables %u %u %u : "
					"slabdata %lu %lu %lu", name, &active, &num, &size, &per,
					&ppslab, &limit, &batch, &factor, &asl, &nsl, &shared), 12);
		s = slab_find(name);
		assert_non_null(s);
		get_slabinfo(s, &info);
		assert_int_equal(active, info.active_objs);
		assert_int_equal(num, info.num_objs);
		assert_int_equal(size, s->size);
		assert_int_equal(per, s->objects);
		assert_int_equal(ppslab, 1U << s->order);
		assert_int_equal(nsl, info.num_slabs);
		assert_int_equal(asl, info.active_slabs);
		assert_int_equal(factor, 0);
		assert_int_equal(shared, 0);
		if (!strcmp(name, "kmalloc-64")) {
			assert_int_equal(per, 64);
			assert_int_equal(ppslab, 1);
			assert_int_equal(limit, 120);
			assert_int_equal(batch, 60);
			assert_true(active >= 99);
		}
		pages += nsl * ppslab;
		lines++;
	}
	assert_int_equal(lines, 2 * 13 + 1);
	/* meminfo's Slab is what slabinfo shows, plus large kmalloc blocks. */
	assert_int_equal(slab_pages(), pages + (unsigned long)atomic_read(&kmalloc_large_pages));
	sim_log_reset();
	meminfo_show(printk);
	{
		char want[64];

		snprintf(want, sizeof(want), "Slab:           %8lu kB\n", slab_pages() * 4);
		assert_non_null(strstr(sim_log(), want));
	}
	for (i = 0; i < 100; i++)
		kfree(hold[i]);
}

/* --- debugging ----------------------------------------------------------- */

static struct kmem_cache *debug_cache(const char *name, size_t size, unsigned long flags)
{
	struct kmem_cache *c = kmem_cache_create(name, size, 0, flags, NULL);

	assert_non_null(c);
	assert_true(slab_debug(c));
	return c;
}

#define FULL_DEBUG (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_CONSISTENCY_CHECKS)

/* "BUG <cache> (<taint>): <what>" exactly once (the taint depends on earlier tests). */
static void assert_report(const char *cache, const char *what)
{
	char head[64], tail[128];

	snprintf(head, sizeof(head), "BUG %s (", cache);
	snprintf(tail, sizeof(tail), "): %s\n", what);
	assert_int_equal(sim_log_count(head), 1);
	assert_int_equal(sim_log_count(tail), 1);
	assert_true(strstr(strstr(sim_log(), head), tail) != NULL);
}

/* Not static nor inlined: -rdynamic puts them in the symbol table the reports use. */
noinline void *slab_test_alloc_site(struct kmem_cache *c);
noinline void *slab_test_alloc_site(struct kmem_cache *c)
{
	return kmem_cache_alloc(c, GFP_KERNEL);
}

noinline void slab_test_free_site(struct kmem_cache *c, void *p);
noinline void slab_test_free_site(struct kmem_cache *c, void *p)
{
	kmem_cache_free(c, p);
}

static void test_redzone_right(void **state)
{
	struct kmem_cache *c = debug_cache("rz_right", 50, FULL_DEBUG);
	u8 *p = slab_test_alloc_site(c);

	assert_non_null(p);
	p[50] = 0x11;		/* one byte past the end */
	slab_test_free_site(c, p);
	assert_int_equal(reports(), 1);
	assert_report("rz_right", "Redzone overwritten");
	assert_int_equal(sim_log_count("First byte 0x11 instead of 0xcc"), 1);
	assert_int_equal(sim_log_count("Allocated in slab_test_alloc_site+"), 1);
	assert_int_equal(sim_log_count("FIX rz_right: Restoring Redzone"), 1);
	assert_int_equal(sim_log_count("Object   "), 4);	/* 50 bytes: four hex rows */
	assert_int_equal(kmem_cache_validate(c), 0);
	assert_int_equal(slab_live(c), 0);	/* repaired and freed */
	kmem_cache_destroy(c);
}

static void test_redzone_left(void **state)
{
	struct kmem_cache *c = debug_cache("rz_left", 64, SLAB_RED_ZONE);
	u8 *p = kmem_cache_alloc(c, GFP_KERNEL);

	p[-1] = 0;
	kmem_cache_free(c, p);
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("Left Redzone overwritten"), 1);
	kmem_cache_destroy(c);
}

static void test_write_after_free(void **state)
{
	struct kmem_cache *c = debug_cache("uaf", 100, SLAB_POISON | SLAB_STORE_USER);
	u8 *p = kmem_cache_alloc(c, GFP_KERNEL), *q;

	slab_test_free_site(c, p);
	p[10] = 0x42;
	p[11] = 0x43;
	q = kmem_cache_alloc(c, GFP_KERNEL);	/* the same object: LIFO free list */
	assert_ptr_equal(q, p);
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("Poison overwritten"), 1);
	assert_int_equal(sim_log_count("First byte 0x42 instead of 0x6b"), 1);
	assert_int_equal(sim_log_count("Freed in slab_test_free_site+"), 1);
	kmem_cache_free(c, q);
	/* Found by validation too, before anyone allocates it. */
	q[0] = 0;
	assert_int_equal(kmem_cache_validate(c), 1);
	assert_int_equal(kmem_cache_validate(c), 0);	/* repaired */
	kmem_cache_destroy(c);
}

static void test_double_free_debug(void **state)
{
	struct kmem_cache *c = debug_cache("df", 32, FULL_DEBUG);
	void *p = kmem_cache_alloc(c, GFP_KERNEL), *q = kmem_cache_alloc(c, GFP_KERNEL);

	kmem_cache_free(c, p);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);	/* not on top any more: found on the free list */
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("Object already free"), 1);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	assert_ptr_not_equal(p, q);
	kmem_cache_free(c, p);
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);
	assert_int_equal(reports(), 1);
}

/* Without any debugging, freeing the object just freed is still caught. */
static void test_double_free_fast_path(void **state)
{
	volatile size_t size = 64;
	void *p = kmalloc(size, GFP_KERNEL), *a, *b;

	kfree(p);
	kfree(p);
	assert_int_equal(reports(), 1);
	assert_report("kmalloc-64", "Object already free");
	a = kmalloc(size, GFP_KERNEL);
	b = kmalloc(size, GFP_KERNEL);
	assert_ptr_not_equal(a, b);
	kfree(a);
	kfree(b);
}

static void test_invalid_frees(void **state)
{
	struct kmem_cache *c = debug_cache("inval", 64, SLAB_CONSISTENCY_CHECKS);
	struct kmem_cache *other = debug_cache("other", 64, SLAB_CONSISTENCY_CHECKS);
	struct page *page = alloc_page(GFP_KERNEL);
	u8 *p = kmem_cache_alloc(c, GFP_KERNEL);
	int local;

	kmem_cache_free(c, p + 8);			/* interior pointer */
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("Invalid object pointer"), 1);
	kmem_cache_free(other, p);			/* another cache's object */
	assert_int_equal(reports(), 2);
	assert_int_equal(sim_log_count("Wrong slab cache. other but object is from inval"), 1);
	kmem_cache_free(c, lowmem_page_address(page));	/* not a slab page */
	assert_int_equal(reports(), 3);
	assert_int_equal(sim_log_count("outside of slab"), 1);
	kfree(lowmem_page_address(page));		/* kfree of a page */
	assert_int_equal(reports(), 4);
	assert_int_equal(sim_log_count("not a slab object or kmalloc block"), 1);
	kfree(&local);					/* not even lowmem */
	assert_int_equal(reports(), 5);
	assert_int_equal(sim_log_count("not a lowmem address"), 1);
	kmem_cache_free(c, p);
	__free_page(page);
	kmem_cache_destroy(c);
	kmem_cache_destroy(other);
	assert_int_equal(reports(), 5);
}

static void test_kfree_inside_large_block(void **state)
{
	u8 *p = kmalloc(50000, GFP_KERNEL);

	kfree(p + PAGE_SIZE);
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("inside a kmalloc block, not its start"), 1);
	kfree(p);
}

static void test_leak_at_destroy(void **state)
{
	struct kmem_cache *c = debug_cache("leaky", 24, SLAB_STORE_USER);
	void *p[3];
	unsigned int i;

	for (i = 0; i < 3; i++)
		p[i] = slab_test_alloc_site(c);
	kmem_cache_destroy(c);
	assert_int_equal(reports(), 1);
	assert_report("leaky", "Objects remaining in leaky on __kmem_cache_shutdown()");
	assert_int_equal(sim_log_count("Allocated in slab_test_alloc_site+"), 3);
	assert_int_equal(sim_log_count("kmem_cache_destroy leaky: Slab cache still has objects"), 1);
	assert_ptr_equal(slab_find("leaky"), c);	/* still there, still usable */
	for (i = 0; i < 3; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
	assert_null(slab_find("leaky"));
	assert_int_equal(reports(), 1);
}

static void test_leak_at_destroy_no_debug(void **state)
{
	struct kmem_cache *c = kmem_cache_create("plainleak", 24, 0, 0, NULL);
	void *p = kmem_cache_alloc(c, GFP_KERNEL);

	kmem_cache_destroy(c);
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("Objects remaining in plainleak"), 1);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
}

/*
 * F only: the free pointer is in the object, so a write after free
 * corrupts the free list. The allocator cuts the list there; the objects
 * it lost count as in use, and freeing them puts them back.
 */
static void test_freelist_corruption(void **state)
{
	struct kmem_cache *c = debug_cache("fpcheck", 64, SLAB_CONSISTENCY_CHECKS);
	struct page *page;
	void *p[4], *q, *more[10];
	unsigned int i;

	for (i = 0; i < 4; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	page = slab_virt_to_head_page(p[0]);
	for (i = 0; i < 4; i++)
		kmem_cache_free(c, p[i]);
	memset(p[3], 0x77, sizeof(void *));	/* the head's next pointer */
	q = kmem_cache_alloc(c, GFP_KERNEL);
	assert_ptr_equal(q, p[3]);
	assert_int_equal(reports(), 1);
	assert_int_equal(sim_log_count("Freepointer corrupt"), 1);
	assert_int_equal(kmem_cache_validate(c), 0);
	assert_int_equal(page->inuse, page->objects);
	for (i = 0; i < 10; i++) {		/* the lost objects are not handed out */
		more[i] = kmem_cache_alloc(c, GFP_KERNEL);
		assert_ptr_not_equal(slab_virt_to_head_page(more[i]), page);
	}
	for (i = 0; i < 10; i++)
		kmem_cache_free(c, more[i]);
	for (i = 0; i < page->objects; i++)	/* everything but q was lost */
		if (slab_object(c, page, i) != q)
			kmem_cache_free(c, slab_object(c, page, i));
	kmem_cache_free(c, q);
	assert_int_equal(kmem_cache_validate(c), 0);
	kmem_cache_destroy(c);
	assert_int_equal(reports(), 1);
}

static void test_slub_debug_cmdline(void **state)
{
	struct kmem_cache *k64 = slab_find("kmalloc-64"), *k128 = slab_find("kmalloc-128");
	u8 *p;

	assert_true(k64->flags & SLAB_RED_ZONE);
	assert_true(k64->flags & SLAB_POISON);
	assert_true(k64->flags & SLAB_STORE_USER);
	assert_false(k128->flags & SLAB_DEBUG_FLAGS);
	p = kmalloc(64, GFP_KERNEL);
	p[64] = 1;
	kfree(p);
	assert_int_equal(reports(), 1);
	assert_report("kmalloc-64", "Redzone overwritten");
}

static void test_slub_debug_syntax(void **state)
{
	static const struct { const char *param, *cache; unsigned long want; } cases[] = {
		{ "", "anything", FULL_DEBUG },
		{ "Z", "anything", SLAB_RED_ZONE },
		{ "-", "anything", 0 },
		{ "fp,kmalloc-*", "kmalloc-32", SLAB_CONSISTENCY_CHECKS | SLAB_POISON },
		{ "fp,kmalloc-*", "dentry", 0 },
		{ "U,a,b;Z,c", "c", SLAB_RED_ZONE },
		{ "U,a,b;Z,c", "b", SLAB_STORE_USER },
		{ ",foo", "foo", FULL_DEBUG },
		{ "A", "x", SLAB_FAILSLAB },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		strcpy(slub_debug_param, cases[i].param);
		slub_debug_given = true;
		assert_int_equal(kmem_cache_flags(cases[i].cache, 0), cases[i].want);
	}
	slub_debug_given = false;
	assert_int_equal(kmem_cache_flags("x", SLAB_POISON), SLAB_POISON);
}

/* slub_debug=XYZ: each unknown option reported once at boot, not once per cache (56 lines). */
static void test_slub_debug_unknown_reported_once(void **state)
{
	extern const struct obs_kernel_param __start_kernel_params[], __stop_kernel_params[];
	char param[] = "XYZ";

	sim_log_reset();
	for (const struct obs_kernel_param *p = __start_kernel_params; p < __stop_kernel_params; p++)
		if (!strcmp(p->str, "slub_debug"))
			assert_int_equal(p->setup_func(param), 0);
	assert_int_equal(kmem_cache_flags("a", 0), SLAB_RED_ZONE);
	assert_int_equal(kmem_cache_flags("b", 0), SLAB_RED_ZONE);
	assert_int_equal(kmem_cache_flags("kmalloc-64", 0), SLAB_RED_ZONE);
	assert_int_equal(sim_log_count("slub_debug option 'X' unknown. skipped"), 1);
	assert_int_equal(sim_log_count("slub_debug option 'Y' unknown. skipped"), 1);
	assert_int_equal(sim_log_count("unknown. skipped"), 2);
	slub_debug_given = false;
}

/* --- failslab ------------------------------------------------------------ */

static void test_failslab(void **state)
{
	struct kmem_cache *c = kmem_cache_create("victim", 40, 0, 0, NULL);
	void *p;

	assert_int_equal(failslab_set("probability", "100"), 0);
	assert_int_equal(failslab_set("times", "2"), 0);
	failslab_update();
	assert_ptr_equal(c->cpu_cache[0], &c->bypass.ac);
	/* GFP_KERNEL may wait: ignored by default, as in Linux. */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	assert_non_null(p);
	kmem_cache_free(c, p);
	assert_null(kmem_cache_alloc(c, GFP_ATOMIC));
	assert_null(kmalloc(10, GFP_ATOMIC));
	p = kmem_cache_alloc(c, GFP_ATOMIC);	/* times used up */
	assert_non_null(p);
	kmem_cache_free(c, p);
	assert_int_equal(sim_log_count("FAULT_INJECTION: forcing a failure."), 2);
	assert_int_equal(sim_log_count("name failslab, interval 1, probability 100"), 2);

	assert_int_equal(failslab_set("times", "-1"), 0);
	assert_int_equal(failslab_set("ignore-gfp-wait", "N"), 0);
	assert_int_equal(failslab_set("cache-filter", "Y"), 0);
	assert_int_equal(failslab_set("verbose", "0"), 0);
	assert_non_null(p = kmalloc(10, GFP_KERNEL));	/* no SLAB_FAILSLAB: spared */
	kfree(p);
	c->flags |= SLAB_FAILSLAB;
	assert_null(kmem_cache_alloc(c, GFP_KERNEL));
	assert_non_null(p = kmem_cache_alloc(c, GFP_KERNEL | __GFP_NOFAIL));
	kmem_cache_free(c, p);

	assert_int_equal(failslab_set("probability", "101"), -ERANGE);
	assert_int_equal(failslab_set("interval", "x"), -EINVAL);
	assert_int_equal(failslab_set("nonsense", "1"), -ENOENT);
	assert_int_equal(failslab_set("probability", "0"), 0);
	failslab_update();
	assert_ptr_equal(c->cpu_cache[0], c->cpu_array[0]);
	kmem_cache_destroy(c);
}

/* The failslab command applies all its settings or none (it kept those before a bad one). */
static void test_failslab_command_all_or_nothing(void **state)
{
	extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];
	char *bad[] = { "failslab", "probability=50", "interval=3", "times=x", NULL };
	char *good[] = { "failslab", "probability=30", "times=3", "verbose=0", NULL };
	const struct shell_command *cmd = NULL;

	for (const struct shell_command *c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		if (!strcmp(c->name, "failslab"))
			cmd = c;
	assert_non_null(cmd);
	assert_int_equal(failslab.attr.probability, 0);
	assert_int_equal(cmd->run(4, bad), -EINVAL);
	assert_int_equal(failslab.attr.probability, 0);
	assert_int_equal(failslab.attr.interval, 1);
	assert_int_equal(sim_log_count("failslab: bad value in 'times=x'"), 1);
	assert_int_equal(cmd->run(4, good), 0);
	assert_int_equal(failslab.attr.probability, 30);
	assert_int_equal(failslab.attr.times, 3);
	assert_true(failslab_armed());
	assert_int_equal(failslab_set("probability", "0"), 0);
	assert_false(failslab_armed());
}

static int boot_failslab_cmdline(void **state)
{
	boot_with(256, "failslab=1,100,0,1");
	return 0;
}

static void test_failslab_cmdline(void **state)
{
	assert_int_equal(failslab.attr.probability, 100);
	assert_int_equal(failslab.attr.times, 1);
	assert_ptr_equal(kmalloc_caches[0][5]->cpu_cache[0], &kmalloc_caches[0][5]->bypass.ac);
	assert_null(kmalloc(20, GFP_ATOMIC));
	assert_int_equal(failslab.attr.injected, 1);
}

/* --- NUMA ---------------------------------------------------------------- */

static void test_alloc_node(void **state)
{
	struct kmem_cache *c = kmem_cache_create("pernode", 128, 0, 0, NULL);
	void *a = kmem_cache_alloc_node(c, GFP_KERNEL, 1), *b = kmem_cache_alloc_node(c, GFP_KERNEL, 0);
	void *k = kmalloc_node(1000, GFP_KERNEL, 1), *z = kzalloc_node(3000, GFP_KERNEL, 0);

	assert_int_equal(page_to_nid(slab_virt_to_page(a)), 1);
	assert_int_equal(page_to_nid(slab_virt_to_page(b)), 0);
	assert_int_equal(page_to_nid(slab_virt_to_page(k)), 1);
	assert_int_equal(page_to_nid(slab_virt_to_page(z)), 0);
	assert_int_equal(((u8 *)z)[2999], 0);
	kmem_cache_free(c, a);	/* through CPU 0's array, back to node 1's slab */
	kmem_cache_free(c, b);
	kfree(k);
	kfree(z);
	kmem_cache_destroy(c);
}

/* --- SMP ----------------------------------------------------------------- */

/*
 * Every simulated CPU allocates from the same caches and frees objects
 * other CPUs allocated (through a shared exchange), checking that no
 * object is handed out while another CPU owns it.
 */
#define SMP_ROUNDS 40000
#define EXCHANGE 1024

static struct kmem_cache *smp_cache;
static pthread_mutex_t exchange_lock = PTHREAD_MUTEX_INITIALIZER;
static void *exchange[EXCHANGE];
static const char *smp_error;

struct owned {
	void *free_pointer_room;	/* a free object's first word is the allocator's */
	u32 owner;			/* CPU + 1 while allocated, 0 once given up */
};

static bool take_ownership(void *p, unsigned int cpu)
{
	struct owned *o = p;

	return __atomic_exchange_n(&o->owner, cpu + 1, __ATOMIC_SEQ_CST) == 0;
}

static bool give_up(void *p)
{
	struct owned *o = p;

	return __atomic_exchange_n(&o->owner, 0, __ATOMIC_SEQ_CST) != 0;
}

static void *smp_worker(void *arg)
{
	unsigned int cpu = (unsigned int)(uintptr_t)arg, i;
	struct rnd_state rnd;

	sim_set_cpu(cpu);
	prandom_seed_state(&rnd, cpu);
	for (i = 0; i < SMP_ROUNDS && !smp_error; i++) {
		u32 rng = prandom_u32_state(&rnd);
		size_t size;
		void *p, *old;
		unsigned int slot;

		size = sizeof(struct owned) + rng % 600;
		p = (rng & 0x100) ? kmalloc(size, GFP_KERNEL) : kmem_cache_alloc(smp_cache, GFP_KERNEL);
		if (!p) {
			smp_error = "allocation failed";
			break;
		}
		if (!take_ownership(p, cpu))
			smp_error = "an object was handed out twice";
		slot = (rng >> 9) % EXCHANGE;
		pthread_mutex_lock(&exchange_lock);
		old = exchange[slot];
		exchange[slot] = p;
		pthread_mutex_unlock(&exchange_lock);
		if (old) {
			if (!give_up(old))
				smp_error = "an object was freed while nobody owned it";
			kfree(old);	/* kfree takes kmem_cache_alloc objects too */
		}
	}
	return NULL;
}

static void test_smp_concurrent(void **state)
{
	pthread_t th[NR_CPUS];
	unsigned int cpu, i;

	memset(exchange, 0, sizeof(exchange));
	smp_error = NULL;
	smp_cache = kmem_cache_create("smp_shared", sizeof(struct owned), 0, 0, NULL);
	assert_non_null(smp_cache);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		assert_int_equal(pthread_create(&th[cpu], NULL, smp_worker,
						(void *)(uintptr_t)cpu), 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		pthread_join(th[cpu], NULL);
	sim_set_cpu(0);
	if (smp_error)
		fail_msg("%s", smp_error);
	assert_int_equal(slab_validate_all(), 0);
	for (i = 0; i < EXCHANGE; i++) {
		if (exchange[i]) {
			assert_true(give_up(exchange[i]));
			kfree(exchange[i]);
		}
	}
	slab_quiesce();
	assert_int_equal(slab_live(smp_cache), 0);
	kmem_cache_destroy(smp_cache);
	assert_int_equal(reports(), 0);
}

/*
 * The shrinker cannot interrupt other CPUs: it asks them, and each empties
 * its array at its next slow path. kmem_cache_shrink empties every CPU's.
 */
static void test_remote_drain(void **state)
{
	struct kmem_cache *c = kmem_cache_create("remote", 256, 0, 0, NULL);
	struct array_cache *ac;
	void *p[121];
	unsigned int i, n;
	struct slabinfo info;

	assert_non_null(c);
	ac = c->cpu_array[1];
	n = ac->limit;
	assert_true(n < ARRAY_SIZE(p));
	sim_set_cpu(1);
	for (i = 0; i <= n; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	slab_flush_cpu_array(c, 1);			/* what the refills left over */
	for (i = 0; i < n; i++)
		kmem_cache_free(c, p[i]);
	assert_int_equal(ac_avail(ac), n);		/* full */
	sim_set_cpu(0);
	shrink_slab(GFP_KERNEL, 0);
	assert_int_equal(ac->drain, 1);
	get_slabinfo(c, &info);
	assert_true(info.num_slabs > 0);		/* CPU 1 still holds its objects */
	sim_set_cpu(1);
	kmem_cache_free(c, p[n]);			/* the slow path drains everything */
	assert_int_equal(ac_avail(ac), 1);
	assert_int_equal(ac->drain, 0);
	sim_set_cpu(0);
	assert_int_equal(kmem_cache_shrink(c), 0);	/* and p[n] from every CPU */
	assert_int_equal(ac_avail(ac), 0);
	kmem_cache_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_kmalloc_caches, boot_256m),
		T(test_kmalloc_13_is_16, boot_256m),
		T(test_size_classes, boot_256m),
		T(test_every_size, boot_1g),
		T(test_zero_size_and_null, boot_256m),
		T(test_limits, boot_1g),
		T(test_large, boot_256m),
		T(test_kzalloc_kcalloc_zero, boot_256m),
		T(test_krealloc, boot_256m),
		T(test_kstrdup_kmemdup, boot_256m),
		T(test_dma, boot_256m),
		T(test_document_example, boot_256m),
		T(test_ctor_once, boot_256m),
		T(test_alignment, boot_256m),
		T(test_kmem_cache_macro, boot_256m),
		T(test_create_errors, boot_256m),
		T(test_create_panic, boot_256m),
		T(test_big_objects, boot_256m),
		T(test_slab_orders, boot_256m),
		T(test_shrink_returns_pages, boot_256m),
		T(test_shrinker_direct, boot_256m),
		T(test_shrinker_under_pressure, boot_64m),
		T(test_slabinfo_format, boot_256m),
		T(test_redzone_right, boot_256m),
		T(test_redzone_left, boot_256m),
		T(test_write_after_free, boot_256m),
		T(test_double_free_debug, boot_256m),
		T(test_double_free_fast_path, boot_256m),
		T(test_invalid_frees, boot_256m),
		T(test_kfree_inside_large_block, boot_256m),
		T(test_leak_at_destroy, boot_256m),
		T(test_leak_at_destroy_no_debug, boot_256m),
		T(test_freelist_corruption, boot_256m),
		T(test_slub_debug_cmdline, boot_debug_kmalloc64),
		T(test_slub_debug_unknown_reported_once, boot_256m),
		T(test_slub_debug_syntax, boot_256m),
		T(test_failslab, boot_256m),
		T(test_failslab_command_all_or_nothing, boot_256m),
		T(test_failslab_cmdline, boot_failslab_cmdline),
		T(test_alloc_node, boot_numa2),
		T(test_smp_concurrent, boot_1g),
		T(test_remote_drain, boot_256m),
	};

	return cmocka_run_group_tests_name("slab", tests, NULL, NULL);
}
