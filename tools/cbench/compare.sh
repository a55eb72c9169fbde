#!/usr/bin/env bash
# Runs the C version of the host workloads right after a run, and prints each figure beside the
# Java one from the run's results.csv with their ratio.
#
#   tools/cbench/compare.sh [results/runs/<id>] [idle-threads] [fd-base]
#
# idle-threads (default 20, about what a JMH fork has) makes the C process multithreaded like the JVM;
# fd-base (default 48) gives select's pipes descriptor numbers like those in a JMH fork.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$(ls -d "$root"/results/runs/*/ | sort | tail -n 1)}
threads=${2:-20}
fd_base=${3:-48}
results="$run/results.csv"
[ -f "$results" ] || { echo "compare.sh: no results.csv in $run" >&2; exit 2; }
target=$(sed -n 's/.*"path" : "\(.*\)",/\1/p' "$run/environment.json" | head -n 1)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
gcc -O2 -o "$bin/ousterhout" "$here/ousterhout.c" -lpthread
"$bin/ousterhout" "${target:-/tmp}" "$root/workloads/src/main/resources/andrew" "$threads" "$fd_base" > "$bin/c.csv"

awk -F, '
  # the run: table|column|variant -> value, measured rows only
  FNR == NR && $11 == "measured" {
    key = $2 "|" $6 "|" ($5 ~ /cross-CPU/ ? "x" : "")
    java[key] = $8; unit[key] = $7; next
  }
  FNR != NR { c[$1] = $2 }
  END {
    n = split("2|Time|:getpid;3|Time|:cswitch;3|Time|x:cswitch cross-CPU;4|1 pipe|:select 1 pipe;4|10 empty|:select 10 empty;" \
              "4|10 full|:select 10 full;5|Cached|:bcopy Cached;5|Uncached|:bcopy Uncached;6|Bandwidth|:read;9|foo|:open-close foo;" \
              "9|a/b/c/foo|:open-close a/b/c/foo;10|No data|:create-delete No data;10|10 kbytes|:create-delete 10 kbytes;" \
              "10|100 kbytes|:create-delete 100 kbytes;7|Copy|:andrew Copy", pairs, ";")
    printf "%-26s %-6s %14s %14s %8s\n", "workload", "unit", "Java (JMH)", "C", "Java/C"
    for (i = 1; i <= n; i++) {
      split(pairs[i], kv, ":"); key = kv[1]; name = kv[2]
      if (!(key in java) || !(name in c)) continue
      printf "%-26s %-6s %14.6g %14.6g %8.3f\n", name, unit[key], java[key], c[name], java[key] / c[name]
    }
  }' "$results" "$bin/c.csv"
