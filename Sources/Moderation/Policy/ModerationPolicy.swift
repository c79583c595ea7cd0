import Foundation

/// The club's conduct ladder, decided by the owner in advance.
///
/// The seeds' rule for a difficult member: answer calmly that the behaviour is not acceptable, and
/// if it happens again after the warning, remove them. ``standard`` is that ladder (warning, final
/// warning, removal) with a six-month forgiveness window, as Discourse uses. A policy encodes as
///
/// ```json
/// {
///   "ladder": [{"action": "warning"}, {"action": "finalWarning"}, {"action": "removal"}],
///   "forgivenessDays": 180,
///   "startingStep": {"minor": 0, "major": 0, "severe": 1}
/// }
/// ```
///
/// Decoding validates the policy. Ask it for a decision with ``decide(violation:ledger:actor:at:)``.
public struct ModerationPolicy: Sendable, Hashable, Codable {
    /// The steps from the first warning to removal; the last step is always removal.
    public var ladder: [LadderStep]
    /// How long a penalty counts towards the ladder, in days of 24 hours; a penalty still in force
    /// (a suspension not over, a removal) counts regardless.
    public var forgivenessDays: Int
    /// The ladder index a first violation of each severity starts at.
    public var startingStep: StartingSteps

    /// The ladder index a first violation of each severity starts at (0 is the first step).
    public struct StartingSteps: Sendable, Hashable, Codable {
        /// Where a minor violation starts.
        public var minor: Int
        /// Where a major violation starts.
        public var major: Int
        /// Where a severe violation starts.
        public var severe: Int

        /// Creates starting steps.
        ///
        /// - Parameters:
        ///   - minor: Where a minor violation starts.
        ///   - major: Where a major violation starts.
        ///   - severe: Where a severe violation starts.
        public init(minor: Int = 0, major: Int = 0, severe: Int = 0) {
            self.minor = minor
            self.major = major
            self.severe = severe
        }

        /// The starting index for a severity.
        ///
        /// - Parameter severity: The violation's severity.
        /// - Returns: The ladder index.
        public func index(for severity: Severity) -> Int {
            switch severity {
            case .minor: minor
            case .major: major
            case .severe: severe
            }
        }
    }

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - ladder: The steps; the last must be removal.
    ///   - forgivenessDays: How long a penalty counts, in days.
    ///   - startingStep: Where each severity starts.
    public init(ladder: [LadderStep], forgivenessDays: Int, startingStep: StartingSteps = StartingSteps()) {
        self.ladder = ladder
        self.forgivenessDays = forgivenessDays
        self.startingStep = startingStep
    }

    /// Warning, final warning, removal; 180 days of forgiveness; a severe violation starts at the
    /// final warning.
    public static let standard = ModerationPolicy(
        ladder: [.warning, .finalWarning, .removal],
        forgivenessDays: 180,
        startingStep: StartingSteps(minor: 0, major: 0, severe: 1)
    )

    /// The forgiveness window in seconds.
    public var forgiveness: TimeInterval { TimeInterval(forgivenessDays) * 86_400 }

    /// Checks the policy.
    ///
    /// - Throws: ``ModerationError`` with ``ModerationError/Code/invalidPolicy`` naming the path of
    ///   the first bad value, such as `ladder[1].days` or `startingStep.severe`.
    public func validate() throws {
        func fail(_ path: String, _ problem: String) -> ModerationError {
            ModerationError(.invalidPolicy, "\(path): \(problem)")
        }
        guard !ladder.isEmpty, ladder.count <= 20 else {
            throw fail("ladder", "must have 1 to 20 steps ending with removal (got \(ladder.count))")
        }
        for (index, step) in ladder.enumerated() {
            switch step.action {
            case .suspension:
                guard let days = step.days, (1...3650).contains(days) else {
                    throw fail(
                        "ladder[\(index)].days",
                        "a suspension needs 1 to 3650 days (got \(step.days.map(String.init) ?? "none"))"
                    )
                }
            case .removal where index != ladder.count - 1:
                throw fail("ladder[\(index)]", "removal must be the last step; move it to the end")
            case .warning, .finalWarning, .removal:
                guard step.days == nil else {
                    throw fail(
                        "ladder[\(index)].days",
                        "only a suspension has days; remove it from \(step.action.rawValue)"
                    )
                }
            }
        }
        guard ladder[ladder.count - 1].action == .removal else {
            throw fail("ladder[\(ladder.count - 1)]", "the last step must be removal (got \(ladder[ladder.count - 1]))")
        }
        guard (1...3650).contains(forgivenessDays) else {
            throw fail("forgivenessDays", "must be 1 to 3650 days (got \(forgivenessDays))")
        }
        for severity in Severity.allCases {
            let index = startingStep.index(for: severity)
            guard ladder.indices.contains(index) else {
                throw fail(
                    "startingStep.\(severity.rawValue)",
                    "must be a ladder index from 0 to \(ladder.count - 1) (got \(index))"
                )
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case ladder
        case forgivenessDays
        case startingStep
    }

    /// Decodes and validates a policy; `startingStep` may be left out (every severity starts at 0).
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for malformed JSON, or ``ModerationError`` with
    ///   ``ModerationError/Code/invalidPolicy`` for values out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            ladder: try container.decode([LadderStep].self, forKey: .ladder),
            forgivenessDays: try container.decode(Int.self, forKey: .forgivenessDays),
            startingStep: try container.decodeIfPresent(StartingSteps.self, forKey: .startingStep) ?? StartingSteps()
        )
        try validate()
    }
}
