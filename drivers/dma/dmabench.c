/*
 * `dmabench`: what a DMA transfer costs the CPU and how fast copies go,
 * DMA against the CPU's memcpy, in one run (`make bench` runs it under
 * QEMU smdkc210 through tools/bench-target.py: tests/host/Makefile.dma).
 *
 *  - overhead: local_clock() nanoseconds from dmaengine_prep_dma_memcpy
 *    to the callback, for 4-byte copies (so the copy itself is nothing),
 *    averaged over many: the driver's and the interrupt path's work. Under
 *    QEMU with -icount shift=0 a virtual nanosecond is one guest
 *    instruction, and QEMU's PL330 moves data without executing any, so
 *    the figure is the instructions the CPUs ran from prep to callback.
 *  - throughput of 4 KiB, 64 KiB and 1 MiB copies: memcpy between cached
 *    buffers; DMA between coherent buffers; DMA of the cached buffers
 *    with dma_map_single/dma_unmap_single around each copy (the cache
 *    maintenance a streaming user pays).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched/clock.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/time64.h>
#include <string.h>
#include <mica/insn_count.h>
#include <mica/shell.h>

#define MAX_SIZE       (1U << 20)
#define OVERHEAD_RUNS  2000

struct bench {
	struct dma_chan *chan;
	struct device *dev;
	u8 *csrc, *cdst;		/* coherent */
	dma_addr_t csrc_dma, cdst_dma;
	u8 *src, *dst;			/* cached lowmem */
	struct page *src_page, *dst_page;
	bool done;
};

static void bench_done(void *param)
{
	WRITE_ONCE(*(bool *)param, true);
}

/* One copy by DMA, waited for; false if it could not run. */
static bool dma_copy(struct bench *b, dma_addr_t dst, dma_addr_t src, size_t len)
{
	struct dma_async_tx_descriptor *tx;
	u64 deadline;

	tx = dmaengine_prep_dma_memcpy(b->chan, dst, src, len, DMA_PREP_INTERRUPT);
	if (!tx)
		return false;
	b->done = false;
	tx->callback = bench_done;
	tx->callback_param = &b->done;
	dmaengine_submit(tx);
	dma_async_issue_pending(b->chan);
	deadline = local_clock() + NSEC_PER_SEC;
	while (!READ_ONCE(b->done))
		if (local_clock() > deadline)
			return false;
	return true;
}

static bool dma_copy_streaming(struct bench *b, size_t len)
{
	dma_addr_t s = dma_map_single(b->dev, b->src, len, DMA_TO_DEVICE);
	dma_addr_t d = dma_map_single(b->dev, b->dst, len, DMA_FROM_DEVICE);
	bool ok = !dma_mapping_error(b->dev, s) && !dma_mapping_error(b->dev, d) &&
		  dma_copy(b, d, s, len);

	if (!dma_mapping_error(b->dev, s))
		dma_unmap_single(b->dev, s, len, DMA_TO_DEVICE);
	if (!dma_mapping_error(b->dev, d))
		dma_unmap_single(b->dev, d, len, DMA_FROM_DEVICE);
	return ok;
}

/* MB/s (10^6 bytes) for @reps copies of @len in @ns, with two decimals. */
static void print_rate(const char *what, size_t len, unsigned int reps, u64 ns)
{
	u64 centi = ns ? (u64)len * reps * 100000ULL / ns : 0;

	pr_info("dmabench: %-7s %4zu KiB: %6llu.%02llu MB/s (%llu ns a copy)\n", what, len >> 10,
		centi / 100, centi % 100, ns / reps);
}

static int run_bench(struct bench *b)
{
	static const size_t sizes[] = { 4096, 65536, MAX_SIZE };
	static const unsigned int reps[] = { 200, 40, 6 };
	u64 t0, prep_ns = 0, submit_ns = 0, issue_ns = 0;
	unsigned int i, r;

	t0 = local_clock();
	calibration_loop(1000000);	/* under -icount shift=0 it must read 4 ns */
	t0 = local_clock() - t0;
	pr_info("dmabench: calibration: a 4-instruction loop takes %llu.%02llu ns an iteration\n",
		t0 / 1000000, t0 / 10000 % 100);

	/* Overhead: tiny copies, prep to callback, and where it goes. */
	for (r = 0; r < OVERHEAD_RUNS; r++) {
		struct dma_async_tx_descriptor *tx;
		u64 t1, t2, t3;

		t0 = local_clock();
		tx = dmaengine_prep_dma_memcpy(b->chan, b->cdst_dma, b->csrc_dma, 4,
					       DMA_PREP_INTERRUPT);
		if (!tx)
			return -EIO;
		b->done = false;
		tx->callback = bench_done;
		tx->callback_param = &b->done;
		t1 = local_clock();
		dmaengine_submit(tx);
		t2 = local_clock();
		dma_async_issue_pending(b->chan);
		while (!READ_ONCE(b->done))
			if (local_clock() - t2 > NSEC_PER_SEC)
				return -EIO;
		t3 = local_clock();
		prep_ns += t1 - t0;
		submit_ns += t2 - t1;
		issue_ns += t3 - t2;
	}
	pr_info("dmabench: %s: prep to callback of a 4-byte copy: %llu ns (average of %u)\n",
		dma_chan_name(b->chan), (prep_ns + submit_ns + issue_ns) / OVERHEAD_RUNS,
		OVERHEAD_RUNS);
	pr_info("dmabench:   prep %llu, submit %llu, issue to callback %llu ns\n",
		prep_ns / OVERHEAD_RUNS, submit_ns / OVERHEAD_RUNS, issue_ns / OVERHEAD_RUNS);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t len = sizes[i];

		memset(b->src, (int)i + 1, len);
		t0 = local_clock();
		for (r = 0; r < reps[i]; r++)
			memcpy(b->dst, b->src, len);
		print_rate("memcpy", len, reps[i], local_clock() - t0);

		memset(b->csrc, (int)i + 2, len);
		t0 = local_clock();
		for (r = 0; r < reps[i]; r++)
			if (!dma_copy(b, b->cdst_dma, b->csrc_dma, len))
				return -EIO;
		print_rate("dma", len, reps[i], local_clock() - t0);
		if (memcmp(b->csrc, b->cdst, len))
			return -EIO;

		memset(b->src, (int)i + 3, len);
		t0 = local_clock();
		for (r = 0; r < reps[i]; r++)
			if (!dma_copy_streaming(b, len))
				return -EIO;
		print_rate("dma+map", len, reps[i], local_clock() - t0);
		if (memcmp(b->src, b->dst, len))
			return -EIO;
	}
	return 0;
}

static bool on_mdma(struct dma_chan *chan, void *param)
{
	return strstr(dev_name(chan->device->dev), "mdma") != NULL;
}

static int cmd_dmabench(int argc, char **argv)
{
	struct bench b = { 0 };
	dma_cap_mask_t mask;
	unsigned int order = get_order(MAX_SIZE);
	int ret = shell_no_args(argc, argv);

	if (ret)
		return ret;
	ret = -ENOMEM;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	b.chan = dma_request_channel(mask, on_mdma, NULL);
	if (!b.chan)
		b.chan = dma_request_channel(mask, NULL, NULL);
	if (!b.chan) {
		pr_info("dmabench: no DMA channel: no DMA controller on this board\n");
		return -ENODEV;
	}
	b.dev = b.chan->device->dev;
	b.csrc = dma_alloc_coherent(b.dev, MAX_SIZE, &b.csrc_dma, GFP_KERNEL);
	b.cdst = dma_alloc_coherent(b.dev, MAX_SIZE, &b.cdst_dma, GFP_KERNEL);
	b.src_page = alloc_pages(GFP_KERNEL, order);
	b.dst_page = alloc_pages(GFP_KERNEL, order);
	if (b.csrc && b.cdst && b.src_page && b.dst_page) {
		b.src = page_address(b.src_page);
		b.dst = page_address(b.dst_page);
		ret = run_bench(&b);
	}
	if (b.src_page)
		__free_pages(b.src_page, order);
	if (b.dst_page)
		__free_pages(b.dst_page, order);
	dma_free_coherent(b.dev, MAX_SIZE, b.cdst, b.cdst_dma);
	dma_free_coherent(b.dev, MAX_SIZE, b.csrc, b.csrc_dma);
	dma_release_channel(b.chan);
	return ret;
}
SHELL_COMMAND("dmabench", "",
	      "time DMA copies against memcpy (4 KiB, 64 KiB, 1 MiB) and the per-transfer overhead",
	      cmd_dmabench);
