"""Parse a console transcript: KTAP documents (nested subtests) and crashes.

A transcript may hold several top-level KTAP documents (the boot-time run,
then one per `test` command). Each is checked for a plan that matches its
results at every level, result numbering, subtest names, and the
`# Totals:` line the kernel prints after it. Kernel messages between KTAP
lines are ignored, except oops reports: those are errors unless they sit
between `# expected-fault begin` and `# expected-fault end` markers.
Leading printk timestamps ("[    1.234567] ") are stripped first.
"""

import re
from dataclasses import dataclass, field

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\] ?')
VERSION = re.compile(r'^( *)K?TAP version \d+\s*$')
PLAN = re.compile(r'^( *)1\.\.(\d+)\s*(?:#.*)?$')
RESULT = re.compile(r'^( *)(ok|not ok) (\d+)(?: -)?(?: ([^#]*?))?\s*(?:#\s*(.*?))?\s*$')
SUBTEST = re.compile(r'^( *)# Subtest: (.*?)\s*$')
DIAG = re.compile(r'^( *)#(.*)$')
TOTALS = re.compile(r'^# Totals: pass:(\d+) fail:(\d+) skip:(\d+)(?: total:(\d+))?\s*$')
FAULT_MARK = re.compile(r'^\s*# expected-fault (begin|end)\s*$')
CRASH = re.compile(r'Unable to handle|Internal error|Kernel panic|BUG:|\bOops\b')
NO_SUITE = re.compile(r'no suite named')
# Mica's failure diagnostic, "# mm/slab_kunit.c:123: Expected ...": an `ok` case must not have one.
FAILURE_DIAG = re.compile(r'^# \S+:\d+: ')


@dataclass
class Result:
    """One `ok`/`not ok` line; for a suite, its cases are `subtests`."""
    number: int
    name: str
    ok: bool
    directive: str = ''
    diagnostics: list = field(default_factory=list)
    subtests: list = field(default_factory=list)
    plan: int = None
    line: int = 0

    @property
    def skipped(self):
        return self.directive.upper().startswith('SKIP')

    @property
    def failed(self):
        return not self.ok and not self.directive.upper().startswith('TODO')

    def status(self):
        if self.failed:
            return 'not ok'
        return 'skip' if self.skipped else 'ok'


@dataclass
class Document:
    """One top-level KTAP document: `results` are its suites."""
    line: int
    plan: int = None
    results: list = field(default_factory=list)
    totals: tuple = None


@dataclass
class Analysis:
    documents: list
    errors: list

    def suites(self):
        return [r for d in self.documents for r in d.results]

    def walk(self):
        """(path, Result) for every test, suites and cases alike."""
        out = []

        def visit(prefix, results):
            for r in results:
                out.append((prefix + r.name, r))
                visit(prefix + r.name + '.', r.subtests)
        for d in self.documents:
            visit('', d.results)
        return out

    def failures(self):
        return [(p, r) for p, r in self.walk() if r.failed]

    def unexplained_failures(self):
        """Failures that do not say why: a case with no diagnostic before its
        result, a suite with neither a failed case nor a diagnostic of its own."""
        return [(p, r) for p, r in self.failures()
                if not r.diagnostics and not any(c.failed for c in r.subtests)]

    def passes_with_failure_messages(self):
        """Tests reported ok although a failed check was printed for them:
        a cross-check on the kernel's framework."""
        return [(p, r) for p, r in self.walk()
                if not r.failed and any(FAILURE_DIAG.match(d) for d in r.diagnostics)]


class _Block:
    """An open KTAP (sub)document at one indentation."""

    def __init__(self, indent, line, name=None):
        self.indent = indent
        self.line = line
        self.name = name
        self.plan = None
        self.results = []
        self.pending = []   # diagnostics waiting for the next result line


def leaf_counts(results):
    """(pass, fail, skip) over the cases (results without subtests) below suites."""
    counts = [0, 0, 0]

    def walk(rs):
        for r in rs:
            if r.subtests:
                walk(r.subtests)
            else:
                counts[1 if r.failed else 2 if r.skipped else 0] += 1
    for suite in results:
        walk(suite.subtests)
    return tuple(counts)


class _Parser:
    def __init__(self):
        self.documents = []
        self.errors = []
        self.stack = []

    def error(self, lineno, msg):
        self.errors.append(f'line {lineno}: {msg}')

    def close_block(self, lineno, why):
        """Close the innermost open block without a result line (truncated)."""
        b = self.stack.pop()
        what = f"subtest '{b.name}'" if b.name else ('KTAP document' if b.indent == 0
                                                      else 'subtest')
        if b.plan is None:
            self.error(b.line, f'{what} has no plan ({why})')
        else:
            self.error(b.line, f'{what} truncated: plan 1..{b.plan} but '
                               f'{len(b.results)} results ({why})')

    def new_document(self, lineno):
        while self.stack:
            self.close_block(lineno, f'a new KTAP document starts at line {lineno}')
        self.documents.append(Document(line=lineno))
        self.stack.append(_Block(0, lineno))

    def on_version(self, lineno, indent):
        if indent == 0:
            self.new_document(lineno)
            return
        if not self.stack:
            return      # an indented header outside any document: not ours
        while self.stack and self.stack[-1].indent >= indent:
            self.close_block(lineno, f'a new subtest starts at line {lineno}')
        if not self.stack:
            self.error(lineno, 'subtest header outside a KTAP document')
            return
        self.stack.append(_Block(indent, lineno))

    def on_subtest(self, lineno, indent, name):
        top = self.stack[-1]
        if top.indent == indent and top.name is None and not top.results:
            top.name = name
        elif indent > top.indent:
            self.stack.append(_Block(indent, lineno, name))   # header without version line
        else:
            self.error(lineno, f"'# Subtest: {name}' at an unexpected indentation")

    def on_plan(self, lineno, indent, count):
        top = self.stack[-1]
        if indent > top.indent:
            top = _Block(indent, lineno)
            self.stack.append(top)
        elif indent < top.indent:
            self.error(lineno, 'plan at an unexpected indentation')
            return
        if top.plan is not None:
            self.error(lineno, f'second plan 1..{count} (already 1..{top.plan})')
            return
        top.plan = count
        if top.indent == 0 and len(top.results) >= count:   # 1..0, or a plan given last
            if len(top.results) > count:
                self.error(lineno, f'plan 1..{count} but {len(top.results)} results')
            self.end_document()

    def on_result(self, lineno, indent, m):
        number, name = int(m.group(3)), (m.group(4) or '').strip()
        result = Result(number=number, name=name, ok=m.group(2) == 'ok',
                        directive=(m.group(5) or '').strip(), line=lineno)
        if indent > self.stack[-1].indent:
            self.stack.append(_Block(indent, lineno))   # results with no header
        while self.stack[-1].indent > indent:
            child = self.stack.pop()
            if self.stack[-1].indent > indent:
                self.error(child.line, 'subtest never got a result line')
                continue
            self.finish_child(lineno, child, result)
        top = self.stack[-1]
        if top.indent != indent:
            self.error(lineno, f"result '{m.group(0).strip()}' at an unexpected indentation")
            return
        result.diagnostics = top.pending + result.diagnostics
        top.pending = []
        expected = len(top.results) + 1
        if number != expected:
            self.error(lineno, f'result numbered {number}, expected {expected}')
        if top.plan is not None and len(top.results) >= top.plan:
            self.error(lineno, f'more results than the plan 1..{top.plan}')
        top.results.append(result)
        if top.indent == 0:
            self.documents[-1].results = top.results
            if top.plan is not None and len(top.results) == top.plan:
                self.end_document()

    def finish_child(self, lineno, child, result):
        result.subtests = child.results
        result.plan = child.plan
        result.diagnostics = child.pending   # after the last case: e.g. broken invariants
        label = child.name or result.name
        if child.name is not None and child.name != result.name:
            self.error(lineno, f"subtest '{child.name}' reported as '{result.name}'")
        if child.plan is None:
            self.error(child.line, f"subtest '{label}' has no plan")
        elif len(child.results) != child.plan:
            self.error(lineno, f"subtest '{label}': plan 1..{child.plan} but "
                               f"{len(child.results)} results")

    def end_document(self):
        root = self.stack.pop()
        doc = self.documents[-1]
        doc.plan = root.plan
        doc.results = root.results

    def on_totals(self, lineno, m):
        if not self.documents or self.documents[-1].totals is not None:
            self.error(lineno, '# Totals line without a KTAP document before it')
            return
        doc = self.documents[-1]
        doc.totals = tuple(int(g) for g in m.groups()[:3])
        if self.stack:
            self.error(lineno, '# Totals line before the document is complete')
        if doc.results and not any(r.subtests for r in doc.results):
            return      # a quiet run: one line per suite, the cases are in the log only
        seen = leaf_counts(doc.results)
        if doc.totals != seen:
            self.error(lineno, 'Totals say pass:%d fail:%d skip:%d but the results show '
                               'pass:%d fail:%d skip:%d' % (doc.totals + seen))

    def feed(self, lineno, line):
        m = VERSION.match(line)
        if m:
            self.on_version(lineno, len(m.group(1)))
            return
        m = TOTALS.match(line)
        if m:
            self.on_totals(lineno, m)
            return
        if not self.stack:
            return
        m = SUBTEST.match(line)
        if m:
            self.on_subtest(lineno, len(m.group(1)), m.group(2))
            return
        m = PLAN.match(line)
        if m:
            self.on_plan(lineno, len(m.group(1)), int(m.group(2)))
            return
        m = RESULT.match(line)
        if m:
            self.on_result(lineno, len(m.group(1)), m)
            return
        m = DIAG.match(line)
        if m and len(m.group(1)) >= self.stack[-1].indent:
            self.stack[-1].pending.append(line.strip())

    def finish(self, lineno):
        while self.stack:
            self.close_block(lineno, 'output ended')
        for doc in self.documents:
            if doc.plan is not None and doc.totals is None:
                self.error(doc.line, 'KTAP document has no # Totals line')


def strip_line(raw):
    """A console line without its line ending and printk timestamp."""
    return TIMESTAMP.sub('', raw.rstrip('\r\n').replace('\r', ''), count=1)


def check_crashes(lines, crash_ok=False):
    """Errors for oops reports outside expected-fault markers (none if
    @crash_ok: the transcript crashes on purpose)."""
    errors = []
    open_at = None
    for n, line in enumerate(lines, 1):
        m = FAULT_MARK.match(line)
        if m and m.group(1) == 'begin':
            if open_at is not None:
                errors.append(f'line {n}: expected-fault begin inside another '
                              f'(opened at line {open_at})')
            open_at = n
        elif m:
            if open_at is None:
                errors.append(f'line {n}: expected-fault end without a begin')
            open_at = None
        elif CRASH.search(line) and open_at is None and not crash_ok:
            errors.append(f'line {n}: crash: {line.strip()}')
        elif NO_SUITE.search(line):
            errors.append(f'line {n}: {line.strip()}')
    if open_at is not None:
        errors.append(f'line {open_at}: expected-fault begin never ended')
    return errors


def analyse(raw_lines, explained_failures_ok=False, crash_ok=False):
    """Parse a whole transcript: its KTAP documents and every error found.
    With @explained_failures_ok, a failed test is an error only when it does
    not say why (see Analysis.unexplained_failures); with @crash_ok, oops
    and panic reports are not."""
    lines = [strip_line(r) for r in raw_lines]
    parser = _Parser()
    for n, line in enumerate(lines, 1):
        parser.feed(n, line)
    parser.finish(len(lines))
    errors = check_crashes(lines, crash_ok) + parser.errors
    analysis = Analysis(parser.documents, errors)
    if explained_failures_ok:
        for path, r in sorted(analysis.unexplained_failures(), key=lambda f: f[1].line):
            errors.append(f'line {r.line}: not ok {path} without a message saying why')
    else:
        for path, r in sorted(analysis.failures(), key=lambda f: f[1].line):
            errors.append(f'line {r.line}: not ok {path}')
    for path, r in analysis.passes_with_failure_messages():
        errors.append(f'line {r.line}: {path} is reported ok after a failure message')
    return analysis
