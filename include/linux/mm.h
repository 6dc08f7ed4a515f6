/*
 * Pages and page frames: pfn <-> struct page <-> kernel address, reference
 * and map counts, compound pages, memory totals and the boot-time set-up of
 * the page allocator. The allocator itself is declared in <linux/gfp.h>.
 *
 * Mica keeps one flat mem_map from the first RAM page (PHYS_PFN_OFFSET) to
 * max_pfn, holes included (their pages stay PG_reserved), as Linux's FLATMEM.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <asm/memory.h>

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)		((phys_addr_t)(x) << PAGE_SHIFT)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)
#define PHYS_PFN(x)		((unsigned long)((x) >> PAGE_SHIFT))

extern struct page *mem_map;
extern unsigned long min_low_pfn;	/* first RAM page frame */
extern unsigned long max_low_pfn;	/* first page frame above lowmem */
extern unsigned long max_pfn;		/* first page frame above RAM */
extern unsigned long max_mapnr;		/* struct pages in mem_map: max_pfn - ARCH_PFN_OFFSET */
extern void *high_memory;		/* virtual end of lowmem (set by paging_init) */

#define ARCH_PFN_OFFSET		PHYS_PFN_OFFSET

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= ARCH_PFN_OFFSET && pfn < max_pfn;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - ARCH_PFN_OFFSET);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + ARCH_PFN_OFFSET;
}

#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define phys_to_page(phys)	pfn_to_page(PHYS_PFN(phys))
#define virt_to_page(addr)	pfn_to_page(__pa(addr) >> PAGE_SHIFT)
#define virt_to_pfn(addr)	(__pa(addr) >> PAGE_SHIFT)
/* A lowmem address that has a struct page. */
#define virt_addr_valid(addr)	((unsigned long)(addr) >= PAGE_OFFSET &&		\
				 (unsigned long)(addr) < (unsigned long)high_memory &&	\
				 pfn_valid(virt_to_pfn(addr)))

/* Above lowmem: no permanent kernel mapping (see kmap). */
static inline bool PageHighMem(const struct page *page)
{
	return page_to_pfn(page) >= max_low_pfn;
}

static inline void *lowmem_page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

/*
 * Kernel virtual address of @page: the linear address for lowmem; for a
 * high page its kmap address if it is mapped, else NULL.
 */
void *page_address(const struct page *page);

/* Zone and node live in the top bits of page->flags. */
static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline int page_to_nid(const struct page *page)
{
	return (int)((page->flags >> NODES_PGSHIFT) & NODES_MASK);
}

/* Node and zone bits together index zone_table (one shift on 32-bit). */
#define ZONEID_PGSHIFT	NODES_PGSHIFT
#define ZONEID_MASK	((1UL << (NODES_SHIFT + ZONES_SHIFT)) - 1)
extern struct zone *zone_table[1 << (NODES_SHIFT + ZONES_SHIFT)];

static inline struct zone *page_zone(const struct page *page)
{
	return zone_table[(page->flags >> ZONEID_PGSHIFT) & ZONEID_MASK];
}

static inline void set_page_links(struct page *page, enum zone_type zone, int nid)
{
	page->flags &= ~(ZONEID_MASK << ZONEID_PGSHIFT);
	page->flags |= ((unsigned long)zone << ZONES_PGSHIFT) |
		       ((unsigned long)nid << NODES_PGSHIFT);
}

#define page_private(page)		((page)->private)
#define set_page_private(page, v)	((page)->private = (v))

/* Compound pages: a tail points at its head; the first tail holds the order. */
static inline struct page *compound_head(const struct page *page)
{
	if (PageTail(page))
		return (struct page *)(READ_ONCE(page->compound_head) - 1);
	return (struct page *)page;
}

static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

static inline unsigned long compound_nr(const struct page *page)
{
	return 1UL << compound_order(page);
}

static inline unsigned long page_size(const struct page *page)
{
	return PAGE_SIZE << compound_order(page);
}

/* Reference counts: 0 for a free page; a compound page counts on its head. */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline int page_count(const struct page *page)
{
	return page_ref_count(compound_head(page));
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void get_page(struct page *page)
{
	page = compound_head(page);
	WARN_ON(page_ref_count(page) <= 0);
	atomic_inc(&page->_refcount);
}

static inline bool get_page_unless_zero(struct page *page)
{
	return atomic_inc_not_zero(&page->_refcount);
}

/* Drop a reference; true when it was the last one. */
static inline bool put_page_testzero(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

/* Drop a reference and free the page (whole compound page) with the last. */
void put_page(struct page *page);

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

static inline bool page_mapped(const struct page *page)
{
	return page_mapcount(page) > 0;
}

static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

/* Totals, in pages. */
extern unsigned long totalram_pages;	/* managed by the buddy allocator */
extern unsigned long totalhigh_pages;	/* of which high memory */
extern unsigned long totalreserve_pages;
unsigned long nr_free_pages(void);
unsigned long nr_free_highpages(void);
/* Some node has a ZONE_DMA with memory (Linux's name; dma_zone=0 leaves none). */
bool has_managed_dma(void);
/* Pages of RAM (present), over all zones. */
unsigned long get_num_physpages(void);
/* Free pages in zones usable by GFP_KERNEL (lowmem). */
unsigned long nr_free_buffer_pages(void);

struct sysinfo {
	unsigned long totalram, freeram, totalhigh, freehigh;
	unsigned int mem_unit;
};
void si_meminfo(struct sysinfo *val);

/* Print the memory summary used in allocation failure reports. */
void show_mem(unsigned int filter);
/* Print free blocks per order for every zone ("Node 0 DMA: 1*4kB ... = NkB"). */
void show_free_areas(unsigned int filter);

/* Order of the smallest block holding @size bytes (Linux's get_order). */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/*
 * Boot. In start_kernel's order, after parse_early_param():
 * early_init_memory() adds @banks to memblock (the board's default banks if
 * memblock has no RAM yet) and applies mem=; after paging_init (which sets
 * high_memory), bootmem_init() builds mem_map, the nodes and zones and
 * prints the zone ranges;
 * build_all_zonelists() prints "Built N zonelists..."; mem_init() gives
 * memblock's free memory to the buddy allocator and prints the Memory: line;
 * free_initmem() at the end of boot frees .init.
 */
struct membank;
void early_init_memory(const struct membank *banks, int nr_banks);
void bootmem_init(void);
void build_all_zonelists(void);
void mem_init(void);
void free_initmem(void);

/* Give [start, end) (kernel virtual, page aligned inward) to the allocator. */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);
void free_reserved_page(struct page *page);

#endif
