/* SPDX-License-Identifier: MIT */
/* The -e language and its friends, compiled into tables once.
 *
 * Sets follow strace 6.1 (checked against it, see tests/filter-*.sh):
 * - a later -e of one kind replaces the earlier one ("-e trace=open -e
 *   trace=close" traces close only); -z and -Z are status=successful and
 *   status=failed in that same order;
 * - each leading '!' inverts the rest; "none" (and for trace sets "all")
 *   stand for the whole set; empty items between commas are skipped, but a
 *   set with no item at all is an error quoting the whole set;
 * - trace items: a name, a number, %class (or one of the old bare class
 *   names), /regex (POSIX ERE, unanchored, over the names), all, and '?'
 *   before any of these to ignore it when it selects nothing.
 * Numbers no table names (holes, past the table, x32, 32-bit calls,
 * for which no i386 table exists here) are always traced, whatever the
 * set: strace 6.1 does the same (-e trace=none still shows
 * syscall_0x3e8), as a call that has no name cannot be left out by name. */
#include "filter.h"
#include "options.h"
#include "task.h"
#include "umem.h"
#include "util.h"
#include "xlat.h"
#include <dirent.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

unsigned char filter_sys[SYSCALL_MAX];
unsigned char filter_other;
bool filter_all_traced = true;
bool filter_by_args;
bool filter_track_fds;
bool filter_hold;
bool filter_dumps;
unsigned filter_status = STATUS_ALL;

#define NSIG_SET 256	/* strace takes signal numbers 0..255 */
static bool sig_shown[NSIG_SET];

/* ---- messages ---- */

static unsigned edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned row[40];
	if (la >= 39 || lb >= 39)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	return row[lb];
}

/* ---- classes ---- */

static const struct {
	const char *name;	/* as written after '%' */
	unsigned bit;
	bool bare;		/* strace still takes it without '%' */
} classes[] = {
	{ "desc", CLASS_DESC, true },
	{ "file", CLASS_FILE, true },
	{ "process", CLASS_PROCESS, true },
	{ "net", CLASS_NET, false },
	{ "network", CLASS_NET, true },
	{ "signal", CLASS_SIGNAL, true },
	{ "ipc", CLASS_IPC, true },
	{ "memory", CLASS_MEMORY, true },
	{ "creds", CLASS_CREDS, false },
	{ "clock", CLASS_CLOCK, false },
	{ "stat", CLASS_STAT, false },
	{ "lstat", CLASS_LSTAT, false },
	{ "fstat", CLASS_FSTAT, false },
	{ "%stat", CLASS_STAT_ANY, false },
	{ "statfs", CLASS_STATFS, false },
	{ "fstatfs", CLASS_FSTATFS, false },
	{ "%statfs", CLASS_STATFS_ANY, false },
	{ "pure", CLASS_PURE, false },
};

static unsigned class_lookup(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
		if (!strcmp(name, classes[i].name))
			return classes[i].bit;
	return 0;
}

static const char *class_suggest(const char *name)
{
	const char *best = NULL;
	unsigned bestd = 3;
	for (size_t i = 0; i < ARRAY_SIZE(classes); i++) {
		unsigned d = strcasecmp(name, classes[i].name) ? edit_distance(name, classes[i].name) : 0;
		if (d < bestd) {
			bestd = d;
			best = classes[i].name;
		}
	}
	return best;
}

/* ---- syscall sets (trace, raw, verbose, abbrev) ---- */

struct sysset {
	bool nr[SYSCALL_MAX];
};

static void sysset_fill(struct sysset *s, bool v)
{
	memset(s->nr, v, sizeof(s->nr));
}

static const char *leading_bangs(const char *s, bool *neg)
{
	*neg = false;
	while (*s == '!') {
		*neg = !*neg;
		s++;
	}
	return s;
}

static void die_bad_call(const char *tok, const char *near, bool percent)
{
	if (near)
		die("invalid system call '%s' (did you mean '%s%s'?)", tok, percent ? "%" : "", near);
	die("invalid system call '%s'", tok);
}

/* an all-digit token: a syscall number, as strace takes "257" */
static int token_number(const char *s)
{
	if (!*s || strlen(s) > 6)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	int n = atoi(s);
	return n < SYSCALL_MAX ? n : -1;
}

static void regex_select(const char *tok, const char *re, bool optional, struct sysset *s)
{
	regex_t rx;
	int rc = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[256];
		regerror(rc, &rx, msg, sizeof(msg));
		/* strace's wording; a bad regex is fatal even after '?' */
		die("regcomp: %s: %s", re, msg);
	}
	bool any = false;
	for (int nr = 0; nr < SYSCALL_MAX; nr++) {
		if (sysent[nr].name && !regexec(&rx, sysent[nr].name, 0, NULL, 0)) {
			s->nr[nr] = true;
			any = true;
		}
	}
	regfree(&rx);
	if (!any && !optional)
		die("invalid system call '%s'", tok);
}

/* one item of a trace-like set; tok is the item as written */
static void sysset_item(const char *tok, struct sysset *s)
{
	bool optional = *tok == '?';
	const char *t = tok + optional;
	char base[256];
	bool native = true;
	/* NAME@64 / @32 / @x32: strace's personality designators. Only the
	 * x86_64 table exists here, so @32 and @x32 select nothing. */
	const char *at = strrchr(t, '@');
	if (at) {	/* regexes and classes too, as strace takes "/open@64" */
		const char *p = at + 1;
		if (strcmp(p, "64") && strcmp(p, "32") && strcmp(p, "x32"))
			die("incorrect personality designator '%s' in qualification '%s'\n"
			    "Try '%s -h' for more information.", p, tok, progname);
		native = !strcmp(p, "64");
		size_t n = (size_t)(at - t);
		if (n >= sizeof(base))
			n = sizeof(base) - 1;
		memcpy(base, t, n);
		base[n] = 0;
		t = base;
	}
	struct sysset tmp, *dst = native ? s : &tmp;
	if (!*t) {
		if (!optional)
			die("invalid system call '%s'", tok);
		return;
	}
	if (!strcmp(t, "all")) {
		sysset_fill(dst, true);
		return;
	}
	if (t[0] == '/') {
		regex_select(tok, t + 1, optional, dst);
		return;
	}
	unsigned bit = 0;
	bool percent = t[0] == '%';
	if (percent)
		bit = class_lookup(t + 1);
	else
		for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
			if (classes[i].bare && !strcmp(t, classes[i].name))
				bit = classes[i].bit;
	if (bit) {
		for (int nr = 0; nr < SYSCALL_MAX; nr++)
			if (sysent[nr].name && (sysent[nr].classes & bit))
				dst->nr[nr] = true;
		return;
	}
	int nr = token_number(t);
	if (nr < 0)
		nr = systab_lookup(t);
	if (nr >= 0) {
		dst->nr[nr] = true;
		return;
	}
	if (optional)
		return;
	if (percent)
		die_bad_call(tok, class_suggest(t + 1), true);
	if (class_lookup(t))	/* "creds" for "%creds" */
		die_bad_call(tok, t, true);
	if (!strcmp(t, "none"))	/* "none" is a whole set, never an item */
		die_bad_call(tok, NULL, false);
	die_bad_call(tok, systab_suggest(t), false);
}

static void sysset_parse(const char *str, struct sysset *s)
{
	bool neg;
	const char *body = leading_bangs(str, &neg);
	sysset_fill(s, false);
	if (strcmp(body, "none")) {
		char *copy = xstrdup(body), *save = NULL;
		int items = 0;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			sysset_item(tok, s);
			items++;
		}
		free(copy);
		if (!items)
			die("invalid system call '%s'", str);
	}
	if (neg) {
		for (int nr = 0; nr < SYSCALL_MAX; nr++)
			s->nr[nr] = !s->nr[nr];
	}
}

void filter_select(const char *str, bool sel[SYSCALL_MAX])
{
	static struct sysset s;	/* not on the heap: an invalid set exits in die() */
	sysset_parse(str, &s);
	memcpy(sel, s.nr, sizeof(s.nr));
}

static void sysset_store(const struct sysset *s, unsigned char bit)
{
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		filter_sys[nr] = (unsigned char)(s->nr[nr] ? filter_sys[nr] | bit : filter_sys[nr] & ~bit);
}

/* ---- signals ---- */

int filter_signal_number(const char *tok)
{
	if (*tok >= '0' && *tok <= '9') {
		char *end;
		long n = strtol(tok, &end, 10);
		return *end || n >= NSIG_SET ? -1 : (int)n;
	}
	const char *name = tok;
	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	for (int s = 1; s < 32; s++) {
		const char *sn = xlat_name(XLAT(signal_names), (unsigned long long)s);
		if (sn && !strcasecmp(sn + 3, name))
			return s;
	}
	/* printed as SIGRTMIN and SIGRT_1 .. SIGRT_32 (src/argtypes.c) */
	if (!strcasecmp(name, "RTMIN"))
		return 32;
	if (!strncasecmp(name, "RT_", 3) && name[3] >= '1' && name[3] <= '9') {
		char *end;
		long n = strtol(name + 3, &end, 10);
		if (!*end && n >= 1 && n <= 32)
			return 32 + (int)n;
	}
	return -1;
}

static void signals_parse(const char *str)
{
	bool neg, set[NSIG_SET] = { 0 };
	const char *body = leading_bangs(str, &neg);
	if (!strcmp(body, "all")) {
		memset(set, 1, sizeof(set));
	} else if (strcmp(body, "none")) {
		char *copy = xstrdup(body), *save = NULL;
		int items = 0;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int s = filter_signal_number(tok);
			if (s < 0)
				die("invalid signal '%s'", tok);
			set[s] = true;
			items++;
		}
		free(copy);
		if (!items)
			die("invalid signal '%s'", str);
	}
	for (int s = 0; s < NSIG_SET; s++)
		sig_shown[s] = set[s] != neg;
}

bool filter_signal(int sig)
{
	return sig >= 0 && sig < NSIG_SET ? sig_shown[sig] : true;
}

/* ---- status ---- */

static void status_parse(const char *str)
{
	static const struct { const char *name; unsigned bit; } words[] = {
		{ "successful", STATUS_SUCCESSFUL }, { "failed", STATUS_FAILED },
		{ "unfinished", STATUS_UNFINISHED }, { "unavailable", STATUS_UNAVAILABLE },
		{ "detached", STATUS_DETACHED },
	};
	bool neg;
	unsigned set = 0;
	const char *body = leading_bangs(str, &neg);
	if (!strcmp(body, "all")) {
		set = STATUS_ALL;
	} else if (strcmp(body, "none")) {
		char *copy = xstrdup(body), *save = NULL;
		int items = 0;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			size_t i;
			for (i = 0; i < ARRAY_SIZE(words); i++)
				if (!strcasecmp(tok, words[i].name))
					break;
			if (i == ARRAY_SIZE(words))
				die("invalid status '%s'", tok);
			set |= words[i].bit;
			items++;
		}
		free(copy);
		if (!items)
			die("invalid status '%s'", str);
	}
	filter_status = neg ? ~set & STATUS_ALL : set;
}

bool filter_exit_ok(const struct call *c, uint64_t dur)
{
	if (!(filter_status & (c->failed ? STATUS_FAILED : STATUS_SUCCESSFUL)))
		return false;
	return dur >= opt.min_duration_ns;
}

bool filter_status_ok(const struct call *c)
{
	return filter_status & (c->failed ? STATUS_FAILED : STATUS_SUCCESSFUL);
}

bool filter_unfinished_ok(uint64_t elapsed)
{
	return (filter_status & STATUS_UNFINISHED) && elapsed >= opt.min_duration_ns;
}

/* ---- descriptor sets (--trace-fds, -e read=, -e write=) ---- */

struct fdset {
	bool neg;
	int *v;		/* sorted */
	size_t n;
};
static struct fdset trace_fds, dump_read, dump_write;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void fdset_parse(const char *str, struct fdset *s)
{
	const char *body = leading_bangs(str, &s->neg);
	free(s->v);
	s->v = NULL;
	s->n = 0;
	if (!strcmp(body, "all")) {
		s->neg = !s->neg;
		return;
	}
	if (!strcmp(body, "none"))
		return;
	char *copy = xstrdup(body), *save = NULL;
	int items = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long v = strtol(tok, &end, 10);
		/* digits with an optional '+', as strace takes them */
		if (*end || end == tok || (*tok != '+' && (*tok < '0' || *tok > '9')) || v < 0 || v > INT_MAX)
			die("invalid descriptor '%s'", tok);
		s->v = xrealloc(s->v, sizeof(int) * (s->n + 1));
		s->v[s->n++] = (int)v;
		items++;
	}
	free(copy);
	if (!items)
		die("invalid descriptor '%s'", str);
	qsort(s->v, s->n, sizeof(int), cmp_int);
}

static bool fdset_has(const struct fdset *s, int fd)
{
	if (fd < 0)
		return false;
	bool in = s->n && bsearch(&fd, s->v, s->n, sizeof(int), cmp_int);
	return in != s->neg;
}

static bool fdset_empty(const struct fdset *s)
{
	return !s->neg && !s->n;
}

bool filter_dump_read(int fd)
{
	return fdset_has(&dump_read, fd);
}

bool filter_dump_write(int fd)
{
	return fdset_has(&dump_write, fd);
}

/* ---- -P paths and --trace-fds: which arguments name files ---- */

/* argument roles; what the signature tables cannot say is overridden */
enum { R_NONE, R_FD, R_DIRFD, R_PATH, R_POLL, R_SELECT };
static unsigned char (*roles)[6];	/* per number, only with -P/--trace-fds */

static const struct {
	const char *name;
	const char *roles;	/* per argument: f fd, d dirfd, p path, P pollfd[], S fd_set[], - none */
} role_overrides[] = {
	{ "mmap", "----f" },
	{ "poll", "P" }, { "ppoll", "P" },
	{ "select", "S" }, { "pselect6", "S" },
	/* a symlink's target is text, not a file looked up (strace agrees) */
	{ "symlink", "-p" }, { "symlinkat", "-dp" },
	{ "sendfile", "ff" },
	{ "quotactl", "-p" },
	{ "mount", "pp" },
};

static void roles_init(void)
{
	roles = xcalloc(SYSCALL_MAX, sizeof(*roles));
	for (int nr = 0; nr < SYSCALL_MAX; nr++) {
		const struct sysent *se = &sysent[nr];
		if (!se->name)
			continue;
		if (se->has_sig && !se->custom) {
			for (unsigned i = 0; i < se->nargs && i < 6; i++) {
				const struct argdesc *a = &se->args[i];
				if (a->dir != DIR_IN)
					continue;
				if (a->type == ARG_fd)
					roles[nr][i] = R_FD;
				else if (a->type == ARG_dirfd)
					roles[nr][i] = R_DIRFD;
				else if (a->type == ARG_path)
					roles[nr][i] = R_PATH;
			}
			continue;
		}
		/* custom decoders and @raw lines: the classes tell the usual
		 * shape (fd first; path first; dirfd and path for *at) */
		bool desc = se->classes & CLASS_DESC, file = se->classes & CLASS_FILE;
		if (desc && file) {
			roles[nr][0] = R_DIRFD;
			roles[nr][1] = R_PATH;
		} else if (file) {
			roles[nr][0] = R_PATH;
		} else if (desc) {
			roles[nr][0] = R_FD;
		}
	}
	for (size_t k = 0; k < ARRAY_SIZE(role_overrides); k++) {
		int nr = systab_lookup(role_overrides[k].name);
		if (nr < 0)
			continue;
		memset(roles[nr], R_NONE, 6);
		for (int i = 0; i < 6 && role_overrides[k].roles[i]; i++) {
			switch (role_overrides[k].roles[i]) {
			case 'f': roles[nr][i] = R_FD; break;
			case 'd': roles[nr][i] = R_DIRFD; break;
			case 'p': roles[nr][i] = R_PATH; break;
			case 'P': roles[nr][i] = R_POLL; break;
			case 'S': roles[nr][i] = R_SELECT; break;
			}
		}
	}
}

/* -P as given, and where it resolves to when that differs */
static char **paths;
static size_t npaths;

static void paths_add(const char *p)
{
	for (size_t i = 0; i < npaths; i++)
		if (!strcmp(paths[i], p))
			return;
	paths = xrealloc(paths, sizeof(char *) * (npaths + 1));
	paths[npaths++] = xstrdup(p);
}

static bool path_listed(const char *p)
{
	for (size_t i = 0; i < npaths; i++)
		if (!strcmp(paths[i], p))
			return true;
	return false;
}

static void paths_init(void)
{
	for (int i = 0; i < opt.npaths; i++) {
		const char *p = opt.paths[i];
		char *real = realpath(p, NULL);
		paths_add(p);
		if (real && strcmp(real, p)) {
			if (!(opt.quiet & QUIET_PATH_RESOLUTION))
				warnx("Requested path \"%s\" resolved into \"%s\"", p, real);
			paths_add(real);
		}
		free(real);
	}
}

/* does descriptor fd of pid refer to a -P path, asked of /proc */
static bool fd_names_path(pid_t pid, int fd)
{
	char link[64], target[PATH_MAX + 1];
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, fd);
	ssize_t n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return false;
	target[n] = 0;
	return path_listed(target);
}

/* One fd table per process (threads share theirs): the descriptors that
 * refer to a -P path, as strace decides it, by what /proc/PID/fd/N names.
 * It is built from /proc when first needed and again after anything that
 * changes descriptors wholesale (execve closing O_CLOEXEC ones,
 * descriptors passed over a socket) or what they name (unlink, rename);
 * between those it follows the calls: the fd a call returns is looked up
 * once, close and close_range drop theirs. So a read() costs a bit test,
 * not a readlink. Not followed: a table shared by two processes (clone
 * with CLONE_FILES but not CLONE_THREAD), 32-bit calls, io_uring, renames
 * by processes not traced; descriptors past FDTAB_MAX are asked of /proc
 * on every use. */
#define FDTAB_MAX (1u << 20)
#define FDTAB_BUCKETS 256

struct fdtab {
	pid_t tgid;
	bool stale;
	unsigned gen;		/* path_gen when built */
	struct fdtab *next;
	unsigned nwords;
	uint64_t *bits;
};
static struct fdtab *fdtabs[FDTAB_BUCKETS];
/* bumped by unlink and rename: what every fd names may have changed
 * ("/x (deleted)" is not /x), so every table is built again when needed */
static unsigned path_gen;

static void fdtab_set(struct fdtab *f, int fd, bool on)
{
	if (fd < 0 || (unsigned)fd >= FDTAB_MAX)
		return;
	unsigned w = (unsigned)fd / 64;
	if (w >= f->nwords) {
		if (!on)
			return;
		unsigned n = f->nwords ? f->nwords : 4;
		while (n <= w)
			n *= 2;
		f->bits = xrealloc(f->bits, n * sizeof(uint64_t));
		memset(f->bits + f->nwords, 0, (n - f->nwords) * sizeof(uint64_t));
		f->nwords = n;
	}
	if (on)
		f->bits[w] |= 1ull << (fd % 64);
	else
		f->bits[w] &= ~(1ull << (fd % 64));
}

static void fdtab_scan(struct fdtab *f)
{
	char dir[64];
	f->stale = false;
	f->gen = path_gen;
	if (f->nwords)
		memset(f->bits, 0, f->nwords * sizeof(uint64_t));
	snprintf(dir, sizeof(dir), "/proc/%d/fd", (int)f->tgid);
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *de; (de = readdir(d));) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		int fd = atoi(de->d_name);
		if ((unsigned)fd < FDTAB_MAX && fd_names_path(f->tgid, fd))
			fdtab_set(f, fd, true);
	}
	closedir(d);
}

static struct fdtab *fdtab_find(pid_t tgid)
{
	for (struct fdtab *f = fdtabs[(unsigned)tgid % FDTAB_BUCKETS]; f; f = f->next)
		if (f->tgid == tgid)
			return f;
	return NULL;
}

static bool fdtab_valid(const struct fdtab *f)
{
	return f && !f->stale && f->gen == path_gen;
}

static struct fdtab *fdtab_of(pid_t tgid)
{
	struct fdtab *f = fdtab_find(tgid);
	if (!f) {
		struct fdtab **head = &fdtabs[(unsigned)tgid % FDTAB_BUCKETS];
		f = xcalloc(1, sizeof(*f));
		f->tgid = tgid;
		f->stale = true;
		f->next = *head;
		*head = f;
	}
	if (!fdtab_valid(f))
		fdtab_scan(f);
	return f;
}

void filter_task_gone(struct task *t)
{
	if (!filter_track_fds || t->tid != t->tgid)
		return;
	struct fdtab **pp = &fdtabs[(unsigned)t->tgid % FDTAB_BUCKETS];
	for (; *pp; pp = &(*pp)->next) {
		if ((*pp)->tgid == t->tgid) {
			struct fdtab *f = *pp;
			*pp = f->next;
			free(f->bits);
			free(f);
			return;
		}
	}
}

static bool fd_on_path(struct task *t, int fd)
{
	if (fd < 0)
		return false;
	if ((unsigned)fd >= FDTAB_MAX)
		return fd_names_path(t->tid, fd);
	struct fdtab *f = fdtab_of(t->tgid);
	unsigned w = (unsigned)fd / 64;
	return w < f->nwords && (f->bits[w] >> (fd % 64)) & 1;
}

static bool fd_matches(struct task *t, int fd)
{
	if (fd < 0)
		return false;
	if (!fdset_empty(&trace_fds) && fdset_has(&trace_fds, fd))
		return true;
	return npaths && fd_on_path(t, fd);
}

#define POLL_MAX 4096		/* pollfd entries looked at */
#define SELECT_MAX 65536	/* descriptors of an fd_set looked at */

static bool poll_matches(struct task *t, unsigned long addr, unsigned long n)
{
	struct { int fd; short events, revents; } pfd[64];
	if (n > POLL_MAX)
		n = POLL_MAX;
	for (unsigned long i = 0; i < n;) {
		unsigned long k = n - i < 64 ? n - i : 64;
		if (umem_read(t->tid, addr + i * sizeof(pfd[0]), pfd, k * sizeof(pfd[0])) < 0)
			return false;
		for (unsigned long j = 0; j < k; j++)
			if (fd_matches(t, pfd[j].fd))
				return true;
		i += k;
	}
	return false;
}

static bool select_matches(struct task *t, const unsigned long *args)
{
	long nfds = (long)(int)args[0];
	if (nfds <= 0)
		return false;
	if (nfds > SELECT_MAX)
		nfds = SELECT_MAX;
	size_t bytes = ((size_t)nfds + 63) / 64 * 8;
	uint64_t *set = xmalloc(bytes);
	bool hit = false;
	for (int k = 1; k <= 3 && !hit; k++) {
		if (!args[k] || umem_read(t->tid, args[k], set, bytes) < 0)
			continue;
		for (long fd = 0; fd < nfds && !hit; fd++)
			if ((set[fd / 64] >> (fd % 64)) & 1)
				hit = fd_matches(t, (int)fd);
	}
	free(set);
	return hit;
}

bool filter_args_match(struct task *t)
{
	const struct call *c = &t->call;
	if (!c->se)
		return false;	/* unknown and 32-bit calls name nothing we know */
	const unsigned char *r = roles[c->nr];
	for (int i = 0; i < 6; i++) {
		switch (r[i]) {
		case R_NONE:
			break;
		case R_FD:
		case R_DIRFD:
			if (fd_matches(t, (int)c->args[i]))
				return true;
			break;
		case R_PATH: {
			char buf[PATH_MAX + 1];
			bool term;
			if (npaths && c->args[i] &&
			    umem_readstr(t->tid, c->args[i], buf, PATH_MAX, &term) >= 0 && term && path_listed(buf))
				return true;
			break;
		}
		case R_POLL:
			if (poll_matches(t, c->args[0], c->args[1]))
				return true;
			break;
		case R_SELECT:
			if (select_matches(t, c->args))
				return true;
			break;
		}
	}
	return false;
}

/* calls whose exit changes a process' fd table, by number */
static int nr_close = -1, nr_close_range = -1, nr_fcntl = -1, nr_recvmsg = -1, nr_recvmmsg = -1;
static int nr_execve = -1, nr_execveat = -1;
/* fds that a call returns and that may refer to a file by path */
static bool returns_file_fd[SYSCALL_MAX];
/* calls that change what names a file */
static bool renames[SYSCALL_MAX];

#define F_DUPFD_ 0
#define F_DUPFD_CLOEXEC_ 1030
#define CLOSE_RANGE_CLOEXEC_ 4
#define MSGHDR_CONTROLLEN_OFF 40	/* struct msghdr on x86_64 */

static void fdexit_init(void)
{
	static const char *const file_fd[] = {
		"open", "openat", "openat2", "creat", "open_by_handle_at", "open_tree",
		"dup", "dup2", "dup3", "pidfd_getfd", "fcntl",
	};
	for (size_t i = 0; i < ARRAY_SIZE(file_fd); i++) {
		int nr = systab_lookup(file_fd[i]);
		if (nr >= 0) {
			returns_file_fd[nr] = true;
			filter_sys[nr] |= QF_FDEXIT;
		}
	}
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (sysent[nr].name && sysent[nr].ret == RET_FD)
			filter_sys[nr] |= QF_FDEXIT;
	static const char *const renaming[] = {
		"unlink", "unlinkat", "rmdir", "rename", "renameat", "renameat2",
	};
	for (size_t i = 0; i < ARRAY_SIZE(renaming); i++) {
		int nr = systab_lookup(renaming[i]);
		if (nr >= 0) {
			renames[nr] = true;
			filter_sys[nr] |= QF_FDEXIT;
		}
	}
	int *const nrs[] = { &nr_close, &nr_close_range, &nr_fcntl, &nr_recvmsg, &nr_recvmmsg, &nr_execve, &nr_execveat };
	static const char *const names[] = { "close", "close_range", "fcntl", "recvmsg", "recvmmsg", "execve", "execveat" };
	for (size_t i = 0; i < ARRAY_SIZE(nrs); i++) {
		*nrs[i] = systab_lookup(names[i]);
		if (*nrs[i] >= 0)
			filter_sys[*nrs[i]] |= QF_FDEXIT;
	}
}

void filter_fd_exit(struct task *t)
{
	const struct call *c = &t->call;
	if (!c->se || !(filter_sys[c->nr] & QF_FDEXIT))
		return;
	int nr = (int)c->nr;
	if (renames[nr]) {
		if (!c->failed)
			path_gen++;
		return;
	}
	struct fdtab *f = fdtab_find(t->tgid);
	if (!fdtab_valid(f))
		return;	/* built from /proc when next needed: nothing to follow */
	if (nr == nr_close) {
		fdtab_set(f, (int)c->args[0], false);	/* the fd is gone even on EINTR */
		return;
	}
	if (c->failed)
		return;
	if (nr == nr_close_range) {
		if (c->args[2] & CLOSE_RANGE_CLOEXEC_)
			return;	/* closed at execve, which rescans */
		unsigned long lo = (unsigned)c->args[0], hi = (unsigned)c->args[1];
		for (unsigned long fd = lo; fd <= hi && fd < (unsigned long)f->nwords * 64; fd++)
			fdtab_set(f, (int)fd, false);
		return;
	}
	if (nr == nr_execve || nr == nr_execveat) {
		f->stale = true;
		return;
	}
	if (nr == nr_recvmsg) {
		unsigned long controllen = 0;
		/* descriptors may have come with the message (SCM_RIGHTS) */
		if (c->ret > 0 && umem_read(t->tid, c->args[1] + MSGHDR_CONTROLLEN_OFF, &controllen,
					    sizeof(controllen)) == 0 && controllen)
			f->stale = true;
		return;
	}
	if (nr == nr_recvmmsg) {
		if (c->ret > 0)
			f->stale = true;
		return;
	}
	if (nr == nr_fcntl && c->args[1] != F_DUPFD_ && c->args[1] != F_DUPFD_CLOEXEC_)
		return;
	if (c->ret < 0 || c->ret > INT_MAX)
		return;
	int fd = (int)c->ret;
	fdtab_set(f, fd, returns_file_fd[nr] && fd_names_path(t->tid, fd));
}

/* ---- init ---- */

void filter_init(void)
{
	struct sysset *s = xmalloc(sizeof(*s));
	/* defaults: trace, verbose and abbrev all; raw none */
	memset(filter_sys, QF_TRACE | QF_VERBOSE | QF_ABBREV, sizeof(filter_sys));
	filter_other = QF_TRACE | QF_VERBOSE | QF_ABBREV;
	if (opt.verbose) {
		sysset_fill(s, false);
		sysset_store(s, QF_ABBREV);
	}
	memset(sig_shown, 1, sizeof(sig_shown));
	/* -z and -Z come as status quals, in command-line order */
	for (int i = 0; i < opt.nquals; i++) {
		const struct qual *q = &opt.quals[i];
		unsigned char bit = 0;
		if (!strcmp(q->kind, "trace"))
			bit = QF_TRACE;
		else if (!strcmp(q->kind, "raw"))
			bit = QF_RAW;
		else if (!strcmp(q->kind, "verbose"))
			bit = QF_VERBOSE;
		else if (!strcmp(q->kind, "abbrev"))
			bit = QF_ABBREV;
		if (bit) {
			sysset_parse(q->set, s);
			sysset_store(s, bit);
		} else if (!strcmp(q->kind, "signal")) {
			signals_parse(q->set);
		} else if (!strcmp(q->kind, "status")) {
			status_parse(q->set);
		} else if (!strcmp(q->kind, "read")) {
			fdset_parse(q->set, &dump_read);
		} else if (!strcmp(q->kind, "write")) {
			fdset_parse(q->set, &dump_write);
		} else if (!strcmp(q->kind, "trace-fds")) {
			fdset_parse(q->set, &trace_fds);
		} else if (!strcmp(q->kind, "inject") || !strcmp(q->kind, "fault")) {
			/* src/inject.c */
		} else {
			die("invalid -e qualifier '%s'", q->kind);
		}
	}
	free(s);
	if (opt.trace_fds)
		fdset_parse(opt.trace_fds, &trace_fds);
	filter_dumps = !fdset_empty(&dump_read) || !fdset_empty(&dump_write);

	/* what has no name is traced whatever the set says (see the top) */
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (!sysent[nr].name)
			filter_sys[nr] |= QF_TRACE;
	filter_all_traced = true;
	for (int nr = 0; nr < SYSCALL_MAX && filter_all_traced; nr++)
		filter_all_traced = filter_sys[nr] & QF_TRACE;

	paths_init();
	filter_by_args = npaths || !fdset_empty(&trace_fds);
	filter_track_fds = npaths != 0;
	if (filter_by_args)
		roles_init();
	if (filter_track_fds)
		fdexit_init();

	/* -k: the unwinder drops its view of the mappings after these, traced
	 * or not (stack_maps_check() in src/tracer.c) */
	if (opt.stack) {
		static const char *const maps[] = {
			"mmap", "mprotect", "munmap", "brk", "mremap", "shmat", "shmdt",
			"remap_file_pages", "pkey_mprotect", "execve", "execveat",
		};
		for (size_t i = 0; i < ARRAY_SIZE(maps); i++) {
			int nr = systab_lookup(maps[i]);
			if (nr >= 0)
				filter_sys[nr] |= QF_EXIT;
		}
	}
	/* where a tracee must stop: traced calls; execve, where tracing of a
	 * started command begins; and the exits the tracer needs anyway */
	for (int nr = 0; nr < SYSCALL_MAX; nr++) {
		if (filter_sys[nr] & QF_FDEXIT)
			filter_sys[nr] |= QF_EXIT;
		if (filter_sys[nr] & (QF_TRACE | QF_EXIT))
			filter_sys[nr] |= QF_STOP;
	}
	filter_other |= QF_STOP;
	int ex = systab_lookup("execve"), exat = systab_lookup("execveat");
	if (ex >= 0)
		filter_sys[ex] |= QF_STOP;
	if (exat >= 0)
		filter_sys[exat] |= QF_STOP;

	filter_hold = filter_status != STATUS_ALL || opt.min_duration_ns;
}

/* ---- --list-classes ---- */

void classes_list(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(classes); i++) {
		if (!strcmp(classes[i].name, "network"))
			continue;	/* the same as %net */
		unsigned n = 0;
		for (unsigned k = 0; k < sysname_count; k++)
			n += (sysent[sysname_index[k].nr].classes & classes[i].bit) != 0;
		printf("%%%s%s (%u):", classes[i].name, classes[i].bit == CLASS_NET ? " %network" : "", n);
		for (unsigned k = 0; k < sysname_count; k++)
			if (sysent[sysname_index[k].nr].classes & classes[i].bit)
				printf(" %s", sysname_index[k].name);
		putchar('\n');
	}
}
