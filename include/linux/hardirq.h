/*
 * Hard interrupt context accounting: every handler runs between irq_enter()
 * and irq_exit(), which add and remove HARDIRQ_OFFSET in preempt_count, so
 * in_irq()/in_interrupt() tell interrupt context apart. irq_exit() is where
 * a preemptive scheduler will check for a pending reschedule.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

static inline void irq_enter(void)
{
	preempt_count_add(HARDIRQ_OFFSET);
}

static inline void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
}

#endif
