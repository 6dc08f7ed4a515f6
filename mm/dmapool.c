/*
 * DMA pools (include/linux/dmapool.h). Each coherent page ("allocation"
 * bytes, at least a page) is cut into blocks; a free block holds in its
 * first word the offset of the next free block of its page, so free lists
 * cost no memory beyond the blocks themselves (Linux's layout). In a KASAN
 * kernel a block is accessible only while it is handed out.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/kasan.h>
#include <string.h>

#define POOL_POISON_FREED 0xa7
/* Blocks start at least this aligned: KASAN marks 8-byte granules, which blocks must not share. */
#ifdef CONFIG_KASAN
#define POOL_MIN_ALIGN 8
#else
#define POOL_MIN_ALIGN sizeof(u32)
#endif

struct dma_page {
	struct list_head node;
	void *vaddr;
	dma_addr_t dma;
	unsigned int in_use;		/* blocks handed out */
	unsigned int offset;		/* first free block; >= allocation: none */
};

struct dma_pool {
	spinlock_t lock;
	struct device *dev;
	char name[32];
	size_t size;			/* block size, aligned */
	size_t allocation;		/* bytes per coherent page */
	size_t boundary;		/* blocks never cross a multiple of this */
	struct list_head pages;
};

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size,
				 size_t align, size_t boundary)
{
	struct dma_pool *pool;
	size_t allocation;

	if (!align)
		align = 1;
	if (!size || (align & (align - 1)) || (boundary & (boundary - 1)))
		return NULL;
	size = ALIGN(max_t(size_t, size, sizeof(u32)), max_t(size_t, align, POOL_MIN_ALIGN));
	allocation = max_t(size_t, size, PAGE_SIZE);
	if (!boundary || boundary > allocation)
		boundary = allocation;
	if (size > boundary)
		return NULL;

	pool = kzalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return NULL;
	spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->pages);
	pool->dev = dev;
	strncpy(pool->name, name, sizeof(pool->name) - 1);
	pool->size = size;
	pool->allocation = allocation;
	pool->boundary = boundary;
	return pool;
}
EXPORT_SYMBOL(dma_pool_create);

/* A free block's link to the next: the pool's own, KASAN-poisoned for everyone else. */
static __no_kasan_or_inline unsigned int block_link(const struct dma_page *page,
						     unsigned int offset)
{
	return *(const u32 *)((const char *)page->vaddr + offset);
}

static __no_kasan_or_inline void set_block_link(const struct dma_page *page,
						 unsigned int offset, unsigned int next)
{
	*(u32 *)((char *)page->vaddr + offset) = next;
}

/* Link every block of a fresh page into its free list, skipping boundary crossings. */
static void pool_initialise_page(struct dma_pool *pool, struct dma_page *page)
{
	unsigned int offset = 0, next_boundary = pool->boundary;

	do {
		unsigned int next = offset + pool->size;

		if (next + pool->size > next_boundary) {
			next = next_boundary;
			next_boundary += pool->boundary;
		}
		set_block_link(page, offset, next);
		offset = next;
	} while (offset + pool->size <= pool->allocation);
	page->offset = 0;
	kasan_poison_vmalloc(page->vaddr, pool->allocation);
}

/* A new coherent page for the pool; called without the pool's lock. */
static struct dma_page *pool_alloc_page(struct dma_pool *pool, gfp_t gfp)
{
	struct dma_page *page = kmalloc(sizeof(*page), gfp & ~__GFP_ZERO);

	if (!page)
		return NULL;
	page->vaddr = dma_alloc_coherent(pool->dev, pool->allocation, &page->dma,
					 gfp & ~__GFP_ZERO);
	if (!page->vaddr) {
		kfree(page);
		return NULL;
	}
	memset(page->vaddr, POOL_POISON_FREED, pool->allocation);
	pool_initialise_page(pool, page);
	page->in_use = 0;
	return page;
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	struct dma_page *page, *fresh = NULL;
	unsigned long flags;
	unsigned int offset;
	void *block;

	for (;;) {
		spin_lock_irqsave(&pool->lock, flags);
		list_for_each_entry(page, &pool->pages, node)
			if (page->offset < pool->allocation)
				goto found;
		if (fresh) {
			page = fresh;
			list_add(&page->node, &pool->pages);
			fresh = NULL;
			goto found;
		}
		spin_unlock_irqrestore(&pool->lock, flags);
		/* No room: a new page, allocated without the lock (it maps memory). */
		fresh = pool_alloc_page(pool, mem_flags);
		if (!fresh)
			return NULL;
	}
found:
	offset = page->offset;
	block = (char *)page->vaddr + offset;
	page->offset = block_link(page, offset);
	kasan_unpoison_vmalloc(block, pool->size);
	page->in_use++;
	*handle = page->dma + offset;
	spin_unlock_irqrestore(&pool->lock, flags);
	if (fresh) {		/* another CPU made room meanwhile */
		dma_free_coherent(pool->dev, pool->allocation, fresh->vaddr, fresh->dma);
		kfree(fresh);
	}
	if (mem_flags & __GFP_ZERO)
		memset(block, 0, pool->size);
	return block;
}
EXPORT_SYMBOL(dma_pool_alloc);

static struct dma_page *pool_find_page(struct dma_pool *pool, dma_addr_t dma)
{
	struct dma_page *page;

	list_for_each_entry(page, &pool->pages, node)
		if (dma >= page->dma && dma - page->dma < pool->allocation)
			return page;
	return NULL;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	struct dma_page *page;
	unsigned long flags;
	unsigned int offset, chain;

	spin_lock_irqsave(&pool->lock, flags);
	page = pool_find_page(pool, dma);
	if (!page) {
		spin_unlock_irqrestore(&pool->lock, flags);
		pr_err("dma_pool_free %s, %p/0x%08lx (bad dma)\n", pool->name, vaddr,
		       (unsigned long)dma);
		return;
	}
	offset = dma - page->dma;
	if ((char *)page->vaddr + offset != vaddr) {
		spin_unlock_irqrestore(&pool->lock, flags);
		pr_err("dma_pool_free %s, %p (bad vaddr)/0x%08lx\n", pool->name, vaddr,
		       (unsigned long)dma);
		return;
	}
	for (chain = page->offset; chain < pool->allocation; chain = block_link(page, chain)) {
		if (chain == offset) {
			spin_unlock_irqrestore(&pool->lock, flags);
			pr_err("dma_pool_free %s, dma 0x%08lx already free\n", pool->name,
			       (unsigned long)dma);
			return;
		}
	}
	memset(vaddr, POOL_POISON_FREED, pool->size);
	set_block_link(page, offset, page->offset);
	kasan_poison_vmalloc(vaddr, pool->size);
	page->offset = offset;
	page->in_use--;
	spin_unlock_irqrestore(&pool->lock, flags);
}
EXPORT_SYMBOL(dma_pool_free);

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_page *page, *n;

	if (!pool)
		return;
	list_for_each_entry_safe(page, n, &pool->pages, node) {
		if (page->in_use) {
			pr_err("dma_pool_destroy %s, %p busy\n", pool->name, page->vaddr);
			continue;	/* leaked rather than freed under a device */
		}
		dma_free_coherent(pool->dev, pool->allocation, page->vaddr, page->dma);
		kfree(page);
	}
	kfree(pool);
}
EXPORT_SYMBOL(dma_pool_destroy);
