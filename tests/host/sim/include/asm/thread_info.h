/*
 * Simulated struct thread_info: the fields and flags generic code uses. No
 * task runs on its own kernel stack here and nothing switches contexts,
 * so there is no saved register set.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define THREAD_SIZE 8192

#define TIF_SIGPENDING   0
#define TIF_NEED_RESCHED 1
#define _TIF_SIGPENDING   (1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)

struct thread_info {
	unsigned long flags;
	int preempt_count;
	int cpu;
};

#endif
