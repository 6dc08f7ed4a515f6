/*
 * Busy-wait delays. After time_init() they poll the board timer's
 * free-running counter (Linux/ARM's timer-based delay), so they last at
 * least what was asked whatever the CPU's speed; loops_per_jiffy is then
 * the counter's ticks per jiffy. Before time_init() they are a busy loop
 * sized for a 2 GHz core: never shorter than asked, longer on slower ones.
 * Unlike Linux/ARM, udelay() takes any value (no 2 ms limit).
 * They spin: for waits of a tick or more, sleep instead (msleep() below).
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

extern unsigned long loops_per_jiffy;

void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

/*
 * Sleeping delays (kernel/time/timer.c), for a jiffy or more: the task sleeps
 * at least @msecs (rounded up to whole jiffies, plus one so that a partly
 * gone jiffy does not count). msleep_interruptible() ends early on a
 * signal and returns the milliseconds left.
 */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif
