/* SPDX-License-Identifier: MIT */
/* libFuzzer target: random registers and random tracee memory through the
 * decoders. One input is one system call of one fake task: a header (the
 * options, the call number, six arguments, the return value, which pages
 * are holes) and then the bytes of the fake address space
 * (tests/fuzz/umem_fake.c). The call is decoded as the tracer does it,
 * entry then exit (or "= ?"), into /dev/null (or $TATTLE_FUZZ_OUT): the
 * target looks for crashes, leaks, undefined behaviour and unbounded work,
 * not for the text. */
#include "decode.h"
#include "emit.h"
#include "emit_json.h"
#include "filter.h"
#include "options.h"
#include "output.h"
#include "structs/net.h"
#include "structs/structs.h"
#include "task.h"
#include "json_valid.h"
#include "umem.h"
#include "umem_fake.h"
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* no process has this pid (pid_max is at most 2^22): -y looks up
 * /proc/PID/fd/N and finds nothing, and nothing real is ever touched */
#define FAKE_PID 0x7ffffff0
/* umem.h's budget per decoding pass, made small: the same code cuts the
 * same nested arrays, and an input that reaches it costs milliseconds,
 * not the seconds of tattle's 16 MiB (which slowed fuzzing tenfold) */
#define FUZZ_PASS_BUDGET (256UL << 10)
/* tracee bytes one call may read: its entry pass and its exit pass */
#define READ_LIMIT (2 * FUZZ_PASS_BUDGET)

/* the header, read from the first bytes of the input (zero-padded) */
struct header {
	uint8_t opts;		/* bit 0 -v, 1-2 -x/-xx, 3 -X raw, 4 -X verbose, 5-6 -y/-yy, 7 -N */
	uint8_t strsize;	/* an index into strsizes[] */
	uint8_t mode;		/* bits 0-1: how the call ends (enum end); 2: -e raw=NR;
				 * 3: -e verbose=NR; 4: 32-bit call (no descriptor);
				 * 5: memory changes at exit; 6: the entry part is held
				 * (status filters); 7: -i */
	uint8_t ptrmask;	/* bit i: args[i] is made to point into the fake space */
	uint16_t nr;
	uint8_t retmode;	/* 0: as is, 1: -errno, 2: small, 3: an address */
	uint8_t other;		/* bit 0: another task's line cuts this one (<... resumed>);
				 * bit 1: --json (every record is checked to be valid JSON);
				 * bits 2-3: the fds are no netlink sockets (0), netlink
				 * sockets of unknown family (1), of NETLINK_ROUTE (2), of
				 * NETLINK_SOCK_DIAG (3) */
	uint64_t args[6];
	int64_t ret;
	uint64_t holes;
};

/* how the call ends, as src/tracer.c ends it */
enum end {
	END_EXIT,	/* the exit stop */
	END_GONE,	/* the task died inside the call: "= ?", or a held line dropped */
	END_SIGINFO,	/* not a call: a --- SIG {siginfo} --- line */
	END_FILTERED,	/* a held line that fails its status filter is dropped */
};

static const int strsizes[] = { 32, 0, 1, 2, 3, 4, 5, 8, 16, 31, 33, 64, 100, 255, 256, 257, 1024, 4096 };

static struct task *task, *other_task;

/* the netlink family of every fd of the fake task, for this input */
static int netlink_family = -2;

static int fake_netlink_family(pid_t pid, int fd)
{
	(void)pid;
	(void)fd;
	return netlink_family;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* TATTLE_FUZZ_OUT=FILE: see what a reproducer prints */
	opt.outfile = getenv("TATTLE_FUZZ_OUT") ? getenv("TATTLE_FUZZ_OUT") : "/dev/null";
	umem_pass_budget = FUZZ_PASS_BUDGET;
	filter_init();
	output_init();
	task = task_new(FAKE_PID, FAKE_PID);
	other_task = task_new(FAKE_PID + 1, FAKE_PID + 1);
	fdinfo_netlink_override = fake_netlink_family;
	return 0;
}

static void set_options(const struct header *h)
{
	opt.verbose = h->opts & 1;
	opt.xflag = (h->opts >> 1) & 3;
	if (opt.xflag == 3)
		opt.xflag = 0;
	opt.xlat_style = (h->opts & 8) ? XLAT_STYLE_RAW : (h->opts & 16) ? XLAT_STYLE_VERBOSE : XLAT_STYLE_ABBREV;
	switch ((h->opts >> 5) & 3) {
	case 0: opt.decode_fds = 0; break;
	case 1: opt.decode_fds = DECODE_FD_PATH; break;
	default: opt.decode_fds = DECODE_FD_PATH | DECODE_FD_SOCKET | DECODE_FD_DEV | DECODE_FD_PIDFD; break;
	}
	opt.arg_names = h->opts & 128;
	opt.strsize = strsizes[h->strsize % (sizeof(strsizes) / sizeof(strsizes[0]))];
	opt.print_ip = h->mode & 128;
	opt.json_trace = h->other & 2;
	static const int families[4] = { -2, -1, NETLINK_ROUTE, NETLINK_SOCK_DIAG };
	netlink_family = families[(h->other >> 2) & 3];
}

/* every line in the output buffer must be one valid JSON value */
static void check_json(void)
{
	struct sbuf *b = &output_of(task)->buf;
	for (size_t at = 0; at < b->len;) {
		const char *nl = memchr(b->p + at, '\n', b->len - at);
		size_t n = nl ? (size_t)(nl - (b->p + at)) : b->len - at;
		if (!json_valid(b->p + at, n)) {
			fprintf(stderr, "invalid JSON record: %.*s\n", (int)n, b->p + at);
			abort();
		}
		at += n + 1;
	}
}

static long make_ret(const struct header *h)
{
	switch (h->retmode & 3) {
	case 1: return -1 - (long)((uint64_t)h->ret % 4096);	/* -1 .. -4096: errors and one more */
	case 2: return (long)((uint64_t)h->ret % 65536);
	case 3: return (long)(UMEM_FAKE_PAGE + (uint64_t)h->ret % (UMEM_FAKE_END - UMEM_FAKE_PAGE));
	}
	return (long)h->ret;
}

static void decode_call(const struct header *h, const uint8_t *mem, size_t len, uint8_t *mem_exit)
{
	struct call *c = &task->call;
	long nr = h->nr;
	/* mostly known numbers, sometimes the ones just past the table, and
	 * sometimes absurd ones */
	if (nr < 0xff00)
		nr %= SYSCALL_MAX + 16;
	else
		nr = (long)h->args[5] ^ (long)h->ret;
	c->nr = nr;
	for (int i = 0; i < 6; i++) {
		unsigned long a = h->args[i];
		if (h->ptrmask & (1u << i))
			a = UMEM_FAKE_PAGE + a % (UMEM_FAKE_END - UMEM_FAKE_PAGE);
		c->args[i] = a;
	}
	c->se = (h->mode & 16) ? NULL : systab_get(nr);
	c->ip = 0x401000;
	c->sp = 0x7ffd0000;
	c->t_entry = c->t_exit = c->mono_entry = 0;
	c->failed = false;
	c->ret = 0;
	c->no_exit = false;
	memset(c->saved, 0, sizeof(c->saved));

	unsigned char saved_bits = 0;
	if (nr >= 0 && nr < SYSCALL_MAX) {
		saved_bits = filter_sys[nr];
		if (h->mode & 4)
			filter_sys[nr] |= QF_RAW;
		if (h->mode & 8)
			filter_sys[nr] |= QF_VERBOSE;
	}

	bool held = h->mode & 64;
	task->flags = T_INSYSCALL | T_TRACED_CALL | T_STARTED;
	decode_entry(task, held);
	if (h->other & 1) {
		static const char msg[] = "+++ exited with 0 +++";
		line_message(other_task, msg, sizeof(msg) - 1);
	}
	if ((h->mode & 32) && len) {
		/* the kernel wrote OUT data: the second half of the space is
		 * mirrored over the first */
		memcpy(mem_exit, mem, len);
		for (size_t i = 0; i < len / 2; i++)
			mem_exit[i] ^= mem[len / 2 + i];
		umem_fake_setup(mem_exit, len, h->holes);
	}
	enum end end = (enum end)(h->mode & 3);
	if ((end == END_GONE || end == END_FILTERED) && held) {
		line_discard(task);
	} else if (end == END_GONE) {
		decode_noreturn(task);
	} else {
		long ret = make_ret(h);
		c->ret = ret;
		c->failed = ret < 0 && ret >= -4095;
		decode_exit(task);
	}
	task->flags = 0;
	if (nr >= 0 && nr < SYSCALL_MAX)
		filter_sys[nr] = saved_bits;
}

/* a --- SIGNAL {siginfo} --- line from 128 bytes of the input */
static void decode_siginfo(const uint8_t *mem, size_t len)
{
	unsigned char si[128];
	struct sbuf b = { 0 };
	struct emit e;
	memset(si, 0, sizeof(si));
	if (len)
		memcpy(si, mem, len < sizeof(si) ? len : sizeof(si));
	if (opt.json_trace) {
		siginfo_t info;
		memcpy(&info, si, sizeof(info) < sizeof(si) ? sizeof(info) : sizeof(si));
		json_signal(task, info.si_signo, &info);
		return;
	}
	emit_init(&e, &b);
	siginfo_format(&e, si);
	sbuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct header h;
	memset(&h, 0, sizeof(h));
	memcpy(&h, data, size < sizeof(h) ? size : sizeof(h));
	const uint8_t *mem = size > sizeof(h) ? data + sizeof(h) : NULL;
	size_t len = size > sizeof(h) ? size - sizeof(h) : 0;
	uint8_t *mem_exit = len ? malloc(len) : NULL;

	set_options(&h);
	output_flush_all();
	umem_fake_setup(mem, len, h.holes);
	umem_fake_bytes = 0;
	if ((enum end)(h.mode & 3) == END_SIGINFO)
		decode_siginfo(mem, len);
	else
		decode_call(&h, mem, len, mem_exit);
	if (opt.json_trace)
		check_json();
	free(mem_exit);
	/* reads are bounded by -s and PATH_MAX, arrays by -s items, and
	 * nested arrays by the budget, whatever the tracee says */
	if (umem_fake_bytes > READ_LIMIT) {
		fprintf(stderr, "fuzz_decode: %zu bytes of tracee memory read for one call\n", umem_fake_bytes);
		abort();
	}
	return 0;
}
