/* The current CPU's per-CPU offset lives in TPIDRPRW (privileged-only). */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

static inline unsigned long arch_my_cpu_offset(void)
{
	unsigned long off;
	/* volatile: a task may move CPUs between two reads once it can sleep. */
	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 4" : "=r"(off));
	return off;
}
static inline void arch_set_my_cpu_offset(unsigned long off)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" :: "r"(off) : "memory");
}

/*
 * This CPU's number: the scheduler writes it into a task's thread_info as
 * it switches to the task (kernel/sched/core.c), so reading it takes two
 * instructions, as on Linux/ARM. The per-CPU cpu_number stays the
 * reference for code that has no task (early assembly).
 */
#include <asm/preempt.h>
#define raw_smp_processor_id() (current_thread_info()->cpu)

#endif
