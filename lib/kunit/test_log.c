/* Checking the kernel log from a self-test (include/mica/kunit_log.h). */
#include <linux/kernel.h>
#include <mica/kunit_log.h>

static bool star_match(const char *pat, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*pat == '*') {
			star = ++pat;
			resume = s;
		} else if (*pat == *s) {
			pat++;
			s++;
		} else if (star) {	/* let the last '*' take one more character */
			pat = star;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

void kunit_expect_logged(struct kunit *test, const char *file, int line, u64 since,
			 const char *const *pats)
{
	char text[256];
	unsigned int i = 0;

	for (u64 seq = since; pats[i] && printk_log_read(seq, text, sizeof(text)); seq++)
		if (star_match(pats[i], text))
			i++;
	if (pats[i])
		kunit_fail(test, file, line, "Expected a log line '%s' (in this order) since record %llu",
			   pats[i], since);
}
