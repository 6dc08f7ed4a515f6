/*
 * The scheduler clock (Linux name): nanoseconds since boot, for printk
 * timestamps and timing. Implemented by the timer code in arch/arm; it
 * returns 0 until the timer is running.
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

u64 local_clock(void);

#endif
