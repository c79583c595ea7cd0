import Foundation
import Hummingbird
import SupportEngine

extension SupportAPI {
    /// `GET /agent/queue?status=new,open&q=…&priority=…&tag=…&sort=…&cursor=…&limit=…`: one page of
    /// tickets; `q` searches the subject, number and messages (``TicketQuery/text``), `priority` and `tag`
    /// take comma-separated lists, `sort` is `id` (the default), `due`, `updated` (newest first),
    /// `updated_oldest` or `priority` (``TicketSort``), and `cursor` is the previous page's `next`. In the
    /// id order, `after` with the previous page's `nextCursor` works too.
    func queue(_ request: Request) async throws -> Response {
        _ = try tokens.agent(of: request)
        let parameters = request.uri.queryParameters
        var statuses: Set<TicketStatus> = [.new, .open]
        if let list = parameters["status"] {
            statuses = []
            for name in list.split(separator: ",") {
                guard let status = TicketStatus(rawValue: String(name)) else {
                    throw APIError(.badRequest, "invalid_input", "unknown status '\(name)' in 'status'")
                }
                statuses.insert(status)
            }
        }
        var limit = 50
        if let text = parameters["limit"] {
            guard let number = Int(String(text)), (1...TicketQuery.maximumLimit).contains(number) else {
                throw APIError(.badRequest, "invalid_input", "'limit' must be 1 to \(TicketQuery.maximumLimit)")
            }
            limit = number
        }
        var priorities: Set<Priority>?
        if let list = parameters["priority"] {
            priorities = []
            for name in list.split(separator: ",") {
                guard let priority = Priority(rawValue: String(name)) else {
                    throw APIError(.badRequest, "invalid_input", "unknown priority '\(name)' in 'priority'")
                }
                priorities?.insert(priority)
            }
        }
        let tags = parameters["tag"].map { Set($0.split(separator: ",").map(String.init)) }
        let after = parameters["after"].map { TicketID(rawValue: String($0)) }
        var sort = TicketSort.id
        if let name = parameters["sort"] {
            guard let named = TicketSort(rawValue: String(name)) else {
                let names = TicketSort.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, "invalid_input", "'sort' must be one of \(names), not '\(name)'")
            }
            sort = named
        }
        let query = TicketQuery(
            text: parameters["q"].map(String.init),
            tags: tags,
            priorities: priorities,
            statuses: statuses,
            after: after,
            sort: sort,
            cursor: parameters["cursor"].map { TicketCursor(rawValue: String($0)) },
            limit: limit
        )
        let page = try await desk.tickets(matching: query)
        let prefix = await desk.configuration.ticketNumberPrefix
        let entries = page.tickets.map { stored in
            QueueEntry(
                id: stored.ticket.id,
                reference: stored.ticket.number.map { $0.formatted(prefix: prefix) },
                subject: stored.ticket.subject,
                status: stored.ticket.status,
                priority: stored.ticket.priority,
                requester: stored.ticket.requester,
                assignee: stored.ticket.assignee,
                updatedAt: stored.ticket.updatedAt,
                dueAt: stored.dueAt
            )
        }
        return try JSONResponse.make(
            QueuePage(tickets: entries, nextCursor: sort == .id ? page.nextCursor : nil, next: page.next)
        )
    }

    func agentTicket(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try tokens.agent(of: request)
        return try await agentResponse(try ticketID(context))
    }

    /// `GET /agent/tickets/by-number/{number}`: the ticket a member reads out, by its number with or
    /// without the prefix (`1042`, or `%231042` for `#1042`).
    func agentTicketByNumber(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try tokens.agent(of: request)
        let text = context.parameters.get("number") ?? ""
        let prefix = await desk.configuration.ticketNumberPrefix
        guard let number = TicketNumber(parsing: text.removingPercentEncoding ?? text, prefix: prefix) else {
            throw APIError(
                .badRequest,
                "invalid_input",
                "'\(text)' is not a ticket number: give its digits, such as 1042, with or without '\(prefix)'"
            )
        }
        return try await agentResponse(try await desk.agentView(ofNumber: number).ticket.id)
    }

    func reply(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let reply = try await JSONResponse.decode(ReplyRequest.self, from: request, limit: maximumRequestBytes)
        let status = try reply.status.map(Self.status(named:))
        let files = try (reply.attachments ?? []).map { try $0.upload() }
        if files.isEmpty {
            try await desk.reply(to: id, body: reply.body, by: .agent(agent), status: status)
        } else {
            try await desk.reply(to: id, body: reply.body, by: .agent(agent), status: status, attachments: files)
        }
        return try await agentResponse(id)
    }

    func note(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let note = try await JSONResponse.decode(NoteRequest.self, from: request, limit: maximumRequestBytes)
        try await desk.addInternalNote(to: id, body: note.body, by: .agent(agent))
        return try await agentResponse(id)
    }

    func status(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let change = try await JSONResponse.decode(StatusRequest.self, from: request, limit: maximumRequestBytes)
        try await desk.setStatus(try Self.status(named: change.status), of: id, by: .agent(agent))
        return try await agentResponse(id)
    }

    func conduct(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let agent = try tokens.agent(of: request)
        let id = try ticketID(context)
        let report = try await JSONResponse.decode(ConductReportRequest.self, from: request, limit: maximumRequestBytes)
        guard let severity = Severity(rawValue: report.severity) else {
            let names = Severity.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "invalid_input", "'severity' must be one of \(names), not '\(report.severity)'")
        }
        let message = MessageID(rawValue: report.messageID)
        let violation = Violation(
            ViolationKind(rawValue: report.kind),
            severity: severity,
            ticket: id,
            message: message,
            note: report.note
        )
        let result = try await desk.moderation.report(on: id, message: message, violation: violation, by: .agent(agent))
        return try JSONResponse.make(ConductReportResult(decision: result.decision, ledger: result.ledger))
    }

    func agentResponse(_ id: TicketID) async throws -> Response {
        let view = try await desk.agentView(of: id)
        return try JSONResponse.make(
            AgentTicket(
                reference: view.reference,
                ticket: view.ticket,
                eventCount: view.events.count,
                dueAt: view.dueAt,
                deliveries: view.deliveries
            )
        )
    }

    static func status(named name: String) throws -> TicketStatus {
        guard let status = TicketStatus(rawValue: name) else {
            let names = TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "invalid_input", "'status' must be one of \(names), not '\(name)'")
        }
        return status
    }
}

/// One page of the agents' queue.
public struct QueuePage: Codable, Sendable, Hashable {
    /// The tickets, in the order asked for.
    public var tickets: [QueueEntry]
    /// In the id order, pass as `after` for the next page; absent on the last page and in other orders.
    public var nextCursor: TicketID?
    /// Pass as `cursor` (with the same `sort` and filters) for the next page; absent on the last.
    public var next: TicketCursor?
}

/// JSON in and out, with ISO 8601 dates.
enum JSONResponse {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder().encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// Reads a JSON body: 413 over `limit` bytes, 400 for an empty body or invalid JSON (naming the field).
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int) async throws -> Value {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw APIError(.contentTooLarge, "body_too_large", "the request body is larger than \(limit) bytes")
        }
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, "empty_body", "the request has no body; send a JSON object")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, "invalid_json", "the field '\(path)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, "invalid_json", "the field '\(path)' has the wrong type")
        } catch {
            throw APIError(.badRequest, "invalid_json", "the body is not valid JSON")
        }
    }
}
