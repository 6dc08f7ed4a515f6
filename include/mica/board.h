/*
 * One board description per board (arch/arm/boards/<board>.c): everything
 * that differs between machines, so the rest of the kernel stays generic.
 */
#ifndef _MICA_BOARD_H
#define _MICA_BOARD_H

#include <linux/types.h>

#define BOARD_MAX_BANKS 4

struct membank {
	phys_addr_t start;
	unsigned long size;
};

struct dma_slave_map;

struct board_dma_ctrl {
	const char *name;	/* "pdma0", "mdma", ... */
	phys_addr_t base;
	unsigned int irq;	/* GIC interrupt ID */
	/* Which device uses which of its peripheral request lines (dma_request_chan). */
	const struct dma_slave_map *slave_map;
	unsigned int slave_map_len;
};

struct board_desc {
	const char *name;		/* "vexpress-a9" */
	const char *cpu_name;		/* "Cortex-A9 MPCore" */
	unsigned int nr_cpus;		/* cores the SoC has */
	struct membank mem[BOARD_MAX_BANKS];	/* default RAM if no DTB/ATAGS */
	unsigned int nr_banks;
	unsigned long dma_zone_size;	/* DMA-able window from RAM start */
	const char *default_cmdline;

	/* Console UART: driver chosen by name ("pl011", "s3c"). */
	const char *uart_type;
	phys_addr_t uart_base;
	unsigned int uart_irq;

	/* Interrupt controller (GICv1/v2). */
	phys_addr_t gic_dist_base;
	phys_addr_t gic_cpu_base;
	unsigned long gic_cpu_stride;	/* non-banked Exynos GIC: per-CPU copy step, else 0 */

	/* Tick source. */
	const char *timer_type;		/* "a9-twd", "arm-arch-timer", "exynos-mct" */
	phys_addr_t timer_base;
	unsigned int timer_irq;
	unsigned long timer_rate_hz;	/* 0: measured at boot */
	/* A free-running 32-bit up-counter of known rate to measure it against. */
	phys_addr_t refclk_base;	/* 0 where there is none */
	unsigned long refclk_hz;

	phys_addr_t scu_base;		/* 0 where there is none */
	phys_addr_t l2c_base;		/* L2C-310, 0 where there is none */

	const struct board_dma_ctrl *dma;	/* the DMA controllers, nr_dma of them */
	unsigned int nr_dma;

	/* Start secondary CPU @cpu at physical address @entry. */
	int (*boot_secondary)(unsigned int cpu, phys_addr_t entry);
	void (*power_off)(void);
	void (*restart)(void);
	/* Board-specific early set-up (e.g. CHIPID print); may be NULL. */
	void (*init)(void);
};

extern const struct board_desc board;

#endif
