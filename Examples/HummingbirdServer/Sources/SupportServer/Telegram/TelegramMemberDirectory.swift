import SupportEngine

/// The club's member directory with each member's Telegram link in their contact channels: a member
/// whose chat is linked, and who has not blocked the bot, has ``ChannelKind/telegram`` first among
/// their ``MemberProfile/contactChannels``; for anyone else it is left out.
///
/// The link lives in the ``TelegramBindingStore`` (PostgreSQL when configured), so the profile the desk
/// reads follows it on every server without a copy in memory; the desk's delivery route — the ticket's
/// channel, then the contact channels, then email — then takes Telegram first for a linked member.
public struct TelegramMemberDirectory: MemberDirectory {
    let base: any MemberDirectory
    let bindings: any TelegramBindingStore

    /// Wraps a directory.
    ///
    /// - Parameters:
    ///   - base: The club's directory.
    ///   - bindings: Members' chats.
    public init(_ base: any MemberDirectory, bindings: any TelegramBindingStore) {
        self.base = base
        self.bindings = bindings
    }

    /// The member's profile, with Telegram first among their contact channels when their chat is linked.
    public func member(_ id: MemberID) async throws -> MemberProfile? {
        guard let profile = try await base.member(id) else { return nil }
        return try await withTelegram(profile)
    }

    /// The member an address belongs to, with Telegram as for ``member(_:)``.
    public func member(withEmail address: EmailAddress) async throws -> MemberProfile? {
        guard let profile = try await base.member(withEmail: address) else { return nil }
        return try await withTelegram(profile)
    }

    private func withTelegram(_ profile: MemberProfile) async throws -> MemberProfile {
        var profile = profile
        profile.contactChannels.removeAll { $0 == .telegram }
        if let binding = try await bindings.binding(ofMember: profile.id), binding.blockedAt == nil {
            profile.contactChannels.insert(.telegram, at: 0)
        }
        return profile
    }
}
