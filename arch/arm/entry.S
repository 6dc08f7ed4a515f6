/*
 * Exception vectors and entry, ARM state, kernel (SVC) mode only.
 *
 * The vector page (copied to 0xFFFF0000 by early_trap_init) jumps through
 * a literal table to a stub per exception. A stub runs in the exception's
 * own mode on its 1 KiB stack: it keeps r0, the return address and SPSR
 * in the three words just below that stack's top, switches to SVC mode and
 * builds a full struct pt_regs on the interrupted SVC stack, as Linux
 * does. So an exception nests like a function call: an IRQ may interrupt
 * any kernel code, and a handler may re-enable interrupts once the three
 * words are copied. Interrupted modes other than SVC (there is no user
 * mode yet) are reported by bad_mode().
 *
 * Handlers return through svc_exit, which restores everything from
 * pt_regs; the fault handlers return only when arm_run_expecting_fault()
 * redirected pt_regs to its recovery point.
 */
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <asm/stack_overflow.h>

/* bad_mode() reasons: index of traps.c's bad_mode_handler[]. */
#define BAD_PREFETCH   0
#define BAD_DATA       1
#define BAD_IRQ        2
#define BAD_UNDEFINSTR 3
#define BAD_FIQ        4
#define BAD_SVC        5

/*
 * In exception mode: lr -= \correction gives the interrupted pc. Save
 * {r0, pc, spsr} below this mode's stack top (never pushed: the next
 * exception of the same mode reuses the words) and go on in SVC mode with
 * r0 pointing at them, interrupts masked.
 */
	.macro	vector_stub, name, correction, continue
\name:
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	str	r0, [sp, #-12]
	str	lr, [sp, #-8]
	mrs	r0, spsr
	str	r0, [sp, #-4]
	sub	r0, sp, #12
	cpsid	aif, #SVC_MODE
	b	\continue
	.endm

/*
 * Thread stacks have an unmapped guard page below them. If the interrupted
 * sp lies in the current task's guard page, or so close above it that
 * pt_regs would not fit, the stack overflowed: build pt_regs on this CPU's
 * overflow stack instead and report it (handle_bad_stack). r1 is borrowed
 * through the unused words below the stub's three.
 */
	.macro	stack_overflow_check
	str	r1, [r0, #-4]
	mrc	p15, 0, r1, c13, c0, 3		@ current
	ldr	r1, [r1, #TSK_STACK]		@ its stack's lowest address
	sub	r1, sp, r1
	sub	r1, r1, #(PT_REGS_SIZE + 8)	@ room left below the frame
	adds	r1, r1, #STACK_GUARD_SIZE	@ carry: it was in [-guard, 0)
	bcs	__svc_stack_overflow
	ldr	r1, [r0, #-4]
	.endm

/*
 * In SVC mode, r0 = the stub's three words, every other register as
 * interrupted. Builds pt_regs on the SVC stack, 8-byte aligned for the C
 * call (the interrupted sp is kept in the frame, so svc_exit undoes the
 * padding), and leaves sp pointing at it.
 */
	.macro	svc_entry, reason
	stack_overflow_check
	sub	sp, sp, #PT_REGS_SIZE
	tst	sp, #4
	subne	sp, sp, #4
	stmib	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}		@ interrupted r0, pc, cpsr
	add	r2, sp, #PT_REGS_SIZE
	addne	r2, r2, #4		@ interrupted sp (flags still from the tst)
	str	r3, [sp, #S_R0]
	mov	r3, lr
	mov	r6, #-1
	add	r0, sp, #S_SP
	stmia	r0, {r2 - r6}		@ sp, lr, pc, cpsr, orig_r0
	and	r1, r5, #MODE_MASK
	cmp	r1, #SVC_MODE
	movne	r0, sp
	movne	r1, #\reason
	bne	bad_mode
	.endm

	.section .exception.text, "ax"
	.arm
	.align	5

	vector_stub vector_und, 4, __und_svc
	vector_stub vector_pabt, 4, __pabt_svc
	vector_stub vector_dabt, 8, __dabt_svc
	vector_stub vector_irq, 4, __irq_svc
	vector_stub vector_fiq, 4, __fiq_svc

__und_svc:
	svc_entry BAD_UNDEFINSTR
	mov	r0, sp
	bl	do_undefinstr
	b	svc_exit

__pabt_svc:
	svc_entry BAD_PREFETCH
	mrc	p15, 0, r0, c6, c0, 2	@ IFAR
	mrc	p15, 0, r1, c5, c0, 1	@ IFSR
	mov	r2, sp
	bl	do_PrefetchAbort
	b	svc_exit

__dabt_svc:
	svc_entry BAD_DATA
	mrc	p15, 0, r0, c6, c0, 0	@ DFAR
	mrc	p15, 0, r1, c5, c0, 0	@ DFSR
	mov	r2, sp
	bl	do_DataAbort
	b	svc_exit

__irq_svc:
	svc_entry BAD_IRQ
	mov	r0, sp
	bl	handle_arch_irq
	/*
	 * Kernel preemption: interrupts still off; the interrupted code had
	 * them on (or the IRQ would not have come). If its preempt_count is
	 * 0 and a reschedule is pending, switch now (linux/preempt.h).
	 */
	mrc	p15, 0, r4, c13, c0, 3		@ current: thread_info is its start
	ldr	r0, [r4, #TI_PREEMPT]
	teq	r0, #0
	bne	svc_exit
1:	ldr	r0, [r4, #TI_FLAGS]
	tst	r0, #_TIF_NEED_RESCHED
	beq	svc_exit
	bl	preempt_schedule_irq		@ returns with interrupts off
	b	1b

__fiq_svc:
	svc_entry BAD_FIQ
	mov	r0, sp
	bl	do_fiq
	b	svc_exit

/*
 * From stack_overflow_check: r0 = the stub's words, the interrupted r1 at
 * [r0, #-4], sp the overflowed one. pt_regs go at the top of this CPU's
 * overflow stack (asm/stack_overflow.h).
 */
__svc_stack_overflow:
	str	r2, [r0, #-8]
	ldr	r1, =cpu_number
	mrc	p15, 0, r2, c13, c0, 4		@ this CPU's per-CPU offset
	ldr	r1, [r1, r2]			@ smp_processor_id()
	ldr	r2, =overflow_stacks
	add	r1, r1, #1
	add	r2, r2, r1, lsl #OVERFLOW_STACK_SHIFT
	sub	r2, r2, #PT_REGS_SIZE
	str	sp, [r2, #S_SP]			@ the interrupted sp
	mov	sp, r2
	ldr	r1, [r0, #-4]
	ldr	r2, [r0, #-8]
	stmib	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}			@ interrupted r0, pc, cpsr
	str	r3, [sp, #S_R0]
	str	lr, [sp, #S_LR]
	str	r4, [sp, #S_PC]
	str	r5, [sp, #S_PSR]
	mov	r6, #-1
	str	r6, [sp, #S_OLD_R0]
	mov	r0, sp
	bl	handle_bad_stack		@ returns only to a fault recovery point
	b	svc_exit

/*
 * SVC arrives already in SVC mode: lr is the return address (the
 * caller's lr is lost, as the architecture defines) and SPSR the
 * interrupted CPSR, so there is no stub.
 */
vector_swi:
	sub	sp, sp, #PT_REGS_SIZE
	tst	sp, #4
	subne	sp, sp, #4
	stmia	sp, {r0 - r12}
	add	r7, sp, #PT_REGS_SIZE
	addne	r7, r7, #4
	mrs	r5, spsr
	str	r7, [sp, #S_SP]
	str	lr, [sp, #S_LR]
	str	lr, [sp, #S_PC]
	str	r5, [sp, #S_PSR]
	str	r0, [sp, #S_OLD_R0]
	and	r1, r5, #MODE_MASK
	cmp	r1, #SVC_MODE
	movne	r0, sp
	movne	r1, #BAD_SVC
	bne	bad_mode
	mov	r0, sp
	bl	do_svc
	/* fall through */

/* Restore everything from the pt_regs at sp and return to it. */
svc_exit:
	cpsid	i
	clrex				@ an interrupted LDREX must not pair with a later STREX
	ldr	r1, [sp, #S_PSR]
	msr	spsr_cxsf, r1
	ldmia	sp, {r0 - pc}^		@ also loads sp and lr; SPSR -> CPSR

	.ltorg

/*
 * The vector page template. Entries load their target from the literal
 * table beside them, so the copy works at any address. Reset and the
 * reserved slot are only reached by a jump to 0xFFFF0000 (or +0x14): they
 * hold an undefined instruction so that shows up as an oops.
 */
	.section .vectors, "ax"
	.align	5
	.inst	0xe7f000f0		@ reset
	ldr	pc, .Lvec_und
	ldr	pc, .Lvec_swi
	ldr	pc, .Lvec_pabt
	ldr	pc, .Lvec_dabt
	.inst	0xe7f000f0		@ reserved
	ldr	pc, .Lvec_irq
	ldr	pc, .Lvec_fiq
.Lvec_und:	.word	vector_und
.Lvec_swi:	.word	vector_swi
.Lvec_pabt:	.word	vector_pabt
.Lvec_dabt:	.word	vector_dabt
.Lvec_irq:	.word	vector_irq
.Lvec_fiq:	.word	vector_fiq

/*
 * int __arm_run_expecting_fault(void (*fn)(void *), void *arg,
 *                               struct fault_expectation *exp)
 * Calls fn(arg) and returns 0. If fn faults, the fault handler resumes at
 * exp->pc with sp = exp->sp and CPSR = exp->cpsr, which returns 1 with the
 * callee-saved registers reloaded from this frame. APCS frame, so
 * backtraces walk through it.
 */
	.text
	.global	__arm_run_expecting_fault
	.type	__arm_run_expecting_fault, %function
__arm_run_expecting_fault:
	mov	ip, sp
	push	{r3 - r10, fp, ip, lr, pc}	@ 12 words: sp stays 8-byte aligned
	sub	fp, ip, #4
	str	sp, [r2, #0]		@ exp->sp
	adr	r3, 1f
	str	r3, [r2, #4]		@ exp->pc
	mrs	r3, cpsr
	str	r3, [r2, #8]		@ exp->cpsr
	mov	r3, r0
	mov	r0, r1
	blx	r3
	mov	r0, #0
	ldmdb	fp, {r3 - r10, fp, sp, pc}
1:	add	fp, sp, #44		@ recovered: sp is back at the saved registers
	mov	r0, #1
	ldmdb	fp, {r3 - r10, fp, sp, pc}
	.size	__arm_run_expecting_fault, . - __arm_run_expecting_fault
