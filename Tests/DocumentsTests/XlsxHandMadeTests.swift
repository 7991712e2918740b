import Documents
import Foundation
import TestSupport
import Testing

/// Workbooks written by hand, for what the programs at hand do not write: strict namespaces with `x:` prefixes,
/// cells and rows without `r`, `_xHHHH_` escapes, phonetic runs, every cell type, a chart sheet, targets with
/// `..`, `%XX` and a leading `/`, part names in another case; and every kind of damage.
@Suite struct XlsxHandMadeTests {
    static let main = "xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\""
    static let relationships = "xmlns:r=\"http://purl.oclc.org/ooxml/officeDocument/relationships\""
    static let relationshipType = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    static let parts: [String: String] = [
        "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "_rels/.rels": """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipType)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """,
        "xl/workbook.xml": """
        <?xml version="1.0" encoding="utf-8"?>
        <x:workbook \(main) \(relationships)><x:workbookPr date1904="1"/><x:sheets>
        <x:sheet name="数据" sheetId="1" r:id="rId1"/>
        <x:sheet name="图表" sheetId="2" state="veryHidden" r:id="rId2"/>
        <x:sheet name="附 表" sheetId="3" state="hidden" r:id="rId3"/>
        </x:sheets></x:workbook>
        """,
        "xl/_rels/workbook.xml.rels": """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="\(relationshipType)/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="\(relationshipType)/chartsheet" Target="chartsheets/sheet1.xml"/>
        <Relationship Id="rId3" Type="\(relationshipType)/worksheet" Target="/xl/worksheets/%E9%99%84%E8%A1%A8.xml"/>
        <Relationship Id="rId4" Type="\(relationshipType)/sharedStrings" Target="../xl/SharedStrings.xml"/>
        <Relationship Id="rId5" Type="\(relationshipType)/hyperlink" Target="http://example.com/" TargetMode="External"/>
        </Relationships>
        """,
        "xl/sharedStrings.xml": """
        <x:sst \(main) count="4"><x:si><x:t>普通</x:t></x:si>\
        <x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">粗体 </x:t></x:r><x:r><x:t>普通</x:t></x:r>\
        <x:rPh sb="0" eb="1"><x:t>フリガナ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>\
        <x:si><x:t>行1_x000D__x000A_行2 _x005F_x0041_ _xD83D__xDE00_ _x00zz_</x:t></x:si><x:si><x:t/></x:si></x:sst>
        """,
        "xl/worksheets/sheet1.xml": """
        <x:worksheet \(main)><x:sheetData>
        <x:row r="2" hidden="true"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
        <x:row><x:c><x:v>0.30000000000000004</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c>\
        <x:c t="d"><x:v>2024-12-31T00:00:00</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>
        <x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:r><x:t>内联</x:t></x:r><x:r><x:t>富文本</x:t></x:r></x:is></x:c>\
        <x:c r="B5"><x:f t="shared" ref="B5:B6" si="0">A5</x:f><x:v>1</x:v></x:c><x:c r="C5" s="3"/><x:c r="D5" t="s"><x:v>3</x:v></x:c></x:row>
        <x:row r="6"><x:c r="B6"><x:f t="shared" si="0"/><x:v>2</x:v></x:c><x:c r="$Z$6"><x:v>1E-3</x:v></x:c></x:row>
        </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B2:D2"/></x:mergeCells>
        <x:cols><x:col min="5" max="16384" hidden="1"/><x:col min="1" max="1" width="30"/></x:cols></x:worksheet>
        """,
        "xl/chartsheets/sheet1.xml": "<chartsheet/>",
        "xl/worksheets/附表.xml": """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>9</v></c></row>\
        </sheetData></worksheet>
        """,
    ]

    /// The hand-made workbook with some parts replaced (or, with nil, left out).
    static func workbook(_ changes: [String: String?] = [:], bytes: [String: [UInt8]] = [:]) throws -> [UInt8] {
        var parts = Self.parts.mapValues { Array($0.utf8) }
        for (name, text) in changes { parts[name] = text.map { Array($0.utf8) } }
        for (name, data) in bytes { parts[name] = data }
        var archive = ZipArchive()
        for name in parts.keys.sorted() { archive.add(name, parts[name]!) }
        return try archive.bytes()
    }

    static func failure(
        _ changes: [String: String?], bytes: [String: [UInt8]] = [:], limits: XlsxReader.Limits = .init()
    ) throws -> XlsxReadError? {
        let bytes = try workbook(changes, bytes: bytes)
        do {
            _ = try XlsxReader.read(bytes: bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEverythingSpreadsheetMLAllows() throws {
        let workbook = try XlsxReader.read(bytes: try Self.workbook())
        #expect(workbook.sheets.map(\.name) == ["数据", "图表", "附 表"])
        #expect(workbook.sheets.map(\.kind) == [.worksheet, .other, .worksheet])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .veryHidden, .hidden])
        #expect(workbook.date1904)
        #expect(workbook.sheet(named: "图表")?.cells == [])

        let sheet = try #require(workbook.sheet(named: "数据"))
        #expect(sheet[2, 2] == .text("普通"))
        #expect(sheet[2, 3] == .text("粗体 普通"))  // the phonetic run left out
        #expect(sheet[2, 4] == .text("行1\r\n行2 _x0041_ 😀 _x00zz_"))
        #expect(sheet.hiddenRows == [2])
        #expect(sheet.cell(at: CellAddress(row: 3, column: 1)).value == .number("0.30000000000000004"))
        #expect(
            sheet.cell(at: CellAddress(row: 3, column: 2))
                == SpreadsheetCell(address: CellAddress("B3")!, value: .text("ab"), formula: "\"a\"&\"b\""))
        #expect(sheet[3, 3] == .date("2024-12-31T00:00:00"))
        #expect(sheet[3, 4] == .error("#DIV/0!"))
        #expect(sheet[3, 5] == .bool(false))
        #expect(sheet[5, 1] == .text("内联富文本"))
        #expect(sheet.cell(at: CellAddress("B5")!).formula == "A5")
        #expect(
            sheet.cell(at: CellAddress("B6")!)
                == SpreadsheetCell(address: CellAddress("B6")!, value: .number("2"), formula: ""))
        #expect(sheet[5, 4] == .text(""))
        #expect(sheet[6, 26] == .number("1E-3"))
        #expect(
            sheet.cells.map(\.address.a1) == [
                "B2", "C2", "D2", "A3", "B3", "C3", "D3", "E3", "A5", "B5", "D5", "B6", "Z6",
            ])
        #expect(sheet.mergedRanges == [CellRange("B2:D2")!])
        #expect(sheet.hiddenColumns == [5...16_384])
        #expect(!sheet.isColumnHidden(4) && sheet.isColumnHidden(5) && sheet.isColumnHidden(16_384))

        // Rows out of order are put in order; of two cells at one address the last counts.
        let appendix = try #require(workbook.sheet(named: "附 表"))
        #expect(appendix.cells.map(\.address.a1) == ["A1", "A3"])
        #expect(appendix[1, 1] == .number("9"))
        #expect(workbook.sheet(named: "附 表") == workbook.sheets[2])
    }

    @Test func damageHasAClearError() throws {
        let sheet1 = "xl/worksheets/sheet1.xml"
        #expect(
            try Self.failure([sheet1: "<worksheet><sheetData><row><c><v>1</v></c></row>"])
                == .xml(XMLError(part: sheet1, line: 1, column: 49, problem: .unexpectedEnd(openElement: "sheetData"))))
        #expect(
            try Self.failure(["xl/sharedStrings.xml": "<sst><si><t>a&nbsp;b</t></si></sst>"])
                == .xml(XMLError(part: "xl/sharedStrings.xml", line: 1, column: 14, problem: .unknownEntity("nbsp"))))
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <workbook>&b;</workbook>
            """
        #expect(
            try Self.failure(["xl/workbook.xml": laughs])
                == .xml(XMLError(part: "xl/workbook.xml", line: 2, column: 1, problem: .doctype)))
        let deep =
            "<worksheet>" + String(repeating: "<a>", count: 1_000) + String(repeating: "</a>", count: 1_000)
            + "</worksheet>"
        #expect(try Self.failure([sheet1: deep]).map { "\($0)" }?.hasSuffix("元素嵌套超过 256 层") == true)
        #expect(
            try Self.failure([:], bytes: [sheet1: [0xFF, 0xFE, 0x3C, 0x00]])
                == .xml(XMLError(part: sheet1, line: 1, column: 1, problem: .utf16)))

        #expect(try Self.failure(["xl/workbook.xml": nil]) == .missingPart("xl/workbook.xml"))
        #expect(try Self.failure(["xl/sharedStrings.xml": nil]) == .missingPart("xl/SharedStrings.xml"))
        let rels = Self.parts["xl/_rels/workbook.xml.rels"]!
        #expect(
            try Self.failure([
                "xl/_rels/workbook.xml.rels": rels.replacingOccurrences(of: "sheet1.xml", with: "sheet9.xml")
            ])
                == .missingSheet(sheet: "数据", part: "xl/worksheets/sheet9.xml"))
        #expect(try Self.failure([sheet1: nil]) == .missingSheet(sheet: "数据", part: sheet1))
        let workbookXML = Self.parts["xl/workbook.xml"]!
        #expect(
            try Self.failure([
                "xl/workbook.xml": workbookXML.replacingOccurrences(of: "r:id=\"rId1\"", with: "r:id=\"rId9\"")
            ])
                == .content(.init(part: "xl/workbook.xml", line: 3, column: 1), .unknownRelationship("rId9")))
        #expect(
            try Self.failure(["xl/workbook.xml": workbookXML.replacingOccurrences(of: "附 表", with: "数据")])
                == .content(.init(part: "xl/workbook.xml", line: 5, column: 1), .duplicateSheetName("数据")))
        #expect(
            try Self.failure(["xl/workbook.xml": "<workbook><sheets/></workbook>"])
                == .content(.init(part: "xl/workbook.xml", line: 1, column: 1), .noSheets))

        let outOfRange = try #require(
            try Self.failure([
                sheet1:
                    "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>"
            ]))
        #expect(
            outOfRange
                == .content(
                    .init(part: sheet1, line: 1, column: 34, sheet: "数据", cell: CellAddress("B2")),
                    .sharedStringIndex("7", count: 4)))
        #expect(outOfRange.description == "工作表“数据”单元格 B2（xl/worksheets/sheet1.xml 第 1 行第 34 列）：共享字符串编号 7 超出范围（共 4 个）")
        func cellProblem(_ cell: String) throws -> XlsxReadError.Problem? {
            guard
                case .content(_, let problem)? = try Self.failure([
                    sheet1: "<worksheet><sheetData><row>\(cell)</row></sheetData></worksheet>"
                ])
            else { return nil }
            return problem
        }
        #expect(try cellProblem("<c r=\"B0\"><v>1</v></c>") == .invalidCellReference("B0"))
        #expect(try cellProblem("<c r=\"XFE1\"><v>1</v></c>") == .invalidCellReference("XFE1"))
        #expect(try cellProblem("<c r=\"XFD1\"/><c><v>1</v></c>") == .invalidCellReference("XFE1"))
        #expect(try cellProblem("<c t=\"b\"><v>yes</v></c>") == .invalidBoolean("yes"))
        #expect(try cellProblem("<c t=\"q\"><v>1</v></c>") == .unknownCellType("q"))
        #expect(
            try Self.failure([sheet1: "<worksheet><sheetData><row r=\"0\"/></sheetData></worksheet>"])
                == .content(.init(part: sheet1, line: 1, column: 23, sheet: "数据"), .invalidRowNumber("0")))
        #expect(
            try Self.failure([sheet1: "<worksheet><mergeCells><mergeCell ref=\"A1:\"/></mergeCells></worksheet>"])
                == .content(.init(part: sheet1, line: 1, column: 24, sheet: "数据"), .invalidRange("A1:")))
        #expect(
            try Self.failure([sheet1: "<worksheet><cols><col min=\"3\" max=\"2\" hidden=\"1\"/></cols></worksheet>"])
                == .content(.init(part: sheet1, line: 1, column: 18, sheet: "数据"), .invalidColumnRange("3:2")))
    }

    @Test func otherFilesAreRefused() throws {
        #expect(throws: XlsxReadError.zip(.notZip)) { try XlsxReader.read(bytes: Array("收入,支出\n".utf8)) }
        let docx = try DocxWriter.write(OfficeSample.document)
        #expect(
            throws: XlsxReadError.content(
                .init(part: "word/document.xml", line: 2, column: 1), .notAWorkbook(root: "document"))
        ) {
            try XlsxReader.read(bytes: docx)
        }
        #expect(
            XlsxReadError.content(.init(part: "word/document.xml", line: 2, column: 1), .notAWorkbook(root: "document"))
                .description
                == "word/document.xml 第 2 行第 1 列：不是 Excel 工作簿（主部件是 <document>）")
    }

    @Test func limitsStopLargeWorkbooks() throws {
        #expect(
            try Self.failure([:], limits: .init(cells: 12)).map { "\($0)" }
                == "工作表“数据”单元格 Z6（xl/worksheets/sheet1.xml 第 5 行第 68 列）：单元格超过 12 个")
        // The limit is for all sheets: 13 cells on the first, 3 on the third (two at A1).
        #expect(try Self.failure([:], limits: .init(cells: 16)) == nil)
        #expect(
            try Self.failure([:], limits: .init(sheets: 2))
                == .content(.init(part: "xl/workbook.xml", line: 5, column: 1), .tooManySheets(limit: 2)))
        #expect(
            try Self.failure([:], limits: .init(sharedStrings: 3))
                == .content(.init(part: "xl/sharedStrings.xml", line: 1, column: 353), .tooManyStrings(limit: 3)))
        #expect(
            try Self.failure([:], limits: .init(partSize: 500))
                == .content(.init(part: "xl/_rels/workbook.xml.rels", line: 1, column: 1), .partTooLarge(limit: 500)))
        #expect(
            try Self.failure([:], limits: .init(zip: .init(entries: 3))) == .zip(.tooManyEntries(count: 8, limit: 3)))
    }

    @Test func numbersAsExcelShowsThem() {
        func decimal(_ text: String) -> String? { SpreadsheetNumber.decimal(text).map { "\($0)" } }
        #expect(decimal("0.30000000000000004") == "0.3")
        #expect(decimal("2443.0800000000004") == "2443.08")
        #expect(decimal("2443.08") == "2443.08")
        #expect(decimal("-1861.2599999999998") == "-1861.26")
        #expect(decimal("12345678.5") == "12345678.5")
        #expect(decimal("123456789012345678") == "123456789012346000")  // 15 significant digits, rounded half up
        #expect(decimal("0.99999999999999994") == "1")
        #expect(decimal("9.9999999999999995E-2") == "0.1")
        #expect(decimal("1E-3") == "0.001")
        #expect(decimal("1.5e+2") == "150")
        #expect(decimal("+7") == "7")
        #expect(decimal("-0") == "0")
        #expect(decimal("0.000") == "0")
        #expect(decimal(".5") == "0.5")
        #expect(decimal("5.") == "5")
        #expect(decimal("1E+300") == nil)  // beyond Decimal
        for text in ["", "-", "1,000", " 1", "1 ", "1e", "1e+", "INF", "NaN", "0x10", "1.2.3", "--1", "1E5.5"] {
            #expect(decimal(text) == nil, "\(text)")
        }
    }

    @Test func cellAddresses() {
        #expect(CellAddress("C12") == CellAddress(row: 12, column: 3))
        #expect(CellAddress("$C$12") == CellAddress(row: 12, column: 3))
        #expect(CellAddress("c12") == CellAddress(row: 12, column: 3))
        #expect(CellAddress("XFD1048576") == CellAddress(row: 1_048_576, column: 16_384))
        for text in ["", "C", "12", "C0", "C012", "XFE1", "A1048577", "AAAA1", "C-1", "C1.0", "$$C1", "C$$1", "1C"] {
            #expect(CellAddress(text) == nil, "\(text)")
        }
        #expect(CellAddress(row: 12, column: 3).a1 == "C12")
        #expect(
            [1, 26, 27, 52, 53, 702, 703, 16_384].map(CellAddress.columnName) == [
                "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
            ])
        #expect(CellRange("B3:A1") == CellRange(first: CellAddress("A1")!, last: CellAddress("B3")!))
        #expect(CellRange("B3")?.description == "B3")
        #expect(CellRange("A1:B2:C3") == nil)
        #expect(CellAddress("B1")! < CellAddress("A2")!)
    }

    /// Damaged copies of the hand-made workbook (stored) and of openpyxl's (deflated): an error or a workbook,
    /// never a crash or a hang.
    @Test func damagedWorkbooksNeverCrash() throws {
        var workbooks = [try Self.workbook()]
        if Checker.openpyxl || Checker.isCI {
            try Checker.require(Checker.openpyxl, "openpyxl")
            let directory = try outputDirectory("xlsx-damaged")
            workbooks.append(Array(try Data(contentsOf: try XlsxReaderTests.openpyxlWorkbook(in: directory))))
        }
        var random = TestRandom(state: 11)
        var errors = 0
        for bytes in workbooks {
            #expect(throws: Never.self) { try XlsxReader.read(bytes: bytes) }
            for length in stride(from: 0, to: bytes.count, by: 37) {
                #expect(throws: XlsxReadError.self) { try XlsxReader.read(bytes: Array(bytes.prefix(length))) }
            }
            for _ in 0..<500 {
                var damaged = bytes
                for _ in 0..<(1 + random.below(4)) {
                    damaged[random.below(damaged.count)] ^= UInt8(1 << random.below(8))
                }
                do { _ = try XlsxReader.read(bytes: damaged) } catch { errors += 1 }
            }
        }
        #expect(errors > 300)
    }
}
