/* SPDX-License-Identifier: MIT */
/* Descriptor I/O: read/write and the positioned and vectored forms (data
 * at exit limited by the return value, -s limits, failed calls), lseek,
 * dup family, pipes, the zero-copy calls, fcntl by command and ioctl on a
 * fresh pseudo-terminal and on a file (unknown requests as _IOC(...)).
 * Runs in an empty directory. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	long r;
	char buf[256];
	int fd = open("io1", O_CREAT | O_RDWR | O_TRUNC, 0600);

	/* read and write: the buffer limited by -s (32), and at exit by ret */
	r = syscall(SYS_write, fd, "hello\n\tworld\0\x01\x7f", 15);
	EXPECT_RET(ret(r), "write(%d, \"hello\\n\\tworld\\0\\1\\177\", 15)", fd);
	r = syscall(SYS_write, fd, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
	EXPECT_RET(ret(r), "write(%d, \"0123456789abcdefghijklmnopqrstuv\"..., 36)", fd);
	r = syscall(SYS_lseek, fd, 0, SEEK_SET);
	EXPECT_RET(ret(r), "lseek(%d, 0, SEEK_SET)", fd);
	r = syscall(SYS_read, fd, buf, 5);
	EXPECT_RET(ret(r), "read(%d, \"hello\", 5)", fd);
	r = syscall(SYS_lseek, fd, -3L, SEEK_END);
	EXPECT_RET(ret(r), "lseek(%d, -3, SEEK_END)", fd);
	r = syscall(SYS_read, fd, buf, sizeof(buf));
	EXPECT_RET(ret(r), "read(%d, \"xyz\", 256)", fd);
	r = syscall(SYS_read, fd, buf, sizeof(buf));
	EXPECT_RET(ret(r), "read(%d, \"\", 256)", fd);
	r = syscall(SYS_read, -1, buf, 10);
	EXPECT_RET(ret(r), "read(-1, %p, 10)", (void *)buf);
	r = syscall(SYS_read, fd, NULL, 10);
	EXPECT_RET(ret(r), "read(%d, NULL, 10)", fd);
	r = syscall(SYS_write, -1, (void *)16, 4);
	EXPECT_RET(ret(r), "write(-1, 0x10, 4)");
	r = syscall(SYS_lseek, fd, 0, 7);
	EXPECT_RET(ret(r), "lseek(%d, 0, 0x7 /* SEEK_??? */)", fd);
	r = syscall(SYS_pread64, fd, buf, 4, 6);
	EXPECT_RET(ret(r), "pread64(%d, \"\\twor\", 4, 6)", fd);
	r = syscall(SYS_pwrite64, fd, "XY", 2, 100);
	EXPECT_RET(ret(r), "pwrite64(%d, \"XY\", 2, 100)", fd);

	/* vectors: IN at entry; OUT at exit, spread over the elements */
	struct iovec wv[3] = { { "ab", 2 }, { "", 0 }, { "cde", 3 } };
	r = syscall(SYS_writev, fd, wv, 3);
	EXPECT_RET(ret(r), "writev(%d, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"\", iov_len=0}, "
		"{iov_base=\"cde\", iov_len=3}], 3)", fd);
	char a[4], b[4], c[4];
	struct iovec rv[3] = { { a, 4 }, { b, 4 }, { c, 4 } };
	r = syscall(SYS_preadv, fd, rv, 3, 2);
	EXPECT_RET(ret(r), "preadv(%d, [{iov_base=\"llo\\n\", iov_len=4}, {iov_base=\"\\twor\", iov_len=4}, "
		"{iov_base=\"ld\\0\\1\", iov_len=4}], 3, 2)", fd);
	r = syscall(SYS_preadv, fd, rv, 3, 100);
	EXPECT_RET(ret(r), "preadv(%d, [{iov_base=\"XY\", iov_len=4}, {iov_base=\"\", iov_len=4}, "
		"{iov_base=\"\", iov_len=4}], 3, 100)", fd);
	r = syscall(SYS_pwritev, fd, wv, 1, 0);
	EXPECT_RET(ret(r), "pwritev(%d, [{iov_base=\"ab\", iov_len=2}], 1, 0)", fd);
	r = syscall(SYS_readv, -1, rv, 2);
	EXPECT_RET(ret(r), "readv(-1, [{iov_base=%p, iov_len=4}, {iov_base=%p, iov_len=4}], 2)", (void *)a, (void *)b);
	r = syscall(SYS_writev, -1, NULL, 2);
	EXPECT_RET(ret(r), "writev(-1, NULL, 2)");
	r = syscall(SYS_writev, -1, (void *)8, 1);
	EXPECT_RET(ret(r), "writev(-1, 0x8, 1)");
	struct iovec many[40];
	for (int i = 0; i < 40; i++)
		many[i] = (struct iovec){ "z", 1 };
	r = syscall(SYS_writev, -1, many, 40);
	{
		char exp[2048] = "writev(-1, [";
		for (int i = 0; i < 32; i++)
			strcat(exp, "{iov_base=\"z\", iov_len=1}, ");
		strcat(exp, "...], 40)");
		EXPECT_RET(ret(r), "%s", exp);
	}
	r = syscall(SYS_preadv2, fd, rv, 1, 0, 0, RWF_HIPRI | RWF_NOWAIT);
	EXPECT_RET(ret(r), "preadv2(%d, [{iov_base=\"abll\", iov_len=4}], 1, 0, RWF_HIPRI|RWF_NOWAIT)", fd);
	r = syscall(SYS_pwritev2, fd, wv, 1, -1L, 0, RWF_DSYNC | 0x100);
	EXPECT_RET(ret(r), "pwritev2(%d, [{iov_base=\"ab\", iov_len=2}], 1, -1, RWF_DSYNC|0x100)", fd);
	r = syscall(SYS_pwritev2, fd, wv, 1, -1L, 0, 0x100);
	EXPECT_RET(ret(r), "pwritev2(%d, [{iov_base=\"ab\", iov_len=2}], 1, -1, 0x100 /* RWF_??? */)", fd);

	/* descriptors */
	int d = (int)syscall(SYS_dup, fd);
	EXPECT_RET(ret(d), "dup(%d)", fd);
	r = syscall(SYS_dup2, fd, 20);
	EXPECT_RET(ret(r), "dup2(%d, 20)", fd);
	r = syscall(SYS_dup3, fd, 21, O_CLOEXEC);
	EXPECT_RET(ret(r), "dup3(%d, 21, O_CLOEXEC)", fd);
	r = syscall(SYS_dup2, -1, -2);
	EXPECT_RET(ret(r), "dup2(-1, -2)");
	int p[2], q[2];
	r = syscall(SYS_pipe, p);
	EXPECT_RET(ret(r), "pipe([%d, %d])", p[0], p[1]);
	r = syscall(SYS_pipe2, q, O_CLOEXEC | O_NONBLOCK);
	EXPECT_RET(ret(r), "pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC)", q[0], q[1]);
	r = syscall(SYS_pipe2, (void *)8, 0);
	EXPECT_RET(ret(r), "pipe2(0x8, 0)");

	/* fcntl: the argument and the result by command */
	r = syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
	EXPECT_RET(ret(r), "fcntl(%d, F_SETFD, FD_CLOEXEC)", fd);
	r = syscall(SYS_fcntl, fd, F_GETFD);
	EXPECT_RET("0x1 (flags FD_CLOEXEC)", "fcntl(%d, F_GETFD)", fd);
	r = syscall(SYS_fcntl, fd, F_SETFD, 0);
	EXPECT_RET(ret(r), "fcntl(%d, F_SETFD, 0)", fd);
	r = syscall(SYS_fcntl, fd, F_GETFD);
	EXPECT_RET("0", "fcntl(%d, F_GETFD)", fd);
	r = syscall(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK);
	EXPECT_RET(ret(r), "fcntl(%d, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK)", fd);
	r = syscall(SYS_fcntl, fd, F_GETFL);
	EXPECT_RET("0x8c02 (flags O_RDWR|O_APPEND|O_NONBLOCK|O_LARGEFILE)", "fcntl(%d, F_GETFL)", fd);
	r = syscall(SYS_fcntl, fd, F_DUPFD, 30);
	EXPECT_RET(ret(r), "fcntl(%d, F_DUPFD, 30)", fd);
	r = syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 40);
	EXPECT_RET(ret(r), "fcntl(%d, F_DUPFD_CLOEXEC, 40)", fd);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 1, .l_len = 10 };
	r = syscall(SYS_fcntl, fd, F_SETLK, &fl);
	EXPECT_RET(ret(r), "fcntl(%d, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=1, l_len=10})", fd);
	fl.l_type = F_RDLCK;
	r = syscall(SYS_fcntl, fd, F_GETLK, &fl);
	EXPECT_RET(ret(r), "fcntl(%d, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=1, l_len=10, l_pid=0})", fd);
	fl.l_type = 9;
	r = syscall(SYS_fcntl, fd, F_OFD_SETLKW, &fl);
	EXPECT_RET(ret(r), "fcntl(%d, F_OFD_SETLKW, {l_type=0x9 /* F_??? */, l_whence=SEEK_SET, l_start=1, l_len=10})", fd);
	r = syscall(SYS_fcntl, fd, F_GETLK, NULL);
	EXPECT_RET(ret(r), "fcntl(%d, F_GETLK, NULL)", fd);
	r = syscall(SYS_fcntl, fd, F_SETSIG, SIGUSR1);
	EXPECT_RET(ret(r), "fcntl(%d, F_SETSIG, SIGUSR1)", fd);
	r = syscall(SYS_fcntl, fd, F_GETSIG);
	EXPECT_RET("10 (SIGUSR1)", "fcntl(%d, F_GETSIG)", fd);
	struct f_owner_ex ox = { F_OWNER_PID, 0 };
	r = syscall(SYS_fcntl, fd, F_SETOWN_EX, &ox);
	EXPECT_RET(ret(r), "fcntl(%d, F_SETOWN_EX, {type=F_OWNER_PID, pid=0})", fd);
	r = syscall(SYS_fcntl, fd, F_GETOWN_EX, &ox);
	EXPECT_RET(ret(r), "fcntl(%d, F_GETOWN_EX, {type=F_OWNER_PID, pid=0})", fd);
	r = syscall(SYS_fcntl, fd, F_GETLEASE);
	EXPECT_RET("0x2 (F_UNLCK)", "fcntl(%d, F_GETLEASE)", fd);
	r = syscall(SYS_fcntl, fd, F_NOTIFY, DN_CREATE | DN_MULTISHOT);
	EXPECT_RET(ret(r), "fcntl(%d, F_NOTIFY, DN_CREATE|DN_MULTISHOT)", fd);
	r = syscall(SYS_fcntl, p[0], F_GETPIPE_SZ);
	EXPECT_RET(ret(r), "fcntl(%d, F_GETPIPE_SZ)", p[0]);
	r = syscall(SYS_fcntl, fd, 9999, 5);
	EXPECT_RET(ret(r), "fcntl(%d, 0x270f /* F_??? */, 0x5)", fd);
	r = syscall(SYS_fcntl, fd, F_SETFL, 0);

	/* ioctl on a file: known requests, and unknown ones decoded */
	int n = 0;
	r = syscall(SYS_ioctl, p[0], FIONREAD, &n);
	EXPECT_RET(ret(r), "ioctl(%d, FIONREAD, [0])", p[0]);
	int one = 1;
	r = syscall(SYS_ioctl, p[0], FIONBIO, &one);
	EXPECT_RET(ret(r), "ioctl(%d, FIONBIO, [1])", p[0]);
	r = syscall(SYS_ioctl, fd, FIOCLEX);
	EXPECT_RET(ret(r), "ioctl(%d, FIOCLEX)", fd);
	r = syscall(SYS_ioctl, fd, FIONCLEX);
	EXPECT_RET(ret(r), "ioctl(%d, FIONCLEX)", fd);
	r = syscall(SYS_ioctl, fd, TCGETS, buf);
	EXPECT_RET(ret(r), "ioctl(%d, TCGETS, %p)", fd, (void *)buf);
	r = syscall(SYS_ioctl, fd, _IOR(0x12, 0x72, int), 0x1234);
	EXPECT_RET(ret(r), "ioctl(%d, _IOC(_IOC_READ, 0x12, 0x72, 0x4), 0x1234)", fd);
	r = syscall(SYS_ioctl, fd, _IO(0x12, 0x34), 0);
	EXPECT_RET(ret(r), "ioctl(%d, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0)", fd);
	r = syscall(SYS_ioctl, fd, 0xc0de5678, 0);
	EXPECT_RET(ret(r), "ioctl(%d, _IOC(_IOC_READ|_IOC_WRITE, 0x56, 0x78, 0xde), 0)", fd);
	r = syscall(SYS_ioctl, fd, TCSETS, buf);
	EXPECT_RET(ret(r), "ioctl(%d, SNDCTL_TMR_START or TCSETS, {c_iflag=@@, ...})", fd);

	/* ioctl on a fresh pseudo-terminal */
	int m = (int)syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
	if (m >= 0) {
		EXPECT_RET(ret(m), "openat(AT_FDCWD, \"/dev/ptmx\", O_RDWR|O_NOCTTY)");
		unsigned ptn = 0;
		int zero = 0;
		r = syscall(SYS_ioctl, m, TIOCGPTN, &ptn);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCGPTN, [%u])", m, ptn);
		r = syscall(SYS_ioctl, m, TIOCSPTLCK, &zero);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCSPTLCK, [0])", m);
		snprintf(buf, sizeof(buf), "/dev/pts/%u", ptn);
		int s = (int)syscall(SYS_openat, AT_FDCWD, buf, O_RDWR | O_NOCTTY);
		EXPECT_RET(ret(s), "openat(AT_FDCWD, \"%s\", O_RDWR|O_NOCTTY)", buf);
		struct termios t;
		r = syscall(SYS_ioctl, s, TCGETS, &t);
		EXPECT_RET(ret(r), "ioctl(%d, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
			"c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...})", s);
		t.c_lflag = 0;
		t.c_iflag = 0;
		r = syscall(SYS_ioctl, s, TCSETSW, &t);
		EXPECT_RET(ret(r), "ioctl(%d, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
			"c_cflag=B38400|CS8|CREAD, c_lflag=, ...})", s);
		struct winsize w = { 0 };
		r = syscall(SYS_ioctl, s, TIOCGWINSZ, &w);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCGWINSZ, {ws_row=0, ws_col=0, ws_xpixel=0, ws_ypixel=0})", s);
		w.ws_row = 24;
		w.ws_col = 80;
		r = syscall(SYS_ioctl, s, TIOCSWINSZ, &w);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0})", s);
		r = syscall(SYS_ioctl, s, TIOCGWINSZ, NULL);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCGWINSZ, NULL)", s);
		r = syscall(SYS_ioctl, s, TIOCGPGRP, &n);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCGPGRP, %p)", s, (void *)&n);
		r = syscall(SYS_ioctl, s, TCFLSH, TCIOFLUSH);
		EXPECT_RET(ret(r), "ioctl(%d, TCFLSH, TCIOFLUSH)", s);
		r = syscall(SYS_ioctl, s, TCXONC, 9);
		EXPECT_RET(ret(r), "ioctl(%d, TCXONC, 0x9 /* TC??? */)", s);
		r = syscall(SYS_ioctl, s, TIOCOUTQ, &n);
		EXPECT_RET(ret(r), "ioctl(%d, TIOCOUTQ, [0])", s);
		close(s);
		close(m);
	}

	/* moving data between descriptors */
	off_t off = 2;
	r = syscall(SYS_sendfile, p[1], fd, &off, 3);
	EXPECT_RET(ret(r), "sendfile(%d, %d, [2] => [5], 3)", p[1], fd);
	r = syscall(SYS_sendfile, p[1], fd, NULL, 0);
	EXPECT_RET(ret(r), "sendfile(%d, %d, NULL, 0)", p[1], fd);
	r = syscall(SYS_sendfile, -1, fd, &off, 3);
	EXPECT_RET(ret(r), "sendfile(-1, %d, [5], 3)", fd);
	loff_t lo = 0;
	r = syscall(SYS_splice, fd, &lo, p[1], NULL, 4, SPLICE_F_MOVE | SPLICE_F_MORE);
	EXPECT_RET(ret(r), "splice(%d, [0], %d, NULL, 4, SPLICE_F_MOVE|SPLICE_F_MORE)", fd, p[1]);
	r = syscall(SYS_tee, p[0], q[1], 2, SPLICE_F_NONBLOCK);
	EXPECT_RET(ret(r), "tee(%d, %d, 2, SPLICE_F_NONBLOCK)", p[0], q[1]);
	r = syscall(SYS_vmsplice, p[1], wv, 1, 0);
	EXPECT_RET(ret(r), "vmsplice(%d, [{iov_base=\"ab\", iov_len=2}], 1, 0)", p[1]);
	int out = open("io2", O_CREAT | O_RDWR | O_TRUNC, 0600);
	lo = 1;
	r = syscall(SYS_copy_file_range, fd, &lo, out, NULL, 5, 0);
	EXPECT_RET(ret(r), "copy_file_range(%d, [1], %d, NULL, 5, 0)", fd, out);

	/* sizes, space, locks, syncs */
	r = syscall(SYS_ftruncate, out, 3);
	EXPECT_RET(ret(r), "ftruncate(%d, 3)", out);
	r = syscall(SYS_ftruncate, -1, -1L);
	EXPECT_RET(ret(r), "ftruncate(-1, 18446744073709551615)");
	r = syscall(SYS_fallocate, out, FALLOC_FL_KEEP_SIZE, 0, 4096);
	EXPECT_RET(ret(r), "fallocate(%d, FALLOC_FL_KEEP_SIZE, 0, 4096)", out);
	r = syscall(SYS_flock, out, LOCK_EX | LOCK_NB);
	EXPECT_RET(ret(r), "flock(%d, LOCK_EX|LOCK_NB)", out);
	r = syscall(SYS_flock, out, LOCK_UN);
	EXPECT_RET(ret(r), "flock(%d, LOCK_UN)", out);
	r = syscall(SYS_fadvise64, out, 0, 100, POSIX_FADV_SEQUENTIAL);
	EXPECT_RET(ret(r), "fadvise64(%d, 0, 100, POSIX_FADV_SEQUENTIAL)", out);
	r = syscall(SYS_fsync, out);
	EXPECT_RET(ret(r), "fsync(%d)", out);
	r = syscall(SYS_fdatasync, out);
	EXPECT_RET(ret(r), "fdatasync(%d)", out);
	r = syscall(SYS_sync_file_range, out, 0, 0, SYNC_FILE_RANGE_WRITE);
	EXPECT_RET(ret(r), "sync_file_range(%d, 0, 0, SYNC_FILE_RANGE_WRITE)", out);
	r = syscall(SYS_close, out);
	EXPECT_RET(ret(r), "close(%d)", out);
	return expect_done();
}
