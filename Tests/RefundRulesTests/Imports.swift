import RefundRules
import Testing
