/* SPDX-License-Identifier: MIT */
/* Memory calls: mmap's chained flags (type, flags, huge page size),
 * protections, mremap's optional address, advice, locking, mincore's vector,
 * and bad arguments that print raw with strace's "???" markers. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *err(long r)
{
	static char b[96];
	if (r >= 0)
		return "0";
	snprintf(b, sizeof(b), "-1 %s (%s)", errno == ENOMEM ? "ENOMEM" : errno == EINVAL ? "EINVAL" :
		 errno == EBADF ? "EBADF" : errno == EFAULT ? "EFAULT" : "E?", strerror(errno));
	return b;
}

static const char *hexret(void *p)
{
	static char b[32];
	snprintf(b, sizeof(b), "%p", p);
	return b;
}

int main(void)
{
	long r;
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_RET(hexret(p), "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)");
	r = mprotect(p, 4096, PROT_READ);
	EXPECT_RET("0", "mprotect(%p, 4096, PROT_READ)", p);
	r = mprotect(p, 4096, PROT_NONE);
	EXPECT_RET("0", "mprotect(%p, 4096, PROT_NONE)", p);
	r = syscall(SYS_mprotect, p, 4096, 0x10 | PROT_READ);
	EXPECT_RET(err(r), "mprotect(%p, 4096, PROT_READ|0x10)", p);
	r = syscall(SYS_mprotect, p, 4096, 0x10);
	EXPECT_RET(err(r), "mprotect(%p, 4096, 0x10 /* PROT_??? */)", p);
	r = mprotect(p, 8192, PROT_READ | PROT_WRITE);
	EXPECT_RET("0", "mprotect(%p, 8192, PROT_READ|PROT_WRITE)", p);
	r = madvise(p, 8192, MADV_DONTNEED);
	EXPECT_RET("0", "madvise(%p, 8192, MADV_DONTNEED)", p);
	r = syscall(SYS_madvise, p, 8192, 0x66);
	EXPECT_RET(err(r), "madvise(%p, 8192, 0x66 /* MADV_??? */)", p);
	unsigned char vec[2];
	r = mincore(p, 8192, vec);
	EXPECT_RET("0", "mincore(%p, 8192, [%u, %u])", p, vec[0] & 1, vec[1] & 1);
	r = msync(p, 8192, MS_ASYNC | MS_INVALIDATE);
	EXPECT_RET("0", "msync(%p, 8192, MS_ASYNC|MS_INVALIDATE)", p);
	r = mlock(p, 4096);
	EXPECT_RET(err(r), "mlock(%p, 4096)", p);
	r = munlock(p, 4096);
	EXPECT_RET(err(r), "munlock(%p, 4096)", p);
	r = syscall(SYS_mlock2, p, 4096, 0x2);
	EXPECT_RET(err(r), "mlock2(%p, 4096, 0x2 /* MLOCK_??? */)", p);
	char *q = mremap(p, 8192, 16384, MREMAP_MAYMOVE);
	EXPECT_RET(hexret(q), "mremap(%p, 8192, 16384, MREMAP_MAYMOVE)", p);
	char *dst = mmap(NULL, 65536, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	EXPECT_RET(hexret(dst), "mmap(NULL, 65536, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)");
	char *f = mremap(q, 16384, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, dst);
	EXPECT_RET(hexret(f), "mremap(%p, 16384, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, %p)", q, dst);
	r = munmap(f, 65536);
	EXPECT_RET("0", "munmap(%p, 65536)", f);
	/* bad arguments: all rejected before anything is mapped */
	void *b = mmap((void *)0x1000, 4096, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED | MAP_POPULATE, 12345, 0x3000);
	(void)b;
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "mmap(0x1000, 4096, PROT_READ|PROT_EXEC, MAP_SHARED|MAP_FIXED|MAP_POPULATE, 12345, 0x3000)");
	r = syscall(SYS_mmap, 0, 4096, PROT_READ, 0xf | 0x400000, -1, 0);
	EXPECT_RET(err(r), "mmap(NULL, 4096, PROT_READ, 0xf /* MAP_??? */|0x400000, -1, 0)");
	r = syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT), -1, 0);
	if (r != -1)
		munmap((void *)r, 4096);
	EXPECT_RET("@@", "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0)");
	r = syscall(SYS_mremap, 0x1000, 4096, 8192, 0x8);
	EXPECT_RET(err(r), "mremap(0x1000, 4096, 8192, 0x8 /* MREMAP_??? */)");
	r = syscall(SYS_mlockall, 0x8);
	EXPECT_RET(err(r), "mlockall(0x8 /* MCL_??? */)");
	r = syscall(SYS_mincore, 0x1000, 4096, NULL);
	EXPECT_RET("-1 ENOMEM (Cannot allocate memory)", "mincore(0x1000, 4096, NULL)");
	r = syscall(SYS_membarrier, 0, 0);
	EXPECT_RET("0x@@ (MEMBARRIER_CMD_GLOBAL|@@)", "membarrier(MEMBARRIER_CMD_QUERY, 0)");
	void *cur = sbrk(0);
	EXPECT_RET(hexret(cur), "brk(NULL)");
	return expect_done();
}
