/*
 * PSCI client. The firmware (QEMU's built-in PSCI on virt, or a secure
 * monitor) is called with the function ID in r0 and arguments in r1-r3,
 * through HVC when the kernel runs below a hypervisor-level firmware and
 * through SMC when a secure monitor provides it; the DTB's /psci node says
 * which. Return codes are PSCI's (0 success, negative errors), turned into
 * errnos here.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include <asm/psci.h>

#define PSCI_0_2_FN_PSCI_VERSION   0x84000000
#define PSCI_0_2_FN_CPU_ON         0x84000003
#define PSCI_0_2_FN_SYSTEM_OFF     0x84000008
#define PSCI_0_2_FN_SYSTEM_RESET   0x84000009

#define PSCI_RET_SUCCESS            0
#define PSCI_RET_NOT_SUPPORTED     -1
#define PSCI_RET_INVALID_PARAMS    -2
#define PSCI_RET_DENIED            -3
#define PSCI_RET_ALREADY_ON        -4
#define PSCI_RET_ON_PENDING        -5
#define PSCI_RET_INTERNAL_FAILURE  -6

static enum psci_conduit conduit = PSCI_CONDUIT_NONE;

void psci_set_conduit(enum psci_conduit c)
{
	conduit = c;
}

enum psci_conduit psci_get_conduit(void)
{
	return conduit;
}

enum psci_conduit psci_conduit_from_method(const char *method)
{
	if (!strcmp(method, "hvc"))
		return PSCI_CONDUIT_HVC;
	if (!strcmp(method, "smc"))
		return PSCI_CONDUIT_SMC;
	return PSCI_CONDUIT_NONE;
}

static long psci_call(u32 fn, u32 arg0, u32 arg1, u32 arg2)
{
	register u32 r0 __asm__("r0") = fn;
	register u32 r1 __asm__("r1") = arg0;
	register u32 r2 __asm__("r2") = arg1;
	register u32 r3 __asm__("r3") = arg2;

	switch (conduit) {
	case PSCI_CONDUIT_HVC:
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) :: "memory");
		break;
	case PSCI_CONDUIT_SMC:
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) :: "memory");
		break;
	default:
		return PSCI_RET_NOT_SUPPORTED;
	}
	return (s32)r0;
}

static int psci_to_errno(long ret)
{
	switch (ret) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	case PSCI_RET_ALREADY_ON:
	case PSCI_RET_ON_PENDING:
		return -EBUSY;
	default:
		return -EIO;
	}
}

int psci_version(void)
{
	long ret = psci_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);

	return ret < 0 ? psci_to_errno(ret) : (int)ret;
}

int psci_boot_secondary(unsigned int cpu, phys_addr_t entry)
{
	int ret = psci_to_errno(psci_call(PSCI_0_2_FN_CPU_ON, cpu, entry, 0));

	if (ret)
		pr_err("psci: CPU_ON of CPU%u failed (%d)\n", cpu, ret);
	return ret;
}

void psci_system_off(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	pr_emerg("psci: SYSTEM_OFF returned\n");
}

void psci_system_reset(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
	pr_emerg("psci: SYSTEM_RESET returned\n");
}
