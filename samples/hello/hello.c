/* The first module: greets on load, with a parameter, and says goodbye on rmmod. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>

static char *whom = "world";
static int howmany = 1;
module_param(whom, charp, S_IRUGO);
module_param(howmany, int, S_IRUGO);
MODULE_PARM_DESC(whom, "who to greet");
MODULE_PARM_DESC(howmany, "how many times");

static int __init hello_init(void)
{
	int i;

	for (i = 0; i < howmany; i++)
		printk(KERN_INFO "hello: Hello, %s (%d/%d)\n", whom, i + 1, howmany);
	return 0;
}

static void __exit hello_exit(void)
{
	printk(KERN_INFO "hello: Goodbye, %s\n", whom);
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Mica samples");
MODULE_DESCRIPTION("Hello world, with two parameters");
