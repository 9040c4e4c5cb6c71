/* SPDX-License-Identifier: MIT */
/* The fuzz target's tracee memory (umem_fake.c, linked in place of
 * src/umem.c): an address space made from the fuzz input. */
#ifndef TATTLE_UMEM_FAKE_H
#define TATTLE_UMEM_FAKE_H
#include <stddef.h>
#include <stdint.h>

/* Addresses below UMEM_FAKE_END are readable, except page 0 (NULL) and the
 * pages p whose bit (p % 64) is set in holes; every other address is
 * unmapped. A readable byte at addr is mem[addr % len] (len 0: all
 * zero). mem must stay valid until the next call. The space is small
 * because -v prints whole arrays, as strace does: an element count of 2^32
 * costs what the readable memory allows. */
#define UMEM_FAKE_PAGE 4096UL
#define UMEM_FAKE_END (1UL << 16)
void umem_fake_setup(const uint8_t *mem, size_t len, uint64_t holes);
/* bytes read so far (the target zeroes it per input), for its bound check */
extern size_t umem_fake_bytes;
#endif
