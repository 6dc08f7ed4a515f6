/*
 * QEMU's virt machine with Cortex-A15 cores: the machine Debian's U-Boot
 * (u-boot-qemu, qemu_arm) runs on, used for the U-Boot/TFTP boot flow.
 * RAM at 0x40000000 (size from the DTB; the default is what `make run`
 * gives), PL011 UART, GICv2, the ARM generic timer, and PSCI firmware
 * calls (QEMU implements PSCI itself) for starting secondaries and power.
 * The A15 has no SCU, A9 private timer or L2C-310.
 */
#include <linux/kernel.h>
#include <mica/board.h>
#include <asm/psci.h>

/*
 * QEMU's PSCI conduit is HVC unless EL2/EL3 are emulated; a DTB's /psci
 * method (set during hand-off parsing) takes precedence.
 */
static void virt_init(void)
{
	int ver;

	if (psci_get_conduit() == PSCI_CONDUIT_NONE)
		psci_set_conduit(PSCI_CONDUIT_HVC);
	ver = psci_version();
	if (ver < 0)
		pr_warn("psci: no firmware answered (%d)\n", ver);
	else
		pr_info("psci: PSCIv%d.%d detected in firmware.\n", ver >> 16, ver & 0xffff);
}

const struct board_desc board = {
	.name = "virt",
	.cpu_name = "Cortex-A15",
	.nr_cpus = 4,
	.mem = { { 0x40000000, 1024UL << 20 } },
	.nr_banks = 1,
	.dma_zone_size = 16UL << 20,
	.default_cmdline = "",
	.uart_type = "pl011",
	.uart_base = 0x09000000,
	.uart_irq = 32 + 1,
	.gic_dist_base = 0x08000000,
	.gic_cpu_base = 0x08010000,
	.timer_type = "arm-arch-timer",
	.timer_irq = 16 + 11,		/* virtual timer PPI: usable at PL1 in any world */
	.boot_secondary = psci_boot_secondary,
	.power_off = psci_system_off,
	.restart = psci_system_reset,
	.init = virt_init,
};
