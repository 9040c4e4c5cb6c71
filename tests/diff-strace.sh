#!/bin/sh
# SPDX-License-Identifier: MIT
# The differential test: strace and tattle trace the same real commands with
# the same options, each in a fresh copy of the same small world (files, a
# git repository, a makefile, a C file) with a fixed environment. Both
# traces are normalised (tests/diff-normalise.awk: pids, addresses, times,
# inode numbers, random bytes; per-process streams; joined unfinished
# calls), compared with diff(1), and the share of identical lines,
# matched / max(strace lines, tattle lines), is printed per option set with
# the commonest differences. The test fails when a set is below $DIFF_MIN
# percent (95). Skipped (77) without strace.
#
# Environment: TATTLE, srcdir as in make check; DIFF_SETS="1 3" to run only
# some option sets, DIFF_CMDS="ls cat" only some commands (by name),
# DIFF_LIST=FILE runs the commands listed in FILE (same format as below)
# instead, DIFF_KEEP=DIR keeps the raw and normalised traces in DIR, DIFF_MIN=N,
# DIFF_BUDGET=SECONDS (130): no command starts after that.
: "${srcdir:=.}" "${TATTLE:=src/tattle}" "${DIFF_MIN:=95}"
LC_ALL=C
export LC_ALL

if ! command -v strace >/dev/null 2>&1; then
	echo "SKIP: strace is not installed (the README set-up installs it)"
	exit 77
fi
STRACE=$(command -v strace)
case $TATTLE in /*) ;; *) TATTLE=$(pwd)/$TATTLE ;; esac
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
if [ ! -x "$TATTLE" ]; then
	echo "FAIL: no tattle binary at $TATTLE"
	exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tattle-diff.XXXXXX") || exit 99
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
pidmax=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 4194304)
NORM=$srcdir/tests/diff-normalise.awk
CMP=$srcdir/tests/diff-compare.awk
FIXED_TIME=1700000000

# ---- the world every run starts from ----
tpl=$tmp/template
mkdir -p "$tpl/home" "$tpl/tmp" "$tpl/dir/sub" || exit 99
(
	cd "$tpl" || exit 1
	printf 'hello\nworld\n' > a.txt
	i=1
	while [ $i -le 200 ]; do echo $i; i=$((i + 1)); done > nums.txt
	printf 'b\na\na\nc\nb\nb\n' > words.txt
	printf 'one\n' > dir/x.txt
	printf 'two\n' > dir/sub/y.txt
	printf 'all: out.txt\nout.txt: a.txt\n\tcp a.txt out.txt\n' > tiny.mk
	printf 'int twice(int x)\n{\n\treturn 2 * x;\n}\n' > t.c
	gzip -n -c a.txt > g.gz
	tar cf arch.tar dir
	if command -v git >/dev/null 2>&1; then
		export GIT_CONFIG_NOSYSTEM=1 HOME="$tpl/home" GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org \
			GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.org \
			GIT_AUTHOR_DATE="@$FIXED_TIME +0000" GIT_COMMITTER_DATE="@$FIXED_TIME +0000"
		git init -q repo && cd repo && git config gc.auto 0 && git config maintenance.auto false &&
			echo first > f.txt && git add f.txt && git commit -q -m one &&
			echo second >> f.txt && echo new > new.txt
	fi
) > "$tmp/setup.log" 2>&1 || { cat "$tmp/setup.log"; echo "FAIL: cannot set up the world"; exit 99; }
# one time for every file, so tar and gzip headers and stat times agree
find "$tpl" -exec touch -h -d "@$FIXED_TIME" {} + || exit 99

# ---- commands: NAME then the argv (shell words, no shell in the trace) ----
cat > "$tmp/commands" <<'EOF'
ls-usr-bin	ls -l /usr/bin
ls-la	ls -la dir
cat	cat a.txt
cp	cp a.txt b.txt
mv	mv a.txt c.txt
rm	rm a.txt
mkdir	mkdir -p newdir/deeper
touch	touch new.txt
stat	stat -c '%n %s %a %F' a.txt dir
head	head -n 3 nums.txt
wc	wc nums.txt words.txt
sort	sort words.txt
uniq	uniq -c words.txt
dd	dd if=/dev/zero of=/dev/null bs=1k count=10 status=noxfer
date	date -d @1700000000
env	env
id	id
true	true
false	false
ln	ln -s a.txt link
chmod	chmod 600 a.txt
readlink	readlink -f dir/sub
pipeline	sh -c 'ls /etc | sort | head -3'
subshell	sh -c 'cat a.txt | wc -l; echo done'
python	/usr/bin/python3 -c 'import json'
git-init	git init -q fresh
git-add	git -C repo add new.txt
git-commit	git -C repo commit -q -a -m two
git-status	git -C repo status
git-log	git -C repo log --oneline
make	make -s -f tiny.mk
gcc	gcc -c t.c -o t.o
tar-c	tar cf out.tar dir
tar-t	tar tf arch.tar
gzip	gzip -k a.txt
gunzip	gunzip -k g.gz
find	find /usr/share/doc -maxdepth 1 -name 'a*'
du	du -s dir
statfs	stat -f -c %T .
sleep	sleep 0.01
getent	getent passwd root
timeout	timeout 5 true
xargs	sh -c 'seq 3 | xargs echo'
ls-fail	ls /nonexistent
cat-fail	cat /nonexistent
ss	ss -tln
ip-rule	ip rule
ip-neigh	ip neigh
ionice	ionice -c 3 true
lsattr	lsattr a.txt
EOF
if [ -n "$DIFF_LIST" ]; then cp "$DIFF_LIST" "$tmp/commands" || exit 99; fi

# ---- option sets ----
cat > "$tmp/sets" <<'EOF'
1	-f
2	-f -y
3	-f -v
4	-f -s 100 -x
5	-f -X raw
6	-f -e trace=%file
7	-f -X verbose
EOF

# the fixed environment of every traced run
run_env() {
	w=$1
	shift
	env -i PATH=/usr/bin:/bin HOME="$w/home" LC_ALL=C TZ=UTC TMPDIR="$w/tmp" \
		PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 GIT_CONFIG_NOSYSTEM=1 GIT_PAGER=cat PAGER=cat \
		GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=T \
		GIT_COMMITTER_EMAIL=t@example.org GIT_AUTHOR_DATE="@$FIXED_TIME +0000" \
		GIT_COMMITTER_DATE="@$FIXED_TIME +0000" "$@"
}

# one traced run in a fresh world: run_one TRACER OPTS OUT CMD...
run_one() {
	r_tracer=$1 r_opts=$2 r_out=$3
	shift 3
	rm -rf "$w" && cp -a "$tpl" "$w" || return 1
	# shellcheck disable=SC2086
	(cd "$w" && run_env "$w" timeout -k 2 20 "$r_tracer" $r_opts -o "$r_out" -- "$@" \
		</dev/null >/dev/null 2>>"$sdir/stderr")
	rc=$?
	case $rc in
	124|137) echo "$(basename "$r_tracer") timed out (rc $rc): $*" >> "$sdir/notes" ;;
	125|126|127) echo "$(basename "$r_tracer") could not be run (rc $rc): $*" >> "$sdir/notes" ;;
	esac
	[ -f "$r_out" ] || : > "$r_out"
}

# all commands under one option set: writes $sdir/results and $sdir/mism
run_set() {
	set_no=$1 opts=$2
	sdir=$tmp/set$set_no
	w=$sdir/w
	mkdir -p "$sdir" || return 1
	: > "$sdir/results"
	: > "$sdir/mism"
	while IFS='	' read -r name cmd; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			echo "time budget ($DIFF_BUDGET s) used up: $name and later commands skipped" >> "$sdir/notes"
			break
		fi
		if [ -n "$DIFF_CMDS" ]; then
			case " $DIFF_CMDS " in *" $name "*) ;; *) continue ;; esac
		fi
		eval "set -- $cmd"
		p=$1
		case $p in /*) ;; *) for d in /usr/bin /bin; do [ -x "$d/$1" ] && { p=$d/$1; break; }; done ;; esac
		if [ ! -x "$p" ]; then
			echo "$1 not installed: $name skipped" >> "$sdir/notes"
			continue
		fi
		run_one "$STRACE" "$opts" "$sdir/$name.s" "$@"
		run_one "$TATTLE" "$opts" "$sdir/$name.t" "$@"
		awk -v pidmax="$pidmax" -f "$NORM" "$sdir/$name.s" > "$sdir/$name.sn"
		awk -v pidmax="$pidmax" -f "$NORM" "$sdir/$name.t" > "$sdir/$name.tn"
		ns=$(grep -vc '^=== P' "$sdir/$name.sn")
		nt=$(grep -vc '^=== P' "$sdir/$name.tn")
		diff "$sdir/$name.sn" "$sdir/$name.tn" | awk -v S="$ns" -v T="$nt" -f "$CMP" > "$sdir/$name.cmp"
		awk -F '\t' -v n="$name" '$1 == "R" { print n "\t" $2 "\t" $3 "\t" $4 }' "$sdir/$name.cmp" >> "$sdir/results"
		awk -F '\t' -v n="$name" '$1 == "M" { print n "\t" $2 "\t" $3 "\t" $4 }' "$sdir/$name.cmp" >> "$sdir/mism"
	done < "$tmp/commands"
}

sets=${DIFF_SETS:-$(cut -f1 "$tmp/sets")}
start=$(date +%s)
# the whole test stays under about 3 minutes even when tracers hang
deadline=$((start + ${DIFF_BUDGET:=130}))
# two sets at a time (each has its own world directory)
running=0
for s in $sets; do
	opts=$(awk -F '\t' -v s="$s" '$1 == s { print $2 }' "$tmp/sets")
	[ -n "$opts" ] || { echo "no option set $s"; exit 99; }
	run_set "$s" "$opts" &
	running=$((running + 1))
	if [ $running -ge 2 ]; then
		wait
		running=0
	fi
done
wait

# ---- report ----
status=0
echo "strace: $(strace -V | head -1); tattle: $TATTLE"
echo "per command: matched/max lines, per option set"
for s in $sets; do
	opts=$(awk -F '\t' -v s="$s" '$1 == s { print $2 }' "$tmp/sets")
	echo
	echo "==== option set $s: $opts"
	[ -f "$tmp/set$s/notes" ] && sed 's/^/  note: /' "$tmp/set$s/notes"
	awk -F '\t' '{ m = $2 > $3 ? $2 : $3; printf "  %-12s strace %5d  tattle %5d  matched %5d  %5.1f%%\n", $1, $2, $3, $4, m ? 100 * $4 / m : 100 }' \
		"$tmp/set$s/results"
	# the commonest differences, by syscall, with the first example
	# (long lines are cut to 300 characters around their first difference)
	awk -F '\t' 'function cut(s, from) {
		return (from > 1 ? "..." : "") substr(s, from, 300) (length(s) >= from + 300 ? "..." : "")
	} {
		k = $2; c[k]++
		if (!(k in ex)) {
			for (i = 1; i <= length($3) && substr($3, i, 1) == substr($4, i, 1); i++)
				;
			from = (i > 150 && $3 != "" && $4 != "") ? i - 100 : 1
			ex[k] = $1; es[k] = cut($3, from); et[k] = cut($4, from)
		}
	} END {
		for (k in c) print c[k] "\t" k "\t" ex[k] "\t" es[k] "\t" et[k]
	}' "$tmp/set$s/mism" | sort -t '	' -k1,1nr -k2,2 | head -10 |
	awk -F '\t' 'NR == 1 { print "  worst mismatches (count, syscall, first example):" }
	{
		printf "  %5d %s (in %s)\n", $1, $2, $3
		printf "        strace: %s\n", $4 == "" ? "(no line)" : $4
		printf "        tattle: %s\n", $5 == "" ? "(no line)" : $5
	}'
	r=$(awk -F '\t' -v min="$DIFF_MIN" '{ m += $2 > $3 ? $2 : $3; k += $4 }
		END { p = m ? 100 * k / m : 100; printf "%.1f %d %d %s", p, k, m, (p < min) ? "LOW" : "ok" }' "$tmp/set$s/results")
	set -- $r
	echo "  option set $s ($opts): $1% identical ($2 of $3 lines)${4#ok}"
	echo "$s	$opts	$1" >> "$tmp/summary"
	[ "$4" = LOW ] && status=1
done
echo
echo "==== summary (fail below $DIFF_MIN%), $(( $(date +%s) - start )) s"
awk -F '\t' '{ printf "  %-22s %5.1f%%\n", $2, $3 }' "$tmp/summary"
if [ -n "$DIFF_KEEP" ]; then
	mkdir -p "$DIFF_KEEP" && cp -r "$tmp"/set* "$DIFF_KEEP"/ && echo "traces kept in $DIFF_KEEP"
	rm -rf "$DIFF_KEEP"/set*/w
fi
exit $status
