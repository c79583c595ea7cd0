/// An error a person can act on: a ``code`` to switch on and a ``message`` to read.
///
/// Every module's public error (`DeskError`, `StoreError`, `RefundError`, …) is a small struct
/// conforming to this protocol, in the style of Hummingbird's `PersistError`: the codes are static
/// properties of a nested `Code` type, so a module can add codes without breaking anyone's `switch`.
/// Errors about configuration also carry the path of the offending value, such as
/// `sla.urgent.firstReply`, and name it in their description.
///
/// ```swift
/// do {
///     try await desk.reply(to: id, body: text, by: .agent("olga"))
/// } catch let error as DeskError where error.code == .notFound {
///     print(error.message)
/// }
/// ```
public protocol CodedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of code this error carries.
    associatedtype Code: ErrorCode

    /// What went wrong, in a form to switch on.
    var code: Code { get }
    /// A sentence a person can act on.
    var message: String { get }
}

extension CodedError {
    /// The message, prefixed by the code.
    public var description: String { "\(code): \(message)" }
}

/// The code of a ``CodedError``: a name to switch on.
///
/// Each error type lists its codes as static properties of its `Code` struct, so adding a code is not a
/// breaking change.
public protocol ErrorCode: Hashable, Sendable, CustomStringConvertible {
    /// The code's name, as written in Swift (`notFound`).
    var name: String { get }
}

extension ErrorCode {
    /// The code's name.
    public var description: String { name }
}
