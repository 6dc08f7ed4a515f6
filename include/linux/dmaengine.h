/*
 * dmaengine (Linux's): the interface between DMA controller drivers and the
 * drivers that use them ("clients"). A client asks for a channel by
 * capability (dma_request_channel) or by its own device and a slave name
 * (dma_request_chan), prepares a transfer descriptor, sets its callback,
 * submits it (getting a cookie), starts the queue (dma_async_issue_pending)
 * and learns of the end through the callback or dmaengine_tx_status().
 *
 *   dma_cap_mask_t mask;
 *   dma_cap_zero(mask);
 *   dma_cap_set(DMA_MEMCPY, mask);
 *   chan = dma_request_channel(mask, NULL, NULL);
 *   tx = dmaengine_prep_dma_memcpy(chan, dst, src, len, DMA_PREP_INTERRUPT);
 *   tx->callback = done; tx->callback_param = &cmp;
 *   cookie = dmaengine_submit(tx);
 *   dma_async_issue_pending(chan);
 *   ... wait ...
 *   dma_release_channel(chan);
 *
 * Channels are exclusive: a requested channel belongs to its client until
 * released (Linux's DMA_PRIVATE use). Descriptors live from prep to the
 * end of their callback; a client must not touch one after that.
 * Callbacks run in the controller's interrupt handler (Linux: a tasklet),
 * or, for a transfer the driver finds stalled, in the call that found it
 * (dmaengine_tx_status, dma_async_issue_pending); never with the channel's
 * lock held, so they may prepare and submit more work on the same channel
 * or terminate it (dmaengine_terminate_async).
 *
 * Less than Linux: no async_tx, no public (shared) channels, no
 * dma_chan sysfs devices, no descriptor reuse (DMA_CTRL_REUSE), no
 * interleaved/memset/xor operations, no pause/resume, no device tree:
 * slave channels are found through each controller's dma_slave_map.
 */
#ifndef _LINUX_DMAENGINE_H
#define _LINUX_DMAENGINE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/device.h>
#include <linux/scatterlist.h>

typedef s32 dma_cookie_t;
#define DMA_MIN_COOKIE 1

static inline int dma_submit_error(dma_cookie_t cookie)
{
	return cookie < 0 ? cookie : 0;
}

enum dma_status {
	DMA_COMPLETE,
	DMA_IN_PROGRESS,
	DMA_PAUSED,
	DMA_ERROR,
};

enum dma_transaction_type {
	DMA_MEMCPY,
	DMA_INTERRUPT,
	DMA_PRIVATE,
	DMA_SLAVE,
	DMA_CYCLIC,
	DMA_TX_TYPE_END,
};

enum dma_transfer_direction {
	DMA_MEM_TO_MEM,
	DMA_MEM_TO_DEV,
	DMA_DEV_TO_MEM,
	DMA_DEV_TO_DEV,
	DMA_TRANS_NONE,
};

enum dma_ctrl_flags {
	DMA_PREP_INTERRUPT = (1 << 0),	/* call the callback when done */
	DMA_CTRL_ACK = (1 << 1),
};

enum dma_slave_buswidth {
	DMA_SLAVE_BUSWIDTH_UNDEFINED = 0,
	DMA_SLAVE_BUSWIDTH_1_BYTE = 1,
	DMA_SLAVE_BUSWIDTH_2_BYTES = 2,
	DMA_SLAVE_BUSWIDTH_4_BYTES = 4,
	DMA_SLAVE_BUSWIDTH_8_BYTES = 8,
};

/* Where a slave transfer's device end is and how to talk to it. */
struct dma_slave_config {
	enum dma_transfer_direction direction;
	phys_addr_t src_addr;		/* DEV_TO_MEM: the device's data register */
	phys_addr_t dst_addr;		/* MEM_TO_DEV */
	enum dma_slave_buswidth src_addr_width;
	enum dma_slave_buswidth dst_addr_width;
	u32 src_maxburst;		/* in words of the width above */
	u32 dst_maxburst;
	bool device_fc;
};

enum dma_residue_granularity {
	DMA_RESIDUE_GRANULARITY_DESCRIPTOR = 0,
	DMA_RESIDUE_GRANULARITY_SEGMENT = 1,
	DMA_RESIDUE_GRANULARITY_BURST = 2,
};

/* Capability sets. */
typedef struct { unsigned long bits[BITS_TO_LONGS(DMA_TX_TYPE_END)]; } dma_cap_mask_t;

#define dma_cap_set(tx, mask)   __dma_cap_set((tx), &(mask))
#define dma_cap_clear(tx, mask) __dma_cap_clear((tx), &(mask))
#define dma_cap_zero(mask)      __dma_cap_zero(&(mask))
#define dma_has_cap(tx, mask)   __dma_has_cap((tx), &(mask))

static inline void __dma_cap_set(enum dma_transaction_type tx, dma_cap_mask_t *m)
{
	m->bits[tx / BITS_PER_LONG] |= BIT(tx % BITS_PER_LONG);
}

static inline void __dma_cap_clear(enum dma_transaction_type tx, dma_cap_mask_t *m)
{
	m->bits[tx / BITS_PER_LONG] &= ~BIT(tx % BITS_PER_LONG);
}

static inline void __dma_cap_zero(dma_cap_mask_t *m)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(m->bits); i++)
		m->bits[i] = 0;
}

static inline bool __dma_has_cap(enum dma_transaction_type tx, const dma_cap_mask_t *m)
{
	return m->bits[tx / BITS_PER_LONG] & BIT(tx % BITS_PER_LONG);
}

/* How a transfer ended, for callback_result. */
enum dmaengine_tx_result {
	DMA_TRANS_NOERROR = 0,
	DMA_TRANS_READ_FAILED,		/* the source could not be read */
	DMA_TRANS_WRITE_FAILED,		/* the destination could not be written */
	DMA_TRANS_ABORTED,		/* ended before completion (fault, stall, terminate) */
};

struct dmaengine_result {
	enum dmaengine_tx_result result;
	u32 residue;			/* bytes not transferred */
};

typedef void (*dma_async_tx_callback)(void *dma_async_param);
typedef void (*dma_async_tx_callback_result)(void *dma_async_param,
					     const struct dmaengine_result *result);

struct dma_chan;

struct dma_async_tx_descriptor {
	dma_cookie_t cookie;		/* set by dmaengine_submit */
	enum dma_ctrl_flags flags;
	struct dma_chan *chan;
	dma_cookie_t (*tx_submit)(struct dma_async_tx_descriptor *tx);
	/* Exactly one of these is called, if set; callback_result wins. */
	dma_async_tx_callback callback;
	dma_async_tx_callback_result callback_result;
	void *callback_param;
};

struct dma_tx_state {
	dma_cookie_t last;		/* last completed cookie */
	dma_cookie_t used;		/* last issued cookie */
	u32 residue;			/* bytes left of the cookie asked about */
};

struct dma_device;

struct dma_chan {
	struct dma_device *device;
	dma_cookie_t cookie;		/* last cookie handed out */
	dma_cookie_t completed_cookie;	/* last cookie completed */
	int chan_id;			/* index on its controller */
	char name[16];			/* "dma0chan3" */
	struct list_head device_node;
	int client_count;		/* 1 while a client owns it */
	void *private;			/* the controller driver's per-request data */
	struct module *owner_ref;	/* the controller's module, held for the client */
};

static inline const char *dma_chan_name(struct dma_chan *chan)
{
	return chan->name;
}

typedef bool (*dma_filter_fn)(struct dma_chan *chan, void *filter_param);

/* A slave device's request line on this controller, for dma_request_chan(). */
struct dma_slave_map {
	const char *devname;		/* the client's dev_name() */
	const char *slave;		/* "tx", "rx" */
	void *param;			/* passed to filter.fn: the controller's request number */
};

struct dma_filter {
	dma_filter_fn fn;
	int mapcnt;
	const struct dma_slave_map *map;
};

/* A controller, as its driver registers it with dma_async_device_register(). */
struct dma_device {
	unsigned int chancnt;
	struct list_head channels;
	struct list_head global_node;
	struct dma_filter filter;
	dma_cap_mask_t cap_mask;
	u32 src_addr_widths;		/* BIT(width in bytes) for each width it handles */
	u32 dst_addr_widths;
	u32 directions;			/* BIT(enum dma_transfer_direction) */
	u32 max_burst;
	enum dma_residue_granularity residue_granularity;
	int dev_id;			/* the N in dmaNchanM */
	struct device *dev;

	int (*device_alloc_chan_resources)(struct dma_chan *chan);
	void (*device_free_chan_resources)(struct dma_chan *chan);
	struct dma_async_tx_descriptor *(*device_prep_dma_memcpy)(
		struct dma_chan *chan, dma_addr_t dst, dma_addr_t src, size_t len,
		unsigned long flags);
	struct dma_async_tx_descriptor *(*device_prep_slave_sg)(
		struct dma_chan *chan, struct scatterlist *sgl, unsigned int sg_len,
		enum dma_transfer_direction direction, unsigned long flags, void *context);
	struct dma_async_tx_descriptor *(*device_prep_dma_cyclic)(
		struct dma_chan *chan, dma_addr_t buf_addr, size_t buf_len, size_t period_len,
		enum dma_transfer_direction direction, unsigned long flags);
	int (*device_config)(struct dma_chan *chan, struct dma_slave_config *config);
	int (*device_terminate_all)(struct dma_chan *chan);
	void (*device_synchronize)(struct dma_chan *chan);
	enum dma_status (*device_tx_status)(struct dma_chan *chan, dma_cookie_t cookie,
					    struct dma_tx_state *txstate);
	void (*device_issue_pending)(struct dma_chan *chan);
};

/* Controller drivers. */
int dma_async_device_register(struct dma_device *device);
void dma_async_device_unregister(struct dma_device *device);
/* Registered controllers (for "no DMA controller" reports and tests). */
unsigned int dma_async_device_count(void);

/* Clients: channels. */
struct dma_chan *__dma_request_channel(const dma_cap_mask_t *mask, dma_filter_fn fn,
				       void *fn_param);
#define dma_request_channel(mask, x, y) __dma_request_channel(&(mask), x, y)
/* The channel @dev's slave @name ("tx") is wired to; ERR_PTR(-ENODEV) if none, -EBUSY if taken. */
struct dma_chan *dma_request_chan(struct device *dev, const char *name);
void dma_release_channel(struct dma_chan *chan);

/* Clients: transfers. */
static inline struct dma_async_tx_descriptor *dmaengine_prep_dma_memcpy(
	struct dma_chan *chan, dma_addr_t dest, dma_addr_t src, size_t len, unsigned long flags)
{
	if (!chan || !chan->device || !chan->device->device_prep_dma_memcpy)
		return NULL;
	return chan->device->device_prep_dma_memcpy(chan, dest, src, len, flags);
}

static inline struct dma_async_tx_descriptor *dmaengine_prep_slave_sg(
	struct dma_chan *chan, struct scatterlist *sgl, unsigned int sg_len,
	enum dma_transfer_direction dir, unsigned long flags)
{
	if (!chan || !chan->device || !chan->device->device_prep_slave_sg)
		return NULL;
	return chan->device->device_prep_slave_sg(chan, sgl, sg_len, dir, flags, NULL);
}

/* One bus-address buffer: the list is built on the stack; the driver copies what it needs. */
static inline struct dma_async_tx_descriptor *dmaengine_prep_slave_single(
	struct dma_chan *chan, dma_addr_t buf, size_t len,
	enum dma_transfer_direction dir, unsigned long flags)
{
	struct scatterlist sg;

	sg_init_table(&sg, 1);
	sg_dma_address(&sg) = buf;
	sg_dma_len(&sg) = len;
	if (!chan || !chan->device || !chan->device->device_prep_slave_sg)
		return NULL;
	/* cppcheck-suppress returnDanglingLifetime ; the driver keeps no pointer to sg */
	return chan->device->device_prep_slave_sg(chan, &sg, 1, dir, flags, NULL);
}

/* @buf_len bytes as a ring of @period_len periods; the callback runs after each period. */
static inline struct dma_async_tx_descriptor *dmaengine_prep_dma_cyclic(
	struct dma_chan *chan, dma_addr_t buf_addr, size_t buf_len, size_t period_len,
	enum dma_transfer_direction dir, unsigned long flags)
{
	if (!chan || !chan->device || !chan->device->device_prep_dma_cyclic)
		return NULL;
	return chan->device->device_prep_dma_cyclic(chan, buf_addr, buf_len, period_len,
						    dir, flags);
}

static inline int dmaengine_slave_config(struct dma_chan *chan, struct dma_slave_config *config)
{
	if (chan->device->device_config)
		return chan->device->device_config(chan, config);
	return -ENOSYS;
}

static inline dma_cookie_t dmaengine_submit(struct dma_async_tx_descriptor *desc)
{
	return desc->tx_submit(desc);
}

static inline void dma_async_issue_pending(struct dma_chan *chan)
{
	chan->device->device_issue_pending(chan);
}

static inline enum dma_status dmaengine_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
						  struct dma_tx_state *state)
{
	return chan->device->device_tx_status(chan, cookie, state);
}

static inline enum dma_status dma_async_is_tx_complete(struct dma_chan *chan, dma_cookie_t cookie,
						       dma_cookie_t *last, dma_cookie_t *used)
{
	struct dma_tx_state state;
	enum dma_status status = chan->device->device_tx_status(chan, cookie, &state);

	if (last)
		*last = state.last;
	if (used)
		*used = state.used;
	return status;
}

/* Issue and busy-wait (5 s at most, then "dma_sync_wait: timeout!" and DMA_ERROR). */
enum dma_status dma_sync_wait(struct dma_chan *chan, dma_cookie_t cookie);

/*
 * Stop the channel and drop every descriptor not yet completed (their
 * callbacks are not called). _async may be called from a callback;
 * dmaengine_synchronize then waits until no callback of the channel runs;
 * _sync does both and may not be called from a callback.
 */
static inline int dmaengine_terminate_async(struct dma_chan *chan)
{
	if (chan->device->device_terminate_all)
		return chan->device->device_terminate_all(chan);
	return -ENOSYS;
}

static inline void dmaengine_synchronize(struct dma_chan *chan)
{
	if (chan->device->device_synchronize)
		chan->device->device_synchronize(chan);
}

static inline int dmaengine_terminate_sync(struct dma_chan *chan)
{
	int ret = dmaengine_terminate_async(chan);

	if (ret)
		return ret;
	dmaengine_synchronize(chan);
	return 0;
}

/*
 * Linux 3.x's name (deprecated since 4.8 for the two above). As in Linux it
 * is terminate_async: it does not wait for a running callback; call it, or
 * dmaengine_synchronize, where sleeping is allowed before freeing what a
 * callback uses.
 */
static inline int dmaengine_terminate_all(struct dma_chan *chan)
{
	return dmaengine_terminate_async(chan);
}

#endif
