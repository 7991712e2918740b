import Documents
import Testing

/// `Markup.parseWithOrigins`: where each text of the document stands in the markup.
@Suite("Markup origins") struct MarkupOriginsTests {
    /// The markup text from `offset` up to the end of its line.
    static func rest(_ markup: String, _ offset: Int) -> String {
        let bytes = Array(markup.utf8)
        let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    @Test("each block's line and text, each body cell's text")
    func originsOfTextsAndCells() throws {
        let markup = [
            "@title#top 报告", "", "  @p   正文 第一段", "@pagebreak", "@toc2#top 目录项",
            "@table sheet=表一", "@caption 标题", "@columns l c rn", "@head 项目\t行次\t金额",
            "@row 合计\t  1\t 2,443.08", "@row 甲\t{<}\t", "@row \t\t5.00", "@end", "@note 注：完",
        ].joined(separator: "\n")
        let (document, origins) = try Markup.parseWithOrigins(markup)
        #expect(try Markup.parse(markup) == document)
        #expect(origins.lines == [1, 3, 4, 5, 6, 14])
        #expect(origins.texts.map { $0.map { Self.rest(markup, $0) } } == ["报告", "正文 第一段", nil, "目录项", nil, "注：完"])
        let cells = try #require(origins.bodyCells[4])
        #expect(
            cells.map { $0.map { Self.rest(markup, $0) } } == [
                ["合计\t  1\t 2,443.08", "1\t 2,443.08", "2,443.08"],
                ["甲\t{<}\t", ""],
                ["\t\t5.00", "\t5.00", "5.00"],
            ])
    }

    @Test("a value's escapes are noted, so that markup offsets map onto the document text and back")
    func escapesMapOntoTheText() throws {
        let name = Markup.escape(" 甲{<}局@p\\ ")
        let markup = ["@p \(name)收入12.00万元", "@table", "@columns l r", "@row \(name)\t3.00", "@end"].joined(
            separator: "\n")
        let (document, origins) = try Markup.parseWithOrigins(markup)
        guard case .paragraph(let paragraph) = document.blocks[0], case .table(let table) = document.blocks[1] else {
            Issue.record("blocks: \(document.blocks)")
            return
        }
        #expect(paragraph.text == " 甲{<}局@p\\ 收入12.00万元")
        #expect(table.body[0][0].text == " 甲{<}局@p\\ ")
        // `\ `, `\{`, `\@`, `\\` and `\ ` in the paragraph, and again in the cell.
        #expect(origins.escapes.count == 10)
        let bytes = Array(markup.utf8)
        let text = Array(paragraph.text.utf8)
        let start = try #require(origins.texts[0])
        // Every character of the paragraph: its markup offset on the unescaped scale is its offset in the text.
        let figure = try #require(bytes.firstRange(of: Array("12.00".utf8)))
        let inText = try #require(text.firstRange(of: Array("12.00".utf8)))
        #expect(origins.unescaped(figure.lowerBound) - origins.unescaped(start) == inText.lowerBound)
        #expect(origins.escaped(origins.unescaped(start) + inText.lowerBound) == figure.lowerBound)
        // An escaped character maps to itself after its backslash.
        let brace = try #require(text.firstIndex(of: UInt8(ascii: "{")))
        #expect(bytes[origins.escaped(origins.unescaped(start) + brace)] == UInt8(ascii: "{"))
        let cell = try #require(origins.bodyCells[1]?[0][1])
        #expect(Self.rest(markup, cell) == "3.00")
        // The cell's text and the TAB after it.
        let first = try #require(origins.bodyCells[1]?[0][0])
        #expect(origins.unescaped(cell) - origins.unescaped(first) == table.body[0][0].text.utf8.count + 1)
    }
}
