/*
 * might_sleep(): catch a function that may sleep being called where
 * sleeping is not allowed, with Linux's report:
 *
 *   BUG: sleeping function called from invalid context at kernel/locking/mutex.c:262
 *   in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 7, name: test
 *   preempt_count: 1, expected: 0
 *
 * followed by the mutexes the task holds and a backtrace. "Invalid" means
 * preemption disabled (a spinlock held, preempt_disable), interrupts
 * disabled, or interrupt context (preempt_count's hardirq bits); holding
 * the big kernel lock is allowed (it is dropped while the task sleeps).
 * Checked once the scheduler runs (SYSTEM_SCHEDULING), not during early
 * boot or while an oops is reported; not at all with debug_atomic_sleep=0
 * on the command line (a static key: might_sleep() is then one NOP).
 *
 * Linux reports at most once a second; Mica at most once a second per call
 * site, so that distinct mistakes made close together are all reported.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/jump_label.h>

#define RECENT_SITES 16

struct report_site {
	const char *file;
	int line;
	unsigned long when;	/* jiffies */
};

static struct report_site recent[RECENT_SITES];
static unsigned int next_slot;
static DEFINE_SPINLOCK(recent_lock);
unsigned long might_sleep_reports;

DEFINE_STATIC_KEY_TRUE(debug_atomic_sleep);

static int __init debug_atomic_sleep_setup(char *str)
{
	return static_key_param(str, &debug_atomic_sleep.key);
}
early_param("debug_atomic_sleep=", debug_atomic_sleep_setup);

/* True if @file:@line was reported in the last second; otherwise remember it now. */
static bool recently_reported(const char *file, int line)
{
	unsigned long flags, now = jiffies;
	bool seen = false;
	unsigned int i;

	spin_lock_irqsave(&recent_lock, flags);
	for (i = 0; i < RECENT_SITES; i++) {
		struct report_site *r = &recent[i];

		if (r->file == file && r->line == line) {
			seen = time_before(now, r->when + HZ);
			if (!seen)
				r->when = now;
			goto out;
		}
	}
	recent[next_slot] = (struct report_site){ file, line, now };
	next_slot = (next_slot + 1) % RECENT_SITES;
out:
	spin_unlock_irqrestore(&recent_lock, flags);
	return seen;
}

void __might_sleep(const char *file, int line)
{
	int expected = current->lock_depth >= 0 ? 1 : 0;

	if ((preempt_count() == expected && !irqs_disabled()) || oops_in_progress ||
	    system_state == SYSTEM_BOOTING || system_state > SYSTEM_RUNNING)
		return;
	if (recently_reported(file, line))
		return;
	__atomic_add_fetch(&might_sleep_reports, 1, __ATOMIC_RELAXED);
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), 0, current->pid, current->comm);
	printk(KERN_ERR "preempt_count: %x, expected: %x\n", preempt_count(), expected);
	if (current->mutex_depth) {
		unsigned int i, n = min_t(unsigned int, current->mutex_depth, MAX_HELD_MUTEXES);

		printk(KERN_ERR "%u lock%s held by %s/%d:\n", current->mutex_depth,
		       current->mutex_depth == 1 ? "" : "s", current->comm, current->pid);
		for (i = 0; i < n; i++)
			printk(KERN_ERR " #%u: %p\n", i, current->held_mutexes[i]);
	}
	dump_stack();
}
EXPORT_SYMBOL(__might_sleep);
