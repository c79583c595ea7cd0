// QuickStart: embed a SupportDesk in your own program with the in-memory adapters.
// Run it with `swift run QuickStart` from the repository root.
import Foundation
import SupportEngine

let email = InMemoryChannel(kind: .email)
let desk = try SupportDesk(
    store: InMemoryTicketStore(),
    clock: SystemClock(),
    channels: [email],
    configuration: DeskConfiguration(agents: [AgentProfile(id: "olga", displayName: "Olga")])
)

// A member writes in: your email webhook or web form handler builds this.
let outcome = try await desk.receive(
    InboundMessage(
        channel: .email,
        externalID: "<welcome-1@club.example>",
        sender: "member-42",
        subject: "Where is the course?",
        body: "I paid yesterday but I do not see the course in my account.",
        receivedAt: Date()
    )
)

// An agent answers; the reply is committed with the ticket and sent through the email channel.
try await desk.assign(outcome.ticket.id, to: "olga", by: .agent("olga"))
try await desk.addInternalNote(to: outcome.ticket.id, body: "Payment webhook was late.", by: .agent("olga"))
try await desk.reply(to: outcome.ticket.id, body: "It is there now. Enjoy!", by: .agent("olga"), status: .pending)

// What the member sees: no internal notes.
let view = try await desk.memberView(of: outcome.ticket.id, for: "member-42")
print("ticket \(view.reference ?? "-"): \(view.status), handled by \(view.assigneeName ?? "-")")
for message in view.messages { print("  \(message.authorName ?? message.author.rawValue): \(message.body)") }
print("emails sent: \(email.sentMessages.count)")
