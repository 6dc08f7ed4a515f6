"""The QEMU configurations `make check` boots, one dict each.

Keys (only `name` and `board` are required; see tests/host/README.md):
  name      unique, used in reports and result files
  board     arch/arm/boards/<board>.mk gives the QEMU machine, default -smp/-m
            and extra arguments; the kernel is build/<board>/mica.elf
  smp, mem  override the board's CPU count and RAM (MiB)
  args      extra QEMU arguments (list); add '-serial ...' options here when
            the console is not the first UART (the harness then adds none)
  kernel    image passed with -kernel (default build/<board>/mica.elf)
  cmdline   kernel command-line words, passed as semihosting arg= strings
  qemu      a complete QEMU argument list instead of the generated one (for
            a U-Boot flow); '{kernel}' and '{root}' are substituted
  input     lines typed, one per `mica> ` prompt (default: poweroff)
  timeout   wall-clock seconds before the boot counts as hung (default 120)
  required  suites that must run and pass (default: kunit)
  runs      exact number of KTAP documents expected (default: at least one)
  only      globs; every suite that runs must match one
  expect    regexes that must each match a console line, in this order
"""

# The U-Boot flow (`make tftpboot`): what U-Boot and the kernel must say, in
# order. The RAM size differs from the virt board's default (1 GiB) where
# the check that the kernel took its memory from U-Boot's DTB is to mean
# something; tools/uboot/boot-tftp.cmd sets the command line.
def uboot_steps(mem_mib):
    return [r'U-Boot 20\d\d\.\d\d',
            r'Bytes transferred = \d+',
            r'## Booting kernel from Legacy Image at',
            r'Booting using the fdt blob at 0x[0-9a-f]+',
            r'Starting kernel \.\.\.',
            r'Using DTB at 0x[0-9a-f]{8}',
            r'RAM bank 0: 0x40000000-0x[0-9a-f]{8} \(%d MiB, DTB\)' % mem_mib,
            r'Kernel command line \(DTB\): loglevel=7']


CONFIGS = [
    # Every suite at boot, on one and on four CPUs, with little and much RAM.
    dict(name='vexpress-a9-smp1-256m', board='vexpress-a9', smp=1, mem=256),
    dict(name='vexpress-a9-smp4-256m', board='vexpress-a9', smp=4, mem=256),
    dict(name='vexpress-a9-smp1-1g', board='vexpress-a9', smp=1, mem=1024),
    dict(name='vexpress-a9-smp4-1g', board='vexpress-a9', smp=4, mem=1024,
         input=['dmatest', 'poweroff'],
         expect=[r'dmaengine: no DMA controller found',
                 r'dmatest: no channels to test: no DMA controller on this board']),
    # Two fake NUMA nodes: per-node zones, zonelists and the fallback between nodes.
    dict(name='vexpress-a9-smp4-1g-numa2', board='vexpress-a9', smp=4, mem=1024,
         cmdline=['numa=fake=2'], expect=[r'Built 2 zonelists, mobility grouping on'],
         required=['kunit', 'page_alloc_zones']),
    # Every suite with the debugging checks off (static keys): the fast paths
    # as make bench measures them, and the checks' off state.
    dict(name='vexpress-a9-nodebug', board='vexpress-a9', smp=2, mem=256,
         cmdline=['debug_locks=0', 'debug_atomic_sleep=0', 'check_pages=0']),
    # The command line and the console: no boot-time run, then one case by name.
    dict(name='vexpress-a9-notests-shell', board='vexpress-a9', smp=2, mem=256,
         cmdline=['notests'], input=['test kunit.glob_matching', 'poweroff'],
         runs=1, only=['kunit']),
    # kunit.filter_glob= selects suites at boot.
    dict(name='vexpress-a9-filter-glob', board='vexpress-a9', smp=2, mem=256,
         cmdline=['kunit.filter_glob=kun*t'], runs=1, only=['kunit']),
    # Built with TESTS=0: no suite in the image, the console still works.
    dict(name='vexpress-a9-notests-build', board='vexpress-a9', smp=2, mem=256,
         kernel='build/vexpress-a9-notests/mica.elf', input=['test', 'poweroff'],
         required=[], runs=2, expect=[r'\] 1\.\.0$', r'mica> test', r'\] 1\.\.0$']),
    # The other boards, booted directly.
    # PL330s: all three probed, the DMA suites, UART output by DMA, then
    # dmatest typed at the prompt on every channel of the three.
    dict(name='smdkc210-smp2', board='smdkc210',
         required=['kunit', 'dma_mapping', 'pl330', 'dmatest'],
         input=['dmatest iterations=3 threads_per_chan=2', 'poweroff'],
         expect=[r'dma-pl330 12680000\.pdma: Loaded driver for PL330 DMAC-\d+',
                 r'dma-pl330 12690000\.pdma: Loaded driver for PL330 DMAC-\d+',
                 r'dma-pl330 12850000\.mdma: Loaded driver for PL330 DMAC-\d+',
                 r'^pl330: UART TX by DMA, from two segments$',
                 r'^cyclic period 3$',
                 r'mica> dmatest iterations=3',
                 r'dmatest: Added 2 threads using dma2chan7',
                 r'dmatest: 144 tests, 0 failures, \d+ iops, \d+ KB/s']),
    dict(name='virt-smp4', board='virt', smp=4, mem=1024),
    # Through Debian's U-Boot over TFTP: uImage with the DTB in lowmem,
    # uImage.gz with the DTB in highmem.
    dict(name='virt-uboot-tftp-768m', board='virt', kernel='build/virt/uImage',
         qemu=['{root}/tools/tftpboot-qemu.sh', '{root}/build/virt', '2', '768'],
         expect=uboot_steps(768), timeout=180),
    dict(name='virt-uboot-tftp-gzip-1g', board='virt', kernel='build/virt/uImage.gz',
         qemu=['{root}/tools/tftpboot-qemu.sh', '{root}/build/virt', '2', '1024', 'uImage.gz'],
         expect=uboot_steps(1024), timeout=180),
]
