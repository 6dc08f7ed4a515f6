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

#define SH_MODE_RB     1	/* fopen mode "rb" */
#define SH_READ_CHUNK  (64UL << 10)

static long sh_close(long handle)
{
	unsigned long block[1] = { handle };

	return semihosting_call(SYS_CLOSE, (unsigned long)block);
}

long semihosting_read_file(const char *path, void *buf, size_t size, size_t *file_size)
{
	unsigned long open_block[3] = { (unsigned long)path, SH_MODE_RB, strlen(path) };
	long handle, len, err = 0;
	size_t done = 0;

	handle = semihosting_call(SYS_OPEN, (unsigned long)open_block);
	if (handle == -1)
		return -ENOENT;
	{
		unsigned long flen_block[1] = { handle };

		len = semihosting_call(SYS_FLEN, (unsigned long)flen_block);
	}
	if (len < 0) {
		err = -EIO;
		goto out;
	}
	*file_size = len;
	if (!buf)
		goto out;
	if ((size_t)len > size) {
		err = -EFBIG;
		goto out;
	}
	while (done < (size_t)len) {
		size_t chunk = min((size_t)len - done, SH_READ_CHUNK);
		unsigned long read_block[3] = { handle, (unsigned long)buf + done, chunk };
		long left = semihosting_call(SYS_READ, (unsigned long)read_block);

		/* The host answers with the bytes it did not read. */
		if (left < 0 || (size_t)left >= chunk) {
			err = -EIO;
			goto out;
		}
		done += chunk - left;
	}
out:
	sh_close(handle);
	return err ? err : (long)done;
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
