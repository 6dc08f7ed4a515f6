/*
 * Console core: picks the board's UART driver, maps it early through a
 * fixed 1 MiB section (the only fixed device mapping in the kernel), and
 * writes to it polled. Input arrives by interrupt (once console_rx_init()
 * ran) into a ring that console_getc() reads, sleeping on a wait queue the
 * interrupt wakes; before that, or where sleeping is not allowed (early
 * boot, interrupts off), reads poll the UART.
 *
 * Typed-ahead input is kept: what waits in the UART before its set-up
 * (which may reset its FIFO) goes into the ring first, and the ring holds
 * 4 KiB, which the interrupt fills while the boot's self-tests run. When
 * it is full a whole line is dropped, never half of one, and the log says
 * so.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <mica/byte_ring.h>
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

/*
 * A power of two; room for a screenful typed ahead during boot, and more
 * than a 1 KiB YMODEM block with its framing: the sender waits for an ACK
 * after each block, so `loady` never loses a byte to a full ring however
 * late its task runs.
 */
#define CONSOLE_RX_SIZE 4096
static u8 rx_buf[CONSOLE_RX_SIZE];
static struct byte_ring rx_ring = BYTE_RING_INIT(rx_buf);
static DEFINE_SPINLOCK(rx_lock);	/* the ring and the UART's receive side */
static bool rx_irq_on;
static char rx_irq_name[24];
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);

/* Move what the UART holds into the ring: the bytes read; *@lost if a typed line was dropped. */
static unsigned int rx_drain_uart(bool *lost)
{
	unsigned int n = 0;
	int c;

	while ((c = console_ops->getc(console_base)) >= 0) {
		*lost |= byte_ring_put_line(&rx_ring, c) == BYTE_RING_LINE_DROPPED;
		n++;
	}
	return n;
}

void early_console_init(void)
{
	const struct uart_ops *const *drv;
	bool lost = false;
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
	/* Bytes typed before the kernel ran: their FIFO may not survive the set-up. */
	rx_drain_uart(&lost);
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

static irqreturn_t console_rx_interrupt(int irq, void *dev_id)
{
	bool lost = false;
	unsigned int got;

	/* Acknowledge first: a byte that lands after the drain raises it again. */
	console_ops->rx_irq_ack(console_base);
	spin_lock(&rx_lock);
	got = rx_drain_uart(&lost);
	spin_unlock(&rx_lock);
	if (lost)
		pr_warn("console: input overflow: a typed line was dropped\n");
	if (got)
		wake_up_interruptible(&rx_wait);
	return got ? IRQ_HANDLED : IRQ_NONE;
}

int console_rx_init(void)
{
	int ret;

	if (!console_ops || !console_ops->rx_irq_enable || !console_ops->rx_irq_ack)
		return -ENODEV;
	snprintf(rx_irq_name, sizeof(rx_irq_name), "uart-%s", console_ops->name);
	/* Its registers, in iomem (mapped long before, by the early console). */
	if (!request_mem_region(board.uart_base, console_ops->reg_size, rx_irq_name))
		pr_warn("console: registers at 0x%08lx already claimed\n",
			(unsigned long)board.uart_base);
	ret = request_irq(board.uart_irq, console_rx_interrupt, 0, rx_irq_name, &rx_ring);
	if (ret)
		return ret;
	WRITE_ONCE(rx_irq_on, true);
	console_ops->rx_irq_enable(console_base, true);
	return 0;
}

/* Oldest byte: from the ring, else (when @poll) straight from the UART. Keeps order. */
static int rx_get(bool poll)
{
	unsigned long flags;
	int c;

	spin_lock_irqsave(&rx_lock, flags);
	c = byte_ring_get(&rx_ring);
	if (c < 0 && poll)
		c = console_ops->getc(console_base);
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

/* Without the interrupt (not set up, or masked on this CPU), nobody fills the ring. */
static bool must_poll(unsigned long irqflags)
{
	return !READ_ONCE(rx_irq_on) || irqs_disabled_flags(irqflags);
}

int console_trygetc(void)
{
	unsigned long flags;

	if (!console_ops)
		return -1;
	local_save_flags(flags);
	return rx_get(must_poll(flags));
}

int console_emergency_getc(void)
{
	int c = -1;

	if (!console_ops)
		return -1;
	if (spin_trylock(&rx_lock)) {
		c = byte_ring_get(&rx_ring);
		spin_unlock(&rx_lock);
	}
	return c >= 0 ? c : console_ops->getc(console_base);
}

/* A task may sleep for input: the interrupt fills the ring and the scheduler runs. */
static bool can_sleep_for_input(void)
{
	return READ_ONCE(rx_irq_on) && scheduler_running && system_state >= SYSTEM_SCHEDULING &&
	       !in_atomic() && !irqs_disabled();
}

int console_getc(void)
{
	unsigned long flags;
	int c;

	if (!console_ops)
		for (;;)
			wfi();	/* no console: nothing will ever come */
	while (can_sleep_for_input()) {
		if (!wait_event_interruptible(rx_wait, (c = rx_get(false)) >= 0))
			return c;
		/* No user space to deliver a signal to: drop it and go on reading. */
		flush_signals(current);
	}
	for (;;) {
		local_irq_save(flags);
		c = rx_get(must_poll(flags));
		/*
		 * Sleep until an interrupt, with interrupts masked so that one
		 * arriving after the check still ends the WFI; it is taken on
		 * restore. The UART's interrupt goes to one CPU: elsewhere the
		 * tick wakes us within a jiffy.
		 */
		if (c < 0 && !must_poll(flags))
			wfi();
		local_irq_restore(flags);
		if (c >= 0)
			return c;
	}
}

int console_getc_timeout(unsigned int timeout_ms)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
	unsigned long flags;
	int c = -1;

	if (!console_ops)
		return -ENODEV;
	while (can_sleep_for_input()) {
		long left = (long)(deadline - jiffies);

		if (left <= 0)
			return -ETIMEDOUT;
		if (wait_event_interruptible_timeout(rx_wait, (c = rx_get(false)) >= 0, left) > 0)
			return c;
		flush_signals(current);
	}
	/* Polled (early, or interrupts off): the tick may not run, so count reads instead. */
	for (unsigned long spins = 0; c < 0; spins++) {
		local_irq_save(flags);
		c = rx_get(must_poll(flags));
		local_irq_restore(flags);
		if (c < 0 && (time_after(jiffies, deadline) || spins > timeout_ms * 1000UL))
			return -ETIMEDOUT;
		if (c < 0)
			udelay(1);
	}
	return c;
}

unsigned long console_rx_dropped(void)
{
	return READ_ONCE(rx_ring.dropped);
}
