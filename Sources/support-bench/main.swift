// support-bench: release-build performance figures, one line per figure: `name value unit`.
//
//     swift run -c release support-bench            # every figure
//     swift run -c release support-bench calendar   # only figures whose name starts with "calendar"

let benchmark = Benchmark(filter: CommandLine.arguments.dropFirst().first ?? "")
do {
    try CalendarBenchmarks.run(benchmark)
    try RoutingBenchmarks.run(benchmark)
    try await DeskBenchmarks.run(benchmark)
    try await SLABenchmarks.run(benchmark)
    try EmailBenchmarks.run(benchmark)
} catch {
    print("support-bench failed: \(error)")
}
