#!/usr/bin/env python3
"""Target half of `make bench` for the scheduler and locking primitives: boot
vexpress-a9 with two CPUs under `-icount shift=0` (1 ns of virtual time = 1
instruction, so the ns/op figures are instructions per operation), run the
`sched_bench` console command and print its lines.

  tools/bench-sched-target.py [benchmark]
"""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'qemu'))
import harness  # noqa: E402


def main():
    command = 'sched_bench' + (' ' + sys.argv[1] if len(sys.argv) > 1 else '')
    cfg = harness.with_defaults(dict(
        name='bench-sched', board='vexpress-a9', smp=2, mem=256,
        args=['-icount', 'shift=0'], cmdline=['kunit.enable=0'],
        input=[command, 'poweroff'], timeout=600))
    lines, errors, seconds = harness.boot(cfg)
    figures = [l.split('bench ', 1)[1].replace('ns/op', 'instructions/op')
               for l in lines if l.startswith('bench ')]
    print('\n'.join(figures) or '(no output from %s)' % command)
    print('# QEMU -M vexpress-a9 -smp 2 -m 256 -icount shift=0, %.0f s' % seconds)
    for e in errors:
        print('# error: ' + e, file=sys.stderr)
    return 1 if errors or not figures else 0


if __name__ == '__main__':
    sys.exit(main())
