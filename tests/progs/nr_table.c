/* SPDX-License-Identifier: MIT */
/* Numbers past the installed <asm/unistd_64.h> (Linux 6.1 headers, kernel
 * 6.18): tables/syscall_64.tbl must name them (design.md, section 2), and
 * a number past the table prints as syscall_0x... with six hex arguments,
 * as strace prints it. Every argument is -1: each call fails at once.
 * tests/check-tables.sh checks the numbers the header has. */
#include "expect.h"
#include <sys/syscall.h>

static const char *const past_header[] = {
	[451] = "cachestat", [452] = "fchmodat2", [453] = "map_shadow_stack",
	[454] = "futex_wake", [455] = "futex_wait", [456] = "futex_requeue",
	[457] = "statmount", [458] = "listmount", [459] = "lsm_get_self_attr",
	[460] = "lsm_set_self_attr", [461] = "lsm_list_modules", [462] = "mseal",
	[463] = "setxattrat", [464] = "getxattrat", [465] = "listxattrat",
	[466] = "removexattrat", [467] = "open_tree_attr", [468] = "file_getattr",
	[469] = "file_setattr",
};

int main(void)
{
	const long m1 = -1;
	for (long nr = 451; nr <= 469; nr++) {
		syscall(nr, m1, m1, m1, m1, m1, m1);
		EXPECT("%s(@@", past_header[nr]);
	}
	/* the first number no kernel has yet */
	syscall(470, 1, 2, 3, 4, 5, 6);
	EXPECT_RET("-1 ENOSYS (Function not implemented)", "syscall_0x1d6(0x1, 0x2, 0x3, 0x4, 0x5, 0x6)");
	return expect_done();
}
