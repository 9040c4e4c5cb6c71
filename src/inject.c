/* SPDX-License-Identifier: MIT */
/* -e inject= and -e fault= (see inject.h). The syntax and the printed
 * results follow strace 6.1, checked against it (tests/core-inject.sh):
 * - a rule applies to the calls that are traced (strace tampers with no
 *   call its filters leave out, -e trace= or -P), and a later rule for a
 *   syscall replaces an earlier one;
 * - the invocations of each syscall are counted per thread from 1, a new
 *   thread starting afresh; when=FIRST[..LAST][+[STEP]] picks among them;
 * - error= and retval= replace the call by syscall -1 (or by the pure call
 *   syscall= names), so the kernel runs nothing, and put the value in rax
 *   at its exit; an error is printed as any error, a retval as a success;
 * - signal= is given to the thread as it is let go from the entry stop, so
 *   a blocking call is interrupted by it;
 * - a delay holds one thread in its stop: it is parked, the others run on,
 *   and a timer wakes the wait loop when the first delay is over. */
#include "inject.h"
#include "argtypes.h"
#include "filter.h"
#include "options.h"
#include "task.h"
#include "tracer.h"
#include "umem.h"
#include "util.h"
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <time.h>

#define ERRNO_MAX 4095
#define WHEN_MAX 65535u
#define POKE_MAX 1024	/* bytes per argument, as strace takes */
#define SIG_MAX 64	/* SIGRTMAX on x86_64 */

struct poke {
	unsigned char arg;	/* 1..7 */
	unsigned short len;
	unsigned char *data;
};

struct rule {
	bool has_error, has_retval;
	int error;
	unsigned long retval;
	int sig;
	long syscall;		/* what runs instead: -1, or a pure call */
	uint64_t delay_enter_ns, delay_exit_ns;
	bool delayed;		/* delay_enter= or delay_exit= given */
	struct poke *poke_enter, *poke_exit;
	unsigned npoke_enter, npoke_exit;
	unsigned first, last, step;
};

bool inject_on;
unsigned inject_parked;
static struct rule *rules;
static unsigned nrules;
/* per syscall number: 1 + the index of its rule, 0 for none */
static unsigned short rule_of[SYSCALL_MAX];

/* ---- parsing ---- */

static const char *spec_kind;	/* "inject" or "fault", for messages */

static void __attribute__((noreturn)) bad(const char *spec)
{
	die("invalid %s argument '%s'", spec_kind, spec);
}

static bool parse_ulong(const char *s, unsigned long *v)
{
	char *end;
	errno = 0;
	if (*s == '-' || !*s)
		return false;
	*v = strtoul(s, &end, 10);
	return !errno && !*end;
}

static int errno_number(const char *s)
{
	unsigned long n;
	if (parse_ulong(s, &n))
		return n >= 1 && n <= ERRNO_MAX ? (int)n : -1;
	for (int e = 1; e <= ERRNO_MAX; e++) {
		const char *name = errno_name(e);
		if (name && !strcasecmp(name, s))
			return e;
	}
	return -1;
}

/* FIRST[..LAST][+[STEP]] */
static bool parse_when(const char *s, struct rule *r)
{
	char *end;
	errno = 0;
	if (*s < '0' || *s > '9')
		return false;
	unsigned long first = strtoul(s, &end, 10), last = first, step = 1;
	if (errno || first < 1 || first > WHEN_MAX)
		return false;
	bool ranged = !strncmp(end, "..", 2);
	if (ranged) {
		s = end + 2;
		if (*s < '0' || *s > '9')
			return false;
		last = strtoul(s, &end, 10);
		if (errno || last < first || last >= WHEN_MAX)
			return false;
	}
	if (*end == '+') {
		s = end + 1;
		if (*s) {
			if (*s < '0' || *s > '9')
				return false;
			step = strtoul(s, &end, 10);
			if (errno || *end || step < 1 || step > WHEN_MAX)
				return false;
		}
		if (!ranged)
			last = UINT32_MAX;	/* FIRST+[STEP]: no end */
	} else if (*end) {
		return false;
	}
	r->first = (unsigned)first;
	r->last = (unsigned)last;
	r->step = (unsigned)step;
	return true;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* @argN=HEX,@argM=HEX... (N 1..7, each at most once, 1..1024 bytes) */
static bool parse_pokes(const char *s, struct poke **out, unsigned *n)
{
	char *copy = xstrdup(s), *save = NULL;
	bool ok = *s != 0, seen[8] = { 0 };
	for (char *tok = strtok_r(copy, ",", &save); ok && tok; tok = strtok_r(NULL, ",", &save)) {
		if (strncmp(tok, "@arg", 4) || tok[4] < '1' || tok[4] > '7' || tok[5] != '=') {
			ok = false;
			break;
		}
		unsigned arg = (unsigned)(tok[4] - '0');
		const char *hex = tok + 6;
		size_t len = strlen(hex);
		if (seen[arg] || !len || len % 2 || len / 2 > POKE_MAX) {
			ok = false;
			break;
		}
		seen[arg] = true;
		struct poke p = { (unsigned char)arg, (unsigned short)(len / 2), xmalloc(len / 2) };
		for (size_t i = 0; i < len / 2 && ok; i++) {
			int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
			ok = hi >= 0 && lo >= 0;
			if (ok)
				p.data[i] = (unsigned char)(hi << 4 | lo);
		}
		*out = xrealloc(*out, sizeof(**out) * (*n + 1));
		(*out)[(*n)++] = p;
	}
	free(copy);
	return ok;
}

/* one option of a rule: KEY=VALUE; false when it is not valid */
static bool parse_option(struct rule *r, const char *key, size_t klen, const char *val, bool fault)
{
#define IS(k) (klen == sizeof(k) - 1 && !strncmp(key, k, klen))
	if (IS("when"))
		return parse_when(val, r);
	if (IS("error")) {
		if (r->has_error || r->has_retval)
			return false;
		r->error = errno_number(val);
		return r->has_error = r->error > 0;
	}
	if (IS("syscall")) {
		int nr = systab_lookup(val);
		if (r->syscall >= 0 || nr < 0 || !(sysent[nr].classes & CLASS_PURE))
			return false;
		r->syscall = nr;
		return true;
	}
	if (fault)	/* -e fault= takes error=, when= and syscall= only */
		return false;
	if (IS("retval")) {
		if (r->has_error || r->has_retval)
			return false;
		char *end;
		errno = 0;
		long long v = strtoll(val, &end, 0);
		if (errno || end == val || *end)
			return false;
		r->retval = (unsigned long)v;
		if ((long)r->retval < 0 && (long)r->retval >= -ERRNO_MAX)
			warnx("Inadvertent injection of error %ld is possible for retval=%lu",
			      -(long)r->retval, r->retval);
		return r->has_retval = true;
	}
	if (IS("signal")) {
		if (r->sig)
			return false;
		r->sig = filter_signal_number(val);
		return r->sig >= 1 && r->sig <= SIG_MAX;
	}
	/* microseconds unless a unit says otherwise; a delay of 0 is a
	 * delay still: the call says "(DELAYED)" */
	if (IS("delay_enter"))
		return parse_time(val, 1e3, &r->delay_enter_ns) && (r->delayed = true);
	if (IS("delay_exit"))
		return parse_time(val, 1e3, &r->delay_exit_ns) && (r->delayed = true);
	if (IS("poke_enter"))
		return !r->npoke_enter && parse_pokes(val, &r->poke_enter, &r->npoke_enter);
	if (IS("poke_exit"))
		return !r->npoke_exit && parse_pokes(val, &r->poke_exit, &r->npoke_exit);
	return false;
#undef IS
}

static void parse_rule(const char *spec, bool fault)
{
	/* static, all of them: a bad rule exits through die(), and the
	 * sanitizer build's leak check must find them still reachable */
	static bool sel[SYSCALL_MAX];
	static char *set, *opts;
	static struct rule r;
	spec_kind = fault ? "fault" : "inject";
	const char *colon = strchr(spec, ':');
	free(set);
	set = xstrdup(spec);
	if (colon)
		set[colon - spec] = 0;
	filter_select(set, sel);
	r = (struct rule){ .syscall = -1, .first = 1, .last = UINT32_MAX, .step = 1 };
	free(opts);
	opts = xstrdup(colon ? colon + 1 : "");
	char *save = NULL;
	for (char *o = strtok_r(opts, ":", &save); o; o = strtok_r(NULL, ":", &save)) {
		const char *eq = strchr(o, '=');
		if (!eq || !parse_option(&r, o, (size_t)(eq - o), eq + 1, fault))
			bad(spec);
	}
	if (fault && !r.has_error) {
		r.has_error = true;
		r.error = ENOSYS;
	}
	bool acts = r.has_error || r.has_retval || r.sig || r.delayed || r.npoke_enter || r.npoke_exit;
	if (!acts || (r.syscall >= 0 && !r.has_error && !r.has_retval))
		bad(spec);
	rules = xrealloc(rules, sizeof(*rules) * (nrules + 1));
	rules[nrules++] = r;
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (sel[nr])
			rule_of[nr] = (unsigned short)nrules;
}

void inject_init(void)
{
	for (int i = 0; i < opt.nquals; i++) {
		const struct qual *q = &opt.quals[i];
		if (!strcmp(q->kind, "inject") || !strcmp(q->kind, "fault"))
			parse_rule(q->set, q->kind[0] == 'f');
	}
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (rule_of[nr]) {
			filter_sys[nr] |= QF_INJECT;
			inject_on = true;
		}
}

/* ---- at the stops ---- */

static int poke_reg(struct task *t, size_t off, unsigned long v)
{
	if (ptrace(PTRACE_POKEUSER, t->tid, off, v) == 0 || errno == ESRCH)
		return 0;
	warn_errno("inject: cannot change the registers of %d", (int)t->tid);
	return -1;
}

static void pokes(struct task *t, const struct poke *p, unsigned n)
{
	const struct call *c = &t->call;
	unsigned nargs = c->se ? c->se->nargs : 6;
	for (unsigned i = 0; i < n; i++) {
		if (p[i].arg > nargs) {
			warnx("Failed to tamper with process %d: requested to tamper with argument #%u, "
			      "but system call '%s' has only %u arguments",
			      (int)t->tid, p[i].arg, c->se ? c->se->name : "?", nargs);
			continue;
		}
		if (umem_write(t->tid, c->args[p[i].arg - 1], p[i].data, p[i].len) < 0)
			warnx("Failed to tamper with process %d: couldn't poke", (int)t->tid);
	}
}

static const struct rule *rule_for(const struct task *t)
{
	long nr = t->call.nr;
	return nr >= 0 && nr < SYSCALL_MAX && rule_of[nr] ? &rules[rule_of[nr] - 1] : NULL;
}

void inject_enter(struct task *t)
{
	struct call *c = &t->call;
	const struct rule *r = rule_for(t);
	if (!r)
		return;
	if (!t->inject_count)
		t->inject_count = xcalloc(SYSCALL_MAX, sizeof(*t->inject_count));
	unsigned n = ++t->inject_count[c->nr];
	if (n < r->first || n > r->last || (n - r->first) % r->step)
		return;
	t->flags |= T_TAMPERED;
	t->tamper = 0;
	if (r->npoke_enter) {
		pokes(t, r->poke_enter, r->npoke_enter);
		t->tamper |= TAMPER_ARGS;
	}
	if (r->has_error || r->has_retval)
		poke_reg(t, offsetof(struct user, regs.orig_rax), (unsigned long)r->syscall);
	if (r->npoke_exit)
		t->tamper |= TAMPER_ARGS;
	if (r->has_error || r->has_retval)
		t->tamper |= TAMPER_RETVAL;
	if (r->delayed)
		t->tamper |= TAMPER_DELAY;
}

void inject_exit(struct task *t)
{
	struct call *c = &t->call;
	const struct rule *r = rule_for(t);
	if (!r)
		return;
	if (r->npoke_exit)
		pokes(t, r->poke_exit, r->npoke_exit);
	if (!r->has_error && !r->has_retval)
		return;
	unsigned long v = r->has_error ? (unsigned long)-(long)r->error : r->retval;
	poke_reg(t, offsetof(struct user, regs.rax), v);
	c->ret = (long)v;
	/* a retval is a success, whatever its value */
	c->failed = r->has_error;
}

/* ---- delays ---- */

struct parked {
	pid_t tid;
	int sig;
	uint64_t due;
};
static struct parked *parked;
static unsigned parked_cap;
static timer_t wake_timer;
static bool timer_made;

static uint64_t mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void on_wake(int sig)
{
	(void)sig;
}

/* Wakes the wait loop at due and every millisecond after, until disarmed:
 * a wake-up that lands between inject_run_due() and the wait would be
 * lost, and the next tick comes soon after. */
static void wake_at(uint64_t due)
{
	if (!timer_made) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_wake;	/* no SA_RESTART: the wait must return */
		sigaction(SIGRTMIN + 3, &sa, NULL);
		struct sigevent sev;
		memset(&sev, 0, sizeof(sev));
		sev.sigev_notify = SIGEV_SIGNAL;
		sev.sigev_signo = SIGRTMIN + 3;
		if (timer_create(CLOCK_MONOTONIC, &sev, &wake_timer) < 0)
			die_errno("inject: timer_create");
		timer_made = true;
	}
	struct itimerspec its = { { 0, 1000000 }, { (time_t)(due / 1000000000u), (long)(due % 1000000000u) } };
	if (!due)
		memset(&its, 0, sizeof(its));
	timer_settime(wake_timer, due ? TIMER_ABSTIME : 0, &its, NULL);
}

void inject_resume(struct task *t, bool at_entry)
{
	const struct rule *r = rule_for(t);
	int sig = at_entry && r ? r->sig : 0;
	uint64_t delay = r ? (at_entry ? r->delay_enter_ns : r->delay_exit_ns) : 0;
	if (!at_entry)
		t->flags &= ~T_TAMPERED;
	if (!delay) {
		tracer_resume(t, sig);
		return;
	}
	if (inject_parked == parked_cap) {
		parked_cap = parked_cap ? 2 * parked_cap : 8;
		parked = xrealloc(parked, sizeof(*parked) * parked_cap);
	}
	parked[inject_parked++] = (struct parked){ t->tid, sig, mono_now() + delay };
	inject_run_due();
}

/* let go: parked[i] is replaced by the last one */
static void unpark(unsigned i)
{
	struct parked p = parked[i];
	parked[i] = parked[--inject_parked];
	/* a thread killed while parked is gone from the table */
	struct task *t = task_find(p.tid);
	if (t)
		tracer_resume(t, p.sig);
}

void inject_run_due(void)
{
	uint64_t now = mono_now(), next = UINT64_MAX;
	for (unsigned i = 0; i < inject_parked;) {
		if (parked[i].due <= now) {
			unpark(i);
			continue;
		}
		if (parked[i].due < next)
			next = parked[i].due;
		i++;
	}
	wake_at(inject_parked ? next : 0);
}

void inject_release_all(void)
{
	while (inject_parked)
		unpark(0);
	if (timer_made)
		wake_at(0);
}
