#!/usr/bin/env python3
"""The kernel's KUnit runner, built for the host (kunit_host), checked from
outside: its KTAP output for every outcome is compared with expected.ktap
and judged by the QEMU harness's parser; suite selection, unknown names and
the boot-time command line are exercised.

  test_kunit_host.py PATH/TO/kunit_host [unittest options]
"""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'qemu'))
import ktap   # noqa: E402

BINARY = None
DEMO_FAILING_SUITES = 4


def run(*args):
    p = subprocess.run([BINARY, *args], cwd=ROOT, capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout


def suite_names(out):
    return [s.name for s in ktap.analyse(out.splitlines()).suites()]


class KunitHost(unittest.TestCase):
    def test_selftest_passes_and_the_harness_agrees(self):
        rc, out = run('kunit')
        self.assertEqual(rc, 0, out)
        a = ktap.analyse(out.splitlines())
        self.assertEqual(a.errors, [])
        self.assertEqual(suite_names(out), ['kunit'])
        self.assertGreaterEqual(len(a.suites()[0].subtests), 10)

    def test_every_outcome_prints_as_expected(self):
        rc, out = run('demo_*')
        with open(os.path.join(HERE, 'expected.ktap')) as f:
            self.assertEqual(out, f.read())
        self.assertEqual(rc, DEMO_FAILING_SUITES)

    def test_harness_sees_exactly_the_failures(self):
        _, out = run('demo_*')
        a = ktap.analyse(out.splitlines())
        self.assertEqual(sorted(p for p, _ in a.failures()), [
            'demo_case_init_fails', 'demo_case_init_fails.pass_two',
            'demo_leaks',
            'demo_mixed', 'demo_mixed.assert_fails', 'demo_mixed.expect_fails_twice',
            'demo_suite_init_fails', 'demo_suite_init_fails.pass_one',
            'demo_suite_init_fails.pass_two'])
        # Nothing else: the failing run is still well-formed KTAP, and the
        # oops inside the expected-fault markers is accepted.
        self.assertEqual([e for e in a.errors if ': not ok ' not in e], [])

    def test_case_glob_selects_cases(self):
        rc, out = run('demo_pass.*two', 'demo_mixed.logs')
        self.assertEqual(rc, 0, out)
        a = ktap.analyse(out.splitlines())
        self.assertEqual(a.errors, [])
        self.assertEqual([(s.name, [c.name for c in s.subtests]) for s in a.suites()],
                         [('demo_pass', ['pass_two']), ('demo_mixed', ['logs'])])

    def test_unknown_name_is_reported_and_counted(self):
        rc, out = run('nosuch', 'demo_pass')
        self.assertEqual(rc, 1)
        self.assertTrue(out.startswith("test: no suite named 'nosuch'\nKTAP version 1\n1..1\n"), out)

    def test_boot_run_honours_notests(self):
        for word in ('notests', 'kunit.enable=0', 'kunit.enable=n'):
            rc, out = run('--boot', word)
            self.assertEqual((rc, out), (0, 'kunit: boot-time tests disabled\n'), word)

    def test_boot_run_honours_filter_glob(self):
        rc, out = run('--boot', 'kunit.enable=1', 'kunit.filter_glob=demo_p*')
        self.assertEqual(rc, 0, out)
        self.assertEqual(suite_names(out), ['demo_pass'])

    def test_boot_run_rejects_a_bad_boolean(self):
        rc, out = run('--boot', 'kunit.enable=maybe', 'kunit.filter_glob=demo_pass')
        self.assertTrue(out.startswith('Malformed kernel command line parameter '
                                       '"kunit.enable=maybe", ignored\n'), out)
        self.assertEqual(suite_names(out), ['demo_pass'])

    def test_overlong_filter_glob_is_rejected(self):
        rc, out = run('--boot', 'kunit.filter_glob=' + 'x' * 200, 'notests')
        self.assertTrue(out.startswith('Malformed kernel command line parameter'), out)

    def test_boot_run_without_parameters_runs_everything(self):
        rc, out = run('--boot')
        self.assertEqual(rc, DEMO_FAILING_SUITES)
        self.assertIn('kunit', suite_names(out))
        self.assertIn('demo_pass', suite_names(out))


if __name__ == '__main__':
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main()
