/* Core kernel helpers: printk, formatting, container_of, min/max, BUG/WARN. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <limits.h>		/* INT_MAX, UINT_MAX, LONG_MAX, ULONG_MAX, LLONG_MAX, ... */
#include <linux/types.h>
#include <linux/printk.h>

/* The fixed-width limits Linux adds to the C ones. */
#define U8_MAX    ((u8)~0U)
#define S8_MAX    ((s8)(U8_MAX >> 1))
#define S8_MIN    ((s8)(-S8_MAX - 1))
#define U16_MAX   ((u16)~0U)
#define S16_MAX   ((s16)(U16_MAX >> 1))
#define S16_MIN   ((s16)(-S16_MAX - 1))
#define U32_MAX   ((u32)~0U)
#define S32_MAX   ((s32)(U32_MAX >> 1))
#define S32_MIN   ((s32)(-S32_MAX - 1))
#define U64_MAX   ((u64)~0ULL)
#define S64_MAX   ((s64)(U64_MAX >> 1))
#define S64_MIN   ((s64)(-S64_MAX - 1))

#define ARRAY_SIZE(a)        (sizeof(a) / sizeof((a)[0]))
#define container_of(p, type, member) \
	((type *)((char *)(p) - offsetof(type, member)))

#define min(a, b)            ((a) < (b) ? (a) : (b))
#define max(a, b)            ((a) > (b) ? (a) : (b))
#define min_t(t, a, b)       min((t)(a), (t)(b))
#define max_t(t, a, b)       max((t)(a), (t)(b))
#define clamp(v, lo, hi)     min(max(v, lo), hi)

#define ALIGN(x, a)          (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)     ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)     (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)   (((n) + (d) - 1) / (d))
#define is_power_of_2(n)     ((n) != 0 && (((n) & ((n) - 1)) == 0))

#define BUILD_BUG_ON(c)      _Static_assert(!(c), #c)

/* Where the current function returns to (Linux's instruction_pointer.h). */
#ifndef _RET_IP_
#define _RET_IP_             ((unsigned long)__builtin_return_address(0))
#endif

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
/* Mica: vsnprintf's output handed to @emit in pieces (any length, no allocation). */
int vformat(void (*emit)(void *ctx, const char *s, size_t n), void *ctx, const char *fmt,
	    va_list args);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
/* y/t/e/1/on: true, n/f/d/0/off: false, else -EINVAL (Linux's rules, any case). */
int kstrtobool(const char *s, bool *res);
/* lib/cmdline.c: "16M" -> 16 << 20 (K, M, G suffixes); one integer of a list. */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long long memparse(const char *ptr, char **retptr);
int get_option(char **str, int *pint);

/*
 * Stop the kernel after an unrecoverable error (prints the reason first).
 * With panic=N on the command line the board restarts after N seconds
 * (N < 0: at once); with the default panic=0 the console stays usable
 * through an emergency shell (dmesg, reboot, poweroff).
 */
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;
extern int panic_timeout;
/* Print a backtrace of the current call chain. */
void dump_stack(void);
/* dump_stack's first lines: the CPU, the task, the hardware (at printk level @lvl). */
void dump_stack_print_info(const char *lvl);
/*
 * The current task's PID and name, for reports ("CPU: 0 PID: 1 Comm: sh"):
 * kernel/sched/core.c in the kernel; host builds of code that reports
 * (printk, mm/) bring their own.
 */
int report_pid(void);
const char *report_comm(char buf[16]);

/* Taint flags, Linux's numbers and letters ("Tainted: G    B  D W ..."). */
#define TAINT_PROPRIETARY_MODULE	0
#define TAINT_FORCED_MODULE		1
#define TAINT_CPU_OUT_OF_SPEC		2
#define TAINT_FORCED_RMMOD		3
#define TAINT_MACHINE_CHECK		4
#define TAINT_BAD_PAGE			5	/* B: bad page or slab object state */
#define TAINT_USER			6
#define TAINT_DIE			7	/* D: an oops */
#define TAINT_OVERRIDDEN_ACPI_TABLE	8
#define TAINT_WARN			9	/* W: a WARN */
#define TAINT_CRAP			10
#define TAINT_FIRMWARE_WORKAROUND	11
#define TAINT_OOT_MODULE		12
#define TAINT_UNSIGNED_MODULE		13
#define TAINT_SOFTLOCKUP		14
#define TAINT_LIVEPATCH			15
#define TAINT_AUX			16
#define TAINT_RANDSTRUCT		17
#define TAINT_TEST			18	/* N: KUnit tests ran */
#define TAINT_FLAGS_COUNT		19
enum lockdep_ok { LOCKDEP_STILL_OK, LOCKDEP_NOW_UNRELIABLE };
void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok);
int test_taint(unsigned int flag);
unsigned long get_taint(void);
/* "Not tainted", or "Tainted: " and a letter or a space per flag (Linux 6.1's layout). */
const char *print_tainted(void);
/* The letter of taint @flag ('P' for TAINT_PROPRIETARY_MODULE ...), as in print_tainted(). */
char taint_letter(unsigned int flag);

/*
 * Sleeping in atomic context (kernel/locking/might_sleep.c): every function that
 * may sleep calls might_sleep() first, which prints Linux's "BUG: sleeping
 * function called from invalid context" report when the caller holds a
 * spinlock, disabled preemption or interrupts, or runs in an interrupt
 * handler (once the system is running; at most one report a second).
 * The check is on unless the command line says debug_atomic_sleep=0
 * (Linux's CONFIG_DEBUG_ATOMIC_SLEEP); off, a might_sleep() is one NOP.
 */
void __might_sleep(const char *file, int line);
struct static_key_true;
extern struct static_key_true debug_atomic_sleep;	/* <linux/jump_label.h> key */
/*
 * Inline, the common case (preemptible, interrupts on) costs a few
 * instructions; fast paths test might_sleep_check() themselves to keep
 * even the call out of line.
 */
#define might_sleep_suspect() unlikely(preempt_count() | irqs_disabled())
#define might_sleep_check() \
	(static_branch_unlikely(&debug_atomic_sleep) && might_sleep_suspect())
#define might_sleep() do {							\
	if (might_sleep_check())						\
		__might_sleep(__FILE__, __LINE__);				\
} while (0)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

/* Where boot is (Linux's values); might_sleep() checks only while running. */
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
} system_state;

/* Enter (1) or leave (0) oops reporting: see oops_in_progress. */
void bust_spinlocks(int yes);

void __warn(const char *file, int line, const char *cond);
/* WARN()'s report: as __warn, with the message after the WARNING line. */
void warn_slowpath_fmt(const char *file, int line, const char *fmt, ...) __printf(3, 4);
void __bug(const char *file, int line, const char *cond) __noreturn;

#define WARN_ON(c) ({ bool __c = !!(c); \
	if (unlikely(__c)) { __warn(__FILE__, __LINE__, #c); } unlikely(__c); })
#define WARN_ON_ONCE(c) ({ static bool __done; bool __c = !!(c); \
	if (unlikely(__c) && !__done) { __done = true; __warn(__FILE__, __LINE__, #c); } \
	unlikely(__c); })
#define WARN(c, fmt, ...) ({ bool __c = !!(c); \
	if (unlikely(__c)) { warn_slowpath_fmt(__FILE__, __LINE__, fmt, ##__VA_ARGS__); } \
	unlikely(__c); })
#define BUG()      __bug(__FILE__, __LINE__, "BUG")
#define BUG_ON(c)  do { if (unlikely(c)) __bug(__FILE__, __LINE__, #c); } while (0)

#endif
