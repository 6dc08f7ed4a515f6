#!/usr/bin/env python3
"""Turn `nm -n` output into the kernel's symbol table (an assembler file).

The table holds every text symbol: sorted start addresses and, for each, the
offset of its NUL-terminated name. Its size depends only on the names, which
is what lets the Makefile's three-pass link converge.
"""
import sys

TEXT_TYPES = set("TtWw")


def read_symbols(lines):
    syms = []
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        addr, kind, name = parts
        if kind not in TEXT_TYPES or name.startswith(("$", ".L")):
            continue
        syms.append((int(addr, 16), name))
    syms.sort()
    return syms


def emit(syms, out):
    out.write('\t.section .kallsyms, "a"\n\t.align 2\n')
    out.write("\t.global kallsyms_num\nkallsyms_num:\n\t.word %d\n" % len(syms))
    out.write("\t.global kallsyms_addresses\nkallsyms_addresses:\n")
    for addr, _ in syms:
        out.write("\t.word 0x%08x\n" % addr)
    out.write("\t.global kallsyms_name_offsets\nkallsyms_name_offsets:\n")
    offset = 0
    for _, name in syms:
        out.write("\t.word %d\n" % offset)
        offset += len(name) + 1
    out.write("\t.global kallsyms_names\nkallsyms_names:\n")
    for _, name in syms:
        out.write('\t.asciz "%s"\n' % name)
    out.write("\t.align 2\n")


def main():
    syms = [] if "--empty" in sys.argv else read_symbols(sys.stdin)
    emit(syms, sys.stdout)


if __name__ == "__main__":
    main()
