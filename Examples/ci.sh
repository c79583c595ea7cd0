#!/usr/bin/env bash
# Builds and tests the example packages against a real PostgreSQL server.
#
#   Examples/ci.sh            # from the repository root (or anywhere)
#
# Installs PostgreSQL with apt-get when it is missing, starts a throw-away server on a free local port
# in a temporary directory, creates a database, builds both examples with warnings as errors, runs their
# tests with the PG* variables set, validates the server's OpenAPI document with openapi-spec-validator
# (PyPI), runs the kill test, the email round trip (an SMTP sink on loopback) and the web console's
# story in headless Chromium (Debian's chromium and Playwright from PyPI, installed when missing),
# and stops the server and removes its directory on any exit.
# Idempotent: every run starts from a new data directory. Nothing waits without a time limit.
set -euo pipefail

EXAMPLES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PACKAGES=(PostgresStores HummingbirdServer)
BUILD_TIMEOUT="${EXAMPLES_BUILD_TIMEOUT:-1500}"
TEST_TIMEOUT="${EXAMPLES_TEST_TIMEOUT:-600}"
DATABASE="support_engine_examples"
# One build folder for both packages: HummingbirdServer depends on PostgresStores, and both build
# SwiftNIO, NIOSSL (BoringSSL) and PostgresNIO; sharing the folder builds them once. (.gitignore: .build-*/)
SCRATCH="$EXAMPLES_DIR/.build-examples"

log() { printf '[examples-ci %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

find_pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PG_BIN="$(find_pg_bin)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
    log "PostgreSQL is missing: installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -q
    timeout 900 apt-get install -y -q --no-install-recommends postgresql
    PG_BIN="$(find_pg_bin)"
fi
[[ -x "$PG_BIN/initdb" ]] || { log "no initdb found under /usr/lib/postgresql after installing"; exit 1; }
log "using $PG_BIN"

# Run the server as the postgres user when we are root (initdb refuses root), as ourselves otherwise.
if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for candidate in $(seq 55432 55499); do
    if port_is_free "$candidate"; then PORT="$candidate"; break; fi
done
[[ -n "$PORT" ]] || { log "no free port between 55432 and 55499"; exit 1; }

DATA_DIR="$(mktemp -d /tmp/support-engine-pg.XXXXXX)"
chmod 700 "$DATA_DIR"
[[ "$(id -u)" == 0 ]] && chown postgres: "$DATA_DIR"

cleanup() {
    local status=$?
    if [[ -f "$DATA_DIR/postmaster.pid" ]]; then
        log "stopping PostgreSQL"
        as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -t 30 -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DATA_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "initializing a server in $DATA_DIR"
as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DATA_DIR.initdb.log" 2>&1 \
    || { cat "$DATA_DIR.initdb.log"; exit 1; }
rm -f "$DATA_DIR.initdb.log"
log "starting PostgreSQL on 127.0.0.1:$PORT"
# The example suites run their tests in parallel, each with pools of up to six connections (two desks'
# pools in some): at their peak they have held more than the 200 connections a limit of 200 allows.
as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off" start >/dev/null \
    || { cat "$DATA_DIR/server.log"; exit 1; }
timeout 30 "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE $DATABASE"

export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres PGDATABASE="$DATABASE"
unset PGPASSWORD DATABASE_URL

log "OpenAPI document: openapi-spec-validator (PyPI) on HummingbirdServer/Sources/SupportServer/Resources/openapi.json"
openapi_started=$(date +%s)
OPENAPI_VENV="$SCRATCH/openapi-validator-venv"
if [[ ! -x "$OPENAPI_VENV/bin/openapi-spec-validator" ]]; then
    timeout 120 python3 -m venv "$OPENAPI_VENV"
    timeout 300 "$OPENAPI_VENV/bin/pip" install -q "openapi-spec-validator==0.9.0"
fi
timeout 60 "$OPENAPI_VENV/bin/openapi-spec-validator" \
    "$EXAMPLES_DIR/HummingbirdServer/Sources/SupportServer/Resources/openapi.json"
log "OpenAPI validation took $(( $(date +%s) - openapi_started )) s"

for package in "${PACKAGES[@]}"; do
    cd "$EXAMPLES_DIR/$package"
    log "$package: swift build --build-tests -Xswiftc -warnings-as-errors"
    timeout "$BUILD_TIMEOUT" swift build --scratch-path "$SCRATCH" --build-tests -Xswiftc -warnings-as-errors
    log "$package: swift test"
    timeout "$TEST_TIMEOUT" swift test --scratch-path "$SCRATCH" --skip-build
done
log "pg-bench smoke: 200 messages through one desk and three (debug build; the figures mean something only in release)"
bench_started=$(date +%s)
timeout 300 "$SCRATCH/debug/pg-bench" --messages 200 --senders 12
log "pg-bench smoke took $(( $(date +%s) - bench_started )) s"
log "kill test: three support-server processes on one PostgreSQL, one killed with kill -9 (Examples/KillTest)"
kill_started=$(date +%s)
timeout 600 python3 "$EXAMPLES_DIR/KillTest/kill_test.py" --server "$SCRATCH/debug/support-server" --psql "$PG_BIN/psql"
log "kill test took $(( $(date +%s) - kill_started )) s"
log "email round trip: mailgate in, SMTP out to a loopback sink, read back with Python's email package (Examples/MailRoundTrip/mail_round_trip.py)"
mail_started=$(date +%s)
timeout 300 python3 "$EXAMPLES_DIR/MailRoundTrip/mail_round_trip.py" \
    --server "$SCRATCH/debug/support-server" --mailgate "$SCRATCH/debug/mailgate"
log "email round trip took $(( $(date +%s) - mail_started )) s"
log "web console: the whole story in headless Chromium (Examples/HummingbirdServer/BrowserTests/run.sh)"
console_started=$(date +%s)
EXAMPLES_SCRATCH="$SCRATCH" timeout 1500 bash "$EXAMPLES_DIR/HummingbirdServer/BrowserTests/run.sh"
log "web console story took $(( $(date +%s) - console_started )) s"
log "examples passed"
