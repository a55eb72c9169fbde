#!/usr/bin/env bash
# Where the live null RPC's time goes, stage by stage, beside the C floor in the same window (Stages.java says what
# each stage is). Every stage runs alone, one after another, with the C floor before and after.
#
#   tools/live/stages.sh [ROUNDS] [STAGE...]     default 20000 rounds; channel channel-yield channel-select transport transport-ack
#                                                amoeba-live sprite-live v-live
#
# SPIN_US=N sets how long the live nodes poll before they wait in the kernel (LiveNode.SPIN_PROPERTY; 0: never).
#
# Needs gcc and a built tree (./mvnw install -DskipTests -Dasfast.skipRun=true), and the class path of the systems
# it runs in systems/<name>/target/classpath.txt (./mvnw dependency:build-classpath -pl systems/amoeba
# -Dmdep.outputFile=target/classpath.txt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-20000}
shift || true
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(channel channel-yield channel-select transport transport-ack amoeba-live sprite-live v-live)
spin=()
[ -z "${SPIN_US:-}" ] || spin=(-Dasfast.live.spinMicros="$SPIN_US")
. "$here/jdk25.sh"
classpath=""
for system in amoeba sprite v; do
  file="$root/systems/$system/target/classpath.txt"
  [ -f "$file" ] || { echo "stages.sh: no $file; make it: ./mvnw dependency:build-classpath -pl systems/$system -Dmdep.outputFile=target/classpath.txt" >&2; exit 2; }
  classpath="$classpath:$root/systems/$system/target/classes:$(cat "$file")"
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
gcc -O2 -o "$scratch/udp_pingpong" "$here/udp_pingpong.c"
{
  echo "C-floor $("$scratch/udp_pingpong" "$rounds" 16 16)"
  for stage in "${stages[@]}"; do
    "$java" -XX:+UseSerialGC ${spin[@]+"${spin[@]}"} -cp "${classpath#:}" "$here/Stages.java" "$stage" "$rounds"
    echo "C-floor $("$scratch/udp_pingpong" "$rounds" 16 16)"
  done
} | awk '{ delete f; for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
  if ($1 == "C-floor") floor = f["p50_ns"]
  printf "%-16s p50 %7.2f us  p99 %8.2f us  mean %7.2f us%s\n", $1, f["p50_ns"] / 1000, f["p99_ns"] / 1000, f["mean_ns"] / 1000,
    $1 == "C-floor" ? "" : sprintf("  p50 / last floor %.2f", f["p50_ns"] / floor) }'
