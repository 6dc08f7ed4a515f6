"""The QEMU configurations `make check` boots, one dict each.

Keys (only `name` and `board` are required; see tests/host/README.md):
  name      unique, used in reports and result files
  board     arch/arm/boards/<board>.mk gives the QEMU machine, default -smp/-m
            and extra arguments; the kernel is build/<board>/mica.elf
  smp, mem  override the board's CPU count and RAM (MiB)
  args      extra QEMU arguments (list); add '-serial ...' options here when
            the console is not the first UART (the harness then adds none)
  kasan     True: boot the KASAN kernel, build/<board>-kasan/mica.elf (make KASAN=1)
  kernel    image passed with -kernel (default build/<board>/mica.elf)
  cmdline   kernel command-line words, passed as semihosting arg= strings
  loglevel  the console level passed first on the command line (default 8:
            every KTAP line on the console); None passes none (the
            default level: one line per suite)
  qemu      a complete QEMU argument list instead of the generated one (for
            a U-Boot flow); '{kernel}' and '{root}' are substituted
  input     lines typed, one per `mica> ` prompt (default: poweroff); a dict
            instead of a line runs `loady` and uploads files by YMODEM
            (dict(ymodem=[(name, data)], sender='sb'|'harness', ...):
            harness.Transfer)
  typeahead lines typed at once when QEMU starts, before the kernel runs
            (or, with typeahead_after, at the first console line that
            regex matches); the shell reads them at its first prompts, then
            `input` follows
  timeout   wall-clock seconds before the boot counts as hung (default 120)
  required  suites that must run and pass (default: kunit)
  runs      exact number of KTAP documents expected (default: at least one)
  only      globs; every suite that runs must match one
  expect    regexes that must each match a console line, in this order
  check     a function of the console lines returning a list of errors
  failures_ok  tests may fail if each says why (a diagnostic before its
            result); crashes, hangs and broken KTAP still fail the run
  max_lines at most this many console lines before the first prompt
  crash_ok  the input crashes the kernel on purpose: oops and panic reports
            are no errors, the run goes on (the emergency shell's prompt
            takes input as the shell's does); `expect` says what must happen
  runs=0    no KTAP run at all (the default asks for one)
  initramfs bytes of a newc archive, written before the boot; '{initramfs}'
            (its path), '{ramdisk}' (the same as a U-Boot ramdisk image) and
            '{initramfs_size}' are substituted in args, cmdline and qemu
initramfs, input and expect may be functions of no arguments instead, called
as the configuration boots (for files a build makes, such as the samples).
"""

import os
import re
import sys
import zlib

import samples

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import mkcpio   # noqa: E402

# Typed at once when QEMU starts, before the kernel runs: more than the old
# 256-byte buffer, and a first byte that used to be lost in the UART's set-up.
TYPEAHEAD = ['echo typed-ahead-%d:%s' % (i, ''.join(chr(97 + (i + k) % 26) for k in range(200)))
             for i in range(8)]
# What a long semihosting command line must still say (it is cut at 1023 bytes).
LONG_CMDLINE = ['mem=16M'] + ['pad%d=%s' % (i, 'x' * 90) for i in range(12)]
# Every suite under 10% failing page and slab allocations, GFP_KERNEL too.
FAULT_INJECTION = ['fail_page_alloc probability=10 ignore-gfp-wait=N ignore-gfp-highmem=N '
                   'min-order=0 verbose=0',
                   'failslab probability=10 ignore-gfp-wait=N verbose=0']


def one_kasan_report(lines):
    """Exactly one KASAN report in the transcript."""
    n = sum('BUG: KASAN:' in l for l in lines)
    return [] if n == 1 else [f'{n} KASAN reports, expected exactly one']


# The U-Boot flow (`make tftpboot`): what U-Boot and the kernel must say, in
# order. The RAM size differs from the virt board's default (1 GiB) where
# the check that the kernel took its memory from U-Boot's DTB is to mean
# something; tools/uboot/boot-tftp.cmd sets the command line.
def uboot_steps(mem_mib, initrd=None):
    """With initrd (the initramfs_steps() of a ramdisk), bootm also loads it."""
    return [r'U-Boot 20\d\d\.\d\d',
            r'Bytes transferred = \d+',
            r'## Booting kernel from Legacy Image at'] + \
           ([r'## Loading init Ramdisk from Legacy Image at'] if initrd else []) + \
           [r'Booting using the fdt blob at 0x[0-9a-f]+',
            r'Starting kernel \.\.\.',
            r'Using DTB at 0x[0-9a-f]{8}',
            r'RAM bank 0: 0x40000000-0x[0-9a-f]{8} \(%d MiB, DTB\)' % mem_mib] + \
           (initrd[:1] if initrd else []) + \
           [r'Kernel command line \(DTB\): loglevel=8'] + \
           (initrd[1:] if initrd else [])


# Files delivered by the initramfs and YMODEM tests: deterministic,
# incompressible, one empty, one in a "directory", one over a page, one of
# many 1 KiB blocks; `ls -l` must show each with its exact size and CRC-32.
def payload(size, seed):
    """size bytes of a 32-bit xorshift stream started at seed."""
    out, x = bytearray(), seed
    while len(out) < size:
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        out += x.to_bytes(4, 'little')
    return bytes(out[:size])


def cpio_of(files):
    return mkcpio.archive([(n, d, 0o100644, 0) for n, d in files])


DELIVERY = [('noise.ko', payload(12411, 1)), ('empty', b''), ('lib/data.bin', payload(70001, 2))]
DELIVERY_CPIO = cpio_of(DELIVERY)
# Cut inside the last file's data: the whole archive must be refused.
TRUNCATED_CPIO = DELIVERY_CPIO[:-300]


def bad_field(archive, name, field, text):
    """archive with header field number field (0 ino .. 12 check) of the
    entry called name replaced by the 8 characters text."""
    at = archive.index(name.encode() + b'\0') - 110 + 6 + 8 * field
    return archive[:at] + text.encode() + archive[at + 8:], at


# The last file's size is not hex: refused whole, the files before it too
# (kernel/ramfs/initramfs.c), at the offset of that field.
BAD_HEADER_CPIO, BAD_HEADER_AT = bad_field(DELIVERY_CPIO, 'lib/data.bin', 6, '0001z171')


def vmallocinfo_without(*callers):
    """A check: `vmallocinfo` names none of callers (what a boot step
    mapped and must have unmapped)."""
    def check(lines):
        out, inside = [], False
        for line in lines:
            if line.startswith('mica> '):
                inside = line.rstrip() == 'mica> vmallocinfo'
            elif inside:
                out.append(line)
        if not out:
            return ['no vmallocinfo output']
        return [f'vmallocinfo still lists {c}: {l}' for l in out for c in callers if c in l]
    return check


def ls_lines(files, source):
    """What `ls -l` prints for files (name, data) from source, in its order."""
    return [r'^-rw-r--r-- +%d %08x %s +%s$' % (len(d), zlib.crc32(d), source, re.escape(n))
            for n, d in sorted(files)] + \
           [r'^total %d files?, %d bytes$' % (len(files), sum(len(d) for _, d in files))]


# sb sends base names only; the harness's sender keeps "lib/". Small
# enough to be quick (an emulated UART's round trips dominate), large
# enough for many 1 KiB blocks and a last, partial one.
YMODEM_SB = [('noise.ko', DELIVERY[0][1]), ('data.bin', DELIVERY[2][1][:20001])]
YMODEM_HARNESS = [('lib/data.bin', DELIVERY[2][1][:3000]), ('empty', b'')]


def loady_lines(files, retried=False):
    """What loady prints after receiving files whole. Retries are counted
    loosely (a loaded host may delay a byte past its timeout): at least one
    when a block was corrupted on purpose (retried), any number otherwise."""
    return [r'^## %s: %d bytes, crc32 %08x$' % (re.escape(n), len(d), zlib.crc32(d))
            for n, d in files] + \
           [r'^## Total: %d files?, %d bytes, %s blocks? sent again$' %
            (len(files), sum(len(d) for _, d in files), r'[1-9]\d*' if retried else r'\d+')]


def initramfs_steps(source, files=DELIVERY):
    """The kernel unpacking the archive of files, the initrd that source (ATAGS, DTB) named."""
    return [r'initrd at 0x[0-9a-f]{8} \(%d bytes, %s\)' % (len(cpio_of(files)), re.escape(source)),
            r'Trying to unpack rootfs image as initramfs\.\.\.',
            r'initramfs: %d files, %d bytes in the file list' % (len(files),
                                                                 sum(len(d) for _, d in files)),
            r'Freeing initrd memory: \d+K']


# The samples' .ko files (built by make check-samples before the boots) with
# an empty file and one in a directory, for the initramfs paths.
def samples_delivery():
    return samples.files() + DELIVERY[1:]


def initrd_samples_expect():
    """QEMU's -initrd (ATAGS): the archive unpacked, listed, every sample loaded from it."""
    files = samples_delivery()
    steps = initramfs_steps('ATAGS', files)
    return [r'Using ATAGS at 0x60000100'] + steps[:1] + [r'CPU3: online'] + steps[1:] \
        + [r'mica> ls -l'] + ls_lines(files, 'initramfs') + samples.expect()


def uboot_samples_expect():
    """U-Boot's bootm with the TFTP ramdisk (the DTB says where): the same."""
    files = samples_delivery()
    return uboot_steps(1024, initrd=initramfs_steps('DTB', files)) \
        + [r'mica> ls -l'] + ls_lines(files, 'initramfs') + samples.expect()


# loady's bad transfers; then the samples by sb, as a user sends them, each
# loaded from the file list.
LOADY_INPUT = [dict(ymodem=YMODEM_SB, sender='sb'),
               dict(ymodem=YMODEM_HARNESS, block=128, corrupt=3),
               dict(ymodem=[('partial.ko', payload(5000, 3))], cancel_at=3, expect_ok=False),
               dict(abort=True),
               'ls -l']
LOADY_EXPECT = loady_lines(YMODEM_SB) + loady_lines(YMODEM_HARNESS, retried=True) \
    + [r'^## Total: 0 files, 0 bytes, \d+ blocks? sent again$',
       r'^loady: cancelled by the sender; nothing was kept$',
       r'^loady: aborted \(Ctrl-C\); nothing was kept$',
       r'mica> ls -l'] + ls_lines(YMODEM_SB + YMODEM_HARNESS, 'ymodem')


def loady_samples_input():
    return LOADY_INPUT + [dict(ymodem=samples.files(), sender='sb')] \
        + samples.inputs(file_list=True) + ['poweroff']


def loady_samples_expect():
    return LOADY_EXPECT + loady_lines(samples.files()) + samples.expect()


CONFIGS = [
    # Every suite at boot, on one and on four CPUs, with little and much RAM.
    dict(name='vexpress-a9-smp1-256m', board='vexpress-a9', smp=1, mem=256),
    # Four vCPUs on a loaded 2-core host: 30 s alone, 80 s seen under load 8.
    dict(name='vexpress-a9-smp4-256m', board='vexpress-a9', smp=4, mem=256, timeout=240),
    dict(name='vexpress-a9-smp1-1g', board='vexpress-a9', smp=1, mem=1024),
    # Then every sample module loaded from the host (semihosting) and
    # removed, memory checked after each (tests/qemu/samples.py).
    dict(name='vexpress-a9-smp4-1g', board='vexpress-a9', smp=4, mem=1024, timeout=240,
         cmdline=samples.cmdline(),
         input=['dmatest'] + samples.inputs() + ['poweroff'],
         expect=[r'dmaengine: no DMA controller found',
                 r'dmatest: no channels to test: no DMA controller on this board']
         + samples.expect(), check=samples.check),
    # Two fake NUMA nodes: per-node zones, zonelists and the fallback between nodes.
    dict(name='vexpress-a9-smp4-1g-numa2', board='vexpress-a9', smp=4, mem=1024, timeout=240,
         cmdline=['numa=fake=2'], expect=[r'Built 2 zonelists, mobility grouping on'],
         required=['kunit', 'page_alloc_zones']),
    # Every suite with the debugging checks off (static keys): the fast paths
    # as make bench measures them, and the checks' off state.
    dict(name='vexpress-a9-nodebug', board='vexpress-a9', smp=2, mem=256,
         cmdline=['debug_locks=0', 'debug_atomic_sleep=0', 'check_pages=0']),
    # The command line and the console: no boot-time run, then one case by name.
    # A built-in module_param given a bad value is refused by name. An
    # initrd (by QEMU's loader device and initrd=) with a bad header in its
    # third entry: refused whole with the reason and where, its whole pages
    # freed (the last, partial one stays reserved), its mapping gone; the
    # shell carries on with no file.
    dict(name='vexpress-a9-notests-shell', board='vexpress-a9', smp=2, mem=256,
         initramfs=BAD_HEADER_CPIO,
         args=['-device', 'loader,file={initramfs},addr=0x68000000,force-raw=on'],
         cmdline=['notests', 'module.track=maybe', 'initrd=0x68000000,{initramfs_size}'],
         input=['test kunit.glob_matching', 'ls -l', 'vmallocinfo', 'poweroff'],
         runs=1, only=['kunit'],
         expect=[r'\] initrd at 0x68000000 \(%d bytes, initrd=\)$' % len(BAD_HEADER_CPIO),
                 r"Booting kernel: `maybe' invalid for parameter `module.track'",
                 r'\] Initramfs unpacking failed: bad filesize field \(not 8 hex digits\) '
                 r'\(at offset %d\): no files added$' % BAD_HEADER_AT,
                 r'\] Freeing initrd memory: %dK$' % (len(BAD_HEADER_CPIO) // 4096 * 4),
                 r'^mica> ls -l$', r'^total 0 files, 0 bytes$'],
         check=vmallocinfo_without('populate_rootfs', 'map_initrd')),
    # kunit.filter_glob= selects suites at boot.
    dict(name='vexpress-a9-filter-glob', board='vexpress-a9', smp=2, mem=256,
         cmdline=['kunit.filter_glob=kun*t'], runs=1, only=['kunit']),
    # Built with TESTS=0: no suite in the image, the console still works.
    dict(name='vexpress-a9-notests-build', board='vexpress-a9', smp=2, mem=256,
         kernel='build/vexpress-a9-notests/mica.elf', input=['test', 'poweroff'],
         required=[], runs=2, expect=[r'\] 1\.\.0$', r'mica> test', r'\] 1\.\.0$']),
    # The first screen at the default console level: the log, the banner, one
    # line per suite and the totals, the prompt. The case lines and the
    # expected-fault reports are in the log ring: dmesg prints the whole boot
    # run (judged as any run), whose reports name the task and the taint as
    # Linux's do; test -v prints a verbose one.
    dict(name='vexpress-a9-first-screen', board='vexpress-a9', smp=4, mem=1024, loglevel=None,
         input=['dmesg', 'test -v kunit', 'poweroff'], runs=3, max_lines=110, timeout=240,
         expect=[r'\] Booting Mica ', r'\] Virtual kernel memory layout:$', r'\] ok 1 handoff$',
                 r'\] # Totals: pass:\d+ fail:0 skip:\d+ total:\d+$', r'^mica> dmesg$',
                 r'\]     ok 1 handoff_fdt_valid$', r'\] WARNING: CPU: \d+ PID: 1 at ',
                 r'\] CPU: \d+ PID: 1 Comm: init Tainted: G {8}W {8}N$',
                 r'\] Internal error: Oops', r'\] BUG: Bad page state in process init ',
                 r'^mica> test -v kunit$', r'\]     ok 1 expect_records_failure_and_continues$']),
    # Every suite again from the prompt, twice, with the shell on the other
    # CPU of two; fault injection settings from the command line survive the
    # self-tests (times=0: armed, never firing).
    dict(name='vexpress-a9-smp2-rerun-pinned', board='vexpress-a9', smp=2, mem=256,
         cmdline=['failslab=1,10,0,0', 'fail_page_alloc=2,20,0,0'],
         input=['taskset -p -c 1 1', 'test', 'test', 'failslab', 'fail_page_alloc', 'poweroff'],
         runs=3, timeout=360,
         expect=[r"^pid 1's new affinity mask: 2$", r'^probability=10 interval=1 times=0 ',
                 r'^probability=20 interval=2 times=0 ']),
    # Every suite under injected allocation failures: it passes or fails saying
    # why; no oops outside an expected fault, no hang.
    dict(name='vexpress-a9-fault-injection', board='vexpress-a9', smp=4, mem=256,
         cmdline=['notests'], input=FAULT_INJECTION + ['test', 'poweroff'], runs=1,
         failures_ok=True, timeout=300),
    # Little memory (no Normal zone) and a command line cut at 1023 bytes:
    # every suite passes or skips.
    dict(name='vexpress-a9-smp2-16m-long-cmdline', board='vexpress-a9', smp=2, mem=256,
         cmdline=LONG_CMDLINE, timeout=240,
         expect=[r'\] semihosting command line cut to 1023 bytes \(it has \d+\)$',
                 r'\]   Normal   empty$']),
    # Less still: 8 MiB, all of it DMA zone; the suites that need more skip.
    dict(name='vexpress-a9-smp2-8m', board='vexpress-a9', smp=2, mem=256, cmdline=['mem=8M'],
         timeout=240, expect=[r'\]   Normal   empty$']),
    # QEMU with 16 MiB: its semihosting answer is not about this RAM (said,
    # and not used); mem= gives the size.
    dict(name='vexpress-a9-qemu-16m', board='vexpress-a9', smp=1, mem=16,
         cmdline=['notests', 'mem=16M'], runs=0, required=[],
         expect=[r"\] semihosting: that is below the board's RAM \(0x60000000\): ignored",
                 r'\] Memory: \d+K/16384K available']),
    # Other layouts that are valid: eight fake nodes, no DMA zone, all of
    # HighMem movable.
    dict(name='vexpress-a9-numa8-nodma-movable', board='vexpress-a9', smp=4, mem=1024,
         cmdline=['numa=fake=8', 'dma_zone=0', 'movablecore=900M'], timeout=240,
         expect=[r'movablecore= asks for 900 MiB of ZONE_MOVABLE; only HighMem has memory',
                 r'\]   DMA      empty$', r'Built 8 zonelists']),
    # Typed ahead while the kernel boots and tests itself: every byte arrives.
    dict(name='vexpress-a9-typeahead', board='vexpress-a9', smp=2, mem=256,
         cmdline=['kunit.filter_glob=kunit'], typeahead=TYPEAHEAD, runs=1, only=['kunit'],
         expect=[r'^typed-ahead-%d:%s$' % (i, l.split(':')[1]) for i, l in enumerate(TYPEAHEAD)]),
    # PID 1 (the shell) dies: Linux's panic, then an emergency shell on the console.
    dict(name='vexpress-a9-init-dies', board='vexpress-a9', smp=2, mem=256,
         cmdline=['notests'], input=['sysrq c', 'dmesg', 'ps', 'poweroff'], runs=0,
         required=[], crash_ok=True,
         expect=[r'\] sysrq: Trigger a crash$', r'Unable to handle kernel NULL pointer dereference',
                 r'\] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b$',
                 r'^The kernel has stopped. Emergency shell', r'^emergency> dmesg$',
                 r'\] sysrq: Trigger a crash$', r'^emergency> ps$',
                 r'^The kernel has stopped; this shell runs only', r'^emergency> poweroff$',
                 r'\] reboot: Power down$']),
    # ... and with panic=1 the board restarts a second later (QEMU exits).
    dict(name='vexpress-a9-panic-reboot', board='vexpress-a9', smp=2, mem=256,
         cmdline=['notests', 'panic=1'], args=['-no-reboot'], input=['sysrq c'], runs=0,
         required=[], crash_ok=True,
         expect=[r'Attempted to kill init! exitcode=0x0000000b$', r'\] Rebooting in 1 seconds\.\.$',
                 r'\] reboot: Restarting system$']),
    # The other boards, booted directly.
    # PL330s: all three probed, the DMA suites, UART output by DMA, then
    # dmatest typed at the prompt on every channel of the three.
    # Also the initramfs by QEMU's loader device and initrd=<start>,<size>
    # (as `make run BOARD=smdkc210 MODULES=...`), here a truncated archive:
    # refused whole, its memory freed, no file left; then loady through the
    # Samsung UART, from sb with 128-byte blocks (QEMU's model of this UART
    # loses a burst that fills its 256-byte FIFO: docs/delivery.md).
    # The Samsung UART keeps a line typed while the kernel boots (less than its
    # FIFO: it has no flow control; typed before the kernel sets the FIFO up,
    # QEMU's model keeps one byte of it) and dmatest refuses what would
    # overrun its buffers. Then the samples, the DMA client among them, from
    # the host.
    dict(name='smdkc210-smp2', board='smdkc210', timeout=240,	# 30 s alone; over 120 s on a loaded host
         required=['kunit', 'dma_mapping', 'pl330', 'dmatest'],
         initramfs=TRUNCATED_CPIO,
         args=['-device', 'loader,file={initramfs},addr=0x48000000,force-raw=on'],
         cmdline=['initrd=0x48000000,{initramfs_size}'] + samples.cmdline(),
         typeahead=['echo typed while the kernel boots'], typeahead_after=r'Booting Mica',
         input=['ls -l', dict(ymodem=YMODEM_SB[:1], sender='sb', block=128), 'iomem',
                'dmatest iterations=3 threads_per_chan=2',
                'dmatest iterations=3 alignment=15 max_channels=1'] + samples.inputs(dma=True)
         + ['poweroff'], check=samples.check,
         expect=[r'initrd at 0x48000000 \(%d bytes, initrd=\)' % len(TRUNCATED_CPIO),
                 r'Initramfs unpacking failed: truncated data \(at offset \d+, '
                 r"entry 'lib/data\.bin'\): no files added",
                 r'Freeing initrd memory: \d+K',
                 r'dma-pl330 12680000\.pdma: Loaded driver for PL330 DMAC-\d+',
                 r'dma-pl330 12690000\.pdma: Loaded driver for PL330 DMAC-\d+',
                 r'dma-pl330 12850000\.mdma: Loaded driver for PL330 DMAC-\d+',
                 r'^pl330: UART TX by DMA, from two segments$',
                 r'^cyclic period 3$',
                 r'^typed while the kernel boots$',
                 r'mica> ls -l', r'^total 0 files, 0 bytes$']
         + loady_lines(YMODEM_SB[:1])
         # The drivers' claims in the resource tree, with RAM and the kernel.
         + [r'mica> iomem', r'^12680000-12680fff : 12680000\.pdma$',
            r'^12690000-12690fff : 12690000\.pdma$', r'^12850000-12850fff : 12850000\.mdma$',
            r'^13800000-138000ff : uart-s3c$', r'^40000000-7fffffff : System RAM$',
            r'^  40008000-[0-9a-f]{8} : Kernel code$', r'^  [0-9a-f]{8}-[0-9a-f]{8} : Kernel data$']
         + [r'mica> dmatest iterations=3',
                 r'dmatest: Added 2 threads using dma2chan7',
                 r'dmatest: 144 tests, 0 failures, \d+ iops, \d+ KB/s',
                 r'dmatest: 16384-byte buffer too small for 32768-byte alignment',
                 r'^dmatest: failed \(-22 EINVAL\)$']
         + samples.expect(dma=True)),
    dict(name='virt-smp4', board='virt', smp=4, mem=1024, timeout=240),
    # page_owner=on: its suite, then the boot's allocations grouped by call chain;
    # bad values of the detectors' keys get a message and the default.
    dict(name='vexpress-a9-page-owner', board='vexpress-a9', smp=2, mem=256,
         cmdline=['page_owner=maybe', 'page_owner=on', 'kfence.sample_interval=often',
                  'kunit.filter_glob=page_owner'], runs=1, only=['page_owner'],
         required=['page_owner'], input=['kfence', 'page_owner 3', 'poweroff'],
         expect=[r'page_owner: page_owner=maybe is neither on nor off: off',
                 r'page_owner is enabled: \d+ KiB of records',
                 r'kfence: kfence.sample_interval=often is not a number of milliseconds '
                 r'\(0..1000000\): using 100',
                 r'^KfenceSampleInterval: +100 ms',
                 r'^mica> page_owner 3',
                 r'^\d+ blocks, \d+ pages, \d+ call chains \(the largest shown\)',
                 r'^\d+ times, \d+ pages:',
                 r'^Page allocated via order \d+, mask 0x[0-9a-f]+\(']),
    # KASAN kernels (make KASAN=1): every suite with no report but the
    # expected ones of the kasan suite. (70 s alone; near 300 s on a host at load 10.)
    dict(name='vexpress-a9-smp4-1g-kasan', board='vexpress-a9', kasan=True, smp=4, mem=1024,
         timeout=600, expect=[r'kasan: KernelAddressSanitizer initialized'],
         required=['kunit', 'kasan']),
    dict(name='smdkc210-smp2-kasan', board='smdkc210', kasan=True, timeout=400,
         cmdline=['kasan.fault=sometimes'],
         input=['dmatest iterations=3 threads_per_chan=2', 'kasan', 'poweroff'],
         required=['kunit', 'kasan', 'dma_mapping', 'pl330', 'dmatest'],
         expect=[r'kasan: kasan.fault=sometimes is neither report nor panic: using report',
                 r'kasan: KernelAddressSanitizer initialized',
                 r'dmatest: 144 tests, 0 failures',
                 r'^KasanMode: +generic, outline, kasan.fault=report']),
    # virt's KASAN kernel: what only virt runs (QEMU's DTB, which it passes
    # with the raw image; PSCI for the secondaries; the generic timer; the
    # GIC on Cortex-A15), under KASAN, without the suites vexpress-a9's
    # KASAN boot already runs (all of them: 50 s more here).
    dict(name='virt-smp4-kasan-dtb', board='virt', kasan=True, smp=4, mem=1024,
         kernel='build/virt-kasan/mica.bin', cmdline=['notests'],
         input=['test handoff irq smp timer delay jiffies', 'kasan', 'poweroff'], runs=1,
         required=['handoff', 'irq', 'smp', 'timer', 'delay', 'jiffies'],
         only=['handoff', 'irq', 'smp', 'timer', 'delay', 'jiffies'],
         expect=[r'\] Using DTB at 0x[0-9a-f]{8}', r'\] kasan: KernelAddressSanitizer initialized',
                 r'\] psci: PSCIv', r'\] CPU3: online', r'\]     ok \d+ handoff_boot_result$',
                 r'^KasanReports: +0$']),
    # kasan.fault=panic: a driver's first bug stops the kernel. A test module
    # (tests/modules/mt_globals.c) from the host reads past its global array
    # in its init: the whole report, naming the variable, then Linux's panic,
    # then the panic path's emergency shell, which powers the board off.
    dict(name='vexpress-a9-kasan-fault-panic', board='vexpress-a9', kasan=True, smp=2, mem=256,
         cmdline=['notests', 'kasan.fault=panic',
                  'hostdir={root}/build/vexpress-a9-kasan/test-modules'],
         input=['insmod mt_globals.ko read_past_end=1', 'poweroff'], runs=0, required=[],
         crash_ok=True, check=one_kasan_report,
         expect=[r'^mica> insmod mt_globals\.ko read_past_end=1$',
                 r'\] =+$',
                 r'\] BUG: KASAN: global-out-of-bounds in mt_globals_read\+0x[0-9a-f]+/0x[0-9a-f]+ '
                 r'\[mt_globals\]$',
                 r'\] Read of size 1 at addr bf[0-9a-f]{6} by task insmod/\d+$',
                 r'\] The buggy address belongs to the variable:$',
                 r'\]  mt_globals_array\+0xd/0xd \(.*tests/modules/mt_globals\.c:\d+\)$',
                 r'\] Memory state around the buggy address:$',
                 r'\] =+$',
                 r'\] Kernel panic - not syncing: kasan\.fault=panic set \.\.\.$',
                 r'\] CPU: \d+ PID: \d+ Comm: insmod Tainted: G +B +O +$',
                 r'\] ---\[ end Kernel panic - not syncing: kasan\.fault=panic set \.\.\. \]---$',
                 r'^The kernel has stopped\. Emergency shell',
                 r'^emergency> poweroff$', r'\] reboot: Power down$']),
    # Through Debian's U-Boot over TFTP: uImage with the DTB in lowmem,
    # uImage.gz with the DTB in highmem.
    dict(name='virt-uboot-tftp-768m', board='virt', kernel='build/virt/uImage',
         qemu=['{root}/tools/tftpboot-qemu.sh', '{root}/build/virt', '2', '768'],
         expect=uboot_steps(768), timeout=180),
    # The second also hands over an initramfs as a ramdisk image (bootm
    # kernel ramdisk fdt: the DTB's /chosen says where it is): the samples,
    # each then loaded from the file list.
    dict(name='virt-uboot-tftp-gzip-initrd-1g', board='virt', kernel='build/virt/uImage.gz',
         initramfs=lambda: cpio_of(samples_delivery()),
         qemu=['{root}/tools/tftpboot-qemu.sh', '{root}/build/virt', '2', '1024', 'uImage.gz',
               '{ramdisk}'],
         input=['ls -l'] + samples.inputs(file_list=True) + ['poweroff'],
         expect=uboot_samples_expect, check=samples.check, timeout=300),
    # loady: files by YMODEM, sent by lrzsz's sb as a user would, then by
    # the harness's sender with 128-byte blocks and a corrupted one (sent
    # again), one the sender cancels part-way (nothing kept) and Ctrl-C at
    # the handshake; ls -l then shows exactly the files that arrived whole.
    # Then the samples, sent by sb and loaded from the file list.
    dict(name='vexpress-a9-loady', board='vexpress-a9', smp=2, mem=256, timeout=240,
         cmdline=['kunit.filter_glob=ramfs'], required=['ramfs'], only=['ramfs'],
         input=loady_samples_input, expect=loady_samples_expect, check=samples.check),
    # QEMU's -initrd with the raw image (ATAGS, as `make run MODULES=...`),
    # whose secondaries start from QEMU's own pen (released through SYS_FLAGS).
    # The archive holds the samples, each then loaded from the file list.
    dict(name='vexpress-a9-initrd-smp4', board='vexpress-a9', smp=4, mem=256, timeout=240,
         kernel='build/vexpress-a9/mica.bin', initramfs=lambda: cpio_of(samples_delivery()),
         args=['-initrd', '{initramfs}'], cmdline=['kunit.filter_glob=handoff'],
         required=['handoff'], only=['handoff'],
         input=['ls -l'] + samples.inputs(file_list=True) + ['poweroff'],
         expect=initrd_samples_expect, check=samples.check),
]
