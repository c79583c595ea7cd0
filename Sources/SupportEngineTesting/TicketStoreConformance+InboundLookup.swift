import Foundation
import SupportEngine

/// The inbound-lookup part of the contract: ``TicketStore/lookUpInbound(_:threads:)`` answers what the
/// single lookups answer, whichever of the keys are known.
extension TicketStoreConformance {
    static let inboundLookup = Check("inbound lookup: the message's ticket and its threads' in one read") {
        store,
        expect in
        try await store.commit(
            TicketCommit(writes: [
                try ConformanceFixtures.newWrite("T-1", externalID: "first", thread: "conv-1"),
                try ConformanceFixtures.newWrite("T-2", externalID: "second", thread: "conv-2"),
            ])
        )
        let known = ExternalMessageKey(channel: .email, externalID: "first")
        let unknown = ExternalMessageKey(channel: .email, externalID: "never")
        let threads = ["conv-2", "nope", "conv-1", "conv-2"].map(ThreadKey.init(rawValue:))
        let found = try await store.lookUpInbound(known, threads: threads)
        try expect.equal(found.storedIn, "T-1", "the ticket holding email/first")
        try expect.equal(
            found.threadOwners,
            [ThreadKey(rawValue: "conv-1"): "T-1", ThreadKey(rawValue: "conv-2"): "T-2"],
            "the tickets of conv-1 and conv-2, and nothing for an unknown key"
        )
        let new = try await store.lookUpInbound(unknown, threads: [])
        try expect.equal(new, InboundLookup(storedIn: nil, threadOwners: [:]), "a new message without threads")
        let otherChannel = try await store.lookUpInbound(
            ExternalMessageKey(channel: .telegram, externalID: "first"),
            threads: [ThreadKey(rawValue: "conv-2")]
        )
        try expect.equal(otherChannel.storedIn, nil, "the same id on another channel")
        try expect.equal(otherChannel.threadOwners, [ThreadKey(rawValue: "conv-2"): "T-2"], "conv-2 alone")
        for thread in threads {
            try expect.equal(
                found.threadOwners[thread],
                try await store.ticketID(forThread: thread),
                "the single lookup of \(thread)"
            )
        }
    }
}
