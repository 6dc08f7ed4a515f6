/*
 * KUnit suite "mutex": the count (1 unlocked, 0 locked, negative with
 * waiters), contention across CPUs with no lost update, interruptible
 * waits, held-mutex lists that match the locks, and each rule of the
 * kernel-design notes reported while lock debugging is on: unlock by a
 * non-owner, double unlock, a mutex never initialised through the API,
 * recursion, re-initialising or freeing a held mutex, exiting with one
 * held, use from interrupt context (those cases are skipped with
 * debug_locks=0).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/debug_locks.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <string.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

#define LOOPS 400

static int reports(void)
{
	return atomic_read(&debug_locks_reports);
}

/* The debug cases check lock debugging's reports: with debug_locks=off there are none. */
static void need_debug_locks(struct kunit *test)
{
	if (!READ_ONCE(debug_locks))
		kunit_skip(test, "lock debugging is off (debug_locks=0)");
}

static void mutex_count_states(struct kunit *test)
{
	DEFINE_MUTEX(m);

	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	mutex_lock(&m);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 0);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	if (debug_locks)	/* the owner is recorded for the checks only */
		KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	mutex_unlock(&m);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 1);
	KUNIT_EXPECT_NULL(test, m.owner);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 0);
	mutex_unlock(&m);
	mutex_destroy(&m);
}

/*
 * Every mutex on a task's held list is locked, and with debug_locks=0 the
 * lists are empty: switching the debugging at boot (debug_locks=) leaves
 * no entry behind, though the switch itself takes mutexes.
 */
static void mutex_held_lists_are_true(struct kunit *test)
{
	char comm[TASK_COMM_LEN];
	const char *name = NULL;
	struct task_struct *p;
	unsigned long flags;
	unsigned int i, n;
	void *stale = NULL;
	int pid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		n = min_t(unsigned int, READ_ONCE(p->mutex_depth), MAX_HELD_MUTEXES);
		for (i = 0; i < n && !stale; i++) {
			struct mutex *m = READ_ONCE(p->held_mutexes[i]);

			if (!mutex_is_locked(m)) {
				stale = m;
				name = m->name;
				pid = p->pid;
				memcpy(comm, p->comm, sizeof(comm));
			}
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (stale)
		KUNIT_FAIL(test, "%s/%d lists %s (%p) as held, but it is unlocked", comm, pid, name,
			   stale);
	if (!debug_locks)
		KUNIT_EXPECT_EQ(test, atomic_read(&nr_held_mutexes), 0);
}

struct counter {
	struct mutex lock;
	unsigned long value;	/* only under lock */
	atomic_t contended;	/* times a locker found the count negative */
	bool held_by_case;	/* the case holds lock while its threads line up */
};

static void release_if_held(void *data)
{
	struct counter *c = data;

	if (c->held_by_case) {
		c->held_by_case = false;
		mutex_unlock(&c->lock);
	}
}

static int incrementer(void *data)
{
	struct counter *c = data;
	int i;

	for (i = 0; i < LOOPS; i++) {
		unsigned long v;

		mutex_lock(&c->lock);
		v = c->value;
		udelay(20);		/* widen the window a lost update would need */
		if (atomic_read(&c->lock.count) < 0)
			atomic_inc(&c->contended);
		c->value = v + 1;
		mutex_unlock(&c->lock);
	}
	return 0;
}

/*
 * Threads on every CPU hammer one mutex: every increment survives. They
 * start while the case holds the mutex and all wait on it, so that there
 * is contention however the host schedules the CPUs (two vCPUs on a busy
 * host may otherwise run the threads one after another).
 */
static void mutex_contention_no_lost_update(struct kunit *test)
{
	static struct counter c;
	int n = 2 * num_online_cpus(), i, cpu = 0;
	struct task_struct *p[2 * NR_CPUS];

	mutex_init(&c.lock);
	c.value = 0;
	atomic_set(&c.contended, 0);
	mutex_lock(&c.lock);
	c.held_by_case = true;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, release_if_held, &c), 0);
	test_wake_on_stop(test, release_if_held, &c);
	for (i = 0; i < n; i++) {
		while (!cpu_online(cpu))
			cpu = (cpu + 1) % NR_CPUS;
		p[i] = test_thread_start(test, incrementer, &c, cpu, "incr");
		cpu = (cpu + 1) % NR_CPUS;
	}
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_TRUE_MSG(test, test_wait_asleep(p[i]), "thread %d not waiting", i);
	release_if_held(&c);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, test_thread_reap(test, p[i]), 0);
	KUNIT_EXPECT_EQ(test, c.value, (unsigned long)n * LOOPS);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.lock.count), 1);
	if (num_online_cpus() > 1)
		KUNIT_EXPECT_GT(test, atomic_read(&c.contended), 0);
}

struct holder {
	struct mutex *m;
	struct completion locked, release;
	int ret;
};

static int hold_and_wait(void *data)
{
	struct holder *h = data;

	mutex_lock(h->m);
	complete(&h->locked);
	wait_for_completion(&h->release);
	return 0;	/* without unlocking: the test decides who does */
}

static int lock_interruptibly(void *data)
{
	struct holder *h = data;
	int ret = mutex_lock_interruptible(h->m);

	if (!ret)
		mutex_unlock(h->m);
	return ret;
}

/* A task waiting for a contended mutex interruptibly gives up on a signal. */
static void mutex_lock_interruptible_signal(struct kunit *test)
{
	DEFINE_MUTEX(m);
	struct holder h = { .m = &m };
	struct task_struct *p;

	mutex_lock(&m);
	p = test_thread_start(test, lock_interruptibly, &h, -1, "waiter");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	KUNIT_EXPECT_LT(test, atomic_read(&m.count), 0);	/* locked, with a waiter */
	send_sig(SIGUSR1, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -EINTR);
	mutex_unlock(&m);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 1);

	/* Uncontended, a pending signal does not matter: the fast path never sleeps. */
	p = test_thread_create(test, lock_interruptibly, &h, -1, "waiter");
	send_sig(SIGUSR1, p, 0);
	wake_up_process(p);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
}

/* Only the owner may unlock; a second unlock is reported and changes nothing. */
static void mutex_debug_owner_rules(struct kunit *test)
{
	DEFINE_MUTEX(m);
	struct holder h = { .m = &m };
	struct task_struct *p;
	int before = reports();

	need_debug_locks(test);
	init_completion(&h.locked);
	init_completion(&h.release);
	test_wake_on_stop(test, test_complete_all, &h.release);
	p = test_thread_start(test, hold_and_wait, &h, -1, "owner");
	wait_for_completion(&h.locked);
	kunit_expect_fault_begin(test);
	mutex_unlock(&m);			/* not ours */
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, reports(), before + 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 1);
	complete(&h.release);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
	KUNIT_EXPECT_EQ(test, reports(), before + 1);	/* it no longer counts as holding it */

	mutex_lock(&m);
	mutex_unlock(&m);
	kunit_expect_fault_begin(test);
	mutex_unlock(&m);			/* twice */
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, reports(), before + 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 1);	/* not 2 */
}

/* A copied (never initialised through the API) mutex is caught on use. */
static void mutex_debug_not_initialised(struct kunit *test)
{
	DEFINE_MUTEX(m);
	struct mutex copy;
	int before = reports();

	need_debug_locks(test);
	memcpy(&copy, &m, sizeof(copy));
	/* The copied wait list still points at the original's: keep only the bad magic. */
	INIT_LIST_HEAD(&copy.wait_list);
	kunit_expect_fault_begin(test);
	mutex_lock(&copy);
	mutex_unlock(&copy);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, reports(), before + 2);
}

static int lock_twice(void *data)
{
	struct holder *h = data;
	int ret;

	mutex_lock(h->m);
	complete(&h->locked);
	ret = mutex_lock_interruptible(h->m);	/* deadlocks on itself until signalled */
	mutex_unlock(h->m);
	return ret;
}

static void mutex_debug_recursion(struct kunit *test)
{
	DEFINE_MUTEX(m);
	struct holder h = { .m = &m };
	struct task_struct *p;
	int before = reports();

	need_debug_locks(test);
	init_completion(&h.locked);
	kunit_expect_fault_begin(test);
	p = test_thread_start(test, lock_twice, &h, -1, "recursive");
	wait_for_completion(&h.locked);
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -EINTR);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, reports(), before + 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&m.count), 1);
}

static void mutex_debug_reinit_while_held(struct kunit *test)
{
	DEFINE_MUTEX(m);
	int before = reports();

	need_debug_locks(test);
	mutex_lock(&m);
	kunit_expect_fault_begin(test);
	mutex_init(&m);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, reports(), before + 1);
	KUNIT_EXPECT_EQ(test, current->mutex_depth, 0);	/* it is a fresh mutex now */
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

struct in_page {
	struct mutex *m;
	unsigned long page;
	struct completion locked, release;
};

static int lock_in_page(void *data)
{
	struct in_page *ip = data;

	ip->page = __get_free_page(GFP_KERNEL);
	if (!ip->page) {
		complete(&ip->locked);
		return -ENOMEM;
	}
	ip->m = (struct mutex *)ip->page;
	mutex_init(ip->m);
	mutex_lock(ip->m);
	complete(&ip->locked);
	wait_for_completion(&ip->release);
	return 0;	/* exits holding it: reported */
}

/* Freeing the memory of a held mutex, and exiting with one held, are both reported. */
static void mutex_debug_freed_and_exit_while_held(struct kunit *test)
{
	struct in_page ip = { .page = 0 };
	struct task_struct *p;
	int before = reports();

	need_debug_locks(test);
	init_completion(&ip.locked);
	init_completion(&ip.release);
	test_wake_on_stop(test, test_complete_all, &ip.release);
	p = test_thread_start(test, lock_in_page, &ip, -1, "holder");
	wait_for_completion(&ip.locked);
	KUNIT_ASSERT_NE(test, ip.page, 0);	/* the thread found no page */
	kunit_expect_fault_begin(test);
	free_page(ip.page);
	KUNIT_EXPECT_EQ(test, reports(), before + 1);
	complete(&ip.release);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, reports(), before + 2);
}

struct irq_mutex {
	struct mutex *m;
	int got;
	struct completion done;
};

static irqreturn_t mutex_from_irq(int irq, void *dev_id)
{
	struct irq_mutex *im = dev_id;

	im->got = mutex_trylock(im->m);
	if (im->got)
		mutex_unlock(im->m);
	complete(&im->done);
	return IRQ_HANDLED;
}

static void mutex_debug_interrupt_context(struct kunit *test)
{
	DEFINE_MUTEX(m);
	struct irq_mutex im = { .m = &m };
	int before = reports(), irq;

	need_debug_locks(test);
	init_completion(&im.done);
	irq = test_irq_get(test, mutex_from_irq, &im);
	kunit_expect_fault_begin(test);
	test_irq_raise(irq);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&im.done, msecs_to_jiffies(TEST_WAIT_MS)), 0);
	kunit_expect_fault_end(test);
	test_irq_put(test, irq, &im);
	KUNIT_EXPECT_EQ(test, im.got, 1);
	KUNIT_EXPECT_EQ(test, reports(), before + 2);	/* the trylock and the unlock */
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static struct kunit_case mutex_cases[] = {
	KUNIT_CASE(mutex_count_states),
	KUNIT_CASE(mutex_held_lists_are_true),
	KUNIT_CASE(mutex_contention_no_lost_update),
	KUNIT_CASE(mutex_lock_interruptible_signal),
	KUNIT_CASE(mutex_debug_owner_rules),
	KUNIT_CASE(mutex_debug_not_initialised),
	KUNIT_CASE(mutex_debug_recursion),
	KUNIT_CASE(mutex_debug_reinit_while_held),
	KUNIT_CASE(mutex_debug_freed_and_exit_while_held),
	KUNIT_CASE(mutex_debug_interrupt_context),
	{}
};

static struct kunit_suite mutex_suite = {
	.name = "mutex",
	.test_cases = mutex_cases,
};
kunit_test_suite(mutex_suite);
