import SupportEngine

/// Ticket numbers drawn from the database's sequence a block at a time and handed out one by one.
///
/// A new member's message needs a number before its ticket is committed; drawing it alone would cost a
/// round trip per ticket. One `SELECT nextval(…) FROM generate_series(1, n)` draws `n` numbers; the
/// block keeps them and hands them out smallest first. Only one draw is under way at a time, and every
/// number a draw returns is above every number drawn before on any connection (a sequence only goes
/// up), so the numbers one store hands out increase in the order it hands them out. Servers sharing the
/// database draw their own blocks: no number is handed out twice, but a ticket created later on one
/// server can have a smaller number than one created earlier on another, and the numbers a server had
/// not handed out when it stopped are skipped for good, a gap like the one a failed commit leaves.
actor TicketNumberBlock {
    /// How many numbers one draw takes.
    let size: Int
    /// The drawn numbers not handed out yet, smallest first (`next` indexes the first).
    private var numbers: [TicketNumber] = []
    private var next = 0
    /// The draw under way, which every caller finding the block empty waits for.
    private var drawing: Task<Void, any Error>?

    /// Counts ``forget()`` calls: a draw begun before one installs nothing.
    private var generation = 0

    /// Creates an empty block.
    ///
    /// - Parameter size: How many numbers one draw takes, at least 1 (the store checks it).
    init(size: Int) {
        self.size = max(1, size)
    }

    /// Hands out the smallest number not handed out yet, drawing a new block first when none is left.
    ///
    /// - Parameter draw: Draws `size` numbers from the sequence, in any order.
    /// - Returns: A number this block never returned before.
    /// - Throws: What `draw` throws, to every caller waiting for that draw; the next call draws again.
    func take(drawing draw: @escaping @Sendable (Int) async throws -> [TicketNumber]) async throws -> TicketNumber {
        while true {
            if next < numbers.count {
                defer { next += 1 }
                return numbers[next]
            }
            let pending: Task<Void, any Error>
            if let drawing {
                pending = drawing
            } else {
                // The draw runs on this actor between its awaits: it installs the numbers and ends itself
                // in one step, so a caller it wakes finds them (or, after a failure, no draw under way).
                let generation = generation
                pending = Task {
                    do {
                        let drawn = try await draw(size).sorted()
                        guard !drawn.isEmpty else {
                            throw StoreError(.unavailable, "a draw of \(size) ticket numbers gave none")
                        }
                        install(drawn, drawnIn: generation)
                    } catch {
                        drawing = nil
                        throw error
                    }
                }
                drawing = pending
            }
            try await pending.value
        }
    }

    /// Forgets the numbers drawn and not handed out, and those of a draw under way (their sequence is
    /// gone); the next call draws again.
    func forget() {
        numbers = []
        next = 0
        generation += 1
    }

    /// Makes `drawn` the numbers to hand out, unless the block was told to forget since the draw began,
    /// and ends the draw.
    private func install(_ drawn: [TicketNumber], drawnIn generation: Int) {
        if generation == self.generation {
            numbers = drawn
            next = 0
        }
        drawing = nil
    }
}
