/*
 * KASAN's self-test, shaped like Linux's kasan_test: each case makes one
 * bug on purpose and expects exactly one report of the right kind, inside
 * the harness's expected-fault markers, and the kernel carries on (KASAN
 * reports before the access; an overrunning memcpy or memset is not done).
 * Built into KASAN kernels only (Makefile: KASAN_SRCS).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/vmalloc.h>
#include <linux/percpu.h>
#include <linux/dma-mapping.h>
#include <linux/sched.h>
#include <string.h>
#include <asm/traps.h>
#include <mica/kunit.h>
#include "kasan.h"

/* Keeps the compiler from proving an access out of bounds and dropping it. */
#define HIDE(x) ({ __typeof__(x) __v = (x); __asm__("" : "+r"(__v)); __v; })

static int kasan_suite_init(struct kunit_suite *suite)
{
	if (kasan_fault_panics()) {
		pr_err("kasan: kasan.fault=panic: the self-test's first report would stop the kernel\n");
		return -EINVAL;
	}
	return kasan_enabled() ? 0 : -EINVAL;
}

/* ---- slab ---- */

static void kmalloc_oob_right(struct kunit *test)
{
	char *p = kmalloc(13, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT_NONE(test, ((volatile char *)p)[HIDE(12)] = 'x');
	KASAN_EXPECT(test, "slab-out-of-bounds", ((volatile char *)p)[HIDE(13)] = 'y');
	kfree(p);
}

static void kmalloc_oob_right_far(struct kunit *test)
{
	char *p = kmalloc(128, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT(test, "slab-out-of-bounds", (void)((volatile char *)p)[HIDE(128 + 20)]);
	kfree(p);
}

static void kmalloc_oob_left(struct kunit *test)
{
	char *p = kmalloc(15, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT(test, "slab-out-of-bounds", (void)((volatile char *)p)[HIDE(-1)]);
	kfree(p);
}

struct sixteen { u64 a, b; };

/* A 16-byte load from a 13-byte object: the last three bytes are out. */
static void kmalloc_oob_16(struct kunit *test)
{
	struct sixteen *src = kmalloc(13, GFP_KERNEL), *dst = kmalloc(16, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	KASAN_EXPECT(test, "slab-out-of-bounds", *(volatile struct sixteen *)dst =
		     *(volatile struct sixteen *)HIDE(src));
	kfree(src);
	kfree(dst);
}

static void krealloc_more_oob(struct kunit *test)
{
	char *p = kmalloc(19, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	q = krealloc(p, 25, GFP_KERNEL);	/* kmalloc-32: in place */
	KUNIT_ASSERT_PTR_EQ(test, p, q);
	KASAN_EXPECT_NONE(test, ((volatile char *)q)[HIDE(24)] = 'x');
	KASAN_EXPECT(test, "slab-out-of-bounds", (void)((volatile char *)q)[HIDE(25)]);
	kfree(q);
}

static void krealloc_less_oob(struct kunit *test)
{
	char *p = kmalloc(25, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	q = krealloc(p, 15, GFP_KERNEL);
	KUNIT_ASSERT_PTR_EQ(test, p, q);
	KASAN_EXPECT(test, "slab-out-of-bounds", (void)((volatile char *)q)[HIDE(15)]);
	kfree(q);
}

/* krealloc that moves: the old block is freed. */
static void krealloc_uaf(struct kunit *test)
{
	char *p = kmalloc(13, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	q = krealloc(p, 300, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_TRUE(test, p != q);
	KASAN_EXPECT(test, "slab-use-after-free", (void)((volatile char *)p)[HIDE(0)]);
	kfree(q);
}

static void kmalloc_uaf(struct kunit *test)
{
	char *p = kmalloc(10, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	KASAN_EXPECT(test, "slab-use-after-free", ((volatile char *)p)[HIDE(8)] = 'x');
}

static void kmalloc_double_free(struct kunit *test)
{
	char *p = kmalloc(10, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	KASAN_EXPECT(test, "double-free", kfree(HIDE(p)));
}

static void kmalloc_invalid_free(struct kunit *test)
{
	char *p = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT(test, "invalid-free", kfree(HIDE(p + 1)));
	kfree(p);
}

struct ctor_obj { u32 magic; char payload[40]; };
static void ctor_obj_init(void *obj)
{
	struct ctor_obj *o = obj;

	o->magic = 0x5a5a5a5a;
	memset(o->payload, 'c', sizeof(o->payload));
}

/* The constructor writes the whole object while the slab is built: no report. */
static void kmem_cache_ctor_oob(struct kunit *test)
{
	struct kmem_cache *s;
	struct ctor_obj *o;

	KASAN_EXPECT_NONE(test, s = kmem_cache_create("kasan_ctor", sizeof(struct ctor_obj), 0,
						      0, ctor_obj_init));
	KUNIT_ASSERT_NOT_NULL(test, s);
	o = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, o);
	KUNIT_EXPECT_EQ(test, o->magic, 0x5a5a5a5a);
	KASAN_EXPECT(test, "slab-out-of-bounds",
		     (void)((volatile char *)o)[HIDE(sizeof(*o))]);
	kmem_cache_free(s, o);
	KASAN_EXPECT(test, "slab-use-after-free", (void)((volatile struct ctor_obj *)o)->magic);
	KASAN_EXPECT(test, "double-free", kmem_cache_free(s, HIDE(o)));
	kmem_cache_destroy(s);
}

/* ---- pages ---- */

/* Past a large kmalloc block, inside its last page. */
static void kmalloc_large_oob_right(struct kunit *test)
{
	size_t size = KMALLOC_MAX_CACHE_SIZE + 10;
	char *p = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT(test, "slab-out-of-bounds", (void)((volatile char *)p)[HIDE(size)]);
	kfree(p);
}

static void kmalloc_large_uaf(struct kunit *test)
{
	char *p = kmalloc(KMALLOC_MAX_CACHE_SIZE + 10, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	KASAN_EXPECT(test, "use-after-free", (void)((volatile char *)p)[HIDE(0)]);
}

/* One page past a page: the next page is free (split from an order-1 block). */
static void page_alloc_oob_right(struct kunit *test)
{
	struct page *pages = alloc_pages(GFP_KERNEL, 1);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, pages);
	split_page(pages, 1);
	__free_page(pages + 1);
	p = page_address(pages);
	KASAN_EXPECT_NONE(test, ((volatile char *)p)[HIDE(PAGE_SIZE - 1)] = 'x');
	KASAN_EXPECT(test, "use-after-free", (void)((volatile char *)p)[HIDE(PAGE_SIZE)]);
	__free_page(pages);
}

static void page_alloc_uaf(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, page);
	p = page_address(page);
	__free_pages(page, 2);
	KASAN_EXPECT(test, "use-after-free", (void)((volatile char *)p)[HIDE(3 * PAGE_SIZE)]);
}

/* A high page through kmap is fine; a freed lowmem page through kmap is not. */
static void kmap_page(struct kunit *test)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, page);
	p = kmap(page);
	KASAN_EXPECT_NONE(test, memset(p, 0x5a, PAGE_SIZE));
	kunmap(page);
	__free_page(page);

	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	p = kmap(page);
	kunmap(page);
	__free_page(page);
	KASAN_EXPECT(test, "use-after-free", (void)((volatile char *)p)[HIDE(16)]);
}

/* ---- vmalloc ---- */

static void vmalloc_oob(struct kunit *test)
{
	char *v = vmalloc(123);

	KUNIT_ASSERT_NOT_NULL(test, v);
	KASAN_EXPECT_NONE(test, ((volatile char *)v)[HIDE(122)] = 'x');
	KASAN_EXPECT(test, "vmalloc-out-of-bounds", (void)((volatile char *)v)[HIDE(123)]);
	KASAN_EXPECT(test, "vmalloc-out-of-bounds", (void)((volatile char *)v)[HIDE(PAGE_SIZE - 1)]);
	vfree(v);
}

static void read_byte(void *p)
{
	(void)*(volatile char *)p;
}

/* Reported, then the read faults: the area is unmapped. */
static void vmalloc_uaf(struct kunit *test)
{
	struct fault_record rec;
	char *v = vmalloc(3 * PAGE_SIZE);
	int faulted = 0;

	KUNIT_ASSERT_NOT_NULL(test, v);
	vfree(v);
	KASAN_EXPECT(test, "vmalloc-out-of-bounds",
		     faulted = arm_run_expecting_fault(read_byte, v + PAGE_SIZE, &rec));
	KUNIT_EXPECT_EQ(test, faulted, 1);
}

/* ---- stack and globals ---- */

static void stack_oob(struct kunit *test)
{
	char stack_array[10];

	memset(stack_array, 0, sizeof(stack_array));
	KASAN_EXPECT(test, "stack-out-of-bounds",
		     (void)((volatile char *)stack_array)[HIDE(ARRAY_SIZE(stack_array))]);
}

static void stack_oob_left(struct kunit *test)
{
	char stack_array[10];

	memset(stack_array, 0, sizeof(stack_array));
	KASAN_EXPECT(test, "stack-out-of-bounds", (void)((volatile char *)stack_array)[HIDE(-1)]);
}

static char global_array[10];

/* The kernel's globals are registered by do_ctors(): a red zone after each, named in reports. */
static void global_oob(struct kunit *test)
{
	struct kasan_expectation e;

	KASAN_EXPECT_NONE(test, ((volatile char *)global_array)[HIDE(9)] = 'x');
	KASAN_EXPECT_REPORT(test, &e, "global-out-of-bounds",
			    (void)((volatile char *)global_array)[HIDE(ARRAY_SIZE(global_array) + 3)]);
	KUNIT_EXPECT_STREQ(test, e.variable, "global_array");
}

/* ---- the C library's memory and string functions ---- */

static void memset_oob(struct kunit *test)
{
	char *p = kmalloc(24, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 'a', 24);
	KASAN_EXPECT(test, "slab-out-of-bounds", memset(HIDE(p), 0, HIDE(25)));
	KUNIT_EXPECT_EQ(test, p[0], 'a');	/* not done */
	kfree(p);
}

static void memcpy_oob(struct kunit *test)
{
	char *src = kmalloc(64, GFP_KERNEL), *dst = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	memset(src, 's', 64);
	memset(dst, 'd', 64);
	KASAN_EXPECT(test, "slab-out-of-bounds", memcpy(HIDE(dst), HIDE(src), HIDE(65)));
	KUNIT_EXPECT_EQ(test, dst[0], 'd');
	KASAN_EXPECT(test, "slab-out-of-bounds", memmove(HIDE(dst + 1), HIDE(src), HIDE(64)));
	kfree(src);
	kfree(dst);
}

static void strcpy_oob(struct kunit *test)
{
	static const char long_string[] = "twenty-one characters";
	char *p = kmalloc(21, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT(test, "slab-out-of-bounds", strcpy(HIDE(p), long_string));
	memset(p, 'x', 21);	/* no NUL inside the object */
	KASAN_EXPECT(test, "slab-out-of-bounds", (void)strlen(HIDE(p)));
	kfree(p);
}

static void kmemdup_oob(struct kunit *test)
{
	char *p = kmalloc(40, GFP_KERNEL), *q = NULL;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KASAN_EXPECT(test, "slab-out-of-bounds", q = kmemdup(HIDE(p), 41, GFP_KERNEL));
	kfree(q);
	kfree(p);
}

/* ---- per-CPU and DMA ---- */

struct twelve { u32 w[3]; };

static void percpu_oob(struct kunit *test)
{
	struct twelve __percpu *pc = alloc_percpu(struct twelve);
	unsigned int cpu;

	KUNIT_ASSERT_NOT_NULL(test, (void __force *)pc);
	for_each_possible_cpu(cpu)
		KASAN_EXPECT_NONE(test, per_cpu_ptr(pc, cpu)->w[2] = cpu);
	cpu = HIDE(num_possible_cpus() - 1);
	KASAN_EXPECT(test, "percpu-out-of-bounds",
		     (void)((volatile char *)per_cpu_ptr(pc, cpu))[HIDE(sizeof(struct twelve))]);
	free_percpu(pc);
}

static u64 dma_test_mask = DMA_BIT_MASK(32);
static struct device kasan_dma_dev = {
	.init_name = "kasan-kunit",
	.driver_name = "kunit",
	.dma_mask = &dma_test_mask,
	.coherent_dma_mask = DMA_BIT_MASK(32),
};

/* A buffer one byte short for what the device is told to write. */
static void dma_map_oob(struct kunit *test)
{
	char *buf = kmalloc(63, GFP_KERNEL);
	dma_addr_t dma = DMA_MAPPING_ERROR;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KASAN_EXPECT(test, "slab-out-of-bounds",
		     dma = dma_map_single(&kasan_dma_dev, buf, 64, DMA_FROM_DEVICE));
	if (!dma_mapping_error(&kasan_dma_dev, dma))
		dma_unmap_single(&kasan_dma_dev, dma, 64, DMA_FROM_DEVICE);
	kfree(buf);
}

static void dma_coherent_oob(struct kunit *test)
{
	dma_addr_t dma;
	char *buf = dma_alloc_coherent(&kasan_dma_dev, 100, &dma, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KASAN_EXPECT_NONE(test, ((volatile char *)buf)[HIDE(99)] = 'x');
	KASAN_EXPECT(test, "vmalloc-out-of-bounds", (void)((volatile char *)buf)[HIDE(100)]);
	dma_free_coherent(&kasan_dma_dev, 100, buf, dma);
}

/* ---- addresses without a shadow ---- */

static void null_ptr_deref(struct kunit *test)
{
	struct fault_record rec;
	int faulted = 0;

	KASAN_EXPECT(test, "null-ptr-deref",
		     faulted = arm_run_expecting_fault(read_byte, HIDE((void *)NULL) + 8, &rec));
	KUNIT_EXPECT_EQ(test, faulted, 1);
}

static void wild_memory_access(struct kunit *test)
{
	struct fault_record rec;
	int faulted = 0;

	KASAN_EXPECT(test, "wild-memory-access",
		     faulted = arm_run_expecting_fault(read_byte, HIDE((void *)0x10000000), &rec));
	KUNIT_EXPECT_EQ(test, faulted, 1);
}

/* The shadow has no shadow: reading it is a wild access, not a recursion. */
static void shadow_access(struct kunit *test)
{
	KASAN_EXPECT(test, "wild-memory-access",
		     (void)*(volatile char *)HIDE(kasan_mem_to_shadow(global_array)));
}

/* ---- the reports themselves ---- */

/* The same bug in a loop: reported at most once, the rest counted as suppressed. */
static void report_storm(struct kunit *test)
{
	char *p = kmalloc(8, GFP_KERNEL);
	int before = atomic_read(&kasan_nr_reports), dropped = atomic_read(&kasan_nr_suppressed);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_expect_fault_begin(test);
	for (i = 0; i < 100; i++)
		(void)((volatile char *)p)[HIDE(8)];
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_LE(test, atomic_read(&kasan_nr_reports) - before, 1);
	KUNIT_EXPECT_GE(test, atomic_read(&kasan_nr_suppressed) - dropped, 99);
	kfree(p);
}

static void disable_current(struct kunit *test)
{
	char *p = kmalloc(8, GFP_KERNEL);
	int dropped = atomic_read(&kasan_nr_suppressed);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kasan_disable_current();
	KASAN_EXPECT_NONE(test, (void)((volatile char *)p)[HIDE(8)]);
	kasan_enable_current();
	KUNIT_EXPECT_EQ(test, atomic_read(&kasan_nr_suppressed) - dropped, 1);
	kfree(p);
}

static struct kunit_case kasan_cases[] = {
	KUNIT_CASE(kmalloc_oob_right),
	KUNIT_CASE(kmalloc_oob_right_far),
	KUNIT_CASE(kmalloc_oob_left),
	KUNIT_CASE(kmalloc_oob_16),
	KUNIT_CASE(krealloc_more_oob),
	KUNIT_CASE(krealloc_less_oob),
	KUNIT_CASE(krealloc_uaf),
	KUNIT_CASE(kmalloc_uaf),
	KUNIT_CASE(kmalloc_double_free),
	KUNIT_CASE(kmalloc_invalid_free),
	KUNIT_CASE(kmem_cache_ctor_oob),
	KUNIT_CASE(kmalloc_large_oob_right),
	KUNIT_CASE(kmalloc_large_uaf),
	KUNIT_CASE(page_alloc_oob_right),
	KUNIT_CASE(page_alloc_uaf),
	KUNIT_CASE(kmap_page),
	KUNIT_CASE(vmalloc_oob),
	KUNIT_CASE(vmalloc_uaf),
	KUNIT_CASE(stack_oob),
	KUNIT_CASE(stack_oob_left),
	KUNIT_CASE(global_oob),
	KUNIT_CASE(memset_oob),
	KUNIT_CASE(memcpy_oob),
	KUNIT_CASE(strcpy_oob),
	KUNIT_CASE(kmemdup_oob),
	KUNIT_CASE(percpu_oob),
	KUNIT_CASE(dma_map_oob),
	KUNIT_CASE(dma_coherent_oob),
	KUNIT_CASE(null_ptr_deref),
	KUNIT_CASE(wild_memory_access),
	KUNIT_CASE(shadow_access),
	KUNIT_CASE(report_storm),
	KUNIT_CASE(disable_current),
	{}
};

static struct kunit_suite kasan_suite = {
	.name = "kasan",
	.suite_init = kasan_suite_init,
	.test_cases = kasan_cases,
};
kunit_test_suite(kasan_suite);
