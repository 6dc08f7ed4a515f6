#!/usr/bin/env python3
"""Count the instructions a kernel executes from reset to its first prompt.

The kernel's own clock starts late in the boot (time_init, after the
memory map is built), so the boot time bench-target.py prints misses most
of it. This runs QEMU in record mode (`-icount shift=0,rr=record`), whose
monitor command `info replay` tells how many guest instructions have run;
it is asked once the prompt is out. Idle time (WFI, sleeping self-tests)
executes nothing and so counts nothing. For comparisons of builds, e.g.
KFENCE's cost (build/<board>-nokfence) or KASAN's (build/<board>-kasan).

  tools/boot-instructions.py [--board B] [--smp N] [--mem MiB] [--kernel ELF]
                             [--tests] [--cmdline WORD ...] [--runs N]
"""
import argparse
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'qemu'))
import harness  # noqa: E402

COUNT = re.compile(r'instruction count = (\d+)')


def monitor_query(path, command, timeout=10):
    """Send one HMP command to the monitor at the unix socket path; its reply."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(timeout)
        s.connect(path)
        s.sendall(command.encode() + b'\n')
        reply, deadline = b'', time.monotonic() + timeout
        while not COUNT.search(reply.decode(errors='replace')) and time.monotonic() < deadline:
            reply += s.recv(4096)
        return reply.decode(errors='replace')


def instructions_to_prompt(cfg, timeout):
    """Guest instructions from reset to the first prompt, or None."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, 'monitor')
        cmd = harness.qemu_command(cfg)
        at = cmd.index('-monitor')
        cmd[at:at + 2] = ['-monitor', f'unix:{sock},server,nowait', '-icount',
                          f'shift=0,rr=record,rrfile={os.path.join(tmp, "replay")}']
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, cwd=harness.ROOT)
        try:
            out, deadline = b'', time.monotonic() + timeout
            while harness.PROMPT.encode() not in out and time.monotonic() < deadline:
                ready, _, _ = select.select([proc.stdout], [], [], 1)
                if ready:
                    data = os.read(proc.stdout.fileno(), 4096)
                    if not data:
                        return None
                    out += data
            if harness.PROMPT.encode() not in out:
                return None
            m = COUNT.search(monitor_query(sock, 'info replay'))
            return int(m.group(1)) if m else None
        finally:
            proc.kill()
            proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--board', default='vexpress-a9')
    ap.add_argument('--smp', type=int, default=1)
    ap.add_argument('--mem', type=int, default=1024, help='MiB')
    ap.add_argument('--kernel', help='the ELF to boot (default build/<board>/mica.elf)')
    ap.add_argument('--tests', action='store_true', help='run the boot-time self-tests first')
    ap.add_argument('--cmdline', action='append', default=[], metavar='WORD')
    ap.add_argument('--runs', type=int, default=1, help='boots (the figures of each are printed)')
    opts = ap.parse_args()

    cfg = dict(name='boot-instructions', board=opts.board, smp=opts.smp, mem=opts.mem,
               cmdline=([] if opts.tests else ['notests']) + opts.cmdline)
    if opts.kernel:
        cfg['kernel'] = opts.kernel
    cfg = harness.with_defaults(cfg)
    counts = [instructions_to_prompt(cfg, 1800 if opts.tests else 300) for _ in range(opts.runs)]
    if None in counts:
        print('# error: no prompt, or no answer from the monitor', file=sys.stderr)
        return 1
    print('boot: %s instructions from reset to the prompt%s' % (
        ' '.join(str(c) for c in counts), ', self-tests included' if opts.tests else ''))
    print('# %s, QEMU -M %s -smp %d -m %d -icount shift=0,rr=record' % (
        cfg['kernel'], opts.board, opts.smp, opts.mem))
    return 0


if __name__ == '__main__':
    sys.exit(main())
