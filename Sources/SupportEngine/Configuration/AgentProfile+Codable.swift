import Foundation

extension AgentProfile {
    private static let keys = ["id", "displayName", "languages", "skills", "capacity", "shift", "substitute"]

    /// Decodes a profile: only `id` and `displayName` are required; `languages` and `skills` default to
    /// none, `capacity` to 20, `shift` and `substitute` to none. Unknown keys are refused.
    ///
    /// ```json
    /// {"id": "anna", "displayName": "Anna", "languages": ["en", "es"], "skills": ["billing"], "capacity": 30,
    ///  "substitute": "ivan"}
    /// ```
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``DeskConfigurationError`` naming the path of a missing, unknown or malformed value.
    public init(from decoder: any Decoder) throws {
        let group = try DocumentGroup(decoder, known: Self.keys)
        try group.refuseUnknownKeys()
        guard let id = try group.decode(AgentID.self, "id") else {
            throw group.failure("id", "the key 'id' is required: give the agent an id such as \"anna\"")
        }
        guard let displayName = try group.decode(String.self, "displayName") else {
            throw group.failure("displayName", "the key 'displayName' is required: the name members see")
        }
        self.init(
            id: id,
            displayName: displayName,
            languages: try group.decode([LocaleTag].self, "languages") ?? [],
            skills: try group.decode([ContactReason].self, "skills") ?? [],
            capacity: try group.decode(Int.self, "capacity") ?? 20,
            shift: try group.decode(BusinessCalendar.self, "shift"),
            substitute: try group.decode(AgentID.self, "substitute")
        )
    }

    /// Encodes the profile in the form ``init(from:)`` reads, leaving out empty lists and absent values.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        try container.encode(id, forKey: ConfigurationKey("id"))
        try container.encode(displayName, forKey: ConfigurationKey("displayName"))
        if !languages.isEmpty { try container.encode(languages, forKey: ConfigurationKey("languages")) }
        if !skills.isEmpty { try container.encode(skills, forKey: ConfigurationKey("skills")) }
        try container.encode(capacity, forKey: ConfigurationKey("capacity"))
        try container.encodeIfPresent(shift, forKey: ConfigurationKey("shift"))
        try container.encodeIfPresent(substitute, forKey: ConfigurationKey("substitute"))
    }
}
