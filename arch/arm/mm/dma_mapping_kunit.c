/*
 * KUnit suite "dma_mapping": coherent memory (uncached, zeroed, from
 * ZONE_DMA for a narrow mask), streaming maps of lowmem, highmem and sg
 * lists, the data next to a partly mapped cache line surviving an
 * invalidation, dma_pool's alignment and boundary rules, and the misuse
 * reports (each must count exactly one error). QEMU does not model
 * caches, so what the cache maintenance achieves is only observable on
 * hardware; here it runs, and its bookkeeping is checked.
 * An invariant checked around every suite: no streaming mapping left over.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/dma-mapping.h>
#include <linux/dma-debug.h>
#include <linux/dmapool.h>
#include <string.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <mica/kunit.h>

static u64 test_mask;
static struct device test_dev = {
	.init_name = "dma-kunit",
	.driver_name = "kunit",
	.dma_mask = &test_mask,
};

static int dma_mapping_init(struct kunit *test)
{
	test_mask = DMA_BIT_MASK(32);
	test_dev.coherent_dma_mask = DMA_BIT_MASK(32);
	return 0;
}

static bool pte_is_normal_uncached(const void *va)
{
	u32 pte = kernel_pte_val((unsigned long)va);

	return (pte & (PTE_TEX(7) | PTE_C | PTE_B)) == PTE_TEX(1);
}

static void coherent_is_uncached_and_zeroed(struct kunit *test)
{
	size_t size = 3 * PAGE_SIZE + 5, i;
	unsigned int entries = dma_debug_device_entries(&test_dev);
	dma_addr_t handle;
	u8 *cpu = dma_alloc_coherent(&test_dev, size, &handle, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cpu);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(cpu));
	KUNIT_EXPECT_EQ(test, handle & (PAGE_SIZE - 1), 0);
	for (i = 0; i < size; i += PAGE_SIZE) {
		KUNIT_EXPECT_EQ(test, vmalloc_to_pfn(cpu + i), PHYS_PFN(handle + i));
		KUNIT_EXPECT_TRUE(test, pte_is_normal_uncached(cpu + i));
	}
	for (i = 0; i < size && !cpu[i]; i++)
		;
	KUNIT_EXPECT_EQ(test, i, size);
	KUNIT_EXPECT_EQ(test, dma_debug_device_entries(&test_dev), entries + 1);
	dma_free_coherent(&test_dev, size, cpu, handle);
	KUNIT_EXPECT_EQ(test, dma_debug_device_entries(&test_dev), entries);

	cpu = dma_alloc_wc(&test_dev, PAGE_SIZE, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpu);
	KUNIT_EXPECT_TRUE(test, pte_is_normal_uncached(cpu));
	dma_free_wc(&test_dev, PAGE_SIZE, cpu, handle);
}

static void narrow_mask_gets_zone_dma(struct kunit *test)
{
	phys_addr_t limit = arm_dma_zone_limit();
	dma_addr_t handle[4];
	void *cpu[4];
	int i;

	if (!has_managed_dma())
		kunit_skip(test, "no ZONE_DMA (dma_zone=0)");
	KUNIT_EXPECT_EQ(test, dma_set_coherent_mask(&test_dev, limit - 1), -EIO);
	KUNIT_EXPECT_EQ(test, dma_set_mask(&test_dev, limit - 1), -EIO);
	KUNIT_ASSERT_EQ(test, dma_set_coherent_mask(&test_dev, limit), 0);
	for (i = 0; i < 4; i++) {
		cpu[i] = dma_alloc_coherent(&test_dev, 64 << 10, &handle[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, cpu[i]);
		KUNIT_EXPECT_LE(test, handle[i] + (64 << 10) - 1, limit);
		KUNIT_EXPECT_EQ(test, page_zonenum(phys_to_page(handle[i])), ZONE_DMA);
	}
	for (i = 0; i < 4; i++)
		dma_free_coherent(&test_dev, 64 << 10, cpu[i], handle[i]);
}

/* A FROM_DEVICE map and unmap of [3, 5003) must not lose CPU writes next to it. */
/* As Linux 3.x/ARM: no device is a 32-bit mask; a device without a mask gets nothing. */
static void null_device_and_unset_mask(struct kunit *test)
{
	struct device no_mask = { .init_name = "no-mask", .driver_name = "kunit" };
	size_t size = 2 * PAGE_SIZE;
	dma_addr_t handle, single;
	u8 *buf = kmalloc(64, GFP_KERNEL);
	void *cpu = dma_alloc_coherent(NULL, size, &handle, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cpu);
	KUNIT_EXPECT_TRUE(test, pte_is_normal_uncached(cpu));
	KUNIT_EXPECT_EQ(test, vmalloc_to_pfn(cpu), PHYS_PFN(handle));
	KUNIT_EXPECT_LE(test, (u64)handle + size - 1, DMA_BIT_MASK(32));
	dma_free_coherent(NULL, size, cpu, handle);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	single = dma_map_single(NULL, buf, 64, DMA_TO_DEVICE);
	KUNIT_EXPECT_FALSE(test, dma_mapping_error(NULL, single));
	KUNIT_EXPECT_EQ(test, single, virt_to_phys(buf));
	dma_unmap_single(NULL, single, 64, DMA_TO_DEVICE);
	kfree(buf);

	KUNIT_EXPECT_NULL(test, dma_alloc_coherent(&no_mask, size, &handle, GFP_KERNEL));
}

static void map_single_keeps_neighbours(struct kunit *test)
{
	unsigned int errors = dma_debug_error_count(), i;
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	u8 *buf;
	dma_addr_t dma;

	KUNIT_ASSERT_NOT_NULL(test, page);
	buf = page_address(page);
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		buf[i] = (u8)i;
	dma = dma_map_single(&test_dev, buf + 3, 5000, DMA_FROM_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&test_dev, dma), 0);
	KUNIT_EXPECT_EQ(test, dma, __pa(buf + 3));
	dma_sync_single_for_cpu(&test_dev, dma + 100, 200, DMA_FROM_DEVICE);
	dma_sync_single_for_device(&test_dev, dma + 100, 200, DMA_FROM_DEVICE);
	dma_unmap_single(&test_dev, dma, 5000, DMA_FROM_DEVICE);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, buf[i], (u8)i);
	for (i = 5003; i < 5003 + 64; i++)
		KUNIT_EXPECT_EQ(test, buf[i], (u8)i);
	KUNIT_EXPECT_EQ(test, dma_debug_error_count(), errors);
	__free_pages(page, 1);
}

static void map_page_highmem_and_beyond_mask(struct kunit *test)
{
	unsigned int errors = dma_debug_error_count();
	struct page *page = alloc_page(GFP_HIGHUSER);
	dma_addr_t dma;

	KUNIT_ASSERT_NOT_NULL(test, page);
	dma = dma_map_page(&test_dev, page, 16, 1000, DMA_BIDIRECTIONAL);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&test_dev, dma), 0);
	KUNIT_EXPECT_EQ(test, dma, page_to_phys(page) + 16);
	dma_unmap_page(&test_dev, dma, 1000, DMA_BIDIRECTIONAL);

	/* A device that reaches only ZONE_DMA cannot be handed this page (no bounce buffers). */
	if (page_to_phys(page) > arm_dma_zone_limit()) {
		KUNIT_ASSERT_EQ(test, dma_set_mask(&test_dev, arm_dma_zone_limit()), 0);
		dma = dma_map_page(&test_dev, page, 0, 64, DMA_TO_DEVICE);
		KUNIT_EXPECT_TRUE(test, dma_mapping_error(&test_dev, dma) != 0);
		KUNIT_EXPECT_EQ(test, dma_debug_error_count(), errors + 1);
	}
	__free_page(page);
}

static void map_sg_round_trip(struct kunit *test)
{
	unsigned int entries = dma_debug_streaming_entries();
	struct scatterlist sg[3];
	struct page *pages[3];
	int i;

	sg_init_table(sg, 3);
	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(i == 2 ? GFP_HIGHUSER : GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		sg_set_page(&sg[i], pages[i], 100 * (i + 1), 8 * i);
	}
	KUNIT_ASSERT_EQ(test, dma_map_sg(&test_dev, sg, 3, DMA_TO_DEVICE), 3);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[i]), page_to_phys(pages[i]) + 8 * i);
		KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[i]), 100 * (i + 1));
	}
	KUNIT_EXPECT_EQ(test, dma_debug_streaming_entries(), entries + 3);
	dma_sync_sg_for_cpu(&test_dev, sg, 3, DMA_TO_DEVICE);
	dma_unmap_sg(&test_dev, sg, 3, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_debug_streaming_entries(), entries);
	for (i = 0; i < 3; i++)
		__free_page(pages[i]);
}

/* Each misuse below must be reported exactly once. */
static void misuse_is_reported(struct kunit *test)
{
	static const char rodata_buf[64] = "rodata";
	unsigned int errors = dma_debug_error_count();
	struct page *page = alloc_page(GFP_KERNEL);
	u8 stack_buf[64], *buf, *vbuf;
	struct scatterlist sg[2];
	dma_addr_t dma, handle;
	void *cpu;

	KUNIT_ASSERT_NOT_NULL(test, page);
	buf = page_address(page);
#define EXPECT_REPORTED(n) KUNIT_EXPECT_EQ(test, dma_debug_error_count(), errors += (n))

	dma_unmap_single(&test_dev, __pa(buf), 64, DMA_TO_DEVICE);	/* never mapped */
	EXPECT_REPORTED(1);

	dma = dma_map_single(&test_dev, buf, 64, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&test_dev, dma), 0);
	dma_unmap_single(&test_dev, dma, 32, DMA_TO_DEVICE);		/* other size */
	EXPECT_REPORTED(1);

	dma = dma_map_single(&test_dev, buf, 64, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&test_dev, dma), 0);
	dma_unmap_single(&test_dev, dma, 64, DMA_FROM_DEVICE);		/* other direction */
	EXPECT_REPORTED(1);

	dma = dma_map_single(&test_dev, buf, 64, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&test_dev, dma), 0);
	dma_unmap_page(&test_dev, dma, 64, DMA_TO_DEVICE);		/* other function */
	EXPECT_REPORTED(1);

	dma = dma_map_single(&test_dev, buf, 64, DMA_TO_DEVICE);	/* not checked */
	dma_unmap_single(&test_dev, dma, 64, DMA_TO_DEVICE);
	EXPECT_REPORTED(1);

	dma = dma_map_single(&test_dev, buf, 64, DMA_FROM_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&test_dev, dma), 0);
	dma_sync_single_for_cpu(&test_dev, dma + 32, 64, DMA_FROM_DEVICE);	/* past the end */
	EXPECT_REPORTED(1);
	dma_sync_single_for_cpu(&test_dev, dma, 64, DMA_TO_DEVICE);	/* other direction */
	EXPECT_REPORTED(1);
	dma_unmap_single(&test_dev, dma, 64, DMA_FROM_DEVICE);
	dma_sync_single_for_device(&test_dev, dma, 64, DMA_FROM_DEVICE);	/* unmapped */
	EXPECT_REPORTED(1);

	vbuf = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, vbuf);
	dma = dma_map_single(&test_dev, vbuf, 64, DMA_TO_DEVICE);	/* not DMA-able: vmalloc */
	KUNIT_EXPECT_TRUE(test, dma_mapping_error(&test_dev, dma) != 0);
	EXPECT_REPORTED(1);
	vfree(vbuf);
	dma = dma_map_single(&test_dev, stack_buf, sizeof(stack_buf), DMA_TO_DEVICE);	/* stack */
	KUNIT_EXPECT_TRUE(test, dma_mapping_error(&test_dev, dma) != 0);
	EXPECT_REPORTED(1);
	dma = dma_map_single(&test_dev, (void *)rodata_buf, 64, DMA_TO_DEVICE);	/* rodata */
	KUNIT_EXPECT_TRUE(test, dma_mapping_error(&test_dev, dma) != 0);
	EXPECT_REPORTED(1);

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], buf, 100);
	sg_set_buf(&sg[1], buf + 200, 100);
	KUNIT_ASSERT_EQ(test, dma_map_sg(&test_dev, sg, 2, DMA_TO_DEVICE), 2);
	dma_unmap_sg(&test_dev, sg, 1, DMA_TO_DEVICE);			/* other count, twice */
	dma_unmap_sg(&test_dev, &sg[1], 1, DMA_TO_DEVICE);
	EXPECT_REPORTED(2);

	cpu = dma_alloc_coherent(&test_dev, PAGE_SIZE, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpu);
	dma_free_coherent(&test_dev, PAGE_SIZE, (u8 *)cpu + 4, handle);	/* other address */
	EXPECT_REPORTED(1);
	/* That free freed nothing (no area starts there) but dropped the record, as Linux does. */
	KUNIT_EXPECT_EQ(test, vmalloc_to_pfn(cpu), PHYS_PFN(handle));
	dma_free_coherent(&test_dev, PAGE_SIZE, cpu, handle);
	EXPECT_REPORTED(1);
	KUNIT_EXPECT_NULL(test, find_vm_area(cpu));
#undef EXPECT_REPORTED
	__free_page(page);
}

static void pool_blocks_aligned_and_bounded(struct kunit *test)
{
	struct dma_pool *pool = dma_pool_create("kunit", &test_dev, 48, 16, 256);
	static void *va[150];
	static dma_addr_t dma[150];
	void *a, *b;
	dma_addr_t da, db;
	int i, j;

	KUNIT_ASSERT_NOT_NULL(test, pool);
	for (i = 0; i < 150; i++) {
		va[i] = dma_pool_alloc(pool, GFP_KERNEL, &dma[i]);
		KUNIT_ASSERT_NOT_NULL(test, va[i]);
		KUNIT_EXPECT_EQ(test, dma[i] & 15, 0);
		KUNIT_EXPECT_EQ(test, dma[i] & ~255UL, (dma[i] + 47) & ~255UL);
		KUNIT_EXPECT_EQ(test, PFN_PHYS(vmalloc_to_pfn(va[i])) + ((unsigned long)va[i] & 4095),
				dma[i]);
		memset(va[i], i, 48);
	}
	for (i = 0; i < 150; i++)
		for (j = i + 1; j < 150; j++)
			if (dma[i] + 48 > dma[j] && dma[j] + 48 > dma[i])
				KUNIT_FAIL(test, "blocks %d and %d overlap", i, j);
	for (i = 0; i < 150; i++)
		KUNIT_EXPECT_EQ(test, ((u8 *)va[i])[47], (u8)i);
	for (i = 0; i < 150; i++)
		dma_pool_free(pool, va[i], dma[i]);

	/* A double free is refused: the block must not be handed out twice after it. */
	a = dma_pool_alloc(pool, GFP_KERNEL, &da);
	KUNIT_ASSERT_NOT_NULL(test, a);
	dma_pool_free(pool, a, da);
	dma_pool_free(pool, a, da);
	a = dma_pool_alloc(pool, GFP_KERNEL, &da);
	b = dma_pool_alloc(pool, GFP_KERNEL, &db);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	dma_pool_free(pool, a, da);
	dma_pool_free(pool, b, db);
	b = dma_pool_zalloc(pool, GFP_KERNEL, &db);
	KUNIT_ASSERT_NOT_NULL(test, b);
	for (i = 0; i < 48 && !((u8 *)b)[i]; i++)
		;
	KUNIT_EXPECT_EQ(test, i, 48);
	dma_pool_free(pool, b, db);
	dma_pool_destroy(pool);

	KUNIT_EXPECT_NULL(test, dma_pool_create("bad", &test_dev, 16, 3, 0));
	KUNIT_EXPECT_NULL(test, dma_pool_create("bad", &test_dev, 512, 8, 256));
}

static struct kunit_case dma_mapping_cases[] = {
	KUNIT_CASE(coherent_is_uncached_and_zeroed),
	KUNIT_CASE(narrow_mask_gets_zone_dma),
	KUNIT_CASE(null_device_and_unset_mask),
	KUNIT_CASE(map_single_keeps_neighbours),
	KUNIT_CASE(map_page_highmem_and_beyond_mask),
	KUNIT_CASE(map_sg_round_trip),
	KUNIT_CASE(misuse_is_reported),
	KUNIT_CASE(pool_blocks_aligned_and_bounded),
	{}
};

static struct kunit_suite dma_mapping_suite = {
	.name = "dma_mapping",
	.init = dma_mapping_init,
	.test_cases = dma_mapping_cases,
};
kunit_test_suite(dma_mapping_suite);

static unsigned int streaming_before;

static void streaming_snapshot(void)
{
	streaming_before = dma_debug_streaming_entries();
}

static int streaming_check(char *why, size_t len)
{
	unsigned int now = dma_debug_streaming_entries();

	if (now == streaming_before)
		return 0;
	snprintf(why, len, "%u streaming DMA mappings before, %u after", streaming_before, now);
	return 1;
}
KUNIT_INVARIANT(dma_streaming, "no DMA streaming mapping left", streaming_snapshot, streaming_check);
