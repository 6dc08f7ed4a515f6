/*
 * KUnit's part in faults on purpose (the hooks of asm/traps.h): the
 * expected-fault markers the QEMU harness looks for around each
 * arm_run_expecting_fault() (inside a case, kunit_expect_fault_begin/end,
 * so the case knows; outside one, the bare lines), and, when a case that
 * opened the markers itself faults, the end of that case: the exception
 * returns into kunit_abort() on the case's own stack, as
 * include/mica/kunit.h asks of the fault handler.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/traps.h>
#include <mica/kunit.h>

static bool kunit_markers_begin(void)
{
	struct kunit *test = kunit_get_current_test();

	if (!test) {
		printk(KERN_INFO "# expected-fault begin\n");
		return true;
	}
	if (test->fault_expected)
		return false;
	kunit_expect_fault_begin(test);
	return true;
}

static void kunit_markers_end(void)
{
	struct kunit *test = kunit_get_current_test();

	if (test)
		kunit_expect_fault_end(test);
	else
		printk(KERN_INFO "# expected-fault end\n");
}

static void abort_case(void *test)
{
	kunit_abort(test);
}

static bool kunit_fault_recover(struct pt_regs *regs)
{
	struct kunit *test = kunit_get_current_test();

	if (!test || !test->fault_expected || !test->abort_ctx)
		return false;
	return fault_resume_in_task(regs, test->abort_ctx, abort_case, test);
}

static bool kunit_markers_open(void)
{
	struct kunit *test = kunit_get_current_test();

	return test && test->fault_expected;
}

static const struct fault_expect_hooks kunit_fault_hooks = {
	.markers_begin = kunit_markers_begin,
	.markers_end = kunit_markers_end,
	.recover = kunit_fault_recover,
	.markers_open = kunit_markers_open,
};

static int __init kunit_fault_init(void)
{
	fault_expect_set_hooks(&kunit_fault_hooks);
	return 0;
}
early_initcall(kunit_fault_init);
