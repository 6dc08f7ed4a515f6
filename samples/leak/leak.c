/*
 * A module that forgets to clean up, on purpose: its exit frees nothing.
 * rmmod reports each thing it left, with the function that took it, and
 * cancels the timer that would otherwise call into its freed code.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

static struct timer_list forgotten_timer;
static void *buffer;

static void forgotten_timeout(unsigned long data)
{
	printk(KERN_INFO "leak: the forgotten timer fired\n");
}

static void *alloc_table(void)
{
	return vmalloc(64 * 1024);
}

static int __init leak_init(void)
{
	buffer = kmalloc(256, GFP_KERNEL);
	__get_free_pages(GFP_KERNEL, 1);
	alloc_table();
	setup_timer(&forgotten_timer, forgotten_timeout, 0);
	mod_timer(&forgotten_timer, jiffies + 60 * HZ);
	printk(KERN_INFO "leak: took a buffer, two pages, a table and a timer\n");
	return 0;
}

static void __exit leak_exit(void)
{
	printk(KERN_INFO "leak: exit forgets to free anything\n");
}

module_init(leak_init);
module_exit(leak_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("leaks on purpose, to show the report on rmmod");
