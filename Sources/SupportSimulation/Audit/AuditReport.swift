import Foundation
import SupportEngine

/// A self-contained HTML page of a ``ClubAudit``: the score, then each point of the checklist and the
/// journey with its findings and, for each failure, the fix in the club document's terms.
///
/// No scripts, fonts or images are loaded from anywhere: the page opens offline.
public struct AuditReport: Sendable {
    /// The club's name.
    public let clubName: String
    /// The audit shown.
    public let audit: ClubAudit

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - audit: The audit.
    ///   - clubName: The club's name.
    public init(_ audit: ClubAudit, clubName: String) {
        self.audit = audit
        self.clubName = clubName
    }

    /// The page.
    public var html: String {
        var body = """
            <header><h1>\(escape(clubName)) — customer-care audit</h1>
            <p>\(audit.score)/\(audit.findings.count) checks pass (\(audit.percent)/100), against the seeds' \
            eight-point checklist and the member journey</p></header>
            """
        body += scoreBar()
        for group in ClubAudit.groups {
            let findings = audit.findings(in: group)
            guard !findings.isEmpty else { continue }
            let passed = findings.count { $0.passed }
            var rows = "<table><tr><th></th><th>Check</th><th>What the configuration shows</th><th>Fix</th></tr>"
            for finding in findings {
                let mark =
                    finding.passed
                    ? "<span style=\"color:var(--green)\">✔</span>" : "<span style=\"color:var(--red)\">✘</span>"
                rows += "<tr><td>\(mark)</td><td>\(escape(finding.title))</td><td>\(escape(finding.detail))</td>"
                rows += "<td>\(escape(finding.fix))</td></tr>"
            }
            rows += "</table>"
            body += "<section class=\"panel\"><h2>\(escape(group))</h2>"
            body += "<p class=\"sub\">\(passed) of \(findings.count) pass</p>\(rows)</section>\n"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(clubName)) — customer-care audit</title>
            <style>\(HTMLReport.style)</style></head>
            <body>\(body)
            <footer>support-engine · supportdesk audit · from the configuration alone</footer>
            </body></html>

            """
    }

    /// One bar per group: green for the checks that pass, red for the rest.
    func scoreBar() -> String {
        let groups = ClubAudit.groups.filter { !audit.findings(in: $0).isEmpty }
        let width = 900.0
        let rowHeight = 24.0
        let labelWidth = 330.0
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(rowHeight * Double(groups.count) + 8))\" role=\"img\">"
        for (index, group) in groups.enumerated() {
            let findings = audit.findings(in: group)
            let share = Double(findings.count { $0.passed }) / Double(findings.count)
            let y = Double(index) * rowHeight + 4
            let bar = width - labelWidth - 10
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(escape(group))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(bar)\" height=\"18\" fill=\"#dc2626\" opacity=\"0.25\"/>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(bar * share)\" height=\"18\" fill=\"#16a34a\"/>"
        }
        return "<section class=\"panel\"><h2>Score by point</h2><p class=\"sub\">Share of checks that pass.</p>"
            + svg + "</svg></section>\n"
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
