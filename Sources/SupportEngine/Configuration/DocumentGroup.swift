import Foundation

/// One JSON object of the configuration document: reads its keys, names unknown ones, and turns every
/// error of a value into a ``DeskConfigurationError`` with the value's JSON path.
struct DocumentGroup {
    let container: KeyedDecodingContainer<ConfigurationKey>

    /// The group's JSON path.
    var path: String { ConfigurationKey.render(container.codingPath) }

    /// Reads an object and refuses keys it does not know.
    ///
    /// - Parameters:
    ///   - decoder: The decoder positioned at the object.
    ///   - known: The keys the object may have.
    init(_ decoder: any Decoder, known: [String]) throws {
        do {
            self.init(try decoder.container(keyedBy: ConfigurationKey.self), known: known)
        } catch let error as DecodingError {
            throw DeskConfigurationError.from(error)
        }
    }

    private init(_ container: KeyedDecodingContainer<ConfigurationKey>, known: [String]) {
        self.container = container
        self.unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        self.known = known
    }

    private let unknown: [String]
    private let known: [String]

    /// Throws for the first key the group does not know.
    func refuseUnknownKeys() throws {
        guard let key = unknown.first else { return }
        throw DeskConfigurationError(
            .invalidConfiguration,
            path: ConfigurationKey.join(path, key),
            "unknown key: use one of \(known.joined(separator: ", "))"
        )
    }

    /// Whether the key is present with a value other than `null`.
    func has(_ key: String) -> Bool {
        let key = ConfigurationKey(key)
        return container.contains(key) && (try? container.decodeNil(forKey: key)) == false
    }

    /// Whether the key is present, even as `null`.
    func contains(_ key: String) -> Bool { container.contains(ConfigurationKey(key)) }

    /// Reads an optional value; errors become ``DeskConfigurationError``s naming the value's path.
    func decode<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        do {
            return try container.decodeIfPresent(type, forKey: ConfigurationKey(key))
        } catch {
            throw DeskConfigurationError.from(error, at: ConfigurationKey.join(path, key))
        }
    }

    /// Reads a nested object, or `nil` when the key is absent or `null`.
    func group(_ key: String, known: [String]) throws -> DocumentGroup? {
        guard has(key) else { return nil }
        do {
            let nested = try container.nestedContainer(keyedBy: ConfigurationKey.self, forKey: ConfigurationKey(key))
            let group = DocumentGroup(nested, known: known)
            try group.refuseUnknownKeys()
            return group
        } catch let error as DecodingError {
            throw DeskConfigurationError.from(error)
        }
    }

    /// A failure at a key of this group.
    func failure(_ key: String, _ message: String) -> DeskConfigurationError {
        DeskConfigurationError(.invalidConfiguration, path: ConfigurationKey.join(path, key), message)
    }
}
