/*
 * Signals, the little of them a kernel without user space needs: a way to
 * interrupt a task sleeping in TASK_INTERRUPTIBLE (or TASK_KILLABLE, for
 * SIGKILL), as Linux's *_interruptible and *_killable waits expect, and
 * the exit code of a task an oops killed (SIGSEGV).
 *
 * Less than Linux: no handlers, no masks, no queued siginfo; any signal
 * may be sent to a kernel thread (Linux requires allow_signal() first).
 * A pending signal stays pending until flush_signals().
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#define SIGHUP   1
#define SIGINT   2
#define SIGQUIT  3
#define SIGKILL  9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGTERM 15
#define _NSIG   32

struct task_struct;

/* Mark @sig pending for @p and wake it if it sleeps interruptibly (SIGKILL: killably). */
int send_sig(int sig, struct task_struct *p, int priv);
/* Forget every pending signal of @p. */
void flush_signals(struct task_struct *p);
/* Is @sig pending for @p? */
bool sigismember_pending(const struct task_struct *p, int sig);

#endif
