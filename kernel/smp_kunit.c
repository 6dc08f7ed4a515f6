/*
 * KUnit suite "smp": every CPU the board has is online, IPIs reach each CPU
 * and run there, per-CPU copies are distinct, and spinlocks, atomics and
 * rwlocks hold when all CPUs hammer them at once.
 *
 * Concurrent workers run on the other CPUs from smp_call_function (in their
 * IPI handlers) and on this CPU directly; a start barrier lines them up.
 * The lock tests were checked against a deliberately broken lock: they
 * then fail with lost updates.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/bitops.h>
#include <linux/irqflags.h>
#include <linux/rwlock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/sched/clock.h>
#include <linux/time64.h>
#include <asm/smp.h>
#include <mica/board.h>
#include <mica/kunit.h>
#include <string.h>

#define WAIT_NS          (2000ULL * NSEC_PER_MSEC)	/* generous: QEMU vCPUs share host cores */
/*
 * Hammering lasts at least HAMMER_NS as well as HAMMER_MIN_LOOPS passes:
 * QEMU runs the vCPUs as host threads that may take turns on fewer host
 * cores, and only a long enough run makes them really overlap. It is
 * bounded by time rather than passes because a contended ticket lock is
 * slow there: when the host deschedules the next ticket's vCPU, everyone
 * waits for it (lock-holder preemption).
 */
#define HAMMER_NS        (200ULL * NSEC_PER_MSEC)
#define HAMMER_MIN_LOOPS 200

/* Spin until *@v reaches @target or the timeout; true if it did. */
static bool wait_for_count(const atomic_t *v, int target, u64 timeout_ns)
{
	u64 start = local_clock();

	while (atomic_read(v) < target)
		if (local_clock() - start > timeout_ns)
			return false;
	return true;
}

static void smp_all_cpus_online(struct kunit *test)
{
	unsigned int cpu;

	KUNIT_EXPECT_GE(test, num_possible_cpus(), 1);
	KUNIT_EXPECT_LE(test, num_possible_cpus(), min_t(int, board.nr_cpus, NR_CPUS));
	KUNIT_EXPECT_EQ(test, num_online_cpus(), num_possible_cpus());
	for_each_possible_cpu(cpu) {
		KUNIT_EXPECT_TRUE_MSG(test, cpu_online(cpu), "CPU%u", cpu);
		KUNIT_EXPECT_EQ(test, per_cpu(cpu_number, cpu), cpu);
	}
}

struct where {
	int cpu;
	bool in_irq;
	bool irqs_off;
};

static void record_where(void *info)
{
	struct where *w = info;

	w->cpu = smp_processor_id();
	w->in_irq = in_irq();
	w->irqs_off = irqs_disabled();
}

/* A reschedule IPI to each CPU, this one included, is counted there. */
static void smp_ipi_reaches_each_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		unsigned int before = ipi_stat_cpu(cpu, IPI_RESCHEDULE);
		u64 start = local_clock();

		smp_send_reschedule(cpu);
		while (ipi_stat_cpu(cpu, IPI_RESCHEDULE) == before && local_clock() - start < WAIT_NS)
			cpu_relax();
		KUNIT_EXPECT_TRUE_MSG(test, ipi_stat_cpu(cpu, IPI_RESCHEDULE) == before + 1,
				      "CPU%u: %u reschedule IPIs before, %u after", cpu, before,
				      ipi_stat_cpu(cpu, IPI_RESCHEDULE));
	}
}

/* The function runs on the target, in its IPI handler; on this CPU, directly. */
static void smp_call_single_runs_there(struct kunit *test)
{
	int self = smp_processor_id();
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct where w = { .cpu = -1 };
		unsigned int before = ipi_stat_cpu(cpu, IPI_CALL_FUNC);

		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, record_where, &w, 1), 0);
		KUNIT_EXPECT_EQ(test, w.cpu, cpu);
		KUNIT_EXPECT_TRUE(test, w.irqs_off);
		if ((int)cpu == self) {
			KUNIT_EXPECT_FALSE(test, w.in_irq);
		} else {
			KUNIT_EXPECT_TRUE(test, w.in_irq);
			KUNIT_EXPECT_EQ(test, ipi_stat_cpu(cpu, IPI_CALL_FUNC), before + 1);
		}
	}
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS, record_where, NULL, 1), -ENXIO);
}

static void mark_cpu(void *info)
{
	set_bit(smp_processor_id(), info);
}

struct async_mark {
	unsigned long cpus;
	atomic_t calls;
};

static void mark_cpu_async(void *info)
{
	struct async_mark *m = info;

	set_bit(smp_processor_id(), &m->cpus);
	atomic_inc(&m->calls);
}

static void smp_call_function_every_other_cpu(struct kunit *test)
{
	unsigned long others = cpu_online_map.bits & ~BIT(smp_processor_id());
	unsigned long seen = 0;
	static struct async_mark m;
	int round;

	smp_call_function(mark_cpu, &seen, 1);
	KUNIT_EXPECT_EQ(test, seen, others);
	seen = 0;
	on_each_cpu(mark_cpu, &seen, 1);
	KUNIT_EXPECT_EQ(test, seen, cpu_online_map.bits);

	/* Without waiting: back-to-back calls reuse the per-CPU csds safely. */
	m.cpus = 0;
	atomic_set(&m.calls, 0);
	for (round = 0; round < 10; round++)
		smp_call_function(mark_cpu_async, &m, 0);
	KUNIT_EXPECT_TRUE(test, wait_for_count(&m.calls, 10 * hweight_long(others), WAIT_NS));
	KUNIT_EXPECT_EQ(test, m.cpus, others);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.calls), 10 * hweight_long(others));
}

static DEFINE_PER_CPU(int, smp_test_var);
static DEFINE_PER_CPU(int *, smp_test_var_addr);

static void write_own_copy(void *info)
{
	this_cpu_write(smp_test_var, 1000 + smp_processor_id());
	this_cpu_write(smp_test_var_addr, this_cpu_ptr(&smp_test_var));
}

static void smp_percpu_copies_distinct(struct kunit *test)
{
	unsigned int cpu, other;

	on_each_cpu(write_own_copy, NULL, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, per_cpu(smp_test_var, cpu), 1000 + cpu);
		/* this_cpu_ptr on that CPU and per_cpu_ptr from here agree. */
		KUNIT_EXPECT_PTR_EQ(test, per_cpu(smp_test_var_addr, cpu), per_cpu_ptr(&smp_test_var, cpu));
		for_each_online_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_PTR_NE(test, per_cpu_ptr(&smp_test_var, cpu),
						    per_cpu_ptr(&smp_test_var, other));
	}
}

/* ---- everyone at once ---- */

struct hammer {
	void (*work)(struct hammer *h);	/* the whole job of one CPU */
	void (*pass)(struct hammer *h, unsigned long i);	/* or one pass of it */
	int cpus;
	atomic_t ready, done;
	bool start_timeout;
	unsigned long passes[NR_CPUS];
	spinlock_t lock;
	rwlock_t rwlock;
	unsigned long counter;		/* updated only under the lock */
	atomic_t acounter;
	atomic_t readers_in, writers_in, violations;
};

/* h->pass for HAMMER_NS and at least HAMMER_MIN_LOOPS times. */
static void hammer_passes(struct hammer *h)
{
	u64 end = local_clock() + HAMMER_NS;
	unsigned long i;

	for (i = 0; i < HAMMER_MIN_LOOPS || local_clock() < end; i++)
		h->pass(h, i);
	h->passes[smp_processor_id()] = i;
}

static void hammer_worker(void *info)
{
	struct hammer *h = info;

	atomic_inc(&h->ready);
	if (!wait_for_count(&h->ready, h->cpus, WAIT_NS))
		WRITE_ONCE(h->start_timeout, true);
	h->work(h);
	atomic_inc(&h->done);
}

/* Run h->work on every online CPU at once; false if they did not all finish. */
static bool hammer_all_cpus(struct hammer *h)
{
	memset(h->passes, 0, sizeof(h->passes));
	h->cpus = num_online_cpus();
	atomic_set(&h->ready, 0);
	atomic_set(&h->done, 0);
	smp_call_function(hammer_worker, h, 0);
	hammer_worker(h);
	return wait_for_count(&h->done, h->cpus, 30 * WAIT_NS) && !h->start_timeout;
}

static unsigned long total_passes(struct hammer *h)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		sum += h->passes[cpu];
	return sum;
}

static void need_two_cpus(struct kunit *test)
{
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs, %d online", num_online_cpus());
}

static void locked_increment(struct hammer *h, unsigned long i)
{
	unsigned long v;

	spin_lock(&h->lock);
	/* A read and a separate write: a broken lock loses updates here. */
	v = READ_ONCE(h->counter);
	cpu_relax();
	WRITE_ONCE(h->counter, v + 1);
	spin_unlock(&h->lock);
}

static void smp_spinlock_no_lost_update(struct kunit *test)
{
	static struct hammer h;

	need_two_cpus(test);
	spin_lock_init(&h.lock);
	h.counter = 0;
	h.work = hammer_passes;
	h.pass = locked_increment;
	KUNIT_ASSERT_TRUE(test, hammer_all_cpus(&h));
	KUNIT_EXPECT_GE(test, total_passes(&h), (unsigned long)HAMMER_MIN_LOOPS * h.cpus);
	KUNIT_EXPECT_EQ(test, h.counter, total_passes(&h));
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&h.lock));
}

static void atomic_increment(struct hammer *h, unsigned long i)
{
	atomic_inc(&h->acounter);
}

static void smp_atomic_no_lost_update(struct kunit *test)
{
	static struct hammer h;
	unsigned long counted;

	need_two_cpus(test);
	atomic_set(&h.acounter, 0);
	h.work = hammer_passes;
	h.pass = atomic_increment;
	KUNIT_ASSERT_TRUE(test, hammer_all_cpus(&h));
	KUNIT_EXPECT_GE(test, total_passes(&h), (unsigned long)HAMMER_MIN_LOOPS * h.cpus);
	counted = atomic_read(&h.acounter);
	KUNIT_EXPECT_EQ(test, counted, total_passes(&h));
}

/*
 * Each reader waits, holding the lock, until all CPUs are inside: if
 * readers excluded each other the first one would wait in vain.
 */
static void readers_meet(struct hammer *h)
{
	read_lock(&h->rwlock);
	atomic_inc(&h->readers_in);
	if (!wait_for_count(&h->readers_in, h->cpus, WAIT_NS))
		atomic_inc(&h->violations);
	read_unlock(&h->rwlock);
}

static void smp_rwlock_readers_concurrent(struct kunit *test)
{
	static struct hammer h;
	int timeouts;

	need_two_cpus(test);
	rwlock_init(&h.rwlock);
	atomic_set(&h.readers_in, 0);
	atomic_set(&h.violations, 0);
	h.work = readers_meet;
	KUNIT_ASSERT_TRUE(test, hammer_all_cpus(&h));
	timeouts = atomic_read(&h.violations);
	KUNIT_EXPECT_EQ(test, timeouts, 0);
}

/* Every fourth pass writes: a writer must be alone, readers must see no writer. */
static void read_or_write(struct hammer *h, unsigned long i)
{
	if (i % 4 == 0) {
		write_lock(&h->rwlock);
		if (atomic_inc_return(&h->writers_in) != 1 || atomic_read(&h->readers_in))
			atomic_inc(&h->violations);
		cpu_relax();
		atomic_dec(&h->writers_in);
		write_unlock(&h->rwlock);
	} else {
		read_lock(&h->rwlock);
		atomic_inc(&h->readers_in);
		if (atomic_read(&h->writers_in))
			atomic_inc(&h->violations);
		cpu_relax();
		atomic_dec(&h->readers_in);
		read_unlock(&h->rwlock);
	}
}

static void try_both_sides(void *info)
{
	struct hammer *h = info;

	if (read_trylock(&h->rwlock)) {
		atomic_inc(&h->violations);
		read_unlock(&h->rwlock);
	}
	if (write_trylock(&h->rwlock)) {
		atomic_inc(&h->violations);
		write_unlock(&h->rwlock);
	}
}

static void smp_rwlock_writer_exclusive(struct kunit *test)
{
	static struct hammer h;
	unsigned long flags;
	int violations;

	need_two_cpus(test);
	rwlock_init(&h.rwlock);
	atomic_set(&h.violations, 0);

	/* While this CPU writes, nobody else gets in, reading or writing. */
	write_lock(&h.rwlock);
	smp_call_function(try_both_sides, &h, 1);
	write_unlock(&h.rwlock);
	violations = atomic_read(&h.violations);
	KUNIT_EXPECT_EQ(test, violations, 0);
	/* And the irqsave forms nest with interrupt state as documented. */
	read_lock_irqsave(&h.rwlock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, write_trylock(&h.rwlock));
	KUNIT_EXPECT_TRUE(test, read_trylock(&h.rwlock));
	read_unlock(&h.rwlock);
	read_unlock_irqrestore(&h.rwlock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	write_lock_irqsave(&h.rwlock, flags);
	KUNIT_EXPECT_FALSE(test, read_trylock(&h.rwlock));
	write_unlock_irqrestore(&h.rwlock, flags);

	atomic_set(&h.readers_in, 0);
	atomic_set(&h.writers_in, 0);
	h.work = hammer_passes;
	h.pass = read_or_write;
	KUNIT_ASSERT_TRUE(test, hammer_all_cpus(&h));
	violations = atomic_read(&h.violations);
	KUNIT_EXPECT_EQ(test, violations, 0);
	KUNIT_EXPECT_TRUE(test, write_trylock(&h.rwlock));	/* all released */
	write_unlock(&h.rwlock);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_all_cpus_online),
	KUNIT_CASE(smp_ipi_reaches_each_cpu),
	KUNIT_CASE(smp_call_single_runs_there),
	KUNIT_CASE(smp_call_function_every_other_cpu),
	KUNIT_CASE(smp_percpu_copies_distinct),
	KUNIT_CASE(smp_spinlock_no_lost_update),
	KUNIT_CASE(smp_atomic_no_lost_update),
	KUNIT_CASE(smp_rwlock_readers_concurrent),
	KUNIT_CASE(smp_rwlock_writer_exclusive),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
