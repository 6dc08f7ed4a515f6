/*
 * DMA-API debugging (Linux's CONFIG_DMA_API_DEBUG, always on in Mica): the
 * mapping code (arch/arm/mm/dma-mapping.c) reports every mapping, unmapping
 * and sync here; kernel/dma/debug.c keeps a table of live mappings and
 * reports misuse as Linux does, one WARNING per error:
 *
 *   DMA-API: <driver> <device>: device driver tries to free DMA memory it
 *   has not allocated [device address=0x...] [size=... bytes]
 *
 * Checked: unmapping what was not mapped; unmapping with another size,
 * direction or function than the mapping's; an sg list unmapped with
 * another count; a mapping never checked with dma_mapping_error(); syncs
 * of unmapped memory, outside a mapping or in another direction; mapping
 * memory that is not DMA-able (vmalloc, the stack, kernel text/rodata,
 * outside the linear map) or beyond the device's DMA mask; freeing
 * coherent memory with another address or size.
 *
 * Less than Linux: entries come from a fixed pool of DMA_DEBUG_ENTRIES (as
 * Linux preallocates them); when it runs out, checking stops with a
 * message; no debugfs (the counters below are what its files show), no
 * driver filter, every error is printed (Linux prints the first unless
 * told otherwise).
 */
#ifndef _LINUX_DMA_DEBUG_H
#define _LINUX_DMA_DEBUG_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/dma-direction.h>

struct page;
struct scatterlist;

#define DMA_DEBUG_ENTRIES 4096

/* False (after reporting) if [@addr, @addr + @len) must not be mapped. */
bool debug_dma_map_single(struct device *dev, const void *addr, unsigned long len);
/* A mapping beyond the device's mask was refused. */
void debug_dma_map_beyond_mask(struct device *dev, phys_addr_t addr, size_t size, u64 mask);
void debug_dma_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			int direction, dma_addr_t dma_addr, bool map_single);
void debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr);
void debug_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			  int direction, bool map_single);
void debug_dma_map_sg(struct device *dev, struct scatterlist *sg, int nents, int mapped_ents,
		      int direction);
void debug_dma_unmap_sg(struct device *dev, struct scatterlist *sglist, int nelems, int dir);
void debug_dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t dma_addr, void *virt);
void debug_dma_free_coherent(struct device *dev, size_t size, void *virt, dma_addr_t addr);
void debug_dma_sync_single_for_cpu(struct device *dev, dma_addr_t dma_handle, size_t size,
				   int direction);
void debug_dma_sync_single_for_device(struct device *dev, dma_addr_t dma_handle, size_t size,
				      int direction);
void debug_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			       int direction);
void debug_dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems,
				  int direction);

/* Errors reported so far (Linux's debugfs error_count). */
unsigned int dma_debug_error_count(void);
/* Live mappings and coherent allocations of @dev (NULL: of every device). */
unsigned int dma_debug_device_entries(struct device *dev);
/* Live streaming mappings (single, page, sg) of every device. */
unsigned int dma_debug_streaming_entries(void);

#endif
