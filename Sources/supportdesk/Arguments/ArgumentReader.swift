import Foundation

/// A mistake in the command line: an unknown command, or an option that is missing, unknown or malformed.
struct UsageError: Error, Hashable, CustomStringConvertible {
    /// The command whose options are at fault; `nil` when the command itself is at fault.
    var command: String?
    /// The argument at fault (`--days`); empty when no single argument is.
    var argument: String
    /// A sentence a person can act on.
    var message: String

    init(command: String?, argument: String = "", _ message: String) {
        self.command = command
        self.argument = argument
        self.message = message
    }

    /// `argument: message`, or the message alone without an argument.
    var description: String { argument.isEmpty ? message : "\(argument): \(message)" }
}

/// Reads one command's `--flag value` pairs.
struct ArgumentReader {
    private var remaining: ArraySlice<String>
    /// The command whose arguments these are, for the errors.
    let command: String

    init(_ arguments: [String], command: String) {
        remaining = arguments[...]
        self.command = command
    }

    mutating func nextFlag() -> String? { remaining.popFirst() }

    mutating func value(_ flag: String) throws(UsageError) -> String {
        guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
            throw UsageError(command: command, argument: flag, "\(flag) needs a value")
        }
        return value
    }

    mutating func integer(_ flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        let text = try value(flag)
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                command: command,
                argument: flag,
                "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }

    func unknown(_ flag: String) -> UsageError {
        UsageError(command: command, argument: flag, "'\(flag)' is not an option of '\(command)'")
    }
}
