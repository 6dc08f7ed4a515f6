#!/usr/bin/env python3
"""Target half of `make bench`: boot a board in QEMU without the boot-time
self-tests, type one benchmark command at the console and print what it
printed (kernel-log timestamps removed).

By default QEMU runs with `-icount shift=0`: its virtual clock advances one
nanosecond per guest instruction, so the nanoseconds a benchmark measures
with local_clock() are instructions (QEMU's Cortex-A9 has no working cycle
counter). --icount passes other -icount options; --host-time runs without
it: the clock is then the host's. --checks-off boots with the debugging
checks (static keys) off, as Linux's figures are measured; --linux puts
Linux's figure for each pair it has one for next to Mica's
(tools/linux_peer.py).

It also prints how long the kernel took to reach its prompt (boot time,
instructions under -icount, counted from the kernel clock's start, late in
the boot: tools/boot-instructions.py counts from reset); --tests runs the boot-time self-tests first,
--kernel boots another build of the board (build/<board>-nokfence/mica.elf,
build/<board>-kasan/mica.elf) for comparisons.

  tools/bench-target.py [--board B] [--smp N] [--mem MiB] [--icount OPTS | --host-time]
                        [--kernel ELF] [--tests] [--checks-off] [--cmdline WORD ...] [--linux]
                        COMMAND [ARG ...]
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'qemu'))
import harness  # noqa: E402
import linux_peer  # noqa: E402

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\] ')
# The debugging switches that are on by default (docs/debugging.md lists their costs).
CHECKS_OFF = ['debug_locks=0', 'debug_atomic_sleep=0', 'check_pages=0']


def command_output(lines, command):
    """The lines between `mica> COMMAND` and the next prompt."""
    out, inside = [], False
    for line in lines:
        if line.startswith(harness.PROMPT):
            if inside:
                break
            inside = line[len(harness.PROMPT):].strip() == command
        elif inside:
            out.append(TIMESTAMP.sub('', line))
    return out


def boot_seconds(lines):
    """The kernel-log time of the last line before the first prompt."""
    last = None
    for line in lines:
        if line.startswith(harness.PROMPT):
            break
        m = TIMESTAMP.match(line)
        if m:
            last = float(m.group(0).strip('[] '))
    return last


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--board', default='vexpress-a9')
    ap.add_argument('--smp', type=int, default=1,
                    help='CPUs (1: no other CPU adds instructions to the count)')
    ap.add_argument('--mem', type=int, default=1024, help='MiB')
    ap.add_argument('--icount', default='shift=0', help='QEMU -icount options')
    ap.add_argument('--host-time', action='store_true', help='no -icount')
    ap.add_argument('--kernel', help='the ELF to boot (default build/<board>/mica.elf)')
    ap.add_argument('--tests', action='store_true', help='run the boot-time self-tests first')
    ap.add_argument('--checks-off', action='store_true',
                    help='boot with ' + ' '.join(CHECKS_OFF))
    ap.add_argument('--cmdline', action='append', default=[], metavar='WORD',
                    help='a kernel command-line word (e.g. debug_locks=0); repeat for more')
    ap.add_argument('--linux', action='store_true', help="Linux's figures alongside, from "
                    "$LINUX_PEER or ../shared/reference/linux-peer/results.txt")
    ap.add_argument('command', nargs='+')
    opts = ap.parse_args()

    command = ' '.join(opts.command)
    if opts.checks_off:
        opts.cmdline = CHECKS_OFF + opts.cmdline
    icount = [] if opts.host_time else ['-icount', opts.icount]
    cfg = dict(name='bench', board=opts.board, smp=opts.smp, mem=opts.mem, args=icount,
               cmdline=([] if opts.tests else ['notests']) + opts.cmdline, input=[command, 'poweroff'],
               timeout=1800 if opts.tests else 600)
    if opts.kernel:
        cfg['kernel'] = opts.kernel
    lines, errors, seconds = harness.boot(harness.with_defaults(cfg))
    out = command_output(lines, command)
    if out and opts.linux:
        out = linux_peer.annotate(out, os.environ.get('LINUX_PEER', linux_peer.DEFAULT_PATH))
    print('\n'.join(out) if out else '(no output from %s)' % command)
    boot = boot_seconds(lines)
    if boot is not None:
        print('boot: %.6f s to the prompt%s' % (boot, ', self-tests included' if opts.tests else ''))
    print('# QEMU -M %s -smp %d -m %d %s%s, %.0f s' % (
        opts.board, opts.smp, opts.mem,
        '-icount %s (1 ns = 1 instruction)' % opts.icount if icount else 'host time',
        ', command line: ' + ' '.join(opts.cmdline) if opts.cmdline else '', seconds))
    for e in errors:
        print('# error: ' + e, file=sys.stderr)
    return 1 if errors or not out else 0


if __name__ == '__main__':
    sys.exit(main())
