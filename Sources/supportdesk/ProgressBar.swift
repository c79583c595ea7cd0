import Foundation
import SupportEngine

/// A progress bar on standard error, shown only once a run has taken more than a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var shown = false
    private var lastDrawn = -1
    private let isTerminal = isatty(STDERR_FILENO) != 0

    func update(_ fraction: Double) {
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(started) > 1 else { return }
        let percent = Int((fraction * 100).rounded(.down))
        guard percent != lastDrawn else { return }
        if !isTerminal && percent % 10 != 0 && percent != 100 { return }
        lastDrawn = percent
        shown = true
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "simulating [\(bar)] \(percent)%"
        FileHandle.standardError.write(Data((isTerminal ? "\r\(line)" : "\(line)\n").utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown && isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
