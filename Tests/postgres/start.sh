#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests: installs it from Debian's packages when it is
# missing, creates a cluster in a temporary directory listening on loopback only, creates a database,
# and prints its URL on standard output (everything else goes to standard error), so that
#   export ROTOR_TEST_DATABASE_URL="$(Tests/postgres/start.sh)"
# sets up `swift test`. Stop it with: pg_ctl -D <the printed directory> stop (or let the machine go).
# Environment: PGPORT_FOR_TESTS picks the port (default: a free one from 55432 up).
set -euo pipefail
log() { echo "postgres/start.sh: $*" >&2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" ]]; then
    log "installing PostgreSQL (apt-get)"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root; as root, run it as the postgres user the package creates.
as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

port=${PGPORT_FOR_TESTS:-55432}
if [[ -z "${PGPORT_FOR_TESTS:-}" ]]; then
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
fi
dir=$(mktemp -d /tmp/rotor-postgres.XXXXXX)
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$password" > "$dir/password"
[[ $(id -u) -eq 0 ]] && chown -R postgres: "$dir"
as_owner "$bin/initdb" -D "$dir/data" -U rotor --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Loopback only, the socket in the temporary directory (not the system's), fsync off: test data is
# thrown away, and fsync makes every commit wait for the disk.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" start >&2
PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U rotor rotor_test
# A server on this machine without TLS: sslmode=disable, since Rotor verifies certificates by default.
url="postgres://rotor:$password@127.0.0.1:$port/rotor_test?sslmode=disable"
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir/data (stop: $bin/pg_ctl -D $dir/data stop)"
echo "$url"
