/* SPDX-License-Identifier: MIT */
/* System V IPC and POSIX message queues, as strace 6.1 prints them:
 *   shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600)    semctl(3, 0, IPC_RMID, NULL)
 *   msgsnd(3, {mtype=1, mtext="hi"}, 2, 0)        shmctl(3, IPC_64|IPC_STAT, {...})
 *   mq_open("q", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=4, ...})
 * The ctl calls decode their buffer by command: *_STAT and *_INFO at exit,
 * IPC_SET at entry, anything else as an address. */
#include "../structs/net.h"
#include "../options.h"
#include "../umem.h"
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define IPC_64_ 0x100
#define MODE_MASK 0777

/* ---- keys and get flags ---- */

static void emit_key(struct emit *e, const char *name, int key)
{
	emit_item(e, name);
	if (!key && opt.xlat_style != XLAT_STYLE_RAW)
		sbuf_puts(emit_sb(e), opt.xlat_style == XLAT_STYLE_VERBOSE ? "0 /* IPC_PRIVATE */" : "IPC_PRIVATE");
	else
		sbuf_hex(emit_sb(e), (unsigned)key);
}

/* "%#03o": "000", "0600" */
static void sb_mode(struct sbuf *b, unsigned mode)
{
	sbuf_printf(b, "%#03o", mode);
}

/* semget/msgget: names, then "|" and the mode; a leftover without any name
 * runs into the mode, as strace prints it */
static void emit_ipc_flags(struct emit *e, const char *name, unsigned flags)
{
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (flags & ~MODE_MASK) {
		if (net_sb_flags(b, XLAT(ipc_resource_flags), flags & ~MODE_MASK, NULL))
			sbuf_putc(b, '|');
	}
	sb_mode(b, flags & MODE_MASK);
}

/* shmget: names, leftover, "N<<SHM_HUGE_SHIFT", mode, all joined by "|" */
static void emit_shm_flags(struct emit *e, const char *name, unsigned flags)
{
	struct sbuf *b = emit_sb(e);
	unsigned huge = flags >> 26, rest = flags & ~MODE_MASK & ~(0x3fu << 26);
	emit_item(e, name);
	if (rest) {
		net_sb_flags(b, XLAT(shm_resource_flags), rest, NULL);
		sbuf_putc(b, '|');
	}
	if (huge) {
		static const char *const shift[] = { "<<SHM_HUGE_SHIFT|", "<<26|", "<<26 /* SHM_HUGE_SHIFT */|" };
		sbuf_udec(b, huge);
		sbuf_puts(b, shift[opt.xlat_style == XLAT_STYLE_RAW ? 1 : opt.xlat_style == XLAT_STYLE_VERBOSE ? 2 : 0]);
	}
	sb_mode(b, flags & MODE_MASK);
}

CUSTOM_DECODER(shmget)
{
	if (phase != PHASE_ENTRY)
		return;
	emit_key(e, "key", (int)c->args[0]);
	emit_uint(e, "size", c->args[1]);
	emit_shm_flags(e, "shmflg", (unsigned)c->args[2]);
}

CUSTOM_DECODER(semget)
{
	if (phase != PHASE_ENTRY)
		return;
	emit_key(e, "key", (int)c->args[0]);
	emit_int(e, "nsems", (int)c->args[1]);
	emit_ipc_flags(e, "semflg", (unsigned)c->args[2]);
}

CUSTOM_DECODER(msgget)
{
	if (phase != PHASE_ENTRY)
		return;
	emit_key(e, "key", (int)c->args[0]);
	emit_ipc_flags(e, "msgflg", (unsigned)c->args[1]);
}

CUSTOM_DECODER(shmat)
{
	if (phase != PHASE_ENTRY)
		return;
	emit_int(e, "shmid", (int)c->args[0]);
	emit_ptr(e, "shmaddr", c->args[1]);
	net_emit_flags(e, "shmflg", XLAT(shmat_flags), (unsigned)c->args[2], "SHM_???");
}

/* ---- ctl commands and their buffers ---- */

static void emit_cmd(struct emit *e, const struct xlat *x, unsigned cmd, const char *unknown)
{
	emit_item(e, "cmd");
	if (cmd & IPC_64_) {
		sbuf_puts(emit_sb(e), opt.xlat_style == XLAT_STYLE_ABBREV ? "IPC_64|" :
			  opt.xlat_style == XLAT_STYLE_RAW ? "0x100|" : "0x100 /* IPC_64 */|");
		cmd &= ~IPC_64_;
	}
	net_sb_enum(emit_sb(e), x, cmd, unknown);
}

static void emit_id(struct emit *e, const char *name, unsigned id)
{
	if (id == (unsigned)-1)
		emit_int(e, name, -1);
	else
		emit_uint(e, name, id);
}

/* {uid=0, gid=0, mode=0600[, key=N, cuid=0, cgid=0]} */
static void emit_perm(struct emit *e, const char *name, const struct ipc_perm *p, bool full)
{
	emit_struct_begin(e, name);
	emit_id(e, "uid", p->uid);
	emit_id(e, "gid", p->gid);
	emit_item(e, "mode");
	sbuf_printf(emit_sb(e), "%#o", (unsigned)p->mode);
	if (full) {
		emit_int(e, "key", p->__key);
		emit_id(e, "cuid", p->cuid);
		emit_id(e, "cgid", p->cgid);
	}
	emit_struct_end(e);
}

static void print_shmid_ds(struct call *c, struct emit *e, const char *name, unsigned long addr, bool full)
{
	struct shmid_ds d;
	if (!net_fetch(c, e, name, addr, &d, sizeof(d)))
		return;
	emit_struct_begin(e, name);
	emit_perm(e, "shm_perm", &d.shm_perm, full);
	if (full) {
		emit_uint(e, "shm_segsz", d.shm_segsz);
		emit_int(e, "shm_cpid", d.shm_cpid);
		emit_int(e, "shm_lpid", d.shm_lpid);
		emit_uint(e, "shm_nattch", d.shm_nattch);
		emit_int(e, "shm_atime", d.shm_atime);
		emit_int(e, "shm_dtime", d.shm_dtime);
		emit_int(e, "shm_ctime", d.shm_ctime);
	}
	emit_struct_end(e);
}

STRUCT_PRINTER(shmid_ds)
{
	(void)len;
	print_shmid_ds(c, e, name, addr, true);
}

static void print_shminfo(struct call *c, struct emit *e, unsigned long addr)
{
	struct shminfo i;
	if (!net_fetch(c, e, "buf", addr, &i, sizeof(i)))
		return;
	emit_struct_begin(e, "buf");
	emit_uint(e, "shmmax", i.shmmax);
	emit_uint(e, "shmmin", i.shmmin);
	emit_uint(e, "shmmni", i.shmmni);
	emit_uint(e, "shmseg", i.shmseg);
	emit_uint(e, "shmall", i.shmall);
	emit_struct_end(e);
}

static void print_shm_info(struct call *c, struct emit *e, unsigned long addr)
{
	struct shm_info i;
	if (!net_fetch(c, e, "buf", addr, &i, sizeof(i)))
		return;
	emit_struct_begin(e, "buf");
	emit_int(e, "used_ids", i.used_ids);
	emit_uint(e, "shm_tot", i.shm_tot);
	emit_uint(e, "shm_rss", i.shm_rss);
	emit_uint(e, "shm_swp", i.shm_swp);
	emit_uint(e, "swap_attempts", i.swap_attempts);
	emit_uint(e, "swap_successes", i.swap_successes);
	emit_struct_end(e);
}

static void print_semid_ds(struct call *c, struct emit *e, unsigned long addr, bool full)
{
	struct semid_ds d;
	if (!net_fetch(c, e, "arg", addr, &d, sizeof(d)))
		return;
	emit_struct_begin(e, "arg");
	emit_perm(e, "sem_perm", &d.sem_perm, full);
	if (full) {
		emit_int(e, "sem_otime", d.sem_otime);
		emit_int(e, "sem_ctime", d.sem_ctime);
		emit_uint(e, "sem_nsems", d.sem_nsems);
	}
	emit_struct_end(e);
}

static void print_seminfo(struct call *c, struct emit *e, unsigned long addr)
{
	struct seminfo i;
	if (!net_fetch(c, e, "arg", addr, &i, sizeof(i)))
		return;
	emit_struct_begin(e, "arg");
	emit_int(e, "semmap", i.semmap);
	emit_int(e, "semmni", i.semmni);
	emit_int(e, "semmns", i.semmns);
	emit_int(e, "semmnu", i.semmnu);
	emit_int(e, "semmsl", i.semmsl);
	emit_int(e, "semopm", i.semopm);
	emit_int(e, "semume", i.semume);
	emit_int(e, "semusz", i.semusz);
	emit_int(e, "semvmx", i.semvmx);
	emit_int(e, "semaem", i.semaem);
	emit_struct_end(e);
}

static void print_msqid_ds(struct call *c, struct emit *e, unsigned long addr, bool full)
{
	struct msqid_ds d;
	if (!net_fetch(c, e, "buf", addr, &d, sizeof(d)))
		return;
	emit_struct_begin(e, "buf");
	emit_perm(e, "msg_perm", &d.msg_perm, full);
	if (full) {
		emit_int(e, "msg_stime", d.msg_stime);
		emit_int(e, "msg_rtime", d.msg_rtime);
		emit_int(e, "msg_ctime", d.msg_ctime);
		emit_uint(e, "msg_qnum", d.msg_qnum);
	}
	emit_uint(e, "msg_qbytes", d.msg_qbytes);
	if (full) {
		emit_int(e, "msg_lspid", d.msg_lspid);
		emit_int(e, "msg_lrpid", d.msg_lrpid);
	}
	emit_struct_end(e);
}

STRUCT_PRINTER(msqid_ds)
{
	(void)len;
	(void)name;
	print_msqid_ds(c, e, addr, true);
}

static void print_msginfo(struct call *c, struct emit *e, unsigned long addr)
{
	struct msginfo i;
	if (!net_fetch(c, e, "buf", addr, &i, sizeof(i)))
		return;
	emit_struct_begin(e, "buf");
	emit_int(e, "msgpool", i.msgpool);
	emit_int(e, "msgmap", i.msgmap);
	emit_int(e, "msgmax", i.msgmax);
	emit_int(e, "msgmnb", i.msgmnb);
	emit_int(e, "msgmni", i.msgmni);
	emit_int(e, "msgssz", i.msgssz);
	emit_int(e, "msgtql", i.msgtql);
	emit_uint(e, "msgseg", i.msgseg);
	emit_struct_end(e);
}

/* shmctl, semctl and msgctl share one shape: the id (and semctl's
 * semnum), the command, then the buffer: written at entry for IPC_SET, read
 * at exit for the STAT and INFO commands, an address for the rest */
struct ipc_ctl {
	const char *id, *buf;	/* argument names: "shmid", "buf" */
	int cmd_arg;		/* 1; semctl: 2 (after semnum) */
	unsigned short cmds;	/* XLAT_ id of the command family */
	const char *unknown;
	unsigned stat, stat_any, info;	/* the family's own STAT/INFO commands */
	void (*ds)(struct call *c, struct emit *e, unsigned long addr, bool full);
	void (*info_print)(struct call *c, struct emit *e, unsigned long addr, unsigned cmd);
};

static void ipc_ctl(struct call *c, struct emit *e, int phase, const struct ipc_ctl *d)
{
	int ca = d->cmd_arg;
	unsigned cmd = (unsigned)c->args[ca] & ~IPC_64_;
	unsigned long buf = c->args[ca + 1];
	if (phase == PHASE_ENTRY) {
		emit_int(e, d->id, (int)c->args[0]);
		if (ca == 2)
			emit_int(e, "semnum", (int)c->args[1]);
		emit_cmd(e, xlat_table[d->cmds], (unsigned)c->args[ca], d->unknown);
		if (cmd == IPC_SET)
			d->ds(c, e, buf, false);
		else if (cmd == IPC_STAT || cmd == d->stat || cmd == d->stat_any || cmd == IPC_INFO || cmd == d->info)
			c->nprinted = (unsigned char)(ca + 1);
		else
			emit_ptr(e, d->buf, buf);
		return;
	}
	if (!c->nprinted)
		return;
	if (c->failed)
		emit_ptr(e, d->buf, buf);
	else if (cmd == IPC_INFO || cmd == d->info)
		d->info_print(c, e, buf, cmd);
	else
		d->ds(c, e, buf, true);
}

static void shm_ds(struct call *c, struct emit *e, unsigned long addr, bool full)
{
	print_shmid_ds(c, e, "buf", addr, full);
}

static void shm_info(struct call *c, struct emit *e, unsigned long addr, unsigned cmd)
{
	if (cmd == IPC_INFO)
		print_shminfo(c, e, addr);
	else
		print_shm_info(c, e, addr);
}

static void sem_info(struct call *c, struct emit *e, unsigned long addr, unsigned cmd)
{
	(void)cmd;
	print_seminfo(c, e, addr);
}

static void msg_info(struct call *c, struct emit *e, unsigned long addr, unsigned cmd)
{
	(void)cmd;
	print_msginfo(c, e, addr);
}

CUSTOM_DECODER(shmctl)
{
	static const struct ipc_ctl d = { "shmid", "buf", 1, XLAT_shmctl_cmds, "SHM_???",
		SHM_STAT, SHM_STAT_ANY, SHM_INFO, shm_ds, shm_info };
	ipc_ctl(c, e, phase, &d);
}

CUSTOM_DECODER(semctl)
{
	static const struct ipc_ctl d = { "semid", "arg", 2, XLAT_semctl_cmds, "SEM_???",
		SEM_STAT, SEM_STAT_ANY, SEM_INFO, print_semid_ds, sem_info };
	ipc_ctl(c, e, phase, &d);
}

CUSTOM_DECODER(msgctl)
{
	static const struct ipc_ctl d = { "msqid", "buf", 1, XLAT_msgctl_cmds, "MSG_???",
		MSG_STAT, MSG_STAT_ANY, MSG_INFO, print_msqid_ds, msg_info };
	ipc_ctl(c, e, phase, &d);
}

/* ---- messages and semaphore operations ---- */

/* {mtype=1, mtext="..."}: count bytes of text, limited by -s */
static void emit_msgbuf(struct call *c, struct emit *e, unsigned long addr, unsigned long count)
{
	long mtype;
	if (!net_fetch(c, e, "msgp", addr, &mtype, sizeof(mtype)))
		return;
	emit_struct_begin(e, "msgp");
	emit_int(e, "mtype", mtype);
	print_buf(c, e, "mtext", addr + sizeof(mtype), count);
	emit_struct_end(e);
}

static void emit_msgflg(struct emit *e, unsigned long v)
{
	net_emit_flags(e, "msgflg", XLAT(msg_ipc_flags), (unsigned)v, "MSG_???");
}

CUSTOM_DECODER(msgsnd)
{
	if (phase != PHASE_ENTRY)
		return;
	emit_int(e, "msqid", (int)c->args[0]);
	emit_msgbuf(c, e, c->args[1], c->args[2]);
	emit_uint(e, "msgsz", c->args[2]);
	emit_msgflg(e, c->args[3]);
}

CUSTOM_DECODER(msgrcv)
{
	if (phase == PHASE_ENTRY) {
		emit_int(e, "msqid", (int)c->args[0]);
		c->nprinted = 1;
		return;
	}
	if (c->failed)
		emit_ptr(e, "msgp", c->args[1]);
	else
		emit_msgbuf(c, e, c->args[1], c->args[2]);
	emit_uint(e, "msgsz", c->args[2]);
	emit_int(e, "msgtyp", (long)c->args[3]);
	emit_msgflg(e, c->args[4]);
}

/* semop/semtimedop: len is nsops */
STRUCT_PRINTER(sembuf)
{
	unsigned long n = (unsigned)len, max = net_array_max(c);
	const unsigned long sz = sizeof(struct sembuf);
	if (!net_array_start(c, e, name, addr, n, sz))
		return;
	for (unsigned long i = 0; i < n; i++) {
		struct sembuf sb;
		int got = net_array_elem(c, e, name, addr, i, max, &sb, sz);
		if (got < 0)
			return;
		if (!got)
			break;
		emit_struct_begin(e, NULL);
		emit_uint(e, "sem_num", sb.sem_num);
		emit_int(e, "sem_op", sb.sem_op);
		net_emit_flags(e, "sem_flg", XLAT(semop_flags), (unsigned short)sb.sem_flg, "SEM_???");
		emit_struct_end(e);
	}
	emit_array_end(e);
}

/* ---- POSIX message queues ---- */

STRUCT_PRINTER(mq_attr)
{
	struct mq_attr a;
	(void)len;
	if (!net_fetch(c, e, name, addr, &a, sizeof(a)))
		return;
	emit_struct_begin(e, name);
	net_emit_flags(e, "mq_flags", XLAT(mq_attr_flags), (unsigned long)a.mq_flags, "O_???");
	emit_int(e, "mq_maxmsg", a.mq_maxmsg);
	emit_int(e, "mq_msgsize", a.mq_msgsize);
	emit_int(e, "mq_curmsgs", a.mq_curmsgs);
	emit_struct_end(e);
}

CUSTOM_DECODER(mq_open)
{
	if (phase != PHASE_ENTRY)
		return;
	print_path(c, e, "name", c->args[0]);
	ARG(c, e, 1, "oflag", ARG_openflags);
	if (c->args[1] & O_CREAT) {
		emit_item(e, "mode");
		sb_mode(emit_sb(e), (unsigned)c->args[2]);
		struct_mq_attr_print(c, e, "attr", c->args[3], -1);
	}
}
