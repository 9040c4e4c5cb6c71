/* SPDX-License-Identifier: MIT */
/* process_vm_readv, one call per string or buffer, split at page edges only
 * where a page turns out unreadable; PTRACE_PEEKDATA when the kernel
 * refuses process_vm_readv (e.g. no CONFIG_CROSS_MEMORY_ATTACH). */
#include "umem.h"
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#define PAGE 4096UL

static int vm_broken;

static size_t peek_read(pid_t pid, unsigned long addr, char *buf, size_t len)
{
	size_t done = 0;
	while (done < len) {
		unsigned long a = addr + done;
		unsigned long aligned = a & ~(sizeof(long) - 1);
		errno = 0;
		long w = ptrace(PTRACE_PEEKDATA, pid, aligned, 0);
		if (errno)
			break;
		size_t off = a - aligned, n = sizeof(long) - off;
		if (n > len - done)
			n = len - done;
		memcpy(buf + done, (char *)&w + off, n);
		done += n;
	}
	return done;
}

static ssize_t vm_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)addr, len };
	return process_vm_readv(pid, &local, 1, &remote, 1, 0);
}

size_t umem_read_partial(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	if (!len)
		return 0;
	if (addr + len < addr)	/* wraps: hostile length */
		len = ~addr + 1;
	if (!vm_broken) {
		ssize_t n = vm_read(pid, addr, buf, len);
		if (n == (ssize_t)len)
			return len;
		if (n < 0 && errno == ENOSYS) {
			vm_broken = 1;
		} else {
			/* partial or failed: retry page by page up to the first hole */
			size_t done = n > 0 ? (size_t)n : 0;
			while (done < len) {
				unsigned long a = addr + done;
				size_t chunk = PAGE - (a & (PAGE - 1));
				if (chunk > len - done)
					chunk = len - done;
				n = vm_read(pid, a, (char *)buf + done, chunk);
				if (n <= 0)
					break;
				done += (size_t)n;
				if ((size_t)n < chunk)
					break;
			}
			return done;
		}
	}
	return peek_read(pid, addr, buf, len);
}

int umem_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	if (!vm_broken) {
		ssize_t n = vm_read(pid, addr, buf, len);
		if (n == (ssize_t)len)
			return 0;
		if (!(n < 0 && errno == ENOSYS))
			return -1;
		vm_broken = 1;
	}
	return peek_read(pid, addr, buf, len) == len ? 0 : -1;
}
