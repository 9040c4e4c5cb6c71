/* SPDX-License-Identifier: MIT */
/* System V IPC and POSIX message queues: keys (IPC_PRIVATE, hex), get
 * flags with modes, shmat flags, the ctl commands with IPC_64 and unknown
 * values, the buffers they fill (IPC_STAT, IPC_INFO) or read (IPC_SET),
 * sembuf arrays, message buffers, mq_open with and without O_CREAT, the
 * mq_attr struct. Every object it makes is removed before it exits. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define EXPECT_RETA(r, fmt, ...) EXPECT(fmt "@@= %s", __VA_ARGS__, r)

int main(void)
{
	long r;
	volatile uintptr_t bad = 8;
	uid_t uid = getuid();
	gid_t gid = getgid();

	/* shared memory */
	int s = (int)syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600);
	EXPECT_RET(ret(s), "shmget(IPC_PRIVATE, 4096, IPC_CREAT|IPC_EXCL|0600)");
	r = syscall(SYS_shmget, 0x7ffffffe, 4096, 0);
	EXPECT_RET(ret(r), "shmget(0x7ffffffe, 4096, 000)");
	r = syscall(SYS_shmget, 0x7ffffffe, 4096, (30u << 26) | 0x800 | 0644);
	EXPECT_RET(ret(r), "shmget(0x7ffffffe, 4096, SHM_HUGETLB|30<<SHM_HUGE_SHIFT|0644)");
	void *at = shmat(s, NULL, SHM_RDONLY);
	EXPECT_RET("0x@@", "shmat(%d, NULL, SHM_RDONLY)", s);
	r = shmdt(at);
	EXPECT_RETA(ret(r), "shmdt(%p)", at);
	struct shmid_ds sd;
	r = syscall(SYS_shmctl, s, IPC_STAT, &sd);
	EXPECT("shmctl(%d, IPC_STAT, {shm_perm={uid=%u, gid=%u, mode=0600, key=0, cuid=%u, cgid=%u}, shm_segsz=4096, "
	       "shm_cpid=%d, shm_lpid=%d, shm_nattch=0, shm_atime=@@, shm_dtime=@@, shm_ctime=@@}) = 0",
	       s, uid, gid, uid, gid, (int)getpid(), (int)getpid());
	r = syscall(SYS_shmctl, s, IPC_SET, &sd);
	EXPECT_RET(ret(r), "shmctl(%d, IPC_SET, {shm_perm={uid=%u, gid=%u, mode=0600}})", s, uid, gid);
	r = syscall(SYS_shmctl, s, IPC_STAT | 0x100, (void *)bad);
	EXPECT_RET(ret(r), "shmctl(%d, IPC_64|IPC_STAT, 0x8)", s);
	r = syscall(SYS_shmctl, s, 0x63, NULL);
	EXPECT_RET(ret(r), "shmctl(%d, 0x63 /* SHM_??? */, NULL)", s);
	r = syscall(SYS_shmctl, s, IPC_RMID, NULL);
	EXPECT_RET(ret(r), "shmctl(%d, IPC_RMID, NULL)", s);

	/* semaphores */
	int m = (int)syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600);
	EXPECT_RET(ret(m), "semget(IPC_PRIVATE, 2, IPC_CREAT|0600)");
	r = syscall(SYS_semget, -1, 1, 0x1000);
	EXPECT_RET(ret(r), "semget(0xffffffff, 1, 0x1000000)");
	struct sembuf sb[2] = { { 0, 1, SEM_UNDO }, { 1, 0, IPC_NOWAIT } };
	r = syscall(SYS_semop, m, sb, 2);
	EXPECT_RET(ret(r), "semop(%d, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, "
		   "{sem_num=1, sem_op=0, sem_flg=IPC_NOWAIT}], 2)", m);
	r = syscall(SYS_semop, m, (void *)bad, 1);
	EXPECT_RET(ret(r), "semop(%d, 0x8, 1)", m);
	struct timespec ts = { 0, 100 };
	struct sembuf wait0 = { 0, 0, 0 };
	r = syscall(SYS_semtimedop, m, &wait0, 1, &ts);
	EXPECT_RET(ret(r), "semtimedop(%d, [{sem_num=0, sem_op=0, sem_flg=0}], 1, {tv_sec=0, tv_nsec=100})", m);
	r = syscall(SYS_semctl, m, 1, SETVAL, 5);
	EXPECT_RET(ret(r), "semctl(%d, 1, SETVAL, 0x5)", m);
	r = syscall(SYS_semctl, m, 1, GETVAL, 0);
	EXPECT_RET(ret(r), "semctl(%d, 1, GETVAL, NULL)", m);
	struct semid_ds smd;
	r = syscall(SYS_semctl, m, 0, IPC_STAT, &smd);
	EXPECT("semctl(%d, 0, IPC_STAT, {sem_perm={uid=%u, gid=%u, mode=0600, key=0, cuid=%u, cgid=%u}, "
	       "sem_otime=@@, sem_ctime=@@, sem_nsems=2}) = 0", m, uid, gid, uid, gid);
	r = syscall(SYS_semctl, m, 0, 0x4d, 5);
	EXPECT_RET(ret(r), "semctl(%d, 0, 0x4d /* SEM_??? */, 0x5)", m);
	r = syscall(SYS_semctl, m, 0, IPC_RMID | 0x100, 0);
	EXPECT_RET(ret(r), "semctl(%d, 0, IPC_64|IPC_RMID, NULL)", m);
	r = syscall(SYS_semctl, m, 0, IPC_RMID, 0);
	EXPECT_RET(ret(r), "semctl(%d, 0, IPC_RMID, NULL)", m);

	/* message queues */
	int q = (int)syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	EXPECT_RET(ret(q), "msgget(IPC_PRIVATE, IPC_CREAT|0600)");
	struct { long type; char text[16]; } mb = { 7, "hello" };
	r = syscall(SYS_msgsnd, q, &mb, 5, IPC_NOWAIT);
	EXPECT_RET(ret(r), "msgsnd(%d, {mtype=7, mtext=\"hello\"}, 5, IPC_NOWAIT)", q);
	r = syscall(SYS_msgsnd, q, (void *)bad, 5, 0);
	EXPECT_RET(ret(r), "msgsnd(%d, 0x8, 5, 0)", q);
	r = syscall(SYS_msgrcv, q, &mb, 8, 0L, IPC_NOWAIT | MSG_NOERROR);
	EXPECT_RET(ret(r), "msgrcv(%d, {mtype=7, mtext=\"hello\\0\\0\\0\"}, 8, 0, MSG_NOERROR|IPC_NOWAIT)", q);
	r = syscall(SYS_msgrcv, q, &mb, 8, -3L, IPC_NOWAIT);
	EXPECT_RETA(ret(r), "msgrcv(%d, 0x@@, 8, -3, IPC_NOWAIT)", q);
	struct msqid_ds md;
	r = syscall(SYS_msgctl, q, IPC_STAT, &md);
	EXPECT("msgctl(%d, IPC_STAT, {msg_perm={uid=%u, gid=%u, mode=0600, key=0, cuid=%u, cgid=%u}, msg_stime=@@, "
	       "msg_rtime=@@, msg_ctime=@@, msg_qnum=0, msg_qbytes=@@, msg_lspid=%d, msg_lrpid=%d}) = 0",
	       q, uid, gid, uid, gid, (int)getpid(), (int)getpid());
	r = syscall(SYS_msgctl, q, IPC_RMID, NULL);
	EXPECT_RET(ret(r), "msgctl(%d, IPC_RMID, NULL)", q);

	/* POSIX message queues */
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 32 };
	int mq = (int)syscall(SYS_mq_open, "tattle-net-ipc", O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	EXPECT_RET(ret(mq), "mq_open(\"tattle-net-ipc\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, mq_maxmsg=4, "
		   "mq_msgsize=32, mq_curmsgs=0})");
	r = syscall(SYS_mq_timedsend, mq, "hi", 2, 3, NULL);
	EXPECT_RET(ret(r), "mq_timedsend(%d, \"hi\", 2, 3, NULL)", mq);
	char buf[64];
	unsigned prio;
	r = syscall(SYS_mq_timedreceive, mq, buf, 64, &prio, NULL);
	EXPECT_RET(ret(r), "mq_timedreceive(%d, \"hi\", 64, [3], NULL)", mq);
	ts.tv_nsec = 100;
	r = syscall(SYS_mq_timedreceive, mq, buf, 64, &prio, &ts);
	EXPECT_RETA(ret(r), "mq_timedreceive(%d, 0x@@, 64, 0x@@, {tv_sec=0, tv_nsec=100})", mq);
	r = syscall(SYS_mq_getsetattr, mq, NULL, &attr);
	EXPECT_RET(ret(r), "mq_getsetattr(%d, NULL, {mq_flags=0, mq_maxmsg=4, mq_msgsize=32, mq_curmsgs=0})", mq);
	attr.mq_flags = O_NONBLOCK;
	r = syscall(SYS_mq_getsetattr, mq, &attr, NULL);
	EXPECT_RET(ret(r), "mq_getsetattr(%d, {mq_flags=O_NONBLOCK, mq_maxmsg=4, mq_msgsize=32, mq_curmsgs=0}, NULL)",
		   mq);
	r = syscall(SYS_mq_open, "tattle-net-ipc", O_WRONLY, 0600, NULL);
	EXPECT_RET(ret(r), "mq_open(\"tattle-net-ipc\", O_WRONLY)");
	r = syscall(SYS_mq_unlink, "tattle-net-ipc");
	EXPECT_RET(ret(r), "mq_unlink(\"tattle-net-ipc\")");
	r = syscall(SYS_mq_unlink, "tattle-net-ipc");
	EXPECT_RET(ret(r), "mq_unlink(\"tattle-net-ipc\")");
	return expect_done();
}
