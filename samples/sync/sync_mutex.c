/* A counter only changed under a mutex. */
#include <linux/mutex.h>
#include <linux/sched.h>
#include "sync.h"

static DEFINE_MUTEX(counter_lock);
static long counter;

void mutex_worker(int loops)
{
	int i;

	for (i = 0; i < loops; i++) {
		long v;

		mutex_lock(&counter_lock);
		v = counter;
		if (!(i % 64))
			schedule();	/* let the others find the mutex taken */
		counter = v + 1;
		mutex_unlock(&counter_lock);
	}
}

long mutex_total(void)
{
	long v;

	mutex_lock(&counter_lock);
	v = counter;
	mutex_unlock(&counter_lock);
	return v;
}
