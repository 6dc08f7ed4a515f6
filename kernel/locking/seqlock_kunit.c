/*
 * KUnit suite "seqlock": a writer on one CPU updating a multi-word record
 * while readers on the other CPUs read it locklessly; readers retry and
 * never accept a torn copy. Also seqcount_t under the caller's own lock,
 * write_tryseqlock, the irqsave forms, and get_jiffies_64 (read through
 * the jiffies seqlock).
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

#define WORDS 8
#define RUN_MS 300

struct record {
	seqlock_t lock;
	seqcount_t count;	/* the seqcount_t variant, writers serialised by wlock */
	spinlock_t wlock;
	volatile unsigned long w[WORDS];	/* all equal when consistent */
	bool use_seqcount;
	int stop;
};

struct reader_stats {
	struct record *r;
	unsigned long reads, retries, torn_accepted, torn_rejected;
};

static bool consistent(const unsigned long *copy)
{
	int i;

	for (i = 1; i < WORDS; i++)
		if (copy[i] != copy[0])
			return false;
	return true;
}

static int writer(void *data)
{
	struct record *r = data;
	unsigned long v = 0;
	int i;

	while (!READ_ONCE(r->stop)) {
		v++;
		if (r->use_seqcount) {
			spin_lock(&r->wlock);
			write_seqcount_begin(&r->count);
		} else {
			write_seqlock(&r->lock);
		}
		for (i = 0; i < WORDS; i++)
			r->w[i] = v;
		if (r->use_seqcount) {
			write_seqcount_end(&r->count);
			spin_unlock(&r->wlock);
		} else {
			write_sequnlock(&r->lock);
		}
	}
	return 0;
}

static int reader(void *data)
{
	struct reader_stats *st = data;
	struct record *r = st->r;
	unsigned long copy[WORDS];
	unsigned seq;
	int i;

	while (!READ_ONCE(r->stop)) {
		bool retry;

		seq = r->use_seqcount ? read_seqcount_begin(&r->count) : read_seqbegin(&r->lock);
		for (i = 0; i < WORDS; i++)
			copy[i] = r->w[i];
		retry = r->use_seqcount ? read_seqcount_retry(&r->count, seq)
					: read_seqretry(&r->lock, seq);
		st->reads++;
		if (retry) {
			st->retries++;
			if (!consistent(copy))
				st->torn_rejected++;	/* the race was real and was caught */
		} else if (!consistent(copy)) {
			st->torn_accepted++;
		}
	}
	return 0;
}

static bool any_retry(const struct reader_stats *st, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (READ_ONCE(st[i].retries))
			return true;
	return false;
}

/* When the case ends: the writer and the readers return. */
static void record_stop(void *r)
{
	WRITE_ONCE(((struct record *)r)->stop, 1);
}

static void run_readers_against_writer(struct kunit *test, bool use_seqcount)
{
	static struct record r;
	struct reader_stats st[NR_CPUS] = {};
	struct task_struct *w, *rd[NR_CPUS];
	int wcpu = raw_smp_processor_id(), cpu, n = 0, i;
	unsigned long retries = 0, rejected = 0;

	seqlock_init(&r.lock);
	seqcount_init(&r.count);
	spin_lock_init(&r.wlock);
	for (i = 0; i < WORDS; i++)
		r.w[i] = 0;
	r.use_seqcount = use_seqcount;
	r.stop = 0;
	test_wake_on_stop(test, record_stop, &r);
	w = test_thread_start(test, writer, &r, wcpu, "seqwriter");
	for_each_online_cpu(cpu) {
		if (cpu == wcpu && num_online_cpus() > 1)
			continue;
		st[n].r = &r;
		rd[n] = test_thread_start(test, reader, &st[n], cpu, "seqreader");
		n++;
	}
	/*
	 * A slow kernel (KASAN) on a loaded host may need longer for a reader
	 * to meet the writer mid-write: wait for that, up to 20 periods.
	 */
	for (i = 0; i < 20 && (i == 0 || (num_online_cpus() > 1 && !any_retry(st, n))); i++)
		msleep(RUN_MS);
	WRITE_ONCE(r.stop, 1);
	test_thread_reap(test, w);
	for (i = 0; i < n; i++) {
		test_thread_reap(test, rd[i]);
		KUNIT_EXPECT_GT(test, st[i].reads, 0);
		KUNIT_EXPECT_EQ(test, st[i].torn_accepted, 0);
		retries += st[i].retries;
		rejected += st[i].torn_rejected;
	}
	/* With readers on other CPUs than the writer, they must have met it mid-write. */
	if (num_online_cpus() > 1) {
		KUNIT_EXPECT_GT(test, retries, 0);
		kunit_info(test, "%lu retries, %lu torn copies rejected", retries, rejected);
	}
}

static void seqlock_readers_never_see_torn_data(struct kunit *test)
{
	run_readers_against_writer(test, false);
}

static void seqcount_readers_never_see_torn_data(struct kunit *test)
{
	run_readers_against_writer(test, true);
}

static void seqlock_api_details(struct kunit *test)
{
	DEFINE_SEQLOCK(sl);
	unsigned long flags;
	unsigned seq;

	seq = read_seqbegin(&sl);
	KUNIT_EXPECT_EQ(test, seq & 1, 0);
	KUNIT_EXPECT_FALSE(test, read_seqretry(&sl, seq));
	KUNIT_EXPECT_TRUE(test, write_tryseqlock(&sl));
	KUNIT_EXPECT_EQ(test, sl.sequence & 1, 1);		/* odd while writing */
	KUNIT_EXPECT_FALSE(test, write_tryseqlock(&sl));	/* one writer at a time */
	write_sequnlock(&sl);
	KUNIT_EXPECT_TRUE(test, read_seqretry(&sl, seq));	/* a write happened since */

	write_seqlock_irqsave(&sl, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	write_sequnlock_irqrestore(&sl, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	seq = read_seqbegin_irqsave(&sl, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, read_seqretry_irqrestore(&sl, seq, flags));
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	write_seqlock_irq(&sl);
	write_sequnlock_irq(&sl);
	KUNIT_EXPECT_EQ(test, sl.sequence, 6);
}

/* jiffies_64 read through the seqlock: whole, agreeing with jiffies, never going back. */
static void seqlock_get_jiffies_64(struct kunit *test)
{
	unsigned long j0 = jiffies;
	u64 prev = get_jiffies_64(), now;
	unsigned long j1 = jiffies;
	u64 start = local_clock();

	/* Its low word is jiffies (the same storage). */
	KUNIT_EXPECT_TRUE(test, time_in_range((unsigned long)prev, j0, j1));
	while (local_clock() - start < 50 * NSEC_PER_MSEC) {
		unsigned long j = jiffies;

		now = get_jiffies_64();
		KUNIT_ASSERT_TRUE(test, time_after_eq64(now, prev));
		KUNIT_ASSERT_TRUE(test, time_after_eq((unsigned long)now, j));
		prev = now;
	}
	KUNIT_EXPECT_GT(test, prev, (u64)INITIAL_JIFFIES);
}

static struct kunit_case seqlock_cases[] = {
	KUNIT_CASE(seqlock_readers_never_see_torn_data),
	KUNIT_CASE(seqcount_readers_never_see_torn_data),
	KUNIT_CASE(seqlock_api_details),
	KUNIT_CASE(seqlock_get_jiffies_64),
	{}
};

static struct kunit_suite seqlock_suite = {
	.name = "seqlock",
	.test_cases = seqlock_cases,
};
kunit_test_suite(seqlock_suite);
