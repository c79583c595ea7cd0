import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Stores several outbound messages' delivery outcomes in one `UPDATE … FROM jsonb_to_recordset(…)`,
    /// each row matched on its own claim's token as ``updateOutbound(_:)`` matches one; see
    /// ``TicketStore/updateOutboundMessages(_:)``.
    ///
    /// A lone message, and a message moving into dead letters (whose feed event
    /// ``updateOutbound(_:)`` writes in the same statement), go through ``updateOutbound(_:)``. A row the
    /// statement did not update is read back to say why: unknown (``StoreError/Code/notFound``) or claimed
    /// by another pass since (``StoreError/Code/claimLost``).
    ///
    /// - Parameter messages: The messages, each at most once, with the claims they were sent under.
    /// - Returns: The messages not stored, with what refused them; when the statement fails, every
    ///   message in it with ``StoreError/Code/unavailable`` (none of them was stored: the statement is
    ///   one transaction).
    public func updateOutboundMessages(_ messages: [OutboundMessage]) async -> [OutboundID: any Error] {
        var failures: [OutboundID: any Error] = [:]
        var together: [OutboundMessage] = []
        var alone: [OutboundMessage] = []
        for message in messages {
            if message.state == .deadLettered { alone.append(message) } else { together.append(message) }
        }
        if together.count == 1 {
            alone += together
            together = []
        }
        for message in alone {
            do {
                try await updateOutbound(message)
            } catch {
                failures[message.id] = error
            }
        }
        guard !together.isEmpty else { return failures }
        do {
            let updated = try await updateTogether(together)
            for message in together where !updated.contains(message.id) {
                failures[message.id] = await refusal(of: message)
            }
        } catch {
            for message in together { failures[message.id] = error }
        }
        return failures
    }

    /// Runs the one statement; returns the ids it updated.
    private func updateTogether(_ messages: [OutboundMessage]) async throws -> Set<OutboundID> {
        var rows: [String] = []
        rows.reserveCapacity(messages.count)
        for message in messages {
            var unclaimed = message
            unclaimed.claim = nil
            let token = message.claim.map { JSONTextEncoder.quoted($0.token) } ?? "null"
            rows.append(
                #"{"id":\#(JSONTextEncoder.quoted(message.id.rawValue)),"#
                    + #""state":\#(JSONTextEncoder.quoted(message.state.rawValue)),"#
                    + #""next":\#(try json(message.nextAttemptAt.storedValue)),"token":\#(token),"#
                    + #""message":\#(try json(unclaimed))}"#
            )
        }
        let document = "[" + rows.joined(separator: ",") + "]"
        return try await access.prepared(
            """
            UPDATE \(unescaped: table("outbox")) AS stored
            SET state = outcome.state, next_attempt_at = outcome.next, message = outcome.message,
                claimed_until = NULL, claim_token = NULL
            FROM jsonb_to_recordset(\(document)::jsonb)
                AS outcome(id TEXT, state TEXT, next DOUBLE PRECISION, token TEXT, message JSONB)
            WHERE stored.id = outcome.id AND (outcome.token IS NULL OR stored.claim_token = outcome.token)
            RETURNING stored.id
            """,
            "updating \(messages.count) outbound messages"
        ) { rows in Set(try rows.map { OutboundID(rawValue: try $0.decode(String.self)) }) }
    }

    /// Why the statement did not update `message`: it is unknown, or another pass claimed it since.
    private func refusal(of message: OutboundMessage) async -> any Error {
        do {
            guard let stored = try await outbound(message.id) else {
                return StoreError(.notFound, "outbound message \(message.id) is not in the outbox")
            }
            let holder = stored.claim.map { "claim \($0.token) holds it now" } ?? "it was updated since"
            return StoreError(
                .claimLost,
                "outbound message \(message.id) is no longer held by claim \(message.claim?.token ?? "?") "
                    + "(\(holder)): another delivery pass owns it; its outcome was not recorded"
            )
        } catch {
            return error
        }
    }
}
