import Foundation
import SupportEngine

/// Files for the attachment tests, written for this project.
enum AttachmentFixtures {
    /// A small PNG-like screenshot: the PNG signature and some bytes.
    static let screenshotBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("button".utf8)

    static func screenshot(_ name: String = "broken-button.png") -> AttachmentUpload {
        AttachmentUpload(fileName: name, mediaType: "image/png", content: screenshotBytes)
    }

    static func file(_ name: String, _ type: String, size: Int, fill: UInt8 = 0x41) -> AttachmentUpload {
        AttachmentUpload(fileName: name, mediaType: type, content: [UInt8](repeating: fill, count: size))
    }

    /// A message from `sender` with files.
    static func message(
        _ externalID: String,
        from sender: MemberID = "alice",
        body: String = "The button does nothing, see the screenshot",
        thread: String? = nil,
        at instant: Date,
        attachments: [AttachmentUpload]
    ) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: externalID,
            sender: sender,
            threadReference: thread,
            body: body,
            receivedAt: instant,
            attachments: attachments
        )
    }
}

/// An attachment store that wraps another and fails puts on demand, before or after the wrapped store
/// took the bytes, with ``StoreError/Code/unavailable``.
actor FailingAttachmentStore: AttachmentStore {
    enum Timing { case beforeWrite, afterWrite }

    let base: InMemoryAttachmentStore
    private let yields: SeededYields?
    private var failures: [Timing] = []
    private(set) var puts = 0

    /// - Parameters:
    ///   - base: The store that keeps the bytes.
    ///   - yields: When given, every call first gives up its thread as the seed says, so that concurrent
    ///     puts interleave.
    init(wrapping base: InMemoryAttachmentStore = InMemoryAttachmentStore(), yields: SeededYields? = nil) {
        self.base = base
        self.yields = yields
    }

    /// Makes the next puts fail, one per timing given.
    func failNextPuts(_ timings: [Timing]) { failures += timings }

    func put(_ content: AttachmentContent) async throws {
        await yields?.pause()
        puts += 1
        let failure = failures.isEmpty ? nil : failures.removeFirst()
        if failure == .beforeWrite { throw StoreError(.unavailable, "attachment store is down (before write)") }
        await base.put(content)
        if failure == .afterWrite { throw StoreError(.unavailable, "attachment store answer lost (after write)") }
    }

    func content(withHash contentHash: String) async throws -> AttachmentContent? {
        await yields?.pause()
        return try await base.content(withHash: contentHash)
    }

    func delete(contentHash: String) async throws -> Bool {
        try await base.delete(contentHash: contentHash)
    }
}

/// Whether every file any stored ticket names has its bytes in `files`: the invariant the desk keeps.
func everyNamedFileIsStored(_ harness: DeskHarness, in files: InMemoryAttachmentStore) async throws -> Bool {
    for stored in try await harness.allTickets() {
        for attachment in stored.ticket.messages.flatMap(\.attachments)
        where try await files.content(withHash: attachment.contentHash) == nil {
            return false
        }
    }
    return true
}
