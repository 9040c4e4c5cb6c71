/* SPDX-License-Identifier: MIT */
/* -k internals shared by src/unwind*.c: ELF files on disk (symbols and
 * unwind tables, src/unwind_elf.c), the address space of each process
 * (/proc/PID/maps, src/unwind_maps.c) and the folded-stack aggregate
 * (src/unwind_folded.c). src/unwind.c drives libunwind with them. */
#ifndef TATTLE_UNWIND_INT_H
#define TATTLE_UNWIND_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* permissions of a mapping */
enum { UMAP_R = 1, UMAP_W = 2, UMAP_X = 4 };

/* ---- ELF files (src/unwind_elf.c) ---- */

/* One ELF file on disk, shared by every process that maps it: cached by
 * (device, inode, mtime, size), so a file replaced on disk is read again. */
struct uelf;

/* the .eh_frame_hdr binary-search table, in link-time addresses */
struct uelf_eh {
	unsigned long hdr;	/* address of .eh_frame_hdr */
	unsigned long table;	/* address of its first table entry */
	unsigned long count;	/* table entries */
	unsigned long lo, hi;	/* the span of all PT_LOAD segments */
	unsigned long gp;	/* DT_PLTGOT (data-relative base), 0 if none */
};

/* NULL when path is not a 64-bit ELF file that can be read */
struct uelf *uelf_get(const char *path);
/* the link-time address that file offset foff is loaded at, for a mapping
 * with permissions prot (UMAP_*); false when no PT_LOAD segment holds it */
bool uelf_offset_vaddr(const struct uelf *e, unsigned long foff, unsigned prot, unsigned long *vaddr);
/* the search table, or NULL when the file has none */
const struct uelf_eh *uelf_eh_table(const struct uelf *e);
/* copies len bytes of the file image at link-time address vaddr when they
 * are file contents the loader does not change (not in PT_GNU_RELRO, not
 * past the file data of their segment) */
bool uelf_read(const struct uelf *e, unsigned long vaddr, void *buf, size_t len);
/* The name of the function symbol nearest at or below vaddr (.symtab and
 * .dynsym, as libunwind chooses: STT_FUNC, defined, first in file order on
 * a tie, closer than the file's size), demangled when it is a C++ name;
 * NULL when there is none. *sym gets the symbol's link-time address. */
const char *uelf_symbol(struct uelf *e, unsigned long vaddr, unsigned long *sym);
void uelf_free_all(void);

/* ---- address spaces (src/unwind_maps.c) ---- */

struct umap {
	unsigned long start, end, off;
	unsigned long inode;
	const char *path;	/* as /proc/PID/maps shows it; interned, never freed */
	struct uelf *elf;	/* set by umap_elf() */
	long bias;		/* runtime address - link-time address */
	unsigned char prot;	/* UMAP_* */
	bool elf_tried;
};

/* The file-backed mappings of one process, read from /proc/PID/maps when
 * first needed after a change (anonymous mappings are left out, as strace
 * leaves them out). */
struct uspace {
	struct umap *maps;
	size_t n, cap;
	size_t last;		/* index of the last lookup's hit */
	bool valid;
};

/* Re-reads the maps of pid. Returns 1 when a mapping that was executable
 * before is gone or changed (code caches must be dropped), 0 when not, -1
 * when the maps cannot be read. */
int uspace_refresh(struct uspace *s, pid_t pid);
/* the mapping that holds addr, or NULL */
struct umap *uspace_find(struct uspace *s, unsigned long addr);
/* the ELF file of a mapping, opened on first use; NULL when none */
struct uelf *umap_elf(struct umap *m);
void uspace_free(struct uspace *s);

/* ---- folded stacks (src/unwind_folded.c) ---- */

/* an id for a frame name (interned) */
uint32_t folded_frame(const char *name, size_t len);
/* one stack, leaf first, with its weight */
void folded_add(const uint32_t *ids, size_t n, uint64_t weight);
/* writes "root;...;leaf weight" lines; false on a write error */
bool folded_write(FILE *f);
#endif
