import Foundation
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

@Suite("FileAttachmentStore keeps the attachment store contract")
struct FileAttachmentStoreTests {
    static func freshStore() throws -> FileAttachmentStore {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("attachments-\(UUID().uuidString)")
        return try FileAttachmentStore(root: root)
    }

    @Test("conformance check", arguments: AttachmentStoreConformance.checks)
    func conformance(_ check: AttachmentStoreConformance.Check) async throws {
        let store = try Self.freshStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        try await check.run(against: store)
    }

    @Test("a file whose bytes no longer match its name is refused, not handed out")
    func damagedFile() async throws {
        let store = try Self.freshStore()
        defer { try? FileManager.default.removeItem(at: store.root) }
        let content = AttachmentContent(Array("the member's screenshot".utf8))
        try await store.put(content)
        let hash = content.contentHash
        let file = store.root.appendingPathComponent(String(hash.prefix(2)))
            .appendingPathComponent(String(hash.dropFirst(2).prefix(2))).appendingPathComponent(hash)
        try Data("other bytes".utf8).write(to: file)
        await #expect(throws: StoreError.self) { try await store.content(withHash: hash) }
        // Nothing is left in the temporary folder after puts.
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: store.root.appendingPathComponent("tmp").path
        )
        #expect(leftovers.isEmpty)
    }
}
