/* SPDX-License-Identifier: MIT */
/* The only module that knows x86_64 registers. */
#ifndef TATTLE_REGS_H
#define TATTLE_REGS_H
#include "task.h"

enum stop_kind { STOP_ENTRY, STOP_EXIT, STOP_SECCOMP, STOP_NONE, STOP_GONE };

/* picks PTRACE_GET_SYSCALL_INFO when the kernel has it (one cheap call that
 * also says entry or exit), else PTRACE_GETREGS; --regs forces one */
void regs_init(int mode);
/* At a syscall stop (seccomp: a PTRACE_EVENT_SECCOMP stop): fills the
 * task's call with nr and args (entry, seccomp) or ret (exit), ip and sp.
 * Returns what kind of stop it was; STOP_GONE when the task vanished. */
enum stop_kind regs_fetch(struct task *t, bool seccomp_stop);
/* At an exit stop whose entry was not read: nr and args from the exit's
 * registers (orig_rax and the argument registers outlive the call, except
 * across execve, which resets them) and ret. The register set cannot tell
 * an int 0x80 call of 64-bit code from a native one: such calls count
 * under the native name. */
enum stop_kind regs_fetch_exit_call(struct task *t);
/* Full registers for the unwinder (-k): rip, rsp, rbp... as user_regs_struct */
struct user_regs_struct;
int regs_get_all(pid_t tid, struct user_regs_struct *r);
/* true when the syscall number is a 32-bit (int 0x80) or x32 call */
extern bool regs_last_compat;
#endif
