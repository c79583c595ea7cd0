/// A charset named in a message, and how its bytes become text.
///
/// UTF-8, US-ASCII and the single-byte charsets of Russian and Spanish mail (windows-1251, KOI8-R,
/// KOI8-U, ISO-8859-1, ISO-8859-15, windows-1252) are decoded by tables of this module, the same on
/// every platform. Any other name is ``unknown(_:)``: its bytes are read as UTF-8 when they are valid
/// UTF-8 and as windows-1252 otherwise, and the parser notes a warning.
public enum EmailCharset: Hashable, Sendable {
    /// UTF-8.
    case utf8
    /// US-ASCII (read as UTF-8, falling back to windows-1252 for stray 8-bit bytes).
    case ascii
    /// windows-1251 (Cyrillic).
    case windows1251
    /// KOI8-R (Russian).
    case koi8R
    /// KOI8-U (Ukrainian).
    case koi8U
    /// ISO-8859-1 (Latin-1).
    case iso8859_1
    /// ISO-8859-15 (Latin-9, with the euro sign).
    case iso8859_15
    /// windows-1252 (Western European).
    case windows1252
    /// A charset this module does not decode; the lowercased name as written.
    case unknown(String)

    /// The charset for a name as written in a header (`"UTF-8"`, `"cp1251"`, `"koi8-r"`, `"latin1"`).
    ///
    /// - Parameter name: The name, in any case, with or without quotes.
    public init(name: String) {
        var key = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "A"..."Z": key.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            case "a"..."z", "0"..."9": key.unicodeScalars.append(scalar)
            default: continue
            }
        }
        switch key {
        case "utf8", "utf", "unicode11utf8": self = .utf8
        case "usascii", "ascii", "ansix341968", "us", "iso646us", "": self = .ascii
        case "windows1251", "cp1251", "win1251", "xcp1251", "mscyrl": self = .windows1251
        case "koi8r", "cskoi8r", "koi8": self = .koi8R
        case "koi8u": self = .koi8U
        case "iso88591", "latin1", "l1", "cp819", "ibm819", "isolatin1", "iso8859119871": self = .iso8859_1
        case "iso885915", "latin9", "latin0", "l9", "isolatin9": self = .iso8859_15
        case "windows1252", "cp1252", "win1252", "xcp1252", "mslatin1": self = .windows1252
        default: self = .unknown(name.lowercased())
        }
    }

    /// The name to write in a header.
    public var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .ascii: "US-ASCII"
        case .windows1251: "windows-1251"
        case .koi8R: "KOI8-R"
        case .koi8U: "KOI8-U"
        case .iso8859_1: "ISO-8859-1"
        case .iso8859_15: "ISO-8859-15"
        case .windows1252: "windows-1252"
        case .unknown(let name): name
        }
    }

    /// Whether this module decodes the charset itself.
    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }

    /// Decodes bytes in this charset.
    ///
    /// Invalid UTF-8 is read as windows-1252 rather than dropped, so a mislabelled message still reads.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: The text.
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .utf8, .ascii, .unknown:
            if let text = Self.validUTF8(bytes) { return text }
            return SingleByteCharset(upperHalf: SingleByteCharset.windows1252Table).decode(bytes)
        case .windows1251: return SingleByteCharset(upperHalf: SingleByteCharset.windows1251Table).decode(bytes)
        case .koi8R: return SingleByteCharset(upperHalf: SingleByteCharset.koi8RTable).decode(bytes)
        case .koi8U: return SingleByteCharset(upperHalf: SingleByteCharset.koi8UTable).decode(bytes)
        case .iso8859_1: return SingleByteCharset(upperHalf: SingleByteCharset.iso8859_1Table).decode(bytes)
        case .iso8859_15: return SingleByteCharset(upperHalf: SingleByteCharset.iso8859_15Table).decode(bytes)
        case .windows1252: return SingleByteCharset(upperHalf: SingleByteCharset.windows1252Table).decode(bytes)
        }
    }

    /// The bytes as a string when they are valid UTF-8, nil otherwise.
    static func validUTF8<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        String(validating: bytes, as: UTF8.self)
    }
}
