/* Its init dereferences NULL: the init task dies, the module stays in state Failed. */
#include <linux/module.h>
#include <linux/slab.h>

int *mt_oops_pointer;
/* Where the self-test wants the leaked pointer, to free it after the report. */
static unsigned long out;
module_param(out, ulong, 0444);

static int __init mt_oops_init(void)
{
	void *p = kmalloc(32, GFP_KERNEL);	/* reported when it is removed */

	if (out)
		*(void **)out = p;
	return *READ_ONCE(mt_oops_pointer);
}
module_init(mt_oops_init);

static void __exit mt_oops_exit(void)
{
}
module_exit(mt_oops_exit);
MODULE_LICENSE("GPL");
