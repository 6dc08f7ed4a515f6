#!/usr/bin/env python3
"""Boot vexpress-a9 under QEMU with -icount shift=0 (one instruction per
virtual nanosecond), run the `slab_bench` console command and print what it
says: instructions per kmalloc+kfree pair and memory efficiency.

    tests/host/slab/bench_target.py [build/vexpress-a9/mica.elf]
"""
import os
import select
import subprocess
import sys
import time

PROMPT = b'mica> '


def read_until(proc, marker, timeout):
    """Console output up to and including @marker, or None on timeout/exit."""
    out = b''
    end = time.monotonic() + timeout
    while marker not in out:
        left = end - time.monotonic()
        if left <= 0 or proc.poll() is not None:
            return None
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                return None
            out += chunk
    return out


def main():
    kernel = sys.argv[1] if len(sys.argv) > 1 else 'build/vexpress-a9/mica.elf'
    cmd = ['qemu-system-arm', '-M', 'vexpress-a9', '-smp', '1', '-m', '256',
           '-icount', 'shift=0', '-nographic', '-audiodev', 'none,id=snd',
           '-global', 'pl041.audiodev=snd',
           '-semihosting-config', 'enable=on,target=native,arg=mica,arg=notests',
           '-kernel', kernel]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    try:
        if read_until(proc, PROMPT, 60) is None:
            sys.exit('bench_target: no shell prompt from %s' % kernel)
        proc.stdin.write(b'slab_bench\n')
        proc.stdin.flush()
        out = read_until(proc, PROMPT, 300)
        if out is None:
            sys.exit('bench_target: slab_bench did not finish')
        text = out[:-len(PROMPT)].decode(errors='replace').replace('\r', '')
        print('\n'.join(text.split('\n')[1:]).rstrip())   # without the echoed command
        proc.stdin.write(b'poweroff\n')
        proc.stdin.flush()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    return 0


if __name__ == '__main__':
    sys.exit(main())
