/*
 * `current`: the running task, kept in TPIDRURO (CP15 c13, the user
 * read-only thread ID register, which Mica leaves to the kernel as it has no
 * user space). arch/arm/head.S points it at init_task (and each secondary's idle
 * task) before any C runs; __switch_to changes it with sp.
 *
 * The read is deliberately not volatile: a task always sees itself, on
 * whichever CPU it runs, so the compiler may reuse an earlier read.
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;

static inline __attribute__((always_inline)) struct task_struct *get_current(void)
{
	struct task_struct *tsk;

	__asm__("mrc p15, 0, %0, c13, c0, 3" : "=r"(tsk));
	return tsk;
}

static inline void set_current(struct task_struct *tsk)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(tsk) : "memory");
}

#define current get_current()

#endif
