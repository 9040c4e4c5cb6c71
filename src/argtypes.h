/* SPDX-License-Identifier: MIT */
/* Printers by meaning (fd, path, flags ...), shared by the signature walk
 * (decode.c), struct printers (structs/) and whole-call decoders (custom/). */
#ifndef TATTLE_ARGTYPES_H
#define TATTLE_ARGTYPES_H
#include "call.h"
#include "emit.h"

/* one argument as its signature line says */
void arg_print(struct call *c, struct emit *e, const struct argdesc *a, unsigned long v);
/* the same, from a type alone: ARG(c, e, i, "name", ARG_fd) */
#define ARG_X(c, e, i, nm, ty, par, ln) \
	arg_print((c), (e), &(struct argdesc){ (nm), (ty), DIR_IN, (par), (ln) }, (c)->args[i])
#define ARG(c, e, i, nm, ty) ARG_X(c, e, i, nm, ty, 0, -1)

void print_path(struct call *c, struct emit *e, const char *name, unsigned long addr);
/* a NUL-terminated string limited by -s (or by max when max >= 0) */
void print_str(struct call *c, struct emit *e, const char *name, unsigned long addr);
/* len bytes at addr limited by -s; the address when unreadable */
void print_buf(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long len);
void print_fd(struct call *c, struct emit *e, const char *name, int fd);
void print_signo(struct emit *e, const char *name, int sig);
void print_sigset(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long size);
/* "[INT TERM]" from a mask in memory (bit n-1 = signal n) */
void sigset_format(struct sbuf *b, const unsigned char *mask, size_t bytes);
/* signal name as strace prints it ("SIGINT", "SIGRTMIN", "SIGRT_3", "33") */
void signame_format(struct sbuf *b, int sig, bool with_prefix);
/* the same as an argument prints it: -X raw the number, -X verbose the
 * number and the name in a comment ("14 /\* SIGALRM *\/") */
void signame_styled(struct sbuf *b, int sig, bool with_prefix);
/* -Y: "<comm>" of pid (its /proc/PID/comm now, escaped as strace does);
 * nothing when -Y is off, pid <= 0, or the process is gone */
void pid_comm_append(struct sbuf *b, pid_t pid);
/* its parts: the raw name (up to cap bytes, 0 when unreadable or empty);
 * "<name>" escaped, nothing for an empty one */
size_t pid_comm_read(pid_t pid, char *buf, size_t cap);
void pid_comm_put(struct sbuf *b, const char *comm, size_t n);
/* an int that is a pid (not a pgid): the number, then -Y's "<comm>" */
void print_pid(struct emit *e, const char *name, int pid);
/* -y: "</path>" for fd of pid, nothing when unknown */
void fd_decorate(struct sbuf *b, pid_t pid, int fd);
/* -yy (src/fdinfo.c): "<TCP:[...]>" for a socket fd, false when it is none;
 * "<char 1:3>" after a device's path, false when it is none */
bool fdinfo_socket(struct sbuf *b, pid_t pid, int fd);
bool fdinfo_dev(struct sbuf *b, const char *path);
/* reads a struct of size n at addr: false (and the address printed) when
 * addr is NULL or unreadable */
bool fetch_struct(struct call *c, struct emit *e, const char *name, unsigned long addr, void *buf, size_t n);
/* how the return value prints: RET_x of the signature, or as a decoder or
 * -e raw= said */
int retval_kind(const struct call *c);
/* the return value as its kind says, errors as -1 ENAME (message) */
void print_retval(struct call *c, struct sbuf *b);
/* errno name, "ERESTARTSYS", or NULL */
const char *errno_name(int err);
#endif
