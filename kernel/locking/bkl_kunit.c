/*
 * KUnit suite "bkl": the big kernel lock is recursive per task (depth
 * tracked), disables preemption while held, is released while its holder
 * sleeps (another task takes it meanwhile) and taken back before the
 * holder runs again; sleeping while holding it is not a might_sleep bug.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp_lock.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

static void bkl_recursion_depth(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, current->lock_depth, -1);
	KUNIT_EXPECT_FALSE(test, kernel_locked());
	lock_kernel();
	KUNIT_EXPECT_EQ(test, current->lock_depth, 0);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	lock_kernel();
	lock_kernel();
	KUNIT_EXPECT_EQ(test, current->lock_depth, 2);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);	/* only the outermost takes it */
	unlock_kernel();
	unlock_kernel();
	KUNIT_EXPECT_TRUE(test, kernel_locked());
	unlock_kernel();
	KUNIT_EXPECT_EQ(test, current->lock_depth, -1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

struct bkl_share {
	volatile int holder;		/* who last took the lock: 1 the sleeper, 2 the other */
	struct completion sleeping;
	int seen_during_sleep;		/* holder value after the sleep, before our own write */
	int depth_after_sleep;
	int other_got_it;
};

static int bkl_sleeper(void *data)
{
	struct bkl_share *s = data;

	lock_kernel();
	lock_kernel();
	s->holder = 1;
	complete(&s->sleeping);
	msleep(100);			/* schedule() lets go of the lock meanwhile */
	s->seen_during_sleep = s->holder;
	s->depth_after_sleep = current->lock_depth;
	s->holder = 1;
	unlock_kernel();
	unlock_kernel();
	return 0;
}

static int bkl_other(void *data)
{
	struct bkl_share *s = data;

	wait_for_completion(&s->sleeping);
	lock_kernel();
	s->other_got_it = s->holder == 1;	/* the sleeper had it, and is asleep */
	s->holder = 2;
	unlock_kernel();
	return 0;
}

static void bkl_released_across_schedule(struct kunit *test)
{
	struct bkl_share s = { .holder = 0 };
	struct task_struct *a, *b;

	init_completion(&s.sleeping);
	a = test_thread_start(test, bkl_sleeper, &s, -1, "bklsleep");
	b = test_thread_start(test, bkl_other, &s, test_other_cpu(), "bklother");
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, b), 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, a), 0);
	KUNIT_EXPECT_TRUE(test, s.other_got_it);
	KUNIT_EXPECT_EQ(test, s.seen_during_sleep, 2);	/* the other took it while we slept */
	KUNIT_EXPECT_EQ(test, s.depth_after_sleep, 1);	/* and our nesting came back intact */
	KUNIT_EXPECT_EQ(test, current->lock_depth, -1);
}

/* Holding the BKL is not atomic context for might_sleep(). */
static void bkl_sleeping_is_allowed(struct kunit *test)
{
	unsigned long before = might_sleep_reports, sched_bugs = schedule_bug_reports;

	lock_kernel();
	msleep(1);
	KUNIT_EXPECT_TRUE(test, kernel_locked());
	unlock_kernel();
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before);
	KUNIT_EXPECT_EQ(test, schedule_bug_reports, sched_bugs);
}

static struct kunit_case bkl_cases[] = {
	KUNIT_CASE(bkl_recursion_depth),
	KUNIT_CASE(bkl_released_across_schedule),
	KUNIT_CASE(bkl_sleeping_is_allowed),
	{}
};

static struct kunit_suite bkl_suite = {
	.name = "bkl",
	.test_cases = bkl_cases,
};
kunit_test_suite(bkl_suite);
