/*
 * The arch half of preempt_count: it lives in the running task's
 * thread_info (asm/thread_info.h), so each task carries its own count
 * across a context switch and the IRQ exit path (arch/arm/entry.S) finds
 * it through TPIDRURO.
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/thread_info.h>

static __always_inline struct thread_info *current_thread_info(void)
{
	return (struct thread_info *)get_current();	/* the first member of task_struct */
}

static __always_inline int *preempt_count_ptr(void)
{
	return &current_thread_info()->preempt_count;
}

static __always_inline bool tif_need_resched(void)
{
	return READ_ONCE(current_thread_info()->flags) & _TIF_NEED_RESCHED;
}

/*
 * Drop one level; true if that made us preemptible with a reschedule
 * pending. The decrement sets the flags itself (SUBS), so the common
 * "still nested" or "count reached zero, nothing pending" cases cost the
 * load, SUBS, store and one branch (plus the flags test at zero).
 */
static __always_inline bool __preempt_count_dec_and_test(void)
{
	struct thread_info *ti = current_thread_info();
	int left;

	__asm__ __volatile__ goto("	ldr	%0, [%1, %2]\n"
		     "	subs	%0, %0, #1\n"
		     "	str	%0, [%1, %2]\n"
		     "	beq	%l[zero]"
		     : "=&r"(left)
		     : "r"(ti), "J"(TI_PREEMPT)
		     : "cc", "memory"
		     : zero);
	return false;
zero:
	return READ_ONCE(ti->flags) & _TIF_NEED_RESCHED;
}

void preempt_schedule(void);
#define __preempt_schedule() preempt_schedule()

#endif
