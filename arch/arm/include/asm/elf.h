/*
 * ARM relocation types the module loader applies (ELF for the ARM
 * Architecture, AAELF32): those GCC and GAS emit for ARM-state kernel code.
 */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#define R_ARM_NONE		0
#define R_ARM_PC24		1
#define R_ARM_ABS32		2
#define R_ARM_REL32		3
#define R_ARM_CALL		28
#define R_ARM_JUMP24		29
#define R_ARM_TARGET1		38
#define R_ARM_V4BX		40
#define R_ARM_PREL31		42
#define R_ARM_MOVW_ABS_NC	43
#define R_ARM_MOVT_ABS		44

#endif
