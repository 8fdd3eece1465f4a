#!/usr/bin/env bash
# A bounded load test on loopback: `rotor serve --no-worker` and two `rotor worker` processes on one
# PostgreSQL database, two 60-second solves running, then
#   1. reads with wrk: GET /api/jobs/{id} and GET /api/problems, 10 s each, 8 connections;
#   2. 200 job submissions (8 at a time) with their latency, then the ones still queued are stopped;
#   3. a fault run: 12 short jobs (3 s) under read load, one worker killed with SIGKILL mid-run and a
#      fresh worker started; every job must end `finished`, each once;
#   4. the same on SQLite (Tests/load/sqlite_fault.py): `rotor serve --data-dir` killed with SIGKILL
#      mid-solve three times; each job's saved roster re-scores to exactly its recorded best.
# Prints requests/s and latency percentiles. Usage: Tests/load/run.sh [path/to/rotor]
# (default: a debug build, built here). ROTOR_DATABASE_URL picks the database; without it,
# Tests/postgres/start.sh starts one. Takes about 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2; }

rotor=${1:-}
if [[ -z "$rotor" ]]; then swift build --product rotor >&2; rotor="$(swift build --show-bin-path)/rotor"; fi
base=${ROTOR_DATABASE_URL:-$(Tests/postgres/start.sh)}
# A schema of its own, so that the counts below are this run's.
schema="rotor_load_$$"
url="$base$([[ $base == *\?* ]] && echo '&' || echo '?')schema=$schema"
port=$((20000 + RANDOM % 20000))
logs=$(mktemp -d /tmp/rotor-load.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    command -v psql >/dev/null && psql -q "$base" -c "DROP SCHEMA $schema CASCADE" 2>/dev/null || true
}
trap cleanup EXIT

"$rotor" serve --database "$url" --no-worker --port "$port" >"$logs/serve.log" 2>&1 & pids+=($!)
start_worker() { "$rotor" worker --database "$url" --name "$1" --max-jobs 1 >"$logs/$1.log" 2>&1 & pids+=($!); echo $!; }
worker_a=$(start_worker worker-a)
pids+=("$worker_a")
start_worker worker-b >/dev/null
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/problems" >/dev/null && break; sleep 0.1; done

python3 Tests/load/load.py --api "http://127.0.0.1:$port/api" --logs "$logs" --kill-pid "$worker_a" \
    --restart "$rotor worker --database $url --name worker-c --max-jobs 1"
python3 Tests/load/sqlite_fault.py "$rotor" --cycles 3
echo "logs in $logs"
