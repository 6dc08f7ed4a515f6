/*
 * Semihosting calls (asm/semihosting.h). The SVC clobbers lr, as any SVC
 * taken in SVC mode does.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/ptrace.h>
#include <asm/semihosting.h>
#include <string.h>

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

/* The host's line starts with the program's name (argv[0]): not a parameter. */
static int drop_program_name(char *line)
{
	char *args = strchr(line, ' ');
	size_t len;

	if (!args) {
		line[0] = '\0';
		return 0;
	}
	while (*args == ' ')
		args++;
	len = strlen(args);
	memmove(line, args, len + 1);
	return (int)len;
}

int semihosting_get_cmdline(char *buf, size_t size)
{
	unsigned long block[2] = { (unsigned long)buf, size };	/* buffer, then length */
	unsigned long before = semihosting_unanswered();

	if (size == 0)
		return -EINVAL;
	if (semihosting_call(SYS_GET_CMDLINE, (unsigned long)block) != 0)
		/* A host that answers refuses only a line that does not fit. */
		return semihosting_unanswered() == before ? -E2BIG : -ENOSYS;
	if (block[1] >= size)
		return -E2BIG;
	buf[block[1]] = '\0';
	return drop_program_name(buf);
}

unsigned long semihosting_ram_end(void)
{
	/* The block is {heap base, heap limit, stack base, stack limit}. */
	unsigned long info[4] = { 0 };
	unsigned long block = (unsigned long)info;

	if (semihosting_call(SYS_HEAPINFO, (unsigned long)&block) != 0)
		return 0;
	return info[1];
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
