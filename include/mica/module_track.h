/*
 * What modules hold (kernel/module/track.c): the allocators and the
 * services a driver takes things from record each one a module's code
 * takes, with the address of the call; rmmod, or a failed init, reports
 * what is left with the module function that took it, and cancels the
 * callbacks that would run in the module's freed code.
 *
 * The allocators' fast paths test nothing: while recording, a module's
 * calls of kmem_cache_alloc, __kmalloc and __alloc_pages_nodemask resolve
 * (at insmod) to the *_from_module entry points below, which record; a
 * cache some module holds objects of bypasses its CPU arrays, so its frees
 * reach the slow path, which drops their records. Elsewhere the test is a
 * static key, one NOP while no recording module is loaded, and the
 * caller's address compared with the modules area. Everything in the
 * vmalloc window already records its caller, so it needs no record (DMA
 * coherent buffers are there too, as VM_DMA_COHERENT areas); kernel
 * threads, timers, interrupt handlers, tasklets and work items are found
 * by the function they run.
 * MT_DMA_MAP covers single and page mappings; a scatterlist mapping is
 * recorded by its list (obj = the scatterlist, size = nents).
 * `module.track=0` on the command line turns recording off.
 */
#ifndef _MICA_MODULE_TRACK_H
#define _MICA_MODULE_TRACK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/jump_label.h>
#include <linux/gfp.h>
#include <asm/memory.h>

enum module_track_kind {
	MT_SLAB,		/* kmem_cache_alloc and kmalloc objects: obj, size; extra = cache */
	MT_KMALLOC_LARGE,	/* kmalloc blocks from the page allocator: obj, size */
	MT_CACHE,		/* kmem_cache_create: obj = cache */
	MT_PAGES,		/* alloc_pages & co.: obj = first struct page, size = order */
	MT_PERCPU,		/* alloc_percpu: obj, size */
	MT_DMA_MAP,		/* dma_map_single/page: obj = dma address, size */
	MT_DMA_SG,		/* dma_map_sg: obj = scatterlist, size = nents */
	MT_DMA_CHAN,		/* dma_request_channel: obj = channel */
	MT_WORKQUEUE,		/* alloc_workqueue & co.: obj = workqueue, extra = its name */
	MT_NR_KINDS
};

/* On while a module loaded with recording on is there (counted: inc at insmod, dec at rmmod). */
DECLARE_STATIC_KEY_FALSE(module_track_key);

static __always_inline bool module_track_on(void)
{
	return static_branch_unlikely(&module_track_key);
}

static inline bool module_track_from_module(unsigned long caller)
{
	return caller - MODULES_VADDR < MODULES_END - MODULES_VADDR;
}

static __always_inline bool module_track_caller(unsigned long caller)
{
	return module_track_on() && module_track_from_module(caller);
}

struct module;
/* Where @mod's reference to the kernel's @addr goes: its tracked entry if it has one and @mod records. */
unsigned long module_track_entry(const struct module *mod, unsigned long addr);

struct kmem_cache;
void *kmem_cache_alloc_from_module(struct kmem_cache *s, gfp_t flags);
void *__kmalloc_from_module(size_t size, gfp_t flags);
struct page *__alloc_pages_nodemask_from_module(gfp_t gfp_mask, unsigned int order,
						struct zonelist *zonelist, nodemask_t *nodemask);

/*
 * Record @obj for the module whose code is at @caller (which passed
 * module_track_caller). True if recorded.
 */
bool module_track_alloc(enum module_track_kind kind, const void *obj, unsigned long size,
			unsigned long caller, const void *extra);
/* Drop the record of @obj; true if there was one. */
bool module_track_free(enum module_track_kind kind, const void *obj);

/* Records of each kind held now: the free paths look only while there are some. */
extern int module_track_held[MT_NR_KINDS];

static __always_inline bool module_track_held_any(enum module_track_kind kind)
{
	return module_track_on() && unlikely(READ_ONCE(module_track_held[kind]) != 0);
}

#endif
