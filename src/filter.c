/* SPDX-License-Identifier: MIT */
#include "filter.h"
#include "options.h"
#include "util.h"
#include "xlat.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned char filter_sys[SYSCALL_MAX];
bool filter_trace_unknown = true;
bool filter_all_traced = true;
bool filter_hold;
bool filter_show_unfinished = true;
static unsigned char sig_shown[65];

static const char *const class_names[] = { CLASS_NAMES };

static unsigned class_bit(const char *name)
{
	if (!strcmp(name, "network"))
		name = "net";
	if (!strcmp(name, "%stat"))
		name = "stat_any";
	if (!strcmp(name, "%statfs"))
		name = "statfs_any";
	for (unsigned i = 0; i < ARRAY_SIZE(class_names); i++)
		if (!strcmp(name, class_names[i]))
			return 1u << i;
	return 0;
}

/* marks the numbers of one token of a trace-like set; false when unknown */
static bool mark_token(const char *tok, unsigned char *set)
{
	if (!strcmp(tok, "all")) {
		memset(set, 1, SYSCALL_MAX);
		return true;
	}
	if (!strcmp(tok, "none"))
		return true;
	if (tok[0] == '%') {
		unsigned bit = class_bit(tok + 1);
		if (!bit)
			die("invalid system call class '%s'", tok);
		for (int nr = 0; nr < SYSCALL_MAX; nr++)
			if (sysent[nr].name && (sysent[nr].classes & bit))
				set[nr] = 1;
		return true;
	}
	int nr = systab_lookup(tok);
	if (nr < 0)
		return false;
	set[nr] = 1;
	return true;
}

static void apply(const char *kind, const char *expr, unsigned char bit, bool *seen)
{
	unsigned char set[SYSCALL_MAX];
	bool neg = false;
	memset(set, 0, sizeof(set));
	while (*expr == '!') {
		neg = !neg;
		expr++;
	}
	if (!*expr)
		die("invalid %s set: empty", kind);
	char *copy = xstrdup(expr), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool optional = tok[0] == '?';
		if (optional)
			tok++;
		if (!mark_token(tok, set) && !optional) {
			const char *near = systab_suggest(tok);
			if (near)
				die("invalid system call '%s' (did you mean '%s'?)", tok, near);
			die("invalid system call '%s'", tok);
		}
	}
	free(copy);
	if (!*seen && !neg && bit == QF_TRACE)
		for (int nr = 0; nr < SYSCALL_MAX; nr++)
			filter_sys[nr] &= (unsigned char)~bit;
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (set[nr] != neg)
			filter_sys[nr] |= bit;
	if (neg)
		for (int nr = 0; nr < SYSCALL_MAX; nr++)
			if (set[nr])
				filter_sys[nr] &= (unsigned char)~bit;
	if (bit == QF_TRACE) {
		filter_all_traced = false;
		filter_trace_unknown = neg;
	}
	*seen = true;
}

static void apply_signals(const char *expr)
{
	bool neg = false;
	unsigned char set[65];
	memset(set, 0, sizeof(set));
	while (*expr == '!') {
		neg = !neg;
		expr++;
	}
	char *copy = xstrdup(expr), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "all")) {
			memset(set, 1, sizeof(set));
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		char *end;
		long n = strtol(tok, &end, 10);
		if (!*end && n > 0 && n <= 64) {
			set[n] = 1;
			continue;
		}
		const char *name = tok;
		if (!strncasecmp(name, "SIG", 3))
			name += 3;
		int found = 0;
		for (int s = 1; s < 32; s++) {
			const char *sn = xlat_name(XLAT(signal_names), (unsigned long long)s);
			if (sn && !strcasecmp(sn + 3, name)) {
				set[s] = 1;
				found = 1;
			}
		}
		if (!found)
			die("invalid signal '%s'", tok);
	}
	free(copy);
	for (int s = 1; s <= 64; s++)
		sig_shown[s] = set[s] != neg;
}

void filter_init(void)
{
	bool seen[6] = { 0 };
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (sysent[nr].name)
			filter_sys[nr] = QF_TRACE;
	memset(sig_shown, 1, sizeof(sig_shown));
	for (int i = 0; i < opt.nquals; i++) {
		const struct qual *q = &opt.quals[i];
		if (!strcmp(q->kind, "trace"))
			apply("trace", q->set, QF_TRACE, &seen[0]);
		else if (!strcmp(q->kind, "raw"))
			apply("raw", q->set, QF_RAW, &seen[1]);
		else if (!strcmp(q->kind, "verbose"))
			apply("verbose", q->set, QF_VERBOSE, &seen[2]);
		else if (!strcmp(q->kind, "abbrev"))
			apply("abbrev", q->set, QF_ABBREV, &seen[3]);
		else if (!strcmp(q->kind, "signal"))
			apply_signals(q->set);
		else
			die("-e %s= is not supported yet", q->kind);
	}
	filter_hold = opt.status_only != 0;
}

bool filter_signal(int sig)
{
	return sig > 0 && sig <= 64 ? sig_shown[sig] : true;
}

bool filter_status_ok(const struct call *c)
{
	if (opt.status_only == 1)
		return !c->failed;
	if (opt.status_only == 2)
		return c->failed;
	return true;
}

void classes_list(void)
{
	for (unsigned i = 0; i < ARRAY_SIZE(class_names); i++) {
		printf("%%%s:", class_names[i]);
		for (int nr = 0; nr < SYSCALL_MAX; nr++)
			if (sysent[nr].name && (sysent[nr].classes & (1u << i)))
				printf(" %s", sysent[nr].name);
		putchar('\n');
	}
}
