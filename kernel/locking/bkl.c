/*
 * The big kernel lock (include/linux/smp_lock.h): the kernel-design notes'
 * _lock_kernel() over a raw spinlock, taken with preemption disabled.
 * While it is contended the waiter spins with preemption enabled (unless
 * its caller had already disabled it), as Linux's CONFIG_PREEMPT version.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/smp_lock.h>
#include <asm/spinlock.h>

static arch_spinlock_t kernel_flag = __ARCH_SPIN_LOCK_UNLOCKED;

static inline void __lock_kernel(void)
{
	preempt_disable();
	if (likely(arch_spin_trylock(&kernel_flag)))
		return;
	if (preempt_count() > 1) {
		arch_spin_lock(&kernel_flag);
		return;
	}
	do {
		preempt_enable();
		while (arch_spin_is_locked(&kernel_flag))
			cpu_relax();
		preempt_disable();
	} while (!arch_spin_trylock(&kernel_flag));
}

static inline void __unlock_kernel(void)
{
	arch_spin_unlock(&kernel_flag);
	preempt_enable();
}

void _lock_kernel(const char *func, const char *file, int line)
{
	int depth = current->lock_depth + 1;

	if (likely(!depth)) {
		might_sleep();
		__lock_kernel();
	}
	current->lock_depth = depth;
}
EXPORT_SYMBOL(_lock_kernel);

void _unlock_kernel(const char *func, const char *file, int line)
{
	BUG_ON(current->lock_depth < 0);
	if (likely(--current->lock_depth < 0))
		__unlock_kernel();
}
EXPORT_SYMBOL(_unlock_kernel);

void release_kernel_lock(struct task_struct *task)
{
	if (likely(task->lock_depth < 0))
		return;
	arch_spin_unlock(&kernel_flag);
	preempt_enable_no_resched();
}

void reacquire_kernel_lock(struct task_struct *task)
{
	if (likely(task->lock_depth < 0))
		return;
	__lock_kernel();
}
