/*
 * The board's console command: `bdinfo`, after U-Boot's: the board, the CPU (MIDR decoded),
 * the cores, RAM banks as memblock knows them, the tick, and what the boot
 * loader handed over in r0-r2.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/memblock.h>
#include <linux/smp.h>
#include <asm/setup.h>
#include <mica/board.h>
#include <mica/shell.h>
#include <mica/timer_driver.h>

struct midr_name {
	u32 id;
	const char *name;
};

/* MIDR[31:24] */
static const struct midr_name implementers[] = {
	{ 0x41, "ARM" }, { 0x51, "Qualcomm" }, { 0x53, "Samsung" }, { 0x56, "Marvell" },
};

/* MIDR[15:4] of ARM Ltd's ARMv7-A cores */
static const struct midr_name arm_parts[] = {
	{ 0xc05, "Cortex-A5" }, { 0xc07, "Cortex-A7" }, { 0xc08, "Cortex-A8" },
	{ 0xc09, "Cortex-A9" }, { 0xc0d, "Cortex-A12" }, { 0xc0e, "Cortex-A17" },
	{ 0xc0f, "Cortex-A15" },
};

static const char *midr_lookup(const struct midr_name *t, size_t n, u32 id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].id == id)
			return t[i].name;
	return "unknown";
}

static void show_cpu(void)
{
	u32 midr = read_cpuid_id();
	u32 implementer = midr >> 24, part = (midr >> 4) & 0xfff;

	shell_printf("CPU         = %s %s r%up%u (MIDR 0x%08lx)\n",
	       midr_lookup(implementers, ARRAY_SIZE(implementers), implementer),
	       implementer == 0x41 ? midr_lookup(arm_parts, ARRAY_SIZE(arm_parts), part) : "",
	       (unsigned int)(midr >> 20) & 0xf, (unsigned int)midr & 0xf, (unsigned long)midr);
	shell_printf("cores       = %d online, %d possible (%s has %u)\n", num_online_cpus(),
	       num_possible_cpus(), board.cpu_name, board.nr_cpus);
}

static void show_ram(void)
{
	struct memblock_region *r;

	if (!memblock.memory.cnt)
		shell_printf("DRAM bank   = none known yet\n");
	for_each_memblock(memory, r) {
		shell_printf("DRAM bank   = 0x%08lx\n", (unsigned long)(r - memblock.memory.regions));
		shell_printf("-> start    = 0x%08lx\n", (unsigned long)r->base);
		shell_printf("-> size     = 0x%08lx\n", (unsigned long)r->size);
	}
}

static void show_timer(void)
{
	if (!tick_timer) {
		shell_printf("timer       = %s, not started\n", board.timer_type);
		return;
	}
	shell_printf("timer       = %s, tick clock %lu.%02lu MHz, counter %lu.%02lu MHz\n",
	       tick_timer->name, timer_rates.tick_hz / 1000000, timer_rates.tick_hz / 10000 % 100,
	       timer_rates.counter_hz / 1000000, timer_rates.counter_hz / 10000 % 100);
	shell_printf("HZ          = %d\n", HZ);
}

static int cmd_bdinfo(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	shell_printf("board       = %s\n", board.name);
	show_cpu();
	show_ram();
	show_timer();
	shell_printf("boot r0     = 0x%08lx\n", __boot_r0);
	shell_printf("arch_number = 0x%08lx\n", __machine_arch_type);
	shell_printf("boot_params = 0x%08lx\n", __atags_pointer);
	return 0;
}
SHELL_COMMAND("bdinfo", "", "board, CPU, cores, RAM banks, timer and boot hand-off", cmd_bdinfo);
