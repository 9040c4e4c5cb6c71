/* SPDX-License-Identifier: MIT */
/* ELF files for -k, read with libelf: the program headers (where each file
 * offset is loaded), the .eh_frame_hdr search table libunwind needs, and
 * the function symbols. A file is opened once per run however many
 * processes map it; its symbol table is sorted on first use and demangled
 * names are made on first print. The bytes come from libelf's read-only
 * mapping of the file, so serving unwind tables costs no system call. */
#include "unwind_int.h"
#include "util.h"
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_DEMANGLE
/* demangle.h pulls in libiberty.h, whose basename() clashes with glibc's */
#define LIBIBERTY_H
#include <libiberty/demangle.h>
#endif

#define PAGE_MASK_ (~0xfffUL)
#define NBUCKETS 256

struct usym {
	unsigned long addr;
	const char *name;	/* in the file image (libelf's string table) */
	char *shown;		/* demangled or name; NULL until first asked */
};

struct uelf {
	struct uelf *next;	/* hash chain */
	dev_t dev;
	ino_t ino;
	struct timespec mtime;
	off_t size;
	Elf *elf;		/* NULL: the file is not usable (cached too) */
	const unsigned char *img;
	size_t img_size;
	Elf64_Phdr *ph;		/* PT_LOAD headers only */
	size_t nph;
	bool have_eh;
	struct uelf_eh eh;
	struct usym *syms;
	size_t nsyms;
	bool syms_done;
};

static struct uelf *buckets[NBUCKETS];
static bool elf_ready;

/* the byte size of a DW_EH_PE_* value format; 0 for those the search
 * table header cannot use (LEB128, omit) */
static size_t eh_enc_size(unsigned char enc)
{
	switch (enc & 0x0f) {
	case 0x00: return 8;	/* absptr */
	case 0x02: case 0x0a: return 2;
	case 0x03: case 0x0b: return 4;
	case 0x04: case 0x0c: return 8;
	}
	return 0;
}

static unsigned long read_uint(const unsigned char *p, size_t size)
{
	uint64_t v = 0;
	memcpy(&v, p, size);	/* little endian */
	return (unsigned long)v;
}

/* The program headers: PT_LOAD kept for address translation, the
 * .eh_frame_hdr table checked against the file's bounds. */
static void read_headers(struct uelf *e)
{
	size_t n;
	if (elf_getphdrnum(e->elf, &n) != 0)
		return;
	e->ph = xcalloc(n ? n : 1, sizeof(*e->ph));
	GElf_Phdr eh_ph = { 0 }, dyn_ph = { 0 };
	unsigned long lo = ~0UL, hi = 0;
	for (size_t i = 0; i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(e->elf, (int)i, &ph))
			continue;
		if (ph.p_type == PT_LOAD) {
			e->ph[e->nph++] = ph;
			if (ph.p_vaddr < lo)
				lo = ph.p_vaddr;
			if (ph.p_vaddr + ph.p_memsz > hi)
				hi = ph.p_vaddr + ph.p_memsz;
		} else if (ph.p_type == PT_GNU_EH_FRAME) {
			eh_ph = ph;
		} else if (ph.p_type == PT_DYNAMIC) {
			dyn_ph = ph;
		}
	}
	if (eh_ph.p_type != PT_GNU_EH_FRAME || eh_ph.p_offset > e->img_size ||
	    eh_ph.p_filesz > e->img_size - eh_ph.p_offset || eh_ph.p_filesz < 4)
		return;
	const unsigned char *h = e->img + eh_ph.p_offset;
	size_t ptr_size = eh_enc_size(h[1]), cnt_size = eh_enc_size(h[2]);
	/* version 1, and the table as libunwind reads it: datarel sdata4 */
	if (h[0] != 1 || h[3] != 0x3b || !ptr_size || !cnt_size || h[2] == 0xff ||
	    4 + ptr_size + cnt_size > eh_ph.p_filesz)
		return;
	unsigned long count = read_uint(h + 4 + ptr_size, cnt_size);
	size_t table_off = 4 + ptr_size + cnt_size;
	if (count > (eh_ph.p_filesz - table_off) / 8)
		return;
	e->eh.hdr = eh_ph.p_vaddr;
	e->eh.table = eh_ph.p_vaddr + table_off;
	e->eh.count = count;
	e->eh.lo = lo;
	e->eh.hi = hi;
	if (dyn_ph.p_type == PT_DYNAMIC && dyn_ph.p_offset < e->img_size &&
	    dyn_ph.p_filesz <= e->img_size - dyn_ph.p_offset) {
		const unsigned char *d = e->img + dyn_ph.p_offset;
		for (size_t off = 0; off + sizeof(Elf64_Dyn) <= dyn_ph.p_filesz; off += sizeof(Elf64_Dyn)) {
			Elf64_Dyn dyn;
			memcpy(&dyn, d + off, sizeof(dyn));
			if (dyn.d_tag == DT_NULL)
				break;
			if (dyn.d_tag == DT_PLTGOT) {
				e->eh.gp = dyn.d_un.d_ptr;
				break;
			}
		}
	}
	e->have_eh = true;
}

static void open_file(struct uelf *e, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (elf && elf_kind(elf) == ELF_K_ELF && gelf_getclass(elf) == ELFCLASS64) {
		e->elf = elf;
		e->img = (const unsigned char *)elf_rawfile(elf, &e->img_size);
		if (!e->img)
			e->img_size = 0;
		read_headers(e);
		/* everything is mapped: libelf needs the descriptor no more */
		elf_cntl(elf, ELF_C_FDDONE);
	} else if (elf) {
		elf_end(elf);
	}
	close(fd);
}

struct uelf *uelf_get(const char *path)
{
	struct stat st;
	if (path[0] != '/' || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return NULL;
	if (!elf_ready) {
		elf_version(EV_CURRENT);
		elf_ready = true;
	}
	unsigned h = (unsigned)((st.st_ino * 31u) ^ st.st_dev) % NBUCKETS;
	for (struct uelf *e = buckets[h]; e; e = e->next)
		if (e->ino == st.st_ino && e->dev == st.st_dev && e->size == st.st_size &&
		    e->mtime.tv_sec == st.st_mtim.tv_sec && e->mtime.tv_nsec == st.st_mtim.tv_nsec)
			return e->elf ? e : NULL;
	struct uelf *e = xcalloc(1, sizeof(*e));
	e->dev = st.st_dev;
	e->ino = st.st_ino;
	e->mtime = st.st_mtim;
	e->size = st.st_size;
	e->next = buckets[h];
	buckets[h] = e;
	open_file(e, path);
	return e->elf ? e : NULL;
}

/* the PT_LOAD segment whose file data holds [foff, foff+1), preferring the
 * one whose permissions match the mapping's (two segments can share the
 * page a mapping starts on) */
bool uelf_offset_vaddr(const struct uelf *e, unsigned long foff, unsigned prot, unsigned long *vaddr)
{
	const Elf64_Phdr *best = NULL;
	for (size_t i = 0; i < e->nph; i++) {
		const Elf64_Phdr *p = &e->ph[i];
		if (foff < (p->p_offset & PAGE_MASK_) || foff >= p->p_offset + p->p_filesz)
			continue;
		bool x = p->p_flags & PF_X, w = p->p_flags & PF_W;
		if (!best || (x == !!(prot & UMAP_X) && w == !!(prot & UMAP_W)))
			best = p;
	}
	if (!best)
		return false;
	*vaddr = best->p_vaddr - best->p_offset + foff;
	return true;
}

const struct uelf_eh *uelf_eh_table(const struct uelf *e)
{
	return e->have_eh ? &e->eh : NULL;
}

bool uelf_read(const struct uelf *e, unsigned long vaddr, void *buf, size_t len)
{
	for (size_t i = 0; i < e->nph; i++) {
		const Elf64_Phdr *p = &e->ph[i];
		if (vaddr < p->p_vaddr || vaddr - p->p_vaddr >= p->p_filesz)
			continue;
		/* writable segments (relro included) differ from the file once
		 * the loader has relocated them */
		if ((p->p_flags & PF_W) || len > p->p_filesz - (vaddr - p->p_vaddr))
			return false;
		unsigned long off = p->p_offset + (vaddr - p->p_vaddr);
		if (off > e->img_size || len > e->img_size - off)
			return false;
		memcpy(buf, e->img + off, len);
		return true;
	}
	return false;
}

/* ---- symbols ---- */

struct cand {
	unsigned long addr;
	size_t order;		/* file order: the first of equals wins */
	const char *name;
};

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Both .symtab and .dynsym, in section order, as libunwind scans them for
 * strace: so the name chosen among aliases is the one strace prints. */
static void syms_build(struct uelf *e)
{
	e->syms_done = true;
	struct cand *c = NULL;
	size_t n = 0, cap = 0, order = 0;
	for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e->elf, scn));) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) ||
		    !sh.sh_entsize)
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		if (!d)
			continue;
		size_t count = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; i < count; i++, order++) {
			GElf_Sym s;
			if (!gelf_getsym(d, (int)i, &s))
				break;
			if (GELF_ST_TYPE(s.st_info) != STT_FUNC || s.st_shndx == SHN_UNDEF ||
			    s.st_shndx == SHN_ABS)
				continue;
			const char *name = elf_strptr(e->elf, sh.sh_link, s.st_name);
			if (!name)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				c = xrealloc(c, cap * sizeof(*c));
			}
			c[n++] = (struct cand){ s.st_value, order, name };
		}
	}
	if (!n)
		return;
	qsort(c, n, sizeof(*c), cand_cmp);
	e->syms = xcalloc(n, sizeof(*e->syms));
	for (size_t i = 0; i < n; i++) {
		if (e->nsyms && e->syms[e->nsyms - 1].addr == c[i].addr)
			continue;
		e->syms[e->nsyms].addr = c[i].addr;
		e->syms[e->nsyms].name = c[i].name;
		e->nsyms++;
	}
	free(c);
}

static const char *sym_shown(struct usym *s)
{
	if (s->shown)
		return s->shown;
#ifdef HAVE_DEMANGLE
	/* as strace -k: C++ (and other GNU-mangled) names, with parameters */
	char *d = cplus_demangle(s->name, DMGL_AUTO | DMGL_PARAMS);
	if (d) {
		s->shown = d;
		return d;
	}
#endif
	s->shown = (char *)s->name;
	return s->shown;
}

const char *uelf_symbol(struct uelf *e, unsigned long vaddr, unsigned long *sym)
{
	if (!e->syms_done)
		syms_build(e);
	size_t lo = 0, hi = e->nsyms;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e->syms[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	struct usym *s = &e->syms[lo - 1];
	/* libunwind gives up on a symbol farther away than the file is long */
	if (vaddr - s->addr >= (unsigned long)e->size)
		return NULL;
	*sym = s->addr;
	return sym_shown(s);
}

void uelf_free_all(void)
{
	for (size_t b = 0; b < NBUCKETS; b++) {
		while (buckets[b]) {
			struct uelf *e = buckets[b];
			buckets[b] = e->next;
			for (size_t i = 0; i < e->nsyms; i++)
				if (e->syms[i].shown && e->syms[i].shown != e->syms[i].name)
					free(e->syms[i].shown);
			free(e->syms);
			free(e->ph);
			if (e->elf)
				elf_end(e->elf);
			free(e);
		}
	}
}
