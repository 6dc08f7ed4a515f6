/*
 * Slab allocator internals shared by mm/slab*.c, mm/kmalloc.c,
 * mm/failslab.c and the tests. Not an interface for other subsystems: they
 * use <linux/slab.h>.
 *
 * Shape (docs/slab.md has the figures): a cache owns slabs, blocks of
 * 2^order pages cut into equal slots; a slab's struct page records its
 * cache, its first free object (free objects are chained through a pointer
 * stored in each one) and how many objects are in use. Each node keeps its
 * slabs on three lists: partial, full and free (empty). In front of the
 * lists every CPU has an array of free objects, used last-in first-out with
 * interrupts off and no lock; it is refilled from, and flushed to, the node
 * lists a batch at a time under the node's list_lock.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/smp.h>
#include <linux/atomic.h>
#include <linux/debug_locks.h>
#include <linux/kasan.h>
#include <linux/kfence.h>
#include <string.h>
#include "internal.h"

/* Bytes written by the debugging code (Linux's poison.h values). */
#define POISON_INUSE		0x5a	/* padding, never handed out */
#define POISON_FREE		0x6b	/* a free object */
#define POISON_END		0xa5	/* the last byte of a free object */
#define SLUB_RED_INACTIVE	0xbb	/* red zones of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zones of an allocated object */

/* Flags that make a cache a debug cache: every operation checked, no per-CPU arrays. */
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER)
/* Everything kmem_cache_create accepts. */
#define SLAB_FLAGS_PERMITTED	(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | \
				 SLAB_RECLAIM_ACCOUNT | SLAB_PANIC | SLAB_FAILSLAB | SLAB_SKIP_KFENCE)
/* kmalloc's own caches (not for kmem_cache_create). */
#define SLAB_KMALLOC		0x00001000UL

/* Slabs are at most this large unless one object needs more (Linux's slub_max_order). */
#define SLAB_MAX_ORDER		PAGE_ALLOC_COSTLY_ORDER
/* No slab holds more objects than this: the smallest slot is a pointer. */
#define SLAB_MAX_OBJECTS	(PAGE_SIZE / sizeof(void *))
/* A bitmap with a bit per object of a slab. */
#define SLAB_MAP_LONGS		(SLAB_MAX_OBJECTS / (8 * sizeof(long)))

/*
 * A CPU's stack of free objects: slot[1] .. *top, newest on top. slot[0]
 * is always NULL, so an empty array reads as "top object NULL" and the
 * cheap double-free check ("is this object already on top?") needs no
 * test for emptiness. top == end means full. An array with limit 0 (top ==
 * end == slot) sends every operation to the slow path: debug caches,
 * caches made before kmalloc worked, and all caches while failslab is
 * armed use such an array, their own bypass.
 */
struct array_cache {
	void **top;			/* the newest object, or &slot[0] when empty */
	void **end;			/* &slot[limit] */
	struct kmem_cache *cache;	/* whose: the fast paths need not keep the cache */
	unsigned int limit;
	unsigned int batchcount;	/* objects moved per refill or flush */
	unsigned int drain;		/* set by another CPU: flush at the next slow path */
	void *slot[];
};


static inline unsigned int ac_avail(const struct array_cache *ac)
{
	return (unsigned int)(READ_ONCE(ac->top) - ac->slot);
}

struct kmem_cache_node {
	spinlock_t list_lock;		/* the lists, the counters and every slab's free list */
	struct list_head slabs_partial;
	struct list_head slabs_full;
	struct list_head slabs_free;
	unsigned long nr_slabs;		/* on all three lists */
	unsigned long nr_free_slabs;	/* on slabs_free */
	unsigned long total_objects;	/* in all slabs */
	unsigned long free_objects;	/* on the slabs' free lists (not in CPU arrays) */
	unsigned long free_limit;	/* more free objects than this: empty slabs go back */
};

/* Who allocated or freed an object last (SLAB_STORE_USER). */
struct track {
	unsigned long addr;		/* the caller */
	unsigned int cpu;
};
enum track_item { TRACK_ALLOC, TRACK_FREE };

struct kmem_cache {
	/* The fast path reads only this and object_size. */
	struct array_cache *cpu_cache[NR_CPUS];
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* one slot: object, red zones, metadata, padding */
	unsigned int align;
	unsigned int red_left_pad;	/* left red zone; the object starts this far into its slot */
	unsigned int inuse;		/* object plus right red zone, from the object's start */
	unsigned int offset;		/* free pointer, from the object's start */
	unsigned int track_offset;	/* the two struct track, from the object's start */
	unsigned int usable;		/* what ksize() reports */
	unsigned int order;		/* preferred slab order */
	unsigned int min_order;		/* fallback when that order is not available */
	unsigned int objects;		/* per slab of the preferred order */
	unsigned long flags;
	gfp_t allocflags;		/* added to every slab allocation */
	void (*ctor)(void *);
	const char *name;
	bool name_owned;		/* kstrdup'ed by kmem_cache_create */
	struct list_head list;		/* slab_caches */
	struct array_cache *cpu_array[NR_CPUS];	/* each CPU's own array, NULL for debug caches */
#ifdef CONFIG_KASAN
	unsigned int kasan_meta;	/* KASAN's struct kasan_slab_meta, from the object's start */
#endif
	unsigned int kfence_objects;	/* KFENCE objects handed out (bypass_lock) */
	struct kmem_cache_node node[MAX_NUMNODES];
	unsigned int module_objs;	/* objects modules hold (bypass_lock): frees drop their records */
	bool module_bypass;		/* bypassing for them, until a module goes with none held */
	/* An array with limit 0, pointing back at this cache; last: it ends in slot[]. */
	union {
		struct array_cache ac;
		void *room[sizeof(struct array_cache) / sizeof(void *) + 1];
	} bypass;
};

enum slab_state {
	SLAB_DOWN,	/* nothing yet */
	SLAB_PARTIAL,	/* the cache of caches works; kmalloc caches being made */
	SLAB_UP,	/* kmalloc works; caches get per-CPU arrays */
	SLAB_FULL,	/* the shrinker is registered */
};
extern enum slab_state slab_state;

extern struct kmem_cache *kmem_cache;	/* the cache of struct kmem_cache */
extern struct list_head slab_caches;	/* newest first */
extern spinlock_t slab_caches_lock;	/* the list; taken in process context only */

/*
 * Lowmem as kfree sees it: its struct pages and its size, copied from the
 * page allocator at kmem_cache_init so that the check and the lookup need
 * one base address.
 */
struct slab_lowmem {
	struct page *map;		/* mem_map: the page at PAGE_OFFSET first */
	unsigned long bytes;		/* high_memory - PAGE_OFFSET */
};
extern struct slab_lowmem slab_lowmem;

/* A lowmem address with a struct page: the only kind a slab hands out. */
static inline bool slab_addr_valid(const void *x)
{
	return (unsigned long)x - PAGE_OFFSET < slab_lowmem.bytes;
}

/*
 * Every page of a slab is marked PG_slab and points at its cache (as
 * Linux's SLAB did), so kfree needs no compound_head() lookup; the slab's
 * own fields (free list, counts, list) are in its first page.
 */
static inline struct page *slab_virt_to_page(const void *x)
{
	return slab_lowmem.map + (((unsigned long)x - PAGE_OFFSET) >> PAGE_SHIFT);
}

static inline struct page *slab_virt_to_head_page(const void *x)
{
	return compound_head(slab_virt_to_page(x));
}

static inline void *slab_page_address(const struct page *page)
{
	return lowmem_page_address(page);
}

/* Bytes in a slab of @page's order. */
static inline unsigned long slab_bytes(const struct page *page)
{
	return page_size(page);
}

static inline void *get_freepointer(const struct kmem_cache *s, const void *obj)
{
	void *fp;

	memcpy(&fp, (const char *)obj + s->offset, sizeof(fp));
	return fp;
}

static inline void set_freepointer(const struct kmem_cache *s, void *obj, void *fp)
{
	memcpy((char *)obj + s->offset, &fp, sizeof(fp));
}

/* The @i-th object of slab @page. */
static inline void *slab_object(const struct kmem_cache *s, const struct page *page,
				unsigned int i)
{
	return (char *)slab_page_address(page) + (unsigned long)i * s->size + s->red_left_pad;
}

static inline bool slab_debug(const struct kmem_cache *s)
{
	return (s->flags & SLAB_DEBUG_FLAGS) != 0;
}

/* The object at @x exactly: inside @page, on a slot boundary. */
static inline bool slab_valid_object(const struct kmem_cache *s, const struct page *page,
				     const void *x)
{
	unsigned long base = (unsigned long)slab_page_address(page) + s->red_left_pad;
	unsigned long off = (unsigned long)x - base;

	return (unsigned long)x >= base && off % s->size == 0 && off / s->size < page->objects;
}

/*
 * The fast paths run without a stack frame (linux/compiler.h), but in a
 * KASAN kernel: its hooks are calls, whose stack traces must see the
 * allocator's caller.
 */
#ifdef CONFIG_KASAN
#define __slab_fastpath
#else
#define __slab_fastpath	__frameless
#endif

/*
 * Slow paths, entered from the fast paths with interrupts off (@irqflags
 * is what to restore); they restore interrupts before returning. The
 * allocation one also serves __GFP_ZERO requests, and checks failslab.
 *
 * @caller is who allocates or frees (SLAB_STORE_USER records it), or
 * SLAB_CALLER_RET_IP: the entry points (kmem_cache_alloc, kfree, ...)
 * reach the slow paths by tail calls only, so a slow path's own return
 * address is their caller, and the fast path need not keep it (reading it
 * there would cost a frame). The kernel (GCC -O2, checked by slab_kunit)
 * relies on that; the host's -O1 sanitizer and fuzzer builds, which make
 * no tail calls, and a KASAN kernel, whose fast paths keep a frame, have
 * the entry points pass their _RET_IP_ instead.
 */
#define SLAB_CALLER_RET_IP	0UL
#if defined(__arm__) && !defined(CONFIG_KASAN)
#define SLAB_ENTRY_CALLER	SLAB_CALLER_RET_IP
#else
#define SLAB_ENTRY_CALLER	_RET_IP_
#endif
void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		      unsigned long irqflags);
void slab_free_slow(struct kmem_cache *s, void *obj, unsigned long caller,
		    unsigned long irqflags);

void *slab_alloc_might_sleep(struct kmem_cache *s, gfp_t gfp, unsigned long caller);

/*
 * @check: with might_sleep() checking on (debug_atomic_sleep=1), an
 * allocation that may sleep from atomic context leaves for
 * slab_alloc_might_sleep(), which reports and comes back with @check
 * false; off, the check is one NOP.
 */
static __always_inline void *slab_alloc_fast(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
					     bool check)
{
	unsigned long irqflags;
	struct array_cache *ac;
	void **top;
	void *obj;

	if (check && static_branch_unlikely(&debug_atomic_sleep) && (gfp & __GFP_WAIT) &&
	    might_sleep_suspect())
		return slab_alloc_might_sleep(s, gfp, caller);
	local_irq_save(irqflags);
	ac = READ_ONCE(s->cpu_cache[smp_processor_id()]);
	top = ac->top;
	obj = *top;
	if (likely(obj && !(gfp & __GFP_ZERO))) {
		ac->top = top - 1;
		local_irq_restore(irqflags);
		return obj;
	}
	return slab_alloc_slow(ac->cache, gfp, caller, irqflags);
}

static __always_inline void slab_free_fast(struct kmem_cache *s, void *obj, unsigned long caller)
{
	unsigned long irqflags;
	struct array_cache *ac;
	void **top;

	local_irq_save(irqflags);
	ac = READ_ONCE(s->cpu_cache[smp_processor_id()]);
	top = ac->top;
	/* Room, and not the object freed last: a second free of it is a bug. */
	if (likely(top != ac->end && *top != obj)) {
		*++top = obj;
		ac->top = top;
		local_irq_restore(irqflags);
		return;
	}
	slab_free_slow(ac->cache, obj, caller, irqflags);
}

/*
 * The checks of the sleeping and locking rules, out of line (mm/slab.c):
 * a fast path that only tail-calls needs no stack frame.
 */
void slab_free_held_locks(struct kmem_cache *s, void *obj, unsigned long caller);

static __always_inline void *slab_alloc_unsampled(struct kmem_cache *s, gfp_t gfp,
						  unsigned long caller)
{
	return kasan_slab_alloc(s, slab_alloc_fast(s, gfp, caller, true), gfp);
}

/* A KFENCE sample is due: this allocation may be served from its pool (mm/slab.c). */
void *slab_alloc_sampled(struct kmem_cache *s, gfp_t gfp, unsigned long caller);

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller)
{
	if (kfence_sample_due())
		return slab_alloc_sampled(s, gfp, caller);
	return slab_alloc_unsampled(s, gfp, caller);
}

static __always_inline void slab_free(struct kmem_cache *s, void *obj, unsigned long caller)
{
	if (unlikely(debug_locks_held()))
		return slab_free_held_locks(s, obj, caller);
	if (kasan_slab_free(s, obj, caller))
		return;
	slab_free_fast(s, obj, caller);
}

/*
 * mm/slab.c: the allocations of module code, recorded for the report on
 * rmmod (include/mica/module_track.h), and the frees of objects a module
 * may have allocated.
 */
void *slab_alloc_tracked(struct kmem_cache *s, gfp_t gfp, int node, unsigned long caller);
/* Modules took (n > 0) or gave back objects of @s: it bypasses its CPU arrays (slab.c says how long). */
void slab_module_objects(struct kmem_cache *s, int n);
/* An object leaving KASAN's quarantine: freed for real, past KASAN's hook. */
void slab_free_unchecked(struct kmem_cache *s, void *obj);

/* mm/slab.c: per-CPU arrays and node lists. */
void *slab_alloc_node(struct kmem_cache *s, gfp_t gfp, int node, unsigned long caller);
/* Move @page to the list its inuse count calls for (was @was_inuse); list_lock held. */
void slab_relist(struct kmem_cache_node *n, struct page *page, unsigned int was_inuse);
/* Return @nr objects to their slabs (any nodes); empty slabs beyond free_limit are freed. */
void slab_free_objects(struct kmem_cache *s, void **objs, unsigned int nr);
/* Give this CPU's array of @s back to the node lists. Interrupts off. */
void slab_flush_cpu_array(struct kmem_cache *s, unsigned int cpu);
/* Free @n's empty slabs (up to @max pages' worth); pages freed. */
unsigned long slab_release_free_slabs(struct kmem_cache *s, struct kmem_cache_node *n,
				      unsigned long max);
void slab_init_node(struct kmem_cache *s, struct kmem_cache_node *n);
/* Per-CPU array sizes for @s (Linux SLAB's table). */
void slab_array_params(const struct kmem_cache *s, unsigned int *limit, unsigned int *batch);
/* Give @s its per-CPU arrays; false (and @s keeps the bypass) if memory is short. */
bool slab_enable_cpu_arrays(struct kmem_cache *s);
/* Point every CPU of @s at its own array, or all at its bypass array. */
void slab_set_bypass(struct kmem_cache *s, bool bypass);
/* A KFENCE object of @s is handed out (@hold) or back: see mm/slab.c. */
void slab_kfence_hold(struct kmem_cache *s, bool hold);

/* mm/slab_common.c: caches. */
int slab_init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		    unsigned int align, unsigned long flags, void (*ctor)(void *));
/* kmalloc's own caches: created at boot, never destroyed. */
struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size, unsigned long flags);

/* mm/kmalloc.c */
void create_kmalloc_caches(void);
/* Large kmalloc blocks live (pages), for meminfo/slabinfo agreement checks. */
extern atomic_t kmalloc_large_pages;

/* mm/slab_debug.c: checks and reports (debug caches only, unless named otherwise). */
extern atomic_t slab_nr_reports;	/* BUG reports printed, for the self-tests */
extern char slub_debug_param[];		/* slub_debug= as given */
extern bool slub_debug_given;
/* The flags slub_debug= gives cache @name on top of @flags. */
unsigned long kmem_cache_flags(const char *name, unsigned long flags);
/* Lay out a debug slot (red zones, metadata); returns the slot size before alignment. */
unsigned int slab_debug_layout(struct kmem_cache *s);
void slab_debug_init_slab(struct kmem_cache *s, struct page *page);
void slab_debug_new_object(struct kmem_cache *s, void *obj);
/*
 * Called with @n's list_lock held. alloc: @obj is the head of @page's free
 * list; false when the free list is corrupt (the slab has been isolated,
 * take another). free: false when @obj must not be freed (reported).
 */
bool slab_debug_alloc(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
		      void *obj, unsigned long caller);
bool slab_debug_free(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
		     void *obj, unsigned long caller);
/* Reports for any cache. */
void slab_report_double_free(struct kmem_cache *s, struct page *page, void *obj);
/* @s NULL: kfree() of something kmalloc never returned. */
void slab_report_invalid_free(struct kmem_cache *s, const void *obj, const char *why);
void slab_report_wrong_cache(struct kmem_cache *s, struct page *page, void *obj);
void slab_report_leak(struct kmem_cache *s, unsigned long caller);
/* Check every slab of @s (lists, counters, free lists; objects of debug caches). Problems found. */
int kmem_cache_validate(struct kmem_cache *s);

/* mm/failslab.c (struct fault_attr: include/linux/fault-inject.h) */
struct failslab_attr {
	struct fault_attr attr;
	bool ignore_gfp_wait;		/* leave __GFP_WAIT allocations alone */
	bool cache_filter;		/* only caches with SLAB_FAILSLAB */
};
extern struct failslab_attr failslab;
bool should_failslab(struct kmem_cache *s, gfp_t gfp);
bool failslab_armed(void);
/* Apply a change of failslab's settings to the caches. */
void failslab_update(void);
/*
 * One "key=value" setting into @settings (a struct failslab_attr, usually
 * a copy to apply later): 0, -ENOENT for an unknown key, -EINVAL or
 * -ERANGE for a bad value.
 */
int failslab_setting(void *settings, const char *key, const char *val);
/* Make @settings' settings (not its counters) the live ones; the caches follow. */
void failslab_configure(const struct failslab_attr *settings);
bool failslab_same_settings(const struct failslab_attr *a, const struct failslab_attr *b);
/* One setting as the console command takes it ("probability", "100"), applied at once. */
int failslab_set(const char *key, const char *val);
void failslab_show(mm_printf_t print);

/* mm/slab_shrink.c */
extern struct shrinker slab_shrinker;
void slab_shrinker_register(void);

/* mm/slabinfo.c: the counters behind slabinfo (Linux's meaning: CPU arrays count as active). */
struct slabinfo {
	unsigned long active_objs, num_objs;
	unsigned long active_slabs, num_slabs;
	unsigned long cpu_objs;		/* free objects waiting in CPU arrays */
	unsigned int limit, batchcount;
};
void get_slabinfo(struct kmem_cache *s, struct slabinfo *info);
/* /proc/slabinfo, through @print. */
void slabinfo_show(mm_printf_t print);

#endif
