/*
 * Semihosting calls (asm/semihosting.h). The SVC clobbers lr, as any SVC
 * taken in SVC mode does.
 */
#include <linux/kernel.h>
#include <asm/ptrace.h>
#include <asm/semihosting.h>

static unsigned long unanswered;

long semihosting_call(unsigned long op, unsigned long arg)
{
	register unsigned long r0 __asm__("r0") = op;
	register unsigned long r1 __asm__("r1") = arg;

	__asm__ __volatile__("svc %2"
			     : "+r"(r0)
			     : "r"(r1), "i"(SEMIHOSTING_SVC_IMM)
			     : "memory", "lr", "cc");
	return (long)r0;
}

unsigned long semihosting_unanswered(void)
{
	return __atomic_load_n(&unanswered, __ATOMIC_RELAXED);
}

void semihosting_unanswered_call(struct pt_regs *regs)
{
	__atomic_add_fetch(&unanswered, 1, __ATOMIC_RELAXED);
	regs->ARM_r0 = (unsigned long)-1;
}
