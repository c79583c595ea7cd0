import Foundation
import SupportEngine

/// The service-level clocks of a club: targets come from the published promises unless set here.
public struct SLASettings: Sendable, Codable, Hashable {
    /// Targets per priority (`urgent`, `high`, `normal`, `low`) that replace the published promises.
    public var targets: [String: ResponseTargets]
    /// The fraction of a target after which the warning fires; `nil` for none.
    public var warningFraction: Double?
    /// The escalation ladder after a breach.
    public var escalations: [SLAEscalation]

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - targets: Targets per priority replacing the promises.
    ///   - warningFraction: When the warning fires.
    ///   - escalations: The escalation ladder.
    public init(
        targets: [String: ResponseTargets] = [:],
        warningFraction: Double? = 0.75,
        escalations: [SLAEscalation] = []
    ) {
        self.targets = targets
        self.warningFraction = warningFraction
        self.escalations = escalations
    }

    private enum CodingKeys: String, CodingKey { case targets, warningFraction, escalations }

    /// Decodes settings; every key is optional.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        targets = try container.decodeIfPresent([String: ResponseTargets].self, forKey: .targets) ?? [:]
        warningFraction =
            container.contains(.warningFraction)
            ? try container.decodeIfPresent(Double.self, forKey: .warningFraction) : 0.75
        escalations = try container.decodeIfPresent([SLAEscalation].self, forKey: .escalations) ?? []
    }
}

/// The step after solving: asking the member to rate the answer.
public struct FeedbackSettings: Sendable, Codable, Hashable {
    /// Whether members are asked for a rating after a ticket is solved.
    public var askAfterSolve: Bool
    /// In a simulation, the share of asked members who answer, 0 to 1.
    public var ratingShare: Double

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - askAfterSolve: Whether members are asked for a rating.
    ///   - ratingShare: The share who answer.
    public init(askAfterSolve: Bool = true, ratingShare: Double = 0.35) {
        self.askAfterSolve = askAfterSolve
        self.ratingShare = ratingShare
    }

    private enum CodingKeys: String, CodingKey { case askAfterSolve, ratingShare }

    /// Decodes settings; every key is optional.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        askAfterSolve = try container.decodeIfPresent(Bool.self, forKey: .askAfterSolve) ?? true
        ratingShare = try container.decodeIfPresent(Double.self, forKey: .ratingShare) ?? 0.35
    }
}
