/*
 * Data and prefetch aborts taken by the kernel: the fault status decoded
 * in words, the translation table entries that map the address, and an
 * oops. Mica has no demand paging, so every abort is a kernel bug (or a
 * self-test that meant it).
 */
#include <linux/kernel.h>
#include <linux/kfence.h>
#include <asm/fault.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable-hwdef.h>
#include <asm/traps.h>

/* Short-descriptor fault status names (ARMv7 ARM, DFSR/IFSR), Linux's wording. */
static const char *const fs_names[32] = {
	[FS_ALIGNMENT]      = "alignment exception",
	[FS_DEBUG]          = "debug event",
	[FS_ACCESS_SECT]    = "section access flag fault",
	[FS_ICACHE_MAINT]   = "I-cache maintenance fault",
	[FS_TRANS_SECT]     = "section translation fault",
	[FS_ACCESS_PAGE]    = "page access flag fault",
	[FS_TRANS_PAGE]     = "page translation fault",
	[FS_SYNC_EXT]       = "synchronous external abort",
	[FS_DOMAIN_SECT]    = "section domain fault",
	[FS_DOMAIN_PAGE]    = "page domain fault",
	[FS_EXT_WALK_L1]    = "external abort on translation (first level)",
	[FS_PERM_SECT]      = "section permission fault",
	[FS_EXT_WALK_L2]    = "external abort on translation (second level)",
	[FS_PERM_PAGE]      = "page permission fault",
	[FS_TLB_CONFLICT]   = "TLB conflict abort",
	[FS_LOCKDOWN]       = "lockdown abort",
	[FS_ASYNC_EXT]      = "imprecise external abort",
	[FS_ASYNC_PARITY]   = "asynchronous parity error on memory access",
	[FS_SYNC_PARITY]    = "synchronous parity error on memory access",
	[FS_COPROCESSOR]    = "coprocessor abort",
	[FS_PARITY_WALK_L1] = "parity error on translation (first level)",
	[FS_PARITY_WALK_L2] = "parity error on translation (second level)",
};

const char *fsr_name(unsigned long fsr)
{
	const char *name = fs_names[fsr_fs(fsr)];

	return name ? name : "unknown fault status";
}

bool fsr_is_mapping_fault(unsigned long fsr)
{
	switch (fsr_fs(fsr)) {
	case FS_TRANS_SECT: case FS_TRANS_PAGE:
	case FS_DOMAIN_SECT: case FS_DOMAIN_PAGE:
	case FS_PERM_SECT: case FS_PERM_PAGE:
		return true;
	default:
		return false;
	}
}

/* Linux's show_pte, hardware descriptors only (Mica keeps no Linux PTEs). */
static void show_pte(unsigned long addr)
{
	u32 pmd = kernel_pgd_val(addr);

	printk(KERN_ALERT "pgd = %08lx\n", (unsigned long)cpu_get_pgd());
	if ((pmd & 3) == PMD_TYPE_TABLE)
		printk(KERN_ALERT "[%08lx] *pgd=%08lx, *pte=%08lx\n", addr, (unsigned long)pmd,
		       (unsigned long)kernel_pte_val(addr));
	else
		printk(KERN_ALERT "[%08lx] *pgd=%08lx\n", addr, (unsigned long)pmd);
}

/*
 * Mapping faults read "Unable to handle kernel ... at virtual address"
 * and die with "Oops"; the others "Unhandled fault" and an empty reason,
 * as in Linux. Either way a line names the fault in words.
 */
static void kernel_abort(bool data, unsigned long addr, unsigned long fsr, struct pt_regs *regs)
{
	bool mapping = fsr_is_mapping_fault(fsr);
	const char *access = !data ? "instruction fetch" : fsr & FSR_WRITE ? "write" : "read";

	if (mapping) {
		printk(KERN_ALERT "Unable to handle kernel %s at virtual address %08lx\n",
		       addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request", addr);
		show_pte(addr);
	} else {
		printk(KERN_ALERT "Unhandled %s: %s (0x%03lx) at 0x%08lx\n",
		       data ? "fault" : "prefetch abort", fsr_name(fsr), fsr, addr);
	}
	printk(KERN_ALERT "%s: %s (0x%03lx) on %s\n", data ? "Data abort" : "Prefetch abort",
	       fsr_name(fsr), fsr, access);
	__die(mapping ? "Oops" : "", fsr, regs);
}

void do_DataAbort(unsigned long addr, unsigned long fsr, struct pt_regs *regs)
{
	/* KFENCE's guard and freed pages: reported, then the access goes on. */
	if (fsr_is_mapping_fault(fsr) && kfence_handle_page_fault(addr, fsr & FSR_WRITE, regs))
		return;
	oops_begin();
	fault_record_note(ARM_FAULT_DATA_ABORT, addr, fsr, regs);
	kernel_abort(true, addr, fsr, regs);
	oops_end(regs);
}

void do_PrefetchAbort(unsigned long addr, unsigned long ifsr, struct pt_regs *regs)
{
	oops_begin();
	fault_record_note(ARM_FAULT_PREFETCH_ABORT, addr, ifsr, regs);
	kernel_abort(false, addr, ifsr, regs);
	oops_end(regs);
}
