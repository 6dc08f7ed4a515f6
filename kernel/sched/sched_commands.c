/*
 * The scheduler's console commands: `ps` (every task with its state, CPU,
 * CPU time and stack use), `uptime` (time since boot and the load
 * average, in busybox's format without the clock: Mica has no RTC) and
 * `taskset` (util-linux's: a task's CPU affinity, or a command run on
 * chosen CPUs).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/time64.h>
#include <mica/shell.h>
#include <limits.h>
#include <string.h>

struct ps_row {
	pid_t pid;
	char state;
	unsigned int cpu;
	u64 runtime_ns;
	unsigned long stack_used;
	unsigned long nvcsw, nivcsw;
	char comm[TASK_COMM_LEN];
};

#define PS_MAX_ROWS (PAGE_SIZE / sizeof(struct ps_row))

/* Linux's one-letter states, as ps shows them. */
static char task_state_char(const struct task_struct *p)
{
	long state = READ_ONCE(p->state);

	if (state == TASK_RUNNING)
		return 'R';
	if (state & TASK_DEAD)
		return 'X';
	if ((state & TASK_IDLE) == TASK_IDLE)
		return 'I';
	if (state & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (state & TASK_INTERRUPTIBLE)
		return 'S';
	return '?';
}

static int cmd_ps(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);
	struct ps_row *rows;
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0, i;
	bool truncated = false;

	if (err)
		return err;
	rows = (struct ps_row *)__get_free_page(GFP_KERNEL);
	if (!rows)
		return -ENOMEM;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		struct ps_row *r = &rows[n];

		if (n == PS_MAX_ROWS) {
			truncated = true;
			break;
		}
		r->pid = p->pid;
		r->state = task_state_char(p);
		r->cpu = task_cpu(p);
		r->runtime_ns = p->sum_exec_runtime;
		r->stack_used = stack_used_bytes(p);
		r->nvcsw = p->nvcsw;
		r->nivcsw = p->nivcsw;
		memcpy(r->comm, p->comm, TASK_COMM_LEN);
		r->comm[TASK_COMM_LEN - 1] = '\0';
		n++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);

	shell_printf("  PID S PSR     TIME STACK   VCSW  IVCSW COMMAND\n");
	for (i = 0; i < n; i++) {
		const struct ps_row *r = &rows[i];
		unsigned long secs = (unsigned long)(r->runtime_ns / NSEC_PER_SEC);

		shell_printf("%5d %c %3u %02lu:%02lu:%02lu %5lu %6lu %6lu %s\n", r->pid, r->state,
			     r->cpu, secs / 3600, secs / 60 % 60, secs % 60, r->stack_used,
			     r->nvcsw, r->nivcsw, r->comm);
	}
	if (truncated)
		shell_printf("(more tasks not shown)\n");
	free_page((unsigned long)rows);
	return 0;
}
SHELL_COMMAND("ps", "", "tasks: PID, state, CPU, CPU time, stack bytes used (of 8192), switches", cmd_ps);

static int cmd_uptime(int argc, char **argv)
{
	u64 ticks = get_jiffies_64() - (u64)INITIAL_JIFFIES;
	unsigned long secs = (unsigned long)(ticks / HZ), mins = secs / 60;
	unsigned long days = mins / (60 * 24), hours = mins / 60 % 24, loads[3];
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	get_avenrun(loads, FIXED_1 / 200, 0);
	shell_printf("up ");
	if (days)
		shell_printf("%lu day%s, ", days, days == 1 ? "" : "s");
	if (hours)
		shell_printf("%2lu:%02lu, ", hours, mins % 60);
	else
		shell_printf("%lu min, ", mins % 60);
	shell_printf(" load average: %lu.%02lu, %lu.%02lu, %lu.%02lu\n",
		     LOAD_INT(loads[0]), LOAD_FRAC(loads[0]), LOAD_INT(loads[1]),
		     LOAD_FRAC(loads[1]), LOAD_INT(loads[2]), LOAD_FRAC(loads[2]));
	return 0;
}
SHELL_COMMAND("uptime", "", "time since boot and the 1, 5 and 15 minute load averages", cmd_uptime);

/* A mask in hex ("f", "0x3") or, with @list, a CPU list ("0-2,3"). */
static int parse_cpus(const char *cmd, const char *arg, bool list, cpumask_t *mask)
{
	const char *p = arg;
	unsigned long v;

	mask->bits = 0;
	if (!list) {
		if (kstrtoul(arg, 16, &v) || v >> NR_CPUS)
			return shell_usage_error(cmd, "'%s' is not a CPU mask (hex, CPUs 0..%d)",
						 arg, NR_CPUS - 1);
		mask->bits = v;
		return 0;
	}
	while (*p) {
		char *end;
		unsigned long first = simple_strtoull(p, &end, 10), last = first;

		if (end == p)
			break;
		if (*end == '-') {
			p = end + 1;
			last = simple_strtoull(p, &end, 10);
			if (end == p)
				break;
		}
		if (first > last || last >= NR_CPUS)
			break;
		while (first <= last)
			cpumask_set_cpu((int)first++, mask);
		p = end;
		if (*p == ',' && p[1])
			p++;
		else if (*p)
			break;
	}
	if (*p || p == arg)
		return shell_usage_error(cmd, "'%s' is not a CPU list (0..%d, as 0-2,3)", arg,
					 NR_CPUS - 1);
	return 0;
}

static struct task_struct *get_task_by_pid(pid_t pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pid == pid && !is_idle_task(p)) {
			get_task_struct(p);
			found = p;
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static int set_affinity(const char *cmd, struct task_struct *p, const cpumask_t *mask)
{
	int err = set_cpus_allowed_ptr(p, mask);

	if (err)
		shell_printf("%s: failed to set pid %d's affinity: %s\n", cmd, p->pid,
			     err == -EINVAL ? "no online CPU in the mask" : "error");
	return err;
}

static int cmd_taskset(int argc, char **argv)
{
	bool pid_mode = false, list = false;
	const struct shell_command *run;
	struct task_struct *p;
	struct shell_args args;
	cpumask_t mask, old;
	unsigned long pid;
	int opt, n, err;

	shell_args_init(&args, argc, argv);
	while ((opt = shell_getopt(&args, "pc")) > 0) {
		if (opt == 'p')
			pid_mode = true;
		else
			list = true;
	}
	if (opt < 0)
		return opt;
	n = shell_operands(&args, pid_mode ? 1 : 2, pid_mode ? 2 : SHELL_ARGS_MANY);
	if (n < 0)
		return n;
	if (pid_mode) {
		err = shell_parse_ulong(argv[0], argv[argc - 1], 1, INT_MAX, &pid);
		if (!err && n == 2)
			err = parse_cpus(argv[0], argv[args.optind], list, &mask);
		if (err)
			return err;
		p = get_task_by_pid((pid_t)pid);
		if (!p) {
			shell_printf("%s: no task with pid %lu\n", argv[0], pid);
			return -ESRCH;
		}
		shell_printf("pid %d's current affinity mask: %lx\n", p->pid, p->cpus_allowed.bits);
		err = n == 2 ? set_affinity(argv[0], p, &mask) : 0;
		if (n == 2 && !err)
			shell_printf("pid %d's new affinity mask: %lx\n", p->pid,
				     p->cpus_allowed.bits);
		put_task_struct(p);
		return err;
	}
	err = parse_cpus(argv[0], argv[args.optind], list, &mask);
	if (err)
		return err;
	run = shell_find_command(argv[args.optind + 1]);
	if (!run || run->run == cmd_taskset)
		return shell_usage_error(argv[0], "'%s' is not a command it can run",
					 argv[args.optind + 1]);
	old = current->cpus_allowed;
	err = set_affinity(argv[0], current, &mask);
	if (err)
		return err;
	err = run->run(n - 1, argv + args.optind + 1);
	set_cpus_allowed_ptr(current, &old);
	return err;
}
SHELL_COMMAND("taskset", "[-c] MASK|CPULIST COMMAND [ARGS...]\n"
	      "       taskset -p [-c] [MASK|CPULIST] PID",
	      "run a command on chosen CPUs, or show or set a task's CPU affinity",
	      cmd_taskset);
