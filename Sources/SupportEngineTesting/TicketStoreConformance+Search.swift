import Foundation
import SupportEngine

/// The search part of the contract: every store finds the same tickets for the same query on one
/// corpus of English, Spanish and Russian tickets.
extension TicketStoreConformance {
    /// One ticket of the search corpus.
    struct SearchCase {
        let id: String
        let subject: String
        let body: String
        let channel: ChannelKind
        let reason: ContactReason
        let priority: Priority
        let tags: [String]
        let hoursAfterStart: Double
        var note: String? = nil
        var reply: String? = nil
    }

    static let searchCorpus: [SearchCase] = [
        SearchCase(
            id: "T-01",
            subject: "Payment failed",
            body: "My card payments keep failing at checkout.",
            channel: .email,
            reason: .billing,
            priority: .high,
            tags: ["card", "checkout"],
            hoursAfterStart: 0
        ),
        SearchCase(
            id: "T-02",
            subject: "¿Dónde está mi suscripción?",
            body: "Pagué la SUSCRIPCIÓN y no veo el curso.",
            channel: .webForm,
            reason: .access,
            priority: .normal,
            tags: ["es"],
            hoursAfterStart: 1,
            reply: "Hemos activado tu suscripción."
        ),
        SearchCase(
            id: "T-03",
            subject: "Не могу оплатить подписку",
            body: "Оплата не проходит, ёлки-палки!",
            channel: .email,
            reason: .billing,
            priority: .urgent,
            tags: ["card", "ru"],
            hoursAfterStart: 2
        ),
        SearchCase(
            id: "T-04",
            subject: "Refund please",
            body: "I was charged twice for the yearly plan.",
            channel: .supportPortal,
            reason: .refund,
            priority: .high,
            tags: ["refund"],
            hoursAfterStart: 3,
            note: "Internal: check the payment provider for the double charge."
        ),
        SearchCase(
            id: "T-05",
            subject: "Вопрос по курсу",
            body: "Где найти запись вебинара? Елка на заставке красивая.",
            channel: .forum,
            reason: .contentQuestion,
            priority: .low,
            tags: ["ru"],
            hoursAfterStart: 4
        ),
        SearchCase(
            id: "T-06",
            subject: "Canción del módulo 3",
            body: "La cancion no suena en la app.",
            channel: .email,
            reason: .brokenFeature,
            priority: .normal,
            tags: ["es", "app"],
            hoursAfterStart: 5
        ),
    ]

    /// Commits the corpus: each ticket created at its hour, tagged, with its reply and note.
    static func commitSearchCorpus(to store: any TicketStore) async throws {
        for item in searchCorpus {
            let at = ConformanceFixtures.start.addingTimeInterval(item.hoursAfterStart * 3600)
            let member = MemberID("member-\(item.id)")
            let message = TicketMessage(
                id: MessageID("\(item.id)-m1"),
                kind: .memberMessage,
                author: .member(member),
                body: item.body,
                at: at,
                channel: item.channel,
                externalID: "\(item.id)-ext"
            )
            let creation = TicketCreation(
                requester: member,
                subject: item.subject,
                channel: item.channel,
                reason: item.reason,
                priority: item.priority,
                firstMessage: message
            )
            let (ticket, event) = try TicketRules.create(creation, id: TicketID(item.id), by: .member(member), at: at)
            var ticketNow = ticket
            var events = [event]
            var commands: [TicketCommand] = [.addTags(item.tags)]
            if let reply = item.reply {
                commands.append(.reply(MessageDraft(id: MessageID("\(item.id)-m2"), body: reply), status: nil))
            }
            if let note = item.note {
                commands.append(.internalNote(MessageDraft(id: MessageID("\(item.id)-m3"), body: note)))
            }
            for command in commands {
                let (next, more) = try TicketRules.execute(
                    command,
                    on: ticketNow,
                    by: .agent("agent-1"),
                    at: at.addingTimeInterval(60)
                )
                ticketNow = next
                events += more
            }
            let write = TicketWrite(
                ticket: ticketNow,
                expectedVersion: 0,
                events: events,
                externalKeys: [ExternalMessageKey(channel: item.channel, externalID: "\(item.id)-ext")]
            )
            try await store.commit(TicketCommit(writes: [write]))
        }
    }

    /// The ids a query finds, reading every page.
    static func searchIDs(_ query: TicketQuery, in store: any TicketStore) async throws -> [String] {
        var query = query
        var ids: [String] = []
        while true {
            let page = try await store.tickets(matching: query)
            ids += page.tickets.map(\.ticket.id.rawValue)
            guard let next = page.nextCursor else { return ids }
            query.after = next
        }
    }

    static let textSearch = Check("text search folds case, accents and ё, and matches word forms") { store, expect in
        try await commitSearchCorpus(to: store)
        let cases: [(String, [String])] = [
            ("payment", ["T-01", "T-04"]),  // "payments" in T-01, the internal note of T-04
            ("PAYMENTS failing", ["T-01"]),
            ("suscripcion", ["T-02"]),
            ("Suscripción activado", ["T-02"]),  // the reply counts
            ("оплата", ["T-03"]),
            ("оплатить подписка", ["T-03"]),
            ("ёлки", ["T-03", "T-05"]),  // "ёлки" and "Елка": one word, ё and е folded
            ("ЁЛКА вебинар", ["T-05"]),
            ("canción", ["T-06"]),
            ("charged twice", ["T-04"]),
            ("nothing like this", []),
        ]
        for (text, expected) in cases {
            let found = try await searchIDs(TicketQuery(text: text, limit: 2), in: store)
            try expect.equal(found, expected, "tickets found for '\(text)'")
        }
    }

    static let searchFilters = Check("search combines text with tags, reasons, channels, priorities and dates") {
        store,
        expect in
        try await commitSearchCorpus(to: store)
        let start = ConformanceFixtures.start
        let hour: TimeInterval = 3600
        let cases: [(String, TicketQuery, [String])] = [
            ("tag card", TicketQuery(text: nil, tags: ["card"]), ["T-01", "T-03"]),
            ("tags ru and card", TicketQuery(text: nil, tags: ["ru", "card"]), ["T-03"]),
            ("reason billing", TicketQuery(text: nil, reasons: [.billing]), ["T-01", "T-03"]),
            ("channel email", TicketQuery(text: nil, channels: [.email]), ["T-01", "T-03", "T-06"]),
            (
                "priority high or urgent", TicketQuery(text: nil, priorities: [.high, .urgent]),
                ["T-01", "T-03", "T-04"]
            ),
            (
                "created in hours 1 to 3",
                TicketQuery(
                    text: nil,
                    createdFrom: start.addingTimeInterval(hour),
                    createdBefore: start.addingTimeInterval(3 * hour)
                ),
                ["T-02", "T-03"]
            ),
            (
                "updated from hour 4", TicketQuery(text: nil, updatedFrom: start.addingTimeInterval(4 * hour)),
                ["T-05", "T-06"]
            ),
            ("text with a channel", TicketQuery(text: "payment", channels: [.supportPortal]), ["T-04"]),
            ("text with a tag", TicketQuery(text: "app", tags: ["es"]), ["T-06"]),
            ("text with a requester", TicketQuery(text: "payment", requester: "member-T-01"), ["T-01"]),
            ("text with statuses", TicketQuery(text: "suscripcion", statuses: [.new]), []),
        ]
        for (what, query, expected) in cases {
            for limit in [1, 100] {
                var paged = query
                paged.limit = limit
                try expect.equal(try await searchIDs(paged, in: store), expected, "\(what), pages of \(limit)")
            }
        }
    }

    static let searchFollowsChanges = Check("a search sees a ticket's new messages and forgets edited-away tags") {
        store,
        expect in
        try await commitSearchCorpus(to: store)
        try expect.equal(try await searchIDs(TicketQuery(text: "webinar"), in: store), [], "before the message")
        let stored = try expect.require(try await store.ticket("T-01"), "T-01 of the corpus")
        let draft = MessageDraft(id: "T-01-m9", body: "Also, where is the webinar recording?")
        let message = try ConformanceFixtures.change(stored.ticket, .memberMessage(draft), by: .member("member-T-01"))
        let untagged = try ConformanceFixtures.change(message.ticket, .removeTags(["card"]))
        try await store.commit(TicketCommit(writes: [message]))
        try await store.commit(TicketCommit(writes: [untagged]))
        try expect.equal(try await searchIDs(TicketQuery(text: "webinar"), in: store), ["T-01"], "after the message")
        try expect.equal(
            try await searchIDs(TicketQuery(text: "payment", tags: ["card"]), in: store),
            [],
            "payment tickets still tagged card"
        )
    }

    static let searchQueriesValidated = Check("a search with no words, too long a text or an empty range is refused") {
        store,
        expect in
        let start = ConformanceFixtures.start
        let refused: [(String, TicketQuery)] = [
            ("punctuation only", TicketQuery(text: "?!… —")),
            ("an empty text", TicketQuery(text: "")),
            ("a text over the limit", TicketQuery(text: String(repeating: "a ", count: TicketQuery.maximumTextLength))),
            ("too many tags", TicketQuery(text: nil, tags: Set((0...TicketQuery.maximumTags).map { "tag\($0)" }))),
            ("an empty created range", TicketQuery(text: nil, createdFrom: start, createdBefore: start)),
            (
                "a reversed updated range",
                TicketQuery(text: nil, updatedFrom: start, updatedBefore: start.addingTimeInterval(-1))
            ),
        ]
        for (what, query) in refused {
            try await expect.storeError(.invalidQuery, what) { _ = try await store.tickets(matching: query) }
        }
    }
}
