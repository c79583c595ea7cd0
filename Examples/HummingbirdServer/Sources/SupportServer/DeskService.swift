import Logging
import ServiceLifecycle
import SupportEngine

/// Runs the desk's timers (SLA steps, auto-close, delivery retries) next to the HTTP server.
///
/// It stops on graceful shutdown. When the store fails (the database restarts, say) it logs the error and
/// starts again after a pause instead of taking the server down.
public struct DeskService: Service {
    let desk: SupportDesk
    let prepare: @Sendable () async throws -> Void
    let logger: Logger
    let pause: Duration

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - desk: The desk.
    ///   - prepare: Runs once before the timers start, for example a database migration.
    ///   - logger: Where failures go.
    ///   - pause: How long to wait before starting again after a failure.
    public init(
        desk: SupportDesk,
        prepare: @escaping @Sendable () async throws -> Void = {},
        logger: Logger,
        pause: Duration = .seconds(5)
    ) {
        self.desk = desk
        self.prepare = prepare
        self.logger = logger
        self.pause = pause
    }

    /// Runs the timers until graceful shutdown or cancellation.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var prepared = false
            while !Task.isCancelled {
                do {
                    if !prepared {
                        try await prepare()
                        prepared = true
                    }
                    logger.info("desk timers running")
                    try await desk.run()
                } catch is CancellationError {
                    break
                } catch {
                    guard !Task.isCancelled else { break }
                    logger.error("desk timers stopped; starting again", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: pause)
                }
            }
            logger.info("desk timers stopped")
        }
    }
}
