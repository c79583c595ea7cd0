import Foundation
import SupportEmail

/// `email.parse.20k`: parsing a typical 20 KB reply (text and HTML alternatives with quoted history).
enum EmailBenchmarks {
    static func run(_ benchmark: Benchmark) throws {
        let name = "email.parse.20k"
        guard benchmark.selects(name) else { return }
        let message = reply()
        let parser = EmailParser()
        _ = try parser.parse(message)
        let iterations = 5000
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<3 {
            let start = clock.now
            for _ in 0..<iterations { blackHole(try parser.parse(message)) }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        benchmark.report(
            name,
            Double(iterations) / best,
            "msg/s",
            operation: "parsing one \(message.count)-byte multipart reply (text and HTML with quoted history)"
        )
    }

    /// A Gmail-style reply of about 20 KB: new text on top, then the quoted thread in text and HTML.
    static func reply() -> [UInt8] {
        var quoted = ""
        var html =
            "<div dir=\"ltr\">Hi Olga,<br><br>It works now, thank you! One more question about my plan.<br><br>Maria</div>"
        html +=
            "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Fri, Dec 5, 2026 at 10:15 AM Club Support wrote:</div>"
        html +=
            "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex\">"
        var paragraph = 0
        while quoted.utf8.count < 6_500 {
            paragraph += 1
            let line =
                "Paragraph \(paragraph) of the earlier answer: café, año, “quotes” and a link https://club.example/help."
            quoted += "> \(line)\n> \n"
            html += "<p>\(line) <a href=\"https://club.example/help\">help</a> &amp; more&nbsp;text</p>"
        }
        html += "</blockquote></div>"
        let text =
            "Hi Olga,\n\nIt works now, thank you! One more question about my plan.\n\nMaria\n\n"
            + "On Fri, Dec 5, 2026 at 10:15 AM Club Support <support@club.example> wrote:\n\n" + quoted
        // Built with the composer: quoted-printable UTF-8 text and HTML alternatives, as a mail client sends.
        let email = OutgoingEmail(
            from: Mailbox(displayName: "Maria López", address: try! EmailAddress("maria.lopez@gmail.example")),
            to: [Mailbox(displayName: "Club Support", address: try! EmailAddress("support@club.example"))],
            subject: "Re: [#1042] Can’t log in",
            date: Date(timeIntervalSince1970: 1_796_472_000),
            messageID: "CAF3k9Lx7Qp2mN0@mail.gmail.example",
            inReplyTo: "ticket-1042-2@club.example",
            references: ["ticket-1042-1@club.example", "ticket-1042-2@club.example"],
            textBody: text,
            htmlBody: html
        )
        let bytes = try! EmailComposer().compose(email)
        return bytes
    }
}
