# Sourced by the tools/live scripts: sets $java to a JDK 25 (or later) java, or exits 2 saying what to set.
java=""
for candidate in "${ASFAST_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25*; do
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
  if "$candidate/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then java="$candidate/bin/java"; break; fi
done
[ -n "$java" ] || { echo "$(basename "$0"): no JDK 25 found; set ASFAST_JAVA_HOME" >&2; exit 2; }
