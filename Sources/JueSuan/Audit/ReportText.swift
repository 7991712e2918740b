import Foundation

// The text of a published report as its lines: a line of a text file (the text of its PDF as `pdftotext -layout` or
// a plain extraction gives it, table rows as TAB- or space-separated cells) or a paragraph or table row of a Word
// document. Sentences are matched on a compact form of the text: white space removed (PDF extraction puts spaces
// around numbers, inside cells that wrap and between the characters of justified lines) and ASCII punctuation made
// full-width (an extraction may turn `，：；（）` into `, : ; ( )`).

/// A number as the report prints it, with the place it is printed.
public struct PrintedNumber: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// As printed, e.g. `2,443.08`, `14.39`, `230`.
    public var text: String
    public var value: Decimal
    /// How many decimals are printed: a figure printed with 2 decimals is known to ±0.005.
    public var places: Int
    /// The line of the report file (a paragraph or table row of a Word document) it is printed on.
    public var line: Int

    public var amount: Amount { Amount(value) }

    /// Half a unit of the last printed place: the most the printed figure can differ from the figure it rounds.
    public var halfUnit: Decimal {
        var unit = Decimal(5)
        for _ in 0..<(places + 1) { unit /= 10 }
        return unit
    }

    public var description: String { text }

    /// Reads `text` (digits with an optional sign, thousands separators and decimals); nil for anything else.
    init?(_ text: String, line: Int) {
        var digits = ""
        var places = -1
        var sawDigit = false
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9":
                digits.append(character)
                sawDigit = true
                if places >= 0 { places += 1 }
            case ",":
                guard sawDigit, places < 0 else { return nil }
            case ".":
                guard sawDigit, places < 0 else { return nil }
                places = 0
                digits.append(".")
            case "-", "−":
                guard index == 0 else { return nil }
                digits.append("-")
            default:
                return nil
            }
        }
        // The characters are checked above: digits, one point with digits after it, a leading sign.
        guard sawDigit, places != 0, digits.last != "-",
            let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.text = text
        self.value = value
        self.places = max(0, places)
        self.line = line
    }
}

/// One line of the report file.
struct ReportLine: Sendable {
    /// 1-based: the line of a text file, or the paragraph or table row of a Word document (counted in order).
    let number: Int
    /// The text as read (a Word table row: its cells joined with TAB).
    let raw: String
    /// Whether the line's cells are its TAB-separated parts (a text file's line with TABs, a Word table row).
    let hasCells: Bool
    /// Whether the line is a row of a Word table.
    let isTableRow: Bool

    init(number: Int, raw: String, isTableRow: Bool = false) {
        self.number = number
        self.raw = raw
        self.isTableRow = isTableRow
        hasCells = isTableRow || raw.contains("\t")
    }

    /// The TAB-separated cells, each trimmed.
    var cells: [String] {
        raw.split(separator: "\t", omittingEmptySubsequences: false).map { ReportText.trimmed(String($0)) }
    }

    /// The line without white space, punctuation made full-width.
    var compact: String { ReportText.compact(raw) }

    var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }

    /// The white-space separated words with the character column each starts at and its length, for text laid
    /// out in columns (`pdftotext -layout` pads with spaces so that a word's first character stands at the column
    /// its position on the page gives, counting every character as one column).
    var words: [(text: String, column: Int, width: Int)] {
        var result: [(String, Int, Int)] = []
        var current = ""
        var start = 0
        for (column, character) in raw.enumerated() {
            if character.isWhitespace {
                if !current.isEmpty { result.append((current, start, current.count)) }
                current = ""
            } else {
                if current.isEmpty { start = column }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, start, current.count)) }
        return result
    }
}

/// Text helpers for reading a published report.
enum ReportText {
    /// `text` without leading and trailing white space (including the ideographic space).
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{FEFF}")))
    }

    /// Whether `character` is white space as a PDF extraction writes it.
    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{3000}" || character == "\u{FEFF}"
    }

    /// `text` without white space and with ASCII punctuation made full-width: `，` for a comma that is not a
    /// thousands separator, `：；（）` for `:;()`, `%` for `％`.
    static func compact(_ text: String) -> String {
        let characters = Array(text.filter { !isSpace($0) })
        var result = ""
        result.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            switch character {
            case ",":
                let digitBefore = index > 0 && characters[index - 1].isASCIIDigit
                var digitsAfter = 0
                while index + 1 + digitsAfter < characters.count && characters[index + 1 + digitsAfter].isASCIIDigit {
                    digitsAfter += 1
                }
                result.append(digitBefore && digitsAfter == 3 ? "," : "，")
            case ":": result.append("：")
            case ";": result.append("；")
            case "(": result.append("（")
            case ")": result.append("）")
            case "％": result.append("%")
            default: result.append(character)
            }
        }
        return result
    }

    /// The numbers in a compact text, each with the range of characters it takes (a sign only before a digit that
    /// follows no digit).
    static func numbers(in text: String) -> [(text: String, range: Range<Int>)] {
        let characters = Array(text)
        var result: [(String, Range<Int>)] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character.isASCIIDigit else {
                index += 1
                continue
            }
            var start = index
            if start > 0, characters[start - 1] == "-", start < 2 || !characters[start - 2].isASCIIDigit {
                start -= 1
            }
            var end = index
            while end < characters.count {
                let c = characters[end]
                if c.isASCIIDigit {
                    end += 1
                } else if c == "." || c == ",", end + 1 < characters.count, characters[end + 1].isASCIIDigit {
                    end += 1
                } else {
                    break
                }
            }
            result.append((String(characters[start..<end]), start..<end))
            index = end
        }
        return result
    }

    /// Whether a cell's text is a table amount (digits with decimals, or a whole number), `-` for none, or blank.
    static func isFigureCell(_ text: String) -> Bool {
        let cell = trimmed(text)
        return cell.isEmpty || isDash(cell)
            || PrintedNumber(cell.replacingOccurrences(of: " ", with: ""), line: 0) != nil
    }

    /// `---`, `—`, `-`: a cell that has no figure.
    static func isDash(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { "-—–－─".contains($0) }
    }

    /// Chinese numerals 一…九十 as a number (up to 99), for `（十二）` and `二十三、`.
    static func chineseNumber(_ text: String) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        guard !text.isEmpty else { return nil }
        if text == "十" { return 10 }
        if let ten = text.firstIndex(of: "十") {
            let before = text[..<ten]
            let after = text[text.index(after: ten)...]
            let tens = before.isEmpty ? 1 : (before.count == 1 ? digits[before.first!] : nil)
            let ones = after.isEmpty ? 0 : (after.count == 1 ? digits[after.first!] : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        guard text.count == 1 else { return nil }
        return digits[text.first!]
    }

    /// The text after a leading list number (`1、`, `（一）`, `(1)`, `一、`, `1.`, `①`) and the numbering style;
    /// nil style when the text has no number.
    static func strippingNumber(_ text: String) -> (text: String, style: DutyNumbering?) {
        let characters = Array(text.prefix(8))
        let chinese: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func run(_ from: Int, _ allowed: (Character) -> Bool) -> Int {
            var end = from
            while end < characters.count, end - from < 3, allowed(characters[end]) { end += 1 }
            return end
        }
        func rest(_ count: Int) -> String { trimmed(String(text.dropFirst(count))) }
        guard let first = characters.first else { return (text, nil) }
        if first == "（" || first == "(" {
            let chineseEnd = run(1, chinese.contains)
            if chineseEnd > 1, chineseEnd < characters.count,
                characters[chineseEnd] == "）" || characters[chineseEnd] == ")"
            {
                return (rest(chineseEnd + 1), .chineseParenthesized)
            }
            let digitEnd = run(1, \.isASCIIDigit)
            if digitEnd > 1, digitEnd < characters.count, characters[digitEnd] == "）" || characters[digitEnd] == ")" {
                return (rest(digitEnd + 1), .arabicParenthesized)
            }
            return (text, nil)
        }
        if first.isASCIIDigit {
            let end = run(0, \.isASCIIDigit)
            guard end < characters.count else { return (text, nil) }
            switch characters[end] {
            case "、": return (rest(end + 1), .arabicComma)
            case ".", "．":
                let next = end + 1 < characters.count ? characters[end + 1] : " "
                return next.isASCIIDigit ? (text, nil) : (rest(end + 1), .arabicDot)
            case "）", ")": return (rest(end + 1), .arabicClosingParenthesis)
            default: return (text, nil)
            }
        }
        if chinese.contains(first) {
            let end = run(0, chinese.contains)
            if end < characters.count, characters[end] == "、" { return (rest(end + 1), .chineseComma) }
            return (text, nil)
        }
        if let scalar = first.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) {
            return (rest(1), .circled)
        }
        return (text, nil)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
