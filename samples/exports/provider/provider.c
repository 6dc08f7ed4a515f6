/* Exports a counter and a function to other modules (samples/exports/user). */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(provider_lock);
int provider_calls;
EXPORT_SYMBOL(provider_calls);

/* The next ticket: callers from any module get distinct numbers. */
int provider_ticket(void)
{
	int t;

	mutex_lock(&provider_lock);
	t = ++provider_calls;
	mutex_unlock(&provider_lock);
	return t;
}
EXPORT_SYMBOL_GPL(provider_ticket);

static int __init provider_init(void)
{
	printk(KERN_INFO "provider: ready\n");
	return 0;
}

static void __exit provider_exit(void)
{
	printk(KERN_INFO "provider: %d tickets handed out\n", provider_calls);
}

module_init(provider_init);
module_exit(provider_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exports for samples/exports/user");
