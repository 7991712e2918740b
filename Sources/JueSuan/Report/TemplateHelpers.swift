import Foundation
import Mustache

// Formatting helpers for templates: `{{#fmt.yuan}}{{income.value}}{{/fmt.yuan}}`. Each is a lambda that receives the
// section as rendered and rewrites the numbers in it; none computes a figure — they only print one the core
// derived, in another unit, precision, spacing or numbering. Applied to a single value, the value keeps its identity,
// so the table-to-text check compares what the helper printed (at the precision and unit printed) with the figure.

/// The helpers a report template finds under `fmt`.
enum TemplateHelpers {
    /// Every helper by name, with what it does (for the README and `juesuan templates`).
    static let descriptions: [(name: String, what: String)] = [
        ("yuan", "万元 → 元，2 位小数（用于 value 这样的精确数）：2443.0837 → 24430837.00"),
        ("yuanGrouped", "同上，加千分位：24,430,837.00"),
        ("grouped", "2 位小数，加千分位：2443.0837 → 2,443.08"),
        ("d0", "四舍五入到整数：98.7312 → 99"),
        ("d1", "四舍五入到 1 位小数：98.7312 → 98.7（如百分比印 1 位小数）"),
        ("d2", "四舍五入到 2 位小数"),
        ("d3", "四舍五入到 3 位小数"),
        ("tight", "去掉汉字与数字、百分号之间的空格：增加 12.60 万元 → 增加12.60万元"),
        ("cn", "整数 → 汉字数字：3 → 三"),
        ("cnParen", "整数 → 括号汉字编号：3 → （三）"),
        ("arabicParen", "整数 → 全角括号数字编号：3 → （3）"),
        ("circled", "整数 → 圈码：3 → ③"),
    ]

    static let value: MustacheValue = {
        var helpers = MustacheObject()
        helpers["yuan"] = rewriting { format($0 * 10000, places: 2, grouping: false) }
        helpers["yuanGrouped"] = rewriting { format($0 * 10000, places: 2, grouping: true) }
        helpers["grouped"] = rewriting { format($0, places: 2, grouping: true) }
        for places in 0...3 {
            helpers["d\(places)"] = rewriting { format($0, places: places, grouping: false) }
        }
        helpers["tight"] = .lambda(.rendered { tight($0) })
        helpers["cn"] = integers { ChineseNumeral.of($0) }
        helpers["cnParen"] = integers { ChineseNumeral.parenthesized($0) }
        helpers["arabicParen"] = integers { "（\($0)）" }
        helpers["circled"] = integers { DutyNumberingStyle.number($0, .circled) }
        return .object(helpers)
    }()

    private static func format(_ value: Decimal, places: Int, grouping: Bool) -> String {
        Format.number(value, places: places, grouping: grouping)
    }

    /// A helper that replaces every number in the rendered section with `transform` of its exact value.
    private static func rewriting(_ transform: @escaping @Sendable (Decimal) -> String) -> MustacheValue {
        .lambda(.rendered { text in replacingNumbers(in: text, transform) })
    }

    /// A helper that replaces every whole number in the section with `transform` of it.
    private static func integers(_ transform: @escaping @Sendable (Int) -> String) -> MustacheValue {
        .lambda(
            .rendered { text in
                replacingNumbers(in: text) { value in
                    guard let whole = Int(value.description) else { return value.description }
                    return transform(whole)
                }
            })
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The numbers of `text` (an optional `-`, digits with optional thousands separators, an optional fraction),
    /// each replaced.
    static func replacingNumbers(in text: String, _ transform: (Decimal) -> String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        func isDigit(_ j: Int) -> Bool { j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 }
        while i < bytes.count {
            let negative = bytes[i] == UInt8(ascii: "-") && isDigit(i + 1)
            guard isDigit(i) || negative else {
                result.append(bytes[i])
                i += 1
                continue
            }
            var end = negative ? i + 1 : i
            var digits: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            while isDigit(end)
                || (end < bytes.count && bytes[end] == UInt8(ascii: ",") && isDigit(end + 1) && isDigit(end + 3))
            {
                if bytes[end] != UInt8(ascii: ",") { digits.append(bytes[end]) }
                end += 1
            }
            if end < bytes.count && bytes[end] == UInt8(ascii: ".") && isDigit(end + 1) {
                digits.append(UInt8(ascii: "."))
                end += 1
                while isDigit(end) {
                    digits.append(bytes[end])
                    end += 1
                }
            }
            if let value = Decimal(string: String(decoding: digits, as: UTF8.self), locale: posix) {
                result += Array(transform(value).utf8)
            } else {
                result += bytes[i..<end]
            }
            i = end
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Without the spaces that the standard wording puts between Chinese text and numbers or `%`.
    static func tight(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count,
                isWide(scalars[index - 1]) || isWide(scalars[index + 1])
            {
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// A CJK ideograph or full-width punctuation.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF, 0x2018...0x201D: return true
        default: return false
        }
    }
}
