/// A ``MailTransport`` that calls a closure: the quickest way to plug in a provider's client.
///
/// ```swift
/// let transport = ClosureMailTransport { email in
///     try await smtp.send(email.bytes, from: email.from.description, to: email.recipients.map(\.description))
/// }
/// ```
public struct ClosureMailTransport: MailTransport {
    private let body: @Sendable (RenderedEmail) async throws -> Void

    /// Creates a transport.
    ///
    /// - Parameter send: Sends one message; throws when it was not accepted.
    public init(_ send: @escaping @Sendable (RenderedEmail) async throws -> Void) {
        self.body = send
    }

    /// Calls the closure.
    ///
    /// - Parameter email: The message.
    /// - Throws: What the closure throws.
    public func send(_ email: RenderedEmail) async throws {
        try await body(email)
    }
}
