#!/usr/bin/env bash
# Where the live round trip's time goes beyond the C floor: the same 16-byte loopback ping-pong with each side in
# C or on the live runtime (client driven by its thread, server an EchoNode in its own JVM), so the difference of
# each pair is what that side of the runtime adds.
#
#   tools/live/split.sh [ROUNDS] [REPEATS]      default 100000 rounds, 3 repeats
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-100000}
repeats=${2:-3}
. "$here/jdk25.sh"
classes="$root/platforms/live/target/classes:$root/platforms/sim/target/classes"
[ -d "$root/platforms/live/target/classes/org" ] || { echo "split.sh: build first: ./mvnw install -DskipTests -Dasfast.skipRun=true" >&2; exit 2; }
scratch=$(mktemp -d)
servers=()
cleanup() { for pid in ${servers[@]+"${servers[@]}"}; do kill "$pid" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
gcc -O2 -o "$scratch/udp_pingpong" "$here/udp_pingpong.c"
jvm=("$java" -XX:-UsePerfData -XX:+UseSerialGC -cp "$classes")
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 300); do ss -uln | grep -q "127.0.0.1:$1 " && return 0; sleep 0.1; done; echo "split.sh: nothing listens on $1" >&2; exit 1; }

c_server=$(free_port); java_server=$(free_port)
"$scratch/udp_pingpong" serve "$c_server" & servers+=($!)
for _ in $(seq "$repeats"); do
  client=$(free_port)
  "${jvm[@]}" "$here/RoundTrips.java" serve "$java_server" "$client" & servers+=($!)
  wait_port "$c_server"; wait_port "$java_server"
  echo "C-client/C-server $("$scratch/udp_pingpong" call "$c_server" "$(free_port)" "$rounds")"
  echo "live-client/C-server $("${jvm[@]}" "$here/RoundTrips.java" call "$c_server" "$(free_port)" "$rounds")"
  echo "C-client/live-server $("$scratch/udp_pingpong" call "$java_server" "$client" "$rounds")"
  echo "live-client/live-server $("${jvm[@]}" "$here/RoundTrips.java" call "$java_server" "$client" "$rounds")"
  kill "${servers[-1]}"; wait "${servers[-1]}" 2>/dev/null || true; unset 'servers[-1]'
done | tee "$scratch/split.txt" >/dev/null
echo
printf '%-24s %9s %9s %9s\n' pair p50_us p99_us mean_us
awk '{ delete f; for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
       printf "%-24s %9.2f %9.2f %9.2f\n", $1, f["p50_ns"] / 1000, f["p99_ns"] / 1000, f["mean_ns"] / 1000 }' "$scratch/split.txt"
