import Foundation
import SupportEngine
import SupportEngineTesting

/// Prints the demo's steps with the manual clock's time.
struct DemoPrinter {
    let clock: ManualClock

    func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(weekdays[(parts.weekday ?? 1) - 1]) \(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
            + "\(two(parts.hour)):\(two(parts.minute))"
    }

    func title(_ text: String) {
        print("== \(text)")
    }

    func step(_ text: String) {
        print("\n[\(format(clock.now))] \(text)")
    }

    func line(_ text: String) {
        print("    \(text)")
    }

    func indented(_ text: String) -> String {
        text.split(separator: "\n").joined(separator: "\n        ")
    }

    func views(desk: SupportDesk, ticket: TicketID, member: MemberID) async throws {
        let memberView = try await desk.memberView(of: ticket, for: member)
        line("member sees: status \(memberView.status), handled by \(memberView.assigneeName ?? "nobody yet")")
        for message in memberView.messages {
            let who = message.authorName ?? message.author.rawValue
            line("  \(who): \(indented(message.body))")
        }
        let agentView = try await desk.agentView(of: ticket)
        line("agent sees: status \(agentView.ticket.status), \(agentView.events.count) events")
        for message in agentView.ticket.messages {
            line("  [\(message.kind.rawValue)] \(message.author): \(indented(message.body))")
        }
    }
}
