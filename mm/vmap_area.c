/* Busy and free areas of the vmalloc window: see vmap_area.h. */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/rbtree_augmented.h>
#include "vmap_area.h"

#define va_of(n) rb_entry(n, struct vmap_area, rb_node)

static unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

RB_DECLARE_CALLBACKS_MAX(static, free_aug, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

static unsigned long subtree_max(const struct rb_node *n)
{
	return n ? va_of(n)->subtree_max_size : 0;
}

/* Link @va into @root by start address (ranges in one tree never overlap). */
static void link_by_address(struct rb_root *root, struct vmap_area *va, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = va->va_start < va_of(parent)->va_start ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&va->rb_node, parent, link);
	if (augmented)
		rb_insert_augmented(&va->rb_node, root, &free_aug);
	else
		rb_insert_color(&va->rb_node, root);
}

void vmap_space_init(struct vmap_space *s, unsigned long start, unsigned long end,
		     unsigned long granule, struct vmap_area *whole)
{
	s->busy = RB_ROOT;
	s->free = RB_ROOT;
	s->start = start;
	s->end = end;
	s->granule = granule;
	s->nr_busy = 0;
	s->busy_bytes = 0;
	whole->va_start = start;
	whole->va_end = end;
	link_by_address(&s->free, whole, true);
}

/* Does [ALIGN(start, align), +size) fit in free block @va? Sets *addr if so. */
static bool block_fits(const struct vmap_area *va, unsigned long size,
		       unsigned long align, unsigned long *addr)
{
	unsigned long a = ALIGN(va->va_start, align);

	if (a < va->va_start || a >= va->va_end || va->va_end - a < size)
		return false;
	*addr = a;
	return true;
}

/*
 * The lowest free block with room for @size at @align. A subtree whose
 * largest block holds @length bytes surely contains a fit, so the search
 * only descends where one is certain and never backtracks.
 */
static struct vmap_area *find_lowest_fit(const struct vmap_space *s, unsigned long size,
					 unsigned long align, unsigned long *addr)
{
	unsigned long length = align > s->granule ? size + align - s->granule : size;
	struct rb_node *n = s->free.rb_node;

	while (n) {
		if (subtree_max(n->rb_left) >= length) {
			n = n->rb_left;
			continue;
		}
		if (block_fits(va_of(n), size, align, addr))
			return va_of(n);
		if (subtree_max(n->rb_right) < length)
			return NULL;
		n = n->rb_right;
	}
	return NULL;
}

/*
 * Take [addr, addr + size) out of free block @blk and make @va the busy
 * area there. The only step that can fail comes first.
 */
static int carve(struct vmap_space *s, struct vmap_area *blk, struct vmap_area *va,
		 unsigned long addr, unsigned long size)
{
	unsigned long end = addr + size;

	if (addr == blk->va_start && end == blk->va_end) {
		rb_erase_augmented(&blk->rb_node, &s->free, &free_aug);
		s->desc_free(blk);
	} else if (addr == blk->va_start) {
		blk->va_start = end;	/* order is unchanged: no neighbour in between */
		free_aug.propagate(&blk->rb_node, NULL);
	} else if (end == blk->va_end) {
		blk->va_end = addr;
		free_aug.propagate(&blk->rb_node, NULL);
	} else {
		struct vmap_area *tail = s->desc_alloc();

		if (!tail)
			return -ENOMEM;
		tail->va_start = end;
		tail->va_end = blk->va_end;
		blk->va_end = addr;
		free_aug.propagate(&blk->rb_node, NULL);
		link_by_address(&s->free, tail, true);
	}
	va->va_start = addr;
	va->va_end = end;
	link_by_address(&s->busy, va, false);
	s->nr_busy++;
	s->busy_bytes += size;
	return 0;
}

int vmap_space_alloc(struct vmap_space *s, struct vmap_area *va,
		     unsigned long size, unsigned long align)
{
	struct vmap_area *blk;
	unsigned long addr;

	if (!size || !is_power_of_2(align) || align < s->granule ||
	    size > s->end - s->start || align > s->end - s->start)
		return -ENOMEM;
	size = ALIGN(size, s->granule);
	blk = find_lowest_fit(s, size, align, &addr);
	if (!blk)
		return -ENOMEM;
	return carve(s, blk, va, addr, size);
}

/* The free block with the highest start at or below @addr, or NULL. */
static struct vmap_area *free_block_at_or_below(const struct vmap_space *s, unsigned long addr)
{
	struct rb_node *n = s->free.rb_node;
	struct vmap_area *best = NULL;

	while (n) {
		if (va_of(n)->va_start <= addr) {
			best = va_of(n);
			n = n->rb_right;
		} else {
			n = n->rb_left;
		}
	}
	return best;
}

int vmap_space_reserve(struct vmap_space *s, struct vmap_area *va,
		       unsigned long start, unsigned long size)
{
	struct vmap_area *blk;

	if (!size || start < s->start || start > s->end || size > s->end - start ||
	    !IS_ALIGNED(start, s->granule) || !IS_ALIGNED(size, s->granule))
		return -EBUSY;
	blk = free_block_at_or_below(s, start);
	if (!blk || blk->va_end < start + size)
		return -EBUSY;
	return carve(s, blk, va, start, size);
}

void vmap_space_release(struct vmap_space *s, struct vmap_area *va)
{
	unsigned long start = va->va_start, end = va->va_end;
	struct rb_node **link = &s->free.rb_node, *parent = NULL;
	struct vmap_area *prev = NULL, *next = NULL;

	rb_erase(&va->rb_node, &s->busy);
	s->nr_busy--;
	s->busy_bytes -= end - start;

	/* The free neighbours on each side are met on the way to the link point. */
	while (*link) {
		parent = *link;
		if (start < va_of(parent)->va_start) {
			next = va_of(parent);
			link = &parent->rb_left;
		} else {
			prev = va_of(parent);
			link = &parent->rb_right;
		}
	}
	if (prev && prev->va_end != start)
		prev = NULL;
	if (next && next->va_start != end)
		next = NULL;

	if (prev && next) {
		prev->va_end = next->va_end;
		rb_erase_augmented(&next->rb_node, &s->free, &free_aug);
		free_aug.propagate(&prev->rb_node, NULL);
		s->desc_free(next);
		s->desc_free(va);
	} else if (prev) {
		prev->va_end = end;
		free_aug.propagate(&prev->rb_node, NULL);
		s->desc_free(va);
	} else if (next) {
		next->va_start = start;
		free_aug.propagate(&next->rb_node, NULL);
		s->desc_free(va);
	} else {
		rb_link_node(&va->rb_node, parent, link);
		rb_insert_augmented(&va->rb_node, &s->free, &free_aug);
	}
}

struct vmap_area *vmap_space_find(const struct vmap_space *s, unsigned long addr)
{
	struct rb_node *n = s->busy.rb_node;

	while (n) {
		struct vmap_area *va = va_of(n);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

unsigned long vmap_space_largest_free(const struct vmap_space *s)
{
	return subtree_max(s->free.rb_node);
}

struct vmap_area *vmap_space_busy_from(const struct vmap_space *s, unsigned long addr)
{
	struct rb_node *n = s->busy.rb_node;
	struct vmap_area *best = NULL;

	while (n) {
		if (va_of(n)->va_start >= addr) {
			best = va_of(n);
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

static int check_free_maxima(const struct rb_node *n, char *why, size_t len)
{
	if (!n)
		return 0;
	if (va_of(n)->subtree_max_size != free_aug_compute((struct rb_node *)n)) {
		snprintf(why, len, "free block %#lx-%#lx: subtree max %#lx, should be %#lx",
			 va_of(n)->va_start, va_of(n)->va_end, va_of(n)->subtree_max_size,
			 free_aug_compute((struct rb_node *)n));
		return -EINVAL;
	}
	if (check_free_maxima(n->rb_left, why, len))
		return -EINVAL;
	return check_free_maxima(n->rb_right, why, len);
}

int vmap_space_check(const struct vmap_space *s, char *why, size_t len)
{
	struct rb_node *b = rb_first(&s->busy), *f = rb_first(&s->free);
	unsigned long cursor = s->start, nr_busy = 0, busy_bytes = 0;
	bool last_free = false;

	/* Busy and free areas together must tile [start, end) exactly. */
	while (b || f) {
		struct vmap_area *va;
		bool is_free;

		if (b && va_of(b)->va_start == cursor) {
			va = va_of(b);
			is_free = false;
			b = rb_next(b);
		} else if (f && va_of(f)->va_start == cursor) {
			va = va_of(f);
			is_free = true;
			f = rb_next(f);
		} else {
			snprintf(why, len, "hole or overlap at %#lx", cursor);
			return -EINVAL;
		}
		if (va->va_end <= va->va_start || va->va_end > s->end ||
		    !IS_ALIGNED(va->va_start | va->va_end, s->granule)) {
			snprintf(why, len, "bad area %#lx-%#lx", va->va_start, va->va_end);
			return -EINVAL;
		}
		if (is_free && last_free) {
			snprintf(why, len, "free blocks not merged at %#lx", va->va_start);
			return -EINVAL;
		}
		if (!is_free) {
			nr_busy++;
			busy_bytes += va_size(va);
		}
		last_free = is_free;
		cursor = va->va_end;
	}
	if (cursor != s->end) {
		snprintf(why, len, "areas end at %#lx, not %#lx", cursor, s->end);
		return -EINVAL;
	}
	if (nr_busy != s->nr_busy || busy_bytes != s->busy_bytes) {
		snprintf(why, len, "counted %lu busy areas (%lu bytes), recorded %lu (%lu)",
			 nr_busy, busy_bytes, s->nr_busy, s->busy_bytes);
		return -EINVAL;
	}
	return check_free_maxima(s->free.rb_node, why, len);
}
