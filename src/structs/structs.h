/* SPDX-License-Identifier: MIT */
/* Struct printers: struct_NAME_print() for each name in tables/structs.list,
 * one file per struct family in this directory. A printer reads the struct
 * with fetch_struct() (NULL and unreadable addresses print as such) and
 * emits its fields; len is the length argument when the signature names one
 * (=source), else -1. */
#ifndef TATTLE_STRUCTS_H
#define TATTLE_STRUCTS_H
#include "../argtypes.h"

typedef void (*struct_printer)(struct call *c, struct emit *e, const char *name, unsigned long addr, long len);
typedef void (*arg_printer)(struct call *c, struct emit *e, const struct argdesc *a, unsigned long v);
extern const struct_printer struct_printers[STRUCT_COUNT];
extern const arg_printer arg_printers[ARGTYPE_COUNT];

#define STRUCT_PRINTER(nm) \
	void struct_##nm##_print(struct call *c, struct emit *e, const char *name, unsigned long addr, long len)
#define ARGTYPE_PRINTER(nm) \
	void argtype_##nm##_print(struct call *c, struct emit *e, const struct argdesc *a, unsigned long v)
#define CUSTOM_DECODER(nm) void custom_##nm(struct call *c, struct emit *e, int phase)

/* siginfo for "--- SIGxxx {...} ---" lines and rt_sigtimedwait & co */
struct __siginfo_fwd;
void siginfo_format(struct emit *e, const void *siginfo);

/* file modes, device numbers and file times as stat prints them
 * (src/structs/stat.c): S_IFREG|S_ISUID|0755, makedev(0x1, 0x3), and the
 * date comment after a time in seconds (nothing for 0) */
void print_file_mode(struct emit *e, const char *name, unsigned mode);
void print_dev(struct emit *e, const char *name, unsigned long long dev);
void time_comment(struct emit *e, long long sec, unsigned long long nsec);
#endif
