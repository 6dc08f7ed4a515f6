/*
 * Time, as the kernel design notes show it: jiffies and HZ, wrap-safe
 * comparisons, a timer_list firing after a delay, busy-wait delays
 * (udelay, mdelay) and sleeping ones (msleep, schedule_timeout).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/completion.h>

static int delay_ms = 50;
module_param(delay_ms, int, 0444);
MODULE_PARM_DESC(delay_ms, "the timer's delay");

static struct timer_list my_timer;
static struct completion fired;
static unsigned long armed_at, fired_at;

static void my_timer_fn(unsigned long data)
{
	fired_at = jiffies;
	complete((struct completion *)data);
}

static int __init timer_test_init(void)
{
	unsigned long start, slept;
	bool timer_ok, sleep_ok;

	init_completion(&fired);
	setup_timer(&my_timer, my_timer_fn, (unsigned long)&fired);
	armed_at = jiffies;
	mod_timer(&my_timer, armed_at + msecs_to_jiffies(delay_ms));
	wait_for_completion(&fired);
	timer_ok = time_after_eq(fired_at, armed_at + msecs_to_jiffies(delay_ms));
	printk(KERN_INFO "timer_test: HZ=%d; timer armed for %d ms fired after %u ms: %s\n",
	       HZ, delay_ms, jiffies_to_msecs(fired_at - armed_at), timer_ok ? "OK" : "FAILED");

	start = jiffies;
	msleep(20);
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule_timeout(msecs_to_jiffies(20));
	slept = jiffies - start;
	mdelay(2);
	udelay(100);
	sleep_ok = time_after_eq(jiffies, start + msecs_to_jiffies(40));
	printk(KERN_INFO "timer_test: msleep(20) + schedule_timeout(20 ms) took %u ms, then mdelay/udelay: %s\n",
	       jiffies_to_msecs(slept), sleep_ok ? "OK" : "FAILED");
	return timer_ok && sleep_ok ? 0 : -EINVAL;
}

static void __exit timer_test_exit(void)
{
	del_timer_sync(&my_timer);
}

module_init(timer_test_init);
module_exit(timer_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("jiffies, timer_list and delays");
