/* SPDX-License-Identifier: MIT */
/* The command line, parsed once into one struct that the rest only reads. */
#ifndef TATTLE_OPTIONS_H
#define TATTLE_OPTIONS_H
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* One -e KIND=SET (or its long form), kept in command-line order because
 * repeated qualifiers of one kind combine in order (src/filter.c). */
struct qual {
	const char *kind;	/* "trace", "signal", "status", "raw", ... */
	const char *set;
};

enum { DECODE_FD_PATH = 1, DECODE_FD_SOCKET = 2, DECODE_FD_DEV = 4, DECODE_FD_PIDFD = 8 };
enum { DECODE_PID_COMM = 1, DECODE_PID_PIDNS = 2 };
enum { XLAT_STYLE_ABBREV, XLAT_STYLE_RAW, XLAT_STYLE_VERBOSE };
enum { SUMMARY_NONE, SUMMARY_ONLY, SUMMARY_AND_TRACE };
enum { REGS_AUTO, REGS_GETREGS, REGS_SYSCALL_INFO };
enum { QUIET_ATTACH = 1, QUIET_EXIT = 2, QUIET_PATH_RESOLUTION = 4, QUIET_THREAD_EXECVE = 8, QUIET_PERSONALITY = 16 };

struct options {
	/* process control */
	int follow;		/* -f: 1; -ff: 2 (one output file per thread) */
	const char *outfile;	/* -o FILE or |cmd */
	bool append;		/* -A */
	pid_t *attach;		/* -p, in order */
	int nattach;
	const char *user;	/* -u */
	char **env;		/* -E VAR=VAL or -E VAR (unset), in order */
	int nenv;
	bool detach_on_execve;	/* -b execve */
	int daemonize;		/* -D (count) */
	unsigned quiet;		/* QUIET_* from -q/-qq/-e quiet= */
	bool kill_on_exit;
	int interruptible;	/* -I N */

	/* filtering (interpreted by src/filter.c) */
	struct qual *quals;
	int nquals;
	int status_only;	/* -z: 1 successful, -Z: 2 failed */
	const char **paths;	/* -P */
	int npaths;
	const char *trace_fds;
	int seccomp;		/* --seccomp-bpf: 1; --no-seccomp-bpf: -1; 0: tattle chooses (src/seccomp.c) */
	long syscall_limit;
	uint64_t min_duration_ns;
	uint64_t overhead_ns;	/* -O: taken from each call's time in the -c table */
	bool list_classes;

	/* decoding */
	int strsize;		/* -s, default 32 */
	int xflag;		/* -x 1, -xx 2 */
	bool verbose;		/* -v */
	int xlat_style;		/* -X */
	unsigned decode_fds;	/* -y / -yy / --decode-fds */
	unsigned decode_pids;	/* -Y / --decode-pids: DECODE_PID_* */
	bool print_nr;		/* -n */
	bool print_ip;		/* -i */
	bool arg_names;		/* -N */
	bool stack;		/* -k */
	int frame_limit;
	const char *stack_folded;
	bool folded_by_time;
	bool stack_noprint;	/* --stack-folded without -k: collect, do not print */

	/* timing and statistics */
	int tflag;		/* absolute timestamps on (-t count, or 1 for --absolute-timestamps) */
	int ts_precision;	/* their digits after the point: -t 0, -tt/-ttt 6 */
	bool ts_format_unix;	/* --absolute-timestamps=format:unix */
	bool rflag;		/* -r */
	int r_precision;	/* digits for -r (6 default) */
	bool Tflag;		/* -T */
	int T_precision;	/* digits for -T (6 default) */
	int summary;		/* SUMMARY_* */
	bool wall;		/* -w */
	const char *sortby;	/* -S */
	const char *columns;	/* -U */
	const char *histogram;	/* --histogram[=SET]: "" = all */
	const char *summary_by;	/* pid | tid */
	double summary_interval;
	int clock;		/* CLOCK_REALTIME etc for timestamps */

	/* layout and other backends */
	int acolumn;		/* -a, default 40 */
	const char *json;	/* --json[=FILE] ("" = no file given) */
	bool json_trace;	/* the trace as JSON Lines (--json without -c) */
	const char *timeline;	/* --timeline=FILE: Chrome trace-event JSON (src/timeline.c) */
	int regs_mode;		/* --regs=getregs|syscall-info: a test switch */

	char **argv;		/* the command, or NULL with -p */
};

extern struct options opt;

void options_parse(int argc, char **argv);
#endif
