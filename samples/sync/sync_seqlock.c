/* A pair that must always be read equal: the writer changes both halves under a seqlock. */
#include <linux/seqlock.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include "sync.h"

static DEFINE_SEQLOCK(pair_lock);
static unsigned long pair[2];
static struct completion writer_done;

static int writer(void *arg)
{
	unsigned long i;

	for (i = 1; i <= 20000; i++) {
		write_seqlock(&pair_lock);
		pair[0] = i;
		pair[1] = i;
		write_sequnlock(&pair_lock);
		if (!(i % 1000))
			schedule();
	}
	complete(&writer_done);
	return 0;
}

bool seqlock_check(void)
{
	unsigned long a, b, reads = 0;
	unsigned int seq;
	bool torn = false;

	init_completion(&writer_done);
	if (IS_ERR(kthread_run(writer, NULL, "sync_test/writer")))
		return false;
	while (!completion_done(&writer_done)) {
		do {
			seq = read_seqbegin(&pair_lock);
			a = pair[0];
			b = pair[1];
		} while (read_seqretry(&pair_lock, seq));
		torn |= a != b;
		reads++;
		cond_resched();
	}
	wait_for_completion(&writer_done);
	return !torn && reads;
}
