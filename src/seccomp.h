/* SPDX-License-Identifier: MIT */
/* --seccomp-bpf: the trace set as a BPF program, installed in the child
 * before execve, so untraced calls never stop the tracee. */
#ifndef TATTLE_SECCOMP_H
#define TATTLE_SECCOMP_H
#include <stdbool.h>

extern bool seccomp_on;	/* decided once at start-up */
/* builds the program (in the parent, before fork; exits 1 on error) */
void seccomp_prepare(void);
/* in the child, before execve: installs it; returns -1 with errno on error */
int seccomp_install(void);
#endif
