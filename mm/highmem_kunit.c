/*
 * Self-tests of kmap and kmap_atomic: every free high page written through
 * one mapping and read back through the other, shared pkmap slots, pkmap
 * exhaustion (kmap sleeps until kunmap frees a slot), kmap_atomic nesting,
 * and misuse reports.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

/* From above lowmem: HighMem, or Movable when movablecore= took all of HighMem. */
static struct page *alloc_high_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN);

	if (page && !PageHighMem(page)) {
		__free_page(page);
		return NULL;
	}
	return page;
}

static void require_highmem(struct kunit *test)
{
	if (!nr_free_highpages())
		kunit_skip(test, "no free high memory");
}

static void lowmem_pages_need_no_mapping(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long count;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_PTR_EQ(test, kmap(page), page_address(page));
	kunmap(page);
	count = preempt_count();
	KUNIT_EXPECT_PTR_EQ(test, kmap_atomic(page), page_address(page));
	KUNIT_EXPECT_EQ(test, preempt_count(), count + 1);
	KUNIT_EXPECT_EQ(test, __kunmap_atomic(page_address(page)), 0);
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(page_address(page)), page);
	__free_page(page);
}

static void fill_page(u32 *p, u32 seed)
{
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i += 16)
		p[i] = seed + i;
}

static bool page_filled(const u32 *p, u32 seed)
{
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i += 16)
		if (p[i] != seed + i)
			return false;
	return true;
}

/* Each free high page: written through kmap, read back through kmap_atomic. */
static void every_high_page_both_ways(struct kunit *test)
{
	unsigned long nr = 0, bad = 0, bad_pfn = 0;
	struct page *page, *held, *next;
	LIST_HEAD(pages);

	require_highmem(test);

	while ((page = alloc_high_page())) {
		u32 *k = kmap(page);

		KUNIT_ASSERT_NOT_NULL(test, k);
		KUNIT_ASSERT_PTR_EQ(test, page_address(page), k);
		KUNIT_ASSERT_PTR_EQ(test, kmap_to_page(k), page);
		fill_page(k, page_to_pfn(page));
		kunmap(page);
		list_add(&page->lru, &pages);
		nr++;
	}
	list_for_each_entry_safe(held, next, &pages, lru) {
		u32 *a = kmap_atomic(held);

		if (kmap_to_page(a) != held || !page_filled(a, page_to_pfn(held))) {
			bad++;
			bad_pfn = page_to_pfn(held);
		}
		kunmap_atomic(a);
		list_del(&held->lru);
		__free_page(held);
	}
	kunit_info(test, "%lu high pages, each kmapped and kmap_atomic'd", nr);
	KUNIT_EXPECT_GT(test, nr, 0);
	KUNIT_EXPECT_EQ(test, bad, 0);
	if (bad)
		kunit_info(test, "last bad pfn %#lx", bad_pfn);
}

static void kmap_shares_a_slot(struct kunit *test)
{
	struct page *page;
	void *a, *b;

	require_highmem(test);
	page = alloc_high_page();

	KUNIT_ASSERT_NOT_NULL(test, page);
	a = kmap(page);
	b = kmap(page);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	KUNIT_EXPECT_TRUE(test, (unsigned long)a >= PKMAP_BASE && (unsigned long)a < PAGE_OFFSET);
	KUNIT_EXPECT_EQ(test, kunmap_high(page), 0);
	KUNIT_EXPECT_PTR_EQ(test, kmap(page), a);	/* still mapped for the first user */
	KUNIT_EXPECT_EQ(test, kunmap_high(page), 0);
	KUNIT_EXPECT_EQ(test, kunmap_high(page), 0);
	KUNIT_EXPECT_EQ(test, kunmap_high(page), -EINVAL);	/* one too many: reported */
	__free_page(page);
}

static void kunmap_of_unmapped_page_is_reported(struct kunit *test)
{
	struct page *page;

	require_highmem(test);
	page = alloc_high_page();

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, kunmap_high(page), -EINVAL);
	__free_page(page);
}

/*
 * Hold every pkmap slot: the next kmap is refused (and reported). Releasing
 * one lets the next kmap through, after the flush frees the slot.
 */
struct kmap_waiter {
	struct page *page;
	void *addr;
	struct completion done;
};

static int kmap_in_thread(void *data)
{
	struct kmap_waiter *w = data;

	w->addr = kmap(w->page);	/* sleeps until a slot is released */
	complete(&w->done);
	return 0;
}

/* Every pkmap slot held, and one page more (static: too big for a stack). */
static struct pkmap_hog {
	struct page *pages[LAST_PKMAP + 1];
	void *addr[LAST_PKMAP];
	int nr_pages;
	struct kmap_waiter w;
} hog;

/* Give every slot back: lets a kmap waiting for one through. */
static void hog_unmap(void *unused)
{
	int i;

	for (i = 0; i < LAST_PKMAP; i++)
		if (hog.addr[i]) {
			kunmap(hog.pages[i]);
			hog.addr[i] = NULL;
		}
}

/* After the waiting thread is gone: its mapping, then the pages. */
static void hog_free(void *unused)
{
	hog_unmap(NULL);
	if (hog.w.addr) {
		kunmap(hog.w.page);
		hog.w.addr = NULL;
	}
	while (hog.nr_pages)
		__free_page(hog.pages[--hog.nr_pages]);
}

/*
 * With every slot in use, kmap sleeps (TASK_UNINTERRUPTIBLE) until a
 * kunmap releases one, then maps into it.
 */
static void pkmap_exhaustion(struct kunit *test)
{
	struct kmap_waiter *w = &hog.w;
	struct task_struct *p;
	int i, got = 0;

	require_highmem(test);
	memset(&hog, 0, sizeof(hog));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, hog_free, NULL), 0);
	for (i = 0; i <= LAST_PKMAP; i++) {
		hog.pages[i] = alloc_high_page();
		if (!hog.pages[i])
			kunit_skip(test, "fewer than %d free high pages", LAST_PKMAP + 1);
		hog.nr_pages++;
	}
	for (i = 0; i < LAST_PKMAP; i++) {
		hog.addr[i] = kmap(hog.pages[i]);
		got += hog.addr[i] != NULL;
	}
	KUNIT_EXPECT_EQ(test, got, LAST_PKMAP);

	w->page = hog.pages[LAST_PKMAP];
	init_completion(&w->done);
	test_wake_on_stop(test, hog_unmap, NULL);
	p = test_thread_start(test, kmap_in_thread, w, -1, "kmapwait");
	/* It cannot get a slot: still waiting after a while. */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&w->done, HZ / 10), 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->state), TASK_UNINTERRUPTIBLE);
	kunmap(hog.pages[100]);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&w->done, 5 * HZ), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->addr, hog.addr[100]);
	hog.addr[100] = NULL;
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
}

static void kmap_atomic_nests_like_a_stack(struct kunit *test)
{
	struct page *pages[3];
	unsigned long count = preempt_count();
	u32 *a[3];
	int i;

	require_highmem(test);

	for (i = 0; i < 3; i++) {
		pages[i] = alloc_high_page();
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	for (i = 0; i < 3; i++) {
		a[i] = kmap_atomic(pages[i]);
		KUNIT_EXPECT_TRUE(test, (unsigned long)a[i] >= FIXADDR_START &&
					(unsigned long)a[i] < FIXADDR_END);
		KUNIT_EXPECT_EQ(test, kmap_atomic_depth(), i + 1);
		KUNIT_EXPECT_EQ(test, preempt_count(), count + i + 1);
		*a[i] = 0xbeef0000 + i;
	}
	KUNIT_EXPECT_PTR_NE(test, a[0], a[1]);
	KUNIT_EXPECT_PTR_NE(test, a[1], a[2]);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(a[i]), pages[i]);
	for (i = 2; i >= 0; i--)
		KUNIT_EXPECT_EQ(test, __kunmap_atomic(a[i]), 0);
	KUNIT_EXPECT_EQ(test, kmap_atomic_depth(), 0);
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
	/* The values really went to the pages: read them through kmap. */
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, *(u32 *)kmap(pages[i]), 0xbeef0000 + i);
		kunmap(pages[i]);
		__free_page(pages[i]);
	}
}

static void kunmap_atomic_misuse_is_reported(struct kunit *test)
{
	unsigned long count = preempt_count();
	struct page *x, *y;
	void *a, *b;

	require_highmem(test);
	x = alloc_high_page();
	y = alloc_high_page();

	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_NOT_NULL(test, y);
	a = kmap_atomic(x);
	b = kmap_atomic(y);
	KUNIT_EXPECT_EQ(test, __kunmap_atomic(a), -EINVAL);	/* out of order */
	KUNIT_EXPECT_EQ(test, kmap_atomic_depth(), 2);
	KUNIT_EXPECT_EQ(test, __kunmap_atomic(b), 0);
	KUNIT_EXPECT_EQ(test, __kunmap_atomic(a), 0);
	KUNIT_EXPECT_EQ(test, __kunmap_atomic(a), -EINVAL);	/* unbalanced */
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
	if (count == 0)	/* a lowmem address with nothing held */
		KUNIT_EXPECT_EQ(test, __kunmap_atomic(&count), -EINVAL);
	__free_page(x);
	__free_page(y);
}

struct per_cpu_kmap {
	struct page *page[NR_CPUS];
	void *addr[NR_CPUS];
	bool ok[NR_CPUS];
};

/* In each CPU's IPI handler: its own slot, written and read back. */
static void kmap_atomic_here(void *info)
{
	struct per_cpu_kmap *k = info;
	int cpu = smp_processor_id();
	u32 *v = kmap_atomic(k->page[cpu]);

	*v = 0xc0ffee00 + cpu;
	k->addr[cpu] = v;
	k->ok[cpu] = kmap_to_page(v) == k->page[cpu] && kmap_atomic_depth() == 1;
	kunmap_atomic(v);
}

static void kmap_atomic_on_every_cpu(struct kunit *test)
{
	struct per_cpu_kmap k = { 0 };
	int cpu, other;

	require_highmem(test);
	for_each_online_cpu(cpu) {
		k.page[cpu] = alloc_high_page();
		KUNIT_ASSERT_NOT_NULL(test, k.page[cpu]);
	}
	on_each_cpu(kmap_atomic_here, &k, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_TRUE(test, k.ok[cpu]);
		KUNIT_EXPECT_EQ(test, *(u32 *)kmap(k.page[cpu]), 0xc0ffee00 + cpu);
		kunmap(k.page[cpu]);
		for_each_online_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_PTR_NE(test, k.addr[cpu], k.addr[other]);
	}
	for_each_online_cpu(cpu)
		__free_page(k.page[cpu]);
}

static struct kunit_case highmem_cases[] = {
	KUNIT_CASE(lowmem_pages_need_no_mapping),
	KUNIT_CASE(every_high_page_both_ways),
	KUNIT_CASE(kmap_shares_a_slot),
	KUNIT_CASE(kunmap_of_unmapped_page_is_reported),
	KUNIT_CASE(pkmap_exhaustion),
	KUNIT_CASE(kmap_atomic_nests_like_a_stack),
	KUNIT_CASE(kunmap_atomic_misuse_is_reported),
	KUNIT_CASE(kmap_atomic_on_every_cpu),
	{}
};

static struct kunit_suite highmem_suite = {
	.name = "highmem",
	.test_cases = highmem_cases,
};
kunit_test_suite(highmem_suite);
