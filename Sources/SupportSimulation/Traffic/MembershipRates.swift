import Foundation
import SupportEngine

/// How a simulated club's members come and go: the rates of the member journey a simulation plays,
/// read from the club document's `traffic.membership` (every key optional, defaults below).
///
/// ```json
/// "membership": {"joinsPerMemberPerDay": 0.002, "cancelChancePerDay": 0.0006, "quietCancelChancePerDay": 0.004,
///                "goQuietChancePerVisit": 0.08, "surveyAnswerShare": 0.75}
/// ```
public struct MembershipRates: Sendable, Codable, Hashable {
    /// New members a day, per member the club has (0.002: 3 a day for 1,500 members).
    public var joinsPerMemberPerDay: Double
    /// The daily chance that an active member cancels.
    public var cancelChancePerDay: Double
    /// The daily chance that a quiet member cancels.
    public var quietCancelChancePerDay: Double
    /// The chance that a visit is a member's last before going quiet.
    public var goQuietChancePerVisit: Double
    /// The share of leavers who answer the exit survey.
    public var surveyAnswerShare: Double

    /// Creates rates.
    ///
    /// - Parameters:
    ///   - joinsPerMemberPerDay: New members a day per member, 0 to 1.
    ///   - cancelChancePerDay: An active member's daily chance of cancelling, 0 to 1.
    ///   - quietCancelChancePerDay: A quiet member's daily chance of cancelling, 0 to 1.
    ///   - goQuietChancePerVisit: The chance that a visit is the last before going quiet, 0 to 1.
    ///   - surveyAnswerShare: The share of leavers who answer the exit survey, 0 to 1.
    public init(
        joinsPerMemberPerDay: Double = 0.002,
        cancelChancePerDay: Double = 0.0006,
        quietCancelChancePerDay: Double = 0.004,
        goQuietChancePerVisit: Double = 0.08,
        surveyAnswerShare: Double = 0.75
    ) {
        self.joinsPerMemberPerDay = joinsPerMemberPerDay
        self.cancelChancePerDay = cancelChancePerDay
        self.quietCancelChancePerDay = quietCancelChancePerDay
        self.goQuietChancePerVisit = goQuietChancePerVisit
        self.surveyAnswerShare = surveyAnswerShare
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case joinsPerMemberPerDay, cancelChancePerDay, quietCancelChancePerDay, goQuietChancePerVisit
        case surveyAnswerShare
    }

    /// Decodes rates; every key is optional.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MembershipRates()
        func read(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        joinsPerMemberPerDay = try read(.joinsPerMemberPerDay, defaults.joinsPerMemberPerDay)
        cancelChancePerDay = try read(.cancelChancePerDay, defaults.cancelChancePerDay)
        quietCancelChancePerDay = try read(.quietCancelChancePerDay, defaults.quietCancelChancePerDay)
        goQuietChancePerVisit = try read(.goQuietChancePerVisit, defaults.goQuietChancePerVisit)
        surveyAnswerShare = try read(.surveyAnswerShare, defaults.surveyAnswerShare)
    }

    /// Checks that every rate is a share from 0 to 1.
    ///
    /// - Throws: ``ClubConfigurationError`` naming the path (`traffic.membership.cancelChancePerDay`).
    public func validate() throws {
        let values: [(CodingKeys, Double)] = [
            (.joinsPerMemberPerDay, joinsPerMemberPerDay), (.cancelChancePerDay, cancelChancePerDay),
            (.quietCancelChancePerDay, quietCancelChancePerDay), (.goQuietChancePerVisit, goQuietChancePerVisit),
            (.surveyAnswerShare, surveyAnswerShare),
        ]
        for (key, value) in values where !(value >= 0 && value <= 1) {
            throw ClubConfigurationError(
                .invalidConfiguration,
                path: "traffic.membership.\(key.rawValue)",
                "must be a share from 0 to 1, not \(value)"
            )
        }
    }
}
