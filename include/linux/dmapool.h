/*
 * DMA pools (Linux's dma_pool): small blocks of coherent memory, e.g. DMA
 * descriptors or controller programs, carved from whole coherent pages so
 * that each block need not cost a page. Every block is @align-aligned and
 * never crosses a @boundary (0: the page size); blocks are handed out
 * uninitialised unless dma_pool_zalloc is used.
 *
 * Less than Linux: pages are found by a list walk (no per-page index);
 * freed blocks are always poisoned (0xa7) and a double free is reported;
 * no sysfs "pools" file.
 */
#ifndef _LINUX_DMAPOOL_H
#define _LINUX_DMAPOOL_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/device.h>

struct dma_pool;

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size,
				 size_t align, size_t boundary);
/* Frees the pool's pages; blocks still allocated are reported. NULL is ignored. */
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma);

static inline void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	return dma_pool_alloc(pool, mem_flags | __GFP_ZERO, handle);
}

#endif
