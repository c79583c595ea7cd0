import Foundation

/// Where the next page of a ticket query starts: an opaque token for every ``TicketSort``.
///
/// Take it from ``TicketPage/next`` and pass it back as ``TicketQuery/cursor`` with the same order and
/// conditions. It carries the order and the ``TicketSortKey`` of the page's last ticket, so the next
/// page starts right after that ticket's place, wherever other tickets moved meanwhile. Its text is safe
/// in a URL (letters, digits, `-`, `_` and one `.`), and holds a checksum: a cursor cut short or edited
/// by hand is refused, not read as another place.
///
/// A store checks the cursor in ``TicketQuery/validate()``: one that is malformed, altered, or from
/// another order than the query's throws ``StoreError`` with ``StoreError/Code/invalidQuery``.
///
/// ```swift
/// var query = TicketQuery(text: nil, statuses: [.new, .open], sort: .priority, limit: 50)
/// repeat {
///     let page = try await store.tickets(matching: query)
///     show(page.tickets)
///     query.cursor = page.next
/// } while query.cursor != nil
/// ```
public struct TicketCursor: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The cursor's text, as a client passes it back.
    public let rawValue: String

    /// The most characters a cursor's text may have: more is refused before it is decoded.
    public static let maximumLength = 1024

    /// Wraps a cursor's text as a client sent it; ``TicketQuery/validate()`` checks it.
    ///
    /// - Parameter rawValue: The text of a cursor from ``TicketPage/next``.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The cursor that starts a page right after the ticket with `key`.
    ///
    /// - Parameter key: The key of the last ticket of a page.
    public init(after key: TicketSortKey) {
        var fields = [key.sort.rawValue]
        switch key.sort {
        case .id:
            break
        case .due:
            fields.append(Self.encode(key.dueAt))
        case .updatedNewestFirst, .updatedOldestFirst:
            fields.append(Self.encode(key.updatedAt))
        case .priority:
            fields.append((key.priority ?? .low).rawValue)
            fields.append(Self.encode(key.dueAt))
        }
        fields.append(key.id.rawValue)
        let payload = Array(fields.joined(separator: "|").utf8)
        self.rawValue = Self.base64URL(payload) + "." + Self.checksum(payload)
    }

    /// The cursor's text.
    public var description: String { rawValue }

    /// Decodes the cursor: the order it belongs to and the key of the ticket the next page starts after.
    ///
    /// - Returns: The key.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a cursor that no page gave out
    ///   (malformed, cut short or edited).
    public func key() throws -> TicketSortKey {
        let refused = StoreError(
            .invalidQuery,
            "the cursor '\(Self.excerpt(rawValue))' is not one a page gave out (it is malformed, cut short or "
                + "edited): pass the `next` cursor of the last page unchanged, or start again without a cursor"
        )
        guard rawValue.utf8.count <= Self.maximumLength, let dot = rawValue.lastIndex(of: ".") else { throw refused }
        guard let payload = Self.decodeBase64URL(rawValue[..<dot]),
            Self.checksum(payload) == rawValue[rawValue.index(after: dot)...],
            let text = String(validating: payload, as: UTF8.self)
        else { throw refused }
        let fields = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard let name = fields.first, let sort = TicketSort(rawValue: name) else { throw refused }
        func id(at index: Int) throws -> TicketID {
            let rest = fields.dropFirst(index).joined(separator: "|")
            guard index < fields.count, !rest.isEmpty else { throw refused }
            return TicketID(rawValue: rest)
        }
        func instant(at index: Int) throws -> Date? {
            guard index < fields.count, let value = Self.decodeInstant(fields[index]) else { throw refused }
            return value
        }
        switch sort {
        case .id:
            return TicketSortKey(sort: sort, id: try id(at: 1))
        case .due:
            return TicketSortKey(sort: sort, id: try id(at: 2), dueAt: try instant(at: 1))
        case .updatedNewestFirst, .updatedOldestFirst:
            guard let updated = try instant(at: 1) else { throw refused }
            return TicketSortKey(sort: sort, id: try id(at: 2), updatedAt: updated)
        case .priority:
            guard fields.count > 1, let priority = Priority(rawValue: fields[1]) else { throw refused }
            return TicketSortKey(sort: sort, id: try id(at: 3), priority: priority, dueAt: try instant(at: 2))
        }
    }

    /// An instant as its exact `Double` (seconds since the reference date), `-` for none.
    private static func encode(_ instant: Date?) -> String {
        guard let instant else { return "-" }
        return String(instant.timeIntervalSinceReferenceDate.bitPattern, radix: 16)
    }

    /// Reads what ``encode(_:)`` wrote: `.some(nil)` for none, `nil` for text it never writes.
    private static func decodeInstant(_ text: String) -> Date?? {
        if text == "-" { return .some(nil) }
        guard text.utf8.count <= 16, let bits = UInt64(text, radix: 16) else { return nil }
        let seconds = Double(bitPattern: bits)
        guard seconds.isFinite else { return nil }
        return .some(Date(timeIntervalSinceReferenceDate: seconds))
    }

    /// FNV-1a over the payload, as 16 hex digits: catches a cursor that was cut or edited, not an
    /// attacker (a forged cursor only moves where a page of the caller's own query starts).
    private static func checksum(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") }) else {
            return nil
        }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }

    /// The start of a long text, for an error message.
    private static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
