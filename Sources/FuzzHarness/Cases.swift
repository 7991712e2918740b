// The kinds of case: what is mutated and which commands run on it. A new kind of input is one more `CaseKind` in
// `caseKinds`, with its own corpus files and mutator (department workbooks: WorkbookCase.swift).
import Foundation
import JueSuan

/// The files cases start from: the sample departments and the standard templates, as bytes.
struct Corpus: Sendable {
    /// The source directory (its sibling `shared/seeds` holds published reports).
    var root: URL
    /// `Samples/*.json`, by file name.
    var departments: [(name: String, bytes: [UInt8])]
    /// `Templates/standard/**/*.mustache`, by template name (`tables/t01`).
    var templates: [(name: String, bytes: [UInt8])]
    /// The other built-in sets (`central`, `sichuan`): their files by relative path (`set.json`,
    /// `part3/s5.mustache`).
    var localities: [(set: String, files: [(path: String, bytes: [UInt8])])] = []

    init(root: URL) throws {
        self.root = root
        let manager = FileManager.default
        let samples = root.appendingPathComponent("Samples")
        departments = try manager.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, Array(try Data(contentsOf: samples.appendingPathComponent($0)))) }
        let standard = root.appendingPathComponent("Templates/standard")
        var templates: [(String, [UInt8])] = []
        for case let relative as String in manager.enumerator(atPath: standard.path) ?? NSEnumerator()
        where relative.hasSuffix(".mustache") {
            templates.append(
                (
                    String(relative.dropLast(".mustache".count)),
                    Array(try Data(contentsOf: standard.appendingPathComponent(relative)))
                ))
        }
        self.templates = templates.sorted { $0.0 < $1.0 }
        for set in ["central", "sichuan"] {
            let directory = root.appendingPathComponent("Templates/\(set)")
            var files: [(String, [UInt8])] = []
            for case let relative as String in manager.enumerator(atPath: directory.path) ?? NSEnumerator()
            where relative.hasSuffix(".mustache") || relative.hasSuffix(".json") {
                files.append((relative, Array(try Data(contentsOf: directory.appendingPathComponent(relative)))))
            }
            if !files.isEmpty { localities.append((set, files.sorted { $0.0 < $1.0 })) }
        }
        guard !departments.isEmpty, !self.templates.isEmpty else {
            throw HarnessError("\(root.path) 下没有 Samples/*.json 或 Templates/standard（用 --root 指定源码目录）")
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One kind of case.
protocol CaseKind: Sendable {
    var name: String { get }
    /// How often, relative to the other kinds.
    var weight: Int { get }
    /// Writes the case's files into `directory` and returns the commands to run on them (paths absolute).
    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation]
}

/// Every kind, in a fixed order (the order is part of what a seed means).
let caseKinds: [any CaseKind] = [
    DepartmentCase(), BatchCase(), TemplateCase(markup: false), TemplateCase(markup: true), MustacheCase(),
    WorkbookCase(), PublishedReportCase(), LocalityCase(),
]

func write(_ bytes: [UInt8], to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
}

/// A sample department with 1–4 changes: mostly to single JSON values, sometimes to bytes.
func mutatedDepartment(_ random: inout SplitMix64, corpus: Corpus) -> [UInt8] {
    var bytes = random.pick(corpus.departments).bytes
    for _ in 0..<random.int(1...4) {
        if random.chance(20) {
            Mutate.bytes(&bytes, &random)
        } else {
            Mutate.json(&bytes, &random)
        }
    }
    return bytes
}

/// A department file read by `check`, `validate` and `render`.
struct DepartmentCase: CaseKind {
    let name = "department-json"
    let weight = 35

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        let file = directory.appendingPathComponent("department.json")
        try write(mutatedDepartment(&random, corpus: corpus), to: file)
        let out = directory.appendingPathComponent("out")
        switch random.int(0...3) {
        case 0: return [Invocation(arguments: ["check", file.path], expectation: .messages)]
        case 1: return [Invocation(arguments: ["validate", file.path], expectation: .messages)]
        case 2:
            return [
                Invocation(arguments: ["render", file.path, "--format", "json", "--out", "-"], expectation: .messages)
            ]
        default:
            return [
                Invocation(
                    arguments: ["render", file.path, "--format", "all", "--out", out.path],
                    expectation: .render(out: out, extensions: ["txt", "md", "html", "docx", "xlsx"]))
            ]
        }
    }
}

/// A few departments, some changed, some the same department twice, in one `batch`.
struct BatchCase: CaseKind {
    let name = "batch"
    let weight = 10

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        let input = directory.appendingPathComponent("in")
        for index in 0..<random.int(1...4) {
            let bytes =
                random.chance(60) ? mutatedDepartment(&random, corpus: corpus) : random.pick(corpus.departments).bytes
            try write(bytes, to: input.appendingPathComponent("d\(index).json"))
        }
        let out = directory.appendingPathComponent("out")
        let formats = random.pick(["txt", "html,docx", "xlsx,json", "md"])
        return [
            Invocation(
                arguments: ["batch", input.path, "--out", out.path, "--format", formats, "--jobs", "2"],
                expectation: .batch(out: out))
        ]
    }
}

/// A `--templates` directory with one or two standard templates changed: Mustache tags, or markup lines.
struct TemplateCase: CaseKind {
    let markup: Bool
    var name: String { markup ? "markup" : "template" }
    var weight: Int { markup ? 15 : 20 }

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        let templates = directory.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for _ in 0..<random.int(1...2) {
            let (name, original) = random.pick(corpus.templates)
            var bytes = original
            for _ in 0..<random.int(1...3) {
                if markup {
                    Mutate.markup(&bytes, &random)
                } else {
                    Mutate.template(&bytes, &random)
                }
            }
            try write(bytes, to: templates.appendingPathComponent(name + ".mustache"))
        }
        let department = directory.appendingPathComponent("department.json")
        try write(random.pick(corpus.departments).bytes, to: department)
        let out = directory.appendingPathComponent("out")
        if random.chance(20) {
            try write(random.pick(corpus.departments).bytes, to: directory.appendingPathComponent("in/a.json"))
            try write(random.pick(corpus.departments).bytes, to: directory.appendingPathComponent("in/b.json"))
            return [
                Invocation(
                    arguments: [
                        "batch", directory.appendingPathComponent("in").path, "--out", out.path, "--templates",
                        templates.path, "--format", "html,xlsx",
                    ], expectation: .batch(out: out))
            ]
        }
        return [
            Invocation(
                arguments: [
                    "render", department.path, "--templates", templates.path, "--format", "txt,docx", "--out", out.path,
                ],
                expectation: .render(out: out, extensions: ["txt", "docx"]))
        ]
    }
}

/// A locality's `--templates` directory that inherits a built-in set other than the standard one, with its set.json
/// and one or two of the set's templates changed (Mustache tags or markup lines): the checks that follow the
/// template (figure identities, table roles, declared sections) must refuse or pass, never crash.
struct LocalityCase: CaseKind {
    let name = "locality"
    let weight = 10

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        guard !corpus.localities.isEmpty else { throw HarnessError("没有 Templates/central 或 Templates/sichuan") }
        let (set, files) = random.pick(corpus.localities)
        let templates = directory.appendingPathComponent("templates")
        let declaration = files.first { $0.path == "set.json" }?.bytes
        if let declaration, random.chance(50) {
            // The set's own declaration, inheriting the set, perhaps changed.
            var bytes = Array(
                String(decoding: declaration, as: UTF8.self)
                    .replacingOccurrences(of: #""inherits": "central""#, with: "\"inherits\": \"\(set)\"").utf8)
            if set == "central" {
                bytes = Array(
                    String(decoding: bytes, as: UTF8.self)
                        .replacingOccurrences(
                            of: #""name": "central""#, with: #""name": "central", "inherits": "central""#
                        )
                        .utf8)
            }
            for _ in 0..<random.int(0...2) { Mutate.json(&bytes, &random) }
            try write(bytes, to: templates.appendingPathComponent("set.json"))
        } else {
            try write(Array("{\"inherits\": \"\(set)\"}".utf8), to: templates.appendingPathComponent("set.json"))
        }
        let mustache = files.filter { $0.path.hasSuffix(".mustache") }
        for _ in 0..<random.int(1...2) where !mustache.isEmpty {
            var (path, bytes) = random.pick(mustache)
            for _ in 0..<random.int(1...3) {
                if random.chance(50) { Mutate.markup(&bytes, &random) } else { Mutate.template(&bytes, &random) }
            }
            try write(bytes, to: templates.appendingPathComponent(path))
        }
        let department = directory.appendingPathComponent("department.json")
        try write(random.pick(corpus.departments).bytes, to: department)
        let out = directory.appendingPathComponent("out")
        if random.chance(20) {
            return [
                Invocation(
                    arguments: [
                        "render", department.path, "--templates", templates.path, "--format", "markup", "--out", "-",
                    ],
                    expectation: .messages)
            ]
        }
        return [
            Invocation(
                arguments: [
                    "render", department.path, "--templates", templates.path, "--format", "txt,docx", "--out", out.path,
                ],
                expectation: .render(out: out, extensions: ["txt", "docx"]))
        ]
    }
}

/// `juesuan mustache` on a changed template with changed data and partials.
struct MustacheCase: CaseKind {
    let name = "mustache"
    let weight = 20

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        let partials = directory.appendingPathComponent("partials")
        for (name, bytes) in random.sample(corpus.templates, count: 6) {
            var changed = bytes
            if random.chance(30) { Mutate.template(&changed, &random) }
            try write(changed, to: partials.appendingPathComponent(name + ".mustache"))
        }
        var template = random.pick(corpus.templates).bytes
        for _ in 0..<random.int(1...4) { Mutate.template(&template, &random) }
        let templateFile = directory.appendingPathComponent("template.mustache")
        try write(template, to: templateFile)
        var data: [UInt8]
        if random.chance(50) {
            data = random.pick(corpus.departments).bytes
        } else {
            // Small data with the names the tags use, and nesting for sections that recurse.
            var nested = "{\"x\": false}"
            for _ in 0..<random.int(0...60) { nested = "{\"x\": \(nested), \"department\": \"甲\"}" }
            data = Array(
                "{\"department\": \"\\u001b[2J{^}\", \"year\": 2024, \"rows\": [[1,2],[3]], \"x\": \(nested)}".utf8)
        }
        for _ in 0..<random.int(0...2) { Mutate.json(&data, &random) }
        let dataFile = directory.appendingPathComponent("data.json")
        try write(data, to: dataFile)
        var arguments = ["mustache", templateFile.path, "--data", dataFile.path, "--partials", partials.path]
        if random.chance(30) { arguments.append("--spec") }
        if random.chance(30) { arguments += ["--escape", random.pick(["none", "html", "xml"])] }
        return [Invocation(arguments: arguments, expectation: .messages)]
    }
}
