/* SPDX-License-Identifier: MIT */
/* tattle: options -> set-up -> the event loop -> summaries -> exit status. */
#include "filter.h"
#include "inject.h"
#include "options.h"
#include "output.h"
#include "regs.h"
#include "seccomp.h"
#include "stats.h"
#include "timeline.h"
#include "tracer.h"
#include "umem.h"
#include "unwind.h"
#include "util.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

void classes_list(void);

/* the command died of a signal: so does tattle, as strace does */
static void exit_like(int status)
{
	if (status < 0)
		exit(0);
	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	int sig = WTERMSIG(status);
	struct rlimit no_core = { 0, 0 };
	setrlimit(RLIMIT_CORE, &no_core);	/* the tracee already dumped its own */
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	exit(128 + sig);
}

int main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');
	progname = slash ? slash + 1 : argv[0];
	options_parse(argc, argv);
	umem_budget_init(opt.strsize);
	filter_init();
	inject_init();
	if (opt.list_classes) {
		classes_list();
		return 0;
	}
	regs_init(opt.regs_mode);
	seccomp_prepare();
	stats_init();
	if (opt.stack)
		unwind_init();
	output_init();
	if (opt.timeline)
		timeline_open();
	tracer_start();
	int status = tracer_loop();
	if (opt.summary)
		stats_print();
	if (opt.stack)
		unwind_finish();
	output_finish();
	timeline_finish();
	exit_like(status);
}
