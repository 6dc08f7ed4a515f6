/*
 * Kernel timers: struct timer_list, as in the kernel-design notes. A timer
 * calls its function once, in interrupt context, on the first tick at or
 * after @expires (in jiffies), on the CPU that armed it (add_timer/mod_timer
 * on CPU n: CPU n's tick runs it). Each CPU keeps its timers in Linux 2.6's
 * cascading wheel (256 slots for the next 256 jiffies, then four levels of
 * 64), so arming and disarming cost O(1).
 *
 * Two ways to set one up: the notes' setup_timer(timer, fn, data),
 * with fn(data) called, or Linux 4.15's timer_setup(timer, callback, flags)
 * with callback(timer) called (from_timer() gets the containing object).
 *
 *   mod_timer()      (re)arm; returns 1 if it was pending, else 0
 *   del_timer()      disarm; returns 1 if it was pending
 *   del_timer_sync() disarm and wait until its function is not running on
 *                    any CPU (not from interrupt context, and not while
 *                    holding a lock the function takes)
 *
 * Less than Linux: functions run from the tick interrupt itself (not from
 * the timer softirq), with interrupts disabled; no deferrable or pinned
 * timers, no slack, no debug objects.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kernel.h>

struct tvec_base;

struct timer_list {
	struct list_head entry;		/* in a wheel slot while pending (entry.next != NULL) */
	unsigned long expires;		/* jiffies */
	void (*function)(unsigned long);	/* setup_timer style */
	unsigned long data;
	void (*callback)(struct timer_list *);	/* timer_setup style */
	struct tvec_base *base;		/* internal: the CPU wheel it belongs to */
	unsigned int flags;
};

void init_timer(struct timer_list *timer);

static inline void setup_timer(struct timer_list *timer, void (*function)(unsigned long),
			       unsigned long data)
{
	init_timer(timer);
	timer->function = function;
	timer->data = data;
}
#define setup_timer_on_stack(timer, fn, data) setup_timer(timer, fn, data)

static inline void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *),
			       unsigned int flags)
{
	init_timer(timer);
	timer->callback = callback;
	timer->flags = flags;
}

#define from_timer(var, timer, field) container_of(timer, __typeof__(*var), field)

static inline int timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->entry.next) != NULL;
}

void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
#define del_singleshot_timer_sync(t) del_timer_sync(t)

/*
 * Mica (for kernel/module/track.c): take every pending timer @match accepts
 * off its wheel, @report each first, and wait until none it accepts is
 * still running. The number taken off.
 */
unsigned int del_timers_matching(bool (*match)(const struct timer_list *t, void *data),
				 void (*report)(const struct timer_list *t, void *data), void *data);

/* Boot CPU, before the tick starts: the per-CPU wheels. */
void init_timers(void);
/* Every tick on every CPU: expired timers, then the scheduler's tick. */
void update_process_times(void);

#endif
