/* SPDX-License-Identifier: MIT */
/* Signals: handlers (SIG_DFL/SIG_IGN/a function), masks, a signal sent to
 * itself and caught (the "--- SIGUSR1 {...} ---" line and rt_sigreturn's
 * restored mask), pending and waited-for signals, sigaltstack, signalfd4. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_sig(int sig)
{
	got = sig;
}

/* the kernel's struct sigaction, to control every field */
struct ksa {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

int main(void)
{
	pid_t pid = getpid();
	unsigned long set, old;
	struct ksa sa = { on_sig, 0x04000000 /* SA_RESTORER */ | SA_RESTART, 0, 0 }, osa;
	struct sigaction gsa;

	/* glibc fills the restorer: ask it for the address it uses */
	sigaction(SIGUSR2, NULL, &gsa);
	EXPECT_RET("0", "rt_sigaction(SIGUSR2, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8)");
	memset(&gsa, 0, sizeof(gsa));
	gsa.sa_handler = on_sig;
	sigaddset(&gsa.sa_mask, SIGTERM);
	sigaction(SIGUSR1, &gsa, NULL);
	EXPECT_RET("0", "rt_sigaction(SIGUSR1, {sa_handler=%p, sa_mask=[TERM], sa_flags=SA_RESTORER, sa_restorer=@@}, NULL, 8)", (void *)on_sig);
	sa.mask = 1ul << (SIGINT - 1) | 1ul << (SIGHUP - 1);
	sa.restorer = (void (*)(void))0x1234;
	syscall(SYS_rt_sigaction, SIGHUP, &sa, &osa, 8);
	EXPECT_RET("0", "rt_sigaction(SIGHUP, {sa_handler=%p, sa_mask=[HUP INT], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x1234}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8)", (void *)on_sig);
	sa.handler = SIG_IGN;
	sa.flags = SA_SIGINFO | SA_NODEFER;
	sa.mask = ~0ul;
	syscall(SYS_rt_sigaction, SIGHUP, &sa, NULL, 8);
	EXPECT_RET("0", "rt_sigaction(SIGHUP, {sa_handler=SIG_IGN, sa_mask=~[], sa_flags=SA_NODEFER|SA_SIGINFO}, NULL, 8)");
	long r = syscall(SYS_rt_sigaction, SIGKILL, &sa, NULL, 8);
	EXPECT_RET("-1 EINVAL (Invalid argument)", "rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=~[], sa_flags=SA_NODEFER|SA_SIGINFO}, NULL, 8)");
	r = syscall(SYS_rt_sigaction, SIGUSR2, (void *)8, NULL, 8);
	EXPECT_RET("-1 EFAULT (Bad address)", "rt_sigaction(SIGUSR2, 0x8, NULL, 8)");
	(void)r;

	set = 1ul << (SIGINT - 1) | 1ul << (SIGTERM - 1);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
	EXPECT_RET("0", "rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8)");
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
	EXPECT_RET("0", "rt_sigprocmask(SIG_UNBLOCK, [INT TERM], NULL, 8)");
	syscall(SYS_rt_sigprocmask, 7, &set, NULL, 8);
	EXPECT_RET("-1 EINVAL (Invalid argument)", "rt_sigprocmask(0x7 /* SIG_??? */, [INT TERM], NULL, 8)");

	/* caught: the signal line, then the handler returns through rt_sigreturn */
	kill(pid, SIGUSR1);
	EXPECT_RET("0", "kill(%d, SIGUSR1)", (int)pid);
	EXPECT("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, si_uid=%u} ---", (int)pid, (unsigned)getuid());
	EXPECT_RET("0", "rt_sigreturn({mask=[]})");

	/* pending while blocked, then taken with rt_sigtimedwait */
	set = 1ul << (SIGUSR2 - 1);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	EXPECT_RET("0", "rt_sigprocmask(SIG_BLOCK, [USR2], NULL, 8)");
	syscall(SYS_tgkill, pid, pid, SIGUSR2);
	EXPECT_RET("0", "tgkill(%d, %d, SIGUSR2)", (int)pid, (int)pid);
	syscall(SYS_rt_sigpending, &old, 8);
	EXPECT_RET("0", "rt_sigpending([USR2], 8)");
	struct timespec ts = { 1, 0 };
	siginfo_t si;
	syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	EXPECT_RET("12 (SIGUSR2)", "rt_sigtimedwait([USR2], {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=%d, si_uid=%u}, {tv_sec=1, tv_nsec=0}, 8)", (int)pid, (unsigned)getuid());
	ts.tv_sec = 0;
	syscall(SYS_rt_sigtimedwait, &set, NULL, &ts, 8);
	EXPECT_RET("-1 EAGAIN (Resource temporarily unavailable)", "rt_sigtimedwait([USR2], NULL, {tv_sec=0, tv_nsec=0}, 8)");

	stack_t ss = { .ss_sp = (void *)0x10000, .ss_flags = 0, .ss_size = 65536 }, oss;
	syscall(SYS_sigaltstack, &ss, &oss);
	EXPECT_RET("0", "sigaltstack({ss_sp=0x10000, ss_flags=0, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0})");
	int fd = (int)syscall(SYS_signalfd4, -1, &set, 8, SFD_CLOEXEC | SFD_NONBLOCK);
	EXPECT_RET("@@", "signalfd4(-1, [USR2], 8, SFD_CLOEXEC|SFD_NONBLOCK)");
	close(fd);
	alarm(0);
	EXPECT_RET("0", "alarm(0)");
	syscall(SYS_rt_sigqueueinfo, pid, 0, NULL);
	EXPECT_RET("-1 EFAULT (Bad address)", "rt_sigqueueinfo(%d, 0, NULL)", (int)pid);
	syscall(SYS_kill, pid, 65);
	EXPECT_RET("-1 EINVAL (Invalid argument)", "kill(%d, 65)", (int)pid);
	return got == SIGUSR1 ? expect_done() : 1;
}
