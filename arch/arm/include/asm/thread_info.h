/*
 * Kernel stacks. Every kernel stack (the boot CPU's init_stack, the
 * secondaries' stacks, later thread stacks) is THREAD_SIZE bytes and
 * THREAD_SIZE-aligned, so the stack that holds an sp is found by masking:
 * the backtrace code relies on it to bound its walk.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define THREAD_SIZE 8192

#ifndef __ASSEMBLER__
/* Lowest address of the kernel stack that holds @sp. */
static inline unsigned long stack_base(unsigned long sp)
{
	return sp & ~(THREAD_SIZE - 1UL);
}
#endif

#endif
