/*
 * The PL330 driver's interface beyond dmaengine (drivers/dma/pl330.c).
 *
 * pl330_filter: the filter function of a board's dma_slave_map; its
 * parameter is the peripheral request number, (void *)(uintptr_t)n.
 *
 * Test hooks, used by the self-tests and dmatest only: make the next
 * program a channel runs go wrong on purpose, and build r0p0-style
 * programs (with DMARMB/DMAWMB) on later revisions such as QEMU's r1p1.
 */
#ifndef _LINUX_DMA_PL330_H
#define _LINUX_DMA_PL330_H

#include <linux/dmaengine.h>

bool pl330_filter(struct dma_chan *chan, void *param);
#define PL330_PERI(n) ((void *)(uintptr_t)(n))

enum pl330_inject {
	PL330_INJECT_NONE,
	PL330_INJECT_UNDEF,	/* an undefined instruction first: faults at once */
	PL330_INJECT_BAD_LOOP,	/* DMALPEND one byte short: DMAST with an empty FIFO */
	PL330_INJECT_STALL,	/* DMAWFE on an event no one sends: the channel hangs */
};

/* Arm @what for the next program started on @chan; -EINVAL if @chan is not a PL330's. */
int pl330_inject(struct dma_chan *chan, enum pl330_inject what);
/*
 * Arm @what for the program of @tx only: prepared on a PL330 channel, not
 * yet submitted. When several threads share a channel, the next program
 * started may be another thread's; this one cannot miss. -EINVAL if @tx is
 * not a PL330's.
 */
int pl330_inject_tx(struct dma_async_tx_descriptor *tx, enum pl330_inject what);
/* Build programs for @chan's controller with (or without) r0p0's barriers; returns the old setting. */
bool pl330_set_barriers(struct dma_chan *chan, bool on);
/* Is @chan a PL330 channel? */
bool is_pl330_chan(struct dma_chan *chan);

#endif
