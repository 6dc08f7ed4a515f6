#!/usr/bin/env python3
"""Pack files into a newc cpio archive, the initramfs Mica unpacks at boot.

  mkcpio.py OUT PATH...

A PATH that is a directory contributes every *.ko file below it (what
`make -C mica M=dir` builds); a PATH that is a file contributes that file,
whatever it is. Files are stored under their base name ("hello.ko"), which
is the name `ls` shows and insmod looks up; two files with one base name
are refused. `make run MODULES="dir ..."` calls this (see docs/delivery.md).
"""

import os
import stat
import sys

TRAILER = 'TRAILER!!!'


def entry(name, data, mode=0o100644, ino=0, mtime=0, nlink=1):
    """One newc entry: header, name and data, each padded to 4 bytes."""
    namez = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, nlink, mtime, len(data), 0, 0, 0, 0, len(namez), 0]
    out = b'070701' + b''.join(b'%08x' % f for f in fields) + namez
    out += b'\0' * (-len(out) % 4)
    out += data + b'\0' * (-len(data) % 4)
    return out


def archive(files):
    """newc archive of [(name, data, mode, mtime)], ending with the trailer."""
    out = b''.join(entry(name, data, mode, ino, mtime)
                   for ino, (name, data, mode, mtime) in enumerate(files, 1))
    return out + entry(TRAILER, b'', mode=0, nlink=1)


def collect(paths):
    """[(name, data, mode, mtime)] for the PATH arguments; exits on errors."""
    files, seen = [], {}
    for path in paths:
        if os.path.isdir(path):
            found = sorted(os.path.join(d, f) for d, _, names in os.walk(path)
                           for f in names if f.endswith('.ko'))
            if not found:
                sys.exit(f'mkcpio: {path}: no .ko files (build the module first: '
                         f'make -C <mica> M={path})')
        elif os.path.isfile(path):
            found = [path]
        else:
            sys.exit(f'mkcpio: {path}: no such file or directory')
        for f in found:
            name = os.path.basename(f)
            if name in seen:
                sys.exit(f'mkcpio: {f} and {seen[name]} would both be "{name}"')
            seen[name] = f
            st = os.stat(f)
            with open(f, 'rb') as fh:
                files.append((name, fh.read(), stat.S_IFREG | stat.S_IMODE(st.st_mode),
                              int(st.st_mtime)))
    return files


def main():
    if len(sys.argv) < 3:
        sys.exit('usage: mkcpio.py OUT PATH...  (a directory adds its *.ko files)')
    files = collect(sys.argv[2:])
    data = archive(files)
    with open(sys.argv[1], 'wb') as out:
        out.write(data)
    total = sum(len(f[1]) for f in files)
    print(f'mkcpio: {sys.argv[1]}: {len(files)} file(s), {total} bytes: '
          + ' '.join(f[0] for f in files))


if __name__ == '__main__':
    main()
