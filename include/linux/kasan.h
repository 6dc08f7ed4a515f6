/*
 * KASAN, the kernel address sanitizer (generic mode, as Linux's
 * CONFIG_KASAN_GENERIC): `make KASAN=1` compiles the kernel with
 * -fsanitize=kernel-address, so every load and store first asks the shadow
 * (asm/kasan.h) whether its bytes may be touched. The allocators keep the
 * shadow up to date through the hooks below, which are empty inline
 * functions in a kernel built without KASAN. docs/debugging.md shows a
 * report and how to read it.
 */
#ifndef _LINUX_KASAN_H
#define _LINUX_KASAN_H

#include <linux/types.h>
#include <linux/gfp.h>

struct kmem_cache;
struct page;
struct task_struct;

#ifdef CONFIG_KASAN
#include <asm/kasan.h>

/*
 * Check [p, p + size) as an access would (Linux's kasan-checks.h): false,
 * after a report, if any byte is poisoned. For code the compiler does not
 * instrument, and for ranges an instruction does not show (DMA).
 */
bool kasan_check_read(const volatile void *p, size_t size);
bool kasan_check_write(const volatile void *p, size_t size);

/* Reports from the current task are dropped until the matching enable. */
void kasan_disable_current(void);
void kasan_enable_current(void);

/* Make [addr, addr + size) accessible (granule-rounded at the end) or not. */
void kasan_unpoison_range(const void *addr, size_t size);

/* Page allocator: lowmem pages are accessible exactly while allocated. */
void kasan_alloc_pages(struct page *page, unsigned int order);
void kasan_free_pages(struct page *page, unsigned int order);

/* Slab (mm/slab*.c, mm/kmalloc.c). */
/* Room for KASAN's metadata and red zones in a slot of @s; returns the new slot size. */
unsigned int kasan_cache_create(struct kmem_cache *s, unsigned int slot);
static inline bool kasan_meta_in_slot(void) { return true; }
/* A new slab: everything red zone until its objects are handed out. */
void kasan_poison_slab(struct kmem_cache *s, struct page *page);
/* An object handed out (NULL passes through): accessible, the allocating stack recorded. */
void *kasan_slab_alloc(struct kmem_cache *s, void *obj, gfp_t gfp);
/*
 * Only @size bytes of @obj accessible (kmalloc's request, krealloc in
 * place, ksize's promise); the rest of the object is red zone.
 */
void *kasan_kmalloc(struct kmem_cache *s, void *obj, size_t size);
/* kmalloc_large's pages: @size bytes of them accessible. */
void kasan_kmalloc_large(const void *ptr, size_t size);
/*
 * An object being freed: checked (double and invalid frees are reported and
 * not done), poisoned, its freeing stack recorded and put in quarantine.
 * True when the caller must not free it now.
 */
bool kasan_slab_free(struct kmem_cache *s, void *obj, unsigned long ip);
/* A large kmalloc block being freed: false (after a report) if it must not be. */
bool kasan_kfree_large(const void *ptr, unsigned long ip);
/* Give every quarantined object of @s (NULL: of all caches) back to its cache. */
void kasan_quarantine_flush(struct kmem_cache *s);
/* Bytes of slab objects in quarantine: the slab shrinker can give them back. */
unsigned long kasan_quarantine_bytes(void);

/* vmalloc, vmap, ioremap, per-CPU chunks and module memory. */
/* A new area: its shadow backed and all of it poisoned. 0, or -ENOMEM. */
int kasan_vmalloc_area_alloc(const void *addr, unsigned long size);
void kasan_poison_vmalloc(const void *addr, unsigned long size);
void kasan_unpoison_vmalloc(const void *addr, unsigned long size);

/*
 * [start, start + size) is about to be freed (a module's memory): reports
 * no longer name the global variables its constructors registered there.
 */
void kasan_forget_globals(const void *start, size_t size);

/* Stacks: frames that ended without their epilogue (longjmp, a fault) leave poison behind. */
void kasan_unpoison_task_stack(struct task_struct *task);
/* Everything of this stack below @watermark is dead: make it accessible. */
void kasan_unpoison_stack_below(const void *watermark);

/* The shadow is mapped and the runtime checks accesses. */
bool kasan_enabled(void);

#else

static inline void kasan_init(void) {}
static inline unsigned long kasan_populated_pages(void) { return 0; }
static inline bool kasan_check_read(const volatile void *p, size_t size) { return true; }
static inline bool kasan_check_write(const volatile void *p, size_t size) { return true; }
static inline void kasan_disable_current(void) {}
static inline void kasan_enable_current(void) {}
static inline void kasan_unpoison_range(const void *addr, size_t size) {}
static inline void kasan_alloc_pages(struct page *page, unsigned int order) {}
static inline void kasan_free_pages(struct page *page, unsigned int order) {}
static inline unsigned int kasan_cache_create(struct kmem_cache *s, unsigned int slot)
{
	return slot;
}
static inline bool kasan_meta_in_slot(void) { return false; }
static inline void kasan_poison_slab(struct kmem_cache *s, struct page *page) {}
static inline void *kasan_slab_alloc(struct kmem_cache *s, void *obj, gfp_t gfp)
{
	return obj;
}
static inline void *kasan_kmalloc(struct kmem_cache *s, void *obj, size_t size)
{
	return obj;
}
static inline void kasan_kmalloc_large(const void *ptr, size_t size) {}
static inline bool kasan_slab_free(struct kmem_cache *s, void *obj, unsigned long ip)
{
	return false;
}
static inline bool kasan_kfree_large(const void *ptr, unsigned long ip) { return true; }
static inline void kasan_quarantine_flush(struct kmem_cache *s) {}
static inline unsigned long kasan_quarantine_bytes(void) { return 0; }
static inline int kasan_vmalloc_area_alloc(const void *addr, unsigned long size) { return 0; }
static inline void kasan_poison_vmalloc(const void *addr, unsigned long size) {}
static inline void kasan_unpoison_vmalloc(const void *addr, unsigned long size) {}
static inline void kasan_forget_globals(const void *start, size_t size) {}
static inline void kasan_unpoison_task_stack(struct task_struct *task) {}
static inline void kasan_unpoison_stack_below(const void *watermark) {}
static inline bool kasan_enabled(void) { return false; }

#endif

#endif
