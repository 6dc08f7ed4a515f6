"""gdb commands for Mica's loadable modules (`make debug` sources this file).

  mica-modules [DIR ...]     load the symbols of every loaded module, each
                             .ko found by the name insmod was given, under
                             DIR or the current directory (and samples/,
                             build/*/test-modules/), at the addresses its
                             sections were loaded to
  mica-modules-auto [DIR ...] also load a module's symbols each time one is
                             loaded, before its init runs, so breakpoints
                             in its code (also pending ones) work from the
                             first instruction

As Linux's lx-symbols: the kernel keeps each module's section addresses
(struct module's sect_addrs); add-symbol-file gets them all.
"""
import glob
import os

import gdb

DEFAULT_DIRS = ['.', 'samples'] + sorted(glob.glob('build/*/test-modules'))
loaded = {}     # module name -> (file, core address) already given to gdb


def module_list():
    """Every struct module on the kernel's list (gdb.Value pointers); none
    before the kernel runs (its addresses are not mapped yet)."""
    head = gdb.parse_and_eval('modules')
    mod_type = gdb.lookup_type('struct module').pointer()
    offset = int(gdb.parse_and_eval('(unsigned long)&((struct module *)0)->list'))
    try:
        node = head['next']
        int(node)
    except gdb.MemoryError:
        return
    while int(node) != int(head.address):
        yield gdb.Value(int(node) - offset).cast(mod_type)
        node = node['next']


def find_ko(filename, name, dirs):
    """The .ko file for a module: the name insmod had, under one of dirs, or NAME.ko anywhere below."""
    candidates = [filename] if os.path.isabs(filename) else []
    candidates += [os.path.join(d, filename.lstrip('/')) for d in dirs]
    for c in candidates:
        if os.path.isfile(c):
            return c
    for d in dirs:
        hits = glob.glob(os.path.join(d, '**', name + '.ko'), recursive=True)
        if hits:
            return hits[0]
    return None


def load_module_symbols(mod, dirs, quiet=False):
    name = mod['name'].string()
    filename = mod['filename'].string() if int(mod['filename']) else name + '.ko'
    ko = find_ko(filename, name, dirs)
    if not ko:
        gdb.write('mica-modules: %s: no %s under %s\n' % (name, filename, ' '.join(dirs)))
        return
    sects = {}
    for i in range(int(mod['num_sects'])):
        s = mod['sect_addrs'][i]
        sects[s['name'].string()] = int(s['addr'])
    text = sects.get('.text', int(mod['core_layout']['base']))
    if loaded.get(name) == (ko, text):
        return
    args = ' '.join('-s %s 0x%x' % (n, a) for n, a in sorted(sects.items()) if n != '.text')
    gdb.execute('add-symbol-file %s 0x%x %s' % (ko, text, args), to_string=quiet)
    loaded[name] = (ko, text)
    gdb.write('mica-modules: %s from %s at 0x%x\n' % (name, ko, text))


class MicaModules(gdb.Command):
    """Load the symbols of every loaded module: mica-modules [DIR ...]"""

    def __init__(self):
        super().__init__('mica-modules', gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        dirs = gdb.string_to_argv(arg) or DEFAULT_DIRS
        for mod in module_list():
            load_module_symbols(mod, dirs)


class LoadHook(gdb.Breakpoint):
    """Stops in do_init_module just long enough to load the module's symbols."""

    def __init__(self, dirs):
        super().__init__('do_init_module', internal=True)
        self.dirs = dirs

    def stop(self):
        load_module_symbols(gdb.parse_and_eval('mod'), self.dirs, quiet=True)
        return False


class MicaModulesAuto(gdb.Command):
    """Load every module's symbols now and whenever one is loaded: mica-modules-auto [DIR ...]"""

    def __init__(self):
        super().__init__('mica-modules-auto', gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        dirs = gdb.string_to_argv(arg) or DEFAULT_DIRS
        gdb.execute('set breakpoint pending on')
        LoadHook(dirs)
        for mod in module_list():
            load_module_symbols(mod, dirs)


MicaModules()
MicaModulesAuto()
