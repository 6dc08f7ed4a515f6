/*
 * Console core: picks the board's UART driver, maps it early through a
 * fixed 1 MiB section (the only fixed device mapping in the kernel), and
 * writes to it polled.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <string.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <mica/board.h>
#include <mica/console.h>

extern const struct uart_ops *const __start_uart_drivers[], *const __stop_uart_drivers[];

void __iomem *console_base;
const struct uart_ops *console_ops;
/* The fixed section, reserved in the vmalloc window and shown by vmallocinfo. */
static struct vm_struct early_console_vm;

void early_console_init(void)
{
	const struct uart_ops *const *drv;
	phys_addr_t section = board.uart_base & ~(SECTION_SIZE - 1);

	for (drv = __start_uart_drivers; drv < __stop_uart_drivers; drv++)
		if (!strcmp((*drv)->name, board.uart_type))
			console_ops = *drv;
	if (!console_ops)
		return;		/* nothing to print on: keep going silently */
	early_map_device_section(EARLY_IO_VIRT, section);
	early_console_vm.addr = (void *)EARLY_IO_VIRT;
	early_console_vm.size = SECTION_SIZE;
	early_console_vm.flags = VM_IOREMAP | VM_NO_GUARD;
	early_console_vm.phys_addr = section;
	early_console_vm.caller = early_console_init;
	vm_area_add_early(&early_console_vm);
	console_base = (void __iomem *)(EARLY_IO_VIRT + (board.uart_base - section));
	console_ops->init(console_base);
}

void console_write(const char *s, size_t n)
{
	if (!console_ops)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			console_ops->putc(console_base, '\r');
		console_ops->putc(console_base, s[i]);
	}
}
