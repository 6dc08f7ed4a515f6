/*
 * KUnit suite "dmatest": the checker itself (a wrong byte in any region is
 * caught and named), bad parameters refused, then dmatest on every
 * channel: plain, with its threads spread over the CPUs and running at
 * once, with r0p0 programs, with deliberately bad programs (each must fail
 * and leave its channel working, also with other threads on the channel)
 * and with a stall its client gives up on; a thread that dies is counted
 * as failed, not waited for. On a board without a DMA controller, dmatest
 * must say so and refuse.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/dmaengine.h>
#include <linux/bitops.h>
#include <linux/smp.h>
#include <string.h>
#include <mica/board.h>
#include <mica/kunit.h>
#include "dmatest.h"

#define SIZE 256

/* A copy done right: the copied region of dst takes src's bytes. */
static void good_copy(u8 *src, u8 *dst, unsigned int so, unsigned int dof, unsigned int len)
{
	dmatest_fill(src, dst, SIZE, so, dof, len);
	memcpy(dst + dof, src + so, len);
}

static void verify_catches_every_region(struct kunit *test)
{
	static u8 src[SIZE], dst[SIZE];
	/* One offset in each region: src before/in/after, dst before/in/after. */
	static const struct { bool in_src; unsigned int at; } wrong[] = {
		{ true, 3 }, { true, 10 + 5 }, { true, 200 }, { false, 7 }, { false, 40 + 29 },
		{ false, 255 },
	};
	unsigned int i;

	good_copy(src, dst, 10, 40, 30);
	KUNIT_EXPECT_EQ(test, dmatest_verify("kunit", src, dst, SIZE, 10, 40, 30), 0);
	for (i = 0; i < ARRAY_SIZE(wrong); i++) {
		u8 *buf = wrong[i].in_src ? src : dst;

		good_copy(src, dst, 10, 40, 30);
		buf[wrong[i].at] ^= 0x01;
		KUNIT_EXPECT_EQ(test, dmatest_verify("kunit", src, dst, SIZE, 10, 40, 30), 1);
	}
	/* Nothing copied at all: every byte of the region is wrong. */
	dmatest_fill(src, dst, SIZE, 10, 40, 3);
	KUNIT_EXPECT_EQ(test, dmatest_verify("kunit", src, dst, SIZE, 10, 40, 3), 3);
}

/*
 * What Linux's dmatest refuses, refused before any channel or thread: a
 * buffer smaller than its alignment (alignment=15 on 16 KiB wrote past the
 * buffers), sizes out of range, no iterations or threads, no timeout.
 */
static void bad_parameters_refused(struct kunit *test)
{
	static const struct { const char *key, *val; } bad[] = {
		{ "test_buf_size", "255" }, { "test_buf_size", "0" },
		{ "test_buf_size", "4194305" }, { "test_buf_size", "0xffffffff" },
		{ "alignment", "15" }, { "alignment", "31" },
		{ "iterations", "0" }, { "threads_per_chan", "0" }, { "threads_per_chan", "9" },
		{ "timeout", "0" },
	};
	struct dmatest_params p;
	struct dmatest_totals t;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		dmatest_default_params(&p);
		KUNIT_ASSERT_EQ(test, dmatest_param(&p, bad[i].key, bad[i].val), 0);
		KUNIT_EXPECT_EQ_MSG(test, dmatest_run(&p, &t), -EINVAL, "%s=%s", bad[i].key,
				    bad[i].val);
		KUNIT_EXPECT_EQ(test, t.tests, 0);
		KUNIT_EXPECT_EQ(test, t.threads, 0);
	}
	/* What the parser itself refuses. */
	dmatest_default_params(&p);
	KUNIT_EXPECT_EQ(test, dmatest_param(&p, "norandom", "2"), -ERANGE);
	KUNIT_EXPECT_EQ(test, dmatest_param(&p, "iterations", "x"), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmatest_param(&p, "channel", "a_channel_name_that_is_far_too_long"),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, dmatest_param(&p, "nonsense", "1"), -ENOENT);
}

static void need_controller(struct kunit *test)
{
	if (!board.nr_dma)
		kunit_skip(test, "no DMA controller on %s", board.name);
}

static void runs_on_every_channel_or_says_none(struct kunit *test)
{
	struct dmatest_params p;
	struct dmatest_totals t;
	int ret;

	dmatest_default_params(&p);
	p.iterations = 10;
	p.threads_per_chan = 2;
	p.test_buf_size = 4096;
	ret = dmatest_run(&p, &t);
	if (!board.nr_dma) {
		KUNIT_EXPECT_EQ(test, ret, -ENODEV);
		KUNIT_EXPECT_EQ(test, dma_async_device_count(), 0);
		KUNIT_EXPECT_EQ(test, t.tests, 0);
		return;
	}
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, t.channels, 8 * board.nr_dma);
	KUNIT_EXPECT_EQ(test, t.threads, t.channels * 2);
	KUNIT_EXPECT_EQ(test, t.tests, t.channels * 2 * 10);
	KUNIT_EXPECT_EQ(test, t.failures, 0);
	KUNIT_EXPECT_GT(test, t.bytes, 0);
	/* Every channel came back: dmatest can take them all again. */
	KUNIT_EXPECT_EQ(test, dmatest_run(&p, &t), 0);
	KUNIT_EXPECT_EQ(test, t.channels, 8 * board.nr_dma);
}

/*
 * The threads are the scheduler's to place: with 48 of them woken at once
 * and sleeping on their callbacks, every online CPU runs some, and tests
 * begin on one CPU while others begun on another are still going.
 */
static void threads_run_at_once_on_every_cpu(struct kunit *test)
{
	unsigned int online = num_online_cpus();
	struct dmatest_params p;
	struct dmatest_totals t;

	need_controller(test);
	if (online < 2)
		kunit_skip(test, "one CPU online");
	dmatest_default_params(&p);
	p.iterations = 20;
	p.threads_per_chan = 2;
	p.test_buf_size = 4096;
	KUNIT_ASSERT_EQ(test, dmatest_run(&p, &t), 0);
	kunit_info(test, "%lu tests on CPUs 0x%lx, %lu begun while another CPU's test was going",
		   t.tests, t.cpus, t.cross_cpu);
	KUNIT_EXPECT_EQ(test, t.failures, 0);
	KUNIT_EXPECT_EQ(test, t.tests, t.threads * 20);
	KUNIT_EXPECT_EQ(test, hweight_long(t.cpus), online);
	KUNIT_EXPECT_GT(test, t.cross_cpu, 0);
}

static void r0p0_programs(struct kunit *test)
{
	struct dmatest_params p;
	struct dmatest_totals t;

	need_controller(test);
	dmatest_default_params(&p);
	p.iterations = 5;
	p.test_buf_size = 4096;
	p.r0p0 = true;
	KUNIT_ASSERT_EQ(test, dmatest_run(&p, &t), 0);
	KUNIT_EXPECT_EQ(test, t.failures, 0);
	KUNIT_EXPECT_EQ(test, t.tests, t.channels * 5);
}

static void bad_programs_fail_and_channels_recover(struct kunit *test)
{
	struct dmatest_params p;
	struct dmatest_totals t;

	need_controller(test);
	dmatest_default_params(&p);
	p.iterations = 4;
	p.test_buf_size = 4096;
	p.fault = true;
	KUNIT_ASSERT_EQ(test, dmatest_run(&p, &t), 0);
	KUNIT_EXPECT_EQ(test, t.faults_injected, 2 * t.channels);
	KUNIT_EXPECT_EQ(test, t.faults_recovered, t.faults_injected);
	KUNIT_EXPECT_EQ(test, t.failures, 0);
	KUNIT_EXPECT_EQ(test, t.tests, t.channels * 4);
}

/*
 * Bad programs on channels the other threads keep using: each must fail its
 * own test only (a misplaced one fails another thread's test and passes its
 * own). pl330.injection_stays_with_its_descriptor forces the order; here
 * the CPUs choose it.
 */
static void faults_stay_with_their_thread(struct kunit *test)
{
	struct dmatest_params p;
	struct dmatest_totals t;

	need_controller(test);
	dmatest_default_params(&p);
	p.iterations = 4;
	p.threads_per_chan = 4;
	p.test_buf_size = 4096;
	p.fault = true;
	KUNIT_ASSERT_EQ(test, dmatest_run(&p, &t), 0);
	KUNIT_EXPECT_EQ(test, t.faults_injected, 2 * t.channels);
	KUNIT_EXPECT_EQ(test, t.faults_recovered, t.faults_injected);
	KUNIT_EXPECT_EQ(test, t.failures, 0);
	KUNIT_EXPECT_EQ(test, t.tests, t.channels * 4 * 4);
}

/*
 * dmatest's own timeout (200 ms) comes before the driver's watchdog (1 s).
 * A stalled channel would take its other threads' tests with it: one
 * thread per channel whatever was asked.
 */
static void client_timeout_recovers_stall(struct kunit *test)
{
	struct dmatest_params p;
	struct dmatest_totals t;

	need_controller(test);
	dmatest_default_params(&p);
	p.iterations = 3;
	p.test_buf_size = 4096;
	p.max_channels = 2;
	p.threads_per_chan = 2;
	p.timeout = 200;
	p.stall = true;
	KUNIT_ASSERT_EQ(test, dmatest_run(&p, &t), 0);
	KUNIT_EXPECT_EQ(test, t.threads, 2);
	KUNIT_EXPECT_EQ(test, t.faults_injected, 2);
	KUNIT_EXPECT_EQ(test, t.faults_recovered, 2);
	KUNIT_EXPECT_EQ(test, t.failures, 0);
}

/*
 * A test thread that dies (an oops kills it without a word to dmatest)
 * is counted as failed; the run ends, the other threads' tests count.
 * The shell used to wait for it forever.
 */
static void dead_thread_is_not_waited_for(struct kunit *test)
{
	struct dmatest_params p;
	struct dmatest_totals t;
	int ret;

	need_controller(test);
	dmatest_default_params(&p);
	p.iterations = 3;
	p.test_buf_size = 4096;
	p.max_channels = 1;
	p.threads_per_chan = 2;
	p.oops = true;
	kunit_expect_fault_begin(test);
	ret = dmatest_run(&p, &t);
	kunit_expect_fault_end(test);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, t.threads, 2);
	KUNIT_EXPECT_EQ(test, t.failures, 1);
	KUNIT_EXPECT_EQ(test, t.tests, 3);
}

static struct kunit_case dmatest_cases[] = {
	KUNIT_CASE(verify_catches_every_region),
	KUNIT_CASE(bad_parameters_refused),
	KUNIT_CASE(runs_on_every_channel_or_says_none),
	KUNIT_CASE(threads_run_at_once_on_every_cpu),
	KUNIT_CASE(r0p0_programs),
	KUNIT_CASE(bad_programs_fail_and_channels_recover),
	KUNIT_CASE(faults_stay_with_their_thread),
	KUNIT_CASE(client_timeout_recovers_stall),
	KUNIT_CASE(dead_thread_is_not_waited_for),
	{}
};

static struct kunit_suite dmatest_suite = {
	.name = "dmatest",
	.test_cases = dmatest_cases,
};
kunit_test_suite(dmatest_suite);
