/* SPDX-License-Identifier: MIT */
/* Signals: a handled SIGUSR1 sent to itself, then (with "segv") a SIGSEGV
 * at address 0, or (with "stop") a pause the test stops and continues from
 * outside before it sends SIGUSR2 to end it. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_sig(int sig)
{
	got = sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	kill(getpid(), SIGUSR1);
	if (argc > 1 && !strcmp(argv[1], "segv")) {
		volatile int *p = (int *)0;
		*p = 1;
	}
	if (argc > 1 && !strcmp(argv[1], "stop")) {
		while (got != SIGUSR2)
			pause();
	}
	return got == SIGUSR1 || got == SIGUSR2 ? 3 : 4;
}
