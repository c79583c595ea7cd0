// support-server: the support desk behind an HTTP API.
// Run it with `swift run support-server --demo [--config desk.json]`; see README.md for the settings and curl lines.
import Foundation
import Logging
import SupportEngine
import SupportServer

func fail(_ message: String, exitCode: Int32) -> Never {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
    exit(exitCode)
}

var logger = Logger(label: "support-server")
logger.logLevel = .info
var environment = ProcessInfo.processInfo.environment
var configurationPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--config":
        guard let path = arguments.popFirst(), !path.hasPrefix("--") else {
            fail("--config needs a file: --config desk.json", exitCode: 64)
        }
        configurationPath = path
    case "--demo":
        environment["SUPPORT_DEMO"] = "1"
    default:
        fail("unknown argument '\(argument)': use --demo and --config FILE", exitCode: 64)
    }
}
var settings = try ServerSettings.fromEnvironment(environment)
if let configurationPath { settings.deskConfigurationPath = configurationPath }
let configuration: DeskConfiguration
do {
    configuration = try settings.deskConfiguration()
} catch let error as DeskConfigurationError {
    fail("the desk configuration cannot be used: \(error)", exitCode: 78)
}
do {
    let (app, _) = try await buildApplication(settings: settings, configuration: configuration, logger: logger)
    try await app.runService()
} catch let error as AccessTokensError {
    fail("the server will not start with these tokens: \(error)", exitCode: 78)
}
