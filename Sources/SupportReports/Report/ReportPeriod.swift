import Foundation

/// The instants a report covers, `[from, to)`: tickets created in it are counted.
public struct ReportPeriod: Sendable, Hashable, Codable {
    /// The longest period a report covers, in days.
    public static let maximumDays = 1_000

    /// The first instant counted.
    public let from: Date
    /// The first instant no longer counted.
    public let to: Date

    /// Creates a period.
    ///
    /// - Parameters:
    ///   - from: The first instant counted.
    ///   - to: The first instant no longer counted; after `from`, at most ``maximumDays`` days later.
    /// - Throws: ``ReportError`` with ``ReportError/Code/invalidPeriod`` for an empty, inverted or too long
    ///   period.
    public init(from: Date, to: Date) throws(ReportError) {
        guard from < to else {
            throw ReportError(.invalidPeriod, "a report's period must end after it starts (from \(from), to \(to))")
        }
        guard to.timeIntervalSince(from) <= Double(Self.maximumDays) * 86_400 else {
            throw ReportError(.invalidPeriod, "a report covers at most \(Self.maximumDays) days")
        }
        self.from = from
        self.to = to
    }

    /// Whether an instant is in the period.
    ///
    /// - Parameter instant: The instant.
    /// - Returns: `true` for `from ≤ instant < to`.
    public func contains(_ instant: Date) -> Bool { instant >= from && instant < to }

    private enum CodingKeys: String, CodingKey { case from, to }

    /// Decodes a period and checks it as ``init(from:to:)`` does.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: A decoding error, or ``ReportError`` for a period that is not one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            from: try container.decode(Date.self, forKey: .from),
            to: try container.decode(Date.self, forKey: .to)
        )
    }
}
