/*
 * struct page: one per page frame (the mem_map array), 32 bytes on 32-bit
 * ARM like Linux's. Who owns the page decides which union members mean
 * something:
 *
 *   free in the buddy lists: PG_buddy, lru on a free list, private = order
 *   on a per-CPU list:       lru on the pcp list, index = migrate type
 *   slab page (PG_slab):     slab_cache, freelist, inuse/objects/frozen,
 *                            lru for the cache's partial/full lists
 *   compound head (PG_head): its first tail page holds compound_order
 *   compound tail (PG_tail): compound_head = head page address | 1
 *   any other owner:         lru, private, mapping and index are its own
 *
 * flags also encode the zone, the node and (for an allocated block's first
 * page) the order it was allocated with, so a free with the wrong order is
 * caught. _refcount is 0 for every free page, _mapcount is -1 when the page
 * is not mapped.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>

struct address_space;
struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_ bits, alloc order, node, zone */
	union {
		struct list_head lru;	/* buddy/pcp/slab lists, or the owner's */
		struct {		/* compound tail pages */
			unsigned long compound_head;	/* head page | 1 */
			unsigned int compound_order;	/* first tail page only */
		};
	};
	union {
		struct address_space *mapping;
		struct kmem_cache *slab_cache;	/* slab page: its cache */
	};
	union {
		unsigned long index;
		void *freelist;			/* slab page: first free object */
	};
	unsigned long private;		/* buddy: order; else the owner's */
	union {
		atomic_t _mapcount;		/* -1: not mapped */
		unsigned int page_type;
		struct {			/* slab page */
			unsigned inuse:16;
			unsigned objects:15;
			unsigned frozen:1;
		};
		unsigned int counters;		/* the slab fields as one word */
	};
	atomic_t _refcount;
};

#if defined(__arm__)
_Static_assert(sizeof(struct page) <= 32, "struct page must fit in 32 bytes on ARM");
#endif

#endif
