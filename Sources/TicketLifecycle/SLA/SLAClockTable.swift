/// A ticket's running service-level clocks: at most one per ``SLAMetric``, in a fixed slot per metric.
///
/// It reads like the dictionary it replaces (`running[.firstReply]`, ``keys``, ``values``, ``isEmpty``,
/// iteration as `(key, value)` pairs) but holds its clocks inline: no hash table, no allocation. It
/// iterates in the order of `SLAMetric.allCases`.
///
/// Its JSON form is the one a `[SLAMetric: SLAClock]` dictionary has: an array that alternates a
/// metric's name and its clock, `["first_reply", {…}, "resolution", {…}]`.
public struct SLAClockTable: Sendable, Hashable, Collection, ExpressibleByDictionaryLiteral {
    private var firstReply: SLAClock?
    private var nextReply: SLAClock?
    private var resolution: SLAClock?

    /// A position in the table: the slot of a metric that has a clock, or the end.
    public struct Index: Sendable, Hashable, Comparable {
        fileprivate var slot: Int

        /// Orders positions by slot.
        public static func < (lhs: Index, rhs: Index) -> Bool { lhs.slot < rhs.slot }
    }

    /// Creates an empty table.
    public init() {}

    /// Creates a table from a dictionary of clocks.
    ///
    /// - Parameter clocks: The clocks by metric.
    public init(_ clocks: [SLAMetric: SLAClock]) {
        for (metric, clock) in clocks { self[metric] = clock }
    }

    /// Creates a table from a literal; a later pair for the same metric wins.
    ///
    /// - Parameter elements: The metrics and their clocks.
    public init(dictionaryLiteral elements: (SLAMetric, SLAClock)...) {
        for (metric, clock) in elements { self[metric] = clock }
    }

    /// The clock of a metric, or `nil`; setting `nil` removes it.
    ///
    /// - Parameter metric: The metric.
    public subscript(metric: SLAMetric) -> SLAClock? {
        get {
            switch metric {
            case .firstReply: firstReply
            case .nextReply: nextReply
            case .resolution: resolution
            }
        }
        set {
            switch metric {
            case .firstReply: firstReply = newValue
            case .nextReply: nextReply = newValue
            case .resolution: resolution = newValue
            }
        }
    }

    /// Removes a metric's clock.
    ///
    /// - Parameter metric: The metric.
    /// - Returns: The clock that was removed, or `nil` when the metric had none.
    @discardableResult
    public mutating func removeValue(forKey metric: SLAMetric) -> SLAClock? {
        let removed = self[metric]
        self[metric] = nil
        return removed
    }

    /// The metrics that have a clock, in the order of `SLAMetric.allCases`.
    public var keys: LazyMapCollection<SLAClockTable, SLAMetric> { lazy.map(\.key) }

    /// The clocks, in the order of their metrics.
    public var values: LazyMapCollection<SLAClockTable, SLAClock> { lazy.map(\.value) }

    /// The clocks as a dictionary.
    public var dictionary: [SLAMetric: SLAClock] {
        Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) })
    }

    // MARK: - Collection

    /// The position of the first clock.
    public var startIndex: Index { Index(slot: nextOccupied(from: 0)) }

    /// The position after the last clock.
    public var endIndex: Index { Index(slot: 3) }

    /// Whether the table has no clock.
    public var isEmpty: Bool { firstReply == nil && nextReply == nil && resolution == nil }

    /// The number of clocks.
    public var count: Int {
        (firstReply == nil ? 0 : 1) + (nextReply == nil ? 0 : 1) + (resolution == nil ? 0 : 1)
    }

    /// The metric and clock at a position.
    ///
    /// - Parameter position: A position of a clock, not ``endIndex``.
    public subscript(position: Index) -> (key: SLAMetric, value: SLAClock) {
        let metric = Self.metric(ofSlot: position.slot)
        guard let clock = self[metric] else { preconditionFailure("no clock at slot \(position.slot)") }
        return (metric, clock)
    }

    /// The position after a given one.
    ///
    /// - Parameter position: A position before ``endIndex``.
    /// - Returns: The position of the next clock, or ``endIndex``.
    public func index(after position: Index) -> Index { Index(slot: nextOccupied(from: position.slot + 1)) }

    private func nextOccupied(from slot: Int) -> Int {
        var slot = slot
        while slot < 3, self[Self.metric(ofSlot: slot)] == nil { slot += 1 }
        return slot
    }

    private static func metric(ofSlot slot: Int) -> SLAMetric {
        switch slot {
        case 0: .firstReply
        case 1: .nextReply
        default: .resolution
        }
    }
}

extension SLAClockTable: Codable {
    /// Decodes a table from the alternating array form: metric name, clock, metric name, clock.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for an unknown metric, a malformed clock or a metric without a clock.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            let metric = try container.decode(SLAMetric.self)
            guard !container.isAtEnd else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "the clock table has metric '\(metric)' without a clock"
                )
            }
            self[metric] = try container.decode(SLAClock.self)
        }
    }

    /// Encodes the table as an array alternating metric names and clocks, in metric order.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (metric, clock) in self {
            try container.encode(metric)
            try container.encode(clock)
        }
    }
}
