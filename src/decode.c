/* SPDX-License-Identifier: MIT */
#include "decode.h"
#include "argtypes.h"
#include "emit_json.h"
#include "filter.h"
#include "inject.h"
#include "options.h"
#include "output.h"
#include "timefmt.h"
#include "timeline.h"
#include "umem.h"
#include "util.h"
#include <stdio.h>

/* the index of the first argument printed at exit: the first OUT one */
static unsigned first_out(const struct sysent *se)
{
	for (unsigned i = 0; i < se->nargs; i++)
		if (se->args[i].dir == DIR_OUT)
			return i;
	return se->nargs;
}

static bool is_raw(const struct call *c)
{
	return !c->se || !c->se->has_sig || filter_raw(c->nr);
}

void decode_put_name(struct sbuf *b, const struct call *c)
{
	if (c->se) {
		sbuf_puts(b, c->se->name);
	} else {
		sbuf_puts(b, "syscall_");
		sbuf_hex(b, (unsigned long)c->nr);
	}
}

void decode_entry(struct task *t, bool hold)
{
	struct call *c = &t->call;
	struct emit e;
	bool json = opt.json_trace;
	size_t from = 0;	/* where the call's own text begins in the line */
	if (json) {
		/* a JSON record is written whole, at exit */
		json_call_begin(t);
		emit_init_json(&e, &t->line, 0);
		hold = true;
	} else {
		line_begin(t, c->t_entry);
		from = t->line.len;
		decode_put_name(&t->line, c);
		sbuf_putc(&t->line, '(');
		emit_init(&e, &t->line);
	}
	c->aux.len = 0;
	c->ret_as = 0;
	umem_budget = umem_pass_budget;
	if (c->nr == 219 /* restart_syscall */) {
		const struct sysent *prev = systab_get(t->last_nr);
		if (json) {
			emit_text(&e, "resuming", prev ? prev->name : "call");
		} else {
			sbuf_puts(&t->line, "<... resuming interrupted ");
			sbuf_puts(&t->line, prev ? prev->name : "call");
			sbuf_puts(&t->line, " ...>");
		}
		c->nprinted = 0;
	} else if (is_raw(c)) {
		unsigned n = c->se && c->se->has_sig ? c->se->nargs : 6;
		for (unsigned i = 0; i < n; i++)
			emit_hex(&e, NULL, c->args[i]);
		c->nprinted = (unsigned char)n;
	} else if (c->se->custom) {
		c->nprinted = 0;
		c->se->custom(c, &e, PHASE_ENTRY);
		if (c->nprinted && !json)
			sbuf_add(&t->line, ", ", 2);
	} else {
		unsigned k = first_out(c->se);
		for (unsigned i = 0; i < k; i++)
			arg_print(c, &e, &c->se->args[i], c->args[i]);
		c->nprinted = (unsigned char)k;
		/* the separator belongs to the entry part, as strace prints it */
		if (k && k < c->se->nargs && !json)
			sbuf_add(&t->line, ", ", 2);
	}
	umem_budget = SIZE_MAX;
	if (json)
		emit_json_close(&e);
	else if (unlikely(opt.timeline))
		timeline_text(t, t->line.p + from, t->line.len - from, true);
	line_entry_done(t, hold);
}

static void finish(struct task *t)
{
	struct call *c = &t->call;
	line_pad_result(t);
	print_retval(c, &t->line);
	if (c->aux.len) {
		sbuf_putc(&t->line, ' ');
		sbuf_add(&t->line, c->aux.p, c->aux.len);
	}
	if (unlikely(t->flags & T_TAMPERED) && t->tamper) {
		static const char *const what[] = {
			[TAMPER_ARGS] = " (INJECTED: args)", [TAMPER_RETVAL] = " (INJECTED)",
			[TAMPER_ARGS | TAMPER_RETVAL] = " (INJECTED: args, retval)",
		};
		unsigned inj = t->tamper & (TAMPER_ARGS | TAMPER_RETVAL);
		if (inj)
			sbuf_puts(&t->line, what[inj]);
		if (t->tamper & TAMPER_DELAY)
			sbuf_puts(&t->line, " (DELAYED)");
	}
	if (opt.Tflag && c->t_exit >= c->t_entry)
		timefmt_duration(&t->line, c->t_exit - c->t_entry);
	line_commit(t);
}

void decode_exit(struct task *t)
{
	struct call *c = &t->call;
	struct emit e;
	bool json = opt.json_trace;
	size_t from = 0;	/* where the exit part begins in the line */
	if (json) {
		/* continues the "args" object of the entry part */
		emit_init_json(&e, &t->line, t->line.p[t->line.len - 1] != '{');
	} else {
		line_resume(t, c->se ? c->se->name : "syscall");
		from = t->line.len;
		emit_init(&e, &t->line);
	}
	umem_budget = umem_pass_budget;
	if (c->nr == 219 || is_raw(c)) {
		/* all printed at entry */
	} else if (c->se->custom) {
		/* a custom decoder counts its entry items in nprinted */
		c->se->custom(c, &e, PHASE_EXIT);
	} else {
		for (unsigned i = c->nprinted; i < c->se->nargs; i++)
			arg_print(c, &e, &c->se->args[i], c->args[i]);
	}
	umem_budget = SIZE_MAX;
	if (json) {
		json_call_end(t, &e, JSON_RETURNED);
		return;
	}
	sbuf_putc(&t->line, ')');
	if (unlikely(opt.timeline))
		timeline_text(t, t->line.p + from, t->line.len - from, false);
	finish(t);
}

/* the args object of a held JSON record, for its end */
static void json_end(struct task *t, enum json_end how)
{
	struct emit e;
	emit_init_json(&e, &t->line, 1);
	json_call_end(t, &e, how);
}

void decode_noreturn(struct task *t)
{
	struct call *c = &t->call;
	if (opt.json_trace) {
		json_end(t, JSON_NORETURN);
		return;
	}
	line_resume(t, c->se ? c->se->name : "syscall");
	size_t from = t->line.len;
	/* arguments were still to come at exit: say they never will */
	if (!is_raw(c) && (c->se->custom || c->nprinted < c->se->nargs))
		sbuf_puts(&t->line, " <unfinished ...>");
	sbuf_putc(&t->line, ')');
	if (unlikely(opt.timeline))
		timeline_text(t, t->line.p + from, t->line.len - from, false);
	line_pad_result(t);
	sbuf_putc(&t->line, '?');
	line_commit(t);
}

void decode_detached(struct task *t)
{
	struct call *c = &t->call;
	if (opt.json_trace) {
		json_end(t, JSON_DETACHED);
		return;
	}
	/* strace ends the call's line with " <detached ...>" only while it is
	 * the open line; a line another one cut stays "<unfinished ...>" */
	if (!(t->flags & T_LINE_HELD) && !line_is_open(t)) {
		t->line.len = 0;
		return;
	}
	line_resume(t, c->se ? c->se->name : "syscall");
	sbuf_puts(&t->line, " <detached ...>");
	line_commit(t);
}
