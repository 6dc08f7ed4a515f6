/* Simulated `current`: the task a host thread runs, as a test sets it (sim_current); no task is NULL. */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;
extern __thread struct task_struct *sim_current;

static inline struct task_struct *get_current(void)
{
	return sim_current;
}

#define current get_current()

#endif
