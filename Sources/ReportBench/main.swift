import Documents
// report-bench: how many complete reports per second, per output format, for one department.
// Run in release mode: `swift run -c release report-bench [FILE.json] [seconds|Nx] [stage]`. `Nx` runs each stage
// exactly N times instead of for some seconds; with `stage`, only the stages whose name starts with it run. For a
// profiler: `valgrind --tool=callgrind report-bench FILE 5x batch`.
import Foundation
import JueSuan
import Mustache

let arguments = Array(CommandLine.arguments.dropFirst())
let path = arguments.first ?? "Samples/s0-rendaban.json"
let budget = arguments.dropFirst().first ?? "2"
/// Each stage runs exactly this many times when given (`5x`), else for `seconds`.
let fixedRuns = budget.hasSuffix("x") ? Int(budget.dropLast()) : nil
let seconds = fixedRuns == nil ? Double(budget) ?? 2 : 0
let only = arguments.dropFirst(2).first

guard case .success(let input) = InputLoader.load(path: path) else {
    FileHandle.standardError.write(Data("report-bench: cannot read \(path)\n".utf8))
    exit(2)
}

/// Runs `body` `fixedRuns` times or for about `seconds` (at least once) and prints runs per second and the last result's size
/// in bytes; skipped when a stage filter is given and `name` does not start with it.
func stage(_ name: String, _ body: () throws -> Int) rethrows {
    if let only, !name.hasPrefix(only) { return }
    var runs = 0
    var bytes = 0
    let start = Date()
    repeat {
        bytes = try body()
        runs += 1
    } while fixedRuns.map { runs < $0 } ?? (Date().timeIntervalSince(start) < seconds)
    let elapsed = Date().timeIntervalSince(start)
    let rate = String(format: "%8.1f", Double(runs) / elapsed)
    let milliseconds = String(format: "%7.2f", elapsed * 1000 / Double(runs))
    let size = String(format: "%8.1f", Double(bytes) / 1024)
    print("\(name.padding(toLength: 40, withPad: " ", startingAt: 0))\(rate) /s \(milliseconds) ms \(size) KiB")
}

/// Byte counts added from several threads.
final class Sizes: @unchecked Sendable {
    private let lock = NSLock()
    private var sum = 0
    var total: Int { lock.withLock { sum } }
    func add(_ count: Int) { lock.withLock { sum += count } }
}

/// What the stages after the first share: made once, and only when a stage needs it.
nonisolated(unsafe) var fixtureMade: (prepared: ReportPreparation, report: RenderedReport)?

func fixture() -> (prepared: ReportPreparation, report: RenderedReport) {
    if let fixtureMade { return fixtureMade }
    guard let report = CheckedReport(input).rendered else {
        FileHandle.standardError.write(Data("report-bench: the report does not render\n".utf8))
        exit(1)
    }
    let made = (prepared: ReportPreparation(input), report: report)
    fixtureMade = made
    return made
}

let howLong = fixedRuns.map { " \($0) 次" } ?? "约 \(seconds) 秒"
print("report-bench: \(input.department.name) \(input.year)（\(path)），每项\(howLong)")
let text = try Data(contentsOf: URL(fileURLWithPath: path))
/// One department as the batch command handles it: read, checked, rendered, written as txt, html, docx and xlsx.
@Sendable func batchOnce(_ path: String) throws -> Int {
    guard case .success(let loaded) = InputLoader.load(path: path), let fresh = CheckedReport(loaded).rendered else {
        return 0
    }
    let formats: [OutputFormat] = [.txt, .html, .docx, .xlsx]
    return try formats.map { try fresh.bytes($0).count }.reduce(0, +)
}
try stage("batch: load, check, txt html docx xlsx") { try batchOnce(path) }
// Two departments at a time, one per thread (the figure is per pair): shows whether anything shared slows them.
stage("batch, 2 threads (per pair)") {
    let sizes = Sizes()
    let path = path
    DispatchQueue.concurrentPerform(iterations: 2) { _ in sizes.add((try? batchOnce(path)) ?? 0) }
    return sizes.total
}
stage("read + check input") {
    if case .success = InputLoader.decode(Array(text), fileName: path) { return text.count }
    return 0
}
// The same department as a workbook (.xlsx as `juesuan workbook` writes it, and as LibreOffice would re-save it:
// deflated): read, checked and decoded to the same input.
let workbookBytes = (try? DepartmentWorkbook.bytes(DepartmentWorkbook.spreadsheet(input))) ?? []
stage("read + check workbook") {
    if case .success = InputLoader.decodeWorkbook(workbookBytes, fileName: "dept.xlsx") { return workbookBytes.count }
    return 0
}
stage("derive + validate + view") { ReportPreparation(input).findings.count }
try stage("template + markup") { try RenderedReport(view: fixture().prepared.view).markup.utf8.count }
try stage("  view → template value") {
    _ = try MustacheValue(encoding: fixture().prepared.view)
    return 0
}
try stage("  markup → document") { try Markup.parse(fixture().report.markup).blocks.count }
stage("table-to-text rules") {
    let shared = fixture()
    return Validator.textFindings(shared.report).count
}
// PDF is LibreOffice's work, not ours: not timed here.
let ownFormats = OutputFormat.allCases.filter { !$0.needsLibreOffice }
for format in ownFormats {
    try stage("writer \(format.rawValue)") { try fixture().report.bytes(format).count }
}
// What compression costs: the packages stored, and at each level (the writers use `Deflate.Level.default`).
for (name, level) in [
    ("stored", nil), ("fast", .fast), ("default", .default), ("balanced", .balanced), ("thorough", .thorough),
] as [(String, Deflate.Level?)] {
    try stage("  docx, \(name)") { try DocxWriter.write(fixture().report.document, compression: level).count }
    try stage("  xlsx, \(name)") { try XlsxWriter.write(fixture().report.document, compression: level).count }
}
try stage("whole report, all formats") {
    let fresh = try RenderedReport(view: ReportPreparation(input).view)
    return try ownFormats.map { try fresh.bytes($0).count }.reduce(0, +)
}
