import Foundation
import MemberJourney
import Testing

/// One day in seconds.
let day = JourneyPolicy.day

/// The instant every scenario starts from: 2026-01-01 00:00 UTC.
let t0 = Date(timeIntervalSince1970: 1_767_225_600)

/// The instant `count` days after ``t0``.
func at(day count: Double) -> Date { t0.addingTimeInterval(count * day) }

/// The member every scenario follows.
let anna: MemberID = "anna"

/// Facts of a member who joined at `joinedDay` (days after ``t0``).
func memberFacts(
    joinedDay: Double = 0,
    activityDay: Double? = nil,
    subscription: SubscriptionState = .active,
    cancellationDay: Double? = nil
) -> MemberFacts {
    MemberFacts(
        joinedAt: at(day: joinedDay),
        lastActivityAt: activityDay.map { at(day: $0) },
        subscription: subscription,
        cancellationRequestedAt: cancellationDay.map { at(day: $0) }
    )
}

/// A record after one facts update reported at `reportedDay`.
func record(
    _ facts: MemberFacts,
    reportedDay: Double = 0,
    policy: JourneyPolicy = JourneyPolicy()
) throws -> JourneyRecord {
    try JourneyRecord(member: anna).updating(facts, policy: policy, at: at(day: reportedDay))
}

/// A member who joined at day 0 and asked to cancel at `cancellationDay`, reported a day later.
func voluntaryLeaver(cancellationDay: Double = 40, policy: JourneyPolicy = JourneyPolicy()) throws -> JourneyRecord {
    try JourneyRecord(member: anna)
        .updating(memberFacts(), policy: policy, at: t0)
        .updating(
            memberFacts(activityDay: cancellationDay - 5, cancellationDay: cancellationDay),
            policy: policy,
            at: at(day: cancellationDay + 1)
        )
}

/// Runs `body`, expecting a ``JourneyError`` with `code` whose message starts with `path` and a colon.
///
/// Returns the error so a test can check more of the message.
@discardableResult
func expectJourneyError(
    _ code: JourneyError.Code,
    path: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> JourneyError? {
    do {
        try body()
        Issue.record("expected \(code) at '\(path)', nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as JourneyError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.hasPrefix("\(path): "), "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a JourneyError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Runs `body`, expecting a ``JourneyError`` with `code` (whatever the message).
func expectJourneyError(
    _ code: JourneyError.Code,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as JourneyError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a JourneyError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// A small seeded generator (SplitMix64) for property tests.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func element<T>(of items: [T]) -> T { items[int(0...(items.count - 1))] }
}
