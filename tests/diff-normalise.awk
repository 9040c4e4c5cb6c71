# SPDX-License-Identifier: MIT
# Normalises one trace written by `strace -f -o FILE` or `tattle -f -o FILE`
# for tests/diff-strace.sh. Only what differs between two runs of the same
# command in the same world is rewritten: pids, addresses, times, inode and
# device numbers, random bytes and random temporary names, and the places
# where output of several processes was cut by timing (<unfinished ...> /
# <... resumed> pairs are joined, lines are grouped per process).
#
# Output: for each process, in creation order, a line "=== Pk" and then its
# lines without the pid prefix. -v pidmax=N: /proc/sys/kernel/pid_max (pids
# wrap there, so creation order is the order of (pid - first pid) mod N).

function pad_to(n,	s) {
	s = ""
	while (n-- > 0)
		s = s " "
	return s
}

# strace pads "PREFIX CALL(...)" so that "=" of " = RET" is in column 40
# (or puts one space when the text is longer). The return value follows the
# last ") = " whose remainder looks like one: ret_split() sets sp_text (up to
# the ")"), sp_spaces (the spaces before "= ") and sp_ret (after "= ").
function ret_split(body,	rest, off, best, bestlen) {
	rest = body
	off = 0
	best = 0
	while (match(rest, /\) += /)) {
		if (substr(rest, RSTART + RLENGTH) ~ /^(-?[0-9]|0x|\?)/) {
			best = off + RSTART
			bestlen = RLENGTH
		}
		off += RSTART
		rest = substr(rest, RSTART + 1)
	}
	if (!best)
		return 0
	sp_text = substr(body, 1, best)
	sp_spaces = bestlen - 3
	sp_ret = substr(body, best + bestlen)
	return 1
}

# the line as strace would pad it after a 6-column pid prefix
function padded(text, ret) {
	return text pad_to(39 - 6 - length(text)) " = " ret
}

function repad(body) {
	if (!ret_split(body))
		return body
	return padded(sp_text, sp_ret)
}

# A rewritten line (address, pid, time...) is padded again for its new
# length, but only when the original was padded right for its own length:
# wrong padding stays visible.
function repad_rewritten(orig, l,	ok) {
	if (!ret_split(orig))
		return l
	ok = orig == padded(sp_text, sp_ret)
	if (!ret_split(l))
		return l
	return ok ? padded(sp_text, sp_ret) : sp_text pad_to(sp_spaces) "= " sp_ret
}

# {tv_sec=SECONDS[ /* DATE */], tv_nsec=N}: a wall-clock time when the
# seconds look like a date (9 digits or more), or always when all is set
function times_norm(s, all,	out, m, sec) {
	out = ""
	while (match(s, /tv_sec=[0-9]+( \/\* DATE \*\/)?, tv_[nu]sec=[0-9]+/)) {
		m = substr(s, RSTART, RLENGTH)
		sec = m
		sub(/^tv_sec=/, "", sec)
		sub(/[^0-9].*$/, "", sec)
		if (all || length(sec) >= 9) {
			sub(/^tv_sec=[0-9]+/, "tv_sec=T", m)
			sub(/sec=[0-9]+$/, "sec=N", m)
		}
		out = out substr(s, 1, RSTART - 1) m
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}

function norm(b) {
	# addresses (ASLR): 6 hex digits or more
	gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "0xADDR", b)
	# times
	gsub(/\/\* [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[^*]*\*\//, "/* DATE */", b)
	gsub(/st_[amc]time=[0-9]+/, "st_Xtime=N", b)
	gsub(/st_[amc]time_nsec=[0-9]+/, "st_Xtime_nsec=N", b)
	if (b ~ /^(clock_gettime|clock_getres|gettimeofday|clock_nanosleep|time)\(/)
		b = times_norm(b, 1)
	else
		b = times_norm(b, 0)
	if (b ~ /^time\(/)
		sub(/= [0-9]+$/, "= N", b)
	gsub(/si_[us]time=[0-9]+( \/\* [^*]* \*\/)?/, "si_Xtime=N", b)
	gsub(/ru_[a-z]+=(\{[^}]*\}|[0-9]+)/, "ru_X=N", b)
	if (b ~ /^times\(/) {
		gsub(/tms_[a-z]+=[0-9]+/, "tms_X=N", b)
		sub(/= [0-9]+$/, "= N", b)
	}
	if (b ~ /^sysinfo\(/)
		gsub(/(uptime|freeram|sharedram|bufferram|freeswap|procs|freehigh)=[0-9]+|loads=\[[^]]*\]/, "X=N", b)
	# inode and device numbers, block counts
	gsub(/(st_ino|stx_ino|d_ino)=[0-9]+/, "ino=N", b)
	gsub(/st_dev=makedev\([^)]*\)/, "st_dev=N", b)
	gsub(/stx_dev_(major|minor)=[0-9]+/, "stx_dev=N", b)
	gsub(/(st_blocks|stx_blocks)=[0-9]+/, "blocks=N", b)
	# free space of a live file system
	gsub(/f_(bfree|bavail|ffree)=[0-9]+/, "f_free=N", b)
	gsub(/pipe:\[[0-9]+\]/, "pipe:[N]", b)
	gsub(/socket:\[[0-9]+\]/, "socket:[N]", b)
	gsub(/(sin_port|sin6_port)=htons\([0-9]+\)/, "port=N", b)
	# random bytes and random names
	if (b ~ /^getrandom\("/)
		sub(/^getrandom\("([^"\\]|\\.)*"(\.\.\.)?/, "getrandom(\"RANDOM\"", b)
	gsub(/\/cc[A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]\./, "/ccXXXXXX.", b)
	gsub(/tmp_obj_[A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]/, "tmp_obj_XXXXXX", b)
	gsub(/\/\.git\/t[A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]"/, "/.git/tXXXXXX\"", b)
	gsub(/\/\.git\/t[A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]>/, "/.git/tXXXXXX>", b)
	b = random_fds(b)
	# the tracer's own pid, seen by the first process
	if (b ~ /^getppid\(\) += [0-9]+$/ && !(substr(b, index(b, "= ") + 2) in pmap))
		sub(/= [0-9]+$/, "= PPID", b)
	return b
}

# Bytes read from /dev/urandom, and a git index written with this world's
# inode numbers and change times, are different in every run: the fds opened
# on them are followed per process (rfd), their buffers become "BYTES".
function random_fds(b,	fd, m, rest) {
	if (b ~ /^(open|openat|creat)\(/ && b ~ /"(\/dev\/u?random|[^"]*\/index\.lock)", / &&
	    match(b, /\) += [0-9]+/)) {
		fd = substr(b, RSTART, RLENGTH)
		sub(/^.*= /, "", fd)
		rfd[cur, fd] = 1
	} else if (match(b, /^close\([0-9]+/)) {
		fd = substr(b, 7, RLENGTH - 6)
		delete rfd[cur, fd]
	} else if (match(b, /^(read|write|pread64|pwrite64)\([0-9]+(<[^>]*>)?, "/)) {
		m = substr(b, 1, RLENGTH)
		fd = m
		sub(/^[a-z0-9]+\(/, "", fd)
		sub(/[^0-9].*$/, "", fd)
		if ((cur, fd) in rfd || m ~ /<(\/dev\/u?random|[^>]*\/index\.lock)>/) {
			rest = substr(b, RLENGTH)
			sub(/^"([^"\\]|\\.)*"(\.\.\.)?/, "\"BYTES\"", rest)
			b = substr(m, 1, length(m) - 1) rest
		}
	}
	return b
}

# pids of traced processes, wherever they appear as a number of their own
function pid_repl(s,	out, num, pre) {
	out = ""
	while (match(s, /[0-9]+/)) {
		num = substr(s, RSTART, RLENGTH)
		pre = RSTART > 1 ? substr(s, RSTART - 1, 1) : ""
		if ((num in pmap) && pre !~ /[A-Za-z0-9_\\.]/ && substr(s, RSTART + RLENGTH, 1) !~ /[A-Za-z_.]/)
			out = out substr(s, 1, RSTART - 1) pmap[num]
		else
			out = out substr(s, 1, RSTART + RLENGTH - 1)
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}

function add(pid, body, fix) {
	if (fix)
		body = repad(body)
	n[pid]++
	line[pid, n[pid]] = body
}

function flush_pending(pid) {
	if (pid in pend) {
		add(pid, pend[pid] " <unfinished ...>", 0)
		delete pend[pid]
	}
}

BEGIN {
	if (!pidmax)
		pidmax = 4194304
	npids = 0
}

{
	if (match($0, /^[0-9]+ +/)) {
		pid = $0
		sub(/ .*/, "", pid)
		body = substr($0, RLENGTH + 1)
		wide = RLENGTH != 6
	} else {
		pid = "0"
		body = $0
		wide = 0
	}
	if (!(pid in seen)) {
		seen[pid] = 1
		pids[++npids] = pid
		n[pid] = 0
	}
	if (body ~ / <unfinished \.\.\.>$/) {
		flush_pending(pid)
		pend[pid] = substr(body, 1, length(body) - 17)
		next
	}
	if (match(body, /^<\.\.\. [A-Za-z0-9_]+ resumed>/) && (pid in pend)) {
		body = pend[pid] substr(body, RLENGTH + 1)
		delete pend[pid]
		add(pid, body, 1)
		next
	}
	flush_pending(pid)
	add(pid, body, wide)
}

END {
	for (i = 1; i <= npids; i++)
		flush_pending(pids[i])
	# creation order: pids grow from the first one, modulo pid_max
	first = pids[1] + 0
	for (i = 1; i <= npids; i++)
		key[i] = (pids[i] - first + pidmax) % pidmax
	for (i = 2; i <= npids; i++) {
		p = pids[i]; k = key[i]
		for (j = i - 1; j >= 1 && key[j] > k; j--) {
			pids[j + 1] = pids[j]; key[j + 1] = key[j]
		}
		pids[j + 1] = p; key[j + 1] = k
	}
	for (i = 1; i <= npids; i++)
		pmap[pids[i]] = "P" i
	for (i = 1; i <= npids; i++) {
		p = pids[i]
		cur = p
		print "=== P" i
		for (j = 1; j <= n[p]; j++) {
			l = pid_repl(norm(line[p, j]))
			if (l != line[p, j])
				l = repad_rewritten(line[p, j], l)
			print l
		}
	}
}
