/*
 * An init that dereferences NULL, on purpose: the oops names the module
 * and its function, the task running init dies, the kernel taints itself
 * (D), the module stays listed as failed and the shell carries on.
 * rmmod removes it.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>

struct device_state {
	int irq;
	int users;
};

static struct device_state *state;	/* never set: the bug */

static int __init oops_init(void)
{
	printk(KERN_INFO "oops: about to use a pointer nobody set\n");
	state->users++;
	return 0;
}

static void __exit oops_exit(void)
{
}

module_init(oops_init);
module_exit(oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("oopses in its init, on purpose");
