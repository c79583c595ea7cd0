import Foundation
import SupportEngine
import SupportEngineTesting

/// An email channel that fails every send, except that once ``hold(_:)`` names a message, that message's
/// next send waits until ``release()`` and then succeeds.
///
/// Lets a test hold one delivery pass inside `send` while it runs a second pass.
final class GatedChannel: Channel, @unchecked Sendable {
    let kind = ChannelKind.email
    private let lock = NSLock()
    private var held: OutboundID?
    private var attemptLog: [OutboundID] = []
    private let entered: AsyncStream<Void>
    private let enteredSignal: AsyncStream<Void>.Continuation
    private let gate: AsyncStream<Void>
    private let gateSignal: AsyncStream<Void>.Continuation

    init() {
        (entered, enteredSignal) = AsyncStream.makeStream(of: Void.self)
        (gate, gateSignal) = AsyncStream.makeStream(of: Void.self)
    }

    /// Makes the next send of `id` wait for ``release()`` and then succeed.
    func hold(_ id: OutboundID) {
        lock.withLock { held = id }
    }

    /// Waits until the held message's send has started.
    func waitUntilHeld() async {
        for await _ in entered { return }
    }

    /// Lets the held send finish.
    func release() {
        gateSignal.yield()
    }

    /// How many times each message was attempted.
    func attempts(of id: OutboundID) -> Int { lock.withLock { attemptLog.filter { $0 == id }.count } }

    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let isHeld = lock.withLock { () -> Bool in
            attemptLog.append(message.id)
            guard held == message.id else { return false }
            held = nil
            return true
        }
        guard isHeld else { throw GateFailure() }
        enteredSignal.yield()
        for await _ in gate { break }
        return DeliveryReceipt(externalID: "gated-\(message.id)", at: message.nextAttemptAt)
    }

    struct GateFailure: Error {}
}
