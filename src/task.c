/* SPDX-License-Identifier: MIT */
#include "task.h"
#include "umem.h"
#include "util.h"
#include <stdlib.h>

/* Power-of-two open hash on tid; grows so chains stay short. */
static struct task **tab;
static unsigned tabsize;
struct task *task_list;
unsigned task_count;
unsigned process_count;

static inline unsigned slot(pid_t tid) { return ((unsigned)tid * 2654435761u) & (tabsize - 1); }

struct task *task_find(pid_t tid)
{
	if (!tab)
		return NULL;
	for (struct task *t = tab[slot(tid)]; t; t = t->hnext)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void insert(struct task *t)
{
	unsigned s = slot(t->tid);
	t->hnext = tab[s];
	tab[s] = t;
}

static void unlink_hash(struct task *t)
{
	for (struct task **pp = &tab[slot(t->tid)]; *pp; pp = &(*pp)->hnext)
		if (*pp == t) {
			*pp = t->hnext;
			return;
		}
}

static void grow(void)
{
	unsigned old = tabsize;
	struct task **otab = tab;
	tabsize = old ? old * 2 : 64;
	tab = xcalloc(tabsize, sizeof(*tab));
	for (unsigned i = 0; i < old; i++)
		for (struct task *t = otab[i], *n; t; t = n) {
			n = t->hnext;
			insert(t);
		}
	free(otab);
}

struct task *task_new(pid_t tid, pid_t tgid)
{
	if (task_count + 1 > tabsize / 2)
		grow();
	struct task *t = xcalloc(1, sizeof(*t));
	t->tid = tid;
	t->tgid = tgid;
	t->call.task = t;
	t->call.pid = tid;
	t->last_nr = -1;
	insert(t);
	t->next = task_list;
	if (task_list)
		task_list->prev = t;
	task_list = t;
	task_count++;
	return t;
}

void task_retid(struct task *t, pid_t tid)
{
	umem_forget(t->tid);
	umem_forget(tid);
	unlink_hash(t);
	t->tid = tid;
	t->call.pid = tid;
	insert(t);
}

void task_free(struct task *t)
{
	umem_forget(t->tid);
	unlink_hash(t);
	if (t->prev)
		t->prev->next = t->next;
	else
		task_list = t->next;
	if (t->next)
		t->next->prev = t->prev;
	sbuf_free(&t->line);
	sbuf_free(&t->call.aux);
	sbuf_free(&t->tl_text);
	free(t->inject_count);
	task_count--;
	free(t);
}
