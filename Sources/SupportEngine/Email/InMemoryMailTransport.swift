/// A ``MailTransport`` that keeps what it is asked to send, for tests and demos.
///
/// ```swift
/// let outbox = InMemoryMailTransport()
/// // … the desk sends …
/// let reply = try EmailParser().parse(outbox.sent[0].bytes)
/// ```
public final class InMemoryMailTransport: MailTransport {
    private let box = LockedBox([RenderedEmail]())

    /// Creates an empty transport.
    public init() {}

    /// Records the message.
    ///
    /// - Parameter email: The message.
    public func send(_ email: RenderedEmail) async throws {
        box.withLock { $0.append(email) }
    }

    /// Every message sent so far, in order.
    public var sent: [RenderedEmail] { box.withLock { $0 } }
}
