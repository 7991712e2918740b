import Documents
import Foundation
import TestSupport
import Testing

@Suite struct XlsxReaderTests {
    /// A workbook as openpyxl writes it: text, numbers, a number as text, a formula, a boolean, an error value,
    /// rich text, a line break, merged cells, a hidden row and column, a second, hidden sheet.
    static let openpyxlScript = """
        import sys, openpyxl
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "公开01表"
        ws["A1"] = "收入支出决算总表"
        ws.merge_cells("A1:F1")
        ws["A3"] = "一、一般公共预算财政拨款收入"
        ws["B3"] = 2443.08
        ws["C3"] = "2,443.08"
        ws["D3"] = "=B3*2"
        ws["F3"] = 12
        ws["A4"] = -3.5
        ws["B4"] = 12345678.5
        ws["C4"] = True
        ws["D4"] = "#N/A"
        ws["E4"] = CellRichText([TextBlock(InlineFont(b=True), "粗体"), "普通"])
        ws["F4"] = "第一行\\n第二行"
        ws["A5"] = "隐藏行"
        ws.row_dimensions[5].hidden = True
        ws.column_dimensions["C"].hidden = True
        ws2 = wb.create_sheet("说明")
        ws2["A1"] = "说明文字"
        ws2.sheet_state = "hidden"
        wb.save(sys.argv[1])
        """

    static func openpyxlWorkbook(in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("openpyxl.xlsx")
        let result = try run("python3", ["-c", openpyxlScript, file.path])
        guard result.status == 0 else { throw CheckerFailure("openpyxl failed: \(result.stderr)") }
        return file
    }

    /// `file` opened and saved again as .xlsx by LibreOffice, in `directory/resaved`.
    static func resavedByLibreOffice(_ file: URL, in directory: URL) throws -> URL {
        let output = directory.appendingPathComponent("resaved")
        let profile = directory.appendingPathComponent("lo-profile")
        let result = try run(
            "soffice",
            [
                "-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore", "--convert-to", "xlsx",
                "--outdir", output.path, file.path,
            ])
        let resaved = output.appendingPathComponent(file.lastPathComponent)
        guard result.status == 0, FileManager.default.fileExists(atPath: resaved.path) else {
            throw CheckerFailure("soffice failed: \(result.output) \(result.stderr)")
        }
        return resaved
    }

    static func read(_ file: URL) throws -> SpreadsheetWorkbook {
        try XlsxReader.read(bytes: Array(try Data(contentsOf: file)))
    }

    /// What both openpyxl's file and LibreOffice's re-save of it hold; `formulaValue` is what D3 = B3*2 holds
    /// (openpyxl writes no result, LibreOffice computes it), `trueFormula` LibreOffice's formula for TRUE.
    static func expectTheOpenpyxlWorkbook(
        _ workbook: SpreadsheetWorkbook, formulaValue: SpreadsheetCell.Value, libreOffice: Bool
    ) throws {
        #expect(workbook.sheets.map(\.name) == ["公开01表", "说明"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden])
        #expect(workbook.date1904 == false)
        let sheet = workbook.sheets[0]
        #expect(sheet[1, 1] == .text("收入支出决算总表"))
        #expect(sheet.mergedRanges == [CellRange("A1:F1")!])
        #expect(sheet.mergedRange(containing: CellAddress("C1")!) == CellRange("A1:F1"))
        #expect(sheet.mergedRange(containing: CellAddress("C2")!) == nil)
        #expect(sheet[3, 1] == .text("一、一般公共预算财政拨款收入"))
        #expect(sheet[3, 2] == .number("2443.08"))
        #expect(sheet[3, 3] == .text("2,443.08"))
        #expect(
            sheet.cell(at: CellAddress("D3")!)
                == SpreadsheetCell(address: CellAddress("D3")!, value: formulaValue, formula: "B3*2"))
        #expect(sheet[3, 5] == .empty)
        #expect(sheet[3, 6] == .number("12"))
        #expect(sheet[4, 1] == .number("-3.5"))
        #expect(sheet[4, 2] == .number("12345678.5"))
        #expect(sheet.cell(at: CellAddress("C4")!).value == .bool(true))
        #expect(sheet.cell(at: CellAddress("C4")!).formula == (libreOffice ? "TRUE()" : nil))
        #expect(sheet[4, 4] == .error("#N/A"))
        #expect(sheet[4, 5] == .text("粗体普通"))
        #expect(sheet[4, 6] == .text("第一行\n第二行"))
        #expect(sheet[5, 1] == .text("隐藏行"))
        #expect(sheet.hiddenRows == [5])
        #expect(sheet.isRowHidden(5) && !sheet.isRowHidden(4))
        #expect(sheet.isColumnHidden(3) && !sheet.isColumnHidden(2) && !sheet.isColumnHidden(4))
        #expect(sheet.lastRow == 5)
        #expect(sheet.lastColumn == 6)
        // Row-major order; no empty cells kept (LibreOffice writes B1…F1 as styled empty cells).
        #expect(
            sheet.cells.map(\.address.a1) == [
                "A1", "A3", "B3", "C3", "D3", "F3", "A4", "B4", "C4", "D4", "E4", "F4", "A5",
            ])
        #expect(workbook.sheets[1][1, 1] == .text("说明文字"))
        #expect(SpreadsheetNumber.decimal("2443.08") == Decimal(string: "2443.08"))
    }

    @Test(.enabled(if: Checker.openpyxl || Checker.isCI, "openpyxl not installed"))
    func readsWhatOpenpyxlWrites() throws {
        try Checker.require(Checker.openpyxl, "openpyxl")
        let directory = try outputDirectory("xlsx-reader-openpyxl")
        let workbook = try Self.read(try Self.openpyxlWorkbook(in: directory))
        try Self.expectTheOpenpyxlWorkbook(workbook, formulaValue: .empty, libreOffice: false)
    }

    @Test(.enabled(if: (Checker.openpyxl && Checker.soffice) || Checker.isCI, "openpyxl or LibreOffice not installed"))
    func readsTheWorkbookResavedByLibreOffice() throws {
        try Checker.require(Checker.openpyxl, "openpyxl")
        try Checker.require(Checker.soffice, "LibreOffice")
        let directory = try outputDirectory("xlsx-reader-libreoffice")
        let resaved = try Self.resavedByLibreOffice(try Self.openpyxlWorkbook(in: directory), in: directory)
        // LibreOffice deflates every part, keeps strings in the shared-string table (rich text as runs) and
        // stores the formula's result.
        let zip = try ZipReader(bytes: Array(try Data(contentsOf: resaved)))
        #expect(zip.entries.allSatisfy { $0.method == 8 })
        #expect(zip.entry(named: "xl/sharedStrings.xml") != nil)
        try Self.expectTheOpenpyxlWorkbook(try Self.read(resaved), formulaValue: .number("4886.16"), libreOffice: true)
    }

    /// Our own report workbook, read back: every cell as openpyxl reads it, and again after LibreOffice re-saves it.
    @Test(.enabled(if: Checker.openpyxl || Checker.isCI, "openpyxl not installed"))
    func readsWhatXlsxWriterWrites() throws {
        try Checker.require(Checker.openpyxl, "openpyxl")
        let directory = try outputDirectory("xlsx-reader-writer")
        let file = directory.appendingPathComponent("report.xlsx")
        try Data(XlsxWriter.write(OfficeSample.document)).write(to: file)
        let workbook = try Self.read(file)
        try Self.expectSameAsOpenpyxl(workbook, file)

        let sheet = try #require(workbook.sheet(named: "公开01表"))
        #expect(sheet[1, 1] == .text("收入支出决算总表"))
        #expect(sheet[9, 3] == .number("2443.08"))  // written as 2,443.08
        #expect(sheet[9, 1] == .text("一、一般公共预算财政拨款收入"))
        #expect(sheet.mergedRanges.contains(CellRange("A6:C6")!))
        #expect(workbook.sheet(named: "公开09表")?[11, 3] == .number("12345678.5"))
        #expect(workbook.sheet(named: "公开09表")?[6, 3] == .number("16.00"))

        if Checker.soffice || Checker.isCI {
            try Checker.require(Checker.soffice, "LibreOffice")
            let resaved = try Self.read(try Self.resavedByLibreOffice(file, in: directory))
            #expect(resaved.sheets.map(\.name) == workbook.sheets.map(\.name))
            // LibreOffice writes 16.00 as 16: the same number.
            func normalized(_ sheet: SpreadsheetSheet) -> [String] {
                sheet.cells.map { cell in
                    if case .number(let text) = cell.value, let number = SpreadsheetNumber.decimal(text) {
                        return "\(cell.address) \(number)"
                    }
                    return "\(cell.address) \(cell.value)"
                }
            }
            for (mine, theirs) in zip(workbook.sheets, resaved.sheets) {
                #expect(normalized(mine) == normalized(theirs), "\(mine.name)")
                #expect(Set(mine.mergedRanges) == Set(theirs.mergedRanges), "\(mine.name)")
            }
        }
    }

    /// Every cell of every sheet is what openpyxl reads: text the same, numbers the same double.
    static func expectSameAsOpenpyxl(_ workbook: SpreadsheetWorkbook, _ file: URL) throws {
        let dump = try dump("xlsx_dump.py", file, as: XlsxDump.self)
        #expect(workbook.sheets.map(\.name) == dump.sheets.map(\.name))
        var compared = 0
        for (sheet, dumped) in zip(workbook.sheets, dump.sheets) {
            for (r, row) in dumped.rows.enumerated() {
                for (c, expected) in row.enumerated() {
                    let value = sheet[r + 1, c + 1]
                    switch (expected, value) {
                    case (.text(let a), .text(let b)): #expect(a == b)
                    case (.number(let a), .number(let b)): #expect(a == Double(b), "\(sheet.name) \(r + 1),\(c + 1)")
                    case (.empty, .empty): break
                    default: Issue.record("\(sheet.name) row \(r + 1) column \(c + 1): \(expected) ≠ \(value)")
                    }
                    compared += 1
                }
            }
            #expect(Set(sheet.mergedRanges.map(\.description)) == Set(dumped.merged), "\(sheet.name)")
        }
        #expect(compared > 300)
    }
}
