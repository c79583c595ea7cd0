/// A change refused because the ticket changed after the agent's screen showed it.
///
/// Agent actions (``SupportDesk/execute(_:on:by:expectedVersion:)``, ``SupportDesk/reply(to:body:by:status:expectedVersion:)``,
/// ``SupportDesk/setStatus(_:of:by:expectedVersion:)``, ``SupportDesk/assign(_:to:by:expectedVersion:)`` and the
/// others) take the ``Ticket/version`` the screen was drawn from. When the ticket has moved on since —
/// the member wrote again, another agent answered — the action is not applied; this error says what
/// changed, so the agent can read it and decide again.
///
/// ```swift
/// do {
///     try await desk.reply(to: id, body: text, by: .agent("olga"), expectedVersion: screen.version)
/// } catch let error as StaleTicketError {
///     show(error.message)   // "ticket T-7 changed since you opened it (version 4, now 6): …"
/// }
/// ```
public struct StaleTicketError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The ticket's version is not the one the action was taken on.
        public static var staleVersion: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence a person can act on: what changed, and to reload.
    public let message: String
    /// The ticket.
    public let ticketID: TicketID
    /// The version the action was taken on.
    public let expectedVersion: Int
    /// The ticket's version now.
    public let currentVersion: Int
    /// What happened since, one short line per change, oldest first: "anna wrote a message",
    /// "agent-olga replied", "status open → pending".
    public let changes: [String]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - ticketID: The ticket.
    ///   - expectedVersion: The version the action was taken on.
    ///   - currentVersion: The ticket's version now.
    ///   - changes: What happened since, oldest first.
    public init(ticketID: TicketID, expectedVersion: Int, currentVersion: Int, changes: [String]) {
        self.code = .staleVersion
        self.ticketID = ticketID
        self.expectedVersion = expectedVersion
        self.currentVersion = currentVersion
        self.changes = changes
        let what = changes.isEmpty ? "" : ": " + changes.joined(separator: "; ")
        self.message =
            "ticket \(ticketID) changed since you opened it (version \(expectedVersion), now \(currentVersion))"
            + "\(what). Nothing was done; reload the ticket and try again"
    }
}
