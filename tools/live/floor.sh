#!/usr/bin/env bash
# The live round trip beside its floor, in one window: the C UDP ping-pong (tools/live/udp_pingpong.c), the JMH
# benchmark of the live round trip (LiveRoundTripBenchmark: client node in the JMH JVM, echo node in a JVM of
# its own), the C ping-pong again; then one table. Datagram sizes match: the live runtime's 8-byte header is
# counted in the C program's sizes.
#
#   tools/live/floor.sh [ROUNDS] [JMH options...]     e.g. tools/live/floor.sh 200000 -p spinMicros=0,50
#
# Default JMH options: 1 fork, 3 warm-up and 5 measured iterations of 2 s. Needs gcc and a built tree
# (./mvnw install -DskipTests -Dasfast.skipRun=true). If sockperf is installed it is run as a cross-check;
# note that sockperf reports half the round trip.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-100000}
shift || true
. "$here/jdk25.sh"
[ -f "$root/cli/target/classpath.txt" ] || { echo "floor.sh: build first: ./mvnw install -DskipTests -Dasfast.skipRun=true" >&2; exit 2; }
classpath="$root/cli/target/classes:$(cat "$root/cli/target/classpath.txt")"
scratch=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
gcc -O2 -o "$scratch/udp_pingpong" "$here/udp_pingpong.c"

c_floor() { # one line per transfer: request and reply datagram sizes as the live benchmark sends them
  for sizes in "16 16" "16392 16" "30008 16"; do
    # shellcheck disable=SC2086
    echo "$1 $("$scratch/udp_pingpong" "$rounds" $sizes)"
  done
}

c_floor c-before > "$scratch/c.txt"
jmh_options=("$@")
[ ${#jmh_options[@]} -gt 0 ] || jmh_options=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
"$java" -cp "$classpath" org.openjdk.jmh.Main LiveRoundTripBenchmark "${jmh_options[@]}" -rf json -rff "$scratch/jmh.json" \
  | tee "$scratch/jmh.out" | grep -E '^(# Parameters|Benchmark|LiveRoundTrip|live-rtt)' || true
c_floor c-after >> "$scratch/c.txt"
if command -v sockperf >/dev/null 2>&1; then
  port=$((20000 + RANDOM % 20000))
  sockperf server -i 127.0.0.1 -p "$port" >/dev/null 2>&1 & server_pid=$!
  sleep 1
  echo "sockperf ping-pong, 16-byte datagrams (its latency is HALF the round trip):"
  sockperf ping-pong -i 127.0.0.1 -p "$port" -m 16 -t 5 2>&1 | grep -E 'avg-latency|percentile (50\.000|99\.000|99\.900) =' | sed 's/^/  /'
fi

echo
printf '%-28s %8s %8s %9s %9s %10s %9s %9s\n' what request reply mean_us p50_us p99_us p99.9_us MB/s
grep -h '^live-rtt' "$scratch/jmh.out" | sed 's/^live-rtt /live /' | cat "$scratch/c.txt" - | awk '
  {
    delete f; for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    what = $1; if ($1 == "live") what = "live " f["transfer"] " spin=" f["spin_us"] "us"
    mbs = (f["request_bytes"] - 8) / f["mean_ns"] * 1e9 / 1048576
    printf "%-28s %8d %8d %9.2f %9.2f %10.2f %9.2f %9.1f\n", what, f["request_bytes"], f["reply_bytes"],
      f["mean_ns"] / 1000, f["p50_ns"] / 1000, f["p99_ns"] / 1000, f["p999_ns"] / 1000, mbs
  }'
echo "(C rows: request and reply are datagram sizes; live rows: the same, its 8-byte header included; MB/s = payload / mean)"
