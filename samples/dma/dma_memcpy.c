/*
 * A dmaengine memcpy client, as the DMA chapter's example: ask for any
 * channel that can copy memory, map the buffers, submit a copy with a
 * callback, wait for it on a completion, check the bytes. Needs a DMA
 * controller (smdkc210, FS4412: the PL330s); elsewhere init says so.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/completion.h>
#include <linux/jiffies.h>

#define LEN 4096

static int copies = 4;
module_param(copies, int, 0444);
MODULE_PARM_DESC(copies, "how many transfers");

static void dma_done(void *param)
{
	complete(param);
}

static int one_copy(struct dma_chan *chan, u8 *src, u8 *dst, dma_addr_t src_dma,
		    dma_addr_t dst_dma, int n)
{
	struct dma_async_tx_descriptor *tx;
	struct completion done;
	dma_cookie_t cookie;
	int i;

	for (i = 0; i < LEN; i++) {
		src[i] = (u8)(i + n);
		dst[i] = 0;
	}
	init_completion(&done);
	tx = dmaengine_prep_dma_memcpy(chan, dst_dma, src_dma, LEN, DMA_PREP_INTERRUPT);
	if (!tx)
		return -EIO;
	tx->callback = dma_done;
	tx->callback_param = &done;
	cookie = dmaengine_submit(tx);
	if (dma_submit_error(cookie))
		return -EIO;
	dma_async_issue_pending(chan);
	if (!wait_for_completion_timeout(&done, msecs_to_jiffies(1000))) {
		dmaengine_terminate_sync(chan);
		return -ETIMEDOUT;
	}
	for (i = 0; i < LEN; i++)
		if (dst[i] != (u8)(i + n))
			return -EIO;
	return 0;
}

static int __init dma_memcpy_init(void)
{
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	dma_addr_t src_dma, dst_dma;
	u8 *src, *dst;
	int i, err = 0;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan) {
		printk(KERN_INFO "dma_memcpy: no DMA channel for memcpy on this board\n");
		return -ENODEV;
	}
	src = dma_alloc_coherent(chan->device->dev, LEN, &src_dma, GFP_KERNEL);
	dst = dma_alloc_coherent(chan->device->dev, LEN, &dst_dma, GFP_KERNEL);
	if (!src || !dst)
		err = -ENOMEM;
	for (i = 0; !err && i < copies; i++)
		err = one_copy(chan, src, dst, src_dma, dst_dma, i);
	printk(KERN_INFO "dma_memcpy: %d copies of %d bytes on %s: %s\n", copies, LEN,
	       dma_chan_name(chan), err ? "FAILED" : "OK");
	if (src)
		dma_free_coherent(chan->device->dev, LEN, src, src_dma);
	if (dst)
		dma_free_coherent(chan->device->dev, LEN, dst, dst_dma);
	dma_release_channel(chan);
	return err;
}

static void __exit dma_memcpy_exit(void)
{
}

module_init(dma_memcpy_init);
module_exit(dma_memcpy_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a dmaengine memcpy client waiting on a completion");
