// support-bench: release-build performance figures, one line per figure: `name value unit`.
//
//     swift run -c release support-bench                  # every figure
//     swift run -c release support-bench calendar         # only figures whose name starts with "calendar"
//     swift run -c release support-bench --json run.json  # also write every figure to run.json
//
// Compare a run with the committed baseline: `scripts/compare-bench Benchmarks/baseline.json run.json`.

import Foundation

var jsonPath: String?
var filter = ""
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--json":
        guard let path = arguments.popFirst() else {
            FileHandle.standardError.write(Data("support-bench: --json needs a file name\n".utf8))
            exit(2)
        }
        jsonPath = path
    case "-h", "--help":
        print("usage: support-bench [--json FILE] [PREFIX]")
        exit(0)
    default:
        guard !argument.hasPrefix("-") else {
            FileHandle.standardError.write(Data("support-bench: unknown option \(argument)\n".utf8))
            exit(2)
        }
        filter = argument
    }
}

let benchmark = Benchmark(filter: filter)
do {
    try CalendarBenchmarks.run(benchmark)
    try RoutingBenchmarks.run(benchmark)
    try await DeskBenchmarks.run(benchmark)
    try await SLABenchmarks.run(benchmark)
    try EmailBenchmarks.run(benchmark)
    try await SearchBenchmarks.run(benchmark)
    if let jsonPath {
        try benchmark.writeJSON(to: jsonPath)
        print("wrote \(benchmark.figures.count) figures to \(jsonPath)")
    }
} catch {
    FileHandle.standardError.write(Data("support-bench failed: \(error)\n".utf8))
    exit(1)
}
