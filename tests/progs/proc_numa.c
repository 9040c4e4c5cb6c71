/* SPDX-License-Identifier: MIT */
/* NUMA memory policy calls: modes with their flag bits, node masks of
 * maxnode - 1 bits as words ("%#016lx", 0 without 0x), [] for maxnode 0,
 * the address for a mask of no whole word or that cannot be read, the
 * words that can be read then "... /\* address *\/", and what
 * get_mempolicy writes, at its exit. strace 6.1 prints the same lines. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <sys/mman.h>
#include <sys/syscall.h>

#define Z "0000000000000000"

int main(void)
{
	long r;
	unsigned long m[16] = { 0 };	/* get_mempolicy writes 1024 bits */
	int mode = 0x8063;
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	munmap(page + 4096, 4096);
	unsigned long *edge = (unsigned long *)(page + 4096 - 16);
	edge[0] = 5;
	edge[1] = ~0UL;

	r = syscall(SYS_set_mempolicy, 1 | 0x8000, m, 130);	/* static nodes with an empty mask */
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_PREFERRED|MPOL_F_STATIC_NODES, [" Z ", " Z ", " Z "], 130)");
	r = syscall(SYS_set_mempolicy, 0x8063, m, 2);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_F_STATIC_NODES|0x63, [" Z "], 2)");
	r = syscall(SYS_set_mempolicy, 0x10001, m, 2);
	EXPECT_RET(ret(r), "set_mempolicy(0x10001 /* MPOL_??? */, [" Z "], 2)");
	r = syscall(SYS_set_mempolicy, 0, m, 1);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_DEFAULT, %p, 1)", (void *)m);
	r = syscall(SYS_set_mempolicy, 0, m, 0);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_DEFAULT, [], 0)");
	r = syscall(SYS_set_mempolicy, 0, NULL, 0);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_DEFAULT, NULL, 0)");
	r = syscall(SYS_set_mempolicy, 0, edge, 257);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_DEFAULT, [0x00000000000005, 0xffffffffffffffff, ... /* %p */], 257)",
		   (void *)(page + 4096));
	m[0] = 1;
	r = syscall(SYS_set_mempolicy, 1, m, 66);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_PREFERRED, [0x00000000000001, " Z "], 66)");
	r = syscall(SYS_get_mempolicy, &mode, m, 1025, NULL, 0);
	if (r == 0)
		EXPECT_RET(ret(r), "get_mempolicy([MPOL_PREFERRED], [0x00000000000001, " Z ", @@], 1025, NULL, 0)");
	r = syscall(SYS_get_mempolicy, &mode, (void *)16, 2, NULL, 3);
	EXPECT_RET(ret(r), "get_mempolicy(%p, 0x10, 2, NULL, MPOL_F_NODE|MPOL_F_ADDR)", (void *)&mode);
	r = syscall(SYS_mbind, page, 4096, 2 | 0x4000 | 0x2000, m, 2, 0xff);
	EXPECT_RET(ret(r), "mbind(%p, 4096, MPOL_BIND|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING, "
		   "[0x00000000000001], 2, MPOL_MF_STRICT|MPOL_MF_MOVE|MPOL_MF_MOVE_ALL|0xf8)", (void *)page);
	r = syscall(SYS_migrate_pages, 0, 65, NULL, m);
	EXPECT_RET(ret(r), "migrate_pages(0, 65, NULL, [0x00000000000001])");
	r = syscall(SYS_set_mempolicy, 0, NULL, 0);
	EXPECT_RET(ret(r), "set_mempolicy(MPOL_DEFAULT, NULL, 0)");
	return expect_done();
}
