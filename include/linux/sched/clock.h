/*
 * The scheduler clock (Linux name): nanoseconds since time_init(), from the
 * board timer's free-running counter (on the A9 MPCore the 64-bit global
 * timer; kernel/time/timekeeping.c), for printk timestamps and timing. The same clock
 * on every CPU; 0 until the timer is running.
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

u64 sched_clock(void);
/* Linux's per-CPU-fast clock; here the counter is shared, so it is sched_clock. */
u64 local_clock(void);

#endif
