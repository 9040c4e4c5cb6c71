/* SPDX-License-Identifier: MIT */
/* tests/progs/file_dir.c again, expecting getdents64's entries of -v. */
#define DIR_VERBOSE 1
#include "file_dir.c"
