import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Applies a commit in one statement: the whole commit goes as one JSON document to the schema's
    /// `commit_tickets_keeping_claims` function (``PostgresMigration``, steps 10 and 11), which writes it
    /// in that statement's transaction — one round trip, however many rows.
    ///
    /// Tickets are written in id order and keys in sorted order, so two concurrent commits take their
    /// row locks in the same order and cannot deadlock each other.
    ///
    /// - Parameter commit: What to write.
    /// - Throws: ``StoreError``: ``StoreError/Code/versionConflict`` when a ticket changed since it was read
    ///   (or was created by someone else first), ``StoreError/Code/duplicateExternalMessage`` when an
    ///   inbound message key belongs to another ticket, ``StoreError/Code/invalidCommit`` for a malformed
    ///   commit, a new ticket whose number another ticket has or an outbound id already in the outbox,
    ///   ``StoreError/Code/unavailable`` when the database fails. Nothing is stored on error.
    public func commit(_ commit: TicketCommit) async throws {
        try commit.validateShape()
        let document = try CommitDocument(commit, encodingWith: { try self.json($0) }).text
        // Prepared, on a leased connection, and read to the end inside the lease: the connection goes back
        // to the pool when the statement is done, whatever the row stream does.
        try await access.prepared(
            "SELECT \(unescaped: table(PostgresMigration.commitFunctionName))(\(document)::jsonb)",
            "committing \(commit.writes.map(\.ticket.id.rawValue))"
        ) { _ in }
    }

    /// `true`: ``commit(_:)`` stores the claim an outbound message carries (migration step 11), so the
    /// committing desk sends it without a ``claimOutbound(_:at:until:)`` round trip; see
    /// ``TicketStore/storesClaimsOnCommit``.
    public var storesClaimsOnCommit: Bool { true }

    func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}

/// A commit as the `commit_tickets` function reads it: JSON written by hand around the snapshots,
/// events and messages the store's encoder wrote, which go in as they are.
struct CommitDocument {
    /// The document.
    let text: String

    /// Writes the document of `commit`.
    ///
    /// - Parameters:
    ///   - commit: The commit, already checked with ``TicketCommit/validateShape()``.
    ///   - json: The store's encoder for one value.
    init(_ commit: TicketCommit, encodingWith json: (any Encodable) throws -> String) throws {
        var writes: [String] = []
        for write in commit.writes.sorted(by: { $0.ticket.id < $1.ticket.id }) {
            let ticket = write.ticket
            let events = try write.events.map { #"{"sequence":\#($0.sequence),"event":\#(try json($0))}"# }
            let keys = Set(write.externalKeys).sorted { $0.description < $1.description }.map {
                #"{"channel":\#(Self.quoted($0.channel.rawValue)),"externalID":\#(Self.quoted($0.externalID)),"#
                    + #""description":\#(Self.quoted($0.description))}"#
            }
            let fields = [
                #""id":\#(Self.quoted(ticket.id.rawValue))"#,
                #""expectedVersion":\#(write.expectedVersion)"#,
                #""version":\#(ticket.version)"#,
                #""status":\#(Self.quoted(ticket.status.rawValue))"#,
                #""assignee":\#(ticket.assignee.map { Self.quoted($0.rawValue) } ?? "null")"#,
                #""requester":\#(Self.quoted(ticket.requester.rawValue))"#,
                // Instants as text: the function casts them to DOUBLE PRECISION with every bit kept.
                #""dueAt":\#(write.dueAt.map { Self.quoted("\($0.storedValue)") } ?? "null")"#,
                #""number":\#(ticket.number.map { "\($0.rawValue)" } ?? "null")"#,
                #""snapshot":\#(try json(ticket))"#,
                #""searchTerms":[\#(PostgresTicketStore.searchTerms(of: ticket).map(Self.quoted).joined(separator: ","))]"#,
                #""events":[\#(events.joined(separator: ","))]"#,
                #""externalKeys":[\#(keys.joined(separator: ","))]"#,
                #""threadKeys":[\#(Set(write.threadKeys).map(\.rawValue).sorted().map(Self.quoted).joined(separator: ","))]"#,
            ]
            writes.append("{" + fields.joined(separator: ",") + "}")
        }
        var outbound: [String] = []
        for message in commit.outbound {
            var message = message
            // The claim goes in its columns (the committing desk's, step 11), not in the message's JSON.
            let claim = message.claim
            message.claim = nil
            var fields = [
                #""id":\#(Self.quoted(message.id.rawValue))"#,
                #""ticketID":\#(message.ticketID.map { Self.quoted($0.rawValue) } ?? "null")"#,
                #""state":\#(Self.quoted(message.state.rawValue))"#,
                #""nextAttemptAt":\#(Self.quoted("\(message.nextAttemptAt.storedValue)"))"#,
                #""message":\#(try json(message))"#,
            ]
            if let claim {
                fields.append(#""claimToken":\#(Self.quoted(claim.token))"#)
                fields.append(#""claimedUntil":\#(Self.quoted("\(claim.until.storedValue)"))"#)
            }
            outbound.append("{" + fields.joined(separator: ",") + "}")
        }
        let feed = try PostgresTicketStore.feedEvents(of: commit).map {
            #"{"key":\#(Self.quoted($0.key)),"kind":\#(Self.quoted($0.kind.rawValue)),"event":\#(try json($0))}"#
        }
        text =
            #"{"writes":[\#(writes.joined(separator: ","))],"outbound":[\#(outbound.joined(separator: ","))],"#
            + #""feed":[\#(feed.joined(separator: ","))]}"#
    }

    /// A JSON string of `text`, escaped as the store's encoder escapes strings.
    static func quoted(_ text: String) -> String {
        JSONTextEncoder.quoted(text)
    }
}
