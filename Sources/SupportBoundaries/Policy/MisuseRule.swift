/// When out-of-scope requests count as misuse of the support line.
///
/// One request for something the line does not handle is a mistake: the member gets the redirect and
/// the ticket is solved. The ``count``-th out-of-scope request within ``withinDays`` days — and every
/// one after it in that window — is reported to the conduct ladder as `support_line_misuse`, so the
/// member gets the ladder's calm warning first.
public struct MisuseRule: Sendable, Hashable, Codable {
    /// How many out-of-scope requests within the window count as misuse, 1 or more (3 by default).
    public var count: Int
    /// The window in days, counted back from the latest request, 1 or more (30 by default).
    public var withinDays: Int

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - count: How many out-of-scope requests within the window count as misuse.
    ///   - withinDays: The window in days.
    public init(count: Int = 3, withinDays: Int = 30) {
        self.count = count
        self.withinDays = withinDays
    }

    private enum CodingKeys: String, CodingKey {
        case count
        case withinDays
    }

    /// Decodes a rule; either key may be left out for its default.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for values of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 3
        withinDays = try container.decodeIfPresent(Int.self, forKey: .withinDays) ?? 30
    }

    /// The window in seconds.
    public var window: Double { Double(withinDays) * 86_400 }

    func validate(path: String) throws {
        guard count >= 1 else {
            throw BoundariesError(
                .invalidConfiguration,
                path: "\(path).count",
                "misuse needs at least 1 out-of-scope request (got \(count)); set misuse to null to never count it"
            )
        }
        guard (1...3650).contains(withinDays) else {
            throw BoundariesError(
                .invalidDuration,
                path: "\(path).withinDays",
                "the misuse window must be 1 to 3650 days (got \(withinDays))"
            )
        }
    }
}
