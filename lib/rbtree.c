/*
 * Red-black tree rebalancing (see include/linux/rbtree.h). The classic
 * rules: the root and every missing child are black, a red node has no red
 * child, and every path from a node down to a missing child passes the same
 * number of black nodes, so the tree is at most 2*log2(n+1) deep.
 *
 * The plain and augmented variants share one implementation, inlined into
 * each: the plain one passes callbacks that do nothing, which the compiler
 * then drops, so plain trees pay no indirect calls.
 */
#include <linux/rbtree.h>
#include <linux/export.h>
#include <linux/rbtree_augmented.h>

static void set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = rb_color(n) | (unsigned long)p;
}

static void set_parent_color(struct rb_node *n, struct rb_node *p, unsigned long color)
{
	n->__rb_parent_color = (unsigned long)p | color;
}

static void set_black(struct rb_node *n)
{
	n->__rb_parent_color |= RB_BLACK;
}

static bool is_black_or_null(const struct rb_node *n)
{
	return !n || rb_is_black(n);
}

/* Make @parent (or the root, if @parent is NULL) point to @new instead of @old. */
static void change_child(struct rb_node *old, struct rb_node *new,
			 struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * Rotate left around @x: its right child @y becomes the subtree's top, @x
 * y's left child. Colours stay with the nodes.
 */
static __always_inline void rotate_left(struct rb_node *x, struct rb_root *root,
			const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = x->rb_right, *parent = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		set_parent(y->rb_left, x);
	y->rb_left = x;
	set_parent(y, parent);
	change_child(x, y, parent, root);
	set_parent(x, y);
	aug->rotate(x, y);
}

static __always_inline void rotate_right(struct rb_node *x, struct rb_root *root,
			 const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = x->rb_left, *parent = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		set_parent(y->rb_right, x);
	y->rb_right = x;
	set_parent(y, parent);
	change_child(x, y, parent, root);
	set_parent(x, y);
	aug->rotate(x, y);
}

/* @node was just linked red: repair a red parent by recolouring or rotating. */
static __always_inline void insert_fixup(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *aug)
{
	for (;;) {
		struct rb_node *parent = rb_parent(node), *gparent, *uncle;

		if (!parent) {
			set_black(node);
			return;
		}
		if (rb_is_black(parent))
			return;
		gparent = rb_parent(parent);	/* exists: a red node is never the root */
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (uncle && rb_is_red(uncle)) {
				/* Push the blackness down from the grandparent; go up two. */
				set_black(parent);
				set_black(uncle);
				set_parent_color(gparent, rb_parent(gparent), RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				rotate_left(parent, root, aug);
				parent = node;
			}
			set_black(parent);
			set_parent_color(gparent, rb_parent(gparent), RB_RED);
			rotate_right(gparent, root, aug);
		} else {
			uncle = gparent->rb_left;
			if (uncle && rb_is_red(uncle)) {
				set_black(parent);
				set_black(uncle);
				set_parent_color(gparent, rb_parent(gparent), RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rotate_right(parent, root, aug);
				parent = node;
			}
			set_black(parent);
			set_parent_color(gparent, rb_parent(gparent), RB_RED);
			rotate_left(gparent, root, aug);
		}
		return;
	}
}

/*
 * A black node was removed above @node (which may be NULL: a missing child
 * of @parent), so every path through it is one black short. Borrow from the
 * sibling's side or move the deficit upwards.
 */
static __always_inline void erase_fixup(struct rb_node *node, struct rb_node *parent, struct rb_root *root,
			const struct rb_augment_callbacks *aug)
{
	while (parent && is_black_or_null(node)) {
		struct rb_node *sib;

		if (node == parent->rb_left) {
			sib = parent->rb_right;	/* exists: the other side has a black to spare */
			if (rb_is_red(sib)) {
				set_black(sib);
				set_parent_color(parent, rb_parent(parent), RB_RED);
				rotate_left(parent, root, aug);
				sib = parent->rb_right;
			}
			if (is_black_or_null(sib->rb_left) && is_black_or_null(sib->rb_right)) {
				set_parent_color(sib, parent, RB_RED);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (is_black_or_null(sib->rb_right)) {
				set_black(sib->rb_left);
				set_parent_color(sib, parent, RB_RED);
				rotate_right(sib, root, aug);
				sib = parent->rb_right;
			}
			set_parent_color(sib, rb_parent(sib), rb_color(parent));
			set_black(parent);
			set_black(sib->rb_right);
			rotate_left(parent, root, aug);
		} else {
			sib = parent->rb_left;
			if (rb_is_red(sib)) {
				set_black(sib);
				set_parent_color(parent, rb_parent(parent), RB_RED);
				rotate_right(parent, root, aug);
				sib = parent->rb_left;
			}
			if (is_black_or_null(sib->rb_left) && is_black_or_null(sib->rb_right)) {
				set_parent_color(sib, parent, RB_RED);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (is_black_or_null(sib->rb_left)) {
				set_black(sib->rb_right);
				set_parent_color(sib, parent, RB_RED);
				rotate_left(sib, root, aug);
				sib = parent->rb_left;
			}
			set_parent_color(sib, rb_parent(sib), rb_color(parent));
			set_black(parent);
			set_black(sib->rb_left);
			rotate_right(parent, root, aug);
		}
		return;
	}
	if (node)
		set_black(node);
}

static __always_inline void erase(struct rb_node *node, struct rb_root *root,
		  const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent = rb_parent(node), *child, *fix_parent;
	unsigned long removed_color;

	if (!node->rb_left || !node->rb_right) {
		/* At most one child: it takes @node's place. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		removed_color = rb_color(node);
		change_child(node, child, parent, root);
		if (child)
			set_parent(child, parent);
		fix_parent = parent;
	} else {
		/* Two children: the in-order successor takes @node's place and colour. */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		removed_color = rb_color(succ);
		if (succ == node->rb_right) {
			fix_parent = succ;
		} else {
			fix_parent = rb_parent(succ);
			fix_parent->rb_left = child;
			if (child)
				set_parent(child, fix_parent);
			succ->rb_right = node->rb_right;
			set_parent(node->rb_right, succ);
		}
		succ->rb_left = node->rb_left;
		set_parent(node->rb_left, succ);
		set_parent_color(succ, parent, rb_color(node));
		change_child(node, succ, parent, root);
	}
	/* Every node from the lowest change up to the root may summarise differently. */
	if (fix_parent)
		aug->propagate(fix_parent, NULL);
	if (removed_color == RB_BLACK)
		erase_fixup(child, fix_parent, root, aug);
}

static void dummy_propagate(struct rb_node *node, struct rb_node *stop) {}
static void dummy_rotate(struct rb_node *old, struct rb_node *new) {}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.rotate = dummy_rotate,
};

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, &dummy_callbacks);
}
EXPORT_SYMBOL(rb_insert_color);

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	erase(node, root, &dummy_callbacks);
}
EXPORT_SYMBOL(rb_erase);

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	augment->propagate(node, NULL);
	insert_fixup(node, root, augment);
}
EXPORT_SYMBOL(rb_insert_augmented);

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	erase(node, root, augment);
}
EXPORT_SYMBOL(rb_erase_augmented);

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}
EXPORT_SYMBOL(rb_first);

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}
EXPORT_SYMBOL(rb_last);

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	/* Climb until we come up from a left child. */
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}
EXPORT_SYMBOL(rb_next);

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
EXPORT_SYMBOL(rb_prev);
