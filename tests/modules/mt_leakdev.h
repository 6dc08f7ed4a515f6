/*
 * Between mt_leakdev and the loader's self-test: what the test lends the
 * module (buffers to map, a device address to map) and what the module
 * took, so that the test can check the report and give everything back.
 */
#ifndef MT_LEAKDEV_H
#define MT_LEAKDEV_H

#include <linux/types.h>
#include <linux/scatterlist.h>

struct page;
struct task_struct;

struct mt_leakdev_io {
	/* Lent by the test. */
	void *buf;			/* kmalloc'd, for dma_map_single */
	size_t buf_len;
	struct page *page;		/* for dma_map_page */
	struct scatterlist sg[2];	/* for dma_map_sg */
	phys_addr_t regs;		/* a device page for ioremap */
	/* Taken by the module, left behind on rmmod. */
	dma_addr_t single, paged, coherent_dma;
	int sg_mapped;
	void *coherent;
	size_t coherent_len;
	void __iomem *io;
	struct task_struct *thread;
	unsigned long ticks;		/* the thread counts here while it runs */
};

#endif
