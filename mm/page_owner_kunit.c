/*
 * page_owner's self-test (boot with page_owner=on; skipped otherwise):
 * a block records its order, flags and the call chain that allocated it,
 * loses its record when freed, and split_page() splits it.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/kallsyms.h>
#include <linux/page_owner.h>
#include <linux/stackdepot.h>
#include <string.h>
#include <mica/kunit.h>
#include "internal.h"

/* Its own frame in the chain: the barrier keeps the call from becoming a jump. */
static noinline struct page *allocate_here(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	barrier();
	return page;
}

/* Does the chain of @handle go through allocate_here()? */
static bool through_allocate_here(u32 handle)
{
	const unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(handle, &entries);

	for (i = 0; i < nr; i++) {
		const char *name = kallsyms_lookup(entries[i], NULL, NULL);

		if (name && !strcmp(name, "allocate_here"))
			return true;
	}
	return false;
}

static void need_page_owner(struct kunit *test)
{
	if (!page_owner_enabled())
		kunit_skip(test, "boot with page_owner=on");
}

static void records_allocation(struct kunit *test)
{
	struct page *page;
	unsigned int order;
	gfp_t gfp;
	u32 handle;

	need_page_owner(test);
	page = allocate_here(GFP_KERNEL | __GFP_ZERO, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, page_owner_info(page, &order, &gfp, &handle));
	KUNIT_EXPECT_EQ(test, order, 2);
	KUNIT_EXPECT_EQ(test, (__force unsigned int)gfp,
			(__force unsigned int)(GFP_KERNEL | __GFP_ZERO));
	KUNIT_EXPECT_TRUE(test, through_allocate_here(handle));
	__free_pages(page, 2);
	KUNIT_EXPECT_FALSE(test, page_owner_info(page, &order, &gfp, &handle));
}

static void split_pages_keep_owner(struct kunit *test)
{
	struct page *page;
	unsigned int order, i;
	gfp_t gfp;
	u32 handle;

	need_page_owner(test);
	page = allocate_here(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	split_page(page, 1);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_TRUE(test, page_owner_info(page + i, &order, &gfp, &handle));
		KUNIT_EXPECT_EQ(test, order, 0);
		KUNIT_EXPECT_TRUE(test, through_allocate_here(handle));
	}
	__free_page(page);
	__free_page(page + 1);
}

static struct kunit_case page_owner_cases[] = {
	KUNIT_CASE(records_allocation),
	KUNIT_CASE(split_pages_keep_owner),
	{}
};

static struct kunit_suite page_owner_suite = {
	.name = "page_owner",
	.test_cases = page_owner_cases,
};
kunit_test_suite(page_owner_suite);
