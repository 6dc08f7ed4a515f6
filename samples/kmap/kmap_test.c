/*
 * High memory: a page from ZONE_HIGHMEM has no permanent kernel address;
 * kmap gives it one that may sleep, kmap_atomic one for atomic context.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>

static int __init kmap_test_init(void)
{
	struct page *p = alloc_pages(__GFP_HIGHMEM | GFP_KERNEL, 2);
	unsigned int *hva, *ava;
	int ok;

	if (!p)
		return -ENOMEM;
	hva = kmap(p);
	hva[0] = 0x12345678;
	kunmap(p);
	ava = kmap_atomic(p);
	ok = ava[0] == 0x12345678;
	kunmap_atomic(ava);
	printk(KERN_INFO "kmap_test: %s page (pfn %lu): kmap at %p, kmap_atomic at %p, same data: %s\n",
	       PageHighMem(p) ? "high" : "low", page_to_pfn(p), hva, ava, ok ? "OK" : "FAILED");
	__free_pages(p, 2);
	return ok ? 0 : -EINVAL;
}

static void __exit kmap_test_exit(void)
{
}

module_init(kmap_test_init);
module_exit(kmap_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kmap and kmap_atomic of a high page");
