import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The machine's processor time so far, from the first line of `/proc/stat` (Linux), to say how busy
/// every core was over a phase of the benchmark, the database's share included.
struct MachineCPU {
    /// Time the cores spent working for this machine (user, nice, system, interrupts), in seconds.
    var busy: Double
    /// Time the cores spent in all, idle, waiting for I/O and taken by the host (steal) included, in
    /// seconds.
    var total: Double

    /// The counters now, or `nil` where `/proc/stat` cannot be read.
    static func now() -> MachineCPU? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 8 else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is already counted in user). Steal is
        // time the host gave another machine: not this machine's work, but not a free core either.
        let ticksPerSecond = Double(clockTicksPerSecond())
        let idle = fields[3] + fields[4]
        let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6]
        return MachineCPU(busy: busy / ticksPerSecond, total: (busy + idle + fields[7]) / ticksPerSecond)
    }

    /// The share of the cores' time that was busy between `earlier` and this reading, from 0 to 1.
    func busyShare(since earlier: MachineCPU) -> Double {
        let total = self.total - earlier.total
        return total > 0 ? (busy - earlier.busy) / total : 0
    }

    /// The busy core-seconds between `earlier` and this reading.
    func busySeconds(since earlier: MachineCPU) -> Double { busy - earlier.busy }

    private static func clockTicksPerSecond() -> Int {
        #if canImport(Glibc)
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? ticks : 100
        #else
        return 100
        #endif
    }
}
