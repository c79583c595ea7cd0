/// What announcing a fix did: who got the win-back and who was passed over.
public struct WinBackResult: Sendable, Hashable {
    /// The fix as recorded (the first announcement's, when the id was announced before).
    public var fix: FixAnnouncement
    /// Whether the fix id was announced before; a repeat sends only to members the first run missed.
    public var wasAnnouncedBefore: Bool
    /// The members whose win-back went to the outbox now.
    public var sent: [MemberID]
    /// The members owed the win-back who may not be contacted (removed, suspended), with why.
    public var skipped: [MemberID: String]

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - fix: The fix.
    ///   - wasAnnouncedBefore: Whether the id was announced before.
    ///   - sent: The members written to.
    ///   - skipped: The members passed over, with why.
    public init(fix: FixAnnouncement, wasAnnouncedBefore: Bool, sent: [MemberID], skipped: [MemberID: String]) {
        self.fix = fix
        self.wasAnnouncedBefore = wasAnnouncedBefore
        self.sent = sent
        self.skipped = skipped
    }
}
