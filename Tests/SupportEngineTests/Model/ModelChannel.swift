import Foundation
import SupportEngineTesting

@testable import SupportEngine

/// A channel of the model: records every call in the model's global order, and fails on a seeded
/// schedule while the model injects faults. When `slowStep` is set, some sends take longer than a
/// delivery claim (the send moves the shared clock past it), as a slow provider would.
final class ModelChannel: Channel {
    /// One call of ``send(_:)``.
    struct Call: Sendable {
        var outbound: OutboundID
        var key: String
        var recipient: MemberID
        var order: Int
        var delivered: Bool
    }

    private struct State {
        var random: ModelRandom
        var faulting = true
        var calls: [Call] = []
    }

    let kind: ChannelKind
    private let order: ModelOrder
    private let failureRate: Double
    private let slowRate: Double
    private let clock: MovingClock
    private let slowBy: TimeInterval
    private let state: LockedBox<State>

    init(
        kind: ChannelKind,
        seed: UInt64,
        order: ModelOrder,
        clock: MovingClock,
        failureRate: Double,
        slowRate: Double,
        slowBy: TimeInterval
    ) {
        self.kind = kind
        self.order = order
        self.clock = clock
        self.failureRate = failureRate
        self.slowRate = slowRate
        self.slowBy = slowBy
        self.state = LockedBox(State(random: ModelRandom(seed: seed)))
    }

    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let (fails, slow) = state.withLock { state -> (Bool, Bool) in
            guard state.faulting else { return (false, false) }
            return (state.random.chance(failureRate), state.random.chance(slowRate))
        }
        if slow { clock.advance(by: slowBy) }
        await Task.yield()
        let call = Call(
            outbound: message.id,
            key: message.id.rawValue,
            recipient: message.recipient,
            order: order.next(),
            delivered: !fails
        )
        state.withLock { $0.calls.append(call) }
        if fails { throw ModelChannelFailure(outbound: message.id) }
        return DeliveryReceipt(externalID: "\(kind)-\(call.order)", at: clock.now)
    }

    /// Stops the failures and slow sends.
    func stopFaults() { state.withLock { $0.faulting = false } }

    /// Every call so far.
    var calls: [Call] { state.withLock { $0.calls } }
}

/// A send the model's channel failed on purpose.
struct ModelChannelFailure: Error, CustomStringConvertible {
    var outbound: OutboundID
    var description: String { "the model's channel failed \(outbound) on purpose" }
}

/// The model's global order of observable events: calls returning, channel sends.
final class ModelOrder: Sendable {
    private let counter = LockedBox(0)

    /// The next number in the order.
    func next() -> Int {
        counter.withLock {
            $0 += 1
            return $0
        }
    }
}
