/*
 * Console commands for tasks: `ps` (every task with its state, CPU, CPU
 * time and stack use) and `uptime` (time since boot and the load
 * average, in busybox's format without the clock: Mica has no RTC).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/time64.h>
#include <mica/shell.h>
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
	struct ps_row *rows = (struct ps_row *)__get_free_page(GFP_KERNEL);
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0, i;
	bool truncated = false;

	if (argc > 1) {
		shell_printf("usage: ps\n");
		return -EINVAL;
	}
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
SHELL_COMMAND("ps", "tasks: PID, state, CPU, CPU time, stack bytes used (of 8192), switches", cmd_ps);

static int cmd_uptime(int argc, char **argv)
{
	u64 ticks = get_jiffies_64() - (u64)INITIAL_JIFFIES;
	unsigned long secs = (unsigned long)(ticks / HZ), mins = secs / 60;
	unsigned long days = mins / (60 * 24), hours = mins / 60 % 24, loads[3];

	if (argc > 1) {
		shell_printf("usage: uptime\n");
		return -EINVAL;
	}
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
SHELL_COMMAND("uptime", "time since boot and the 1, 5 and 15 minute load averages", cmd_uptime);
