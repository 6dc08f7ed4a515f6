/*
 * Non-contiguous memory: vmalloc and vzalloc of more than fits in one
 * physically contiguous block, written through, checked, and vfree'd.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>

#define SIZE (3 * 1024 * 1024 + 100)

static unsigned char *buf;
static unsigned int *zbuf;

static int __init vmalloc_test_init(void)
{
	unsigned long i;
	int ok = 1;

	buf = vmalloc(SIZE);
	zbuf = vzalloc(8 * PAGE_SIZE);
	if (!buf || !zbuf) {
		vfree(buf);
		vfree(zbuf);
		return -ENOMEM;
	}
	for (i = 0; i < SIZE; i++)
		buf[i] = i % 251;
	for (i = 0; i < SIZE; i++)
		if (buf[i] != i % 251)
			ok = 0;
	for (i = 0; i < 8 * PAGE_SIZE / sizeof(*zbuf); i++)
		if (zbuf[i])
			ok = 0;
	printk(KERN_INFO "vmalloc_test: vmalloc(%d) at %p, first pages pfn %lu and %lu; vzalloc zeroed: %s\n",
	       SIZE, buf, vmalloc_to_pfn(buf), vmalloc_to_pfn(buf + PAGE_SIZE), ok ? "OK" : "FAILED");
	return 0;
}

static void __exit vmalloc_test_exit(void)
{
	vfree(buf);
	vfree(zbuf);
	printk(KERN_INFO "vmalloc_test: freed\n");
}

module_init(vmalloc_test_init);
module_exit(vmalloc_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vmalloc and vzalloc");
