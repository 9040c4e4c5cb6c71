/* SPDX-License-Identifier: MIT */
/* Names in directories: mkdir/rmdir/unlink/rename/link/symlink and their
 * *at forms, readlink (the buffer at exit, as long as the result),
 * getdents64 (abbreviated to a count, every entry with -v: built again as
 * tests/progs/file_dir_v.c with DIR_VERBOSE), permissions and owners,
 * utimensat, truncate, getcwd/chdir/umask, access checks, xattrs, inotify,
 * mknod, memfd_create, file handles, and mount calls that fail. Runs in
 * an empty directory. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#ifdef DIR_VERBOSE
#define V 1
#else
#define V 0
#endif

/* getdents64's buffer as strace shows it with -v */
static void dents(char *out, size_t size, const char *buf, long len)
{
	static const char *const types[16] = {
		[0] = "DT_UNKNOWN", [1] = "DT_FIFO", [2] = "DT_CHR", [4] = "DT_DIR",
		[6] = "DT_BLK", [8] = "DT_REG", [10] = "DT_LNK", [12] = "DT_SOCK",
	};
	size_t o = (size_t)snprintf(out, size, "[");
	for (long at = 0; at < len;) {
		uint64_t ino;
		int64_t off;
		uint16_t reclen;
		memcpy(&ino, buf + at, 8);
		memcpy(&off, buf + at + 8, 8);
		memcpy(&reclen, buf + at + 16, 2);
		o += (size_t)snprintf(out + o, size - o, "%s{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=%s, d_name=\"%s\"}",
			at ? ", " : "", (unsigned long long)ino, (long long)off, reclen,
			types[buf[at + 18] & 15], buf + at + 19);
		at += reclen;
	}
	snprintf(out + o, size - o, "]");
}

int main(void)
{
	long r;
	char buf[4096];

	/* directories and names */
	r = syscall(SYS_mkdir, "d1", 0755);
	EXPECT_RET(ret(r), "mkdir(\"d1\", 0755)");
	r = syscall(SYS_mkdir, "d1", 0);
	EXPECT_RET(ret(r), "mkdir(\"d1\", 000)");
	int dfd = open("d1", O_RDONLY | O_DIRECTORY);
	r = syscall(SYS_mkdirat, dfd, "sub", 01777);
	EXPECT_RET(ret(r), "mkdirat(%d, \"sub\", 01777)", dfd);
	int f = open("d1/a", O_CREAT | O_WRONLY, 0600);
	close(f);
	r = syscall(SYS_rmdir, "d1");
	EXPECT_RET(ret(r), "rmdir(\"d1\")");
	r = syscall(SYS_unlinkat, dfd, "sub", AT_REMOVEDIR);
	EXPECT_RET(ret(r), "unlinkat(%d, \"sub\", AT_REMOVEDIR)", dfd);
	r = syscall(SYS_unlinkat, AT_FDCWD, "x", 0x1);
	EXPECT_RET(ret(r), "unlinkat(AT_FDCWD, \"x\", 0x1 /* AT_??? */)");
	r = syscall(SYS_rename, "d1/a", "d1/b");
	EXPECT_RET(ret(r), "rename(\"d1/a\", \"d1/b\")");
	r = syscall(SYS_renameat, dfd, "b", AT_FDCWD, "c");
	EXPECT_RET(ret(r), "renameat(%d, \"b\", AT_FDCWD, \"c\")", dfd);
	r = syscall(SYS_renameat2, AT_FDCWD, "c", dfd, "a", RENAME_NOREPLACE);
	EXPECT_RET(ret(r), "renameat2(AT_FDCWD, \"c\", %d, \"a\", RENAME_NOREPLACE)", dfd);
	r = syscall(SYS_renameat2, AT_FDCWD, "c", AT_FDCWD, "e", 0x40);
	EXPECT_RET(ret(r), "renameat2(AT_FDCWD, \"c\", AT_FDCWD, \"e\", 0x40 /* RENAME_?? */)");
	r = syscall(SYS_link, "d1/a", "h1");
	EXPECT_RET(ret(r), "link(\"d1/a\", \"h1\")");
	r = syscall(SYS_linkat, dfd, "a", AT_FDCWD, "h2", AT_SYMLINK_FOLLOW);
	EXPECT_RET(ret(r), "linkat(%d, \"a\", AT_FDCWD, \"h2\", AT_SYMLINK_FOLLOW)", dfd);
	r = syscall(SYS_symlink, "d1/a", "s1");
	EXPECT_RET(ret(r), "symlink(\"d1/a\", \"s1\")");
	r = syscall(SYS_symlinkat, "../h1", dfd, "s2");
	EXPECT_RET(ret(r), "symlinkat(\"../h1\", %d, \"s2\")", dfd);
	r = syscall(SYS_unlink, "h2");
	EXPECT_RET(ret(r), "unlink(\"h2\")");

	/* readlink: the buffer at exit holds ret bytes, no NUL */
	r = syscall(SYS_readlink, "s1", buf, sizeof(buf));
	EXPECT_RET(ret(r), "readlink(\"s1\", \"d1/a\", 4096)");
	r = syscall(SYS_readlinkat, dfd, "s2", buf, 3);
	EXPECT_RET(ret(r), "readlinkat(%d, \"s2\", \"../\", 3)", dfd);
	r = syscall(SYS_readlink, "h1", buf, sizeof(buf));
	EXPECT_RET(ret(r), "readlink(\"h1\", %p, 4096)", (void *)buf);

	/* getdents64: "/\* N entries *\/" without -v */
	r = syscall(SYS_getdents64, dfd, buf, sizeof(buf));
	if (!V) {
		int n = 0;
		for (long at = 0; at < r; n++)
			at += *(uint16_t *)(buf + at + 16);
		EXPECT_RET(ret(r), "getdents64(%d, %p /* %d entries */, 4096)", dfd, (void *)buf, n);
	} else {
		static char exp[8192];
		dents(exp, sizeof(exp), buf, r);
		EXPECT_RET(ret(r), "getdents64(%d, %s, 4096)", dfd, exp);
	}
	r = syscall(SYS_getdents64, dfd, buf, sizeof(buf));
#if V
	EXPECT_RET(ret(r), "getdents64(%d, [], 4096)", dfd);
#else
	EXPECT_RET(ret(r), "getdents64(%d, %p /* 0 entries */, 4096)", dfd, (void *)buf);
#endif
	r = syscall(SYS_getdents64, dfd, buf, 8);
#if V
	EXPECT_RET(ret(r), "getdents64(%d, [], 8)", dfd);
#else
	EXPECT_RET(ret(r), "getdents64(%d, %p /* 0 entries */, 8)", dfd, (void *)buf);
#endif
	r = syscall(SYS_getdents64, -1, buf, 8);
	EXPECT_RET(ret(r), "getdents64(-1, %p, 8)", (void *)buf);

	/* permissions, owners, times, sizes */
	r = syscall(SYS_chmod, "h1", 04751);
	EXPECT_RET(ret(r), "chmod(\"h1\", 04751)");
	r = syscall(SYS_fchmodat, dfd, "a", 0);
	EXPECT_RET(ret(r), "fchmodat(%d, \"a\", 000)", dfd);
	f = open("h1", O_RDONLY);
	r = syscall(SYS_fchmod, f, 0644);
	EXPECT_RET(ret(r), "fchmod(%d, 0644)", f);
	r = syscall(SYS_chown, "h1", getuid(), -1);
	EXPECT_RET(ret(r), "chown(\"h1\", %u, -1)", getuid());
	r = syscall(SYS_fchown, f, -1, 4294967294u);
	EXPECT_RET(ret(r), "fchown(%d, -1, 4294967294)", f);
	r = syscall(SYS_lchown, "s1", -1, -1);
	EXPECT_RET(ret(r), "lchown(\"s1\", -1, -1)");
	r = syscall(SYS_fchownat, dfd, "s2", -1, -1, AT_SYMLINK_NOFOLLOW);
	EXPECT_RET(ret(r), "fchownat(%d, \"s2\", -1, -1, AT_SYMLINK_NOFOLLOW)", dfd);
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 0, UTIME_NOW } };
	r = syscall(SYS_utimensat, AT_FDCWD, "h1", ts, 0);
	EXPECT_RET(ret(r), "utimensat(AT_FDCWD, \"h1\", [UTIME_OMIT, UTIME_NOW], 0)");
	r = syscall(SYS_utimensat, f, NULL, NULL, 0);
	EXPECT_RET(ret(r), "utimensat(%d, NULL, NULL, 0)", f);
	r = syscall(SYS_truncate, "h1", 10);
	EXPECT_RET(ret(r), "truncate(\"h1\", 10)");
	r = syscall(SYS_truncate, "nope", -1L);
	EXPECT_RET(ret(r), "truncate(\"nope\", 18446744073709551615)");

	/* the working directory and the umask */
	r = syscall(SYS_getcwd, buf, sizeof(buf));
	EXPECT_RET(ret(r), "getcwd(\"%s\", 4096)", getcwd(buf + 2048, 2048));
	r = syscall(SYS_getcwd, buf, 1);
	EXPECT_RET(ret(r), "getcwd(%p, 1)", (void *)buf);
	r = syscall(SYS_chdir, "d1");
	EXPECT_RET(ret(r), "chdir(\"d1\")");
	r = syscall(SYS_fchdir, AT_FDCWD);
	EXPECT_RET(ret(r), "fchdir(-100)");
	r = syscall(SYS_chdir, "..");
	EXPECT_RET(ret(r), "chdir(\"..\")");
	mode_t old = umask(0);
	char olds[16];
	snprintf(olds, sizeof(olds), "%#03o", old);
	EXPECT_RET(olds, "umask(000)");
	r = syscall(SYS_umask, 022);
	EXPECT_RET("000", "umask(022)");
	r = syscall(SYS_umask, 0x12345);
	EXPECT_RET("022", "umask(021505)");
	umask(old);

	/* access checks */
	r = syscall(SYS_access, "h1", R_OK | W_OK);
	EXPECT_RET(ret(r), "access(\"h1\", R_OK|W_OK)");
	r = syscall(SYS_access, "nope", F_OK);
	EXPECT_RET(ret(r), "access(\"nope\", F_OK)");
	r = syscall(SYS_access, "h1", 8);
	EXPECT_RET(ret(r), "access(\"h1\", 0x8 /* ?_OK */)");
	r = syscall(SYS_faccessat, dfd, "a", X_OK);
	EXPECT_RET(ret(r), "faccessat(%d, \"a\", X_OK)", dfd);
	r = syscall(SYS_faccessat2, AT_FDCWD, "s1", R_OK, AT_SYMLINK_NOFOLLOW | AT_EACCESS);
	EXPECT_RET(ret(r), "faccessat2(AT_FDCWD, \"s1\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS)");

	/* extended attributes: values at exit as long as the result */
	r = syscall(SYS_setxattr, "h1", "user.k", "v\0w", 3, XATTR_CREATE);
	EXPECT_RET(ret(r), "setxattr(\"h1\", \"user.k\", \"v\\0w\", 3, XATTR_CREATE)");
	if (r == 0) {
		r = syscall(SYS_getxattr, "h1", "user.k", buf, sizeof(buf));
		EXPECT_RET(ret(r), "getxattr(\"h1\", \"user.k\", \"v\\0w\", 4096)");
		r = syscall(SYS_fgetxattr, f, "user.k", buf, 1);
		EXPECT_RET(ret(r), "fgetxattr(%d, \"user.k\", %p, 1)", f, (void *)buf);
		r = syscall(SYS_listxattr, "h1", buf, sizeof(buf));
		EXPECT_RET(ret(r), "listxattr(\"h1\", \"user.k\\0\", 4096)");
		r = syscall(SYS_lremovexattr, "h1", "user.k");
		EXPECT_RET(ret(r), "lremovexattr(\"h1\", \"user.k\")");
	}
	r = syscall(SYS_lgetxattr, "h1", "user.0123456789012345678901234567890", NULL, 0);
	EXPECT_RET(ret(r), "lgetxattr(\"h1\", \"user.012345678901234567890123456\"..., NULL, 0)");
	r = syscall(SYS_fsetxattr, f, "user.x", "1", 1, 0x4);
	EXPECT_RET(ret(r), "fsetxattr(%d, \"user.x\", \"1\", 1, 0x4 /* XATTR_??? */)", f);

	/* inotify */
	int in = (int)syscall(SYS_inotify_init1, IN_CLOEXEC | IN_NONBLOCK);
	EXPECT_RET(ret(in), "inotify_init1(IN_NONBLOCK|IN_CLOEXEC)");
	int wd = (int)syscall(SYS_inotify_add_watch, in, "d1", IN_CREATE | IN_DELETE | IN_ONLYDIR);
	EXPECT_RET(ret(wd), "inotify_add_watch(%d, \"d1\", IN_CREATE|IN_DELETE|IN_ONLYDIR)", in);
	r = syscall(SYS_inotify_rm_watch, in, wd);
	EXPECT_RET(ret(r), "inotify_rm_watch(%d, %d)", in, wd);

	/* device numbers, memfd names, handles */
	r = syscall(SYS_mknodat, dfd, "fifo", S_IFIFO | 0644, 0);
	EXPECT_RET(ret(r), "mknodat(%d, \"fifo\", S_IFIFO|0644)", dfd);
	r = syscall(SYS_mknod, "nope/c", S_IFCHR | 0600, makedev(1, 3));
	EXPECT_RET(ret(r), "mknod(\"nope/c\", S_IFCHR|0600, makedev(0x1, 0x3))");
	r = syscall(SYS_mknod, "nope/b", S_IFBLK | S_ISGID | 0600, makedev(0x123, 0x45678));
	EXPECT_RET(ret(r), "mknod(\"nope/b\", S_IFBLK|S_ISGID|0600, makedev(0x123, 0x45678))");
	r = syscall(SYS_mknod, "nope/r", 0600, 5);
	EXPECT_RET(ret(r), "mknod(\"nope/r\", 0600)");
	r = syscall(SYS_mknod, "nope/u", 0170600, 5);
	EXPECT_RET(ret(r), "mknod(\"nope/u\", 0170600)");
	int mfd = (int)syscall(SYS_memfd_create, "name", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	EXPECT_RET(ret(mfd), "memfd_create(\"name\", MFD_CLOEXEC|MFD_ALLOW_SEALING)");
	r = syscall(SYS_memfd_create, "n", MFD_HUGETLB | (21u << 26));
	EXPECT_RET(ret(r), "memfd_create(\"n\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT)");
	struct { unsigned bytes; int type; unsigned char h[128]; } fh = { 128, 0, { 0 } };
	int mnt = 0;
	r = syscall(SYS_name_to_handle_at, AT_FDCWD, "h1", &fh, &mnt, 0);
	if (r == 0) {
		char hex[600];
		size_t o = 0;
		for (unsigned i = 0; i < fh.bytes && i < 128; i++)
			o += (size_t)snprintf(hex + o, sizeof(hex) - o, "\\x%02x", fh.h[i]);
		hex[o] = 0;
		EXPECT_RET(ret(r), "name_to_handle_at(AT_FDCWD, \"h1\", {handle_bytes=128 => %u, handle_type=%d, "
			"f_handle=\"%s\"}, [%d], 0)", fh.bytes, fh.type, hex, mnt);
		r = syscall(SYS_open_by_handle_at, dfd, &fh, O_RDONLY);
		EXPECT_RET(ret(r), "open_by_handle_at(%d, {handle_bytes=%u, handle_type=%d, f_handle=\"%s\"}, O_RDONLY)",
			dfd, fh.bytes, fh.type, hex);
		unsigned want = fh.bytes;
		fh.bytes = 1;
		r = syscall(SYS_name_to_handle_at, AT_FDCWD, "h1", &fh, &mnt, AT_EMPTY_PATH);
		EXPECT_RET(ret(r), "name_to_handle_at(AT_FDCWD, \"h1\", {handle_bytes=1 => %u}, %p, AT_EMPTY_PATH)",
			want, (void *)&mnt);
	}

	/* mount calls that fail */
	r = syscall(SYS_mount, "none", "nope", "tmpfs", MS_RDONLY | MS_NOSUID, "size=1m");
	EXPECT_RET(ret(r), "mount(\"none\", \"nope\", \"tmpfs\", MS_RDONLY|MS_NOSUID, \"size=1m\")");
	r = syscall(SYS_mount, "d1", "nope", "x", MS_MGC_VAL | MS_BIND, "y");
	EXPECT_RET(ret(r), "mount(\"d1\", \"nope\", @@, MS_MGC_VAL|MS_BIND, @@)");
	r = syscall(SYS_umount2, "nope", MNT_DETACH | UMOUNT_NOFOLLOW);
	EXPECT_RET(ret(r), "umount2(\"nope\", MNT_DETACH|UMOUNT_NOFOLLOW)");
	r = syscall(SYS_chroot, "nope");
	EXPECT_RET(ret(r), "chroot(\"nope\")");
	r = syscall(SYS_pivot_root, "nope", "nope2");
	EXPECT_RET(ret(r), "pivot_root(\"nope\", \"nope2\")");
	r = syscall(SYS_swapon, "nope", 0x8000 | 5);
	EXPECT_RET(ret(r), "swapon(\"nope\", SWAP_FLAG_PREFER|5)");
	r = syscall(SYS_swapoff, "nope");
	EXPECT_RET(ret(r), "swapoff(\"nope\")");
	return expect_done();
}
