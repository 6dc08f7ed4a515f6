/*
 * Red-black trees (Linux's rbtree.h interface). The caller searches and links
 * a new node itself (rb_link_node), then rb_insert_color() rebalances; the
 * tree never compares keys. The parent pointer and the colour share one word:
 * nodes are at least 4-byte aligned, so bit 0 is free for the colour.
 *
 * Augmented trees (a value per node summarising its subtree, e.g. the largest
 * free gap below it) are in <linux/rbtree_augmented.h>.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/kernel.h>

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED   0UL
#define RB_BLACK 1UL

#define RB_ROOT (struct rb_root){ NULL }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ struct rb_node *__n = (ptr); __n ? rb_entry(__n, type, member) : NULL; })

#define rb_parent(n)      ((struct rb_node *)((n)->__rb_parent_color & ~3UL))
#define rb_color(n)       ((n)->__rb_parent_color & 1UL)
#define rb_is_black(n)    (rb_color(n) == RB_BLACK)
#define rb_is_red(n)      (rb_color(n) == RB_RED)

#define RB_EMPTY_ROOT(root)  (READ_ONCE((root)->rb_node) == NULL)
/* A node that is in no tree points to itself (see RB_CLEAR_NODE). */
#define RB_EMPTY_NODE(node)  ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)  ((node)->__rb_parent_color = (unsigned long)(node))

/* Hang @node, red and childless, at *@link below @parent (NULL for the root). */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red */
	node->rb_left = node->rb_right = NULL;
	*link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order traversal; all O(log n) at worst, O(1) amortised along a walk. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
