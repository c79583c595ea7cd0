import Foundation
import SupportCore

/// The rules of the support line as a member reads them: hours with the time zone, promises, what each
/// channel is for, what is out of scope, absences.
public struct PublishedRules: Sendable, Hashable {
    /// One titled part of the rules.
    public struct Section: Sendable, Hashable {
        /// The section's heading.
        public var heading: String
        /// The section's lines.
        public var lines: [String]

        /// Creates a section.
        ///
        /// - Parameters:
        ///   - heading: The heading.
        ///   - lines: The lines.
        public init(heading: String, lines: [String]) {
            self.heading = heading
            self.lines = lines
        }
    }

    /// The language the rules are written in (`en`, `ru` or `es`; others fall back to `en`).
    public var locale: LocaleTag
    /// The title.
    public var title: String
    /// The sections, in reading order; empty sections are left out.
    public var sections: [Section]

    /// The rules as Markdown: the title, then each section as a heading and a list.
    public var text: String {
        var text = "# \(title)\n"
        for section in sections {
            text += "\n## \(section.heading)\n\n"
            text += section.lines.map { "- \($0)\n" }.joined()
        }
        return text
    }
}

extension BoundariesPolicy {
    /// The published rules in a language.
    ///
    /// - Parameter locale: The language; `en`, `ru` and `es` are built in, others fall back to `en`.
    /// - Returns: The rules.
    public func publishedRules(in locale: LocaleTag) -> PublishedRules {
        let words = RulesVocabulary.forLocale(locale)
        let language = ["ru", "es"].contains(locale.language) ? LocaleTag(rawValue: locale.language)! : .en
        var sections: [PublishedRules.Section] = []

        var hoursLines = [Self.describe(hours, words)]
        if !hours.configuration.holidays.isEmpty { hoursLines.append(words.holidays) }
        sections.append(.init(heading: words.hoursHeading, lines: hoursLines))

        let channelLines = channels.map { channel -> String in
            var line = words.channel(channel.kind)
            if !channel.reasons.isEmpty {
                line += " — \(words.meantFor) \(channel.reasons.map(words.reason).joined(separator: ", "))"
            }
            if let purpose = channel.purpose[language.rawValue] ?? channel.purpose["en"] { line += ". \(purpose)" }
            if let own = channel.hours, own != hours { line += "; \(Self.describe(own, words))" }
            if let promise = channel.firstReply {
                line += "; \(words.filling(words.whileOpen, words.duration(promise)))"
            }
            return line
        }
        if !channelLines.isEmpty { sections.append(.init(heading: words.channelsHeading, lines: channelLines)) }

        let promiseLines = Priority.allCases.reversed().compactMap { priority -> String? in
            guard let targets = promises[priority] else { return nil }
            let parts = [
                (words.firstReply, targets.firstReply), (words.nextReply, targets.nextReply),
                (words.resolution, targets.resolution),
            ]
            .compactMap { name, promise in promise.map { "\(name) \(words.within) \(words.duration($0))" } }
            guard !parts.isEmpty else { return nil }
            return "\(words.priorities[priority] ?? priority.rawValue): \(parts.joined(separator: "; "))"
        }
        if !promiseLines.isEmpty { sections.append(.init(heading: words.promisesHeading, lines: promiseLines)) }

        let scopeLines = scope.outOfScope.map { entry in
            "\(words.filling(words.notHandled, words.reason(entry.reason))): \(words.goTo) \(entry.redirect)"
        }
        if !scopeLines.isEmpty { sections.append(.init(heading: words.scopeHeading, lines: scopeLines)) }

        let absenceLines = absences.map { absence -> String in
            var line = words.filling(words.away, absence.from, absence.through)
            if let substitute = absence.substitute {
                line += "; \(words.filling(words.substitute, substitute.rawValue))"
            }
            if let note = absence.note { line += ". \(note)" }
            return line
        }
        if !absenceLines.isEmpty { sections.append(.init(heading: words.absencesHeading, lines: absenceLines)) }

        return PublishedRules(locale: language, title: words.title, sections: sections)
    }

    /// A calendar's weekly hours, such as `Mon–Fri 09:00–18:00 (time zone Europe/Moscow)`.
    static func describe(_ calendar: BusinessCalendar, _ words: RulesVocabulary) -> String {
        let configuration = calendar.configuration
        let zone = "(\(words.timeZone) \(configuration.timeZone))"
        if configuration.alwaysOpen { return "\(words.aroundTheClock) \(zone)" }
        var perDay: [[String]] = Array(repeating: [], count: 7)
        for window in configuration.windows {
            for day in window.days { perDay[day.index].append("\(window.start)–\(window.end)") }
        }
        let texts = perDay.map { $0.sorted().joined(separator: ", ") }
        var groups: [String] = []
        var first = 0
        while first < 7 {
            var last = first
            while last + 1 < 7 && texts[last + 1] == texts[first] { last += 1 }
            if !texts[first].isEmpty {
                let days = first == last ? words.days[first] : "\(words.days[first])–\(words.days[last])"
                groups.append("\(days) \(texts[first])")
            }
            first = last + 1
        }
        return "\(groups.isEmpty ? words.closed : groups.joined(separator: "; ")) \(zone)"
    }
}
