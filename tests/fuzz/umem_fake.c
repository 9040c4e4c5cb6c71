/* SPDX-License-Identifier: MIT */
/* src/umem.h served from the fuzz input instead of a process: the same
 * functions with the same contracts, over the address space that
 * umem_fake.h describes. The pid is ignored. */
#include "umem.h"
#include "umem_fake.h"
#include <string.h>

static const uint8_t *fake_mem;
static size_t fake_len;
static uint64_t fake_holes;
size_t umem_fake_bytes;

void umem_fake_setup(const uint8_t *mem, size_t len, uint64_t holes)
{
	fake_mem = mem;
	fake_len = len;
	fake_holes = holes;
}

void umem_forget(pid_t pid)
{
	(void)pid;
}

static int readable(unsigned long addr)
{
	if (addr < UMEM_FAKE_PAGE || addr >= UMEM_FAKE_END)
		return 0;
	unsigned long page = addr / UMEM_FAKE_PAGE;
	return !((fake_holes >> (page % 64)) & 1);
}

static void copy_out(unsigned long addr, char *dst, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = fake_len ? (char)fake_mem[(addr + i) % fake_len] : 0;
	umem_fake_bytes += n;
}

/* like the real one: page by page up to the first unreadable page */
size_t umem_read_partial(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	(void)pid;
	size_t done = 0;
	if (addr + len < addr)
		len = ~addr + 1;
	len = umem_charge(len);
	while (done < len) {
		unsigned long a = addr + done;
		if (!readable(a))
			break;
		size_t chunk = UMEM_FAKE_PAGE - (a & (UMEM_FAKE_PAGE - 1));
		if (chunk > len - done)
			chunk = len - done;
		copy_out(a, (char *)buf + done, chunk);
		done += chunk;
	}
	return done;
}

int umem_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	/* process_vm_readv copies what it can before it fails: so do we, so
	 * that a decoder trusting a failed read's buffer shows up as use of
	 * stale data rather than being hidden */
	return umem_read_partial(pid, addr, buf, len) == len ? 0 : -1;
}
