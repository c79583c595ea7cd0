import Foundation
import SupportEngine
import SupportSimulation

/// `supportdesk audit`: scores a club configuration against the customer-care checklist.
struct AuditCommand {
    let arguments: AuditArguments

    func run() throws {
        let club = try arguments.club()
        print("club: \(club.name)")
        print(ClubAudit(club).text, terminator: "")
    }
}
