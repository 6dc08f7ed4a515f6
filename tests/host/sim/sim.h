/*
 * The simulated machine for host builds of mm/: RAM, CPUs (host threads),
 * kernel mappings, printk capture. A host program links build/host/mm/libmm.a
 * and calls sim_boot() to get a page allocator set up exactly as at boot.
 */
#ifndef _SIM_H
#define _SIM_H

#include <linux/types.h>
#include <mica/board.h>

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

/* Make the calling host thread simulated CPU @cpu (0..NR_CPUS-1). */
void sim_set_cpu(unsigned int cpu);

/* printk capture: everything printed since the last reset. */
void sim_log_reset(void);
const char *sim_log(void);
int sim_log_count(const char *needle);
/* Echo printk to stderr as well (also MM_SIM_VERBOSE=1 in the environment). */
void sim_log_echo(bool on);

/* WARN_ON()s seen since start. */
extern unsigned long sim_warnings;

#endif
