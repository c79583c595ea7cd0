import Foundation
import Hummingbird
import SupportEngine

/// The HTTP API around one ``SupportDesk``.
///
/// Members sign in with a bearer token and see only their own tickets (another member's ticket is
/// "not found", exactly like a ticket that does not exist); agents use their own tokens; the mail
/// provider's webhook has one token. Every error is JSON: `{"error": {"code": "…", "message": "…"}}`.
public struct SupportAPI: Sendable {
    /// The desk.
    public let desk: SupportDesk
    /// Who may call what.
    public let tokens: AccessTokens
    /// `memory` or `postgres`, for the health check.
    public let storage: String
    /// The largest request body accepted, in bytes; larger ones get a 413.
    public let maximumRequestBytes: Int
    /// The member's payments as the club's billing knows them, for refund requests; `nil` when the
    /// member has none.
    public let payments: @Sendable (MemberID) async throws -> RefundFacts?
    /// Takes raw mail for `POST /inbound/email/raw`; `nil` answers that endpoint with a 404.
    public let intake: EmailIntake?
    /// The largest raw message `POST /inbound/email/raw` takes, in bytes; larger ones get a 413.
    public let maximumRawEmailBytes: Int

    /// Creates the API.
    ///
    /// - Parameters:
    ///   - desk: The desk.
    ///   - tokens: Who may call what.
    ///   - storage: `memory` or `postgres`.
    ///   - maximumRequestBytes: The largest request body accepted.
    ///   - payments: The member's payments, for refund requests.
    ///   - intake: Takes raw mail, or `nil` for none.
    ///   - maximumRawEmailBytes: The largest raw message taken.
    public init(
        desk: SupportDesk,
        tokens: AccessTokens,
        storage: String,
        maximumRequestBytes: Int = 256 * 1024,
        payments: @escaping @Sendable (MemberID) async throws -> RefundFacts? = { _ in nil },
        intake: EmailIntake? = nil,
        maximumRawEmailBytes: Int = 25 * 1024 * 1024
    ) {
        self.intake = intake
        self.maximumRawEmailBytes = maximumRawEmailBytes
        self.desk = desk
        self.tokens = tokens
        self.storage = storage
        self.maximumRequestBytes = maximumRequestBytes
        self.payments = payments
    }

    /// The routes.
    ///
    /// - Returns: A router with every endpoint and the JSON error middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        router.get("/health") { _, _ in try self.health() }
        router.get("/openapi.json") { _, _ in try OpenAPIDocument.response() }
        router.get("/rules") { request, _ in try await self.rules(request) }
        router.post("/inbound/web-form") { request, _ in try await self.webForm(request) }
        router.post("/inbound/email") { request, _ in try await self.email(request) }
        router.post("/inbound/email/raw") { request, _ in try await self.rawEmail(request) }
        router.get("/me/tickets") { request, _ in try await self.myTickets(request) }
        router.get("/me/tickets/:id") { request, context in try await self.myTicket(request, context) }
        router.post("/me/tickets/:id/messages") { request, context in try await self.myMessage(request, context) }
        router.post("/me/refunds") { request, _ in try await self.refund(request) }
        router.get("/agent/queue") { request, _ in try await self.queue(request) }
        router.get("/agent/tickets/:id") { request, context in try await self.agentTicket(request, context) }
        router.get("/agent/tickets/by-number/:number") { request, context in
            try await self.agentTicketByNumber(request, context)
        }
        router.post("/agent/tickets/:id/reply") { request, context in try await self.reply(request, context) }
        router.post("/agent/tickets/:id/notes") { request, context in try await self.note(request, context) }
        router.post("/agent/tickets/:id/status") { request, context in try await self.status(request, context) }
        router.get("/agent/macros") { request, _ in try await self.macros(request) }
        router.post("/agent/tickets/:id/priority") { request, context in try await self.setPriority(request, context) }
        router.post("/agent/tickets/:id/tags") { request, context in try await self.changeTags(request, context) }
        router.post("/agent/tickets/:id/reason") { request, context in try await self.setReason(request, context) }
        router.post("/agent/absence") { request, _ in try await self.absence(request) }
        router.get("/agent/members/:id/ledger") { request, context in try await self.memberLedger(request, context) }
        router.post("/agent/members/:id/ledger/:entry/reverse") { request, context in
            try await self.reversePenalty(request, context, asOwner: false)
        }
        router.post("/owner/members/:id/ledger/:entry/reverse") { request, context in
            try await self.reversePenalty(request, context, asOwner: true)
        }
        router.post("/agent/tickets/:id/macro") { request, context in try await self.applyMacro(request, context) }
        router.post("/agent/tickets/:id/conduct") { request, context in try await self.conduct(request, context) }
        router.post("/backend/members/:id/facts") { request, context in try await self.memberFacts(request, context) }
        router.post("/me/exit-survey") { request, _ in try await self.exitSurvey(request) }
        router.post("/owner/fixes") { request, _ in try await self.announceFix(request) }
        router.get("/owner/events") { request, _ in try await self.events(request) }
        router.get("/owner/inbox") { request, _ in try await self.ownerInbox(request) }
        router.get("/owner/report") { request, _ in try await self.ownerReport(request) }
        router.get("/owner/report.json") { request, _ in try await self.ownerReportJSON(request) }
        router.post("/agent/tickets/:id/assign") { request, context in try await self.assign(request, context) }
        router.post("/agent/tickets/:id/merge") { request, context in try await self.merge(request, context) }
        router.post("/agent/presence") { request, _ in try await self.presence(request) }
        router.post("/owner/refunds/:member/:request") { request, context in
            try await self.decideRefund(request, context)
        }
        router.post("/owner/removals/:member") { request, context in try await self.decideRemoval(request, context) }
        router.post("/me/tickets/:id/rating") { request, context in try await self.rate(request, context) }
        router.get("/me/export") { request, _ in try await self.myExport(request) }
        router.get("/owner/members/:id/export") { request, context in try await self.memberExport(request, context) }
        router.post("/me/erase") { request, _ in try await self.eraseMe(request) }
        router.post("/owner/members/:id/erase") { request, context in try await self.memberErase(request, context) }
        router.post("/owner/dead-letters/:id/retry") { request, context in
            try await self.retryDeadLetter(request, context)
        }
        return router
    }

    // MARK: Public endpoints

    func health() throws -> Response {
        try JSONResponse.make(HealthStatus(status: "ok", storage: storage))
    }

    func rules(_ request: Request) async throws -> Response {
        guard let boundaries = await desk.configuration.boundaries else {
            throw APIError(.notFound, "not_found", "this desk publishes no rules")
        }
        let locale = LocaleTag(rawValue: request.uri.queryParameters["locale"].map(String.init) ?? "en") ?? .en
        let rules = boundaries.publishedRules(in: locale)
        return try JSONResponse.make(
            RulesDocument(
                locale: rules.locale.rawValue,
                title: rules.title,
                sections: rules.sections.map { .init(heading: $0.heading, lines: $0.lines) },
                text: rules.text
            )
        )
    }

    // MARK: Inbound

    func webForm(_ request: Request) async throws -> Response {
        let member = try tokens.member(of: request)
        let form = try await JSONResponse.decode(WebFormSubmission.self, from: request, limit: maximumRequestBytes)
        let inbound = InboundMessage(
            channel: .webForm,
            externalID: form.submissionID ?? "form-\(UUID().uuidString)",
            sender: member,
            subject: form.subject,
            body: form.body,
            receivedAt: Date(),
            reason: form.reason.map(ContactReason.init(rawValue:))
        )
        return try await receive(inbound, for: member)
    }

    func email(_ request: Request) async throws -> Response {
        try tokens.checkWebhook(request)
        let mail = try await JSONResponse.decode(EmailWebhook.self, from: request, limit: maximumRequestBytes)
        let member = MemberID(rawValue: mail.memberID)
        let inbound = InboundMessage(
            channel: .email,
            externalID: mail.messageID,
            sender: member,
            threadReference: mail.inReplyTo,
            subject: mail.subject,
            body: mail.text,
            receivedAt: Date()
        )
        return try await receive(inbound, for: member)
    }

    func receive(_ inbound: InboundMessage, for member: MemberID) async throws -> Response {
        let outcome = try await desk.receive(inbound)
        let view = try await desk.memberView(of: outcome.ticket.id, for: member)
        let disposition: String
        switch outcome.disposition {
        case .created: disposition = "created"
        case .appended: disposition = "appended"
        case .duplicate: disposition = "duplicate"
        case .followUp: disposition = "follow_up"
        }
        let status: HTTPResponse.Status = outcome.disposition == .duplicate ? .ok : .created
        return try JSONResponse.make(InboundResult(disposition: disposition, ticket: view), status: status)
    }

    // MARK: Members

    func myTickets(_ request: Request) async throws -> Response {
        let member = try tokens.member(of: request)
        return try JSONResponse.make(try await desk.memberTickets(of: member))
    }

    func myTicket(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let member = try tokens.member(of: request)
        return try JSONResponse.make(try await desk.memberView(of: try ticketID(context), for: member))
    }

    func myMessage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let member = try tokens.member(of: request)
        let id = try ticketID(context)
        _ = try await desk.memberView(of: id, for: member)
        let form = try await JSONResponse.decode(WebFormSubmission.self, from: request, limit: maximumRequestBytes)
        let inbound = InboundMessage(
            channel: .webForm,
            externalID: form.submissionID ?? "form-\(UUID().uuidString)",
            sender: member,
            threadReference: ThreadKey.ticket(id).rawValue,
            subject: form.subject,
            body: form.body,
            receivedAt: Date()
        )
        return try await receive(inbound, for: member)
    }

    func refund(_ request: Request) async throws -> Response {
        let member = try tokens.member(of: request)
        let body = try await JSONResponse.decode(RefundRequestBody.self, from: request, limit: maximumRequestBytes)
        guard let facts = try await payments(member) else {
            throw APIError(.notFound, "not_found", "no payments were found for your account")
        }
        let result = try await desk.refunds.request(
            RefundRequestID(rawValue: body.requestID),
            for: member,
            facts: facts,
            message: body.message,
            on: body.ticketID.map(TicketID.init(rawValue:)),
            via: .webForm,
            by: .member(member)
        )
        let view = try await desk.memberView(of: result.ticket.id, for: member)
        return try JSONResponse.make(
            RefundRequestResult(decision: result.decision, isRepeat: result.isRepeat, ticket: view)
        )
    }

    func ticketID(_ context: BasicRequestContext) throws -> TicketID {
        TicketID(rawValue: try context.parameters.require("id"))
    }
}
