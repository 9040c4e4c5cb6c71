/* SPDX-License-Identifier: MIT */
/* tests/progs/file_stat.c again, expecting the full structs of -v. */
#define STAT_VERBOSE 1
#include "file_stat.c"
