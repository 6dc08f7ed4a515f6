/*
 * KUnit suite "ioremap": the console UART through a fresh ioremap and through
 * the early mapping, unaligned and multi-page ranges, and what ioremap refuses.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/memory.h>
#include <string.h>
#include <mica/board.h>
#include <mica/console.h>
#include <mica/kunit.h>
#include <mica/mm_check.h>
#include "vmalloc_internal.h"

static void expect_area_ok(struct kunit *test)
{
	char why[128];

	if (vmalloc_check(why, sizeof(why)))
		KUNIT_FAIL(test, "vmalloc areas broken: %s", why);
}

#define UARTILPR 0x20	/* IrDA low-power divisor: harmless to write */
#define UARTCR   0x30

/* The console UART through a fresh ioremap and through the early mapping. */
static void uart_through_ioremap(struct kunit *test)
{
	const char *msg = "# ioremap'd UART works\n";
	unsigned long cursor = 0;
	struct vm_struct vm;
	bool listed = false;
	void __iomem *uart;
	u32 saved;

	if (strcmp(board.uart_type, "pl011"))
		kunit_skip(test, "register checks are for the PL011");
	uart = ioremap(board.uart_base, PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, (void __force *)uart);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr((void __force *)uart));
	KUNIT_EXPECT_EQ(test, readl(uart + UARTCR), readl(console_base + UARTCR));
	saved = readl(console_base + UARTILPR);
	writel(0x5a, uart + UARTILPR);
	KUNIT_EXPECT_EQ(test, readl(console_base + UARTILPR), 0x5a);
	writel(saved, uart + UARTILPR);
	/* A line the user sees, unless the run keeps the console to one line per suite. */
	for (; *msg && !READ_ONCE(console_quiet); msg++) {
		if (*msg == '\n')
			console_ops->putc(uart, '\r');
		console_ops->putc(uart, *msg);
	}
	while (vm_area_next(&cursor, &vm)) {
		if (vm.addr != (void __force *)uart)
			continue;
		listed = true;
		KUNIT_EXPECT_EQ(test, vm.phys_addr, board.uart_base);
		KUNIT_EXPECT_TRUE(test, vm.flags & VM_IOREMAP);
		KUNIT_EXPECT_EQ(test, vm.size, 2 * PAGE_SIZE);
	}
	KUNIT_EXPECT_TRUE(test, listed);
	iounmap(uart);
	KUNIT_EXPECT_NULL(test, find_vm_area((void __force *)uart));
	iounmap(uart);			/* twice: reported */
}

static void unaligned_and_multi_page(struct kunit *test)
{
	phys_addr_t phys = board.uart_base + 0x18;
	void __iomem *fr = ioremap(phys, 4);
	void __iomem *span = ioremap_nocache(board.uart_base + PAGE_SIZE - 8, 16);

	KUNIT_ASSERT_NOT_NULL(test, (void __force *)fr);
	KUNIT_ASSERT_NOT_NULL(test, (void __force *)span);
	KUNIT_EXPECT_EQ(test, (unsigned long __force)fr & ~PAGE_MASK, 0x18);
	KUNIT_EXPECT_EQ(test, readl(fr), readl(console_base + 0x18));
	/* 16 bytes across a page boundary: two pages plus the guard. */
	KUNIT_EXPECT_EQ(test, find_vm_area((void *)((unsigned long __force)span & PAGE_MASK))->size,
			3 * PAGE_SIZE);
	iounmap(fr);
	iounmap(span);
	expect_area_ok(test);
}

static void refusals(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, (void __force *)ioremap(memblock_start_of_DRAM(), PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, (void __force *)ioremap(0x10000000, 0));
	/* The early console's section is static: it stays. */
	iounmap((void __iomem *)EARLY_IO_VIRT);
	KUNIT_EXPECT_NOT_NULL(test, find_vm_area((void *)EARLY_IO_VIRT));
	expect_area_ok(test);
}

static struct kunit_case ioremap_cases[] = {
	KUNIT_CASE(uart_through_ioremap),
	KUNIT_CASE(unaligned_and_multi_page),
	KUNIT_CASE(refusals),
	{}
};

static struct kunit_suite ioremap_suite = {
	.name = "ioremap",
	.test_cases = ioremap_cases,
};
kunit_test_suite(ioremap_suite);
