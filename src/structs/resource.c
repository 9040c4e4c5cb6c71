/* SPDX-License-Identifier: MIT */
/* Resource structs: rlimit, rusage, tms, sysinfo. */
#include "proc.h"
#include "../filter.h"
#include "../options.h"
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/times.h>

/* strace's rlimit values: RLIM64_INFINITY, multiples of 1024 as "N*1024";
 * -X raw the decimal number, -X verbose the number with those in a
 * comment (plain numbers have none) */
static void put_rlim(struct emit *e, const char *name, unsigned long long v)
{
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	bool named = v == ~0ull || (v && v % 1024 == 0);
	if (opt.xlat_style != XLAT_STYLE_ABBREV || !named)
		sbuf_udec(b, v);
	if (opt.xlat_style == XLAT_STYLE_RAW || !named)
		return;
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(b, " /* ");
	if (v == ~0ull) {
		sbuf_puts(b, "RLIM64_INFINITY");
	} else {
		sbuf_udec(b, v / 1024);
		sbuf_puts(b, "*1024");
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(b, " */");
}

STRUCT_PRINTER(rlimit)
{
	unsigned long long rl[2];
	(void)len;
	if (!fetch_struct(c, e, name, addr, rl, sizeof(rl)))
		return;
	emit_struct_begin(e, name);
	put_rlim(e, "rlim_cur", rl[0]);
	put_rlim(e, "rlim_max", rl[1]);
	emit_struct_end(e);
}

STRUCT_PRINTER(rusage)
{
	struct rusage ru;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &ru, sizeof(ru)))
		return;
	emit_struct_begin(e, name);
	time_emit_timeval(e, "ru_utime", &ru.ru_utime);
	time_emit_timeval(e, "ru_stime", &ru.ru_stime);
	if (filter_abbrev(c->nr)) {
		emit_more(e);
	} else {
		emit_int(e, "ru_maxrss", ru.ru_maxrss);
		emit_int(e, "ru_ixrss", ru.ru_ixrss);
		emit_int(e, "ru_idrss", ru.ru_idrss);
		emit_int(e, "ru_isrss", ru.ru_isrss);
		emit_int(e, "ru_minflt", ru.ru_minflt);
		emit_int(e, "ru_majflt", ru.ru_majflt);
		emit_int(e, "ru_nswap", ru.ru_nswap);
		emit_int(e, "ru_inblock", ru.ru_inblock);
		emit_int(e, "ru_oublock", ru.ru_oublock);
		emit_int(e, "ru_msgsnd", ru.ru_msgsnd);
		emit_int(e, "ru_msgrcv", ru.ru_msgrcv);
		emit_int(e, "ru_nsignals", ru.ru_nsignals);
		emit_int(e, "ru_nvcsw", ru.ru_nvcsw);
		emit_int(e, "ru_nivcsw", ru.ru_nivcsw);
	}
	emit_struct_end(e);
}

STRUCT_PRINTER(tms)
{
	struct tms t;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &t, sizeof(t)))
		return;
	emit_struct_begin(e, name);
	emit_int(e, "tms_utime", t.tms_utime);
	emit_int(e, "tms_stime", t.tms_stime);
	emit_int(e, "tms_cutime", t.tms_cutime);
	emit_int(e, "tms_cstime", t.tms_cstime);
	emit_struct_end(e);
}

STRUCT_PRINTER(sysinfo)
{
	struct sysinfo si;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &si, sizeof(si)))
		return;
	emit_struct_begin(e, name);
	emit_int(e, "uptime", si.uptime);
	emit_array_begin(e, "loads");
	for (int i = 0; i < 3; i++)
		emit_uint(e, NULL, si.loads[i]);
	emit_array_end(e);
	emit_uint(e, "totalram", si.totalram);
	emit_uint(e, "freeram", si.freeram);
	emit_uint(e, "sharedram", si.sharedram);
	emit_uint(e, "bufferram", si.bufferram);
	emit_uint(e, "totalswap", si.totalswap);
	emit_uint(e, "freeswap", si.freeswap);
	emit_uint(e, "procs", si.procs);
	emit_uint(e, "totalhigh", si.totalhigh);
	emit_uint(e, "freehigh", si.freehigh);
	emit_uint(e, "mem_unit", si.mem_unit);
	emit_struct_end(e);
}
