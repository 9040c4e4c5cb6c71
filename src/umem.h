/* SPDX-License-Identifier: MIT */
/* Tracee memory. Everything a decoder reads from a tracee goes through
 * here; the fuzz target links tests/fuzz/umem_fake.c in its place. The data
 * is hostile: every read is bounded by the caller's buffer. */
#ifndef TATTLE_UMEM_H
#define TATTLE_UMEM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* What one decoding pass (a call's entry part, or its exit part) may read.
 * Every array is cut at -s items, but a hostile tracee can nest them
 * (sendmmsg: -s messages of -s iovecs of -s bytes each), so -s 4096 would
 * read 64 GiB for one line. Past the budget every read comes back short,
 * as if the rest of memory were unmapped: values print as addresses and
 * arrays end with "...". umem_pass_budget is at least 16 MiB and room for
 * four strings of -s bytes, so that no single buffer a user asked to see
 * whole is ever cut (umem_budget_init). Outside a pass (-e read=/write=
 * dumps, which are bounded by what the call moved) umem_budget is
 * SIZE_MAX. */
extern size_t umem_pass_budget;
void umem_budget_init(long strsize);
extern size_t umem_budget;

/* how many of len bytes a read may copy; takes them from the budget */
static inline size_t umem_charge(size_t len)
{
	if (len > umem_budget)
		len = umem_budget;
	if (umem_budget != SIZE_MAX)
		umem_budget -= len;
	return len;
}

/* 0 when all len bytes at addr were copied into buf, -1 otherwise */
int umem_read(pid_t pid, unsigned long addr, void *buf, size_t len);
/* As many of len bytes as can be read (stops at the first unreadable page) */
size_t umem_read_partial(pid_t pid, unsigned long addr, void *buf, size_t len);
/* writes len bytes at addr (-e inject= pokes): 0, or -1 when not all
 * could be written */
int umem_write(pid_t pid, unsigned long addr, const void *buf, size_t len);
/* The task tid is gone or has a new address space (exec): reads for it
 * must not use what was cached for the old one */
void umem_forget(pid_t tid);
/* A NUL-terminated string of at most max bytes into buf (buf has max+1
 * bytes and is always terminated). Returns the length, or -1 when addr is
 * unreadable or no NUL comes before an unreadable byte; *terminated says whether the NUL was found within max. */
long umem_readstr(pid_t pid, unsigned long addr, char *buf, size_t max, bool *terminated);
#endif
