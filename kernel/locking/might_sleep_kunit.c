/*
 * KUnit suite "might_sleep": each function that may sleep, called where
 * sleeping is not allowed (spinlock held, preemption or interrupts
 * disabled, hard interrupt handler), prints "BUG: sleeping function called
 * from invalid context"; msleep there also reports "scheduling while
 * atomic". The same calls in process context, and GFP_ATOMIC allocations
 * in an interrupt handler, report nothing; so does everything with the
 * checks off (debug_atomic_sleep=0: the vexpress-a9-nodebug configuration).
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/debug_locks.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

static DEFINE_SPINLOCK(test_lock);

/* The reports @n misuses get: none while might_sleep() checks nothing. */
static unsigned long checked(unsigned long n)
{
	return static_key_enabled(&debug_atomic_sleep) ? n : 0;
}

static void might_sleep_mutex_lock_under_spinlock(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	DEFINE_MUTEX(m);

	kunit_expect_fault_begin(test);
	spin_lock(&test_lock);
	mutex_lock(&m);
	mutex_unlock(&m);
	spin_unlock(&test_lock);
	kunit_expect_fault_end(test);
	/* With debug_locks=0 the uncontended lock leaves the check to its slow path. */
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(debug_locks ? 1 : 0));
}

static void might_sleep_down_with_irqs_off(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	struct semaphore s;

	sema_init(&s, 1);
	kunit_expect_fault_begin(test);
	local_irq_disable();
	down(&s);
	up(&s);
	local_irq_enable();
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(1));
}

struct in_handler {
	struct completion done, finished;
	unsigned long reports_in_handler;
	bool atomic_alloc_ok;
	int kind;	/* 0: wait_for_completion, 1: GFP_ATOMIC allocation */
};

static irqreturn_t sleepy_handler(int irq, void *dev_id)
{
	struct in_handler *h = dev_id;
	unsigned long before = might_sleep_reports;

	if (h->kind == 0) {
		wait_for_completion(&h->done);		/* already done: it would not even wait */
	} else {
		struct page *page = alloc_page(GFP_ATOMIC);

		h->atomic_alloc_ok = page != NULL;
		if (page)
			__free_page(page);
	}
	h->reports_in_handler = might_sleep_reports - before;
	complete(&h->finished);
	return IRQ_HANDLED;
}

static void run_in_handler(struct kunit *test, struct in_handler *h)
{
	int irq;

	init_completion(&h->done);
	init_completion(&h->finished);
	complete(&h->done);
	irq = test_irq_get(test, sleepy_handler, h);
	test_irq_raise(irq);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&h->finished,
							  msecs_to_jiffies(TEST_WAIT_MS)), 0);
	test_irq_put(test, irq, h);
}

static void might_sleep_wait_for_completion_in_irq(struct kunit *test)
{
	struct in_handler h = { .kind = 0 };

	kunit_expect_fault_begin(test);
	run_in_handler(test, &h);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, h.reports_in_handler, checked(1));
}

static void might_sleep_gfp_atomic_in_irq_is_fine(struct kunit *test)
{
	struct in_handler h = { .kind = 1 };

	run_in_handler(test, &h);
	KUNIT_EXPECT_TRUE(test, h.atomic_alloc_ok);
	KUNIT_EXPECT_EQ(test, h.reports_in_handler, 0);
}

/* msleep with preemption off: reported, then it really schedules ("scheduling while atomic"). */
static void might_sleep_msleep_preempt_disabled(struct kunit *test)
{
	unsigned long before = might_sleep_reports, sched_before = schedule_bug_reports;

	kunit_expect_fault_begin(test);
	preempt_disable();
	msleep(1);
	preempt_enable();
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(1));
	KUNIT_EXPECT_GE(test, schedule_bug_reports, sched_before + 1);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void might_sleep_gfp_kernel_under_spinlock(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	struct page *page;

	spin_lock(&test_lock);
	page = alloc_page(GFP_ATOMIC);			/* fine */
	spin_unlock(&test_lock);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before);
	if (page)
		__free_page(page);

	kunit_expect_fault_begin(test);
	spin_lock(&test_lock);
	page = alloc_page(GFP_KERNEL);			/* may sleep */
	spin_unlock(&test_lock);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(1));
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_page(page);
}

static void might_sleep_kmalloc_under_spinlock(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	void *p;

	kunit_expect_fault_begin(test);
	spin_lock(&test_lock);
	p = kmalloc(64, GFP_KERNEL);
	spin_unlock(&test_lock);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(1));
	kfree(p);

	spin_lock(&test_lock);
	p = kmalloc(64, GFP_ATOMIC);			/* fine */
	spin_unlock(&test_lock);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(1));
	kfree(p);
}

static void might_sleep_vmalloc_preempt_disabled(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	void *v;

	kunit_expect_fault_begin(test);
	preempt_disable();
	v = vmalloc(PAGE_SIZE);
	preempt_enable();
	kunit_expect_fault_end(test);
	/* vmalloc's own check, and its page allocations': at least the first. */
	if (checked(1))
		KUNIT_EXPECT_GE(test, might_sleep_reports, before + 1);
	else
		KUNIT_EXPECT_EQ(test, might_sleep_reports, before);
	KUNIT_EXPECT_NOT_NULL(test, v);
	vfree(v);
}

static void might_sleep_kmap_under_spinlock(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	struct page *page = alloc_page(GFP_KERNEL);
	void *addr;

	KUNIT_ASSERT_NOT_NULL(test, page);
	kunit_expect_fault_begin(test);
	spin_lock(&test_lock);
	addr = kmap(page);
	kunmap(page);
	spin_unlock(&test_lock);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + checked(1));
	KUNIT_EXPECT_NOT_NULL(test, addr);
	__free_page(page);
}

/* The same calls where sleeping is allowed report nothing. */
static void might_sleep_quiet_in_process_context(struct kunit *test)
{
	unsigned long before = might_sleep_reports, sched_before = schedule_bug_reports;
	struct semaphore s;
	struct page *page;
	void *v;
	DEFINE_MUTEX(m);
	DECLARE_COMPLETION_ONSTACK(c);

	sema_init(&s, 1);
	mutex_lock(&m);
	mutex_unlock(&m);
	down(&s);
	up(&s);
	complete(&c);
	wait_for_completion(&c);
	msleep(1);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_NOT_NULL(test, kmap(page));
	kunmap(page);
	__free_page(page);
	v = vmalloc(PAGE_SIZE);
	vfree(v);
	kfree(kmalloc(64, GFP_KERNEL));
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before);
	KUNIT_EXPECT_EQ(test, schedule_bug_reports, sched_before);
}

static struct kunit_case might_sleep_cases[] = {
	KUNIT_CASE(might_sleep_mutex_lock_under_spinlock),
	KUNIT_CASE(might_sleep_down_with_irqs_off),
	KUNIT_CASE(might_sleep_wait_for_completion_in_irq),
	KUNIT_CASE(might_sleep_gfp_atomic_in_irq_is_fine),
	KUNIT_CASE(might_sleep_msleep_preempt_disabled),
	KUNIT_CASE(might_sleep_gfp_kernel_under_spinlock),
	KUNIT_CASE(might_sleep_kmalloc_under_spinlock),
	KUNIT_CASE(might_sleep_vmalloc_preempt_disabled),
	KUNIT_CASE(might_sleep_kmap_under_spinlock),
	KUNIT_CASE(might_sleep_quiet_in_process_context),
	{}
};

static struct kunit_suite might_sleep_suite = {
	.name = "might_sleep",
	.test_cases = might_sleep_cases,
};
kunit_test_suite(might_sleep_suite);
