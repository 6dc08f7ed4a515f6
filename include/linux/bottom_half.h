/*
 * Bottom halves off and on for this CPU (Linux's <linux/bottom_half.h>):
 * between local_bh_disable() and local_bh_enable() no tasklet (softirq)
 * runs on this CPU, and the section is not preempted; local_bh_enable()
 * runs what became pending meanwhile. They nest. Not from hard interrupt
 * context with interrupts off. kernel/softirq.c.
 */
#ifndef _LINUX_BOTTOM_HALF_H
#define _LINUX_BOTTOM_HALF_H

#include <linux/preempt.h>

/* As Linux: twice SOFTIRQ_OFFSET, so "serving a softirq" and "bh off" stay apart. */
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)

static inline void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

void local_bh_enable(void);

#endif
