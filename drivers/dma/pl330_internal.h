/*
 * The PL330 driver's own state, shared by its hardware side (pl330.c:
 * programs, interrupts, faults, probe) and its dmaengine side
 * (pl330_dmaengine.c: channels, descriptors, prep/submit/status).
 */
#ifndef _DRIVERS_DMA_PL330_INTERNAL_H
#define _DRIVERS_DMA_PL330_INTERNAL_H

#include <linux/time64.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/dma/pl330.h>
#include <mica/board.h>
#include "dmaengine.h"
#include "pl330.h"

#define PL330_MAX_CHAN    8
#define PL330_NR_DESC     16		/* per channel to begin with; more come from kmalloc */
#define PL330_MAX_SEG     8
#define PL330_PROG_SIZE   1024
#define PL330_POLLS       100000	/* register reads before the hardware counts as stuck */
#define PL330_FAILED      4		/* failed cookie ranges remembered per channel */
#define STALL_NS          NSEC_PER_SEC	/* a copy may take 1 s ... */
#define STALL_NS_PER_BYTE 100ULL	/* ... plus 100 ns a byte (10 MB/s) */
#define PL330_PCELL       0xb105f00d
#define PL330_PART        0x330

enum desc_kind { DESC_MEMCPY, DESC_SLAVE, DESC_CYCLIC };

struct pl330_seg {
	u32 src, dst, len;
};

struct pl330_desc {
	struct dma_async_tx_descriptor txd;
	struct list_head node;
	enum desc_kind kind;
	struct pl330_prog_cfg cfg;
	unsigned int nseg;
	struct pl330_seg seg[PL330_MAX_SEG];	/* cyclic: seg[0] is period 0 */
	unsigned int nperiods, period;
	size_t bytes;
	u64 deadline;				/* copies: stalled if still running after it */
	enum pl330_inject inject;		/* pl330_inject_tx: spoil its next program */
	bool extra;				/* from kmalloc, not the channel's own array */
};

struct pl330_dmac;

struct pl330_chan {
	struct dma_chan chan;
	struct pl330_dmac *dmac;
	unsigned int id;			/* channel thread number = its event */
	spinlock_t lock;			/* everything below */
	struct list_head free, submitted, issued;
	struct pl330_desc *active;		/* on the hardware */
	u8 *prog;				/* program buffer (coherent) */
	dma_addr_t prog_dma;
	int peri;				/* request line from the filter, -1: none */
	struct dma_slave_config slave;
	bool slave_set;
	struct { dma_cookie_t lo, hi; } failed[PL330_FAILED];
	unsigned int failed_next;
	enum pl330_inject inject;
	atomic_t callbacks;			/* callbacks running now */
	struct pl330_desc desc[PL330_NR_DESC];
};

struct pl330_dmac {
	struct device dev;
	char name[24];				/* "12680000.pdma" */
	u64 dma_mask;
	void __iomem *base;
	unsigned int irq;
	u32 periph_id;
	unsigned int revision, num_chan, num_peri, num_events, bus_bytes, buf_dep;
	bool nonsecure, barriers;
	spinlock_t dbg_lock;			/* the debug interface: one command at a time */
	struct dma_pool *prog_pool;
	struct dma_device ddev;
	struct pl330_chan chan[PL330_MAX_CHAN];
};

/*
 * Work for after the channel lock: the callbacks of finished descriptors
 * (at most two at a time: one that ended, one whose start failed).
 */
struct pl330_cb {
	unsigned int n;
	struct {
		struct dmaengine_desc_callback cb;
		struct dmaengine_result res;
	} e[2];
};

static inline struct pl330_chan *to_pchan(struct dma_chan *chan)
{
	return container_of(chan, struct pl330_chan, chan);
}

static inline struct pl330_desc *to_pdesc(struct dma_async_tx_descriptor *tx)
{
	return container_of(tx, struct pl330_desc, txd);
}


/* pl330.c: the hardware side. Callers hold the channel's lock unless noted. */
void pl330_kill_thread(struct pl330_chan *pch);
void pl330_record_failed(struct pl330_chan *pch, dma_cookie_t lo, dma_cookie_t hi);
bool pl330_cookie_failed(struct pl330_chan *pch, dma_cookie_t cookie);
void pl330_fill_prog_cfg(struct pl330_chan *pch, struct pl330_prog_cfg *cfg,
			 enum pl330_xfer_kind kind);
/* Write @desc's program into @buf (NULL: measure it); its length, or 0 if it cannot be built. */
unsigned int pl330_build_program(struct pl330_chan *pch, struct pl330_desc *desc, u8 *buf,
				 enum pl330_inject inject);
/* Start the next issued descriptor if the channel is idle. */
void pl330_start_next(struct pl330_chan *pch, struct pl330_cb *cb);
/* Kill a copy that runs far past its time. */
void pl330_check_stall(struct pl330_chan *pch, struct pl330_cb *cb);
/* The interrupt handler's work for one channel's event (takes the lock). */
void pl330_chan_event(struct pl330_chan *pch);
/* Before dropping the lock: count the callbacks in @cb; after: run them. */
void pl330_callbacks_pending(struct pl330_chan *pch, struct pl330_cb *cb);
void pl330_run_callbacks(struct pl330_chan *pch, struct pl330_cb *cb);

/* pl330_dmaengine.c: the dma_device of a probed controller. */
void pl330_init_dma_device(struct pl330_dmac *d, const struct board_dma_ctrl *ctrl);

#endif
