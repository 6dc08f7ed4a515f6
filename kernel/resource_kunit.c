/*
 * KUnit suite "resource": claims on a private tree (overlaps refused in
 * every position, neighbours allowed, nesting inside a region that is not
 * busy, release only of exactly what was claimed), and on the real
 * iomem_resource: RAM, the kernel and the console UART are taken, as the
 * `iomem` command shows.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <mica/board.h>
#include <mica/kunit.h>

static struct resource root = { .name = "test bus", .start = 0x10000, .end = 0x1ffff,
				.flags = IORESOURCE_MEM };

static void claim_and_release(struct kunit *test)
{
	struct resource *a, *b;

	a = __request_region(&root, 0x10000, 0x1000, "a", 0);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, a->start, 0x10000);
	KUNIT_EXPECT_EQ(test, a->end, 0x10fff);
	KUNIT_EXPECT_EQ(test, resource_size(a), 0x1000);
	KUNIT_EXPECT_TRUE(test, a->flags & IORESOURCE_BUSY);
	KUNIT_EXPECT_EQ(test, resource_type(a), IORESOURCE_MEM);
	KUNIT_EXPECT_PTR_EQ(test, a->parent, &root);
	b = __request_region(&root, 0x11000, 0x1000, "b", 0);	/* right next to it */
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_EQ(test, root.child, a);		/* sorted by start */
	KUNIT_EXPECT_PTR_EQ(test, a->sibling, b);
	__release_region(&root, 0x10000, 0x1000);
	__release_region(&root, 0x11000, 0x1000);
	KUNIT_EXPECT_NULL(test, root.child);
}

/* Misuse: every kind of overlap, and ranges that cannot be, are refused. */
static void conflicts_refused(struct kunit *test)
{
	struct resource *a = __request_region(&root, 0x14000, 0x2000, "a", 0);

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x14000, 0x2000, "same", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x13fff, 2, "first byte", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x15fff, 2, "last byte", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x14800, 0x10, "inside", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x13000, 0x4000, "around", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x1f000, 0x2000, "past the end", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x0f000, 0x2000, "before the start", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x18000, 0, "empty", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&iomem_resource, 0xfffff000, 0x2000, "wraps", 0));
	KUNIT_EXPECT_PTR_EQ(test, root.child, a);
	KUNIT_EXPECT_NULL(test, a->sibling);
	__release_region(&root, 0x14000, 0x2000);
}

/* A region that is not busy (a bus) takes claims inside it; a busy one does not. */
static void nesting(struct kunit *test)
{
	struct resource bus = { .name = "sub-bus", .start = 0x18000, .end = 0x18fff,
				.flags = IORESOURCE_MEM };
	struct resource *dev, *inner;

	KUNIT_ASSERT_EQ(test, request_resource(&root, &bus), 0);
	KUNIT_EXPECT_EQ(test, request_resource(&root, &bus), -EBUSY);	/* already there */
	dev = __request_region(&root, 0x18100, 0x100, "device", 0);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_EXPECT_PTR_EQ(test, dev->parent, &bus);
	inner = __request_region(&root, 0x18140, 0x10, "inside the device", 0);
	KUNIT_EXPECT_NULL(test, inner);
	/* Partly on the bus, partly outside: no nesting. */
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x18f00, 0x200, "straddles", 0));
	KUNIT_EXPECT_EQ(test, release_resource(&bus), -EINVAL);	/* it has a child */
	__release_region(&root, 0x18100, 0x100);
	KUNIT_EXPECT_EQ(test, release_resource(&bus), 0);
	KUNIT_EXPECT_NULL(test, root.child);
}

/* Releasing what was not claimed, or only part of it, changes nothing. */
static void bad_release(struct kunit *test)
{
	struct resource *a = __request_region(&root, 0x1a000, 0x1000, "a", 0);

	KUNIT_ASSERT_NOT_NULL(test, a);
	__release_region(&root, 0x1a000, 0x800);	/* part of it */
	__release_region(&root, 0x1b000, 0x1000);	/* nothing there */
	KUNIT_EXPECT_PTR_EQ(test, root.child, a);
	__release_region(&root, 0x1a000, 0x1000);
	KUNIT_EXPECT_NULL(test, root.child);
}

static void iomem_has_ram_kernel_and_console(struct kunit *test)
{
	phys_addr_t ram = memblock_start_of_DRAM();
	struct resource *r;

	KUNIT_EXPECT_NULL(test, request_mem_region(ram + 0x100000, PAGE_SIZE, "over RAM"));
	KUNIT_EXPECT_NULL(test, request_mem_region(__pa(_text), PAGE_SIZE, "over the kernel"));
	KUNIT_EXPECT_NULL(test, request_mem_region(board.uart_base, 4, "over the console"));
	for (r = iomem_resource.child; r && !(r->start <= ram && r->end >= ram); r = r->sibling)
		;
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_STREQ(test, r->name, "System RAM");
	KUNIT_ASSERT_NOT_NULL(test, r->child);
	KUNIT_EXPECT_STREQ(test, r->child->name, "Kernel code");
	/* Free address space can be claimed (and given back). */
	r = request_mem_region(0xfff00000, 0x100, "kunit");
	KUNIT_EXPECT_NOT_NULL(test, r);
	if (r)
		release_mem_region(0xfff00000, 0x100);
	r = request_region(0x3f8, 8, "kunit serial");
	KUNIT_EXPECT_NOT_NULL(test, r);
	KUNIT_EXPECT_NULL(test, request_region(0x3fc, 8, "overlap"));
	if (r)
		release_region(0x3f8, 8);
	KUNIT_EXPECT_NULL(test, request_region(0xfffe, 8, "beyond the ports"));
}

static struct kunit_case resource_cases[] = {
	KUNIT_CASE(claim_and_release),
	KUNIT_CASE(conflicts_refused),
	KUNIT_CASE(nesting),
	KUNIT_CASE(bad_release),
	KUNIT_CASE(iomem_has_ram_kernel_and_console),
	{}
};
static struct kunit_suite resource_suite = { .name = "resource", .test_cases = resource_cases };
kunit_test_suite(resource_suite);
