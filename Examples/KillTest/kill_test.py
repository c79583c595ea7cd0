#!/usr/bin/env python3
"""Three support-server processes on one PostgreSQL, one of them killed with SIGKILL mid-load.

Starts three servers on loopback ports against the database the PG* variables name, drives a bounded
load through their HTTP APIs (inbound email with repeats, agent replies, refund requests, conduct
reports, SLA timers on a 20-second policy), kills one server with `kill -9` in the middle and starts it
again, waits until the desks are quiet, and then checks from the database and the outbound spools:

- every accepted inbound message is in exactly one ticket;
- no outbound message is lost: none is left pending, and every delivered one is in a spool;
- a message sent twice carries the same idempotency key both times, and one of the sends came from
  the server that was killed (the crash fell between its send and its record);
- every SLA step fired exactly once, and every clock that ran past its due instant fired its breach;
- no refund or conduct decision a server answered is missing from the ledgers, and no member was
  refunded more than they paid.

It prints `N passed, N failed` and figures as `name value unit` lines, and exits non-zero on a failure.
Only the standard library is used.

    python3 kill_test.py --server PATH/support-server [--psql PATH/psql] [--messages 3000] [--seed N]
"""

import argparse
import collections
import concurrent.futures
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

APPLE_EPOCH = 978_307_200  # Foundation's reference date, in Unix seconds
WEBHOOK_TOKEN = "kill-test-webhook-token-0123456789"
AGENT_TOKEN = "kill-test-agent-token-olga-0123456789"
OWNER_TOKEN = "kill-test-owner-token-nina-0123456789"
MEMBER_TOKENS = {"alice": "kill-test-member-token-alice-0123", "bob": "kill-test-member-token-bob-01234"}
SLA_SECONDS = 20
SCAN_SECONDS = 2


def log(message):
    print(f"[kill-test {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def desk_document():
    """A desk open around the clock with a 20-second first reply, so SLA steps fire during the run."""
    targets = {p: {"firstReply": {"business": SLA_SECONDS}} for p in ["low", "normal", "high", "urgent"]}
    return {
        "hours": {"timeZone": "UTC", "alwaysOpen": True},
        "sla": {"targets": targets, "warningFraction": 0.5},
        "routing": {
            "agents": [
                {"id": "olga", "displayName": "Olga", "capacity": 10000},
                {"id": "ivan", "displayName": "Ivan", "capacity": 10000},
            ]
        },
        "delivery": {
            "retryDelay": 1,
            "claimDuration": 5,
            "claimOnCommit": True,
            "maximumAttempts": 8,
            "storeScanInterval": SCAN_SECONDS,
        },
        "refunds": {"plans": {"monthly": {"guaranteeDays": 14}}},
    }


class Server:
    """One support-server process; `generation` counts its starts, each with its own spool file."""

    def __init__(self, index, binary, workdir, environment):
        self.index = index
        self.binary = binary
        self.workdir = workdir
        self.environment = environment
        self.port = free_port()
        self.generation = 0
        self.process = None
        self.spools = []

    def start(self):
        spool = os.path.join(self.workdir, f"spool-{self.index}-{self.generation}.jsonl")
        self.spools.append(spool)
        env = dict(self.environment, PORT=str(self.port), OUTBOUND_SPOOL=spool)
        logfile = open(os.path.join(self.workdir, f"server-{self.index}-{self.generation}.log"), "w")
        self.process = subprocess.Popen([self.binary], env=env, stdout=logfile, stderr=subprocess.STDOUT)
        self.generation += 1

    def wait_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server {self.index} exited with {self.process.returncode}; see its log")
            try:
                status, _ = request(self.port, "GET", "/health", None, None, timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server {self.index} not healthy after {timeout} s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    @property
    def alive(self):
        return self.process is not None and self.process.poll() is None


def request(port, method, path, body, token, timeout=15):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else None)
    finally:
        connection.close()


class Cluster:
    def __init__(self, servers, rng):
        self.servers = servers
        self.rng = rng
        self.lock = threading.Lock()
        self.transport_retries = 0

    def call(self, method, path, body, token, prefer=None):
        """Calls one live server, and another when the connection fails: a client retries a request
        whose answer it never got, exactly as a mail provider's webhook does."""
        last = None
        for attempt in range(12):
            live = [s for s in self.servers if s.alive]
            if prefer is not None and attempt == 0 and self.servers[prefer].alive:
                server = self.servers[prefer]
            else:
                with self.lock:
                    server = self.rng.choice(live) if live else None
            if server is None:
                time.sleep(0.2)
                continue
            try:
                return request(server.port, method, path, body, token)
            except (OSError, http.client.HTTPException) as error:
                last = error
                with self.lock:
                    self.transport_retries += 1
                time.sleep(0.05 * (attempt + 1))
        raise RuntimeError(f"{method} {path}: no server answered ({last})")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, name, detail=""):
        if condition:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}", flush=True)


def psql(binary, schema, sql):
    output = subprocess.run(
        [binary, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", f"SET search_path TO {schema}; {sql}"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    return [line for line in output.splitlines() if line]


def drive(cluster, messages, seed, kill_after, on_kill):
    """The load: inbound email (about one in ten sent again to another server), agent replies, refund
    requests and conduct reports, from 12 threads. Returns what the servers accepted."""
    rng = random.Random(seed)
    members = [f"m-{i:04d}" for i in range(max(1, messages // 5))]
    plan = []
    unique = int(messages * 0.9)
    for n in range(unique):
        plan.append(("inbound", n, rng.choice(members)))
    for _ in range(messages - unique):
        plan.append(("repeat", rng.randrange(unique), None))
    for n in range(60):
        member = rng.choice(list(MEMBER_TOKENS))
        plan.append(("refund", f"rq-{n % 30}", member))
    rng.shuffle(plan)
    # A repeat may come before its original: then it is the first delivery. Replies and reports are made
    # right after the message they answer was accepted.
    accepted = {}
    tickets = {}
    refunds = []
    reports = []
    replies = []
    done = [0]
    state_lock = threading.Lock()
    killed = threading.Event()

    def inbound(n, member):
        body = {
            "messageID": f"<kill-{n}@members.example>",
            "memberID": member,
            "subject": f"Question {n}",
            "text": f"Hello, the lesson {n} does not open. What should I do?",
        }
        status, answer = cluster.call("POST", "/inbound/email", body, WEBHOOK_TOKEN)
        if status in (200, 201):
            with state_lock:
                accepted[body["messageID"]] = answer["ticket"]["id"]
                tickets.setdefault(answer["ticket"]["id"], member)
        return status

    def step(item):
        kind, key, member = item
        if kind == "inbound":
            status = inbound(key, member)
            if status in (200, 201) and key % 7 == 0:
                ticket = accepted[f"<kill-{key}@members.example>"]
                reply_status, _ = cluster.call(
                    "POST",
                    f"/agent/tickets/{ticket}/reply",
                    {"body": f"Try reloading the lesson page ({key}).", "status": "pending"},
                    AGENT_TOKEN,
                )
                with state_lock:
                    replies.append((ticket, reply_status))
            if status in (200, 201) and key % 31 == 0:
                ticket = accepted[f"<kill-{key}@members.example>"]
                view_status, view = cluster.call("GET", f"/agent/tickets/{ticket}", None, AGENT_TOKEN)
                message = None
                if view_status == 200:
                    snapshot = view.get("ticket", view)
                    for entry in snapshot.get("messages", []):
                        if entry.get("kind") == "member_message":
                            message = entry.get("id")
                            break
                if message:
                    report_status, answer = cluster.call(
                        "POST",
                        f"/agent/tickets/{ticket}/conduct",
                        {"messageID": message, "kind": "rudeness", "severity": "minor", "note": f"report {key}"},
                        AGENT_TOKEN,
                    )
                    with state_lock:
                        reports.append((member, f"report {key}", report_status, answer))
        elif kind == "repeat":
            # The original may not have been sent yet; then this is the first delivery of it.
            inbound(key, member)
        else:
            status, answer = cluster.call(
                "POST",
                "/me/refunds",
                {"requestID": key, "message": "Not for me, please refund."},
                MEMBER_TOKENS[member],
            )
            with state_lock:
                refunds.append((member, key, status, answer))
        with state_lock:
            done[0] += 1
            if done[0] == kill_after and not killed.is_set():
                killed.set()
                threading.Thread(target=on_kill, daemon=True).start()

    # A repeat needs its original's member: fill it in from the plan.
    member_of = {key: member for kind, key, member in plan if kind == "inbound"}
    plan = [(k, key, member_of[key]) if k == "repeat" else (k, key, m) for k, key, m in plan]
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        for future in concurrent.futures.as_completed([pool.submit(step, item) for item in plan]):
            future.result()
    elapsed = time.monotonic() - started
    return {
        "accepted": accepted,
        "tickets": tickets,
        "refunds": refunds,
        "reports": reports,
        "replies": replies,
        "elapsed": elapsed,
        "inbound_count": sum(1 for kind, _, _ in plan if kind in ("inbound", "repeat")),
    }


def read_spools(servers):
    lines = []
    for server in servers:
        for generation, path in enumerate(server.spools):
            if not os.path.exists(path):
                continue
            with open(path) as spool:
                for raw in spool:
                    raw = raw.strip()
                    if raw:
                        lines.append((server.index, generation, json.loads(raw)))
    return lines


def ticket_snapshots(psql_binary, schema):
    return [json.loads(row) for row in psql(psql_binary, schema, "SELECT snapshot::text FROM tickets")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="the support-server binary")
    parser.add_argument("--psql", default=shutil.which("psql") or "psql")
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=None)
    arguments = parser.parse_args()
    seed = arguments.seed if arguments.seed is not None else random.randrange(1, 2**31)
    log(f"seed {seed} (run again with --seed {seed})")
    schema = f"kill_test_{os.getpid()}"
    workdir = tempfile.mkdtemp(prefix="support-kill-test.")
    config = os.path.join(workdir, "desk.json")
    with open(config, "w") as document:
        json.dump(desk_document(), document)
    environment = dict(
        os.environ,
        HOST="127.0.0.1",
        SUPPORT_SCHEMA=schema,
        DESK_CONFIG=config,
        WEBHOOK_TOKEN=WEBHOOK_TOKEN,
        AGENT_TOKENS=f"{AGENT_TOKEN}=olga",
        OWNER_TOKENS=f"{OWNER_TOKEN}=nina",
        MEMBER_TOKENS=",".join(f"{token}={member}" for member, token in MEMBER_TOKENS.items()),
        LOG_LEVEL="warning",
    )
    environment.pop("SUPPORT_DEMO", None)
    servers = [Server(i, arguments.server, workdir, environment) for i in range(3)]
    checks = Checks()
    figures = []
    victim = servers[1]
    recovery = {}
    try:
        started = time.monotonic()
        for server in servers:
            server.start()
            server.wait_healthy()  # one at a time: the first migrates the schema
        log(f"three servers up in {time.monotonic() - started:.1f} s on ports {[s.port for s in servers]}")
        cluster = Cluster(servers, random.Random(seed + 1))

        # One desk alone first: the ingest figure of a single server.
        warmup = 300
        t0 = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
            statuses = list(
                pool.map(
                    lambda n: request(
                        servers[0].port,
                        "POST",
                        "/inbound/email",
                        {"messageID": f"<solo-{n}@members.example>", "memberID": f"s-{n % 50}", "text": "Hello"},
                        WEBHOOK_TOKEN,
                    )[0],
                    range(warmup),
                )
            )
        solo_elapsed = time.monotonic() - t0
        checks.check(all(s in (200, 201) for s in statuses), "one desk accepts its messages", str(statuses[:5]))
        figures.append(("pg.ingest.1desk", warmup / solo_elapsed, "msg/s"))

        def kill_and_restart():
            log(f"kill -9 server {victim.index} (pid {victim.process.pid})")
            victim.kill()
            time.sleep(2)
            t = time.monotonic()
            victim.start()
            victim.wait_healthy()
            recovery["seconds"] = time.monotonic() - t
            log(f"server {victim.index} is back after {recovery['seconds']:.2f} s")

        result = drive(cluster, arguments.messages, seed, arguments.messages // 3, kill_and_restart)
        figures.append(("pg.ingest.3desks", result["inbound_count"] / result["elapsed"], "msg/s"))
        log(f"load done in {result['elapsed']:.1f} s; {cluster.transport_retries} requests retried on another server")
        checks.check(victim.generation == 2 and victim.alive, "the killed server started again", "")
        if "seconds" in recovery:
            figures.append(("pg.recovery.seconds", recovery["seconds"], "s"))

        # Quiet: every outbound message settled, every SLA clock past its due instant and a scan later.
        deadline = time.monotonic() + 120
        settle_after = time.time() + SLA_SECONDS + 3 * SCAN_SECONDS + 2
        while time.monotonic() < deadline:
            pending = int(psql(arguments.psql, schema, "SELECT count(*) FROM outbox WHERE state = 'pending'")[0])
            if pending == 0 and time.time() > settle_after:
                break
            time.sleep(1)
        checked_at = time.time()
        # The event feed, read through the servers (the first read gives the events their positions).
        feed = []
        while True:
            status, page = cluster.call("GET", f"/owner/events?after={feed[-1]['position'] if feed else 0}&limit=1000",
                                        None, OWNER_TOKEN)
            if status != 200 or not page["events"]:
                break
            feed += page["events"]
        for server in servers:
            server.stop()

        # 1. Every accepted inbound message is in exactly one ticket.
        snapshots = ticket_snapshots(arguments.psql, schema)
        occurrences = collections.Counter()
        for snapshot in snapshots:
            for message in snapshot.get("messages", []):
                if message.get("externalID"):
                    occurrences[message["externalID"]] += 1
        accepted = result["accepted"]
        missing = [key for key in accepted if occurrences[key] == 0]
        doubled = [key for key, count in occurrences.items() if count > 1]
        checks.check(len(accepted) >= int(arguments.messages * 0.9), "every inbound message was accepted",
                     f"{len(accepted)} accepted")
        checks.check(not missing, "every accepted inbound message is stored", f"{len(missing)} missing: {missing[:3]}")
        checks.check(not doubled, "no inbound message is stored twice", f"{len(doubled)}: {doubled[:3]}")
        keyed = dict(
            row.split("|", 1)
            for row in psql(arguments.psql, schema, "SELECT external_id || '|' || ticket_id FROM external_keys")
        )
        wrong = [key for key, ticket in accepted.items() if keyed.get(key) != ticket]
        checks.check(not wrong, "each message's key points at the ticket the server answered with",
                     f"{len(wrong)}: {wrong[:3]}")

        # 2. No outbound message lost; repeats carry one key and come from the killed server.
        rows = [row.split("|") for row in psql(arguments.psql, schema, "SELECT id || '|' || state FROM outbox")]
        states = collections.Counter(state for _, state in rows)
        sent_ids = {identifier for identifier, state in rows if state == "delivered"}
        spool = read_spools(servers)
        sends = collections.defaultdict(list)
        for index, generation, line in spool:
            sends[line["idempotencyKey"]].append((index, generation))
        checks.check(states.get("pending", 0) == 0, "no outbound message is left pending", str(dict(states)))
        checks.check(len(sent_ids) >= len(accepted) // 2, "acknowledgements and replies were delivered",
                     str(dict(states)))
        lost = [identifier for identifier in sent_ids if identifier not in sends]
        checks.check(not lost, "every message recorded as sent is in a spool", f"{len(lost)}: {lost[:3]}")
        unknown = [key for key in sends if key not in {identifier for identifier, _ in rows}]
        checks.check(not unknown, "every spooled message is in the outbox", f"{len(unknown)}: {unknown[:3]}")
        repeats = {key: who for key, who in sends.items() if len(who) > 1}
        unexplained = [key for key, who in repeats.items() if (victim.index, 0) not in who]
        checks.check(not unexplained, "a message sent twice was hit by the crash (one send from the killed server)",
                     f"{len(unexplained)}: {[(k, repeats[k]) for k in unexplained[:3]]}")
        figures.append(("killtest.outbound.sent", len(sent_ids), "messages"))
        figures.append(("killtest.outbound.sent_twice", len(repeats), "messages"))
        figures.append(("killtest.outbound.dead_lettered", states.get("dead_lettered", 0), "messages"))

        # 3. Every SLA step fired once; every clock past due fired its breach.
        fired = collections.Counter()
        firings_total = 0
        overdue_without_breach = []
        overdue_clocks = 0
        for snapshot in snapshots:
            sla = snapshot.get("sla", {})
            steps = set()
            for firing in sla.get("firings", []):
                key = (snapshot["id"], json.dumps(firing.get("metric")), json.dumps(firing.get("step"), sort_keys=True),
                       firing.get("clockStartedAt"))
                fired[key] += 1
                firings_total += 1
                steps.add((json.dumps(firing.get("metric")), firing.get("clockStartedAt"),
                           json.dumps(firing.get("step"), sort_keys=True)))
            running = sla.get("running", {})
            clocks = running.values() if isinstance(running, dict) else running
            for clock in clocks:
                if not isinstance(clock, dict) or "dueAt" not in clock:
                    continue
                if clock["dueAt"] + APPLE_EPOCH < checked_at - 2 * SCAN_SECONDS - 1:
                    overdue_clocks += 1
                    breach = (json.dumps(clock.get("metric")), clock.get("startedAt"), json.dumps("breach"))
                    if not any(s[0] == breach[0] and s[1] == breach[1] and "breach" in s[2] for s in steps):
                        overdue_without_breach.append(snapshot["id"])
        twice = [key for key, count in fired.items() if count > 1]
        checks.check(firings_total > 0, "SLA steps fired during the run", f"{firings_total} firings")
        checks.check(not twice, "every SLA step fired exactly once", f"{len(twice)}: {twice[:3]}")
        checks.check(overdue_clocks > 0, "clocks ran past their due instant", "none found in the snapshots")
        checks.check(not overdue_without_breach, "every clock past its due instant fired its breach",
                     f"{len(overdue_without_breach)}: {overdue_without_breach[:3]}")
        figures.append(("killtest.sla.firings", firings_total, "firings"))

        # 4. Replies, refunds and conduct reports the servers answered are all stored.
        failed_replies = [r for r in result["replies"] if r[1] != 200]
        checks.check(not failed_replies, "every agent reply was accepted", f"{failed_replies[:3]}")
        answered = [r for r in result["refunds"] if r[2] == 200]
        checks.check(len(answered) == len(result["refunds"]), "every refund request was answered",
                     f"{[r[:3] for r in result['refunds'] if r[2] != 200][:3]}")
        decisions = {}
        for member, request_id, _, answer in answered:
            decisions.setdefault((member, request_id), set()).add(json.dumps(answer.get("decision", answer),
                                                                             sort_keys=True)[:200])
        stored_refunds = ledger_refunds(arguments.psql, schema)
        lost_refunds = [key for key in decisions if key not in stored_refunds]
        checks.check(not lost_refunds, "every answered refund request has its stored decision",
                     f"{len(lost_refunds)}: {lost_refunds[:3]}")
        over = [member for member, count in approvals(stored_refunds).items() if count > 1]
        checks.check(not over, "no member refunded more than their one charge", f"{over}")
        answered_reports = [r for r in result["reports"] if r[2] == 200]
        checks.check(len(answered_reports) == len(result["reports"]), "every conduct report was answered",
                     f"{[r[2] for r in result['reports'] if r[2] != 200][:3]}")
        stored_notes = ledger_notes(arguments.psql, schema)
        lost_reports = [r for r in answered_reports if json.dumps(r[1]) not in stored_notes.get(r[0], "")]
        checks.check(not lost_reports, "every answered conduct report is in its member's ledger",
                     f"{len(lost_reports)}: {[r[:2] for r in lost_reports[:3]]}")

        # 5. The event feed: positions 1…n with no gap; every reported ticket event in it exactly once,
        #    and nothing for a change that did not stand; every stored refund decision reported.
        positions = [entry["position"] for entry in feed]
        stored_events = int(psql(arguments.psql, schema, "SELECT count(*) FROM desk_events")[0])
        checks.check(positions == list(range(1, len(feed) + 1)) and len(feed) == stored_events,
                     "the event feed reads 1…n with no gap and holds every stored event",
                     f"{len(feed)} read, {stored_events} stored, first gap at "
                     f"{next((i + 1 for i, p in enumerate(positions) if p != i + 1), None)}")
        feed_keys = collections.Counter(entry["event"]["key"] for entry in feed)
        expected_keys = set()
        for row in psql(arguments.psql, schema, "SELECT ticket_id || '|' || sequence || '|' || event::text FROM events"):
            ticket_id, sequence, event = row.split("|", 2)
            if is_reported(json.loads(event).get("change", {})):
                expected_keys.add(f"ticket/{ticket_id}/{sequence}")
        ticket_keys = {key for key in feed_keys if key.startswith("ticket/")}
        checks.check(ticket_keys == expected_keys and all(feed_keys[k] == 1 for k in ticket_keys),
                     "every stored ticket event is in the feed once, and no other",
                     f"{len(expected_keys - ticket_keys)} missing, {len(ticket_keys - expected_keys)} extra")
        reported_refunds = {(entry["event"].get("member"), entry["event"]["details"].get("request"))
                            for entry in feed if entry["event"]["kind"] in ("refund_escalated", "refund_decided")}
        unreported = [key for key in stored_refunds if key not in reported_refunds]
        checks.check(not unreported, "every stored refund decision is in the feed",
                     f"{len(unreported)}: {unreported[:3]}")
        figures.append(("killtest.feed.events", len(feed), "events"))
        figures.append(("killtest.inbound.accepted", len(accepted), "messages"))
        figures.append(("killtest.tickets", len(snapshots), "tickets"))
    except Exception as error:  # noqa: BLE001 - any failure is reported as one failed check
        checks.check(False, "the run completed", repr(error))
    finally:
        for server in servers:
            server.stop()
        try:
            psql(arguments.psql, "public", f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        except Exception:  # noqa: BLE001
            pass
    for name, value, unit in figures:
        print(f"{name} {value:.2f} {unit}" if isinstance(value, float) else f"{name} {value} {unit}")
    print(f"{checks.passed} passed, {checks.failed} failed", flush=True)
    if checks.failed:
        print(f"logs and spools kept in {workdir}; seed {seed}", flush=True)
        sys.exit(1)
    shutil.rmtree(workdir, ignore_errors=True)


def is_reported(change):
    """Whether a stored ticket event has a feed event, as `DeskEvent.isReported` decides."""
    if not isinstance(change, dict) or not change:
        return False
    kind = next(iter(change))
    if kind in ("explained", "mergeReceived"):
        return False
    if kind == "sla":
        inner = change["sla"]
        inner = inner.get("_0", inner) if isinstance(inner, dict) else inner
        return isinstance(inner, dict) and next(iter(inner), None) in ("fired", "met")
    return True


def ledger_refunds(psql_binary, schema):
    """(member, request id) → verdict, from the PostgreSQL policy ledger store's decisions."""
    rows = psql(psql_binary, schema, "SELECT member || '|' || request_id || '|' || verdict FROM refund_decisions")
    return {(member, request): verdict for member, request, verdict in (row.split("|", 2) for row in rows)}


def approvals(stored):
    """How many refunds each member was approved: each demo member paid one charge."""
    counts = collections.Counter()
    for (member, _), verdict in stored.items():
        if verdict == "approve":
            counts[member] += 1
    return counts


def ledger_notes(psql_binary, schema):
    """member → their moderation ledger as JSON text."""
    rows = psql(psql_binary, schema, "SELECT member || '|' || ledger::text FROM moderation_ledgers")
    return dict(row.split("|", 1) for row in rows)


if __name__ == "__main__":
    main()
