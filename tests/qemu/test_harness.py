#!/usr/bin/env python3
"""Unit tests for the QEMU harness: the KTAP/crash analysis on canned
transcripts, the configuration checks, and the console driver against a
fake QEMU (a small Python program that plays a kernel)."""

import os
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness   # noqa: E402
import ktap      # noqa: E402
import configs   # noqa: E402
import samples   # noqa: E402
import ymodem    # noqa: E402


def lines(text):
    return textwrap.dedent(text).strip('\n').splitlines()


PASSING = '''\
Booting Mica on vexpress-a9
KTAP version 1
1..2
    KTAP version 1
    # Subtest: alpha
    1..2
    ok 1 first
    ok 2 second # SKIP not on this board
    # alpha: pass:1 fail:0 skip:1 total:2
ok 1 alpha
    KTAP version 1
    # Subtest: beta
    1..1
    ok 1 only
    # beta: pass:1 fail:0 skip:0 total:1
ok 2 beta
# Totals: pass:2 fail:0 skip:1 total:3
mica> poweroff
'''

FAILING_CASE = '''\
KTAP version 1
1..1
    KTAP version 1
    # Subtest: alpha
    1..2
    # mm/page_alloc.c:42: Expected a == b, but a == 1 (0x1), b == 2 (0x2)
    not ok 1 first
    ok 2 second
    # alpha: pass:1 fail:1 skip:0 total:2
not ok 1 alpha
# Totals: pass:1 fail:1 skip:0 total:2
'''


def errors_of(text):
    return ktap.analyse(lines(text)).errors


class KtapParsing(unittest.TestCase):
    def test_passing_transcript(self):
        a = ktap.analyse(lines(PASSING))
        self.assertEqual(a.errors, [])
        self.assertEqual([s.name for s in a.suites()], ['alpha', 'beta'])
        alpha = a.suites()[0]
        self.assertEqual(alpha.plan, 2)
        self.assertTrue(alpha.subtests[1].skipped)
        self.assertEqual(alpha.subtests[1].directive, 'SKIP not on this board')
        self.assertEqual(ktap.leaf_counts(a.suites()), (2, 0, 1))

    def test_failing_case_is_reported_with_its_diagnostic(self):
        a = ktap.analyse(lines(FAILING_CASE))
        self.assertIn('line 7: not ok alpha.first', a.errors)
        self.assertIn('line 10: not ok alpha', a.errors)
        first = a.suites()[0].subtests[0]
        self.assertEqual(first.diagnostics,
                         ['# mm/page_alloc.c:42: Expected a == b, but a == 1 (0x1), b == 2 (0x2)'])
        self.assertEqual([p for p, _ in a.failures()], ['alpha', 'alpha.first'])

    def test_ok_after_a_failure_message_is_an_error(self):
        text = FAILING_CASE.replace('not ok 1 first', 'ok 1 first').replace('not ok 1 alpha', 'ok 1 alpha')
        text = text.replace('pass:1 fail:1', 'pass:2 fail:0')
        self.assertEqual(errors_of(text), ['line 7: alpha.first is reported ok after a failure message'])

    def test_missing_top_level_plan(self):
        text = PASSING.replace('1..2\n    KTAP', '    KTAP', 1)
        self.assertTrue(any('KTAP document has no plan' in e for e in errors_of(text)))

    def test_suite_with_fewer_results_than_its_plan(self):
        text = PASSING.replace('    1..1\n', '    1..3\n')
        self.assertTrue(any("subtest 'beta': plan 1..3 but 1 results" in e
                            for e in errors_of(text)), errors_of(text))

    def test_fewer_suites_than_the_plan(self):
        text = PASSING.replace('1..2\n    KTAP', '1..3\n    KTAP', 1)
        errs = errors_of(text)
        self.assertTrue(any('truncated: plan 1..3 but 2 results' in e for e in errs), errs)

    def test_truncated_output(self):
        text = '\n'.join(lines(PASSING)[:13])     # stops inside suite beta
        errs = errors_of(text)
        self.assertTrue(any("subtest 'beta' truncated" in e for e in errs), errs)
        self.assertTrue(any('KTAP document truncated' in e for e in errs), errs)

    def test_no_output_has_no_documents(self):
        self.assertEqual(ktap.analyse([]).documents, [])

    def test_wrong_numbering(self):
        text = PASSING.replace('ok 2 second', 'ok 3 second')
        self.assertTrue(any('result numbered 3, expected 2' in e for e in errors_of(text)))

    def test_subtest_name_mismatch(self):
        text = PASSING.replace('ok 2 beta', 'ok 2 gamma')
        self.assertTrue(any("subtest 'beta' reported as 'gamma'" in e for e in errors_of(text)))

    def test_totals_must_match_results(self):
        text = PASSING.replace('pass:2 fail:0 skip:1 total:3', 'pass:3 fail:0 skip:0 total:3')
        self.assertTrue(any('Totals say pass:3' in e for e in errors_of(text)))

    def test_missing_totals(self):
        text = PASSING.replace('# Totals: pass:2 fail:0 skip:1 total:3\n', '')
        self.assertTrue(any('no # Totals line' in e for e in errors_of(text)))

    def test_printk_timestamps_are_stripped(self):
        stamped = ['[%5d.%06d] %s' % (i, i, l) for i, l in enumerate(lines(PASSING))]
        self.assertEqual(ktap.analyse(stamped).errors, [])

    def test_two_runs_in_one_transcript(self):
        a = ktap.analyse(lines(PASSING + 'mica> test alpha\n' + FAILING_CASE))
        self.assertEqual(len(a.documents), 2)
        self.assertIn('line 26: not ok alpha.first', a.errors)

    def test_broken_invariant_fails_the_suite(self):
        text = PASSING.replace('    # beta: pass', '    # invariant free_pages: 12 pages leaked\n'
                                                  '    # beta: pass').replace('ok 2 beta', 'not ok 2 beta')
        a = ktap.analyse(lines(text))
        self.assertTrue(any(e.endswith('not ok beta') for e in a.errors), a.errors)
        self.assertIn('# invariant free_pages: 12 pages leaked', a.suites()[1].diagnostics)

    def test_all_skipped_suite_is_not_a_failure(self):
        text = '''\
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: smp_only
            1..1
            ok 1 needs_two_cpus # SKIP 1 CPU
        ok 1 smp_only # SKIP
        # Totals: pass:0 fail:0 skip:1 total:1
        '''
        a = ktap.analyse(lines(text))
        self.assertEqual(a.errors, [])
        self.assertTrue(a.suites()[0].skipped)

    def test_empty_run(self):
        self.assertEqual(errors_of('KTAP version 1\n1..0\n# Totals: pass:0 fail:0 skip:0 total:0\n'), [])

    def test_unknown_suite_name_is_an_error(self):
        errs = errors_of("mica> test nosuch\ntest: no suite named 'nosuch'\n" + PASSING)
        self.assertTrue(any("no suite named 'nosuch'" in e for e in errs))


QUIET = '''\
KTAP version 1
1..2
ok 1 alpha
not ok 2 beta
# Totals: pass:5 fail:1 skip:0 total:6
'''


class QuietAndFaultInjection(unittest.TestCase):
    def test_quiet_run_is_one_line_per_suite(self):
        a = ktap.analyse(lines(QUIET))
        self.assertEqual(a.errors, ['line 4: not ok beta'])
        self.assertEqual([s.name for s in a.suites()], ['alpha', 'beta'])

    def test_explained_failures_are_accepted(self):
        self.assertEqual(ktap.analyse(lines(FAILING_CASE), explained_failures_ok=True).errors, [])

    def test_unexplained_failure_is_an_error(self):
        text = FAILING_CASE.replace('    # mm/page_alloc.c:42: Expected a == b, but a == 1 (0x1), '
                                    'b == 2 (0x2)\n', '')
        errs = ktap.analyse(lines(text), explained_failures_ok=True).errors
        self.assertEqual(errs, ['line 6: not ok alpha.first without a message saying why'])

    def test_crash_still_fails_with_failures_ok(self):
        text = FAILING_CASE + 'Unable to handle kernel NULL pointer dereference\n'
        errs = ktap.analyse(lines(text), explained_failures_ok=True).errors
        self.assertEqual(len(errs), 1)
        self.assertIn('crash', errs[0])

    def test_max_lines_before_the_prompt(self):
        cfg = harness.with_defaults(dict(name='t', board='vexpress-a9', max_lines=3))
        self.assertEqual(harness.check_expected(cfg, ['a', 'b', 'mica> x']), [])
        self.assertEqual(harness.check_expected(cfg, ['a', 'b', 'c', 'd', 'mica> ']),
                         ['4 console lines before the first prompt (at most 3)'])


class Crashes(unittest.TestCase):
    OOPS = ['Unable to handle kernel NULL pointer dereference at virtual address 00000000',
            'Internal error: Oops: 805 [#1] SMP ARM']

    def test_oops_outside_markers_fails(self):
        text = PASSING.replace('    ok 1 only\n', '\n'.join(self.OOPS) + '\n    ok 1 only\n')
        errs = errors_of(text)
        self.assertEqual(sum('crash:' in e for e in errs), 2, errs)

    def test_oops_inside_markers_is_accepted(self):
        inside = '    # expected-fault begin\n' + '\n'.join(self.OOPS) + '\n    # expected-fault end\n'
        text = PASSING.replace('    ok 1 only\n', inside + '    ok 1 only\n')
        self.assertEqual(errors_of(text), [])

    def test_oops_after_markers_fails(self):
        around = '    # expected-fault begin\n    # expected-fault end\n' + self.OOPS[1] + '\n'
        text = PASSING.replace('    ok 1 only\n', around + '    ok 1 only\n')
        self.assertTrue(any('crash: Internal error' in e for e in errors_of(text)))

    def test_unclosed_marker_fails(self):
        text = PASSING.replace('    ok 1 only\n', '    # expected-fault begin\n    ok 1 only\n')
        self.assertTrue(any('never ended' in e for e in errors_of(text)))

    def test_panic_and_bug_lines(self):
        for line in ['Kernel panic - not syncing: Attempted to kill init!',
                     'BUG: spinlock recursion on CPU#0']:
            self.assertTrue(any('crash:' in e for e in errors_of(PASSING + line + '\n')), line)


class Judging(unittest.TestCase):
    def judge(self, text, **cfg):
        full = harness.with_defaults(dict(name='t', board='vexpress-a9', **cfg))
        return harness.judge(full, ktap.analyse(lines(text)))

    def test_required_suite_present(self):
        self.assertEqual(self.judge(PASSING, required=['alpha', 'beta']), [])

    def test_required_suite_missing(self):
        self.assertEqual(self.judge(PASSING), ["required suite 'kunit' did not run"])

    def test_no_ktap_at_all(self):
        self.assertIn('no KTAP output at all', self.judge('booted\nmica> \n', required=[]))

    def test_run_count_and_only(self):
        errs = self.judge(PASSING, required=[], runs=2, only=['al*'])
        self.assertIn('expected 2 KTAP run(s), saw 1', errs)
        self.assertTrue(any("suite 'beta' ran" in e for e in errs))

    def test_kasan_kernel(self):
        cfg = harness.with_defaults(dict(name='t', board='smdkc210', kasan=True))
        self.assertEqual(cfg['kernel'], 'build/smdkc210-kasan/mica.elf')
        self.assertEqual(harness.with_defaults(dict(name='t', board='smdkc210'))['kernel'],
                         'build/smdkc210/mica.elf')

    def test_qemu_command_from_board_file(self):
        cfg = harness.with_defaults(dict(name='t', board='vexpress-a9', smp=1, mem=256,
                                         cmdline=['notests', 'a=b,c']))
        cmd = harness.qemu_command(cfg)
        self.assertEqual(cmd[:7], ['qemu-system-arm', '-M', 'vexpress-a9', '-smp', '1', '-m', '256'])
        self.assertIn('stdio', cmd)
        self.assertIn('enable=on,target=native,arg=mica,arg=loglevel=8,arg=notests,arg=a=b,,c',
                      cmd)
        cfg['loglevel'] = None
        self.assertIn('enable=on,target=native,arg=mica,arg=notests,arg=a=b,,c',
                      harness.qemu_command(cfg))
        self.assertEqual(cmd[-2:], ['-kernel', 'build/vexpress-a9/mica.elf'])
        cfg['args'] = ['-serial', 'null', '-serial', 'stdio']
        self.assertEqual(harness.qemu_command(cfg).count('-serial'), 2)

    def test_check_function_errors_are_reported(self):
        cfg = harness.with_defaults(dict(name='t', board='vexpress-a9', required=[],
                                         check=lambda lines: ['memory not back'] if lines else []))
        self.assertEqual(cfg['check'](lines(PASSING)), ['memory not back'])
        self.assertIsNone(harness.with_defaults(dict(name='t', board='b'))['check'])

    def test_every_configuration_is_well_formed(self):
        names = [c['name'] for c in harness.CONFIGS]
        self.assertEqual(len(names), len(set(names)))
        for c in harness.CONFIGS:
            self.assertTrue(harness.qemu_command(harness.with_defaults(c)), c['name'])
            if c.get('check'):
                self.assertIsInstance(c['check'](lines(PASSING)), list)

    def test_late_keys_are_called_at_boot(self):
        cfg = harness.resolved(harness.with_defaults(dict(
            name='t', board='b', initramfs=lambda: b'archive', input=lambda: ['ls'],
            check=lambda lines: [])))
        self.assertEqual((cfg['initramfs'], cfg['input']), (b'archive', ['ls']))
        self.assertTrue(callable(cfg['check']))

    def test_no_configuration_needs_an_option_rom(self):
        # QEMU virt's default NIC (virtio-net-pci) needs efi-virtio.rom, which
        # Debian installs only as a recommendation: a fresh machine lacks it.
        for c in harness.CONFIGS:
            full = harness.with_defaults(c)
            if 'qemu' in full:
                continue
            cmd = harness.qemu_command(full)
            if cmd[cmd.index('-M') + 1] == 'virt':
                self.assertIn('-nic', cmd, c['name'])
                self.assertEqual(cmd[cmd.index('-nic') + 1], 'none', c['name'])


# A stand-in for QEMU: prints a transcript, answers prompts like the shell.
FAKE_KERNEL = r'''
import sys, time
mode = sys.argv[1]
out = sys.stdout
def say(s):
    out.write(s); out.flush()
say("Booting\r\n" + sys.argv[2].replace("|", "\r\n"))
if mode == "hang":
    time.sleep(60)
if mode == "panic":
    say("Kernel panic - not syncing: test\r\n")
    time.sleep(60)
while True:
    say("mica> ")
    cmd = b""
    while not cmd.endswith(b"\r"):     # a terminal's Enter, as the shell expects
        c = sys.stdin.buffer.read(1)
        if not c:
            sys.exit(9)
        cmd += c
    cmd = cmd.decode().strip()
    say(cmd + "\r\n")
    if cmd == "poweroff" and mode != "stay":
        sys.exit(int(mode) if mode.isdigit() else 0)
    if cmd == "test":
        say(sys.argv[3].replace("|", "\r\n"))
'''


class ConsoleDriver(unittest.TestCase):
    def boot(self, mode, boot_text='', test_text='', timeout=20, inputs=('poweroff',)):
        cfg = harness.with_defaults(dict(
            name='fake', board='vexpress-a9', kernel=os.path.relpath(__file__, harness.ROOT),
            qemu=[sys.executable, '-c', FAKE_KERNEL, mode, boot_text, test_text],
            timeout=timeout, input=list(inputs)))
        return harness.boot(cfg)

    def test_inputs_answer_prompts_in_order(self):
        ktap_text = PASSING.replace('mica> poweroff\n', '').replace('\n', '|')
        out, errs, _ = self.boot('0', test_text=ktap_text, inputs=('test', 'poweroff'))
        self.assertEqual(errs, [])
        self.assertEqual(ktap.analyse(out).errors, [])
        self.assertIn('mica> test', out)
        self.assertEqual(out[-1], 'mica> poweroff')

    def test_nonzero_exit_status(self):
        _, errs, _ = self.boot('3')
        self.assertEqual(errs, ['QEMU exited with status 3'])

    def test_hang_hits_the_time_limit(self):
        _, errs, secs = self.boot('hang', timeout=2)
        self.assertTrue(errs and errs[0].startswith('hang: QEMU still running after 2 s'), errs)
        self.assertLess(secs, 10)

    def test_prompt_after_last_input(self):
        _, errs, _ = self.boot('stay')
        self.assertTrue(any('came back to the prompt' in e for e in errs), errs)

    def test_panic_stops_early(self):
        _, errs, secs = self.boot('panic', timeout=60)
        self.assertIn('the kernel panicked; QEMU stopped', errs)
        self.assertLess(secs, 15)


def sample_snapshot(name, when, free=1000, slab=100, areas=('0xf0000000-0xf0002000 8192 x',),
                    cur=3):
    return [f"mica> echo '# sample {name}: {when}'", f'# sample {name}: {when}',
            'mica> drop_caches 3', 'mica> meminfo', f'MemFree:         {free} kB',
            f'Slab:            {slab} kB', 'PageTables:         4 kB', 'Percpu:            8 kB',
            'mica> vmallocinfo'] + list(areas) + [
            'mica> percpu_stats', f'  nr_cur_alloc        :            {cur}',
            '  bytes_in_use        :          100']


class SampleChecks(unittest.TestCase):
    def test_unchanged_memory_passes(self):
        t = sample_snapshot('a', 'before') + ['mica> insmod a.ko'] + sample_snapshot('a', 'after')
        self.assertEqual(samples.check_unchanged(t), [])

    def test_each_difference_is_named(self):
        t = (sample_snapshot('a', 'before') +
             sample_snapshot('a', 'after', free=996, slab=104, areas=(), cur=4))
        errs = samples.check_unchanged(t)
        self.assertEqual(len(errs), 4, errs)
        self.assertTrue(any('MemFree' in e for e in errs))
        self.assertTrue(any('vmallocinfo' in e for e in errs))

    def test_missing_snapshot(self):
        self.assertIn('sample a: snapshot before or after missing',
                      samples.check_unchanged(sample_snapshot('a', 'before')))


def hello_modinfo(filename, vermagic='abi-0123abcd'):
    return ['filename:       ' + filename, 'description:    Hello world, with two parameters',
            'author:         Mica samples', 'license:        GPL',
            'parm:           howmany:how many times (int)',
            'parm:           whom:who to greet (charp)', 'depends:        ',
            'vermagic:       0.1.0 SMP mod_unload ARMv7 ' + vermagic]


def hello_block(path='hello/', loaded=None, modules_after=None):
    """The start of samples.HELLO's transcript, with what each command prints."""
    live = ['hello 12288 0 - Live 0xbf000000 (O)']
    return (['mica> modinfo %shello.ko' % path] + hello_modinfo(path + 'hello.ko') +
            ['mica> insmod %shello.ko whom=Mica howmany=2' % path,
             '[    1.000000] hello: Hello, Mica (1/2)', 'mica> modinfo hello'] +
            (loaded or hello_modinfo(path + 'hello.ko')) +
            ['mica> modules'] + live + ['mica> rmmod hello_world',
             '[    1.100000] rmmod: Module hello_world is not currently loaded',
             'rmmod: failed (-2 ENOENT)', 'mica> modules'] + (modules_after or live))


class ModuleCommandChecks(unittest.TestCase):
    def test_kmod_formats_pass(self):
        self.assertEqual(samples.check_commands(hello_block()), [])
        self.assertEqual(samples.check_commands(hello_block(path='')), [])

    def test_a_wrong_modinfo_line_is_named(self):
        bad = hello_modinfo('hello/hello.ko')
        bad[0] = 'filename:      hello/hello.ko'      # one column short
        errs = samples.check_commands(hello_block(loaded=bad))
        self.assertEqual(len(errs), 1, errs)
        self.assertIn('`modinfo hello` (loaded)', errs[0])

    def test_vermagic_of_file_and_module_must_agree(self):
        other = hello_modinfo('hello/hello.ko', vermagic='abi-ffffffff')
        errs = samples.check_commands(hello_block(loaded=other))
        self.assertTrue(any('vermagic' in e for e in errs), errs)

    def test_modules_must_not_change_after_a_refused_rmmod(self):
        errs = samples.check_commands(
            hello_block(modules_after=['hello 12288 0 - Unloading 0xbf000000 (O)']))
        self.assertTrue(any('after a refused rmmod' in e for e in errs), errs)

    def test_missing_block(self):
        self.assertTrue(samples.check_commands(['mica> poweroff']))


class VmallocinfoCheck(unittest.TestCase):
    def test_a_left_mapping_is_named(self):
        check = configs.vmallocinfo_without('populate_rootfs')
        lines = ['mica> vmallocinfo', '0xf0000000-0xf0002000    8192 kunit_x+0x1/0x2 pages=1',
                 'mica> poweroff']
        self.assertEqual(check(lines), [])
        lines.insert(2, '0xf0030000-0xf0046000   90112 populate_rootfs+0xf8/0x1f0 vmap')
        self.assertEqual(len(check(lines)), 1)
        self.assertEqual(check(['mica> poweroff']), ['no vmallocinfo output'])


class YmodemSender(unittest.TestCase):
    """The harness's YMODEM sender, against a receiver played here."""

    def test_crc16_check_value(self):
        self.assertEqual(ymodem.crc16(b'123456789'), 0x31c3)

    def test_block_layout(self):
        b = ymodem.block(3, b'abc', 128)
        self.assertEqual(len(b), 3 + 128 + 2)
        self.assertEqual(b[:3], bytes([ymodem.SOH, 3, 0xfc]))
        self.assertEqual(b[6], ymodem.CPMEOF)
        self.assertEqual(int.from_bytes(b[-2:], 'big'), ymodem.crc16(b[3:-2]))
        self.assertEqual(ymodem.block(0, b'x', 1024, pad=0)[0], ymodem.STX)
        bad = ymodem.block(1, b'abc', 128, corrupt=True)
        self.assertNotEqual(int.from_bytes(bad[-2:], 'big'), ymodem.crc16(bad[3:-2]))

    def receive(self, sender):
        """Play a well-behaved receiver: [(name, data)] of what arrived."""
        files, out, want_header = [], sender.feed(b'C'), True
        while not sender.done:
            kind = out[0]
            if kind == ymodem.EOT:
                out = sender.feed(bytes([ymodem.NAK]))      # NAK the first EOT
                self.assertEqual(out, bytes([ymodem.EOT]))
                out = sender.feed(bytes([ymodem.ACK, ymodem.CRC]))
                want_header = True
                continue
            size = 1024 if kind == ymodem.STX else 128
            data = out[3:3 + size]
            if ymodem.crc16(data) != int.from_bytes(out[3 + size:5 + size], 'big'):
                out = sender.feed(bytes([ymodem.NAK]))
                continue
            if want_header:
                self.assertEqual(out[1], 0)
                want_header = False
                if not data[0]:
                    sender.feed(bytes([ymodem.ACK]))
                    break
                name, rest = data.split(b'\0', 1)
                files.append([name.decode(), b'', int(rest.split(b'\0')[0])])
                out = sender.feed(bytes([ymodem.ACK, ymodem.CRC]))
                continue
            files[-1][1] += data
            if len(files[-1][1]) >= files[-1][2]:
                files[-1][1] = files[-1][1][:files[-1][2]]
            out = sender.feed(bytes([ymodem.ACK]))
        return [(n, d) for n, d, _ in files]

    def test_batch_with_a_corrupt_block(self):
        files = [('a.ko', bytes(range(256)) * 9), ('b', b'xyz')]
        sender = ymodem.Sender(files, 1024, corrupt=2)
        self.assertEqual(self.receive(sender), files)
        self.assertEqual(sender.naks, 1)
        self.assertEqual(sender.state, 'finished')

    def test_cancel(self):
        sender = ymodem.Sender([('a.ko', bytes(5000))], 128, cancel_at=2)
        out = sender.feed(b'C') and sender.feed(bytes([ymodem.ACK, ymodem.CRC]))
        self.assertEqual(out[0], ymodem.SOH)
        self.assertEqual(sender.feed(bytes([ymodem.ACK])), bytes([ymodem.CAN] * 8))
        self.assertTrue(sender.done)


if __name__ == '__main__':
    unittest.main()
