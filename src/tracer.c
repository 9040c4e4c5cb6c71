/* SPDX-License-Identifier: MIT */
/* The ptrace core. Every tracee runs PTRACE_SEIZEd, so group-stops are
 * PTRACE_EVENT_STOP (kill -STOP/-CONT work through PTRACE_LISTEN) and
 * PTRACE_INTERRUPT can stop a running task to detach it. */
#include "tracer.h"
#include "argtypes.h"
#include "decode.h"
#include "structs/structs.h"
#include "filter.h"
#include "iodump.h"
#include "inject.h"
#include "options.h"
#include "output.h"
#include "regs.h"
#include "seccomp.h"
#include "stats.h"
#include "task.h"
#include "timeline.h"
#include "umem.h"
#include "emit_json.h"
#include "unwind.h"
#include "util.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NR_EXECVE 59
#define NR_EXECVEAT 322
#define NR_CLONE 56
#define NR_CLONE3 435
#define CLONE_THREAD_ 0x00010000UL

static pid_t leader;		/* the started command */
static int leader_status = -1;
static volatile sig_atomic_t interrupted;
static bool detach_requested;
static bool passthrough;	/* seccomp: detach requested, showing nothing (tracer_loop) */
static bool kill_all;		/* seccomp: the second request kills the tracees */
static int fatal_sig;		/* the signal that ended tracing: tattle dies of it too */
static bool need_time;
/* -c with nothing that needs a call's arguments at its entry: see lazy_stop */
static bool lazy_entry;
static unsigned long traced_calls;

static uint64_t now_ns(clockid_t clk)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void on_fatal_signal(int sig)
{
	interrupted = sig;
}

static void msg_stderr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void msg_stderr(const char *fmt, ...)
{
	va_list ap;
	if (!opt.outfile)	/* same stream as the trace: keep the order */
		output_flush_all();
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- resuming ---- */

void tracer_resume(struct task *t, int sig)
{
	output_before_resume();
	int req = PTRACE_SYSCALL;
	/* under seccomp only the exit stop of a traced call needs PTRACE_SYSCALL */
	if (seccomp_on && !(t->flags & T_SECCOMP_EXIT))
		req = PTRACE_CONT;
	if (ptrace(req, t->tid, 0, sig) < 0 && errno != ESRCH)
		warn_errno("ptrace(%s, %d)", req == PTRACE_CONT ? "PTRACE_CONT" : "PTRACE_SYSCALL", (int)t->tid);
}

/* ---- starting ---- */

static char *find_in_path(const char *cmd)
{
	struct stat st;
	if (strchr(cmd, '/')) {
		if (stat(cmd, &st) < 0)
			die_errno("Can't stat '%s'", cmd);
		return xstrdup(cmd);
	}
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	size_t clen = strlen(cmd);
	for (const char *p = path;; p++) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		char *full = xmalloc(dlen + clen + 3);
		if (dlen)
			memcpy(full, p, dlen);
		else
			full[dlen++ - 0] = '.';
		full[dlen] = '/';
		memcpy(full + dlen + 1, cmd, clen + 1);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111))
			return full;
		free(full);
		if (!colon)
			break;
		p = colon;
	}
	errno = ENOENT;
	die_errno("Can't stat '%s'", cmd);
}

static void apply_env(void)
{
	for (int i = 0; i < opt.nenv; i++) {
		char *eq = strchr(opt.env[i], '=');
		if (eq) {
			*eq = 0;
			setenv(opt.env[i], eq + 1, 1);
			*eq = '=';
		} else {
			unsetenv(opt.env[i]);
		}
	}
}

static struct passwd *user_pw;

static void become_user(void)
{
	if (!user_pw)
		return;
	if (initgroups(user_pw->pw_name, user_pw->pw_gid) < 0 || setgid(user_pw->pw_gid) < 0 ||
	    setuid(user_pw->pw_uid) < 0) {
		fprintf(stderr, "%s: cannot become user '%s': %s\n", progname, opt.user, strerror(errno));
		_exit(1);
	}
}

static void seize_started(pid_t pid);

/* the started command, once seized: tattle's signal dispositions undone,
 * -E, the seccomp filter, -u, then exec */
static void __attribute__((noreturn)) exec_command(const char *path)
{
	const char *what = "seccomp filter";
	output_restore_signals();
	apply_env();
	/* before -u: as root the filter needs no no_new_privs, which would
	 * cost set-uid programs their privileges */
	if (!seccomp_on || seccomp_install() == 0) {
		become_user();
		execv(path, opt.argv);
		what = "exec";
	}
	fprintf(stderr, "%s: %s: %s\n", progname, what, strerror(errno));
	_exit(1);
}

/* fork, with a pipe through which the tracer lets the tracee go once it
 * is seized: nothing of the command may run untraced */
static pid_t fork_gated(int go[2])
{
	if (pipe2(go, O_CLOEXEC) < 0)
		die_errno("pipe");
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		die_errno("fork");
	return pid;
}

/* -D: the command keeps tattle's pid and parent; the tracer runs as a
 * grandchild (reparented to init) that seizes it before it execs. */
static void spawn_daemonized(const char *path)
{
	pid_t tracee = getpid();
	int go[2];
	pid_t c = fork_gated(go);
	if (c == 0) {
		pid_t g = fork();
		if (g != 0)
			_exit(g < 0);
		close(go[0]);
		seize_started(tracee);
		if (write(go[1], "g", 1) != 1)
			_exit(1);
		close(go[1]);
		return;	/* on to the tracer loop */
	}
	close(go[1]);
	int st;
	waitpid(c, &st, 0);
	char ch;
	if (read(go[0], &ch, 1) != 1)
		die("-D: the tracer did not start");
	close(go[0]);
	exec_command(path);
}

static void spawn(void)
{
	char *path = find_in_path(opt.argv[0]);
	int go[2];
	if (opt.user) {
		user_pw = getpwnam(opt.user);
		if (!user_pw)
			die("Cannot find user '%s'", opt.user);
	}
	if (opt.daemonize) {
		spawn_daemonized(path);
		free(path);
		return;
	}
	pid_t pid = fork_gated(go);
	if (pid == 0) {
		char c;
		close(go[1]);
		/* wait until the parent has seized us: nothing may run untraced */
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		exec_command(path);
	}
	close(go[0]);
	seize_started(pid);
	if (write(go[1], "g", 1) != 1)
		die_errno("write");
	close(go[1]);
	free(path);
}

static void seize_started(pid_t pid)
{
	/* no PTRACE_O_TRACEEXIT: nothing is done at that stop, and it cost a
	 * stop and a resume per task that exits (3% of a fork+wait loop) */
	long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
	if (opt.follow)
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	if (seccomp_on)
		o |= PTRACE_O_TRACESECCOMP;
	/* under seccomp a tracee left without its tracer would get ENOSYS
	 * for every traced call: it must not outlive tattle */
	if (opt.kill_on_exit || seccomp_on)
		o |= PTRACE_O_EXITKILL;
	if (ptrace(PTRACE_SEIZE, pid, 0, o) < 0) {
		int err = errno;
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		errno = err;
		die_errno("ptrace(PTRACE_SEIZE, %d)", (int)pid);
	}
	ptrace(PTRACE_INTERRUPT, pid, 0, 0);
	struct task *t = task_new(pid, pid);
	t->flags |= T_HIDDEN;
	leader = pid;
}

static int count_threads(pid_t pid, pid_t *tids, int max)
{
	char dir[64];
	snprintf(dir, sizeof(dir), "/proc/%d/task", (int)pid);
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	for (struct dirent *de; (de = readdir(d));) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if (n < max)
			tids[n] = (pid_t)atoi(de->d_name);
		n++;
	}
	closedir(d);
	return n;
}

/* the call a thread is blocked in, so that the restart_syscall we will
 * see after the attach can say what it resumes */
static long current_syscall(pid_t tid)
{
	char path[64], buf[64];
	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0 || buf[0] < '0' || buf[0] > '9')
		return -1;
	buf[n] = 0;
	return strtol(buf, NULL, 10);
}

static void attach_all(void)
{
	long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
	if (opt.follow)
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	if (opt.kill_on_exit)
		o |= PTRACE_O_EXITKILL;
	/* all pids must exist before any is touched */
	for (int i = 0; i < opt.nattach; i++) {
		char p[64];
		snprintf(p, sizeof(p), "/proc/%d", (int)opt.attach[i]);
		if (access(p, F_OK) < 0) {
			errno = ESRCH;
			die_errno("attach: ptrace(PTRACE_SEIZE, %d)", (int)opt.attach[i]);
		}
		if (opt.attach[i] == getpid())
			die("I'm sorry, I can't let you do that, Dave.");
	}
	for (int i = 0; i < opt.nattach; i++) {
		pid_t pid = opt.attach[i];
		pid_t tids[4096];
		int n = 1;
		tids[0] = pid;
		if (opt.follow) {
			n = count_threads(pid, tids, (int)ARRAY_SIZE(tids));
			if (n > (int)ARRAY_SIZE(tids))
				n = (int)ARRAY_SIZE(tids);
			if (n == 0) {
				tids[0] = pid;
				n = 1;
			}
		}
		int ok = 0;
		for (int k = 0; k < n; k++) {
			if (task_find(tids[k]))
				continue;
			if (ptrace(PTRACE_SEIZE, tids[k], 0, o) < 0) {
				if (k == 0 || tids[k] == pid) {
					int err = errno;
					tracer_detach_all();
					errno = err;
					die_errno("attach: ptrace(PTRACE_SEIZE, %d)", (int)tids[k]);
				}
				continue;
			}
			ptrace(PTRACE_INTERRUPT, tids[k], 0, 0);
			struct task *t = task_new(tids[k], pid);
			t->flags |= T_ATTACHED;
			t->last_nr = current_syscall(tids[k]);
			ok++;
		}
		if (!(opt.quiet & QUIET_ATTACH)) {
			if (opt.follow && ok > 1)
				msg_stderr("Process %d attached with %d threads", (int)pid, ok);
			else
				msg_stderr("Process %d attached", (int)pid);
		}
	}
}

void tracer_start(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	/* not SA_RESTART: waitpid must return so the loop can detach */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	need_time = opt.tflag || opt.rflag || opt.Tflag || opt.summary || opt.min_duration_ns ||
		    opt.json || opt.folded_by_time || opt.timeline;
	/* the timeline names each call at its entry, even under -c */
	lazy_entry = opt.summary == SUMMARY_ONLY && !filter_by_args && !filter_track_fds && !opt.stack &&
		     !seccomp_on && !opt.timeline && !inject_on;
	die_hook = tracer_detach_all;
	/* attach first: a pid that cannot be traced ends tattle before the
	 * command is started, never with the command running untraced */
	if (opt.nattach)
		attach_all();
	if (opt.argv)
		spawn();
}

/* ---- detaching ---- */

/* false when it was killed instead (--kill-on-exit) */
static bool detach_one(struct task *t)
{
	int status, sig = 0;
	if ((opt.kill_on_exit || kill_all) && !(t->flags & T_ATTACHED)) {
		kill(t->tid, SIGKILL);
		return false;
	}
	if (ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) < 0)
		return true;
	for (;;) {
		pid_t r = waitpid(t->tid, &status, __WALL);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return true;
		}
		if (!WIFSTOPPED(status))
			return true;	/* it exited meanwhile */
		int s = WSTOPSIG(status), ev = status >> 16;
		if (ev == PTRACE_EVENT_STOP || s == (SIGTRAP | 0x80) || ev)
			sig = 0;
		else
			sig = s;	/* a signal on its way in: deliver it */
		break;
	}
	ptrace(PTRACE_DETACH, t->tid, 0, sig);
	return true;
}

/* t is let go inside a traced call: its line ends " <detached ...>", or
 * is dropped when -e status= leaves detached calls out */
static void end_call_detached(struct task *t)
{
	if (!(t->flags & T_INSYSCALL) || !(t->flags & T_TRACED_CALL) || (t->flags & T_HIDDEN))
		return;
	if (opt.summary == SUMMARY_ONLY) {
		/* no line, but the timeline shows what the status filter lets through */
		if (opt.timeline && (!filter_hold || filter_detached_ok()))
			timeline_call(t, TL_DETACHED);
		return;
	}
	if ((t->flags & T_LINE_HELD) && !filter_detached_ok()) {
		line_discard(t);
		return;
	}
	decode_detached(t);
	if (unlikely(opt.timeline))
		timeline_call(t, TL_DETACHED);
}

void tracer_detach_all(void)
{
	die_hook = NULL;
	/* a parked thread is in a stop already reported: PTRACE_INTERRUPT
	 * would wait for a stop that never comes */
	if (inject_parked)
		inject_release_all();
	/* oldest first, as strace lists them (task_list is newest first) */
	struct task *t = task_list;
	while (t && t->next)
		t = t->next;
	while (t) {
		struct task *newer = t->prev;
		/* strace's order: the message, then the cut line's " <detached ...>" */
		if (detach_one(t) && !(opt.quiet & QUIET_ATTACH))
			msg_stderr("Process %d detached", (int)t->tid);
		end_call_detached(t);
		task_free(t);
		t = newer;
	}
}

void tracer_request_detach(void)
{
	detach_requested = true;
}

/* ---- events ---- */

/* the current call of t will never return: "= ?", or nothing when its
 * line is held and -e status= leaves unfinished calls out. Called with -c
 * only for the timeline. */
static void unfinished_line(struct task *t)
{
	uint64_t elapsed = need_time ? now_ns(CLOCK_MONOTONIC) - t->call.mono_entry : 0;
	if (opt.summary == SUMMARY_ONLY) {
		if (!filter_hold || filter_unfinished_ok(elapsed))
			timeline_call(t, TL_NORETURN);
		return;
	}
	if ((t->flags & T_LINE_HELD) && !filter_unfinished_ok(elapsed)) {
		line_discard(t);
		return;
	}
	decode_noreturn(t);
	if (unlikely(opt.timeline))
		timeline_call(t, TL_NORETURN);
}

static void print_exit(struct task *t, int status)
{
	if (t->flags & T_HIDDEN)
		return;
	if ((t->flags & T_INSYSCALL) && (t->flags & T_TRACED_CALL) && (opt.summary != SUMMARY_ONLY || opt.timeline))
		unfinished_line(t);
	bool text = !(opt.quiet & QUIET_EXIT) && opt.summary != SUMMARY_ONLY;
	if (text && opt.json_trace) {
		json_exit(t, status);
		text = false;
	}
	if (!text && !opt.timeline)
		return;
	struct sbuf b = { 0 };
	sbuf_puts(&b, "+++ ");
	if (WIFEXITED(status)) {
		sbuf_puts(&b, "exited with ");
		sbuf_dec(&b, WEXITSTATUS(status));
	} else {
		sbuf_puts(&b, "killed by ");
		signame_format(&b, WTERMSIG(status), true);
		if (WCOREDUMP(status))
			sbuf_puts(&b, " (core dumped)");
	}
	sbuf_puts(&b, " +++");
	/* the timeline's event is named without the "+++ " marks */
	if (opt.timeline)
		timeline_exit(t, status, b.p + 4, b.len - 8);
	if (text)
		line_message(t, b.p, b.len);
	sbuf_free(&b);
}

static void task_gone(struct task *t, int status)
{
	t->flags |= T_GONE;
	print_exit(t, status);
	filter_task_gone(t);
	if (t->tid == leader)
		leader_status = status;
	if (opt.stack)
		unwind_task_free(t);
	stats_task_gone(t);
	task_free(t);
}

/* the times a call's duration is measured from */
static void stamp_entry(struct call *c)
{
	if (need_time) {
		c->t_entry = now_ns(opt.clock);
		c->mono_entry = opt.clock == CLOCK_MONOTONIC ? c->t_entry : now_ns(CLOCK_MONOTONIC);
	}
	if (opt.summary)
		stats_enter(c);
	c->t_exit = 0;
}

static void syscall_enter(struct task *t)
{
	struct call *c = &t->call;
	t->flags |= T_INSYSCALL;
	c->se = regs_last_compat ? NULL : systab_get(c->nr);
	bool first_exec = false;
	if (unlikely(t->flags & T_HIDDEN)) {
		if ((c->nr != NR_EXECVE && c->nr != NR_EXECVEAT) || passthrough)
			return;
		t->flags &= ~T_HIDDEN;
		first_exec = true;
	}
	if (!filter_traced_nr(c->nr, regs_last_compat) || (unlikely(filter_by_args) && !filter_args_match(t))) {
		t->flags &= ~T_TRACED_CALL;
		/* -P (fd tables) and -k (mappings) need exits of calls not shown */
		if (seccomp_on && (filter_bits(c->nr, regs_last_compat) & QF_EXIT))
			t->flags |= T_SECCOMP_EXIT;
		return;
	}
	t->flags |= T_TRACED_CALL;
	if (seccomp_on)
		t->flags |= T_SECCOMP_EXIT;
	/* before decoding: an argument's memory may be poked */
	if (unlikely(filter_bits(c->nr, regs_last_compat) & QF_INJECT))
		inject_enter(t);
	stamp_entry(c);
	if (opt.summary != SUMMARY_ONLY) {
		decode_entry(t, filter_hold);
		/* the started command's own execve has no stack of its own yet */
		if (opt.stack && !first_exec)
			unwind_capture(t);
	}
}

/* -k: after a call that may have changed the tracee's mappings */
static void stack_maps_check(struct task *t)
{
	switch (t->call.nr) {
	case 9: case 10: case 11: case 12: case 25: case 30: case 67: case 216: case 329:
	case NR_EXECVE: case NR_EXECVEAT:
		unwind_invalidate(t);
	}
}

static void syscall_exit(struct task *t)
{
	struct call *c = &t->call;
	unsigned f = t->flags;
	t->flags &= ~(T_INSYSCALL | T_SECCOMP_EXIT);
	if (unlikely(f & T_TAMPERED) && (f & T_INSYSCALL))
		inject_exit(t);
	if (unlikely(filter_track_fds) && (f & T_INSYSCALL) && !(f & T_HIDDEN))
		filter_fd_exit(t);
	if (!(f & T_INSYSCALL) || !(f & T_TRACED_CALL) || (f & T_HIDDEN)) {
		if (c->failed && c->ret == -516)
			t->last_nr = c->nr;
		if (opt.stack && (f & T_INSYSCALL))
			stack_maps_check(t);	/* untraced calls map libraries too */
		return;
	}
	t->flags &= ~T_TRACED_CALL;
	uint64_t dur = 0;
	if (need_time) {
		uint64_t mono = now_ns(CLOCK_MONOTONIC);
		dur = mono - c->mono_entry;
		c->t_exit = c->t_entry + dur;
	}
	if (c->failed && c->ret == -516)	/* ERESTART_RESTARTBLOCK */
		t->last_nr = c->nr;
	if (opt.summary)
		stats_add(t, c, dur);
	bool shown = true;
	if (opt.summary != SUMMARY_ONLY) {
		if ((f & T_LINE_HELD) && !filter_exit_ok(c, dur)) {
			line_discard(t);
			shown = false;
		} else {
			decode_exit(t);
			if (opt.stack)
				unwind_print(t);
			if (unlikely(filter_dumps))
				iodump_exit(t);
		}
	}
	/* with -c there is no line, but the timeline follows the status filter */
	if (unlikely(opt.timeline) && shown && (opt.summary != SUMMARY_ONLY || !filter_hold || filter_exit_ok(c, dur)))
		timeline_call(t, TL_RETURNED);
	if (opt.stack)
		stack_maps_check(t);
	if (opt.syscall_limit && shown && ++traced_calls >= (unsigned long)opt.syscall_limit)
		detach_requested = true;
}

/* -c alone (lazy_entry): an entry stop is resumed without reading the
 * registers; the exit stop's read tells the number too. */
static void lazy_stop(struct task *t)
{
	struct call *c = &t->call;
	if (t->flags & T_LAZY_ENTRY) {
		t->flags &= ~T_LAZY_ENTRY;
		enum stop_kind k = regs_fetch_exit_call(t);
		if (k == STOP_GONE)
			return;
		if (k == STOP_EXIT) {
			c->se = regs_last_compat ? NULL : systab_get(c->nr);
			if (filter_traced_nr(c->nr, regs_last_compat))
				t->flags |= T_TRACED_CALL;
		}
		syscall_exit(t);
	} else {
		t->flags |= T_INSYSCALL | T_LAZY_ENTRY;
		stamp_entry(c);
	}
	tracer_resume(t, 0);
}

static void on_syscall_stop(struct task *t, bool seccomp_stop)
{
	/* the first stop of a task is read: it may be an exit (attach) */
	if (lazy_entry && (t->flags & (T_STARTED | T_HIDDEN)) == T_STARTED && !seccomp_stop &&
	    (t->flags & (T_INSYSCALL | T_LAZY_ENTRY)) != T_INSYSCALL) {
		lazy_stop(t);
		return;
	}
	enum stop_kind k = regs_fetch(t, seccomp_stop);
	t->flags |= T_STARTED;
	switch (k) {
	case STOP_ENTRY:
	case STOP_SECCOMP:
		if ((t->flags & T_INSYSCALL) && !seccomp_stop) {
			/* an entry while we thought it was inside a call: the exit
			 * was lost (attach) - start afresh */
			t->flags &= ~(T_INSYSCALL | T_TRACED_CALL | T_TAMPERED);
		}
		syscall_enter(t);
		break;
	case STOP_EXIT:
		syscall_exit(t);
		break;
	case STOP_GONE:
		return;
	case STOP_NONE:
		break;
	}
	if (unlikely(t->flags & T_TAMPERED)) {
		inject_resume(t, k != STOP_EXIT);
		return;
	}
	tracer_resume(t, 0);
}

static pid_t read_tgid(pid_t tid)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return tid;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return tid;
	buf[n] = 0;
	char *p = strstr(buf, "\nTgid:");
	return p ? (pid_t)atoi(p + 6) : tid;
}

static bool clone_is_thread(struct task *parent)
{
	struct user_regs_struct r;
	if (regs_get_all(parent->tid, &r) < 0)
		return false;
	if (r.orig_rax == NR_CLONE)
		return r.rdi & CLONE_THREAD_;
	if (r.orig_rax == NR_CLONE3) {
		unsigned long flags;
		if (umem_read(parent->tid, r.rdi, &flags, sizeof(flags)) == 0)
			return flags & CLONE_THREAD_;
	}
	return false;
}

static void on_new_child(struct task *t, int event)
{
	unsigned long msg = 0;
	ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg);
	pid_t child = (pid_t)msg;
	pid_t tgid = child;
	if (event == PTRACE_EVENT_CLONE && clone_is_thread(t))
		tgid = t->tgid;
	struct task *n = task_find(child);
	if (!n) {
		n = task_new(child, tgid);
	} else {
		n->tgid = tgid;
	}
	/* strace says so on stderr for every new task under -f */
	if (!(opt.quiet & QUIET_ATTACH))
		msg_stderr("Process %d attached", (int)child);
	n->flags |= (t->flags & T_ATTACHED);
}

static void on_exec(struct task *t)
{
	unsigned long old = 0;
	ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &old);
	if ((pid_t)old != t->tid) {
		/* a non-leader thread called execve: the kernel gave it the
		 * leader's tid; its state (inside execve) lives on under it */
		struct task *execer = task_find((pid_t)old);
		if (execer) {
			bool show = opt.summary != SUMMARY_ONLY;
			if ((show || opt.timeline) && (t->flags & T_INSYSCALL) && (t->flags & T_TRACED_CALL) && !(t->flags & T_HIDDEN))
				unfinished_line(t);
			pid_t tid = t->tid;
			if (t->out && t->out->open == t)
				t->out->open = NULL;
			if (opt.stack)
				unwind_task_free(t);
			stats_task_gone(t);
			task_free(t);
			task_retid(execer, tid);
			t = execer;
			if (show && !(opt.quiet & QUIET_THREAD_EXECVE) && !(t->flags & T_HIDDEN)) {
				char tmp[96];
				int n = snprintf(tmp, sizeof(tmp), "+++ superseded by execve in pid %lu +++", old);
				line_message(t, tmp, (size_t)n);
			}
		}
	}
	umem_forget(t->tid);	/* a new address space */
	t->flags &= ~T_TL_NAMED;	/* and a new comm */
	if (opt.stack)
		unwind_invalidate(t);
	if (opt.detach_on_execve && t->tid != leader) {
		end_call_detached(t);
		ptrace(PTRACE_DETACH, t->tid, 0, 0);
		if (!(opt.quiet & QUIET_ATTACH))
			msg_stderr("Process %d detached", (int)t->tid);
		stats_task_gone(t);
		task_free(t);
		return;
	}
	tracer_resume(t, 0);
}

static void on_signal(struct task *t, int sig)
{
	siginfo_t si;
	if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, &si) < 0) {
		tracer_resume(t, sig);
		return;
	}
	if (unlikely(opt.timeline) && !(t->flags & T_HIDDEN) && filter_signal(sig))
		timeline_signal(t, sig, &si);
	if (!(t->flags & T_HIDDEN) && filter_signal(sig) && opt.summary != SUMMARY_ONLY) {
		struct sbuf b = { 0 };
		struct user_regs_struct r;
		if (opt.print_ip && regs_get_all(t->tid, &r) == 0)
			t->call.ip = r.rip;	/* -i: where the signal found it */
		if (opt.json_trace) {
			json_signal(t, sig, &si);
			if (opt.stack)
				unwind_print_signal(t);
			tracer_resume(t, sig);
			return;
		}
		struct emit e;
		sbuf_puts(&b, "--- ");
		signame_format(&b, sig, true);
		sbuf_putc(&b, ' ');
		emit_init(&e, &b);
		siginfo_format(&e, &si);
		sbuf_puts(&b, " ---");
		line_message(t, b.p, b.len);
		sbuf_free(&b);
		if (opt.stack)
			unwind_print_signal(t);
	}
	tracer_resume(t, sig);
}

static void on_group_stop(struct task *t, int sig)
{
	if (unlikely(opt.timeline) && !(t->flags & T_HIDDEN) && filter_signal(sig))
		timeline_signal(t, sig, NULL);
	if (!(t->flags & T_HIDDEN) && opt.summary != SUMMARY_ONLY && filter_signal(sig) && opt.json_trace) {
		json_stopped(t, sig);
	} else if (!(t->flags & T_HIDDEN) && opt.summary != SUMMARY_ONLY && filter_signal(sig)) {
		struct sbuf b = { 0 };
		sbuf_puts(&b, "--- stopped by ");
		signame_format(&b, sig, true);
		sbuf_puts(&b, " ---");
		line_message(t, b.p, b.len);
		sbuf_free(&b);
	}
	t->flags |= T_GROUPSTOP;
	output_before_resume();
	ptrace(PTRACE_LISTEN, t->tid, 0, 0);
}

static void dispatch(pid_t pid, int status)
{
	struct task *t = task_find(pid);
	if (!t) {
		if (!WIFSTOPPED(status))
			return;
		/* a new child whose first stop came before its parent's event */
		t = task_new(pid, read_tgid(pid));
	}
	if (unlikely(passthrough))
		t->flags |= T_HIDDEN;
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		task_gone(t, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	int sig = WSTOPSIG(status), event = (unsigned)status >> 16;
	if (sig == (SIGTRAP | 0x80)) {
		on_syscall_stop(t, false);
		return;
	}
	switch (event) {
	case 0:
		on_signal(t, sig);
		return;
	case PTRACE_EVENT_SECCOMP:
		on_syscall_stop(t, true);
		return;
	case PTRACE_EVENT_CLONE:
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		on_new_child(t, event);
		break;
	case PTRACE_EVENT_EXEC:
		on_exec(t);
		return;
	case PTRACE_EVENT_STOP:
		if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) {
			on_group_stop(t, sig);
			return;
		}
		t->flags &= ~T_GROUPSTOP;
		break;
	default:
		break;
	}
	tracer_resume(t, 0);
}

/* Under seccomp a started process cannot be detached: its traced calls
 * would fail with ENOSYS without a tracer (src/seccomp.c). So a detach
 * request (^C, SIGTERM, SIGHUP, --syscall-limit) ends the showing only:
 * the lines open are closed as detached, nothing more is shown, and the
 * tracees run to their end, stopping only where the filter says and
 * resumed at once. A second signal kills them. */
static void start_passthrough(void)
{
	if (interrupted)
		msg_stderr("the traced processes run under a seccomp filter and cannot be detached: "
			   "letting them run to their end untraced (interrupt again to kill them)");
	for (struct task *t = task_list; t; t = t->next) {
		end_call_detached(t);
		t->flags = (t->flags | T_HIDDEN) & ~T_TRACED_CALL;
	}
	output_flush_all();
	if (inject_parked)	/* nothing is shown any more: no reason to hold them */
		inject_release_all();
	passthrough = true;
	interrupted = 0;
	detach_requested = false;
}

/* SIGINT, SIGTERM, SIGHUP or SIGQUIT reached tattle (not blocked by -I): as
 * strace does, the command it started gets the same signal before it is
 * let go (`timeout 10 tattle CMD` must not leave CMD running), processes
 * it attached to do not, and tattle ends killed by that signal. Under
 * seccomp the first signal lets the command run to its end instead
 * (start_passthrough), and tattle ends with the command's status. */
static void forward_fatal(void)
{
	fatal_sig = interrupted;
	struct task *t = opt.argv ? task_find(leader) : NULL;
	if (t && !(t->flags & T_ATTACHED))
		kill(leader, fatal_sig);
}

int tracer_loop(void)
{
	int status;
	while (task_count) {
		if (interrupted || detach_requested) {
			if (seccomp_on && !passthrough) {
				start_passthrough();
				continue;
			}
			kill_all = seccomp_on;
			if (interrupted)
				forward_fatal();
			tracer_detach_all();
			break;
		}
		output_idle();
		if (unlikely(inject_parked))
			inject_run_due();
		if (opt.summary_interval > 0)
			stats_tick();
		/* -c's default time is strace's: system CPU time from wait4 */
		struct rusage ru;
		pid_t pid = wait4(-1, &status, __WALL, stats_want_rusage ? &ru : NULL);
		if (pid > 0 && stats_want_rusage)
			stats_stime_now = (uint64_t)ru.ru_stime.tv_sec * 1000000000u + (uint64_t)ru.ru_stime.tv_usec * 1000u;
		if (pid < 0) {
			if (errno == EINTR) {
				if (output_flush_due)
					output_flush_all();
				continue;
			}
			if (errno == ECHILD)
				break;
			die_errno("waitpid");
		}
		dispatch(pid, status);
	}
	die_hook = NULL;
	/* a wait status that says "killed by fatal_sig" (main.c exits like it) */
	return fatal_sig ? fatal_sig : leader_status;
}
