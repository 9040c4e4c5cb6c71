/* SPDX-License-Identifier: MIT */
/* Clocks, sleeps, timers, limits, identity: clock_gettime (made directly,
 * not through the vDSO), nanosleep, timerfd, itimers, POSIX timers,
 * rlimits (strace's "8192*1024"), uname, times, credentials. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts, rq = { 0, 1000 };
	long r;
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	EXPECT_RET("0", "clock_gettime(CLOCK_MONOTONIC, {tv_sec=%ld, tv_nsec=%ld})", (long)ts.tv_sec, ts.tv_nsec);
	syscall(SYS_clock_getres, CLOCK_REALTIME, &ts);
	EXPECT_RET("0", "clock_getres(CLOCK_REALTIME, {tv_sec=%ld, tv_nsec=%ld})", (long)ts.tv_sec, ts.tv_nsec);
	r = syscall(SYS_clock_gettime, CLOCK_BOOTTIME, (void *)1);
	EXPECT_RET("-1 EFAULT (Bad address)", "clock_gettime(CLOCK_BOOTTIME, 0x1)");
	r = syscall(SYS_clock_gettime, 100, &ts);
	EXPECT_RET("-1 EINVAL (Invalid argument)", "clock_gettime(0x64 /* CLOCK_??? */, %p)", (void *)&ts);
	syscall(SYS_nanosleep, &rq, NULL);
	EXPECT_RET("0", "nanosleep({tv_sec=0, tv_nsec=1000}, NULL)");
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &rq, &ts);
	EXPECT_RET("0", "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, %p)", (void *)&ts);
	rq.tv_nsec = 2000000000;
	r = syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &rq, NULL);
	EXPECT_RET("-1 EINVAL (Invalid argument)", "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=2000000000}, NULL)");

	struct timeval tv;
	struct timezone tz;
	syscall(SYS_gettimeofday, &tv, &tz);
	EXPECT_RET("0", "gettimeofday({tv_sec=%ld, tv_usec=%ld}, {tz_minuteswest=%d, tz_dsttime=%d})", (long)tv.tv_sec, (long)tv.tv_usec, tz.tz_minuteswest, tz.tz_dsttime);
	time_t t0 = (time_t)syscall(SYS_time, NULL);
	EXPECT("time(NULL)@@= %ld (@@)", (long)t0);

	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	EXPECT_RET("@@", "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK)");
	struct itimerspec its = { { 1, 500 }, { 100, 0 } }, old;
	timerfd_settime(fd, 0, &its, &old);
	EXPECT_RET("0", "timerfd_settime(%d, 0, {it_interval={tv_sec=1, tv_nsec=500}, it_value={tv_sec=100, tv_nsec=0}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}})", fd);
	memset(&its, 0, sizeof(its));
	timerfd_settime(fd, 0, &its, NULL);
	EXPECT_RET("0", "timerfd_settime(%d, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, NULL)", fd);
	timerfd_gettime(fd, &old);
	EXPECT_RET("0", "timerfd_gettime(%d, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}})", fd);
	close(fd);

	struct itimerval itv = { { 0, 0 }, { 0, 0 } }, oitv;
	setitimer(ITIMER_VIRTUAL, &itv, &oitv);
	EXPECT_RET("0", "setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}})");
	getitimer(ITIMER_PROF, &oitv);
	EXPECT_RET("0", "getitimer(ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}})");

	struct sigevent sev;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGALRM;
	int tid;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
	EXPECT_RET("0", "timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [%d])", tid);
	syscall(SYS_timer_gettime, tid, &its);
	EXPECT_RET("0", "timer_gettime(%d, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}})", tid);
	syscall(SYS_timer_delete, tid);
	EXPECT_RET("0", "timer_delete(%d)", tid);

	struct rlimit rl;
	getrlimit(RLIMIT_STACK, &rl);
	EXPECT_RET("0", "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=@@, rlim_max=@@})");
	rl.rlim_cur = 8192 * 1024;
	rl.rlim_max = RLIM_INFINITY;
	syscall(SYS_prlimit64, 0, RLIMIT_STACK, &rl, NULL);
	EXPECT_RET("0", "prlimit64(0, RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}, NULL)");
	syscall(SYS_getrlimit, RLIMIT_CORE, &rl);
	EXPECT_RET("0", "getrlimit(RLIMIT_CORE, {rlim_cur=@@, rlim_max=@@})");
	r = syscall(SYS_getrlimit, 99, &rl);
	EXPECT_RET("-1 EINVAL (Invalid argument)", "getrlimit(0x63 /* RLIMIT_??? */, %p)", (void *)&rl);

	struct utsname u;
	uname(&u);
	EXPECT_RET("0", "uname({sysname=\"%s\", nodename=\"%s\", ...})", u.sysname, u.nodename);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	EXPECT_RET("0", "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=@@, tv_usec=@@}, ru_stime={tv_sec=@@, tv_usec=@@}, ...})");
	r = syscall(SYS_times, NULL);
	EXPECT_RET("@@", "times(NULL)");

	EXPECT_RET("@@", "getuid()");
	(void)getuid();
	uid_t ru_, eu, su;
	getresuid(&ru_, &eu, &su);
	EXPECT_RET("0", "getresuid([%u], [%u], [%u])", ru_, eu, su);
	r = syscall(SYS_setresuid, -1, -1, -1);
	EXPECT_RET("0", "setresuid(-1, -1, -1)");
	gid_t g[1];
	int n = getgroups(0, NULL);
	EXPECT_RET("@@", "getgroups(0, NULL)");
	if (n >= 1) {
		n = getgroups(1, g);
		if (n == 1)
			EXPECT_RET("1", "getgroups(1, [%u])", g[0]);
	}
	r = syscall(SYS_setfsuid, -1);
	EXPECT_RET("@@", "setfsuid(-1)");
	(void)r;
	return expect_done();
}
