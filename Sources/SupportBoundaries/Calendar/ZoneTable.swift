import Foundation

/// A time zone's offsets as a table of transitions, read once from Foundation.
///
/// Covers 1970 to 2100; outside that span the offset at the nearer edge applies.
struct ZoneTable: Sendable {
    /// Transition instants, seconds since 1970 UTC, ascending.
    let transitions: [Int64]
    /// `offsets[i]` is the offset in seconds before `transitions[i]`; the last is the offset after all.
    let offsets: [Int64]
    /// `thresholds[i] = transitions[i] + max(offsets[i], offsets[i + 1])`: local times below it resolve with
    /// `offsets[i]` (a skipped time moves forward by the gap, an ambiguous time takes the first occurrence).
    let thresholds: [Int64]

    static let tableStart: Int64 = 0
    static let tableEnd: Int64 = 4_102_444_800

    init(_ zone: TimeZone) {
        var transitions: [Int64] = []
        var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.tableStart))))]
        var cursor = Date(timeIntervalSince1970: Double(Self.tableStart))
        let end = Date(timeIntervalSince1970: Double(Self.tableEnd))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end, next > cursor {
            cursor = next
            let offset = Int64(zone.secondsFromGMT(for: next))
            guard offset != offsets[offsets.count - 1] else { continue }
            transitions.append(Int64(next.timeIntervalSince1970.rounded()))
            offsets.append(offset)
        }
        self.transitions = transitions
        self.offsets = offsets
        self.thresholds = transitions.indices.map { transitions[$0] + max(offsets[$0], offsets[$0 + 1]) }
    }

    /// The table of a zone, built once per zone identifier and shared by every calendar compiled in
    /// the process: reading 130 years of transitions from Foundation is most of a calendar's compile.
    static func shared(_ zone: TimeZone) -> ZoneTable {
        ZoneTableCache.shared.table(for: zone)
    }

    /// The offset in effect at an instant.
    func offset(at instant: Int64) -> Int64 {
        offsets[Self.countNotAbove(transitions, instant)]
    }

    /// The instant of a local wall time (seconds since 1970 local).
    func resolve(local: Int64) -> Int64 {
        local - offsets[Self.countNotAbove(thresholds, local)]
    }

    /// The number of elements `<= value` in an ascending array.
    static func countNotAbove(_ array: [Int64], _ value: Int64) -> Int {
        var low = 0
        var high = array.count
        while low < high {
            let mid = (low + high) >> 1
            if array[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// The process-wide tables by zone identifier, behind a lock. A zone's transitions never change
/// while the process runs, so a table once built stays valid.
private final class ZoneTableCache: @unchecked Sendable {
    static let shared = ZoneTableCache()

    private let lock = NSLock()
    private var tables: [String: ZoneTable] = [:]

    func table(for zone: TimeZone) -> ZoneTable {
        lock.lock()
        let known = tables[zone.identifier]
        lock.unlock()
        if let known { return known }
        let built = ZoneTable(zone)
        lock.lock()
        defer { lock.unlock() }
        if let raced = tables[zone.identifier] { return raced }
        tables[zone.identifier] = built
        return built
    }
}
