#!/usr/bin/env python3
"""Boot Mica in QEMU, drive its console and judge the self-test output.

For each configuration (tests/qemu/configs.py): start QEMU with the console
on a pipe, type the configured input lines one per `mica> ` prompt, wait
for QEMU to exit, then check the transcript (ktap.py): every KTAP plan
complete, no `not ok`, no oops outside expected-fault markers, the required
suites ran; QEMU must exit with status 0 within the time limit. Prints each
test's result and a summary per configuration; on failure also the reasons
and the last console lines.

  harness.py [-j N] [--results DIR] [NAME_OR_GLOB ...]   run configurations
  harness.py --list | --list-boards
  harness.py --parse FILE [--require SUITE ...]           judge a saved transcript
Exit status: 0 when everything passed.
"""

import argparse
import codecs
import collections
import fnmatch
import os
import re
import select
import shlex
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap            # noqa: E402
import ymodem          # noqa: E402
from configs import CONFIGS   # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PROMPT = 'mica> '
PROMPTS = (PROMPT, 'emergency> ')     # the shell's, and the one after a panic
TAIL_LINES = 40
PANIC_GRACE = 3         # seconds of output still collected after a panic
DEFAULTS = dict(input=['poweroff'], timeout=120, required=['kunit'],
                cmdline=[], args=[], runs=None, only=None, expect=[], check=None, failures_ok=False,
                loglevel=8, max_lines=None, crash_ok=False, typeahead=[],
                typeahead_after=None)


def board_settings(board):
    """KEY := value assignments of arch/arm/boards/<board>.mk."""
    path = os.path.join(ROOT, 'arch', 'arm', 'boards', board + '.mk')
    settings = {}
    with open(path) as f:
        for line in f:
            m = re.match(r'^\s*(\w+)\s*:?=\s*(.*?)\s*$', line.split('#', 1)[0])
            if m:
                settings[m.group(1)] = m.group(2)
    return settings


# Keys whose value may be a function, called when the configuration boots
# (what it needs, such as the samples' .ko files, is built after import).
LATE_KEYS = ('initramfs', 'input', 'expect')


def kernel_dir(cfg):
    """build/<board>, or build/<board>-kasan for a KASAN kernel (make KASAN=1)."""
    return cfg['board'] + ('-kasan' if cfg.get('kasan') else '')


def with_defaults(cfg):
    full = dict(DEFAULTS, **cfg)
    full.setdefault('kernel', os.path.join('build', kernel_dir(cfg), 'mica.elf'))
    return full


def resolved(cfg):
    """cfg with the functions of LATE_KEYS replaced by their values."""
    return {k: v() if k in LATE_KEYS and callable(v) else v for k, v in cfg.items()}


def initramfs_files(cfg):
    """Paths of the configuration's initramfs (newc cpio) and of the same as a
    U-Boot ramdisk image, for substitution into its command line."""
    if 'initramfs' not in cfg:
        return {}
    base = os.path.join(ROOT, 'build', 'qemu-initramfs', cfg['name'])
    data = cfg['initramfs']
    return dict(initramfs=base + '.cpio', ramdisk=base + '.uimg',
                initramfs_size=str(0 if callable(data) else len(data)))   # known once resolved


def write_initramfs(cfg):
    """Write the configuration's initramfs and its ramdisk image (mkimage)."""
    paths = initramfs_files(cfg)
    if not paths:
        return
    os.makedirs(os.path.dirname(paths['initramfs']), exist_ok=True)
    with open(paths['initramfs'], 'wb') as f:
        f.write(cfg['initramfs'])
    subprocess.run(['mkimage', '-A', 'arm', '-O', 'linux', '-T', 'ramdisk', '-C', 'none',
                    '-n', 'Mica test initramfs', '-d', paths['initramfs'], paths['ramdisk']],
                   check=True, stdout=subprocess.DEVNULL)


def qemu_command(cfg):
    """The QEMU argument list for a configuration (with defaults applied)."""
    subst = dict(initramfs_files(cfg), kernel=cfg['kernel'], root=ROOT)
    if 'qemu' in cfg:
        return [a.format(**subst) for a in cfg['qemu']]
    mk = board_settings(cfg['board'])
    extra = shlex.split(mk.get('QEMU_EXTRA', '')) + [a.format(**subst) for a in cfg['args']]
    words = list(cfg['cmdline'])
    if cfg['loglevel'] is not None:     # the console shows every KTAP line the harness judges
        words = [f"loglevel={cfg['loglevel']}"] + words
    # QEMU's option syntax doubles a comma inside a value.
    semi = ','.join('arg=' + a.format(**subst).replace(',', ',,') for a in ['mica'] + words)
    cmd = ['qemu-system-arm', '-M', mk['QEMU_MACHINE'],
           '-smp', str(cfg.get('smp', mk.get('QEMU_SMP', 1))),
           '-m', str(cfg.get('mem', mk.get('QEMU_MEM', 128))),
           '-display', 'none', '-monitor', 'none']
    if '-serial' not in extra:
        cmd += ['-serial', 'stdio']
    return cmd + extra + ['-semihosting-config', 'enable=on,target=native,' + semi,
                          '-kernel', cfg['kernel']]


# loady's last line before it starts the protocol (kernel/ramfs/loady.c).
LOADY_READY = '## Ready for binary (ymodem) download'


class Transfer:
    """A YMODEM upload typed into the console: an input item
    dict(ymodem=[(name, data)], sender='harness'|'sb', ...) runs `loady`,
    then, once its ready line is out, sends the files: by the harness's own
    sender (tests/qemu/ymodem.py; corrupt=N, cancel_at=N) or by lrzsz's sb
    as a user would, relaying the console to it; block=128|1024 (default)
    for either. abort=True
    types Ctrl-C instead. expect_ok=False when the transfer is meant to fail."""

    def __init__(self, item, workdir):
        self.item = item
        self.proc = None
        self.sender = None
        self.error = None
        files = item.get('ymodem') or []
        if item.get('abort'):
            self.pending = b'\x03'
        elif item.get('sender', 'harness') == 'sb':
            os.makedirs(workdir, exist_ok=True)
            for name, data in files:
                with open(os.path.join(workdir, name), 'wb') as f:
                    f.write(data)
            blocks = ['-k'] if item.get('block', 1024) == 1024 else []   # sb: 128 bytes by default
            self.proc = subprocess.Popen(['sb', '-q'] + blocks + [n for n, _ in files], cwd=workdir,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
            self.pending = b''
        else:
            self.sender = ymodem.Sender(files, item.get('block', 1024),
                                        corrupt=item.get('corrupt'),
                                        cancel_at=item.get('cancel_at'))
            self.pending = b''

    def feed(self, data):
        """The console's bytes in; the sender's answer out."""
        if self.proc:
            try:
                self.proc.stdin.write(data)
                self.proc.stdin.flush()
            except BrokenPipeError:
                pass    # sb has finished; what follows is loady's summary
            return b''
        if self.sender:
            return self.sender.feed(data)
        out, self.pending = self.pending, b''
        return out

    def extra_fd(self):
        return self.proc.stdout.fileno() if self.proc and self.proc.poll() is None else None

    def done(self):
        if self.proc:
            return self.proc.poll() is not None
        return self.sender.done if self.sender else not self.pending

    def check(self):
        """A reason if the sender did not end as the configuration expected."""
        ok = self.item.get('expect_ok', True)
        if self.proc:
            status = self.proc.wait()
            if (status == 0) != ok:
                return f'sb exited with status {status}'
        elif self.sender and (self.sender.state == 'finished') != ok:
            return f'the YMODEM sender ended in state {self.sender.state}'
        return None


class Console:
    """Collects QEMU's output into lines and answers prompts with input lines."""

    def __init__(self, proc, inputs, crash_ok=False, typed_ahead=0, workdir=None):
        self.proc = proc
        self.crash_ok = crash_ok
        self.typed_ahead = typed_ahead      # lines sent before any prompt
        self.inputs = list(inputs)
        self.workdir = workdir
        self.transfer = None        # a Transfer waiting for loady, or running
        self.transfer_running = False
        self.transfer_errors = []
        self.sent = 0
        self.prompts = 0
        self.lines = []
        self.partial = ''
        self.partial_prompt = False
        self.decoder = codecs.getincrementaldecoder('utf-8')(errors='replace')
        self.last_output = time.monotonic()
        self.panicked = None    # when a "Kernel panic" line arrived
        self.error = None

    def send(self, data):
        if data:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()

    def take(self, data):
        self.last_output = time.monotonic()
        if self.transfer_running:
            self.send(self.transfer.feed(data))
            self.end_transfer_if_done()
        text = self.decoder.decode(data)
        while text:
            head, nl, text = text.partition('\n')
            if self.transfer and not self.transfer_running and LOADY_READY in self.partial + head \
                    and nl:
                # The protocol starts after this line (its bytes are all ASCII).
                self.transfer_running = True
                self.send(self.transfer.feed(text.encode()))
                self.end_transfer_if_done()
            self.partial += head
            # Count a prompt once, when it starts a line, even if more follows.
            if not self.partial_prompt and self.partial.startswith(PROMPTS):
                self.partial_prompt = True
                self.prompts += 1
            if nl:
                if 'Kernel panic' in self.partial and self.panicked is None and not self.crash_ok:
                    self.panicked = time.monotonic()
                self.lines.append(self.partial.rstrip('\r'))
                self.partial = ''
                self.partial_prompt = False
        self.answer()

    def take_extra(self):
        """Output of the transfer's sender process (sb), for QEMU."""
        fd = self.transfer.extra_fd() if self.transfer_running else None
        if fd is not None:
            data = os.read(fd, 65536)
            self.send(data)
        if self.transfer_running:
            self.end_transfer_if_done()

    def end_transfer_if_done(self):
        if self.transfer.done():
            error = self.transfer.check()
            if error:
                self.transfer_errors.append(error)
            self.transfer = None
            self.transfer_running = False

    def answer(self):
        # The first prompts read the typed-ahead lines; the inputs answer the next ones.
        while self.sent < self.prompts - self.typed_ahead and self.sent < len(self.inputs):
            item = self.inputs[self.sent]
            if isinstance(item, dict):
                self.transfer = Transfer(item, self.workdir)
                item = item.get('command', 'loady')
            self.proc.stdin.write((item + '\r').encode())
            self.proc.stdin.flush()
            self.sent += 1
        if self.prompts > len(self.inputs) + self.typed_ahead and self.error is None:
            self.error = ('the kernel came back to the prompt after the last input line '
                          '(QEMU should have exited)')

    def transcript(self):
        return self.lines + ([self.partial] if self.partial else [])


def stop(proc):
    """Kill QEMU (its own process group) and reap it."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()


def boot(cfg):
    """Run one configuration; returns (transcript lines, errors, seconds)."""
    errors = []
    cmd = qemu_command(cfg)
    if not os.path.exists(os.path.join(ROOT, cfg['kernel'])):
        return [], [f"kernel {cfg['kernel']} does not exist (did the build fail?)"], 0.0
    write_initramfs(cfg)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    console = Console(proc, cfg['input'], cfg['crash_ok'], len(cfg['typeahead']),
                      os.path.join(ROOT, 'build', 'qemu-ymodem', cfg['name']))
    typeahead = ''.join(l + '\r' for l in cfg['typeahead']).encode()
    after = re.compile(cfg['typeahead_after']) if cfg['typeahead_after'] else None
    if typeahead and not after:     # typed before the kernel even runs, as a user may
        console.send(typeahead)
        typeahead = b''
    fd = proc.stdout.fileno()
    try:
        while True:
            now = time.monotonic()
            if console.panicked is not None and now - console.panicked > PANIC_GRACE:
                # A panic never recovers: do not wait for the time limit.
                errors.append('the kernel panicked; QEMU stopped')
                break
            left = start + cfg['timeout'] - now
            if left <= 0:
                quiet = time.monotonic() - console.last_output
                errors.append(f"hang: QEMU still running after {cfg['timeout']} s "
                              f"(no console output for the last {quiet:.0f} s)")
                break
            extra = console.transfer.extra_fd() if console.transfer_running else None
            ready, _, _ = select.select([fd] + ([extra] if extra is not None else []), [], [],
                                        min(left, 1.0))
            if extra is not None and (extra in ready or console.transfer.done()):
                console.take_extra()
            if fd not in ready:
                continue
            data = os.read(fd, 65536)
            if not data:
                break       # QEMU closed its output: it is exiting
            try:
                console.take(data)
                if typeahead and any(after.search(l) for l in console.lines):
                    console.send(typeahead)     # typed while the kernel boots
                    typeahead = b''
            except BrokenPipeError:
                pass        # QEMU is gone; its exit status tells why
            if console.error:
                errors.append(console.error)
                break
    finally:
        if proc.poll() is None:
            try:
                proc.wait(timeout=5 if not errors else 0.5)
            except subprocess.TimeoutExpired:
                pass
        exited = proc.poll() is not None
        stop(proc)
    if exited and proc.returncode != 0:
        errors.append(f'QEMU exited with status {proc.returncode}')
    if not errors and console.sent < len(console.inputs):
        errors.append(f'QEMU exited before all input was typed '
                      f'({console.sent} of {len(console.inputs)} lines)')
    if console.transfer:
        errors.append('a YMODEM transfer was still running at the end')
        if console.transfer.proc:
            console.transfer.proc.kill()
            console.transfer.proc.wait()
    errors += console.transfer_errors
    return console.transcript(), errors, time.monotonic() - start


def judge(cfg, analysis):
    """Configuration-specific checks on top of the transcript's own."""
    errors = []
    suites = analysis.suites()
    if cfg['runs'] is not None and len(analysis.documents) != cfg['runs']:
        errors.append(f"expected {cfg['runs']} KTAP run(s), saw {len(analysis.documents)}")
    if not analysis.documents and cfg['runs'] != 0:
        errors.append('no KTAP output at all')
    for name in cfg['required']:
        ran = [s for s in suites if s.name == name]
        if not ran:
            errors.append(f"required suite '{name}' did not run")
        elif all(s.skipped for s in ran):
            errors.append(f"required suite '{name}' was skipped")
        elif any(s.failed for s in ran) and cfg['failures_ok']:
            errors.append(f"required suite '{name}' failed")   # (else already an error)
    for s in suites:
        if cfg['only'] and not any(fnmatch.fnmatchcase(s.name, g) for g in cfg['only']):
            errors.append(f"suite '{s.name}' ran but only {cfg['only']} should have")
    return errors


def check_expected(cfg, lines):
    """Each regex of cfg['expect'] must match a console line, in that order;
    at most cfg['max_lines'] lines come before the first prompt."""
    if cfg['max_lines'] is not None:
        first = next((i for i, l in enumerate(lines) if l.startswith(PROMPTS)), len(lines))
        if first > cfg['max_lines']:
            return [f"{first} console lines before the first prompt "
                    f"(at most {cfg['max_lines']})"]
    pos = 0
    for regex in cfg['expect']:
        pattern = re.compile(regex)
        hit = next((i for i in range(pos, len(lines)) if pattern.search(lines[i])), None)
        if hit is None:
            return [f'expected console line /{regex}/ not seen (in order)']
        pos = hit + 1
    return []


def describe(analysis):
    """One line per suite and case: status, name, and diagnostics of failures."""
    out = []
    for i, doc in enumerate(analysis.documents, 1):
        out.append(f'  KTAP run {i} (console line {doc.line}): {len(doc.results)} suites')
        for suite in doc.results:
            out.append(f'    {suite.status():7} {suite.name}')
            for case in suite.subtests:
                extra = f' # {case.directive}' if case.directive else ''
                out.append(f'      {case.status():7} {case.name}{extra}')
                if case.failed:
                    out += [f'          {d}' for d in case.diagnostics]
            if suite.failed:
                out += [f'        {d}' for d in suite.diagnostics]
    return out


def run_config(cfg):
    """Boot, analyse, judge; returns (passed, report text)."""
    cfg = with_defaults(cfg)
    try:
        cfg = resolved(cfg)
    except (OSError, SystemExit) as e:
        return False, f"=== {cfg['name']}: cannot prepare its files: {e}"
    lines, errors, secs = boot(cfg)
    analysis = ktap.analyse(lines, cfg['failures_ok'], cfg['crash_ok'])
    if lines:       # with no output at all, QEMU's failure is the whole story
        errors += analysis.errors + judge(cfg, analysis) + check_expected(cfg, lines)
        if cfg['check']:
            errors += cfg['check'](lines)
    p, f, s = ktap.leaf_counts(analysis.suites())
    report = [f"=== {cfg['name']}: {' '.join(shlex.quote(a) for a in qemu_command(cfg))}"]
    report += describe(analysis)
    if errors:
        report.append('  errors:')
        report += [f'    - {e}' for e in errors]
        report.append(f'  --- last {TAIL_LINES} console lines ---' if lines else
                      '  --- no console output ---')
        report += [f'  | {l}' for l in lines[-TAIL_LINES:]]
    verdict = 'FAIL' if errors else 'PASS'
    report.append(f"{verdict} {cfg['name']}: {len(analysis.suites())} suites, "
                  f"{p + f + s} cases (pass {p}, fail {f}, skip {s}), {secs:.1f} s"
                  + (f', {len(errors)} error(s)' if errors else ''))
    return not errors, '\n'.join(report)


def select_configs(patterns):
    if not patterns:
        return CONFIGS
    chosen = [c for c in CONFIGS if any(fnmatch.fnmatchcase(c['name'], p) for p in patterns)]
    if not chosen:
        sys.exit(f'harness: no configuration matches {patterns}')
    return chosen


def record(results_dir, name, passed):
    """Leave NAME.pass or NAME.fail for `make check`'s tally."""
    os.makedirs(results_dir, exist_ok=True)
    open(os.path.join(results_dir, name + ('.pass' if passed else '.fail')), 'w').close()


def run_all(configs, jobs, results_dir):
    lock = threading.Lock()
    outcomes = []

    def one(cfg):
        passed, text = run_config(cfg)
        with lock:
            print(text, flush=True)
            outcomes.append(passed)
            if results_dir:
                record(results_dir, 'qemu-' + cfg['name'], passed)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for fut in [pool.submit(one, c) for c in configs]:
            fut.result()
    failed = outcomes.count(False)
    print(f'qemu: {len(outcomes) - failed} configurations passed, {failed} failed')
    return failed == 0


def parse_file(path, required):
    with open(path, errors='replace') as f:
        analysis = ktap.analyse(f.read().splitlines())
    cfg = with_defaults(dict(name=path, board='', required=required))
    errors = analysis.errors + judge(cfg, analysis)
    print('\n'.join(describe(analysis)))
    for e in errors:
        print(f'error: {e}')
    print(('FAIL' if errors else 'PASS') + f' {path}')
    return not errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('configs', nargs='*', help='configuration names or globs (default: all)')
    ap.add_argument('-j', '--jobs', type=int, default=2, help='QEMUs at once (default 2)')
    ap.add_argument('--results', help='directory for NAME.pass/NAME.fail files')
    ap.add_argument('--list', action='store_true', help='list configuration names')
    ap.add_argument('--list-boards', action='store_true', help='list boards to build')
    ap.add_argument('--parse', metavar='FILE', help='judge a saved console transcript')
    ap.add_argument('--require', action='append', default=[], metavar='SUITE',
                    help='with --parse: a suite that must have run')
    opts = ap.parse_args()
    if opts.parse:
        return 0 if parse_file(opts.parse, opts.require) else 1
    configs = select_configs(opts.configs)
    if opts.list:
        print('\n'.join(c['name'] for c in configs))
        return 0
    if opts.list_boards:
        print('\n'.join(sorted({c['board'] for c in configs})))
        return 0
    return 0 if run_all(configs, max(1, opts.jobs), opts.results) else 1


if __name__ == '__main__':
    sys.exit(main())
