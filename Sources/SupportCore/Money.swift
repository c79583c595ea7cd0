/// An ISO 4217 currency code such as `EUR` or `RUB`.
public struct CurrencyCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three upper-case letters.
    public let rawValue: String

    /// Creates a code, or `nil` when the text is not three ASCII letters.
    ///
    /// Lower-case input is accepted and upper-cased.
    ///
    /// - Parameter rawValue: The code, for example `"eur"` or `"EUR"`.
    public init?(rawValue: String) {
        let upper = rawValue.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        self.rawValue = upper
    }

    /// Decodes a code from a string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` when the text is not a three-letter code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = CurrencyCode(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a currency code: expected three letters such as EUR"
            )
        }
        self = code
    }

    /// Encodes the code as a string.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The three letters.
    public var description: String { rawValue }

    /// Euro.
    public static let eur = CurrencyCode(rawValue: "EUR")!
    /// US dollar.
    public static let usd = CurrencyCode(rawValue: "USD")!
    /// Russian rouble.
    public static let rub = CurrencyCode(rawValue: "RUB")!
}

/// An amount of money in integer minor units (cents, kopecks) with its currency.
///
/// Never floating point. Arithmetic across currencies throws ``SupportCoreError/Code/currencyMismatch``;
/// amounts from outside are checked with ``init(validatingMinorUnits:currency:)``, which refuses
/// negative amounts.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The amount in minor units: `1999` is 19.99.
    public let minorUnits: Int64
    /// The currency.
    public let currency: CurrencyCode

    /// Creates an amount without checks (for amounts computed by the library).
    ///
    /// - Parameters:
    ///   - minorUnits: The amount in minor units.
    ///   - currency: The currency.
    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Creates an amount from outside input, refusing negative amounts.
    ///
    /// - Parameters:
    ///   - minorUnits: The amount in minor units, zero or more.
    ///   - currency: The currency.
    /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/negativeMoney``.
    public init(validatingMinorUnits minorUnits: Int64, currency: CurrencyCode) throws {
        guard minorUnits >= 0 else {
            throw SupportCoreError(
                .negativeMoney,
                "an amount of money cannot be negative (got \(minorUnits) \(currency))"
            )
        }
        self.init(minorUnits: minorUnits, currency: currency)
    }

    /// Zero in a currency.
    ///
    /// - Parameter currency: The currency.
    /// - Returns: An amount of zero minor units.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Adds two amounts of the same currency.
    ///
    /// - Parameter other: The amount to add.
    /// - Returns: The sum.
    /// - Throws: ``SupportCoreError`` with ``SupportCoreError/Code/currencyMismatch`` or
    ///   ``SupportCoreError/Code/overflow``.
    public func adding(_ other: Money) throws -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw SupportCoreError(.overflow, "adding \(other) to \(self) overflows") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// Subtracts an amount of the same currency.
    ///
    /// - Parameter other: The amount to subtract.
    /// - Returns: The difference, which may be negative.
    /// - Throws: ``SupportCoreError`` with ``SupportCoreError/Code/currencyMismatch`` or
    ///   ``SupportCoreError/Code/overflow``.
    public func subtracting(_ other: Money) throws -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw SupportCoreError(.overflow, "subtracting \(other) from \(self) overflows") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// Throws unless `other` has the same currency.
    ///
    /// - Parameter other: The amount to compare with.
    /// - Throws: ``SupportCoreError`` with ``SupportCoreError/Code/currencyMismatch``.
    public func requireSameCurrency(_ other: Money) throws {
        guard currency == other.currency else {
            throw SupportCoreError(
                .currencyMismatch,
                "cannot combine \(currency) with \(other.currency): amounts must be in one currency"
            )
        }
    }

    /// Orders amounts of one currency by size; amounts in different currencies order by currency code.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        if lhs.currency != rhs.currency { return lhs.currency.rawValue < rhs.currency.rawValue }
        return lhs.minorUnits < rhs.minorUnits
    }

    /// The amount with two decimals and its code, such as `19.99 EUR`.
    public var description: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction) \(currency)"
    }
}
