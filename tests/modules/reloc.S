/*
 * One site per ARM relocation type the loader applies, each checked by the
 * loader's self-test (kernel/module/module_kunit.c) against the kernel's own
 * addresses. jiffies_to_msecs is ARM code in the kernel; strlen comes from
 * the C library and is Thumb code, so calls to it must become BLX or go
 * through a veneer.
 */
	.syntax unified
	.arm
	.text

	.global mt_call_arm		@ R_ARM_CALL to ARM code
mt_call_arm:
	push	{r4, lr}
	bl	jiffies_to_msecs
	pop	{r4, pc}

	.global mt_call_thumb		@ R_ARM_CALL to Thumb code: BL becomes BLX
mt_call_thumb:
	push	{r4, lr}
	bl	strlen
	pop	{r4, pc}

	.global mt_cond_call_thumb	@ conditional BL to Thumb: through a veneer
mt_cond_call_thumb:
	push	{r4, lr}
	cmp	r0, #0
	blne	strlen
	pop	{r4, pc}

	.global mt_jump_arm		@ R_ARM_JUMP24 (tail call) to ARM code
mt_jump_arm:
	b	jiffies_to_msecs

	.global mt_jump_thumb		@ R_ARM_JUMP24 to Thumb code: through a veneer
mt_jump_thumb:
	b	strlen

	.global mt_pc24			@ R_ARM_PC24, the pre-EABI form of BL
mt_pc24:
	push	{r4, lr}
	.reloc	., R_ARM_PC24, jiffies_to_msecs
	.word	0xebfffffe		@ bl <-8>: the addend is the PC bias
	pop	{r4, pc}

	.global mt_movw_movt		@ R_ARM_MOVW_ABS_NC + R_ARM_MOVT_ABS
mt_movw_movt:
	movw	r0, #:lower16:jiffies_to_msecs
	movt	r0, #:upper16:jiffies_to_msecs
	bx	lr

	.global mt_movw_movt_addend	@ the same with an addend in the instructions
mt_movw_movt_addend:
	movw	r0, #:lower16:mt_words + 12
	movt	r0, #:upper16:mt_words + 12
	bx	lr

	.global mt_v4bx			@ R_ARM_V4BX marks a BX for ARMv4 linkers
mt_v4bx:
	mov	r0, #42
	.reloc	., R_ARM_V4BX
	bx	lr

	.global mt_none			@ R_ARM_NONE changes nothing
mt_none:
	.reloc	., R_ARM_NONE, jiffies_to_msecs
	mov	r0, #7
	bx	lr

	.data
	.balign	4
	.global mt_words
mt_words:
	.word	jiffies_to_msecs		@ +0  R_ARM_ABS32
	.word	mt_words + 8			@ +4  R_ARM_ABS32 with an addend
	.word	jiffies_to_msecs - .		@ +8  R_ARM_REL32
	.word	jiffies_to_msecs(TARGET1)	@ +12 R_ARM_TARGET1
	.reloc	., R_ARM_PREL31, jiffies_to_msecs
	.word	0x80000000			@ +16 R_ARM_PREL31: bit 31 is kept
	.global mt_data_code
mt_data_code:
	bx	lr				@ code in data: must not execute (NX)
	.section .note.GNU-stack,"",%progbits
