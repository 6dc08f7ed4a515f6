/*
 * Helpers for the scheduler and synchronisation self-tests: threads that
 * are reaped completely (stack and task_struct freed) before a case ends,
 * a software-triggered interrupt line to run code in a real hard-IRQ
 * handler, and CPU choice that works on one CPU as on four.
 */
#ifndef _MICA_KUNIT_THREADS_H
#define _MICA_KUNIT_THREADS_H

#include <linux/kthread.h>
#include <linux/interrupt.h>
#include <mica/kunit.h>

/* Generous: QEMU's vCPUs share two host cores with others; a KASAN kernel is slower still. */
#ifdef CONFIG_KASAN
#define TEST_WAIT_MS 20000
#define TEST_REAP_MS 120000	/* for a thread's whole work, on a host busy with others */
#else
#define TEST_WAIT_MS 5000
#define TEST_REAP_MS 30000	/* for a thread's whole work, on a host busy with others */
#endif
#define TEST_MAX_THREADS 32	/* running at once in one case */

/*
 * Create a thread running @fn(@data) named @name, bound to @cpu if
 * @cpu >= 0, woken. ASSERTs (ending the case) if it cannot be created.
 * If the case ends early (an ASSERT, a skip), one deferred action
 * (registered with its first thread) stops every thread it started and
 * did not end (kthread_stop) and frees them, before the case's locals go.
 * A case that returns must have ended its threads with test_thread_stop()
 * or test_thread_reap(). Release what the threads use with actions
 * registered before the first of them starts (they run after the threads
 * are stopped).
 */
struct task_struct *test_thread_start(struct kunit *test, int (*fn)(void *), void *data,
				      int cpu, const char *name);
/* The same, but left asleep until wake_up_process(): it never runs @fn if stopped first. */
struct task_struct *test_thread_create(struct kunit *test, int (*fn)(void *), void *data,
				       int cpu, const char *name);
/*
 * Threads that may sleep uninterruptibly on something only the case would
 * have done (a completion it never completes, a semaphore it never ups)
 * see neither kthread_stop() nor the SIGKILL the end of the case sends
 * them with it: register @wake(@ctx) to run, when the case ends, before
 * its threads are stopped (complete_all(), up(), ...). Call it before the
 * threads start; it must leave them unable to sleep on it again.
 */
void test_wake_on_stop(struct kunit *test, kunit_action_t *wake, void *ctx);
/* A @wake for test_wake_on_stop(): complete_all() on the struct completion at @completion. */
void test_complete_all(void *completion);
/* kthread_stop() it, wait until it has left its CPU for good, free it; its exit code. */
int test_thread_stop(struct kunit *test, struct task_struct *p);
/*
 * For a thread that ends by itself: wait (up to TEST_REAP_MS) and free it;
 * its exit code. If it does not end in time, the case fails and ends
 * there (its threads are stopped while its locals are still there).
 */
int test_thread_reap(struct kunit *test, struct task_struct *p);

/* Wait until @p sleeps (off its run queue); false after TEST_WAIT_MS. */
bool test_wait_asleep(struct task_struct *p);

/* Another online CPU than the caller's (the caller's own on a single CPU). */
int test_other_cpu(void);

/*
 * A spare interrupt line raised from software: @handler runs in hard-IRQ
 * context on some CPU. test_irq_get() returns the line (ASSERTs if there
 * is none); a deferred action frees it when the case ends, or
 * test_irq_put() earlier.
 */
int test_irq_get(struct kunit *test, irq_handler_t handler, void *dev_id);
void test_irq_raise(int irq);
void test_irq_put(struct kunit *test, int irq, void *dev_id);

#endif
