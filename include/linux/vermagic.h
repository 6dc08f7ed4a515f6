/*
 * The version magic every module carries in .modinfo ("vermagic=") and the
 * loader compares with its own: Linux's form, "<release> SMP mod_unload
 * ARMv7", ending with a hash of the kernel's headers and ABI flags that the
 * build computes (build/<board>/include/generated/abi.h), so a module built
 * against other headers is refused instead of misreading a structure.
 */
#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H

#include <mica/version.h>
#include <generated/abi.h>

#define VERMAGIC_STRING MICA_VERSION " SMP mod_unload ARMv7 abi-" MICA_ABI_HASH

#endif
