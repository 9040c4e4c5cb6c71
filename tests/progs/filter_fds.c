/* SPDX-License-Identifier: MIT */
/* Its own oracle for -P and --trace-fds (tests/filter-paths.sh): it makes
 * calls on one file (or one descriptor number) and on others, and prints
 * how many calls of each name a filtered trace must show, "name count"
 * sorted, after everything (its children too) is done.
 *
 *   filter_fds path DIR   -P DIR/target; DIR must exist. Covers dup
 *                         families, fcntl, a relative openat through a
 *                         directory fd, a symlink to it, fork, execve
 *                         dropping an O_CLOEXEC copy, close_range, an fd
 *                         passed over a socket, dup2 over a traced fd,
 *                         poll, select, mmap, sendfile, unlink
 *   filter_fds fds        --trace-fds=7
 *   filter_fds child FD CLOEXEC_FD   (internal: after execve)
 *
 * strace 6.1 -P shows the same calls (the test compares when strace is
 * installed): path arguments are compared as written, fd arguments by
 * what /proc/PID/fd/N names, a symlink's target is not a path looked up. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static struct { const char *name; int n; } want[64];
static int nwant;

/* the filtered trace must show this call once more */
static void expect(const char *name)
{
	for (int i = 0; i < nwant; i++) {
		if (!strcmp(want[i].name, name)) {
			want[i].n++;
			return;
		}
	}
	want[nwant].name = name;
	want[nwant++].n = 1;
}

static int cmp_want(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void print_want(void)
{
	qsort(want, (size_t)nwant, sizeof(want[0]), cmp_want);
	for (int i = 0; i < nwant; i++)
		printf("%s %d\n", want[i].name, want[i].n);
}

static void send_fd(int sock, int fd)
{
	char c = 'x';
	struct iovec iov = { &c, 1 };
	union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	syscall(SYS_sendmsg, sock, &mh, 0);
}

static int recv_fd(int sock)
{
	char c;
	int fd = -1;
	struct iovec iov = { &c, 1 };
	union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	if (syscall(SYS_recvmsg, sock, &mh, 0) <= 0)
		return -1;
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	if (cm && cm->cmsg_type == SCM_RIGHTS)
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	return fd;
}

static int path_mode(const char *self, const char *dir)
{
	char target[4096], link[4096], hard[4096], buf[16];
	struct stat st;
	snprintf(target, sizeof(target), "%s/target", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	snprintf(hard, sizeof(hard), "%s/hard", dir);

	long fd = syscall(SYS_openat, AT_FDCWD, target, O_RDWR | O_CREAT | O_TRUNC, 0644);
	expect("openat");
	syscall(SYS_write, fd, "hello", 5); expect("write");
	syscall(SYS_pread64, fd, buf, 5, 0); expect("pread64");
	syscall(SYS_lseek, fd, 0, SEEK_SET); expect("lseek");
	syscall(SYS_fstat, fd, &st); expect("fstat");
	syscall(SYS_newfstatat, AT_FDCWD, target, &st, 0); expect("newfstatat");
	long m = syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_SHARED, fd, 0); expect("mmap");
	syscall(SYS_munmap, m, 4096);

	/* copies of it are it */
	long a = syscall(SYS_dup, fd); expect("dup");
	long b = syscall(SYS_dup2, fd, 20); expect("dup2");
	long c = syscall(SYS_dup3, fd, 21, O_CLOEXEC); expect("dup3");
	long e = syscall(SYS_fcntl, fd, F_DUPFD, 30); expect("fcntl");
	syscall(SYS_read, a, buf, 1); expect("read");
	syscall(SYS_read, b, buf, 1); expect("read");
	syscall(SYS_read, c, buf, 1); expect("read");
	syscall(SYS_read, e, buf, 1); expect("read");
	syscall(SYS_close, a); expect("close");
	syscall(SYS_close, b); expect("close");
	syscall(SYS_close, c); expect("close");
	syscall(SYS_close, e); expect("close");
	syscall(SYS_read, a, buf, 1);	/* closed: names nothing */

	/* reached through a directory fd and a relative name: the openat
	 * names neither, what it returns is the file */
	long dfd = syscall(SYS_openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY);
	long r = syscall(SYS_openat, dfd, "target", O_RDONLY);
	syscall(SYS_fstat, r, &st); expect("fstat");
	syscall(SYS_close, r); expect("close");
	syscall(SYS_close, dfd);

	/* a symlink's target is text; opening the link gives the file */
	syscall(SYS_symlink, target, link);
	long l = syscall(SYS_openat, AT_FDCWD, link, O_RDONLY);
	syscall(SYS_read, l, buf, 1); expect("read");
	syscall(SYS_close, l); expect("close");
	syscall(SYS_unlink, link);
	syscall(SYS_link, target, hard); expect("link");
	syscall(SYS_unlink, hard);
	syscall(SYS_access, target, R_OK); expect("access");
	syscall(SYS_chmod, target, 0644); expect("chmod");
	syscall(SYS_truncate, target, 5); expect("truncate");

	struct pollfd pfd = { (int)fd, POLLIN, 0 };
	syscall(SYS_poll, &pfd, 1, 0); expect("poll");
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET((int)fd, &rs);
	struct timeval tv = { 0, 0 };
	syscall(SYS_select, fd + 1, &rs, NULL, NULL, &tv); expect("select");
	long null = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
	syscall(SYS_sendfile, null, fd, NULL, 1); expect("sendfile");

	/* dup2 over a copy: the call uses it, then it is /dev/null */
	long f2 = syscall(SYS_dup, fd); expect("dup");
	syscall(SYS_dup2, null, f2); expect("dup2");
	syscall(SYS_read, f2, buf, 1);
	syscall(SYS_close, f2);
	syscall(SYS_close, null);

	/* close_range drops it */
	syscall(SYS_dup2, fd, 45); expect("dup2");
	syscall(SYS_close_range, 44, 50, 0);
	syscall(SYS_read, 45, buf, 1);

	/* passed over a socket: a new number for it */
	int sv[2];
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	send_fd(sv[0], (int)fd);
	int got = recv_fd(sv[1]);
	syscall(SYS_read, got, buf, 1); expect("read");
	syscall(SYS_close, got); expect("close");
	syscall(SYS_close, sv[0]);
	syscall(SYS_close, sv[1]);

	/* a child shares nothing but a copy of the table */
	pid_t pid = fork();
	if (pid == 0) {
		syscall(SYS_lseek, fd, 0, SEEK_SET);
		_exit(0);
	}
	expect("lseek");
	waitpid(pid, NULL, 0);

	/* execve drops the O_CLOEXEC copy, keeps the other */
	long ce = syscall(SYS_dup3, fd, 60, O_CLOEXEC); expect("dup3");
	pid = fork();
	if (pid == 0) {
		char fds[16], ces[16];
		snprintf(fds, sizeof(fds), "%ld", fd);
		snprintf(ces, sizeof(ces), "%ld", ce);
		execl(self, self, "child", fds, ces, (char *)NULL);
		_exit(1);
	}
	expect("read");	/* the child's read of fd */
	waitpid(pid, NULL, 0);
	syscall(SYS_close, ce); expect("close");

	syscall(SYS_close, fd); expect("close");
	syscall(SYS_unlink, target); expect("unlink");
	print_want();
	return 0;
}

static int fds_mode(void)
{
	char buf[16];
	struct stat st;
	long null = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
	syscall(SYS_dup2, null, 7); expect("dup2");
	syscall(SYS_read, 7, buf, 1); expect("read");
	syscall(SYS_read, 7, buf, 1); expect("read");
	syscall(SYS_write, 7, "x", 1); expect("write");
	syscall(SYS_fstat, 7, &st); expect("fstat");
	syscall(SYS_lseek, 7, 0, SEEK_SET); expect("lseek");
	syscall(SYS_fcntl, 7, F_GETFL); expect("fcntl");
	syscall(SYS_pread64, 7, buf, 1, 0); expect("pread64");
	long d = syscall(SYS_dup, 7); expect("dup");
	syscall(SYS_read, d, buf, 1);	/* another number */
	syscall(SYS_close, d);
	struct pollfd pfd = { 7, POLLIN, 0 };
	syscall(SYS_poll, &pfd, 1, 0); expect("poll");
	/* 7 where it is no descriptor */
	syscall(SYS_lseek, null, 7, SEEK_SET);
	long m = syscall(SYS_mmap, NULL, 7, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_munmap, m, 7);
	syscall(SYS_close, 7); expect("close");
	syscall(SYS_read, 7, buf, 1); expect("read");	/* closed, still number 7 */
	syscall(SYS_close, null);
	print_want();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "path"))
		return path_mode(argv[0], argv[2]);
	if (argc == 2 && !strcmp(argv[1], "fds"))
		return fds_mode();
	if (argc == 4 && !strcmp(argv[1], "child")) {
		char buf[1];
		syscall(SYS_read, atoi(argv[3]), buf, 1);	/* closed by execve */
		syscall(SYS_read, atoi(argv[2]), buf, 1);
		return 0;
	}
	fprintf(stderr, "usage: %s path DIR | fds\n", argv[0]);
	return 2;
}
