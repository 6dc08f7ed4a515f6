/* ARM PrimeCell UART (PL011): polled output, interrupt-driven input. */
#include <linux/io.h>
#include <mica/console.h>

#define UARTDR    0x000
#define UARTFR    0x018
#define UARTIBRD  0x024
#define UARTFBRD  0x028
#define UARTLCR_H 0x02c
#define UARTCR    0x030
#define UARTIMSC  0x038
#define UARTICR   0x044

#define FR_RXFE   (1 << 4)
#define FR_TXFF   (1 << 5)
#define LCR_FEN   (1 << 4)
#define LCR_WLEN8 (3 << 5)
#define CR_UARTEN (1 << 0)
#define CR_TXE    (1 << 8)
#define CR_RXE    (1 << 9)
#define INT_RX    (1 << 4)
#define INT_RT    (1 << 6)

static void pl011_init(void __iomem *base)
{
	/* Keep the boot loader's baud rate if it enabled the UART already. */
	if (!(readl(base + UARTCR) & CR_UARTEN)) {
		writel(13, base + UARTIBRD);	/* 115200 from a 24 MHz clock */
		writel(1, base + UARTFBRD);
	}
	writel(LCR_WLEN8 | LCR_FEN, base + UARTLCR_H);
	writel(CR_UARTEN | CR_TXE | CR_RXE, base + UARTCR);
}

static void pl011_putc(void __iomem *base, char c)
{
	while (readl(base + UARTFR) & FR_TXFF)
		;
	writel((u8)c, base + UARTDR);
}

static int pl011_getc(void __iomem *base)
{
	if (readl(base + UARTFR) & FR_RXFE)
		return -1;
	return readl(base + UARTDR) & 0xff;
}

static void pl011_rx_irq_enable(void __iomem *base, bool on)
{
	writel(on ? (INT_RX | INT_RT) : 0, base + UARTIMSC);
}

static void pl011_rx_irq_ack(void __iomem *base)
{
	writel(INT_RX | INT_RT, base + UARTICR);
}

static const struct uart_ops pl011_ops = {
	.name = "pl011",
	.reg_size = 0x1000,
	.init = pl011_init,
	.putc = pl011_putc,
	.getc = pl011_getc,
	.rx_irq_enable = pl011_rx_irq_enable,
	.rx_irq_ack = pl011_rx_irq_ack,
};
UART_DRIVER(pl011_ops);
