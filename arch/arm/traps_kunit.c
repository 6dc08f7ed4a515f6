/*
 * The "traps" suite: provoke each kind of fault on purpose through
 * arm_run_expecting_fault() and check it was caught as that kind, at that
 * address, with a backtrace through the right functions, and that the
 * kernel carries on (every case after the first runs after a fault).
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <string.h>
#include <asm/fault.h>
#include <asm/sections.h>
#include <asm/semihosting.h>
#include <asm/traps.h>
#include <mica/kunit.h>

/* Not inlined, not cloned: the backtrace checks look these names up. */
#define FAULT_FN noinline __attribute__((noipa))

/* Raw instructions whose address the checks need exactly. */
void undef_insn(void *arg);
void bug_insn(void *arg);
void bad_svc_insn(void *arg);
__asm__(".text\n"
	".type undef_insn, %function\n"
	"undef_insn:\n\t.inst 0xe7f000f0\n\tbx lr\n"
	".type bug_insn, %function\n"
	"bug_insn:\n\t.inst 0xe7f001f2\n\tbx lr\n"
	".type bad_svc_insn, %function\n"
	"bad_svc_insn:\n\tsvc #0x42\n\tbx lr\n");

/* "mov r0, #0x5a; bx lr", as data: never executable. */
static u32 data_insns[2] = { 0xe3a0005a, 0xe12fff1e };
static const int rodata_word = 42;
static u32 align_buf[4];

/* The function containing @addr is @name. */
static bool addr_in(unsigned long addr, const char *name)
{
	const char *found = kallsyms_lookup(addr, NULL, NULL);

	return found && !strcmp(found, name);
}

static FAULT_FN void read_null(void *arg)
{
	(void)READ_ONCE(*(volatile int *)arg);
}

static void null_read(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(read_null, NULL, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, 0);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_TRANS_SECT);
	KUNIT_EXPECT_FALSE(test, rec.fsr & FSR_WRITE);
	KUNIT_EXPECT_TRUE(test, addr_in(rec.pc, "read_null"));
}

static FAULT_FN void write_word(void *arg)
{
	WRITE_ONCE(*(volatile int *)arg, 7);
}

static void rodata_write(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(write_word, (void *)&rodata_word, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)&rodata_word);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_PERM_PAGE);
	KUNIT_EXPECT_TRUE(test, rec.fsr & FSR_WRITE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rodata_word), 42);
}

static FAULT_FN void call_code(void *code)
{
	int (*fn)(void) = (int (*)(void))code;

	(void)fn();
	barrier();
}

static void exec_data(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(call_code, data_insns, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_PREFETCH_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)data_insns);
	KUNIT_EXPECT_EQ(test, rec.pc, (unsigned long)data_insns);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_PERM_PAGE);
	/* Not in any function: the trace goes on from lr, the caller. */
	KUNIT_ASSERT_GE(test, rec.trace_len, 2);
	KUNIT_EXPECT_TRUE(test, addr_in(rec.trace[1], "call_code"));
}

static void call_null(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(call_code, NULL, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_PREFETCH_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, 0);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_TRANS_SECT);
}

static void undefined_instruction(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(undef_insn, NULL, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_UNDEFINED);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)undef_insn);
	KUNIT_EXPECT_EQ(test, rec.pc, (unsigned long)undef_insn);

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(bug_insn, NULL, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_UNDEFINED);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)bug_insn);
}

static FAULT_FN void ldrex_at(void *addr)
{
	unsigned long v;

	__asm__ __volatile__("ldrex %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	(void)v;
}

static FAULT_FN void ldrd_at(void *addr)
{
	unsigned long long v;

	__asm__ __volatile__("ldrd %0, %H0, [%1]" : "=&r"(v) : "r"(addr) : "memory");
	(void)v;
}

static void alignment(struct kunit *test)
{
	char *odd = (char *)align_buf + 1, *half = (char *)align_buf + 2;
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(ldrex_at, odd, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)odd);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_ALIGNMENT);

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(ldrd_at, half, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)half);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_ALIGNMENT);

	/* Aligned, the same code runs. */
	KUNIT_EXPECT_EQ(test, arm_run_expecting_fault(ldrex_at, align_buf, &rec), 0);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_NONE);
}

/*
 * With semihosting, QEMU answers the SVC and the kernel never sees it;
 * without, the kernel's SVC handler must fail it with -1 and carry on.
 * Either way the two must agree.
 */
static void semihosting_fails_cleanly(struct kunit *test)
{
	unsigned long before = semihosting_unanswered();
	long ret = semihosting_call(SYS_ERRNO, 0);
	bool answered_by_kernel = semihosting_unanswered() != before;

	KUNIT_EXPECT_EQ(test, answered_by_kernel, ret == -1);
	kunit_log(test, "semihosting %s", answered_by_kernel ? "absent: call failed with -1" :
			"present: the host answered");
}

static void unexpected_svc(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(bad_svc_insn, NULL, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_SVC);
	KUNIT_EXPECT_EQ(test, rec.addr, (unsigned long)bad_svc_insn);
}

static FAULT_FN void fault_inner(void *arg)
{
	WRITE_ONCE(*(volatile int *)arg, 1);
}

static FAULT_FN void fault_middle(void *arg)
{
	fault_inner(arg);
	barrier();
}

static FAULT_FN void fault_outer(void *arg)
{
	fault_middle(arg);
	barrier();
}

static void backtrace_through_fault(struct kunit *test)
{
	struct fault_record rec;

	KUNIT_ASSERT_EQ(test, arm_run_expecting_fault(fault_outer, (void *)16, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.addr, 16);
	KUNIT_EXPECT_TRUE(test, rec.fsr & FSR_WRITE);
	KUNIT_ASSERT_GE(test, rec.trace_len, 4);
	KUNIT_EXPECT_TRUE(test, addr_in(rec.trace[0], "fault_inner"));
	KUNIT_EXPECT_TRUE(test, addr_in(rec.trace[1], "fault_middle"));
	KUNIT_EXPECT_TRUE(test, addr_in(rec.trace[2], "fault_outer"));
	KUNIT_EXPECT_TRUE(test, addr_in(rec.trace[3], "__arm_run_expecting_fault"));
}

static FAULT_FN unsigned int trace_c(unsigned long *buf)
{
	unsigned int n = stack_trace_save(buf, 4, 0);

	barrier();
	return n;
}

static FAULT_FN unsigned int trace_b(unsigned long *buf)
{
	unsigned int n = trace_c(buf);

	barrier();
	return n;
}

static void stack_trace(struct kunit *test)
{
	unsigned long buf[4] = { 0 };

	KUNIT_ASSERT_EQ(test, trace_b(buf), 4);
	KUNIT_EXPECT_TRUE(test, addr_in(buf[0], "trace_c"));
	KUNIT_EXPECT_TRUE(test, addr_in(buf[1], "trace_b"));
	KUNIT_EXPECT_TRUE(test, addr_in(buf[2], "stack_trace"));
}

/* A fault inside an expected-fault run that itself expects one. */
static FAULT_FN void nested_expectation(void *arg)
{
	struct fault_record *inner = arg;

	if (arm_run_expecting_fault(read_null, NULL, inner) != 1)
		return;
	read_null(NULL);	/* this one belongs to the outer run */
	barrier();		/* a call, not a tail call: the trace must show us */
}

static void state_survives(struct kunit *test)
{
	struct fault_record outer, inner;
	volatile unsigned long canary = 0x600dcafe;
	unsigned long flags, sp_before, sp_after;

	local_irq_save(flags);
	__asm__ __volatile__("mov %0, sp" : "=r"(sp_before));
	KUNIT_EXPECT_EQ(test, arm_run_expecting_fault(nested_expectation, &inner, &outer), 1);
	__asm__ __volatile__("mov %0, sp" : "=r"(sp_after));
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, sp_before, sp_after);
	KUNIT_EXPECT_EQ(test, canary, 0x600dcafe);
	KUNIT_EXPECT_EQ(test, inner.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_EQ(test, outer.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_TRUE(test, addr_in(outer.trace[1], "nested_expectation"));
}

/* A case that brackets its own fault: the handler must end it through kunit_abort(). */
static void faulting_case(struct kunit *test)
{
	kunit_expect_fault_begin(test);
	read_null(NULL);
	KUNIT_FAIL(test, "execution went on after the fault");
}

static void kunit_case_ends_at_fault(struct kunit *test)
{
	struct kunit inner = { .name = "faulting_case" };

	kunit_try_run_case(&inner, faulting_case);
	KUNIT_EXPECT_EQ(test, inner.status, KUNIT_SUCCESS);
	KUNIT_EXPECT_FALSE(test, inner.fault_expected);
}

static void read_vector_regs(void *regs)
{
	unsigned long *r = regs;

	__asm__("mrc p15, 0, %0, c12, c0, 0" : "=r"(r[2 * smp_processor_id()]));
	__asm__("mrc p15, 0, %0, c1, c0, 0" : "=r"(r[2 * smp_processor_id() + 1]));
}

/*
 * Every CPU, before paging_init, took exceptions through the image's
 * template (VBAR); now the high vectors (SCTLR.V) are in force everywhere.
 */
static void early_vectors(struct kunit *test)
{
	unsigned long regs[2 * NR_CPUS] = { 0 };
	int cpu;

	for_each_online_cpu(cpu)
		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, read_vector_regs, regs, 1), 0);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ_MSG(test, regs[2 * cpu], (unsigned long)__vectors_start, "CPU%d", cpu);
		KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED(regs[2 * cpu], 32), "CPU%d", cpu);
		KUNIT_EXPECT_TRUE_MSG(test, regs[2 * cpu + 1] & (1 << 13), "CPU%d: SCTLR.V", cpu);
	}
}

static struct kunit_case exceptions_cases[] = {
	KUNIT_CASE(null_read),
	KUNIT_CASE(rodata_write),
	KUNIT_CASE(exec_data),
	KUNIT_CASE(call_null),
	KUNIT_CASE(undefined_instruction),
	KUNIT_CASE(alignment),
	KUNIT_CASE(semihosting_fails_cleanly),
	KUNIT_CASE(unexpected_svc),
	KUNIT_CASE(backtrace_through_fault),
	KUNIT_CASE(stack_trace),
	KUNIT_CASE(state_survives),
	KUNIT_CASE(kunit_case_ends_at_fault),
	KUNIT_CASE(early_vectors),
	{}
};

static struct kunit_suite exceptions_suite = {
	.name = "traps",
	.test_cases = exceptions_cases,
};
kunit_test_suite(exceptions_suite);
