/// A ticket's latest routing explanation per aspect: why it has its reason, priority and assignee.
///
/// It reads like the dictionary it replaces (`explanations[.reason]`, ``keys``, ``values``,
/// iteration as `(key, value)` pairs) but keeps at most three explanations in one small array, in the
/// order of `RoutingExplanation.Aspect.allCases`; when a ticket records its first explanations
/// already in that order, it shares the array of the ``TicketChange/explained(_:)`` event instead of
/// copying it.
///
/// Its JSON form is the one a `[RoutingExplanation.Aspect: RoutingExplanation]` dictionary has: an
/// array that alternates an aspect's name and its explanation, `["reason", {…}, "priority", {…}]`.
public struct RoutingExplanations: Sendable, Hashable, RandomAccessCollection {
    /// At most one explanation per aspect, in aspect order.
    private var ordered: [RoutingExplanation] = []

    /// Creates an empty set of explanations.
    public init() {}

    /// Creates a set from explanations; a later one for the same aspect wins.
    ///
    /// - Parameter explanations: The explanations, in the order they were decided.
    public init(_ explanations: some Sequence<RoutingExplanation>) {
        record(Array(explanations))
    }

    /// The latest explanation of an aspect, or `nil`.
    ///
    /// - Parameter aspect: The aspect.
    public subscript(aspect: RoutingExplanation.Aspect) -> RoutingExplanation? {
        ordered.first { $0.aspect == aspect }
    }

    /// The aspects that have an explanation, in aspect order.
    public var keys: LazyMapCollection<RoutingExplanations, RoutingExplanation.Aspect> { lazy.map(\.key) }

    /// The explanations, in aspect order.
    public var values: [RoutingExplanation] { ordered }

    /// The explanations as a dictionary.
    public var dictionary: [RoutingExplanation.Aspect: RoutingExplanation] {
        Dictionary(uniqueKeysWithValues: ordered.map { ($0.aspect, $0) })
    }

    /// Records newly decided explanations: each replaces the one of its aspect.
    mutating func record(_ decided: [RoutingExplanation]) {
        if ordered.isEmpty, Self.isInAspectOrder(decided) {
            ordered = decided
            return
        }
        for explanation in decided {
            let rank = explanation.aspect.rank
            if let index = ordered.firstIndex(where: { $0.aspect.rank >= rank }) {
                if ordered[index].aspect == explanation.aspect {
                    ordered[index] = explanation
                } else {
                    ordered.insert(explanation, at: index)
                }
            } else {
                ordered.append(explanation)
            }
        }
    }

    private static func isInAspectOrder(_ explanations: [RoutingExplanation]) -> Bool {
        var previous = -1
        for explanation in explanations {
            guard explanation.aspect.rank > previous else { return false }
            previous = explanation.aspect.rank
        }
        return true
    }

    // MARK: - Collection

    /// The position of the first explanation.
    public var startIndex: Int { ordered.startIndex }

    /// The position after the last explanation.
    public var endIndex: Int { ordered.endIndex }

    /// The aspect and explanation at a position.
    ///
    /// - Parameter position: A valid position, not ``endIndex``.
    public subscript(position: Int) -> (key: RoutingExplanation.Aspect, value: RoutingExplanation) {
        let explanation = ordered[position]
        return (explanation.aspect, explanation)
    }
}

extension RoutingExplanations: Codable {
    /// Decodes explanations from the alternating array form: aspect name, explanation, aspect name, ….
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for an unknown aspect, a malformed explanation, an aspect without an
    ///   explanation, or an explanation stored under another aspect's name.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var decoded: [RoutingExplanation] = []
        while !container.isAtEnd {
            let aspect = try container.decode(RoutingExplanation.Aspect.self)
            guard !container.isAtEnd else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "the explanations have aspect '\(aspect.rawValue)' without an explanation"
                )
            }
            let explanation = try container.decode(RoutingExplanation.self)
            guard explanation.aspect == aspect else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "an explanation of '\(explanation.aspect.rawValue)' is stored under "
                        + "'\(aspect.rawValue)'"
                )
            }
            decoded.append(explanation)
        }
        record(decoded)
    }

    /// Encodes the explanations as an array alternating aspect names and explanations, in aspect order.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for explanation in ordered {
            try container.encode(explanation.aspect)
            try container.encode(explanation)
        }
    }
}

extension RoutingExplanation.Aspect {
    /// The aspect's position in `allCases`: the order explanations are kept in.
    var rank: Int {
        switch self {
        case .reason: 0
        case .priority: 1
        case .assignee: 2
        }
    }
}
