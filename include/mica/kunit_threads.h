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

#define TEST_WAIT_MS 5000	/* generous: QEMU's vCPUs share two host cores with others */

/*
 * Create a thread running @fn(@data) named @name, bound to @cpu if
 * @cpu >= 0, woken. The test holds a reference: test_thread_stop() or
 * test_thread_reap() must follow. ASSERTs on failure.
 */
struct task_struct *test_thread_start(struct kunit *test, int (*fn)(void *), void *data,
				      int cpu, const char *name);
/* kthread_stop() it, wait until it has left its CPU for good, free it; its exit code. */
int test_thread_stop(struct task_struct *p);
/* For a thread that ends by itself: wait (up to TEST_WAIT_MS) and free it; its exit code or -ETIMEDOUT. */
int test_thread_reap(struct task_struct *p);

/* Wait until @p sleeps (off its run queue); false after TEST_WAIT_MS. */
bool test_wait_asleep(struct task_struct *p);

/* Another online CPU than the caller's (the caller's own on a single CPU). */
int test_other_cpu(void);

/*
 * A spare interrupt line raised from software: @handler runs in hard-IRQ
 * context on some CPU. test_irq_get() returns the line or a negative errno.
 */
int test_irq_get(irq_handler_t handler, void *dev_id);
void test_irq_raise(int irq);
void test_irq_put(int irq, void *dev_id);

#endif
