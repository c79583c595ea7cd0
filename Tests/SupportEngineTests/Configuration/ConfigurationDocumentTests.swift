import Foundation
import SupportEngine
import Testing

@Suite("The desk configuration document")
struct ConfigurationDocumentTests {
    static let hours =
        #"{"timeZone": "Europe/Berlin", "windows": [{"days": ["monday"], "start": "09:00", "end": "18:00"}]}"#

    static let full = #"""
        {
          "hours": \#(hours),
          "acknowledgement": true,
          "sla": {
            "targets": { "urgent": { "firstReply": {"business": 3600}, "resolution": {"business": 28800} } },
            "warningFraction": 0.8,
            "escalations": [ {"after": 7200, "action": "raisePriority"}, {"after": 14400, "action": {"notify": "lead"}} ]
          },
          "routing": {
            "agents": [
              {"id": "anna", "displayName": "Anna", "languages": ["en", "es"], "skills": ["billing"], "capacity": 30,
               "shift": \#(hours), "substitute": "ivan"},
              {"id": "ivan", "displayName": "Ivan"}
            ],
            "strategy": "leastLoaded", "autoAssign": false,
            "classifier": {"rules": [{"id": "club.merch", "reason": "merch", "weight": 40, "patterns": ["hoodie*"]}]}
          },
          "delivery": { "retryDelay": 30, "claimDuration": 120, "maximumAttempts": 3 },
          "tickets": { "autoCloseAfter": 86400, "maximumBodyBytes": 1000, "maximumSubjectLength": 200, "conflictRetries": 2 },
          "templates": { "acknowledgement": { "en": "Got it, {{member_name}}." } },
          "selfService": { "cancel_subscription": [ {"titles": {"en": "Cancel", "ru": "Отменить"}, "url": "https://x.example/cancel"} ] },
          "rulesLink": "https://x.example/rules",
          "refunds": { "plans": { "monthly": { "guaranteeDays": 14 } } },
          "moderation": { "ladder": [ {"action": "warning"}, {"action": "removal"} ], "forgivenessDays": 90 },
          "journey": { "newcomerDays": 20 },
          "ratings": { "askAfterSolve": true }
        }
        """#

    func decode(_ json: String) throws -> DeskConfiguration {
        try DeskConfiguration.decode(json: Data(json.utf8))
    }

    func error(_ json: String) -> DeskConfigurationError? {
        do {
            _ = try decode(json)
            Issue.record("decoded without an error: \(json)")
            return nil
        } catch let error as DeskConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    func path(_ json: String) -> String? { error(json)?.path }

    @Test func anEmptyDocumentGivesTheDefaults() throws {
        let configuration = try decode("{}")
        let defaults = DeskConfiguration()
        #expect(configuration.hours == nil && configuration.sla == nil && configuration.boundaries == nil)
        #expect(configuration.maximumBodyBytes == defaults.maximumBodyBytes)
        #expect(configuration.maximumSubjectLength == defaults.maximumSubjectLength)
        #expect(configuration.autoCloseAfter == defaults.autoCloseAfter)
        #expect(configuration.conflictRetries == defaults.conflictRetries)
        #expect(configuration.deliveryRetryDelay == defaults.deliveryRetryDelay)
        #expect(configuration.deliveryClaimDuration == defaults.deliveryClaimDuration)
        #expect(configuration.maximumDeliveryAttempts == defaults.maximumDeliveryAttempts)
        #expect(configuration.agents.isEmpty && configuration.selfService.isEmpty)
        #expect(configuration.templates == .builtIn)
        #expect(configuration.refunds == nil && configuration.journey == nil && configuration.rulesLink == nil)
        #expect(configuration.moderation == .standard)
        #expect(configuration.routing.priorities == .builtIn && configuration.routing.strategy == .skillsAndLanguage)
        #expect(configuration.routing.autoAssign && configuration.routing.classifierConfiguration == nil)
        #expect(!configuration.requestsRatings)
        try configuration.validate()
        try DeskConfiguration().validate()
    }

    @Test func hoursAloneGiveTheSeedRulesAndThePublishedPromises() throws {
        let configuration = try decode(#"{"hours": \#(Self.hours)}"#)
        let hours = try #require(configuration.hours)
        #expect(configuration.boundaries == (try BoundariesPolicy.seedDefaults(hours: hours)))
        #expect(configuration.sla == SLAPolicy(boundaries: try BoundariesPolicy.seedDefaults(hours: hours)))
        let quiet = try decode(#"{"hours": \#(Self.hours), "acknowledgement": false, "sla": false}"#)
        #expect(quiet.boundaries == nil && quiet.sla == nil && quiet.hours == hours)
    }

    @Test func theFullDocumentIsRead() throws {
        let configuration = try decode(Self.full)
        let sla = try #require(configuration.sla)
        #expect(sla.targets[.urgent]?.firstReply == .business(3600))
        #expect(sla.targets[.urgent]?.nextReply == nil, "a target replaces the priority's promises as a whole")
        #expect(sla.targets[.normal] == configuration.boundaries?.promises[.normal])
        #expect(sla.warningFraction == 0.8 && sla.escalations.count == 2)
        #expect(configuration.agents.map(\.id) == ["anna", "ivan"])
        #expect(configuration.agents[1].capacity == 20 && configuration.agents[1].languages.isEmpty)
        #expect(configuration.agents[0].shift == configuration.hours)
        #expect(configuration.routing.strategy == .leastLoaded && !configuration.routing.autoAssign)
        #expect(configuration.routing.classifier.classify(subject: nil, body: "hoodies?").reason.rawValue == "merch")
        #expect(configuration.deliveryRetryDelay == 30 && configuration.maximumDeliveryAttempts == 3)
        #expect(configuration.autoCloseAfter == 86_400 && configuration.conflictRetries == 2)
        let acknowledgement = try configuration.templates.render(
            .acknowledgement,
            for: .en,
            values: ["member_name": "Olga"]
        )
        #expect(acknowledgement == "Got it, Olga.")
        #expect(
            configuration.templates.template(.acknowledgement, for: .ru)
                == TemplateCatalog.builtIn.template(.acknowledgement, for: .ru)
        )
        #expect(configuration.selfService[.cancelSubscription]?.first?.title(in: .ru) == "Отменить")
        #expect(configuration.refunds != nil && configuration.moderation.forgivenessDays == 90)
        #expect(configuration.journey?.newcomerPeriod == 20 * JourneyPolicy.day)
        #expect(configuration.requestsRatings && configuration.rulesLink == "https://x.example/rules")
    }

    @Test func encodingThenDecodingGivesTheSameConfiguration() throws {
        for json in [
            Self.full, "{}", #"{"hours": \#(Self.hours), "acknowledgement": false, "sla": {"warningFraction": null}}"#,
            #"{"hours": \#(Self.hours), "sla": {"warningFractions": [0.5, 0.75, 0.9], "alertsOutsideHours": true}}"#,
        ] {
            let configuration = try decode(json)
            let encoded = try configuration.json()
            let again = try DeskConfiguration.decode(json: encoded)
            #expect(again.hours == configuration.hours)
            #expect(again.boundaries == configuration.boundaries)
            #expect(again.sla == configuration.sla)
            #expect(again.agents == configuration.agents)
            #expect(again.routing.priorities == configuration.routing.priorities)
            #expect(again.routing.strategy == configuration.routing.strategy)
            #expect(again.routing.autoAssign == configuration.routing.autoAssign)
            #expect(again.routing.classifierConfiguration == configuration.routing.classifierConfiguration)
            #expect(again.routing.classifier.rules == configuration.routing.classifier.rules)
            #expect(again.deliveryRetryDelay == configuration.deliveryRetryDelay)
            #expect(again.deliveryClaimDuration == configuration.deliveryClaimDuration)
            #expect(again.maximumDeliveryAttempts == configuration.maximumDeliveryAttempts)
            #expect(again.autoCloseAfter == configuration.autoCloseAfter)
            #expect(again.maximumBodyBytes == configuration.maximumBodyBytes)
            #expect(again.maximumSubjectLength == configuration.maximumSubjectLength)
            #expect(again.conflictRetries == configuration.conflictRetries)
            #expect(again.templates == configuration.templates)
            #expect(again.selfService == configuration.selfService)
            #expect(again.rulesLink == configuration.rulesLink)
            #expect(again.refunds == configuration.refunds)
            #expect(again.moderation == configuration.moderation)
            #expect(again.journey == configuration.journey)
            #expect(again.requestsRatings == configuration.requestsRatings)
            #expect(try again.json() == encoded, "the written form is stable")
        }
    }

    @Test func aConfigurationBuiltInCodeRoundTrips() throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "08:00", end: "16:00")]
            )
        )
        var configuration = DeskConfiguration(
            agents: [AgentProfile(id: "olga", displayName: "Olga", languages: [.ru])],
            sla: SLAPolicy.seedDefaults(calendar: hours),
            requestsRatings: true
        )
        configuration.selfService[.billing] = [SelfServiceLink(titles: [.en: "Pay"], url: "https://x.example/pay")]
        let again = try DeskConfiguration.decode(json: try configuration.json())
        #expect(again.sla == configuration.sla && again.boundaries == nil && again.hours == hours)
        #expect(again.agents == configuration.agents && again.selfService == configuration.selfService)
        #expect(again.requestsRatings)
    }

    @Test func agentsAndLinksHaveAFriendlyForm() throws {
        let agent = try JSONDecoder().decode(
            AgentProfile.self,
            from: Data(#"{"id": "anna", "displayName": "Anna"}"#.utf8)
        )
        #expect(agent == AgentProfile(id: "anna", displayName: "Anna"))
        let encoded = String(decoding: try JSONEncoder().encode(agent), as: UTF8.self)
        #expect(!encoded.contains("languages") && encoded.contains(#""capacity":20"#))
        let link = SelfServiceLink(titles: [.en: "Cancel"], url: "https://x.example")
        let text = String(decoding: try JSONEncoder().encode(link), as: UTF8.self)
        #expect(text.contains(#""titles":{"en":"Cancel"}"#))
        #expect(try JSONDecoder().decode(SelfServiceLink.self, from: Data(text.utf8)) == link)
    }

    static let agents = #"[{"id": "anna", "displayName": "Anna"}, {"id": "ivan", "displayName": "Ivan"}]"#

    @Test func everyProblemNamesItsJSONPath() {
        let hours = Self.hours
        #expect(path("{ not json") == "")
        #expect(path(#"{"hours2": {}}"#) == "hours2")
        #expect(error(#"{"hours2": {}}"#)?.description.hasPrefix("hours2: unknown key") == true)
        #expect(path(#"{"delivery": {"retryDelays": 1}}"#) == "delivery.retryDelays")
        #expect(
            path(#"{"routing": {"agents": [{"id": "a", "displayName": "A", "skill": []}]}}"#)
                == "routing.agents[0].skill"
        )
        #expect(
            path(#"{"hours": \#(hours), "sla": {"targets": {"urgent": {"firstReply": {"business": 0}}}}}"#)
                == "sla.targets.urgent.firstReply"
        )
        #expect(
            error(#"{"hours": \#(hours), "sla": {"targets": {"urgent": {"firstReply": {"business": 0}}}}}"#)?.message
                .hasPrefix("must be above zero") == true
        )
        #expect(path(#"{"hours": \#(hours), "sla": {"targets": {"soon": {}}}}"#) == "sla.targets.soon")
        #expect(path(#"{"hours": \#(hours), "sla": {"warningFraction": 1.5}}"#) == "sla.warningFraction")
        #expect(path(#"{"hours": \#(hours), "sla": {"warningFractions": [0.5, 0.5]}}"#) == "sla.warningFractions[1]")
        #expect(path(#"{"hours": \#(hours), "sla": {"warningFractions": [1.5]}}"#) == "sla.warningFractions[0]")
        #expect(
            path(#"{"hours": \#(hours), "sla": {"warningFraction": 0.5, "warningFractions": [0.9]}}"#)
                == "sla.warningFractions"
        )
        #expect(
            path(
                #"{"hours": \#(hours), "sla": {"escalations": [{"after": 60, "action": "raisePriority"}, {"after": 30, "action": "raisePriority"}]}}"#
            ) == "sla.escalations[1].after"
        )
        #expect(path(#"{"sla": {"warningFraction": 0.5}}"#) == "sla")
        #expect(path(#"{"delivery": {"retryDelay": -1}}"#) == "delivery.retryDelay")
        #expect(path(#"{"delivery": {"retryDelay": 0}}"#) == "delivery.retryDelay")
        #expect(
            error(#"{"delivery": {"retryDelay": -1}}"#)?.message.hasPrefix(
                "must be a finite number of seconds above zero"
            ) == true
        )
        #expect(path(#"{"delivery": {"claimDuration": 0}}"#) == "delivery.claimDuration")
        #expect(path(#"{"delivery": {"maximumAttempts": 0}}"#) == "delivery.maximumAttempts")
        #expect(path(#"{"tickets": {"autoCloseAfter": 0}}"#) == "tickets.autoCloseAfter")
        #expect(path(#"{"tickets": {"maximumBodyBytes": 0}}"#) == "tickets.maximumBodyBytes")
        #expect(path(#"{"tickets": {"autoCloseAfter": "soon"}}"#) == "tickets.autoCloseAfter")
        #expect(
            path(#"{"routing": {"agents": [{"id": "anna", "displayName": "A"}, {"id": "anna", "displayName": "B"}]}}"#)
                == "routing.agents[1].id"
        )
        #expect(
            error(
                #"{"routing": {"agents": [{"id": "anna", "displayName": "A"}, {"id": "anna", "displayName": "B"}]}}"#
            )?.description
                .hasPrefix("routing.agents[1].id: the agent id 'anna' is used twice") == true
        )
        #expect(path(#"{"routing": {"agents": [{"id": "anna"}]}}"#) == "routing.agents[0].displayName")
        #expect(
            path(#"{"routing": {"agents": [{"id": "a", "displayName": "A", "capacity": "many"}]}}"#)
                == "routing.agents[0].capacity"
        )
        #expect(
            path(#"{"routing": {"agents": [{"id": "a", "displayName": "A", "capacity": 0}]}}"#)
                == "routing.agents[0].capacity"
        )
        #expect(
            path(#"{"routing": {"agents": [{"id": "a", "displayName": "A", "substitute": "zoe"}]}}"#)
                == "routing.agents[0].substitute"
        )
        #expect(
            path(#"{"routing": {"agents": [{"id": "a", "displayName": "A", "languages": ["english!"]}]}}"#)
                == "routing.agents[0].languages[0]"
        )
        #expect(path(#"{"routing": {"strategy": "random"}}"#) == "routing.strategy")
        #expect(
            path(
                #"{"routing": {"classifier": {"rules": [{"id": "x", "reason": "billing", "weight": 0, "patterns": ["a"]}]}}}"#
            ) == "routing.classifier"
        )
        #expect(
            path(#"{"selfService": {"billing": [{"titles": {"??": "x"}, "url": "u"}]}}"#)
                == "selfService.billing[0].titles.??"
        )
        #expect(
            path(#"{"selfService": {"billing": [{"titles": {"en": "x"}, "url": ""}]}}"#) == "selfService.billing[0].url"
        )
        #expect(path(#"{"templates": {"acknowledgement": {"en": "Hi {{name"}}}"#) == "templates.acknowledgement.en")
        #expect(path(#"{"templates": {"acknowledgement": {"english": "Hi"}}}"#) == "templates.acknowledgement.english")
        #expect(path(#"{"journey": {"quietMarginDays": 30}}"#) == "journey.quietMarginDays")
        #expect(
            path(#"{"moderation": {"ladder": [{"action": "warning"}], "forgivenessDays": 90}}"#)?.hasPrefix(
                "moderation.ladder"
            ) == true
        )
        #expect(path(#"{"refunds": {"plans": {}}}"#) == "refunds.plans")
        #expect(path(#"{"boundaries": {"hours": \#(hours), "promises": {"soon": {}}}}"#) == "boundaries.promises.soon")
        #expect(
            path(
                #"{"hours": {"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "25:00", "end": "18:00"}]}}"#
            )?.hasPrefix("hours.windows[0]") == true
        )
        #expect(path(#"{"ratings": {"askAfterSolve": "yes"}}"#) == "ratings.askAfterSolve")
        #expect(path(#"{"ratings": {"ask": true}}"#) == "ratings.ask")
        #expect(throws: DeskConfigurationError.self) { try DeskConfiguration.load(path: "/nonexistent/desk.json") }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 0, -5])
    func validationRefusesDurationsThatAreNotPositiveAndFinite(_ seconds: Double) {
        var configuration = DeskConfiguration()
        configuration.deliveryRetryDelay = seconds
        #expect(throws: DeskConfigurationError.self) { try configuration.validate() }
        configuration = DeskConfiguration()
        configuration.autoCloseAfter = seconds
        #expect(
            performing: { try configuration.validate() },
            throws: { ($0 as? DeskConfigurationError)?.path == "tickets.autoCloseAfter" }
        )
        configuration = DeskConfiguration()
        configuration.deliveryClaimDuration = seconds
        #expect(
            performing: { try configuration.validate() },
            throws: { ($0 as? DeskConfigurationError)?.path == "delivery.claimDuration" }
        )
        let hours = try? BusinessCalendar(
            .init(timeZone: "UTC", windows: [.init(days: [.monday], start: "09:00", end: "17:00")])
        )
        if let hours {
            configuration = DeskConfiguration(
                sla: SLAPolicy(calendar: hours, targets: [.high: ResponseTargets(nextReply: .calendar(seconds))])
            )
            #expect(
                performing: { try configuration.validate() },
                throws: { ($0 as? DeskConfigurationError)?.path == "sla.targets.high.nextReply" }
            )
        }
    }

    @Test func anErrorCanBePlacedUnderAKey() {
        let error = DeskConfigurationError(.invalidConfiguration, path: "delivery.retryDelay", "bad")
        #expect(error.under("desk").path == "desk.delivery.retryDelay")
        #expect(error.under("desk").description == "desk.delivery.retryDelay: bad")
        #expect(DeskConfigurationError(.invalidConfiguration, path: "", "bad").under("desk").path == "desk")
        #expect(error.code == .invalidConfiguration)
    }
}
