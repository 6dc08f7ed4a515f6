#!/usr/bin/env python3
"""Check that every path a comment or a document names exists.

Reads the comments of the sources (C, assembler, linker script, Python,
make and shell files) and the whole text of README.md, docs/*.md and
tests/**/README.md, picks out what names a file or folder of this tree and
reports each one that does not exist, as FILE:LINE: 'PATH' ... . Exits 1
when any is missing.

What counts as a name of this tree:
  - a path whose first part is a top-level entry (arch/arm/gic.c, docs/);
  - an include path (linux/mm.h, mica/kunit.h, asm/memory.h);
  - a file name with a source or document suffix (sched.h, sched/core.c):
    some file of the tree must end with it (or it is next to the naming file);
  - a relative Markdown link, from the document's folder.
`*` and <placeholder> are wildcards: `arch/arm/boards/<board>.c` needs
one match. Not checked: names of Linux's or another project's files
(written "Linux's kernel/fork.c", "QEMU's hw/..."), the C library's headers
(<stdint.h>), build outputs (build/, *.o, *.ko, *.elf, ...), absolute paths
and paths outside the tree (../).

  check-paths.py [--root DIR] [--self-test]
"""

import argparse
import ast
import fnmatch
import os
import re
import subprocess
import sys
import tempfile

SUFFIXES = ('c', 'h', 'S', 'ld', 'md', 'py', 'mk', 'sh', 'cmd', 'ktap')
INCLUDE_DIRS = ('include', 'arch/arm/include', 'tests/host/sim/include')
INCLUDE_ROOTS = ('linux', 'mica', 'asm')
# What is built or loaded, never kept in the tree (hello.ko, mica.elf).
PRODUCTS = ('.o', '.ko', '.a', '.so', '.elf', '.bin', '.d', '.img', '.uimg')
# A name right after another project's (in the same clause) is that
# project's file: "as Linux's drivers/firmware/psci", "(Linux 2.6's
# lib/kernel_lock.c)", "the C library's cdefs.h".
FOREIGN = re.compile(r"\b(Linux|QEMU|U-Boot|glibc|C library|newlib|Debian|xv6)\b[^.;:()]*\(?[^.;:()]*$")
PART = r"(?:[\w.*<>-]|\{[\w.,-]*\})"
PATH = re.compile(r"(?<![\w/.*$%{-])"
                  r"((?:" + PART + r"+/)+" + PART + r"*|" + PART + r"+\.(?:" + '|'.join(SUFFIXES) +
                  r"))(?![\w/])")
MD_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")


def tree_files(root):
    """The files of the tree: git's tracked and untracked-not-ignored, else a walk."""
    try:
        out = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard'], cwd=root,
                             capture_output=True, text=True, check=True).stdout
        files = [f for f in out.splitlines() if os.path.exists(os.path.join(root, f))]
        if files:
            return sorted(files)
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if x not in ('.git', 'build', '__pycache__')]
        files += [os.path.relpath(os.path.join(d, n), root) for n in names]
    return sorted(files)


def c_comments(text):
    """(line, comment text) of /* */ and // comments, strings skipped."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j
            out.append((text.count('\n', 0, i) + 1, text[i + 2:j]))
            i = j + 2
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append((text.count('\n', 0, i) + 1, text[i + 2:j]))
            i = j
        else:
            i += 1
    return out


def hash_comments(text):
    """(line, text) of # comments; a run of comment lines is one piece."""
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        m = re.search(r"(^|\s)#(.*)", line)
        if not m or line.lstrip().startswith('#!'):
            continue
        if out and out[-1][0] + out[-1][1].count('\n') == lineno - 1:
            out[-1] = (out[-1][0], out[-1][1] + '\n' + m.group(2))
        else:
            out.append((lineno, m.group(2)))
    return out


def python_comments(text):
    """(line, text) of a Python file's # comments and docstrings."""
    out = hash_comments(text)
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return out
    for node in [tree] + [n for n in ast.walk(tree)
                          if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))]:
        if node.body and isinstance(node.body[0], ast.Expr) and \
           isinstance(node.body[0].value, ast.Constant) and isinstance(node.body[0].value.value, str):
            out.append((node.body[0].lineno, node.body[0].value.value))
    return out


def texts_of(path, text):
    """The prose of one file as (first line, text) pieces; None: not read."""
    base = os.path.basename(path)
    if path.endswith('.md'):
        if path == 'README.md' or path.startswith('docs/') or \
           (path.startswith('tests/') and base == 'README.md'):
            return [(1, text)]
        return None
    if path.endswith(('.c', '.h', '.ld', '.S')):
        pieces = c_comments(text)
        if path.endswith('.S'):
            pieces += [(ln, t) for ln, t in hash_comments(text.replace('@', '#'))
                       if not re.match(r'\s*(define|include|if|ifn?def|else|endif|error)\b', t)]
        return pieces
    if path.endswith('.py'):
        return python_comments(text)
    if path.endswith(('.mk', '.sh', '.cmd')) or base == 'Makefile' or \
       base.startswith('Makefile.') or path == '.ci/run':
        return hash_comments(text)
    return None


class Tree:
    def __init__(self, files):
        self.files = set(files)
        self.dirs = {os.path.dirname(f) for f in files}
        for d in list(self.dirs):
            while d:
                d = os.path.dirname(d)
                self.dirs.add(d)
        self.top = {p.split('/')[0] for p in self.files}

    def exists(self, pattern):
        pattern = pattern.rstrip('/')
        if any(ch in pattern for ch in '*?['):
            return any(fnmatch.fnmatchcase(p, pattern) for p in self.files | self.dirs)
        return pattern in self.files or pattern in self.dirs

    def ends_with(self, pattern):
        """Some file or folder of the tree is @pattern or ends with /@pattern."""
        if self.exists(pattern):
            return True
        return self.exists('*/' + pattern)


def normalise(token):
    if token.startswith('<'):   # <linux/mm.h> is ours; <stdint.h>, <sys/mman.h> are the C library's
        token = token[1:].split('>')[0]
        if token.split('/')[0] not in INCLUDE_ROOTS:
            return []
    token = re.sub(r'<[^<>]*>', '*', token)
    token = token.rstrip('.,:;')
    if '{' in token:   # one name for each alternative in the braces
        m = re.match(r'(.*)\{([^{}]*)\}(.*)', token)
        if m:
            return [t for alt in m.group(2).split(',') for t in normalise(m.group(1) + alt + m.group(3))]
    return [token]


def check_token(tree, src, token):
    """True if @token, named in file @src, needs no check or exists."""
    if token.startswith(('build/', '../', './build', '~')) or '://' in token or \
       token.endswith(PRODUCTS):
        return True
    if '$' in token or '%' in token:
        return True
    here = os.path.dirname(src)
    first = token.split('/')[0]
    if '/' in token and first in tree.top:
        return tree.exists(token)
    if '/' in token and first in INCLUDE_ROOTS:
        return any(tree.exists(os.path.join(d, token)) for d in INCLUDE_DIRS)
    if re.search(r'\.(%s)$' % '|'.join(SUFFIXES), token):
        return tree.exists(os.path.normpath(os.path.join(here, token))) or tree.ends_with(token)
    return True     # a/b prose ("I/O", "read/write"): not a name of the tree


def check_text(tree, src, first_line, text, problems):
    for m in PATH.finditer(text):
        before = re.sub(r'\s*\n[\s*#]*', ' ', text[max(0, m.start() - 60):m.start()])
        before = re.sub(r'\d+(\.\d+)+', 'N', before)   # "Linux 2.6's" is one clause
        line = first_line + text.count('\n', 0, m.start())
        if FOREIGN.search(before[-40:]) or before.endswith(']('):
            continue
        for token in normalise(m.group(1)):
            if token and not check_token(tree, src, token):
                problems.append(f"{src}:{line}: '{token}' names nothing in the tree")
    if src.endswith('.md'):
        for m in MD_LINK.finditer(text):
            link = m.group(1)
            if '://' in link or link.startswith(('mailto:', '/')):
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(src), link))
            if target.startswith('..'):
                continue
            if not tree.exists(target):
                line = first_line + text.count('\n', 0, m.start())
                problems.append(f"{src}:{line}: link '{link}' names nothing in the tree")


def check_tree(root):
    files = tree_files(root)
    tree = Tree(files)
    problems = []
    for f in files:
        try:
            with open(os.path.join(root, f), encoding='utf-8') as fh:
                text = fh.read()
        except (UnicodeDecodeError, OSError):
            continue
        pieces = texts_of(f, text)
        for first_line, piece in pieces or ():
            check_text(tree, f, first_line, piece, problems)
    return files, sorted(set(problems))


SELF_TEST = {
    'kernel/sched/core.c': '/* see sched.h and kernel/sched/sched.h, <linux/mm.h>, asm/memory.h,\n'
                           ' * <stdint.h>, <sys/mman.h>\'s mmap, lib/hello.ko */\n'
                           'int x; /* Linux\'s kernel/fork.c, build/x.o, I/O, read/write */\n',
    'kernel/sched/sched.h': '// arch/arm/boards/<board>.c, tests/host/Makefile.*, docs/,\n'
                            '// arch/arm/boards/{vexpress,smdkc}.c\n',
    'include/linux/mm.h': '',
    'arch/arm/include/asm/memory.h': '',
    'arch/arm/boards/vexpress.c': '',
    'arch/arm/boards/smdkc.c': '',
    'tests/host/Makefile.mm': '# check-mm builds tests/host/mm/test_x.c and the {mm,sim} libs\n',
    'tests/host/mm/test_x.c': '',
    'docs/a.md': 'See [b](b.md) and `tools/check-paths.py`.\n',
    'docs/b.md': '',
    'tools/check-paths.py': '',
}
SELF_TEST_BROKEN = {
    'kernel/sched/core.c': ('/* page_alloc_slow.c */', "'page_alloc_slow.c'"),
    'kernel/sched/sched.h': ('// kernel/sched_internal.h', "'kernel/sched_internal.h'"),
    'include/linux/mm.h': ('/* <mica/nothing.h> */', "'mica/nothing.h'"),
    'tests/host/Makefile.mm': ('# docs/benchmarks.md', "'docs/benchmarks.md'"),
    'docs/a.md': ('[c](c.md)', "link 'c.md'"),
    'docs/b.md': ('`tests/host/sim2/`', "'tests/host/sim2/'"),
    'tools/check-paths.py': ('def f():\n    """see tools/gone.sh"""', "'tools/gone.sh'"),
}


def self_test():
    """A clean tree passes; each broken reference is found, in its file."""
    with tempfile.TemporaryDirectory() as root:
        def write(files):
            for name, text in files.items():
                os.makedirs(os.path.join(root, os.path.dirname(name)), exist_ok=True)
                with open(os.path.join(root, name), 'w') as fh:
                    fh.write(text)
        write(SELF_TEST)
        _, problems = check_tree(root)
        if problems:
            print('self-test: a clean tree reported:\n  ' + '\n  '.join(problems))
            return 1
        for name, (text, want) in SELF_TEST_BROKEN.items():
            write({name: SELF_TEST[name] + text + '\n'})
            _, problems = check_tree(root)
            write({name: SELF_TEST[name]})
            if len(problems) != 1 or not problems[0].startswith(name + ':') or want not in problems[0]:
                print(f'self-test: {text!r} in {name}: expected one report of {want}, got {problems}')
                return 1
    print(f'self-test: {len(SELF_TEST_BROKEN)} broken references found, a clean tree passes')
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument('--self-test', action='store_true', help='check the checker on a made-up tree')
    opts = ap.parse_args()
    if opts.self_test:
        return self_test()
    files, problems = check_tree(opts.root)
    for p in problems:
        print(p)
    print(f'check-paths: {len(files)} files read, {len(problems)} missing paths')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
