/*
 * Leaves DMA mappings (single, page, scatterlist), a DMA coherent buffer,
 * an ioremap area and a running kernel thread behind on purpose, each
 * taken by a function of its own so that the report can name it. The
 * loader's self-test lends it what to map (io=, a struct mt_leakdev_io)
 * and gives everything back after checking the report.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include "mt_leakdev.h"

static unsigned long io;
module_param(io, ulong, 0444);

static int mt_leakdev_thread(void *data)
{
	struct mt_leakdev_io *p = data;

	while (!kthread_should_stop()) {
		WRITE_ONCE(p->ticks, p->ticks + 1);
		msleep(5);
	}
	return 0;
}

static noinline int mt_leakdev_map_streaming(struct mt_leakdev_io *p)
{
	p->single = dma_map_single(NULL, p->buf, p->buf_len, DMA_TO_DEVICE);
	p->paged = dma_map_page(NULL, p->page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	p->sg_mapped = dma_map_sg(NULL, p->sg, ARRAY_SIZE(p->sg), DMA_BIDIRECTIONAL);
	if (dma_mapping_error(NULL, p->single) || dma_mapping_error(NULL, p->paged) ||
	    !p->sg_mapped)
		return -ENOMEM;
	return 0;
}

static noinline int mt_leakdev_alloc_coherent(struct mt_leakdev_io *p)
{
	p->coherent_len = 2 * PAGE_SIZE;
	p->coherent = dma_alloc_coherent(NULL, p->coherent_len, &p->coherent_dma, GFP_KERNEL);
	return p->coherent ? 0 : -ENOMEM;
}

static noinline int mt_leakdev_map_regs(struct mt_leakdev_io *p)
{
	p->io = ioremap(p->regs, PAGE_SIZE);
	return p->io ? 0 : -ENOMEM;
}

static noinline int mt_leakdev_start_thread(struct mt_leakdev_io *p)
{
	p->thread = kthread_run(mt_leakdev_thread, p, "mt_leakdev");
	return IS_ERR(p->thread) ? PTR_ERR(p->thread) : 0;
}

static int __init mt_leakdev_init(void)
{
	struct mt_leakdev_io *p = (struct mt_leakdev_io *)io;
	int err;

	if (!p)
		return -EINVAL;
	err = mt_leakdev_map_streaming(p);
	if (!err)
		err = mt_leakdev_alloc_coherent(p);
	if (!err)
		err = mt_leakdev_map_regs(p);
	if (!err)
		err = mt_leakdev_start_thread(p);
	return err;
}
module_init(mt_leakdev_init);

static void __exit mt_leakdev_exit(void)
{
}
module_exit(mt_leakdev_exit);
MODULE_LICENSE("GPL");
