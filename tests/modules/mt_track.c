/*
 * What the allocators record for a module: kmalloc of a size known only at
 * run time (__kmalloc), of a constant size (kmem_cache_alloc) and pages
 * (__alloc_pages_nodemask), each reached through the tracked entry its
 * references resolve to; and an object it frees itself, whose record goes.
 * The self-test frees one of the others from the kernel and checks that
 * rmmod reports exactly the two left.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>

static int size = 100;
module_param(size, int, 0444);
/* Where the self-test wants the pointers: the run-time kmalloc, the constant one, the page. */
static unsigned long out;
module_param(out, ulong, 0444);

static int __init mt_track_init(void)
{
	void **ptrs = (void **)out;
	void *mine = kmalloc(64, GFP_KERNEL);

	if (!ptrs || !mine) {
		kfree(mine);
		return -EINVAL;
	}
	kfree(mine);
	ptrs[0] = kmalloc(size, GFP_KERNEL);
	ptrs[1] = kmalloc(64, GFP_KERNEL);
	ptrs[2] = alloc_page(GFP_KERNEL);
	return 0;
}
module_init(mt_track_init);

static void __exit mt_track_exit(void)
{
}
module_exit(mt_track_exit);
MODULE_LICENSE("GPL");
