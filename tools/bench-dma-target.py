#!/usr/bin/env python3
"""`make bench` DMA figures: boot QEMU smdkc210 twice and run `dmabench`.

1. With -icount shift=0 QEMU's virtual clock advances one nanosecond per
   guest instruction and its PL330 moves data without executing any, so
   the nanoseconds dmabench measures are instructions: the per-transfer
   overhead (prep to callback) and the CPU instructions each copy costs.
2. Without -icount the clock is the host's: the throughput QEMU achieves,
   PL330 emulation against memcpy emulation (not a hardware figure).
Both runs skip the boot-time self-tests (notests). The machine has two
CPUs; the idle one's 100 Hz tick adds a few hundred instructions per 10 ms
of virtual time, which the calibration line would show.

  tools/bench-dma-target.py
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'qemu'))
import harness  # noqa: E402

RUNS = [
    ('instructions (-icount shift=0: 1 ns = 1 instruction)',
     ['-icount', 'shift=0,align=off,sleep=off']),
    ('host time (no -icount: how fast QEMU emulates each)', []),
]


def main():
    status = 0
    for title, args in RUNS:
        cfg = harness.with_defaults(dict(name='dmabench', board='smdkc210', args=args,
                                         cmdline=['notests'], input=['dmabench', 'poweroff'],
                                         timeout=180))
        lines, errors, _ = harness.boot(cfg)
        figures = [re.sub(r'^\[\s*\d+\.\d+\] ', '', l) for l in lines if 'dmabench:' in l]
        print(f'== DMA on QEMU smdkc210, {title}')
        for line in figures:
            print('  ' + line)
        if errors or len(figures) < 12:
            print('  failed: ' + '; '.join(errors or ['dmabench printed too little']))
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main())
