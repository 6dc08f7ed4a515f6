/*
 * Kernel timers (include/linux/timer.h) on Linux 2.6's per-CPU cascading
 * timer wheel, and schedule_timeout() built on them as in the
 * kernel-design notes.
 *
 * A wheel has five levels: tv1 has one slot per jiffy for the next 256
 * jiffies, tv2..tv5 64 slots each covering 256, 256*64, ... jiffies. A
 * timer goes straight into the slot for its expiry (O(1)); every 256
 * jiffies the next tv2 slot is cascaded down into tv1, and so on up. Each
 * CPU's tick runs its own wheel up to the current jiffies.
 *
 * timer->base is the wheel a timer belongs to; it is NULL only while
 * mod_timer() moves the timer to another CPU's wheel, and lock_timer_base()
 * waits that out.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/hardirq.h>
#include <linux/delay.h>

#define TVN_BITS 6
#define TVR_BITS 8
#define TVN_SIZE (1 << TVN_BITS)
#define TVR_SIZE (1 << TVR_BITS)
#define TVN_MASK (TVN_SIZE - 1)
#define TVR_MASK (TVR_SIZE - 1)
#define MAX_TVAL ((unsigned long)((1ULL << (TVR_BITS + 4 * TVN_BITS)) - 1))

struct tvec_base {
	spinlock_t lock;
	struct timer_list *running_timer;	/* whose function runs now */
	unsigned long timer_jiffies;		/* the next jiffy to process */
	struct list_head tv1[TVR_SIZE];
	struct list_head tv2[TVN_SIZE];
	struct list_head tv3[TVN_SIZE];
	struct list_head tv4[TVN_SIZE];
	struct list_head tv5[TVN_SIZE];
	struct list_head expiring;		/* due now: run_timers() takes them one by one */
};

static DEFINE_PER_CPU(struct tvec_base, tvec_bases);

static struct tvec_base *this_base(void)
{
	return this_cpu_ptr(&tvec_bases);
}

/* base locked. The slot for timer->expires, relative to where the wheel is. */
static void internal_add_timer(struct tvec_base *base, struct timer_list *timer)
{
	unsigned long expires = timer->expires;
	unsigned long idx = expires - base->timer_jiffies;
	struct list_head *vec;

	if (idx < TVR_SIZE) {
		vec = base->tv1 + (expires & TVR_MASK);
	} else if (idx < 1UL << (TVR_BITS + TVN_BITS)) {
		vec = base->tv2 + ((expires >> TVR_BITS) & TVN_MASK);
	} else if (idx < 1UL << (TVR_BITS + 2 * TVN_BITS)) {
		vec = base->tv3 + ((expires >> (TVR_BITS + TVN_BITS)) & TVN_MASK);
	} else if (idx < 1UL << (TVR_BITS + 3 * TVN_BITS)) {
		vec = base->tv4 + ((expires >> (TVR_BITS + 2 * TVN_BITS)) & TVN_MASK);
	} else if ((long)idx < 0) {
		/* Already expired: the very next slot to be processed. */
		vec = base->tv1 + (base->timer_jiffies & TVR_MASK);
	} else {
		/* Beyond the wheel's 2^32 range: as far as it reaches. */
		if (idx > MAX_TVAL) {
			idx = MAX_TVAL;
			expires = idx + base->timer_jiffies;
		}
		vec = base->tv5 + ((expires >> (TVR_BITS + 3 * TVN_BITS)) & TVN_MASK);
	}
	list_add_tail(&timer->entry, vec);
}

static void detach_timer(struct timer_list *timer)
{
	__list_del(timer->entry.prev, timer->entry.next);
	timer->entry.next = NULL;
}

/* base locked: take @timer off the wheel if it is on it; 1 if it was. */
static int detach_if_pending(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	detach_timer(timer);
	return 1;
}

/* The locked wheel @timer belongs to (waiting while it moves between wheels). */
static struct tvec_base *lock_timer_base(struct timer_list *timer, unsigned long *flags)
{
	for (;;) {
		struct tvec_base *base = READ_ONCE(timer->base);

		if (likely(base)) {
			spin_lock_irqsave(&base->lock, *flags);
			if (likely(base == READ_ONCE(timer->base)))
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

void init_timer(struct timer_list *timer)
{
	timer->entry.next = NULL;
	timer->function = NULL;
	timer->data = 0;
	timer->callback = NULL;
	timer->flags = 0;
	timer->base = raw_cpu_ptr(&tvec_bases);
}
EXPORT_SYMBOL(init_timer);

/* Arm @timer for @expires on this CPU's wheel (unless its function runs on the old one now). */
static int __mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct tvec_base *base, *new_base;
	unsigned long flags;
	int ret;

	base = lock_timer_base(timer, &flags);
	ret = detach_if_pending(timer);
	new_base = this_base();
	if (base != new_base && base->running_timer != timer) {
		/* Nobody can find it while timer->base is NULL: moving it is safe. */
		WRITE_ONCE(timer->base, NULL);
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(timer->base, base);
	}
	timer->expires = expires;
	internal_add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	if (timer_pending(timer) && timer->expires == expires)
		return 1;
	return __mod_timer(timer, expires);
}
EXPORT_SYMBOL(mod_timer);

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	__mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

int del_timer(struct timer_list *timer)
{
	struct tvec_base *base;
	unsigned long flags;
	int ret = 0;

	if (timer_pending(timer)) {
		base = lock_timer_base(timer, &flags);
		ret = detach_if_pending(timer);
		spin_unlock_irqrestore(&base->lock, flags);
	}
	return ret;
}
EXPORT_SYMBOL(del_timer);

/* Disarm unless the function is running now (-1: try again). */
int try_to_del_timer_sync(struct timer_list *timer)
{
	struct tvec_base *base;
	unsigned long flags;
	int ret = -1;

	base = lock_timer_base(timer, &flags);
	if (base->running_timer != timer)
		ret = detach_if_pending(timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}
EXPORT_SYMBOL(try_to_del_timer_sync);

int del_timer_sync(struct timer_list *timer)
{
	WARN_ON(in_irq());
	for (;;) {
		int ret = try_to_del_timer_sync(timer);

		if (ret >= 0)
			return ret;
		cpu_relax();
	}
}
EXPORT_SYMBOL(del_timer_sync);

/* Move the whole list at @slot to @into (which need not be initialised) and empty @slot. */
static void take_slot(struct list_head *slot, struct list_head *into)
{
	INIT_LIST_HEAD(into);
	if (list_empty(slot))
		return;
	into->next = slot->next;
	into->prev = slot->prev;
	into->next->prev = into;
	into->prev->next = into;
	INIT_LIST_HEAD(slot);
}

/* base locked: re-add every timer of one upper-level slot (they now fit lower). */
static int cascade(struct tvec_base *base, struct list_head *tv, int index)
{
	struct timer_list *timer, *tmp;
	struct list_head tv_list;

	take_slot(tv + index, &tv_list);
	list_for_each_entry_safe(timer, tmp, &tv_list, entry)
		internal_add_timer(base, timer);
	return index;
}

#define INDEX(N) ((base->timer_jiffies >> (TVR_BITS + (N) * TVN_BITS)) & TVN_MASK)

/* This CPU's tick, interrupts off: run every timer due by now. */
static void run_timers(struct tvec_base *base)
{
	spin_lock(&base->lock);
	while (time_after_eq(jiffies, base->timer_jiffies)) {
		int index = base->timer_jiffies & TVR_MASK;

		if (!index && !cascade(base, base->tv2, INDEX(0)) &&
		    !cascade(base, base->tv3, INDEX(1)) && !cascade(base, base->tv4, INDEX(2)))
			cascade(base, base->tv5, INDEX(3));
		base->timer_jiffies++;
		take_slot(base->tv1 + index, &base->expiring);
		while (!list_empty(&base->expiring)) {
			struct timer_list *timer = list_first_entry(&base->expiring,
								    struct timer_list, entry);
			void (*fn)(unsigned long) = timer->function;
			void (*cb)(struct timer_list *) = timer->callback;
			unsigned long data = timer->data;

			detach_timer(timer);
			base->running_timer = timer;
			spin_unlock(&base->lock);
			if (cb)
				cb(timer);
			else
				fn(data);
			spin_lock(&base->lock);
		}
	}
	base->running_timer = NULL;
	spin_unlock(&base->lock);
}

void update_process_times(void)
{
	run_timers(this_base());
	scheduler_tick();
}

void __init init_timers(void)
{
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct tvec_base *base = per_cpu_ptr(&tvec_bases, cpu);

		spin_lock_init(&base->lock);
		for (i = 0; i < TVR_SIZE; i++)
			INIT_LIST_HEAD(base->tv1 + i);
		for (i = 0; i < TVN_SIZE; i++) {
			INIT_LIST_HEAD(base->tv2 + i);
			INIT_LIST_HEAD(base->tv3 + i);
			INIT_LIST_HEAD(base->tv4 + i);
			INIT_LIST_HEAD(base->tv5 + i);
		}
		INIT_LIST_HEAD(&base->expiring);
		base->timer_jiffies = jiffies;
		base->running_timer = NULL;
	}
}

/* @base locked: detach and report the timers of @list that @match accepts. */
static unsigned int del_matching_in(struct list_head *list,
				    bool (*match)(const struct timer_list *, void *),
				    void (*report)(const struct timer_list *, void *), void *data)
{
	struct timer_list *timer, *tmp;
	unsigned int n = 0;

	list_for_each_entry_safe(timer, tmp, list, entry) {
		if (!match(timer, data))
			continue;
		report(timer, data);
		detach_timer(timer);
		n++;
	}
	return n;
}

unsigned int del_timers_matching(bool (*match)(const struct timer_list *, void *),
				 void (*report)(const struct timer_list *, void *), void *data)
{
	struct list_head *vecs[] = { NULL, NULL, NULL, NULL, NULL };
	unsigned int n = 0, cpu, v, i;
	struct timer_list *running;
	unsigned long flags;

	for_each_possible_cpu(cpu) {
		struct tvec_base *base = per_cpu_ptr(&tvec_bases, cpu);

		vecs[0] = base->tv1;
		vecs[1] = base->tv2;
		vecs[2] = base->tv3;
		vecs[3] = base->tv4;
		vecs[4] = base->tv5;
		spin_lock_irqsave(&base->lock, flags);
		for (v = 0; v < ARRAY_SIZE(vecs); v++)
			for (i = 0; i < (v ? TVN_SIZE : TVR_SIZE); i++)
				n += del_matching_in(vecs[v] + i, match, report, data);
		n += del_matching_in(&base->expiring, match, report, data);
		spin_unlock_irqrestore(&base->lock, flags);
		/* One of them may be running on that CPU right now. */
		while ((running = READ_ONCE(base->running_timer)) && match(running, data))
			cpu_relax();
	}
	return n;
}

/* ---- sleeping with a timeout (the kernel-design notes' schedule_timeout) ---- */

static void process_timeout(unsigned long data)
{
	wake_up_process((struct task_struct *)data);
}

long schedule_timeout(long timeout)
{
	struct timer_list timer;
	unsigned long expire;

	switch (timeout) {
	case MAX_SCHEDULE_TIMEOUT:
		schedule();
		goto out;
	default:
		if (timeout < 0) {
			printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n",
			       (unsigned long)timeout);
			dump_stack();
			current->state = TASK_RUNNING;
			goto out;
		}
	}

	expire = timeout + jiffies;
	setup_timer_on_stack(&timer, process_timeout, (unsigned long)current);
	__mod_timer(&timer, expire);
	schedule();
	del_singleshot_timer_sync(&timer);
	timeout = expire - jiffies;
out:
	return timeout < 0 ? 0 : timeout;
}
EXPORT_SYMBOL(schedule_timeout);

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_killable);

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(msleep);

unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
EXPORT_SYMBOL(msleep_interruptible);
