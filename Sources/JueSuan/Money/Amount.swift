import Foundation

/// The unit a department file states its amounts in. Everything inside the program is 万元.
public enum InputUnit: String, Sendable, Codable, CaseIterable {
    /// 万元 (ten thousand yuan): amounts are taken as they are.
    case wanYuan = "万元"
    /// 元: amounts are divided by 10,000 exactly.
    case yuan = "元"

    /// How many of this unit make one 万元.
    var perWanYuan: Decimal {
        switch self {
        case .wanYuan: return 1
        case .yuan: return 10_000
        }
    }
}

extension CodingUserInfoKey {
    /// The `InputUnit` amounts are written in, for `Amount`'s `Codable` conformance (default 万元).
    public static let inputUnit = CodingUserInfoKey(rawValue: "juesuan.inputUnit")!
}

/// An exact amount of money in 万元 (never a floating-point number). Display rounding happens once, in `Format`.
public struct Amount: Sendable, Hashable, Comparable, AdditiveArithmetic, Codable, CustomStringConvertible {
    /// The exact value in 万元.
    public var value: Decimal

    public init(_ value: Decimal) {
        self.value = value
    }

    public init(_ value: Int) {
        self.value = Decimal(value)
    }

    /// Parses an exact decimal literal such as `"2443.08"` or `"-3"`; nil if it is not one (Foundation's
    /// `Decimal(string:)` alone would read `"12abc"` as 12 and `"---"` as 0).
    public init?(exactly text: String) {
        guard text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil,
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
    }

    public static let zero = Amount(Decimal.zero)

    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value + rhs.value) }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value - rhs.value) }
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.value < rhs.value }
    public static prefix func - (amount: Amount) -> Amount { Amount(-amount.value) }

    public var isZero: Bool { value.isZero }
    public var isNegative: Bool { value < 0 }
    public var magnitude: Amount { Amount(abs(value)) }

    public var description: String { "\(value)" }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(Decimal.self)
        let unit = decoder.userInfo[.inputUnit] as? InputUnit ?? .wanYuan
        value = unit == .wanYuan ? Self.dividedByOne(raw) : raw / unit.perWanYuan
    }

    /// `value / 1` without the cost of `Decimal` division in the usual cases: zero divides to the plain zero, and
    /// a value with a mantissa of at most 64 bits and no trailing zero (an amount as written in a file) divides to
    /// itself, bit for bit (a test checks both against the division).
    static func dividedByOne(_ value: Decimal) -> Decimal {
        if value.isZero { return .zero }
        if let parts = DecimalParts(value), parts.mantissa % 10 != 0, (-30...30).contains(parts.exponent) {
            return value
        }
        return value / 1
    }

    public func encode(to encoder: any Encoder) throws {
        let unit = encoder.userInfo[.inputUnit] as? InputUnit ?? .wanYuan
        var container = encoder.singleValueContainer()
        try container.encode(value * unit.perWanYuan)
    }
}

extension Amount: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) {
        self.value = Decimal(value)
    }

    /// `"2443.08"` — for tests and tables of constants; a malformed literal is a programming error.
    public init(stringLiteral text: String) {
        guard let amount = Amount(exactly: text) else { preconditionFailure("not a decimal literal: \(text)") }
        self = amount
    }
}

extension Sequence where Element == Amount {
    /// The exact sum.
    public func sum() -> Amount { reduce(.zero, +) }
}

extension Optional where Wrapped == Amount {
    /// A missing amount counts as zero.
    public var orZero: Amount { self ?? .zero }
}
