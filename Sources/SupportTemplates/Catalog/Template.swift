import Foundation
import SupportCore

/// A plain-text message template with `{{name}}` placeholders.
///
/// Parsing happens once; rendering is a single pass that inserts each value as data. A value is never
/// read again as template syntax, so a member who writes `{{ticket.id}}` in their message sees exactly
/// that text. A placeholder without a value is an error at render time, never a blank.
///
/// ```swift
/// let template = try Template(parsing: "Hello {{member.name}}, we answer by {{expected_reply}}.")
/// let text = try template.render(["member.name": "Anna", "expected_reply": "Monday 10:00"])
/// ```
public struct Template: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    let segments: [Segment]
    /// The template's source text.
    public let source: String

    /// Parses a template.
    ///
    /// Names are 1 to 64 characters of ASCII letters, digits, `_`, `-` and `.`; white space inside the
    /// braces is ignored (`{{ name }}`). A `{{` that is not closed, or an invalid name, is an error.
    ///
    /// - Parameter source: The template text.
    /// - Throws: ``TemplateError`` with ``TemplateError/Code/invalidSyntax`` naming the offset.
    public init(parsing source: String) throws {
        self.source = source
        var segments: [Segment] = []
        var remaining = Substring(source)
        while let open = remaining.range(of: "{{") {
            if open.lowerBound > remaining.startIndex {
                segments.append(.text(String(remaining[..<open.lowerBound])))
            }
            let afterOpen = remaining[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                let offset = source.distance(from: source.startIndex, to: open.lowerBound)
                throw TemplateError(.invalidSyntax, "'{{' at offset \(offset) is never closed with '}}'")
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard Self.isValidName(name) else {
                let offset = source.distance(from: source.startIndex, to: open.lowerBound)
                throw TemplateError(
                    .invalidSyntax,
                    "placeholder '\(name)' at offset \(offset) is not a valid name: use letters, digits, '_', '-', '.'"
                )
            }
            segments.append(.placeholder(name))
            remaining = afterOpen[close.upperBound...]
        }
        if !remaining.isEmpty { segments.append(.text(String(remaining))) }
        self.segments = segments
    }

    /// The names of the placeholders, in order of first use.
    public var placeholders: [String] {
        var seen = Set<String>()
        return segments.compactMap { segment in
            guard case .placeholder(let name) = segment, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// Renders the template.
    ///
    /// - Parameter values: A value for every placeholder; extra values are ignored.
    /// - Returns: The text with each placeholder replaced by its value, inserted literally.
    /// - Throws: ``TemplateError`` with ``TemplateError/Code/missingValue`` naming the first placeholder
    ///   without a value.
    public func render(_ values: [String: String]) throws -> String {
        var output = ""
        output.reserveCapacity(source.utf8.count + 64)
        for segment in segments {
            switch segment {
            case .text(let text):
                output += text
            case .placeholder(let name):
                guard let value = values[name] else {
                    throw TemplateError(.missingValue, "no value for placeholder '{{\(name)}}'")
                }
                output += value
            }
        }
        return output
    }

    private static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || byte == 95 || byte == 45 || byte == 46
        }
    }
}

/// An error parsing or rendering a ``Template``.
public struct TemplateError: CodedError {
    /// What went wrong, in a form to switch on.
    public struct Code: ErrorCode {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The template text is malformed.
        public static var invalidSyntax: Code { Code(#function) }
        /// A placeholder has no value.
        public static var missingValue: Code { Code(#function) }
        /// No template exists for the key in any language.
        public static var unknownTemplate: Code { Code(#function) }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
