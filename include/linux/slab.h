/*
 * The slab allocator and kmalloc (Linux API, section three of the
 * memory-and-DMA chapter). A cache hands out objects of one size cut from slabs of pages;
 * kmalloc picks a cache by size: kmalloc-8 ... kmalloc-8192 plus kmalloc-96
 * and kmalloc-192, dma-kmalloc-N for GFP_DMA, and compound pages from the
 * page allocator above KMALLOC_MAX_CACHE_SIZE.
 *
 * Where Mica does less than Linux: no cache merging (every
 * kmem_cache_create makes a cache of its own), no SLAB_TYPESAFE_BY_RCU (no
 * RCU yet), no memory cgroups, no kmemleak, no alien caches between
 * nodes. KASAN (make KASAN=1) and KFENCE see every cache: <linux/kasan.h>,
 * <linux/kfence.h>. A sleeping GFP (GFP_KERNEL) is checked with might_sleep();
 * the page allocator below may wait briefly for freed memory. The
 * allocator design is described in docs/slab.md.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/cache.h>
#include <linux/numa.h>
#include <linux/mmzone.h>
#include <linux/kasan.h>
#include <asm/memory.h>

/* Flags for kmem_cache_create() (the values are Linux's). */
#define SLAB_CONSISTENCY_CHECKS	0x00000100UL	/* debug: check pointers and free lists */
#define SLAB_DEBUG_FREE		SLAB_CONSISTENCY_CHECKS	/* its Linux 3.x name */
#define SLAB_RED_ZONE		0x00000400UL	/* debug: guard bytes around each object */
#define SLAB_POISON		0x00000800UL	/* debug: fill free objects with 0x6b */
#define SLAB_HWCACHE_ALIGN	0x00002000UL	/* align objects on cache lines */
#define SLAB_CACHE_DMA		0x00004000UL	/* slabs from ZONE_DMA */
#define SLAB_STORE_USER		0x00010000UL	/* debug: remember who allocated and freed */
#define SLAB_RECLAIM_ACCOUNT	0x00020000UL	/* reclaimable: counted as SReclaimable */
#define SLAB_TEMPORARY		SLAB_RECLAIM_ACCOUNT
#define SLAB_PANIC		0x00040000UL	/* panic if kmem_cache_create() fails */
#define SLAB_FAILSLAB		0x02000000UL	/* failslab may fail this cache (cache-filter) */
#define SLAB_SKIP_KFENCE	0x20000000UL	/* never sampled by KFENCE (tests of misuse) */

/*
 * kmalloc(0) returns ZERO_SIZE_PTR: not NULL (the call succeeded), but any
 * access faults, since the first page is never mapped. kfree() ignores it
 * as it ignores NULL.
 */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* kmalloc memory is aligned for any scalar type, including u64. */
#define ARCH_KMALLOC_MINALIGN	__alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)

/*
 * Size classes: 2^KMALLOC_SHIFT_LOW (8) up to 2^KMALLOC_SHIFT_HIGH (8192)
 * bytes come from caches; up to KMALLOC_MAX_SIZE (the largest buddy block,
 * 4 MiB) from the page allocator; beyond that kmalloc fails with a warning.
 */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX	(MAX_ORDER + PAGE_SHIFT - 1)
#define KMALLOC_MIN_SIZE	(1UL << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_ORDER	(KMALLOC_SHIFT_MAX - PAGE_SHIFT)

struct kmem_cache;

enum kmalloc_cache_type {
	KMALLOC_NORMAL,		/* kmalloc-N */
	KMALLOC_DMA,		/* dma-kmalloc-N, for GFP_DMA */
	NR_KMALLOC_TYPES
};

/*
 * Indexed by kmalloc_index(): index n holds the 2^n-byte cache, index 1
 * kmalloc-96, index 2 kmalloc-192; index 0 is unused (size 0).
 */
extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

/* The kmalloc_caches index serving @size (1 .. KMALLOC_MAX_CACHE_SIZE); 0 for 0. */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (!size)
		return 0;
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	/* The power of two at or above size: its shift. */
	return (unsigned int)(8 * sizeof(unsigned long)) - (unsigned int)__builtin_clzl(size - 1);
}

/* Object size of kmalloc_caches[][@index]; 0 for index 0. */
static __always_inline unsigned int kmalloc_size(unsigned int index)
{
	if (index == 1)
		return 96;
	if (index == 2)
		return 192;
	return index ? 1U << index : 0;
}

/*
 * Object caches. kmem_cache_create returns NULL on failure (or panics with
 * SLAB_PANIC); @align 0 means ARCH_SLAB_MINALIGN; @ctor runs once on each
 * object when its slab is built, not on every allocation, so an object must
 * be freed in its constructed state. The name is copied.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *));
/* Objects still allocated are reported as a leak and the cache stays. */
void kmem_cache_destroy(struct kmem_cache *s);
/*
 * Give empty slabs back to the page allocator, after every CPU emptied its
 * cache of objects (a cross-CPU call: process context, interrupts on); 0
 * if the cache holds no slab now.
 */
int kmem_cache_shrink(struct kmem_cache *s);
/* kmem_cache_shrink() on every cache (Linux's drop_caches "2"). */
void drop_slab(void);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
/* From node @node's slabs (NUMA_NO_NODE: any, as kmem_cache_alloc). */
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node);
void kmem_cache_free(struct kmem_cache *s, void *obj);
/* The object size the cache was created with. */
unsigned int kmem_cache_size(struct kmem_cache *s);
/* The name it was created with (Linux 2.6's kmem_cache_name). */
const char *kmem_cache_name(const struct kmem_cache *s);
/* Mica, for kernel/module/track.c: a module's record of an object of @s was dropped. */
void kmem_cache_forget_module_object(struct kmem_cache *s);
/* Mica, for kernel/module/track.c: a module went; caches no module holds objects of use their CPU arrays again. */
void kmem_cache_module_removed(void);

/*
 * Cache struct NAME's objects: its size and alignment, named "NAME".
 */
#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), \
			  (__flags), NULL)

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

/* kmalloc family. */
void *__kmalloc(size_t size, gfp_t flags);
void *__kmalloc_node(size_t size, gfp_t flags, int node);
void kfree(const void *obj);
/*
 * Resize @p to @new_size, moving it if its block is too small; krealloc(NULL)
 * is kmalloc, a new size of 0 frees @p and returns ZERO_SIZE_PTR. On failure
 * @p is untouched and NULL is returned.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags);
/* Usable bytes of a kmalloc'd block (at least what was asked for). */
size_t ksize(const void *obj);
/* kmalloc on behalf of @caller: debugging records it as the allocator (kstrdup & co.). */
void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller);
#define kmalloc_track_caller(size, flags) \
	__kmalloc_track_caller(size, flags, (unsigned long)__builtin_return_address(0))
char *kstrdup(const char *s, gfp_t flags);
void *kmemdup(const void *src, size_t len, gfp_t flags);

/*
 * A constant size is resolved to its cache at compile time; anything else
 * goes through __kmalloc.
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size <= KMALLOC_MAX_CACHE_SIZE &&
	    __builtin_constant_p(flags & GFP_DMA) && !(flags & GFP_DMA)) {
		struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][kmalloc_index(size)];

		if (!size)
			return ZERO_SIZE_PTR;
		/* KASAN: only @size bytes of the object are the caller's. */
		return kasan_kmalloc(s, kmem_cache_alloc(s, flags), size);
	}
	return __kmalloc(size, flags);
}

static inline void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	return __kmalloc_node(size, flags, node);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

/* NULL when @n * @size does not fit in a size_t. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return __kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* Boot: after mem_init(), before anything calls kmalloc. */
void kmem_cache_init(void);
/* True once kmalloc works. */
bool slab_is_available(void);

#endif
