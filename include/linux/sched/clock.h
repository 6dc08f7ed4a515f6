/*
 * Nanoseconds since time_init(), from the board timer's free-running
 * counter (on the A9 MPCore the 64-bit global timer). The same clock on
 * every CPU; 0 before time_init(). printk timestamps use it.
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

u64 sched_clock(void);
/* Linux's per-CPU-fast clock; here the counter is shared, so it is sched_clock. */
u64 local_clock(void);

#endif
