#!/bin/sh
# SPDX-License-Identifier: MIT
# -k on a C++ program (tests/progs/unwind_cxx.cc): whole demangled names,
# namespaces, templates and parameter lists, far longer than 40 characters.
: "${srcdir:=.}" "${builddir:=.}"
prog=$builddir/tests/progs/unwind_cxx
[ -x "$prog" ] || { echo "SKIP: no C++ test program (no C++ compiler?)"; exit 77; }
exec "$srcdir/tests/run-prog.sh" "$prog"
