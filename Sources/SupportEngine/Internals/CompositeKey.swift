/// Builds a stored key from several ids joined by `/`, so that no two lists of parts give one key.
///
/// Ids chosen outside the desk (member ids, request ids, note ids) may contain `/`, which made keys
/// such as `"\(member)/\(request)"` ambiguous: member `a/b` with request `c` and member `a` with
/// request `b/c` shared a key, and one member could be handed the other's ticket. Each part is
/// therefore escaped before joining — `%` becomes `%25` and `/` becomes `%2F` — so `/` only ever
/// separates parts.
///
/// Parts without `%` or `/` are left as they are, so every key stored before this encoding whose
/// ids had neither (every key that was not ambiguous) is still found under the same text. Keys of
/// ids with `/` or `%` change; those were the ones that could collide.
enum CompositeKey {
    /// Joins `parts` with `/`, escaping each.
    ///
    /// - Parameter parts: The ids, in order.
    /// - Returns: The key.
    static func join(_ parts: [String]) -> String {
        parts.map(escape).joined(separator: "/")
    }

    /// Escapes one part: `%` as `%25`, `/` as `%2F`.
    static func escape(_ part: String) -> String {
        guard part.contains(where: { $0 == "%" || $0 == "/" }) else { return part }
        return part.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }
}
