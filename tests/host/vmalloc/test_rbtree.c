/*
 * Host tests of lib/rbtree.c: random inserts and erases against a sorted
 * reference array, checking after every step that the tree is a valid
 * red-black tree (colours, black height, parent links, order) and, for the
 * augmented variant, that every node's subtree maximum is exact.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/prandom.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>

/* lib/rbtree.c pulls in linux/kernel.h, which declares these. */
void __warn(const char *file, int line, const char *cond) { fail_msg("%s:%d %s", file, line, cond); }

struct item {
	struct rb_node rb;
	unsigned long key;
	unsigned long value;	/* augmented over this */
	unsigned long subtree_max;
};

static unsigned long item_value(struct item *it) { return it->value; }
RB_DECLARE_CALLBACKS_MAX(static, item_aug, struct item, rb, unsigned long, subtree_max, item_value);

#define MAX_ITEMS 2000
static struct item items[MAX_ITEMS];
static bool in_tree[MAX_ITEMS];

static struct rnd_state rng_state;
static uint32_t rnd(void)
{
	return prandom_u32_state(&rng_state);
}

static void insert(struct rb_root *root, struct item *it, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < rb_entry(parent, struct item, rb)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	if (augmented)
		rb_insert_augmented(&it->rb, root, &item_aug);
	else
		rb_insert_color(&it->rb, root);
}

/* Black height of @n's subtree; fails the test on any violated rule. */
static int check_node(struct rb_node *n, struct rb_node *parent, bool augmented,
		      unsigned long *count)
{
	int lh, rh;
	struct item *it;

	if (!n)
		return 1;
	it = rb_entry(n, struct item, rb);
	assert_ptr_equal(rb_parent(n), parent);
	if (rb_is_red(n)) {
		assert_true(!n->rb_left || rb_is_black(n->rb_left));
		assert_true(!n->rb_right || rb_is_black(n->rb_right));
	}
	if (n->rb_left)
		assert_true(rb_entry(n->rb_left, struct item, rb)->key <= it->key);
	if (n->rb_right)
		assert_true(rb_entry(n->rb_right, struct item, rb)->key >= it->key);
	if (augmented)
		assert_int_equal(it->subtree_max, item_aug_compute(n));
	lh = check_node(n->rb_left, n, augmented, count);
	rh = check_node(n->rb_right, n, augmented, count);
	assert_int_equal(lh, rh);
	(*count)++;
	return lh + rb_is_black(n);
}

static void check_tree(struct rb_root *root, bool augmented)
{
	unsigned long count = 0, expected = 0, prev_key = 0;
	struct rb_node *n;
	int i;

	if (root->rb_node)
		assert_true(rb_is_black(root->rb_node));
	check_node(root->rb_node, NULL, augmented, &count);
	for (i = 0; i < MAX_ITEMS; i++)
		expected += in_tree[i];
	assert_int_equal(count, expected);

	/* Forward and backward walks visit the same keys in order. */
	count = 0;
	for (n = rb_first(root); n; n = rb_next(n)) {
		struct item *it = rb_entry(n, struct item, rb);

		assert_true(in_tree[it - items]);
		assert_true(it->key >= prev_key);
		prev_key = it->key;
		count++;
	}
	assert_int_equal(count, expected);
	count = 0;
	for (n = rb_last(root); n; n = rb_prev(n))
		count++;
	assert_int_equal(count, expected);
}

static void random_ops(bool augmented, uint32_t seed, int steps)
{
	struct rb_root root = RB_ROOT;
	int i, step;

	prandom_seed_state(&rng_state, seed);
	memset(in_tree, 0, sizeof(in_tree));
	for (i = 0; i < MAX_ITEMS; i++) {
		items[i].key = rnd() % 500;	/* duplicates on purpose */
		items[i].value = rnd() % 100000;
	}
	for (step = 0; step < steps; step++) {
		i = rnd() % MAX_ITEMS;
		if (in_tree[i]) {
			if (augmented)
				rb_erase_augmented(&items[i].rb, &root, &item_aug);
			else
				rb_erase(&items[i].rb, &root);
			in_tree[i] = false;
		} else {
			insert(&root, &items[i], augmented);
			in_tree[i] = true;
		}
		if (step % 97 == 0 || step < 200)
			check_tree(&root, augmented);
	}
	check_tree(&root, augmented);
	/* Empty it again, checking as it shrinks to nothing. */
	for (i = 0; i < MAX_ITEMS; i++) {
		if (!in_tree[i])
			continue;
		if (augmented)
			rb_erase_augmented(&items[i].rb, &root, &item_aug);
		else
			rb_erase(&items[i].rb, &root);
		in_tree[i] = false;
		if (i % 13 == 0)
			check_tree(&root, augmented);
	}
	assert_true(RB_EMPTY_ROOT(&root));
}

static void test_plain_random(void **state)
{
	random_ops(false, 0x12345678, 60000);
	random_ops(false, 0xdeadbeef, 60000);
}

static void test_augmented_random(void **state)
{
	random_ops(true, 0x87654321, 60000);
	random_ops(true, 0x0badf00d, 60000);
}

/* Sorted inserts are the classic worst case for an unbalanced tree. */
static void test_sorted_inserts_stay_shallow(void **state)
{
	struct rb_root root = RB_ROOT;
	int i, depth, max_depth = 0;

	memset(in_tree, 0, sizeof(in_tree));
	for (i = 0; i < MAX_ITEMS; i++) {
		items[i].key = i;
		items[i].value = i;
		insert(&root, &items[i], true);
		in_tree[i] = true;
	}
	check_tree(&root, true);
	for (i = 0; i < MAX_ITEMS; i++) {
		struct rb_node *n = &items[i].rb;

		for (depth = 0; n; n = rb_parent(n))
			depth++;
		if (depth > max_depth)
			max_depth = depth;
	}
	/* 2*log2(2001) is about 22. */
	assert_true(max_depth <= 22);
	assert_int_equal(rb_entry(root.rb_node, struct item, rb)->subtree_max, MAX_ITEMS - 1);
}

static void test_clear_node(void **state)
{
	struct item it;

	RB_CLEAR_NODE(&it.rb);
	assert_true(RB_EMPTY_NODE(&it.rb));
	it.rb.__rb_parent_color = 0;
	assert_false(RB_EMPTY_NODE(&it.rb));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_random),
		cmocka_unit_test(test_augmented_random),
		cmocka_unit_test(test_sorted_inserts_stay_shallow),
		cmocka_unit_test(test_clear_node),
	};
	return cmocka_run_group_tests_name("rbtree", tests, NULL, NULL);
}
