/* SPDX-License-Identifier: MIT */
/* Opening and closing: open/openat/creat with every flag family (access
 * mode, creation and status flags, O_TMPFILE, unknown bits), O_CREAT
 * modes, openat2's struct open_how (with a larger struct and a short
 * size), NULL and unmapped path pointers, a path that runs into an
 * unmapped page, close and close_range. Runs in an empty directory. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long r;

	/* the access mode always prints; the rest in strace's order */
	r = syscall(SYS_open, "f1", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT_RET(ret(r), "open(\"f1\", O_WRONLY|O_CREAT|O_TRUNC, 0644)");
	close((int)r);
	EXPECT_RET("0", "close(%ld)", r);
	r = syscall(SYS_open, "f1", O_RDONLY);
	EXPECT_RET(ret(r), "open(\"f1\", O_RDONLY)");
	close((int)r);
	r = syscall(SYS_open, "f2", O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_APPEND | O_NONBLOCK | O_CLOEXEC, 0);
	EXPECT_RET(ret(r), "open(\"f2\", O_RDWR|O_CREAT|O_EXCL|O_NOCTTY|O_APPEND|O_NONBLOCK|O_CLOEXEC, 000)");
	close((int)r);
	r = syscall(SYS_open, "f2", O_RDWR | O_CREAT | O_EXCL, 0600);
	EXPECT_RET(ret(r), "open(\"f2\", O_RDWR|O_CREAT|O_EXCL, 0600)");
	r = syscall(SYS_openat, AT_FDCWD, "f3", O_WRONLY | O_CREAT | O_SYNC | O_NOFOLLOW | O_NOATIME, 04755);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, \"f3\", O_WRONLY|O_CREAT|O_SYNC|O_NOFOLLOW|O_NOATIME, 04755)");
	close((int)r);
	/* O_DSYNC alone, O_DIRECTORY and O_PATH; no mode without O_CREAT */
	r = syscall(SYS_openat, AT_FDCWD, "f3", O_RDONLY | O_DSYNC | FASYNC, 0777);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, \"f3\", O_RDONLY|O_DSYNC|FASYNC)");
	close((int)r);
	int dfd = (int)syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_PATH);
	EXPECT_RET(ret(dfd), "openat(AT_FDCWD, \".\", O_RDONLY|O_PATH|O_DIRECTORY)");
	r = syscall(SYS_openat, dfd, "f1", O_RDONLY | 0x8000);
	EXPECT_RET(ret(r), "openat(%d, \"f1\", O_RDONLY|O_LARGEFILE)", dfd);
	close((int)r);
	/* O_TMPFILE (with O_DIRECTORY inside) prints as one name, with a mode */
	r = syscall(SYS_openat, AT_FDCWD, ".", O_RDWR | O_TMPFILE, 0600);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, \".\", O_RDWR|O_TMPFILE, 0600)");
	if (r >= 0)
		close((int)r);
	/* access mode 3, unknown bits, a mode wider than umode_t */
	r = syscall(SYS_open, "nope/x", O_ACCMODE | 0x80000000);
	EXPECT_RET(ret(r), "open(\"nope/x\", O_ACCMODE|0x80000000)");
	r = syscall(SYS_open, "nope/x", O_WRONLY | O_CREAT, 0x12345);
	EXPECT_RET(ret(r), "open(\"nope/x\", O_WRONLY|O_CREAT, 021505)");
	r = syscall(SYS_openat, -5, "f1", O_RDONLY);
	EXPECT_RET(ret(r), "openat(-5, \"f1\", O_RDONLY)");
	r = syscall(SYS_creat, "f4", 0640);
	EXPECT_RET(ret(r), "creat(\"f4\", 0640)");
	close((int)r);
	r = syscall(SYS_creat, "nope/x", 0);
	EXPECT_RET(ret(r), "creat(\"nope/x\", 000)");

	/* bad path pointers: NULL, an unmapped address, and a string that
	 * runs into an unmapped page (no NUL): printed as addresses */
	r = syscall(SYS_openat, AT_FDCWD, NULL, O_RDONLY);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, NULL, O_RDONLY)");
	r = syscall(SYS_open, (char *)1, O_WRONLY | O_APPEND);
	EXPECT_RET(ret(r), "open(0x1, O_WRONLY|O_APPEND)");
	char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pg + 4096, 4096);
	char *edge = pg + 4096 - 3;
	memcpy(edge, "abc", 3);
	r = syscall(SYS_openat, AT_FDCWD, edge, O_RDONLY);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, %p, O_RDONLY)", (void *)edge);
	/* the same bytes with their NUL inside the page */
	memcpy(edge - 1, "abc", 4);
	r = syscall(SYS_openat, AT_FDCWD, edge - 1, O_RDONLY);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, \"abc\", O_RDONLY)");
	/* escapes in a path; paths are not cut at -s */
	r = syscall(SYS_openat, AT_FDCWD, "nope/\t\"q\\\001\0017\xff", O_RDONLY);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, \"nope/\\t\\\"q\\\\\\1\\0017\\377\", O_RDONLY)");
	r = syscall(SYS_openat, AT_FDCWD, "nope/0123456789012345678901234567890123456789", O_RDONLY);
	EXPECT_RET(ret(r), "openat(AT_FDCWD, \"nope/0123456789012345678901234567890123456789\", O_RDONLY)");

	/* openat2 and struct open_how */
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH };
	r = syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof(how));
	EXPECT_RET(ret(r), "openat2(AT_FDCWD, \"f1\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24)");
	if (r >= 0)
		close((int)r);
	struct open_how how2 = { .flags = O_WRONLY | O_CREAT, .mode = 0600 };
	r = syscall(SYS_openat2, AT_FDCWD, "f5", &how2, sizeof(how2));
	EXPECT_RET(ret(r), "openat2(AT_FDCWD, \"f5\", {flags=O_WRONLY|O_CREAT, mode=0600, resolve=0}, 24)");
	if (r >= 0)
		close((int)r);
	struct open_how how3 = { .flags = O_RDONLY, .mode = 0644, .resolve = 0x40 };
	r = syscall(SYS_openat2, AT_FDCWD, "f1", &how3, sizeof(how3));
	EXPECT_RET(ret(r), "openat2(AT_FDCWD, \"f1\", {flags=O_RDONLY, mode=0644, resolve=0x40 /* RESOLVE_??? */}, 24)");
	unsigned char big[32] = { 0 };
	memcpy(big, &how, sizeof(how));
	big[29] = 7;
	r = syscall(SYS_openat2, AT_FDCWD, "f1", big, sizeof(big));
	EXPECT_RET(ret(r), "openat2(AT_FDCWD, \"f1\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH, "
		"/* bytes 24..31 */ \"\\x00\\x00\\x00\\x00\\x00\\x07\\x00\\x00\"}, 32)");
	r = syscall(SYS_openat2, AT_FDCWD, "f1", &how, 8);
	EXPECT_RET(ret(r), "openat2(AT_FDCWD, \"f1\", %p, 8)", (void *)&how);
	r = syscall(SYS_openat2, AT_FDCWD, "f1", NULL, 24);
	EXPECT_RET(ret(r), "openat2(AT_FDCWD, \"f1\", NULL, 24)");

	/* close and close_range (the last fd prints unsigned) */
	r = syscall(SYS_close, -1);
	EXPECT_RET(ret(r), "close(-1)");
	r = syscall(SYS_close_range, 100, 110, 0);
	EXPECT_RET(ret(r), "close_range(100, 110, 0)");
	r = syscall(SYS_close_range, 100, ~0U, CLOSE_RANGE_CLOEXEC);
	EXPECT_RET(ret(r), "close_range(100, 4294967295, CLOSE_RANGE_CLOEXEC)");
	r = syscall(SYS_close_range, 3, 2, 0x8 | CLOSE_RANGE_UNSHARE);
	EXPECT_RET(ret(r), "close_range(3, 2, CLOSE_RANGE_UNSHARE|0x8)");
	return expect_done();
}
