/* SPDX-License-Identifier: MIT */
/* Directory entries filled by getdents(2) and getdents64(2), printed at
 * exit from the bytes the call returned. Abbreviated, strace shows the
 * buffer's address and the number of entries; with -v every entry. The
 * two calls lay entries out differently: getdents64 has d_type before the
 * name, the old getdents keeps it in the last byte of the record. */
#include "structs.h"
#include "../filter.h"
#include "../umem.h"
#include "../util.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NR_GETDENTS 78
#define DIRENTS_MAX (1u << 20)	/* bytes read from the tracee at most */
/* both layouts have d_ino, d_off, d_reclen and one more byte (d_type
 * before the name, or the name's NUL in the old one) */
#define HDR 19

/* the length of entry i's record, or 0 when it is malformed */
static size_t entry_len(const unsigned char *buf, size_t at, size_t total)
{
	uint16_t reclen;
	if (total - at < HDR)
		return 0;
	memcpy(&reclen, buf + at + 16, sizeof(reclen));
	if (reclen < HDR || reclen > total - at)
		return 0;
	return reclen;
}

static void print_entry(struct emit *e, const unsigned char *p, size_t reclen, bool old)
{
	uint64_t ino;
	int64_t off;
	memcpy(&ino, p, 8);
	memcpy(&off, p + 8, 8);
	/* the name ends at its NUL, or at the end of the record */
	size_t room = reclen - HDR;
	const char *name = (const char *)p + (old ? 18 : 19);
	size_t nlen = strnlen(name, room);
	emit_struct_begin(e, NULL);
	emit_uint(e, "d_ino", ino);
	if (old)
		emit_uint(e, "d_off", (uint64_t)off);
	else
		emit_int(e, "d_off", off);
	emit_uint(e, "d_reclen", reclen);
	if (old) {
		emit_str(e, "d_name", name, nlen, 0);
		emit_enum(e, "d_type", XLAT(dirent_types), p[reclen - 1]);
	} else {
		emit_enum(e, "d_type", XLAT(dirent_types), p[18]);
		emit_str(e, "d_name", name, nlen, 0);
	}
	emit_struct_end(e);
}

ARGTYPE_PRINTER(dirents)
{
	bool old = c->nr == NR_GETDENTS;
	size_t total = c->failed || c->ret < 0 ? 0 : (size_t)c->ret;
	if (total > DIRENTS_MAX)
		total = DIRENTS_MAX;
	unsigned char *buf = NULL;
	if (total) {
		buf = xmalloc(total);
		if (umem_read(c->pid, v, buf, total) < 0) {
			free(buf);
			emit_ptr(e, a->name, v);
			return;
		}
	}
	if (filter_abbrev(c->nr)) {
		unsigned n = 0;
		for (size_t at = 0, len; at < total && (len = entry_len(buf, at, total)); at += len)
			n++;
		char tmp[32];
		emit_ptr(e, a->name, v);
		snprintf(tmp, sizeof(tmp), "%u entries", n);
		emit_comment(e, tmp);
		free(buf);
		return;
	}
	emit_array_begin(e, a->name);
	size_t at = 0;
	while (at < total) {
		size_t len = entry_len(buf, at, total);
		if (!len) {
			emit_more(e);
			break;
		}
		print_entry(e, buf + at, len, old);
		at += len;
	}
	emit_array_end(e);
	free(buf);
}
