import Foundation
import SupportEngine

/// What `supportdesk staff` aims for and how far it searches.
public struct StaffingOptions: Sendable, Hashable {
    /// The share of first replies that must keep their promise, per priority, such as 0.9.
    public var target: Double
    /// A priority with fewer measured first replies than this in a run is shown but not judged: a
    /// handful of tickets says little.
    public var minimumTickets: Int
    /// The longest block of hours, in hours.
    public var blockHours: Int
    /// The most agents the search gives one block.
    public var maximumPerBlock: Int
    /// Whether the search may put agents on the days the club is closed (weekend cover).
    public var beyondHours: Bool
    /// How many days each candidate schedule is simulated.
    public var days: Int
    /// The seed of every run: each candidate plays the same traffic, and the same seed gives the same plan.
    public var seed: UInt64
    /// How many candidate schedules run at once.
    public var parallelism: Int

    /// Creates options.
    ///
    /// - Parameters:
    ///   - target: The share of first replies on time per priority, above 0 and at most 1.
    ///   - minimumTickets: The fewest measured first replies for a priority to be judged.
    ///   - blockHours: The longest block, 1 to 24 hours.
    ///   - maximumPerBlock: The most agents in one block, 1 to 26.
    ///   - beyondHours: Whether blocks on closed days are searched too.
    ///   - days: Days per run, 1 to 366.
    ///   - seed: The seed.
    ///   - parallelism: Runs at once; by default the active processor count.
    public init(
        target: Double = 0.9,
        minimumTickets: Int = 30,
        blockHours: Int = 3,
        maximumPerBlock: Int = 8,
        beyondHours: Bool = true,
        days: Int = 14,
        seed: UInt64 = 1,
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.target = target
        self.minimumTickets = minimumTickets
        self.blockHours = blockHours
        self.maximumPerBlock = maximumPerBlock
        self.beyondHours = beyondHours
        self.days = days
        self.seed = seed
        self.parallelism = parallelism
    }

    /// Checks the values.
    ///
    /// - Throws: ``ClubConfigurationError`` naming the option at fault.
    public func validate() throws {
        func fail(_ path: String, _ message: String) -> ClubConfigurationError {
            ClubConfigurationError(.invalidArgument, path: path, message)
        }
        guard target > 0, target <= 1 else { throw fail("--target", "give a share above 0 and at most 100 %") }
        guard minimumTickets >= 1 else { throw fail("--min-tickets", "give 1 or more, not \(minimumTickets)") }
        guard (1...24).contains(blockHours) else {
            throw fail("--block-hours", "give 1 to 24 hours, not \(blockHours)")
        }
        guard (1...26).contains(maximumPerBlock) else {
            throw fail("--max-agents", "give 1 to 26 agents, not \(maximumPerBlock)")
        }
        guard (1...366).contains(days) else { throw fail("--days", "give 1 to 366 days, not \(days)") }
        guard parallelism >= 1 else { throw fail("parallelism", "give 1 or more, not \(parallelism)") }
    }
}
