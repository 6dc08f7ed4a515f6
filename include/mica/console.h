/*
 * The serial console. A UART driver registers its operations with
 * UART_DRIVER(); the board names the one it uses. Output is polled (it must
 * work from an oops with interrupts off); input arrives by interrupt into a
 * ring buffer that console_getc() reads.
 */
#ifndef _MICA_CONSOLE_H
#define _MICA_CONSOLE_H

#include <linux/types.h>

struct uart_ops {
	const char *name;				/* matches board.uart_type */
	unsigned long reg_size;				/* bytes of registers, claimed in iomem */
	void (*init)(void __iomem *base);		/* 115200 8N1, FIFOs on */
	void (*putc)(void __iomem *base, char c);	/* polled */
	int (*getc)(void __iomem *base);		/* -1 when nothing waits */
	void (*rx_irq_enable)(void __iomem *base, bool on);
	void (*rx_irq_ack)(void __iomem *base);
};

#define UART_DRIVER(ops) \
	static const struct uart_ops *const __uart_drv_##ops __used \
	__section("uart_drivers") __aligned(4) = &(ops)

void early_console_init(void);
/* Write to the console, polled; "\n" becomes "\r\n". Safe in any context. */
void console_write(const char *s, size_t n);
/* Boot CPU, after init_IRQ: take input by interrupt from now on. 0 or -errno. */
int console_rx_init(void);
/* Bytes of input lost because nobody read them before the buffer filled. */
unsigned long console_rx_dropped(void);
/* Blocking read of one byte of console input. */
int console_getc(void);
/* One byte of console input, or -1 at once if none is waiting. */
int console_trygetc(void);
/*
 * The same for a stopped kernel (panic): never waits for a lock a dead
 * CPU may hold; -1 at once when there is no console.
 */
int console_emergency_getc(void);
/* One byte of console input, or -ETIMEDOUT after @timeout_ms (binary transfers). */
int console_getc_timeout(unsigned int timeout_ms);
/* The console UART's registers and driver (for the interrupt set-up). */
extern void __iomem *console_base;
extern const struct uart_ops *console_ops;

#endif
