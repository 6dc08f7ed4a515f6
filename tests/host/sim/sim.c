/*
 * The simulated arch for host builds of mm/: see sim.h and
 * tests/host/sim/include/asm/. RAM is a memfd; the linear map is its
 * lowmem part mapped at PAGE_OFFSET; set_kernel_pte() maps one RAM page at
 * an address in the reserved vmalloc/pkmap/fixmap windows. Per-CPU data is
 * the percpu_data section copied once per simulated CPU.
 */
#define _GNU_SOURCE
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/mmu.h>
#include <linux/moduleparam.h>
#include <mica/module_track.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
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

__thread unsigned long sim_cpsr;
__thread unsigned long sim_cpu_offset;

unsigned long __per_cpu_offset[NR_CPUS];
cpumask_t cpu_possible_map, cpu_online_map;
DEFINE_PER_CPU(int, cpu_number);
DEFINE_PER_CPU(unsigned long, __preempt_count_pcpu);

unsigned long sim_warnings;

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

void sim_cpu_relax(void)
{
	sched_yield();
}

/* printk capture. */
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char *log_buf;
static size_t log_len, log_cap;
static int log_echo = -1;

void sim_log_echo(bool on)
{
	log_echo = on;
}

void sim_log_reset(void)
{
	pthread_mutex_lock(&log_lock);
	log_len = 0;
	if (log_buf)
		log_buf[0] = '\0';
	pthread_mutex_unlock(&log_lock);
}

const char *sim_log(void)
{
	return log_buf ? log_buf : "";
}

int sim_log_count(const char *needle)
{
	const char *p = sim_log();
	int n = 0;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static void log_append(const char *s, size_t n)
{
	if (log_echo < 0)
		log_echo = getenv("MM_SIM_VERBOSE") != NULL;
	if (log_echo)
		fwrite(s, 1, n, stderr);
	pthread_mutex_lock(&log_lock);
	if (log_len + n + 1 > log_cap) {
		size_t cap = (log_len + n + 1) * 2;
		char *nb = realloc(log_buf, cap);

		if (!nb)
			abort();
		log_buf = nb;
		log_cap = cap;
	}
	memcpy(log_buf + log_len, s, n);
	log_len += n;
	log_buf[log_len] = '\0';
	pthread_mutex_unlock(&log_lock);
}

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *s = buf;
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n < 0)
		return n;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	while (s[0] == '\001' && s[1])	/* KERN_ level prefixes */
		s += 2;
	log_append(s, (size_t)n - (size_t)(s - buf));
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n;

	if (!size)
		return 0;
	n = vsnprintf(buf, size, fmt, args);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void dump_stack(void)
{
	printk("Call trace: (not available on the host simulator)\n");
}

void __warn(const char *file, int line, const char *cond)
{
	__atomic_add_fetch(&sim_warnings, 1, __ATOMIC_RELAXED);
	printk("WARNING: CPU: %d at %s:%d %s\n", raw_smp_processor_id(), file, line, cond);
}

void warn_slowpath_fmt(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	__atomic_add_fetch(&sim_warnings, 1, __ATOMIC_RELAXED);
	printk("WARNING: CPU: %d at %s:%d\n", raw_smp_processor_id(), file, line);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

/* No module code runs on the host: the tracking hooks never record. */
int module_track_active;
int module_track_held[MT_NR_KINDS];

bool module_track_alloc(enum module_track_kind kind, const void *obj, unsigned long size,
			unsigned long caller, const void *extra)
{
	return false;
}

bool module_track_free(enum module_track_kind kind, const void *obj)
{
	return false;
}

/* kernel/params.c's hook for built-in module parameters: none on the host. */
int parse_builtin_param(char *param, char *val)
{
	return -ENOENT;
}

void __bug(const char *file, int line, const char *cond)
{
	fprintf(stderr, "kernel BUG at %s:%d: %s\n", file, line, cond);
	abort();
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "Kernel panic - not syncing: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort();
}

/* Per-CPU areas: one copy of the percpu_data section per simulated CPU. */
extern char __start_percpu_data[], __stop_percpu_data[];

static void setup_cpus(void)
{
	static char *areas[NR_CPUS];
	size_t size = (size_t)(__stop_percpu_data - __start_percpu_data);
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!areas[cpu])
			areas[cpu] = aligned_alloc(64, ALIGN(size, 64UL));
		if (!areas[cpu])
			abort();
		memcpy(areas[cpu], __start_percpu_data, size);
		__per_cpu_offset[cpu] = (unsigned long)areas[cpu] - (unsigned long)__start_percpu_data;
		per_cpu(cpu_number, cpu) = (int)cpu;
		per_cpu(__preempt_count_pcpu, cpu) = 0;
	}
	cpu_possible_map.bits = cpu_online_map.bits = (1UL << NR_CPUS) - 1;
}

/* meminfo's Percpu: the simulated CPUs' copies (no dynamic chunks on the host). */
unsigned long pcpu_nr_pages(void)
{
	size_t size = (size_t)(__stop_percpu_data - __start_percpu_data);

	return NR_CPUS * (ALIGN(size, PAGE_SIZE) >> PAGE_SHIFT);
}

void sim_set_cpu(unsigned int cpu)
{
	if (cpu >= NR_CPUS)
		abort();
	sim_cpu_offset = __per_cpu_offset[cpu];
	sim_cpsr = 0;
}

/*
 * Cross-CPU calls. The simulator has no interrupts between its CPUs: the
 * function runs in the calling thread as the target CPU, interrupts off as
 * in the IPI handler. That is faithful while no other thread runs as that
 * CPU (the tests make sure: their threads never drain or validate).
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	unsigned long offset = sim_cpu_offset, cpsr = sim_cpsr;

	(void)wait;
	if ((unsigned int)cpu >= NR_CPUS || !cpu_online(cpu))
		return -ENXIO;
	sim_cpu_offset = __per_cpu_offset[cpu];
	sim_cpsr = SIM_PSR_I;
	func(info);
	sim_cpu_offset = offset;
	sim_cpsr = cpsr;
	return 0;
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != smp_processor_id())
			smp_call_function_single(cpu, func, info, wait);
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	smp_call_function(func, info, wait);
	smp_call_function_single(smp_processor_id(), func, info, wait);
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

	setup_cpus();
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
