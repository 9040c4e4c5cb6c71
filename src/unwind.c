/* SPDX-License-Identifier: MIT */
/* -k: the tracee's stack after each traced call, as strace -k prints it,
 * and --stack-folded, the same stacks aggregated for flame graphs.
 *
 * libunwind walks the stack through accessors of our own instead of its
 * ptrace ones (which read memory a word per PTRACE_PEEKDATA, registers a
 * word per PTRACE_PEEKUSER, and re-read /proc/PID/maps and re-map the ELF
 * file for every frame's unwind table): registers come from one
 * PTRACE_GETREGS, the stack from a few process_vm_readv calls of 16 KiB,
 * and the unwind tables and code from the ELF files on disk, mapped once
 * per run (src/unwind_elf.c). Each process has one unw_addr_space with
 * libunwind's global caching policy, so a return address seen before is
 * unwound from the cached rule without parsing its FDE again; each
 * process also caches the printed text of every (address, lookup) pair
 * (and, with --json, its JSON object, made when first needed).
 * Both caches are dropped only when an executable mapping went away.
 * What is left per frame is libunwind's own work, without the two
 * sigprocmask calls it makes around its cache (see sigprocmask() below). */
#include "unwind.h"
#include "unwind_int.h"
#include "emit_json.h"
#include "options.h"
#include "output.h"
#include "regs.h"
#include "umem.h"
#include "util.h"
#include <errno.h>
#include <libunwind.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/user.h>

/* Exported by libunwind (its ptrace accessors use it) but not declared in
 * its headers: the binary search of an .eh_frame_hdr table through the
 * address space's accessors. */
extern int UNW_OBJ(dwarf_search_unwind_table)(unw_addr_space_t as, unw_word_t ip, unw_dyn_info_t *di,
					      unw_proc_info_t *pi, int need_unwind_info, void *arg);

#define NR_MMAP 9
#define NR_MPROTECT 10
#define NR_BRK 12
#define NR_PKEY_MPROTECT 329
#define MAP_FIXED_ 0x10
#define MAP_ANONYMOUS_ 0x20
#define MAP_FIXED_NOREPLACE_ 0x100000
#define PROT_EXEC_ 4
#define NR_EXIT 60
#define NR_EXECVE 59
#define NR_EXIT_GROUP 231
#define NR_EXECVEAT 322
#define CS_32BIT 0x23		/* the code segment of a 32-bit process */
#define REFRESH_MAX 64		/* most walks between re-reads on an unknown address */

/* the printed form of one return address, cached per process */
struct frame {
	unsigned long key;	/* ip << 1 | looked up at ip - 1 */
	const char *path;
	unsigned long true_off;	/* file offset of ip */
	char *text;		/* " > path(sym+0x1f) [0x1234]\n" */
	size_t len;
	char *json;		/* --json: {"file":..,"func":..,"off":..,"addr":..}, made when first needed */
	size_t jlen;
	unsigned long sym_off;	/* ip - the symbol's address */
	unsigned name_at, name_len;	/* where the symbol is in text */
	bool has_sym;
	uint32_t fold;		/* --stack-folded name id, UINT32_MAX until made */
};

struct uproc {
	struct uproc *next;	/* hash chain */
	pid_t tgid;
	unsigned refs;		/* threads that use it */
	unw_addr_space_t as;
	struct uspace space;
	bool stale;		/* mappings may have changed since the maps were read */
	bool flush;		/* drop the code caches before the next walk */
	unsigned long walks, refreshed_at;
	unsigned long backoff;	/* walks before a re-read on an unknown address */
	struct frame **ftab;	/* open addressing by key */
	size_t fsize, fcount;
};

struct uthread {
	struct uproc *proc;
	/* execve and exit: the stack at entry, printed after the call */
	struct sbuf queue;
	uint32_t *qfold;
	size_t nqfold;
	bool queued;
};

/* ---- per-process state ---- */

#define PROC_BUCKETS 256
static struct uproc *procs[PROC_BUCKETS];
static unw_accessors_t accessors;
static FILE *folded_file;
static bool print_frames;

static struct uproc *proc_get(pid_t tgid)
{
	struct uproc **b = &procs[(unsigned)tgid % PROC_BUCKETS];
	for (struct uproc *p = *b; p; p = p->next)
		if (p->tgid == tgid) {
			/* a new thread; or the pid of a process whose end was
			 * not seen (-b execve), reused: read the maps again */
			p->refs++;
			p->stale = true;
			return p;
		}
	struct uproc *p = xcalloc(1, sizeof(*p));
	p->tgid = tgid;
	p->refs = 1;
	p->stale = true;
	p->backoff = 1;
	p->as = unw_create_addr_space(&accessors, 0);
	if (!p->as)
		die("libunwind: cannot create an address space");
	unw_set_caching_policy(p->as, UNW_CACHE_GLOBAL);
	unw_set_cache_size(p->as, 1024, 0);
	p->next = *b;
	*b = p;
	return p;
}

static void frames_clear(struct uproc *p)
{
	for (size_t i = 0; i < p->fsize; i++) {
		if (p->ftab[i]) {
			free(p->ftab[i]->text);
			free(p->ftab[i]->json);
			free(p->ftab[i]);
			p->ftab[i] = NULL;
		}
	}
	p->fcount = 0;
}

static void proc_put(struct uproc *p)
{
	if (--p->refs)
		return;
	struct uproc **b = &procs[(unsigned)p->tgid % PROC_BUCKETS];
	while (*b != p)
		b = &(*b)->next;
	*b = p->next;
	frames_clear(p);
	free(p->ftab);
	uspace_free(&p->space);
	unw_destroy_addr_space(p->as);
	free(p);
}

static struct uthread *thread_get(struct task *t)
{
	if (!t->unwind) {
		struct uthread *ut = xcalloc(1, sizeof(*ut));
		ut->proc = proc_get(t->tgid);
		t->unwind = ut;
	}
	return t->unwind;
}

/* ---- the current walk: what the accessors read from ---- */

#define CHUNK (16 * 1024)
#define NCHUNK 8

static struct {
	pid_t tid;
	struct uproc *p;
	struct user_regs_struct regs;
	unsigned gen;		/* stamps the chunks of this walk */
} ctx;

static struct {
	unsigned long base;
	size_t len, want;	/* read, asked for */
	unsigned gen;
} chunk[NCHUNK];
static unsigned char chunk_data[NCHUNK][CHUNK];
static unsigned next_chunk;

/* The stack (and any writable data): read 16 KiB at a time from the page
 * of the first miss upwards, the direction a walk goes, no further than
 * the end of the mapping when it is known ([stack]). The page where a read
 * stopped short is remembered as unreadable for the rest of the walk. */
static int stack_read(unsigned long addr, unw_word_t *val)
{
	for (unsigned i = 0; i < NCHUNK; i++) {
		if (chunk[i].gen != ctx.gen || addr < chunk[i].base)
			continue;
		unsigned long off = addr - chunk[i].base;
		if (off + sizeof(*val) <= chunk[i].len) {
			memcpy(val, chunk_data[i] + off, sizeof(*val));
			return 0;
		}
		if (chunk[i].len < chunk[i].want && off >= chunk[i].len && off < chunk[i].len + 4096)
			return -UNW_EINVAL;
	}
	unsigned k = next_chunk++ % NCHUNK;
	unsigned long base = addr & ~0xfffUL;
	size_t want = CHUNK;
	struct umap *m = uspace_find(&ctx.p->space, addr);
	if (m && m->end - base < want)
		want = m->end - base;
	chunk[k].base = base;
	chunk[k].gen = ctx.gen;
	chunk[k].want = want;
	chunk[k].len = umem_read_partial(ctx.tid, base, chunk_data[k], want);
	if (addr - base + sizeof(*val) > chunk[k].len)
		return -UNW_EINVAL;
	memcpy(val, chunk_data[k] + (addr - base), sizeof(*val));
	return 0;
}

static int acc_access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *val, int write, void *arg)
{
	(void)as;
	(void)arg;
	if (write)
		return -UNW_EINVAL;
	/* code and unwind tables: from the file, without a system call */
	struct umap *m = uspace_find(&ctx.p->space, addr);
	if (m && !(m->prot & UMAP_W)) {
		struct uelf *e = umap_elf(m);
		if (e && uelf_read(e, addr - (unsigned long)m->bias, val, sizeof(*val)))
			return 0;
	}
	return stack_read(addr, val);
}

static int acc_access_reg(unw_addr_space_t as, unw_regnum_t reg, unw_word_t *val, int write, void *arg)
{
	(void)as;
	(void)arg;
	const struct user_regs_struct *r = &ctx.regs;
	if (write)
		return -UNW_EINVAL;
	switch (reg) {
	case UNW_X86_64_RAX: *val = r->rax; break;
	case UNW_X86_64_RDX: *val = r->rdx; break;
	case UNW_X86_64_RCX: *val = r->rcx; break;
	case UNW_X86_64_RBX: *val = r->rbx; break;
	case UNW_X86_64_RSI: *val = r->rsi; break;
	case UNW_X86_64_RDI: *val = r->rdi; break;
	case UNW_X86_64_RBP: *val = r->rbp; break;
	case UNW_X86_64_RSP: *val = r->rsp; break;
	case UNW_X86_64_R8: *val = r->r8; break;
	case UNW_X86_64_R9: *val = r->r9; break;
	case UNW_X86_64_R10: *val = r->r10; break;
	case UNW_X86_64_R11: *val = r->r11; break;
	case UNW_X86_64_R12: *val = r->r12; break;
	case UNW_X86_64_R13: *val = r->r13; break;
	case UNW_X86_64_R14: *val = r->r14; break;
	case UNW_X86_64_R15: *val = r->r15; break;
	case UNW_X86_64_RIP: *val = r->rip; break;
	default: return -UNW_EBADREG;
	}
	return 0;
}

/* The .eh_frame_hdr table of the file mapped at ip, given to libunwind's
 * own search in the tracee's addresses (read back through access_mem). */
static int acc_find_proc_info(unw_addr_space_t as, unw_word_t ip, unw_proc_info_t *pi, int need_unwind_info,
			      void *arg)
{
	struct umap *m = uspace_find(&ctx.p->space, ip);
	if (!m || !(m->prot & UMAP_X))
		return -UNW_ENOINFO;
	struct uelf *e = umap_elf(m);
	const struct uelf_eh *eh = e ? uelf_eh_table(e) : NULL;
	if (!eh)
		return -UNW_ENOINFO;
	unsigned long bias = (unsigned long)m->bias;
	unw_dyn_info_t di;
	memset(&di, 0, sizeof(di));
	di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
	di.start_ip = eh->lo + bias;
	di.end_ip = eh->hi + bias;
	di.gp = eh->gp ? eh->gp + bias : 0;
	di.u.rti.segbase = eh->hdr + bias;
	di.u.rti.table_data = eh->table + bias;
	/* two 32-bit words per entry, counted in unw_word_t */
	di.u.rti.table_len = eh->count * 8 / sizeof(unw_word_t);
	if (ip < di.start_ip || ip >= di.end_ip)
		return -UNW_ENOINFO;
	return UNW_OBJ(dwarf_search_unwind_table)(as, ip, &di, pi, need_unwind_info, arg);
}

/* libunwind frees DWARF unwind info itself; this is for dynamic info */
static void acc_put_unwind_info(unw_addr_space_t as, unw_proc_info_t *pi, void *arg)
{
	(void)as;
	(void)pi;
	(void)arg;
}

static int acc_get_dyn_info_list_addr(unw_addr_space_t as, unw_word_t *addr, void *arg)
{
	(void)as;
	(void)addr;
	(void)arg;
	return -UNW_ENOINFO;
}

static int acc_access_fpreg(unw_addr_space_t as, unw_regnum_t reg, unw_fpreg_t *val, int write, void *arg)
{
	(void)as;
	(void)reg;
	(void)val;
	(void)write;
	(void)arg;
	return -UNW_EBADREG;
}

static int acc_resume(unw_addr_space_t as, unw_cursor_t *c, void *arg)
{
	(void)as;
	(void)c;
	(void)arg;
	return -UNW_EINVAL;
}

static int acc_get_proc_name(unw_addr_space_t as, unw_word_t addr, char *buf, size_t len, unw_word_t *off, void *arg)
{
	(void)as;
	(void)addr;
	(void)buf;
	(void)len;
	(void)off;
	(void)arg;
	return -UNW_ENOINFO;
}

/* ---- libunwind's signal mask ---- */

static bool in_walk;

/* libunwind blocks every signal around each use of its rule cache: two
 * sigprocmask system calls per frame, most of what a walk costs once the
 * cache is warm (a 40-frame stack: 80 calls, 70 us here). It guards
 * against a signal handler that unwinds in the same thread; tattle is one
 * thread and unwinds in no handler, so during a walk the calls are left
 * out. This definition takes the place of libc's for libunwind (an
 * executable's symbols come first); libc's own calls do not come here. */
int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	if (in_walk) {
		if (old)
			sigemptyset(old);
		return 0;
	}
	int err = pthread_sigmask(how, set, old);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

/* ---- frames ---- */

static void maps_refresh(struct uproc *p)
{
	if (uspace_refresh(&p->space, ctx.tid) > 0)
		p->flush = true;
	p->stale = false;
	p->refreshed_at = p->walks;
}

static void ftab_put(struct uproc *p, struct frame *f)
{
	size_t mask = p->fsize - 1, i = (f->key * 0x9e3779b97f4a7c15UL >> 20) & mask;
	while (p->ftab[i])
		i = (i + 1) & mask;
	p->ftab[i] = f;
}

static struct frame *ftab_get(struct uproc *p, unsigned long key)
{
	if (!p->fsize)
		return NULL;
	size_t mask = p->fsize - 1;
	for (size_t i = (key * 0x9e3779b97f4a7c15UL >> 20) & mask; p->ftab[i]; i = (i + 1) & mask)
		if (p->ftab[i]->key == key)
			return p->ftab[i];
	return NULL;
}

/* The printed form of a return address: strace's "path(sym+0x1f)
 * [0xfileoff]", or "path() [0xfileoff]" without a symbol. Past the first
 * frame the symbol is looked up at ip - 1, as libunwind does, because a
 * call can be the last instruction of its function. NULL when ip is not
 * in an executable file mapping. */
static struct frame *frame_get(struct uproc *p, unsigned long ip, bool prev)
{
	unsigned long key = ip << 1 | prev;
	struct frame *f = ftab_get(p, key);
	if (f)
		return f;
	struct umap *m = uspace_find(&p->space, ip);
	if (!m && p->walks - p->refreshed_at >= p->backoff) {
		/* a mapping made where no stop told us (an untraced thread,
		 * --seccomp-bpf): read the maps again; less and less often
		 * while that does not help (code generated at run time) */
		maps_refresh(p);
		m = uspace_find(&p->space, ip);
		if (m)
			p->backoff = 1;
		else if (p->backoff < REFRESH_MAX)
			p->backoff *= 2;
	}
	if (!m || !(m->prot & UMAP_X))
		return NULL;
	f = xcalloc(1, sizeof(*f));
	f->key = key;
	f->path = m->path;
	f->true_off = ip - m->start + m->off;
	f->fold = UINT32_MAX;
	unsigned long look = prev ? ip - 1 : ip, sym = 0;
	struct umap *lm = look >= m->start ? m : uspace_find(&p->space, look);
	struct uelf *e = lm ? umap_elf(lm) : NULL;
	const char *name = e ? uelf_symbol(e, look - (unsigned long)lm->bias, &sym) : NULL;
	struct sbuf b = { 0 };
	sbuf_puts(&b, " > ");
	sbuf_puts(&b, m->path);
	if (name && *name) {
		f->has_sym = true;
		f->sym_off = ip - (sym + (unsigned long)lm->bias);
		sbuf_putc(&b, '(');
		f->name_at = (unsigned)b.len;
		sbuf_puts(&b, name);
		f->name_len = (unsigned)(b.len - f->name_at);
		sbuf_putc(&b, '+');
		sbuf_hex(&b, f->sym_off);
		sbuf_puts(&b, ") [");
	} else {
		sbuf_puts(&b, "() [");
	}
	sbuf_hex(&b, f->true_off);
	sbuf_puts(&b, "]\n");
	sbuf_putc(&b, 0);	/* a C string too, for frame_fold() */
	f->text = b.p;
	f->len = b.len - 1;
	if ((p->fcount + 1) * 2 > p->fsize) {
		struct frame **old = p->ftab;
		size_t n = p->fsize;
		p->fsize = n ? n * 2 : 256;
		p->ftab = xcalloc(p->fsize, sizeof(*p->ftab));
		for (size_t i = 0; i < n; i++)
			if (old[i])
				ftab_put(p, old[i]);
		free(old);
	}
	ftab_put(p, f);
	p->fcount++;
	return f;
}

/* the frame's name in --stack-folded: the symbol, else file+0xoffset */
static uint32_t frame_fold(struct frame *f)
{
	if (f->fold != UINT32_MAX)
		return f->fold;
	const char *s = f->text + 3 + strlen(f->path);	/* "(sym+0x..) [..]" or "() [..]" */
	if (f->has_sym) {
		const char *plus = strrchr(s, '+');	/* the offset's: none after it */
		f->fold = folded_frame(s + 1, (size_t)(plus - s - 1));
	} else {
		const char *base = strrchr(f->path, '/');
		struct sbuf b = { 0 };
		sbuf_puts(&b, base ? base + 1 : f->path);
		sbuf_putc(&b, '+');
		sbuf_hex(&b, f->true_off);
		f->fold = folded_frame(b.p, b.len);
		sbuf_free(&b);
	}
	return f->fold;
}

/* one walk's result: frames, then how it ended */
static struct frame **wf;
static size_t nwf, wf_cap;
static unsigned long bad_ip;	/* an address outside any executable file mapping */
static bool too_many;

/* Walks t's stack as strace does: stops at an address outside executable
 * file mappings (kept in bad_ip) and after frame_limit frames. False when
 * there is nothing to print (no registers, a 32-bit process). */
static bool walk(struct task *t, struct uproc *p)
{
	nwf = 0;
	bad_ip = 0;
	too_many = false;
	ctx.tid = t->tid;
	ctx.p = p;
	if (++ctx.gen == 0)
		ctx.gen = 1;
	if (regs_get_all(t->tid, &ctx.regs) < 0 || ctx.regs.cs == CS_32BIT)
		return false;
	p->walks++;
	if (p->stale || !p->space.valid)
		maps_refresh(p);
	if (p->flush) {
		unw_flush_cache(p->as, 0, 0);
		frames_clear(p);
		p->flush = false;
	}
	unw_cursor_t cur;
	in_walk = true;
	if (unw_init_remote(&cur, p->as, NULL) < 0) {
		in_walk = false;
		return false;
	}
	bool prev = false;
	int depth;
	for (depth = 0; depth < opt.frame_limit; depth++) {
		unw_word_t ip;
		/* 0: the end of the chain as libunwind reports it */
		if (unw_get_reg(&cur, UNW_REG_IP, &ip) < 0 || !ip)
			break;
		struct frame *f = frame_get(p, ip, prev);
		if (!f) {
			bad_ip = ip;
			break;
		}
		if (nwf == wf_cap) {
			wf_cap = wf_cap ? wf_cap * 2 : 64;
			wf = xrealloc(wf, wf_cap * sizeof(*wf));
		}
		wf[nwf++] = f;
		/* after a signal frame the next address is where execution
		 * resumes, not a return address: looked up as it is */
		bool sig = unw_is_signal_frame(&cur) > 0;
		if (unw_step(&cur) <= 0)
			break;
		prev = !sig;
	}
	in_walk = false;
	too_many = depth >= opt.frame_limit;
	return true;
}

static void put_error(struct sbuf *b, unsigned long ip)
{
	sbuf_puts(b, " > unexpected_backtracing_error [");
	sbuf_hex(b, ip);
	sbuf_puts(b, "]\n");
}

/* the walk as text; strace prints a captured frame without a symbol as
 * "path(+0x0) [0x...]" */
static void walk_text(struct sbuf *b, bool captured)
{
	for (size_t i = 0; i < nwf; i++) {
		struct frame *f = wf[i];
		if (captured && !f->has_sym) {
			sbuf_puts(b, " > ");
			sbuf_puts(b, f->path);
			sbuf_puts(b, "(+0x0) [");
			sbuf_hex(b, f->true_off);
			sbuf_puts(b, "]\n");
		} else {
			sbuf_add(b, f->text, f->len);
		}
	}
	if (bad_ip)
		put_error(b, bad_ip);
	if (too_many)
		sbuf_puts(b, " > too many stack frames\n");
}

/* --json: the frame as an object of the "stack" array */
static void frame_json(struct frame *f, struct sbuf *out)
{
	if (!f->json) {
		struct sbuf b = { 0 };
		sbuf_puts(&b, "{\"file\":");
		json_quote(&b, f->path, strlen(f->path));
		if (f->has_sym) {
			sbuf_puts(&b, ",\"func\":");
			json_quote(&b, f->text + f->name_at, f->name_len);
			sbuf_puts(&b, ",\"off\":");
			sbuf_udec(&b, f->sym_off);
		}
		sbuf_puts(&b, ",\"addr\":");
		sbuf_udec(&b, f->true_off);
		sbuf_putc(&b, '}');
		f->json = b.p;
		f->jlen = b.len;
	}
	sbuf_add(out, f->json, f->jlen);
}

/* the walk as the members a JSON record gets: ,"stack":[frames, leaf
 * first], and ,"stack_truncated":true after frame_limit frames */
static void walk_json(struct sbuf *b)
{
	sbuf_puts(b, ",\"stack\":[");
	for (size_t i = 0; i < nwf; i++) {
		if (i)
			sbuf_putc(b, ',');
		frame_json(wf[i], b);
	}
	if (bad_ip) {
		if (nwf)
			sbuf_putc(b, ',');
		sbuf_puts(b, "{\"error\":\"unexpected_backtracing_error\",\"addr\":");
		sbuf_udec(b, bad_ip);
		sbuf_putc(b, '}');
	}
	sbuf_putc(b, ']');
	if (too_many)
		sbuf_puts(b, ",\"stack_truncated\":true");
}

static uint32_t *fold_ids;
static size_t fold_cap;

/* the walk's frames as --stack-folded ids, leaf first */
static size_t walk_fold(void)
{
	size_t n = nwf + (bad_ip != 0);
	if (n > fold_cap) {
		fold_cap = n * 2;
		fold_ids = xrealloc(fold_ids, fold_cap * sizeof(*fold_ids));
	}
	for (size_t i = 0; i < nwf; i++)
		fold_ids[i] = frame_fold(wf[i]);
	if (bad_ip)
		fold_ids[nwf] = folded_frame("[unknown]", 9);
	return n;
}

static uint64_t call_weight(struct task *t)
{
	if (!opt.folded_by_time)
		return 1;
	const struct call *c = &t->call;
	return c->t_exit > c->t_entry ? c->t_exit - c->t_entry : 0;
}

static struct sbuf out;

static void emit_out(struct task *t)
{
	if (print_frames && out.len)
		line_raw(t, out.p, out.len);
	out.len = 0;
}

/* ---- the interface ---- */

void unwind_init(void)
{
	accessors.find_proc_info = acc_find_proc_info;
	accessors.put_unwind_info = acc_put_unwind_info;
	accessors.get_dyn_info_list_addr = acc_get_dyn_info_list_addr;
	accessors.access_mem = acc_access_mem;
	accessors.access_reg = acc_access_reg;
	accessors.access_fpreg = acc_access_fpreg;
	accessors.resume = acc_resume;
	accessors.get_proc_name = acc_get_proc_name;
	print_frames = !opt.stack_noprint;
	if (opt.stack_folded) {
		/* opened now: a bad path is an error before anything runs */
		folded_file = fopen(opt.stack_folded, "we");
		if (!folded_file)
			die_errno("Can't fopen '%s'", opt.stack_folded);
	}
}

static void queue_drop(struct uthread *ut)
{
	ut->queue.len = 0;
	ut->nqfold = 0;
	ut->queued = false;
}

/* prints a stack captured at entry, with the call's weight */
static void queue_flush(struct task *t, struct uthread *ut, uint64_t weight)
{
	/* with --json the stack went into the call's record (when there
	 * was one): never a record of its own */
	if (print_frames && ut->queue.len && !opt.json_trace)
		line_raw(t, ut->queue.p, ut->queue.len);
	if (folded_file)
		folded_add(ut->qfold, ut->nqfold, weight);
	queue_drop(ut);
}

void unwind_capture(struct task *t)
{
	long nr = t->call.nr;
	struct uthread *ut = t->unwind;
	/* a stack kept for a call whose line was then left out (-z, -e
	 * status=...) is not this call's */
	if (ut && ut->queued)
		queue_drop(ut);
	/* the calls after which the stack is gone or no longer the caller's */
	if ((nr != NR_EXECVE && nr != NR_EXECVEAT && nr != NR_EXIT && nr != NR_EXIT_GROUP) || regs_last_compat)
		return;
	ut = thread_get(t);
	if (!walk(t, ut->proc))
		return;
	if (opt.json_trace)
		walk_json(&ut->queue);
	else
		walk_text(&ut->queue, true);
	if (folded_file) {
		size_t n = walk_fold();
		free(ut->qfold);
		ut->qfold = xmalloc((n ? n : 1) * sizeof(*ut->qfold));
		memcpy(ut->qfold, fold_ids, n * sizeof(*fold_ids));
		ut->nqfold = n;
	}
	ut->queued = true;
}

void unwind_print(struct task *t)
{
	/* --json -k: done by unwind_json_call(), in the call's record */
	if (regs_last_compat || (opt.json_trace && print_frames))
		return;
	struct uthread *ut = thread_get(t);
	if (ut->queued) {
		queue_flush(t, ut, call_weight(t));
		return;
	}
	if (!walk(t, ut->proc))
		return;
	walk_text(&out, false);
	emit_out(t);
	if (folded_file)
		folded_add(fold_ids, walk_fold(), call_weight(t));
}

void unwind_json_call(struct task *t, struct sbuf *b, bool returned)
{
	/* --stack-folded without -k: unwind_print() does it all */
	if (!print_frames)
		return;
	struct uthread *ut = t->unwind;
	if (!returned) {
		/* exit_group, or a call the tracee never came back from: the
		 * stack captured at entry; it is counted in --stack-folded
		 * when the thread is gone (unwind_task_free), as in text */
		if (ut && ut->queued && ut->queue.len) {
			sbuf_add(b, ut->queue.p, ut->queue.len);
			ut->queue.len = 0;
		}
		return;
	}
	/* the rest is unwind_print(), with the frames into b */
	if (regs_last_compat)
		return;
	ut = thread_get(t);
	if (ut->queued) {
		sbuf_add(b, ut->queue.p, ut->queue.len);
		ut->queue.len = 0;
		queue_flush(t, ut, call_weight(t));
		return;
	}
	if (!walk(t, ut->proc))
		return;
	walk_json(b);
	if (folded_file)
		folded_add(fold_ids, walk_fold(), call_weight(t));
}

void unwind_json_signal(struct task *t, struct sbuf *b)
{
	if (!print_frames)
		return;
	struct uthread *ut = thread_get(t);
	if (walk(t, ut->proc))
		walk_json(b);
}

void unwind_print_signal(struct task *t)
{
	/* --json -k: in the signal record (unwind_json_signal) */
	if (opt.json_trace && print_frames)
		return;
	struct uthread *ut = thread_get(t);
	if (!walk(t, ut->proc))
		return;
	walk_text(&out, false);
	emit_out(t);
}

void unwind_invalidate(struct task *t)
{
	const struct call *c = &t->call;
	/* after the call (not at the exec event, inside it): only calls that
	 * can have changed the file mappings listed, the executable ones */
	if (!(t->flags & T_INSYSCALL)) {
		if (c->failed)
			return;
		switch (c->nr) {
		case NR_MMAP:
			if ((c->args[3] & MAP_ANONYMOUS_) && !(c->args[3] & (MAP_FIXED_ | MAP_FIXED_NOREPLACE_)))
				return;
			break;
		case NR_MPROTECT:
		case NR_PKEY_MPROTECT:
			if (!(c->args[2] & PROT_EXEC_))
				return;
			break;
		case NR_BRK:	/* the heap is never code */
			return;
		}
	}
	/* the process may have state through another of its threads */
	for (struct uproc *p = procs[(unsigned)t->tgid % PROC_BUCKETS]; p; p = p->next)
		if (p->tgid == t->tgid)
			p->stale = true;
}

void unwind_task_free(struct task *t)
{
	struct uthread *ut = t->unwind;
	if (!ut)
		return;
	/* exit and exit_group: strace prints their stack when the thread
	 * is gone, after "+++ exited with N +++" */
	if (ut->queued)
		queue_flush(t, ut, opt.folded_by_time ? 0 : 1);
	sbuf_free(&ut->queue);
	free(ut->qfold);
	proc_put(ut->proc);
	free(ut);
	t->unwind = NULL;
}

void unwind_finish(void)
{
	if (!folded_file)
		return;
	if (!folded_write(folded_file) || fclose(folded_file) != 0)
		warn_errno("%s", opt.stack_folded);
	folded_file = NULL;
}
