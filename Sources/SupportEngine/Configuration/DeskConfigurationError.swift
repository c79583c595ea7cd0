import Foundation

/// A desk configuration document that cannot be used, with the JSON path of the problem.
///
/// Switch on ``code``; ``path`` names the value at fault in the document, such as
/// `sla.targets.urgent.firstReply` or `routing.agents[1].id`, and ``description`` reads `path: message`.
///
/// ```swift
/// do {
///     let configuration = try DeskConfiguration.load(path: "desk.json")
/// } catch let error as DeskConfigurationError {
///     // delivery.retryDelay: must be a finite number of seconds above zero, not -1.0
///     // (DeskConfiguration.deliveryRetryDelay)
///     print(error)
/// }
/// ```
public struct DeskConfigurationError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The configuration file could not be read.
        public static var unreadableFile: Code { Code(#function) }
        /// The document is malformed, has an unknown key, or a value is out of range.
        public static var invalidConfiguration: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// The JSON path of the value at fault (`delivery.retryDelay`); empty when the whole document is at
    /// fault; the file's path for ``Code/unreadableFile``.
    public let path: String
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The JSON path of the value at fault.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone without a path.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The same error with its path placed under a key, for a document nested in a larger one.
    ///
    /// - Parameter prefix: The key the document sits under, such as `desk`.
    /// - Returns: The error with the path `prefix.path` (or `prefix` alone for an empty path).
    public func under(_ prefix: String) -> DeskConfigurationError {
        guard !prefix.isEmpty else { return self }
        let joined = path.isEmpty ? prefix : path.hasPrefix("[") ? "\(prefix)\(path)" : "\(prefix).\(path)"
        return DeskConfigurationError(code, path: joined, message)
    }

    /// Turns a decoding error into an error naming the JSON path of the value at fault.
    ///
    /// - Parameter error: The decoding error.
    /// - Returns: The error, with ``Code/invalidConfiguration``.
    public static func from(_ error: DecodingError) -> DeskConfigurationError {
        switch error {
        case .keyNotFound(let key, let context):
            return DeskConfigurationError(
                .invalidConfiguration,
                path: ConfigurationKey.render(context.codingPath + [key]),
                "the key '\(key.stringValue)' is required"
            )
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return DeskConfigurationError(
                .invalidConfiguration,
                path: ConfigurationKey.render(context.codingPath),
                context.debugDescription
            )
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as? NSError)?.localizedDescription ?? context.debugDescription
            return DeskConfigurationError(
                .invalidConfiguration,
                path: ConfigurationKey.render(context.codingPath),
                context.codingPath.isEmpty ? "the file is not valid JSON (\(detail))" : context.debugDescription
            )
        @unknown default:
            return DeskConfigurationError(.invalidConfiguration, path: "", "\(error)")
        }
    }

    /// Turns an error from a nested policy into an error under the policy's path.
    ///
    /// Boundaries errors keep their own path (the decoder's full path); refund, moderation and journey
    /// errors name the field at the start of their message (`quietMarginDays: must be …`), which joins
    /// the path.
    ///
    /// - Parameters:
    ///   - error: The error.
    ///   - path: The JSON path of the policy, such as `journey`.
    /// - Returns: The error.
    static func from(_ error: any Error, at path: String) -> DeskConfigurationError {
        switch error {
        case let error as DeskConfigurationError:
            return error
        case let error as DecodingError:
            return from(error)
        case let error as BoundariesError:
            return DeskConfigurationError(.invalidConfiguration, path: error.path ?? path, error.message)
        case let error as JourneyError:
            return leading(error.message, at: path)
        case let error as RefundError:
            return leading(error.message, at: path)
        case let error as ModerationError:
            return leading(error.message, at: path)
        case let error as RoutingError:
            return DeskConfigurationError(.invalidConfiguration, path: path, error.message)
        case let error as TemplateError:
            return DeskConfigurationError(.invalidConfiguration, path: path, error.message)
        default:
            return DeskConfigurationError(.invalidConfiguration, path: path, "\(error)")
        }
    }

    /// A message whose first word before `: ` is a path (`ladder[1].days: …`) becomes that path under `path`.
    private static func leading(_ message: String, at path: String) -> DeskConfigurationError {
        let parts = message.split(separator: ": ", maxSplits: 1)
        if parts.count == 2, !parts[0].contains(" ") {
            let field = String(parts[0])
            let joined = path.isEmpty ? field : field.hasPrefix("[") ? "\(path)\(field)" : "\(path).\(field)"
            return DeskConfigurationError(.invalidConfiguration, path: joined, String(parts[1]))
        }
        return DeskConfigurationError(.invalidConfiguration, path: path, message)
    }
}

/// A coding key for any name or index, and the rendering of coding paths as `a.b[2].c`.
struct ConfigurationKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?

    init(_ name: String) {
        self.stringValue = name
        self.intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }

    /// Renders a coding path as `a.b[2].c`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// Joins a path and a key: `a.b` + `c` is `a.b.c`; an empty path gives the key alone.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
