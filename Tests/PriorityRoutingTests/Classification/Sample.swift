import PriorityRouting
import Testing

/// One message of a classification table and the reason it must get.
struct Sample: Sendable, CustomTestStringConvertible {
    var subject: String?
    var body: String
    var expected: ContactReason

    init(_ subject: String?, _ body: String, _ expected: ContactReason) {
        self.subject = subject
        self.body = body
        self.expected = expected
    }

    var testDescription: String { "\(expected): \(subject.map { "[\($0)] " } ?? "")\(body.prefix(60))" }
}

func expectClassified(_ sample: Sample, by classifier: ReasonClassifier = .builtIn) {
    let result = classifier.classify(subject: sample.subject, body: sample.body)
    #expect(
        result.reason == sample.expected,
        "got \(result.reason) via \(result.ruleID ?? "-") '\(result.matchedPattern ?? "-")' score \(result.score)"
    )
    #expect(result.source == (sample.expected == .other ? .fallback : .rule))
}
