#!/usr/bin/env python3
"""Boot Mica through Debian's U-Boot over TFTP on QEMU virt and check each step.

    tests/qemu/tftpboot.py [--dir build/virt] [--smp 2] [--mem 768] [--gzip] [--timeout 120]

The build directory must hold uImage (or uImage.gz with --gzip, served under
the name uImage) and boot.scr.uimg (`make BOARD=virt uimage
build/virt/boot.scr.uimg`). The RAM size differs from the virt board's
default (1 GiB) so the check that the kernel took its memory from U-Boot's
DTB can fail. Steps, in order: U-Boot's banner, the TFTP transfer, bootm of
the legacy image, the kernel taking RAM and command line from the DTB, the
self-tests' KTAP results, then `poweroff` typed at the shell prompt and
QEMU exiting with status 0. Prints one line per step and exits non-zero
(showing the last console lines) on the first step that fails.
"""
import argparse
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BOOTARGS = 'loglevel=7'   # what tools/uboot/boot-tftp.cmd sets


def steps(mem_mib):
    """(name, regex) pairs the console must show, in this order."""
    return [
        ('U-Boot banner', r'U-Boot 20\d\d\.\d\d'),
        ('TFTP transfer', r'Bytes transferred = \d+'),
        ('bootm of the legacy image', r'## Booting kernel from Legacy Image at'),
        ('U-Boot hands over its DTB', r'Booting using the fdt blob at 0x[0-9a-f]+'),
        ('kernel entered', r'Starting kernel \.\.\.'),
        ('kernel found the DTB', r'Using DTB at 0x[0-9a-f]{8}'),
        ('RAM from the DTB', r'RAM bank 0: 0x40000000-0x[0-9a-f]{8} \(%d MiB, DTB\)' % mem_mib),
        ('command line from the DTB', r'Kernel command line \(DTB\): ' + re.escape(BOOTARGS)),
        ('self-tests started', r'KTAP version 1'),
        ('shell prompt', r'mica> '),
    ]


class Console:
    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.text = ''
        self.pos = 0

    def expect(self, regex, deadline):
        pattern = re.compile(regex)
        while True:
            m = pattern.search(self.text, self.pos)
            if m:
                self.pos = m.end()
                return m
            left = deadline - time.time()
            if left <= 0 or self.proc.poll() is not None and not self._read(0):
                return None
            self._read(min(left, 1.0))

    def _read(self, wait):
        ready, _, _ = select.select([self.proc.stdout], [], [], wait)
        if not ready:
            return False
        data = os.read(self.proc.stdout.fileno(), 65536)
        if not data:
            return False
        self.text += data.decode('utf-8', 'replace').replace('\r', '')
        return True

    def send(self, line):
        self.proc.stdin.write(line.encode() + b'\n')
        self.proc.stdin.flush()

    def tail(self, n=25):
        return '\n'.join(self.text.splitlines()[-n:])

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def ktap_failures(text):
    """Top-level KTAP results after the last 'KTAP version 1': (plan, ok, not_ok)."""
    doc = text[text.rfind('KTAP version 1'):]
    plan = re.search(r'^1\.\.(\d+)$', doc, re.M)
    ok = len(re.findall(r'^ok \d+ ', doc, re.M))
    not_ok = re.findall(r'^not ok \d+ .*$', doc, re.M)
    return (int(plan.group(1)) if plan else None), ok, not_ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--dir', default=os.path.join(ROOT, 'build', 'virt'))
    ap.add_argument('--smp', type=int, default=2)
    ap.add_argument('--mem', type=int, default=768)
    ap.add_argument('--gzip', action='store_true', help='serve uImage.gz as uImage')
    ap.add_argument('--timeout', type=float, default=120)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix='mica-tftp-') as tftp:
        image = 'uImage.gz' if args.gzip else 'uImage'
        for src, dst in ((image, 'uImage'), ('boot.scr.uimg', 'boot.scr.uimg')):
            path = os.path.join(args.dir, src)
            if not os.path.exists(path):
                print('tftpboot: missing %s (make BOARD=virt uimage build/virt/boot.scr.uimg)' % path)
                return 2
            shutil.copy(path, os.path.join(tftp, dst))
        con = Console([os.path.join(ROOT, 'tools', 'tftpboot-qemu.sh'), tftp,
                       str(args.smp), str(args.mem)])
        deadline = time.time() + args.timeout
        try:
            for name, regex in steps(args.mem):
                if not con.expect(regex, deadline):
                    print('FAIL %s (no /%s/)' % (name, regex))
                    print('--- last console lines ---\n' + con.tail())
                    return 1
                print('ok   %s' % name)
            plan, ok, not_ok = ktap_failures(con.text)
            if plan is None or not_ok or ok != plan:
                print('FAIL self-tests: plan %s, %d ok, %d not ok' % (plan, ok, len(not_ok)))
                for line in not_ok:
                    print('     ' + line)
                return 1
            print('ok   self-tests: %d of %d suites passed' % (ok, plan))
            con.send('poweroff')
            while con.proc.poll() is None and time.time() < deadline:
                con._read(0.5)
            if con.proc.poll() != 0:
                print('FAIL power-off (QEMU %s)' % ('still running' if con.proc.poll() is None
                                                     else 'exited with %d' % con.proc.poll()))
                print('--- last console lines ---\n' + con.tail())
                return 1
            print('ok   power-off: QEMU exited with status 0')
            return 0
        finally:
            con.kill()


if __name__ == '__main__':
    sys.exit(main())
