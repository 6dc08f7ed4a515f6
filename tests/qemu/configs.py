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
  required  suites that must run and pass (default: kunit_selftest)
  runs      exact number of KTAP documents expected (default: at least one)
  only      globs; every suite that runs must match one
"""

CONFIGS = [
    # Every suite at boot, on one and on four CPUs, with little and much RAM.
    dict(name='vexpress-a9-smp1-256m', board='vexpress-a9', smp=1, mem=256),
    dict(name='vexpress-a9-smp4-256m', board='vexpress-a9', smp=4, mem=256),
    dict(name='vexpress-a9-smp1-1g', board='vexpress-a9', smp=1, mem=1024),
    dict(name='vexpress-a9-smp4-1g', board='vexpress-a9', smp=4, mem=1024),
    # The command line and the console: no boot-time run, then one case by name.
    dict(name='vexpress-a9-notests-shell', board='vexpress-a9', smp=2, mem=256,
         cmdline=['notests'], input=['test kunit_selftest.glob_matching', 'poweroff'],
         runs=1, only=['kunit_selftest']),
    # kunit.filter_glob= selects suites at boot.
    dict(name='vexpress-a9-filter-glob', board='vexpress-a9', smp=2, mem=256,
         cmdline=['kunit.filter_glob=kunit_self*'], runs=1, only=['kunit_selftest']),
]
