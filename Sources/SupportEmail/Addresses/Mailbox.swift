/// An address with an optional display name: `María López <maria@example.com>`.
public struct Mailbox: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The display name, decoded (RFC 2047 words and quoting removed), or nil.
    public var displayName: String?
    /// The address.
    public var address: EmailAddress

    /// Creates a mailbox.
    ///
    /// - Parameters:
    ///   - displayName: The name to show, or nil.
    ///   - address: The address.
    public init(displayName: String? = nil, address: EmailAddress) {
        self.displayName = displayName
        self.address = address
    }

    /// Parses one mailbox, such as `"López, María" <maria@example.com>` or `maria@example.com (María)`.
    ///
    /// - Parameter text: The mailbox as written in a header.
    /// - Throws: ``EmailError`` with code `invalidAddress` when it does not parse or holds more than one.
    public init(_ text: String) throws {
        let list = try AddressListParser.parse(Array(text.utf8), fallback: .utf8, strict: true)
        guard list.count == 1, let first = list.first else {
            throw EmailError(.invalidAddress, "“\(text.prefix(200))” holds \(list.count) addresses, not one.")
        }
        self = first
    }

    /// Parses a mailbox list, with groups (`Team: a@x, b@x;`) flattened into their members.
    ///
    /// - Parameter text: The list as written in a `To` or `Cc` header.
    /// - Returns: The mailboxes in order.
    /// - Throws: ``EmailError`` with code `invalidAddress` when any entry does not parse.
    public static func list(_ text: String) throws -> [Mailbox] {
        try AddressListParser.parse(Array(text.utf8), fallback: .utf8, strict: true)
    }

    /// The mailbox as written for people: `Name <address>` or just the address.
    public var description: String {
        guard let name = displayName, !name.isEmpty else { return address.description }
        return "\(name) <\(address)>"
    }
}
