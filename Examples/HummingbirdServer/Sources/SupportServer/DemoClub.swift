import Foundation
import SupportEngine

/// Where the example's desk configuration document is: `desk.json` at the top of the example package.
///
/// One agent, support hours Monday to Friday 09:00–18:00 in London, a first reply within 4 business
/// hours (1 for urgent ones), the SLA clock that follows from it, and a 14-day money-back guarantee on
/// the monthly plan. Found next to the sources, so it is there for `swift run` and `swift test`.
public let demoDeskConfigurationPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("desk.json").path

/// The example club's desk configuration, read from ``demoDeskConfigurationPath`` with
/// `DeskConfiguration.load(path:)`.
///
/// - Returns: The configuration.
/// - Throws: `DeskConfigurationError` when the file cannot be read or names a bad value.
public func demoDeskConfiguration() throws -> DeskConfiguration {
    try DeskConfiguration.load(path: demoDeskConfigurationPath)
}

/// The example's billing: every demo member paid 19.00 EUR for the monthly plan three days ago.
///
/// - Parameters:
///   - member: The member.
///   - now: The current instant.
/// - Returns: The member's payments, or `nil` for someone who is not a demo member.
public func demoPayments(of member: MemberID, at now: Date) -> RefundFacts? {
    guard demoMembers.contains(where: { $0.id == member }) else { return nil }
    let paid = now.addingTimeInterval(-3 * 86_400)
    let charge = Charge(
        id: ChargeID(rawValue: "ch-\(member)-1"),
        amount: Money(minorUnits: 1900, currency: .eur),
        at: paid,
        periodEnd: paid.addingTimeInterval(31 * 86_400)
    )
    return RefundFacts(member: member, plan: "monthly", charges: [charge])
}

/// The example's members, so that acknowledgements greet them by name, with the addresses their mail
/// comes from (`alice@members.example`, `bob@members.example`).
public let demoMembers = [
    MemberProfile(
        id: "alice",
        displayName: "Alice",
        contactChannels: [.email],
        emailAddresses: [try! EmailAddress("alice@members.example")]
    ),
    MemberProfile(
        id: "bob",
        displayName: "Bob",
        contactChannels: [.email],
        emailAddresses: [try! EmailAddress("bob@members.example")]
    ),
]
