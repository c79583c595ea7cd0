import Foundation
import SupportEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `AttachmentStore` in a directory: each content once, in a file named by its SHA-256
/// (`ab/cd/abcd…`), so every server sharing the directory (a network volume) agrees.
///
/// A put writes a temporary file in the directory's `tmp/`, flushes it to disk, and renames it into
/// place: a reader sees the whole file or none, a crash leaves at worst a temporary file, and two servers
/// putting the same content at once both rename identical bytes. A read checks the bytes against their
/// name and refuses a file that does not match (a disk fault) instead of handing out other bytes.
///
/// The file calls block their thread briefly; an attachment is at most a few megabytes.
public struct FileAttachmentStore: AttachmentStore {
    /// The directory.
    public let root: URL

    /// Opens (and creates) the store's directory.
    ///
    /// - Parameter root: The directory.
    /// - Throws: ``StoreError`` with code `unavailable` when it cannot be created.
    public init(root: URL) throws {
        self.root = root
        do {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("tmp"),
                withIntermediateDirectories: true
            )
        } catch {
            throw StoreError(.unavailable, "cannot create the attachment directory \(root.path): \(error)")
        }
    }

    /// Stores content under its hash; content already stored is left as it is.
    ///
    /// - Parameter content: The bytes with their hash.
    /// - Throws: ``StoreError`` with code `unavailable` when the file cannot be written.
    public func put(_ content: AttachmentContent) async throws {
        try validateHash(content.contentHash)
        let target = path(of: content.contentHash)
        if FileManager.default.fileExists(atPath: target.path) { return }
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
        } catch {
            throw StoreError(.unavailable, "cannot create \(target.deletingLastPathComponent().path): \(error)")
        }
        let temporary = root.appendingPathComponent("tmp").appendingPathComponent(
            "\(content.contentHash.prefix(16))-\(UUID().uuidString)"
        )
        try Self.writeDurably(content.bytes, to: temporary.path)
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw StoreError(.unavailable, "cannot move an attachment into \(target.path) (errno \(code))")
        }
    }

    /// The content stored under a hash.
    ///
    /// - Parameter contentHash: The SHA-256 in lowercase hex.
    /// - Returns: The content, or `nil` when there is no file for it.
    /// - Throws: ``StoreError``: `invalidQuery` for a malformed hash, `unavailable` when the file cannot be
    ///   read or its bytes do not match its hash.
    public func content(withHash contentHash: String) async throws -> AttachmentContent? {
        try validateHash(contentHash)
        let file = path(of: contentHash)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            if !FileManager.default.fileExists(atPath: file.path) { return nil }
            throw StoreError(.unavailable, "cannot read the attachment \(file.path): \(error)")
        }
        let content = AttachmentContent([UInt8](data))
        guard content.contentHash == contentHash else {
            throw StoreError(
                .unavailable,
                "the attachment file \(file.path) does not match its hash: the disk is damaged"
            )
        }
        return content
    }

    /// Removes the content stored under a hash.
    ///
    /// - Parameter contentHash: The SHA-256 in lowercase hex.
    /// - Returns: Whether there was a file to remove.
    /// - Throws: ``StoreError``: `invalidQuery` for a malformed hash, `unavailable` when it cannot be removed.
    @discardableResult
    public func delete(contentHash: String) async throws -> Bool {
        try validateHash(contentHash)
        let file = path(of: contentHash)
        if unlink(file.path) == 0 { return true }
        let code = errno
        if code == ENOENT { return false }
        throw StoreError(.unavailable, "cannot remove the attachment \(file.path) (errno \(code))")
    }

    /// `root/ab/cd/abcd…`: two levels of 256 folders keep each folder small.
    func path(of contentHash: String) -> URL {
        root.appendingPathComponent(String(contentHash.prefix(2)))
            .appendingPathComponent(String(contentHash.dropFirst(2).prefix(2)))
            .appendingPathComponent(contentHash)
    }

    /// Writes a new file and flushes it to disk before closing it.
    private static func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw StoreError(.unavailable, "cannot create \(path) (errno \(errno))")
        }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        close(descriptor)
        if let failure {
            unlink(path)
            throw StoreError(.unavailable, "cannot write \(path) (errno \(failure))")
        }
    }
}
