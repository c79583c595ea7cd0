#!/usr/bin/env python3
"""Email through the whole server: raw mail in through `mailgate`, replies out over SMTP, read back with
Python's own `email` package.

Starts an SMTP sink on a loopback port (smtp_sink.py, standard library only) and one support-server
with SMTP pointed at it and storage in the PostgreSQL the PG* variables name (a fresh schema per run).
Then:

1. pipes four member messages through `mailgate` (exit code 0 each): Russian in windows-1251
   quoted-printable with an encoded-word subject, Spanish in ISO-8859-1 quoted-printable with an HTML
   alternative, one with a PNG attached, and an out-of-office reply; and two that must be refused
   (a message without a sender: exit 65; a wrong token: exit 77);
2. waits for the desk's acknowledgements in the sink and checks each: `In-Reply-To` and `References`
   name the member's `Message-ID`, `Auto-Submitted: auto-replied`, the VERP envelope sender
   `bounces+<id>@club.example`, addressed to the member; none answers the out-of-office reply;
3. checks the tickets hold the members' text decoded from windows-1251 and ISO-8859-1, and the
   attachment with its name and SHA-256, its bytes on disk in ATTACHMENT_DIR (FileAttachmentStore);
4. has the agent reply over the HTTP API in Russian (with a PDF named in Cyrillic) and in Spanish, and
   checks the replies in the sink: threading, the RFC 2047 subject, the charset and transfer encoding
   decoding to exactly the text the agent wrote, the attachment's name and bytes.

It prints one line per check and exits non-zero, naming every failed check, when anything is wrong.

    python3 mail_round_trip.py --server PATH/support-server --mailgate PATH/mailgate
"""

import argparse
import email
import email.policy
import email.utils
import hashlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smtp_sink import Sink  # noqa: E402

WEBHOOK_TOKEN = "round-trip-webhook-token-0123456789"
AGENT_TOKEN = "round-trip-agent-token-olga-0123456"
DESK_DOMAIN = "club.example"
WAIT_SECONDS = 60


def log(message):
    print(f"[mail-round-trip {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_call(port, method, path, body=None, token=AGENT_TOKEN):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        connection.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else None)
    finally:
        connection.close()


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            log(f"ok   {what}")
        else:
            self.failures.append(f"{what}{': ' + detail if detail else ''}")
            log(f"FAIL {what}{': ' + detail if detail else ''}")
        return condition


# --- The member's mail, written for this test --------------------------------------------------------

RUN = uuid.uuid4().hex[:10]

RU_SUBJECT = "Курс не открывается"
RU_TEXT = "Здравствуйте! После оплаты курс «Основы» не открывается. Что делать?"
ES_SUBJECT = "Consulta sobre la suscripción"
ES_TEXT = "Hola, ¿cómo cambio el método de pago? La tarjeta está caducada. Gracias, Beatriz"
PNG_NAME = "pantalla-error.png"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8 + b"IEND"


def quoted_printable(text, charset):
    import quopri

    return quopri.encodestring(text.encode(charset).replace(b"\n", b"\r\n")).decode("ascii")


def encoded_word(text, charset):
    import base64

    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode('ascii')}?="


def russian_mail(message_id):
    return (
        f"From: {encoded_word('Алиса', 'windows-1251')} <alice@members.example>\r\n"
        "To: Club Support <support@club.example>\r\n"
        f"Subject: {encoded_word(RU_SUBJECT, 'windows-1251')}\r\n"
        "Date: Mon, 12 Jan 2026 10:00:00 +0300\r\n"
        f"Message-ID: <{message_id}>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=windows-1251\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "X-Mailer: Yandex.Mail\r\n"
        "\r\n" + quoted_printable(RU_TEXT + "\n\n-- \nАлиса\n", "cp1251")
    ).encode("ascii")


def spanish_mail(message_id):
    boundary = f"alt-{RUN}"
    return (
        "From: Beatriz <bob@members.example>\r\n"
        "To: support@club.example\r\n"
        "Subject: =?ISO-8859-1?Q?Consulta_sobre_la_suscripci=F3n?=\r\n"
        "Date: Mon, 12 Jan 2026 09:00:00 +0100\r\n"
        f"Message-ID: <{message_id}>\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/plain; charset=ISO-8859-1\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n" + quoted_printable(ES_TEXT + "\n", "latin-1") + "\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/html; charset=ISO-8859-1\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n" + quoted_printable(f"<html><body><p>{ES_TEXT}</p></body></html>\n", "latin-1") + "\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")


def attachment_mail(message_id):
    import base64

    boundary = f"mixed-{RUN}"
    encoded = base64.encodebytes(PNG_BYTES).decode("ascii").replace("\n", "\r\n")
    return (
        "From: alice@members.example\r\n"
        "To: support@club.example\r\n"
        "Subject: Screenshot of the broken button\r\n"
        "Date: Mon, 12 Jan 2026 11:00:00 +0000\r\n"
        f"Message-ID: <{message_id}>\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n'
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "The Pay button does nothing, screenshot attached.\r\n"
        f"--{boundary}\r\n"
        f'Content-Type: image/png; name="{PNG_NAME}"\r\n'
        f'Content-Disposition: attachment; filename="{PNG_NAME}"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n" + encoded + f"--{boundary}--\r\n"
    ).encode("ascii")


def out_of_office_mail(message_id):
    return (
        "From: bob@members.example\r\n"
        "To: support@club.example\r\n"
        "Subject: Automatic reply: away\r\n"
        f"Message-ID: <{message_id}>\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "I am away until Monday.\r\n"
    ).encode("ascii")


# --- Reading what arrived ----------------------------------------------------------------------------


def parsed(received):
    return email.message_from_bytes(received.data, policy=email.policy.default)


def raw_header(received, name):
    return email.message_from_bytes(received.data, policy=email.policy.compat32).get(name, "")


def ids(value):
    return [part.strip() for part in (value or "").replace("\r\n", " ").split() if part.strip()]


def answering(messages, message_id):
    return [m for m in messages if ids(parsed(m).get("In-Reply-To")) == [f"<{message_id}>"]]


def rfc2231_filename(received, media_type):
    """The RFC 2231 `filename*` of the first part of a media type, as a client that reads RFC 2231 shows
    it. (Python's own `get_filename()` returns the first `filename`, the composer's ASCII fallback.)"""
    for part in email.message_from_bytes(received.data, policy=email.policy.compat32).walk():
        if part.get_content_type() != media_type:
            continue
        for name, value in part.get_params(header="content-disposition") or []:
            if name == "filename" and isinstance(value, tuple):
                return email.utils.collapse_rfc2231_value(value)
        return part.get_filename()
    return None


def plain_text(message):
    body = message.get_body(preferencelist=("plain",))
    return body, (body.get_content() if body is not None else "")


def check_threading(checks, received, member_id, address, label):
    message = parsed(received)
    checks.check(received.recipients == [address], f"{label}: sent to {address}", f"RCPT {received.recipients}")
    checks.check(
        received.mail_from.startswith("bounces+") and received.mail_from.endswith("@" + DESK_DOMAIN),
        f"{label}: envelope sender is the VERP return path",
        received.mail_from,
    )
    checks.check(
        f"<{member_id}>" in ids(message.get("References")),
        f"{label}: References names the member's Message-ID",
        str(message.get("References")),
    )
    own = message.get("Message-ID", "")
    checks.check(own.endswith(f"@{DESK_DOMAIN}>"), f"{label}: Message-ID at the desk's domain", own)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--mailgate", required=True)
    arguments = parser.parse_args()
    if not any(os.environ.get(key) for key in ("PGHOST", "DATABASE_URL")):
        log("set PGHOST (or DATABASE_URL): the round trip runs on PostgreSQL")
        return 2
    checks = Checks()
    sink = Sink().start()
    workdir = tempfile.mkdtemp(prefix="mail-round-trip-")
    port = free_port()
    environment = dict(
        os.environ,
        HOST="127.0.0.1",
        PORT=str(port),
        WEBHOOK_TOKEN=WEBHOOK_TOKEN,
        AGENT_TOKENS=f"{AGENT_TOKEN}=olga",
        SUPPORT_SCHEMA=f"mail_rt_{RUN}",
        SUPPORT_EMAIL="support@club.example",
        BOUNCE_ADDRESS="bounces@club.example",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(sink.port),
        SMTP_HELO="desk.club.example",
        SMTP_TIMEOUT="10",
        ATTACHMENT_DIR=os.path.join(workdir, "files"),
    )
    environment.pop("SUPPORT_DEMO", None)
    server_log = os.path.join(workdir, "server.log")
    log(f"sink on 127.0.0.1:{sink.port}; server on 127.0.0.1:{port}; schema mail_rt_{RUN}; log {server_log}")
    with open(server_log, "w") as output:
        server = subprocess.Popen([arguments.server], env=environment, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_healthy(server, port)
        run_checks(checks, arguments.mailgate, port, sink, os.path.join(workdir, "files"))
    except Exception as error:  # noqa: BLE001 - any failure is reported with the server's log
        checks.failures.append(f"the round trip stopped: {error!r}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        sink.stop()
        for index, received in enumerate(sink.messages):
            with open(os.path.join(workdir, f"sink-{index:02d}.eml"), "wb") as output:
                output.write(received.data)
        log(f"the sink received {len(sink.messages)} messages (kept in {workdir}/sink-*.eml on a failure)")
    log(f"{checks.passed} checks passed, {len(checks.failures)} failed")
    if checks.failures:
        print("\nEMAIL ROUND TRIP FAILED:", file=sys.stderr)
        for failure in checks.failures:
            print(f"  - {failure}", file=sys.stderr)
        with open(server_log) as output:
            tail = output.read()[-4000:]
        print(f"\nthe server's log ends with:\n{tail}", file=sys.stderr)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


def wait_healthy(server, port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        try:
            status, _ = http_call(port, "GET", "/health")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server is not healthy after {timeout} s")


def mailgate(binary, port, message, token=WEBHOOK_TOKEN):
    result = subprocess.run(
        [binary, "--url", f"http://127.0.0.1:{port}", "--timeout", "30"],
        input=message,
        env=dict(os.environ, MAILGATE_TOKEN=token),
        capture_output=True,
        timeout=60,
    )
    return result.returncode, result.stderr.decode("utf-8", "replace").strip()


def run_checks(checks, mailgate_binary, port, sink, attachment_dir):
    ru_id, es_id, png_id, ooo_id = (f"{kind}-{RUN}@members.example" for kind in ("ru", "es", "png", "ooo"))
    for label, message in (
        ("Russian windows-1251", russian_mail(ru_id)),
        ("Spanish ISO-8859-1", spanish_mail(es_id)),
        ("with a PNG attached", attachment_mail(png_id)),
        ("out-of-office reply", out_of_office_mail(ooo_id)),
    ):
        code, error = mailgate(mailgate_binary, port, message)
        checks.check(code == 0, f"mailgate delivers the {label} message (exit 0)", f"exit {code}: {error}")
    code, error = mailgate(mailgate_binary, port, b"Subject: no sender\r\n\r\nhello\r\n")
    checks.check(code == 65, "mailgate: a message without a sender is refused with exit 65", f"exit {code}: {error}")
    code, error = mailgate(mailgate_binary, port, russian_mail(f"x-{RUN}@members.example"), token="wrong-token")
    checks.check(code == 77, "mailgate: a wrong token exits 77", f"exit {code}: {error}")

    # 2. The acknowledgements.
    log("waiting for the three acknowledgements in the sink")
    expected = {ru_id: "alice@members.example", es_id: "bob@members.example", png_id: "alice@members.example"}
    messages = sink.wait_for(
        lambda received: all(answering(received, member_id) for member_id in expected),
        WAIT_SECONDS,
        "an acknowledgement of each member message",
    )
    for member_id, address in expected.items():
        # The acknowledgement, and out of support hours a notice of the hours: each automatic, each threaded.
        for number, ack in enumerate(answering(messages, member_id), start=1):
            label = f"automatic answer {number} to {member_id}"
            check_threading(checks, ack, member_id, address, label)
            auto = parsed(ack).get("Auto-Submitted", "")
            checks.check(auto.strip().lower() == "auto-replied", f"{label}: Auto-Submitted: auto-replied", auto)
    ru_ack_subject = str(parsed(answering(messages, ru_id)[0]).get("Subject"))
    checks.check(RU_SUBJECT in ru_ack_subject, "the Russian ack's subject decodes to the member's subject", ru_ack_subject)

    # 3. The attachment on the ticket.
    status, queue = http_call(port, "GET", "/agent/queue")
    checks.check(status == 200, "the agent's queue answers 200", f"{status}")
    tickets = {entry["subject"]: entry["id"] for entry in queue["tickets"]}
    checks.check(
        "Automatic reply: away" in tickets or len(queue["tickets"]) == 4,
        "the out-of-office reply is a ticket too (with no automatic answer)",
        json.dumps(sorted(tickets)),
    )
    png_ticket = tickets.get("Screenshot of the broken button")
    checks.check(png_ticket is not None, "the screenshot mail opened a ticket", json.dumps(sorted(tickets)))
    if png_ticket:
        status, view = http_call(port, "GET", f"/agent/tickets/{png_ticket}")
        files = [f for m in view["ticket"]["messages"] for f in m.get("attachments", [])]
        checks.check(
            any(f["fileName"] == PNG_NAME and f["contentHash"] == hashlib.sha256(PNG_BYTES).hexdigest() for f in files),
            "the ticket lists the PNG with its name and SHA-256",
            json.dumps(files)[:500],
        )
        digest = hashlib.sha256(PNG_BYTES).hexdigest()
        stored = os.path.join(attachment_dir, digest[:2], digest[2:4], digest)
        checks.check(
            os.path.exists(stored) and open(stored, "rb").read() == PNG_BYTES,
            "the PNG's bytes are in ATTACHMENT_DIR under their SHA-256 (FileAttachmentStore)",
            stored,
        )

    for subject, text in ((RU_SUBJECT, RU_TEXT), (ES_SUBJECT, ES_TEXT)):
        if subject in tickets:
            status, view = http_call(port, "GET", f"/agent/tickets/{tickets[subject]}")
            bodies = [m["body"] for m in view["ticket"]["messages"]]
            checks.check(
                any(text in body for body in bodies),
                f"the ticket {subject!r} holds the member's text decoded from its charset",
                repr(bodies)[:400],
            )

    # 4. The agent's replies.
    pdf_name = "инструкция по оплате.pdf"
    pdf_bytes = b"%PDF-1.4\n% round trip\n" + os.urandom(3000) + b"\n%%EOF\n"
    ru_reply = "Здравствуйте, Алиса!\n\nКурс снова доступен. Инструкция — во вложении.\n.\nОльга"
    es_reply = "Hola Beatriz:\n\npuede cambiar la tarjeta en «Mi cuenta» → «Pagos». ¡Gracias por escribir!"
    for subject, body, files in (
        (RU_SUBJECT, ru_reply, [{"fileName": pdf_name, "mediaType": "application/pdf", "content": pdf_bytes}]),
        (ES_SUBJECT, es_reply, []),
    ):
        ticket = tickets.get(subject)
        if not checks.check(ticket is not None, f"a ticket with the subject {subject!r}", json.dumps(sorted(tickets))):
            continue
        payload = {"body": body, "status": "pending"}
        if files:
            import base64

            payload["attachments"] = [
                {"fileName": f["fileName"], "mediaType": f["mediaType"], "contentBase64": base64.b64encode(f["content"]).decode()}
                for f in files
            ]
        status, answer = http_call(port, "POST", f"/agent/tickets/{ticket}/reply", payload)
        checks.check(status == 200, f"the agent's reply on {subject!r} is taken", f"{status} {answer}")

    log("waiting for the two replies in the sink")
    messages = sink.wait_for(
        lambda received: all(
            any("auto-replied" not in parsed(m).get("Auto-Submitted", "") for m in answering(received, member_id))
            for member_id in (ru_id, es_id)
        ),
        WAIT_SECONDS,
        "the agent's replies",
    )
    for member_id, address, subject, text in (
        (ru_id, "alice@members.example", RU_SUBJECT, ru_reply),
        (es_id, "bob@members.example", ES_SUBJECT, es_reply),
    ):
        replies = [m for m in answering(messages, member_id) if "auto-replied" not in parsed(m).get("Auto-Submitted", "")]
        if not checks.check(len(replies) == 1, f"reply to {member_id}: exactly one", f"{len(replies)}"):
            continue
        reply = replies[0]
        check_threading(checks, reply, member_id, address, f"reply to {member_id}")
        message = parsed(reply)
        raw_subject = raw_header(reply, "Subject")
        checks.check("=?" in raw_subject and "?=" in raw_subject, f"reply to {member_id}: RFC 2047 subject", raw_subject)
        checks.check(subject in str(message.get("Subject")), f"reply to {member_id}: subject decodes", message.get("Subject"))
        body, content = plain_text(message)
        if not checks.check(body is not None, f"reply to {member_id}: has a text/plain part"):
            continue
        checks.check(
            body.get_content_charset() in ("utf-8", "utf8"), f"reply to {member_id}: charset utf-8", body.get_content_charset()
        )
        encoding = body.get("Content-Transfer-Encoding", "").lower()
        checks.check(encoding in ("quoted-printable", "base64"), f"reply to {member_id}: 7-bit safe encoding", encoding)
        normalized = content.replace("\r\n", "\n")
        checks.check(text in normalized, f"reply to {member_id}: the text decodes to what the agent wrote", repr(normalized[:300]))
        checks.check(
            parsed(reply).get("Auto-Submitted", "no").strip().lower() == "no",
            f"reply to {member_id}: not marked automatic",
            parsed(reply).get("Auto-Submitted", ""),
        )
        if member_id == ru_id:
            pdfs = [part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]
            if checks.check(len(pdfs) == 1, "the Russian reply carries one application/pdf attachment", f"{len(pdfs)}"):
                name = rfc2231_filename(reply, "application/pdf")
                checks.check(name == pdf_name, "the PDF's RFC 2231 name is the Cyrillic name", repr(name))
                fallback = pdfs[0].get_filename() or ""
                checks.check(fallback.isascii(), "the PDF's plain filename is an ASCII fallback", repr(fallback))
                checks.check(pdfs[0].get_payload(decode=True) == pdf_bytes, "the PDF's bytes arrive unchanged")
    checks.check(not answering(messages, ooo_id), "no automatic answer to the out-of-office reply")


if __name__ == "__main__":
    sys.exit(main())
