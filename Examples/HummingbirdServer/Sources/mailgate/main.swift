// mailgate: pipes one message from a mail server to the support server's raw-mail endpoint.
// `MAILGATE_TOKEN=… mailgate --url http://127.0.0.1:8080 < message.eml`; see README.md for the exit codes.
import Foundation
import MailgateCore

let outcome = await Mailgate.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment,
    readInput: { limit in try Mailgate.readStandardInput(limit: limit) }
)
if let message = outcome.message {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
exit(outcome.exit.rawValue)
