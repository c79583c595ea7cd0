// Measures the desk on PostgreSQL: inbound messages per second through one desk and through three desks
// on one database, each message a committed transaction.
//
//     PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=bench \
//         swift run -c release pg-bench [--messages 3000] [--senders 48] [--capacity 25]
//
// Prints `name value unit` lines: pg.ingest.1desk, pg.ingest.3desks, and for each the share of the cores
// busy and the processor time per message (pg.cpu_busy.*, pg.cpu_per_message.*; the database included, so
// run it on a machine of its own), and the SLA sweep on PostgreSQL (pg.sweep.fired, pg.sweep.per_due).
// (pg.recovery.seconds, from a killed server's restart to the first due timer fired, is printed by the
// kill test in Examples/KillTest.) A benchmark, not a test: nothing is asserted about the figures.

import Foundation
import Logging
import PostgresNIO
import PostgresStores
import SupportEngine

var messages = 3000
var senders = 48
var capacity = 25
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--messages": messages = Int(arguments.popFirst() ?? "") ?? messages
    case "--senders": senders = Int(arguments.popFirst() ?? "") ?? senders
    case "--capacity": capacity = Int(arguments.popFirst() ?? "") ?? capacity
    default:
        print("usage: pg-bench [--messages N] [--senders N] [--capacity N]")
        exit(2)
    }
}

var logger = Logger(label: "pg-bench")
logger.logLevel = .error
let schema = "desk_bench"
let settings: PostgresSettings
do {
    var fromEnvironment = try PostgresSettings.fromEnvironment()
    fromEnvironment.maximumConnections = max(4, senders / 3)
    settings = fromEnvironment
    try await settings.checkReachable(logger: logger)
} catch {
    print("pg-bench: \(error)")
    exit(1)
}

let figures = try await BenchmarkRun(
    settings: settings,
    schema: schema,
    logger: logger,
    messages: messages,
    senders: senders,
    capacity: capacity
).run()
for figure in figures {
    print(figure)
}
