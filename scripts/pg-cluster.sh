#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: in a temporary folder, on 127.0.0.1, on a free port.
#   scripts/pg-cluster.sh start        → prints the folder on line 1 and the admin URL on line 2
#   scripts/pg-cluster.sh stop FOLDER  → stops it and removes the folder
# Installs Debian's postgresql when no server binaries are found. As root it runs the server as
# the `postgres` user (initdb refuses root). Durability is switched off: the data dies with the run.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

as_owner() { # runs "$@" as the cluster's owner
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}

case "${1:-}" in
  start)
    if ! bin="$(find_bin)"; then
      echo "Installing Debian's postgresql for the tests…" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin="$(find_bin)"
    fi
    dir="$(mktemp -d /tmp/inwonersfonds-pg.XXXXXX)"
    chmod 755 "$dir"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || {
      cat "$dir/server.log" >&2
      exit 1
    }
    echo "$dir"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="${2:?folder}"
    bin="$(find_bin)"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop FOLDER" >&2
    exit 2
    ;;
esac
