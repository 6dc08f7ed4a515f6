/*
 * The CPSR's modes and bits, and the saved register state of an exception
 * (Linux/ARM's struct pt_regs layout). For assembler and C.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define USR_MODE 0x10
#define FIQ_MODE 0x11
#define IRQ_MODE 0x12
#define SVC_MODE 0x13
#define ABT_MODE 0x17
#define HYP_MODE 0x1a
#define UND_MODE 0x1b
#define SYSTEM_MODE 0x1f
#define MODE_MASK 0x1f
#define PSR_T_BIT 0x20
#define PSR_F_BIT 0x40
#define PSR_I_BIT 0x80
#define PSR_A_BIT 0x100
#define PSR_IT_MASK 0x0600fc00	/* Thumb IT-block state */
#define PSR_J_BIT 0x01000000
#define PSR_V_BIT 0x10000000
#define PSR_C_BIT 0x20000000
#define PSR_Z_BIT 0x40000000
#define PSR_N_BIT 0x80000000

#define S_R0   0
#define S_SP   52
#define S_LR   56
#define S_PC   60
#define S_PSR  64
#define S_OLD_R0 68
#define PT_REGS_SIZE 72

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_cpsr   uregs[16]
#define ARM_pc     uregs[15]
#define ARM_lr     uregs[14]
#define ARM_sp     uregs[13]
#define ARM_ip     uregs[12]
#define ARM_fp     uregs[11]
#define ARM_r0     uregs[0]
#define ARM_ORIG_r0 uregs[17]

#define processor_mode(regs) ((regs)->ARM_cpsr & MODE_MASK)
#define interrupts_enabled(regs) (!((regs)->ARM_cpsr & PSR_I_BIT))
#define instruction_pointer(regs) ((regs)->ARM_pc)
#endif

#endif
