import Foundation
import Hummingbird
import SupportEngine

/// `POST /agent/absence`: whether the calling agent is absent (on leave).
public struct AbsenceBody: Codable, Sendable, Hashable {
    /// `true` to go absent (their new and open tickets are handed over), `false` to come back.
    public var absent: Bool

    /// Creates a body.
    ///
    /// - Parameter absent: Whether the agent is absent.
    public init(absent: Bool) { self.absent = absent }
}

/// `POST …/members/{id}/ledger/{entry}/reverse`: why a penalty is reversed.
public struct ReversalBody: Codable, Sendable, Hashable {
    /// Why, for the ledger and the ticket's internal note.
    public var note: String?

    /// Creates a body.
    ///
    /// - Parameter note: Why.
    public init(note: String? = nil) { self.note = note }
}

extension SupportAPI {
    /// `POST /agent/absence`: marks the calling agent absent or back; going absent hands over their
    /// new and open tickets. Answers the agent's state.
    func absence(_ request: Request) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let body = try await JSONResponse.decode(AbsenceBody.self, from: request, limit: maximumRequestBytes)
        try await desk.agents.setAbsent(body.absent, agent: agent)
        let states = try await desk.agents.states()
        return try JSONResponse.make(states.first(where: { $0.id == agent }))
    }

    /// `GET /agent/members/{id}/ledger`: a member's moderation ledger; 404 when moderation never acted.
    func memberLedger(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try tokens.agent(of: request)
        let member = try memberID(context)
        guard let ledger = try await desk.moderation.ledger(of: member) else {
            throw APIError(.notFound, "not_found", "moderation never acted on \(member)")
        }
        return try JSONResponse.make(ledger)
    }

    /// `POST /agent/members/{id}/ledger/{entry}/reverse` and the owner's route of the same shape:
    /// reverses a penalty; reversing a paying member's removal needs the owner's token.
    func reversePenalty(
        _ request: Request,
        _ context: BasicRequestContext,
        asOwner: Bool
    ) async throws -> Response {
        let actor: SupportActor =
            asOwner ? .owner(try tokens.owner(of: request)) : .agent(try tokens.agent(of: request))
        let member = try memberID(context)
        guard let entry = Int(try context.parameters.require("entry")), entry >= 1 else {
            throw APIError(.badRequest, "invalid_input", "the ledger entry is its number, 1 or more")
        }
        let body = try await JSONResponse.decode(ReversalBody.self, from: request, limit: maximumRequestBytes)
        guard (body.note ?? "").count <= 2_000 else {
            throw APIError(.badRequest, "invalid_input", "'note' is at most 2000 characters")
        }
        let result = try await desk.moderation.reverse(of: member, entry: entry, note: body.note ?? "", by: actor)
        return try JSONResponse.make(ConductReportResult(decision: result.decision, ledger: result.ledger))
    }

    /// The member named by the `id` path parameter, checked.
    func memberID(_ context: BasicRequestContext) throws -> MemberID {
        let raw = try context.parameters.require("id")
        guard (1...200).contains(raw.count) else {
            throw APIError(.badRequest, "invalid_input", "a member id is 1 to 200 characters")
        }
        return MemberID(rawValue: raw)
    }
}
