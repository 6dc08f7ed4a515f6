/*
 * Scatter-gather lists (Linux's struct scatterlist): a buffer described as
 * pieces of pages, each mapped for DMA by dma_map_sg().
 *
 * Less than Linux: one flat array per list (no chaining of arrays), so
 * sg_next() is the next element until the one marked last.
 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/types.h>
#include <linux/mm.h>
#include <string.h>

struct scatterlist {
	struct page *page;
	unsigned int offset;		/* into the page; may run on into the next pages */
	unsigned int length;
	bool end;			/* the last element of the list */
	dma_addr_t dma_address;		/* set by dma_map_sg() */
	unsigned int dma_length;
};

#define sg_dma_address(sg) ((sg)->dma_address)
#define sg_dma_len(sg)     ((sg)->dma_length)

static inline void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sgl[nents - 1].end = true;
}

static inline void sg_mark_end(struct scatterlist *sg) { sg->end = true; }
static inline bool sg_is_last(const struct scatterlist *sg) { return sg->end; }

static inline struct scatterlist *sg_next(struct scatterlist *sg)
{
	return sg->end ? NULL : sg + 1;
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg->page = page;
	sg->offset = offset;
	sg->length = len;
}

static inline struct page *sg_page(const struct scatterlist *sg) { return sg->page; }

/* @buf must be in lowmem (the linear map), as in Linux. */
static inline void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_set_page(sg, virt_to_page(buf), buflen, (unsigned long)buf & (PAGE_SIZE - 1));
}

static inline void *sg_virt(const struct scatterlist *sg)
{
	return (char *)page_address(sg->page) + sg->offset;
}

static inline phys_addr_t sg_phys(const struct scatterlist *sg)
{
	return page_to_phys(sg->page) + sg->offset;
}

static inline void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

#define for_each_sg(sglist, sg, nr, i) \
	for ((i) = 0, (sg) = (sglist); (i) < (nr); (i)++, (sg) = sg_next(sg))

#endif
