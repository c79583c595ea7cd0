import Foundation
import SupportBoundaries
import SupportCore
import Testing

/// Decisions for new messages, on Moscow office hours (Mon–Fri 09–18) and chat hours (Mon–Fri 10–16).
/// 2026-01-05 is a Monday.
@Suite("Boundaries decisions")
struct PolicyDecisionTests {
    static let office = try! makeCalendar("Europe/Moscow", [(Weekday.workdays, "09:00", "18:00")])
    static let chat = try! makeCalendar("Europe/Moscow", [(Weekday.workdays, "10:00", "16:00")])
    let policy = try! BoundariesPolicy.seedDefaults(hours: office, chatHours: chat)

    @Test("email is acknowledged with the 24-hour promise")
    func emailAcknowledgement() throws {
        let decision = policy.decide(
            .init(channel: .email, reason: .access, priority: .normal),
            at: at("2026-01-05T10:00:00+03:00")
        )
        #expect(decision.expectedReply == at("2026-01-06T10:00:00+03:00"))
        #expect(decision.promise == .calendar(86_400))
        #expect(decision.isOpen)
        #expect(decision.replies.map(\.kind) == [.acknowledgement])
        let values = try #require(decision.reply(.acknowledgement)).values
        #expect(values["expected_reply"] == "2026-01-06T07:00:00Z")
        #expect(values["expected_reply_local"] == "2026-01-06 10:00")
        #expect(values["time_zone"] == "Europe/Moscow")
        #expect(decision.reply(.acknowledgement)?.templateKey == "boundaries.acknowledgement")
    }

    @Test("live chat promises 20 minutes of its open time while open")
    func onlinePromise() {
        let decision = policy.decide(.init(channel: .liveChat, priority: .urgent), at: at("2026-01-05T15:50:00+03:00"))
        #expect(decision.promise == .business(1200))
        #expect(decision.expectedReply == at("2026-01-06T10:10:00+03:00"))
        #expect(!decision.sendsAfterHoursNotice)
    }

    @Test("a closed chat falls back to the priority's promise and sends an after-hours notice")
    func closedChat() throws {
        let decision = policy.decide(.init(channel: .liveChat, priority: .normal), at: at("2026-01-05T17:00:00+03:00"))
        #expect(decision.promise == .calendar(86_400))
        #expect(decision.expectedReply == at("2026-01-06T17:00:00+03:00"))
        #expect(!decision.isOpen)
        let notice = try #require(decision.reply(.afterHours))
        #expect(notice.templateKey == "boundaries.after_hours")
        #expect(notice.values["next_opening_local"] == "2026-01-06 10:00")
        #expect(notice.values["next_opening"] == "2026-01-06T07:00:00Z")
    }

    @Test(
        "the after-hours notice goes out at most once a day per conversation",
        arguments: [
            (nil, true),
            ("2026-01-10T08:00:00+03:00", false),
            ("2026-01-09T12:00:01+03:00", false),
            ("2026-01-09T12:00:00+03:00", true),
        ] as [(String?, Bool)]
    )
    func afterHoursOncePerDay(last: String?, expected: Bool) {
        let input = BoundariesInput(channel: .email, priority: .normal, lastAfterHoursNotice: last.map(at))
        let decision = policy.decide(input, at: at("2026-01-10T12:00:00+03:00"))
        #expect(decision.sendsAfterHoursNotice == expected)
        #expect(decision.reply(.acknowledgement) != nil)
    }

    @Test("an out-of-scope reason gets only the out-of-scope reply")
    func outOfScope() throws {
        let decision = policy.decide(
            .init(channel: .email, reason: .personalConsultation),
            at: at("2026-01-10T12:00:00+03:00")
        )
        #expect(decision.replies.map(\.kind) == [.outOfScope])
        #expect(decision.expectedReply == nil)
        #expect(decision.outOfScope?.reason == .personalConsultation)
        let values = try #require(decision.reply(.outOfScope)).values
        #expect(values["redirect"] == "book a paid consultation on the site")
        #expect(values["reason"] == "personal_consultation")
    }

    @Test("a reason missing from a non-empty handled list is out of scope")
    func handledList() throws {
        let narrow = try BoundariesPolicy(hours: Self.office, scope: .init(handled: [.access, .billing]))
        #expect(
            narrow.decide(.init(channel: .email, reason: .feedback), at: at("2026-01-05T10:00:00+03:00")).outOfScope
                == nil
        )
        #expect(
            narrow.decide(.init(channel: .email, reason: .feedback), at: at("2026-01-05T10:00:00+03:00")).replies.map(
                \.kind
            ) == [.outOfScope]
        )
        #expect(
            narrow.decide(.init(channel: .email, reason: .billing), at: at("2026-01-05T10:00:00+03:00")).replies.map(
                \.kind
            ) == [.acknowledgement]
        )
        #expect(
            narrow.decide(.init(channel: .email), at: at("2026-01-05T10:00:00+03:00")).replies.map(\.kind) == [
                .acknowledgement
            ]
        )
    }

    @Test("during an absence without a substitute the promise counts from the return")
    func absenceWithoutSubstitute() throws {
        let away = try BoundariesPolicy(
            hours: Self.office,
            promises: [.normal: .init(firstReply: .calendar(86_400))],
            absences: [.init(from: "2026-07-01", through: "2026-07-14", note: "on a retreat")]
        )
        let decision = away.decide(.init(channel: .email), at: at("2026-07-04T12:00:00+03:00"))
        // Back on Wednesday the 15th when the office opens at 09:00, not at midnight.
        #expect(decision.expectedReply == at("2026-07-16T09:00:00+03:00"))
        #expect(decision.replies.map(\.kind) == [.acknowledgement, .absence])
        #expect(decision.routeTo == nil)
        let values = try #require(decision.reply(.absence)).values
        #expect(values["absent_until_local"] == "2026-07-15 09:00")
        #expect(values["note"] == "on a retreat")
        #expect(values["substitute"] == nil)
        let before = away.decide(.init(channel: .email), at: at("2026-06-30T23:59:59+03:00"))
        #expect(before.absence == nil)
        let after = away.decide(.init(channel: .email), at: at("2026-07-15T00:00:00+03:00"))
        #expect(after.absence == nil)
    }

    @Test("during an absence with a substitute the message is routed to them")
    func absenceWithSubstitute() throws {
        let away = try BoundariesPolicy(
            hours: Self.office,
            promises: [.urgent: .init(firstReply: .business(2 * 3600))],
            absences: [.init(from: "2026-01-05", through: "2026-01-09", substitute: "agent-7")]
        )
        let decision = away.decide(.init(channel: .email, priority: .urgent), at: at("2026-01-09T17:00:00+03:00"))
        #expect(decision.routeTo == "agent-7")
        #expect(decision.expectedReply == at("2026-01-12T10:00:00+03:00"))
        #expect(decision.reply(.absence)?.values["substitute"] == "agent-7")
        let evening = away.decide(.init(channel: .email, priority: .urgent), at: at("2026-01-09T19:00:00+03:00"))
        #expect(evening.replies.map(\.kind) == [.acknowledgement, .afterHours, .absence])
    }

    @Test("no promise for a priority means no expected reply")
    func noPromise() {
        let bare = try! BoundariesPolicy(hours: Self.office)
        let decision = bare.decide(.init(channel: .email, priority: .low), at: at("2026-01-05T10:00:00+03:00"))
        #expect(decision.expectedReply == nil)
        #expect(decision.reply(.acknowledgement)?.values["expected_reply"] == nil)
    }
}
