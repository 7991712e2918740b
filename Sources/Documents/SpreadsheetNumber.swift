// Numbers of spreadsheet cells as exact decimals. Excel holds every number as an IEEE double and writes it to the
// file as the shortest text that reads back as that double: up to 17 significant digits, so 0.1 + 0.2 is stored as
// `0.30000000000000004` and 2443.08 typed by a clerk may come back from a formula as `2443.0800000000004`. Excel
// itself shows and compares numbers to 15 significant digits, and every decimal of at most 15 significant digits
// survives the trip through a double. Rounding the text to 15 significant digits therefore gives back the number
// the clerk typed or saw, and nothing a double cannot tell apart is invented.
import Foundation

public enum SpreadsheetNumber {
    /// The significant digits Excel keeps.
    public static let significantDigits = 15

    /// `text` (`-12.5`, `2443.08`, `1.2345E-5`, `0.30000000000000004`) as a `Decimal` rounded half away from zero
    /// to 15 significant digits; nil when it is not a plain decimal number (no spaces, no thousands separators,
    /// no `INF` or `NaN`) or is beyond what `Decimal` holds.
    public static func decimal(_ text: String) -> Decimal? {
        guard let parts = DecimalText(text) else { return nil }
        var digits = parts.digits
        var exponent = parts.exponent
        if digits.count > significantDigits {
            let dropped = digits.count - significantDigits
            let roundUp = digits[significantDigits] >= 5
            digits.removeLast(dropped)
            exponent += dropped
            if roundUp {
                var i = digits.count - 1
                while i >= 0 && digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                }
                if i >= 0 {
                    digits[i] += 1
                } else {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    exponent += 1
                }
            }
        }
        while let last = digits.last, last == 0, digits.count > 1 {
            digits.removeLast()
            exponent += 1
        }
        let significand = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        if significand == 0 { return Decimal(0) }
        guard let power = Int16(exactly: exponent), power >= -128, power <= 127 else { return nil }
        return Decimal(
            sign: parts.negative ? .minus : .plus, exponent: Int(power), significand: Decimal(significand))
    }
}

/// A number's text split into sign, significant digits (no leading zeros) and the power of ten of the last one.
private struct DecimalText {
    var negative = false
    var digits: [UInt8] = []
    var exponent = 0

    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var sawDigit = false
        var sawPoint = false
        while let byte = bytes.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                if !digits.isEmpty || byte != UInt8(ascii: "0") { digits.append(byte - UInt8(ascii: "0")) }
                if sawPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.count <= 4,
                bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
            let value = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            exponent += exponentNegative ? -value : value
            bytes = []
        }
        guard bytes.isEmpty else { return nil }
        if digits.isEmpty { digits = [0] }
    }
}
