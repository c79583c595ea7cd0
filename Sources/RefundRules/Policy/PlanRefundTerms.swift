import SupportCore

/// The refund terms of one plan: its guarantee window, what happens after it, and how much comes back.
///
/// Monthly and annual plans usually differ: a monthly plan might guarantee 14 days from each renewal
/// and refund in full, an annual plan 30 days from the first payment and refund the unused time.
/// Every field but ``guaranteeDays`` has a default, so the smallest JSON is `{"guaranteeDays": 14}`.
public struct PlanRefundTerms: Sendable, Hashable, Codable {
    /// The length of the guarantee window in days of 24 hours. Inside it a refund is approved.
    public var guaranteeDays: Int
    /// What the window is counted from.
    public var windowStart: WindowStart
    /// What happens to a request outside the window.
    public var afterWindow: AfterWindow
    /// How much an approved refund returns.
    public var amount: AmountRule
    /// How many refunds a member may get before the owner must look; `nil` for no limit.
    public var repeatRequesters: RepeatRequesterLimit?
    /// The statutory withdrawal period in days (14 in the EU), counted from the first payment;
    /// `nil` when the plan is not sold under such a right.
    ///
    /// The right applies only when ``RefundFacts/isEUConsumer`` is true and the member has no
    /// ``ConsentRecord`` waiving it.
    public var euWithdrawalDays: Int?
    /// What else a full approved refund does besides returning money: cancel the subscription,
    /// revoke access, both or neither. A partial refund (less than the member is entitled to)
    /// only returns money.
    public var outcomesOnApproval: Set<RefundOutcome>

    /// What the guarantee window is counted from.
    public enum WindowStart: String, Sendable, Hashable, Codable, CaseIterable {
        /// The member's first payment for the plan: renewals get no new window.
        case firstPayment
        /// Each charge, the first payment and every renewal, opens its own window.
        case eachRenewal
    }

    /// How much an approved refund returns.
    public enum AmountRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// The whole charge, less what was already refunded.
        case full
        /// The charge times the unused share of its period, rounded down to the minor unit,
        /// less what was already refunded.
        case proratedByUnusedTime
    }

    /// What happens to a request outside the guarantee window.
    ///
    /// Encodes as `{"mode": "strict"}` or `{"mode": "goodwill", "maxDaysAfterWindow": 30}`.
    public enum AfterWindow: Sendable, Hashable, Codable {
        /// Deny, with the window as the reason.
        case strict
        /// Escalate to the owner, who may refund in good will; only up to the given number of days
        /// after the window, later requests are denied.
        case goodwill(maxDaysAfterWindow: Int)

        private enum CodingKeys: String, CodingKey {
            case mode
            case maxDaysAfterWindow
        }

        /// Decodes `{"mode": "strict"}` or `{"mode": "goodwill", "maxDaysAfterWindow": 30}`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: A `DecodingError` for an unknown mode or a goodwill mode without its bound.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let mode = try container.decode(String.self, forKey: .mode)
            switch mode {
            case "strict": self = .strict
            case "goodwill":
                self = .goodwill(maxDaysAfterWindow: try container.decode(Int.self, forKey: .maxDaysAfterWindow))
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .mode,
                    in: container,
                    debugDescription: "unknown mode '\(mode)': use \"strict\" or \"goodwill\""
                )
            }
        }

        /// Encodes the rule as an object with its mode.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: Whatever the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .strict:
                try container.encode("strict", forKey: .mode)
            case .goodwill(let days):
                try container.encode("goodwill", forKey: .mode)
                try container.encode(days, forKey: .maxDaysAfterWindow)
            }
        }
    }

    /// Creates terms for a plan.
    ///
    /// - Parameters:
    ///   - guaranteeDays: The length of the guarantee window in days.
    ///   - windowStart: What the window is counted from; the first payment by default.
    ///   - afterWindow: What happens outside the window; strict by default.
    ///   - amount: How much an approved refund returns; the full charge by default.
    ///   - repeatRequesters: The repeat-requester limit, or `nil` for none.
    ///   - euWithdrawalDays: The statutory withdrawal period, or `nil` when none applies.
    ///   - outcomesOnApproval: What a full refund does besides returning money; by default it
    ///     cancels the subscription and revokes access.
    public init(
        guaranteeDays: Int,
        windowStart: WindowStart = .firstPayment,
        afterWindow: AfterWindow = .strict,
        amount: AmountRule = .full,
        repeatRequesters: RepeatRequesterLimit? = nil,
        euWithdrawalDays: Int? = nil,
        outcomesOnApproval: Set<RefundOutcome> = [.cancelSubscription, .revokeAccess]
    ) {
        self.guaranteeDays = guaranteeDays
        self.windowStart = windowStart
        self.afterWindow = afterWindow
        self.amount = amount
        self.repeatRequesters = repeatRequesters
        self.euWithdrawalDays = euWithdrawalDays
        self.outcomesOnApproval = outcomesOnApproval
    }

    private enum CodingKeys: String, CodingKey {
        case guaranteeDays
        case windowStart
        case afterWindow
        case amount
        case repeatRequesters
        case euWithdrawalDays
        case outcomesOnApproval
    }

    /// Decodes terms; every field but `guaranteeDays` may be left out and takes its default.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for a missing `guaranteeDays` or a value of the wrong form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            guaranteeDays: try container.decode(Int.self, forKey: .guaranteeDays),
            windowStart: try container.decodeIfPresent(WindowStart.self, forKey: .windowStart) ?? .firstPayment,
            afterWindow: try container.decodeIfPresent(AfterWindow.self, forKey: .afterWindow) ?? .strict,
            amount: try container.decodeIfPresent(AmountRule.self, forKey: .amount) ?? .full,
            repeatRequesters: try container.decodeIfPresent(RepeatRequesterLimit.self, forKey: .repeatRequesters),
            euWithdrawalDays: try container.decodeIfPresent(Int.self, forKey: .euWithdrawalDays),
            outcomesOnApproval: Set(
                try container.decodeIfPresent([RefundOutcome].self, forKey: .outcomesOnApproval)
                    ?? [.cancelSubscription, .revokeAccess]
            )
        )
    }

    /// Encodes the terms with every field, outcomes in a stable order.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(guaranteeDays, forKey: .guaranteeDays)
        try container.encode(windowStart, forKey: .windowStart)
        try container.encode(afterWindow, forKey: .afterWindow)
        try container.encode(amount, forKey: .amount)
        try container.encodeIfPresent(repeatRequesters, forKey: .repeatRequesters)
        try container.encodeIfPresent(euWithdrawalDays, forKey: .euWithdrawalDays)
        try container.encode(outcomesOnApproval.sorted(), forKey: .outcomesOnApproval)
    }

    /// Checks the terms, naming the first bad field under `path`.
    ///
    /// - Parameter path: Where the terms sit in the configuration, such as `plans.annual`.
    /// - Throws: ``RefundError`` with ``RefundError/Code/invalidPolicy``.
    public func validate(path: String) throws {
        func fail(_ field: String, _ problem: String) -> RefundError {
            RefundError(.invalidPolicy, "\(path).\(field): \(problem)")
        }
        guard (0...3650).contains(guaranteeDays) else {
            throw fail("guaranteeDays", "must be 0 to 3650 days (got \(guaranteeDays))")
        }
        if case .goodwill(let days) = afterWindow, !(1...3650).contains(days) {
            throw fail("afterWindow.maxDaysAfterWindow", "must be 1 to 3650 days (got \(days)); use strict for none")
        }
        if let limit = repeatRequesters {
            guard (0...1000).contains(limit.maxRefunds) else {
                throw fail("repeatRequesters.maxRefunds", "must be 0 to 1000 (got \(limit.maxRefunds))")
            }
            guard (1...120).contains(limit.withinMonths) else {
                throw fail("repeatRequesters.withinMonths", "must be 1 to 120 months (got \(limit.withinMonths))")
            }
        }
        if let days = euWithdrawalDays, !(1...365).contains(days) {
            throw fail("euWithdrawalDays", "must be 1 to 365 days (got \(days)); leave it out when no right applies")
        }
        if outcomesOnApproval.contains(.refund) {
            throw fail("outcomesOnApproval", "lists only cancelSubscription and revokeAccess; the refund is implied")
        }
    }
}

/// How many refunds a member may get in a span of months before a request goes to the owner.
///
/// A request that would be the member's refund number `maxRefunds + 1` within the last
/// `withinMonths` calendar months (counted in UTC) is escalated to the owner instead of approved.
public struct RepeatRequesterLimit: Sendable, Hashable, Codable {
    /// The number of refunds approved without the owner within the span.
    public var maxRefunds: Int
    /// The span, in calendar months back from the request.
    public var withinMonths: Int

    /// Creates a limit.
    ///
    /// - Parameters:
    ///   - maxRefunds: The number of refunds approved without the owner within the span.
    ///   - withinMonths: The span in months.
    public init(maxRefunds: Int, withinMonths: Int) {
        self.maxRefunds = maxRefunds
        self.withinMonths = withinMonths
    }
}
