/*
 * What a boot loader hands the kernel in r2 (a DTB or an ATAGS list),
 * reduced to what Mica uses: RAM banks, the command line, the initrd, the
 * machine model and the PSCI conduit. The parsers (arch/arm/handoff_fdt.c,
 * arch/arm/atags.c) are plain C over a buffer so the host tests can feed
 * them anything; arch/arm/handoff.c finds the blob and applies the result.
 */
#ifndef _ASM_HANDOFF_H
#define _ASM_HANDOFF_H

#include <linux/types.h>

#define HANDOFF_MAX_BANKS    8
#define HANDOFF_MAX_RSV      8
#define HANDOFF_CMDLINE_SIZE 1024
#define HANDOFF_MODEL_SIZE   64

struct handoff_region {
	u64 start;
	u64 size;
};

struct handoff_info {
	struct handoff_region mem[HANDOFF_MAX_BANKS];	/* none: use the board's */
	unsigned int nr_mem;
	struct handoff_region rsv[HANDOFF_MAX_RSV];	/* DTB /memreserve/ */
	unsigned int nr_rsv;
	bool has_cmdline;			/* non-empty bootargs / ATAG_CMDLINE */
	bool cmdline_truncated;			/* longer than HANDOFF_CMDLINE_SIZE - 1 */
	char cmdline[HANDOFF_CMDLINE_SIZE];
	bool has_initrd;
	struct handoff_region initrd;
	char model[HANDOFF_MODEL_SIZE];		/* DTB root "model", else "" */
	char psci_method[8];			/* DTB /psci "method", else "" */
	unsigned int nr_cpus;			/* DTB /cpus entries, 0 if unknown */
	u32 blob_size;				/* bytes of the DTB / tag list */
};

/*
 * Parse the DTB at @blob, of which @avail bytes may be read. 0 and *info
 * filled, or a negative error with *why saying what was wrong. Nothing
 * outside [blob, blob + avail) is read.
 */
int handoff_parse_fdt(const void *blob, size_t avail, struct handoff_info *info, const char **why);

/* ATAG tag numbers (Linux's arch/arm/include/uapi/asm/setup.h values). */
#define ATAG_NONE    0x00000000
#define ATAG_CORE    0x54410001
#define ATAG_MEM     0x54410002
#define ATAG_INITRD2 0x54420005
#define ATAG_CMDLINE 0x54410009

/* Does @blob (with @avail readable bytes) start like a tag list? */
bool atags_look_valid(const void *blob, size_t avail);
/* Walk the tag list at @blob; same contract as handoff_parse_fdt. */
int handoff_parse_atags(const void *blob, size_t avail, struct handoff_info *info, const char **why);

/*
 * The boot loader hand-off, applied. Call once from start_kernel after
 * early_console_init() and before anything uses memblock or the command
 * line (and before paging_init(): it maps the blob through the boot
 * translation table). It:
 *  - finds the DTB or ATAGS that r2 (__atags_pointer) points to, if r2 lies
 *    in the board's RAM, and says which it used (or that it used none);
 *  - memblock_add()s the RAM banks: the blob's, else board.mem;
 *  - memblock_reserve_named()s the blob ("DTB"/"ATAGS"), the initrd
 *    ("initrd") and the DTB's /memreserve/ entries ("DTB memreserve");
 *  - fills boot_command_line: the blob's command line, else QEMU's
 *    semihosting command line, else board.default_cmdline;
 *  - sets the PSCI conduit from the DTB's /psci method.
 * Malformed blobs are reported and the board defaults used.
 */
void setup_machine_memory_and_cmdline(void);

/* Which hand-off setup_machine_memory_and_cmdline() used (for tests, bdinfo). */
enum handoff_source { HANDOFF_NONE, HANDOFF_DTB, HANDOFF_ATAGS };
extern enum handoff_source handoff_source;
extern struct handoff_info handoff_info;

#endif
