/*
 * The DMA mapping API (Linux's): memory a device reads or writes, and the
 * cache maintenance that keeps the CPU's view and the device's view equal.
 *
 *  - Coherent ("consistent") memory, dma_alloc_coherent: mapped uncached for
 *    the CPU, so both sides always see the same bytes; for descriptor rings,
 *    programs, mailboxes. dma_pool_* (<linux/dmapool.h>) carves small blocks.
 *  - Streaming mappings, dma_map_single/page/sg: ordinary cached memory lent
 *    to the device for one transfer. Mapping hands the buffer to the device
 *    (clean dirty lines so it reads what the CPU wrote; invalidate so no line
 *    is written back over what it writes); unmapping, or
 *    dma_sync_*_for_cpu, hands it back (invalidate again: the CPU may have
 *    fetched lines speculatively meanwhile). Between map and unmap the CPU
 *    must not touch the buffer.
 *
 * Bus addresses are physical addresses on these boards (no IOMMU, no
 * offset). A device's DMA mask limits what it can address; buffers for a
 * device whose mask does not cover lowmem come from ZONE_DMA. As on Linux
 * 3.x/ARM, @dev may be NULL ("no device", for drivers of that time): the
 * mask is then 32 bits; a device whose coherent mask is unset gets a
 * warning and no memory.
 *
 * Less than Linux: no IOMMU and no bounce buffers (swiotlb): mapping memory
 * beyond the mask fails with DMA_MAPPING_ERROR; coherent memory comes from
 * lowmem in power-of-two page blocks, mapped at allocation (no CMA, no
 * atomic pool); the linear map keeps its cacheable alias of coherent
 * pages (Linux's ARM code of the same age did too: it is cleaned at
 * allocation and never used).
 * Checks that Linux makes with CONFIG_DMA_API_DEBUG are always on
 * (kernel/dma/debug.c): misuse is reported as "DMA-API: ..." warnings.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/device.h>
#include <linux/dma-direction.h>
#include <linux/scatterlist.h>

#define DMA_BIT_MASK(n)   (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)

/* dma_alloc_attrs attributes (Linux's bits). */
#define DMA_ATTR_WRITE_COMBINE (1UL << 2)	/* writes may be buffered and merged */

/*
 * Coherent memory: @size bytes, zeroed, mapped uncached; *@dma_handle is
 * what to give the device. On ARMv7 "uncached" is Normal Non-cacheable
 * memory, which is also write-combining (Linux's pgprot_dmacoherent with
 * CONFIG_ARM_DMA_MEM_BUFFERABLE), so writes sit in the CPU's write buffer
 * until a barrier: writel() to start the device issues one (wmb).
 * Returns NULL if no memory the device can address is free.
 */
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		      gfp_t gfp, unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		    dma_addr_t dma_handle, unsigned long attrs);

static inline void *dma_alloc_coherent(struct device *dev, size_t size,
				       dma_addr_t *dma_handle, gfp_t gfp)
{
	return dma_alloc_attrs(dev, size, dma_handle, gfp, 0);
}

static inline void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
				     dma_addr_t dma_handle)
{
	dma_free_attrs(dev, size, cpu_addr, dma_handle, 0);
}

static inline void *dma_alloc_wc(struct device *dev, size_t size, dma_addr_t *dma_addr, gfp_t gfp)
{
	return dma_alloc_attrs(dev, size, dma_addr, gfp, DMA_ATTR_WRITE_COMBINE);
}

static inline void dma_free_wc(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_addr)
{
	dma_free_attrs(dev, size, cpu_addr, dma_addr, DMA_ATTR_WRITE_COMBINE);
}

/* Streaming mappings. A failed map returns DMA_MAPPING_ERROR (check with dma_mapping_error). */
dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset,
			      size_t size, enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs);
/* @ptr must be in lowmem (kmalloc'd or from the page allocator), not vmalloc or the stack. */
dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs);
/* Maps each element; returns the number mapped (@nents), or 0 on failure. */
int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
		     enum dma_data_direction dir, unsigned long attrs);
/* @nents is what was passed to dma_map_sg, not what it returned. */
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs);

#define dma_map_page(d, p, o, s, r)  dma_map_page_attrs(d, p, o, s, r, 0)
#define dma_unmap_page(d, a, s, r)   dma_unmap_page_attrs(d, a, s, r, 0)
#define dma_map_single(d, a, s, r)   dma_map_single_attrs(d, a, s, r, 0)
#define dma_unmap_single(d, a, s, r) dma_unmap_single_attrs(d, a, s, r, 0)
#define dma_map_sg(d, s, n, r)       dma_map_sg_attrs(d, s, n, r, 0)
#define dma_unmap_sg(d, s, n, r)     dma_unmap_sg_attrs(d, s, n, r, 0)

/*
 * Ownership changes in the middle of a mapping: _for_cpu before the CPU
 * reads what the device wrote, _for_device before the device uses it again.
 * @addr/@size may be a part of the mapping; @dir must be the mapping's.
 */
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nents,
			 enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nents,
			    enum dma_data_direction dir);

/* 0 if @dma_addr is a good mapping, -ENOMEM if the map failed. */
int dma_mapping_error(struct device *dev, dma_addr_t dma_addr);

/* Can the device do DMA with @mask? (It must at least reach ZONE_DMA.) */
int dma_supported(struct device *dev, u64 mask);
/* Set the streaming / coherent mask; -EIO if no memory would fit it. */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);

static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int ret = dma_set_mask(dev, mask);

	return ret ? ret : dma_set_coherent_mask(dev, mask);
}

static inline u64 dma_get_mask(struct device *dev)
{
	return dev && dev->dma_mask && *dev->dma_mask ? *dev->dma_mask : DMA_BIT_MASK(32);
}

/* The highest physical address of ZONE_DMA: every device must reach it. */
phys_addr_t arm_dma_zone_limit(void);

#endif
