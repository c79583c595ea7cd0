import Foundation

/// How the desk takes and sends email: its own mailbox, the domain of its `Message-ID`s, and the cap on
/// automatic replies. Shared by ``EmailIntake`` and ``EmailChannel``, so that a reply's `In-Reply-To`
/// is recognized as the desk's own message.
///
/// ```swift
/// let settings = try EmailDeskSettings(
///     mailbox: Mailbox(displayName: "Club Support", address: EmailAddress("support@club.example"))
/// )
/// ```
public struct EmailDeskSettings: Sendable {
    /// The desk's mailbox: the `From` of its mail, and an address whose mail is never answered
    /// automatically.
    public let mailbox: Mailbox
    /// The right-hand side of the desk's `Message-ID`s (`<outbound-id@domain>`).
    public let messageIDDomain: String
    /// The loop protection: which mail may be answered automatically, and at most how many automatic
    /// replies one address gets in 24 hours.
    public let autoReplyPolicy: AutoReplyPolicy
    /// The parser's bounds on size, depth and parts.
    public let parser: EmailParser
    /// The envelope sender bounces go to, `nil` for the mailbox's address. With one, say
    /// `bounces@club.example`, each message is sent from `bounces+<outbound-id>@club.example` (VERP), so
    /// a bounce that does not quote the message's `Message-ID` still names the message it reports.
    public let bounceAddress: EmailAddress?

    /// Creates settings, checking them.
    ///
    /// - Parameters:
    ///   - mailbox: The desk's mailbox, `From` of everything it sends.
    ///   - messageIDDomain: The domain of the desk's `Message-ID`s; `nil` for the mailbox's domain.
    ///   - maximumAutomaticRepliesPerDay: The most automatic replies (acknowledgements, notices) to one
    ///     address in any 24 hours, counted from the stored tickets; 0 sends none. 3 by default.
    ///   - otherOwnAddresses: Further addresses of the desk (aliases, forwards), never answered
    ///     automatically.
    ///   - parser: The parser, with its bounds.
    ///   - bounceAddress: The envelope sender bounces go to, the message's id added after a `+`; `nil`
    ///     sends from the mailbox's address. The mail server must deliver `bounces+anything@…` to it.
    /// - Throws: ``EmailError`` with code `invalidPolicy` for a negative cap, `invalidMessageID` for a
    ///   domain that cannot stand in a `Message-ID`, `invalidAddress` for a mailbox that is not ASCII
    ///   (the composer writes ASCII addresses only).
    public init(
        mailbox: Mailbox,
        messageIDDomain: String? = nil,
        maximumAutomaticRepliesPerDay: Int = 3,
        otherOwnAddresses: [EmailAddress] = [],
        parser: EmailParser = EmailParser(),
        bounceAddress: EmailAddress? = nil
    ) throws {
        if let bounceAddress {
            guard bounceAddress.isASCII, !bounceAddress.localPart.contains("+"),
                !bounceAddress.localPart.hasPrefix("\"")
            else {
                throw EmailError(
                    .invalidAddress,
                    "The bounce address \(bounceAddress) must be ASCII, unquoted and without '+': "
                        + "the desk adds '+' and the message's id to it."
                )
            }
        }
        guard mailbox.address.isASCII else {
            throw EmailError(
                .invalidAddress,
                "The desk's address \(mailbox.address) is not ASCII; give an ASCII address to send from."
            )
        }
        let domain = messageIDDomain ?? mailbox.address.domain
        let probe = try OutgoingEmail.messageID(unique: "probe", domain: domain)
        guard probe == "probe@" + domain else {
            throw EmailError(
                .invalidMessageID,
                "“\(domain.prefix(200))” cannot be the domain of a Message-ID; use letters, digits, dots and hyphens."
            )
        }
        self.mailbox = mailbox
        self.messageIDDomain = domain
        self.autoReplyPolicy = try AutoReplyPolicy(
            maxPerAddressPerDay: maximumAutomaticRepliesPerDay,
            ownAddresses: Set([mailbox.address] + otherOwnAddresses)
        )
        self.parser = parser
        self.bounceAddress = bounceAddress
    }

    /// The envelope sender of an outbound message: `bounce+<id>@domain` when there is a
    /// ``bounceAddress`` and the id fits in an address, the mailbox's address otherwise.
    ///
    /// - Parameter id: The outbound message's id.
    /// - Returns: The address for `MAIL FROM`.
    public func returnPath(of id: OutboundID) -> EmailAddress {
        guard let bounceAddress, Self.fitsInLocalPart(id.rawValue),
            let address = try? EmailAddress("\(bounceAddress.localPart)+\(id.rawValue)@\(bounceAddress.domain)")
        else { return mailbox.address }
        return address
    }

    /// The outbound message a bounce's recipient names when it is one of the desk's return paths
    /// (``returnPath(of:)``), or `nil`.
    ///
    /// - Parameter address: An address the bounce was sent to (`To`, `Delivered-To`, `X-Original-To`).
    /// - Returns: The outbound id.
    public func outboundID(inReturnPath address: EmailAddress) -> OutboundID? {
        guard let bounceAddress, address.domain == bounceAddress.domain else { return nil }
        let prefix = bounceAddress.localPart.lowercased() + "+"
        let local = address.localPart
        guard local.lowercased().hasPrefix(prefix) else { return nil }
        let id = String(local.dropFirst(prefix.count))
        return id.isEmpty ? nil : OutboundID(id)
    }

    /// Whether an id can follow the `+` of a return path: letters, digits, `-`, `_` and `.` not at
    /// the ends, at most 40 characters (a local part holds 64).
    static func fitsInLocalPart(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 40, id.first != ".", id.last != ".", !id.contains("..") else {
            return false
        }
        return id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
    }

    /// The `Message-ID` the desk gives an outbound message: its id at ``messageIDDomain``. Every send of
    /// the message (retries, another desk) carries the same one.
    ///
    /// - Parameter id: The outbound message's id.
    /// - Returns: The id without angle brackets.
    /// - Throws: ``EmailError`` with code `invalidMessageID` for an empty id.
    public func messageID(of id: OutboundID) throws -> String {
        try OutgoingEmail.messageID(unique: id.rawValue, domain: messageIDDomain)
    }

    /// The outbound message a `Message-ID` names when it is one of the desk's, or `nil`.
    ///
    /// - Parameter messageID: An id from `In-Reply-To` or `References`, without brackets.
    /// - Returns: The outbound id.
    public func outboundID(in messageID: String) -> OutboundID? {
        guard let at = messageID.lastIndex(of: "@"),
            messageID[messageID.index(after: at)...].lowercased() == messageIDDomain.lowercased()
        else { return nil }
        let left = messageID[..<at]
        guard !left.isEmpty else { return nil }
        return OutboundID(String(left))
    }
}
