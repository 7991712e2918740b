import Documents
// report-bench: how many complete reports per second, per output format, for one department.
// Run in release mode: `swift run -c release report-bench [FILE.json] [seconds]`.
import Foundation
import JueSuan
import Mustache

let arguments = Array(CommandLine.arguments.dropFirst())
let path = arguments.first ?? "Samples/s0-rendaban.json"
let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 2

guard case .success(let input) = InputLoader.load(path: path) else {
    FileHandle.standardError.write(Data("report-bench: cannot read \(path)\n".utf8))
    exit(2)
}

/// Runs `body` repeatedly for about `seconds`; returns runs per second and the last result's size in bytes.
func measure(_ body: () throws -> Int) rethrows -> (perSecond: Double, bytes: Int) {
    var runs = 0
    var bytes = 0
    let start = Date()
    repeat {
        bytes = try body()
        runs += 1
    } while Date().timeIntervalSince(start) < seconds
    return (Double(runs) / Date().timeIntervalSince(start), bytes)
}

func line(_ name: String, _ result: (perSecond: Double, bytes: Int)) {
    let rate = String(format: "%8.1f", result.perSecond)
    let size = String(format: "%8.1f", Double(result.bytes) / 1024)
    print("\(name.padding(toLength: 28, withPad: " ", startingAt: 0))\(rate) /s  \(size) KiB")
}

print("report-bench: \(input.department.name) \(input.year)（\(path)），每项约 \(seconds) 秒")
let text = try Data(contentsOf: URL(fileURLWithPath: path))
line(
    "read + check input",
    measure {
        if case .success = InputLoader.decode(Array(text), fileName: path) { return text.count }
        return 0
    })
line("derive + validate + view", measure { ReportPreparation(input).findings.count })
let checked = CheckedReport(input)
guard let report = checked.rendered else {
    FileHandle.standardError.write(Data("report-bench: the report does not render\n".utf8))
    exit(1)
}
let prepared = ReportPreparation(input)
line("template + markup", try measure { try RenderedReport(view: prepared.view).markup.utf8.count })
line(
    "  view → template value",
    try measure {
        _ = try MustacheValue(encoding: prepared.view)
        return 0
    })
line("  markup → document", try measure { try Markup.parse(report.markup).blocks.count })
line(
    "table-to-text rules",
    measure {
        Validator.textFindings(document: report.document, accounts: prepared.accounts, view: prepared.view).count
    })
for format in OutputFormat.allCases {
    line("writer \(format.rawValue)", try measure { try report.bytes(format).count })
}
line(
    "whole report, all formats",
    try measure {
        let fresh = try RenderedReport(view: ReportPreparation(input).view)
        return try OutputFormat.allCases.map { try fresh.bytes($0).count }.reduce(0, +)
    })
