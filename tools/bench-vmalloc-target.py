#!/usr/bin/env python3
"""Target half of `make bench` for vmalloc and kmap: boot vexpress-a9 with
one CPU under `-icount shift=0` (1 ns of virtual time = 1 instruction, the
same method as tools/bench-mm-target.py), run the `vmalloc_bench` console
command and print its figures against the issue's aims.

  tools/bench-vmalloc-target.py
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'qemu'))
import harness  # noqa: E402

COMMAND = 'vmalloc_bench'
AIMS = {'vmalloc+vfree 1 page': 1500, 'kmap_atomic+kunmap_atomic': 100}


def main():
    cfg = harness.with_defaults(dict(
        name='bench-vmalloc', board='vexpress-a9', smp=1, mem=1024,
        args=['-icount', 'shift=0'], cmdline=['kunit.enable=0'],
        input=[COMMAND, 'poweroff'], timeout=600))
    lines, errors, seconds = harness.boot(cfg)
    figures = []
    for line in lines:
        m = re.match(r'bench: (.*): (\d+) instructions$', line.strip())
        if m:
            figures.append((m.group(1), int(m.group(2))))
    print('vmalloc and kmap: instructions per pair (QEMU -icount shift=0)')
    for name, count in figures:
        aim = AIMS.get(name)
        note = '' if aim is None else '  (aim <= %d: %s)' % (aim, 'met' if count <= aim else 'MISSED')
        print('%-36s %8d%s' % (name, count, note))
    if not figures:
        print('(no output from %s)' % COMMAND)
    print('# QEMU -M vexpress-a9 -smp 1 -m 1024 -icount shift=0, %.0f s' % seconds)
    for e in errors:
        print('# error: ' + e, file=sys.stderr)
    return 1 if errors or not figures else 0


if __name__ == '__main__':
    sys.exit(main())
