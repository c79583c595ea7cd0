import Foundation
import SupportEngine

/// The traffic a simulation plays: how often members write, why, in which language, on which channel,
/// and when in the week.
public struct TrafficModel: Sendable, Codable, Hashable {
    /// New tickets per member per week, on average.
    public var ticketsPerMemberPerWeek: Double
    /// Relative weights of contact reasons (`access`, `broken_feature`, …).
    public var reasons: [String: Double]
    /// Relative weights of the members' languages (`en`, `ru`, `es`).
    public var languages: [String: Double]
    /// Relative weights of the channels members write on (`email`, `live_chat`, …).
    public var channels: [String: Double]
    /// Refund requests per week, on top of the mix.
    public var refundRequestsPerWeek: Double
    /// Members who write often and rudely.
    public var difficultMembers: Int
    /// Relative weight of each weekday, Monday first (7 values).
    public var weekdayWeights: [Double]
    /// Relative weight of each local hour, 00 first (24 values).
    public var hourWeights: [Double]
    /// The share of members asked for a rating (the desk's `ratings.askAfterSolve`) who answer, 0 to 1.
    public var ratingShare: Double
    /// How members join, go quiet, cancel and answer the exit survey (`membership`).
    public var membership: MembershipRates

    /// The seeds' contact-reason mix.
    public static let seedReasons: [String: Double] = [
        "access": 24, "broken_feature": 18, "content_question": 20, "cancel_subscription": 10, "feedback": 7,
        "pre_sales": 10, "billing": 11,
    ]

    /// Busier on Monday, quiet at the weekend.
    public static let defaultWeekdays: [Double] = [1.3, 1.15, 1.05, 1.0, 0.9, 0.45, 0.5]

    /// Low at night, a morning peak and a second one after work.
    public static let defaultHours: [Double] = [
        0.15, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.6, 1.0, 1.5, 1.7, 1.6, 1.3, 1.3, 1.4, 1.4, 1.3, 1.2, 1.2, 1.3,
        1.2, 0.9, 0.6, 0.3,
    ]

    /// Creates a model.
    ///
    /// - Parameters:
    ///   - ticketsPerMemberPerWeek: New tickets per member per week.
    ///   - reasons: Weights of contact reasons.
    ///   - languages: Weights of languages.
    ///   - channels: Weights of channels.
    ///   - refundRequestsPerWeek: Refund requests per week.
    ///   - difficultMembers: Members who write often and rudely.
    ///   - weekdayWeights: Weight per weekday, Monday first.
    ///   - hourWeights: Weight per local hour.
    ///   - ratingShare: The share of members asked for a rating who answer.
    ///   - membership: How members join, go quiet and cancel.
    public init(
        ticketsPerMemberPerWeek: Double = 0.1,
        reasons: [String: Double] = TrafficModel.seedReasons,
        languages: [String: Double] = ["en": 45, "ru": 35, "es": 20],
        channels: [String: Double] = ["email": 50, "web_form": 20, "live_chat": 20, "telegram": 10],
        refundRequestsPerWeek: Double = 3,
        difficultMembers: Int = 1,
        weekdayWeights: [Double] = TrafficModel.defaultWeekdays,
        hourWeights: [Double] = TrafficModel.defaultHours,
        ratingShare: Double = 0.35,
        membership: MembershipRates = MembershipRates()
    ) {
        self.ticketsPerMemberPerWeek = ticketsPerMemberPerWeek
        self.reasons = reasons
        self.languages = languages
        self.channels = channels
        self.refundRequestsPerWeek = refundRequestsPerWeek
        self.difficultMembers = difficultMembers
        self.weekdayWeights = weekdayWeights
        self.hourWeights = hourWeights
        self.ratingShare = ratingShare
        self.membership = membership
    }

    private enum CodingKeys: String, CodingKey {
        case ticketsPerMemberPerWeek, reasons, languages, channels, refundRequestsPerWeek, difficultMembers
        case weekdayWeights, hourWeights, ratingShare, membership
    }

    /// Decodes a model; every key is optional.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TrafficModel()
        ticketsPerMemberPerWeek =
            try container.decodeIfPresent(Double.self, forKey: .ticketsPerMemberPerWeek)
            ?? defaults.ticketsPerMemberPerWeek
        reasons = try container.decodeIfPresent([String: Double].self, forKey: .reasons) ?? defaults.reasons
        languages = try container.decodeIfPresent([String: Double].self, forKey: .languages) ?? defaults.languages
        channels = try container.decodeIfPresent([String: Double].self, forKey: .channels) ?? defaults.channels
        refundRequestsPerWeek =
            try container.decodeIfPresent(Double.self, forKey: .refundRequestsPerWeek) ?? defaults.refundRequestsPerWeek
        difficultMembers =
            try container.decodeIfPresent(Int.self, forKey: .difficultMembers) ?? defaults.difficultMembers
        weekdayWeights =
            try container.decodeIfPresent([Double].self, forKey: .weekdayWeights) ?? defaults.weekdayWeights
        hourWeights = try container.decodeIfPresent([Double].self, forKey: .hourWeights) ?? defaults.hourWeights
        ratingShare = try container.decodeIfPresent(Double.self, forKey: .ratingShare) ?? defaults.ratingShare
        membership = try container.decodeIfPresent(MembershipRates.self, forKey: .membership) ?? defaults.membership
    }

    /// Checks shares and weights.
    ///
    /// - Throws: ``ClubConfigurationError`` naming the path (`traffic.hourWeights`).
    public func validate() throws {
        func fail(_ path: String, _ message: String) -> ClubConfigurationError {
            ClubConfigurationError(.invalidConfiguration, path: "traffic.\(path)", message)
        }
        guard ticketsPerMemberPerWeek >= 0, ticketsPerMemberPerWeek <= 50 else {
            throw fail("ticketsPerMemberPerWeek", "must be 0 to 50, not \(ticketsPerMemberPerWeek)")
        }
        guard refundRequestsPerWeek >= 0, refundRequestsPerWeek <= 10_000 else {
            throw fail("refundRequestsPerWeek", "must be 0 to 10,000, not \(refundRequestsPerWeek)")
        }
        guard (0...100).contains(difficultMembers) else {
            throw fail("difficultMembers", "must be 0 to 100, not \(difficultMembers)")
        }
        for (name, weights) in [("reasons", reasons), ("languages", languages), ("channels", channels)] {
            guard !weights.isEmpty, weights.values.contains(where: { $0 > 0 }) else {
                throw fail(name, "give at least one positive weight")
            }
            for key in weights.keys.sorted() where !(weights[key]! >= 0 && weights[key]!.isFinite) {
                throw fail("\(name).\(key)", "a weight must be zero or more")
            }
        }
        for key in languages.keys.sorted() where LocaleTag(rawValue: key) == nil {
            throw fail("languages.\(key)", "'\(key)' is not a language tag such as en, ru or es")
        }
        guard weekdayWeights.count == 7, weekdayWeights.allSatisfy({ $0 >= 0 }) else {
            throw fail("weekdayWeights", "give 7 weights of zero or more, Monday first")
        }
        guard hourWeights.count == 24, hourWeights.allSatisfy({ $0 >= 0 }) else {
            throw fail("hourWeights", "give 24 weights of zero or more, midnight first")
        }
        guard (0...1).contains(ratingShare) else {
            throw fail("ratingShare", "must be a share from 0 to 1, not \(ratingShare)")
        }
        try membership.validate()
    }
}
