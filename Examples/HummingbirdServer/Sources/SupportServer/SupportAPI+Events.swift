import Foundation
import Hummingbird
import SupportEngine

/// One page of the desk's event feed, as `GET /owner/events` returns it.
public struct EventPage: Codable, Sendable, Hashable {
    /// The entries, oldest first.
    public var events: [DeskFeedEntry]
    /// The position to pass as `after` for the next page: the last entry's, or the one asked for when
    /// there is nothing new.
    public var next: Int

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - events: The entries.
    ///   - next: The position to read on from.
    public init(events: [DeskFeedEntry], next: Int) {
        self.events = events
        self.next = next
    }
}

extension SupportAPI {
    /// `GET /owner/events?after=N&limit=M`: the desk-wide event feed after position `N` (default 0), up to
    /// `M` entries (default 100, at most 1,000), for the owner's tools: alerts, a dashboard, an export.
    func events(_ request: Request) async throws -> Response {
        _ = try tokens.owner(of: request)
        let parameters = request.uri.queryParameters
        var after = 0
        if let text = parameters["after"] {
            guard let number = Int(String(text)), number >= 0 else {
                throw APIError(.badRequest, "invalid_input", "'after' must be a feed position, 0 or more")
            }
            after = number
        }
        var limit = 100
        if let text = parameters["limit"] {
            guard let number = Int(String(text)), (1...DeskFeedEntry.maximumPageSize).contains(number) else {
                throw APIError(
                    .badRequest,
                    "invalid_input",
                    "'limit' must be 1 to \(DeskFeedEntry.maximumPageSize)"
                )
            }
            limit = number
        }
        let entries = try await desk.events(after: after, limit: limit)
        return try JSONResponse.make(EventPage(events: entries, next: entries.last?.position ?? after))
    }
}
