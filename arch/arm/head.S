/*
 * Kernel entry. Runs position-independent with the MMU off until it has
 * built the initial translation table (1 MiB sections: an identity map of
 * this code and RAM linearly at PAGE_OFFSET), then jumps to the kernel's
 * link address and calls start_kernel().
 *
 * Entered by QEMU's ELF loader (every CPU at once) or by U-Boot's bootm/go
 * (CPU 0 only, r0 = 0, r1 = machine id, r2 = ATAGS or DTB). Secondary CPUs
 * park in a pen and come back through secondary_entry when released.
 */
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/ptrace.h>

#define INIT_PGDIR_OFFSET 0x4000	/* initial table: RAM base + 16 KiB */
#define STACK_SIZE 8192

/* \rd = physical address of link-time symbol \sym (MMU off, image anywhere). */
	.macro	phys_addr, rd, sym, tmp
	ldr	\rd, =\sym
	adr	\tmp, _start
	sub	\rd, \rd, #PAGE_OFFSET
	sub	\rd, \rd, #TEXT_OFFSET
	add	\rd, \rd, \tmp
	.endm

/*
 * Data cache maintenance by set/way over every level up to the point of
 * coherency: r6 = 0 invalidates (DCISW), otherwise clean+invalidate
 * (DCCISW). No stack exists yet, so it is a macro and uses only r0-r7,
 * r11, r12; the boot arguments in r8-r10 and lr survive.
 */
	.macro	v7_dcache_all
	dmb
	mrc	p15, 1, r0, c0, c0, 1	@ CLIDR
	ands	r3, r0, #0x07000000	@ LoC
	mov	r3, r3, lsr #23		@ LoC * 2
	beq	5f
	mov	r11, #0			@ level * 2
1:	add	r2, r11, r11, lsr #1	@ level * 3
	mov	r1, r0, lsr r2
	and	r1, r1, #7		@ cache type at this level
	cmp	r1, #2
	blt	4f			@ no data cache here
	mcr	p15, 2, r11, c0, c0, 0	@ CSSELR
	isb
	mrc	p15, 1, r1, c0, c0, 0	@ CCSIDR
	and	r2, r1, #7
	add	r2, r2, #4		@ log2(line bytes)
	ldr	r4, =0x3ff
	ands	r4, r4, r1, lsr #3	@ max way number
	clz	r5, r4			@ way shift
	ldr	r7, =0x7fff
	ands	r7, r7, r1, lsr #13	@ max set number
2:	mov	r12, r4
3:	orr	r1, r11, r12, lsl r5
	orr	r1, r1, r7, lsl r2
	cmp	r6, #0
	mcreq	p15, 0, r1, c7, c6, 2	@ DCISW
	mcrne	p15, 0, r1, c7, c14, 2	@ DCCISW
	subs	r12, r12, #1
	bge	3b
	subs	r7, r7, #1
	bge	2b
4:	add	r11, r11, #2
	cmp	r3, r11
	bgt	1b
5:	mov	r11, #0
	mcr	p15, 2, r11, c0, c0, 0
	dsb
	isb
	.endm

	.section .head.text, "ax"
	.arm
	.arch_extension virt		@ only to leave HYP mode if entered there
	.arch_extension sec
	.global _start
_start:
	mov	r8, r0			@ keep the boot loader's r0..r2
	mov	r9, r1
	mov	r10, r2
	bl	enter_svc_quietly
	bl	cpu_number_from_mpidr	@ r0 = this core's number
	cmp	r0, #0
	bne	secondary_park

	bl	caches_off_and_clean	@ U-Boot's `go` may enter with caches on

	/* Where are we? r4 = runtime _start, r5 = RAM base (128 MiB aligned). */
	adr	r4, _start
	ldr	r5, =0xF8000000
	and	r5, r4, r5
	add	r6, r5, #TEXT_OFFSET
	cmp	r4, r6
	blne	relocate_image		@ never returns if it moved us

	/* Build the initial table at RAM base + 16 KiB. */
	add	r4, r5, #INIT_PGDIR_OFFSET
	mov	r0, r4
	mov	r1, #0
	add	r2, r4, #0x4000
1:	str	r1, [r0], #4
	cmp	r0, r2
	blo	1b

	ldr	r7, =(PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_AP_WRITE)

	/* Identity map of the MiB holding this code, for the MMU switch-on. */
	adr	r0, _start
	lsr	r0, r0, #SECTION_SHIFT
	orr	r1, r7, r0, lsl #SECTION_SHIFT
	str	r1, [r4, r0, lsl #2]

	/*
	 * RAM at PAGE_OFFSET: enough for the image plus 8 MiB for early page
	 * tables and mem_map; paging_init() maps the rest from C.
	 */
	ldr	r0, =_end
	sub	r0, r0, #PAGE_OFFSET
	ldr	r1, =(8 << 20) + SECTION_SIZE - 1
	add	r0, r0, r1
	lsr	r0, r0, #SECTION_SHIFT	@ r0 = sections to map
	ldr	r1, =PAGE_OFFSET
	add	r1, r4, r1, lsr #(SECTION_SHIFT - 2)	@ &table[PAGE_OFFSET >> 20]
	orr	r2, r7, r5		@ first section's descriptor
2:	str	r2, [r1], #4
	add	r2, r2, #SECTION_SIZE
	subs	r0, r0, #1
	bne	2b

	/* Tell C what it runs on: physical RAM base and the mapped limit. */
	sub	r3, r2, r7
	phys_addr r0, phys_boot_info, r1
	str	r5, [r0]		@ phys_offset
	str	r4, [r0, #4]		@ initial table (physical)
	str	r3, [r0, #8]		@ end of the initial linear map (physical)

	mov	r0, r4
	ldr	lr, =primary_virtual
	b	enable_mmu

/*
 * Secondary cores: wait (WFE) until the boot CPU writes our number into
 * secondary_pen.cpu, then enter through secondary_entry. The pen is read
 * with the MMU and caches off, so the boot CPU cleans it to memory first.
 */
secondary_park:
	mov	r6, r0
	phys_addr r4, secondary_pen, r1
1:	wfe
	ldr	r0, [r4]
	cmp	r0, r6
	bne	1b
	ldr	r0, [r4, #4]		@ physical entry the kernel asked for
	bx	r0

/*
 * Entry for secondaries released from the pen or started by firmware
 * (PSCI CPU_ON, Exynos boot register). The boot CPU has filled in
 * secondary_data: the page table (physical) and this core's stack.
 */
	.global secondary_entry
secondary_entry:
	bl	enter_svc_quietly
	bl	caches_off_and_clean
	phys_addr r0, secondary_data, r1
	ldr	r4, [r0]		@ secondary_data.pgdir (physical)
	mov	r0, r4
	ldr	lr, =secondary_virtual
	b	enable_mmu

	.ltorg

/* Switch to SVC with IRQ, FIQ and asynchronous aborts masked; leave HYP. */
enter_svc_quietly:
	mrs	r0, cpsr
	and	r1, r0, #MODE_MASK
	cmp	r1, #HYP_MODE
	beq	1f
	cpsid	aif, #SVC_MODE
	bx	lr
1:	bic	r0, r0, #MODE_MASK
	orr	r0, r0, #SVC_MODE
	orr	r0, r0, #(PSR_I_BIT | PSR_F_BIT | PSR_A_BIT)
	msr	spsr_hyp, r0
	msr	elr_hyp, lr
	.inst	0xe160006e		@ eret (HYP -> SVC at lr)

/* r0 = MPIDR affinity level 0 (the core number within the cluster). */
cpu_number_from_mpidr:
	mrc	p15, 0, r0, c0, c0, 5
	and	r0, r0, #0xff
	bx	lr

/*
 * Leave the caches and MMU off and clean: if the data cache was on, clean
 * and invalidate it first so nothing the boot loader wrote is lost.
 */
caches_off_and_clean:
	mrc	p15, 0, r6, c1, c0, 0
	and	r6, r6, #CR_C	@ r6 != 0: clean before invalidating
	v7_dcache_all
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #(CR_M | CR_C)
	bic	r0, r0, #CR_I
	mcr	p15, 0, r0, c1, c0, 0
	isb
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6	@ BPIALL
	mcr	p15, 0, r0, c8, c7, 0	@ TLBIALL
	dsb
	isb
	bx	lr

/*
 * Copy the loaded image (r4 = where it is) to RAM base + TEXT_OFFSET (r6)
 * and continue there. Overlapping copies are safe: copy backwards when
 * moving up. The copy loop must not overwrite itself (QEMU loads a raw
 * image only 32 KiB above where it belongs), so it runs from a copy in
 * the scratch space where the boot table is built later (r5 + 16 KiB).
 */
relocate_image:
	add	r7, r5, #INIT_PGDIR_OFFSET
	adr	r0, copy_image
	adr	r1, copy_image_end
	mov	r2, r7
1:	ldr	r3, [r0], #4
	str	r3, [r2], #4
	cmp	r0, r1
	blo	1b
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU: the loop is new code
	dsb
	isb
	ldr	r0, =_text
	ldr	r1, =_edata
	sub	r1, r1, r0		@ bytes to move
	bx	r7

/* Position-independent: runs from the scratch copy. */
copy_image:
	cmp	r6, r4
	bhi	2f
	mov	r2, #0			@ moving down: forwards
1:	ldr	r3, [r4, r2]
	str	r3, [r6, r2]
	add	r2, r2, #4
	cmp	r2, r1
	blo	1b
	b	3f
2:	subs	r1, r1, #4		@ moving up: backwards
	ldr	r3, [r4, r1]
	str	r3, [r6, r1]
	bne	2b
3:	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU: new code at the new place
	dsb
	isb
	mov	r0, r8			@ enter again from the copy, same r0..r2
	mov	r1, r9
	mov	r2, r10
	bx	r6
copy_image_end:

/*
 * r0 = physical table, lr = virtual address to continue at. Joins the SMP
 * coherency domain, programs TTBR0/DACR/TTBCR and turns on the MMU, the
 * caches and branch prediction.
 */
enable_mmu:
	mrc	p15, 0, r1, c1, c0, 1	@ ACTLR
	tst	r1, #ACTLR_SMP
	orreq	r1, r1, #ACTLR_SMP
	mcreq	p15, 0, r1, c1, c0, 1
	mov	r1, #0
	mcr	p15, 0, r1, c2, c0, 2	@ TTBCR: TTBR0 only, 16 KiB table
	orr	r0, r0, #TTB_FLAGS_SMP
	mcr	p15, 0, r0, c2, c0, 0	@ TTBR0
	mov	r1, #0x1		@ domain 0: client (permissions checked)
	mcr	p15, 0, r1, c3, c0, 0	@ DACR
	mov	r1, #0
	mcr	p15, 0, r1, c13, c0, 1	@ CONTEXTIDR
	mcr	p15, 0, r1, c8, c7, 0	@ TLBIALL
	dsb
	isb
	mrc	p15, 0, r1, c1, c0, 0
	ldr	r2, =(CR_M | CR_C | CR_Z | CR_I)
	orr	r1, r1, r2
	bic	r1, r1, #CR_A		@ no alignment faults for normal memory
	bic	r1, r1, #CR_TRE		@ TEX remap off: TEX/C/B as written
	bic	r1, r1, #CR_AFE		@ access flag off: AP[0] is a permission
	mcr	p15, 0, r1, c1, c0, 0
	isb
	bx	lr

	.ltorg

/*
 * Written with the MMU off, read by C after it is on. The pen is read by
 * parked cores with their caches off: the kernel cleans it after writing.
 */
	.data
	.align	5
	.global phys_boot_info
phys_boot_info:
	.word	0, 0, 0			@ phys_offset, initial table, mapped end
	.align	5
	.global secondary_pen
secondary_pen:
	.word	-1, 0			@ cpu released, its physical entry

/* ---- now at the link address ---- */
	.text
primary_virtual:
	/* The identity mapping is still there; C removes it in paging_init. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	ldr	r0, =__atags_pointer	@ keep the boot loader's hand-off
	str	r10, [r0]
	ldr	r0, =__machine_arch_type
	str	r9, [r0]
	ldr	r0, =__boot_r0
	str	r8, [r0]

	mov	r0, #0
	bl	setup_mode_stacks
	ldr	r0, =init_task		@ current (asm/current.h): the boot CPU's idle task
	mcr	p15, 0, r0, c13, c0, 3
	ldr	sp, =init_stack + STACK_SIZE
	mov	fp, #0
#ifdef CONFIG_KASAN
	bl	kasan_early_init	@ instrumented C needs a shadow, if only a zero one
#endif
	bl	start_kernel
	b	.

secondary_virtual:
	ldr	r0, =secondary_data
	ldr	r1, [r0, #12]		@ secondary_data.task: current from here on
	mcr	p15, 0, r1, c13, c0, 3
	ldr	r4, [r0, #8]		@ secondary_data.cpu
	ldr	r5, [r0, #4]		@ secondary_data.stack (top, virtual)
	mov	r0, r4
	bl	setup_mode_stacks
	mov	sp, r5
	mov	fp, #0
	mov	r0, r4
	bl	secondary_start_kernel
	b	.

/*
 * Give CPU r0 its IRQ, abort, undefined and FIQ mode stacks, then return
 * in SVC mode. Each mode keeps a small stack of its own; exception entry
 * saves state there and continues in SVC.
 */
#define MODE_STACK 1024
setup_mode_stacks:
	ldr	r1, =mode_stacks
	add	r1, r1, r0, lsl #12	@ 4 modes * 1 KiB per CPU
	cpsid	if, #0x12		@ IRQ
	add	sp, r1, #MODE_STACK
	cpsid	if, #0x17		@ ABT
	add	sp, r1, #2 * MODE_STACK
	cpsid	if, #0x1b		@ UND
	add	sp, r1, #3 * MODE_STACK
	cpsid	if, #0x11		@ FIQ
	add	sp, r1, #4 * MODE_STACK
	cpsid	if, #SVC_MODE
	bx	lr
	.ltorg

	.bss
	.align	13
	.global init_stack
init_stack:
	.space	STACK_SIZE
	.align	3
	.global mode_stacks
mode_stacks:
	.space	NR_CPUS * 4 * MODE_STACK
