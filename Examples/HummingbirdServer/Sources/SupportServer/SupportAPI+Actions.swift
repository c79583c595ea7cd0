import Foundation
import Hummingbird
import SupportEngine

/// `POST /agent/tickets/{id}/assign`: who takes the ticket; `null` or absent to unassign.
public struct AssignBody: Codable, Sendable, Hashable {
    /// The agent's id, or `nil` to leave the ticket unassigned.
    public var agent: String?

    /// Creates a body.
    ///
    /// - Parameter agent: The agent, or `nil`.
    public init(agent: String?) { self.agent = agent }
}

/// `POST /agent/tickets/{id}/merge`: the ticket to merge this one into.
public struct MergeBody: Codable, Sendable, Hashable {
    /// The surviving ticket's id.
    public var into: String

    /// Creates a body.
    ///
    /// - Parameter into: The surviving ticket's id.
    public init(into: String) { self.into = into }
}

/// `POST /agent/presence`: the calling agent's presence.
public struct PresenceBody: Codable, Sendable, Hashable {
    /// `online`, `away` or `offline`.
    public var presence: String

    /// Creates a body.
    ///
    /// - Parameter presence: `online`, `away` or `offline`.
    public init(presence: String) { self.presence = presence }
}

/// The owner's decision on an escalated refund or a pending removal.
public struct OwnerDecisionBody: Codable, Sendable, Hashable {
    /// `approve` or `decline`.
    public var decision: String
    /// A note for the ledger and the ticket's internal note.
    public var note: String?

    /// Creates a body.
    ///
    /// - Parameters:
    ///   - decision: `approve` or `decline`.
    ///   - note: A note.
    public init(decision: String, note: String? = nil) {
        self.decision = decision
        self.note = note
    }
}

/// `POST /me/tickets/{id}/rating`: the member's rating of their solved ticket.
public struct RatingBody: Codable, Sendable, Hashable {
    /// 1 (bad) to 5 (great).
    public var score: Int
    /// What the member wants to add.
    public var comment: String?

    /// Creates a body.
    ///
    /// - Parameters:
    ///   - score: 1 to 5.
    ///   - comment: A comment.
    public init(score: Int, comment: String? = nil) {
        self.score = score
        self.comment = comment
    }
}

extension SupportAPI {
    /// `POST /agent/tickets/{id}/assign`: assigns the ticket to an agent, or unassigns it.
    func assign(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(AssignBody.self, from: request, limit: maximumRequestBytes)
        if let target = body.agent, target.isEmpty || target.count > 200 {
            throw APIError(.badRequest, "invalid_input", "'agent' must be an agent's id, or null to unassign")
        }
        try await desk.assign(id, to: body.agent.map(AgentID.init(rawValue:)), by: .agent(agent))
        return try await agentResponse(id)
    }

    /// `POST /agent/tickets/{id}/merge`: merges the ticket into another of the same member's.
    func merge(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(MergeBody.self, from: request, limit: maximumRequestBytes)
        guard !body.into.isEmpty, body.into.count <= 200 else {
            throw APIError(.badRequest, "invalid_input", "'into' must be the id of the ticket to merge into")
        }
        let merged = try await desk.merge(id, into: TicketID(rawValue: body.into), by: .agent(agent))
        return try await agentResponse(merged.id)
    }

    /// `POST /agent/presence`: sets the calling agent online, away or offline; routing follows at once.
    func presence(_ request: Request) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let body = try await JSONResponse.decode(PresenceBody.self, from: request, limit: maximumRequestBytes)
        guard let presence = AgentPresence(rawValue: body.presence) else {
            throw APIError(.badRequest, "invalid_input", "'presence' must be online, away or offline")
        }
        try await desk.agents.setPresence(presence, of: agent)
        let states = try await desk.agents.states()
        return try JSONResponse.make(states.first(where: { $0.id == agent }))
    }

    /// `POST /owner/refunds/{member}/{request}`: the owner approves or declines an escalated refund.
    func decideRefund(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let owner = try tokens.owner(of: request)
        let member = MemberID(rawValue: try context.parameters.require("member"))
        let refund = RefundRequestID(rawValue: try context.parameters.require("request"))
        let body = try await JSONResponse.decode(OwnerDecisionBody.self, from: request, limit: maximumRequestBytes)
        let result: DeskRefundResult
        switch body.decision {
        case "approve":
            guard let facts = try await payments(member) else {
                throw APIError(.notFound, "not_found", "no payments were found for \(member)")
            }
            result = try await desk.refunds.approve(
                refund,
                of: member,
                facts: facts,
                note: body.note ?? "",
                by: .owner(owner)
            )
        case "decline":
            result = try await desk.refunds.decline(refund, of: member, note: body.note ?? "", by: .owner(owner))
        default:
            throw APIError(.badRequest, "invalid_input", "'decision' must be approve or decline")
        }
        return try JSONResponse.make(result.decision)
    }

    /// `POST /owner/removals/{member}`: the owner approves or declines a paying member's pending removal.
    func decideRemoval(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let owner = try tokens.owner(of: request)
        let member = MemberID(rawValue: try context.parameters.require("member"))
        let body = try await JSONResponse.decode(OwnerDecisionBody.self, from: request, limit: maximumRequestBytes)
        let result: DeskModerationResult
        switch body.decision {
        case "approve":
            result = try await desk.moderation.approveRemoval(of: member, note: body.note ?? "", by: .owner(owner))
        case "decline":
            result = try await desk.moderation.declineRemoval(of: member, note: body.note ?? "", by: .owner(owner))
        default:
            throw APIError(.badRequest, "invalid_input", "'decision' must be approve or decline")
        }
        return try JSONResponse.make(result.decision)
    }

    /// `POST /me/tickets/{id}/rating`: the member rates their solved ticket, once.
    func rate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let member = try tokens.member(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(RatingBody.self, from: request, limit: maximumRequestBytes)
        do {
            let rating = try await desk.ratings.rate(id, score: body.score, comment: body.comment, by: member)
            return try JSONResponse.make(rating, status: .created)
        } catch let error as RatingError {
            switch error.code {
            case .notRequester: throw APIError(.notFound, "not_found", "ticket \(id) is not yours")
            case .alreadyRated, .notSolved: throw APIError(.conflict, "conflict", error.message)
            default: throw APIError(.badRequest, "invalid_input", error.message)
            }
        }
    }
}
