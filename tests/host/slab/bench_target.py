#!/usr/bin/env python3
"""Target half of `make bench` for the slab allocator: boot vexpress-a9 with
one CPU under `-icount shift=0` (1 ns of virtual time = 1 instruction), run
the `slab_bench` console command and print what it says: instructions per
kmalloc+kfree pair and memory efficiency. The same method as the page
allocator's tools/bench-mm-target.py.

  tests/host/slab/bench_target.py
"""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'qemu'))
import harness  # noqa: E402


def main():
    command = 'slab_bench'
    cfg = harness.with_defaults(dict(
        name='bench-slab', board='vexpress-a9', smp=1, mem=1024,
        args=['-icount', 'shift=0'], cmdline=['kunit.enable=0'],
        input=[command, 'poweroff'], timeout=600))
    lines, errors, seconds = harness.boot(cfg)
    table = []
    for line in lines:
        if line.startswith(harness.PROMPT + command):
            table = ['']
        elif table and line.startswith(harness.PROMPT):
            break
        elif table:
            table.append(line)
    print('\n'.join(table).strip() or '(no output from %s)' % command)
    print('# QEMU -M vexpress-a9 -smp 1 -m 1024 -icount shift=0, %.0f s' % seconds)
    for e in errors:
        print('# error: ' + e, file=sys.stderr)
    return 1 if errors or not table else 0


if __name__ == '__main__':
    sys.exit(main())
