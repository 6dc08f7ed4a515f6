/*
 * Time unit constants, with Linux's names and types (long, as on Linux: on
 * a 32-bit CPU a product of two of them, or of one and a large count, must
 * be widened first, e.g. (u64)ms * NSEC_PER_MSEC).
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L

#endif
