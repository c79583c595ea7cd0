import Foundation
import Hummingbird
import SupportEngine

/// `POST /agent/tickets/{id}/priority`: the ticket's new priority.
public struct PriorityBody: Codable, Sendable, Hashable {
    /// `low`, `normal`, `high` or `urgent`.
    public var priority: String

    /// Creates a body.
    ///
    /// - Parameter priority: The priority's name.
    public init(priority: String) { self.priority = priority }
}

/// `POST /agent/tickets/{id}/tags`: tags to add and tags to remove, in one request.
public struct TagsBody: Codable, Sendable, Hashable {
    /// Tags to add.
    public var add: [String]?
    /// Tags to remove.
    public var remove: [String]?

    /// Creates a body.
    ///
    /// - Parameters:
    ///   - add: Tags to add.
    ///   - remove: Tags to remove.
    public init(add: [String]? = nil, remove: [String]? = nil) {
        self.add = add
        self.remove = remove
    }
}

/// `POST /agent/tickets/{id}/reason`: the ticket's contact reason.
public struct ReasonBody: Codable, Sendable, Hashable {
    /// The reason, such as `billing` or `access`.
    public var reason: String

    /// Creates a body.
    ///
    /// - Parameter reason: The reason.
    public init(reason: String) { self.reason = reason }
}

extension SupportAPI {
    /// The most tags one request may add or remove.
    static let maximumTagsPerRequest = 20

    /// `POST /agent/tickets/{id}/priority`: sets the ticket's priority; the queue and SLA follow.
    func setPriority(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(PriorityBody.self, from: request, limit: maximumRequestBytes)
        guard let priority = Priority(rawValue: body.priority) else {
            let names = Priority.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "invalid_input", "'priority' must be one of \(names)")
        }
        try await desk.setPriority(priority, of: id, by: .agent(agent))
        return try await agentResponse(id)
    }

    /// `POST /agent/tickets/{id}/tags`: adds and removes tags.
    func changeTags(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(TagsBody.self, from: request, limit: maximumRequestBytes)
        let add = body.add ?? []
        let remove = body.remove ?? []
        guard !(add.isEmpty && remove.isEmpty) else {
            throw APIError(.badRequest, "invalid_input", "give tags to 'add', to 'remove', or both")
        }
        guard add.count <= Self.maximumTagsPerRequest, remove.count <= Self.maximumTagsPerRequest else {
            throw APIError(
                .badRequest,
                "invalid_input",
                "add or remove at most \(Self.maximumTagsPerRequest) tags in one request"
            )
        }
        // Checked before the first change, so a bad tag in `remove` leaves `add` undone too.
        if let problem = (add + remove).lazy.compactMap(TicketRules.problem(withTag:)).first {
            throw APIError(.badRequest, "invalid_input", problem)
        }
        if !add.isEmpty { try await desk.execute(.addTags(add), on: id, by: .agent(agent)) }
        if !remove.isEmpty { try await desk.execute(.removeTags(remove), on: id, by: .agent(agent)) }
        return try await agentResponse(id)
    }

    /// `POST /agent/tickets/{id}/reason`: sets the ticket's contact reason.
    func setReason(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let body = try await JSONResponse.decode(ReasonBody.self, from: request, limit: maximumRequestBytes)
        let plain = body.reason.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard (1...64).contains(body.reason.count), plain else {
            throw APIError(
                .badRequest,
                "invalid_input",
                "'reason' is 1 to 64 lower-case letters, digits, '_' or '-', such as billing or access"
            )
        }
        try await desk.execute(.setReason(ContactReason(rawValue: body.reason)), on: id, by: .agent(agent))
        return try await agentResponse(id)
    }
}
