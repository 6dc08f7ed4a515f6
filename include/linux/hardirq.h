/*
 * Hard interrupt context accounting: every handler runs between irq_enter()
 * and irq_exit(), which add and remove HARDIRQ_OFFSET in preempt_count, so
 * in_irq()/in_interrupt() tell interrupt context apart. irq_exit() runs the
 * softirqs (tasklets) the handlers raised.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

static inline void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

/* Leave hard interrupt context, and run the softirqs (tasklets) it raised (kernel/softirq.c). */
void irq_exit(void);

#endif
