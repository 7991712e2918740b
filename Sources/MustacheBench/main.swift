// mustache-bench: parse and render a large report-like template in memory and print the throughput.
// Run in release mode: `swift run -c release mustache-bench [seconds]`.
import Foundation
import Mustache

let sectionCount = 250
let rowsPerSection = 24
let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3

// MARK: Templates

/// One section of the report body: 21 lines with nested sections, inverted sections, a partial and a block.
func sectionTemplate(_ index: Int) -> String {
    """
    {{#s\(index)}}
    ## {{index}}. {{title}}
    {{#summary}}
    > {{text}}（单位：{{unit}}）
    {{/summary}}
    | 编码 | 科目 | 预算数 | 决算数 | 完成率 | 说明 |
    |------|------|--------|--------|--------|------|
    {{#rows}}
      {{>table/row}}
    {{/rows}}
    {{^rows}}
    （本节无数据）
    {{/rows}}
    合计：预算 {{totals.budget}} 元，决算 {{totals.actual}} 元。
    {{#audited}}
    已审计：{{auditor.name}}（{{auditor.date}}）
    {{/audited}}
    {{^audited}}
    未审计。
    {{/audited}}
    {{$note\(index % 10)}}说明：{{note}}{{/note\(index % 10)}}
    {{/s\(index)}}

    """
}

let layout = """
    # {{department.name}} {{year}} 年度部门决算
    {{$header}}
    编制单位：{{department.name}}
    {{/header}}

    {{$body}}
    （无正文）
    {{/body}}

    {{$footer}}
    —— 完 ——
    {{/footer}}

    """

let row = """
    | {{code}} | {{name}} | {{budget}} | {{actual}} | {{{ratio}}} | {{#remark}}{{.}}{{/remark}}{{^remark}}—{{/remark}} |
    {{#children}}
      | {{code}} | └ {{name}} | {{budget}} | {{actual}} | {{{ratio}}} | |
    {{/children}}

    """

var reportTemplate = "{{<layout}}\n{{$header}}\n编制单位：{{department.name}}（{{department.code}}）\n{{/header}}\n{{$body}}\n"
for index in 0..<sectionCount { reportTemplate += sectionTemplate(index) }
reportTemplate += "{{/body}}\n{{/layout}}\n"
let templates = ["report": reportTemplate, "layout": layout, "table/row": row]
let templateLines = reportTemplate.split(separator: "\n", omittingEmptySubsequences: false).count - 1

// MARK: Data

func amount(_ seed: Int) -> MustacheValue {
    .number(Decimal(seed * 7919 % 1_000_000) / 100)
}

func section(_ index: Int) -> MustacheValue {
    var rows: [MustacheValue] = []
    for rowIndex in 0..<rowsPerSection {
        let seed = index * 1000 + rowIndex
        var item: MustacheObject = [
            "code": .string("2\(String(format: "%02d", index % 100))\(String(format: "%02d", rowIndex))"),
            "name": .string("一般公共服务支出科目\(rowIndex)"),
            "budget": amount(seed),
            "actual": amount(seed + 17),
            "ratio": .string("\(seed % 100).\(seed % 10)%"),
            "remark": rowIndex % 3 == 0 ? .string("含追加 & 调整") : .null,
        ]
        item["children"] = .list(
            (0..<(rowIndex % 4 == 0 ? 2 : 0)).map { child in
                [
                    "code": .string("sub\(child)"), "name": .string("明细 \(child)"), "budget": amount(seed + child),
                    "actual": amount(seed + child + 3), "ratio": "100.0%",
                ]
            })
        rows.append(.object(item))
    }
    return [
        "index": .number(Decimal(index + 1)),
        "title": .string("第 \(index + 1) 节：收入支出决算情况"),
        "summary": index % 2 == 0 ? ["text": "本节说明收支总体情况", "unit": "万元"] : nil,
        "rows": .list(index % 25 == 24 ? [] : rows),
        "totals": ["budget": amount(index), "actual": amount(index + 1)],
        "audited": .bool(index % 3 != 0),
        "auditor": ["name": "某会计师事务所", "date": "2025-03-31"],
        "note": .string("第 \(index + 1) 节的补充说明。"),
    ]
}

var root: MustacheObject = [
    "department": ["name": "某某市财政局", "code": "101001"],
    "year": 2024,
]
for index in 0..<sectionCount { root["s\(index)"] = section(index) }
let data = MustacheValue.object(root)

// MARK: Measurements

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

let templateBytes = templates.values.reduce(0) { $0 + $1.utf8.count }
print("templates: report \(templateLines) lines, \(templateBytes) bytes in 3 templates; \(sectionCount) sections")

// Parse: a fresh library each time, so every template is read and parsed again.
var parseRuns = 0
var parseStart = now()
var parseElapsed = 0.0
repeat {
    let library = TemplateLibrary(templates: templates)
    for name in templates.keys { _ = try library.template(named: name) }
    parseRuns += 1
    parseElapsed = now() - parseStart
} while parseElapsed < min(1, seconds / 3)
print(
    String(
        format: "parse: %.2f ms for all templates (%.1f MB/s of template text, %d runs)",
        parseElapsed / Double(parseRuns) * 1000, Double(templateBytes * parseRuns) / parseElapsed / 1e6, parseRuns))

let library = TemplateLibrary(templates: templates)
let template = try library.template(named: "report")

func measure(_ label: String, _ escaping: Escaping) throws {
    let options = RenderOptions(escaping: escaping, mode: .strict)
    let check = library.render(template, data, options: options)
    guard check.succeeded else {
        print(check.errors.map(\.description).joined(separator: "\n"))
        exit(1)
    }
    let outputBytes = check.output.utf8.count
    var renders = 0
    let start = now()
    var elapsed = 0.0
    repeat {
        let result = library.render(template, data, options: options)
        precondition(result.output.utf8.count == outputBytes)
        renders += 1
        elapsed = now() - start
    } while elapsed < seconds
    print(
        String(
            format: "render (%@): %.1f renders/s, %.1f MB/s of output (%.2f MB per render, %.2f ms each)",
            label, Double(renders) / elapsed, Double(outputBytes * renders) / elapsed / 1e6,
            Double(outputBytes) / 1e6, elapsed / Double(renders) * 1000))
}

/// The report markup's escaper (TAB, CR and LF become spaces), as a closure and as a replacement table.
let lineMarkupClosure = Escaping.custom { text in
    var text = text
    let clean = text.withUTF8 { bytes in !bytes.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
    if clean { return text }
    return String(
        decoding: text.utf8.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
}
let lineMarkupTable = Escaping.replacing(["\t": " ", "\r": " ", "\n": " "])

let only = CommandLine.arguments.dropFirst(2).first
let modes = [
    ("html", Escaping.html), ("none", .none), ("custom", lineMarkupClosure), ("replacing", lineMarkupTable),
]
for (label, escaping) in modes where only == nil || only == label {
    try measure(label, escaping)
}
