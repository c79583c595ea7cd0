// support-server: the support desk behind an HTTP API.
// Run it with `swift run support-server [--config desk.json]`; see README.md for the settings and curl lines.
import Foundation
import Logging
import SupportEngine
import SupportServer

var logger = Logger(label: "support-server")
logger.logLevel = .info
var settings = try ServerSettings.fromEnvironment()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--config":
        guard let path = arguments.popFirst(), !path.hasPrefix("--") else {
            FileHandle.standardError.write(Data("--config needs a file: --config desk.json\n".utf8))
            exit(64)
        }
        settings.deskConfigurationPath = path
    default:
        FileHandle.standardError.write(Data("unknown argument '\(argument)': use --config FILE\n".utf8))
        exit(64)
    }
}
let configuration: DeskConfiguration
do {
    configuration = try settings.deskConfiguration()
} catch let error as DeskConfigurationError {
    FileHandle.standardError.write(Data("the desk configuration cannot be used: \(error)\n".utf8))
    exit(78)
}
let (app, _) = try await buildApplication(settings: settings, configuration: configuration, logger: logger)
try await app.runService()
