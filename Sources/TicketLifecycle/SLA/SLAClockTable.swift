import Foundation

/// A ticket's running service-level clocks: at most one per ``SLAMetric``, in a fixed slot per metric.
///
/// It reads like the dictionary it replaces (`running[.firstReply]`, ``keys``, ``values``, ``isEmpty``,
/// iteration as `(key, value)` pairs) but holds its clocks inline: no hash table, no allocation. It
/// iterates in the order of `SLAMetric.allCases`.
///
/// Its JSON form is the one a `[SLAMetric: SLAClock]` dictionary has: an array that alternates a
/// metric's name and its clock, `["first_reply", {…}, "resolution", {…}]`.
public struct SLAClockTable: Sendable, Hashable, Collection, ExpressibleByDictionaryLiteral {
    // A slot keeps a clock's four instants and durations as plain doubles (its metric is the slot's), and
    // one byte says which slots hold a clock and which clocks have a warning: 97 bytes where three
    // optional clocks took 114, which keeps a ticket's snapshot, and the in-memory store's record of it,
    // a malloc size class smaller.
    private var firstReply = Slot()
    private var nextReply = Slot()
    private var resolution = Slot()
    /// Bit `n`: slot `n` holds a clock; bit `n + 3`: that clock has a warning instant.
    private var occupancy: UInt8 = 0

    /// One metric's clock without its metric and optionals.
    private struct Slot: Sendable {
        var startedAt: Double = 0
        var dueAt: Double = 0
        var pausedFor: Double = 0
        var warningAt: Double = 0

        init() {}

        init(_ clock: SLAClock) {
            startedAt = clock.startedAt.timeIntervalSinceReferenceDate
            dueAt = clock.dueAt.timeIntervalSinceReferenceDate
            pausedFor = clock.pausedFor
            warningAt = clock.warningAt?.timeIntervalSinceReferenceDate ?? 0
        }

        func clock(_ metric: SLAMetric, hasWarning: Bool) -> SLAClock {
            SLAClock(
                metric: metric,
                startedAt: Date(timeIntervalSinceReferenceDate: startedAt),
                dueAt: Date(timeIntervalSinceReferenceDate: dueAt),
                warningAt: hasWarning ? Date(timeIntervalSinceReferenceDate: warningAt) : nil,
                pausedFor: pausedFor
            )
        }
    }

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

    /// The clock of a metric, or `nil`; setting `nil` removes it. A clock is kept under its own metric:
    /// the slot says it, so a clock set under another metric would read back with that one.
    ///
    /// - Parameter metric: The metric, the clock's own.
    public subscript(metric: SLAMetric) -> SLAClock? {
        get {
            let slot = Self.slot(of: metric)
            guard occupancy & 1 << slot != 0 else { return nil }
            let hasWarning = occupancy & 1 << (slot + 3) != 0
            return switch metric {
            case .firstReply: firstReply.clock(metric, hasWarning: hasWarning)
            case .nextReply: nextReply.clock(metric, hasWarning: hasWarning)
            case .resolution: resolution.clock(metric, hasWarning: hasWarning)
            }
        }
        set {
            assert(newValue.map { $0.metric == metric } ?? true, "a clock is kept under its own metric")
            let slot = Self.slot(of: metric)
            // A removed clock's slot is cleared, so that nothing of it stays behind.
            let stored = newValue.map(Slot.init) ?? Slot()
            switch metric {
            case .firstReply: firstReply = stored
            case .nextReply: nextReply = stored
            case .resolution: resolution = stored
            }
            occupancy &= ~(1 << slot | 1 << (slot + 3))
            if let newValue {
                occupancy |= 1 << slot
                if newValue.warningAt != nil { occupancy |= 1 << (slot + 3) }
            }
        }
    }

    /// Whether two tables hold the same clocks.
    ///
    /// - Parameters:
    ///   - lhs: A table.
    ///   - rhs: Another table.
    /// - Returns: `true` when every metric has equal clocks, or none, in both.
    public static func == (lhs: SLAClockTable, rhs: SLAClockTable) -> Bool {
        lhs.occupancy == rhs.occupancy && SLAMetric.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    /// Hashes the clocks, metric by metric.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        for metric in SLAMetric.allCases { hasher.combine(self[metric]) }
    }

    /// The slot of a metric's clock: its bit in the occupancy byte.
    private static func slot(of metric: SLAMetric) -> UInt8 {
        switch metric {
        case .firstReply: 0
        case .nextReply: 1
        case .resolution: 2
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

    /// The earliest due instant of the clocks, read from the slots without building any clock: what a
    /// routing queue orders waiting tickets by.
    package var earliestDue: Date? {
        var earliest = Double.infinity
        if occupancy & 0b001 != 0 { earliest = Swift.min(earliest, firstReply.dueAt) }
        if occupancy & 0b010 != 0 { earliest = Swift.min(earliest, nextReply.dueAt) }
        if occupancy & 0b100 != 0 { earliest = Swift.min(earliest, resolution.dueAt) }
        return earliest == .infinity ? nil : Date(timeIntervalSinceReferenceDate: earliest)
    }

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
    public var isEmpty: Bool { occupancy & 0b111 == 0 }

    /// The number of clocks.
    public var count: Int { (occupancy & 0b111).nonzeroBitCount }

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
        while slot < 3, occupancy & 1 << slot == 0 { slot += 1 }
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
            let clock = try container.decode(SLAClock.self)
            guard clock.metric == metric else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "the clock table has a '\(clock.metric)' clock under '\(metric)'"
                )
            }
            self[metric] = clock
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
