/*
 * The PL330 driver's dmaengine operations (see pl330.c for how the
 * controller is run): channel resources, descriptor preparation for
 * memcpy, slave scatter-gather and cyclic transfers, submission, status
 * and termination, and the helpers of include/linux/dma/pl330.h.
 * Descriptors come from a fixed pool per channel: free -> prepared ->
 * submitted -> issued -> active -> free.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/dmapool.h>
#include <linux/slab.h>
#include <string.h>
#include "pl330_internal.h"

static int pl330_alloc_chan_resources(struct dma_chan *chan)
{
	struct pl330_chan *pch = to_pchan(chan);
	unsigned long flags;
	dma_addr_t dma;
	u8 *prog;
	unsigned int i;

	prog = dma_pool_alloc(pch->dmac->prog_pool, GFP_KERNEL, &dma);
	if (!prog)
		return -ENOMEM;
	spin_lock_irqsave(&pch->lock, flags);
	pch->prog = prog;
	pch->prog_dma = dma;
	dma_cookie_init(chan);
	INIT_LIST_HEAD(&pch->free);
	INIT_LIST_HEAD(&pch->submitted);
	INIT_LIST_HEAD(&pch->issued);
	for (i = 0; i < PL330_NR_DESC; i++)
		list_add_tail(&pch->desc[i].node, &pch->free);
	memset(pch->failed, 0, sizeof(pch->failed));
	pch->active = NULL;
	pch->inject = PL330_INJECT_NONE;
	spin_unlock_irqrestore(&pch->lock, flags);
	return PL330_NR_DESC;
}

static int pl330_terminate_all(struct dma_chan *chan)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_desc *desc, *n;
	unsigned long flags;

	spin_lock_irqsave(&pch->lock, flags);
	if (pch->active) {
		pl330_kill_thread(pch);
		list_add_tail(&pch->active->node, &pch->free);
		pch->active = NULL;
	}
	list_for_each_entry_safe(desc, n, &pch->issued, node)
		list_move_tail(&desc->node, &pch->free);
	list_for_each_entry_safe(desc, n, &pch->submitted, node)
		list_move_tail(&desc->node, &pch->free);
	/* Every cookie handed out is now over; those not completed failed. */
	if (chan->completed_cookie != chan->cookie) {
		pl330_record_failed(pch, chan->completed_cookie + 1, chan->cookie);
		chan->completed_cookie = chan->cookie;
	}
	spin_unlock_irqrestore(&pch->lock, flags);
	return 0;
}

static void pl330_synchronize(struct dma_chan *chan)
{
	struct pl330_chan *pch = to_pchan(chan);

	synchronize_irq(pch->dmac->irq);
	while (atomic_read(&pch->callbacks))
		cpu_relax();
}

static void pl330_free_chan_resources(struct dma_chan *chan)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_desc *desc, *n;
	unsigned long flags;
	LIST_HEAD(extra);

	pl330_terminate_all(chan);
	pl330_synchronize(chan);
	spin_lock_irqsave(&pch->lock, flags);
	dma_pool_free(pch->dmac->prog_pool, pch->prog, pch->prog_dma);
	pch->prog = NULL;
	pch->peri = -1;
	pch->slave_set = false;
	list_for_each_entry_safe(desc, n, &pch->free, node)
		if (desc->extra)
			list_move(&desc->node, &extra);
	spin_unlock_irqrestore(&pch->lock, flags);
	list_for_each_entry_safe(desc, n, &extra, node)
		kfree(desc);
}

static dma_cookie_t pl330_tx_submit(struct dma_async_tx_descriptor *tx)
{
	struct pl330_chan *pch = to_pchan(tx->chan);
	struct pl330_desc *desc = to_pdesc(tx);
	unsigned long flags;
	dma_cookie_t cookie;

	spin_lock_irqsave(&pch->lock, flags);
	cookie = dma_cookie_assign(tx);
	list_add_tail(&desc->node, &pch->submitted);
	spin_unlock_irqrestore(&pch->lock, flags);
	return cookie;
}

/*
 * A descriptor from the channel's free list; when all are in use, one more
 * from kmalloc (GFP_ATOMIC: prep may run in a callback), kept on the free
 * list afterwards and freed with the channel's resources, as Linux grows
 * its pools.
 */
static struct pl330_desc *get_desc(struct pl330_chan *pch)
{
	struct pl330_desc *desc = NULL;
	unsigned long flags;
	bool ready;

	spin_lock_irqsave(&pch->lock, flags);
	ready = pch->prog != NULL;
	if (ready && !list_empty(&pch->free)) {
		desc = list_first_entry(&pch->free, struct pl330_desc, node);
		list_del(&desc->node);
	}
	spin_unlock_irqrestore(&pch->lock, flags);
	if (!ready)
		return NULL;
	if (desc) {
		bool extra = desc->extra;

		memset(desc, 0, sizeof(*desc));
		desc->extra = extra;
	} else {
		desc = kzalloc(sizeof(*desc), GFP_ATOMIC);
		if (!desc)
			return NULL;
		desc->extra = true;
	}
	desc->txd.chan = &pch->chan;
	desc->txd.tx_submit = pl330_tx_submit;
	return desc;
}

static void put_desc(struct pl330_chan *pch, struct pl330_desc *desc)
{
	unsigned long flags;

	spin_lock_irqsave(&pch->lock, flags);
	list_add(&desc->node, &pch->free);
	spin_unlock_irqrestore(&pch->lock, flags);
}

/* Hand out @desc if its program can be built and fits, else recycle it. */
static struct dma_async_tx_descriptor *prepared(struct pl330_chan *pch, struct pl330_desc *desc,
						unsigned long flags)
{
	if (!pl330_build_program(pch, desc, NULL, PL330_INJECT_NONE)) {
		put_desc(pch, desc);
		return NULL;
	}
	desc->txd.flags = flags;
	return &desc->txd;
}

static struct dma_async_tx_descriptor *pl330_prep_dma_memcpy(struct dma_chan *chan,
		dma_addr_t dst, dma_addr_t src, size_t len, unsigned long flags)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_desc *desc;

	if (!len)
		return NULL;
	desc = get_desc(pch);
	if (!desc)
		return NULL;
	desc->kind = DESC_MEMCPY;
	pl330_fill_prog_cfg(pch, &desc->cfg, PL330_MEM_TO_MEM);
	desc->nseg = 1;
	desc->seg[0] = (struct pl330_seg){ .src = src, .dst = dst, .len = len };
	desc->bytes = len;
	return prepared(pch, desc, flags);
}

/* The program settings of a slave transfer in @dir; false if not configured for it. */
static bool slave_cfg(struct pl330_chan *pch, enum dma_transfer_direction dir,
		      struct pl330_prog_cfg *cfg, u32 *dev_addr)
{
	const struct dma_slave_config *s = &pch->slave;
	unsigned int width, burst;

	if (pch->peri < 0 || !pch->slave_set || (dir != DMA_MEM_TO_DEV && dir != DMA_DEV_TO_MEM))
		return false;
	pl330_fill_prog_cfg(pch, cfg, dir == DMA_MEM_TO_DEV ? PL330_MEM_TO_DEV : PL330_DEV_TO_MEM);
	width = dir == DMA_MEM_TO_DEV ? s->dst_addr_width : s->src_addr_width;
	burst = dir == DMA_MEM_TO_DEV ? s->dst_maxburst : s->src_maxburst;
	*dev_addr = dir == DMA_MEM_TO_DEV ? s->dst_addr : s->src_addr;
	burst = clamp(burst, 1U, (unsigned int)PL330_MAX_BURST);
	while (burst > 1 && burst * width > cfg->burst_bytes)
		burst--;
	cfg->peri = pch->peri;
	cfg->dev_width = width;
	cfg->dev_burst = burst;
	return true;
}

static struct dma_async_tx_descriptor *pl330_prep_slave_sg(struct dma_chan *chan,
		struct scatterlist *sgl, unsigned int sg_len, enum dma_transfer_direction dir,
		unsigned long flags, void *context)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_desc *desc;
	struct scatterlist *sg;
	unsigned int i;
	u32 dev;

	if (!sg_len || sg_len > PL330_MAX_SEG)
		return NULL;
	desc = get_desc(pch);
	if (!desc)
		return NULL;
	if (!slave_cfg(pch, dir, &desc->cfg, &dev)) {
		put_desc(pch, desc);
		return NULL;
	}
	desc->kind = DESC_SLAVE;
	for_each_sg(sgl, sg, sg_len, i) {
		u32 mem = sg_dma_address(sg);

		desc->seg[i].src = dir == DMA_MEM_TO_DEV ? mem : dev;
		desc->seg[i].dst = dir == DMA_MEM_TO_DEV ? dev : mem;
		desc->seg[i].len = sg_dma_len(sg);
		desc->bytes += sg_dma_len(sg);
	}
	desc->nseg = sg_len;
	return prepared(pch, desc, flags);
}

static struct dma_async_tx_descriptor *pl330_prep_dma_cyclic(struct dma_chan *chan,
		dma_addr_t buf, size_t buf_len, size_t period_len,
		enum dma_transfer_direction dir, unsigned long flags)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_desc *desc;
	u32 dev;

	if (!period_len || buf_len % period_len || !buf_len)
		return NULL;
	desc = get_desc(pch);
	if (!desc)
		return NULL;
	if (!slave_cfg(pch, dir, &desc->cfg, &dev)) {
		put_desc(pch, desc);
		return NULL;
	}
	desc->kind = DESC_CYCLIC;
	desc->nseg = 1;
	desc->seg[0].src = dir == DMA_MEM_TO_DEV ? buf : dev;
	desc->seg[0].dst = dir == DMA_MEM_TO_DEV ? dev : buf;
	desc->seg[0].len = period_len;
	desc->nperiods = buf_len / period_len;
	desc->bytes = buf_len;
	return prepared(pch, desc, flags);
}

static int pl330_config(struct dma_chan *chan, struct dma_slave_config *config)
{
	struct pl330_chan *pch = to_pchan(chan);
	unsigned long flags;

	spin_lock_irqsave(&pch->lock, flags);
	pch->slave = *config;
	pch->slave_set = true;
	spin_unlock_irqrestore(&pch->lock, flags);
	return 0;
}

static void pl330_issue_pending(struct dma_chan *chan)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_cb cb = { .n = 0 };
	unsigned long flags;

	spin_lock_irqsave(&pch->lock, flags);
	while (!list_empty(&pch->submitted))
		list_move_tail(pch->submitted.next, &pch->issued);
	pl330_check_stall(pch, &cb);
	pl330_start_next(pch, &cb);
	pl330_callbacks_pending(pch, &cb);
	spin_unlock_irqrestore(&pch->lock, flags);
	pl330_run_callbacks(pch, &cb);
}

/* Bytes still to move for @cookie (descriptor granularity: all of it, or none). */
static u32 residue_of(struct pl330_chan *pch, dma_cookie_t cookie)
{
	struct pl330_desc *active = pch->active, *desc;

	if (active && active->txd.cookie == cookie)
		return active->kind == DESC_CYCLIC ?
			(active->nperiods - active->period) * active->seg[0].len : active->bytes;
	list_for_each_entry(desc, &pch->issued, node)
		if (desc->txd.cookie == cookie)
			return desc->bytes;
	list_for_each_entry(desc, &pch->submitted, node)
		if (desc->txd.cookie == cookie)
			return desc->bytes;
	return 0;
}

static enum dma_status pl330_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
				       struct dma_tx_state *txstate)
{
	struct pl330_chan *pch = to_pchan(chan);
	struct pl330_cb cb = { .n = 0 };
	enum dma_status ret;
	unsigned long flags;

	spin_lock_irqsave(&pch->lock, flags);
	pl330_check_stall(pch, &cb);
	pl330_start_next(pch, &cb);
	ret = dma_cookie_status(chan, cookie, txstate);
	if (ret == DMA_COMPLETE && pl330_cookie_failed(pch, cookie))
		ret = DMA_ERROR;
	else if (ret == DMA_IN_PROGRESS)
		dma_set_residue(txstate, residue_of(pch, cookie));
	pl330_callbacks_pending(pch, &cb);
	spin_unlock_irqrestore(&pch->lock, flags);
	pl330_run_callbacks(pch, &cb);
	return ret;
}

/* Public helpers (include/linux/dma/pl330.h). */

bool is_pl330_chan(struct dma_chan *chan)
{
	return chan && chan->device && chan->device->device_alloc_chan_resources ==
		pl330_alloc_chan_resources;
}

bool pl330_filter(struct dma_chan *chan, void *param)
{
	unsigned int peri = (uintptr_t)param;

	if (!is_pl330_chan(chan) || peri >= to_pchan(chan)->dmac->num_peri)
		return false;
	to_pchan(chan)->peri = peri;
	return true;
}
EXPORT_SYMBOL(pl330_filter);

int pl330_inject(struct dma_chan *chan, enum pl330_inject what)
{
	unsigned long flags;

	if (!is_pl330_chan(chan))
		return -EINVAL;
	spin_lock_irqsave(&to_pchan(chan)->lock, flags);
	to_pchan(chan)->inject = what;
	spin_unlock_irqrestore(&to_pchan(chan)->lock, flags);
	return 0;
}

int pl330_inject_tx(struct dma_async_tx_descriptor *tx, enum pl330_inject what)
{
	if (!tx || !is_pl330_chan(tx->chan))
		return -EINVAL;
	/* Still the preparer's alone: submitting it takes the channel lock, run_desc reads it under that. */
	to_pdesc(tx)->inject = what;
	return 0;
}

bool pl330_set_barriers(struct dma_chan *chan, bool on)
{
	struct pl330_dmac *d = to_pchan(chan)->dmac;
	bool old = d->barriers;

	WRITE_ONCE(d->barriers, on);
	return old;
}

void pl330_init_dma_device(struct pl330_dmac *d, const struct board_dma_ctrl *ctrl)
{
	struct dma_device *dd = &d->ddev;

	dd->dev = &d->dev;
	dma_cap_zero(dd->cap_mask);
	dma_cap_set(DMA_MEMCPY, dd->cap_mask);
	if (d->num_peri) {
		dma_cap_set(DMA_SLAVE, dd->cap_mask);
		dma_cap_set(DMA_CYCLIC, dd->cap_mask);
	}
	dd->src_addr_widths = dd->dst_addr_widths =
		BIT(1) | BIT(2) | BIT(4) | (d->bus_bytes >= 8 ? BIT(8) : 0);
	dd->directions = BIT(DMA_MEM_TO_MEM) | BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM);
	dd->max_burst = PL330_MAX_BURST;
	dd->residue_granularity = DMA_RESIDUE_GRANULARITY_DESCRIPTOR;
	dd->filter.fn = pl330_filter;
	dd->filter.map = ctrl->slave_map;
	dd->filter.mapcnt = ctrl->slave_map_len;
	dd->device_alloc_chan_resources = pl330_alloc_chan_resources;
	dd->device_free_chan_resources = pl330_free_chan_resources;
	dd->device_prep_dma_memcpy = pl330_prep_dma_memcpy;
	dd->device_prep_slave_sg = pl330_prep_slave_sg;
	dd->device_prep_dma_cyclic = pl330_prep_dma_cyclic;
	dd->device_config = pl330_config;
	dd->device_terminate_all = pl330_terminate_all;
	dd->device_synchronize = pl330_synchronize;
	dd->device_tx_status = pl330_tx_status;
	dd->device_issue_pending = pl330_issue_pending;
}
