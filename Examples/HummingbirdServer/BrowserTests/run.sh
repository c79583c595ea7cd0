#!/usr/bin/env bash
# The web console's story in headless Chromium (story.py, Playwright for Python).
#
#   Examples/HummingbirdServer/BrowserTests/run.sh        # after building the HummingbirdServer example
#
# Installs Debian's `chromium` with apt-get when it is missing (Playwright never downloads a browser
# here), makes a Python venv with Playwright under the build folder, starts the built support-server
# (debug) on a free loopback port with its own tokens and a desk configuration whose one-day refund
# guarantee sends the demo members' refund to the owner, runs the story, keeps the screenshots in
# .build-examples/console-screenshots/, and stops the server on any exit. Nothing waits without a limit.
#
# EXAMPLES_SCRATCH names another build folder than Examples/.build-examples.
set -euo pipefail

NAME="console browser story"
started=$(date +%s)
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXAMPLE_DIR="$(dirname "$HERE")"
SCRATCH="${EXAMPLES_SCRATCH:-$(dirname "$EXAMPLE_DIR")/.build-examples}"
SERVER="$SCRATCH/debug/support-server"
SCREENSHOTS="$SCRATCH/console-screenshots"
VENV="$SCRATCH/console-browser-venv"
PLAYWRIGHT_VERSION="1.65.2"
AXE_VERSION="0.1.8"

log() { printf '[%s %s] %s\n' "$NAME" "$(date -u +%H:%M:%S)" "$*"; }

[[ -x "$SERVER" ]] || { log "no $SERVER: build the example first (swift build --scratch-path $SCRATCH)"; exit 1; }

CHROMIUM="$(command -v chromium || true)"
if [[ -z "$CHROMIUM" ]]; then
    log "chromium is missing: installing Debian's package with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -q
    timeout 900 apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
    CHROMIUM="$(command -v chromium)"
fi
log "using $CHROMIUM ($(timeout 30 "$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"

if ! "$VENV/bin/python" -c "import playwright, axe_playwright_python" 2>/dev/null; then
    log "installing Playwright $PLAYWRIGHT_VERSION and axe-playwright-python $AXE_VERSION in $VENV"
    timeout 120 python3 -m venv "$VENV"
    timeout 600 "$VENV/bin/pip" install -q "playwright==$PLAYWRIGHT_VERSION" "axe-playwright-python==$AXE_VERSION"
fi

# Below Linux's ephemeral range (32768–60999): a port in it can be the local end of another process's
# outgoing connection, which the check below cannot see and which makes the server's bind fail.
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for candidate in $(seq 18600 18699); do
    if port_is_free "$candidate"; then PORT="$candidate"; break; fi
done
[[ -n "$PORT" ]] || { log "no free port between 18600 and 18699"; exit 1; }

WORK="$(mktemp -d /tmp/support-console.XXXXXX)"
SERVER_PID=""
cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -f "$WORK/server.log" ]]; then
        log "the server's fatal errors, then its last lines:"
        grep -E "Fatal error|error:" "$WORK/server.log" | head -n 5 || true
        tail -n 30 "$WORK/server.log" || true
    fi
    rm -rf "$WORK"
    log "took $(( $(date +%s) - started )) s"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The example's desk with a one-day guarantee and goodwill after it: the demo members paid three days ago.
python3 - "$EXAMPLE_DIR/desk.json" "$WORK/desk.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
document["refunds"] = {"plans": {"monthly": {"guaranteeDays": 1,
                                             "afterWindow": {"mode": "goodwill", "maxDaysAfterWindow": 30}}}}
json.dump(document, open(sys.argv[2], "w"))
PY

token() { python3 -c 'import secrets; print(secrets.token_hex(20))'; }
export ALICE_TOKEN="$(token)" BOB_TOKEN="$(token)" OLGA_TOKEN="$(token)" NINA_TOKEN="$(token)"
rm -rf "$SCREENSHOTS"
mkdir -p "$SCREENSHOTS"

log "starting support-server on 127.0.0.1:$PORT (memory storage)"
env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE -u PGPASSWORD -u DATABASE_URL -u SUPPORT_DEMO \
    HOST=127.0.0.1 PORT="$PORT" DESK_CONFIG="$WORK/desk.json" \
    MEMBER_TOKENS="$ALICE_TOKEN=alice,$BOB_TOKEN=bob" AGENT_TOKENS="$OLGA_TOKEN=olga" \
    OWNER_TOKENS="$NINA_TOKEN=nina" WEBHOOK_TOKEN="$(token)" \
    "$SERVER" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

log "running story.py in headless Chromium; screenshots go to $SCREENSHOTS"
CONSOLE_URL="http://127.0.0.1:$PORT" CHROMIUM="$CHROMIUM" SCREENSHOTS="$SCREENSHOTS" \
    timeout 300 "$VENV/bin/python" "$HERE/story.py"
