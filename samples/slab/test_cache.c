/*
 * The slab chapter's example: a cache of struct test objects. Creates the
 * cache, allocates and frees objects, checks they are distinct and aligned,
 * and destroys the cache on rmmod.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#define NR_OBJECTS 16

struct test {
	char c;
	int i;
};

static struct kmem_cache *test_cache;
static struct test *t;

static int __init test_cache_init(void)
{
	struct test *objs[NR_OBJECTS];
	int i, j, ok = 1;

	test_cache = kmem_cache_create("test_cache", sizeof(struct test), 0, 0, NULL);
	if (!test_cache)
		return -ENOMEM;
	t = kmem_cache_alloc(test_cache, GFP_KERNEL);
	if (!t) {
		kmem_cache_destroy(test_cache);
		return -ENOMEM;
	}
	t->c = 'a';
	t->i = 1;

	for (i = 0; i < NR_OBJECTS; i++) {
		objs[i] = kmem_cache_alloc(test_cache, GFP_KERNEL);
		if (!objs[i] || ((unsigned long)objs[i] & (__alignof__(struct test) - 1)))
			ok = 0;
		for (j = 0; j < i && ok; j++)
			if (objs[j] == objs[i])
				ok = 0;
	}
	for (i = 0; i < NR_OBJECTS; i++)
		kmem_cache_free(test_cache, objs[i]);
	printk(KERN_INFO "test_cache: %d objects of %u bytes allocated and freed: %s\n",
	       NR_OBJECTS, kmem_cache_size(test_cache), ok ? "OK" : "FAILED");
	return ok ? 0 : -EINVAL;
}

static void __exit test_cache_exit(void)
{
	printk(KERN_INFO "test_cache: object kept since init still says %c %d\n", t->c, t->i);
	kmem_cache_free(test_cache, t);
	kmem_cache_destroy(test_cache);
}

module_init(test_cache_init);
module_exit(test_cache_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("the slab chapter's test_cache");
