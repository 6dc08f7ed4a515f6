/*
 * dmatest: Linux's DMA engine test. For every channel under test, several
 * "threads" each own a source and a destination buffer; each test copies
 * a random length from a random source offset to a random destination
 * offset. Before it, both buffers are filled with patterns that say, for
 * every byte, which buffer and region it is in and its position; after
 * it, the source must be unchanged, the destination outside the copy
 * untouched, and inside equal to the source. Miscompares are reported
 * with the region and offset. Buffers are ordinary memory lent to the
 * device with dma_map_single for each test.
 *
 * Less than Linux: the threads are not kernel threads. One round starts a
 * test on every thread (so every channel has threads_per_chan transfers
 * queued and all channels run at once), issues them, waits for all of
 * them (asleep on a wait queue the callbacks wake, as Linux's dmatest
 * does, looking at the channels once a tick for stalls) and checks them;
 * tests are counted per round. Only memcpy is
 * tested (no xor/pq). With fault=1 or stall=1 (PL330 only) the first tests
 * of each channel's first thread run deliberately bad programs: they must
 * end with an error and the channel must go on working.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched/clock.h>
#include <linux/wait.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/dma/pl330.h>
#include <string.h>
#include <mica/shell.h>
#include "dmatest.h"

#define PATTERN_SRC        0x80
#define PATTERN_DST        0x00
#define PATTERN_COPY       0x40
#define PATTERN_OVERWRITE  0x20
#define PATTERN_COUNT_MASK 0x1f
#define MAX_ERROR_COUNT    32	/* miscompares reported per buffer check */
#define MAX_CHANNELS       32
#define MAX_THREADS        8

struct dmatest_thread {
	char name[32];			/* "dma0chan3-copy1" */
	unsigned int index;		/* the 1 in copy1 */
	struct dma_chan *chan;
	struct page *src_page, *dst_page;
	u8 *src, *dst;
	unsigned int order;
	/* The test in flight. */
	bool in_flight, mapped;
	dma_addr_t src_dma, dst_dma;
	unsigned int src_off, dst_off, len;
	dma_cookie_t cookie;
	enum pl330_inject inject;
	bool done;			/* set by the callback */
	struct dmaengine_result res;
	/* Totals. */
	unsigned int tests;
	unsigned long failures;
	unsigned long long bytes;
	u32 rnd;
};

void dmatest_default_params(struct dmatest_params *p)
{
	memset(p, 0, sizeof(*p));
	p->test_buf_size = 16384;
	p->threads_per_chan = 1;
	p->iterations = 100;
	p->timeout = 3000;
	p->seed = 0x1d330;
}

static u32 next_random(u32 *s)
{
	/* xorshift32: Linux uses prandom; anything well spread will do. */
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void fill_buf(u8 *buf, unsigned int size, unsigned int start, unsigned int len,
		     u8 pattern, u8 copied)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		buf[i] = pattern | (i >= start && i < start + len ? copied : 0) |
			 (~i & PATTERN_COUNT_MASK);
}

void dmatest_fill(u8 *src, u8 *dst, unsigned int size, unsigned int src_off,
		  unsigned int dst_off, unsigned int len)
{
	fill_buf(src, size, src_off, len, PATTERN_SRC, PATTERN_COPY);
	fill_buf(dst, size, dst_off, len, PATTERN_DST, PATTERN_OVERWRITE);
}

/* Linux's diagnosis of a wrong byte, from the pattern bits it has. */
static const char *mismatch_kind(u8 expected, u8 got, bool is_src)
{
	u8 diff = expected ^ got;

	if (is_src)
		return "overwritten";
	if ((expected & PATTERN_COPY) && (diff & (PATTERN_COPY | PATTERN_OVERWRITE)))
		return "not copied";
	if (diff & PATTERN_SRC)
		return "was copied";
	return "mismatch";
}

/* Check [start, end) of @buf; byte i should be @pattern | ~(counter + i - start). */
static unsigned int verify_region(const char *thread, const char *what, const u8 *buf,
				  unsigned int start, unsigned int end, unsigned int counter,
				  u8 pattern, bool is_src, unsigned int *reported)
{
	unsigned int i, errors = 0;

	for (i = start; i < end; i++, counter++) {
		u8 expected = pattern | (~counter & PATTERN_COUNT_MASK);

		if (buf[i] == expected)
			continue;
		if ((*reported)++ < MAX_ERROR_COUNT)
			pr_info("dmatest: %s: %s [0x%x] (offset 0x%x into the region): %s! "
				"Expected %02x, got %02x\n", thread, what, i, i - start,
				mismatch_kind(expected, buf[i], is_src), expected, buf[i]);
		errors++;
	}
	return errors;
}

unsigned int dmatest_verify(const char *thread, const u8 *src, const u8 *dst, unsigned int size,
			    unsigned int src_off, unsigned int dst_off, unsigned int len)
{
	unsigned int errors = 0, reported = 0;

	errors += verify_region(thread, "src before the copy", src, 0, src_off, 0,
				PATTERN_SRC, true, &reported);
	errors += verify_region(thread, "src copied region", src, src_off, src_off + len, src_off,
				PATTERN_SRC | PATTERN_COPY, true, &reported);
	errors += verify_region(thread, "src after the copy", src, src_off + len, size,
				src_off + len, PATTERN_SRC, true, &reported);
	errors += verify_region(thread, "dst before the copy", dst, 0, dst_off, 0,
				PATTERN_DST, false, &reported);
	errors += verify_region(thread, "dst copied region", dst, dst_off, dst_off + len, src_off,
				PATTERN_SRC | PATTERN_COPY, false, &reported);
	errors += verify_region(thread, "dst after the copy", dst, dst_off + len, size,
				dst_off + len, PATTERN_DST, false, &reported);
	if (reported > MAX_ERROR_COUNT)
		pr_info("dmatest: %s: %u errors suppressed\n", thread, reported - MAX_ERROR_COUNT);
	return errors;
}

static void result(struct dmatest_thread *th, const char *err)
{
	pr_info("dmatest: %s: result #%u: '%s' with src_off=0x%x dst_off=0x%x len=0x%x (%lu)\n",
		th->name, th->tests, err, th->src_off, th->dst_off, th->len, th->failures);
}

/* Woken by every callback: the tester sleeps here until its round is over. */
static DECLARE_WAIT_QUEUE_HEAD(done_wait);

static void dmatest_callback(void *arg, const struct dmaengine_result *res)
{
	struct dmatest_thread *th = arg;

	th->res = *res;
	smp_wmb();		/* the result before the flag */
	WRITE_ONCE(th->done, true);
	wake_up_all(&done_wait);
}

static bool dmatest_filter(struct dma_chan *chan, void *param)
{
	const struct dmatest_params *p = param;

	if (p->channel[0] && strcmp(dma_chan_name(chan), p->channel))
		return false;
	if (p->device[0] && strcmp(dev_name(chan->device->dev), p->device))
		return false;
	return true;
}

static unsigned int pick(struct dmatest_thread *th, unsigned int range, unsigned int align)
{
	unsigned int v = range ? next_random(&th->rnd) % range : 0;

	return v & ~((1U << align) - 1);
}

/* Fill, map, prepare and submit one test; false if it could not start. */
static bool start_test(struct dmatest_thread *th, const struct dmatest_params *p, unsigned int round)
{
	struct device *dev = th->chan->device->dev;
	unsigned int size = p->test_buf_size;
	struct dma_async_tx_descriptor *tx;

	th->inject = PL330_INJECT_NONE;
	if (th->index == 0 && is_pl330_chan(th->chan)) {
		if (p->fault && round < 2)
			th->inject = round ? PL330_INJECT_UNDEF : PL330_INJECT_BAD_LOOP;
		else if (p->stall && round == 0)
			th->inject = PL330_INJECT_STALL;
	}
	if (p->norandom || th->inject == PL330_INJECT_BAD_LOOP) {
		th->len = size / (th->inject ? 2 : 1);	/* long enough to loop */
		th->src_off = th->dst_off = 0;
	} else {
		th->len = pick(th, size, p->alignment);
		if (!th->len)
			th->len = 1U << p->alignment;
		th->src_off = pick(th, size - th->len + 1, p->alignment);
		th->dst_off = pick(th, size - th->len + 1, p->alignment);
	}
	th->tests++;
	dmatest_fill(th->src, th->dst, size, th->src_off, th->dst_off, th->len);

	th->src_dma = dma_map_single(dev, th->src, size, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, th->src_dma)) {
		th->failures++;
		result(th, "src mapping error");
		return false;
	}
	th->dst_dma = dma_map_single(dev, th->dst, size, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(dev, th->dst_dma)) {
		dma_unmap_single(dev, th->src_dma, size, DMA_TO_DEVICE);
		th->failures++;
		result(th, "dst mapping error");
		return false;
	}
	th->mapped = true;
	if (th->inject)
		pl330_inject(th->chan, th->inject);
	tx = dmaengine_prep_dma_memcpy(th->chan, th->dst_dma + th->dst_off,
				       th->src_dma + th->src_off, th->len, DMA_PREP_INTERRUPT);
	if (!tx) {
		th->failures++;
		result(th, "prep error");
		return false;
	}
	th->done = false;
	tx->callback_result = dmatest_callback;
	tx->callback_param = th;
	th->cookie = dmaengine_submit(tx);
	if (dma_submit_error(th->cookie)) {
		th->failures++;
		result(th, "submit error");
		return false;
	}
	th->in_flight = true;
	return true;
}

/* Unmap and judge a test that ended (or was given up). */
static void finish_test(struct dmatest_thread *th, const struct dmatest_params *p,
			struct dmatest_totals *t, bool timed_out)
{
	struct device *dev = th->chan->device->dev;
	unsigned int size = p->test_buf_size;

	if (th->mapped) {
		dma_unmap_single(dev, th->src_dma, size, DMA_TO_DEVICE);
		dma_unmap_single(dev, th->dst_dma, size, DMA_BIDIRECTIONAL);
		th->mapped = false;
	}
	if (!th->in_flight)
		return;
	th->in_flight = false;
	smp_rmb();		/* the callback's result after its flag */
	if (th->inject) {
		t->faults_injected++;
		if (timed_out || th->res.result != DMA_TRANS_NOERROR) {
			t->faults_recovered++;
			return;
		}
		th->failures++;
		result(th, "injected fault not detected");
		return;
	}
	if (timed_out) {
		th->failures++;
		result(th, "test timed out");
		return;
	}
	if (th->res.result != DMA_TRANS_NOERROR) {
		th->failures++;
		result(th, "completion error status");
		return;
	}
	if (dmatest_verify(th->name, th->src, th->dst, size, th->src_off, th->dst_off, th->len)) {
		th->failures++;
		result(th, "data error");
		return;
	}
	th->bytes += th->len;
	t->bytes += th->len;
}

/* Tests in flight whose callback has not come yet. */
static unsigned int pending_tests(struct dmatest_thread *th, unsigned int n)
{
	unsigned int i, pending = 0;

	for (i = 0; i < n; i++)
		pending += th[i].in_flight && !READ_ONCE(th[i].done);
	return pending;
}

/*
 * Wait for every test in flight, asleep between callbacks; once a tick ask
 * the driver about the ones still pending (it may find stalls).
 */
static void wait_round(struct dmatest_thread *th, unsigned int n, unsigned int timeout_ms)
{
	u64 deadline = local_clock() + (u64)timeout_ms * 1000000;
	unsigned int i;

	while (pending_tests(th, n) && local_clock() < deadline) {
		for (i = 0; i < n; i++)
			if (th[i].in_flight && !READ_ONCE(th[i].done))
				dmaengine_tx_status(th[i].chan, th[i].cookie, NULL);
		wait_event_timeout(done_wait, !pending_tests(th, n), 1);
	}
}

static void run_rounds(struct dmatest_thread *th, unsigned int n, struct dma_chan **chans,
		       unsigned int nchans, const struct dmatest_params *p,
		       struct dmatest_totals *t)
{
	unsigned int round, i, c;

	for (round = 0; round < p->iterations; round++) {
		for (i = 0; i < n; i++)
			start_test(&th[i], p, round);
		for (c = 0; c < nchans; c++)
			dma_async_issue_pending(chans[c]);
		wait_round(th, n, p->timeout);
		/* A channel with a test that never ended is stopped before its buffers are unmapped. */
		for (c = 0; c < nchans; c++)
			for (i = 0; i < n; i++)
				if (th[i].chan == chans[c] && th[i].in_flight && !READ_ONCE(th[i].done)) {
					dmaengine_terminate_sync(chans[c]);
					break;
				}
		for (i = 0; i < n; i++)
			finish_test(&th[i], p, t, th[i].in_flight && !READ_ONCE(th[i].done));
	}
}

static unsigned int request_channels(const struct dmatest_params *p, struct dma_chan **chans)
{
	unsigned int max = p->max_channels ? min(p->max_channels, MAX_CHANNELS) : MAX_CHANNELS;
	unsigned int n = 0;
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	while (n < max) {
		chans[n] = dma_request_channel(mask, dmatest_filter, (void *)p);
		if (!chans[n])
			break;
		n++;
	}
	return n;
}

static bool alloc_buffers(struct dmatest_thread *th, unsigned int size)
{
	th->order = get_order(size);
	th->src_page = alloc_pages(GFP_KERNEL, th->order);
	th->dst_page = alloc_pages(GFP_KERNEL, th->order);
	if (!th->src_page || !th->dst_page)
		return false;
	th->src = page_address(th->src_page);
	th->dst = page_address(th->dst_page);
	return true;
}

static void free_buffers(struct dmatest_thread *th)
{
	if (th->src_page)
		__free_pages(th->src_page, th->order);
	if (th->dst_page)
		__free_pages(th->dst_page, th->order);
}

static void print_summary(const char *name, unsigned long tests, unsigned long failures,
			   unsigned long long bytes, u64 ns)
{
	u64 us = ns / 1000 ? ns / 1000 : 1;
	u64 iops100 = (u64)tests * 100000000ULL / us;

	pr_info("dmatest: %s: summary %lu tests, %lu failures %llu.%02llu iops %llu KB/s (0)\n",
		name, tests, failures, iops100 / 100, iops100 % 100,
		bytes * 1000000ULL / us / 1024);
}

int dmatest_run(const struct dmatest_params *p, struct dmatest_totals *t)
{
	struct dma_chan *chans[MAX_CHANNELS];
	bool barriers[MAX_CHANNELS];
	struct dmatest_thread *th;
	unsigned int nchans, nthreads, per = clamp(p->threads_per_chan, 1U, (unsigned int)MAX_THREADS);
	unsigned int i, c;
	size_t th_size;
	u64 start;
	int ret = 0;

	memset(t, 0, sizeof(*t));
	if (p->test_buf_size < 256 || p->iterations == 0)
		return -EINVAL;
	if (p->stall)
		per = 1;	/* a stalled channel takes its other threads' tests with it */
	nchans = request_channels(p, chans);
	if (!nchans) {
		pr_info("dmatest: no channels to test: %s\n", dma_async_device_count() ?
			"none free or none matched" : "no DMA controller on this board");
		return -ENODEV;
	}
	nthreads = nchans * per;
	th_size = sizeof(*th) * nthreads;
	th = alloc_pages_exact(th_size, GFP_KERNEL | __GFP_ZERO);
	if (!th) {
		ret = -ENOMEM;
		goto release;
	}
	for (c = 0; c < nchans; c++) {
		for (i = 0; i < per; i++) {
			struct dmatest_thread *x = &th[c * per + i];

			x->chan = chans[c];
			x->index = i;
			x->rnd = p->seed ^ (c * 7919 + i * 104729 + 1);
			snprintf(x->name, sizeof(x->name), "%s-copy%u", dma_chan_name(chans[c]), i);
			if (!alloc_buffers(x, p->test_buf_size)) {
				ret = -ENOMEM;
				goto free;
			}
		}
	}
	for (c = 0; c < nchans; c++) {
		if (is_pl330_chan(chans[c])) {
			barriers[c] = pl330_set_barriers(chans[c], true);
			pl330_set_barriers(chans[c], p->r0p0 || barriers[c]);
		}
		pr_info("dmatest: Added %u threads using %s\n", per, dma_chan_name(chans[c]));
	}
	t->channels = nchans;
	t->threads = nthreads;
	start = local_clock();
	run_rounds(th, nthreads, chans, nchans, p, t);
	t->runtime_ns = local_clock() - start;

	for (i = 0; i < nthreads; i++) {
		t->tests += th[i].tests;
		t->failures += th[i].failures;
		print_summary(th[i].name, th[i].tests, th[i].failures, th[i].bytes, t->runtime_ns);
	}
	if (t->faults_injected)
		pr_info("dmatest: %lu faults injected, %lu detected and recovered\n",
			t->faults_injected, t->faults_recovered);
	{
		u64 us = t->runtime_ns / 1000 ? t->runtime_ns / 1000 : 1;

		pr_info("dmatest: %lu tests, %lu failures, %llu iops, %llu KB/s\n", t->tests,
			t->failures, (u64)t->tests * 1000000ULL / us, t->bytes * 1000000ULL / us / 1024);
	}
	/* Last to first: the first channel of a controller saved its original setting. */
	for (c = nchans; c-- > 0;)
		if (is_pl330_chan(chans[c]))
			pl330_set_barriers(chans[c], barriers[c]);
free:
	for (i = 0; i < nthreads; i++)
		free_buffers(&th[i]);
	free_pages_exact(th, th_size);
release:
	for (c = 0; c < nchans; c++)
		dma_release_channel(chans[c]);
	return ret;
}

static int parse_param(struct dmatest_params *p, const char *arg)
{
	static const struct { const char *name; size_t off; bool is_bool; } uparams[] = {
		{ "test_buf_size", offsetof(struct dmatest_params, test_buf_size), false },
		{ "threads_per_chan", offsetof(struct dmatest_params, threads_per_chan), false },
		{ "max_channels", offsetof(struct dmatest_params, max_channels), false },
		{ "iterations", offsetof(struct dmatest_params, iterations), false },
		{ "timeout", offsetof(struct dmatest_params, timeout), false },
		{ "alignment", offsetof(struct dmatest_params, alignment), false },
		{ "seed", offsetof(struct dmatest_params, seed), false },
		{ "norandom", offsetof(struct dmatest_params, norandom), true },
		{ "fault", offsetof(struct dmatest_params, fault), true },
		{ "stall", offsetof(struct dmatest_params, stall), true },
		{ "r0p0", offsetof(struct dmatest_params, r0p0), true },
	};
	const char *eq = strchr(arg, '=');
	unsigned long v;
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	unsigned int i;

	if (eq && n == 7 && !strncmp(arg, "channel", 7)) {
		strncpy(p->channel, eq + 1, sizeof(p->channel) - 1);
		return 0;
	}
	if (eq && n == 6 && !strncmp(arg, "device", 6)) {
		strncpy(p->device, eq + 1, sizeof(p->device) - 1);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(uparams); i++) {
		if (strlen(uparams[i].name) != n || strncmp(arg, uparams[i].name, n))
			continue;
		if (!eq || kstrtoul(eq + 1, 0, &v))
			return -EINVAL;
		if (uparams[i].is_bool)
			*(bool *)((char *)p + uparams[i].off) = v != 0;
		else
			*(unsigned int *)((char *)p + uparams[i].off) = v;
		return 0;
	}
	return -EINVAL;
}

static int cmd_dmatest(int argc, char **argv)
{
	struct dmatest_params p;
	struct dmatest_totals t;
	int i, ret;

	dmatest_default_params(&p);
	for (i = 1; i < argc; i++) {
		if (parse_param(&p, argv[i])) {
			shell_printf("dmatest: bad parameter '%s'\n"
				     "usage: dmatest [test_buf_size=N] [threads_per_chan=N] [iterations=N]\n"
				     "               [max_channels=N] [channel=dmaXchanY] [device=NAME]\n"
				     "               [timeout=ms] [alignment=log2] [norandom=1] [seed=N]\n"
				     "               [fault=1] [stall=1] [r0p0=1]\n", argv[i]);
			return -EINVAL;
		}
	}
	ret = dmatest_run(&p, &t);
	if (ret)
		return ret;
	return t.failures ? -EIO : 0;
}
SHELL_COMMAND("dmatest", "test the DMA engines: memcpy on every channel (dmatest -h)", cmd_dmatest);
