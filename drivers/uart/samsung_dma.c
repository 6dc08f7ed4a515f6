/*
 * Transmit on the Samsung console UART by DMA (include/mica/s3c-uart-dma.h),
 * a slave client of dmaengine written the way a Linux driver would be:
 * dma_request_chan(dev, "tx"), dmaengine_slave_config with the UTXH
 * register as destination (byte wide, one byte per request),
 * dmaengine_prep_slave_single on a streaming mapping, submit, wait.
 *
 * The UART asks for data by DMA request only in DMA transmit mode
 * (UCON[3:2] = 2); we switch to it for the transfer and back after, the
 * CPU's own writes to UTXH (printk) keep working in either mode.
 * QEMU's UART model takes every byte written to UTXH at once and has no
 * transmit request line: its PL330 sees the UART's request as always
 * present (DMAWFP passes), so QEMU checks the program and the data, not
 * the handshake's timing. On the FS4412 this is unverified.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <string.h>
#include <mica/board.h>
#include <mica/s3c-uart-dma.h>

#define UCON            0x04
#define UTXH            0x20
#define UCON_TX_MODE    (3 << 2)
#define UCON_TX_DMA     (2 << 2)
#define UCON_TX_IRQ     (1 << 2)

static struct device uart_dev;
static char uart_dev_name[24];
static u64 uart_dma_mask = DMA_BIT_MASK(32);

struct device *s3c_uart_dma_device(void)
{
	if (!board.uart_type || strcmp(board.uart_type, "s3c"))
		return NULL;
	if (!uart_dev.init_name) {
		snprintf(uart_dev_name, sizeof(uart_dev_name), "%08lx.serial",
			 (unsigned long)board.uart_base);
		uart_dev.driver_name = "samsung-uart";
		uart_dev.dma_mask = &uart_dma_mask;
		uart_dev.coherent_dma_mask = DMA_BIT_MASK(32);
		uart_dev.init_name = uart_dev_name;
	}
	return &uart_dev;
}

phys_addr_t s3c_uart_txh_phys(void)
{
	return board.uart_base + UTXH;
}

void s3c_uart_tx_dma_mode(bool on)
{
	void __iomem *base = ioremap(board.uart_base, 0x100);
	u32 ucon;

	if (!base)
		return;
	ucon = readl(base + UCON) & ~UCON_TX_MODE;
	writel(ucon | (on ? UCON_TX_DMA : UCON_TX_IRQ), base + UCON);
	iounmap(base);
}

long s3c_uart_dma_write(const void *buf, size_t len)
{
	struct device *dev = s3c_uart_dma_device();
	struct dma_slave_config cfg = {
		.direction = DMA_MEM_TO_DEV,
		.dst_addr = s3c_uart_txh_phys(),
		.dst_addr_width = DMA_SLAVE_BUSWIDTH_1_BYTE,
		.dst_maxburst = 1,
	};
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	enum dma_status status;
	struct page *page;
	dma_addr_t dma;
	long ret = -EIO;

	if (!dev)
		return -ENODEV;
	if (!len || len > PAGE_SIZE)
		return -EINVAL;
	chan = dma_request_chan(dev, "tx");
	if (IS_ERR(chan))
		return PTR_ERR(chan);
	/* The caller's text may be anywhere (stack, rodata): copy it to DMA-able memory. */
	page = alloc_page(GFP_KERNEL);
	if (!page) {
		ret = -ENOMEM;
		goto release;
	}
	memcpy(page_address(page), buf, len);
	dma = dma_map_single(dev, page_address(page), len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, dma)) {
		ret = -ENOMEM;
		goto free;
	}
	if (dmaengine_slave_config(chan, &cfg))
		goto unmap;
	tx = dmaengine_prep_slave_single(chan, dma, len, DMA_MEM_TO_DEV, DMA_PREP_INTERRUPT);
	if (!tx)
		goto unmap;
	s3c_uart_tx_dma_mode(true);
	status = dma_sync_wait(chan, dmaengine_submit(tx));
	if (status != DMA_COMPLETE)
		dmaengine_terminate_sync(chan);
	s3c_uart_tx_dma_mode(false);
	if (status == DMA_COMPLETE)
		ret = len;
unmap:
	dma_unmap_single(dev, dma, len, DMA_TO_DEVICE);
free:
	__free_page(page);
release:
	dma_release_channel(chan);
	return ret;
}
