#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what is missing (Debian packages), then builds src/tattle.
# Usage: ./build.sh [configure options]
set -e
cd "$(dirname "$0")"

# build: autotools, a C compiler, libunwind/libelf for -k;
# tests: strace (the reference), clang + libFuzzer (fuzz target), g++ (C++
# stack test), /usr/bin/time (peak RSS in bench/), python3, git, make, tar, gzip
pkgs="autoconf automake make gcc g++ pkg-config libunwind-dev libelf-dev libiberty-dev
strace clang libclang-rt-14-dev time python3 git tar gzip findutils procps"
missing=""
for p in $pkgs; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "build.sh: installing:$missing"
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure -q "$@"
make -j"$(nproc)" >/dev/null
echo "build.sh: built src/tattle"
