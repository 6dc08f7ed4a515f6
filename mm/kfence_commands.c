/*
 * The `kfence` console command: the pool and the sampler in meminfo's
 * form, and kfence sample_interval=MS to change the interval (0: off).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include <mica/shell.h>
#include "kfence.h"

static void line(const char *key, unsigned long value, const char *unit)
{
	char label[32];

	snprintf(label, sizeof(label), "%s:", key);
	shell_printf("%-24s%10lu%s\n", label, value, unit);
}

static int set(const char *key, const char *val)
{
	unsigned long ms;

	if (strcmp(key, "sample_interval"))
		return -ENOENT;
	if (kstrtoul(val, 0, &ms) || ms > 1000000)
		return -EINVAL;
	WRITE_ONCE(kfence_sample_interval, (unsigned int)ms);
	return 0;
}

static int cmd_kfence(int argc, char **argv)
{
	int err = shell_apply_settings("kfence", argc, argv, set);

	if (err)
		return err;
	line("KfenceSampleInterval", READ_ONCE(kfence_sample_interval), " ms");
	line("KfencePool", KFENCE_POOL_SIZE >> 10, " kB");
	line("KfenceObjects", KFENCE_NUM_OBJECTS, "");
	line("KfenceObjectsAllocated",
	     (unsigned long)atomic_read(&kfence_counters[KFENCE_COUNTER_ALLOCATED]), "");
	line("KfenceAllocations", (unsigned long)atomic_read(&kfence_counters[KFENCE_COUNTER_ALLOCS]),
	     "");
	line("KfenceFrees", (unsigned long)atomic_read(&kfence_counters[KFENCE_COUNTER_FREES]), "");
	line("KfenceBugs", (unsigned long)atomic_read(&kfence_counters[KFENCE_COUNTER_BUGS]), "");
	line("KfenceSkippedUnfit",
	     (unsigned long)atomic_read(&kfence_counters[KFENCE_COUNTER_SKIP_INCOMPAT]), "");
	line("KfenceSkippedFull",
	     (unsigned long)atomic_read(&kfence_counters[KFENCE_COUNTER_SKIP_CAPACITY]), "");
	return 0;
}
SHELL_COMMAND("kfence", "KFENCE's pool and sampling (meminfo form); [sample_interval=MS] (0: off)",
	      cmd_kfence);
