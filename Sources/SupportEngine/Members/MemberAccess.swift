import Foundation

/// The host's side of ending a member's access to the club: what the desk calls when a decision says
/// the member's access ends.
///
/// The desk decides and records; the host owns accounts, so it carries the decision out. The desk
/// calls ``revokeAccess(_:)`` after the decision is stored: when the owner approves a removal (or the
/// ladder removes a member who does not pay), and when an approved refund's outcomes include
/// `RefundOutcome.revokeAccess`. A desk call that is repeated after a failure of its own (a store
/// error before the post was finished) calls it again, so make it idempotent. When it throws, the
/// decision stands — it is recorded and posted — and the desk call throws the error: the host then
/// carries the revocation out itself (the ledger or the refund decision says who and why).
///
/// ```swift
/// struct ClubAccounts: MemberAccess {
///     func revokeAccess(_ revocation: AccessRevocation) async throws {
///         try await accounts.lock(revocation.member, reason: "\(revocation.cause)")
///     }
/// }
/// let desk = try SupportDesk(store: store, clock: SystemClock(), access: ClubAccounts())
/// ```
public protocol MemberAccess: Sendable {
    /// Ends the member's access to the club's paid content.
    ///
    /// - Parameter revocation: Whose access ends, why and when.
    /// - Throws: Whatever the host's account system throws; the desk passes it on to its caller.
    func revokeAccess(_ revocation: AccessRevocation) async throws
}

/// Whose access ends, why, and when the decision was made.
public struct AccessRevocation: Sendable, Hashable {
    /// Why access ends.
    public enum Cause: Sendable, Hashable, CustomStringConvertible {
        /// The member was removed from the club: the moderation ledger's entry with this number.
        case removal(ledgerEntry: Int)
        /// An approved refund ends access (a withdrawal, say): the refund request.
        case refund(RefundRequestID)

        /// `removal (ledger entry N)` or `refund R`.
        public var description: String {
            switch self {
            case .removal(let entry): "removal (ledger entry \(entry))"
            case .refund(let request): "refund \(request)"
            }
        }
    }

    /// The member.
    public var member: MemberID
    /// Why access ends.
    public var cause: Cause
    /// When the decision was made.
    public var decidedAt: Date

    /// Creates a revocation.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - cause: Why access ends.
    ///   - decidedAt: When the decision was made.
    public init(member: MemberID, cause: Cause, decidedAt: Date) {
        self.member = member
        self.cause = cause
        self.decidedAt = decidedAt
    }
}
