#!/usr/bin/env bash
# Makes a local PostgreSQL server available for `npm run test:postgres` and prints its URL.
# HIGHCARD_PG_URL wins when set. Otherwise Debian's `postgresql` package is used: installed
# when missing (as root), its first cluster started, and the postgres user given the
# password the tests connect with. Only loopback is ever used.
set -euo pipefail

if [ -n "${HIGHCARD_PG_URL:-}" ]; then
  echo "$HIGHCARD_PG_URL"
  exit 0
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian's postgresql package)…" >&2
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  else
    echo "The real-PostgreSQL tests need a server: install Debian's postgresql package" >&2
    echo "(apt-get install -y postgresql) or set HIGHCARD_PG_URL to a scratch server." >&2
    exit 1
  fi
fi

read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ -z "${version:-}" ]; then
  echo "PostgreSQL is installed but has no cluster: run pg_createcluster first." >&2
  exit 1
fi
if [ "$status" != online ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
for _ in $(seq 1 50); do
  as_postgres psql -p "$port" -qAtc 'select 1' >/dev/null 2>&1 && break
  sleep 0.2
done
as_postgres psql -p "$port" -qc "alter user postgres password 'postgres'" >&2

echo "postgresql://postgres:postgres@127.0.0.1:${port}/postgres"
