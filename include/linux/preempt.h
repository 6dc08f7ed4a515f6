/*
 * preempt_count, in Linux's layout: bits 0-7 preemption depth, 8-15 softirq,
 * 16-19 hardirq nesting, 20 NMI. It belongs to the running task (the arch
 * keeps it in thread_info, see asm/preempt.h): spinlocks and interrupt
 * entry raise it, and a kernel with it at 0 may be preempted, either when
 * preempt_enable() brings it back to 0 with a reschedule pending or on
 * the way out of an interrupt (arch/arm/entry.S).
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/jump_label.h>	/* might_sleep()'s key (linux/kernel.h) */
#include <asm/preempt.h>

#define PREEMPT_SHIFT   0
#define SOFTIRQ_SHIFT   8
#define HARDIRQ_SHIFT   16
#define NMI_SHIFT       20
#define PREEMPT_OFFSET  (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET  (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET  (1UL << HARDIRQ_SHIFT)
#define PREEMPT_MASK    (0xffUL << PREEMPT_SHIFT)
#define SOFTIRQ_MASK    (0xffUL << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK    (0xfUL << HARDIRQ_SHIFT)
#define NMI_MASK        (0x1UL << NMI_SHIFT)
/* What schedule() itself holds while it switches. */
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET

#define preempt_count()          READ_ONCE(*preempt_count_ptr())
#define preempt_count_add(n)     do { *preempt_count_ptr() += (n); barrier(); } while (0)
#define preempt_count_sub(n)     do { barrier(); *preempt_count_ptr() -= (n); } while (0)
#define preempt_count_set(n)     do { *preempt_count_ptr() = (n); barrier(); } while (0)
#define preempt_disable()        preempt_count_add(1)
#define preempt_enable_no_resched() preempt_count_sub(1)
#define preempt_enable() do {						\
	if (unlikely(__preempt_count_dec_and_test()))			\
		__preempt_schedule();					\
} while (0)

#define hardirq_count()  (preempt_count() & HARDIRQ_MASK)
#define softirq_count()  (preempt_count() & SOFTIRQ_MASK)
#define in_irq()         (hardirq_count() != 0)
#define in_interrupt()   ((preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK)) != 0)
#define in_atomic()      (preempt_count() != 0)
/* Linux's in_task(): neither an interrupt handler nor a softirq. */
#define in_task()        (!in_interrupt())

#endif
