/*
 * Static keys on ARM (the arch half of linux/jump_label.h). A site is one
 * ARM instruction, a NOP or a B to the code the compiler laid out of line,
 * plus an entry in the __jump_table section that the linker gathers
 * (linker.ld): the instruction's address, the branch target and the key.
 * Bit 0 of the key word marks an inverted site, one that branches while
 * the key is off (static_branch_likely). kernel/jump_label.c rewrites the
 * instruction when the key changes.
 */
#ifndef _ASM_JUMP_LABEL_H
#define _ASM_JUMP_LABEL_H

#include <linux/types.h>
#include <linux/compiler.h>

#define JUMP_LABEL_INSN_SIZE	4

struct static_key;

struct jump_entry {
	unsigned long code;	/* the site's instruction */
	unsigned long target;	/* where its B goes */
	unsigned long key;	/* struct static_key *, bit 0: inverted */
};

/* The site's __jump_table entry: its address (label 1), the target, the key word. */
#define JUMP_TABLE_ENTRY					\
	".pushsection __jump_table, \"aw\"\n\t"		\
	".align 2\n\t"					\
	".word 1b, %l[jumped], %c0\n\t"			\
	".popsection"

/*
 * The site starts as a NOP; it returns true when it has been patched into
 * a branch. @inverted goes into the entry only (a constant address plus 0
 * or 1).
 */
static __always_inline bool arch_static_branch(struct static_key *key, bool inverted)
{
	__asm__ goto("1:	nop\n\t" JUMP_TABLE_ENTRY
		     : : "i"((char *)key + inverted) : : jumped);
	return false;
jumped:
	return true;
}

/* The same, starting as the branch. */
static __always_inline bool arch_static_branch_jump(struct static_key *key, bool inverted)
{
	__asm__ goto("1:	b	%l[jumped]\n\t" JUMP_TABLE_ENTRY
		     : : "i"((char *)key + inverted) : : jumped);
	return false;
jumped:
	return true;
}

/* ARM encodings: the architectural NOP hint, and B (always) with its 24-bit word offset. */
#define ARM_INSN_NOP		0xe320f000u
#define ARM_INSN_B		0xea000000u
#define ARM_INSN_B_MASK		0xff000000u

static inline u32 arm_gen_branch(unsigned long pc, unsigned long target)
{
	long offset = (long)target - (long)(pc + 8);	/* PC reads two instructions ahead */

	return ARM_INSN_B | (((unsigned long)offset >> 2) & 0x00ffffff);
}

/*
 * Write @branch ? a B to @e's target : a NOP at @e's site. The caller has
 * the other CPUs stopped (stop_machine) or is the only CPU running.
 */
void arch_jump_label_transform(struct jump_entry *e, bool branch);

#endif
