/*
 * dmatest (drivers/dma/dmatest.c): Linux's DMA engine memcpy test, run by
 * the `dmatest` console command and the `dmatest` KUnit suite.
 */
#ifndef _DRIVERS_DMA_DMATEST_H
#define _DRIVERS_DMA_DMATEST_H

#include <linux/types.h>
#include <linux/mm.h>

#define DMATEST_MIN_BUF     256U
#define DMATEST_MAX_BUF     (PAGE_SIZE << (MAX_ORDER - 1))	/* one buddy block */
#define DMATEST_MAX_TIMEOUT 3600000U			/* ms: an hour */

struct dmatest_params {
	unsigned int test_buf_size;	/* bytes of each source and destination buffer */
	char channel[20];		/* only this channel ("dma0chan3"), "" for all */
	char device[24];		/* only this controller ("12680000.pdma"), "" for all */
	unsigned int threads_per_chan;	/* kernel threads testing each channel */
	unsigned int max_channels;	/* 0: no limit */
	unsigned int iterations;	/* tests per thread */
	unsigned int timeout;		/* ms a thread waits for its transfer */
	unsigned int alignment;		/* log2 of the alignment of lengths and offsets */
	bool norandom;			/* whole buffers, no random lengths and offsets */
	bool fault;			/* PL330 only: the first two tests of each channel run bad programs */
	bool stall;			/* PL330 only: the first test of each channel never ends */
	bool r0p0;			/* PL330 only: build programs with r0p0's barriers */
	bool oops;			/* KUnit only (no key): each channel's first thread oopses */
	u32 seed;
};

struct dmatest_totals {
	unsigned int channels, threads;
	unsigned long tests, failures;
	unsigned long faults_injected, faults_recovered;
	unsigned long long bytes;
	u64 runtime_ns;			/* from waking the threads until the last finished */
	unsigned long cpus;		/* bit n: a test began on CPU n */
	unsigned long cross_cpu;	/* tests begun while one begun on another CPU was going */
};

void dmatest_default_params(struct dmatest_params *p);
/*
 * One "key=value" (or a bare flag: "norandom") into @params, a struct
 * dmatest_params: 0, -ENOENT for an unknown key, -EINVAL or -ERANGE for a
 * bad value. Ranges across parameters are dmatest_run()'s to check.
 */
int dmatest_param(void *params, const char *key, const char *val);
/*
 * Run the test and wait for it; 0, -EINVAL for parameters Linux's dmatest
 * refuses (a buffer outside DMATEST_MIN_BUF..DMATEST_MAX_BUF or smaller
 * than the alignment, no iterations, no or too many threads, a zero
 * timeout), -ENODEV when there is no channel to test, -ENOMEM. Prints as
 * Linux's dmatest. Sleeps; a test thread that dies is counted as failed,
 * never waited for forever.
 */
int dmatest_run(const struct dmatest_params *p, struct dmatest_totals *t);

/*
 * Check one test's buffers (src of @len bytes copied from @src_off to
 * @dst_off of dst, both @size bytes, filled by dmatest_fill for test @n).
 * Returns the number of bytes that are wrong; reports the first few,
 * naming the buffer, its region and the offset.
 */
unsigned int dmatest_verify(const char *thread, const u8 *src, const u8 *dst, unsigned int size,
			    unsigned int src_off, unsigned int dst_off, unsigned int len);
void dmatest_fill(u8 *src, u8 *dst, unsigned int size, unsigned int src_off,
		  unsigned int dst_off, unsigned int len);

#endif
