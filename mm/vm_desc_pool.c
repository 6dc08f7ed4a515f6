/*
 * The vmalloc descriptor pool (see vmalloc_internal.h). Each pool page
 * starts with its header in the first object slot; free objects are linked
 * through their first word. Pages with free objects sit on one list.
 * Each CPU also keeps a few free descriptors of the static pages, taken
 * and given with interrupts off but no lock (the slab's per-CPU idea): the
 * common vmalloc/vfree never touches pool_lock, and since static pages are
 * never freed, a cached descriptor keeps no memory from going back.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/irqflags.h>
#include "vmalloc_internal.h"

struct pool_page {
	struct list_head list;		/* on partial_pages while it has free objects */
	void *free;
	unsigned int inuse;
	bool is_static;
};

#define OBJS_PER_PAGE	(PAGE_SIZE / VM_DESC_SIZE - 1)
#define NR_STATIC_PAGES	2		/* 126 descriptors: ioremaps before mem_init */

BUILD_BUG_ON(sizeof(struct pool_page) > VM_DESC_SIZE);
BUILD_BUG_ON(sizeof(struct vmap_area) > VM_DESC_SIZE);
BUILD_BUG_ON(sizeof(struct vm_struct) > VM_DESC_SIZE);

#define DESC_CACHE_SIZE	8

struct desc_cache {
	unsigned int count;
	void *objs[DESC_CACHE_SIZE];
};

static u8 static_pages[NR_STATIC_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE);
static DEFINE_PER_CPU(struct desc_cache, desc_cache);
static LIST_HEAD(partial_pages);
static DEFINE_SPINLOCK(pool_lock);
static unsigned long nr_dynamic_pages;

static void add_pool_page(void *mem, bool is_static)
{
	struct pool_page *pp = mem;
	unsigned int i;

	pp->free = NULL;
	pp->inuse = 0;
	pp->is_static = is_static;
	for (i = OBJS_PER_PAGE; i >= 1; i--) {
		void **obj = (void **)((u8 *)mem + i * VM_DESC_SIZE);

		*obj = pp->free;
		pp->free = obj;
	}
	list_add_tail(&pp->list, &partial_pages);
}

void vm_desc_pool_init(void)
{
	INIT_LIST_HEAD(&partial_pages);
	nr_dynamic_pages = 0;
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		per_cpu(desc_cache, cpu).count = 0;
	for (int i = 0; i < NR_STATIC_PAGES; i++)
		add_pool_page(static_pages[i], true);
}

/*
 * Called with pool_lock held and no free object; drops the lock around the
 * page allocator, so another CPU may have refilled the list meanwhile.
 */
static bool grow(unsigned long *flags, gfp_t gfp)
{
	struct page *page;

	if (!page_allocator_ready())
		return false;
	spin_unlock_irqrestore(&pool_lock, *flags);
	page = alloc_page(gfp & ~__GFP_HIGHMEM);
	spin_lock_irqsave(&pool_lock, *flags);
	if (!page)
		return !list_empty(&partial_pages);
	add_pool_page(page_address(page), false);
	nr_dynamic_pages++;
	return true;
}

/* The pool proper, under pool_lock (the per-CPU cache was empty, or is full). */
static noinline void *vm_desc_alloc_pool(gfp_t gfp)
{
	struct pool_page *pp;
	unsigned long flags;
	void **obj;

	spin_lock_irqsave(&pool_lock, flags);
	if (list_empty(&partial_pages) && !grow(&flags, gfp)) {
		spin_unlock_irqrestore(&pool_lock, flags);
		return NULL;
	}
	pp = list_first_entry(&partial_pages, struct pool_page, list);
	obj = pp->free;
	pp->free = *obj;
	pp->inuse++;
	if (!pp->free)
		list_del(&pp->list);
	spin_unlock_irqrestore(&pool_lock, flags);
	return obj;
}

static noinline void vm_desc_free_pool(void *desc, struct pool_page *pp)
{
	struct page *empty = NULL;
	unsigned long flags;

	spin_lock_irqsave(&pool_lock, flags);
	if (!pp->free)
		list_add(&pp->list, &partial_pages);
	*(void **)desc = pp->free;
	pp->free = desc;
	pp->inuse--;
	if (!pp->inuse && !pp->is_static) {
		list_del(&pp->list);
		nr_dynamic_pages--;
		empty = virt_to_page(pp);
	}
	spin_unlock_irqrestore(&pool_lock, flags);
	if (empty)
		__free_page(empty);
}

/* The per-CPU cache, a leaf apart from its tail call to the pool (no frame). */
void * __frameless vm_desc_alloc(gfp_t gfp)
{
	struct desc_cache *cache;
	unsigned long flags;
	void **obj;

	local_irq_save(flags);
	cache = this_cpu_ptr(&desc_cache);
	if (likely(cache->count)) {
		obj = cache->objs[--cache->count];
		local_irq_restore(flags);
		return obj;
	}
	local_irq_restore(flags);
	return vm_desc_alloc_pool(gfp);
}

/* Both from the pool or nothing: the cache had fewer than two. */
static noinline bool vm_desc_alloc_pair_slow(gfp_t gfp, void **first, void **second)
{
	*first = vm_desc_alloc(gfp);
	*second = *first ? vm_desc_alloc(gfp) : NULL;
	if (*second)
		return true;
	if (*first)
		vm_desc_free(*first);
	return false;
}

bool __frameless vm_desc_alloc_pair(gfp_t gfp, void **first, void **second)
{
	struct desc_cache *cache;
	unsigned long flags;

	local_irq_save(flags);
	cache = this_cpu_ptr(&desc_cache);
	if (likely(cache->count >= 2)) {
		*first = cache->objs[--cache->count];
		*second = cache->objs[--cache->count];
		local_irq_restore(flags);
		return true;
	}
	local_irq_restore(flags);
	return vm_desc_alloc_pair_slow(gfp, first, second);
}

void __frameless vm_desc_free(void *desc)
{
	struct pool_page *pp = (struct pool_page *)((unsigned long)desc & PAGE_MASK);
	struct desc_cache *cache;
	unsigned long flags;

	if (pp->is_static) {
		local_irq_save(flags);
		cache = this_cpu_ptr(&desc_cache);
		if (likely(cache->count < DESC_CACHE_SIZE)) {
			cache->objs[cache->count++] = desc;
			local_irq_restore(flags);
			return;
		}
		local_irq_restore(flags);
	}
	vm_desc_free_pool(desc, pp);
}

unsigned long vm_desc_pool_pages(void)
{
	return READ_ONCE(nr_dynamic_pages);
}
