/* SPDX-License-Identifier: MIT */
#ifndef TATTLE_JSON_VALID_H
#define TATTLE_JSON_VALID_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
/* true when p[0..n) is exactly one JSON value (whitespace around it) */
bool json_valid(const char *p, size_t n);
#endif
