// Department workbooks (.xlsx): a sample's workbook with cells changed as a clerk or another program might change
// them (junk in figure cells, formulas without results, hostile texts, missing or renamed sheets, extra sheets),
// or its bytes damaged (the ZIP, the DEFLATE data, the XML), read by `check`, `validate` and `render`.
import Documents
import Foundation
import JueSuan
import Synchronization

/// The sample departments as workbooks, made once.
struct WorkbookCorpus: Sendable {
    let spreadsheets: [Spreadsheet]

    init(_ corpus: Corpus) {
        spreadsheets = corpus.departments.compactMap { department in
            guard case .success(let input) = InputLoader.decode(department.bytes, fileName: department.name) else {
                return nil
            }
            return DepartmentWorkbook.spreadsheet(input)
        }
    }

    static let shared = Mutex<WorkbookCorpus?>(nil)
}

struct WorkbookCase: CaseKind {
    let name = "department-xlsx"
    let weight = 15

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        let workbooks = WorkbookCorpus.shared.withLock { cached in
            if cached == nil { cached = WorkbookCorpus(corpus) }
            return cached!
        }
        guard !workbooks.spreadsheets.isEmpty else { throw HarnessError("没有可用的示例工作簿") }
        var spreadsheet = random.pick(workbooks.spreadsheets)
        for _ in 0..<random.int(1...4) { Self.mutate(&spreadsheet, &random) }
        var bytes = try SpreadsheetWriter.write(spreadsheet, compression: random.chance(50) ? .default : nil)
        if random.chance(25) {
            for _ in 0..<random.int(1...3) { Mutate.bytes(&bytes, &random) }
        }
        let file = directory.appendingPathComponent("department.xlsx")
        try write(bytes, to: file)
        let out = directory.appendingPathComponent("out")
        switch random.int(0...2) {
        case 0: return [Invocation(arguments: ["check", file.path], expectation: .messages)]
        case 1: return [Invocation(arguments: ["validate", file.path], expectation: .messages)]
        default:
            return [
                Invocation(
                    arguments: ["render", file.path, "--format", "txt,xlsx", "--out", out.path],
                    expectation: .render(out: out, extensions: ["txt", "xlsx"]))
            ]
        }
    }

    /// One change to the cells or sheets.
    static func mutate(_ spreadsheet: inout Spreadsheet, _ random: inout SplitMix64) {
        guard !spreadsheet.sheets.isEmpty else { return }
        let sheetIndex = random.int(0...(spreadsheet.sheets.count - 1))
        switch random.int(0...9) {
        case 0:
            spreadsheet.sheets.remove(at: sheetIndex)
        case 1:
            spreadsheet.sheets[sheetIndex].name = random.pick(["Sheet1", "公开02表", "基本信息", "公开 05 表", "草稿"])
        case 2:
            var extra = Spreadsheet.Sheet(name: "附加\(random.int(1...9))")
            extra.set(1, 1, .text(random.pick(hostileTexts)))
            spreadsheet.sheets.append(extra)
        default:
            let cells = Array(spreadsheet.sheets[sheetIndex].cells.keys).sorted()
            guard !cells.isEmpty else { return }
            let address = random.pick(cells)
            let value: Spreadsheet.Value
            switch random.int(0...6) {
            case 0: value = .text(random.pick(hostileTexts))
            case 1: value = .number(random.pick(hostileNumbers))
            case 2: value = .text(random.pick(hostileNumbers))
            case 3: value = .empty
            case 4: value = .formula("SUM(A1:A3)", cached: nil)
            case 5: value = .text(random.pick(["合计", "201", "2010101", "行次", "金额单位：千元", "项目名称", "表格", "子条目"]))
            default: value = .number(String(random.int(-5...99_999)))
            }
            spreadsheet.sheets[sheetIndex].set(address.row, address.column, value)
        }
    }
}
