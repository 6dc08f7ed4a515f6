/*
 * ARM Versatile Express, CoreTile Express A9x4 (QEMU vexpress-a9):
 * four Cortex-A9 cores, up to 1 GiB of RAM at 0x60000000, PL011 UART0.
 */
#include <linux/io.h>
#include <linux/errno.h>
#include <mica/board.h>
#include <asm/gic.h>
#include <asm/memory.h>
#include <asm/smp.h>
#include <asm/barrier.h>

#define SYSREGS_BASE   0x10000000
#define SYS_FLAGSSET   0x30
#define SYS_FLAGSCLR   0x34
#define SYS_CFGDATA    0xa0
#define SYS_CFGCTRL    0xa4
#define CFG_START      (1U << 31)
#define CFG_WRITE      (1U << 30)
#define CFG_SHUTDOWN   (8U << 20)
#define CFG_REBOOT     (9U << 20)

/* Ask the motherboard controller to shut down or reboot the machine. */
static void v2m_sys_cfg(u32 function)
{
	void __iomem *sys = ioremap(SYSREGS_BASE, 0x1000);

	if (!sys)
		return;
	writel(0, sys + SYS_CFGDATA);
	writel(CFG_START | CFG_WRITE | function, sys + SYS_CFGCTRL);
	for (;;)
		wfi();
}

/*
 * Where the secondaries wait depends on who started the machine. QEMU's
 * ELF loader starts every core at our entry, so they sit in head.S's pen.
 * A boot loader that starts only CPU 0 (QEMU with a raw image and -initrd,
 * the board's boot monitor) leaves the others in its own pen: WFI, then
 * jump to the address in SYS_FLAGS once it is not zero. Point that at our
 * entry and wake them once; they then park in head.S's pen like the rest,
 * which releases them one by one. For cores already in our pen the wake-up
 * is harmless (it only ends a WFE).
 */
extern char _start[];		/* head.S: every core's entry */

static int vexpress_boot_secondary(unsigned int cpu, phys_addr_t entry)
{
	static bool firmware_pen_released;

	if (!firmware_pen_released) {
		void __iomem *sys = ioremap(SYSREGS_BASE, 0x1000);

		if (!sys)
			return -ENOMEM;
		writel(~0U, sys + SYS_FLAGSCLR);
		writel(__pa(_start), sys + SYS_FLAGSSET);
		iounmap(sys);
		gic_send_sgi_others(IPI_WAKEUP);
		firmware_pen_released = true;
	}
	return smp_pen_boot_secondary(cpu, entry);
}

static void vexpress_power_off(void)
{
	v2m_sys_cfg(CFG_SHUTDOWN);
}

static void vexpress_restart(void)
{
	v2m_sys_cfg(CFG_REBOOT);
}

const struct board_desc board = {
	.name = "vexpress-a9",
	.cpu_name = "Cortex-A9 MPCore",
	.nr_cpus = 4,
	.mem = { { 0x60000000, 1024UL << 20 } },
	.nr_banks = 1,
	.dma_zone_size = 16UL << 20,
	.default_cmdline = "",
	.uart_type = "pl011",
	.uart_base = 0x10009000,
	.uart_irq = 37,
	.gic_dist_base = 0x1e001000,
	.gic_cpu_base = 0x1e000100,
	.timer_type = "a9-twd",
	.timer_base = 0x1e000600,
	.timer_irq = 29,
	.refclk_base = 0x1000005c,	/* SYS_24MHZ in the motherboard's registers */
	.refclk_hz = 24000000,
	.scu_base = 0x1e000000,
	.l2c_base = 0x1e00a000,
	.boot_secondary = vexpress_boot_secondary,
	.power_off = vexpress_power_off,
	.restart = vexpress_restart,
};
