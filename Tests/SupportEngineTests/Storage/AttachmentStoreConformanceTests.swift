import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("InMemoryAttachmentStore conformance")
struct AttachmentStoreConformanceTests {
    @Test("conformance check", arguments: AttachmentStoreConformance.checks)
    func conformance(_ check: AttachmentStoreConformance.Check) async throws {
        try await check.run(against: InMemoryAttachmentStore())
    }

    @Test("the suite runs every check, each on a fresh store, under distinct names")
    func runAll() async throws {
        var made = 0
        try await AttachmentStoreConformance.run {
            made += 1
            return InMemoryAttachmentStore()
        }
        #expect(made == AttachmentStoreConformance.checks.count)
        #expect(Set(AttachmentStoreConformance.checks.map(\.name)).count == AttachmentStoreConformance.checks.count)
    }

    @Test("the suite catches a store that keeps a copy per put and trusts any hash")
    func catchesCopyingStore() async throws {
        var failed: [String] = []
        for check in AttachmentStoreConformance.checks {
            do {
                try await check.run(against: CopyPerPutStore())
            } catch is ConformanceFailure {
                failed.append(check.name)
            }
        }
        #expect(
            Set(failed) == [
                "putting the same content twice keeps one copy", "concurrent puts keep one copy of each content",
                "a malformed hash is refused with invalidQuery",
            ]
        )
    }
}

/// A broken adapter: every put adds a copy and a delete removes one, and any text is taken as a hash.
private actor CopyPerPutStore: AttachmentStore {
    private var copies: [String: [AttachmentContent]] = [:]

    func put(_ content: AttachmentContent) { copies[content.contentHash, default: []].append(content) }

    func content(withHash contentHash: String) -> AttachmentContent? { copies[contentHash]?.first }

    func delete(contentHash: String) -> Bool {
        guard var list = copies[contentHash], !list.isEmpty else { return false }
        list.removeLast()
        copies[contentHash] = list.isEmpty ? nil : list
        return true
    }
}
