import Foundation

/// The one formatter for every printed figure: 四舍五入 (half away from zero) once, at display.
public enum Format {
    /// `value` rounded half away from zero to `places` decimals.
    public static func rounded(_ value: Decimal, places: Int = 2) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// Digits with exactly `places` decimals: `2443.08`, `2,443.08` with `grouping`, `-12.50`, `0.00`.
    public static func number(_ value: Decimal, places: Int = 2, grouping: Bool = false) -> String {
        // Amounts have short mantissas; a long one (a ratio) is short once rounded, which changes nothing below.
        if let text = digits(value, places: places, grouping: grouping)
            ?? digits(rounded(value, places: places), places: places, grouping: grouping)
        {
            return text
        }
        return numberByArithmetic(value, places: places, grouping: grouping)
    }

    /// `number` from the value's parts in integer arithmetic; nil when they do not fit in 64 bits.
    private static func digits(_ value: Decimal, places: Int, grouping: Bool) -> String? {
        guard places >= 0, let parts = DecimalParts(value), let scaled = parts.scaledMagnitude(places: places) else {
            return nil
        }
        let zero = UInt8(ascii: "0")
        var digits = Array(String(scaled).utf8)
        if digits.count <= places {
            digits.insert(contentsOf: repeatElement(zero, count: places + 1 - digits.count), at: 0)
        }
        let integerCount = digits.count - places
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + integerCount / 3 + 2)
        if parts.negative && scaled != 0 { result.append(UInt8(ascii: "-")) }
        for (position, digit) in digits[..<integerCount].enumerated() {
            if grouping && position > 0 && (integerCount - position) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(digit)
        }
        if places > 0 {
            result.append(UInt8(ascii: "."))
            result += digits[integerCount...]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `number` by `Decimal` arithmetic: round, scale to an integer, insert the point.
    static func numberByArithmetic(_ value: Decimal, places: Int = 2, grouping: Bool = false) -> String {
        let rounded = rounded(value, places: places)
        var scaled = rounded
        for _ in 0..<places { scaled *= 10 }
        let negative = scaled < 0
        // `scaled` is integral now; its description is the digit string.
        var digits = "\(negative ? -scaled : scaled)"
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let integerPart = String(digits.dropLast(places))
        let fraction = String(digits.suffix(places))
        var integer = integerPart
        if grouping && integerPart.count > 3 {
            var groups: [Substring] = []
            var end = integerPart.endIndex
            while end > integerPart.startIndex {
                let start =
                    integerPart.index(end, offsetBy: -3, limitedBy: integerPart.startIndex) ?? integerPart.startIndex
                groups.insert(integerPart[start..<end], at: 0)
                end = start
            }
            integer = groups.joined(separator: ",")
        }
        let body = places > 0 ? integer + "." + fraction : integer
        return negative && !rounded.isZero ? "-" + body : body
    }

    /// An amount in 万元 with 2 decimals: narrative form (`2443.08`) or table form with separators (`2,443.08`).
    public static func amount(_ amount: Amount, grouping: Bool = false) -> String {
        number(amount.value, places: 2, grouping: grouping)
    }

    /// A percentage with 2 decimals and the sign: `98.73%`.
    public static func percent(_ value: Decimal, places: Int = 2) -> String {
        number(value, places: places) + "%"
    }

    /// A value with all its decimals and no exponent (`2443.0837`, `98.731268…`): what the formatting helpers of
    /// the templates round; at most 20 decimals, rounded once there.
    public static func exact(_ value: Decimal) -> String {
        let value = value.exponent < -20 ? Self.rounded(value, places: 20) : value
        // Amounts have short mantissas: their digits come from integer arithmetic, not `Decimal.description`.
        if let parts = DecimalParts(value), parts.exponent <= 0, parts.exponent >= -20,
            let text = digits(value, places: -parts.exponent, grouping: false)
        {
            return text
        }
        return value.description
    }

    /// A whole count: `66`.
    public static func count(_ value: Int) -> String {
        String(value)
    }
}
