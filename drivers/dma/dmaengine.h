/*
 * Helpers for controller drivers (Linux's drivers/dma/dmaengine.h): cookie
 * bookkeeping and callback invocation. Cookies count up per channel from
 * DMA_MIN_COOKIE; a transfer is complete when its cookie is at or below the
 * channel's completed_cookie (in wrap-around order). Callers hold the
 * channel's lock.
 */
#ifndef _DRIVERS_DMA_DMAENGINE_H
#define _DRIVERS_DMA_DMAENGINE_H

#include <linux/dmaengine.h>
#include <linux/kernel.h>

static inline void dma_cookie_init(struct dma_chan *chan)
{
	chan->cookie = DMA_MIN_COOKIE;
	chan->completed_cookie = DMA_MIN_COOKIE;
}

static inline dma_cookie_t dma_cookie_assign(struct dma_async_tx_descriptor *tx)
{
	struct dma_chan *chan = tx->chan;
	dma_cookie_t cookie = chan->cookie + 1;

	if (cookie < DMA_MIN_COOKIE)
		cookie = DMA_MIN_COOKIE;
	tx->cookie = chan->cookie = cookie;
	return cookie;
}

static inline void dma_cookie_complete(struct dma_async_tx_descriptor *tx)
{
	BUG_ON(tx->cookie < DMA_MIN_COOKIE);
	tx->chan->completed_cookie = tx->cookie;
	tx->cookie = 0;
}

static inline enum dma_status dma_async_is_complete(dma_cookie_t cookie, dma_cookie_t last_complete,
						    dma_cookie_t last_used)
{
	if (last_complete <= last_used) {
		if (cookie <= last_complete || cookie > last_used)
			return DMA_COMPLETE;
	} else if (cookie <= last_complete && cookie > last_used) {
		return DMA_COMPLETE;
	}
	return DMA_IN_PROGRESS;
}

static inline enum dma_status dma_cookie_status(struct dma_chan *chan, dma_cookie_t cookie,
						struct dma_tx_state *state)
{
	dma_cookie_t used = READ_ONCE(chan->cookie);
	dma_cookie_t complete = READ_ONCE(chan->completed_cookie);

	if (state) {
		state->last = complete;
		state->used = used;
		state->residue = 0;
	}
	return dma_async_is_complete(cookie, complete, used);
}

static inline void dma_set_residue(struct dma_tx_state *state, u32 residue)
{
	if (state)
		state->residue = residue;
}

/* A descriptor's callback, copied out so the descriptor can be freed first. */
struct dmaengine_desc_callback {
	dma_async_tx_callback callback;
	dma_async_tx_callback_result callback_result;
	void *callback_param;
};

static inline void dmaengine_desc_get_callback(const struct dma_async_tx_descriptor *tx,
					       struct dmaengine_desc_callback *cb)
{
	cb->callback = tx->callback;
	cb->callback_result = tx->callback_result;
	cb->callback_param = tx->callback_param;
}

static inline bool dmaengine_desc_callback_valid(const struct dmaengine_desc_callback *cb)
{
	return cb->callback || cb->callback_result;
}

static inline void dmaengine_desc_callback_invoke(const struct dmaengine_desc_callback *cb,
						  const struct dmaengine_result *result)
{
	struct dmaengine_result dummy = { .result = DMA_TRANS_NOERROR, .residue = 0 };

	if (cb->callback_result)
		cb->callback_result(cb->callback_param, result ? result : &dummy);
	else if (cb->callback)
		cb->callback(cb->callback_param);
}

#endif
