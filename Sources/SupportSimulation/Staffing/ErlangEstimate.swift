import Foundation
import SupportEngine

/// Erlang C's first guess at each block's staff: the traffic the club's model sends into the block, the
/// mean handling time of its reasons, and the fewest agents whose share of tickets taken within the
/// shortest first-reply promise reaches the target.
///
/// It is a lower bound more than an answer: it ignores the tickets that pile up while the club is closed,
/// the members' second messages, and priorities. The simulation corrects it.
struct ErlangEstimate {
    /// Agents per block.
    var agents: [Int]
    /// Tickets a week that arrive in each block.
    var ticketsPerWeek: [Double]
    /// The mean handling time of the traffic's reasons, in seconds.
    var meanHandlingTime: TimeInterval
    /// The shortest first-reply promise, in seconds (business or calendar).
    var shortestPromise: TimeInterval

    init(club: ClubConfiguration, blocks: [StaffingBlock], target: Double) {
        let traffic = club.traffic
        let difficult = min(traffic.difficultMembers, max(0, club.members - 1))
        let weekly =
            Double(club.members - difficult) * traffic.ticketsPerMemberPerWeek + traffic.refundRequestsPerWeek
            + Double(difficult) * 2
        let shape = traffic.weekdayWeights.reduce(0, +) * traffic.hourWeights.reduce(0, +)
        ticketsPerWeek = blocks.map { block in
            guard shape > 0 else { return 0 }
            let (from, to) = block.minutes
            var share = 0.0
            for day in block.days {
                for minute in stride(from: from, to: to, by: 15) {
                    let weekday = (day.index + minute / 1440) % 7
                    let hour = (minute % 1440) / 60
                    share += traffic.weekdayWeights[weekday] * traffic.hourWeights[hour] / shape / 4
                }
            }
            return weekly * share
        }
        // A log-normal handling time of median m and spread 0.5 has the mean m·e^(0.125).
        let reasons = traffic.reasons.filter { $0.value > 0 }
        let totalWeight = reasons.values.reduce(0, +)
        let medianMinutes =
            totalWeight > 0
            ? reasons.reduce(0) { $0 + (SimulationRun.handlingMinutes[$1.key] ?? 10) * $1.value } / totalWeight : 10
        let handling = medianMinutes * 60 * exp(0.125)
        let shortest = StaffingPlanner.firstReplyPromises(of: club).values.map(\.seconds).min() ?? 86_400
        meanHandlingTime = handling
        shortestPromise = shortest
        agents = zip(blocks, ticketsPerWeek).map { block, tickets in
            guard tickets > 0, block.hoursPerWeek > 0 else { return 0 }
            let perHour = tickets / block.hoursPerWeek
            for count in 1...26 {
                let model = ErlangC(agents: count, arrivalsPerHour: perHour, meanHandlingTime: handling)
                if model.utilization < 1, model.serviceLevel(within: shortest) >= target { return count }
            }
            return 26
        }
    }
}
