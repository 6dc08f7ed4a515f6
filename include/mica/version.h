/* Mica's release and the toolchain it was built with. */
#ifndef _MICA_VERSION_H
#define _MICA_VERSION_H

#define MICA_VERSION		"0.1.0"
#define MICA_VERSION_STRING	"Mica " MICA_VERSION

#if defined(__clang__)
#define MICA_COMPILER		"clang version " __clang_version__
#elif defined(__GNUC__)
#define MICA_COMPILER		"gcc version " __VERSION__
#else
#define MICA_COMPILER		"unknown compiler"
#endif

#endif
