#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 for the tests (installing it when run as root) and prints an admin
# connection string for WP_TEST_POSTGRES. Exits non-zero, printing nothing, when it cannot.
set -uo pipefail
password="wp-test-pg"
port=5432
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  [ "$(id -u)" = "0" ] || exit 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; } \
    || exit 1
fi
command -v pg_lsclusters >/dev/null 2>&1 || exit 1
cluster=$(pg_lsclusters -h 2>/dev/null | head -n 1)
if [ -z "$cluster" ]; then
  [ "$(id -u)" = "0" ] || exit 1
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  pg_createcluster "$version" main >/dev/null 2>&1 || exit 1
  cluster=$(pg_lsclusters -h | head -n 1)
fi
version=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
if ! echo "$cluster" | grep -q online; then
  [ "$(id -u)" = "0" ] || exit 1
  pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || exit 1
fi
if [ "$(id -u)" = "0" ]; then
  runuser -u postgres -- psql -p "$port" -q -c "ALTER USER postgres PASSWORD '$password'" >/dev/null 2>&1 || exit 1
fi
PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U postgres -q -c "select 1" >/dev/null 2>&1 || exit 1
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Timeout=15;Command Timeout=60"
