"""A minimal SMTP sink for tests: accepts every message on a loopback port and keeps it in memory.

Standard library only (Python 3.12 no longer ships `smtpd`). It speaks enough of RFC 5321 for a
client that sends one message per connection: EHLO/HELO, MAIL FROM, RCPT TO, DATA (dot-stuffing
undone), RSET, NOOP, QUIT. Each message is kept with its envelope; `wait_for` blocks, with a time
limit, until enough messages have arrived.
"""

import socketserver
import threading
import time

MAX_LINE = 10_000
MAX_MESSAGE = 30 * 1024 * 1024


class Received:
    def __init__(self, mail_from, recipients, data):
        self.mail_from = mail_from
        self.recipients = recipients
        self.data = data  # bytes, CRLF line breaks, dot-stuffing undone


class Sink:
    def __init__(self):
        self.messages = []
        self.condition = threading.Condition()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = 60

            def say(self, line):
                self.wfile.write(line.encode("ascii") + b"\r\n")
                self.wfile.flush()

            def handle(self):
                self.say("220 sink.test ESMTP ready")
                mail_from, recipients = None, []
                while True:
                    line = self.rfile.readline(MAX_LINE)
                    if not line:
                        return
                    command = line.rstrip(b"\r\n").decode("ascii", "replace")
                    verb = command.split(" ", 1)[0].split(":", 1)[0].upper()
                    if verb == "EHLO":
                        self.wfile.write(b"250-sink.test\r\n250-8BITMIME\r\n250 SIZE 31457280\r\n")
                        self.wfile.flush()
                    elif verb in ("HELO", "NOOP"):
                        self.say("250 ok")
                    elif verb == "RSET":
                        mail_from, recipients = None, []
                        self.say("250 ok")
                    elif verb == "MAIL":
                        mail_from = command.split(":", 1)[1].strip().split(" ")[0].strip("<>")
                        recipients = []
                        self.say("250 ok")
                    elif verb == "RCPT":
                        recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                        self.say("250 ok")
                    elif verb == "DATA":
                        if mail_from is None or not recipients:
                            self.say("503 need MAIL and RCPT first")
                            continue
                        self.say("354 end with <CRLF>.<CRLF>")
                        data = self.read_data()
                        if data is None:
                            return
                        with sink.condition:
                            sink.messages.append(Received(mail_from, recipients, data))
                            sink.condition.notify_all()
                        self.say("250 2.0.0 queued")
                        mail_from, recipients = None, []
                    elif verb == "QUIT":
                        self.say("221 bye")
                        return
                    else:
                        self.say("500 unknown command")

            def read_data(self):
                lines, size = [], 0
                while True:
                    line = self.rfile.readline(MAX_LINE)
                    if not line:
                        return None
                    if line in (b".\r\n", b".\n"):
                        return b"".join(lines)
                    if line.startswith(b"."):
                        line = line[1:]
                    size += len(line)
                    if size > MAX_MESSAGE:
                        return None
                    lines.append(line)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, predicate, timeout, what):
        """Waits until `predicate(messages)` holds; raises TimeoutError naming `what` after `timeout` s."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while not predicate(self.messages):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"after {timeout} s the sink has {len(self.messages)} message(s), not {what}")
                self.condition.wait(left)
            return list(self.messages)
