/*
 * kmalloc and friends: a size picks one of the kmalloc caches (dma-kmalloc
 * for GFP_DMA); beyond KMALLOC_MAX_CACHE_SIZE the block is a compound page
 * straight from the page allocator, counted as unreclaimable slab memory as
 * Linux does, and marked in page->private so kfree knows it.
 */
#include <linux/kernel.h>
#include <mica/module_track.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include "slab.h"

struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
EXPORT_SYMBOL(kmalloc_caches);
atomic_t kmalloc_large_pages;

#define KMALLOC_LARGE_MAGIC	0x6b6d6c67UL	/* "kmlg" in a large block's head page */

static char kmalloc_names[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1][sizeof("dma-kmalloc-8192")];

/* The cache index for 1..192 bytes, by (size - 1) / 8: 96 and 192 get their own caches. */
static const u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/*   1 ..  64 */
	1, 1, 1, 1, 7, 7, 7, 7,		/*  65 .. 128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 129 .. 192 */
};

/* @size is 1 .. KMALLOC_MAX_CACHE_SIZE. __GFP_DMA is bit 0: it is the type. */
static __always_inline struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	unsigned int index;

	BUILD_BUG_ON(___GFP_DMA != 1 || KMALLOC_DMA != 1);
	if (size <= 192)
		index = size_index[(size - 1) / 8];
	else
		index = (unsigned int)(8 * sizeof(unsigned long)) -
			(unsigned int)__builtin_clzl(size - 1);
	return kmalloc_caches[(__force unsigned int)(flags & __GFP_DMA)][index];
}

void __init create_kmalloc_caches(void)
{
	unsigned int type, i;

	for (type = 0; type < NR_KMALLOC_TYPES; type++) {
		for (i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
			char *name = kmalloc_names[type][i];

			if (i > 2 && i < KMALLOC_SHIFT_LOW)
				continue;
			snprintf(name, sizeof(kmalloc_names[0][0]), "%skmalloc-%u",
				 type == KMALLOC_DMA ? "dma-" : "", kmalloc_size(i));
			kmalloc_caches[type][i] = create_kmalloc_cache(name, kmalloc_size(i),
						type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0);
		}
	}
}

static void *kmalloc_large(size_t size, gfp_t flags, int node, unsigned long caller)
{
	struct page *page;
	unsigned int order;

	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		WARN(!(flags & __GFP_NOWARN), "kmalloc: %zu bytes is more than KMALLOC_MAX_SIZE (%lu)\n",
		     size, KMALLOC_MAX_SIZE);
		return NULL;
	}
	if (unlikely(flags & GFP_SLAB_BUG_MASK)) {
		WARN(1, "kmalloc: unexpected gfp %#x, using %#x\n", (__force unsigned int)flags,
		     (__force unsigned int)(flags & ~GFP_SLAB_BUG_MASK));
		flags &= ~GFP_SLAB_BUG_MASK;
	}
	order = get_order(size);
	page = alloc_pages_node(node, flags | __GFP_COMP, order);
	if (!page)
		return NULL;
	set_page_private(page, KMALLOC_LARGE_MAGIC);
	mod_zone_page_state(page_zone(page), NR_SLAB_UNRECLAIMABLE, 1L << order);
	atomic_add(1 << order, &kmalloc_large_pages);
	if (module_track_caller(caller))
		module_track_alloc(MT_KMALLOC_LARGE, lowmem_page_address(page), size, caller, NULL);
	kasan_kmalloc_large(lowmem_page_address(page), size);
	return lowmem_page_address(page);
}

/* Not a slab page: a large block, or a KFENCE object (never PG_slab). */
static void kfree_large(struct page *page, const void *x, unsigned long caller)
{
	unsigned int order;

	if (is_kfence_address(x)) {
		__kfence_free((void *)x);
		return;
	}
	if (!kasan_kfree_large(x, caller))
		return;
	if (unlikely(!PageHead(page) || page_private(page) != KMALLOC_LARGE_MAGIC)) {
		slab_report_invalid_free(NULL, x, "not a slab object or kmalloc block");
		return;
	}
	if (unlikely(x != lowmem_page_address(page))) {
		slab_report_invalid_free(NULL, x, "inside a kmalloc block, not its start");
		return;
	}
	if (module_track_held_any(MT_KMALLOC_LARGE))
		module_track_free(MT_KMALLOC_LARGE, x);
	order = compound_order(page);
	set_page_private(page, 0);
	mod_zone_page_state(page_zone(page), NR_SLAB_UNRECLAIMABLE, -(1L << order));
	atomic_sub(1 << order, &kmalloc_large_pages);
	__free_pages(page, order);
}

/* Not sampled by KFENCE: kmalloc_sampled() and the node-specific calls. */
static __always_inline void *kmalloc_unsampled(size_t size, gfp_t flags, int node,
					       unsigned long caller)
{
	struct kmem_cache *s;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags, node, caller);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	s = kmalloc_slab(size, flags);
	if (module_track_caller(caller))
		return kasan_kmalloc(s, slab_alloc_tracked(s, flags, node, caller), size);
	if (node == NUMA_NO_NODE)
		return kasan_kmalloc(s, slab_alloc_unsampled(s, flags, caller), size);
	return kasan_kmalloc(s, slab_alloc_node(s, flags, node, caller), size);
}

/* A KFENCE sample is due: @size bytes at the end of a pool page, if it takes them. */
static noinline void *kmalloc_sampled(size_t size, gfp_t flags, unsigned long caller)
{
	if (size && size <= KMALLOC_MAX_CACHE_SIZE) {
		void *obj;

		might_sleep_if(flags & __GFP_WAIT);
		obj = __kfence_alloc(kmalloc_slab(size, flags), size, flags);
		if (obj)
			return obj;
	}
	return kmalloc_unsampled(size, flags, NUMA_NO_NODE, caller);
}

/* The test comes first, while @size is still where the caller put it. */
static __always_inline void *do_kmalloc(size_t size, gfp_t flags, int node, unsigned long caller)
{
	/* A module's objects stay out of the pool: its leak report must see them. */
	if (node == NUMA_NO_NODE && kfence_sample_due() && !module_track_caller(caller))
		return kmalloc_sampled(size, flags, caller);
	return kmalloc_unsampled(size, flags, node, caller);
}

void *__slab_fastpath __kmalloc(size_t size, gfp_t flags)
{
	return do_kmalloc(size, flags, NUMA_NO_NODE, SLAB_ENTRY_CALLER);
}
EXPORT_SYMBOL(__kmalloc);

/* What a module's __kmalloc resolves to while recording (mica/module_track.h). */
void *__kmalloc_from_module(size_t size, gfp_t flags)
{
	return do_kmalloc(size, flags, NUMA_NO_NODE, _RET_IP_);
}

void *__kmalloc_node(size_t size, gfp_t flags, int node)
{
	return do_kmalloc(size, flags, node, _RET_IP_);
}
EXPORT_SYMBOL(__kmalloc_node);

void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller)
{
	return do_kmalloc(size, flags, NUMA_NO_NODE, caller);
}
EXPORT_SYMBOL(__kmalloc_track_caller);

static __always_inline void do_kfree(const void *x, unsigned long caller)
{
	struct page *page;

	if (unlikely(!slab_addr_valid(x))) {	/* NULL and ZERO_SIZE_PTR are below lowmem */
		if (!ZERO_OR_NULL_PTR(x))
			slab_report_invalid_free(NULL, x, "not a lowmem address");
		return;
	}
	page = slab_virt_to_page(x);
	if (unlikely(!PageSlab(page))) {
		kfree_large(compound_head(page), x, caller);
		return;
	}
	slab_free(page->slab_cache, (void *)x, caller);
}

void __slab_fastpath kfree(const void *x)
{
	do_kfree(x, SLAB_ENTRY_CALLER);
}
EXPORT_SYMBOL(kfree);

size_t ksize(const void *x)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(x))
		return 0;
	if (is_kfence_address(x))
		return kfence_ksize(x);
	page = slab_virt_to_page(x);
	if (PageSlab(page)) {
		/* The caller may use all of it now (Linux 6.1's promise). */
		kasan_kmalloc(page->slab_cache, (void *)x, page->slab_cache->usable);
		return page->slab_cache->usable;
	}
	return page_size(compound_head(page));
}
EXPORT_SYMBOL(ksize);

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t have = 0;
	void *ret;

	if (unlikely(!new_size)) {
		do_kfree(p, _RET_IP_);
		return ZERO_SIZE_PTR;
	}
	if (!ZERO_OR_NULL_PTR(p)) {
		if (!kasan_check_read(p, 1))	/* freed already: reported */
			return NULL;
		have = ksize(p);
		if (have >= new_size) {
			if (PageSlab(slab_virt_to_page(p)))
				kasan_kmalloc(slab_virt_to_page(p)->slab_cache, (void *)p, new_size);
			return (void *)p;
		}
	}
	ret = do_kmalloc(new_size, flags, NUMA_NO_NODE, _RET_IP_);
	if (ret && have) {
		memcpy(ret, p, have);
		do_kfree(p, _RET_IP_);
	}
	return ret;
}
EXPORT_SYMBOL(krealloc);
