/*
 * KUnit suite "pl330": the driver on the real (QEMU) controllers through
 * dmaengine. Copies of many lengths and alignments (also as r0p0 programs),
 * a Linux-style client, the fault path (undefined instruction, the
 * one-byte-off loop, a fault armed for one descriptor only), a stalled copy found by the driver and one stopped
 * by its client, descriptors beyond the first sixteen, submissions from every CPU
 * onto one channel, slave scatter-gather and a cyclic transfer to the
 * console UART. Boards without a PL330 skip it.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/dma/pl330.h>
#include <string.h>
#include <mica/board.h>
#include <mica/kunit.h>
#include <mica/s3c-uart-dma.h>
#include "pl330_internal.h"

#define WAIT_NS   (3000ULL * 1000 * 1000)
#define BUF_SIZE  (80 << 10)

struct test_bufs {
	struct device *dev;
	u8 *src, *dst;
	dma_addr_t src_dma, dst_dma;
};

struct cb_record {
	int calls;
	struct dmaengine_result res;
};

/* Every case starts here: boards without a PL330 skip the suite. */
static void need_pl330(struct kunit *test)
{
	if (!board.nr_dma)
		kunit_skip(test, "no PL330 on %s", board.name);
}

static bool on_device(struct dma_chan *chan, void *param)
{
	return !param || !strcmp(dev_name(chan->device->dev), param);
}

/* A memcpy channel of controller @devname (NULL: any). */
static struct dma_chan *memcpy_chan(struct kunit *test, const char *devname)
{
	dma_cap_mask_t mask;
	struct dma_chan *chan;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, on_device, (void *)devname);
	KUNIT_ASSERT_NOT_NULL(test, chan);
	return chan;
}

static void bufs_alloc(struct kunit *test, struct dma_chan *chan, struct test_bufs *b)
{
	b->dev = chan->device->dev;
	b->src = dma_alloc_coherent(b->dev, BUF_SIZE, &b->src_dma, GFP_KERNEL);
	b->dst = dma_alloc_coherent(b->dev, BUF_SIZE, &b->dst_dma, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, b->src && b->dst);
}

static void bufs_free(struct test_bufs *b)
{
	dma_free_coherent(b->dev, BUF_SIZE, b->src, b->src_dma);
	dma_free_coherent(b->dev, BUF_SIZE, b->dst, b->dst_dma);
}

static void record_result(void *param, const struct dmaengine_result *res)
{
	struct cb_record *r = param;

	r->res = *res;
	smp_wmb();
	WRITE_ONCE(r->calls, r->calls + 1);
}

/* Copy and wait; the status dma_sync_wait returned. */
static enum dma_status copy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src, size_t len,
			    struct cb_record *rec)
{
	struct dma_async_tx_descriptor *tx;
	enum dma_status status;

	tx = dmaengine_prep_dma_memcpy(chan, dst, src, len, DMA_PREP_INTERRUPT);
	if (!tx)
		return DMA_ERROR;
	if (rec) {
		tx->callback_result = record_result;
		tx->callback_param = rec;
	}
	status = dma_sync_wait(chan, dmaengine_submit(tx));
	/*
	 * The status may be final before the callback has run (on another
	 * CPU, where the interrupt went): as in Linux, wait for callbacks.
	 */
	if (rec)
		dmaengine_synchronize(chan);
	return status;
}

static void fill(u8 *buf, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)(i * 37 + seed);
}

/* Controller @i's device name, as the driver makes it ("12680000.pdma"). */
static void ctrl_name(unsigned int i, char *buf, size_t len)
{
	snprintf(buf, len, "%08lx.%.*s", (unsigned long)board.dma[i].base,
		 (int)strcspn(board.dma[i].name, "0123456789"), board.dma[i].name);
}

static void probe_found_every_controller(struct kunit *test)
{
	struct dma_chan *chans[8];
	unsigned int i, n;
	char name[24];

	need_pl330(test);

	KUNIT_EXPECT_EQ(test, dma_async_device_count(), board.nr_dma);
	for (i = 0; i < board.nr_dma; i++) {
		ctrl_name(i, name, sizeof(name));
		for (n = 0; n < 8; n++) {
			chans[n] = memcpy_chan(test, name);
			KUNIT_EXPECT_TRUE(test, is_pl330_chan(chans[n]));
		}
		KUNIT_EXPECT_EQ(test, chans[0]->device->chancnt, 8);
		for (n = 0; n < 8; n++)
			dma_release_channel(chans[n]);
	}
}

static void memcpy_done(void *param)
{
	complete(param);
}

/* The chapter's example: request, prepare, callback, submit, issue, wait. */
static void linux_style_memcpy(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct test_bufs b;
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	dma_cookie_t cookie;
	DECLARE_COMPLETION_ONSTACK(done);

	need_pl330(test);

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, chan);
	bufs_alloc(test, chan, &b);
	fill(b.src, 4096, 1);
	tx = dmaengine_prep_dma_memcpy(chan, b.dst_dma, b.src_dma, 4096, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback = memcpy_done;
	tx->callback_param = &done;
	cookie = dmaengine_submit(tx);
	KUNIT_EXPECT_EQ(test, dma_submit_error(cookie), 0);
	dma_async_issue_pending(chan);
	/* Asleep until the completion interrupt's callback completes it. */
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&done, msecs_to_jiffies(WAIT_NS / 1000000)), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, cookie, NULL), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, memcmp(b.src, b.dst, 4096), 0);
	bufs_free(&b);
	dma_release_channel(chan);
}

/* On every controller: lengths 1..33 and some long ones, 8 x 4 alignments each. */
static void copy_lengths_and_alignments(struct kunit *test, bool r0p0)
{
	static const size_t lens[] = { 63, 64, 65, 127, 129, 255, 257, 1000, 4095, 4097, 65537 };
	unsigned int ctrl, so, dof, bad = 0;
	char name[24];
	size_t k, n;

	for (ctrl = 0; ctrl < board.nr_dma; ctrl++) {
		struct dma_chan *chan;
		struct test_bufs b;
		bool old;

		ctrl_name(ctrl, name, sizeof(name));
		chan = memcpy_chan(test, name);
		old = pl330_set_barriers(chan, r0p0);
		bufs_alloc(test, chan, &b);
		for (k = 1; k < 34 + ARRAY_SIZE(lens); k++) {
			n = k < 34 ? k : lens[k - 34];
			for (so = 0; so < 8; so++)
				for (dof = 0; dof < 4; dof++) {
					fill(b.src, n + 16, k + so);
					memset(b.dst, 0xee, n + 16);
					if (copy(chan, b.dst_dma + dof, b.src_dma + so, n, NULL) == DMA_COMPLETE &&
					    !memcmp(b.dst + dof, b.src + so, n) && b.dst[dof + n] == 0xee &&
					    (!dof || b.dst[dof - 1] == 0xee))
						continue;
					if (bad++ < 5)
						KUNIT_FAIL(test, "%s: %zu bytes from +%u to +%u: wrong",
							   dma_chan_name(chan), n, so, dof);
				}
		}
		pl330_set_barriers(chan, old);
		bufs_free(&b);
		dma_release_channel(chan);
	}
}

static void copies_of_any_length_and_alignment(struct kunit *test)
{
	need_pl330(test);
	copy_lengths_and_alignments(test, false);
}

static void copies_as_r0p0_programs(struct kunit *test)
{
	need_pl330(test);
	copy_lengths_and_alignments(test, true);
}

/* A bad program faults; the transfer ends with an error, the channel works on. */
static void fault_recovers(struct kunit *test, enum pl330_inject what, size_t len)
{
	struct dma_chan *chan = memcpy_chan(test, NULL);
	struct cb_record rec = { 0 };
	struct test_bufs b;

	bufs_alloc(test, chan, &b);
	fill(b.src, len, 7);
	KUNIT_ASSERT_EQ(test, pl330_inject(chan, what), 0);
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, len, &rec), DMA_ERROR);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rec.calls), 1);
	smp_rmb();
	KUNIT_EXPECT_EQ(test, rec.res.result, DMA_TRANS_ABORTED);
	KUNIT_EXPECT_EQ(test, rec.res.residue, len);

	memset(b.dst, 0, len);
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, len, &rec), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rec.calls), 2);
	smp_rmb();
	KUNIT_EXPECT_EQ(test, rec.res.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, memcmp(b.src, b.dst, len), 0);
	bufs_free(&b);
	dma_release_channel(chan);
}

static void fault_undefined_instruction(struct kunit *test)
{
	need_pl330(test);
	fault_recovers(test, PL330_INJECT_UNDEF, 256);
}

static void fault_loop_one_byte_off(struct kunit *test)
{
	need_pl330(test);
	fault_recovers(test, PL330_INJECT_BAD_LOOP, 4096);
}

/*
 * pl330_inject_tx spoils its own descriptor's program, not the next one
 * started: here another client's copy, submitted first, runs before it.
 */
static void injection_stays_with_its_descriptor(struct kunit *test)
{
	struct cb_record rec_a = { 0 }, rec_b = { 0 };
	struct dma_async_tx_descriptor *a, *b;
	struct dma_chan *chan;
	struct test_bufs bufs;
	dma_cookie_t ca, cb;

	need_pl330(test);
	KUNIT_EXPECT_EQ(test, pl330_inject_tx(NULL, PL330_INJECT_UNDEF), -EINVAL);
	chan = memcpy_chan(test, NULL);
	bufs_alloc(test, chan, &bufs);
	fill(bufs.src, 512, 5);
	memset(bufs.dst, 0, 2048);
	a = dmaengine_prep_dma_memcpy(chan, bufs.dst_dma, bufs.src_dma, 512, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, pl330_inject_tx(a, PL330_INJECT_UNDEF), 0);
	a->callback_result = record_result;
	a->callback_param = &rec_a;
	b = dmaengine_prep_dma_memcpy(chan, bufs.dst_dma + 1024, bufs.src_dma, 512,
				      DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, b);
	b->callback_result = record_result;
	b->callback_param = &rec_b;
	cb = dmaengine_submit(b);
	ca = dmaengine_submit(a);
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, ca), DMA_ERROR);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, cb, NULL), DMA_COMPLETE);
	dmaengine_synchronize(chan);
	smp_rmb();
	KUNIT_EXPECT_EQ(test, rec_a.calls, 1);
	KUNIT_EXPECT_EQ(test, rec_a.res.result, DMA_TRANS_ABORTED);
	KUNIT_EXPECT_EQ(test, rec_b.calls, 1);
	KUNIT_EXPECT_EQ(test, rec_b.res.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, memcmp(bufs.src, bufs.dst + 1024, 512), 0);
	/* Spent: the channel's next program is a good one. */
	KUNIT_EXPECT_EQ(test, copy(chan, bufs.dst_dma, bufs.src_dma, 512, NULL), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, memcmp(bufs.src, bufs.dst, 512), 0);
	bufs_free(&bufs);
	dma_release_channel(chan);
}

/* A copy that never ends is found by the driver within about a second. */
static void stalled_copy_times_out(struct kunit *test)
{
	struct dma_chan *chan;
	struct cb_record rec = { 0 };
	struct test_bufs b;
	u64 t0, ms;

	need_pl330(test);
	chan = memcpy_chan(test, NULL);
	bufs_alloc(test, chan, &b);
	fill(b.src, 1024, 3);
	KUNIT_ASSERT_EQ(test, pl330_inject(chan, PL330_INJECT_STALL), 0);
	t0 = local_clock();
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, 1024, &rec), DMA_ERROR);
	ms = (local_clock() - t0) / 1000000;
	KUNIT_EXPECT_GE(test, ms, 900);		/* the watchdog's second, wide margins */
	KUNIT_EXPECT_LT(test, ms, 4500);	/* before dma_sync_wait's own 5 s */
	KUNIT_EXPECT_EQ(test, READ_ONCE(rec.calls), 1);
	smp_rmb();
	KUNIT_EXPECT_EQ(test, rec.res.result, DMA_TRANS_ABORTED);
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, 1024, NULL), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, memcmp(b.src, b.dst, 1024), 0);
	bufs_free(&b);
	dma_release_channel(chan);
}

/* The client gives up first: terminate kills the stalled program and drops what queued behind. */
static void client_terminates_stalled_channel(struct kunit *test)
{
	struct dma_chan *chan;
	struct dma_async_tx_descriptor *tx;
	struct cb_record rec = { 0 };
	dma_cookie_t c1, c2;
	struct test_bufs b;

	need_pl330(test);
	chan = memcpy_chan(test, NULL);
	bufs_alloc(test, chan, &b);
	KUNIT_ASSERT_EQ(test, pl330_inject(chan, PL330_INJECT_STALL), 0);
	tx = dmaengine_prep_dma_memcpy(chan, b.dst_dma, b.src_dma, 512, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback_result = record_result;
	tx->callback_param = &rec;
	c1 = dmaengine_submit(tx);
	tx = dmaengine_prep_dma_memcpy(chan, b.dst_dma + 1024, b.src_dma, 512, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	c2 = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, c1, NULL), DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, c1, NULL), DMA_ERROR);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, c2, NULL), DMA_ERROR);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rec.calls), 0);	/* terminate calls no callback */
	fill(b.src, 512, 9);
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, 512, NULL), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, memcmp(b.src, b.dst, 512), 0);

	/* Linux 3.x's name for the same: terminate_all, then synchronize. */
	KUNIT_ASSERT_EQ(test, pl330_inject(chan, PL330_INJECT_STALL), 0);
	tx = dmaengine_prep_dma_memcpy(chan, b.dst_dma, b.src_dma, 512, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	c1 = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_all(chan), 0);
	dmaengine_synchronize(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, c1, NULL), DMA_ERROR);
	bufs_free(&b);
	dma_release_channel(chan);
}

/*
 * The interrupt handler read a channel's event, then another CPU
 * terminated the channel and started a new program before the handler
 * took the channel's lock. Replayed here: the handler's per-channel step
 * runs while a (stalled) program is active and no event is pending; the
 * program must not be finished for it.
 */
static void stale_event_not_taken_for_next_program(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct cb_record rec = { 0 };
	struct dma_chan *chan;
	struct test_bufs b;
	dma_cookie_t c;

	need_pl330(test);
	chan = memcpy_chan(test, NULL);
	bufs_alloc(test, chan, &b);
	KUNIT_ASSERT_EQ(test, pl330_inject(chan, PL330_INJECT_STALL), 0);
	tx = dmaengine_prep_dma_memcpy(chan, b.dst_dma, b.src_dma, 512, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback_result = record_result;
	tx->callback_param = &rec;
	c = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, c, NULL), DMA_IN_PROGRESS);
	pl330_chan_event(to_pchan(chan));
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, c, NULL), DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rec.calls), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), 0);
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, 512, NULL), DMA_COMPLETE);
	bufs_free(&b);
	dma_release_channel(chan);
}

/* Forty copies queued on one channel: past the 16 descriptors it starts with, kmalloc supplies. */
static void descriptors_beyond_the_first_sixteen(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	dma_cookie_t last = 0;
	struct test_bufs b;
	int i;

	need_pl330(test);
	chan = memcpy_chan(test, NULL);
	bufs_alloc(test, chan, &b);
	fill(b.src, 40 * 256, 5);
	for (i = 0; i < 40; i++) {
		tx = dmaengine_prep_dma_memcpy(chan, b.dst_dma + i * 256, b.src_dma + i * 256, 256, 0);
		KUNIT_ASSERT_NOT_NULL(test, tx);
		last = dmaengine_submit(tx);
	}
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, last), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, memcmp(b.src, b.dst, 40 * 256), 0);
	KUNIT_EXPECT_EQ(test, copy(chan, b.dst_dma, b.src_dma, 256, NULL), DMA_COMPLETE);
	bufs_free(&b);
	dma_release_channel(chan);	/* frees the 24 extra descriptors */
}

struct cpu_work {
	struct dma_chan *chan;
	struct test_bufs *b;
	dma_cookie_t cookie[NR_CPUS][4];
};

/* On each CPU: four copies into that CPU's own part of dst, on the shared channel. */
static void submit_from_this_cpu(void *info)
{
	struct cpu_work *w = info;
	unsigned int cpu = smp_processor_id(), i;

	for (i = 0; i < 4; i++) {
		size_t off = (cpu * 4 + i) * 1024;
		struct dma_async_tx_descriptor *tx =
			dmaengine_prep_dma_memcpy(w->chan, w->b->dst_dma + off, w->b->src_dma + off,
						  1024, DMA_PREP_INTERRUPT);

		w->cookie[cpu][i] = tx ? dmaengine_submit(tx) : -EBUSY;
		dma_async_issue_pending(w->chan);
	}
}

static void every_cpu_submits_to_one_channel(struct kunit *test)
{
	struct cpu_work w = { 0 };
	struct test_bufs b;
	unsigned int cpu, i;

	need_pl330(test);

	w.chan = memcpy_chan(test, NULL);
	bufs_alloc(test, w.chan, &b);
	w.b = &b;
	fill(b.src, NR_CPUS * 4 * 1024, 11);
	on_each_cpu(submit_from_this_cpu, &w, 1);
	for_each_online_cpu(cpu)
		for (i = 0; i < 4; i++) {
			KUNIT_EXPECT_GT(test, w.cookie[cpu][i], 0);
			if (w.cookie[cpu][i] > 0)
				KUNIT_EXPECT_EQ(test, dma_sync_wait(w.chan, w.cookie[cpu][i]), DMA_COMPLETE);
		}
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, memcmp(b.src + cpu * 4096, b.dst + cpu * 4096, 4096), 0);
	bufs_free(&b);
	dma_release_channel(w.chan);
}

/* The console UART's "tx" line: a slave scatter-gather transfer QEMU prints. */
static void slave_sg_to_uart(struct kunit *test)
{
	static const char part1[] = "pl330: UART TX by DMA, ", part2[] = "from two segments\n";
	struct device *dev = s3c_uart_dma_device();
	struct dma_slave_config cfg = {
		.direction = DMA_MEM_TO_DEV,
		.dst_addr_width = DMA_SLAVE_BUSWIDTH_1_BYTE,
		.dst_maxburst = 1,
	};
	struct dma_async_tx_descriptor *tx;
	struct scatterlist sg[2];
	struct dma_chan *chan;
	struct page *page;
	char *buf;

	need_pl330(test);

	if (!dev)
		kunit_skip(test, "the console is not a Samsung UART");
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(dev, "no-such-line")), -ENODEV);
	chan = dma_request_chan(dev, "tx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	cfg.dst_addr = s3c_uart_txh_phys();
	KUNIT_EXPECT_EQ(test, dmaengine_slave_config(chan, &cfg), 0);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	buf = page_address(page);
	memcpy(buf, part1, sizeof(part1) - 1);
	memcpy(buf + 100, part2, sizeof(part2) - 1);
	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], buf, sizeof(part1) - 1);
	sg_set_buf(&sg[1], buf + 100, sizeof(part2) - 1);
	KUNIT_ASSERT_EQ(test, dma_map_sg(dev, sg, 2, DMA_TO_DEVICE), 2);
	tx = dmaengine_prep_slave_sg(chan, sg, 2, DMA_MEM_TO_DEV, DMA_PREP_INTERRUPT);
	KUNIT_EXPECT_NOT_NULL(test, tx);
	if (tx) {
		s3c_uart_tx_dma_mode(true);
		KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, dmaengine_submit(tx)), DMA_COMPLETE);
		s3c_uart_tx_dma_mode(false);
	}
	dma_unmap_sg(dev, sg, 2, DMA_TO_DEVICE);
	__free_page(page);
	dma_release_channel(chan);
}

struct cyclic_state {
	struct dma_chan *chan;
	int periods;
	u32 residue[8];
};

static void cyclic_period(void *param, const struct dmaengine_result *res)
{
	struct cyclic_state *st = param;

	if (st->periods < 8)
		st->residue[st->periods] = res->residue;
	if (++st->periods == 6)
		dmaengine_terminate_async(st->chan);	/* allowed from a callback */
}

/* Four 16-byte periods to the UART, round and round, stopped from the sixth callback. */
static void cyclic_to_uart(struct kunit *test)
{
	struct device *dev = s3c_uart_dma_device();
	struct dma_slave_config cfg = {
		.direction = DMA_MEM_TO_DEV,
		.dst_addr_width = DMA_SLAVE_BUSWIDTH_1_BYTE,
		.dst_maxburst = 4,
	};
	struct cyclic_state st = { 0 };
	struct dma_async_tx_descriptor *tx;
	struct page *page;
	dma_addr_t dma;
	char *buf;
	u64 deadline;
	int i;

	need_pl330(test);

	if (!dev)
		kunit_skip(test, "the console is not a Samsung UART");
	st.chan = dma_request_chan(dev, "tx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(st.chan));
	cfg.dst_addr = s3c_uart_txh_phys();
	dmaengine_slave_config(st.chan, &cfg);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	buf = page_address(page);
	for (i = 0; i < 4; i++) {
		memcpy(buf + 16 * i, "cyclic period N\n", 16);
		buf[16 * i + 14] = '0' + i;
	}
	dma = dma_map_single(dev, buf, 64, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(dev, dma), 0);
	tx = dmaengine_prep_dma_cyclic(st.chan, dma, 64, 16, DMA_MEM_TO_DEV, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback_result = cyclic_period;
	tx->callback_param = &st;
	s3c_uart_tx_dma_mode(true);
	dmaengine_submit(tx);
	dma_async_issue_pending(st.chan);
	deadline = local_clock() + WAIT_NS;
	while (READ_ONCE(st.periods) < 6 && local_clock() < deadline)
		cpu_relax();
	dmaengine_synchronize(st.chan);
	s3c_uart_tx_dma_mode(false);
	KUNIT_EXPECT_EQ(test, READ_ONCE(st.periods), 6);
	/* Residue after period k: the rest of the ring from the next period on. */
	for (i = 0; i < 6; i++)
		KUNIT_EXPECT_EQ(test, st.residue[i], 64 - 16 * ((i + 1) % 4));
	dma_unmap_single(dev, dma, 64, DMA_TO_DEVICE);
	__free_page(page);
	dma_release_channel(st.chan);
}

static struct kunit_case pl330_cases[] = {
	KUNIT_CASE(probe_found_every_controller),
	KUNIT_CASE(linux_style_memcpy),
	KUNIT_CASE(copies_of_any_length_and_alignment),
	KUNIT_CASE(copies_as_r0p0_programs),
	KUNIT_CASE(fault_undefined_instruction),
	KUNIT_CASE(fault_loop_one_byte_off),
	KUNIT_CASE(injection_stays_with_its_descriptor),
	KUNIT_CASE(stalled_copy_times_out),
	KUNIT_CASE(client_terminates_stalled_channel),
	KUNIT_CASE(stale_event_not_taken_for_next_program),
	KUNIT_CASE(descriptors_beyond_the_first_sixteen),
	KUNIT_CASE(every_cpu_submits_to_one_channel),
	KUNIT_CASE(slave_sg_to_uart),
	KUNIT_CASE(cyclic_to_uart),
	{}
};

static struct kunit_suite pl330_suite = {
	.name = "pl330",
	.test_cases = pl330_cases,
};
kunit_test_suite(pl330_suite);
