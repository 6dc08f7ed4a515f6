/*
 * The simulated machine's memory (see sim.h): RAM is a memfd; the linear
 * map is its lowmem part mapped at PAGE_OFFSET; set_kernel_pte() maps one
 * RAM page at an address in the reserved vmalloc/pkmap/fixmap windows.
 * sim_boot() then runs mm/'s boot sequence on it.
 */
#define _GNU_SOURCE
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/mmu.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "sim.h"
#include "../../../mm/internal.h"

/* asm/memory.h's variables. */
unsigned long sim_page_offset, sim_lowmem_limit;
unsigned long sim_vmalloc_start, sim_vmalloc_end;
unsigned long sim_pkmap_base, sim_fixaddr_start, sim_fixaddr_end;
unsigned long sim_modules_vaddr, sim_modules_end;
unsigned long phys_offset;
void *high_memory;

const struct board_desc board = {
	.name = "host-sim",
	.cpu_name = "simulated Cortex-A9",
	.nr_cpus = NR_CPUS,
	.mem = { { 0x60000000, 64UL << 20 } },
	.nr_banks = 1,
	.dma_zone_size = 16UL << 20,
	.default_cmdline = "",
};

#define WINDOW_BYTES (16UL << 20)	/* vmalloc, pkmap, fixmap and modules, each */
#define NR_WINDOWS   4

static int ram_fd = -1;
static unsigned long ram_bytes;
static void *window_base;
static char *debug_alias;

extern char __start_percpu_data[], __stop_percpu_data[];

/* meminfo's Percpu: the simulated CPUs' copies (no dynamic chunks on the host). */
unsigned long pcpu_nr_pages(void)
{
	size_t size = (size_t)(__stop_percpu_data - __start_percpu_data);

	return NR_CPUS * (ALIGN(size, PAGE_SIZE) >> PAGE_SHIFT);
}

/* Simulated page tables. */
static bool in_window(unsigned long va)
{
	unsigned long base = (unsigned long)window_base;

	return window_base && va >= base && va < base + NR_WINDOWS * WINDOW_BYTES && !(va & (PAGE_SIZE - 1));
}

/* What each window page maps (physical address | 1), for kernel_pte_pfn. */
static unsigned long window_pte[NR_WINDOWS * WINDOW_BYTES / PAGE_SIZE];

static unsigned long window_index(unsigned long va)
{
	return ((va & PAGE_MASK) - (unsigned long)window_base) >> PAGE_SHIFT;
}

int set_kernel_pte(unsigned long va, unsigned long pfn, enum kernel_prot prot)
{
	unsigned long phys = pfn << PAGE_SHIFT;
	int mprot = prot == PROT_KERNEL_RO || prot == PROT_KERNEL_EXEC ? PROT_READ
								       : PROT_READ | PROT_WRITE;

	if (!in_window(va) || phys < phys_offset || phys - phys_offset >= ram_bytes)
		return -EINVAL;
	if (mmap((void *)va, PAGE_SIZE, mprot, MAP_SHARED | MAP_FIXED, ram_fd,
		 (off_t)(phys - phys_offset)) == MAP_FAILED)
		return -ENOMEM;
	window_pte[window_index(va)] = phys | 1;
	return 0;
}

void clear_kernel_pte(unsigned long va)
{
	if (!in_window(va))
		return;
	mmap((void *)va, PAGE_SIZE, PROT_NONE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
	window_pte[window_index(va)] = 0;
}

unsigned long kernel_pte_pfn(unsigned long va, bool *present)
{
	unsigned long pte = in_window(va & PAGE_MASK) ? window_pte[window_index(va)] : 0;

	*present = pte != 0;
	return pte >> PAGE_SHIFT;
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
}

void flush_tlb_kernel_page(unsigned long va)
{
}

static void teardown(void)
{
	if (sim_page_offset)
		munmap((void *)sim_page_offset, ram_bytes);
	if (window_base)
		munmap(window_base, NR_WINDOWS * WINDOW_BYTES);
	if (debug_alias)
		munmap(debug_alias, ram_bytes);
	debug_alias = NULL;
	if (ram_fd >= 0)
		close(ram_fd);
	sim_page_offset = 0;
	window_base = NULL;
	ram_fd = -1;
	memset(window_pte, 0, sizeof(window_pte));
}

static void build_machine(const struct sim_config *cfg)
{
	phys_addr_t end = 0;
	unsigned long lowmem;
	void *va;
	int i;

	teardown();
	phys_offset = cfg->banks[0].start;
	for (i = 0; i < cfg->nr_banks; i++)
		end = max(end, cfg->banks[i].start + cfg->banks[i].size);
	ram_bytes = end - phys_offset;
	ram_fd = memfd_create("mica-ram", 0);
	if (ram_fd < 0 || ftruncate(ram_fd, (off_t)ram_bytes))
		abort();
	/* The linear map: lowmem mapped, the rest reserved and inaccessible. */
	va = mmap(NULL, ram_bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (va == MAP_FAILED)
		abort();
	sim_page_offset = (unsigned long)va;
	lowmem = min(cfg->lowmem_bytes, ram_bytes);
	if (mmap(va, lowmem, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, ram_fd, 0) == MAP_FAILED)
		abort();
	sim_lowmem_limit = sim_page_offset + cfg->lowmem_bytes;
	window_base = mmap(NULL, NR_WINDOWS * WINDOW_BYTES, PROT_NONE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (window_base == MAP_FAILED)
		abort();
	debug_alias = mmap(NULL, ram_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, ram_fd, 0);
	if (debug_alias == MAP_FAILED)
		abort();
	sim_vmalloc_start = (unsigned long)window_base;
	sim_vmalloc_end = sim_vmalloc_start + WINDOW_BYTES;
	sim_pkmap_base = sim_vmalloc_end;
	sim_fixaddr_start = sim_pkmap_base + WINDOW_BYTES;
	sim_fixaddr_end = sim_fixaddr_start + WINDOW_BYTES;
	sim_modules_vaddr = sim_fixaddr_end;
	sim_modules_end = sim_modules_vaddr + WINDOW_BYTES;
}

void *sim_phys_debug_addr(phys_addr_t phys)
{
	if (phys < phys_offset || phys - phys_offset >= ram_bytes)
		abort();
	return debug_alias + (phys - phys_offset);
}

/* Boot parameters live in mm/: back to their defaults before each boot. */
static void reset_boot_params(void)
{
	memory_limit = ~(phys_addr_t)0;
	user_min_free_kbytes = -1;
	dma_zone_bytes = ~0UL;
	required_movablecore = required_kernelcore = 0;
	numa_fake_nodes = 0;
}

unsigned long sim_boot(const struct sim_config *cfg)
{
	unsigned long freed;

	sim_setup_cpus();
	sim_set_cpu(0);
	build_machine(cfg);
	memset(&memblock, 0, sizeof(memblock));
	memblock.current_limit = ~(phys_addr_t)0;
	reset_boot_params();
	snprintf(boot_command_line, 1024, "%s", cfg->cmdline ? cfg->cmdline : "");
	parse_early_param();
	early_init_memory(cfg->banks, cfg->nr_banks);
	/* The "kernel image": the first MiB, as on the board. */
	memblock_reserve_named(phys_offset, 1UL << 20, "Kernel image");
	/* What paging_init does: lowmem mapped, memblock may use all of it. */
	high_memory = __va(min(memblock_end_of_DRAM(), phys_offset + cfg->lowmem_bytes));
	memblock_set_current_limit(__pa(high_memory));
	bootmem_init();
	build_all_zonelists();
	parse_late_params();
	freed = memblock_free_all();
	return freed;
}
