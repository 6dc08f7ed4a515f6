/*
 * Address-space bookkeeping for the vmalloc window (private to mm/). Pure
 * logic, no page tables, so it is tested on the host as it is.
 *
 * A vmap_space tiles [start, end) with two kinds of vmap_area:
 *  - busy areas, in an rbtree by address: O(log n) lookup of the area that
 *    contains an address (vfree, vmalloc_to_page, iounmap);
 *  - free blocks, in an rbtree by address augmented with the largest block
 *    in each subtree: O(log n) search for the lowest block that fits.
 * Freed ranges merge with free neighbours, so free blocks never touch.
 *
 * Callers serialise all calls (vmalloc.c holds one lock). Descriptors for
 * split-off free blocks come from, and surplus ones return to, the
 * desc_alloc/desc_free hooks; an allocation fails cleanly, with nothing
 * changed, if a descriptor is needed and desc_alloc returns NULL.
 */
#ifndef _MM_VMAP_AREA_H
#define _MM_VMAP_AREA_H

#include <linux/rbtree.h>

struct vm_struct;

struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;		/* exclusive */
	struct rb_node rb_node;		/* in busy or free, never both */
	union {
		unsigned long subtree_max_size;	/* free: largest block in subtree */
		struct vm_struct *vm;		/* busy: what the range holds */
	};
};

struct vmap_space {
	struct rb_root busy;
	struct rb_root free;
	unsigned long start, end;
	unsigned long granule;		/* every boundary is a multiple (PAGE_SIZE) */
	unsigned long nr_busy;
	unsigned long busy_bytes;
	struct vmap_area *(*desc_alloc)(void);
	void (*desc_free)(void *va);	/* (void *: vmalloc passes its pool's free) */
};

/* Start with [start, end) free, described by @whole. */
void vmap_space_init(struct vmap_space *s, unsigned long start, unsigned long end,
		     unsigned long granule, struct vmap_area *whole);

/*
 * Make @va a busy area of @size bytes at the lowest address aligned to
 * @align (a power of two, multiple of the granule) where it fits.
 * 0, or -ENOMEM if no block fits (or a descriptor was needed and missing).
 * With @align above the granule, a block is only sure to fit once it holds
 * size + align - granule bytes; smaller blocks are used only when the
 * search happens to pass them, as in Linux.
 */
int vmap_space_alloc(struct vmap_space *s, struct vmap_area *va,
		     unsigned long size, unsigned long align);

/* Make @va the busy area [start, start + size): 0, or -EBUSY if not all free. */
int vmap_space_reserve(struct vmap_space *s, struct vmap_area *va,
		       unsigned long start, unsigned long size);

/* Return busy @va's range to the free blocks; @va itself is reused or freed. */
void vmap_space_release(struct vmap_space *s, struct vmap_area *va);

/* The busy area containing @addr, or NULL. */
struct vmap_area *vmap_space_find(const struct vmap_space *s, unsigned long addr);

/* Size of the largest free block (0 if none). */
unsigned long vmap_space_largest_free(const struct vmap_space *s);

/* The busy area with the lowest start at or above @addr, or NULL (walks in order). */
struct vmap_area *vmap_space_busy_from(const struct vmap_space *s, unsigned long addr);

/*
 * Check every invariant (tiling, order, merging, subtree maxima); 0 if all
 * hold, else -EINVAL with the first problem described in @why.
 */
int vmap_space_check(const struct vmap_space *s, char *why, size_t len);

#endif
