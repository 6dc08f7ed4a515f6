/* Takes memory and arms a timer, then fails: the loader reports and cancels both. */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/errno.h>

static struct timer_list mt_timer;
/* Where the self-test wants the leaked pointer, to free it after the report. */
static unsigned long out;
module_param(out, ulong, 0444);

static void mt_initfail_timeout(unsigned long data)
{
	panic("mt_initfail: a timer of a module that failed to load ran");
}

static int __init mt_initfail_init(void)
{
	void *p = kmalloc(24, GFP_KERNEL);

	if (out)
		*(void **)out = p;
	setup_timer(&mt_timer, mt_initfail_timeout, 0);
	mod_timer(&mt_timer, jiffies + 2);
	return -ENODEV;
}
module_init(mt_initfail_init);
MODULE_LICENSE("GPL");
