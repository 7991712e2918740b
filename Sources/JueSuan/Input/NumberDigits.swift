import Foundation

/// What exact decimal arithmetic needs to know about a JSON number as written: how many significant digits it has and
/// where they stand, read from the text itself (never through `Decimal` or `Double`, which would round first).
///
/// `Decimal` keeps at most 38 significant digits and silently rounds the rest (`…678.91` would read as `…678.90`);
/// these counts let a reader refuse such a number, with its place, instead.
public struct NumberDigits: Sendable, Equatable {
    /// From the first to the last non-zero digit (0 for zero).
    public var significant: Int
    /// Digits before the decimal point of the value (`1234.5` → 4, `0.05` → 0, `1e3` → 4).
    public var integerDigits: Int
    /// Digits after the decimal point the value needs (`1.50` → 1, `1e-3` → 3, `12` → 0).
    public var fractionDigits: Int
    /// The significant digits (without a sign) and the power of ten of the last one: value = ±digits × 10^exponent.
    let digits: Substring
    let exponent: Int
    let negative: Bool

    /// Reads a number in JSON syntax (`-12.340e+5`); nil for anything else, or an exponent beyond ±10^9.
    public init?(json text: String) {
        let utf8 = Array(text.utf8)
        var index = 0
        negative = utf8.first == UInt8(ascii: "-")
        if negative { index += 1 }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var mantissa: [UInt8] = []
        while index < utf8.count, isDigit(utf8[index]) {
            mantissa.append(utf8[index])
            index += 1
        }
        guard !mantissa.isEmpty else { return nil }
        var point = mantissa.count
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            let before = mantissa.count
            while index < utf8.count, isDigit(utf8[index]) {
                mantissa.append(utf8[index])
                index += 1
            }
            guard mantissa.count > before else { return nil }
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index += 1
            var sign = 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
                if utf8[index] == UInt8(ascii: "-") { sign = -1 }
                index += 1
            }
            var value = 0
            var count = 0
            while index < utf8.count, isDigit(utf8[index]) {
                value = value * 10 + Int(utf8[index] - UInt8(ascii: "0"))
                count += 1
                guard value < 1_000_000_000 else { return nil }
                index += 1
            }
            guard count > 0 else { return nil }
            point += sign * value
        }
        guard index == utf8.count else { return nil }
        // The value is 0.mantissa × 10^point.
        guard let first = mantissa.firstIndex(where: { $0 != UInt8(ascii: "0") }),
            let last = mantissa.lastIndex(where: { $0 != UInt8(ascii: "0") })
        else {
            significant = 0
            integerDigits = 0
            fractionDigits = 0
            digits = "0"
            exponent = 0
            return
        }
        significant = last - first + 1
        integerDigits = max(0, point - first)
        fractionDigits = max(0, last + 1 - point)
        digits = Substring(String(decoding: mantissa[first...last], as: UTF8.self))
        exponent = point - (last + 1)
    }

    /// At most 38 significant digits with their exponent in `Decimal`'s range: `decimal` is then exact.
    public var fitsDecimal: Bool { significant <= 38 && (-128...127).contains(exponent) }

    /// The exact value; nil when it does not fit a `Decimal`.
    public var decimal: Decimal? {
        guard fitsDecimal else { return nil }
        let text = (negative ? "-" : "") + digits + "e" + String(exponent)
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
