import SupportCore
import Testing

@Suite("Coded errors")
struct CodedErrorTests {
    @Test func aCodeIsNamedAsItIsWrittenInSwift() {
        #expect(SupportCoreError.Code.negativeMoney.name == "negativeMoney")
        #expect(SupportCoreError.Code.currencyMismatch.description == "currencyMismatch")
        #expect(SupportCoreError.Code.overflow != SupportCoreError.Code.invalidValue)
    }

    @Test func theDescriptionNamesTheCodeAndTheMessage() {
        let error = SupportCoreError(.negativeMoney, "a refund of -5 EUR cannot be paid")
        #expect(error.description == "negativeMoney: a refund of -5 EUR cannot be paid")
    }

    @Test func anErrorMayDescribeItselfWithMore() {
        struct PathError: CodedError {
            var code: SupportCoreError.Code
            var message: String
            var path: String
            var description: String { "\(code) at \(path): \(message)" }
        }
        let error = PathError(code: .invalidValue, message: "must be above zero", path: "sla.urgent.firstReply")
        #expect(error.description == "invalidValue at sla.urgent.firstReply: must be above zero")
        #expect("\(error)" == error.description)
    }

    @Test func errorsCanBeHandledThroughTheProtocol() {
        let errors: [any CodedError] = [
            SupportCoreError(.overflow, "too much"), SupportCoreError(.invalidValue, "bad"),
        ]
        #expect(errors.map { "\($0.code)" } == ["overflow", "invalidValue"])
    }
}
