import Foundation
import SupportEngine

/// The contract every `AttachmentStore` must keep, as checks an adapter runs from its own tests.
///
/// Each ``Check`` gets a fresh, empty store and throws a ``ConformanceFailure`` naming what the store
/// did wrong. With Swift Testing, run them one test case each:
///
/// ```swift
/// @Test(arguments: AttachmentStoreConformance.checks)
/// func conformance(_ check: AttachmentStoreConformance.Check) async throws {
///     try await check.run(against: MyFileSystemAttachmentStore(…))
/// }
/// ```
///
/// or all at once with ``run(against:)``.
public enum AttachmentStoreConformance {
    /// One named check of the contract.
    public typealias Check = ConformanceCheck<any AttachmentStore>

    /// Runs every check, each against a fresh store.
    ///
    /// - Parameter makeStore: Makes an empty store.
    /// - Throws: The first failure.
    public static func run(against makeStore: () async throws -> any AttachmentStore) async throws {
        for check in checks { try await check.run(against: try await makeStore()) }
    }

    /// Every check of the contract.
    public static let checks: [Check] = [
        emptyStoreReadsNothing, putThenRead, samePutKeepsOneCopy, deleteRemovesOnlyItsContent, putAfterDelete,
        malformedHashIsRefused, concurrentPutsKeepOneCopy, largeContentReadsBackExactly,
    ]

    static let emptyStoreReadsNothing = Check("an empty store reads nothing") { store, expect in
        let hash = AttachmentContent(Array("never stored".utf8)).contentHash
        try expect.that(try await store.content(withHash: hash) == nil, "an empty store returned content")
        try expect.that(try await store.delete(contentHash: hash) == false, "an empty store deleted something")
    }

    static let putThenRead = Check("content reads back as put, bytes and hash") { store, expect in
        let contents = [
            AttachmentContent(Array("Screenshot of the broken button — кнопка не работает, ¡no funciona!".utf8)),
            AttachmentContent((0...255).map { UInt8($0) }),
            AttachmentContent([]),
        ]
        for content in contents { try await store.put(content) }
        for content in contents {
            let read = try expect.require(
                try await store.content(withHash: content.contentHash),
                "content of \(content.byteSize) bytes"
            )
            try expect.equal(read.bytes, content.bytes, "bytes of the \(content.byteSize)-byte content")
            try expect.equal(read.contentHash, content.contentHash, "hash of the \(content.byteSize)-byte content")
        }
    }

    static let samePutKeepsOneCopy = Check("putting the same content twice keeps one copy") { store, expect in
        let content = AttachmentContent(Array("the same screenshot, sent twice".utf8))
        try await store.put(content)
        try await store.put(content)
        try expect.equal(try await store.content(withHash: content.contentHash), content, "content after two puts")
        try expect.that(try await store.delete(contentHash: content.contentHash), "the delete found nothing")
        try expect.that(
            try await store.content(withHash: content.contentHash) == nil,
            "one delete after two puts left content behind: the store kept more than one copy"
        )
        try expect.that(try await store.delete(contentHash: content.contentHash) == false, "a second delete")
    }

    static let deleteRemovesOnlyItsContent = Check("a delete removes its content and nothing else") { store, expect in
        let first = AttachmentContent(Array("first file".utf8))
        let second = AttachmentContent(Array("second file".utf8))
        try await store.put(first)
        try await store.put(second)
        try expect.that(try await store.delete(contentHash: first.contentHash), "the delete found nothing")
        try expect.that(try await store.content(withHash: first.contentHash) == nil, "deleted content was read back")
        try expect.equal(try await store.content(withHash: second.contentHash), second, "the other content")
    }

    static let putAfterDelete = Check("content put again after a delete is stored again") { store, expect in
        let content = AttachmentContent(Array("erased, then sent again".utf8))
        try await store.put(content)
        try await store.delete(contentHash: content.contentHash)
        try await store.put(content)
        try expect.equal(try await store.content(withHash: content.contentHash), content, "content put again")
    }

    static let malformedHashIsRefused = Check("a malformed hash is refused with invalidQuery") { store, expect in
        let content = AttachmentContent(Array("kept".utf8))
        try await store.put(content)
        let malformed = [
            "", "abc", content.contentHash.uppercased(), String(content.contentHash.dropLast()),
            content.contentHash + "0", String(content.contentHash.dropLast()) + "g", "../" + content.contentHash,
        ]
        for hash in malformed {
            try await expect.storeError(.invalidQuery, "reading '\(hash)'") {
                _ = try await store.content(withHash: hash)
            }
            try await expect.storeError(.invalidQuery, "deleting '\(hash)'") {
                _ = try await store.delete(contentHash: hash)
            }
        }
        try expect.equal(try await store.content(withHash: content.contentHash), content, "content after refusals")
    }

    static let concurrentPutsKeepOneCopy = Check("concurrent puts keep one copy of each content") { store, expect in
        let shared = AttachmentContent(Array("one screenshot, many messages".utf8))
        let own = (0..<16).map { AttachmentContent(Array("file \($0)".utf8)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<32 {
                group.addTask { try await store.put(index.isMultiple(of: 2) ? shared : own[index / 2]) }
            }
            try await group.waitForAll()
        }
        for content in own + [shared] {
            try expect.equal(
                try await store.content(withHash: content.contentHash),
                content,
                "content '\(String(decoding: content.bytes, as: UTF8.self))'"
            )
        }
        try expect.that(try await store.delete(contentHash: shared.contentHash), "the delete found nothing")
        try expect.that(
            try await store.content(withHash: shared.contentHash) == nil,
            "one delete after concurrent puts left content behind: the store kept more than one copy"
        )
    }

    static let largeContentReadsBackExactly = Check("a 256 KiB content reads back exactly") { store, expect in
        // A deterministic pattern with every byte value, not a run of one byte a store might compress away.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<(1 << 18)).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let content = AttachmentContent(bytes)
        try await store.put(content)
        let read = try expect.require(try await store.content(withHash: content.contentHash), "the 256 KiB content")
        try expect.that(read.bytes == bytes, "the 256 KiB content read back differs")
    }
}
