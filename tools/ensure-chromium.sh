#!/usr/bin/env bash
# The report's browser test drives Debian's chromium through Playwright (Playwright's own browser
# download is skipped). Installs it when missing, as root with apt-get; otherwise says in one line
# what to install and exits 2. Run by the build (report module, before its tests) and by ./asfast.
set -euo pipefail
chromium=/usr/bin/chromium
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "asfast: installing Debian's chromium for the report's browser test (apt-get install chromium)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null && [ -x "$chromium" ]; then
    exit 0
  fi
  echo "asfast: apt-get could not install chromium; install it yourself (apt-get install chromium), or skip the tests with -DskipTests" >&2
  exit 2
fi
echo "asfast: the report's browser test needs Debian's chromium at $chromium; install it as root (apt-get install chromium), or skip the tests with -DskipTests" >&2
exit 2
