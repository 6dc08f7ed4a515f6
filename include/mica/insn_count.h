/*
 * Instruction counts for benchmarks. Under QEMU with `-icount shift=0`
 * every guest instruction takes exactly 1 ns of virtual time, and the
 * Cortex-A9 MPCore global timer (private region + 0x200, prescaler 0)
 * ticks every 10 ns of it, so ticks * 10 is the number of instructions
 * executed, to within 10 (checked against a loop of known length: exact).
 * Parked CPUs (WFE/WFI) execute nothing; interrupts taken meanwhile are
 * counted. Without -icount the figure is 10 ns units of emulated time,
 * meaningless as a cost. `make bench` runs the benchmarks so (tools/bench-target.py).
 */
#ifndef _MICA_INSN_COUNT_H
#define _MICA_INSN_COUNT_H

#include <linux/types.h>

/* Map and start the counter: 0, or -ENODEV on a board without one. */
int insn_count_init(void);
/* Instructions executed since insn_count_init (a multiple of 10). */
u64 insn_count(void);
/*
 * Exactly 4 instructions an iteration (nop, nop, subs, bne) for @n
 * iterations: a loop of known length, to show a counting method at work.
 */
void calibration_loop(unsigned long n);

#endif
