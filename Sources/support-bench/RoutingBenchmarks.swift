import Foundation
import SupportEngine

/// Routing figures: classification, the queue at a million tickets, and one assignment decision.
enum RoutingBenchmarks {
    static func run(_ benchmark: Benchmark) throws {
        let classifier = ReasonClassifier.builtIn
        let messages: [(String?, String)] = [
            ("Не могу войти", "Здравствуйте! Не могу войти в личный кабинет, пароль не подходит, письмо не приходит."),
            ("No puedo acceder", "Hola, no puedo acceder al curso, la contraseña no funciona desde ayer."),
            ("Cancel", "Hi, I would like to cancel my subscription and get a refund for this month, please."),
            (nil, "The button on the lesson page is broken and the video link does not open at all."),
            ("Вопрос", "Подскажите, пожалуйста, где найти запись вебинара из третьего модуля курса?"),
            (nil, "¿Cuándo empieza el próximo grupo? Quiero comprar la membresía anual para mi equipo."),
        ]
        benchmark.measure(
            "routing.classify",
            operation:
                "classifying one member message (subject and a body of 70–110 characters, English, Russian or Spanish)",
            iterations: 200_000
        ) { index in
            let message = messages[index % messages.count]
            return classifier.classify(subject: message.0, body: message.1)
        }

        if benchmark.selects("queue.push_pop.1m") {
            let start = Date(timeIntervalSince1970: 1_767_225_600)
            var random = SplitMix64(seed: 7)
            var queue = TicketQueue()
            let size = 1_000_000
            for index in 0..<size { queue.insert(ticket(index, &random, start)) }
            // The inserted tickets are built before timing, as the desk's figures build their messages first:
            // the figure is the queue's work, not formatting ids. `measure` runs the body for a warm-up of at
            // most 10,000 and then three rounds of `iterations`; were that to change, the array's bounds
            // check would stop the run rather than let it measure something else.
            let iterations = 200_000
            let inserted = (size..<(size + 10_000 + 3 * iterations)).map { ticket($0, &random, start) }
            var next = 0
            benchmark.measure(
                "queue.push_pop.1m",
                operation: "one insert and one popFirst on a TicketQueue holding a million tickets",
                iterations: iterations
            ) { _ in
                queue.insert(inserted[next])
                next += 1
                return queue.popFirst()
            }
        }

        assign("routing.assign", agents: 50, benchmark)
        assign("routing.assign.1000agents", agents: 1000, benchmark)
    }

    /// One assignment decision among `count` agents with one skill and one or two languages each.
    private static func assign(_ name: String, agents count: Int, _ benchmark: Benchmark) {
        guard benchmark.selects(name) else { return }
        let agents = (0..<count).map { index in
            AgentState(
                id: AgentID("agent-\(index)"),
                displayName: "Agent \(index)",
                languages: [[LocaleTag.en], [.ru], [.es], [.en, .ru]][index % 4],
                skills: [ContactReason.builtIn[index % ContactReason.builtIn.count]],
                capacity: 1_000_000,
                openTickets: index * 3
            )
        }
        .sorted { $0.id < $1.id }  // as the desk passes them
        var assigner = Assigner(strategy: .skillsAndLanguage)
        var random = SplitMix64(seed: 11)
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        benchmark.measure(
            name,
            operation: "choosing an agent for one ticket among \(count) agents (skills and language strategy)",
            iterations: count >= 1000 ? 50_000 : 200_000
        ) { index in
            assigner.choose(for: ticket(index, &random, start), among: agents)
        }
    }

    private static func ticket(_ index: Int, _ random: inout SplitMix64, _ start: Date) -> RoutableTicket {
        let roll = random.next()
        return RoutableTicket(
            id: TicketID("T-\(index)"),
            priority: Priority.allCases[Int(roll % 4)],
            createdAt: start.addingTimeInterval(Double(index)),
            slaDue: roll % 3 == 0 ? nil : start.addingTimeInterval(Double(roll % 100_000)),
            reason: ContactReason.builtIn[Int(roll % UInt64(ContactReason.builtIn.count))],
            language: [LocaleTag.en, .ru, .es][Int(roll % 3)]
        )
    }
}
