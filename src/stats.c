/* SPDX-License-Identifier: MIT */
/* -c/-C: per-syscall counts, errors and times, printed as strace 6.1's
 * table, plus what strace lacks: percentiles (p50, p90, p99, p99.9) from a
 * log-linear histogram per syscall, log2 histograms drawn as bpftrace
 * draws them, one table per process or thread, tables every N seconds,
 * and the summary as one JSON object.
 *
 * Per call the work is a few additions (and one histogram increment when
 * percentiles or histograms were asked for); all formatting happens when
 * a table is printed. */
#include "stats.h"
#include "hist.h"
#include "options.h"
#include "output.h"
#include "util.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool stats_want_rusage;
uint64_t stats_stime_now;

/* one syscall in one table */
struct scstat {
	uint64_t calls, errors;
	uint64_t total, min, max;	/* the table's time: system CPU, or wall with -w */
	uint64_t wtotal, wmin, wmax;	/* wall clock, for the wall-* columns */
	struct hist *hdr;		/* percentiles, when asked for */
	uint64_t *log2;			/* --histogram, when this syscall is in its set */
};

/* one table: the only one, or one per process or thread */
struct table {
	pid_t id;
	struct scstat *sc[SYSCALL_MAX];
	struct table *next;	/* in creation order */
	struct table *hnext;	/* by id (--summary-by=pid) */
};

enum { BY_NONE, BY_PID, BY_TID };

static struct table main_table;
static struct table *tables, **tables_tail = &tables;
#define TABLE_HASH 1024
static struct table *by_id[TABLE_HASH];
static int by;
static bool want_pct, want_wall_cols;
static unsigned char *hist_set;	/* --histogram: per syscall number */

/* ---- columns (-U) and sort keys (-S) ---- */

enum col {
	COL_PCT, COL_TOTAL, COL_MIN, COL_MAX, COL_AVG, COL_CALLS, COL_ERRORS, COL_NAME,
	COL_P50, COL_P90, COL_P99, COL_P999, COL_PMAX,
	COL_WTOTAL, COL_WMIN, COL_WMAX, COL_WAVG,
	COL_COUNT
};

/* strace's titles and widths; a column grows when a value is wider */
static const struct {
	const char *title;
	unsigned char width;
} coldesc[COL_COUNT] = {
	[COL_PCT] = { "% time", 6 },
	[COL_TOTAL] = { "seconds", 11 },
	[COL_MIN] = { "shortest", 8 },
	[COL_MAX] = { "longest", 8 },
	[COL_AVG] = { "usecs/call", 11 },
	[COL_CALLS] = { "calls", 9 },
	[COL_ERRORS] = { "errors", 9 },
	[COL_NAME] = { "syscall", 16 },
	[COL_P50] = { "p50", 8 },
	[COL_P90] = { "p90", 8 },
	[COL_P99] = { "p99", 8 },
	[COL_P999] = { "p99.9", 8 },
	[COL_PMAX] = { "max", 8 },
	[COL_WTOTAL] = { "wall-total", 11 },
	[COL_WMIN] = { "wall-min", 8 },
	[COL_WMAX] = { "wall-max", 8 },
	[COL_WAVG] = { "wall-avg", 11 },
};

/* -U names, strace's and their aliases, then tattle's own */
static const struct {
	const char *name;
	enum col col;
} colnames[] = {
	{ "time-percent", COL_PCT }, { "time", COL_PCT },
	{ "total-time", COL_TOTAL }, { "time-total", COL_TOTAL },
	{ "min-time", COL_MIN }, { "shortest", COL_MIN }, { "time-min", COL_MIN },
	{ "max-time", COL_MAX }, { "longest", COL_MAX }, { "time-max", COL_MAX },
	{ "avg-time", COL_AVG }, { "time-avg", COL_AVG },
	{ "calls", COL_CALLS }, { "count", COL_CALLS },
	{ "errors", COL_ERRORS }, { "error", COL_ERRORS },
	{ "name", COL_NAME }, { "syscall", COL_NAME }, { "syscall-name", COL_NAME },
	{ "p50", COL_P50 }, { "p90", COL_P90 }, { "p99", COL_P99 }, { "p999", COL_P999 },
	{ "p99.9", COL_P999 }, { "max", COL_PMAX },
	{ "wall-total", COL_WTOTAL }, { "wall-min", COL_WMIN }, { "wall-max", COL_WMAX },
	{ "wall-avg", COL_WAVG },
};

static enum col columns[COL_COUNT];
static int ncolumns;

enum sortkey {
	SORT_TIME, SORT_MIN, SORT_MAX, SORT_AVG, SORT_CALLS, SORT_ERRORS, SORT_NAME, SORT_NOTHING,
	SORT_P50, SORT_P90, SORT_P99, SORT_P999,
};

static const struct {
	const char *name;
	enum sortkey key;
} sortnames[] = {
	{ "time", SORT_TIME }, { "time-percent", SORT_TIME }, { "time-total", SORT_TIME },
	{ "total-time", SORT_TIME },
	{ "min-time", SORT_MIN }, { "shortest", SORT_MIN }, { "time-min", SORT_MIN },
	{ "max-time", SORT_MAX }, { "longest", SORT_MAX }, { "time-max", SORT_MAX },
	{ "max", SORT_MAX },
	{ "avg-time", SORT_AVG }, { "time-avg", SORT_AVG },
	{ "calls", SORT_CALLS }, { "count", SORT_CALLS },
	{ "errors", SORT_ERRORS }, { "error", SORT_ERRORS },
	{ "name", SORT_NAME }, { "syscall", SORT_NAME }, { "syscall-name", SORT_NAME },
	{ "nothing", SORT_NOTHING }, { "none", SORT_NOTHING },
	{ "p50", SORT_P50 }, { "p90", SORT_P90 }, { "p99", SORT_P99 }, { "p999", SORT_P999 },
	{ "p99.9", SORT_P999 },
};

static enum sortkey sortkey = SORT_TIME;

static void parse_columns(const char *arg)
{
	bool seen[COL_COUNT] = { false };
	ncolumns = 0;
	const char *p = arg;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t i;
		for (i = 0; i < ARRAY_SIZE(colnames); i++)
			if (strlen(colnames[i].name) == len && !strncmp(colnames[i].name, p, len))
				break;
		if (i == ARRAY_SIZE(colnames))
			die("unknown column name: '%.*s'", (int)len, p);
		enum col c = colnames[i].col;
		if (seen[c])
			die("call summary column has been provided more than once: '%.*s'", (int)len, p);
		seen[c] = true;
		columns[ncolumns++] = c;
		if (!end)
			break;
		p = end + 1;
	}
	/* strace: the name is the last column unless placed elsewhere */
	if (!seen[COL_NAME])
		columns[ncolumns++] = COL_NAME;
}

static void parse_histogram_set(const char *set)
{
	hist_set = xcalloc(SYSCALL_MAX, 1);
	if (!*set || !strcmp(set, "all")) {
		memset(hist_set, 1, SYSCALL_MAX);
		return;
	}
	char *copy = xstrdup(set), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int nr = systab_lookup(tok);
		if (nr < 0 || nr >= SYSCALL_MAX) {
			const char *near = systab_suggest(tok);
			if (near)
				die("--histogram: invalid system call '%s' (did you mean '%s'?)", tok, near);
			die("--histogram: invalid system call '%s'", tok);
		}
		hist_set[nr] = 1;
	}
	free(copy);
}

static void stats_check_options(void)
{
	static const char with_c[] = "must be given with (-c/--summary-only or -C/--summary)";
	if (opt.summary)
		return;
	if (opt.wall)
		die("-w/--summary-wall-clock %s", with_c);
	if (opt.columns)
		die("-U/--summary-columns %s", with_c);
	if (opt.histogram)
		die("--histogram %s", with_c);
	if (opt.summary_by)
		die("--summary-by %s", with_c);
	if (opt.summary_interval > 0)
		die("--summary-interval %s", with_c);
	if (opt.sortby)
		warnx("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
}

static uint64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t start_ns;	/* tracing began: elapsed times of the summaries */

void stats_init(void)
{
	if (opt.sortby) {
		size_t i;
		for (i = 0; i < ARRAY_SIZE(sortnames); i++)
			if (!strcmp(opt.sortby, sortnames[i].name))
				break;
		if (i == ARRAY_SIZE(sortnames))
			die("invalid sortby: '%s'", opt.sortby);
		sortkey = sortnames[i].key;
	}
	if (opt.columns) {
		parse_columns(opt.columns);
	} else {
		static const enum col def[] = { COL_PCT, COL_TOTAL, COL_AVG, COL_CALLS, COL_ERRORS, COL_NAME };
		memcpy(columns, def, sizeof(def));
		ncolumns = (int)ARRAY_SIZE(def);
	}
	if (opt.histogram)
		parse_histogram_set(opt.histogram);
	stats_check_options();
	if (!opt.summary)
		return;
	if (opt.summary == SUMMARY_ONLY) {
		if (opt.Tflag)
			warnx("-T/--syscall-times has no effect with -c/--summary-only");
		if (opt.rflag)
			warnx("-r/--relative-timestamps has no effect with -c/--summary-only");
		if (opt.tflag)
			warnx("-t/--absolute-timestamps has no effect with -c/--summary-only");
	}
	for (int i = 0; i < ncolumns; i++) {
		if (columns[i] >= COL_P50 && columns[i] <= COL_P999)
			want_pct = true;
		if (columns[i] >= COL_WTOTAL)
			want_wall_cols = true;
	}
	if (sortkey >= SORT_P50 || opt.json)
		want_pct = true;
	if (opt.wall)
		want_wall_cols = false;	/* the wall-* columns are the time columns */
	stats_want_rusage = !opt.wall;
	if (opt.summary_by)
		by = !strcmp(opt.summary_by, "tid") ? BY_TID : BY_PID;
	main_table.id = 0;
	start_ns = mono_ns();
}

/* ---- per call ---- */

static struct scstat *scstat_new(long nr)
{
	struct scstat *s = xcalloc(1, sizeof(*s));
	s->min = s->wmin = UINT64_MAX;
	if (want_pct)
		s->hdr = xcalloc(1, sizeof(*s->hdr));
	if (hist_set && hist_set[nr])
		s->log2 = xcalloc(LOG2_BUCKETS, sizeof(uint64_t));
	return s;
}

static struct table *table_new(pid_t id)
{
	struct table *tab = xcalloc(1, sizeof(*tab));
	tab->id = id;
	*tables_tail = tab;
	tables_tail = &tab->next;
	return tab;
}

/* the table of a task's calls, found once per task and kept in t->stats */
static struct table *table_of(struct task *t)
{
	struct table *tab;
	if (by == BY_TID) {
		tab = table_new(t->tid);
	} else {
		unsigned h = (unsigned)t->tgid % TABLE_HASH;
		for (tab = by_id[h]; tab && tab->id != t->tgid; tab = tab->hnext)
			;
		if (!tab) {
			tab = table_new(t->tgid);
			tab->hnext = by_id[h];
			by_id[h] = tab;
		}
	}
	t->stats = tab;
	return tab;
}

void stats_add(struct task *t, const struct call *c, uint64_t dur_ns)
{
	if ((unsigned long)c->nr >= SYSCALL_MAX)
		return;
	struct table *tab = &main_table;
	if (by)
		tab = t->stats ? t->stats : table_of(t);
	struct scstat *s = tab->sc[c->nr];
	if (unlikely(!s))
		s = tab->sc[c->nr] = scstat_new(c->nr);
	uint64_t v = dur_ns;
	if (!opt.wall)
		v = stats_stime_now > c->stime_entry ? stats_stime_now - c->stime_entry : 0;
	if (unlikely(opt.overhead_ns))	/* -O: what tracing itself is guessed to cost */
		v = v > opt.overhead_ns ? v - opt.overhead_ns : 0;
	s->calls++;
	s->errors += c->failed;
	s->total += v;
	if (v < s->min)
		s->min = v;
	if (v > s->max)
		s->max = v;
	if (want_wall_cols) {
		s->wtotal += dur_ns;
		if (dur_ns < s->wmin)
			s->wmin = dur_ns;
		if (dur_ns > s->wmax)
			s->wmax = dur_ns;
	}
	if (s->hdr)
		hist_add(s->hdr, v);
	if (s->log2)
		s->log2[log2_index(v / 1000)]++;
}

void stats_task_gone(struct task *t)
{
	/* a new process may get this pid: it gets a table of its own */
	if (by != BY_PID || t->tid != t->tgid || !t->stats)
		return;
	struct table *tab = t->stats;
	for (struct table **pp = &by_id[(unsigned)tab->id % TABLE_HASH]; *pp; pp = &(*pp)->hnext)
		if (*pp == tab) {
			*pp = tab->hnext;
			break;
		}
}

/* ---- building a table ---- */

enum { Q50, Q90, Q99, Q999, NQ };
static const double quantiles[NQ] = { 0.50, 0.90, 0.99, 0.999 };

struct row {
	long nr;
	const char *name;
	const struct scstat *s;
	uint64_t q[NQ];
};

static const char *sc_name(long nr, char *tmp, size_t n)
{
	if (sysent[nr].name)
		return sysent[nr].name;
	snprintf(tmp, n, "syscall_%#lx", (unsigned long)nr);
	return tmp;
}

static uint64_t avg_of(const struct scstat *s)
{
	return s->calls ? s->total / s->calls : 0;
}

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

/* strace sorts an array in syscall number order with glibc's qsort, a
 * stable merge sort for arrays this small: its ties stay in number order,
 * so ours are broken by the number */
static int cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int r = 0;
	switch (sortkey) {
	case SORT_TIME: r = cmp_u64_desc(a->s->total, b->s->total); break;
	case SORT_MIN: r = cmp_u64_desc(a->s->min, b->s->min); break;
	case SORT_MAX: r = cmp_u64_desc(a->s->max, b->s->max); break;
	case SORT_AVG: r = cmp_u64_desc(avg_of(a->s), avg_of(b->s)); break;
	case SORT_CALLS: r = cmp_u64_desc(a->s->calls, b->s->calls); break;
	case SORT_ERRORS: r = cmp_u64_desc(a->s->errors, b->s->errors); break;
	case SORT_NAME: r = strcmp(a->name, b->name); break;
	case SORT_NOTHING: break;
	case SORT_P50: r = cmp_u64_desc(a->q[Q50], b->q[Q50]); break;
	case SORT_P90: r = cmp_u64_desc(a->q[Q90], b->q[Q90]); break;
	case SORT_P99: r = cmp_u64_desc(a->q[Q99], b->q[Q99]); break;
	case SORT_P999: r = cmp_u64_desc(a->q[Q999], b->q[Q999]); break;
	}
	if (r)
		return r;
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

/* a table's rows, sorted, and its totals */
struct view {
	struct row *rows;
	int n;
	struct scstat tot;
	struct hist tot_hdr;
	uint64_t tot_q[NQ];
	char names[SYSCALL_MAX][24];	/* for numbers without a name */
};

static void view_build(struct view *v, const struct table *tab)
{
	memset(&v->tot, 0, sizeof(v->tot));
	memset(&v->tot_hdr, 0, sizeof(v->tot_hdr));
	v->tot.min = v->tot.wmin = UINT64_MAX;
	v->rows = xmalloc(sizeof(*v->rows) * SYSCALL_MAX);
	v->n = 0;
	for (long nr = 0; nr < SYSCALL_MAX; nr++) {
		const struct scstat *s = tab->sc[nr];
		if (!s || !s->calls)
			continue;
		struct row *r = &v->rows[v->n++];
		r->nr = nr;
		r->name = sc_name(nr, v->names[nr], sizeof(v->names[nr]));
		r->s = s;
		for (int q = 0; q < NQ; q++)
			r->q[q] = hist_quantile(s->hdr, quantiles[q], s->min, s->max);
		struct scstat *t = &v->tot;
		t->calls += s->calls;
		t->errors += s->errors;
		t->total += s->total;
		t->wtotal += s->wtotal;
		if (s->min < t->min)
			t->min = s->min;
		if (s->max > t->max)
			t->max = s->max;
		if (s->wmin < t->wmin)
			t->wmin = s->wmin;
		if (s->wmax > t->wmax)
			t->wmax = s->wmax;
		if (s->hdr)
			hist_merge(&v->tot_hdr, s->hdr);
	}
	if (!v->tot.calls)
		v->tot.min = v->tot.wmin = 0;	/* an empty interim table */
	for (int q = 0; q < NQ; q++)
		v->tot_q[q] = hist_quantile(&v->tot_hdr, quantiles[q], v->tot.min, v->tot.max);
	if (sortkey != SORT_NOTHING)
		qsort(v->rows, (size_t)v->n, sizeof(*v->rows), cmp_rows);
}

static void view_free(struct view *v)
{
	free(v->rows);
	hist_free(&v->tot_hdr);
}

/* ---- the text table ---- */

#define CELL 32

static void fmt_secs(char *cell, uint64_t ns)
{
	snprintf(cell, CELL, "%.6f", (double)ns / 1e9);
}

static void fmt_u64(char *cell, uint64_t v)
{
	snprintf(cell, CELL, "%llu", (unsigned long long)v);
}

/* one row's cells; total is set for the total row */
static void fmt_row(char (*cells)[CELL], const struct scstat *s, const uint64_t *q, const char *name,
		    uint64_t table_total, bool total)
{
	for (int i = 0; i < ncolumns; i++) {
		char *cell = cells[i];
		cell[0] = 0;
		switch (columns[i]) {
		case COL_PCT:
			snprintf(cell, CELL, "%.2f",
				 total ? 100.0 : table_total ? 100.0 * (double)s->total / (double)table_total : 0.0);
			break;
		case COL_TOTAL: fmt_secs(cell, s->total); break;
		case COL_MIN: fmt_secs(cell, s->min); break;
		case COL_MAX: fmt_secs(cell, s->max); break;
		/* strace: the average truncated to microseconds */
		case COL_AVG: fmt_u64(cell, s->calls ? s->total / s->calls / 1000 : 0); break;
		case COL_CALLS: fmt_u64(cell, s->calls); break;
		case COL_ERRORS:
			if (s->errors)
				fmt_u64(cell, s->errors);
			break;
		case COL_NAME: snprintf(cell, CELL, "%s", name); break;
		case COL_P50: fmt_secs(cell, q[Q50]); break;
		case COL_P90: fmt_secs(cell, q[Q90]); break;
		case COL_P99: fmt_secs(cell, q[Q99]); break;
		case COL_P999: fmt_secs(cell, q[Q999]); break;
		case COL_PMAX: fmt_secs(cell, s->max); break;
		/* with -w the table's time is the wall clock already */
		case COL_WTOTAL: fmt_secs(cell, opt.wall ? s->total : s->wtotal); break;
		case COL_WMIN: fmt_secs(cell, opt.wall ? s->min : s->wmin); break;
		case COL_WMAX: fmt_secs(cell, opt.wall ? s->max : s->wmax); break;
		case COL_WAVG:
			fmt_u64(cell, s->calls ? (opt.wall ? s->total : s->wtotal) / s->calls / 1000 : 0);
			break;
		case COL_COUNT: break;
		}
	}
}

static void put_cell(struct sbuf *b, const char *text, int width, bool left, bool last)
{
	int len = (int)strlen(text);
	if (!left)
		for (int k = len; k < width; k++)
			sbuf_putc(b, ' ');
	sbuf_add(b, text, (size_t)len);
	if (left && !last)
		for (int k = len; k < width; k++)
			sbuf_putc(b, ' ');
}

static void put_line(struct sbuf *b, char (*cells)[CELL], const int *width)
{
	for (int i = 0; i < ncolumns; i++) {
		if (i)
			sbuf_putc(b, ' ');
		/* the name is left-aligned, and unpadded when last */
		put_cell(b, cells[i], width[i], columns[i] == COL_NAME, i == ncolumns - 1);
	}
	sbuf_putc(b, '\n');
}

static void put_dashes(struct sbuf *b, const int *width)
{
	for (int i = 0; i < ncolumns; i++) {
		if (i)
			sbuf_putc(b, ' ');
		for (int k = 0; k < width[i]; k++)
			sbuf_putc(b, '-');
	}
	sbuf_putc(b, '\n');
}

static void table_text(struct sbuf *b, const struct view *v)
{
	int nlines = v->n + 1;
	char (*cells)[CELL] = xmalloc((size_t)nlines * (size_t)ncolumns * CELL);
	for (int r = 0; r < v->n; r++)
		fmt_row(cells + r * ncolumns, v->rows[r].s, v->rows[r].q, v->rows[r].name, v->tot.total, false);
	fmt_row(cells + v->n * ncolumns, &v->tot, v->tot_q, "total", v->tot.total, true);

	int width[COL_COUNT];
	for (int i = 0; i < ncolumns; i++) {
		int w = coldesc[columns[i]].width;
		int title = (int)strlen(coldesc[columns[i]].title);
		if (title > w)
			w = title;
		for (int r = 0; r < nlines; r++) {
			int len = (int)strlen(cells[r * ncolumns + i]);
			/* strace keeps a space after the longest name */
			if (columns[i] == COL_NAME)
				len++;
			if (len > w)
				w = len;
		}
		width[i] = w;
	}
	char head[COL_COUNT][CELL];
	for (int i = 0; i < ncolumns; i++)
		snprintf(head[i], CELL, "%s", coldesc[columns[i]].title);
	put_line(b, head, width);
	put_dashes(b, width);
	for (int r = 0; r < v->n; r++)
		put_line(b, cells + r * ncolumns, width);
	put_dashes(b, width);
	put_line(b, cells + v->n * ncolumns, width);
	free(cells);

	if (!hist_set)
		return;
	for (int r = 0; r < v->n; r++) {
		const struct scstat *s = v->rows[r].s;
		if (!s->log2)
			continue;
		sbuf_printf(b, "\n@usecs[%s]:\n", v->rows[r].name);
		log2_draw(b, s->log2);
	}
}

/* ---- JSON ----
 * -c --json prints each summary as one object on one line, sorted as -S:
 * {"type":"summary","final":true,"elapsed_ns":N,"time":"system"|"wall",
 *  "syscalls":[{"name":"read","nr":0,"calls":N,"errors":N,"time_ns":N,
 *    "min_ns":N,"max_ns":N,"avg_ns":N,"p50_ns":N,"p90_ns":N,"p99_ns":N,
 *    "p999_ns":N[,"wall_ns":N,"wall_min_ns":N,"wall_max_ns":N]
 *    [,"hist_us":[[low,high,count],...]]},...],
 *  "total":{"name":"total",...the same fields}}
 * and with --summary-by, "by":"pid","groups":[{"pid":N,"syscalls":[...],
 * "total":{...}},...] in place of "syscalls" and "total". The wall_*
 * fields come with the wall-* columns, hist_us with --histogram. */

static void json_u64(struct sbuf *b, const char *key, uint64_t v, bool comma)
{
	if (comma)
		sbuf_putc(b, ',');
	sbuf_putc(b, '"');
	sbuf_puts(b, key);
	sbuf_add(b, "\":", 2);
	sbuf_udec(b, v);
}

static void json_stat(struct sbuf *b, const struct scstat *s, const uint64_t *q)
{
	json_u64(b, "calls", s->calls, true);
	json_u64(b, "errors", s->errors, true);
	json_u64(b, "time_ns", s->total, true);
	json_u64(b, "min_ns", s->min, true);
	json_u64(b, "max_ns", s->max, true);
	json_u64(b, "avg_ns", s->calls ? s->total / s->calls : 0, true);
	json_u64(b, "p50_ns", q[Q50], true);
	json_u64(b, "p90_ns", q[Q90], true);
	json_u64(b, "p99_ns", q[Q99], true);
	json_u64(b, "p999_ns", q[Q999], true);
	if (want_wall_cols) {
		json_u64(b, "wall_ns", s->wtotal, true);
		json_u64(b, "wall_min_ns", s->wmin, true);
		json_u64(b, "wall_max_ns", s->wmax, true);
	}
}

static void table_json(struct sbuf *b, const struct view *v)
{
	sbuf_puts(b, "\"syscalls\":[");
	for (int r = 0; r < v->n; r++) {
		const struct row *row = &v->rows[r];
		if (r)
			sbuf_putc(b, ',');
		sbuf_printf(b, "{\"name\":\"%s\",\"nr\":%ld", row->name, row->nr);
		json_stat(b, row->s, row->q);
		if (row->s->log2) {
			/* the --histogram buckets: [low_us, high_us, count] */
			sbuf_puts(b, ",\"hist_us\":[");
			bool first = true;
			for (unsigned i = 0; i < LOG2_BUCKETS; i++) {
				if (!row->s->log2[i])
					continue;
				uint64_t lo, hi;
				log2_range(i, &lo, &hi);
				sbuf_printf(b, "%s[%llu,%llu,%llu]", first ? "" : ",", (unsigned long long)lo,
					    (unsigned long long)hi, (unsigned long long)row->s->log2[i]);
				first = false;
			}
			sbuf_putc(b, ']');
		}
		sbuf_putc(b, '}');
	}
	sbuf_puts(b, "],\"total\":{\"name\":\"total\"");
	json_stat(b, &v->tot, v->tot_q);
	sbuf_putc(b, '}');
}

/* ---- printing ---- */

static const char *by_label(void)
{
	return by == BY_TID ? "tid" : "pid";
}

/* every table, as text or as one JSON object; final is false for the
 * tables printed by --summary-interval */
static void print_all(bool final)
{
	struct sbuf b = { 0 };
	uint64_t elapsed = mono_ns() - start_ns;
	if (opt.json) {
		sbuf_printf(&b, "{\"type\":\"summary\",\"final\":%s,\"elapsed_ns\":%llu,\"time\":\"%s\"",
			    final ? "true" : "false", (unsigned long long)elapsed, opt.wall ? "wall" : "system");
		if (by) {
			sbuf_printf(&b, ",\"by\":\"%s\",\"groups\":[", by_label());
			bool first = true;
			for (struct table *tab = tables; tab; tab = tab->next) {
				struct view v;
				view_build(&v, tab);
				if (v.n) {
					sbuf_printf(&b, "%s{\"%s\":%d,", first ? "" : ",", by_label(), (int)tab->id);
					table_json(&b, &v);
					sbuf_putc(&b, '}');
					first = false;
				}
				view_free(&v);
			}
			sbuf_putc(&b, ']');
		} else {
			struct view v;
			view_build(&v, &main_table);
			sbuf_putc(&b, ',');
			table_json(&b, &v);
			view_free(&v);
		}
		sbuf_add(&b, "}\n", 2);
	} else {
		if (!final)
			sbuf_printf(&b, "--- summary after %.3f s ---\n", (double)elapsed / 1e9);
		if (by) {
			bool first = true;
			for (struct table *tab = tables; tab; tab = tab->next) {
				struct view v;
				view_build(&v, tab);
				if (v.n) {
					sbuf_printf(&b, "%s--- %s %d ---\n", first ? "" : "\n", by_label(), (int)tab->id);
					table_text(&b, &v);
					first = false;
				}
				view_free(&v);
			}
		} else {
			struct view v;
			view_build(&v, &main_table);
			/* strace prints nothing when no call was counted; an
			 * interim table is printed even empty, to show the tick */
			if (v.n || !final)
				table_text(&b, &v);
			view_free(&v);
		}
	}
	if (b.len)
		output_write_main(b.p, b.len);
	sbuf_free(&b);
}

void stats_print(void)
{
	if (opt.summary)
		print_all(true);
}

/* ---- --summary-interval ---- */

static volatile sig_atomic_t tick_pending;
static uint64_t next_due, interval_ns;
static bool timer_on;

static void on_tick(int sig)
{
	(void)sig;
	tick_pending = 1;
}

/* A periodic POSIX timer on its own signal, without SA_RESTART, so the
 * main loop's blocking waitpid returns even when the tracee is quiet. */
static void timer_start(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_tick;
	sigaction(SIGRTMIN + 2, &sa, NULL);
	struct sigevent sev;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGRTMIN + 2;
	timer_t id;
	if (timer_create(CLOCK_MONOTONIC, &sev, &id) < 0) {
		warn_errno("--summary-interval: timer_create");
		return;
	}
	struct itimerspec its;
	its.it_value.tv_sec = (time_t)(interval_ns / 1000000000u);
	its.it_value.tv_nsec = (long)(interval_ns % 1000000000u);
	its.it_interval = its.it_value;
	if (timer_settime(id, 0, &its, NULL) < 0)
		warn_errno("--summary-interval: timer_settime");
}

void stats_tick(void)
{
	if (!opt.summary || opt.summary_interval <= 0)
		return;
	if (unlikely(!timer_on)) {
		timer_on = true;
		interval_ns = (uint64_t)(opt.summary_interval * 1e9);
		if (interval_ns < 1000000)
			interval_ns = 1000000;	/* 1 ms: a table per stop helps nobody */
		next_due = mono_ns() + interval_ns;
		timer_start();
		return;
	}
	if (!tick_pending)
		return;
	tick_pending = 0;
	uint64_t now = mono_ns();
	if (now < next_due)
		return;
	/* one table however many intervals passed while tracing was busy */
	while (next_due <= now)
		next_due += interval_ns;
	print_all(false);
}
