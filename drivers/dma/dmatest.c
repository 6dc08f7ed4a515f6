/*
 * dmatest: Linux's DMA engine test. For every channel under test,
 * threads_per_chan kernel threads ("dma0chan3-copy1") each own a source
 * and a destination buffer and run `iterations` tests: copy a random
 * length from a random source offset to a random destination offset.
 * Before it, both buffers are filled with patterns that say, for every
 * byte, which buffer and region it is in and its position; after it, the
 * source must be unchanged, the destination outside the copy untouched,
 * and inside equal to the source. Miscompares are reported with the region
 * and offset. Buffers are ordinary memory lent to the device with
 * dma_map_single for each test. A thread sleeps on its own wait queue until
 * its callback wakes it or `timeout` ms pass; then it asks the channel for
 * the cookie's status (which lets the PL330 driver find a stalled copy)
 * and, if the callback still has not come, terminates the channel.
 *
 * The threads of all channels run at once, on every CPU, so several
 * threads prepare, submit and issue on one channel concurrently. The
 * caller creates them all, prints "Added N threads using dmaXchanY", wakes
 * them, sleeps until every one has finished, stops them (kthread_stop),
 * releases the channels and prints each thread's summary and the totals.
 *
 * Less than Linux: runs are started by the `dmatest` command
 * (drivers/dma/dma_commands.c) or KUnit, not module parameters and a `run` file; the caller always waits (Linux's
 * wait=1); only memcpy is tested (no xor/pq), with no polled mode and no
 * verbose or noverify; at most MAX_THREADS threads per channel. With
 * fault=1 or stall=1 (PL330 only) the first tests of each channel's first
 * thread run deliberately bad programs (pl330_inject_tx, so never another
 * thread's transfer): they must end with an error and the channel must go
 * on working. stall=1 runs one thread per channel: a stalled channel holds
 * every transfer queued behind it, and the timeout's termination drops them.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/time64.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/dma/pl330.h>
#include <limits.h>
#include <string.h>
#include "dmatest.h"

#define PATTERN_SRC        0x80
#define PATTERN_DST        0x00
#define PATTERN_COPY       0x40
#define PATTERN_OVERWRITE  0x20
#define PATTERN_COUNT_MASK 0x1f
#define MAX_ERROR_COUNT    32	/* miscompares reported per buffer check */
#define MAX_CHANNELS       32
#define MAX_THREADS        8

struct dmatest_info;

struct dmatest_thread {
	struct dmatest_info *info;
	struct task_struct *task;
	char name[32];			/* "dma0chan3-copy1"; the task's name is this, cut to TASK_COMM_LEN */
	unsigned int index;		/* the 1 in copy1 */
	struct dma_chan *chan;
	struct page *src_page, *dst_page;
	u8 *src, *dst;
	unsigned int order;
	struct rnd_state rnd;
	/* The test in flight: the callback stores its result, then the flag, and wakes the thread. */
	wait_queue_head_t done_wait;
	bool done;
	struct dmaengine_result res;
	/* Totals, the caller's to read once the thread has ended. */
	unsigned int tests;
	unsigned long failures, faults_injected, faults_recovered;
	unsigned long long bytes;
	u64 fill_ns, verify_ns, runtime_ns;
	unsigned long cpus;		/* bit n: a test began on CPU n */
	unsigned long cross_cpu;	/* tests begun while one begun on another CPU was going */
	int ret;			/* the thread function's, from kthread_stop */
	bool finished;			/* its loop is over: what the caller waits for */
};

/* One run: its parameters, and every thread of every channel. */
struct dmatest_info {
	struct dmatest_params params;
	wait_queue_head_t thread_wait;	/* woken by each thread that finishes */
	atomic_t in_test[NR_CPUS];	/* tests going on, by the CPU they began on */
	unsigned int nthreads;
	struct dmatest_thread thread[];
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

/* One test: what it copies, and how it went. */
struct dmatest_xfer {
	unsigned int src_off, dst_off, len;
	enum pl330_inject inject;
	dma_addr_t src_dma, dst_dma;
	bool timed_out;			/* no callback within the timeout */
	bool failed;			/* ended with an error, or timed out */
};

static void result(const struct dmatest_thread *th, const char *err,
		   const struct dmatest_xfer *x)
{
	pr_info("dmatest: %s: result #%u: '%s' with src_off=0x%x dst_off=0x%x len=0x%x (%lu)\n",
		th->name, th->tests, err, x->src_off, x->dst_off, x->len, th->failures);
}

static void fail(struct dmatest_thread *th, const char *err, const struct dmatest_xfer *x)
{
	th->failures++;
	result(th, err, x);
}

static void dmatest_callback(void *arg, const struct dmaengine_result *res)
{
	struct dmatest_thread *th = arg;

	th->res = *res;
	smp_wmb();		/* the result before the flag */
	WRITE_ONCE(th->done, true);
	wake_up(&th->done_wait);
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
	unsigned int v = range ? prandom_u32_state(&th->rnd) % range : 0;

	return v & ~((1U << align) - 1);
}

/* The next test's bad program, if any: a channel's first thread, its first tests. */
static enum pl330_inject injection(const struct dmatest_thread *th, const struct dmatest_params *p)
{
	if (th->index || !is_pl330_chan(th->chan))
		return PL330_INJECT_NONE;
	if (p->fault && th->tests < 2)
		return th->tests ? PL330_INJECT_UNDEF : PL330_INJECT_BAD_LOOP;
	if (p->stall && th->tests == 0)
		return PL330_INJECT_STALL;
	return PL330_INJECT_NONE;
}

static void choose(struct dmatest_thread *th, const struct dmatest_params *p,
		   struct dmatest_xfer *x)
{
	unsigned int size = p->test_buf_size;

	memset(x, 0, sizeof(*x));
	x->inject = injection(th, p);
	if (p->norandom || x->inject == PL330_INJECT_BAD_LOOP) {
		x->len = size / (x->inject ? 2 : 1);	/* long enough to loop */
		return;
	}
	x->len = pick(th, size, p->alignment);
	if (!x->len)
		x->len = 1U << p->alignment;
	x->src_off = pick(th, size - x->len + 1, p->alignment);
	x->dst_off = pick(th, size - x->len + 1, p->alignment);
}

/* A test begins on this CPU: note the CPU, and whether one begun on another is still going. */
static unsigned int test_begins(struct dmatest_thread *th)
{
	atomic_t *in_test = th->info->in_test;
	unsigned int cpu = raw_smp_processor_id(), other;

	th->cpus |= 1UL << cpu;
	atomic_inc(&in_test[cpu]);
	for (other = 0; other < NR_CPUS; other++)
		if (other != cpu && atomic_read(&in_test[other])) {
			th->cross_cpu++;
			break;
		}
	return cpu;
}

static void test_ends(struct dmatest_thread *th, unsigned int cpu)
{
	atomic_dec(&th->info->in_test[cpu]);
}

/*
 * Prepare, submit and issue the copy, and wait for it; false (reported)
 * if it could not be started. A copy whose callback never came is
 * terminated before its buffers are unmapped; other threads' transfers
 * queued on the channel go with it and time out in their turn.
 */
static bool transfer(struct dmatest_thread *th, struct dmatest_xfer *x)
{
	const struct dmatest_params *p = &th->info->params;
	struct dma_async_tx_descriptor *tx;
	enum dma_status status;
	dma_cookie_t cookie;

	tx = dmaengine_prep_dma_memcpy(th->chan, x->dst_dma + x->dst_off, x->src_dma + x->src_off,
				       x->len, DMA_PREP_INTERRUPT);
	if (!tx) {
		fail(th, "prep error", x);
		return false;
	}
	if (x->inject)
		pl330_inject_tx(tx, x->inject);
	th->done = false;
	tx->callback_result = dmatest_callback;
	tx->callback_param = th;
	cookie = dmaengine_submit(tx);
	if (dma_submit_error(cookie)) {
		fail(th, "submit error", x);
		return false;
	}
	dma_async_issue_pending(th->chan);
	wait_event_timeout(th->done_wait, READ_ONCE(th->done), msecs_to_jiffies(p->timeout));
	status = dma_async_is_tx_complete(th->chan, cookie, NULL, NULL);
	x->timed_out = !READ_ONCE(th->done);
	if (x->timed_out)
		dmaengine_terminate_sync(th->chan);
	smp_rmb();		/* the callback's result after its flag */
	x->failed = x->timed_out || th->res.result != DMA_TRANS_NOERROR || status != DMA_COMPLETE;
	return true;
}

/* Judge a copy that ran (or was given up). */
static void judge(struct dmatest_thread *th, const struct dmatest_xfer *x)
{
	unsigned int size = th->info->params.test_buf_size, errors;
	u64 t0;

	if (x->inject) {
		th->faults_injected++;
		if (x->failed)
			th->faults_recovered++;
		else
			fail(th, "injected fault not detected", x);
		return;
	}
	if (x->timed_out) {
		fail(th, "test timed out", x);
		return;
	}
	if (x->failed) {
		fail(th, "completion error status", x);
		return;
	}
	t0 = local_clock();
	errors = dmatest_verify(th->name, th->src, th->dst, size, x->src_off, x->dst_off, x->len);
	th->verify_ns += local_clock() - t0;
	if (errors) {
		fail(th, "data error", x);
		return;
	}
	th->bytes += x->len;
}

static void dmatest_one(struct dmatest_thread *th)
{
	struct device *dev = th->chan->device->dev;
	unsigned int size = th->info->params.test_buf_size, cpu;
	struct dmatest_xfer x;
	bool ran;
	u64 t0;

	choose(th, &th->info->params, &x);
	th->tests++;
	cpu = test_begins(th);
	t0 = local_clock();
	dmatest_fill(th->src, th->dst, size, x.src_off, x.dst_off, x.len);
	th->fill_ns += local_clock() - t0;

	x.src_dma = dma_map_single(dev, th->src, size, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, x.src_dma)) {
		fail(th, "src mapping error", &x);
		goto out;
	}
	x.dst_dma = dma_map_single(dev, th->dst, size, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(dev, x.dst_dma)) {
		dma_unmap_single(dev, x.src_dma, size, DMA_TO_DEVICE);
		fail(th, "dst mapping error", &x);
		goto out;
	}
	ran = transfer(th, &x);
	dma_unmap_single(dev, x.src_dma, size, DMA_TO_DEVICE);
	dma_unmap_single(dev, x.dst_dma, size, DMA_BIDIRECTIONAL);
	if (ran)
		judge(th, &x);
out:
	test_ends(th, cpu);
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

/* Where a thread told to oops writes. */
static char *volatile dmatest_null;

/* A test thread: its own buffers, `iterations` tests on its channel. */
static int dmatest_func(void *data)
{
	struct dmatest_thread *th = data;
	const struct dmatest_params *p = &th->info->params;
	u64 start = local_clock();
	int ret = 0;

	if (p->oops && !th->index)
		*dmatest_null = 1;	/* dies here, holding nothing: no word to the caller */
	if (alloc_buffers(th, p->test_buf_size)) {
		while (th->tests < p->iterations && !kthread_should_stop())
			dmatest_one(th);
	} else {
		pr_info("dmatest: %s: no memory for two %u-byte buffers\n", th->name,
			p->test_buf_size);
		th->failures++;
		ret = -ENOMEM;
	}
	free_buffers(th);
	/* As Linux: the time spent copying, not filling and checking buffers. */
	th->runtime_ns = local_clock() - start - th->fill_ns - th->verify_ns;
	smp_wmb();		/* the totals before the flag */
	WRITE_ONCE(th->finished, true);
	wake_up(&th->info->thread_wait);
	return ret;
}

/* Every thread finished its tests, or died (an oops kills a thread without a word to us). */
static bool all_finished(struct dmatest_info *info)
{
	unsigned int i;

	for (i = 0; i < info->nthreads; i++)
		if (!READ_ONCE(info->thread[i].finished) &&
		    !completion_done(&info->thread[i].task->exited))
			return false;
	return true;
}

/*
 * kthread_stop() returns once the thread function has; the task still
 * switches away one last time before the reference we took at creation
 * is the only one left. Waiting for that makes its stack and task_struct
 * go back before dmatest returns (the self-tests count pages and objects).
 */
static int stop_thread(struct task_struct *task)
{
	int ret = kthread_stop(task);

	while (!(READ_ONCE(task->state) & TASK_DEAD) || READ_ONCE(task->on_cpu))
		schedule_timeout_uninterruptible(1);
	put_task_struct(task);
	return ret;
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

/* Create a channel's threads (asleep until woken); false if one could not be. */
static bool add_threads(struct dmatest_info *info, struct dma_chan *chan, unsigned int chan_index,
			unsigned int per)
{
	unsigned int i;

	for (i = 0; i < per; i++) {
		struct dmatest_thread *th = &info->thread[info->nthreads];
		struct task_struct *task;

		th->info = info;
		th->chan = chan;
		th->index = i;
		prandom_seed_state(&th->rnd, info->params.seed ^ (chan_index * 7919 + i * 104729 + 1));
		init_waitqueue_head(&th->done_wait);
		snprintf(th->name, sizeof(th->name), "%s-copy%u", dma_chan_name(chan), i);
		task = kthread_create(dmatest_func, th, "%s", th->name);
		if (IS_ERR(task)) {
			pr_err("dmatest: %s: cannot create its thread (%ld)\n", th->name,
			       PTR_ERR(task));
			return false;
		}
		/* Ours until stop_thread(): the thread ends on its own before kthread_stop(). */
		get_task_struct(task);
		th->task = task;
		info->nthreads++;
	}
	pr_info("dmatest: Added %u threads using %s\n", per, dma_chan_name(chan));
	return true;
}

static void print_summary(const char *name, unsigned long tests, unsigned long failures,
			  unsigned long long bytes, u64 ns, int ret)
{
	u64 us = ns / NSEC_PER_USEC ? ns / NSEC_PER_USEC : 1;
	u64 iops100 = (u64)tests * 100000000ULL / us;

	pr_info("dmatest: %s: summary %lu tests, %lu failures %llu.%02llu iops %llu KB/s (%d)\n",
		name, tests, failures, iops100 / 100, iops100 % 100,
		bytes * USEC_PER_SEC / us / 1024, ret);
}

static void report(struct dmatest_info *info, struct dmatest_totals *t)
{
	u64 us = t->runtime_ns / NSEC_PER_USEC ? t->runtime_ns / NSEC_PER_USEC : 1;
	unsigned int i;

	for (i = 0; i < info->nthreads; i++) {
		struct dmatest_thread *th = &info->thread[i];

		t->tests += th->tests;
		t->failures += th->failures;
		t->bytes += th->bytes;
		t->faults_injected += th->faults_injected;
		t->faults_recovered += th->faults_recovered;
		t->cpus |= th->cpus;
		t->cross_cpu += th->cross_cpu;
		print_summary(th->name, th->tests, th->failures, th->bytes, th->runtime_ns, th->ret);
	}
	if (t->faults_injected)
		pr_info("dmatest: %lu faults injected, %lu detected and recovered\n",
			t->faults_injected, t->faults_recovered);
	pr_info("dmatest: %lu tests, %lu failures, %llu iops, %llu KB/s\n", t->tests,
		t->failures, (u64)t->tests * USEC_PER_SEC / us, t->bytes * USEC_PER_SEC / us / 1024);
}

/* What Linux's dmatest refuses, and what these buffers cannot hold. */
static bool params_ok(const struct dmatest_params *p)
{
	if (p->test_buf_size < DMATEST_MIN_BUF || p->test_buf_size > DMATEST_MAX_BUF) {
		pr_err("dmatest: test_buf_size=%u: must be %u..%lu\n", p->test_buf_size,
		       DMATEST_MIN_BUF, DMATEST_MAX_BUF);
		return false;
	}
	if (p->alignment >= 31 || (1U << p->alignment) > p->test_buf_size) {
		pr_err("dmatest: %u-byte buffer too small for %u-byte alignment\n",
		       p->test_buf_size, p->alignment >= 31 ? 0 : 1U << p->alignment);
		return false;
	}
	if (!p->iterations) {
		pr_err("dmatest: iterations=0: must be at least 1\n");
		return false;
	}
	if (!p->threads_per_chan || p->threads_per_chan > MAX_THREADS) {
		pr_err("dmatest: threads_per_chan=%u: must be 1..%d\n", p->threads_per_chan,
		       MAX_THREADS);
		return false;
	}
	if (!p->timeout || p->timeout > DMATEST_MAX_TIMEOUT) {
		pr_err("dmatest: timeout=%u: must be 1..%u ms\n", p->timeout, DMATEST_MAX_TIMEOUT);
		return false;
	}
	return true;
}

int dmatest_run(const struct dmatest_params *p, struct dmatest_totals *t)
{
	struct dma_chan *chans[MAX_CHANNELS];
	bool barriers[MAX_CHANNELS];
	struct dmatest_info *info;
	unsigned int nchans, per = p->threads_per_chan;
	unsigned int i, c;
	u64 start;
	int ret = 0;

	memset(t, 0, sizeof(*t));
	if (!params_ok(p))
		return -EINVAL;
	if (p->stall && per > 1) {
		pr_info("dmatest: stall=1: one thread per channel\n");
		per = 1;
	}
	nchans = request_channels(p, chans);
	if (!nchans) {
		pr_info("dmatest: no channels to test: %s\n", dma_async_device_count() ?
			"none free or none matched" : "no DMA controller on this board");
		return -ENODEV;
	}
	info = kzalloc(sizeof(*info) + nchans * per * sizeof(info->thread[0]), GFP_KERNEL);
	if (!info) {
		ret = -ENOMEM;
		goto release;
	}
	info->params = *p;
	init_waitqueue_head(&info->thread_wait);
	for (c = 0; c < nchans; c++) {
		if (is_pl330_chan(chans[c])) {
			barriers[c] = pl330_set_barriers(chans[c], true);
			pl330_set_barriers(chans[c], p->r0p0 || barriers[c]);
		}
	}
	for (c = 0; c < nchans && !ret; c++)
		if (!add_threads(info, chans[c], c, per))
			ret = -ENOMEM;
	if (!ret) {
		t->channels = nchans;
		t->threads = info->nthreads;
		start = local_clock();
		for (i = 0; i < info->nthreads; i++)
			wake_up_process(info->thread[i].task);
		/* A dying thread does not wake us: look again every period. */
		while (!wait_event_timeout(info->thread_wait, all_finished(info), HZ))
			;
		t->runtime_ns = local_clock() - start;
	}
	/* Threads that never ran (creation failed) end here without running dmatest_func. */
	for (i = 0; i < info->nthreads; i++) {
		struct dmatest_thread *th = &info->thread[i];

		th->ret = stop_thread(th->task);
		if (!ret && !READ_ONCE(th->finished)) {
			pr_err("dmatest: %s: the thread died (exit code %d)\n", th->name, th->ret);
			th->failures++;
		}
	}
	smp_rmb();		/* the threads' totals after their flags */
	if (!ret)
		report(info, t);
	/* Last to first: the first channel of a controller saved its original setting. */
	for (c = nchans; c-- > 0;)
		if (is_pl330_chan(chans[c]))
			pl330_set_barriers(chans[c], barriers[c]);
release:
	/* Releasing also waits for callbacks still running: only then can info go. */
	for (c = 0; c < nchans; c++)
		dma_release_channel(chans[c]);
	kfree(info);
	return ret;
}

int dmatest_param(void *params, const char *key, const char *val)
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
	struct dmatest_params *p = params;
	unsigned long v;
	unsigned int i;
	int err;

	if (!strcmp(key, "channel") || !strcmp(key, "device")) {
		char *name = key[0] == 'c' ? p->channel : p->device;
		size_t size = key[0] == 'c' ? sizeof(p->channel) : sizeof(p->device);

		if (strlen(val) >= size)
			return -ERANGE;
		strcpy(name, val);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(uparams); i++) {
		if (strcmp(key, uparams[i].name))
			continue;
		err = kstrtoul(val, 0, &v);
		if (err)
			return err;
		if (uparams[i].is_bool) {
			if (v > 1)
				return -ERANGE;
			*(bool *)((char *)p + uparams[i].off) = v;
		} else {
			if (v > UINT_MAX)
				return -ERANGE;
			*(unsigned int *)((char *)p + uparams[i].off) = v;
		}
		return 0;
	}
	return -ENOENT;
}
