/*
 * CPU-to-node topology. Every CPU has a local node: with numa=fake=N the
 * CPUs are shared out in order (4 CPUs, 2 nodes: CPUs 0-1 on node 0, 2-3 on
 * node 1); with one node they all share it.
 */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/smp.h>

extern int cpu_to_node_map[NR_CPUS];

static inline int cpu_to_node(int cpu)
{
	return cpu_to_node_map[cpu];
}

/* The node local to the CPU this runs on. */
#define numa_node_id() cpu_to_node(raw_smp_processor_id())

#endif
