/*
 * Takes memory and arms a timer, then fails: the loader reports both and
 * cancels the timer. The timer_list is the self-test's (timer=), so it can
 * see the timer is no longer pending; the callback is this module's code.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/errno.h>

/* Where the self-test wants the leaked pointer, to free it after the report. */
static unsigned long out;
module_param(out, ulong, 0444);
static unsigned long timer;
module_param(timer, ulong, 0444);

static void mt_initfail_timeout(unsigned long data)
{
	panic("mt_initfail: a timer of a module that failed to load ran");
}

static int __init mt_initfail_init(void)
{
	void *p = kmalloc(24, GFP_KERNEL);

	if (out)
		*(void **)out = p;
	if (timer) {
		setup_timer((struct timer_list *)timer, mt_initfail_timeout, 0);
		mod_timer((struct timer_list *)timer, jiffies + 10 * HZ);
	}
	return -ENODEV;
}
module_init(mt_initfail_init);
MODULE_LICENSE("GPL");
