/* SPDX-License-Identifier: MIT */
/* The stat family: stat, lstat, fstat, newfstatat, statx, statfs, fstatfs,
 * abbreviated as strace prints them by default ({st_mode=S_IFREG|0640,
 * st_size=10, ...}), device files with st_rdev, set-id bits, failed calls
 * and bad buffers. tests/progs/file_stat_v.c builds this file again with
 * STAT_VERBOSE for the -v forms, where every field and the dates show. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#ifdef STAT_VERBOSE
#define V 1
#else
#define V 0
#endif

/* " /\* 2023-11-14T22:13:20.123456789+0000 *\/" in local time, as strace */
static const char *date(long long sec, long nsec)
{
	static char out[4][96];
	static int k;
	char *b = out[k++ & 3];
	char d[64], z[16];
	time_t t = (time_t)sec;
	struct tm tm;
	if (!sec && !nsec)
		return "";
	localtime_r(&t, &tm);
	strftime(d, sizeof(d), "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(z, sizeof(z), "%z", &tm);
	if (nsec)
		snprintf(b, 96, " /* %s.%09ld%s */", d, nsec, z);
	else
		snprintf(b, 96, " /* %s%s */", d, z);
	return b;
}

static const char *dev(unsigned long long d)
{
	static char out[4][48];
	static int k;
	char *b = out[k++ & 3];
	unsigned ma = major(d), mi = minor(d);
	char sa[16], si[16];
	snprintf(sa, sizeof(sa), ma ? "%#x" : "0", ma);
	snprintf(si, sizeof(si), mi ? "%#x" : "0", mi);
	snprintf(b, 48, "makedev(%s, %s)", sa, si);
	return b;
}

/* the struct as strace shows it; mode is the symbolic st_mode */
static const char *st(const struct stat *s, const char *mode)
{
	static char out[1024];
	char sz[64];
	bool devfile = S_ISCHR(s->st_mode) || S_ISBLK(s->st_mode);
	if (devfile)
		snprintf(sz, sizeof(sz), "st_rdev=%s", dev(s->st_rdev));
	else
		snprintf(sz, sizeof(sz), "st_size=%lld", (long long)s->st_size);
	if (!V) {
		snprintf(out, sizeof(out), "{st_mode=%s, %s, ...}", mode, sz);
		return out;
	}
	snprintf(out, sizeof(out), "{st_dev=%s, st_ino=%llu, st_mode=%s, st_nlink=%lu, st_uid=%u, st_gid=%u, "
		"st_blksize=%ld, st_blocks=%lld, %s, st_atime=%lld%s, st_atime_nsec=%ld, "
		"st_mtime=%lld%s, st_mtime_nsec=%ld, st_ctime=%lld%s, st_ctime_nsec=%ld}",
		dev(s->st_dev), (unsigned long long)s->st_ino, mode, (unsigned long)s->st_nlink,
		s->st_uid, s->st_gid, (long)s->st_blksize, (long long)s->st_blocks, sz,
		(long long)s->st_atim.tv_sec, date(s->st_atim.tv_sec, s->st_atim.tv_nsec), s->st_atim.tv_nsec,
		(long long)s->st_mtim.tv_sec, date(s->st_mtim.tv_sec, s->st_mtim.tv_nsec), s->st_mtim.tv_nsec,
		(long long)s->st_ctim.tv_sec, date(s->st_ctim.tv_sec, s->st_ctim.tv_nsec), s->st_ctim.tv_nsec);
	return out;
}

static void st_time(char *b, size_t n, const char *name, const struct statx_timestamp *t)
{
	snprintf(b, n, "%s={tv_sec=%lld, tv_nsec=%u}%s", name, (long long)t->tv_sec, t->tv_nsec,
		date(t->tv_sec, t->tv_nsec));
}

int main(void)
{
	long r;
	struct stat s, mine;
	int fd = open("s1", O_CREAT | O_RDWR | O_TRUNC, 0600);
	if (write(fd, "0123456789", 10) != 10)
		return 1;
	fchmod(fd, 0640);
	/* fixed times (nothing reads the file afterwards, so atime stays) */
	struct timespec ts[2] = { { 1700000000, 123456789 }, { 1600000000, 0 } };
	futimens(fd, ts);
	if (symlink("s1", "l1") < 0 || mkdir("d1", 0755) < 0)
		return 1;
	chmod("d1", 01777);

	stat("s1", &mine);
	r = syscall(SYS_stat, "s1", &s);
	EXPECT_RET(ret(r), "stat(\"s1\", %s)", st(&mine, "S_IFREG|0640"));
	lstat("l1", &mine);
	r = syscall(SYS_lstat, "l1", &s);
	EXPECT_RET(ret(r), "lstat(\"l1\", %s)", st(&mine, "S_IFLNK|0777"));
	fstat(fd, &mine);
	r = syscall(SYS_fstat, fd, &s);
	EXPECT_RET(ret(r), "fstat(%d, %s)", fd, st(&mine, "S_IFREG|0640"));
	stat("d1", &mine);
	r = syscall(SYS_newfstatat, AT_FDCWD, "d1", &s, AT_SYMLINK_NOFOLLOW);
	EXPECT_RET(ret(r), "newfstatat(AT_FDCWD, \"d1\", %s, AT_SYMLINK_NOFOLLOW)", st(&mine, "S_IFDIR|S_ISVTX|0777"));
	fchmod(fd, 06755);
	fstat(fd, &mine);
	r = syscall(SYS_newfstatat, fd, "", &s, AT_EMPTY_PATH);
	EXPECT_RET(ret(r), "newfstatat(%d, \"\", %s, AT_EMPTY_PATH)", fd, st(&mine, "S_IFREG|S_ISUID|S_ISGID|0755"));
	int nul = open("/dev/null", O_RDONLY);
	fstat(nul, &mine);
	r = syscall(SYS_fstat, nul, &s);
	EXPECT_RET(ret(r), "fstat(%d, %s)", nul, st(&mine, "S_IFCHR|0666"));
	/* failures: the buffer as an address */
	r = syscall(SYS_stat, "nope", &s);
	EXPECT_RET(ret(r), "stat(\"nope\", %p)", (void *)&s);
	r = syscall(SYS_fstat, fd, NULL);
	EXPECT_RET(ret(r), "fstat(%d, NULL)", fd);
	r = syscall(SYS_newfstatat, AT_FDCWD, "s1", (void *)8, 0);
	EXPECT_RET(ret(r), "newfstatat(AT_FDCWD, \"s1\", 0x8, 0)");
	r = syscall(SYS_newfstatat, AT_FDCWD, "s1", &s, 0x1);
	EXPECT_RET(ret(r), "newfstatat(AT_FDCWD, \"s1\", %p, 0x1 /* AT_??? */)", (void *)&s);

	/* statx: AT_STATX_SYNC_AS_STAT shows in front of other flags */
	fchmod(fd, 0640);
	struct statx sx;
	statx(AT_FDCWD, "s1", 0, STATX_ALL, &sx);
	r = syscall(SYS_statx, AT_FDCWD, "s1", AT_SYMLINK_NOFOLLOW, STATX_ALL, &sx);
	if (!V) {
		EXPECT_RET(ret(r), "statx(AT_FDCWD, \"s1\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_ALL, "
			"{stx_mask=@@, stx_attributes=@@, stx_mode=S_IFREG|0640, stx_size=10, ...})");
	} else {
		char at[128], mt[128];
		st_time(at, sizeof(at), "stx_atime", &sx.stx_atime);
		st_time(mt, sizeof(mt), "stx_mtime", &sx.stx_mtime);
		EXPECT_RET(ret(r), "statx(AT_FDCWD, \"s1\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_ALL, "
			"{stx_mask=@@, stx_blksize=%u, stx_attributes=@@, stx_nlink=1, stx_uid=%u, stx_gid=%u, "
			"stx_mode=S_IFREG|0640, stx_ino=%llu, stx_size=10, stx_blocks=%llu, stx_attributes_mask=@@, "
			"%s, @@, %s, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=%u, stx_dev_minor=%u, stx_mnt_id=@@})",
			sx.stx_blksize, sx.stx_uid, sx.stx_gid, (unsigned long long)sx.stx_ino,
			(unsigned long long)sx.stx_blocks, at, mt, sx.stx_dev_major, sx.stx_dev_minor);
	}
	r = syscall(SYS_statx, fd, "", AT_EMPTY_PATH | AT_STATX_FORCE_SYNC, STATX_TYPE | STATX_SIZE, &sx);
	EXPECT_RET(ret(r), "statx(%d, \"\", AT_STATX_FORCE_SYNC|AT_EMPTY_PATH, STATX_TYPE|STATX_SIZE, {stx_mask=@@})", fd);
	r = syscall(SYS_statx, fd, "", 0x6000, 0, NULL);
	EXPECT_RET(ret(r), "statx(%d, \"\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, 0, NULL)", fd);
	r = syscall(SYS_statx, AT_FDCWD, "nope", 0, STATX_BASIC_STATS | 0x40000000, &sx);
	EXPECT_RET(ret(r), "statx(AT_FDCWD, \"nope\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS|0x40000000, %p)", (void *)&sx);

	/* statfs: the same with -v; f_flags only with ST_VALID */
	struct statfs sf;
	r = syscall(SYS_statfs, "/proc", &sf);
	EXPECT_RET(ret(r), "statfs(\"/proc\", {f_type=PROC_SUPER_MAGIC, f_bsize=%ld, f_blocks=0, f_bfree=0, f_bavail=0, "
		"f_files=0, f_ffree=0, f_fsid={val=[@@]}, f_namelen=255, f_frsize=%ld, f_flags=ST_VALID|@@})",
		(long)sf.f_bsize, (long)sf.f_frsize);
	r = syscall(SYS_fstatfs, fd, &sf);
	EXPECT_RET(ret(r), "fstatfs(%d, {f_type=@@, f_bsize=%ld, f_blocks=%lu, @@})", fd, (long)sf.f_bsize,
		(unsigned long)sf.f_blocks);
	r = syscall(SYS_fstatfs, fd, NULL);
	EXPECT_RET(ret(r), "fstatfs(%d, NULL)", fd);
	r = syscall(SYS_statfs, "nope", &sf);
	EXPECT_RET(ret(r), "statfs(\"nope\", %p)", (void *)&sf);
	return expect_done();
}
