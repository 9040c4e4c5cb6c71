/* SPDX-License-Identifier: MIT */
/* NUL-terminated strings from tracee memory, on top of umem_read_partial();
 * its own file so that the fuzz target's fake memory uses this same code. */
#include "umem.h"
#include <string.h>

#define PAGE 4096UL
#define FIRST 256UL

/* here rather than in umem.c: the fuzz target's fake memory charges it too */
size_t umem_budget = SIZE_MAX;
size_t umem_pass_budget = 16UL << 20;

void umem_budget_init(long strsize)
{
	size_t four = strsize > 0 ? 4 * (size_t)strsize : 0;
	if (four > umem_pass_budget)
		umem_pass_budget = four;
}

/* Most strings are short: the first read asks for FIRST bytes (copying a
 * whole page costs a third more than a path's worth), the next ones for
 * the rest of a page each. umem_read_partial() stops at an unmapped page,
 * so a string that ends just before one is still read. */
long umem_readstr(pid_t pid, unsigned long addr, char *buf, size_t max, bool *terminated)
{
	size_t done = 0;
	*terminated = false;
	if (!addr) {
		buf[0] = 0;
		return -1;
	}
	while (done < max) {
		unsigned long a = addr + done;
		size_t chunk = done ? PAGE - (a & (PAGE - 1)) : FIRST;
		if (chunk > max - done)
			chunk = max - done;
		size_t n = umem_read_partial(pid, a, buf + done, chunk);
		char *nul = memchr(buf + done, 0, n);
		if (nul) {
			*terminated = true;
			return (long)(nul - buf);
		}
		done += n;
		if (n < chunk)
			break;
	}
	buf[done] = 0;
	/* no NUL before an unreadable byte: the string is not there (strace
	 * prints the address then) */
	if (done < max)
		return -1;
	return (long)done;
}
