/*
 * The stack depot (Linux's lib/stackdepot.c): call chains stored once and
 * named by a 32-bit handle, so that KASAN can keep an allocation and a
 * free stack in every slab object and page_owner one per page block
 * without a copy per record.
 *
 * Less than Linux: one pool, reserved from memblock at boot by the first
 * user (stack_depot_init) and never grown; when it is full, saves return 0
 * and printing a 0 handle says so. Records are never removed.
 */
#ifndef _LINUX_STACKDEPOT_H
#define _LINUX_STACKDEPOT_H

#include <linux/types.h>

typedef u32 depot_stack_handle_t;	/* 0: no stack */

/* Frames kept per stack: enough to see past the allocator and the driver. */
#define STACK_DEPOT_MAX_FRAMES 16

/* Reserve the pool; before mem_init(). 0, or -ENOMEM. Later calls do nothing. */
int stack_depot_init(void);
bool stack_depot_enabled(void);
/* The handle of these @nr return addresses, stored if new; 0 if the pool is full or off. */
depot_stack_handle_t stack_depot_save(const unsigned long *entries, unsigned int nr);
/* The caller's own chain after @skip frames, saved. */
depot_stack_handle_t stack_depot_save_here(unsigned int skip);
/* The frames of @handle (*entries points into the depot); 0 frames for a bad handle. */
unsigned int stack_depot_fetch(depot_stack_handle_t handle, const unsigned long **entries);
/* One " function+0xoff/0xsize" line per frame, through printk. */
void stack_depot_print(depot_stack_handle_t handle);

struct stack_depot_stats {
	unsigned long stacks;		/* distinct stacks stored */
	unsigned long used, size;	/* bytes of the pool */
	unsigned long dropped;		/* saves refused because the pool was full */
};
void stack_depot_get_stats(struct stack_depot_stats *st);

#endif
