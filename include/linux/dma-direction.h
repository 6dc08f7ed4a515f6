/* Which way a DMA transfer moves data, as the mapping API is told (Linux's values). */
#ifndef _LINUX_DMA_DIRECTION_H
#define _LINUX_DMA_DIRECTION_H

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,	/* the device reads and writes the buffer */
	DMA_TO_DEVICE = 1,	/* the device reads it (CPU wrote it) */
	DMA_FROM_DEVICE = 2,	/* the device writes it (CPU will read it) */
	DMA_NONE = 3,		/* invalid: for catching bugs */
};

static inline bool valid_dma_direction(enum dma_data_direction dir)
{
	return dir == DMA_BIDIRECTIONAL || dir == DMA_TO_DEVICE || dir == DMA_FROM_DEVICE;
}

#endif
