/*
 * What modules hold (kernel/module/track.c): the allocators and the
 * services a driver takes things from record each one a module's code
 * takes, with the address of the call; rmmod, or a failed init, reports
 * what is left with the module function that took it, and cancels the
 * callbacks that would run in the module's freed code.
 *
 * The test on the fast paths is one load while no module is loaded; with
 * modules loaded, a compare of the caller's address with the modules area.
 * Frees are looked up only while something of that kind is held (slab:
 * per cache, kmem_cache.module_objs). Everything in the vmalloc window
 * already records its caller, so it needs no record (DMA coherent buffers
 * are there too, as VM_DMA_COHERENT areas); kernel threads,
 * timers, interrupt handlers, tasklets and work items are found by the
 * function they run.
 * MT_DMA_MAP covers single and page mappings; a scatterlist mapping is
 * recorded by its list (obj = the scatterlist, size = nents).
 * `module.track=0` on the command line turns recording off.
 */
#ifndef _MICA_MODULE_TRACK_H
#define _MICA_MODULE_TRACK_H

#include <linux/types.h>
#include <linux/compiler.h>
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

/* Loaded modules while recording is on; 0 keeps every hook to one load. */
extern int module_track_active;

static inline bool module_track_caller(unsigned long caller)
{
	return unlikely(READ_ONCE(module_track_active)) &&
	       caller - MODULES_VADDR < MODULES_END - MODULES_VADDR;
}

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

static inline bool module_track_held_any(enum module_track_kind kind)
{
	return unlikely(READ_ONCE(module_track_held[kind]) != 0);
}

#endif
