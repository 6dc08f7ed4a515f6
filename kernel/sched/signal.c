/*
 * Signals, as far as kernel threads need them (include/linux/signal.h):
 * a pending mask per task and TIF_SIGPENDING, which the interruptible
 * waits test (signal_pending_state). Sending wakes the task if it sleeps
 * in a state the signal may end.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>

bool sigismember_pending(const struct task_struct *p, int sig)
{
	return (READ_ONCE(p->pending_signals) >> sig) & 1;
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	unsigned long flags;

	if (sig <= 0 || sig >= _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	p->pending_signals |= 1UL << sig;
	set_bit(TIF_SIGPENDING, &p->thread_info.flags);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	/* After the flag: a task about to sleep rechecks it (signal_pending_state). */
	wake_up_state(p, sig == SIGKILL ? TASK_WAKEKILL | TASK_INTERRUPTIBLE : TASK_INTERRUPTIBLE);
	return 0;
}
EXPORT_SYMBOL(send_sig);

void flush_signals(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	p->pending_signals = 0;
	clear_bit(TIF_SIGPENDING, &p->thread_info.flags);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}
EXPORT_SYMBOL(flush_signals);
