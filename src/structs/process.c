/* SPDX-License-Identifier: MIT */
/* Process structs: utsname, capabilities. (clone_args and sched_param live
 * with their calls in src/custom/process.c.) */
#include "proc.h"
#include "../filter.h"
#include "../options.h"
#include "../umem.h"
#include <string.h>
#include <sys/utsname.h>

static void put_field(struct emit *e, const char *name, const char *s, size_t size)
{
	emit_str(e, name, s, strnlen(s, size), 0);
}

STRUCT_PRINTER(utsname)
{
	struct utsname u;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &u, sizeof(u)))
		return;
	emit_struct_begin(e, name);
	put_field(e, "sysname", u.sysname, sizeof(u.sysname));
	put_field(e, "nodename", u.nodename, sizeof(u.nodename));
	if (filter_abbrev(c->nr)) {
		emit_more(e);
	} else {
		put_field(e, "release", u.release, sizeof(u.release));
		put_field(e, "version", u.version, sizeof(u.version));
		put_field(e, "machine", u.machine, sizeof(u.machine));
		put_field(e, "domainname", u.domainname, sizeof(u.domainname));
	}
	emit_struct_end(e);
}

/* capget/capset header: {version=_LINUX_CAPABILITY_VERSION_3, pid=0} */
STRUCT_PRINTER(cap_header)
{
	struct { unsigned version; int pid; } h;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &h, sizeof(h)))
		return;
	emit_struct_begin(e, name);
	emit_enum(e, "version", XLAT(cap_versions), h.version);
	print_pid(e, "pid", h.pid);
	emit_struct_end(e);
}

/* a capability set: each 32-bit word as flags of its own (1<<CAP_CHOWN|...,
 * a word's unknown bits in hex), the nonzero words joined by '|', as
 * strace prints them under every -X style; 0 when all are */
static void put_caps(struct emit *e, const char *name, const unsigned *words, int n)
{
	static const int tables[2] = { XLAT_cap_mask_lo, XLAT_cap_mask_hi };
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	int shown = 0;
	for (int i = 0; i < n; i++) {
		if (!words[i])
			continue;
		if (shown++)
			sbuf_putc(b, '|');
		xlat_flags(b, xlat_table[tables[i]], words[i]);
	}
	if (!shown)
		sbuf_putc(b, '0');
}

#define CAP_V1 0x19980330u
#define CAP_V2 0x20071026u
#define CAP_V3 0x20080522u

/* the sets of the data array: two words each for versions 2 and 3 (the
 * header's version, read again from the call's first argument), one for
 * version 1 or a version the kernel does not know */
STRUCT_PRINTER(cap_data)
{
	struct { unsigned eff, perm, inh; } d[2];
	unsigned version = 0;
	(void)len;
	memset(d, 0, sizeof(d));
	if (c->args[0])
		umem_read(c->pid, c->args[0], &version, sizeof(version));
	int words = version == CAP_V2 || version == CAP_V3 ? 2 : 1;
	if (!fetch_struct(c, e, name, addr, d, words * sizeof(d[0])))
		return;
	unsigned eff[2] = { d[0].eff, d[1].eff }, perm[2] = { d[0].perm, d[1].perm },
		 inh[2] = { d[0].inh, d[1].inh };
	emit_struct_begin(e, name);
	put_caps(e, "effective", eff, words);
	put_caps(e, "permitted", perm, words);
	put_caps(e, "inheritable", inh, words);
	emit_struct_end(e);
}

/* struct sched_attr (sched_setattr/sched_getattr), up to the fields the
 * size says are there */
STRUCT_PRINTER(sched_attr)
{
	struct {
		unsigned size, policy;
		unsigned long long flags;
		int nice;
		unsigned prio;
		unsigned long long runtime, deadline, period;
		unsigned util_min, util_max;
	} a;
	(void)len;
	memset(&a, 0, sizeof(a));
	if (!fetch_struct(c, e, name, addr, &a, 48))
		return;
	bool more = a.size >= sizeof(a);
	if (more && umem_read(c->pid, addr, &a, sizeof(a)) < 0)
		more = false;
	emit_struct_begin(e, name);
	emit_uint(e, "size", a.size);
	emit_enum(e, "sched_policy", XLAT(sched_policies), a.policy);
	emit_flags(e, "sched_flags", XLAT(sched_flags), a.flags);
	emit_int(e, "sched_nice", a.nice);
	emit_uint(e, "sched_priority", a.prio);
	emit_uint(e, "sched_runtime", a.runtime);
	emit_uint(e, "sched_deadline", a.deadline);
	emit_uint(e, "sched_period", a.period);
	if (more) {
		emit_uint(e, "sched_util_min", a.util_min);
		emit_uint(e, "sched_util_max", a.util_max);
		if (a.size > sizeof(a))
			emit_more(e);
	}
	emit_struct_end(e);
}
