import Foundation
import Hummingbird
import SupportEngine

/// The Telegram routes: the Bot API's webhook and the club backend's link tokens.
///
/// - `POST /inbound/telegram`: Telegram's updates (see ``TelegramWebhook``). Without the secret in
///   `X-Telegram-Bot-Api-Secret-Token`: 401, nothing read or stored. Otherwise 200 with what came of the
///   update — also for an update skipped as malformed, of another kind or too large, so that Telegram
///   stops posting it — 413 for a body over ``maximumUpdateBytes`` (Telegram sends none), or 503 when
///   trying again can help.
/// - `POST /backend/members/:id/telegram-link` (the club backend's token): a one-time deep link for the
///   member to open in Telegram.
public struct TelegramRoutes: Sendable {
    let webhook: TelegramWebhook
    let links: TelegramLinks
    let members: any MemberDirectory
    let tokens: AccessTokens
    /// The largest update body read; a larger one is refused. Updates are small: a file's bytes never
    /// come in one.
    let maximumUpdateBytes: Int

    /// The header Telegram sends the webhook's secret in.
    public static let secretHeader = "X-Telegram-Bot-Api-Secret-Token"

    /// Creates the routes.
    ///
    /// - Parameters:
    ///   - webhook: Takes the updates.
    ///   - links: Issues link tokens.
    ///   - members: The member directory: links are issued for its members only.
    ///   - tokens: Who may call what (the backend's token).
    ///   - maximumUpdateBytes: The largest update body read.
    public init(
        webhook: TelegramWebhook,
        links: TelegramLinks,
        members: any MemberDirectory,
        tokens: AccessTokens,
        maximumUpdateBytes: Int = 1 << 20
    ) {
        self.webhook = webhook
        self.links = links
        self.members = members
        self.tokens = tokens
        self.maximumUpdateBytes = maximumUpdateBytes
    }

    /// Adds the routes.
    ///
    /// - Parameter router: The server's router.
    public func add(to router: Router<BasicRequestContext>) {
        router.post("/inbound/telegram") { request, _ in try await self.update(request) }
        router.post("/backend/members/:id/telegram-link") { request, context in try await self.link(request, context) }
    }

    func update(_ request: Request) async throws -> Response {
        guard webhook.isAuthentic(secretHeader: request.headers[HTTPFields.Element.Name(Self.secretHeader)!]) else {
            throw APIError(.unauthorized, "unauthorized", "the \(Self.secretHeader) header is not the webhook's secret")
        }
        var request = request
        let result: TelegramWebhook.Result
        do {
            let body = try await request.collectBody(upTo: maximumUpdateBytes)
            result = try await webhook.handle(Array(body.readableBytesView))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            // The Bot API never posts a body this large (a file's bytes never come in an update).
            throw APIError(.contentTooLarge, "body_too_large", "an update is at most \(maximumUpdateBytes) bytes")
        } catch let error as TelegramError where error.code == .unreachable {
            throw APIError(
                .serviceUnavailable,
                "telegram_unreachable",
                "\(error.message); Telegram posts the update again"
            )
        }
        return try JSONResponse.make(result)
    }

    func link(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try tokens.checkBackend(request)
        let member = MemberID(rawValue: try context.parameters.require("id"))
        guard member.isWellFormed else {
            throw APIError(.badRequest, "invalid_member", "the member id must be 1 to 200 bytes of printable text")
        }
        guard try await members.member(member) != nil else {
            throw APIError(.notFound, "not_found", "no member \(member) is known to the club's directory")
        }
        return try JSONResponse.make(try await links.issue(for: member), status: .created)
    }
}
