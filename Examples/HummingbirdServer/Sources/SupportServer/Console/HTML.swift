/// A piece of HTML that is safe to put in a page.
///
/// Built with string interpolation: a `String` interpolated into it is escaped, an `HTML` value is
/// inserted as it is. So every member-provided string is escaped unless the code says otherwise, and
/// markup is only ever written by the console itself.
///
/// ```swift
/// let subject = "<script>alert(1)</script>"
/// let cell: HTML = "<td>\(subject)</td>"   // <td>&lt;script&gt;alert(1)&lt;/script&gt;</td>
/// ```
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup.
    let rendered: String

    /// Markup written by the console itself, inserted as it is.
    init(raw: String) {
        self.rendered = raw
    }

    init(stringLiteral value: String) {
        self.rendered = value
    }

    init(stringInterpolation: StringInterpolation) {
        self.rendered = stringInterpolation.output
    }

    /// Nothing.
    static let empty = HTML(raw: "")

    /// Escapes text for an element's content or a quoted attribute value: `&`, `<`, `>`, `"` and `'`.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Interpolation that escapes strings and inserts markup.
    struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

        /// Text, escaped; nothing for `nil`.
        mutating func appendInterpolation(_ text: String?) { output += HTML.escape(text ?? "") }

        /// A number.
        mutating func appendInterpolation(_ number: Int) { output += String(number) }

        /// Markup, as it is.
        mutating func appendInterpolation(_ markup: HTML) { output += markup.rendered }

        /// Pieces of markup, one after another.
        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { output += piece.rendered }
        }
    }
}

extension HTML {
    /// `selected` when the option is the chosen one, else nothing.
    static func selected(_ isSelected: Bool) -> HTML { isSelected ? " selected" : "" }

    /// The hidden CSRF field every console form carries.
    static func csrfField(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(token)\">"
    }
}
