/* SPDX-License-Identifier: MIT */
/* Capability sets word by word (the second word's bits named from
 * CAP_MAC_OVERRIDE, unknown bits in hex, version 1 and unknown versions
 * with one word), capability numbers in prctl, and the times of utimes
 * and utimensat (no date for the epoch). tests/decode-xstyle.sh runs it
 * under -X raw and -X verbose against strace too. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>

int main(void)
{
	/* a file of its own in the current directory (a temporary one) */
	const char *self = "proc_caps.tmp";
	long r;
	int fd = open(self, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return 1;
	close(fd);
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { { 0x5, 0, 0x40000000 }, { 0, 0x100 | 0x800, 0x400 } };

	/* capset fails without CAP_SETPCAP rights to raise; its line is the same */
	r = syscall(SYS_capset, &h, d);
	EXPECT_RET(ret(r), "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH, "
		   "permitted=1<<CAP_CHECKPOINT_RESTORE|0x800, inheritable=1<<CAP_AUDIT_CONTROL|0x400 /* CAP_??? */})");
	h.version = _LINUX_CAPABILITY_VERSION_1;
	r = syscall(SYS_capset, &h, d);
	EXPECT_RET(ret(r), "capset({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH, "
		   "permitted=0, inheritable=1<<CAP_AUDIT_CONTROL})");
	h.version = 0x12345678;
	d[0].effective = 0x80000000u;
	r = syscall(SYS_capset, &h, d);
	EXPECT_RET(ret(r), "capset({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, {effective=1<<CAP_SETFCAP, "
		   "permitted=0, inheritable=1<<CAP_AUDIT_CONTROL})");

	r = prctl(PR_CAPBSET_READ, 3);
	EXPECT_RET(ret(r), "prctl(PR_CAPBSET_READ, CAP_FOWNER)");
	r = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 5, 0, 0);
	EXPECT_RET(ret(r), "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_KILL, 0, 0)");
	r = prctl(PR_GET_DUMPABLE);
	if (r == 1)
		EXPECT_RET("1 (SUID_DUMP_USER)", "prctl(PR_GET_DUMPABLE)");

	struct timeval tv[2] = { { 1700000000, 5 }, { 0, 0 } };
	r = syscall(SYS_utimes, self, tv);
	EXPECT_RET(ret(r), "utimes(\"%s\", [{tv_sec=1700000000, tv_usec=5} /* 2023-11-14T22:13:20.000005+0000 */, "
		   "{tv_sec=0, tv_usec=0}])", self);
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 1700000000, 7 } };
	r = utimensat(AT_FDCWD, self, ts, 0);
	EXPECT_RET(ret(r), "utimensat(AT_FDCWD, \"%s\", [UTIME_OMIT, {tv_sec=1700000000, tv_nsec=7} "
		   "/* 2023-11-14T22:13:20.000000007+0000 */], 0)", self);
	unlink(self);
	return expect_done();
}
