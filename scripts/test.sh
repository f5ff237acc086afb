#!/usr/bin/env bash
# Runs every test tier (domain, services on real SQLite, bUnit, browser journeys in Chromium)
# and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
# nginx: the reverse proxy in front of the two-instance test (skipped, saying so, without it).
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing test dependencies from Debian: ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq "${need_apt[@]}" >/dev/null \
      || { echo "apt-get install ${need_apt[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing: ${need_apt[*]}. Install them with: sudo apt-get install -y ${need_apt[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# PostgreSQL: service tests run on it too when a server can be had; SQLite alone otherwise.
if [ -z "${WP_TEST_POSTGRES:-}" ]; then
  if WP_TEST_POSTGRES=$(bash scripts/test-postgres.sh); then
    export WP_TEST_POSTGRES
    echo "PostgreSQL: service tests run on SQLite and PostgreSQL."
  else
    unset WP_TEST_POSTGRES
    echo "PostgreSQL could not be started: service tests run on SQLite only."
  fi
fi

dotnet tool restore >/dev/null
results="artifacts/test-results"
rm -rf "$results"
dotnet test WarrantyPortal.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

trx=$(find "$results" -name '*.trx' 2>/dev/null | head -n 1)
if [ -z "$trx" ]; then
  echo "The tests did not run (build failure?)."
  echo "0 passed, 1 failed"
  exit 1
fi
counter() { grep -o "<Counters [^>]*>" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*"; }
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
skipped=$(( $(counter total) - $(counter executed) ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
