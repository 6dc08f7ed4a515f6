/*
 * Which suites run, and when: kunit_run_suites() for the shell's `test`
 * command (kernel/shell/shell_commands.c) and kunit_run_all_tests() for the
 * boot-time run, which the command line controls as in Linux:
 *   kunit.enable=0 (or the short "notests")  skip the boot-time run
 *   kunit.filter_glob=GLOB                   run only matching suites
 * Less than Linux: one glob, no kunit.action=list, no filter attributes.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/glob.h>
#include <linux/errno.h>
#include <mica/kunit.h>
#include "internal.h"

extern struct kunit_suite *const __start_kunit_suites[], *const __stop_kunit_suites[];

#define for_each_suite(sp) \
	for (sp = __start_kunit_suites; sp < __stop_kunit_suites; sp++)

static bool kunit_enabled = true;
static char filter_glob[128];

static bool glob_selects(const char *glob, const struct kunit_suite *suite,
			 const struct kunit_case *tc)
{
	char full[128];

	if (!strchr(glob, '.'))
		return glob_match(glob, suite->name);
	if (!tc)
		return false;
	snprintf(full, sizeof(full), "%s.%s", suite->name, tc->name);
	return glob_match(glob, full);
}

bool kunit_case_selected(const struct kunit_filter *filter, const struct kunit_suite *suite,
			 const struct kunit_case *tc)
{
	if (filter->nglobs == 0)
		return true;
	for (int i = 0; i < filter->nglobs; i++)
		if (glob_selects(filter->globs[i], suite, tc))
			return true;
	return false;
}

/* A suite runs if a glob names it, or names one of its cases. */
static bool suite_selected(const struct kunit_filter *filter, const struct kunit_suite *suite)
{
	if (kunit_case_selected(filter, suite, NULL))
		return true;
	for (const struct kunit_case *tc = suite->test_cases; tc->run_case; tc++)
		if (kunit_case_selected(filter, suite, tc))
			return true;
	return false;
}

/* Per suite: an oops in one (console_verbose) makes the rest verbose. */
static bool run_quietly(bool verbose)
{
	return !verbose && READ_ONCE(console_loglevel) <= CONSOLE_LOGLEVEL_DEFAULT;
}

int kunit_run_suites(int nnames, char **names, bool verbose)
{
	struct kunit_filter filter = { nnames, names };
	struct kunit_result_stats totals = { 0 };
	struct kunit_suite *const *sp;
	unsigned int nsuites = 0, number = 0;
	int failed = 0;

	/* Report names that select nothing first, outside the KTAP document. */
	for (int i = 0; i < nnames; i++) {
		struct kunit_filter one = { 1, &names[i] };
		bool found = false;

		for_each_suite(sp)
			found = found || suite_selected(&one, *sp);
		if (!found) {
			printk(KERN_ERR "test: no suite named '%s'\n", names[i]);
			failed++;
		}
	}

	for_each_suite(sp)
		nsuites += suite_selected(&filter, *sp);
	if (nsuites)
		add_taint(TAINT_TEST, LOCKDEP_STILL_OK);	/* as Linux: tests ran here */
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%u\n", nsuites);
	for_each_suite(sp)
		if (suite_selected(&filter, *sp) &&
		    kunit_run_suite(*sp, ++number, &filter, &totals, run_quietly(verbose)) ==
		    KUNIT_FAILURE)
			failed++;
	printk(KERN_INFO "# Totals: pass:%u fail:%u skip:%u total:%u\n",
	       totals.passed, totals.failed, totals.skipped, totals.total);
	return failed;
}

int kunit_run_all_tests(void)
{
	char *glob = filter_glob;

	if (!kunit_enabled) {
		pr_info("kunit: boot-time tests disabled\n");
		return 0;
	}
	return glob[0] ? kunit_run_suites(1, &glob, false) : kunit_run_suites(0, NULL, false);
}

/* A module_param bool's spellings: y/Y/1 and n/N/0. */
static int __init kunit_enable_setup(char *val)
{
	if (val[0] && strchr("yY1", val[0]))
		kunit_enabled = true;
	else if (val[0] && strchr("nN0", val[0]))
		kunit_enabled = false;
	else
		return -EINVAL;
	return 0;
}
__setup("kunit.enable=", kunit_enable_setup);

static int __init kunit_notests_setup(char *val)
{
	kunit_enabled = false;
	return 0;
}
__setup("notests", kunit_notests_setup);

static int __init kunit_filter_glob_setup(char *val)
{
	if (strlen(val) >= sizeof(filter_glob))
		return -EINVAL;
	strcpy(filter_glob, val);
	return 0;
}
__setup("kunit.filter_glob=", kunit_filter_glob_setup);
