#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (Debian's package, as OS user "postgres", data under /tmp)
# and prints the variables to use it:  eval "$(bash scripts/pg-throwaway.sh start)"
# Stop it with:                         bash scripts/pg-throwaway.sh stop "$PGDATA"
set -euo pipefail
cmd=${1:-start}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ]; then echo "echo 'no PostgreSQL server binaries (apt-get install postgresql)' >&2; false"; exit 1; fi
if [ "$cmd" = stop ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$2" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
PGDATA=$(mktemp -d /tmp/claimdesk-pg.XXXXXX)
chown postgres:postgres "$PGDATA"
PGPORT=${PGPORT:-$(( 54000 + RANDOM % 1000 ))}
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'CREATE DATABASE claimdesk_test'
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/claimdesk_test CLAIMDESK_PGDATA=$PGDATA"
