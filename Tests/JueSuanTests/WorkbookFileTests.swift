import Documents
import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// The department workbook as a file: written, re-saved by other programs, filled by a script, damaged.
@Suite struct WorkbookFileTests {
    static let s0 = packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path

    static func write(_ spreadsheet: Spreadsheet, to directory: URL, name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(try DepartmentWorkbook.bytes(spreadsheet)).write(to: url)
        return url
    }

    /// Every format of the report of the department in `path`.
    static func reports(_ path: String) throws -> [OutputFormat: [UInt8]] {
        let loaded = try InputLoader.loadDepartment(path: path).get()
        let checked = CheckedReport(loaded)
        #expect(checked.fatal == [], "\(path)")
        let report = try #require(checked.rendered)
        var bytes: [OutputFormat: [UInt8]] = [:]
        for format in OutputFormat.allCases { bytes[format] = try report.bytes(format) }
        return bytes
    }

    @Test(arguments: samplePaths())
    func theWorkbookFileRendersTheSameBytesAsTheJSON(path: String) throws {
        let directory = try outputDirectory("workbook-file-\(URL(fileURLWithPath: path).lastPathComponent)")
        let input = try InputLoader.load(path: path).get()
        let file = try Self.write(DepartmentWorkbook.spreadsheet(input), to: directory, name: "dept.xlsx")
        let loaded = try InputLoader.loadDepartment(path: file.path).get()
        #expect(try WorkbookTests.canonical(loaded.input) == WorkbookTests.canonical(input))
        #expect(try Self.reports(file.path) == Self.reports(path))
    }

    @Test func reSavedByLibreOfficeItRendersTheSameBytes() throws {
        guard Checker.soffice || Checker.isCI else { return }
        try Checker.require(Checker.soffice, "LibreOffice")
        let directory = try outputDirectory("workbook-libreoffice")
        let input = try InputLoader.load(path: Self.s0).get()
        let file = try Self.write(DepartmentWorkbook.spreadsheet(input), to: directory, name: "s0.xlsx")
        let saved = directory.appendingPathComponent("saved")
        let result = try run(
            "soffice",
            [
                "-env:UserInstallation=file://\(directory.appendingPathComponent("lo-profile").path)", "--headless",
                "--norestore", "--convert-to", "xlsx", "--outdir", saved.path, file.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let resaved = saved.appendingPathComponent("s0.xlsx")
        // LibreOffice rewrites the package: deflated entries, its own styles, recalculated formulas.
        #expect(try Data(contentsOf: resaved) != Data(contentsOf: file))
        let loaded = try InputLoader.loadDepartment(path: resaved.path).get()
        #expect(try WorkbookTests.canonical(loaded.input) == WorkbookTests.canonical(input))
        #expect(loaded.notes == [])
        #expect(loaded.pasted == [])
        #expect(try Self.reports(resaved.path) == Self.reports(Self.s0))
        // LibreOffice recalculated every formula: each gives the value the workbook was written with.
        let recalculated = try XlsxReader.read(bytes: Array(Data(contentsOf: resaved)))
        var compared = 0
        for sheet in DepartmentWorkbook.spreadsheet(input).sheets {
            let other = try #require(recalculated.sheets.first { $0.name == sheet.name })
            for (address, cell) in sheet.cells {
                guard case .formula(let formula, .number(let cached)?) = cell.value else { continue }
                guard case .number(let text) = other[address.row, address.column],
                    let value = SpreadsheetNumber.decimal(text), let expected = Decimal(string: cached)
                else {
                    Issue.record("\(sheet.name)!\(address.a1) \(formula): \(other[address.row, address.column])")
                    continue
                }
                #expect(Format.rounded(value, places: 6) == expected, "\(sheet.name)!\(address.a1) \(formula)")
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    @Test func reSavedByOpenpyxlItRendersTheSameBytes() throws {
        guard Checker.openpyxl || Checker.isCI else { return }
        try Checker.require(Checker.openpyxl, "openpyxl")
        let directory = try outputDirectory("workbook-openpyxl")
        let input = try InputLoader.load(path: Self.s0).get()
        let file = try Self.write(DepartmentWorkbook.spreadsheet(input), to: directory, name: "s0.xlsx")
        let resaved = directory.appendingPathComponent("resaved.xlsx")
        // openpyxl keeps the formulas but drops their cached values: the reader must not need them.
        let script = "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])"
        let result = try run("python3", ["-c", script, file.path, resaved.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.reports(resaved.path) == Self.reports(Self.s0))
    }

    @Test func anEmptyWorkbookFilledByLabelsRendersAValidReport() throws {
        guard Checker.openpyxl || Checker.isCI else { return }
        try Checker.require(Checker.openpyxl, "openpyxl")
        let directory = try outputDirectory("workbook-filled")
        let empty = try Self.write(DepartmentWorkbook.blank(year: 2024), to: directory, name: "empty.xlsx")
        let filled = directory.appendingPathComponent("filled.xlsx")
        let script = fixturesDirectory.appendingPathComponent("fill_workbook.py").path
        let result = try run("python3", [script, empty.path, Self.s0, filled.path])
        #expect(result.status == 0, "\(result.stderr)")
        let loaded = try InputLoader.loadDepartment(path: filled.path).get()
        let checked = CheckedReport(loaded)
        #expect(checked.fatal == [])
        let text = String(decoding: try #require(checked.rendered).bytes(.txt), as: UTF8.self)
        #expect(text.contains("本年收入合计\t27\t2,474.43\t本年支出合计\t58\t2,458.33"))
        #expect(text.contains("景德镇市人大办公室 2024 年度部门决算"))
        // Every warning left names a sheet of the workbook, never a JSON path.
        for finding in checked.findings where !finding.location.inputPath.isEmpty {
            #expect(!finding.location.inputPath.hasPrefix("$"), "\(finding)")
        }
    }

    /// Damaged copies of a workbook: each read gives a department or a clear error, never a crash or a hang.
    @Test func damagedWorkbooksGiveErrorsNeverCrashes() throws {
        let input = try InputLoader.load(path: Self.s0).get()
        let bytes = try DepartmentWorkbook.bytes(DepartmentWorkbook.spreadsheet(input))
        var random = SplitMix64(state: 12)
        var outcomes = (read: 0, refused: 0)
        for round in 0..<120 {
            var damaged = bytes
            switch round % 4 {
            case 0:
                damaged.removeLast(Int(random.next() % UInt64(damaged.count)))
            case 1:
                for _ in 0..<(1 + Int(random.next() % 8)) {
                    let at = Int(random.next() % UInt64(damaged.count))
                    damaged[at] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
                }
            case 2:
                let at = Int(random.next() % UInt64(damaged.count))
                damaged.replaceSubrange(at..<min(damaged.count, at + 64), with: repeatElement(0x3C, count: 64))
            default:
                let at = Int(random.next() % UInt64(damaged.count))
                damaged.insert(contentsOf: Array("<x>".utf8), at: at)
            }
            switch InputLoader.decodeWorkbook(damaged, fileName: "坏.xlsx") {
            case .success: outcomes.read += 1
            case .failure(let error):
                outcomes.refused += 1
                #expect(error.description.hasPrefix("坏.xlsx"), "\(error)")
                #expect(!error.description.isEmpty)
            }
        }
        #expect(outcomes.refused > 60)
    }

    @Test func aFileThatIsNotAWorkbookSaysSo() {
        guard
            case .failure(let error) = InputLoader.decodeWorkbook(
                Array("PK\u{3}\u{4}not a zip".utf8), fileName: "x.xlsx")
        else {
            Issue.record("must fail")
            return
        }
        #expect(error.description.hasPrefix("x.xlsx: 错误：无法读取工作簿："))
    }
}
