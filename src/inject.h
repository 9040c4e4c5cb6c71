/* SPDX-License-Identifier: MIT */
/* Syscall tampering: -e inject=SET:... and -e fault=SET:..., as strace 6.1
 * does it. A rule fires on the when= invocations of a call, counted per
 * syscall and per thread; it may skip the call (error=, retval=, with
 * syscall= running a pure call in its place), send a signal at entry,
 * write into the memory its arguments point to (poke_enter/poke_exit),
 * and hold the thread back at entry or exit (delay_enter/delay_exit)
 * while the others run on. */
#ifndef TATTLE_INJECT_H
#define TATTLE_INJECT_H
#include <stdbool.h>

struct task;

/* what a fired rule did to the call, for " (INJECTED: args, retval)" and
 * " (DELAYED)" after its return value (task->tamper) */
enum { TAMPER_ARGS = 1, TAMPER_RETVAL = 2, TAMPER_DELAY = 4 };

extern bool inject_on;		/* some -e inject= or -e fault= was given */
extern unsigned inject_parked;	/* threads held back by a delay now */

/* After filter_init: parses the rules (a bad one exits 1) and marks their
 * calls QF_INJECT | QF_STOP in the filter tables. */
void inject_init(void);
/* the entry stop of a QF_INJECT call: counts it and, when a rule fires,
 * sets T_TAMPERED and does the entry part */
void inject_enter(struct task *t);
/* the exit stop of a T_TAMPERED call: the injected return value, pokes */
void inject_exit(struct task *t);
/* resumes a T_TAMPERED task from its entry or exit stop: with the rule's
 * signal at entry, after the rule's delay (parked meanwhile) */
void inject_resume(struct task *t, bool at_entry);
/* resumes the parked threads whose delay is over (before each wait) */
void inject_run_due(void);
/* resumes every parked thread now: before detaching */
void inject_release_all(void);
#endif
