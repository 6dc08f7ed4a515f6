/*
 * Simulated preempt_count: one per simulated CPU (the kernel keeps it in the
 * running task's thread_info; the host has no tasks). Nothing is ever
 * preempted here, so the count only has to be right for
 * in_atomic()/in_interrupt().
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <linux/compiler.h>
#include <asm/percpu.h>

extern unsigned long __preempt_count_pcpu;	/* DEFINE_PER_CPU'd by the simulator */

static inline unsigned long *preempt_count_ptr(void)
{
	unsigned long p;
	__asm__("" : "=r"(p) : "0"((unsigned long)&__preempt_count_pcpu));
	return (unsigned long *)(p + arch_my_cpu_offset());
}

static inline bool __preempt_count_dec_and_test(void)
{
	barrier();
	*preempt_count_ptr() -= 1;
	return false;
}

static inline void __preempt_schedule(void)
{
}

#endif
