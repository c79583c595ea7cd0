import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Stores several outbound messages' delivery outcomes in one `UPDATE … FROM jsonb_to_recordset(…)`,
    /// each row matched on its own claim's token as ``updateOutbound(_:)`` matches one; see
    /// ``TicketStore/updateOutboundMessages(_:)``.
    ///
    /// A lone message, and a message moving into dead letters (whose feed event
    /// ``updateOutbound(_:)`` writes in the same statement), go through ``updateOutbound(_:)``. The
    /// statement locks its rows in id order first, as an erasure does, so the two never wait on each
    /// other in a cycle. A row the statement did not update is read back to say why: unknown
    /// (``StoreError/Code/notFound``) or claimed by another pass since (``StoreError/Code/claimLost``).
    ///
    /// - Parameter messages: The messages, each at most once, with the claims they were sent under.
    /// - Returns: The messages not stored, with what refused them; when the statement fails, every
    ///   message in it with the failure (``StoreError/Code/unavailable``: the statement is one
    ///   transaction, so either all of its rows were stored or none, and an answer lost on its way back
    ///   may hide that they were).
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
        var rows: [OutboundID: String] = [:]
        for message in together {
            do {
                rows[message.id] = try row(of: message)
            } catch {
                failures[message.id] = error
            }
        }
        together.removeAll { rows[$0.id] == nil }
        guard !together.isEmpty else { return failures }
        do {
            let updated = try await updateTogether(together.map { rows[$0.id] ?? "" }, ids: together.map(\.id))
            for message in together where !updated.contains(message.id) {
                do {
                    failures[message.id] = try await refusal(of: message)
                } catch {
                    failures[message.id] = error
                }
            }
        } catch {
            for message in together { failures[message.id] = error }
        }
        return failures
    }

    /// A message's row in the statement's JSON array.
    private func row(of message: OutboundMessage) throws -> String {
        var unclaimed = message
        unclaimed.claim = nil
        let token = message.claim.map { JSONTextEncoder.quoted($0.token) } ?? "null"
        return #"{"id":\#(JSONTextEncoder.quoted(message.id.rawValue)),"#
            + #""state":\#(JSONTextEncoder.quoted(message.state.rawValue)),"#
            + #""next":\#(try json(message.nextAttemptAt.storedValue)),"token":\#(token),"#
            + #""message":\#(try json(unclaimed))}"#
    }

    /// Runs the one statement over `rows`; returns the ids it updated.
    private func updateTogether(_ rows: [String], ids: [OutboundID]) async throws -> Set<OutboundID> {
        let document = "[" + rows.joined(separator: ",") + "]"
        let sortedIDs = ids.map(\.rawValue).sorted()
        return try await access.prepared(
            """
            WITH locked AS MATERIALIZED (
                SELECT id FROM \(unescaped: table("outbox")) WHERE id = ANY(\(sortedIDs)) ORDER BY id FOR UPDATE
            )
            UPDATE \(unescaped: table("outbox")) AS stored
            SET state = outcome.state, next_attempt_at = outcome.next, message = outcome.message,
                claimed_until = NULL, claim_token = NULL
            FROM jsonb_to_recordset(\(document)::jsonb)
                AS outcome(id TEXT, state TEXT, next DOUBLE PRECISION, token TEXT, message JSONB),
                locked
            WHERE stored.id = outcome.id AND locked.id = outcome.id
                AND (outcome.token IS NULL OR stored.claim_token = outcome.token)
            RETURNING stored.id
            """,
            "updating \(ids.count) outbound messages"
        ) { rows in Set(try rows.map { OutboundID(rawValue: try $0.decode(String.self)) }) }
    }

}
