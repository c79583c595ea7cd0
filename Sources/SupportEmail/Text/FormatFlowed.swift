/// Unwraps `text/plain; format=flowed` (RFC 3676): soft line breaks joined, space-stuffing removed,
/// quote depth kept.
enum FormatFlowed {
    /// The unwrapped text.
    ///
    /// - Parameters:
    ///   - text: The decoded text with `\n` line breaks.
    ///   - deleteSpace: `delsp=yes`: the space before a soft break is removed when joining.
    static func unwrap(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var current: String?
        var currentDepth = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            let isSignature = line == "-- "
            let isFlowed = !isSignature && line.last == " "
            if let pending = current, depth != currentDepth {
                output.append(prefix(currentDepth) + pending)
                current = nil
            }
            var piece = String(line)
            if isFlowed, deleteSpace { piece.removeLast() }
            if let pending = current {
                current = pending + piece
            } else {
                current = piece
                currentDepth = depth
            }
            if !isFlowed, let finished = current {
                output.append(prefix(depth) + finished)
                current = nil
            }
        }
        if let pending = current { output.append(prefix(currentDepth) + pending) }
        return output.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
