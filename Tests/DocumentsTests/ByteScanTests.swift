import Testing

@testable import Documents

/// The scans that work on UTF-8 bytes must find exactly what a reading by `Character` or `Unicode.Scalar` finds.
@Suite struct ByteScanTests {
    /// Texts where bytes and characters could disagree: CR LF, lone CR, marks and joiners next to TAB, LF and
    /// spaces, an emoji sequence, empty texts and breaks at either end.
    static let texts = [
        "", "\n", "\r", "\r\n", "\n\r", "\r\r\n", "\t", "甲\t乙\n丙\r\n丁\r戊", "a\t\u{301}b\n\u{301}c\r\u{301}",
        "e\u{301}\r\n\u{200D}x", "👨‍👩‍👧\t👍🏽\n", " \u{301}\t \t", "\r\n\r\n", "x\r", "\u{600} \ty ", "行尾 ", "a  ",
    ]

    @Test("lines split where a split by Character at line breaks does")
    func lines() {
        for text in Self.texts {
            let expected = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            #expect(LineText.lines(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("markup cells split at TAB scalars and lose the spaces and TABs at either end, scalar by scalar")
    func markupCells() {
        let texts = Self.texts + [" a \t b ", "\t\t", " \u{301}a\t甲 ", "\u{600} x\t y\u{301} ", "  ", "x\t\t y"]
        for text in texts {
            let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
            let expected = text.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                guard let first = cell.firstIndex(where: { !isSpace($0) }),
                    let last = cell.lastIndex(where: { !isSpace($0) })
                else { return "" }
                return String(String.UnicodeScalarView(cell[first...last]))
            }
            #expect(MarkupText.cells(text[...]) == expected.map { .text($0) }, "\(text.debugDescription)")
        }
    }

    @Test("flatten and trailing spaces agree with the Character reading")
    func flatten() {
        for text in Self.texts {
            let flat = String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
            #expect(LineText.flatten(text) == flat, "\(text.debugDescription)")
            var trimmed = text
            while trimmed.last == " " { trimmed.removeLast() }
            #expect(LineText.withoutTrailingSpaces(text) == trimmed, "\(text.debugDescription)")
        }
    }

    @Test("XMLText.escape: a text is left alone exactly when it has nothing to remove or escape")
    func plainText() {
        let texts =
            Self.texts + [
                "a&b", "<", ">", "\"", "'", "\u{0}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FFBF}",
                "\u{FFBE}", "\u{EFBF}", "\u{10FFFF}", "甲乙\u{FFFF}丙", "￾", "ｆｕｌｌ＆", "&\u{301}",
            ]
        for text in texts {
            let changes = XMLText.sanitize(text) != text || text.utf8.contains { "&<>\"'".utf8.contains($0) }
            #expect(XMLText.isPlain(text) == !changes, "\(text.debugDescription)")
        }
    }

    @Test("XMLText.escape escapes every markup character, also one that a combining mark follows")
    func escapeByScalar() {
        #expect(
            XMLText.escape("&\u{301}<\u{301}>\u{301}\"\u{301}'\u{301}")
                == "&amp;\u{301}&lt;\u{301}&gt;\u{301}&quot;\u{301}&apos;\u{301}")
        #expect(XMLText.escape("a&b<c\u{0}d") == "a&amp;b&lt;cd")
        #expect(XMLText.escape("甲“乙”") == "甲“乙”")
        // Scalar by scalar (String comparison would join `;` and a following combining mark): every `&` starts an
        // entity and no `<`, `>`, quote or apostrophe is left.
        let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].map { Array($0.unicodeScalars) }
        for text in Self.texts + ["&\u{301}", "<\u{20DD}", "'\u{FE0F}"] {
            let scalars = Array(XMLText.escape(text).unicodeScalars)
            for (index, scalar) in scalars.enumerated() {
                #expect(!"<>\"'".unicodeScalars.contains(scalar), "\(text.debugDescription)")
                if scalar == "&" {
                    #expect(
                        entities.contains { Array(scalars[index...].prefix($0.count)) == $0 },
                        "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("xlsx line counts: each LF-separated line wraps by its measured width")
    func xlsxLines() {
        typealias Sheet = XlsxWriter.SheetBuilder
        let texts = Self.texts + ["甲\u{2028}乙乙", "a\u{85}bb", "x\u{0B}yy\u{0C}z", "“引号”—…", "长文本长文本长文本长文本长文本"]
        for text in texts {
            // Widths of 2, 5 and 12 characters of 11 pt, and the padding.
            for characters in [2, 5, 12] {
                let width = characters * Sheet.em + Sheet.padding
                let count = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
                    $0
                        + max(
                            1,
                            (TextWidth.of(String(String.UnicodeScalarView($1))) + characters * 1000 - 1)
                                / (characters * 1000))
                }
                #expect(Sheet.lineCount(text, width: width) == count, "\(text.debugDescription) \(characters)")
            }
        }
        // Six CJK characters in a cell three wide: two lines; ten digits (6.4 em) in a cell six wide: two.
        #expect(Sheet.lineCount("收入支出决算", width: 3 * Sheet.em + Sheet.padding) == 2)
        #expect(Sheet.lineCount("1234567890", width: 6 * Sheet.em + Sheet.padding) == 2)
        #expect(Sheet.lineCount("1234567890", width: 7 * Sheet.em + Sheet.padding) == 1)
    }

    /// The previous, array-based reading of xlsx numbers, as the reference for the byte reading.
    static func referenceNumber(_ text: String) -> XlsxWriter.Number? {
        var chars = Array(text.utf8)
        while let first = chars.first, first == 0x20 { chars.removeFirst() }
        while let last = chars.last, last == 0x20 { chars.removeLast() }
        var i = 0
        let negative = i < chars.count && chars[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        var integer: [UInt8] = []
        var groups: [Int] = []
        var run = 0
        while i < chars.count, isDigit(chars[i]) || chars[i] == UInt8(ascii: ",") {
            if chars[i] == UInt8(ascii: ",") {
                groups.append(run)
                run = 0
            } else {
                integer.append(chars[i])
                run += 1
            }
            i += 1
        }
        groups.append(run)
        guard !integer.isEmpty else { return nil }
        let grouped = groups.count > 1
        if grouped {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if integer.count > 1 && integer[0] == UInt8(ascii: "0") { return nil }
        var fraction: [UInt8] = []
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            while i < chars.count, isDigit(chars[i]) {
                fraction.append(chars[i])
                i += 1
            }
            guard !fraction.isEmpty else { return nil }
        }
        guard i == chars.count else { return nil }
        let significant = (integer + fraction).drop(while: { $0 == UInt8(ascii: "0") }).count
        guard significant <= 15 else { return nil }
        var value = negative ? "-" : ""
        value += String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { value += "." + String(decoding: fraction, as: UTF8.self) }
        let magnitude = Double(String(decoding: integer, as: UTF8.self)) ?? 0
        return XlsxWriter.Number(value: value, decimals: fraction.count, grouped: grouped || magnitude < 1000)
    }

    @Test("xlsx numbers read as the array-based reading did")
    func xlsxNumbers() {
        let pieces = ["1", "0", "9", ",", ".", "-", " ", "234", "567", "00", "a"]
        var texts = [
            "", "-", "0", "0.00", "-0.00", "1,234.50", "12,34", "1,2345", ",123", "123,", "007", "1.", ".5", "1e3",
        ]
        texts += ["2443.08", " 12 ", "999", "1000", "123456789012345", "1234567890123456", "0.0000000000000001", "---"]
        var state: UInt64 = 0xFEED_FACE_CAFE_BEEF
        for _ in 0..<5000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int((state >> 33) % 8) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            texts.append(text)
        }
        for text in texts {
            #expect(XlsxWriter.number(text) == Self.referenceNumber(text), "\(text.debugDescription)")
        }
    }
}
