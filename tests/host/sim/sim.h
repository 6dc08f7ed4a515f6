/*
 * The simulated machine host tests run the kernel's code on: the arch
 * headers in tests/host/sim/include/asm/ and these parts, which a test
 * links as it needs:
 *   cpu.c        CPUs (host threads), interrupt flag, per-CPU areas,
 *                cross-CPU calls, halting, lock misuse
 *   log.c        printk and the console captured in a log, WARN/BUG/panic
 *                reports, symbol names of callers (link with -rdynamic)
 *   machine.c    RAM, the kernel mappings and sim_boot(): mm/ set up as at boot
 *   sched_seam.c the scheduler's side of mm/ (mm/sched_seam.c on the board)
 * build/host/mm/<variant>/libmm.a holds all four with mm/ (tests/host/Makefile.mm).
 */
#ifndef _SIM_H
#define _SIM_H

#include <linux/types.h>
#include <mica/board.h>

/* ---- machine.c ---- */

struct sim_config {
	struct membank banks[BOARD_MAX_BANKS];	/* physical RAM; first bank is PHYS_OFFSET */
	int nr_banks;
	unsigned long lowmem_bytes;		/* size of the linear map (LOWMEM_LIMIT - PAGE_OFFSET) */
	const char *cmdline;			/* kernel command line ("numa=fake=2 mem=128M") */
};

/* vexpress-a9 shapes: 1 GiB (760 MiB lowmem) and 256 MiB. */
#define SIM_VEXPRESS_1G   { { { 0x60000000, 1024UL << 20 } }, 1, 760UL << 20, "" }
#define SIM_VEXPRESS_256M { { { 0x60000000, 256UL << 20 } }, 1, 760UL << 20, "" }

/*
 * Build the machine and run the boot sequence: parse_early_param,
 * early_init_memory, bootmem_init, build_all_zonelists, parse_late_params,
 * memblock_free_all. Any previous machine is torn down first. Returns the
 * pages handed to the buddy allocator.
 */
unsigned long sim_boot(const struct sim_config *cfg);

/*
 * Test back door: all of RAM (high memory included) mapped at one more
 * address, so a test can look at any page without set_kernel_pte().
 */
void *sim_phys_debug_addr(phys_addr_t phys);

/* ---- cpu.c ---- */

/*
 * Give every simulated CPU its copy of the per-CPU data (as at boot) and
 * mark them all online. sim_boot() does it; a test without a machine may.
 */
void sim_setup_cpus(void);
/* Make the calling host thread simulated CPU @cpu (0..NR_CPUS-1), interrupts on. */
void sim_set_cpu(unsigned int cpu);

/*
 * What a test may replace: a CPU halting (wfi(); default: yield and go
 * on) and a lock misused (a spinlock held for ever, or released while
 * free; default: report on stderr and abort).
 */
extern void (*sim_wfi_hook)(void);
extern void (*sim_lock_error_hook)(const char *what);

/* ---- log.c ---- */

/* printk capture: everything printed since the last reset. */
void sim_log_reset(void);
const char *sim_log(void);
int sim_log_count(const char *needle);
/*
 * Also copy printk to a stream as it is printed: none, stderr (the
 * default when MM_SIM_VERBOSE=1 is in the environment) or stdout.
 */
enum sim_echo { SIM_ECHO_NONE, SIM_ECHO_STDERR, SIM_ECHO_STDOUT };
void sim_log_echo(enum sim_echo to);

/* WARN_ON()s seen since start. */
extern unsigned long sim_warnings;

#endif
