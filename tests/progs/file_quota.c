/* SPDX-License-Identifier: MIT */
/* quotactl and quotactl_fd: the arguments each command has (none after the
 * special file for the sync and off commands, the id only for per-id
 * commands, a format and a path for Q_QUOTAON), structs the caller fills at
 * entry (abbreviated), bit sets in brackets, unknown commands and types,
 * bad addresses. Without a quota file system the calls fail; the last
 * ones have their success injected (-e inject=quotactl:retval=0:when=15+
 * in tests/decode-file.list) so the structs the kernel would fill print
 * at exit. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_quotactl_fd
#define SYS_quotactl_fd 443
#endif
#define QC(cmd, type) (((cmd) << 8) | (type))

int main(void)
{
	long r;
	const char *dev = "/dev/null";
	struct if_dqblk dq;
	struct if_dqinfo di;
	struct fs_disk_quota xq;
	unsigned fl;

	memset(&dq, 0, sizeof(dq));
	dq.dqb_bhardlimit = 100;
	dq.dqb_valid = QIF_BLIMITS;
	memset(&di, 0, sizeof(di));
	di.dqi_bgrace = 7;
	di.dqi_valid = IIF_BGRACE;
	memset(&xq, 0, sizeof(xq));
	xq.d_version = FS_DQUOT_VERSION;
	xq.d_flags = FS_USER_QUOTA;
	xq.d_id = 5;
	xq.d_blk_hardlimit = 9;

	/* 1-14: quotactl, failing (Q_SYNC of all file systems aside) */
	r = syscall(SYS_quotactl, QC(Q_GETQUOTA, USRQUOTA), dev, 1000, &dq);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/null\", 1000, %p)", (void *)&dq);
	r = syscall(SYS_quotactl, QC(Q_SETQUOTA, GRPQUOTA), dev, 0, &dq);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_SETQUOTA, GRPQUOTA), \"/dev/null\", 0, {dqb_bhardlimit=100, "
		"dqb_bsoftlimit=0, dqb_curspace=0, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=0, ...})");
	r = syscall(SYS_quotactl, QC(Q_GETINFO, PRJQUOTA), dev, 0, &di);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_GETINFO, PRJQUOTA), \"/dev/null\", %p)", (void *)&di);
	r = syscall(SYS_quotactl, QC(Q_SETINFO, USRQUOTA), dev, 0, &di);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_SETINFO, USRQUOTA), \"/dev/null\", {dqi_bgrace=7, dqi_igrace=0, "
		"dqi_flags=0, dqi_valid=IIF_BGRACE})");
	r = syscall(SYS_quotactl, QC(Q_QUOTAON, USRQUOTA), dev, QFMT_VFS_V1, "/aquota.user");
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_QUOTAON, USRQUOTA), \"/dev/null\", QFMT_VFS_V1, \"/aquota.user\")");
	r = syscall(SYS_quotactl, QC(Q_QUOTAOFF, USRQUOTA), dev, 0, 0);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_QUOTAOFF, USRQUOTA), \"/dev/null\")");
	r = syscall(SYS_quotactl, QC(Q_SYNC, USRQUOTA), 0, 0, 0);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_SYNC, USRQUOTA), NULL)");
	r = syscall(SYS_quotactl, QC(Q_XSETQLIM, USRQUOTA), dev, 5, &xq);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_XSETQLIM, USRQUOTA), \"/dev/null\", 5, {d_version=1, "
		"d_flags=FS_USER_QUOTA, d_fieldmask=0, d_id=5, d_blk_hardlimit=9, d_blk_softlimit=0, "
		"d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=0, d_icount=0, ...})");
	fl = FS_QUOTA_UDQ_ACCT;
	r = syscall(SYS_quotactl, QC(Q_XQUOTAON, USRQUOTA), dev, 0, &fl);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_XQUOTAON, USRQUOTA), \"/dev/null\", [FS_QUOTA_UDQ_ACCT])");
	fl = FS_USER_QUOTA | 8;
	r = syscall(SYS_quotactl, QC(Q_XQUOTARM, GRPQUOTA), dev, 0, &fl);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_XQUOTARM, GRPQUOTA), \"/dev/null\", [FS_USER_QUOTA|0x8])");
	r = syscall(SYS_quotactl, QC(0x12345, 7), dev, 3, 0x1000);
	EXPECT_RET(ret(r), "quotactl(QCMD(0x12345 /* Q_??? */, 0x7 /* ???QUOTA */), \"/dev/null\", 3, 0x1000)");
	r = syscall(SYS_quotactl, QC(Q_GETQUOTA, USRQUOTA), 0x10, -1, 0x20);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), 0x10, -1, 0x20)");
	r = syscall(SYS_quotactl, QC(Q_XQUOTASYNC, PRJQUOTA), dev, 1, 2);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_XQUOTASYNC, PRJQUOTA), \"/dev/null\")");
	r = syscall(SYS_quotactl, QC(Q_QUOTAON, USRQUOTA), dev, 0, 0x1000);
	EXPECT_RET(ret(r), "quotactl(QCMD(Q_QUOTAON, USRQUOTA), \"/dev/null\", 0 /* QFMT_VFS_??? */, 0x1000)");

	/* quotactl_fd: the fd first, then the same */
	r = syscall(SYS_quotactl_fd, -1, QC(Q_GETQUOTA, USRQUOTA), 1000, &dq);
	EXPECT_RET(ret(r), "quotactl_fd(-1, QCMD(Q_GETQUOTA, USRQUOTA), 1000, %p)", (void *)&dq);
	r = syscall(SYS_quotactl_fd, -1, QC(Q_QUOTAON, USRQUOTA), QFMT_VFS_V0, "/x");
	EXPECT_RET(ret(r), "quotactl_fd(-1, QCMD(Q_QUOTAON, USRQUOTA), QFMT_VFS_V0, \"/x\")");
	r = syscall(SYS_quotactl_fd, -1, QC(Q_SYNC, USRQUOTA), 1, 2);
	EXPECT_RET(ret(r), "quotactl_fd(-1, QCMD(Q_SYNC, USRQUOTA))");

	/* 15 on: quotactl succeeding (injected), the structs at exit */
	fl = QFMT_VFS_V1;
	syscall(SYS_quotactl, QC(Q_GETFMT, USRQUOTA), dev, 0, &fl);
	EXPECT_RET("0 (INJECTED)", "quotactl(QCMD(Q_GETFMT, USRQUOTA), \"/dev/null\", [QFMT_VFS_V1])");
	di.dqi_bgrace = 60;
	di.dqi_igrace = 120;
	di.dqi_flags = DQF_ROOT_SQUASH;
	di.dqi_valid = IIF_BGRACE | IIF_IGRACE;
	syscall(SYS_quotactl, QC(Q_GETINFO, GRPQUOTA), dev, 0, &di);
	EXPECT_RET("0 (INJECTED)", "quotactl(QCMD(Q_GETINFO, GRPQUOTA), \"/dev/null\", {dqi_bgrace=60, "
		"dqi_igrace=120, dqi_flags=DQF_ROOT_SQUASH, dqi_valid=IIF_BGRACE|IIF_IGRACE})");
	struct if_nextdqblk nd;
	memset(&nd, 0, sizeof(nd));
	nd.dqb_curspace = 4096;
	nd.dqb_id = 7;
	syscall(SYS_quotactl, QC(Q_GETNEXTQUOTA, USRQUOTA), dev, 5, &nd);
	EXPECT_RET("0 (INJECTED)", "quotactl(QCMD(Q_GETNEXTQUOTA, USRQUOTA), \"/dev/null\", 5, {dqb_bhardlimit=0, "
		"dqb_bsoftlimit=0, dqb_curspace=4096, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=0, "
		"dqb_id=7, ...})");
	struct fs_quota_stat qs;
	memset(&qs, 0, sizeof(qs));
	qs.qs_version = FS_QSTAT_VERSION;
	syscall(SYS_quotactl, QC(Q_XGETQSTAT, USRQUOTA), dev, 0, &qs);
	EXPECT_RET("0 (INJECTED)", "quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), \"/dev/null\", {qs_version=1, ...})");
	syscall(SYS_quotactl, QC(Q_XGETQUOTA, USRQUOTA), dev, 5, NULL);
	EXPECT_RET("0 (INJECTED)", "quotactl(QCMD(Q_XGETQUOTA, USRQUOTA), \"/dev/null\", 5, NULL)");
	return expect_done();
}
