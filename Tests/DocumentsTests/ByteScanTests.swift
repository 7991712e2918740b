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

    @Test("cells split where a split by Character at TAB does")
    func cells() {
        for text in Self.texts {
            let line = text[...]
            #expect(LineText.cells(line) == line.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }

    @Test("trimmed cells agree with splitting and trimming by Character")
    func trimmedCells() {
        let texts = Self.texts + [" a \t b ", "\t\t", " \u{301}a\t甲 ", "\u{600} x\t y\u{301} ", "  ", "x\t\t y"]
        for text in texts {
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
            let expected = text[...].split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                guard let first = cell.firstIndex(where: { !isSpace($0) }),
                    let last = cell.lastIndex(where: { !isSpace($0) })
                else { return "" }
                return String(cell[first...last])
            }
            #expect(LineText.trimmedCells(text[...]) == expected, "\(text.debugDescription)")
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

    @Test("xlsx line widths and counts agree with splitting by Character")
    func xlsxLines() {
        typealias Sheet = XlsxWriter.SheetBuilder
        let texts = Self.texts + ["甲\u{2028}乙乙", "a\u{85}bb", "x\u{0B}yy\u{0C}z", "“引号”—…", "长文本长文本长文本长文本长文本"]
        for text in texts {
            let longest = text.split(whereSeparator: \.isNewline).map { XlsxWriter.displayWidth(String($0)) }.max() ?? 0
            #expect(Sheet.longestLine(text) == longest, "\(text.debugDescription)")
            for width in [1, 2, 5, 12] {
                let usable = max(1, width - 1)
                let count = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
                    $0 + max(1, (XlsxWriter.displayWidth(String($1)) + usable - 1) / usable)
                }
                #expect(Sheet.lineCount(text, width: width) == count, "\(text.debugDescription) \(width)")
            }
        }
    }
}
