/* SPDX-License-Identifier: MIT */
/* Syscall descriptors: generated from tables/syscall_64.tbl and the
 * signature tables in tables/syscall_args/ (src/gen/sysent.c). */
#ifndef TATTLE_SYSTAB_H
#define TATTLE_SYSTAB_H
#include "gen/sysent.h"
#include <stdbool.h>

enum ret_kind {
	RET_INT, RET_SSIZE, RET_UINT, RET_FD, RET_HEX, RET_PID, RET_OFF, RET_NONE,
	RET_OCTAL, RET_LONG, RET_ULONG,
};
enum argdir { DIR_IN, DIR_OUT, DIR_INOUT };
#define LEN_RET 6	/* argdesc.len: the length is the return value */

struct argdesc {
	const char *name;
	unsigned char type;	/* enum argtype */
	unsigned char dir;	/* enum argdir */
	unsigned short param;	/* enum xlat_id or enum struct_id */
	signed char len;	/* argument index of the length, LEN_RET, or -1 */
};

struct call;
struct emit;
/* A whole-call decoder (src/custom/): called with PHASE_ENTRY, then with
 * PHASE_EXIT; prints the arguments known at each point. */
typedef void (*custom_fn)(struct call *c, struct emit *e, int phase);

struct sysent {
	const char *name;
	unsigned char ret;	/* enum ret_kind */
	unsigned classes;	/* CLASS_* bits */
	unsigned char nargs;
	unsigned char has_sig;	/* 0: no signature, six raw arguments */
	custom_fn custom;
	struct argdesc args[6];
};

struct sysname {
	const char *name;
	int nr;
};

extern const struct sysent sysent[SYSCALL_MAX];
extern const struct sysname sysname_index[];
extern const unsigned sysname_count;

/* the descriptor of nr, or NULL when nr is not a known x86_64 syscall */
static inline const struct sysent *systab_get(long nr)
{
	if (nr < 0 || nr >= SYSCALL_MAX || !sysent[nr].name)
		return 0;
	return &sysent[nr];
}

/* name -> number by binary search; -1 when unknown */
int systab_lookup(const char *name);
/* the known name closest to an unknown one (edit distance), or NULL */
const char *systab_suggest(const char *name);
#endif
