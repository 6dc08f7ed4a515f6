/*
 * kmalloc and friends: a size picks one of the kmalloc caches (dma-kmalloc
 * for GFP_DMA); beyond KMALLOC_MAX_CACHE_SIZE the block is a compound page
 * straight from the page allocator, counted as unreclaimable slab memory as
 * Linux does, and marked in page->private so kfree knows it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include "slab.h"

struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
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

static void *kmalloc_large(size_t size, gfp_t flags, int node)
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
	return lowmem_page_address(page);
}

static void kfree_large(struct page *page, const void *x)
{
	unsigned int order;

	if (unlikely(!PageHead(page) || page_private(page) != KMALLOC_LARGE_MAGIC)) {
		slab_report_invalid_free(NULL, x, "not a slab object or kmalloc block");
		return;
	}
	if (unlikely(x != lowmem_page_address(page))) {
		slab_report_invalid_free(NULL, x, "inside a kmalloc block, not its start");
		return;
	}
	order = compound_order(page);
	set_page_private(page, 0);
	mod_zone_page_state(page_zone(page), NR_SLAB_UNRECLAIMABLE, -(1L << order));
	atomic_sub(1 << order, &kmalloc_large_pages);
	__free_pages(page, order);
}

static __always_inline void *do_kmalloc(size_t size, gfp_t flags, int node, unsigned long caller)
{
	struct kmem_cache *s;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags, node);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	s = kmalloc_slab(size, flags);
	if (node == NUMA_NO_NODE)
		return slab_alloc(s, flags, caller);
	return slab_alloc_node(s, flags, node, caller);
}

void *__slab_fastpath __kmalloc(size_t size, gfp_t flags)
{
	return do_kmalloc(size, flags, NUMA_NO_NODE, SLAB_ENTRY_CALLER);
}

void *__kmalloc_node(size_t size, gfp_t flags, int node)
{
	return do_kmalloc(size, flags, node, _RET_IP_);
}

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
		kfree_large(compound_head(page), x);
		return;
	}
	slab_free(page->slab_cache, (void *)x, caller);
}

void __slab_fastpath kfree(const void *x)
{
	do_kfree(x, SLAB_ENTRY_CALLER);
}

size_t ksize(const void *x)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(x))
		return 0;
	page = slab_virt_to_page(x);
	if (PageSlab(page))
		return page->slab_cache->usable;
	return page_size(compound_head(page));
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t have = 0;
	void *ret;

	if (unlikely(!new_size)) {
		do_kfree(p, _RET_IP_);
		return ZERO_SIZE_PTR;
	}
	if (!ZERO_OR_NULL_PTR(p)) {
		have = ksize(p);
		if (have >= new_size)
			return (void *)p;
	}
	ret = do_kmalloc(new_size, flags, NUMA_NO_NODE, _RET_IP_);
	if (ret && have) {
		memcpy(ret, p, have);
		do_kfree(p, _RET_IP_);
	}
	return ret;
}

char *kstrdup(const char *s, gfp_t flags)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	copy = do_kmalloc(len, flags, NUMA_NO_NODE, _RET_IP_);
	if (copy)
		memcpy(copy, s, len);
	return copy;
}

void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p = do_kmalloc(len, flags, NUMA_NO_NODE, _RET_IP_);

	if (p && !ZERO_OR_NULL_PTR(p))
		memcpy(p, src, len);
	return p;
}
