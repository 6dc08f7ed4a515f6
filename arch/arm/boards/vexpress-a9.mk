# ARM Versatile Express with a CoreTile Express A9x4 (QEMU vexpress-a9).
LOAD_ADDR     := 0x60008000
QEMU_MACHINE  := vexpress-a9
QEMU_SMP      := 4
QEMU_MEM      := 1024
# Its PL041 audio device makes QEMU print ALSA warnings: give it no backend.
QEMU_EXTRA    := -audiodev none,id=snd -global pl041.audiodev=snd
# make run MODULES=...: QEMU boots the raw image as Linux and passes -initrd.
QEMU_INITRD   := initrd
