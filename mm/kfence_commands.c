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

/* @settings: the interval in ms, made live only when every word is good. */
static int set(void *settings, const char *key, const char *val)
{
	unsigned long ms;

	if (strcmp(key, "sample_interval"))
		return -ENOENT;
	if (kstrtoul(val, 0, &ms) || ms > 1000000)
		return -EINVAL;
	*(unsigned int *)settings = (unsigned int)ms;
	return 0;
}

static int cmd_kfence(int argc, char **argv)
{
	unsigned int interval = READ_ONCE(kfence_sample_interval);
	int err = shell_apply_settings(argv[0], argc - 1, argv + 1, set, &interval);

	if (err)
		return err;
	WRITE_ONCE(kfence_sample_interval, interval);
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
SHELL_COMMAND("kfence", "[sample_interval=MS]",
	      "KFENCE's pool and sampling in meminfo's form; set the interval (0: off)", cmd_kfence);
