import SupportCore

extension Ticket {
    /// What a text search matches this ticket by: the ``SearchText`` terms of its subject, its number's
    /// digits and the bodies of all its messages, internal notes included.
    ///
    /// Stores index these terms; ``SearchText/termSet(_:)`` of a query must be a subset for a match.
    public var searchTerms: Set<String> {
        var terms = SearchText.termSet(subject)
        if let number { terms.insert(String(number.rawValue)) }
        for message in messages {
            terms.formUnion(SearchText.terms(message.body))
        }
        return terms
    }
}
