"""The sample modules (samples/) in QEMU configurations: what to type to
load and remove each, the lines each must print, and the check that memory
is back where it was after each rmmod.

Each sample is loaded through each way a .ko reaches the machine: through
semihosting (the kernel reads it from the host: hostdir=<tree>/samples on
the command line, insmod hello/hello.ko), and by name from the in-memory
file list (insmod hello.ko) that an initramfs (QEMU's -initrd, or U-Boot's
bootm with a TFTP ramdisk) or a YMODEM upload (loady, lrzsz's sb) filled
with the .ko files under their base names, as `make run MODULES=samples`
packs them. Each is loaded between two snapshots:
`drop_caches 3` (the slab's empty slabs and the per-CPU page lists go back
to the buddy allocator), `meminfo`, `vmallocinfo` and `percpu_stats`.
After rmmod, MemFree (plus PageTables: a first module in a new MiB of the
modules area keeps the table it needed), Slab, Percpu, the vmalloc areas
and the per-CPU allocator's allocations must equal what they were before.
The leak and oops samples are the exceptions they exist to show: their
reports are checked instead. With hello, the other module commands run
and check_commands() checks what they print (modinfo, /proc/modules, and
the refusals). `make check-samples` builds the samples first.
"""

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import mkcpio   # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
HOSTDIR = os.path.join(ROOT, 'samples')

def _load(directory, name, args=''):
    """insmod and rmmod of one sample."""
    return [f'insmod {directory}/{name}.ko' + (f' {args}' if args else ''), f'rmmod {name}']


# With hello, the other module commands (check_commands() reads their
# output): modinfo of the file and of the loaded module, /proc/modules,
# and what is refused: rmmod of a module that is not loaded (before and
# after hello's own rmmod; nothing changes), modinfo of a name nothing has
# and of a missing file.
HELLO = ['modinfo hello/hello.ko', 'insmod hello/hello.ko whom=Mica howmany=2', 'modinfo hello',
         'modules', 'rmmod hello_world', 'modules', 'rmmod hello', 'rmmod hello',
         'modinfo hello', 'modinfo hello/nosuch.ko']

# (name, commands between the two snapshots, lines they print, in order)
SAMPLES = [
    ('hello', HELLO,
     [r'hello: Hello, Mica \(1/2\)', r'hello: Hello, Mica \(2/2\)',
      r'rmmod: Module hello_world is not currently loaded$', r'hello: Goodbye, Mica',
      r'rmmod: Module hello is not currently loaded$',
      r'^modinfo: ERROR: Module hello not found \(not loaded, and no file of that name\)\.$',
      r"^modinfo: cannot read '(hello/)?nosuch\.ko': no such file "]),
    ('test_cache', _load('slab', 'test_cache'),
     [r'test_cache: 16 objects of \d+ bytes allocated and freed: OK',
      r'test_cache: object kept since init still says a 1']),
    ('pages', _load('pages', 'pages'),
     [r'pages: __get_free_pages order 2 .* a ZONE_DMA page: OK',
      r'pages: contents kept until rmmod: OK']),
    ('vmalloc_test', _load('vmalloc', 'vmalloc_test'),
     [r'vmalloc_test: vmalloc\(3145828\) .* vzalloc zeroed: OK']),
    ('kmap_test', _load('kmap', 'kmap_test'), [r'kmap_test: (high|low) page .* same data: OK']),
    ('percpu_test', _load('percpu', 'percpu_test'), [r'percpu_test: \d CPUs online, .*: OK']),
    ('sync_test', _load('sync', 'sync_test', 'threads=4 loops=500'),
     [r'sync_test: 4 threads x 500 increments under a mutex = 2000: OK', r'sync_test: seqlock: OK']),
    ('timer_test', _load('timer', 'timer_test', 'delay_ms=30'),
     [r'timer_test: HZ=\d+; timer armed for 30 ms fired after \d+ ms: OK',
      r'timer_test: msleep\(20\) .*: OK']),
    # Two out-of-tree modules, one using the other's exports.
    ('exports', ['insmod exports/provider/provider.ko', 'insmod exports/user/user.ko',
                 'modules', 'rmmod provider', 'rmmod user', 'rmmod provider'],
     [r'provider: ready', r'user: tickets 1 and 2, provider counted 2: OK',
      r'^provider \d+ 1 user, Live 0xbf[0-9a-f]{6} \(O\)$',
      r'^user \d+ 0 - Live 0xbf[0-9a-f]{6} \(O\)$',
      r'rmmod: Module provider is in use by: user', r'provider: 2 tickets handed out']),
]
DMA_SAMPLE = ('dma_memcpy', _load('dma', 'dma_memcpy', 'copies=8'),
              [r'dma_memcpy: 8 copies of 4096 bytes on dma\d+chan\d+: OK'])

SNAPSHOT = ['drop_caches 3', 'meminfo', 'vmallocinfo', 'percpu_stats']
MARK = '# sample %s: %s'


def _samples(dma):
    return SAMPLES + ([DMA_SAMPLE] if dma else [])


def cmdline():
    return [f'hostdir={HOSTDIR}']


def files(dma=False):
    """(base name, data) of every sample's .ko, as `make run MODULES=samples`
    packs them; the DMA client only with dma. Call once they are built."""
    return [(name, data) for name, data, _, _ in mkcpio.collect([HOSTDIR])
            if dma or name != 'dma_memcpy.ko']


def inputs(dma=False, file_list=False):
    """The lines to type: every sample between snapshots, then leak and oops.
    With file_list, insmod names the base name (the in-memory file list)
    instead of the path under hostdir."""
    lines = []
    for name, commands, _ in _samples(dma):
        lines += ([f"echo '{MARK % (name, 'before')}'"] + SNAPSHOT + commands +
                  [f"echo '{MARK % (name, 'after')}'"] + SNAPSHOT)
    lines += ['insmod leak/leak.ko', 'rmmod leak',
              "echo '# expected-fault begin'", 'insmod oops/oops.ko',
              "echo '# expected-fault end'", 'lsmod', 'modules', 'rmmod oops', 'lsmod']
    if file_list:
        lines = [re.sub(r'^(insmod|modinfo) \S+/(\S+\.ko)', r'\1 \2', line) for line in lines]
    return lines


def expect(dma=False):
    """Regexes, in order: each sample's own lines, then the reports."""
    regexes = []
    for _, _, lines in _samples(dma):
        regexes += lines
    regexes += [r'leak: on rmmod, it still holds:',
                r'leak:   kmalloc-256 object .* allocated by leak_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[leak\]',
                r'leak:   2 pages \(order 1\) .* allocated by leak_init',
                r'leak:   vmalloc area .* \(65536 bytes\), allocated by leak_init',
                r'leak:   armed timer .* calling forgotten_timeout\+0x0/0x[0-9a-f]+ \[leak\]; cancelled',
                r'leak: 4 items left behind on rmmod',
                r'Modules linked in: oops\(O\+\)',
                r'PC is at oops_init\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops\]',
                r'oops: init oopsed: the module is left in state Failed',
                r'^oops +\d+ +0 \[init failed\]$',
                r'^oops \d+ 0 - Failed 0xbf[0-9a-f]{6} \(O\)$']
    return regexes


TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\] ')


def _blocks(lines):
    """{(sample, when): {command: [output lines]}} from the transcript."""
    out, key, cmd = {}, None, None
    for raw in lines:
        line = TIMESTAMP.sub('', raw.rstrip())
        m = re.match(r'^# sample (\S+): (before|after)$', line)
        if m:
            key, cmd = (m.group(1), m.group(2)), None
            out[key] = {}
            continue
        if line.startswith('mica> '):
            cmd = line[len('mica> '):].strip()
            if key and cmd in SNAPSHOT:
                out[key][cmd] = []
            else:
                cmd = None
            continue
        if key and cmd:
            out[key][cmd].append(line)
    return out


def _meminfo(block):
    kb = {}
    for line in block.get('meminfo', []):
        m = re.match(r'^(\w+):\s+(\d+) kB$', line)
        if m:
            kb[m.group(1)] = int(m.group(2))
    return kb


def _percpu(block):
    values = {}
    for line in block.get('percpu_stats', []):
        m = re.match(r'^\s+(nr_cur_alloc|bytes_in_use)\s*:\s*(\d+)$', line)
        if m:
            values[m.group(1)] = int(m.group(2))
    return values


def _modinfo_hello(filename):
    """modinfo's lines for hello.ko read from filename: kmod's tags, padded to 16 columns."""
    return [r'^filename: {7}%s$' % re.escape(filename),
            r'^description: {4}Hello world, with two parameters$',
            r'^author: {9}Mica samples$',
            r'^license: {8}GPL$',
            r'^parm: {11}howmany:how many times \(int\)$',
            r'^parm: {11}whom:who to greet \(charp\)$',
            r'^depends: *$',
            r'^vermagic: {7}0\.1\.0 SMP mod_unload ARMv7 abi-[0-9a-f]{8}$']


def _outputs(lines):
    """[(command, its output lines)] in the order typed; kernel messages
    (timestamped) left out."""
    out = []
    for raw in lines:
        line = raw.rstrip('\r\n')
        if line.startswith('mica> '):
            out.append((line[len('mica> '):].strip(), []))
        elif out and not TIMESTAMP.match(line):
            out[-1][1].append(line)
    return out


def _exactly(what, output, regexes):
    """Errors unless output is one line per regex, each matching."""
    if len(output) == len(regexes) and all(re.search(r, l) for r, l in zip(regexes, output)):
        return []
    return [f'{what}: printed {output}, expected lines matching {regexes}']


def check_commands(lines):
    """hello's block (HELLO): modinfo of the file and of the loaded module
    print exactly kmod's lines; `modules` prints hello's /proc/modules line
    in the modules area, the same after the refused rmmod."""
    outputs = _outputs(lines)
    start = next((i for i, (cmd, _) in enumerate(outputs)
                  if re.match(r'insmod \S*hello\.ko whom=Mica', cmd)), None)
    if start is None or start < 1 or len(outputs) < start + 5:
        return ['module commands: the hello block (insmod hello.ko whom=Mica ...) not found']
    (info_cmd, info_file), (insmod, _), (_, info_loaded), (_, mods1), _, (_, mods2) = \
        outputs[start - 1:start + 5]
    errors = _exactly(f'`{info_cmd}`', info_file, _modinfo_hello(info_cmd.split()[1]))
    errors += _exactly('`modinfo hello` (loaded)', info_loaded, _modinfo_hello(insmod.split()[1]))
    if info_file[-1:] != info_loaded[-1:]:
        errors.append(f'vermagic of the file {info_file[-1:]} and of the loaded module '
                      f'{info_loaded[-1:]} differ')
    errors += _exactly('`modules` with hello loaded', mods1,
                       [r'^hello \d+ 0 - Live 0xbf[0-9a-f]{6} \(O\)$'])
    if mods2 != mods1:
        errors.append(f'`modules` after a refused rmmod printed {mods2}, before {mods1}')
    return errors


def check(lines):
    """What a configuration that loads the samples checks: memory after
    each, and the module commands' output."""
    return check_unchanged(lines) + check_commands(lines)


def check_unchanged(lines):
    """Errors where a sample's rmmod did not give back what its insmod took."""
    errors = []
    blocks = _blocks(lines)
    names = sorted({name for name, _ in blocks})
    for name in names:
        before, after = blocks.get((name, 'before')), blocks.get((name, 'after'))
        if not before or not after:
            errors.append(f'sample {name}: snapshot before or after missing')
            continue
        mb, ma = _meminfo(before), _meminfo(after)
        for field in ('MemFree', 'Slab', 'Percpu'):
            if field not in mb or field not in ma:
                errors.append(f'sample {name}: no {field} in meminfo')
        free_b = mb.get('MemFree', 0) + mb.get('PageTables', 0)
        free_a = ma.get('MemFree', 0) + ma.get('PageTables', 0)
        if free_a != free_b:
            errors.append(f'sample {name}: MemFree+PageTables {free_b} kB before, {free_a} kB after')
        for field in ('Slab', 'Percpu'):
            if mb.get(field) != ma.get(field):
                errors.append(f'sample {name}: {field} {mb.get(field)} kB before, {ma.get(field)} kB after')
        if before.get('vmallocinfo') != after.get('vmallocinfo'):
            errors.append(f'sample {name}: vmallocinfo differs after rmmod')
        pb, pa = _percpu(before), _percpu(after)
        if not pb or pb != pa:
            errors.append(f'sample {name}: per-CPU allocations {pb} before, {pa} after')
    return errors
