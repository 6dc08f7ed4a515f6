/*
 * ARM PrimeCell PL330 DMA controller ("DMA-330"), behind dmaengine.
 *
 * A PL330 runs small programs: a manager thread starts channel threads
 * (DMAGO), each channel thread runs one program (DMAMOV, DMALD/DMAST
 * loops, DMASEV to signal, DMAEND). The CPU reaches the manager through
 * the debug interface only (DBGINST0/1 + DBGCMD), which also kills
 * threads (DMAKILL).
 *
 * Each channel of ours is one channel thread with one program buffer (a
 * block of a dma_pool of coherent memory, so the controller reads what we
 * wrote once writel's barrier has drained the write buffer). The program
 * of a descriptor is written when it starts, not when it is prepared:
 * only the running descriptor needs one. A channel's program ends with
 * DMASEV <channel number>; INTEN routes those events to the interrupt, and
 * the handler completes the descriptor, starts the next one issued and
 * calls the client's callback.
 *
 * Faults (FSRC/FSRD) are decoded and reported, the thread is killed
 * (DMAKILL), its descriptor ends with an error result and the next one
 * starts: the channel stays usable. A memory copy still running long after
 * it should have ended is a stalled channel: it is found when the client
 * asks about it (tx_status, issue_pending), killed and ended the same way.
 * Slave transfers wait for their device, so only the client can tell a
 * stall (it then calls dmaengine_terminate_sync).
 *
 * Cyclic transfers run one period per program, each restarted from the
 * interrupt of the one before, as Linux's pl330 driver does.
 *
 * Less than Linux: at most PL330_MAX_SEG segments per slave transfer,
 * residue reported per descriptor, no pause/resume, no DMA_CTRL_REUSE, no
 * runtime power management.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/atomic.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/sched/clock.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/dmaengine.h>
#include <linux/dma/pl330.h>
#include <string.h>
#include <mica/board.h>
#include "pl330_internal.h"

static const char *const state_names[16] = {
	"stopped", "executing", "cache miss", "updating PC", "waiting for event",
	"at barrier", "?", "waiting for peripheral", "killing", "completing",
	"?", "?", "?", "?", "faulting (completing)", "faulting",
};

static u32 chan_mask(const struct pl330_dmac *d)
{
	return (1U << d->num_chan) - 1;
}

/* Run one instruction on the manager (@chan < 0) or a channel thread. */
static int pl330_dbg_exec(struct pl330_dmac *d, int chan, const u8 insn[6])
{
	u32 inst0 = (u32)insn[0] << 16 | (u32)insn[1] << 24;
	u32 inst1 = insn[2] | insn[3] << 8 | insn[4] << 16 | (u32)insn[5] << 24;
	unsigned long flags;
	unsigned int i;

	if (chan >= 0)
		inst0 |= (u32)chan << 8 | 1;
	spin_lock_irqsave(&d->dbg_lock, flags);
	for (i = 0; i < PL330_POLLS && (readl(d->base + PL330_DBGSTATUS) & 1); i++)
		cpu_relax();
	if (i == PL330_POLLS) {
		spin_unlock_irqrestore(&d->dbg_lock, flags);
		dev_err(&d->dev, "debug interface stuck busy\n");
		return -EBUSY;
	}
	writel(inst1, d->base + PL330_DBGINST1);
	writel(inst0, d->base + PL330_DBGINST0);
	writel(0, d->base + PL330_DBGCMD);
	spin_unlock_irqrestore(&d->dbg_lock, flags);
	return 0;
}

static u32 chan_state(struct pl330_chan *pch)
{
	return PL330_CSR_STATE(readl(pch->dmac->base + PL330_CSR(pch->id)));
}

static bool wait_stopped(struct pl330_chan *pch)
{
	unsigned int i;

	for (i = 0; i < PL330_POLLS; i++) {
		if (chan_state(pch) == PL330_STATE_STOPPED)
			return true;
		cpu_relax();
	}
	return false;
}

/* DMAKILL the channel's thread; it is stopped (and reusable) after. */
void pl330_kill_thread(struct pl330_chan *pch)
{
	static const u8 kill[6] = { DMAKILL };

	pl330_dbg_exec(pch->dmac, pch->id, kill);
	if (!wait_stopped(pch))
		dev_err(&pch->dmac->dev, "ch%u: does not stop after DMAKILL (%s)\n", pch->id,
			state_names[chan_state(pch)]);
	writel(BIT(pch->id), pch->dmac->base + PL330_INTCLR);	/* a DMASEV it got to */
}

static const char *fault_name(u32 ftr)
{
	static const struct { u32 bit; const char *name; } names[] = {
		{ FT_UNDEF_INSTR, "undefined instruction" },
		{ FT_OPERAND_INVALID, "invalid operand" },
		{ FT_DMAGO_ERR, "DMAGO of a secure thread from the non-secure manager" },
		{ FT_EVENT_ERR, "event not permitted" },
		{ FT_PERIPH_ERR, "peripheral not permitted" },
		{ FT_RDWR_ERR, "access not permitted" },
		{ FT_MFIFO_ERR, "MFIFO too small" },
		{ FT_ST_DATA_UNAVAIL, "FIFO empty (store data unavailable)" },
		{ FT_INSTR_FETCH_ERR, "instruction fetch error" },
		{ FT_DATA_WRITE_ERR, "write error" },
		{ FT_DATA_READ_ERR, "read error" },
		{ FT_LOCKUP_ERR, "lock-up (MFIFO deadlock)" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (ftr & names[i].bit)
			return names[i].name;
	return "unknown fault";
}

void pl330_record_failed(struct pl330_chan *pch, dma_cookie_t lo, dma_cookie_t hi)
{
	pch->failed[pch->failed_next].lo = lo;
	pch->failed[pch->failed_next].hi = hi;
	pch->failed_next = (pch->failed_next + 1) % PL330_FAILED;
}

bool pl330_cookie_failed(struct pl330_chan *pch, dma_cookie_t cookie)
{
	unsigned int i;

	for (i = 0; i < PL330_FAILED; i++)
		if (pch->failed[i].lo && cookie >= pch->failed[i].lo && cookie <= pch->failed[i].hi)
			return true;
	return false;
}

/* Queue @desc's callback with @result and @residue, if it has one. */
static void queue_callback(struct pl330_cb *cb, struct pl330_desc *desc,
			   enum dmaengine_tx_result result, u32 residue)
{
	struct dmaengine_desc_callback c;

	dmaengine_desc_get_callback(&desc->txd, &c);
	if (!dmaengine_desc_callback_valid(&c) || cb->n >= ARRAY_SIZE(cb->e))
		return;
	cb->e[cb->n].cb = c;
	cb->e[cb->n].res.result = result;
	cb->e[cb->n].res.residue = residue;
	cb->n++;
}

/* End @desc (the active one) with @result; its callback goes into @cb. */
static void finish_desc(struct pl330_chan *pch, struct pl330_desc *desc,
			enum dmaengine_tx_result result, struct pl330_cb *cb)
{
	if (pch->active == desc)
		pch->active = NULL;
	if (result != DMA_TRANS_NOERROR)
		pl330_record_failed(pch, desc->txd.cookie, desc->txd.cookie);
	dma_cookie_complete(&desc->txd);
	queue_callback(cb, desc, result, result == DMA_TRANS_NOERROR ? 0 : desc->bytes);
	list_add_tail(&desc->node, &pch->free);
}

/* Called with the lock held: the callbacks in @cb will run after it is dropped. */
void pl330_callbacks_pending(struct pl330_chan *pch, struct pl330_cb *cb)
{
	unsigned int i;

	for (i = 0; i < cb->n; i++)
		atomic_inc(&pch->callbacks);
}

void pl330_run_callbacks(struct pl330_chan *pch, struct pl330_cb *cb)
{
	unsigned int i;

	for (i = 0; i < cb->n; i++) {
		dmaengine_desc_callback_invoke(&cb->e[i].cb, &cb->e[i].res);
		atomic_dec(&pch->callbacks);
	}
}

void pl330_fill_prog_cfg(struct pl330_chan *pch, struct pl330_prog_cfg *cfg, enum pl330_xfer_kind kind)
{
	struct pl330_dmac *d = pch->dmac;

	memset(cfg, 0, sizeof(*cfg));
	cfg->bus_bytes = d->bus_bytes;
	cfg->burst_bytes = max_t(unsigned int, d->bus_bytes * d->buf_dep / d->num_chan, d->bus_bytes);
	cfg->barriers = d->barriers;
	cfg->nonsecure = d->nonsecure;
	cfg->kind = kind;
}

/* Write @desc's program into @buf (NULL: measure it). Length, or 0 if it cannot be built. */
unsigned int pl330_build_program(struct pl330_chan *pch, struct pl330_desc *desc, u8 *buf,
				  enum pl330_inject inject)
{
	struct pl330_prog p;
	unsigned int i;

	pl330_prog_init(&p, buf, PL330_PROG_SIZE);
	if (desc->kind == DESC_CYCLIC) {
		const struct pl330_seg *s = &desc->seg[0];
		u32 off = desc->period * s->len;
		bool to_dev = desc->cfg.kind == PL330_MEM_TO_DEV;

		if (!pl330_gen_segment(&p, &desc->cfg, s->src + (to_dev ? off : 0),
				       s->dst + (to_dev ? 0 : off), s->len))
			return 0;
	} else {
		for (i = 0; i < desc->nseg; i++)
			if (!pl330_gen_segment(&p, &desc->cfg, desc->seg[i].src, desc->seg[i].dst,
					       desc->seg[i].len))
				return 0;
	}
	if (inject == PL330_INJECT_STALL)
		pl330_emit_wfe(&p, pch->dmac->num_events - 1);	/* no one signals it */
	pl330_gen_end(&p, pch->id);
	return pl330_prog_ok(&p) ? p.len : 0;
}

/* Spoil a built program the way a test asked for. */
/* Length of an instruction our programs contain (pl330_prog.c emits no others). */
static unsigned int insn_len(u8 op)
{
	return op == DMAMOV ? 6 : op < DMALP ? 1 : 2;
}

/*
 * Spoil a built program the way a test asked for. The bad loop's bursts
 * become single beats: QEMU's model loses count of a burst a DMAKILL cuts
 * short (the thread's read/write queue sequence numbers), after which that
 * thread never moves data again; a one-beat burst is never cut short.
 */
static void spoil_program(u8 *prog, unsigned int len, enum pl330_inject inject)
{
	unsigned int i, ccr = 0;
	bool have_ccr = false;
	u32 v;

	if (inject == PL330_INJECT_UNDEF) {
		prog[0] = 0xff;
		return;
	}
	if (inject != PL330_INJECT_BAD_LOOP)
		return;
	for (i = 0; i + 1 < len; i += insn_len(prog[i])) {
		if (prog[i] == DMAMOV && prog[i + 1] == MOV_CCR) {
			ccr = i;
			have_ccr = true;
		}
		if ((prog[i] & ~4) != DMALPEND)
			continue;
		prog[i + 1]--;		/* one byte short: back onto the DMAST */
		if (have_ccr) {
			v = prog[ccr + 2] | prog[ccr + 3] << 8 | prog[ccr + 4] << 16 |
			    (u32)prog[ccr + 5] << 24;
			v &= ~(CCR_SRC_BURST(16) | CCR_DST_BURST(16));
			prog[ccr + 2] = (u8)v;
			prog[ccr + 3] = (u8)(v >> 8);
			prog[ccr + 4] = (u8)(v >> 16);
		}
		return;
	}
}

/* Start @desc (its current period, if cyclic) on the stopped thread. Lock held. */
static int run_desc(struct pl330_chan *pch, struct pl330_desc *desc)
{
	struct pl330_dmac *d = pch->dmac;
	enum pl330_inject inject = desc->inject ? desc->inject : pch->inject;
	u8 go[6] = { (u8)(DMAGO | (d->nonsecure ? 2 : 0)), (u8)pch->id,
		     (u8)pch->prog_dma, (u8)(pch->prog_dma >> 8),
		     (u8)(pch->prog_dma >> 16), (u8)(pch->prog_dma >> 24) };
	unsigned int len;

	if (desc->inject)
		desc->inject = PL330_INJECT_NONE;	/* once: a cyclic transfer's next period runs right */
	else
		pch->inject = PL330_INJECT_NONE;
	len = pl330_build_program(pch, desc, pch->prog, inject);
	if (!len)
		return -EINVAL;
	spoil_program(pch->prog, len, inject);
	if (!wait_stopped(pch)) {
		dev_err(&d->dev, "ch%u: busy (%s), cannot start\n", pch->id,
			state_names[chan_state(pch)]);
		return -EBUSY;
	}
	pch->active = desc;
	/* pl330_dbg_exec's writel orders the program's stores before the DMAGO. */
	if (pl330_dbg_exec(d, -1, go))
		return -EBUSY;
	if (readl(d->base + PL330_FSRD) & 1) {
		dev_err(&d->dev, "manager: fault: %s starting ch%u (FTRD 0x%08x)\n",
			fault_name(readl(d->base + PL330_FTRD)), pch->id,
			(unsigned int)readl(d->base + PL330_FTRD));
		pl330_dbg_exec(d, -1, (const u8[6]){ DMAKILL });
		return -EIO;
	}
	return 0;
}

/* Start the next issued descriptor if the channel is idle. Lock held. */
void pl330_start_next(struct pl330_chan *pch, struct pl330_cb *cb)
{
	struct pl330_desc *desc;

	while (!pch->active && !list_empty(&pch->issued) && cb->n < ARRAY_SIZE(cb->e)) {
		desc = list_first_entry(&pch->issued, struct pl330_desc, node);
		list_del(&desc->node);
		desc->deadline = local_clock() + STALL_NS + STALL_NS_PER_BYTE * desc->bytes;
		if (run_desc(pch, desc)) {
			pch->active = desc;
			finish_desc(pch, desc, DMA_TRANS_ABORTED, cb);
		}
	}
}

/* A copy still running past its deadline is stalled: kill it. Lock held. */
void pl330_check_stall(struct pl330_chan *pch, struct pl330_cb *cb)
{
	struct pl330_desc *desc = pch->active;
	u32 csr;

	if (!desc || desc->kind != DESC_MEMCPY || local_clock() < desc->deadline)
		return;
	csr = readl(pch->dmac->base + PL330_CSR(pch->id));
	if (PL330_CSR_STATE(csr) == PL330_STATE_STOPPED ||
	    PL330_CSR_STATE(csr) == PL330_STATE_FAULT)
		return;		/* done or faulted: the interrupt handler ends it */
	dev_err(&pch->dmac->dev, "ch%u: stalled: %s %u at 0x%08x, killed\n", pch->id,
		state_names[PL330_CSR_STATE(csr)], (unsigned int)PL330_CSR_WAKEUP(csr),
		(unsigned int)readl(pch->dmac->base + PL330_CPC(pch->id)));
	pl330_kill_thread(pch);
	finish_desc(pch, desc, DMA_TRANS_ABORTED, cb);
}

static void chan_fault(struct pl330_chan *pch)
{
	struct pl330_dmac *d = pch->dmac;
	struct pl330_cb cb = { .n = 0 };
	u32 ftr, cpc, at = 0;
	unsigned long flags;
	enum dmaengine_tx_result result;

	spin_lock_irqsave(&pch->lock, flags);
	ftr = readl(d->base + PL330_FTR(pch->id));
	cpc = readl(d->base + PL330_CPC(pch->id));
	if (pch->prog && cpc >= pch->prog_dma && cpc < pch->prog_dma + PL330_PROG_SIZE)
		at = pch->prog[cpc - pch->prog_dma];
	dev_err(&d->dev, "ch%u: fault: %s at 0x%08x (instruction 0x%02x, FTR 0x%08x)\n",
		pch->id, fault_name(ftr), (unsigned int)cpc, (unsigned int)at, (unsigned int)ftr);
	pl330_kill_thread(pch);
	if (pch->active) {
		result = ftr & FT_DATA_READ_ERR ? DMA_TRANS_READ_FAILED :
			 ftr & FT_DATA_WRITE_ERR ? DMA_TRANS_WRITE_FAILED : DMA_TRANS_ABORTED;
		finish_desc(pch, pch->active, result, &cb);
	}
	pl330_start_next(pch, &cb);
	pl330_callbacks_pending(pch, &cb);
	spin_unlock_irqrestore(&pch->lock, flags);
	pl330_run_callbacks(pch, &cb);
}

/*
 * The channel's DMASEV. Checked and cleared under the channel's lock:
 * between the handler's read of INTMIS and here another CPU may have
 * terminated the channel (pl330_kill_thread clears the event under this
 * lock) and started a new program, which must not be finished for the
 * old one's event. A set bit here is the running program's own.
 */
void pl330_chan_event(struct pl330_chan *pch)
{
	struct pl330_cb cb = { .n = 0 };
	struct pl330_desc *desc;
	unsigned long flags;

	spin_lock_irqsave(&pch->lock, flags);
	desc = pch->active;
	if (!(readl(pch->dmac->base + PL330_INTMIS) & BIT(pch->id)) || !desc) {
		spin_unlock_irqrestore(&pch->lock, flags);
		return;		/* terminated meanwhile */
	}
	/* Cleared before the next program starts below: it may signal at once. */
	writel(BIT(pch->id), pch->dmac->base + PL330_INTCLR);
	if (desc->kind == DESC_CYCLIC) {
		desc->period = (desc->period + 1) % desc->nperiods;
		queue_callback(&cb, desc, DMA_TRANS_NOERROR,
			       (desc->nperiods - desc->period) * desc->seg[0].len);
		if (run_desc(pch, desc))
			finish_desc(pch, desc, DMA_TRANS_ABORTED, &cb);
	} else {
		finish_desc(pch, desc, DMA_TRANS_NOERROR, &cb);
		pl330_start_next(pch, &cb);
	}
	pl330_callbacks_pending(pch, &cb);
	spin_unlock_irqrestore(&pch->lock, flags);
	pl330_run_callbacks(pch, &cb);
}

static irqreturn_t pl330_irq(int irq, void *data)
{
	struct pl330_dmac *d = data;
	irqreturn_t ret = IRQ_NONE;
	u32 fsrc, ev;
	unsigned int i;

	if (readl(d->base + PL330_FSRD) & 1) {
		dev_err(&d->dev, "manager: fault: %s (FTRD 0x%08x), killed\n",
			fault_name(readl(d->base + PL330_FTRD)),
			(unsigned int)readl(d->base + PL330_FTRD));
		pl330_dbg_exec(d, -1, (const u8[6]){ DMAKILL });
		ret = IRQ_HANDLED;
	}
	fsrc = readl(d->base + PL330_FSRC) & chan_mask(d);
	for (i = 0; i < d->num_chan; i++)
		if (fsrc & BIT(i)) {
			chan_fault(&d->chan[i]);
			ret = IRQ_HANDLED;
		}
	ev = readl(d->base + PL330_INTMIS) & chan_mask(d);
	for (i = 0; i < d->num_chan; i++)
		if (ev & BIT(i)) {
			pl330_chan_event(&d->chan[i]);
			ret = IRQ_HANDLED;
		}
	return ret;
}

/* Probe. */

static u32 read_id(void __iomem *reg)
{
	return (readl(reg) & 0xff) | (readl(reg + 4) & 0xff) << 8 |
	       (readl(reg + 8) & 0xff) << 16 | (readl(reg + 12) & 0xff) << 24;
}

static void init_channels(struct pl330_dmac *d)
{
	unsigned int i;

	INIT_LIST_HEAD(&d->ddev.channels);
	for (i = 0; i < d->num_chan; i++) {
		struct pl330_chan *pch = &d->chan[i];

		pch->dmac = d;
		pch->id = i;
		pch->peri = -1;
		spin_lock_init(&pch->lock);
		atomic_set(&pch->callbacks, 0);
		INIT_LIST_HEAD(&pch->free);
		INIT_LIST_HEAD(&pch->submitted);
		INIT_LIST_HEAD(&pch->issued);
		list_add_tail(&pch->chan.device_node, &d->ddev.channels);
	}
}

/* Name the device as Linux's device tree does: "12680000.pdma" for board name "pdma0". */
static void name_device(struct pl330_dmac *d, const struct board_dma_ctrl *ctrl)
{
	size_t n = strlen(ctrl->name);

	while (n && ctrl->name[n - 1] >= '0' && ctrl->name[n - 1] <= '9')
		n--;
	snprintf(d->name, sizeof(d->name), "%08lx.%.*s", (unsigned long)ctrl->base, (int)n,
		 ctrl->name);
	d->dev.init_name = d->name;
	d->dev.driver_name = "dma-pl330";
	d->dma_mask = DMA_BIT_MASK(32);
	d->dev.dma_mask = &d->dma_mask;
	d->dev.coherent_dma_mask = DMA_BIT_MASK(32);
}

/* Read the configuration registers; false if this is not a PL330. */
static bool read_config(struct pl330_dmac *d)
{
	u32 pcell = read_id(d->base + PL330_PCELL_ID), cr0, crd;

	d->periph_id = read_id(d->base + PL330_PERIPH_ID);
	if (pcell != PL330_PCELL || (d->periph_id & 0xfff) != PL330_PART) {
		dev_err(&d->dev, "not a PL330 (peripheral ID 0x%08x, PrimeCell ID 0x%08x)\n",
			(unsigned int)d->periph_id, (unsigned int)pcell);
		return false;
	}
	d->revision = (d->periph_id >> 20) & 0xf;
	cr0 = readl(d->base + PL330_CR0);
	crd = readl(d->base + PL330_CRD);
	d->num_chan = min_t(unsigned int, ((cr0 >> 4) & 7) + 1, PL330_MAX_CHAN);
	d->num_peri = cr0 & 1 ? ((cr0 >> 12) & 0x1f) + 1 : 0;
	d->num_events = ((cr0 >> 17) & 0x1f) + 1;
	d->bus_bytes = 1U << (crd & 7);
	d->buf_dep = ((crd >> 20) & 0x3ff) + 1;
	d->nonsecure = readl(d->base + PL330_DSR) & PL330_DSR_DNS;
	d->barriers = d->revision == 0;
	if (d->num_events <= d->num_chan) {
		dev_err(&d->dev, "%u events for %u channels: too few\n", d->num_events, d->num_chan);
		return false;
	}
	return true;
}

/* Give the program pool a block for every channel now, so it never grows later. */
static bool __init prime_pool(struct pl330_dmac *d)
{
	dma_addr_t dma[PL330_MAX_CHAN];
	void *prog[PL330_MAX_CHAN];
	unsigned int i, n;

	for (n = 0; n < d->num_chan; n++) {
		prog[n] = dma_pool_alloc(d->prog_pool, GFP_KERNEL, &dma[n]);
		if (!prog[n])
			break;
	}
	for (i = 0; i < n; i++)
		dma_pool_free(d->prog_pool, prog[i], dma[i]);
	return n == d->num_chan;
}

static int __init pl330_probe(const struct board_dma_ctrl *ctrl)
{
	struct pl330_dmac *d = alloc_pages_exact(sizeof(*d), GFP_KERNEL | __GFP_ZERO);
	int ret = -ENODEV;

	if (!d)
		return -ENOMEM;
	name_device(d, ctrl);
	spin_lock_init(&d->dbg_lock);
	d->irq = ctrl->irq;
	if (!request_mem_region(ctrl->base, 0x1000, d->name)) {
		dev_err(&d->dev, "registers 0x%08lx-0x%08lx already claimed\n",
			(unsigned long)ctrl->base, (unsigned long)ctrl->base + 0xfff);
		ret = -EBUSY;
		goto fail_region;
	}
	d->base = ioremap(ctrl->base, 0x1000);
	if (!d->base || !read_config(d))
		goto fail;
	writel(chan_mask(d), d->base + PL330_INTEN);	/* event n = channel n's end */
	writel(~0U, d->base + PL330_INTCLR);
	ret = -ENOMEM;
	d->prog_pool = dma_pool_create("pl330-prog", &d->dev, PL330_PROG_SIZE, 32, 0);
	if (!d->prog_pool || !prime_pool(d))
		goto fail_pool;
	init_channels(d);
	pl330_init_dma_device(d, ctrl);
	ret = request_irq(d->irq, pl330_irq, IRQF_TRIGGER_HIGH, d->name, d);
	if (ret)
		goto fail_pool;
	ret = dma_async_device_register(&d->ddev);
	if (ret)
		goto fail_irq;
	/* Linux 3.x prints the peripheral ID in decimal. */
	dev_info(&d->dev, "Loaded driver for PL330 DMAC-%u\n", (unsigned int)d->periph_id);
	dev_info(&d->dev, "\tDBUFF-%ux%ubytes Num_Chans-%u Num_Peri-%u Num_Events-%u\n",
		 d->buf_dep, d->bus_bytes, d->num_chan, d->num_peri, d->num_events);
	dev_info(&d->dev, "\tr%up%u%s, %s manager, dma%dchan0-%u\n", d->revision ? 1 : 0,
		 d->revision ? d->revision - 1 : 0,
		 d->barriers ? " (DMARMB/DMAWMB in copy loops)" : "",
		 d->nonsecure ? "non-secure" : "secure", d->ddev.dev_id, d->num_chan - 1);
	return 0;

fail_irq:
	free_irq(d->irq, d);
fail_pool:
	dma_pool_destroy(d->prog_pool);
fail:
	if (d->base)
		iounmap(d->base);
	release_mem_region(ctrl->base, 0x1000);
fail_region:
	free_pages_exact(d, sizeof(*d));
	return ret;
}

static int __init pl330_init(void)
{
	unsigned int i;

	for (i = 0; i < board.nr_dma; i++)
		if (pl330_probe(&board.dma[i]))
			pr_err("dma-pl330: %s at 0x%08lx: probe failed\n", board.dma[i].name,
			       (unsigned long)board.dma[i].base);
	return 0;
}
device_initcall(pl330_init);
