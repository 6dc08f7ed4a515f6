/*
 * A DMA controller driver in a module: one channel that can "copy" (the
 * self-test only requests and releases it). Clients holding the channel
 * must keep this module loaded.
 */
#include <linux/module.h>
#include <linux/dmaengine.h>

static struct dma_device mt_dma;
static struct dma_chan mt_chan;

static enum dma_status mt_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
				    struct dma_tx_state *state)
{
	return DMA_COMPLETE;
}

void mt_dmaprov_issue_pending(struct dma_chan *chan)
{
}

static struct dma_async_tx_descriptor *mt_prep_memcpy(struct dma_chan *chan, dma_addr_t dst,
						       dma_addr_t src, size_t len,
						       unsigned long flags)
{
	return NULL;
}

static int __init mt_dmaprov_init(void)
{
	INIT_LIST_HEAD(&mt_dma.channels);
	list_add_tail(&mt_chan.device_node, &mt_dma.channels);
	dma_cap_set(DMA_MEMCPY, mt_dma.cap_mask);
	mt_dma.device_tx_status = mt_tx_status;
	mt_dma.device_issue_pending = mt_dmaprov_issue_pending;
	mt_dma.device_prep_dma_memcpy = mt_prep_memcpy;
	return dma_async_device_register(&mt_dma);
}
module_init(mt_dmaprov_init);

static void __exit mt_dmaprov_exit(void)
{
	dma_async_device_unregister(&mt_dma);
}
module_exit(mt_dmaprov_exit);
MODULE_LICENSE("GPL");
