/*
 * Augmented red-black trees: every node carries a value computed from itself
 * and its two children (e.g. the largest free block in its subtree), kept
 * right through inserts, erases and rotations.
 *
 * Mica does less bookkeeping than Linux here: rb_insert_augmented() and
 * rb_erase_augmented() recompute the path from the change up to the root
 * themselves (O(log n)), so a caller never pre-updates ancestors while it
 * searches and there is no "copy" callback. After changing a linked node's
 * own data in place, call callbacks->propagate(node, NULL).
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

struct rb_augment_callbacks {
	/* Recompute @node, then its ancestors, stopping before @stop (NULL: root). */
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	/* @new took @old's place as the top of a rotated subtree. */
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * Callbacks for the common "maximum over the subtree" value:
 * @rbstruct.@rbaugmented = max(@rbcompute(node), same value of both children).
 * Defines @rbname (the callbacks) and @rbname_compute (one node's value).
 */
#define RB_DECLARE_CALLBACKS_MAX(rbstatic, rbname, rbstruct, rbfield, rbtype,	\
				 rbaugmented, rbcompute)			\
static inline rbtype rbname##_compute(struct rb_node *rb)			\
{										\
	rbstruct *node = rb_entry(rb, rbstruct, rbfield);			\
	rbtype m = rbcompute(node);						\
	if (node->rbfield.rb_left) {						\
		rbtype c = rb_entry(node->rbfield.rb_left, rbstruct,		\
				    rbfield)->rbaugmented;			\
		if (c > m)							\
			m = c;							\
	}									\
	if (node->rbfield.rb_right) {						\
		rbtype c = rb_entry(node->rbfield.rb_right, rbstruct,		\
				    rbfield)->rbaugmented;			\
		if (c > m)							\
			m = c;							\
	}									\
	return m;								\
}										\
static void rbname##_propagate(struct rb_node *rb, struct rb_node *stop)	\
{										\
	for (; rb != stop; rb = rb_parent(rb))					\
		rb_entry(rb, rbstruct, rbfield)->rbaugmented =			\
			rbname##_compute(rb);					\
}										\
static void rbname##_rotate(struct rb_node *old, struct rb_node *new)		\
{										\
	rb_entry(new, rbstruct, rbfield)->rbaugmented =				\
		rb_entry(old, rbstruct, rbfield)->rbaugmented;			\
	rb_entry(old, rbstruct, rbfield)->rbaugmented = rbname##_compute(old);	\
}										\
rbstatic const struct rb_augment_callbacks rbname = {				\
	.propagate = rbname##_propagate,					\
	.rotate = rbname##_rotate,						\
}

#endif
