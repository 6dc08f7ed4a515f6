/* Between the three files of sync_test.ko. */
#ifndef SYNC_TEST_H
#define SYNC_TEST_H

void mutex_worker(int loops);
long mutex_total(void);
/* A writer and a reader of a seqlock-protected pair: true if no torn read was seen. */
bool seqlock_check(void);

#endif
