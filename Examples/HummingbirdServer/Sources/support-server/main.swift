// support-server: the support desk behind an HTTP API.
// Run it with `swift run support-server`; see README.md for the settings and curl lines.
import Logging
import SupportServer

var logger = Logger(label: "support-server")
logger.logLevel = .info
let settings = try ServerSettings.fromEnvironment()
let (app, _) = try await buildApplication(
    settings: settings,
    configuration: try demoDeskConfiguration(),
    logger: logger
)
try await app.runService()
