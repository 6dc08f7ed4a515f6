/*
 * Shrinkers: caches that can give memory back register one; the page
 * allocator calls them when an allocation that may wait (__GFP_WAIT) would
 * go below a zone's low watermark, then retries. Linux 3.12+ interface:
 * count_objects says how much could be freed, scan_objects frees up to
 * sc->nr_to_scan of it and returns how many it freed (or SHRINK_STOP).
 *
 * Mica calls every shrinker with nr_to_scan = everything it counted (there
 * is no LRU aging to balance against), under a spinlock: a callback must not
 * sleep or (un)register shrinkers; it may free pages.
 */
#ifndef _LINUX_SHRINKER_H
#define _LINUX_SHRINKER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/gfp.h>

struct shrink_control {
	gfp_t gfp_mask;			/* of the allocation that needs memory */
	int nid;			/* node it is short on */
	unsigned long nr_to_scan;	/* objects to scan_objects() */
	unsigned long nr_scanned;	/* set by the callback if it scanned fewer */
};

#define SHRINK_STOP	(~0UL)
#define SHRINK_EMPTY	(~0UL - 1)	/* count_objects: nothing cached at all */
#define DEFAULT_SEEKS	2

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *shrinker, struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *shrinker, struct shrink_control *sc);
	int seeks;		/* recreation cost; kept for Linux compatibility */
	long batch;		/* objects per scan_objects call; 0: 128 */
	struct list_head list;	/* private to mm/shrinker.c */
};

int register_shrinker(struct shrinker *shrinker);
void unregister_shrinker(struct shrinker *shrinker);

/*
 * Run every shrinker for @gfp_mask on node @nid; returns the number of
 * objects they report freed.
 */
unsigned long shrink_slab(gfp_t gfp_mask, int nid);

#endif
