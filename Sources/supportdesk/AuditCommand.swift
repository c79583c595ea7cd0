import Foundation
import SupportEngine
import SupportSimulation

/// `supportdesk audit`: scores a club configuration against the seeds' eight-point checklist and the member
/// journey, with a fix for each failure; `--html` writes the report.
struct AuditCommand {
    let arguments: AuditArguments

    func run() throws {
        let club = try arguments.club()
        print("club: \(club.name)")
        let audit = ClubAudit(club)
        print(audit.text, terminator: "")
        if let html = arguments.html {
            do {
                try Data(AuditReport(audit, clubName: club.name).html.utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                throw ClubConfigurationError(.unreadableFile, path: html, "cannot write the report: \(error)")
            }
            print("report written to \(html)")
        }
    }
}
