/*
 * Page allocation as the memory chapter shows it: alloc_pages with GFP
 * flags, page_address, __get_free_pages / get_zeroed_page / free_pages,
 * and a page from ZONE_DMA.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>

static struct page *p;
static unsigned long kva;

static int __init pages_init(void)
{
	unsigned long zeroed, dma;
	unsigned char *b;
	int i, ok = 1;

	p = alloc_pages(GFP_KERNEL, 2);		/* four contiguous pages */
	if (!p)
		return -ENOMEM;
	b = page_address(p);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		b[i] = i & 0xff;
	printk(KERN_INFO "pages: alloc_pages(GFP_KERNEL, 2): pfn %lu at %p\n", page_to_pfn(p), b);

	kva = __get_free_pages(GFP_KERNEL, 2);
	zeroed = get_zeroed_page(GFP_KERNEL);
	dma = __get_free_pages(GFP_KERNEL | GFP_DMA, 0);
	if (!kva || !zeroed || !dma)
		ok = 0;
	for (i = 0; ok && i < PAGE_SIZE; i++)
		if (((unsigned char *)zeroed)[i])
			ok = 0;
	if (ok && page_zonenum(virt_to_page(dma)) != ZONE_DMA)
		ok = 0;
	printk(KERN_INFO "pages: __get_free_pages order 2 at %#lx, a zeroed page, a ZONE_DMA page: %s\n",
	       kva, ok ? "OK" : "FAILED");
	if (zeroed)
		free_page(zeroed);
	if (dma)
		free_pages(dma, 0);
	if (!ok) {
		if (kva)
			free_pages(kva, 2);
		__free_pages(p, 2);
	}
	return ok ? 0 : -ENOMEM;
}

static void __exit pages_exit(void)
{
	unsigned char *b = page_address(p);
	int i, ok = 1;

	for (i = 0; i < 4 * PAGE_SIZE; i++)
		if (b[i] != (i & 0xff))
			ok = 0;
	printk(KERN_INFO "pages: contents kept until rmmod: %s\n", ok ? "OK" : "FAILED");
	free_pages(kva, 2);
	__free_pages(p, 2);
}

module_init(pages_init);
module_exit(pages_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("alloc_pages, GFP flags and __get_free_pages");
