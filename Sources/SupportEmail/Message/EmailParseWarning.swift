/// Something malformed the parser read around instead of refusing the message.
///
/// Warnings are for logs and diagnostics; the parsed values are still usable.
public enum EmailParseWarning: Hashable, Sendable {
    /// A header line that is not a field ended the header section early.
    case malformedHeader
    /// A multipart has no `boundary` parameter; its body was read as plain text.
    case missingBoundary
    /// A multipart's boundary never appears in its body; the body was read as plain text.
    case boundaryNotFound
    /// A multipart has no closing boundary; its last part runs to the end of the message.
    case unclosedMultipart
    /// A text part names a charset this module does not decode; it was read as UTF-8 or windows-1252.
    case unknownCharset(String)
    /// A part names an unknown transfer encoding; its body was taken as it is.
    case unknownTransferEncoding(String)
    /// An address header (`To`, `Cc`, `Reply-To`) does not parse; the mailboxes that parse were kept.
    case invalidAddressHeader(String)
}
