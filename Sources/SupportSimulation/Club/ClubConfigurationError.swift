import Foundation
import SupportEngine

/// A club configuration or a command line that cannot be used, with the place of the problem.
///
/// Switch on ``code``; ``path`` names the JSON path (`agents[1].capacity`) or the argument (`--days`).
public struct ClubConfigurationError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The configuration file could not be read.
        public static var unreadableFile: Code { Code(#function) }
        /// The configuration is malformed or a value is out of range.
        public static var invalidConfiguration: Code { Code(#function) }
        /// A command-line argument is missing, unknown or malformed.
        public static var invalidArgument: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// The JSON path or the argument at fault; empty when the whole input is at fault.
    public let path: String
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - path: The JSON path or the argument at fault.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone without a path.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
