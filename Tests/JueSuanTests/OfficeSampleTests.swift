import Documents
import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// Every sample's .docx and .xlsx are opened by independent readers (python-docx, openpyxl) and compared with the
/// txt output; the ZIP containers pass `python3 -m zipfile -t`; LibreOffice prints the workbook; two renders of
/// the same input give the same bytes in every format.
@Suite struct OfficeSampleTests {
    struct DocxDump: Decodable {
        struct TableDump: Decodable {
            let texts: [[String]]
        }

        let paragraphs: [String]
        let tables: [TableDump]
    }

    struct XlsxDump: Decodable {
        struct Sheet: Decodable {
            let name: String
            let rows: [[Cell?]]
        }

        let sheets: [Sheet]
    }

    /// An openpyxl cell value: a number or a string.
    enum Cell: Decodable, Equatable {
        case number(Decimal)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Decimal.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    static func report(_ path: String) throws -> RenderedReport {
        let checked = CheckedReport(try InputLoader.load(path: path).get())
        return try #require(checked.rendered)
    }

    static func name(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Writes the report in `format` (a ZIP container) and checks it with `python3 -m zipfile -t`.
    static func writeTestedZip(_ report: RenderedReport, _ format: OutputFormat, path: String) throws -> URL {
        let directory = try outputDirectory("\(format.rawValue)-\(name(path))")
        let file = directory.appendingPathComponent("\(name(path)).\(format.fileExtension)")
        try Data(try report.bytes(format)).write(to: file)
        let zipTest = try run("python3", ["-m", "zipfile", "-t", file.path])
        #expect(zipTest.status == 0, "\(zipTest.output) \(zipTest.stderr)")
        return file
    }

    /// The txt output split into its table rows (per table, in order) and its other lines (paragraphs).
    static func textParts(_ report: RenderedReport) -> (paragraphs: [String], tables: [[String]]) {
        let text = String(decoding: (try? report.bytes(.txt)) ?? [], as: UTF8.self)
        var tableRows: [[String]] = []
        for case .table(let table) in report.document.blocks {
            let grid = TableGrid(rows: table.header + table.body, columnCount: table.columns.count)
            tableRows.append(grid.texts.map { $0.joined(separator: "\t") })
        }
        var remaining = Array(tableRows.joined())
        var paragraphs: [String] = []
        for line in text.components(separatedBy: "\n") where !line.isEmpty {
            if let index = remaining.firstIndex(of: line), index == 0 {
                remaining.removeFirst()
                continue
            }
            paragraphs.append(line.hasPrefix("- ") ? String(line.dropFirst(2)) : line)
        }
        return (paragraphs, tableRows)
    }

    @Test(arguments: samplePaths())
    func docxReadsLikeTheText(path: String) throws {
        guard Checker.pythonDocx || Checker.isCI else { return }
        try Checker.require(Checker.pythonDocx, "python-docx")
        let report = try Self.report(path)
        let file = try Self.writeTestedZip(report, .docx, path: path)
        let docx = try dump("docx_dump.py", file, as: DocxDump.self)
        let text = Self.textParts(report)
        // A title too long for its line has a line break where a space was, or between two characters.
        let paragraphs = zip(docx.paragraphs, text.paragraphs).map { read, expected in
            read.replacingOccurrences(of: "\n", with: " ") == expected
                ? expected
                : read.replacingOccurrences(of: "\n", with: "") == expected ? expected : read
        }
        #expect(docx.paragraphs.count == text.paragraphs.count)
        #expect(paragraphs == Array(text.paragraphs.prefix(paragraphs.count)))
        #expect(docx.tables.map { $0.texts.map { $0.joined(separator: "\t") } } == text.tables)
    }

    @Test(arguments: samplePaths())
    func xlsxHoldsTheTenTablesWithNumbers(path: String) throws {
        guard Checker.openpyxl || Checker.isCI else { return }
        try Checker.require(Checker.openpyxl, "openpyxl")
        let report = try Self.report(path)
        let file = try Self.writeTestedZip(report, .xlsx, path: path)
        let xlsx = try dump("xlsx_dump.py", file, as: XlsxDump.self)
        #expect(xlsx.sheets.map(\.name) == (1...10).map { String(format: "公开%02d表", $0) })
        var tables: [Table] = []
        for case .table(let table) in report.document.blocks where table.sheetName != nil { tables.append(table) }
        for (sheet, table) in zip(xlsx.sheets, tables) {
            let grid = TableGrid(rows: table.header + table.body, columnCount: table.columns.count).texts
            // The table's rows start where its first header row does (after the title and preamble lines).
            let start = try #require(
                sheet.rows.firstIndex { row in row.first.flatMap { $0 } == .text(grid[0][0]) }, "\(sheet.name)")
            for (offset, texts) in grid.enumerated() {
                let cells = sheet.rows[start + offset]
                for (column, text) in texts.enumerated() {
                    let cell = column < cells.count ? cells[column] : nil
                    // Body cells of numeric columns that read as numbers are numbers; header labels stay text.
                    let number = Amount(exactly: text.replacingOccurrences(of: ",", with: ""))?.value
                    let isBody = offset >= table.header.count
                    let expected: Cell? =
                        text.isEmpty
                        ? nil
                        : isBody && table.columns[column].numeric && number != nil ? .number(number!) : .text(text)
                    #expect(cell == expected, "\(sheet.name) row \(start + offset + 1) column \(column + 1)")
                }
            }
        }
    }

    /// LibreOffice prints the workbook: a page or more per table. (The .docx is printed by `PrintedReportTests`.)
    @Test(arguments: samplePaths())
    func libreOfficePrintsTheWorkbook(path: String) throws {
        guard (Checker.soffice && Checker.poppler) || Checker.isCI else { return }
        try Checker.require(Checker.soffice, "LibreOffice")
        try Checker.require(Checker.poppler, "poppler-utils")
        let report = try Self.report(path)
        let directory = try outputDirectory("pdf-\(Self.name(path))")
        let xlsx = directory.appendingPathComponent("\(Self.name(path))-tables.xlsx")
        try Data(try report.bytes(.xlsx)).write(to: xlsx)
        let pdfs = try convertToPDF([xlsx], in: directory)
        #expect(try pdfPageSizes(pdfs[0]).count >= 10, "one page or more per table")
        // Every figure of the ten tables is printed whole.
        let printed = try pdfPages(pdfs[0]).joined(separator: "\n")
        var tables = ""
        for case .table(let table) in report.document.blocks where table.sheetName != nil {
            tables +=
                TableGrid(rows: table.header + table.body, columnCount: table.columns.count).texts
                .map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        }
        #expect(PrintedReportTests.brokenFigures(document: tables, printed: printed) == [])
    }

    @Test(arguments: samplePaths())
    func twoRendersAreByteIdentical(path: String) throws {
        let first = try Self.report(path)
        let second = try Self.report(path)
        // PDF: LibreOffice's bytes, checked by the visual tests.
        for format in OutputFormat.allCases where !format.needsLibreOffice {
            #expect(try first.bytes(format) == second.bytes(format), "\(format)")
        }
    }
}
