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
}
