#!/usr/bin/env bash
# Start-up of the terminal UI on a 100 000-candidate office: time to the first
# frame, time until the placements list is loaded, and the resident memory
# then. Runs the real binary in tmux; prints the median of RUNS runs.
#
#   tui/bench/startup.sh [RUNS]        (from the module root; needs tmux)
set -euo pipefail
runs=${1:-5}
cd "$(dirname "$0")/../.."
work=${TMPDIR:-/tmp}/arbeidsboks-startup
mkdir -p "$work"
go build -o "$work/arbeidsboks" ./cmd/arbeidsboks
db=$work/office-100k.db
if [[ ! -f $db ]]; then
  echo "generating the 100 000-candidate office (once) …" >&2
  "$work/arbeidsboks" --db "$db" demo --seed 1 --placements 20000 --candidates 100000 >/dev/null
fi
now() { date +%s%N; }
first=() loaded=() rss=()
for ((i = 0; i < runs + 1; i++)); do
  sock=startup-$$-$i
  t0=$(now)
  tmux -L "$sock" new-session -d -s s -x 120 -y 40 "$work/arbeidsboks --db $db"
  until tmux -L "$sock" capture-pane -p -t s | grep -q "1 Arbeidsboks"; do sleep 0.01; done
  t1=$(now)
  until tmux -L "$sock" capture-pane -p -t s | grep -q "av 20000"; do sleep 0.02; done
  t2=$(now)
  pid=$(pgrep -f "^$work/arbeidsboks --db $db" | head -1)
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  tmux -L "$sock" kill-server
  if ((i > 0)); then # the first run warms the page cache
    first+=($(((t1 - t0) / 1000000))) loaded+=($(((t2 - t0) / 1000000))) rss+=($((kb / 1024)))
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first frame: $(median "${first[@]}") ms; list loaded: $(median "${loaded[@]}") ms; resident memory then: $(median "${rss[@]}") MiB (median of $runs)"
