#!/bin/sh
# SPDX-License-Identifier: MIT
# What one call may read of the tracee (src/umem.h): a buffer the user asked
# to see whole (-s) is shown whole, however big; arrays of buffers stop at
# the per-pass budget (16 MiB here), the rest printed as addresses, then
# "...", where strace reads and prints everything (64 MB for this writev).
. "$srcdir/tests/lib.sh"
PY=/usr/bin/python3
[ -x $PY ] || skip "no /usr/bin/python3"

# one 20 MB write with -s 20000000: every byte, as strace prints it
run 60 "$TATTLE" -s 20000000 -e trace=write -o big.tr \
	$PY -c 'import os; os.write(os.open("/dev/null", os.O_WRONLY), b"a" * 20000000)' || fail "big write"
n=$(grep -o 'write([0-9]*, "a*"' big.tr | wc -c)
[ "$n" -gt 20000000 ] || fail "a 20 MB write with -s 20000000 was cut ($n bytes of it shown)"
ok "-s 20000000: a 20 MB buffer is shown whole"

# 64 iovecs of 1 MB: 16 shown with their data, the rest as addresses
run 60 "$TATTLE" -s 1000000 -e trace=writev -o wv.tr \
	$PY -c 'import os; os.writev(os.open("/dev/null", os.O_WRONLY), [b"a" * 1000000] * 64)' || fail "writev"
shown=$(grep -o 'iov_base="' wv.tr | wc -l)
[ "$shown" -eq 16 ] || fail "$shown iovecs shown with data, expected 16 (16 MiB)"
grep -q 'iov_base=0x[0-9a-f]*, iov_len=1000000}' wv.tr || fail "no iovec shown as an address past the budget"
grep -q '\], 64) *= 64000000$' wv.tr || fail "the writev line does not end as it should: $(tail -c 200 wv.tr)"
[ "$(wc -c <wv.tr)" -lt 20000000 ] || fail "the writev line is $(wc -c <wv.tr) bytes"
ok "writev of 64 MB at -s 1000000: cut at the 16 MiB budget"

# a path with no NUL in its first PATH_MAX bytes (the next page unmapped)
# shows PATH_MAX - 1 of them and "...", one of PATH_MAX - 1 bytes shows
# whole, as strace prints them
run 60 "$TATTLE" -s 5000 -e trace=chdir -o path.tr $PY -c '
import ctypes
libc = ctypes.CDLL(None)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
libc.chdir.argtypes = [ctypes.c_void_p]
p = libc.mmap(None, 8192, 3, 0x22, -1, 0)
libc.munmap(p + 4096, 4096)
ctypes.memset(p, 0x61, 4096)
libc.chdir(p)
ctypes.memset(p + 4095, 0, 1)
libc.chdir(p)' || fail "chdir of long paths"
grep '^chdir(' path.tr | awk '{ match($0, /"a*"/); n = RLENGTH - 2; print n, substr($0, RSTART + RLENGTH, 4) }' > path.n
printf '4095 ...)\n4095 ) = \n' | diff - path.n || fail "long paths: $(cut -c 1-40 path.tr)"
ok "a path without a NUL in PATH_MAX bytes: PATH_MAX - 1 of them and ..."
