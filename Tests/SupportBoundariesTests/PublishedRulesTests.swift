import Foundation
import SupportBoundaries
import SupportCore
import Testing

/// The rules a member reads, in English, Russian and Spanish.
@Suite("Published rules")
struct PublishedRulesTests {
    static let policy: BoundariesPolicy = {
        let office = try! BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [
                    .init(days: Weekday.workdays, start: "09:00", end: "18:00"),
                    .init(days: [.saturday], start: "10:00", end: "14:00"),
                ],
                holidays: [.init(date: "2026-01-01")]
            )
        )
        let chat = try! makeCalendar("Europe/Moscow", [(Weekday.workdays, "10:00", "16:00")])
        return try! BoundariesPolicy(
            hours: office,
            channels: [
                .init(
                    kind: .email,
                    reasons: [.access, .billing],
                    purpose: ["en": "Write any time.", "ru": "Пишите в любое время."]
                ),
                .init(kind: .liveChat, hours: chat, firstReply: .business(1200)),
            ],
            promises: [.urgent: .init(firstReply: .business(2 * 3600)), .normal: .init(firstReply: .calendar(86_400))],
            scope: .init(outOfScope: [.init(reason: .personalConsultation, redirect: "https://example.org/consult")]),
            absences: [.init(from: "2026-07-01", through: "2026-07-14", substitute: "agent-7")]
        )
    }()

    @Test(
        "the rules name hours with the time zone, channels, promises, scope and absences",
        arguments: [
            (
                "en",
                [
                    "# How our support works", "Mon–Fri 09:00–18:00; Sat 10:00–14:00 (time zone Europe/Moscow)",
                    "Closed on public holidays.",
                    "Email — for access and login, payments and invoices. Write any time.",
                    "Live chat; Mon–Fri 10:00–16:00 (time zone Europe/Moscow); reply within 20 min of working time while open",
                    "Urgent: first reply within 2 h of working time", "Normal: first reply within 1 d",
                    "We do not handle personal consultations here: please go to https://example.org/consult",
                    "Away from 2026-07-01 to 2026-07-14; agent-7 answers meanwhile",
                ]
            ),
            (
                "ru",
                [
                    "# Как работает наша поддержка", "Пн–Пт 09:00–18:00; Сб 10:00–14:00 (часовой пояс Europe/Moscow)",
                    "Электронная почта — для доступ и вход, оплата и счета. Пишите в любое время.",
                    "Срочно: первый ответ в течение 2 ч рабочего времени", "Онлайн-чат",
                    "Здесь мы не занимаемся темой «личные консультации»",
                ]
            ),
            (
                "es",
                [
                    "# Cómo funciona nuestro soporte",
                    "lun–vie 09:00–18:00; sáb 10:00–14:00 (zona horaria Europe/Moscow)",
                    "Correo electrónico — para acceso e inicio de sesión, pagos y facturas. Write any time.",
                    "Urgente: primera respuesta en 2 h de horario laboral", "No atendemos aquí consultas personales",
                ]
            ),
        ]
    )
    func rules(locale: String, phrases: [String]) throws {
        let tag = try #require(LocaleTag(rawValue: locale))
        let rules = Self.policy.publishedRules(in: tag)
        #expect(rules.locale == tag)
        for phrase in phrases {
            #expect(rules.text.contains(phrase), "\(locale): missing '\(phrase)' in\n\(rules.text)")
        }
    }

    @Test("other languages fall back to English")
    func fallback() throws {
        let rules = Self.policy.publishedRules(in: try #require(LocaleTag(rawValue: "de")))
        #expect(rules.locale == .en)
        #expect(rules.title == "How our support works")
        #expect(
            rules.sections.map(\.heading) == [
                "Hours", "How to reach us", "When we answer", "What we do not handle here", "Absences",
            ]
        )
    }

    @Test("an always-open line says so")
    func alwaysOpen() throws {
        let policy = try BoundariesPolicy(hours: .alwaysOpen(timeZone: "America/New_York"))
        let rules = policy.publishedRules(in: .en)
        #expect(rules.sections == [.init(heading: "Hours", lines: ["around the clock (time zone America/New_York)"])])
    }
}
