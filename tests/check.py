#!/usr/bin/env python3
"""`make check`: every check of the project, counted in units.

A unit is one kernel build (build-BOARD and build-BOARD-kasan with KASAN=1,
for every board in arch/arm/boards/, and build-vexpress-a9-notests with
TESTS=0), one host test target (each name in HOST_TESTS, from
the tests/host/Makefile.* fragments) or one QEMU configuration
(qemu-NAME, tests/qemu/configs.py). All units run even when some fail; the
last line is "N passed, N failed" over units, and the exit status is 1 when
any failed.

  check.py [--make MAKE] [--jobs N] [HOST_TEST ...]
"""

import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'qemu'))
import harness   # noqa: E402

RESULTS = os.path.join(harness.ROOT, 'build', 'check')


def submake_env():
    """Our environment without the parent make's jobserver, which a
    sub-make started from here cannot reach (Python closes its pipes)."""
    env = dict(os.environ)
    flags = env.get('MAKEFLAGS', '')
    flags = re.sub(r'--jobserver-(auth|fds)=\S+|(^|\s)-j\d*', ' ', flags)
    env['MAKEFLAGS'] = flags.strip()
    env.pop('MFLAGS', None)
    return env


def run_unit(name, cmd):
    print(f'--- {name}: {" ".join(cmd)}', flush=True)
    passed = subprocess.run(cmd, cwd=harness.ROOT, env=submake_env(),
                            stdin=subprocess.DEVNULL).returncode == 0
    print(f'{"PASS" if passed else "FAIL"} {name}', flush=True)
    harness.record(RESULTS, name, passed)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('host_tests', nargs='*', help='host test make targets')
    ap.add_argument('--make', default='make')
    ap.add_argument('--jobs', type=int, default=2, help='parallel builds and QEMUs')
    opts = ap.parse_args()

    os.makedirs(RESULTS, exist_ok=True)
    for f in os.listdir(RESULTS):
        os.remove(os.path.join(RESULTS, f))
    make = [opts.make, '--no-print-directory']

    # Every board builds, also those only real hardware runs (fs4412).
    boards = {f[:-3] for f in os.listdir(os.path.join(harness.ROOT, 'arch/arm/boards'))
              if f.endswith('.mk')}
    for board in sorted(boards):
        run_unit(f'build-{board}', make + [f'-j{opts.jobs}', f'BOARD={board}', 'all'])
    # And the default board without its self-tests and benchmarks (TESTS=0).
    run_unit('build-vexpress-a9-notests',
             make + [f'-j{opts.jobs}', 'BOARD=vexpress-a9', 'TESTS=0', 'all'])
    # The KASAN kernel of every board: configurations boot some, and
    # make KASAN=1 must keep building for the others too.
    for board in sorted(boards):
        run_unit(f'build-{board}-kasan',
                 make + [f'-j{opts.jobs}', f'BOARD={board}', 'KASAN=1', 'all'])
    for target in opts.host_tests:
        run_unit(target, make + [target])
    print('--- QEMU configurations', flush=True)
    harness.run_all(harness.CONFIGS, opts.jobs, RESULTS)

    results = sorted(os.listdir(RESULTS))
    failed = [r[:-len('.fail')] for r in results if r.endswith('.fail')]
    passed = [r for r in results if r.endswith('.pass')]
    for name in failed:
        print(f'failed: {name}')
    print(f'{len(passed)} passed, {len(failed)} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
