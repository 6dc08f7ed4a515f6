/*
 * The Samsung console UART as a DMA client (drivers/uart/samsung_dma.c):
 * its transmit register fed by a PL330 channel, the "tx" request line the
 * board's dma_slave_map gives it (UART0: PDMA0 peripheral 16).
 */
#ifndef _MICA_S3C_UART_DMA_H
#define _MICA_S3C_UART_DMA_H

#include <linux/types.h>
#include <linux/device.h>

/* The console UART as a device ("13800000.serial"), or NULL if it is not a Samsung UART. */
struct device *s3c_uart_dma_device(void);
/* Bus address of its transmit holding register (UTXH). */
phys_addr_t s3c_uart_txh_phys(void);
/* Transmit mode: DMA requests (true) or interrupt/polling (false), as UCON[3:2]. */
void s3c_uart_tx_dma_mode(bool on);
/* Send @len bytes by DMA and wait for the end; @len, or -errno. */
long s3c_uart_dma_write(const void *buf, size_t len);

#endif
