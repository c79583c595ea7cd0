import Foundation
import SupportEngine

extension SimulationRun {
    /// Puts every agent's shift starts and ends in the queue.
    func scheduleShifts() {
        for agent in club.desk.agents {
            let shift = agent.shift ?? club.hours
            for interval in shift.openIntervals(from: period.start, to: period.end) {
                queue.push(.shift(agent.id, online: true), at: interval.start)
                queue.push(.shift(agent.id, online: false), at: interval.end)
            }
        }
    }

    /// Draws every arrival of the period, hour by hour, from the daily and weekly pattern.
    func scheduleArrivals() {
        let traffic = club.traffic
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let shape = traffic.weekdayWeights.reduce(0, +) * traffic.hourWeights.reduce(0, +)
        guard shape > 0 else { return }
        let difficultCount = min(traffic.difficultMembers, max(0, club.members - 1))
        let regularMembers = club.members - difficultCount
        let weekly = Double(regularMembers) * traffic.ticketsPerMemberPerWeek
        let hours = Int(period.duration / 3600)
        for hour in 0..<hours {
            let at = period.start.addingTimeInterval(TimeInterval(hour) * 3600)
            let parts = calendar.dateComponents([.weekday, .hour], from: at)
            let weekday = ((parts.weekday ?? 2) + 5) % 7
            let share = traffic.weekdayWeights[weekday] * traffic.hourWeights[parts.hour ?? 0] / shape
            func add(_ count: Int, _ make: (inout SeededRandom) -> Arrival) {
                for _ in 0..<count {
                    let arrival = make(&random)
                    queue.push(.arrival(arrival), at: at.addingTimeInterval(random.uniform(0...3599).rounded()))
                }
            }
            let club = self.club
            add(random.poisson(weekly * share)) { random in
                let member = Int(random.unit() * Double(regularMembers))
                return Arrival(
                    member: Self.memberID(member),
                    reason: random.pick(traffic.reasons),
                    language: random.pick(traffic.languages),
                    channel: ChannelKind(rawValue: random.pick(traffic.channels)),
                    difficult: false
                )
            }
            add(random.poisson(traffic.refundRequestsPerWeek * share)) { random in
                Arrival(
                    member: Self.memberID(Int(random.unit() * Double(regularMembers))),
                    reason: ContactReason.refund.rawValue,
                    language: random.pick(traffic.languages),
                    channel: .email,
                    difficult: false
                )
            }
            add(random.poisson(Double(difficultCount) * 2 * share)) { random in
                Arrival(
                    member: Self.memberID(club.members - 1 - Int(random.unit() * Double(difficultCount))),
                    reason: ContactReason.brokenFeature.rawValue,
                    language: "ru",
                    channel: .email,
                    difficult: true
                )
            }
        }
    }

    /// Draws the arrivals of a stationary queue: a Poisson process at a constant rate (exponential gaps),
    /// every ticket the same question in English by email.
    func scheduleArrivals(of queue: StationaryQueue) {
        let meanGap = 3600 / queue.arrivalsPerHour
        var at = period.start.addingTimeInterval(random.exponential(mean: meanGap))
        while at < period.end {
            self.queue.push(
                .arrival(
                    Arrival(
                        member: Self.memberID(Int(random.unit() * Double(club.members))),
                        reason: ContactReason.contentQuestion.rawValue,
                        language: "en",
                        channel: .email,
                        difficult: false
                    )
                ),
                at: at
            )
            at.addTimeInterval(random.exponential(mean: meanGap))
        }
    }

    func arrive(_ arrival: Arrival) async throws {
        let pick = stationary == nil ? Int(random.next() % 16) : 0
        let text =
            arrival.difficult
            ? MessageBook.difficult[pick % MessageBook.difficult.count]
            : MessageBook.opening(ContactReason(rawValue: arrival.reason), arrival.language, pick: pick)
        let externalID = nextExternalID()
        let outcome = try await desk.receive(
            InboundMessage(
                channel: arrival.channel,
                externalID: externalID,
                sender: arrival.member,
                subject: text.subject,
                body: text.body,
                receivedAt: clock.now,
                locale: LocaleTag(rawValue: arrival.language)
            )
        )
        opened(outcome.ticket.id)
        if arrival.reason == ContactReason.refund.rawValue { refundRequests += 1 }
        if arrival.difficult { difficultTickets += 1 }
        conversations[outcome.ticket.id] = Conversation(
            member: arrival.member,
            language: arrival.language,
            reason: arrival.reason,
            channel: arrival.channel,
            externalID: externalID,
            difficult: arrival.difficult
        )
        wakeIdleAgents()
    }

    func memberReplies(_ id: TicketID) async throws {
        guard let conversation = conversations[id] else { return }
        let ticket = try await desk.agentView(of: id).ticket
        guard ticket.status == .pending else { return }
        let outcome = try await desk.receive(
            InboundMessage(
                channel: conversation.channel,
                externalID: nextExternalID(),
                sender: conversation.member,
                threadReference: conversation.externalID,
                body: MessageBook.memberAnswer(conversation.language, pick: Int(random.next() % 8)),
                receivedAt: clock.now
            )
        )
        opened(outcome.ticket.id)
        wakeIdleAgents()
    }

    /// Solves a ticket still waiting for a member who never answered.
    func checkPending(_ id: TicketID, since: Date) async throws {
        let ticket = try await desk.agentView(of: id).ticket
        let lastMemberMessage = ticket.messages.last { $0.kind == .memberMessage }?.at ?? ticket.createdAt
        guard ticket.status == .pending, lastMemberMessage <= since else { return }
        let agent = ticket.assignee ?? club.desk.agents[0].id
        try await desk.solve(id, by: .agent(agent))
        resolved(id)
        scheduleRating(id)
    }

    func scheduleRating(_ id: TicketID) {
        guard club.desk.requestsRatings, random.chance(club.traffic.ratingShare) else { return }
        queue.push(.rating(id), at: clock.now.addingTimeInterval(random.uniform(1800...36 * 3600).rounded()))
    }

    /// The member rates: quick first replies please, slow ones do not.
    func rate(_ id: TicketID) async throws {
        guard let conversation = conversations[id] else { return }
        let ticket = try await desk.agentView(of: id).ticket
        guard ticket.status == .solved || ticket.status == .closed else { return }
        let firstReply = ticket.messages.first { $0.kind == .publicReply }?.at.timeIntervalSince(ticket.createdAt)
        let wait = firstReply ?? .infinity
        var score = wait < 2 * 3600 ? 5 : wait < 8 * 3600 ? 4 : wait < 24 * 3600 ? 4 : 3
        if random.chance(0.35) { score += random.chance(0.5) ? 1 : -1 }
        if random.chance(0.05) { score = 1 }
        if conversation.difficult { score = random.chance(0.7) ? 1 : 2 }
        try await ratings.rate(id, score: min(5, max(1, score)), by: conversation.member)
    }
}
