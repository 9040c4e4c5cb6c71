/* SPDX-License-Identifier: MIT */
/* The address space of a traced process for -k, from /proc/PID/maps. It is
 * read again only after a call that changes mappings (or exec) and only
 * when a stack is next walked; the ELF file of each mapping and its load
 * bias carry over from the previous reading when the mapping is the same,
 * so a re-read after mmap costs one read of the maps file and no stat(). */
#include "unwind_int.h"
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MATCHED 0x80	/* in prot of an old entry while merging */

/* ---- interned paths: every process maps the same few files ---- */

struct istr {
	struct istr *next;
	size_t len;
	char s[];
};

#define ISTR_BUCKETS 1024
static struct istr *istr_tab[ISTR_BUCKETS];

static const char *intern(const char *p, size_t len)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	struct istr **b = &istr_tab[h % ISTR_BUCKETS];
	for (struct istr *s = *b; s; s = s->next)
		if (s->len == len && !memcmp(s->s, p, len))
			return s->s;
	struct istr *s = xmalloc(sizeof(*s) + len + 1);
	s->len = len;
	memcpy(s->s, p, len);
	s->s[len] = 0;
	s->next = *b;
	*b = s;
	return s->s;
}

/* ---- reading ---- */

static char *text;
static size_t text_cap;

static ssize_t read_maps(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = 0;
	for (;;) {
		if (text_cap - len < 4096) {
			text_cap = text_cap ? text_cap * 2 : 65536;
			text = xrealloc(text, text_cap);
		}
		ssize_t n = read(fd, text + len, text_cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	text[len] = 0;
	return (ssize_t)len;
}

static unsigned long hexnum(const char **pp, const char *end)
{
	unsigned long v = 0;
	const char *p = *pp;
	for (; p < end; p++) {
		int d;
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else
			break;
		v = v << 4 | (unsigned long)d;
	}
	*pp = p;
	return v;
}

static void skip_spaces(const char **pp, const char *end)
{
	while (*pp < end && **pp == ' ')
		(*pp)++;
}

/* one line "start-end perms offset dev inode   path": false when it has
 * no path (anonymous) or is malformed */
static bool parse_line(const char *p, const char *end, struct umap *m)
{
	m->start = hexnum(&p, end);
	if (p >= end || *p++ != '-')
		return false;
	m->end = hexnum(&p, end);
	skip_spaces(&p, end);
	if (end - p < 4 || m->end < m->start)
		return false;
	m->prot = (p[0] == 'r' ? UMAP_R : 0) | (p[1] == 'w' ? UMAP_W : 0) | (p[2] == 'x' ? UMAP_X : 0);
	p += 4;
	skip_spaces(&p, end);
	m->off = hexnum(&p, end);
	skip_spaces(&p, end);
	while (p < end && *p != ' ')	/* device */
		p++;
	skip_spaces(&p, end);
	m->inode = 0;
	while (p < end && *p >= '0' && *p <= '9')
		m->inode = m->inode * 10 + (unsigned long)(*p++ - '0');
	skip_spaces(&p, end);
	if (p >= end)
		return false;
	m->path = intern(p, (size_t)(end - p));
	m->elf = NULL;
	m->elf_tried = false;
	m->bias = 0;
	return true;
}

int uspace_refresh(struct uspace *s, pid_t pid)
{
	ssize_t len = read_maps(pid);
	if (len < 0) {
		s->n = 0;
		s->valid = false;
		return -1;
	}
	struct umap *old = s->maps;
	size_t nold = s->n, j = 0, n = 0, cap = 0;
	struct umap *maps = NULL;
	for (const char *p = text, *e; *p; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p);
		struct umap m;
		if (!parse_line(p, e, &m))
			continue;
		/* the kernel lists mappings in order; a duplicate ([vsyscall]
		 * on some kernels) or an overlap is dropped, as strace does */
		if (n && m.start < maps[n - 1].end)
			continue;
		while (j < nold && old[j].start < m.start)
			j++;
		if (j < nold && old[j].start == m.start && old[j].end == m.end && old[j].off == m.off &&
		    old[j].inode == m.inode && old[j].path == m.path && (old[j].prot & 7) == m.prot) {
			m.elf = old[j].elf;
			m.bias = old[j].bias;
			m.elf_tried = old[j].elf_tried;
			old[j].prot |= MATCHED;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			maps = xrealloc(maps, cap * sizeof(*maps));
		}
		maps[n++] = m;
	}
	int changed = 0;
	for (size_t i = 0; i < nold; i++)
		if ((old[i].prot & (UMAP_X | MATCHED)) == UMAP_X)
			changed = 1;
	free(old);
	s->maps = maps;
	s->n = n;
	s->cap = cap;
	s->last = 0;
	s->valid = true;
	return changed;
}

struct umap *uspace_find(struct uspace *s, unsigned long addr)
{
	if (s->last < s->n && addr >= s->maps[s->last].start && addr < s->maps[s->last].end)
		return &s->maps[s->last];
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (addr < s->maps[mid].start)
			hi = mid;
		else if (addr >= s->maps[mid].end)
			lo = mid + 1;
		else {
			s->last = mid;
			return &s->maps[mid];
		}
	}
	return NULL;
}

struct uelf *umap_elf(struct umap *m)
{
	if (m->elf_tried)
		return m->elf;
	m->elf_tried = true;
	m->elf = uelf_get(m->path);
	unsigned long v;
	if (m->elf && uelf_offset_vaddr(m->elf, m->off, m->prot, &v))
		m->bias = (long)(m->start - v);
	else
		m->elf = NULL;
	return m->elf;
}

void uspace_free(struct uspace *s)
{
	free(s->maps);
	s->maps = NULL;
	s->n = s->cap = 0;
	s->valid = false;
}
