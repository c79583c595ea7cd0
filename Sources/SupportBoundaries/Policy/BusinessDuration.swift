import Foundation

/// A response promise's length, counted either in business time or in plain calendar time.
///
/// Encodes as `{"business": 1200}` or `{"calendar": 86400}` (seconds).
public enum BusinessDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Seconds of open time on the relevant ``BusinessCalendar``.
    case business(TimeInterval)
    /// Seconds of real elapsed time, whatever the hours.
    case calendar(TimeInterval)

    /// The number of seconds.
    public var seconds: TimeInterval {
        switch self {
        case .business(let seconds), .calendar(let seconds): seconds
        }
    }

    /// Whether the duration counts only open time.
    public var isBusinessTime: Bool {
        if case .business = self { return true }
        return false
    }

    /// The deadline this duration sets when it starts at an instant.
    ///
    /// - Parameters:
    ///   - start: The instant the clock starts.
    ///   - calendar: The hours that business time is counted on.
    /// - Returns: `calendar.adding(seconds, to: start)` for business time, `start + seconds` otherwise.
    /// - Throws: ``BoundariesError`` from ``BusinessCalendar/adding(_:to:)``.
    public func deadline(from start: Date, on calendar: BusinessCalendar) throws -> Date {
        switch self {
        case .business(let seconds): try calendar.adding(seconds, to: start)
        case .calendar(let seconds): start.addingTimeInterval(seconds)
        }
    }

    /// `business 1200 s` or `calendar 86400 s`.
    public var description: String {
        switch self {
        case .business(let seconds): "business \(seconds) s"
        case .calendar(let seconds): "calendar \(seconds) s"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case business
        case calendar
    }

    /// Decodes `{"business": seconds}` or `{"calendar": seconds}`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` unless exactly one of the two keys is present.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let business = try container.decodeIfPresent(TimeInterval.self, forKey: .business)
        let calendar = try container.decodeIfPresent(TimeInterval.self, forKey: .calendar)
        switch (business, calendar) {
        case (let seconds?, nil): self = .business(seconds)
        case (nil, let seconds?): self = .calendar(seconds)
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "write a duration as {\"business\": seconds} or {\"calendar\": seconds}"
                )
            )
        }
    }

    /// Encodes `{"business": seconds}` or `{"calendar": seconds}`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .business(let seconds): try container.encode(seconds, forKey: .business)
        case .calendar(let seconds): try container.encode(seconds, forKey: .calendar)
        }
    }
}

/// The response promises for one priority: first reply, next reply and resolution.
///
/// A missing promise means none is made for that step.
public struct ResponseTargets: Sendable, Hashable, Codable {
    /// How soon the first reply comes, counted from the ticket's creation.
    public var firstReply: BusinessDuration?
    /// How soon the next reply comes, counted from the oldest unanswered member message.
    public var nextReply: BusinessDuration?
    /// How soon the ticket is resolved (paused while pending or on hold).
    public var resolution: BusinessDuration?

    /// Creates the promises for a priority.
    ///
    /// - Parameters:
    ///   - firstReply: The first-reply promise.
    ///   - nextReply: The next-reply promise.
    ///   - resolution: The resolution promise.
    public init(
        firstReply: BusinessDuration? = nil,
        nextReply: BusinessDuration? = nil,
        resolution: BusinessDuration? = nil
    ) {
        self.firstReply = firstReply
        self.nextReply = nextReply
        self.resolution = resolution
    }
}
