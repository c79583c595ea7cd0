import Foundation
import Testing
import TicketLifecycle

/// Message bodies, tags, and commands that would change nothing.
@Suite("Message bodies, tags and no-op commands")
struct ContentTests {
    static let blankBodies = ["", " ", "\n", "\t \r\n", "\u{00A0}", "\u{2003}\u{3000}"]

    /// Each message command with an actor allowed to run it.
    static let messageCommands: [(String, @Sendable (MessageDraft) -> TicketCommand, SupportActor)] = [
        ("member_message", { .memberMessage($0) }, .requester),
        ("reply", { .reply($0, status: nil) }, .agentA),
        ("reply+solved", { .reply($0, status: .solved) }, .agentA),
        ("internal_note", { .internalNote($0) }, .clubOwner),
        ("automatic_message", { .automaticMessage($0) }, .system),
    ]

    @Test("blank bodies are refused for every message command", arguments: blankBodies)
    func blankBody(body: String) throws {
        let story = try Story.at(.open)
        for (name, make, actor) in Self.messageCommands {
            expectRefused(.invalidMessage, name) {
                _ = try TicketRules.handle(
                    make(Fixture.draft(body)),
                    on: story.ticket,
                    by: actor,
                    at: story.nextInstant
                )
            }
        }
    }

    @Test("a blank first message is refused", arguments: blankBodies)
    func blankCreation(body: String) {
        for actor in [SupportActor.requester, .agentA] {
            expectRefused(.invalidMessage) {
                _ = try TicketRules.create(
                    Fixture.creation(body: body),
                    id: Fixture.ticketID,
                    by: actor,
                    at: Fixture.start
                )
            }
        }
    }

    @Test("bodies with text are kept exactly, white space included")
    func bodyKeptAsIs() throws {
        var story = try Story.at(.open)
        for (name, make, actor) in Self.messageCommands {
            let body = "  \(name): Привет, ¿qué tal?\n"
            try story.run(
                make(MessageDraft(id: MessageID("msg-\(name)"), body: body, channel: .telegram, externalID: "ext")),
                by: actor
            )
            let message = try #require(story.ticket.messages.last)
            #expect(message.body == body)
            #expect(message.id == MessageID("msg-\(name)"))
            #expect(message.channel == .telegram && message.externalID == "ext")
            #expect(message.author == actor)
            #expect(message.at == Fixture.at(story.minute))
        }
        #expect(
            story.ticket.messages.map(\.kind) == [
                .memberMessage, .publicReply, .memberMessage, .publicReply, .publicReply, .internalNote, .automatic,
            ]
        )
    }

    @Test("tags are lowercased, deduplicated and kept sorted")
    func tagsNormalized() throws {
        var story = try Story()
        let events = try story.run(.addTags(["VIP", "vip", "Billing", "billing", "ÉTÉ"]))
        #expect(events.map(\.change) == [.tagsChanged(added: ["vip", "billing", "été"], removed: [])])
        #expect(story.ticket.tags == ["billing", "vip", "été"])
        let more = try story.run(.addTags(["Vip", "refund"]))
        #expect(more.map(\.change) == [.tagsChanged(added: ["refund"], removed: [])])
        #expect(story.ticket.tags == ["billing", "refund", "vip", "été"])
        let removed = try story.run(.removeTags(["BILLING", "missing", "billing"]))
        #expect(removed.map(\.change) == [.tagsChanged(added: [], removed: ["billing"])])
        #expect(story.ticket.tags == ["refund", "vip", "été"])
    }

    static let invalidTags = [
        "", " ", "two words", "tab\tx", "line\nbreak", "nbsp\u{00A0}x", " lead", "trail ",
        String(repeating: "x", count: TicketRules.maximumTagLength + 1),
    ]

    @Test("invalid tags are refused and nothing is added", arguments: invalidTags)
    func invalidTag(tag: String) throws {
        let story = try Story.at(.open)
        for command in [TicketCommand.addTags(["ok", tag]), .addTags([tag]), .removeTags(["vip", tag])] {
            expectRefused(.invalidTag, "\(command)") {
                _ = try TicketRules.handle(command, on: story.ticket, by: .agentA, at: story.nextInstant)
            }
        }
    }

    @Test("the longest tag is accepted")
    func longestTag() throws {
        var story = try Story()
        let tag = String(repeating: "x", count: TicketRules.maximumTagLength)
        try story.run(.addTags([tag]))
        #expect(story.ticket.tags == [tag])
        #expect(TicketRules.maximumTagLength == 64)
    }

    @Test("an invalid tag is refused before a tag that changes nothing")
    func invalidBeforeNoChange() throws {
        let story = try Story.at(.open)
        expectRefused(.invalidTag) {
            _ = try TicketRules.handle(
                .addTags(["vip", "a b"]),
                on: story.ticket,
                by: .agentA,
                at: story.nextInstant
            )
        }
    }

    /// Commands that change nothing on ``Story/at(_:)`` for an open ticket.
    static let noOps: [TicketCommand] = [
        .setStatus(.open), .assign(nil), .setPriority(.normal), .setReason(.access), .addTags(["vip"]),
        .addTags(["VIP", "vip"]), .addTags([]), .removeTags(["refund"]), .removeTags([]),
    ]

    @Test("commands that change nothing are refused", arguments: noOps)
    func noChange(command: TicketCommand) throws {
        let story = try Story.at(.open)
        expectRefused(.noChange, command.name) {
            _ = try TicketRules.handle(command, on: story.ticket, by: .agentA, at: story.nextInstant)
        }
    }

    @Test("assigning, reassigning and unassigning")
    func assignment() throws {
        var story = try Story.at(.open)
        #expect(try story.run(.assign(Fixture.agentA)).map(\.change) == [.assigned(from: nil, to: Fixture.agentA)])
        expectRefused(.noChange) {
            _ = try TicketRules.handle(
                .assign(Fixture.agentA),
                on: story.ticket,
                by: .agentB,
                at: story.nextInstant
            )
        }
        #expect(
            try story.run(.assign(Fixture.agentB)).map(\.change) == [
                .assigned(from: Fixture.agentA, to: Fixture.agentB)
            ]
        )
        #expect(try story.run(.assign(nil)).map(\.change) == [.assigned(from: Fixture.agentB, to: nil)])
        #expect(story.ticket.assignee == nil)
    }

    @Test("priority and reason changes record the old value")
    func priorityAndReason() throws {
        var story = try Story.at(.pending)
        #expect(try story.run(.setPriority(.urgent)).map(\.change) == [.priorityChanged(from: .normal, to: .urgent)])
        #expect(try story.run(.setReason(.refund)).map(\.change) == [.reasonChanged(from: .access, to: .refund)])
        #expect(story.ticket.priority == .urgent && story.ticket.reason == .refund)
        #expect(story.ticket.status == .pending)
    }

    @Test("permission is checked before the body")
    func permissionBeforeBody() throws {
        let story = try Story.at(.open)
        let cases: [(TicketCommand, SupportActor)] = [
            (.reply(Fixture.draft(""), status: nil), .requester),
            (.internalNote(Fixture.draft(" ")), .requester),
            (.automaticMessage(Fixture.draft("")), .agentA),
            (.memberMessage(Fixture.draft("")), .agentA),
        ]
        for (command, actor) in cases {
            expectRefused(.notPermitted, "\(command.name) by \(actor)") {
                _ = try TicketRules.handle(command, on: story.ticket, by: actor, at: story.nextInstant)
            }
        }
    }

    @Test("a blank reply asking for an impossible status is refused for its body")
    func bodyBeforeStatus() throws {
        let story = try Story.at(.open)
        expectRefused(.invalidMessage) {
            _ = try TicketRules.handle(
                .reply(Fixture.draft(""), status: .new),
                on: story.ticket,
                by: .agentA,
                at: story.nextInstant
            )
        }
    }
}
