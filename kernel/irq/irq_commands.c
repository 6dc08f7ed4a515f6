/*
 * The interrupt console commands: `interrupts`, in /proc/interrupts' layout.
 * One line per interrupt that has a handler or was ever taken, with its
 * count on each online CPU, the controller, the hardware number, the
 * trigger and the handlers' names; then the IPIs and the spurious count.
 * `softirqs`: runs of each softirq per CPU, as /proc/softirqs.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/smp.h>
#include <asm/smp.h>
#include <mica/shell.h>

static bool irq_seen(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned int cpu;

	if (!desc || !desc->chip)
		return false;
	if (READ_ONCE(desc->action))
		return true;
	for_each_possible_cpu(cpu)
		if (kstat_irqs_cpu(irq, cpu))
			return true;
	return false;
}

static void show_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	char line[256];
	struct irqaction *a;
	unsigned long flags;
	unsigned int cpu;
	int n;

	n = scnprintf(line, sizeof(line), "%3u: ", irq);
	for_each_online_cpu(cpu)
		n += scnprintf(line + n, sizeof(line) - n, "%10u ", kstat_irqs_cpu(irq, cpu));
	n += scnprintf(line + n, sizeof(line) - n, " %8s %3u %-8s", desc->chip->name, irq,
		       desc->chip->irq_get_type && desc->chip->irq_get_type(irq) == IRQ_TYPE_EDGE_RISING ?
		       "Edge" : "Level");
	/* Under the lock: free_irq must not recycle an action we are naming. */
	spin_lock_irqsave(&desc->lock, flags);
	for (a = desc->action; a; a = a->next)
		n += scnprintf(line + n, sizeof(line) - n, "%s%s", a == desc->action ? "  " : ", ",
			       a->name ? a->name : "");
	spin_unlock_irqrestore(&desc->lock, flags);
	shell_printf("%s\n", line);
}

static void show_ipi_list(void)
{
	unsigned int ipi, cpu;

	for (ipi = 0; ipi < NR_IPI; ipi++) {
		char line[160];
		int n;

		if (!ipi_type_name(ipi))
			continue;
		n = scnprintf(line, sizeof(line), "IPI%u: ", ipi);
		for_each_online_cpu(cpu)
			n += scnprintf(line + n, sizeof(line) - n, "%10u ", ipi_stat_cpu(cpu, ipi));
		shell_printf("%s %s\n", line, ipi_type_name(ipi));
	}
}

static int cmd_interrupts(int argc, char **argv)
{
	char header[128];
	unsigned int irq, cpu;
	int n = shell_no_args(argc, argv);

	if (n)
		return n;
	n = scnprintf(header, sizeof(header), "%11s", "");
	for_each_online_cpu(cpu)
		n += scnprintf(header + n, sizeof(header) - n, "CPU%-8u", cpu);
	shell_printf("%s\n", header);
	for (irq = 0; irq < nr_irqs; irq++)
		if (irq_seen(irq))
			show_irq(irq);
	show_ipi_list();
	shell_printf("Err: %10lu\n", irq_err_count());
	return 0;
}
SHELL_COMMAND("interrupts", "", "interrupt counts per CPU, as /proc/interrupts", cmd_interrupts);

static int cmd_softirqs(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);
	unsigned int cpu, nr;

	if (err)
		return err;
	shell_printf("                ");
	for_each_possible_cpu(cpu)
		shell_printf("CPU%-8u", cpu);
	shell_printf("\n");
	for (nr = 0; nr < NR_SOFTIRQS; nr++) {
		shell_printf("%12s:", softirq_to_name[nr]);
		for_each_possible_cpu(cpu)
			shell_printf(" %10u", kstat_softirqs_cpu(nr, cpu));
		shell_printf("\n");
	}
	return 0;
}
SHELL_COMMAND("softirqs", "", "softirq runs per CPU (/proc/softirqs); tasklets are HI and TASKLET",
	      cmd_softirqs);
