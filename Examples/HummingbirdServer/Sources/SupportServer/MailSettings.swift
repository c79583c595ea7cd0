import Foundation
import SupportEngine

/// The server's email settings: the desk's address, the bounce address, the cap on raw mail, and the
/// SMTP server outbound mail goes to (none by default: then email is logged or spooled, not sent).
public struct MailSettings: Sendable {
    /// The desk's mailbox: `From` of its mail (`SUPPORT_EMAIL`, `SUPPORT_EMAIL_NAME`).
    public var mailbox: Mailbox
    /// The envelope sender bounces go to, with the message's id added after `+` (`BOUNCE_ADDRESS`);
    /// `nil` sends from the mailbox's address.
    public var bounceAddress: EmailAddress?
    /// The largest raw message `POST /inbound/email/raw` takes, in bytes (`MAX_EMAIL_BYTES`); larger
    /// ones get a 413.
    public var maximumRawEmailBytes: Int
    /// Where outbound email goes; `nil` when no SMTP server is configured (`SMTP_HOST` unset).
    public var smtp: SMTPSettings?

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - mailbox: The desk's mailbox.
    ///   - bounceAddress: The envelope sender bounces go to.
    ///   - maximumRawEmailBytes: The largest raw message taken.
    ///   - smtp: The SMTP server, or `nil` for none.
    public init(
        mailbox: Mailbox = MailSettings.demoMailbox,
        bounceAddress: EmailAddress? = nil,
        maximumRawEmailBytes: Int = 25 * 1024 * 1024,
        smtp: SMTPSettings? = nil
    ) {
        self.mailbox = mailbox
        self.bounceAddress = bounceAddress
        self.maximumRawEmailBytes = maximumRawEmailBytes
        self.smtp = smtp
    }

    /// `Club Support <support@club.example>`.
    public static let demoMailbox = Mailbox(
        displayName: "Club Support",
        address: try! EmailAddress("support@club.example")
    )

    /// The desk's email settings for ``EmailIntake`` and ``EmailChannel``.
    ///
    /// - Returns: The settings.
    /// - Throws: ``APIError`` naming the variable when the addresses cannot be used.
    public func deskSettings() throws -> EmailDeskSettings {
        do {
            return try EmailDeskSettings(mailbox: mailbox, bounceAddress: bounceAddress)
        } catch let error as EmailError {
            throw APIError(.internalServerError, "invalid_setting", "SUPPORT_EMAIL or BOUNCE_ADDRESS: \(error.message)")
        }
    }

    /// Reads `SUPPORT_EMAIL`, `SUPPORT_EMAIL_NAME`, `BOUNCE_ADDRESS`, `MAX_EMAIL_BYTES` and the SMTP
    /// variables (``SMTPSettings/fromEnvironment(_:)``).
    ///
    /// - Parameter environment: The variables.
    /// - Returns: The settings.
    /// - Throws: ``APIError`` with code `invalid_setting` naming the variable and the value.
    public static func fromEnvironment(_ environment: [String: String]) throws -> MailSettings {
        var settings = MailSettings()
        if let address = environment["SUPPORT_EMAIL"], !address.isEmpty {
            settings.mailbox = Mailbox(
                displayName: environment["SUPPORT_EMAIL_NAME"] ?? settings.mailbox.displayName,
                address: try parseAddress(address, variable: "SUPPORT_EMAIL")
            )
        } else if let name = environment["SUPPORT_EMAIL_NAME"] {
            settings.mailbox = Mailbox(displayName: name, address: settings.mailbox.address)
        }
        if let bounce = environment["BOUNCE_ADDRESS"], !bounce.isEmpty {
            settings.bounceAddress = try parseAddress(bounce, variable: "BOUNCE_ADDRESS")
        }
        if let bytes = environment["MAX_EMAIL_BYTES"], !bytes.isEmpty {
            guard let number = Int(bytes), (1024...(100 * 1024 * 1024)).contains(number) else {
                throw APIError(
                    .internalServerError,
                    "invalid_setting",
                    "MAX_EMAIL_BYTES must be a number of bytes from 1024 to 104857600, not '\(bytes)'"
                )
            }
            settings.maximumRawEmailBytes = number
        }
        settings.smtp = try SMTPSettings.fromEnvironment(environment)
        return settings
    }

    static func parseAddress(_ text: String, variable: String) throws -> EmailAddress {
        do {
            return try EmailAddress(text)
        } catch let error as EmailError {
            throw APIError(.internalServerError, "invalid_setting", "\(variable): \(error.message)")
        }
    }
}

/// Where the SMTP sender connects, and how long it waits.
public struct SMTPSettings: Sendable, Hashable {
    /// The SMTP server's host name or address.
    public var host: String
    /// Its port: 25 by default (a local relay); the relay does TLS and authentication onward.
    public var port: Int
    /// The name the sender greets with in `EHLO`.
    public var helloName: String
    /// How long one step (connecting, one reply) may take before the send fails and is retried.
    public var timeout: Duration

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - host: The SMTP server.
    ///   - port: Its port.
    ///   - helloName: The name for `EHLO`.
    ///   - timeout: The limit on one step.
    public init(host: String, port: Int = 25, helloName: String = "localhost", timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.helloName = helloName
        self.timeout = timeout
    }

    /// Reads `SMTP_HOST` (unset: no SMTP), `SMTP_PORT` (25), `SMTP_HELO` (`localhost`) and
    /// `SMTP_TIMEOUT` (seconds, 30).
    ///
    /// - Parameter environment: The variables.
    /// - Returns: The settings, or `nil` when `SMTP_HOST` is unset.
    /// - Throws: ``APIError`` with code `invalid_setting` naming the variable and the value.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SMTPSettings? {
        guard let host = environment["SMTP_HOST"], !host.isEmpty else { return nil }
        var settings = SMTPSettings(host: host)
        if let port = environment["SMTP_PORT"], !port.isEmpty {
            guard let number = Int(port), (1...65_535).contains(number) else {
                throw APIError(
                    .internalServerError,
                    "invalid_setting",
                    "SMTP_PORT must be a port number, not '\(port)'"
                )
            }
            settings.port = number
        }
        if let hello = environment["SMTP_HELO"], !hello.isEmpty {
            let allowed = hello.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.[]:".unicodeScalars.contains($0))
            }
            guard allowed, hello.utf8.count <= 255 else {
                throw APIError(
                    .internalServerError,
                    "invalid_setting",
                    "SMTP_HELO must be a host name (letters, digits, '-', '.'), not '\(hello.prefix(80))'"
                )
            }
            settings.helloName = hello
        }
        if let timeout = environment["SMTP_TIMEOUT"], !timeout.isEmpty {
            guard let seconds = Double(timeout), seconds > 0, seconds <= 600 else {
                throw APIError(
                    .internalServerError,
                    "invalid_setting",
                    "SMTP_TIMEOUT must be seconds between 0 and 600, not '\(timeout)'"
                )
            }
            settings.timeout = .milliseconds(Int(seconds * 1000))
        }
        return settings
    }
}
