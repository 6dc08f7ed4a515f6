"""Linux's figures next to Mica's in `make bench`.

The peer figures come from the table in ../shared/reference/linux-peer/results.txt
(a Linux 6.1 kernel timing the same pairs on the same QEMU machine under
-icount shift=0; see that directory's README and its run script), read each time the
benchmarks run: nothing here knows a number. The column used is the one the
figures are compared with (init_on_alloc=0: Linux does not zero
allocations, as Mica does not), "raw" or "net" as results.txt says.

  annotate(lines, path) -> the lines, those with a peer figure followed by
                           "| Linux 6.1 <figure> <raw|net>, Linux/Mica <ratio>"
"""
import os
import re

DEFAULT_PATH = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                                             'shared', 'reference', 'linux-peer', 'results.txt'))

# A Mica output line (its figure in group 1) and the results.txt operation it matches.
PAIRS = [
    (r'^order 0\s+(\d+)$', 'alloc_pages+__free_pages order 0'),
    (r'^order 3\s+(\d+)$', 'alloc_pages+__free_pages order 3'),
    (r'^order 9\s+(\d+)$', 'alloc_pages+__free_pages order 9'),
    (r'^kmalloc\(64\) constant size\s+([\d.]+)$', 'kmalloc(64)+kfree'),
    (r'^kmalloc\(256\) constant size\s+([\d.]+)$', 'kmalloc(256)+kfree'),
    (r'^kmem_cache_alloc\+free \(64 bytes\)\s+([\d.]+)$', 'kmem_cache_alloc+free (64 B)'),
    (r'^bench: vmalloc\+vfree 1 page: (\d+) instructions$', 'vmalloc(4096)+vfree'),
    (r'^bench: vmalloc\+vfree 16 pages: (\d+) instructions$', 'vmalloc(16 pages)+vfree'),
    (r'^bench: kmap_atomic\+kunmap_atomic: (\d+) instructions$',
     'kmap_atomic+kunmap_atomic highmem'),
    (r'^bench: kmap\+kunmap \(same page\): (\d+) instructions$', 'kmap+kunmap highmem same page'),
    (r'^bench context_switch: ([\d.]+) ns/op', 'context switch (yield, 2 kthreads)'),
    (r'^bench mutex_uncontended \(debug_locks=0\): ([\d.]+) ns/op', 'mutex_lock+unlock uncontended'),
    (r'^bench spinlock_pair: ([\d.]+) ns/op', 'spin_lock+spin_unlock'),
]

ROW = re.compile(r'^(?P<op>\S.*?)\s+[\d.]+ (?:raw|net)\s+(?P<figure>[\d.]+) (?P<kind>raw|net)\b')
TITLE = re.compile(r'\b(Linux [\d.]+)\b')


def read(path):
    """(kernel name, {operation: (figure, 'raw'|'net')}) from results.txt."""
    with open(path) as f:
        text = f.read().splitlines()
    m = TITLE.search(text[0]) if text else None
    rows = {}
    for line in text:
        r = ROW.match(line)
        if r:
            rows[r.group('op')] = (float(r.group('figure')), r.group('kind'))
    return (m.group(1) if m else 'Linux'), rows


def annotate(lines, path=DEFAULT_PATH):
    try:
        name, rows = read(path)
    except OSError as e:
        return lines + ['# Linux figures: cannot read %s (%s)' % (path, e.strerror)]
    out = []
    for line in lines:
        for pattern, op in PAIRS:
            m = re.match(pattern, line.strip())
            if not m:
                continue
            if op not in rows:
                line += '  | %s: no "%s" in %s' % (name, op, path)
            else:
                figure, kind = rows[op]
                mica = float(m.group(1))
                ratio = '%.2f' % (figure / mica) if mica else 'n/a'
                line += '  | %s %g %s, Linux/Mica %s' % (name, figure, kind, ratio)
            break
        out.append(line)
    return out + ['# Linux figures: %s (column init_on_alloc=0)' % os.path.normpath(path)]
