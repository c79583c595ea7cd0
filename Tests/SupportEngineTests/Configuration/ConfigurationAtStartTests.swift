import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The configuration is validated when the desk starts")
struct ConfigurationAtStartTests {
    /// Starts a desk with `configuration` and expects it to refuse with the value's JSON path, and the
    /// name of the property in code in the message.
    private func expectRefused(
        _ configuration: DeskConfiguration,
        path: String,
        property: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: DeskConfigurationError.self, sourceLocation: sourceLocation) {
            _ = try SupportDesk(store: InMemoryTicketStore(), clock: ManualClock(), configuration: configuration)
        }
        #expect(error?.code == .invalidConfiguration, sourceLocation: sourceLocation)
        #expect(error?.path == path, sourceLocation: sourceLocation)
        #expect(error?.description.hasPrefix("\(path): ") == true, sourceLocation: sourceLocation)
        if let property {
            #expect(
                error?.message.contains("DeskConfiguration.\(property)") == true,
                "\(error?.description ?? "no error")",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func aNaNAutoCloseIsRefusedInsteadOfStoppingTheTimers() {
        var configuration = DeskConfiguration()
        configuration.autoCloseAfter = .nan
        expectRefused(configuration, path: "tickets.autoCloseAfter", property: "autoCloseAfter")
    }

    @Test(arguments: [Double.nan, .infinity, -1, 0])
    func aRetryDelayThatIsNotAPositiveNumberIsRefused(_ seconds: Double) {
        var configuration = DeskConfiguration()
        configuration.deliveryRetryDelay = seconds
        expectRefused(configuration, path: "delivery.retryDelay", property: "deliveryRetryDelay")
    }

    @Test(arguments: [0.0, -300, .nan, -Double.infinity])
    func aClaimThatGivesNoMutualExclusionIsRefused(_ seconds: Double) {
        var configuration = DeskConfiguration()
        configuration.deliveryClaimDuration = seconds
        expectRefused(configuration, path: "delivery.claimDuration", property: "deliveryClaimDuration")
    }

    @Test func countsOutOfRangeAreRefused() {
        var configuration = DeskConfiguration()
        configuration.maximumDeliveryAttempts = 0
        expectRefused(configuration, path: "delivery.maximumAttempts", property: "maximumDeliveryAttempts")
        configuration = DeskConfiguration()
        configuration.conflictRetries = -1
        expectRefused(configuration, path: "tickets.conflictRetries", property: "conflictRetries")
        configuration = DeskConfiguration()
        configuration.maximumBodyBytes = 0
        expectRefused(configuration, path: "tickets.maximumBodyBytes", property: "maximumBodyBytes")
        configuration = DeskConfiguration()
        configuration.maximumSubjectLength = 0
        expectRefused(configuration, path: "tickets.maximumSubjectLength", property: "maximumSubjectLength")
        configuration = DeskConfiguration(agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 0)])
        expectRefused(configuration, path: "routing.agents[0].capacity")
    }

    @Test func aBackOffThatWouldWaitForeverIsRefused() {
        // 60 s doubled 1,100 times is past any date: the message would wait for ever.
        var configuration = DeskConfiguration()
        configuration.maximumDeliveryAttempts = 1_100
        expectRefused(configuration, path: "delivery.maximumAttempts", property: "maximumDeliveryAttempts")
    }

    @Test func anInvalidJourneyPolicyIsRefusedAtStartNotAtTheFirstJourneyCall() {
        var policy = JourneyPolicy()
        policy.quietMargin = policy.quietAfter
        expectRefused(DeskConfiguration(journey: policy), path: "journey.quietMarginDays")
    }

    @Test func theDefaultsAndAFullConfigurationStart() throws {
        _ = try SupportDesk(store: InMemoryTicketStore(), clock: ManualClock())
        let configuration = DeskConfiguration(
            agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 1)],
            journey: JourneyPolicy(),
            requestsRatings: true
        )
        _ = try SupportDesk(store: InMemoryTicketStore(), clock: ManualClock(), configuration: configuration)
    }
}
