#!/usr/bin/env python3
"""The web console's story in a real browser (headless Chromium driven by Playwright for Python).

A member writes through the portal; the agent sees it in the inbox, adds an internal note and replies;
the member sees the reply and not the note, and rates it; the member asks for a refund that the desk
escalates; the owner approves it. Another member cannot open the first one's ticket. Every page is
checked for what it shows, for the absence of scripts, for its Content-Security-Policy, with the axe
accessibility checker, and for keyboard use; a screenshot of each is kept.

Started by run.sh, which builds nothing: it starts the built support-server and passes its address,
the tokens and the browser here through the environment:

    CONSOLE_URL, CHROMIUM, SCREENSHOTS, ALICE_TOKEN, BOB_TOKEN, OLGA_TOKEN, NINA_TOKEN
"""

import os
import re
import sys
import time
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

BASE = os.environ["CONSOLE_URL"]
SHOTS = os.environ["SCREENSHOTS"]
TOKENS = {name: os.environ[f"{name.upper()}_TOKEN"] for name in ("alice", "bob", "olga", "nina")}

checks = []


def check(condition, label, detail=""):
    checks.append((bool(condition), label))
    print(("PASS " if condition else "FAIL ") + label + (f" — {detail}" if detail and not condition else ""))


def wait_healthy(timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(BASE + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server at {BASE} is not healthy after {timeout} s")


class Viewer:
    """One person in their own browser context (their own cookies), in their own language."""

    shot = 0

    def __init__(self, browser, name, locale="en-GB"):
        self.name = name
        self.context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.csp_errors = []
        self.page.on("console", self.console)
        self.axe = Axe()

    def console(self, message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.csp_errors.append(message.text)

    def open(self, path):
        response = self.page.goto(BASE + path)
        self.inspect(response, path)
        return response

    def inspect(self, response, label):
        """What every page must be: a policy header, no script, no inline style, no axe violation."""
        if response is not None:
            policy = response.headers.get("content-security-policy", "")
            check("script-src 'none'" in policy and "default-src 'self'" in policy,
                  f"{self.name} {label}: Content-Security-Policy allows no script", policy)
        html = self.page.content()
        check("<script" not in html.lower(), f"{self.name} {label}: no <script> on the page")
        check(" style=" not in html, f"{self.name} {label}: no inline style on the page")
        result = self.axe.run(self.page)
        violations = result.response["violations"]
        check(not violations, f"{self.name} {label}: the axe accessibility checker finds no violation",
              "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in violations))
        check(not self.csp_errors, f"{self.name} {label}: the browser blocked nothing", "; ".join(self.csp_errors))

    def screenshot(self, name):
        Viewer.shot += 1
        path = os.path.join(SHOTS, f"{Viewer.shot:02d}-{self.name}-{name}.png")
        self.page.screenshot(path=path, full_page=True)

    def sign_in(self, token):
        self.open("/console/login")
        self.page.get_by_label(re.compile("Access token|Ключ доступа|Token de acceso")).fill(token)
        self.page.get_by_role("button", name=re.compile("Sign in|Войти|Iniciar sesión")).click()

    def submit(self, button, label):
        """Clicks a form's button and inspects the page it leads to."""
        with self.page.expect_navigation():
            button.click()
        self.inspect(None, label)


def story(browser):
    # Keyboard: the first Tab reaches the skip link, the next the token field; Enter signs in.
    alice = Viewer(browser, "alice")
    alice.open("/console/login")
    alice.page.keyboard.press("Tab")
    check(alice.page.evaluate("document.activeElement.textContent") == "Skip to content",
          "keyboard: the first Tab reaches the skip link")
    alice.page.keyboard.press("Tab")
    check(alice.page.evaluate("document.activeElement.id") == "token", "keyboard: the next Tab reaches the token field")
    alice.page.keyboard.type(TOKENS["alice"])
    with alice.page.expect_navigation():
        alice.page.keyboard.press("Enter")
    alice.inspect(None, "portal")
    expect(alice.page.get_by_role("heading", level=1)).to_have_text("My requests")
    expect(alice.page.get_by_role("heading", name="Rules and hours")).to_be_visible()
    check("You have no requests yet." in alice.page.content(), "alice: the portal starts empty")
    alice.screenshot("portal")

    # The member writes through the portal.
    write = alice.page.get_by_role("region", name="Write to support")
    write.get_by_label("Subject").fill("Sauna booking <b>lost</b>")
    write.get_by_label("Message").fill("My Friday sauna slot vanished from the app.")
    alice.submit(write.get_by_role("button", name="Send"), "new ticket")
    expect(alice.page.get_by_role("heading", level=2, name="Sauna booking <b>lost</b>")).to_be_visible()
    expect(alice.page.get_by_text("My Friday sauna slot vanished from the app.")).to_be_visible()
    ticket_url = alice.page.url
    alice.screenshot("ticket-written")

    # The agent sees it in the inbox, in the desk's order, with its countdown.
    olga = Viewer(browser, "olga")
    olga.sign_in(TOKENS["olga"])
    olga.inspect(None, "inbox")
    expect(olga.page.get_by_role("heading", level=1)).to_have_text("Inbox")
    row = olga.page.get_by_role("row", name=re.compile("Sauna booking"))
    expect(row).to_be_visible()
    expect(row).to_contain_text(re.compile(r"\(in \d"))
    olga.screenshot("inbox")
    olga.page.get_by_label("Words, number or subject").fill("parking")
    olga.submit(olga.page.get_by_role("button", name="Search"), "inbox search")
    expect(olga.page.get_by_text("No tickets match.")).to_be_visible()
    olga.page.get_by_label("Words, number or subject").fill("sauna")
    olga.submit(olga.page.get_by_role("button", name="Search"), "inbox search")
    expect(olga.page.get_by_role("row", name=re.compile("Sauna booking"))).to_be_visible()
    olga.page.get_by_label("Presence", exact=True).select_option("away")
    olga.submit(olga.page.get_by_role("button", name="Set presence"), "presence")
    expect(olga.page.get_by_role("heading", name=re.compile("Presence: Away"))).to_be_visible()
    olga.page.get_by_label("Presence", exact=True).select_option("online")
    olga.submit(olga.page.get_by_role("button", name="Set presence"), "presence")

    olga.submit(olga.page.get_by_role("link", name=re.compile("#")).first, "ticket")
    expect(olga.page.get_by_role("heading", name="Service-level clocks")).to_be_visible()
    expect(olga.page.get_by_role("heading", name="Why it was routed this way")).to_be_visible()
    olga.page.get_by_role("textbox", name="Internal note").fill("Lost in the calendar sync; do not mention the vendor.")
    olga.submit(olga.page.get_by_role("button", name="Add internal note"), "internal note")
    note = olga.page.locator("article.message.note")
    expect(note).to_contain_text("Internal note")
    expect(note).to_contain_text("Lost in the calendar sync")
    olga.page.locator("#reply-body").fill("We restored your sauna slot for Friday at 18:00.")
    olga.page.get_by_label("Status after the reply").select_option("solved")
    olga.submit(olga.page.get_by_role("button", name="Send reply"), "reply")
    expect(olga.page.locator("article.message.reply")).to_contain_text("We restored your sauna slot")
    expect(olga.page.get_by_role("heading", name="Deliveries")).to_be_visible()
    olga.screenshot("ticket")

    # The member sees the reply and not the note, and rates it.
    alice.open(ticket_url.replace(BASE, ""))
    expect(alice.page.get_by_text("We restored your sauna slot for Friday at 18:00.")).to_be_visible()
    check("calendar sync" not in alice.page.content(), "alice: the internal note is not on the member's page")
    expect(alice.page.locator("dl.facts")).to_contain_text("Olga")
    alice.page.get_by_label("Rating from 1 to 5").select_option("5")
    alice.page.get_by_label("Comment").fill("Quick and kind.")
    alice.submit(alice.page.get_by_role("button", name="Send rating"), "rating")
    expect(alice.page.get_by_text("You rated this request 5 of 5.")).to_be_visible()
    alice.screenshot("ticket-rated")

    # The member asks for a refund the club's rules escalate to the owner.
    alice.open("/console/my")
    alice.page.locator("#refund-message").fill("I was away all month; could I have this one back?")
    alice.submit(alice.page.get_by_role("button", name="Ask for a refund"), "refund")
    check("/console/my/tickets/" in alice.page.url, "alice: the refund request opens its ticket")
    refund_url = alice.page.url

    # Another member cannot open alice's ticket.
    bob = Viewer(browser, "bob", locale="es-ES")
    bob.sign_in(TOKENS["bob"])
    expect(bob.page.get_by_role("heading", level=1)).to_have_text("Mis solicitudes")
    check("Sauna" not in bob.page.content(), "bob: alice's ticket is not in bob's list")
    response = bob.page.goto(ticket_url)
    check(response.status == 404, "bob: alice's ticket answers 404", str(response.status))
    check("Sauna" not in bob.page.content(), "bob: the 404 page shows nothing of alice's ticket")
    bob.screenshot("not-found-es")

    # The owner approves the escalated refund.
    nina = Viewer(browser, "nina", locale="ru-RU")
    nina.sign_in(TOKENS["nina"])
    nina.inspect(None, "owner inbox")
    expect(nina.page.get_by_role("heading", level=1)).to_have_text("Входящие владельца")
    refunds = nina.page.locator("section", has=nina.page.get_by_role("heading", name="Возвраты на решение"))
    expect(refunds.locator("li")).to_have_count(1)
    expect(refunds.locator("li")).to_contain_text("alice")
    expect(nina.page.get_by_role("heading", name="Последние 30 дней")).to_be_visible()
    nina.screenshot("owner-inbox")
    refunds.get_by_label("Заметка").fill("Goodwill, once.")
    nina.submit(refunds.get_by_role("button", name="Одобрить"), "refund approved")
    expect(refunds.get_by_text("Здесь ничего не ждёт.")).to_be_visible()
    nina.screenshot("owner-approved")

    # The member sees the outcome on the refund's ticket, and both requests in the portal.
    alice.open(refund_url.replace(BASE, ""))
    expect(alice.page.get_by_text(re.compile("gesture of good will"))).to_be_visible()
    alice.screenshot("refund-approved")
    alice.open("/console/my")
    expect(alice.page.get_by_role("row")).to_have_count(3)
    alice.screenshot("portal-after")


def main():
    started = time.monotonic()
    os.makedirs(SHOTS, exist_ok=True)
    wait_healthy()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ["CHROMIUM"], headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            story(browser)
        except Exception as error:  # noqa: BLE001 — any failure is a failed check with its screenshots kept
            check(False, "the story ran to its end", f"{type(error).__name__}: {error}")
        finally:
            browser.close()
    failed = [label for ok, label in checks if not ok]
    print(f"browser story: {len(checks) - len(failed)} passed, {len(failed)} failed "
          f"in {time.monotonic() - started:.1f} s; screenshots in {SHOTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
