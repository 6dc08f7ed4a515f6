/*
 * KUnit suite "semaphore": counting semaphores (trylock, timeouts, FIFO
 * hand-over, up() from an interrupt handler, signals) and read-write
 * semaphores (shared readers, exclusive writers, writers not starved by
 * new readers, downgrade_write).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

static void semaphore_counting_and_trylock(struct kunit *test)
{
	struct semaphore s;
	unsigned long start;
	int i;

	sema_init(&s, 3);
	for (i = 0; i < 3; i++)
		down(&s);
	KUNIT_EXPECT_EQ(test, s.count, 0);
	KUNIT_EXPECT_EQ(test, down_trylock(&s), 1);	/* 1: not taken */
	up(&s);
	KUNIT_EXPECT_EQ(test, down_trylock(&s), 0);	/* 0: taken */
	start = jiffies;
	KUNIT_EXPECT_EQ(test, down_timeout(&s, 5), -ETIME);
	KUNIT_EXPECT_GE(test, (long)(jiffies - start), 5);
	for (i = 0; i < 3; i++)
		up(&s);
	KUNIT_EXPECT_EQ(test, s.count, 3);
}

struct sem_waiter {
	struct semaphore *s;
	atomic_t *order;
	int rank;		/* place in which it got the semaphore */
	int interruptible;
};

/* When the case ends: a unit for every thread that may still wait, and one for any late. */
static void sem_release_waiters(void *s)
{
	int i;

	for (i = 0; i < 4; i++)
		up(s);
}

static int sem_taker(void *data)
{
	struct sem_waiter *w = data;

	if (w->interruptible) {
		int ret = down_interruptible(w->s);

		if (ret)
			return ret;
	} else {
		down(w->s);
	}
	w->rank = atomic_fetch_inc(w->order);
	return 0;
}

/* Waiters get the units in the order they queued: each up() lets the oldest through. */
static void semaphore_fifo_hand_over(struct kunit *test)
{
	struct semaphore s;
	atomic_t order = ATOMIC_INIT(0);
	struct sem_waiter w[3];
	struct task_struct *p[3];
	int i, j;

	sema_init(&s, 0);
	test_wake_on_stop(test, sem_release_waiters, &s);
	for (i = 0; i < 3; i++) {
		w[i] = (struct sem_waiter){ &s, &order, -1, 0 };
		p[i] = test_thread_start(test, sem_taker, &w[i], -1, "semwait");
		KUNIT_EXPECT_TRUE(test, test_wait_asleep(p[i]));
	}
	for (i = 0; i < 3; i++) {
		up(&s);
		KUNIT_EXPECT_EQ(test, test_thread_reap(test, p[i]), 0);
		KUNIT_EXPECT_EQ(test, w[i].rank, i);
		for (j = i + 1; j < 3; j++)
			KUNIT_EXPECT_EQ(test, READ_ONCE(p[j]->state), TASK_UNINTERRUPTIBLE);
	}
	KUNIT_EXPECT_EQ(test, s.count, 0);
}

static irqreturn_t up_from_irq(int irq, void *dev_id)
{
	up(dev_id);
	return IRQ_HANDLED;
}

/* An interrupt handler may up() what a task waits for; a signal ends down_interruptible. */
static void semaphore_up_from_irq_and_signals(struct kunit *test)
{
	struct semaphore s;
	atomic_t order = ATOMIC_INIT(0);
	struct sem_waiter w = { &s, &order, -1, 0 };
	struct task_struct *p;
	int irq;

	sema_init(&s, 0);
	test_wake_on_stop(test, sem_release_waiters, &s);
	irq = test_irq_get(test, up_from_irq, &s);
	p = test_thread_start(test, sem_taker, &w, -1, "semwait");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	test_irq_raise(irq);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
	KUNIT_EXPECT_EQ(test, w.rank, 0);
	test_irq_put(test, irq, &s);

	w.interruptible = 1;
	p = test_thread_start(test, sem_taker, &w, -1, "semwait");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -EINTR);
	KUNIT_EXPECT_EQ(test, s.count, 0);
}

struct rw_user {
	struct rw_semaphore *sem;
	int write;
	atomic_t *inside;	/* readers and writers inside now */
	atomic_t *max_inside;
	struct completion entered, leave;
};

static int rw_thread(void *data)
{
	struct rw_user *u = data;
	int now;

	if (u->write)
		down_write(u->sem);
	else
		down_read(u->sem);
	now = atomic_inc_return(u->inside);
	if (now > atomic_read(u->max_inside))
		atomic_set(u->max_inside, now);
	complete(&u->entered);
	wait_for_completion(&u->leave);
	atomic_dec(u->inside);
	if (u->write)
		up_write(u->sem);
	else
		up_read(u->sem);
	return 0;
}

/* When the case ends: every user may leave, so every waiter gets the semaphore in turn. */
static void rw_release(void *u)
{
	complete_all(&((struct rw_user *)u)->leave);
}

static struct task_struct *rw_start(struct kunit *test, struct rw_user *u, struct rw_semaphore *sem,
				    int write, atomic_t *inside, atomic_t *max_inside)
{
	u->sem = sem;
	u->write = write;
	u->inside = inside;
	u->max_inside = max_inside;
	init_completion(&u->entered);
	init_completion(&u->leave);
	test_wake_on_stop(test, rw_release, u);
	return test_thread_start(test, rw_thread, u, -1, write ? "writer" : "reader");
}

static void rwsem_readers_share_writers_exclude(struct kunit *test)
{
	DECLARE_RWSEM(sem);
	atomic_t inside = ATOMIC_INIT(0), max_inside = ATOMIC_INIT(0);
	struct rw_user r1, r2, w, r3;
	struct task_struct *pr1, *pr2, *pw, *pr3;

	pr1 = rw_start(test, &r1, &sem, 0, &inside, &max_inside);
	pr2 = rw_start(test, &r2, &sem, 0, &inside, &max_inside);
	wait_for_completion(&r1.entered);
	wait_for_completion(&r2.entered);
	KUNIT_EXPECT_EQ(test, atomic_read(&inside), 2);	/* readers together */
	KUNIT_EXPECT_EQ(test, sem.activity, 2);

	/* A writer waits for the readers, and a reader arriving after it waits too. */
	pw = rw_start(test, &w, &sem, 1, &inside, &max_inside);
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(pw));
	KUNIT_EXPECT_EQ(test, down_read_trylock(&sem), 0);
	pr3 = rw_start(test, &r3, &sem, 0, &inside, &max_inside);
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(pr3));

	complete(&r1.leave);
	complete(&r2.leave);
	wait_for_completion(&w.entered);
	KUNIT_EXPECT_EQ(test, atomic_read(&inside), 1);	/* the writer alone */
	KUNIT_EXPECT_EQ(test, sem.activity, -1);
	KUNIT_EXPECT_EQ(test, down_write_trylock(&sem), 0);
	complete(&w.leave);
	wait_for_completion(&r3.entered);
	complete(&r3.leave);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, pr1), 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, pr2), 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, pw), 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, pr3), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&max_inside), 2);
	KUNIT_EXPECT_EQ(test, sem.activity, 0);
	KUNIT_EXPECT_EQ(test, down_write_trylock(&sem), 1);
	up_write(&sem);
}

/* A writer that downgrades lets the readers queued behind it in, and keeps reading. */
static void rwsem_downgrade_write(struct kunit *test)
{
	DECLARE_RWSEM(sem);
	atomic_t inside = ATOMIC_INIT(0), max_inside = ATOMIC_INIT(0);
	struct rw_user r;
	struct task_struct *pr;

	down_write(&sem);
	pr = rw_start(test, &r, &sem, 0, &inside, &max_inside);
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(pr));
	downgrade_write(&sem);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&r.entered, msecs_to_jiffies(TEST_WAIT_MS)), 0);
	KUNIT_EXPECT_EQ(test, sem.activity, 2);
	complete(&r.leave);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, pr), 0);
	up_read(&sem);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

static struct kunit_case semaphore_cases[] = {
	KUNIT_CASE(semaphore_counting_and_trylock),
	KUNIT_CASE(semaphore_fifo_hand_over),
	KUNIT_CASE(semaphore_up_from_irq_and_signals),
	KUNIT_CASE(rwsem_readers_share_writers_exclude),
	KUNIT_CASE(rwsem_downgrade_write),
	{}
};

static struct kunit_suite semaphore_suite = {
	.name = "semaphore",
	.test_cases = semaphore_cases,
};
kunit_test_suite(semaphore_suite);
