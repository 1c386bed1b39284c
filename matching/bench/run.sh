#!/usr/bin/env bash
# Assignment benchmark: matching.Assign against LEMON (network simplex and
# cost scaling, C++) and scipy (dense linear_sum_assignment, sparse
# min_weight_full_bipartite_matching) on the same deterministic instances.
# Checks that every peer reports the same optimal total and prints a table
# of medians, ratios to ours and peak memory.
#
#   matching/bench/run.sh [-runs N] [NAME ...]
#
# NAME: office office-skewed mid mid-skewed city city-skewed (the default),
# or city-random (no structure: uniform random pairs and scores).
# Each measurement is one warm-up run, then the median of N runs (default 5;
# 3 for the peers at city scale, where they take seconds). Needs go, g++, LEMON
# (liblemon-dev), scipy (python3-scipy) and GNU time; run as root it
# installs the Debian packages that are missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
runs=5
if [[ ${1:-} == -runs ]]; then
	runs=$2
	shift 2
fi
sizes=("$@")
if ((${#sizes[@]} == 0)); then
	sizes=(office office-skewed mid mid-skewed city city-skewed)
fi

missing=()
[[ -f /usr/include/lemon/network_simplex.h ]] || missing+=(liblemon-dev)
command -v g++ >/dev/null || missing+=(g++)
/usr/bin/python3 -c 'import scipy.optimize, scipy.sparse.csgraph' 2>/dev/null || missing+=(python3-scipy)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
	if ((EUID != 0)); then
		echo "run.sh: missing Debian packages: ${missing[*]} (apt-get install them)" >&2
		exit 1
	fi
	TMPDIR=/var/tmp apt-get update -qq
	TMPDIR=/var/tmp apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/assign-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(go version | cut -d' ' -f3-)"
echo "generating ${sizes[*]} ..."
go run ./matching/bench/gen -out "$work" "${sizes[@]}"
go build -o "$work/solve" ./matching/bench/solve
g++ -O2 -std=c++17 -o "$work/lemon_assign" matching/bench/lemon_assign.cpp

results=$work/results.txt
: >"$results"
# measure LABEL COMMAND...: runs the command, keeps its RESULT lines and
# adds the process's peak resident memory to them.
measure() {
	local label=$1
	shift
	echo "  $label ..." >&2
	/usr/bin/time -f "PEAK_KB %M" -o "$work/time.txt" "$@" >"$work/out.txt"
	local peak
	peak=$(awk '/^PEAK_KB/ {print $2}' "$work/time.txt")
	sed "s/\$/ peak_kb=$peak/" "$work/out.txt" | grep '^RESULT' | tee -a "$results" >&2
}

for size in "${sizes[@]}"; do
	file=$work/$size.txt
	echo "$size:" >&2
	measure ours "$work/solve" -runs "$runs" "$file"
	case $size in
	office* | mid*)
		measure lemon-ns "$work/lemon_assign" ns "$runs" "$file"
		measure lemon-cs "$work/lemon_assign" cs "$runs" "$file"
		measure scipy-dense /usr/bin/python3 matching/bench/scipy_assign.py dense "$runs" "$file"
		measure scipy-sparse /usr/bin/python3 matching/bench/scipy_assign.py sparse "$runs" "$file"
		;;
	*) # the peers take seconds here: 3 runs keep the whole under ten minutes
		measure lemon-ns "$work/lemon_assign" ns 3 "$file"
		measure lemon-cs "$work/lemon_assign" cs 3 "$file"
		measure scipy-sparse /usr/bin/python3 matching/bench/scipy_assign.py sparse 3 "$file"
		;;
	esac
done

echo
awk -v order="${sizes[*]}" '
function field(line, key,    i, n, kv) {
	n = split(line, kv, " ")
	for (i = 1; i <= n; i++) if (index(kv[i], key "=") == 1) return substr(kv[i], length(key) + 2)
	return ""
}
function fmt(ms) {
	if (ms == "") return "–"
	ms += 0
	if (ms >= 1000) return sprintf("%.2f s", ms / 1000)
	if (ms < 1) return sprintf("%.2f ms", ms)
	return sprintf("%.1f ms", ms)
}
/^RESULT/ {
	solver = $2; name = $3
	ms[solver, name] = field($0, "median_ms") + 0
	total[solver, name] = field($0, "total")
	peak[solver, name] = field($0, "peak_kb")
}
END {
	n = split("ours lemon-ns lemon-cs scipy-dense scipy-sparse", peers, " ")
	printf "| instance | ours | LEMON network simplex | LEMON cost scaling | scipy dense | scipy sparse | ours: re-solve after a pin | optimal totals |\n"
	printf "|---|---|---|---|---|---|---|---|\n"
	m = split(order, names, " ")
	bad = 0
	for (k = 1; k <= m; k++) {
		name = names[k]
		line = "| " name
		ref = total["ours", name]
		agree = "equal (" ref ")"
		for (i = 1; i <= n; i++) {
			p = peers[i]
			if (!((p, name) in ms)) { line = line " | –"; continue }
			cell = fmt(ms[p, name])
			if (p != "ours" && ms["ours", name] > 0) cell = cell sprintf(" (%.1f×)", ms[p, name] / ms["ours", name])
			cell = cell sprintf(", %d MiB", peak[p, name] / 1024)
			line = line " | " cell
			if (total[p, name] != ref) { agree = "DIFFER"; bad = 1 }
		}
		line = line " | " (("ours-repin", name) in ms ? fmt(ms["ours-repin", name]) : "–") " | " agree " |"
		print line
	}
	print ""
	print "Medians of build + solve from the pairs; (×) is the peer'"'"'s time over ours; MiB is the process'"'"'s peak resident memory."
	if (bad) { print "TOTALS DIFFER" > "/dev/stderr"; exit 1 }
}' "$results"
