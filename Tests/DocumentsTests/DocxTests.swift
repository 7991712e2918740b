import Foundation
import TestSupport
import Testing

@testable import Documents

/// The parts of a stored (uncompressed) ZIP, in order, read by walking the local headers (the writers store
/// their parts with `compression: nil`).
func storedParts(_ bytes: [UInt8]) -> [(name: String, text: String)] {
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    var parts: [(String, String)] = []
    var i = 0
    while i + 30 <= bytes.count, u32(i) == 0x0403_4B50 {
        let size = u32(i + 18)
        let nameLength = u16(i + 26)
        let extraLength = u16(i + 28)
        let name = String(decoding: bytes[i + 30..<i + 30 + nameLength], as: UTF8.self)
        let start = i + 30 + nameLength + extraLength
        parts.append((name, String(decoding: bytes[start..<start + size], as: UTF8.self)))
        i = start + size
    }
    return parts
}

/// What python-docx reads back (see Checkers/docx_dump.py).
struct DocxDump: Decodable {
    struct Properties: Decodable {
        let title, subject, author, keywords, created: String?
    }
    struct BodyItem: Decodable {
        let type: String
        let style: String?
        let text: String?
        let pageBreakBefore: Bool?
        let index: Int?
    }
    struct Merge: Decodable, Equatable {
        let colSpan: Int
        let vMerge: String?
    }
    struct TableDump: Decodable {
        let texts: [[String]]
        let cells: [[String]]
        let merges: [[Merge]]
        let headerRows: Int
        let gridCols: [Int]
        let width: Int?
    }
    struct Section: Decodable, Equatable {
        let orientation: String
        let width, height, top, bottom, left, right: Int
    }
    struct Link: Decodable {
        let anchor: String?
        let text: String
    }
    struct Footer: Decodable {
        let text: String
        let fields: [String]
    }
    struct Style: Decodable {
        let name: String?
        let eastAsia: String?
        let size: Int?
        let bold: Bool
    }
    struct Defaults: Decodable {
        let eastAsia, langEastAsia: String?
    }
    let properties: Properties
    let body: [BodyItem]
    let paragraphs: [String]
    let tables: [TableDump]
    let sections: [Section]
    let links: [Link]
    let bookmarks: [String]
    let footers: [Footer]
    let styles: [String: Style]
    let defaults: Defaults
}

@Suite struct DocxTests {
    static let document = OfficeSample.document

    /// The non-empty paragraph texts a reader should find, in order (tables' titles, preambles and notes included).
    static var expectedParagraphs: [String] {
        var texts: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let heading): texts.append(heading.text)
            case .paragraph(let paragraph): texts.append(paragraph.text)
            case .tocEntry(let entry): texts.append(entry.text)
            case .table(let table): texts += (table.title.map { [$0] } ?? []) + table.preamble + table.notes
            case .pageBreak: break
            }
        }
        return texts.map(XMLText.sanitize).filter { !$0.isEmpty }
    }

    static var tables: [Table] {
        document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    static let portrait = DocxDump.Section(
        orientation: "portrait", width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474)
    static let landscape = DocxDump.Section(
        orientation: "landscape", width: 16838, height: 11906, top: 1587, bottom: 1474, left: 2098, right: 1984)

    @Test func packageParts() throws {
        let parts = storedParts(try DocxWriter.write(Self.document, compression: nil))
        #expect(parts.first?.name == "[Content_Types].xml")
        let names = Set(parts.map(\.name))
        for name in [
            "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
            "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
        let document = try #require(parts.first { $0.name == "word/document.xml" }?.text)
        #expect(document.contains("编辑印发《公报》&amp; &lt;瓷都人大&gt; 等刊物"))
        #expect(!document.contains("\u{1}"))
        #expect(document.contains("w:orient=\"landscape\""))
        #expect(document.contains("<w:gridSpan w:val=\"3\"/>"))
        #expect(document.contains("<w:vMerge w:val=\"restart\"/>"))
        #expect(document.contains("<w:vMerge w:val=\"continue\"/>"))
        #expect(document.contains("<w:tblHeader/>"))
        let styles = try #require(parts.first { $0.name == "word/styles.xml" }?.text)
        #expect(styles.contains("w:eastAsia=\"仿宋_GB2312\""))
        #expect(styles.contains("w:firstLineChars=\"200\""))
        #expect(styles.contains("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\""))
        let core = try #require(parts.first { $0.name == "docProps/core.xml" }?.text)
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-06-30T08:00:00Z</dcterms:created>"))
    }

    /// Bookmark names are what Word accepts (letters, digits, `_`, starting with a letter); links find them whether
    /// the TOC entry comes before or after its heading.
    @Test func bookmarksAndLinks() throws {
        let document = Document(
            properties: DocumentProperties(date: "2025-01-02"),
            blocks: [
                .tocEntry(TOCEntry(level: 1, text: "前", target: "part-1")),
                .heading(Heading(level: 1, text: "第一部分", id: "part-1")),
                .heading(Heading(level: 2, text: "一、", id: "part_1")),
                .heading(Heading(level: 2, text: "二、", id: "2nd")),
                .tocEntry(TOCEntry(level: 2, text: "后", target: "part-1")),
                .tocEntry(TOCEntry(level: 2, text: "二", target: "2nd")),
            ])
        let parts = storedParts(try DocxWriter.write(document, compression: nil))
        let xml = try #require(parts.first { $0.name == "word/document.xml" }?.text)
        #expect(xml.components(separatedBy: "<w:hyperlink w:anchor=\"part_1\"").count == 3)
        #expect(xml.contains("<w:bookmarkStart w:id=\"0\" w:name=\"part_1\"/>"))
        #expect(xml.contains("<w:bookmarkStart w:id=\"1\" w:name=\"part_1_2\"/>"))
        #expect(xml.contains("<w:bookmarkStart w:id=\"2\" w:name=\"b_2nd\"/>"))
        #expect(xml.contains("<w:hyperlink w:anchor=\"b_2nd\""))
        let core = try #require(parts.first { $0.name == "docProps/core.xml" }?.text)
        #expect(core.contains(">2025-01-02T00:00:00Z</dcterms:created>"))
    }

    /// GB/T 9704 fonts for every script (digits in the font of the text), each declared with the Windows font that
    /// stands in for it and the GB 2312 character set, so that a missing one is replaced by a Chinese font.
    @Test func fontsAndTheirStandIns() throws {
        let parts = storedParts(try DocxWriter.write(Self.document, compression: nil))
        let styles = try #require(parts.first { $0.name == "word/styles.xml" }?.text)
        for font in ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"] {
            #expect(
                styles.contains(
                    "<w:rFonts w:ascii=\"\(font)\" w:eastAsia=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\"/>"))
        }
        #expect(!styles.contains("Times New Roman"))
        let fonts = try #require(parts.first { $0.name == "word/fontTable.xml" }?.text)
        for (font, standIn) in [("仿宋_GB2312", "仿宋"), ("方正小标宋简体", "宋体"), ("黑体", "SimHei"), ("楷体_GB2312", "楷体")] {
            #expect(fonts.contains("<w:font w:name=\"\(font)\"><w:altName w:val=\"\(standIn)\"/>"))
        }
        #expect(fonts.components(separatedBy: "<w:charset w:val=\"86\"/>").count == 6)
        #expect(fonts.components(separatedBy: "w:csb0=\"00040000\"").count == 6)
    }

    /// A title too long for its line breaks at the space that leaves the lines most even; table columns are as
    /// wide as their codes and amounts need.
    @Test func titlesBreakAndColumnsFitTheirFigures() throws {
        let title = "中共景德镇市珠山区委办公室 2024 年度部门决算"
        let document = Document(blocks: [.heading(Heading(level: 0, text: title)), .table(OfficeSample.table06)])
        let xml = try #require(
            storedParts(try DocxWriter.write(document, compression: nil)).first { $0.name == "word/document.xml" }?.text
        )
        #expect(
            xml.contains(
                "<w:r><w:t>中共景德镇市珠山区委办公室</w:t><w:br/><w:t>2024 年度部门决算</w:t></w:r>"
            ))
        let grid = xml.components(separatedBy: "<w:gridCol w:w=\"").dropFirst().compactMap {
            Int($0.prefix { $0.isNumber })
        }
        #expect(grid.count == 9)
        #expect(grid.reduce(0, +) == 16838 - 2098 - 1984)
        // 39908 (five digits) and 1,416.04 (the first amount column) at 10.5 pt with the cell margins.
        for code in [0, 3, 6] { #expect(grid[code] >= (5 * 640 * 210 + 999) / 1000 + 124) }
        #expect(grid[2] >= ((6 * 640 + 2 * 340) * 210 + 999) / 1000 + 124)
    }

    /// `xml:space="preserve"` only where a space would otherwise be lost: at either end, or two in a row.
    @Test func spacesKeptWhereTheyMatter() {
        #expect(DocxWriter.runs("项 目 1,861.26") == "<w:r><w:t>项 目 1,861.26</w:t></w:r>")
        #expect(DocxWriter.runs(" 注") == "<w:r><w:t xml:space=\"preserve\"> 注</w:t></w:r>")
        #expect(DocxWriter.runs("甲  乙") == "<w:r><w:t xml:space=\"preserve\">甲  乙</w:t></w:r>")
        #expect(DocxWriter.runs("甲\t乙 ") == "<w:r><w:t>甲</w:t><w:tab/><w:t xml:space=\"preserve\">乙 </w:t></w:r>")
    }

    @Test func sameDocumentSameBytes() throws {
        #expect(try DocxWriter.write(Self.document) == DocxWriter.write(Self.document))
    }

    @Test func emptyAndOddDocuments() throws {
        // No blocks, a lone landscape table, a table without rows or columns, an unusual date: all still packages.
        let odd = Document(
            properties: DocumentProperties(date: "soon"),
            blocks: [
                .pageBreak, .table(OfficeSample.table06), .pageBreak, .table(Table(columns: [])),
                .table(Table(columns: [Column()], header: [[Cell("x", colSpan: 4, rowSpan: 9)]])),
            ])
        for document in [Document(), odd] {
            let parts = storedParts(try DocxWriter.write(document, compression: nil))
            let xml = try #require(parts.first { $0.name == "word/document.xml" }?.text)
            #expect(xml.hasSuffix("</w:p><w:sectPr>" + xml.components(separatedBy: "<w:sectPr>").last!))
            #expect(xml.hasSuffix("</w:sectPr></w:body></w:document>"))
            let core = try #require(parts.first { $0.name == "docProps/core.xml" }?.text)
            #expect(!core.contains("soon"))
        }
    }

    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func zipfileAcceptsIt() throws {
        try Checker.require(Checker.python, "python3")
        let file = try outputDirectory("docx-zip").appendingPathComponent("sample.docx")
        try Data(DocxWriter.write(Self.document)).write(to: file)
        let result = try run("python3", ["-m", "zipfile", "-t", file.path])
        #expect(result.status == 0, "\(result.output) \(result.stderr)")
    }

    /// python-docx reads back every paragraph, table cell, merge, section, link and style we meant to write.
    @Test(.enabled(if: Checker.pythonDocx || Checker.isCI, "python-docx not installed"))
    func pythonDocxReadsIt() throws {
        try Checker.require(Checker.pythonDocx, "python-docx")
        let file = try outputDirectory("docx").appendingPathComponent("sample.docx")
        try Data(DocxWriter.write(Self.document)).write(to: file)
        let dump = try dump("docx_dump.py", file, as: DocxDump.self)

        #expect(dump.paragraphs == Self.expectedParagraphs)
        #expect(dump.properties.title == "景德镇市测试办公室 2024 年度部门决算")
        #expect(dump.properties.subject == "部门决算公开")
        #expect(dump.properties.author == "景德镇市测试办公室")
        #expect(dump.properties.keywords == "2024")
        #expect(dump.properties.created?.hasPrefix("2025-06-30T08:00:00") == true)

        // Tables: texts as the grid lays them out, header rows repeated, grid widths filling the text width.
        try #require(dump.tables.count == Self.tables.count)
        for (table, read) in zip(Self.tables, dump.tables) {
            let grid = TableGrid(rows: table.header + table.body, columnCount: table.columns.count)
            #expect(read.texts == grid.texts.map { $0.map(XMLText.sanitize) }, "\(table.title ?? "")")
            #expect(read.headerRows == table.header.count)
            let textWidth = table.landscape ? 16838 - 2098 - 1984 : 11906 - 1587 - 1474
            #expect(read.gridCols.reduce(0, +) == textWidth)
            #expect(read.width == textWidth)
        }
        let merged = dump.tables[2].merges
        #expect(
            merged[0] == [
                .init(colSpan: 1, vMerge: "restart"), .init(colSpan: 1, vMerge: "restart"),
                .init(colSpan: 2, vMerge: nil),
                .init(colSpan: 1, vMerge: "restart"),
            ])
        #expect(
            merged[1] == [
                .init(colSpan: 1, vMerge: "continue"), .init(colSpan: 1, vMerge: "continue"),
                .init(colSpan: 1, vMerge: nil),
                .init(colSpan: 1, vMerge: nil), .init(colSpan: 1, vMerge: "continue"),
            ])
        // python-docx's own view repeats a merged cell's text over what it covers.
        #expect(dump.tables[0].cells[0] == ["收入", "收入", "收入", "支出", "支出", "支出"])
        #expect(dump.tables[2].cells[1] == ["项目", "栏次", "年初", "全年", "决算数"])

        // Sections: the two landscape tables on landscape pages of their own (the part heading goes along).
        #expect(dump.sections == [Self.portrait, Self.landscape, Self.landscape, Self.portrait])
        let part2 = try #require(dump.body.lastIndex { $0.text == "第二部分 2024 年度部门决算表" })
        #expect(dump.body[part2].pageBreakBefore == false)
        #expect(dump.body.last { $0.text == "第一部分 景德镇市测试办公室概况" }?.pageBreakBefore == true)
        #expect(dump.body.last { $0.text == "第三部分 2024 年度部门决算情况说明" }?.pageBreakBefore == true)

        // Links: every TOC entry with a known target links to a bookmark; the unknown one is plain text.
        #expect(
            dump.links.map(\.text) == [
                "第一部分 景德镇市测试办公室概况", "一、部门主要职责", "第二部分 2024 年度部门决算表", "一、收入支出决算总表",
                "六、一般公共预算财政拨款基本支出决算表",
            ])
        for link in dump.links {
            #expect(link.anchor.map { dump.bookmarks.contains($0) } == true, "\(link.text) → \(link.anchor ?? "nil")")
        }

        #expect(dump.footers.first?.fields.map { $0.trimmingCharacters(in: .whitespaces) } == ["PAGE"])
        #expect(dump.footers.first?.text == "— 1 —")

        #expect(dump.defaults.eastAsia == "仿宋_GB2312")
        #expect(dump.defaults.langEastAsia == "zh-CN")
        #expect(dump.styles["Normal"]?.eastAsia == "仿宋_GB2312")
        #expect(dump.styles["Normal"]?.size == 32)
        #expect(dump.styles["Title"]?.eastAsia == "方正小标宋简体")
        #expect(dump.styles["Title"]?.size == 44)
        #expect(dump.styles["Heading1"]?.eastAsia == "黑体")
        #expect(dump.styles["Heading2"]?.eastAsia == "楷体_GB2312")
        #expect(dump.styles["Heading3"]?.bold == true)
        #expect(dump.styles["TableText"]?.size == 21)
        let styleOf = Dictionary(dump.body.compactMap { item in item.text.map { ($0, item.style ?? "") } }) { _, b in b
        }
        #expect(styleOf["目 录"] == "Center")
        #expect(styleOf["一、部门主要职责"] == "Heading 2")
        #expect(styleOf["六、一般公共预算财政拨款基本支出决算表"] == "toc 2")
        #expect(styleOf["一般公共预算财政拨款基本支出决算表"] == "Table Title")
        #expect(dump.body.first { $0.text == "一、部门主要职责" }?.style == "toc 2")
    }
}
