import Foundation

extension TicketStore {
    /// Finds the newest feed position by reading the feed a page at a time to its end: correct for any
    /// adapter, but it reads the whole feed, so an adapter with an index overrides it.
    ///
    /// - Returns: The newest position; `0` while the feed is empty.
    /// - Throws: What ``deskEvents(after:limit:)`` throws.
    public func latestDeskEventPosition() async throws -> Int {
        var position = 0
        while true {
            let page = try await deskEvents(after: position, limit: DeskFeedEntry.maximumPageSize)
            guard let last = page.last else { return position }
            position = last.position
        }
    }
}
