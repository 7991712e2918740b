import Documents
import Foundation
import TestSupport
import Testing

/// A cell value as openpyxl gives it: text, number or nothing.
enum CellValue: Decodable, Equatable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case empty

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .empty
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .text(let text): "\"\(text)\""
        case .number(let number): "\(number)"
        case .empty: "nil"
        }
    }
}

/// What openpyxl reads back (see Checkers/xlsx_dump.py).
struct XlsxDump: Decodable {
    struct Properties: Decodable {
        let title, subject, author, keywords, created: String?
    }
    struct Sheet: Decodable {
        let name: String
        let rows: [[CellValue]]
        let formats: [[String?]]
        let bordered: [[Bool?]]
        let merged: [String]
        let printTitleRows: String?
        let orientation: String?
        let fitToPage: Bool
        let fitToWidth: Int?
        let fitToHeight: Int?
        let widths: [String: Double]
    }
    let properties: Properties
    let sheets: [Sheet]
}

@Suite struct XlsxTests {
    static let document = OfficeSample.document

    @Test func sheetNamesAreMadeValid() {
        let long = String(repeating: "表", count: 40)
        #expect(
            XlsxWriter.sheetNames(["公开01表", "a/b:c*d?[e]\\f", long, "公开01表", "Data", "data", "'q'", "", "History"]) == [
                "公开01表", "a_b_c_d__e__f", String(repeating: "表", count: 31), "公开01表 (2)", "Data", "data (2)", "q",
                "Sheet",
                "History_",
            ])
        #expect(
            XlsxWriter.sheetNames([long, long]) == [
                String(repeating: "表", count: 31), String(repeating: "表", count: 27) + " (2)",
            ])
    }

    /// Only texts that read as numbers become numbers; the rest stay text, blanks stay empty.
    @Test func numbersAndText() throws {
        let texts = [
            "2,443.08", "0.00", "-3", "12", "2336.27", "-1,000.5", " 7 ", "007", "1,23", "1234,567", "---", "1.", ".5",
            "1e3", "12345678901234567", "",
        ]
        let table = Table(
            sheetName: "T", columns: [Column(numeric: true), Column()],
            body: texts.map { [Cell($0), Cell($0)] })
        let parts = storedParts(try XlsxWriter.write(Document(blocks: [.table(table)]), compression: nil))
        let sheet = try #require(parts.first { $0.name == "xl/worksheets/sheet1.xml" }?.text)
        let numbers = ["2443.08", "0.00", "-3", "12", "2336.27", "-1000.5", "7"]
        for (row, value) in numbers.enumerated() {
            #expect(sheet.contains(try Regex(#"<c r="A\#(row + 1)" s="\d+"><v>\#(value)</v></c>"#)), "\(value)")
        }
        for row in numbers.count..<texts.count - 1 {
            #expect(sheet.contains(try Regex(#"<c r="A\#(row + 1)" s="\d+" t="s">"#)), "\(texts[row])")
        }
        #expect(sheet.contains(try Regex(#"<c r="A\#(texts.count)" s="\d+"/>"#)))
        // The text column keeps even number-like texts as text.
        #expect(sheet.contains(#/<c r="B1" s="\d+" t="s">/#))
        let styles = try #require(parts.first { $0.name == "xl/styles.xml" }?.text)
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0.0\"/>"))
    }

    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func zipfileAcceptsIt() throws {
        try Checker.require(Checker.python, "python3")
        let file = try outputDirectory("xlsx-zip").appendingPathComponent("sample.xlsx")
        try Data(XlsxWriter.write(Self.document)).write(to: file)
        let result = try run("python3", ["-m", "zipfile", "-t", file.path])
        #expect(result.status == 0, "\(result.output) \(result.stderr)")
    }

    @Test func sameDocumentSameBytes() throws {
        #expect(try XlsxWriter.write(Self.document) == XlsxWriter.write(Self.document))
    }

    @Test func packageParts() throws {
        let parts = storedParts(try XlsxWriter.write(Self.document, compression: nil))
        #expect(
            parts.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                "xl/_rels/workbook.xml.rels", "docProps/core.xml", "docProps/app.xml",
            ])
        let sheet = try #require(parts.first { $0.name == "xl/worksheets/sheet1.xml" }?.text)
        #expect(sheet.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
        #expect(
            sheet.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        #expect(sheet.contains("<v>2443.08</v>"))
        let workbook = try #require(parts.first { $0.name == "xl/workbook.xml" }?.text)
        #expect(
            workbook.contains(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;公开01表&apos;!$6:$8</definedName>"))

        // A document without named tables still gives a workbook with one sheet.
        let empty = storedParts(try XlsxWriter.write(Document(), compression: nil))
        #expect(empty.contains { $0.name == "xl/worksheets/sheet1.xml" })
    }

    /// The value a cell of `table` should read back as: numbers in numeric columns, text elsewhere, nothing if empty.
    static func expectedValue(_ text: String, numeric: Bool) -> CellValue {
        let clean = XMLText.sanitize(text)
        if clean.isEmpty { return .empty }
        if numeric, clean.range(of: #"^-?(\d{1,3}(,\d{3})+|0|[1-9]\d*)(\.\d+)?$"#, options: .regularExpression) != nil {
            return .number(Double(clean.replacingOccurrences(of: ",", with: ""))!)
        }
        return .text(clean)
    }

    /// openpyxl reads back each named table as a sheet laid out like the printed table.
    @Test(.enabled(if: Checker.openpyxl || Checker.isCI, "openpyxl not installed"))
    func openpyxlReadsIt() throws {
        try Checker.require(Checker.openpyxl, "openpyxl")
        let file = try outputDirectory("xlsx").appendingPathComponent("sample.xlsx")
        try Data(XlsxWriter.write(Self.document)).write(to: file)
        let dump = try dump("xlsx_dump.py", file, as: XlsxDump.self)

        #expect(dump.properties.title == "景德镇市测试办公室 2024 年度部门决算")
        #expect(dump.properties.author == "景德镇市测试办公室")
        #expect(dump.properties.keywords == "2024")
        #expect(dump.properties.created?.hasPrefix("2025-06-30") == true)

        let tables = Self.document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block, table.sheetName != nil { return table }
            return nil
        }
        #expect(dump.sheets.map(\.name) == ["公开01表", "公开06表", "公开09表"])
        try #require(dump.sheets.count == tables.count)
        for (table, sheet) in zip(tables, dump.sheets) {
            let n = table.columns.count
            var expected: [[CellValue]] = []
            func fullWidth(_ text: String) { expected.append([.text(text)] + Array(repeating: .empty, count: n - 1)) }
            if let title = table.title { fullWidth(title) }
            table.preamble.forEach(fullWidth)
            let grid = TableGrid(rows: table.header + table.body, columnCount: n)
            for (r, texts) in grid.texts.enumerated() {
                expected.append(
                    texts.enumerated().map { c, text in
                        Self.expectedValue(text, numeric: r >= table.header.count && table.columns[c].numeric)
                    })
            }
            table.notes.forEach(fullWidth)
            #expect(sheet.rows == expected, "\(sheet.name)")

            let headerStart = 1 + (table.title == nil ? 0 : 1) + table.preamble.count
            #expect(sheet.printTitleRows == "$\(headerStart):$\(headerStart + table.header.count - 1)")
            #expect(sheet.orientation == (table.landscape ? "landscape" : "portrait"))
            #expect(sheet.fitToPage)
            #expect(sheet.fitToWidth == 1)
            #expect(sheet.fitToHeight == 0)
            // Every table cell has its borders; the title, preamble and notes have none.
            let tableRows = (headerStart - 1)..<(headerStart - 1 + grid.slots.count)
            for (r, row) in sheet.bordered.enumerated() {
                #expect(row.allSatisfy { $0 == nil || $0 == tableRows.contains(r) }, "\(sheet.name) row \(r + 1)")
            }
        }

        let sheet01 = dump.sheets[0]
        #expect(
            Set(sheet01.merged) == [
                "A1:F1", "A2:F2", "A3:F3", "A4:F4", "A40:F40", "A41:F41", "A5:F5", "A6:C6", "A8:B8", "D6:F6", "D8:E8",
            ])
        #expect(sheet01.formats[8][2] == "#,##0.00")  // 2,443.08
        #expect(sheet01.formats[11][2] == "#,##0.00")  // 0.00
        #expect(sheet01.rows[9][2] == .empty)
        // The label column fits `使用非财政拨款结余（含专用结余）` (16 wide characters).
        #expect((sheet01.widths["A"] ?? 0) >= 32)
        #expect((sheet01.widths["B"] ?? 100) < 10)

        let sheet09 = dump.sheets[2]
        #expect(sheet09.merged.contains("A4:A5"))
        #expect(sheet09.merged.contains("C4:D4"))
        #expect(sheet09.merged.contains("A8:A9"))
        #expect(sheet09.rows[8][4] == .number(-3))
        #expect(sheet09.rows[8][2] == .text("---"))
        #expect(sheet09.formats[8][4] == "#,##0")  // -3
        #expect(sheet09.formats[9][4] == "#,##0")  // 12
        #expect(sheet09.formats[10][2] == "#,##0.0")  // 12,345,678.5
        #expect(sheet09.formats[10][3] == "0.00")  // 2336.27, written without a separator
        #expect(sheet09.formats[10][4] == "#,##0")  // 1,000
    }
}
