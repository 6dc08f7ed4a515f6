/*
 * Samsung S3C/S5P/Exynos UART (Exynos4210/4412 "UARTn"): polled output,
 * interrupt-driven input, 115200 8N1 with the FIFOs on.
 *
 * Receive interrupts come when the RX FIFO reaches its trigger level or,
 * for fewer bytes, when the line has been idle for a few character times
 * (the RX timeout), so single keystrokes arrive at once. QEMU's model sends
 * each byte synchronously and never reports a full TX FIFO.
 */
#include <linux/io.h>
#include <mica/console.h>

#define ULCON     0x00
#define UCON      0x04
#define UFCON     0x08
#define UTRSTAT   0x10
#define UFSTAT    0x18
#define UTXH      0x20
#define URXH      0x24
#define UBRDIV    0x28
#define UFRACVAL  0x2c
#define UINTP     0x30
#define UINTM     0x38

#define ULCON_8N1         0x3		/* 8 data bits, 1 stop bit, no parity */

#define UCON_RX_IRQ_POLL  (1 << 0)	/* RX by interrupt or polling (not DMA) */
#define UCON_TX_IRQ_POLL  (1 << 2)
#define UCON_RX_TIMEOUT   (1 << 7)	/* interrupt when RX idles with data */
#define UCON_RX_LEVEL     (1 << 8)	/* level-triggered RX interrupt */
#define UCON_TX_LEVEL     (1 << 9)
#define UCON_TIMEOUT_3    (3 << 12)	/* idle time: (3 + 1) * 8 frames */

#define UFCON_FIFO_EN     (1 << 0)
#define UFCON_RX_RESET    (1 << 1)
#define UFCON_TX_RESET    (1 << 2)

#define UTRSTAT_RX_READY  (1 << 0)	/* without the FIFO: URXH holds a byte */
#define UTRSTAT_RX_TIMEOUT (1 << 3)	/* write 1 to clear */

#define UFSTAT_RX_COUNT   0xff
#define UFSTAT_RX_FULL    (1 << 8)
#define UFSTAT_TX_FULL    (1 << 24)

#define UINT_RXD          (1 << 0)
#define UINT_ERROR        (1 << 1)
#define UINT_TXD          (1 << 2)
#define UINT_MODEM        (1 << 3)
#define UINT_ALL          (UINT_RXD | UINT_ERROR | UINT_TXD | UINT_MODEM)

/*
 * Divider for 115200 baud when nobody set one: the UART clock is then the
 * 24 MHz crystal (QEMU assumes it too): 24e6 / (16 * 115200) = 13.02, so
 * UBRDIV = 12 with no fractional part. U-Boot on the FS4412 leaves its own
 * divider for its 100 MHz UART clock in place, and we keep it.
 */
#define UBRDIV_24MHZ_115200   12
#define UFRACVAL_24MHZ_115200 0

static void samsung_uart_init(void __iomem *base)
{
	writel(UINT_ALL, base + UINTM);		/* nothing until asked for */
	writel(UINT_ALL, base + UINTP);
	if (!readl(base + UBRDIV)) {
		writel(UBRDIV_24MHZ_115200, base + UBRDIV);
		writel(UFRACVAL_24MHZ_115200, base + UFRACVAL);
	}
	writel(ULCON_8N1, base + ULCON);
	writel(UFCON_FIFO_EN | UFCON_RX_RESET | UFCON_TX_RESET, base + UFCON);
	writel(UCON_RX_IRQ_POLL | UCON_TX_IRQ_POLL | UCON_RX_TIMEOUT |
	       UCON_RX_LEVEL | UCON_TX_LEVEL | UCON_TIMEOUT_3, base + UCON);
}

static void samsung_uart_putc(void __iomem *base, char c)
{
	while (readl(base + UFSTAT) & UFSTAT_TX_FULL)
		;
	writel((u8)c, base + UTXH);
}

/* From the FIFO, or before init() turns it on (a byte typed ahead) from the holding register. */
static int samsung_uart_getc(void __iomem *base)
{
	if (readl(base + UFCON) & UFCON_FIFO_EN) {
		if (!(readl(base + UFSTAT) & (UFSTAT_RX_COUNT | UFSTAT_RX_FULL)))
			return -1;
	} else if (!(readl(base + UTRSTAT) & UTRSTAT_RX_READY)) {
		return -1;
	}
	return readl(base + URXH) & 0xff;
}

static void samsung_uart_rx_irq_enable(void __iomem *base, bool on)
{
	u32 mask = readl(base + UINTM);

	if (on)
		mask &= ~(UINT_RXD | UINT_ERROR);
	else
		mask |= UINT_RXD | UINT_ERROR;
	writel(mask, base + UINTM);
}

/* Called after the handler has drained the FIFO. */
static void samsung_uart_rx_irq_ack(void __iomem *base)
{
	writel(UTRSTAT_RX_TIMEOUT, base + UTRSTAT);
	writel(UINT_RXD | UINT_ERROR, base + UINTP);
}

static const struct uart_ops samsung_uart_ops = {
	.name = "s3c",
	.reg_size = 0x100,
	.init = samsung_uart_init,
	.putc = samsung_uart_putc,
	.getc = samsung_uart_getc,
	.rx_irq_enable = samsung_uart_rx_irq_enable,
	.rx_irq_ack = samsung_uart_rx_irq_ack,
};
UART_DRIVER(samsung_uart_ops);
