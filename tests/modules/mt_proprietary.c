/* A non-GPL module using only plain exports: it loads and taints the kernel (P). */
#include <linux/module.h>
#include <linux/kernel.h>

static int __init mt_proprietary_init(void)
{
	printk(KERN_INFO "mt_proprietary: loaded\n");
	return 0;
}
module_init(mt_proprietary_init);

static void __exit mt_proprietary_exit(void)
{
}
module_exit(mt_proprietary_exit);
MODULE_LICENSE("Proprietary");
