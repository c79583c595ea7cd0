import Foundation
import SupportCore

extension BoundariesPolicy {
    /// The channel policy for a kind, if the line offers it.
    ///
    /// - Parameter kind: The channel.
    /// - Returns: The channel's policy, or `nil` when it is not offered.
    public func channel(_ kind: ChannelKind) -> ChannelPolicy? {
        channels.first { $0.kind == kind }
    }

    /// The hours of a channel: its own, or the line's.
    ///
    /// - Parameter kind: The channel.
    /// - Returns: The calendar the channel is staffed on.
    public func hours(for kind: ChannelKind) -> BusinessCalendar {
        channel(kind)?.hours ?? hours
    }

    /// The response promises for a priority (empty when none are configured).
    ///
    /// - Parameter priority: The priority.
    /// - Returns: The promises.
    public func targets(for priority: Priority) -> ResponseTargets {
        promises[priority] ?? ResponseTargets()
    }

    /// The absence in effect at an instant, if any.
    ///
    /// - Parameter date: The instant.
    /// - Returns: The first absence whose days contain the instant, with its real range.
    public func absence(at date: Date) -> (absence: Absence, range: DateInterval)? {
        for (index, range) in absenceRanges.enumerated()
        where absences[index].agent == nil && range.start <= date && date < range.end {
            return (absences[index], range)
        }
        return nil
    }

    /// One agent's dated absence in effect at an instant, if any.
    ///
    /// - Parameters:
    ///   - agent: The agent.
    ///   - date: The instant.
    /// - Returns: The first of the agent's absences whose days contain the instant, with its real range.
    public func absence(of agent: AgentID, at date: Date) -> (absence: Absence, range: DateInterval)? {
        for (index, range) in absenceRanges.enumerated()
        where absences[index].agent == agent && range.start <= date && date < range.end {
            return (absences[index], range)
        }
        return nil
    }

    /// When support answers again after an absence: the absence's end when the line is open then, else
    /// the line's next opening — Monday 09:00 for an absence through Friday, not Saturday 00:00.
    ///
    /// - Parameter range: The absence's real range.
    /// - Returns: The instant to tell members.
    public func answersAgain(after range: DateInterval) -> Date {
        if hours.isOpen(at: range.end) { return range.end }
        return (try? hours.nextOpening(after: range.end)) ?? range.end
    }

    /// Decides the automatic replies for a new message at an instant. Pure: the same input gives the
    /// same decision.
    ///
    /// - An out-of-scope reason gets only the out-of-scope reply, naming where to go instead.
    /// - Otherwise the member is acknowledged at once with the expected reply instant: the channel's own
    ///   promise (the 20 minutes of online channels) while the channel is open, else the first-reply
    ///   promise for the priority, on the line's hours. During an absence without a substitute the
    ///   promise counts from the end of the absence.
    /// - When the channel is closed, an after-hours notice with the next opening is added unless the
    ///   member got one (``BoundariesInput/lastAfterHoursNotice``, on any of their conversations) less
    ///   than ``afterHoursNoticeInterval`` ago (and not during an absence
    ///   without a substitute, whose notice says more).
    /// - During an absence, an absence notice is added and the message is routed to the substitute.
    ///
    /// - Parameters:
    ///   - input: The message's channel, reason, priority and last after-hours notice.
    ///   - now: The instant the message arrived.
    /// - Returns: The decision.
    public func decide(_ input: BoundariesInput, at now: Date) -> BoundariesDecision {
        let channelHours = hours(for: input.channel)
        let isOpen = channelHours.isOpen(at: now)
        if let reason = input.reason, !scope.handles(reason) {
            let entry = scope.outOfScopeEntry(for: reason)
            let values = [
                "reason": reason.rawValue, "redirect": entry?.redirect ?? "", "channel": input.channel.rawValue,
            ]
            return BoundariesDecision(
                replies: [AutoReply(.outOfScope, values: values)],
                outOfScope: entry,
                isOpen: isOpen
            )
        }
        let away = absence(at: now)
        var promise = targets(for: input.priority).firstReply
        var clock = hours
        if let online = channel(input.channel)?.firstReply, isOpen {
            promise = online
            clock = channelHours
        }
        var start = now
        if let away, away.absence.substitute == nil { start = max(now, answersAgain(after: away.range)) }
        let expected = promise.flatMap { try? $0.deadline(from: start, on: clock) }

        var acknowledgement = [
            "channel": input.channel.rawValue, "priority": input.priority.rawValue,
            "time_zone": hours.configuration.timeZone,
        ]
        if let expected {
            acknowledgement["expected_reply"] = ISO8601Instant.format(expected)
            acknowledgement["expected_reply_local"] = hours.localText(expected)
        }
        var replies = [AutoReply(.acknowledgement, values: acknowledgement)]

        let silencedByAbsence = away != nil && away?.absence.substitute == nil
        let noticeDue = input.lastAfterHoursNotice.map { now.timeIntervalSince($0) >= afterHoursNoticeInterval } ?? true
        if !isOpen, noticeDue, !silencedByAbsence {
            var values = ["channel": input.channel.rawValue, "time_zone": channelHours.configuration.timeZone]
            if let opening = try? channelHours.nextOpening(after: now) {
                values["next_opening"] = ISO8601Instant.format(opening)
                values["next_opening_local"] = channelHours.localText(opening)
            }
            replies.append(AutoReply(.afterHours, values: values))
        }
        if let away {
            let back = answersAgain(after: away.range)
            var values = [
                "absent_until": ISO8601Instant.format(back),
                "absent_until_local": hours.localText(back), "time_zone": hours.configuration.timeZone,
            ]
            values["substitute"] = away.absence.substitute?.rawValue
            values["note"] = away.absence.note
            replies.append(AutoReply(.absence, values: values))
        }
        return BoundariesDecision(
            replies: replies,
            expectedReply: expected,
            promise: promise,
            routeTo: away?.absence.substitute,
            absence: away?.absence,
            isOpen: isOpen
        )
    }
}
