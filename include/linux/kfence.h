/*
 * KFENCE, the sampling memory-error detector (Linux's, on in the default
 * kernel): every kfence.sample_interval milliseconds (100 by default, 0
 * turns it off) one slab allocation is served from a small pool of pages
 * instead: the object sits at the end of its page and the next page is
 * unmapped, so reading or writing past it faults; a freed object's page is
 * unmapped too. The fault is reported in Linux's KFENCE format, with the
 * allocating and freeing stacks, and the kernel goes on. The bytes of the
 * page before the object are a canary checked when it is freed.
 *
 * The slab fast paths pay one instruction for it: a static key, a NOP
 * while no sample is due. kfree finds a pool object through its page
 * (never PG_slab); kmem_cache_free tests the pool's bounds.
 *
 * Less than Linux: 63 objects (512 KiB), objects always at the right end of
 * their page, the pool in the kernel image's .bss (mapped by 4 KiB pages),
 * node-specific allocations and GFP_DMA never sampled. A KASAN kernel has
 * no KFENCE (KASAN sees every access already).
 */
#ifndef _LINUX_KFENCE_H
#define _LINUX_KFENCE_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/jump_label.h>
#include <asm/memory.h>

struct kmem_cache;
struct pt_regs;

#ifdef CONFIG_KFENCE

#define KFENCE_NUM_OBJECTS	63
/* Two guard pages, then each object's page followed by its guard page. */
#define KFENCE_POOL_SIZE	((KFENCE_NUM_OBJECTS + 1) * 2 * PAGE_SIZE)

extern char __kfence_pool[KFENCE_POOL_SIZE];
/* On while a sample is due: the slab's fast paths then call kfence_slab_alloc(). */
DECLARE_STATIC_KEY_FALSE(kfence_allocation_key);

static __always_inline bool is_kfence_address(const void *addr)
{
	return (unsigned long)addr - (unsigned long)__kfence_pool < KFENCE_POOL_SIZE;
}

/* A NOP while no sample is due: the slab's fast paths test this first. */
static __always_inline bool kfence_sample_due(void)
{
	return static_branch_unlikely(&kfence_allocation_key);
}

/* An object of @size bytes for @s from the pool, or NULL (sample taken, pool full, unfit). */
void *__kfence_alloc(struct kmem_cache *s, size_t size, gfp_t flags);
/* Free a pool object (reported if it is not one, or already free). */
void __kfence_free(void *addr);
/* The size the pool object at @addr was allocated with. */
size_t kfence_ksize(const void *addr);
/*
 * A kernel data abort at @addr: if it is the pool's, report it, map the
 * page so the access can complete and return true.
 */
bool kfence_handle_page_fault(unsigned long addr, bool is_write, struct pt_regs *regs);
/* Objects of @s still allocated from the pool (it is being destroyed). */
unsigned int kfence_shutdown_cache(struct kmem_cache *s);

#else

static inline bool kfence_sample_due(void) { return false; }
static inline bool is_kfence_address(const void *addr) { return false; }
static inline void *__kfence_alloc(struct kmem_cache *s, size_t size, gfp_t flags)
{
	return NULL;
}
static inline void __kfence_free(void *addr) {}
static inline size_t kfence_ksize(const void *addr) { return 0; }
static inline bool kfence_handle_page_fault(unsigned long addr, bool is_write,
					    struct pt_regs *regs)
{
	return false;
}
static inline unsigned int kfence_shutdown_cache(struct kmem_cache *s) { return 0; }

#endif

#endif
