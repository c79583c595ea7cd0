/// What files a desk keeps: how large, how many per message, which types.
///
/// The defaults take what members send support (screenshots, photos, PDFs, documents, archives) and
/// refuse programs and scripts, which a member never needs to send and an agent should never open:
/// by media type (``blockedMediaTypes``) and by name ending (``blockedFileExtensions``), since mail
/// often labels a program `application/octet-stream`.
///
/// ```swift
/// var configuration = DeskConfiguration()
/// configuration.attachmentLimits.maximumFileBytes = 10 * 1024 * 1024
/// configuration.attachmentLimits.allowedMediaTypes = ["image/*", "application/pdf"]
/// ```
public struct AttachmentLimits: Sendable, Hashable, Codable {
    /// The largest file kept, in bytes. Default 20 MiB.
    public var maximumFileBytes: Int
    /// The most files kept from one message. Default 10.
    public var maximumCount: Int
    /// The most bytes kept from one message, all files together. Default 40 MiB.
    public var maximumTotalBytes: Int
    /// The media types kept, each exact (`application/pdf`) or a whole family (`image/*`); `nil` (the
    /// default) keeps any type not blocked.
    public var allowedMediaTypes: [String]?
    /// Media types never kept, exact or a family; checked before ``allowedMediaTypes``.
    public var blockedMediaTypes: [String]
    /// File name endings never kept, in lowercase without the dot (`exe`).
    public var blockedFileExtensions: [String]

    /// The media types of programs and scripts, blocked by default.
    public static let executableMediaTypes: [String] = [
        "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec",
        "application/vnd.microsoft.portable-executable", "application/x-executable", "application/x-elf",
        "application/x-mach-binary", "application/x-sharedlib", "application/x-msi", "application/x-ms-installer",
        "application/x-sh", "application/x-csh", "application/x-bat", "application/x-msdos-batch",
        "application/java-archive", "application/x-java-archive", "application/vnd.android.package-archive",
        "application/x-apple-diskimage", "application/hta", "application/x-ms-shortcut",
        "application/javascript", "text/javascript", "application/x-powershell", "text/x-shellscript",
        "application/x-vbscript", "text/vbscript",
    ]

    /// The name endings of programs and scripts, blocked by default.
    public static let executableExtensions: [String] = [
        "exe", "com", "scr", "pif", "bat", "cmd", "msi", "msp", "dll", "cpl", "hta", "jar", "apk", "app", "dmg",
        "js", "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "sh", "lnk", "reg",
    ]

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - maximumFileBytes: The largest file kept, in bytes.
    ///   - maximumCount: The most files kept from one message.
    ///   - maximumTotalBytes: The most bytes kept from one message.
    ///   - allowedMediaTypes: The media types kept, or `nil` for any not blocked.
    ///   - blockedMediaTypes: Media types never kept.
    ///   - blockedFileExtensions: Name endings never kept, lowercase, without the dot.
    public init(
        maximumFileBytes: Int = 20 * 1024 * 1024,
        maximumCount: Int = 10,
        maximumTotalBytes: Int = 40 * 1024 * 1024,
        allowedMediaTypes: [String]? = nil,
        blockedMediaTypes: [String] = AttachmentLimits.executableMediaTypes,
        blockedFileExtensions: [String] = AttachmentLimits.executableExtensions
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumCount = maximumCount
        self.maximumTotalBytes = maximumTotalBytes
        self.allowedMediaTypes = allowedMediaTypes
        self.blockedMediaTypes = blockedMediaTypes
        self.blockedFileExtensions = blockedFileExtensions
    }

    /// The longest file name kept, in UTF-8 bytes.
    public static let maximumFileNameBytes = 255

    /// Sorts a message's files into those kept and those refused, in the order sent.
    ///
    /// Each file is checked for its name, its type and its size; the kept ones then count toward the
    /// message's ``maximumCount`` and ``maximumTotalBytes`` in order, so the first files sent are the
    /// ones kept.
    ///
    /// - Parameter uploads: The message's files.
    /// - Returns: The files kept and the refusals.
    public func sort(_ uploads: [AttachmentUpload]) -> (kept: [AttachmentUpload], refused: [AttachmentRefusal]) {
        var kept: [AttachmentUpload] = []
        var refused: [AttachmentRefusal] = []
        var total = 0
        for upload in uploads {
            do {
                try check(upload)
                guard kept.count < maximumCount else {
                    throw AttachmentError(
                        .tooManyFiles,
                        "a message keeps at most \(maximumCount) files and this one came after them; send it in "
                            + "another message"
                    )
                }
                guard total + upload.byteSize <= maximumTotalBytes else {
                    throw AttachmentError(
                        .totalTooLarge,
                        "the files of one message may add up to \(Self.size(maximumTotalBytes)) and this one would "
                            + "pass that; send it in another message"
                    )
                }
                total += upload.byteSize
                kept.append(upload)
            } catch let error as AttachmentError {
                refused.append(
                    AttachmentRefusal(
                        fileName: Self.displayName(upload.fileName),
                        mediaType: Self.displayName(upload.mediaType),
                        byteSize: upload.byteSize,
                        error: error
                    )
                )
            } catch {
                preconditionFailure("check(_:) throws only AttachmentError")
            }
        }
        return (kept, refused)
    }

    /// Checks every file and the message as a whole, for a sender who can fix the message (an agent).
    ///
    /// - Parameter uploads: The message's files.
    /// - Throws: ``AttachmentError`` for the first file refused, naming it.
    public func validate(_ uploads: [AttachmentUpload]) throws {
        if let refusal = sort(uploads).refused.first {
            throw AttachmentError(refusal.error.code, "\(refusal.fileName): \(refusal.error.message)")
        }
    }

    /// Checks one file on its own: name, media type, size.
    ///
    /// - Parameter upload: The file.
    /// - Throws: ``AttachmentError``.
    public func check(_ upload: AttachmentUpload) throws {
        let name = upload.fileName
        if name.utf8.count > Self.maximumFileNameBytes
            || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            throw AttachmentError(
                .invalidName,
                "a file name must be at most \(Self.maximumFileNameBytes) bytes without line breaks or control "
                    + "characters; rename the file and send it again"
            )
        }
        let type = upload.mediaType
        let parts = type.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ Self.isToken($0) }) else {
            throw AttachmentError(
                .invalidMediaType,
                "'\(Self.displayName(type))' is not a media type (type/subtype, such as image/png)"
            )
        }
        let ending =
            name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        if Self.matches(type, blockedMediaTypes) || ending.map({ blockedFileExtensions.contains($0) }) == true {
            throw AttachmentError(
                .blockedType,
                "programs and scripts (\(ending.map { ".\($0)" } ?? type)) are not accepted, for everyone's safety; "
                    + "send a screenshot, a photo or a document instead"
            )
        }
        if let allowed = allowedMediaTypes, !Self.matches(type, allowed) {
            throw AttachmentError(
                .typeNotAllowed,
                "files of type \(type) are not accepted here; accepted: \(allowed.joined(separator: ", "))"
            )
        }
        guard upload.byteSize <= maximumFileBytes else {
            throw AttachmentError(
                .fileTooLarge,
                "the file has \(Self.size(upload.byteSize)); the limit is \(Self.size(maximumFileBytes)) a file. "
                    + "Send a smaller file or a link to it"
            )
        }
    }

    /// What is wrong with the limits themselves, or `nil`.
    var problem: String? {
        if maximumFileBytes < 0 { return "maximumFileBytes must be 0 or more, not \(maximumFileBytes)" }
        if maximumCount < 0 { return "maximumCount must be 0 or more, not \(maximumCount)" }
        if maximumTotalBytes < 0 { return "maximumTotalBytes must be 0 or more, not \(maximumTotalBytes)" }
        for type in (allowedMediaTypes ?? []) + blockedMediaTypes where !Self.isPattern(type) {
            return "'\(type)' is not a media type or family (image/png, image/*) in lowercase"
        }
        return nil
    }

    private static func matches(_ type: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            pattern.hasSuffix("/*") ? type.hasPrefix(pattern.dropLast()) : pattern == type
        }
    }

    private static func isPattern(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return text == text.lowercased() && parts.count == 2 && isToken(parts[0])
            && (parts[1] == "*" || isToken(parts[1]))
    }

    /// An RFC 2045 token: printable ASCII without spaces or specials.
    private static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !Self.specials.contains($0) }
    }

    private static let specials = Set("()<>@,;:\\\"/[]?=".utf8)

    /// A size as people read it: `512 bytes`, `3.2 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// A name safe to show in a note: control characters as `?`, at most 120 characters.
    static func displayName(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }
        let clean = String(String.UnicodeScalarView(scalars))
        return clean.count > 120 ? String(clean.prefix(119)) + "…" : clean
    }
}
