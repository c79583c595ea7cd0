import Foundation
import RefundRules

/// 2026-01-01 00:00:00 UTC.
let t0 = Date(timeIntervalSince1970: 1_767_225_600)
let day: TimeInterval = 86_400

func at(day count: Double) -> Date { t0.addingTimeInterval(count * day) }

func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

let member: MemberID = "m-1"
let owner = SupportActor.owner("o-1")
let agent = SupportActor.agent("a-1")

/// A monthly plan: 14 days from each renewal, full refunds, goodwill for 30 days after the window,
/// at most 2 refunds in 12 months. An annual plan: 30 days from the first payment, strict, prorated.
let policy = RefundPolicy(plans: [
    "monthly": PlanRefundTerms(
        guaranteeDays: 14,
        windowStart: .eachRenewal,
        afterWindow: .goodwill(maxDaysAfterWindow: 30),
        amount: .full,
        repeatRequesters: RepeatRequesterLimit(maxRefunds: 2, withinMonths: 12),
        euWithdrawalDays: 14
    ),
    "annual": PlanRefundTerms(
        guaranteeDays: 30,
        windowStart: .firstPayment,
        afterWindow: .strict,
        amount: .proratedByUnusedTime,
        euWithdrawalDays: 14
    ),
])

/// Monthly charges of 10.00 EUR on days 0, 30, 60 (each paying 30 days).
func monthlyCharges(count: Int = 3, amount: Int64 = 1000) -> [Charge] {
    (0..<count).map { index in
        Charge(
            id: ChargeID("ch-\(index + 1)"),
            amount: eur(amount),
            at: at(day: Double(index * 30)),
            periodEnd: at(day: Double(index * 30 + 30))
        )
    }
}

/// One annual charge of 365.00 EUR on day 0 paying 365 days.
let annualCharge = Charge(id: "an-1", amount: eur(36_500), at: t0, periodEnd: at(day: 365))

func monthlyFacts(
    charges: [Charge] = monthlyCharges(),
    refunds: [IssuedRefund] = [],
    consents: [ConsentRecord] = [],
    isEUConsumer: Bool = false
) -> RefundFacts {
    RefundFacts(
        member: member,
        plan: "monthly",
        charges: charges,
        refunds: refunds,
        consents: consents,
        isEUConsumer: isEUConsumer
    )
}

func annualFacts(
    refunds: [IssuedRefund] = [],
    consents: [ConsentRecord] = [],
    isEUConsumer: Bool = false
)
    -> RefundFacts
{
    RefundFacts(
        member: member,
        plan: "annual",
        charges: [annualCharge],
        refunds: refunds,
        consents: consents,
        isEUConsumer: isEUConsumer
    )
}

func request(
    _ id: String = "r-1",
    charge: ChargeID? = nil,
    amount: Money? = nil,
    day count: Double
) -> RefundRequest {
    RefundRequest(
        id: RefundRequestID(id),
        member: member,
        chargeID: charge,
        requestedAmount: amount,
        at: at(day: count)
    )
}

/// A small seeded generator (SplitMix64) for property tests.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}
