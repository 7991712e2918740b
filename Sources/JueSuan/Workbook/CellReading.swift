import Documents
import Foundation

// Turning cells into input values: amounts (numbers, or text with thousands separators), counts, texts, flags, and
// labels compared the way a person reads them (spaces, full-width forms and quote styles do not matter).

enum Labels {
    /// `label` without white space, full-width ASCII forms made half-width, curly quotes made straight: `项 目`,
    /// `项目`, `（一）` and `(一)` compare equal.
    static func normalized(_ label: String) -> String {
        var label = label
        return label.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch byte {
                case 0x09...0x0D, 0x20:
                    index += 1
                case 0xC2 where next == 0x85 || next == 0xA0:
                    index += 2
                case 0xE1 where next == 0x9A && third == 0x80:
                    index += 3
                case 0xE2
                where next == 0x80
                    && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF):
                    index += 3
                case 0xE2 where next == 0x81 && third == 0x9F:
                    index += 3
                case 0xE3 where next == 0x80 && third == 0x80:
                    index += 3
                case 0xE2 where next == 0x80 && (third == 0x9C || third == 0x9D):
                    output.append(UInt8(ascii: "\""))
                    index += 3
                case 0xE2 where next == 0x80 && (third == 0x98 || third == 0x99):
                    output.append(UInt8(ascii: "'"))
                    index += 3
                case 0xEF where next == 0xBC && (0x81...0xBF).contains(third):
                    // U+FF01–U+FF3F → U+0021–U+003F … U+005F
                    output.append(third - 0x60)
                    index += 3
                case 0xEF where next == 0xBD && (0x80...0x9E).contains(third):
                    // U+FF40–U+FF5E → U+0060–U+007E
                    output.append(third - 0x20)
                    index += 3
                default:
                    output.append(byte)
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// What went wrong with one cell, in words a clerk can act on.
struct CellProblem: Error, Equatable {
    let message: String
}

enum CellValue {
    /// A formula saved without its result (openpyxl and some tools do not calculate).
    static let uncalculated = CellProblem(message: "公式没有计算结果：请用 Excel 或 WPS 打开本文件并保存一次，或改填数值")

    /// Texts that mean "nothing here" in a figure cell: blank, a dash.
    static let blanks: Set<String> = ["", "-", "--", "---", "—", "——", "－"]

    /// An amount as exact decimal text, or nil for a blank cell. Numbers are taken as stored (to 15 significant
    /// digits, what Excel shows); text may have thousands separators (`1,240.53`) and full-width digits.
    static func amount(_ cell: SpreadsheetCell?) throws(CellProblem) -> String? {
        guard let cell else { return nil }
        switch cell.value {
        case .empty: return nil
        case .number(let stored):
            guard let text = ExcelNumber.decimalText(stored) else {
                throw CellProblem(message: "无法读取数字“\(stored)”")
            }
            return text
        case .bool(let flag):
            throw CellProblem(message: "应填金额，实际为逻辑值 \(flag ? "TRUE" : "FALSE")")
        case .error(let code):
            throw CellProblem(message: "单元格是错误值 \(code)，应填金额（检查公式）")
        case .text(let raw), .date(let raw):
            return try amount(text: raw)
        }
    }

    static func amount(text raw: String) throws(CellProblem) -> String? {
        let text = Labels.normalized(raw)
        if blanks.contains(text) { return nil }
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, let integer = parts.first else { throw notAmount(raw) }
        if parts.count == 2, !digits(parts[1]) { throw notAmount(raw) }
        var integerDigits = ""
        if integer.contains(",") {
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            let grouped =
                groups.allSatisfy(digits) && (1...3).contains(groups[0].count)
                && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard grouped else {
                if parts.count == 1, groups.count == 2, groups.allSatisfy(digits) {
                    throw CellProblem(
                        message: "“\(raw)”中的逗号不是千位分隔符：小数点请写“.”，如 \(groups[0]).\(groups[1])")
                }
                throw notAmount(raw)
            }
            integerDigits = groups.joined()
        } else {
            guard digits(integer) else { throw notAmount(raw) }
            integerDigits = String(integer)
        }
        var result = negative ? "-" : ""
        result += integerDigits
        if parts.count == 2 { result += "." + parts[1] }
        return result
    }

    static func notAmount(_ raw: String) -> CellProblem {
        CellProblem(message: "“\(raw)”不是金额：请填写数字，如 1234.56 或 1,234.56，空白表示 0")
    }

    /// A whole number, or nil for a blank cell.
    static func count(_ cell: SpreadsheetCell?) throws(CellProblem) -> String? {
        guard let text = try amount(cell) else { return nil }
        guard !text.contains(".") else { throw CellProblem(message: "应填整数，实际为 \(text)") }
        return text
    }

    /// A cell's text (numbers as their decimal text), or nil when blank.
    static func text(_ cell: SpreadsheetCell?) -> String? {
        guard let cell else { return nil }
        switch cell.value {
        case .text(let text), .date(let text):
            let trimmed = trimmed(text)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number): return ExcelNumber.decimalText(number) ?? number
        case .bool(let flag): return flag ? "是" : "否"
        case .empty, .error: return nil
        }
    }

    /// `text` without white space at either end; the text itself (no copy) when there is none, as in most cells.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// 是 / 否 (also TRUE / FALSE, 1 / 0), or nil when blank.
    static func flag(_ cell: SpreadsheetCell?) throws(CellProblem) -> Bool? {
        guard let cell else { return nil }
        if case .bool(let flag) = cell.value { return flag }
        guard let text = text(cell) else { return nil }
        switch Labels.normalized(text).lowercased() {
        case "是", "true", "1", "y", "yes": return true
        case "否", "false", "0", "n", "no": return false
        default: throw CellProblem(message: "应填“是”或“否”，实际为“\(text)”")
        }
    }
}

/// A unit line such as `金额单位：万元`: the unit it names, nil when the text is not one.
enum UnitLine {
    static func unit(_ text: String) -> InputUnit?? {
        let normalized = Labels.normalized(text)
        guard normalized.hasPrefix("金额单位") else { return nil }
        let value = normalized.drop { $0 != ":" }.dropFirst()
        if value == "万元" { return .some(.wanYuan) }
        if value == "元" { return .some(.yuan) }
        return .some(nil)
    }
}
