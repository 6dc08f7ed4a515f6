/* Takes tickets from provider.ko: it must be loaded first, and stays until this goes. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>

extern int provider_calls;
int provider_ticket(void);

static int __init user_init(void)
{
	int a = provider_ticket(), b = provider_ticket();

	printk(KERN_INFO "user: tickets %d and %d, provider counted %d: %s\n", a, b,
	       provider_calls, b == a + 1 && provider_calls == b ? "OK" : "FAILED");
	return 0;
}

static void __exit user_exit(void)
{
}

module_init(user_init);
module_exit(user_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uses provider's exports");
