import Foundation
import SupportEngine

extension ClubAudit {
    /// The eight points of the seeds' checklist (groups 0 to 7).
    static func checklist(_ club: ClubConfiguration, into out: inout FindingCollector) {
        let desk = club.desk
        let boundaries = desk.boundaries
        // 1. Prospects' information and registration.
        let prospects = desk.selfService[.preSales] ?? []
        out.add(
            "prospect_information",
            0,
            "Prospects find what the club is, its price and how to join, without asking",
            !prospects.isEmpty,
            prospects.isEmpty
                ? "no page answers pre-sales questions by itself" : "pre-sales page: \(prospects[0].url)",
            fix: "add desk.selfService.pre_sales with the page that says what the club is, what it costs and how "
                + "to join; the desk then sends it with the acknowledgement of every pre-sales question"
        )
        // 2. Applicants hear back: when and where.
        let promised = Priority.allCases.filter { boundaries?.promises[$0]?.firstReply != nil }
        out.add(
            "acknowledgement",
            1,
            "Every message acknowledged with the expected reply time",
            boundaries != nil,
            boundaries != nil
                ? "acknowledgement on" : "acknowledgement off: members hear nothing until an agent writes",
            fix: "set \"acknowledgement\": true in desk"
        )
        out.add(
            "promises",
            1,
            "A response promise for every priority",
            promised.count == Priority.allCases.count,
            "first-reply promises for: \(promised.isEmpty ? "none" : promised.map(\.rawValue).joined(separator: ", "))",
            fix: "add desk.boundaries.promises.<priority>.firstReply for low, normal, high and urgent"
        )
        // 3. Welcome after joining.
        let journey = desk.journey
        let welcomeOK = journey.map { $0.welcomeDelay <= 86_400 } ?? false
        out.add(
            "welcome",
            2,
            "A welcome from the owner right after joining",
            welcomeOK,
            journey.map { "welcome \(days($0.welcomeDelay)) after joining" }
                ?? "no member journey: nobody is welcomed",
            fix: journey == nil
                ? "add desk.journey (e.g. {\"welcomeDelayDays\": 0}) and put the owner's welcome video or call link "
                    + "in the journey.welcome template"
                : "set desk.journey.welcomeDelayDays to 0 or 1: a welcome a week late does not help anyone start"
        )
        // 4. Onboarding.
        let onboardingOK = journey.map { $0.onboardingCheckInDelay <= 14 * 86_400 && $0.newcomerPeriod >= 7 * 86_400 }
        out.add(
            "onboarding",
            3,
            "An onboarding programme: newcomers are checked on and helped to start",
            onboardingOK ?? false,
            journey.map {
                "newcomers for \(days($0.newcomerPeriod)); onboarding check-in \(days($0.onboardingCheckInDelay)) "
                    + "after joining"
            } ?? "no member journey: no onboarding check-in",
            fix: journey == nil
                ? "add desk.journey with \"newcomerDays\": 30 and \"onboardingCheckInDays\": 7, and say in the "
                    + "journey.onboarding_check_in template how newcomers meet others and set their goals"
                : "set desk.journey.onboardingCheckInDays to 14 or less and newcomerDays to 7 or more"
        )
        // 5. Finding the content.
        let content = desk.selfService[.contentQuestion] ?? []
        out.add(
            "content_findable",
            4,
            "Members find the content by themselves",
            !content.isEmpty,
            content.isEmpty ? "no library or FAQ page is offered" : "content page: \(content[0].url)",
            fix: "add desk.selfService.content_question with the library or FAQ page; the desk sends it with the "
                + "acknowledgement of every content question"
        )
        // 6. Rules, known and enforced.
        out.add(
            "moderation",
            5,
            "Conduct rules published and enforced",
            desk.rulesLink != nil && !desk.moderation.ladder.isEmpty,
            desk.rulesLink == nil
                ? "warnings cannot point members to published conduct rules (no rulesLink)"
                : "conduct ladder of \(desk.moderation.ladder.count) steps, rules at \(desk.rulesLink!)",
            fix: "set desk.rulesLink to the page with the conduct rules, and desk.moderation for the club's own "
                + "ladder (see Sources/Moderation/Docs.docc/ModerationGuide.md)"
        )
        whereToAsk(club, into: &out)
        // 8. Feedback, and telling members what changed.
        out.add(
            "feedback",
            7,
            "Feedback asked after solving",
            desk.requestsRatings,
            desk.requestsRatings ? "members are asked for a rating after solving" : "no feedback step",
            fix: "set desk.ratings.askAfterSolve to true"
        )
        let languages = Set(desk.agents.flatMap(\.languages))
        let announced = Set(desk.templates.locales(of: .youSaidWeDid))
        let missing = languages.subtracting(announced).map(\.rawValue).sorted()
        out.add(
            "you_said_we_did",
            7,
            "Members are told what changed after their feedback (\"you said, we did\")",
            journey != nil && !languages.isEmpty && missing.isEmpty,
            journey == nil
                ? "no member journey: a fix the owner announces reaches nobody"
                : missing.isEmpty
                    ? "fix announcements go out in \(languages.map(\.rawValue).sorted().joined(separator: ", "))"
                    : "no feedback.you_said_we_did text in: \(missing.joined(separator: ", "))",
            fix: journey == nil
                ? "add desk.journey, then announce each fix (POST /owner/fixes or desk.journey.announceFix) so "
                    + "members and leavers hear what changed"
                : "add the feedback.you_said_we_did template in \(missing.joined(separator: ", ")) to desk.templates"
        )
    }

    /// Point 7: where to ask and how fast (group 6).
    static func whereToAsk(_ club: ClubConfiguration, into out: inout FindingCollector) {
        let desk = club.desk
        let boundaries = desk.boundaries
        let channels = boundaries?.channels.map(\.kind.rawValue) ?? []
        out.add(
            "channels",
            6,
            "At least two ways to reach support",
            channels.count >= 2,
            channels.isEmpty ? "no channels are published" : "channels: \(channels.joined(separator: ", "))",
            fix: "list at least two channels in desk.boundaries.channels, e.g. email and live_chat"
        )
        out.add(
            "published_hours",
            6,
            "Hours and rules published",
            boundaries != nil && desk.rulesLink != nil,
            boundaries == nil
                ? "no boundaries: acknowledgement is off and nothing is published"
                : desk.rulesLink == nil
                    ? "boundaries are set but no rulesLink says where members read them"
                    : "rules published at \(desk.rulesLink!)",
            fix: "set desk.boundaries (hours, channels, promises) and desk.rulesLink to the page members read"
        )
        let promised = Priority.allCases.filter { boundaries?.promises[$0]?.firstReply != nil }
        let longestOpenDay = Self.longestOpenDay(of: club.hours)
        let slow = Priority.allCases.compactMap { priority -> String? in
            guard let target = boundaries?.promises[priority]?.firstReply else { return nil }
            switch target {
            case .calendar(let seconds): return seconds <= 86_400 ? nil : "\(priority) \(DurationFormat.target(target))"
            case .business(let seconds):
                return seconds <= max(longestOpenDay, 1) ? nil : "\(priority) \(DurationFormat.target(target))"
            }
        }
        out.add(
            "promise_24h",
            6,
            "A first reply promised within 24 hours",
            !promised.isEmpty && slow.isEmpty,
            slow.isEmpty
                ? (promised.isEmpty ? "no promise at all" : "every promise is within 24 h or one working day")
                : "too slow: \(slow.joined(separator: ", "))",
            fix: "promise a first reply within 24 h (calendar) or one working day of business time"
        )
        let cancel = desk.selfService[.cancelSubscription] ?? []
        out.add(
            "self_service_cancel",
            6,
            "Members can cancel by themselves",
            !cancel.isEmpty,
            cancel.isEmpty ? "no cancellation link" : "cancellation link: \(cancel[0].url)",
            fix: "add desk.selfService.cancel_subscription with the page where members cancel"
        )
        let payment = desk.selfService[.billing] ?? []
        out.add(
            "self_service_payment",
            6,
            "Members can change payment details by themselves",
            !payment.isEmpty,
            payment.isEmpty ? "no payment-details link" : "payment link: \(payment[0].url)",
            fix: "add desk.selfService.billing with the page where members change their card"
        )
        let uncovered = desk.agents.filter { $0.substitute == nil }.map(\.id.rawValue)
        let absences = boundaries?.absences.count ?? 0
        out.add(
            "absence_plan",
            6,
            "An absence plan: someone covers every agent",
            !desk.agents.isEmpty && uncovered.isEmpty,
            uncovered.isEmpty
                ? "every agent has a substitute\(absences > 0 ? ", \(absences) absence(s) announced" : "")"
                : "no substitute for: \(uncovered.joined(separator: ", "))",
            fix:
                "give every agent a substitute (desk.routing.agents[i].substitute); with one agent, name the owner as a second agent"
        )
        out.add(
            "refunds",
            6,
            "Refund rules decided in advance",
            desk.refunds != nil,
            desk.refunds == nil ? "no refund policy" : "refund policy set",
            fix: "set desk.refunds with each plan's guarantee (see Sources/RefundRules/Docs.docc/RefundRulesGuide.md)"
        )
    }

    /// A duration in days, `at once` for zero.
    static func days(_ seconds: TimeInterval) -> String {
        seconds <= 0 ? "at once" : seconds < 86_400 ? "\(Int(seconds / 3600)) h" : "\(Int(seconds / 86_400)) day(s)"
    }
}
