/* SPDX-License-Identifier: MIT */
/* The JSON Lines backend (--json). The decoders are the text backend's:
 * values they describe with a type (emit_int, emit_flags, emit_str...)
 * become typed JSON; text a decoder writes by hand after emit_item()
 * becomes a JSON string holding strace's rendering of that item. Whatever a
 * decoder writes, the record stays valid JSON: settle() closes each item
 * before the next one starts.
 *
 * One record per line:
 *   {"type":"syscall","ts_ns":N,"pid":N,"tid":N,"name":"openat","nr":257,
 *    "args":{"dirfd":{"value":-100,"name":"AT_FDCWD"},"pathname":"/etc",
 *            "flags":{"value":524288,"names":["O_RDONLY","O_CLOEXEC"]},...},
 *    "ret":3,"dur_ns":N}
 *   failed calls: "ret":-1,"errno":"ENOENT"; calls that never returned:
 *   "ret":null; strings cut by -s: {"str":"...","truncated":true}
 *   {"type":"signal",...,"signal":"SIGCHLD","siginfo":{...}}
 *   {"type":"stopped",...,"signal":"SIGSTOP"}
 *   {"type":"exit",...,"status":0} or {"type":"exit",...,"killed_by":"SIGKILL","core_dumped":false}
 *   {"type":"message",...,"text":"..."} for anything else (-k frames, dumps)
 * ts_ns is on --clock's clock; pid is the process, tid the thread. */
#include "emit_json.h"
#include "argtypes.h"
#include "decode.h"
#include "inject.h"
#include "options.h"
#include "output.h"
#include "structs/structs.h"
#include "timeline.h"
#include "unwind.h"
#include "util.h"
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>

enum { OPEN_NONE, OPEN_RAW, OPEN_TYPED };

/* ---- strings ---- */

/* the length of the valid UTF-8 sequence at s (at most n bytes), or 0 */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t k;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4;
	else
		return 0;
	/* no overlong forms, no surrogates, nothing past U+10FFFF */
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (n < k || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < k; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return k;
}

void json_quote(struct sbuf *b, const char *s0, size_t n)
{
	static const char hexd[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)s0;
	if (b->len + 6 * n + 2 > b->cap)
		sbuf_grow(b, 6 * n + 2);
	char *o = b->p + b->len;
	*o++ = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			*o++ = (char)c;
		} else if (c == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else if (c == '\t') {
			*o++ = '\\';
			*o++ = 't';
		} else {
			size_t k = c >= 0x80 ? utf8_len(s + i, n - i) : 0;
			if (k) {
				memcpy(o, s + i, k);
				o += k;
				i += k - 1;
				continue;
			}
			/* controls (ESC included) and stray bytes: never raw */
			memcpy(o, "\\u00", 4);
			o += 4;
			*o++ = hexd[c >> 4];
			*o++ = hexd[c & 15];
		}
	}
	*o++ = '"';
	b->len = (size_t)(o - b->p);
}

/* ---- the emitter ---- */

/* the emitter's operations, below */
static const struct emit_ops json_ops;

void emit_init_json(struct emit *e, struct sbuf *sb, unsigned items)
{
	emit_init(e, sb);
	e->ops = &json_ops;
	e->count[0] = items;
	e->open = OPEN_NONE;
	e->mark = sb->len;
}

/* bytes [from, to) of b, copied into a buffer kept from call to call (no
 * allocation per item), and cut from b from "from" on */
static const char *cut(struct sbuf *b, size_t from, size_t to)
{
	static struct sbuf scratch;
	scratch.len = 0;
	sbuf_add(&scratch, b->p + from, to - from);
	b->len = from;
	return scratch.p;
}

/* bytes [from, len) of the buffer become one JSON string */
static void wrap(struct sbuf *b, size_t from)
{
	size_t n = b->len - from;
	json_quote(b, cut(b, from, b->len), n);
}

static bool is_object(const struct emit *e)
{
	return e->kind[e->depth] != EMIT_ARRAY;
}

/* the separator and the key of the next member or element */
static void key(struct emit *e, const char *name)
{
	struct sbuf *b = e->sb;
	unsigned i = e->count[e->depth]++;
	if (i)
		sbuf_putc(b, ',');
	if (is_object(e)) {
		if (name) {
			json_quote(b, name, strlen(name));
		} else {
			/* an argument without a name in the tables */
			char tmp[24];
			int k = snprintf(tmp, sizeof(tmp), "\"%s%u\"", e->kind[e->depth] == EMIT_ARGS ? "arg" : "_", i);
			sbuf_add(b, tmp, (size_t)k);
		}
		sbuf_putc(b, ':');
	}
	e->at = b->len;
}

/* text written by hand outside any item (separators, a struct a decoder
 * began at entry and closes by hand at exit): dropped when it is only
 * punctuation, else kept as a string */
static void stray(struct emit *e)
{
	struct sbuf *b = e->sb;
	size_t from = e->mark, to = b->len;
	while (from < to && memchr(", }]", b->p[from], 4))
		from++;
	while (to > from && (b->p[to - 1] == ',' || b->p[to - 1] == ' '))
		to--;
	const char *text = cut(b, e->mark, to);
	if (from == to)
		return;
	key(e, "_text");
	json_quote(b, text + (from - e->mark), to - from);
}

static void settle(struct emit *e)
{
	struct sbuf *b = e->sb;
	switch (e->open) {
	case OPEN_RAW:
		wrap(b, e->at);
		break;
	case OPEN_TYPED:
		/* a typed value with text after it: the whole item as text */
		if (b->len > e->mark)
			wrap(b, e->at);
		break;
	default:
		if (b->len > e->mark)
			stray(e);
	}
	e->open = OPEN_NONE;
	e->mark = b->len;
}

static void begin_typed(struct emit *e, const char *name)
{
	settle(e);
	key(e, name);
}

static void end_typed(struct emit *e)
{
	e->open = OPEN_TYPED;
	e->mark = e->sb->len;
}

static void ej_item(struct emit *e, const char *name)
{
	settle(e);
	key(e, name);
	e->open = OPEN_RAW;
}

static void ej_int(struct emit *e, const char *name, long long v)
{
	begin_typed(e, name);
	sbuf_dec(e->sb, v);
	end_typed(e);
}

static void ej_uint(struct emit *e, const char *name, unsigned long long v)
{
	begin_typed(e, name);
	sbuf_udec(e->sb, v);
	end_typed(e);
}

/* addresses and masks: hex strings, exact where a JSON number (a double
 * to most readers) would round */
static void hex_str(struct sbuf *b, unsigned long long v)
{
	sbuf_putc(b, '"');
	sbuf_hex(b, v);
	sbuf_putc(b, '"');
}

static void ej_hex(struct emit *e, const char *name, unsigned long long v)
{
	begin_typed(e, name);
	hex_str(e->sb, v);
	end_typed(e);
}

static void ej_oct(struct emit *e, const char *name, unsigned long long v)
{
	begin_typed(e, name);
	sbuf_putc(e->sb, '"');
	sbuf_oct(e->sb, v);
	sbuf_putc(e->sb, '"');
	end_typed(e);
}

static void ej_ptr(struct emit *e, const char *name, unsigned long v)
{
	begin_typed(e, name);
	if (v)
		hex_str(e->sb, v);
	else
		sbuf_add(e->sb, "null", 4);
	end_typed(e);
}

static void ej_str(struct emit *e, const char *name, const char *s, size_t n, unsigned flags)
{
	begin_typed(e, name);
	if (flags & STR_TRUNCATED) {
		sbuf_puts(e->sb, "{\"str\":");
		json_quote(e->sb, s, n);
		sbuf_puts(e->sb, ",\"truncated\":true}");
	} else {
		json_quote(e->sb, s, n);
	}
	end_typed(e);
}

static void ej_text(struct emit *e, const char *name, const char *text)
{
	begin_typed(e, name);
	json_quote(e->sb, text, strlen(text));
	end_typed(e);
}

/* {"value":N,"names":["A","B","0x40"]}: the names as the text backend
 * finds them, the value whole */
static void ej_flags(struct emit *e, const char *name, const struct xlat *x, unsigned long long v)
{
	static struct sbuf t;	/* the names as text: kept, not allocated per call */
	t.len = 0;
	xlat_flags(&t, x, v);
	begin_typed(e, name);
	struct sbuf *b = e->sb;
	sbuf_puts(b, "{\"value\":");
	sbuf_udec(b, v);
	sbuf_puts(b, ",\"names\":[");
	for (size_t i = 0, start = 0; i <= t.len; i++) {
		if (i < t.len && t.p[i] != '|')
			continue;
		if (start)
			sbuf_putc(b, ',');
		json_quote(b, t.p + start, i - start);
		start = i + 1;
	}
	sbuf_puts(b, "]}");
	end_typed(e);
}

static void ej_enum(struct emit *e, const char *name, const struct xlat *x, unsigned long long v)
{
	const char *n = xlat_name(x, v);
	begin_typed(e, name);
	struct sbuf *b = e->sb;
	sbuf_puts(b, "{\"value\":");
	sbuf_dec(b, (long long)v);
	if (n) {
		sbuf_puts(b, ",\"name\":");
		json_quote(b, n, strlen(n));
	}
	sbuf_putc(b, '}');
	end_typed(e);
}

static void ej_begin(struct emit *e, const char *name, int kind)
{
	settle(e);
	key(e, name);
	size_t at = e->at;
	sbuf_putc(e->sb, kind == EMIT_ARRAY ? '[' : '{');
	if (e->depth + 1 < EMIT_MAXDEPTH)
		e->depth++;
	e->kind[e->depth] = (unsigned char)kind;
	e->count[e->depth] = 0;
	e->item_at[e->depth] = at;
	e->mark = e->sb->len;
}

static void ej_end(struct emit *e)
{
	settle(e);
	sbuf_putc(e->sb, e->kind[e->depth] == EMIT_ARRAY ? ']' : '}');
	size_t at = e->item_at[e->depth];
	if (e->depth > 0)
		e->depth--;
	/* the container is the parent's item: text after it wraps it all */
	e->at = at;
	end_typed(e);
}

void emit_json_close(struct emit *e)
{
	settle(e);
	while (e->depth > 0)
		ej_end(e);
	settle(e);
}

/* the text backend's "..." (more elements, or fields left out) */
static void ej_more(struct emit *e)
{
	begin_typed(e, is_object(e) ? "_more" : NULL);
	sbuf_add(e->sb, "true", 4);
	end_typed(e);
}

static void ej_comment(struct emit *e, const char *text)
{
	begin_typed(e, "_comment");
	json_quote(e->sb, text, strlen(text));
	end_typed(e);
}

static const struct emit_ops json_ops = {
	.item = ej_item, .int_ = ej_int, .uint = ej_uint, .hex = ej_hex,
	.oct = ej_oct, .ptr = ej_ptr, .str = ej_str, .text = ej_text,
	.flags = ej_flags, .enum_ = ej_enum, .begin = ej_begin, .end = ej_end,
	.more = ej_more, .comment = ej_comment,
};

/* ---- records ---- */

static void head(struct sbuf *b, const char *type, uint64_t ts, const struct task *t)
{
	sbuf_puts(b, "{\"type\":\"");
	sbuf_puts(b, type);
	sbuf_puts(b, "\",\"ts_ns\":");
	sbuf_udec(b, ts);
	sbuf_puts(b, ",\"pid\":");
	sbuf_dec(b, t->tgid);
	sbuf_puts(b, ",\"tid\":");
	sbuf_dec(b, t->tid);
}

static uint64_t now(void)
{
	struct timespec ts;
	clock_gettime(opt.clock, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void json_call_begin(struct task *t)
{
	struct call *c = &t->call;
	struct sbuf *b = &t->line;
	b->len = 0;
	head(b, "syscall", c->t_entry, t);
	sbuf_puts(b, ",\"name\":\"");
	decode_put_name(b, c);
	sbuf_puts(b, "\",\"nr\":");
	sbuf_dec(b, c->nr);
	sbuf_puts(b, ",\"args\":{");
}

static void put_ret(struct sbuf *b, const struct call *c)
{
	if (c->failed) {
		int err = (int)-c->ret;
		const char *name = errno_name(err);
		/* restart codes never reach the program: no value */
		sbuf_puts(b, err >= 512 ? "\"ret\":null,\"errno\":" : "\"ret\":-1,\"errno\":");
		if (name)
			json_quote(b, name, strlen(name));
		else
			sbuf_dec(b, err);
		return;
	}
	sbuf_puts(b, "\"ret\":");
	switch (retval_kind(c)) {
	case RET_HEX: hex_str(b, (unsigned long)c->ret); break;
	case RET_NONE: sbuf_add(b, "null", 4); break;
	case RET_UINT: sbuf_udec(b, (unsigned)c->ret); break;
	case RET_ULONG: sbuf_udec(b, (unsigned long)c->ret); break;
	case RET_INT: case RET_PID: sbuf_dec(b, (int)c->ret); break;
	default: sbuf_dec(b, c->ret); break;
	}
}

void json_put_result(struct sbuf *b, const struct call *c)
{
	put_ret(b, c);
	if (c->aux.len) {
		sbuf_puts(b, ",\"ret_info\":");
		json_quote(b, c->aux.p, c->aux.len);
	}
}

/* -e inject=: "injected":["args","retval"] and "delayed":true, the text
 * output's " (INJECTED: args, retval) (DELAYED)" */
static void put_tamper(struct sbuf *b, unsigned tamper)
{
	if (tamper & (TAMPER_ARGS | TAMPER_RETVAL)) {
		sbuf_puts(b, ",\"injected\":[");
		if (tamper & TAMPER_ARGS)
			sbuf_puts(b, tamper & TAMPER_RETVAL ? "\"args\"," : "\"args\"");
		if (tamper & TAMPER_RETVAL)
			sbuf_puts(b, "\"retval\"");
		sbuf_putc(b, ']');
	}
	if (tamper & TAMPER_DELAY)
		sbuf_puts(b, ",\"delayed\":true");
}

void json_call_end(struct task *t, struct emit *e, enum json_end how)
{
	struct call *c = &t->call;
	struct sbuf *b = &t->line;
	emit_json_close(e);
	sbuf_putc(b, '}');
	if (unlikely(opt.timeline)) {
		/* the "args" object, for the timeline: the head before it has
		 * no such key (the name of a call has no quotes) */
		const char *a = memmem(b->p, b->len, "\"args\":{", 8);
		if (a)
			timeline_text(t, a + 7, (size_t)(b->p + b->len - (a + 7)), true);
	}
	if (how == JSON_RETURNED) {
		sbuf_putc(b, ',');
		json_put_result(b, c);
		if (c->t_exit >= c->t_entry) {
			sbuf_puts(b, ",\"dur_ns\":");
			sbuf_udec(b, c->t_exit - c->t_entry);
		}
		if (unlikely(t->flags & T_TAMPERED) && t->tamper)
			put_tamper(b, t->tamper);
	} else {
		sbuf_puts(b, how == JSON_DETACHED ? ",\"ret\":null,\"detached\":true" : ",\"ret\":null");
	}
	/* -k: the frames belong to the record, so the walk is made now */
	if (opt.stack)
		unwind_json_call(t, b, how == JSON_RETURNED);
	sbuf_putc(b, '}');
	line_commit(t);
}

static void put_signame(struct sbuf *b, int sig)
{
	struct sbuf n = { 0 };
	signame_format(&n, sig, true);
	json_quote(b, n.p, n.len);
	sbuf_free(&n);
}

/* a record of its own: built after any held call record, then cut out */
static void record(struct task *t, const char *type, void (*body)(struct sbuf *, const void *), const void *arg)
{
	struct sbuf *b = &t->line;
	size_t keep = b->len;
	head(b, type, now(), t);
	body(b, arg);
	sbuf_add(b, "}\n", 2);
	line_record(t, b->p + keep, b->len - keep);
	b->len = keep;
}

struct sigarg {
	int sig;
	const siginfo_t *si;
	struct task *t;		/* -k: the stack of a signal's record */
};

static void signal_body(struct sbuf *b, const void *p)
{
	const struct sigarg *a = p;
	sbuf_puts(b, ",\"signal\":");
	put_signame(b, a->sig);
	if (a->si) {
		struct emit e;
		/* the decoder writes the struct itself: a context without keys */
		sbuf_puts(b, ",\"siginfo\":");
		emit_init_json(&e, b, 0);
		e.kind[0] = EMIT_ARRAY;
		siginfo_format(&e, a->si);
		emit_json_close(&e);
	}
	if (a->t && opt.stack)
		unwind_json_signal(a->t, b);
}

void json_signal(struct task *t, int sig, const siginfo_t *si)
{
	struct sigarg a = { sig, si, t };
	record(t, "signal", signal_body, &a);
}

void json_stopped(struct task *t, int sig)
{
	struct sigarg a = { sig, NULL, NULL };
	record(t, "stopped", signal_body, &a);
}

void json_put_exit(struct sbuf *b, int status)
{
	if (WIFEXITED(status)) {
		sbuf_puts(b, "\"status\":");
		sbuf_dec(b, WEXITSTATUS(status));
	} else {
		sbuf_puts(b, "\"killed_by\":");
		put_signame(b, WTERMSIG(status));
		sbuf_puts(b, WCOREDUMP(status) ? ",\"core_dumped\":true" : ",\"core_dumped\":false");
	}
}

static void exit_body(struct sbuf *b, const void *p)
{
	sbuf_putc(b, ',');
	json_put_exit(b, *(const int *)p);
}

void json_exit(struct task *t, int status)
{
	record(t, "exit", exit_body, &status);
}

struct textarg {
	const char *p;
	size_t n;
};

static void text_body(struct sbuf *b, const void *p)
{
	const struct textarg *a = p;
	size_t n = a->n;
	while (n && a->p[n - 1] == '\n')
		n--;
	sbuf_puts(b, ",\"text\":");
	json_quote(b, a->p, n);
}

void json_message(struct task *t, const char *type, const char *text, size_t len)
{
	struct textarg a = { text, len };
	record(t, type, text_body, &a);
}
