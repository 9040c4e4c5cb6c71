/* SPDX-License-Identifier: MIT */
/* strace's command line: the same short options and long names, plus
 * tattle's own long options. Everything is validated here or in the module
 * that owns it before any process is started. */
#include "options.h"
#include "util.h"
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct options opt = {
	.strsize = 32,
	.acolumn = 40,
	.frame_limit = 256,
	.ts_precision = 6,
	.T_precision = 6,
	.r_precision = 6,
	.clock = CLOCK_REALTIME,
	.seccomp = 0,
};

enum {
	OPT_KILL_ON_EXIT = 256, OPT_SECCOMP, OPT_SYSCALL_LIMIT, OPT_TRACE_FDS, OPT_FRAME_LIMIT,
	OPT_JSON, OPT_HISTOGRAM, OPT_SUMMARY_BY, OPT_SUMMARY_INTERVAL,
	OPT_MIN_DURATION, OPT_CLOCK, OPT_STACK_FOLDED, OPT_FOLDED_WEIGHT, OPT_LIST_CLASSES,
	OPT_REGS, OPT_QUAL, OPT_ABS_TS, OPT_DECODE_FDS, OPT_DECODE_PIDS, OPT_STRINGS_HEX, OPT_QUIET_LONG,
	OPT_OUTPUT_SEPARATELY, OPT_SYSCALL_TIMES, OPT_TIMESTAMPS, OPT_NO_SECCOMP, OPT_TIMELINE,
};

/* long options that are -e KIND=SET in disguise */
static const char *const qual_longopts[] = {
	"trace", "signal", "status", "raw", "verbose", "abbrev", "read", "write", "inject", "fault",
};

static const struct option longopts[] = {
	{ "follow-forks", no_argument, 0, 'f' },
	{ "output-separately", no_argument, 0, OPT_OUTPUT_SEPARATELY },
	{ "output", required_argument, 0, 'o' },
	{ "output-append-mode", no_argument, 0, 'A' },
	{ "attach", required_argument, 0, 'p' },
	{ "user", required_argument, 0, 'u' },
	{ "env", required_argument, 0, 'E' },
	{ "detach-on", required_argument, 0, 'b' },
	{ "daemonize", optional_argument, 0, 'D' },
	{ "quiet", optional_argument, 0, OPT_QUIET_LONG },
	{ "silent", optional_argument, 0, OPT_QUIET_LONG },
	{ "kill-on-exit", no_argument, 0, OPT_KILL_ON_EXIT },
	{ "interruptible", required_argument, 0, 'I' },
	{ "trace", required_argument, 0, OPT_QUAL },
	{ "signal", required_argument, 0, OPT_QUAL },
	{ "signals", required_argument, 0, OPT_QUAL },
	{ "status", required_argument, 0, OPT_QUAL },
	{ "raw", required_argument, 0, OPT_QUAL },
	{ "verbose", required_argument, 0, OPT_QUAL },
	{ "abbrev", required_argument, 0, OPT_QUAL },
	{ "read", required_argument, 0, OPT_QUAL },
	{ "write", required_argument, 0, OPT_QUAL },
	{ "inject", required_argument, 0, OPT_QUAL },
	{ "fault", required_argument, 0, OPT_QUAL },
	{ "successful-only", no_argument, 0, 'z' },
	{ "failed-only", no_argument, 0, 'Z' },
	{ "trace-path", required_argument, 0, 'P' },
	{ "trace-fds", required_argument, 0, OPT_TRACE_FDS },
	{ "seccomp-bpf", no_argument, 0, OPT_SECCOMP },
	{ "no-seccomp-bpf", no_argument, 0, OPT_NO_SECCOMP },
	{ "syscall-limit", required_argument, 0, OPT_SYSCALL_LIMIT },
	{ "string-limit", required_argument, 0, 's' },
	{ "strings-in-hex", optional_argument, 0, OPT_STRINGS_HEX },
	{ "no-abbrev", no_argument, 0, 'v' },
	{ "const-print-style", required_argument, 0, 'X' },
	{ "decode-fds", optional_argument, 0, OPT_DECODE_FDS },
	{ "decode-pids", required_argument, 0, OPT_DECODE_PIDS },
	{ "syscall-number", no_argument, 0, 'n' },
	{ "instruction-pointer", no_argument, 0, 'i' },
	{ "arg-names", no_argument, 0, 'N' },
	{ "stack-traces", no_argument, 0, 'k' },
	{ "stack-trace-frame-limit", required_argument, 0, OPT_FRAME_LIMIT },
	{ "stack-folded", required_argument, 0, OPT_STACK_FOLDED },
	{ "stack-folded-weight", required_argument, 0, OPT_FOLDED_WEIGHT },
	{ "timestamps", optional_argument, 0, OPT_TIMESTAMPS },
	{ "absolute-timestamps", optional_argument, 0, OPT_ABS_TS },
	{ "relative-timestamps", optional_argument, 0, 'r' },
	{ "syscall-times", optional_argument, 0, OPT_SYSCALL_TIMES },
	{ "summary-only", no_argument, 0, 'c' },
	{ "summary", no_argument, 0, 'C' },
	{ "summary-wall-clock", no_argument, 0, 'w' },
	{ "summary-sort-by", required_argument, 0, 'S' },
	{ "summary-syscall-overhead", required_argument, 0, 'O' },
	{ "summary-columns", required_argument, 0, 'U' },
	{ "histogram", optional_argument, 0, OPT_HISTOGRAM },
	{ "summary-by", required_argument, 0, OPT_SUMMARY_BY },
	{ "summary-interval", required_argument, 0, OPT_SUMMARY_INTERVAL },
	{ "min-duration", required_argument, 0, OPT_MIN_DURATION },
	{ "clock", required_argument, 0, OPT_CLOCK },
	{ "columns", required_argument, 0, 'a' },
	{ "json", optional_argument, 0, OPT_JSON },
	{ "timeline", required_argument, 0, OPT_TIMELINE },
	{ "list-classes", no_argument, 0, OPT_LIST_CLASSES },
	{ "regs", required_argument, 0, OPT_REGS },
	{ "help", no_argument, 0, 'h' },
	{ "version", no_argument, 0, 'V' },
	{ 0, 0, 0, 0 },
};

static void usage(void)
{
	printf("%s",
"Usage: tattle [OPTIONS] [--] COMMAND [ARGS]\n"
"       tattle [OPTIONS] -p PID[,PID...] ...\n"
"Trace the system calls of COMMAND, or of running processes; output as strace's.\n"
"\n"
"Process control:\n"
"  -f, --follow-forks        trace child processes and threads\n"
"  -ff, --output-separately  with -o FILE: one file per thread, FILE.PID\n"
"  -o, --output=FILE         write the trace to FILE ('|cmd' or '!cmd' pipes it)\n"
"  -A, --output-append-mode  append to the -o file\n"
"  -p, --attach=PID          trace running process(es); repeatable, comma lists\n"
"  -u, --user=USER           run COMMAND as USER\n"
"  -E, --env=VAR=VAL         set VAR in COMMAND's environment; -E VAR removes it\n"
"  -b, --detach-on=execve    detach from a process when it calls execve\n"
"  -D, --daemonize           run the tracer as a detached grandchild\n"
"  -q, -qq, -qqq             fewer attach/detach, exit and all messages\n"
"      --quiet=SET, --silent=SET  attach,exit,path-resolution,personality,thread-execve\n"
"      --kill-on-exit        kill the traced processes when tattle exits\n"
"  -I, --interruptible=N     1 anywhere, 2 waiting (default), 3 never, 4 never+tstp\n"
"Filtering:\n"
"  -e trace=SET, --trace=SET names, %classes, /regex, !negation, ?optional\n"
"  -e signal=SET, --signal=SET (--signals=SET)  which signals to show\n"
"  -e status=SET, --status=SET  successful,failed,unfinished,unavailable,detached\n"
"  -z, --successful-only     only calls that succeeded\n"
"  -Z, --failed-only         only calls that failed\n"
"  -P, --trace-path=PATH     only calls that touch PATH (repeatable)\n"
"      --trace-fds=SET       only calls on these descriptors\n"
"      --seccomp-bpf         stop the tracee only at traced calls (seccomp-bpf)\n"
"      --no-seccomp-bpf      never use seccomp-bpf (the default with -f and a trace set)\n"
"      --syscall-limit=N     detach after N traced calls\n"
"      --min-duration=TIME   only calls that took at least TIME (1ms, 250us)\n"
"      --list-classes        print the system calls of each %class and exit\n"
"Decoding:\n"
"  -s, --string-limit=N      print at most N bytes of strings (default 32)\n"
"  -x, -xx, --strings-in-hex[=non-ascii|all]  non-ASCII / all strings in hex\n"
"  -v, --no-abbrev           print structures in full\n"
"  -X, --const-print-style=raw|abbrev|verbose  how constants print\n"
"  -e raw=SET, -e verbose=SET, -e abbrev=SET, -e read=SET, -e write=SET\n"
"                            (also --raw=SET, --verbose=SET, --abbrev=SET, --read=SET, --write=SET)\n"
"  -y, -yy, --decode-fds=SET paths of fds; socket and device details\n"
"  -Y, --decode-pids=SET     comm: the command name after PIDs (1234<sh>);\n"
"                            pidns: accepted, prints nothing (one namespace)\n"
"  -n, --syscall-number      print the syscall number\n"
"  -i, --instruction-pointer print the instruction pointer at each call\n"
"  -N, --arg-names           print argument names (name=value)\n"
"  -k, --stack-traces        print the stack of each traced call\n"
"      --stack-trace-frame-limit=N, --stack-folded=FILE,\n"
"      --stack-folded-weight=calls|time\n"
"Tampering (only calls that are traced):\n"
"  -e inject=SET:ACTION[:ACTION...], --inject=...  change the calls in SET:\n"
"                            error=ERRNO, retval=N, signal=SIG, syscall=PURE,\n"
"                            delay_enter=T, delay_exit=T, poke_enter=@argN=HEX,\n"
"                            poke_exit=@argN=HEX, when=FIRST[..LAST][+[STEP]]\n"
"  -e fault=SET[:error=ERRNO][:when=...], --fault=...  make them fail (ENOSYS)\n"
"Timing and statistics:\n"
"  -t, -tt, -ttt             time of day, with microseconds, as seconds since the epoch\n"
"      --timestamps[=...]    the same as --absolute-timestamps\n"
"      --absolute-timestamps=[format:time|unix][,precision:s|ms|us|ns]\n"
"  -r, --relative-timestamps time since the previous call's start\n"
"  -T, --syscall-times[=PRECISION]  time spent in each call\n"
"  -c, --summary-only        count calls, errors and time; print a table at exit\n"
"  -C, --summary             the table and the trace\n"
"  -w, --summary-wall-clock  the table's time is wall-clock latency\n"
"  -S, --summary-sort-by=KEY time,calls,errors,name,avg-time,min-time,max-time,nothing\n"
"  -O, --summary-syscall-overhead=T  take T (us, or with s/ms/us/ns) from each call's time\n"
"  -U, --summary-columns=COLS  strace's columns, plus p50,p90,p99,p999,max,wall-total,\n"
"                            wall-min,wall-max,wall-avg\n"
"      --histogram[=SET]     latency histograms after the table\n"
"      --summary-by=pid|tid  one table per process or thread\n"
"      --summary-interval=SECS  print the table every SECS seconds\n"
"      --clock=realtime|monotonic|boottime  the clock of timestamps\n"
"Output:\n"
"  -a, --columns=N           align return values at column N (default 40)\n"
"      --json[=FILE]         the trace as JSON Lines (into FILE, or the -o output);\n"
"                            with -c, the summary as one JSON object\n"
"      --timeline=FILE       also write the calls, signals and exits to FILE as\n"
"                            Chrome trace-event JSON (Perfetto, chrome://tracing)\n"
"      --regs=getregs|syscall-info  how registers are read (for tests; default: the\n"
"                            cheaper one the kernel has)\n"
"  -h, --help                this help\n"
"  -V, --version             version\n");
	exit(0);
}

static long parse_num(const char *s, const char *what, long min, long max)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		die("invalid %s '%s'", what, s);
	return v;
}

/* "1ms", "250us", "2s", "1.5ms", "100ns"; bare numbers are seconds */
static uint64_t parse_duration(const char *s)
{
	uint64_t ns;
	if (!parse_time(s, 1e9, &ns))
		die("invalid duration '%s' (use s, ms, us or ns)", s);
	return ns;
}

static int parse_precision(const char *s)
{
	if (!strcmp(s, "s"))
		return 0;
	if (!strcmp(s, "ms"))
		return 3;
	if (!strcmp(s, "us"))
		return 6;
	if (!strcmp(s, "ns"))
		return 9;
	die("invalid time precision '%s' (s, ms, us or ns)", s);
}

static void add_attach(const char *list)
{
	char *copy = xstrdup(list), *save = NULL;
	for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		long pid = parse_num(tok, "process id", 1, INT_MAX);
		opt.attach = xrealloc(opt.attach, sizeof(*opt.attach) * (size_t)(opt.nattach + 1));
		opt.attach[opt.nattach++] = (pid_t)pid;
	}
	free(copy);
}

static void add_qual(const char *kind, const char *set)
{
	opt.quals = xrealloc(opt.quals, sizeof(*opt.quals) * (size_t)(opt.nquals + 1));
	opt.quals[opt.nquals].kind = kind;
	opt.quals[opt.nquals].set = set;
	opt.nquals++;
}

static unsigned parse_quiet(const char *set)
{
	static const struct { const char *name; unsigned bit; } words[] = {
		{ "attach", QUIET_ATTACH }, { "exit", QUIET_EXIT }, { "exits", QUIET_EXIT },
		{ "path-resolution", QUIET_PATH_RESOLUTION }, { "personality", QUIET_PERSONALITY },
		{ "thread-execve", QUIET_THREAD_EXECVE }, { "superseded", QUIET_THREAD_EXECVE },
	};
	unsigned mask = 0;
	bool neg = false;
	if (*set == '!') {
		neg = true;
		set++;
	}
	char *copy = xstrdup(set), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;
		if (!strcmp(tok, "all")) {
			mask = ~0u;
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		for (i = 0; i < ARRAY_SIZE(words); i++)
			if (!strcmp(tok, words[i].name))
				break;
		if (i == ARRAY_SIZE(words))
			die("invalid quiet value '%s'", tok);
		mask |= words[i].bit;
	}
	free(copy);
	return neg ? ~mask : mask;
}

/* --decode-pids=SET, -e decode-pids=SET: comm, pidns, all, none, and
 * "!SET" for all but SET; a later SET replaces an earlier one */
static unsigned parse_decode_pids(const char *set)
{
	const unsigned all = DECODE_PID_COMM | DECODE_PID_PIDNS;
	bool neg = set[0] == '!';
	unsigned mask = 0;
	const char *p = set + neg;
	for (;;) {
		size_t n = strcspn(p, ",");
		if (n == 4 && !strncmp(p, "comm", 4))
			mask |= DECODE_PID_COMM;
		else if (n == 5 && !strncmp(p, "pidns", 5))
			mask |= DECODE_PID_PIDNS;
		else if (n == 3 && !strncmp(p, "all", 3))
			mask |= all;
		else if (!(n == 4 && !strncmp(p, "none", 4)))
			die("invalid decode-pids '%.*s'", (int)n, p);
		if (!p[n])
			break;
		p += n + 1;
	}
	return neg ? all & ~mask : mask;
}

/* -e KIND=SET; a bare SET means trace=SET */
static void parse_e(const char *arg)
{
	const char *eq = strchr(arg, '=');
	static const char *const kinds[] = {
		"trace", "t", "signal", "signals", "s", "status", "raw", "verbose", "v",
		"abbrev", "a", "read", "r", "write", "w", "quiet", "silent", "silence", "q",
		"decode-fds", "decode-fd", "decode-pids", "decode-pid", "inject", "fault",
	};
	if (!eq) {
		add_qual("trace", arg);
		return;
	}
	size_t klen = (size_t)(eq - arg);
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (strlen(kinds[i]) != klen || strncmp(arg, kinds[i], klen))
			continue;
		const char *k = kinds[i];
		if (!strcmp(k, "t")) k = "trace";
		else if (!strcmp(k, "s") || !strcmp(k, "signals")) k = "signal";
		else if (!strcmp(k, "v")) k = "verbose";
		else if (!strcmp(k, "a")) k = "abbrev";
		else if (!strcmp(k, "r")) k = "read";
		else if (!strcmp(k, "w")) k = "write";
		if (!strcmp(k, "quiet") || !strcmp(k, "silent") || !strcmp(k, "silence") || !strcmp(k, "q")) {
			opt.quiet |= parse_quiet(eq + 1);
			return;
		}
		if (!strcmp(k, "decode-fds") || !strcmp(k, "decode-fd")) {
			extern unsigned options_decode_fds(const char *);
			opt.decode_fds = options_decode_fds(eq + 1);
			return;
		}
		if (!strcmp(k, "decode-pids") || !strcmp(k, "decode-pid")) {
			opt.decode_pids = parse_decode_pids(eq + 1);
			return;
		}
		add_qual(k, eq + 1);
		return;
	}
	/* strace's qualifiers that tattle lacks: say so rather than call them
	 * an invalid system call */
	static const char *const lacking[] = { "kvm", "secontext" };
	for (size_t i = 0; i < ARRAY_SIZE(lacking); i++)
		if (strlen(lacking[i]) == klen && !strncmp(arg, lacking[i], klen))
			die("-e %s= is not supported", lacking[i]);
	/* strace reads an unknown KIND=SET as a trace set, and says so */
	add_qual("trace", arg);
}

unsigned options_decode_fds(const char *set)
{
	unsigned mask = 0;
	char *copy = xstrdup(set), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "path"))
			mask |= DECODE_FD_PATH;
		else if (!strcmp(tok, "socket"))
			mask |= DECODE_FD_PATH | DECODE_FD_SOCKET;
		else if (!strcmp(tok, "dev"))
			mask |= DECODE_FD_PATH | DECODE_FD_DEV;
		else if (!strcmp(tok, "pidfd"))
			mask |= DECODE_FD_PATH | DECODE_FD_PIDFD;
		else if (!strcmp(tok, "all"))
			mask |= DECODE_FD_PATH | DECODE_FD_SOCKET | DECODE_FD_DEV | DECODE_FD_PIDFD;
		else if (strcmp(tok, "none"))
			die("invalid decode-fds value '%s'", tok);
	}
	free(copy);
	return mask;
}

static bool abs_ts_long;	/* --absolute-timestamps was given: -t may not be */

static void parse_abs_ts(const char *arg)
{
	if (!abs_ts_long) {
		/* strace's defaults for the long form: format:time,precision:s */
		abs_ts_long = true;
		opt.ts_format_unix = false;
		opt.ts_precision = 0;
	}
	opt.tflag = 1;
	if (!arg)
		return;
	char *copy = xstrdup(arg), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "format:time") || !strcmp(tok, "time")) {
			opt.ts_format_unix = false;
		} else if (!strcmp(tok, "format:unix") || !strcmp(tok, "unix")) {
			opt.ts_format_unix = true;
		} else if (!strcmp(tok, "format:none") || !strcmp(tok, "none")) {
			opt.tflag = -1;
		} else if (!strncmp(tok, "precision:", 10)) {
			opt.ts_precision = parse_precision(tok + 10);
		} else if (!strcmp(tok, "s") || !strcmp(tok, "ms") || !strcmp(tok, "us") || !strcmp(tok, "ns")) {
			opt.ts_precision = parse_precision(tok);
		} else {
			die("invalid absolute timestamp option '%s'", tok);
		}
	}
	if (opt.tflag < 0)
		opt.tflag = 0;
	free(copy);
}

void options_parse(int argc, char **argv)
{
	int c, idx;
	bool summary_c = false, summary_C = false;
	int qcount = 0, tcount = 0, zcount = 0;

	opterr = 0;	/* our own one-line messages */
	while ((c = getopt_long(argc, argv, "+:a:Ab:cCDe:E:fhiI:knNo:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ", longopts, &idx)) != -1) {
		switch (c) {
		case 'a': opt.acolumn = (int)parse_num(optarg, "column width", 0, 1000); break;
		case 'A': opt.append = true; break;
		case 'b':
			if (strcmp(optarg, "execve"))
				die("syscall '%s' for -b isn't supported", optarg);
			opt.detach_on_execve = true;
			break;
		case 'c': summary_c = true; break;
		case 'C': summary_C = true; break;
		case 'D': opt.daemonize++; break;
		case 'e': parse_e(optarg); break;
		case 'E':
			opt.env = xrealloc(opt.env, sizeof(char *) * (size_t)(opt.nenv + 1));
			opt.env[opt.nenv++] = optarg;
			break;
		case 'f': opt.follow++; break;
		case OPT_OUTPUT_SEPARATELY: opt.follow = 2; break;
		case 'h': usage(); break;
		case 'i': opt.print_ip = true; break;
		case 'I': opt.interruptible = (int)parse_num(optarg, "interruptible mode", 1, 4); break;
		case 'k':
#ifndef HAVE_STACKTRACE
			die("-k: stack traces are not available in this build (configure found no libunwind-ptrace and libelf)");
#endif
			opt.stack = true;
			break;
		case 'n': opt.print_nr = true; break;
		case 'N': opt.arg_names = true; break;
		case 'o': opt.outfile = optarg; break;
		case 'p': add_attach(optarg); break;
		case 'P':
			opt.paths = xrealloc(opt.paths, sizeof(char *) * (size_t)(opt.npaths + 1));
			opt.paths[opt.npaths++] = optarg;
			break;
		case 'q': qcount++; break;
		case 'r':
			opt.rflag = true;
			if (optarg)
				opt.r_precision = parse_precision(optarg);
			break;
		case 's': opt.strsize = (int)parse_num(optarg, "string limit", 0, INT_MAX); break;
		case 'S': opt.sortby = optarg; break;
		case 'O':
			if (!parse_time(optarg, 1e3, &opt.overhead_ns))
				die("invalid -O argument: '%s'", optarg);
			break;
		case 't': tcount++; break;
		case 'T': opt.Tflag = true; break;
		case 'u': opt.user = optarg; break;
		case 'U': opt.columns = optarg; break;
		case 'v': opt.verbose = true; break;
		case 'V':
			printf("tattle -- version %s\n", PACKAGE_VERSION);
			exit(0);
		case 'w': opt.wall = true; break;
		case 'x': opt.xflag++; break;
		case 'X':
			if (!strcmp(optarg, "raw"))
				opt.xlat_style = XLAT_STYLE_RAW;
			else if (!strcmp(optarg, "abbrev"))
				opt.xlat_style = XLAT_STYLE_ABBREV;
			else if (!strcmp(optarg, "verbose"))
				opt.xlat_style = XLAT_STYLE_VERBOSE;
			else
				die("invalid -X argument: '%s'", optarg);
			break;
		case 'y':
			opt.decode_fds = opt.decode_fds ? (DECODE_FD_PATH | DECODE_FD_SOCKET | DECODE_FD_DEV | DECODE_FD_PIDFD) : DECODE_FD_PATH;
			break;
		case 'Y': opt.decode_pids |= DECODE_PID_COMM; break;
		case 'z':
		case 'Z':
			/* status=successful / status=failed, in order with -e status= */
			opt.status_only = c == 'z' ? 1 : 2;
			add_qual("status", c == 'z' ? "successful" : "failed");
			zcount++;
			break;
		case OPT_KILL_ON_EXIT: opt.kill_on_exit = true; break;
		case OPT_QUIET_LONG: opt.quiet |= optarg ? parse_quiet(optarg) : QUIET_ATTACH | QUIET_PERSONALITY; break;
		case OPT_QUAL:
			for (size_t i = 0; i < ARRAY_SIZE(qual_longopts); i++)
				if (!strncmp(longopts[idx].name, qual_longopts[i], strlen(qual_longopts[i])))
					add_qual(qual_longopts[i], optarg);
			break;
		case OPT_TRACE_FDS: opt.trace_fds = optarg; break;
		case OPT_SECCOMP: opt.seccomp = 1; break;
		case OPT_NO_SECCOMP: opt.seccomp = -1; break;
		case OPT_SYSCALL_LIMIT: opt.syscall_limit = parse_num(optarg, "syscall limit", 1, LONG_MAX); break;
		case OPT_STRINGS_HEX:
			if (!optarg || !strcmp(optarg, "all"))
				opt.xflag = 2;
			else if (!strcmp(optarg, "non-ascii"))
				opt.xflag = 1;
			else if (!strcmp(optarg, "none"))
				opt.xflag = 0;
			else
				die("invalid --strings-in-hex argument: '%s'", optarg);
			break;
		case OPT_DECODE_PIDS: opt.decode_pids = parse_decode_pids(optarg); break;
		case OPT_DECODE_FDS: opt.decode_fds = options_decode_fds(optarg ? optarg : "path"); break;
		case OPT_FRAME_LIMIT: opt.frame_limit = (int)parse_num(optarg, "frame limit", 1, 65536); break;
		case OPT_STACK_FOLDED: opt.stack_folded = optarg; break;
		case OPT_FOLDED_WEIGHT:
			if (!strcmp(optarg, "calls"))
				opt.folded_by_time = false;
			else if (!strcmp(optarg, "time"))
				opt.folded_by_time = true;
			else
				die("invalid --stack-folded-weight '%s' (calls or time)", optarg);
			break;
		case OPT_TIMESTAMPS:
		case OPT_ABS_TS: parse_abs_ts(optarg); break;
		case OPT_SYSCALL_TIMES:
			opt.Tflag = true;
			if (optarg)
				opt.T_precision = parse_precision(optarg);
			break;
		case OPT_HISTOGRAM: opt.histogram = optarg ? optarg : ""; break;
		case OPT_SUMMARY_BY:
			if (strcmp(optarg, "pid") && strcmp(optarg, "tid"))
				die("invalid --summary-by '%s' (pid or tid)", optarg);
			opt.summary_by = optarg;
			break;
		case OPT_SUMMARY_INTERVAL: {
			char *end;
			opt.summary_interval = strtod(optarg, &end);
			if (*end || end == optarg || opt.summary_interval <= 0)
				die("invalid --summary-interval '%s'", optarg);
			break;
		}
		case OPT_MIN_DURATION: opt.min_duration_ns = parse_duration(optarg); break;
		case OPT_CLOCK:
			if (!strcmp(optarg, "realtime"))
				opt.clock = CLOCK_REALTIME;
			else if (!strcmp(optarg, "monotonic"))
				opt.clock = CLOCK_MONOTONIC;
			else if (!strcmp(optarg, "boottime"))
				opt.clock = CLOCK_BOOTTIME;
			else
				die("invalid --clock '%s' (realtime, monotonic or boottime)", optarg);
			break;
		case OPT_JSON: opt.json = optarg ? optarg : ""; break;
		case OPT_TIMELINE: opt.timeline = optarg; break;
		case OPT_LIST_CLASSES: opt.list_classes = true; break;
		case OPT_REGS:
			if (!strcmp(optarg, "getregs"))
				opt.regs_mode = REGS_GETREGS;
			else if (!strcmp(optarg, "syscall-info"))
				opt.regs_mode = REGS_SYSCALL_INFO;
			else
				die("invalid --regs '%s' (getregs or syscall-info)", optarg);
			break;
		case ':':
			if (optopt)
				die("option requires an argument -- '%c'", optopt);
			die("option '%s' requires an argument", argv[optind - 1]);
		default: {
			/* optopt is the short option's letter, or the val of a long
			 * option given an argument it does not take, or 0 */
			const char *arg = argv[optind - 1];
			bool is_long = arg[0] == '-' && arg[1] == '-';
			if (optopt > 0 && optopt < 256 && !is_long)
				die("invalid option -- '%c' (try '%s -h')", optopt, progname);
			const char *eq = is_long ? strchr(arg, '=') : NULL;
			if (optopt && eq)
				die("option '%.*s' doesn't allow an argument (try '%s -h')", (int)(eq - arg), arg,
				    progname);
			die("unrecognized option '%s' (try '%s -h')", arg, progname);
		}
		}
	}
	if (zcount > 1)
		warnx("Only the last of -z/--successful-only/-Z/--failed-only options will take effect. "
		      "See status qualifier for more complex filters.");
	/* -q attach and personality messages; -qq exit status too; -qqq everything */
	if (qcount >= 3)
		opt.quiet = ~0u;
	else if (qcount == 2)
		opt.quiet |= QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT;
	else if (qcount == 1)
		opt.quiet |= QUIET_ATTACH | QUIET_PERSONALITY;
	if (summary_c && summary_C)
		die("-c/--summary-only and -C/--summary are mutually exclusive");
	if (summary_c)
		opt.summary = SUMMARY_ONLY;
	else if (summary_C)
		opt.summary = SUMMARY_AND_TRACE;
	if (summary_c && opt.stack)
		warnx("-k/--stack-traces has no effect with -c/--summary-only");
	if (tcount) {
		/* -t: time of day; -tt: with microseconds; -ttt: since the epoch */
		if (abs_ts_long)
			die("-t and --absolute-timestamps cannot be provided simultaneously");
		opt.tflag = tcount > 3 ? 3 : tcount;
		opt.ts_precision = tcount >= 2 ? 6 : 0;
		opt.ts_format_unix = tcount >= 3;
	}
	if (opt.xflag > 2)
		opt.xflag = 2;
	/* --json: the trace as JSON Lines (and -c's summary as one object);
	 * --json=FILE is --json -o FILE */
	if (opt.json && *opt.json) {
		if (opt.outfile)
			die("--json=FILE and -o: give the output file once");
		opt.outfile = opt.json;
	}
	if (opt.json && opt.summary != SUMMARY_ONLY)
		opt.json_trace = true;
	if (opt.timeline && opt.outfile && !strcmp(opt.timeline, opt.outfile))
		die("--timeline=%s: the same file as the trace's", opt.timeline);
	/* strace's rule: a command started (not attached to) with its trace
	 * in a file says nothing of attaching (new children under -f) */
	if (opt.outfile && !opt.nattach)
		opt.quiet |= QUIET_ATTACH | QUIET_PERSONALITY;
	if (opt.stack_folded && !opt.stack) {
#ifndef HAVE_STACKTRACE
		die("--stack-folded: stack traces are not available in this build (configure found no libunwind-ptrace and libelf)");
#endif
		opt.stack = opt.stack_noprint = true;
	}
	if (opt.list_classes)
		return;
	if (optind < argc)
		opt.argv = argv + optind;
	if (!opt.argv && !opt.nattach)
		die("must have PROG [ARGS] or -p PID (try '%s -h')", progname);
	if (opt.follow > 1 && !opt.outfile)
		opt.follow = 1;	/* strace: -ff without -o is -f */
	if (opt.daemonize && !opt.argv)
		die("PROG [ARGS] must be specified with -D/--daemonize");
	if (opt.user && !opt.argv)
		die("-u needs a command");
	if (opt.env && !opt.argv)
		die("-E needs a command");
}
