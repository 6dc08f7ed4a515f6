/*
 * Applying the boot loader's hand-off (see asm/handoff.h for the contract).
 *
 * r2 may point anywhere, including outside RAM or into memory the boot
 * stub's linear map does not cover yet (U-Boot puts its DTB near the top
 * of RAM, which may be highmem). So the blob is only touched if it lies in
 * one of the board's RAM banks, and then through a temporary read-only
 * mapping of its sections in the boot translation table; what is needed
 * is copied out before the mapping goes away.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/initrd.h>
#include <linux/libfdt.h>
#include <linux/memblock.h>
#include <asm/barrier.h>
#include <asm/handoff.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/psci.h>
#include <asm/semihosting.h>
#include <asm/setup.h>
#include <mica/board.h>
#include <string.h>

/*
 * Scratch window for the blob: three 1 MiB sections just below the early
 * console's section, unused until vmalloc takes over the area (after this
 * has run and unmapped them). Blobs up to 2 MiB fit at any alignment.
 */
#define HANDOFF_WINDOW_SECTIONS 3	/* from HANDOFF_WINDOW_VIRT (asm/memory.h) */
#define HANDOFF_MAX_BLOB        (2UL << 20)
/* How much of an ATAGS list to look at: far more than any boot loader writes. */
#define ATAGS_MAX_BYTES         (16UL << 10)

enum handoff_source handoff_source;
struct handoff_info handoff_info;

static u32 *boot_pgd(void)
{
	unsigned long ttbr;

	__asm__ __volatile__("mrc p15, 0, %0, c2, c0, 0" : "=r"(ttbr));
	return __va(ttbr & ~0x3fffUL);
}

static void flush_window_tlb(void)
{
	unsigned int i;

	dsb();
	for (i = 0; i < HANDOFF_WINDOW_SECTIONS; i++)
		__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 1"	/* TLBIMVA */
				     :: "r"(HANDOFF_WINDOW_VIRT + i * SECTION_SIZE) : "memory");
	dsb();
	isb();
}

/* Map [phys, phys + len) read-only; callers keep len <= HANDOFF_MAX_BLOB. */
static const void *handoff_map(phys_addr_t phys, size_t len)
{
	u32 *pgd = boot_pgd();
	phys_addr_t base = phys & ~(SECTION_SIZE - 1);
	unsigned int i, sections = DIV_ROUND_UP(phys - base + len, SECTION_SIZE);

	/* Only the sections the blob touches: nothing past the end of RAM. */
	for (i = 0; i < sections; i++)
		pgd[(HANDOFF_WINDOW_VIRT >> SECTION_SHIFT) + i] =
			(base + i * SECTION_SIZE) | PMD_TYPE_SECT | PMD_SECT_WBWA |
			PMD_SECT_APX | PMD_SECT_AP_WRITE | PMD_SECT_XN;
	flush_window_tlb();
	return (const void *)(HANDOFF_WINDOW_VIRT + (phys - base));
}

static void handoff_unmap(void)
{
	u32 *pgd = boot_pgd();
	unsigned int i;

	for (i = 0; i < HANDOFF_WINDOW_SECTIONS; i++)
		pgd[(HANDOFF_WINDOW_VIRT >> SECTION_SHIFT) + i] = 0;
	flush_window_tlb();
}

/* Bytes of RAM from @phys to the end of the board bank holding it, or 0. */
static size_t ram_after(phys_addr_t phys)
{
	unsigned int i;

	for (i = 0; i < board.nr_banks; i++) {
		const struct membank *b = &board.mem[i];

		if (phys >= b->start && phys - b->start < b->size)
			return b->size - (phys - b->start);
	}
	return 0;
}

/* Parse the DTB at @phys; 0 on success. */
static int try_fdt(phys_addr_t phys, size_t room, const char **why)
{
	const void *blob = handoff_map(phys, FDT_V17_HEADER_SIZE);
	u32 total = fdt_totalsize(blob);
	int ret;

	handoff_unmap();
	if (total > HANDOFF_MAX_BLOB) {
		*why = "larger than 2 MiB";
		return -EINVAL;
	}
	if (total > room) {
		*why = "runs past the end of RAM";
		return -EINVAL;
	}
	blob = handoff_map(phys, total);
	ret = handoff_parse_fdt(blob, total, &handoff_info, why);
	handoff_unmap();
	return ret;
}

static int try_atags(phys_addr_t phys, size_t room, const char **why)
{
	size_t avail = min_t(size_t, room, ATAGS_MAX_BYTES);
	const void *blob = handoff_map(phys, avail);
	int ret = handoff_parse_atags(blob, avail, &handoff_info, why);

	handoff_unmap();
	return ret;
}

/* Identify and parse what r2 points at; sets handoff_source. */
static void find_handoff(phys_addr_t phys)
{
	size_t room;
	const char *why = NULL;
	const void *head;
	u32 magic_be, first_words[2];

	if (!phys) {
		pr_info("No DTB or ATAGS: using board defaults\n");
		return;
	}
	room = ram_after(phys);
	if (!room || phys % 4 || room < sizeof(first_words)) {
		pr_warn("r2=0x%08lx is not a RAM address: ignored\n", phys);
		pr_info("No DTB or ATAGS: using board defaults\n");
		return;
	}
	head = handoff_map(phys, sizeof(first_words));
	memcpy(first_words, head, sizeof(first_words));
	handoff_unmap();
	magic_be = fdt32_ld(first_words);

	if (magic_be == FDT_MAGIC) {
		if (room < FDT_V17_HEADER_SIZE) {
			why = "header runs past the end of RAM";
		} else if (!try_fdt(phys, room, &why)) {
			handoff_source = HANDOFF_DTB;
			pr_info("Using DTB at 0x%08lx (%u bytes)\n", phys, (unsigned int)handoff_info.blob_size);
			return;
		}
		pr_err("DTB at 0x%08lx is malformed (%s): using board defaults\n", phys, why);
		return;
	}
	if (atags_look_valid(first_words, sizeof(first_words))) {
		if (!try_atags(phys, room, &why)) {
			handoff_source = HANDOFF_ATAGS;
			pr_info("Using ATAGS at 0x%08lx (%u bytes)\n", phys, (unsigned int)handoff_info.blob_size);
			return;
		}
		pr_err("ATAGS at 0x%08lx are malformed (%s): using board defaults\n", phys, why);
		return;
	}
	pr_warn("r2=0x%08lx points at neither a DTB nor ATAGS\n", phys);
	pr_info("No DTB or ATAGS: using board defaults\n");
}

/* Room for a semihosting line too long for boot_command_line, to cut it. */
static char long_cmdline[4 * COMMAND_LINE_SIZE] __initdata;

/* The semihosting line, cut (and said so) if longer than boot_command_line holds. */
static bool __init semihosting_cmdline(void)
{
	int ret = semihosting_get_cmdline(boot_command_line, COMMAND_LINE_SIZE);

	if (ret != -E2BIG)
		return ret >= 0;
	ret = semihosting_get_cmdline(long_cmdline, sizeof(long_cmdline));
	if (ret < 0) {
		pr_warn("semihosting command line longer than %zu bytes: ignored\n",
			sizeof(long_cmdline) - 1);
		return false;
	}
	pr_warn("semihosting command line cut to %u bytes (it has %d)\n",
		COMMAND_LINE_SIZE - 1, ret);
	strncpy(boot_command_line, long_cmdline, COMMAND_LINE_SIZE - 1);
	return true;
}

static void __init setup_cmdline(void)
{
	const struct handoff_info *h = &handoff_info;
	const char *from;

	if (handoff_source != HANDOFF_NONE && h->has_cmdline) {
		from = handoff_source == HANDOFF_DTB ? "DTB" : "ATAGS";
		if (h->cmdline_truncated)
			pr_warn("%s command line cut to %u bytes\n", from, COMMAND_LINE_SIZE - 1);
		strncpy(boot_command_line, h->cmdline, COMMAND_LINE_SIZE - 1);
	} else if (semihosting_cmdline()) {
		from = "semihosting";
	} else {
		from = "board default";
		strncpy(boot_command_line, board.default_cmdline, COMMAND_LINE_SIZE - 1);
	}
	boot_command_line[COMMAND_LINE_SIZE - 1] = '\0';
	pr_info("Kernel command line (%s): %s\n", from, boot_command_line);
}

static void add_bank(unsigned int n, phys_addr_t start, unsigned long size, const char *from)
{
	pr_info("RAM bank %u: 0x%08lx-0x%08lx (%lu MiB, %s)\n",
		n, start, start + (size - 1), size >> 20, from);
	memblock_add(start, size);
}

/*
 * The board's banks, cut to the end of RAM that QEMU reports through
 * semihosting when it answers (`make run MEM=256` has no DTB to say so).
 */
static void add_board_memory(void)
{
	unsigned long ram_end = semihosting_ram_end();
	unsigned int i;

	pr_info("semihosting: RAM ends at 0x%08lx\n", ram_end);
	/* QEMU answers about other memory when the board's is small (vexpress-a9 under -m 64). */
	if (ram_end && ram_end <= board.mem[0].start) {
		pr_warn("semihosting: that is below the board's RAM (0x%08lx): ignored; with less "
			"RAM than the board's %lu MiB, give mem=\n", (unsigned long)board.mem[0].start,
			board.mem[0].size >> 20);
		ram_end = 0;
	}
	for (i = 0; i < board.nr_banks; i++) {
		phys_addr_t start = board.mem[i].start;
		unsigned long size = board.mem[i].size;

		if (ram_end > start && ram_end - start < size) {
			add_bank(i, start, ram_end - start, "board, sized by semihosting");
			continue;
		}
		if (ram_end && ram_end <= start)
			continue;	/* the host has no RAM there */
		add_bank(i, start, size, "board default");
	}
}

static void add_memory(void)
{
	const struct handoff_info *h = &handoff_info;
	const char *from = handoff_source == HANDOFF_DTB ? "DTB" : "ATAGS";
	unsigned int i;

	if (handoff_source != HANDOFF_NONE && h->nr_mem) {
		for (i = 0; i < h->nr_mem; i++)
			add_bank(i, h->mem[i].start, h->mem[i].size, from);
		return;
	}
	if (handoff_source != HANDOFF_NONE)
		pr_warn("%s has no memory banks: using the board's\n", from);
	add_board_memory();
}

static void reserve_handoff(phys_addr_t phys)
{
	const struct handoff_info *h = &handoff_info;
	const char *from = handoff_source == HANDOFF_DTB ? "DTB" : "ATAGS";
	unsigned int i;

	if (handoff_source == HANDOFF_NONE)
		return;
	memblock_reserve_named(phys, ALIGN(h->blob_size, 4), from);
	/* Before /memreserve/: U-Boot also lists the initrd there, and the first name sticks. */
	if (h->has_initrd)
		reserve_initrd_mem(h->initrd.start, h->initrd.size, from);
	for (i = 0; i < h->nr_rsv; i++)
		memblock_reserve_named(h->rsv[i].start, h->rsv[i].size, "DTB memreserve");
}

void __init setup_machine_memory_and_cmdline(void)
{
	phys_addr_t phys = __atags_pointer;

	find_handoff(phys);
	if (handoff_source == HANDOFF_DTB && handoff_info.model[0])
		pr_info("Machine model: %s\n", handoff_info.model);
	else
		pr_info("Machine model: %s\n", board.name);

	if (handoff_source == HANDOFF_DTB && handoff_info.psci_method[0]) {
		enum psci_conduit c = psci_conduit_from_method(handoff_info.psci_method);

		if (c == PSCI_CONDUIT_NONE)
			pr_warn("psci: unknown method \"%s\" in the DTB\n", handoff_info.psci_method);
		else
			psci_set_conduit(c);
	}
	add_memory();
	reserve_handoff(phys);
	setup_cmdline();
}
