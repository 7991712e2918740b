import Foundation
import Mustache
import Testing

/// A fresh temporary directory with the given files (relative paths to contents), removed by `remove()`.
private struct TemporaryDirectory {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mustache-tests-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite struct LoadingTests {
    @Test func crlfAndByteOrderMarkAreNormalisedOnLoad() throws {
        let text = "\u{FEFF}标题\r\n{{#rows}}\r\n- {{.}}\r\n{{/rows}}\r\n{{missing}}\r\n"
        let library = TemplateLibrary(templates: ["t": text])
        let result = library.render("t", ["rows": [1, 2]])
        #expect(result.output == "标题\n- 1\n- 2\n\n")
        #expect(result.errors.map { "\($0.line):\($0.column)" } == ["5:1"])

        let verbatim = TemplateLibrary(sources: [DictionaryTemplateSource(["t": text])], normalizesSource: false)
        #expect(verbatim.render("t", ["rows": [1], "missing": "!"]).output == "\u{FEFF}标题\r\n- 1\r\n!\r\n")
    }

    @Test func directoryWithPartialsByRelativePath() throws {
        let directory = try TemporaryDirectory([
            "report.mustache":
                "\u{FEFF}# {{title}}\r\n{{>parts/part1}}\r\n{{#tables}}\r\n  {{>tables/t01}}\r\n{{/tables}}\r\n",
            "parts/part1.mustache": "第一部分：{{department}}\n",
            "tables/t01.mustache": "| {{name}} | {{amount}} |\n| 合计 | {{total}} |\n",
            "notes.txt": "not a template",
        ])
        defer { directory.remove() }
        let library = TemplateLibrary(directory: directory.url)
        let data: MustacheValue = [
            "title": "部门决算", "department": "某局", "total": 3.5,
            "tables": [["name": "甲", "amount": 1.25], ["name": "乙", "amount": 2.25]],
        ]
        let output = try library.render("report", data).get()
        #expect(
            output == """
                # 部门决算
                第一部分：某局
                  | 甲 | 1.25 |
                  | 合计 | 3.5 |
                  | 乙 | 2.25 |
                  | 合计 | 3.5 |

                """)
        #expect(throws: MustacheError.self) { try library.template(named: "notes") }
        let exact = TemplateLibrary(sources: [DirectoryTemplateSource(root: directory.url, allowsExactFileNames: true)])
        #expect(try exact.render("notes.txt", [:]).get() == "not a template")
    }

    @Test func eachTemplateIsParsedOnce() throws {
        let library = TemplateLibrary(templates: ["a": "{{x}}"])
        let first = try library.template(named: "a")
        let second = try library.template(named: "a")
        #expect(first === second)
        #expect(library.render(first, ["x": 1]).output == "1")
        #expect(library.render(first, ["x": 2]).output == "2")
    }

    @Test func concurrentRendersShareOneLibrary() async throws {
        let library = TemplateLibrary(templates: [
            "page": "{{<layout}}{{$body}}{{#rows}}{{>row}}{{/rows}}{{/body}}{{/layout}}",
            "layout": "<{{title}}>{{$body}}{{/body}}</{{title}}>", "row": "[{{.}}]",
        ])
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<32 {
                group.addTask {
                    try library.render("page", ["title": .string("t\(index % 4)"), "rows": [1, 2, 3]]).get()
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs.count == 32)
        #expect(Set(outputs) == Set((0..<4).map { "<t\($0)>[1][2][3]</t\($0)>" }))
    }

    @Test func userDirectoryFallsBackToBuiltInTemplatesAndCanInheritThem() throws {
        let builtIn = DictionaryTemplateSource([
            "report": "{{>part1}}{{>part3}}",
            "part1": "第一部分\n",
            "part3": "第三部分\n{{$table}}\n默认表格 {{n}}\n{{/table}}\n{{$note}}默认说明{{/note}}\n",
        ])
        let user = try TemporaryDirectory([
            "part3.mustache": "{{<part3}}\n{{$table}}\n用户表格 {{n}}\n{{/table}}\n{{/part3}}\n"
        ])
        defer { user.remove() }
        let chain = TemplateLibrary(sources: [DirectoryTemplateSource(root: user.url), builtIn])
        #expect(try chain.render("report", ["n": 7]).get() == "第一部分\n第三部分\n用户表格 7\n默认说明\n")

        let builtInOnly = TemplateLibrary(sources: [builtIn])
        #expect(try builtInOnly.render("report", ["n": 7]).get() == "第一部分\n第三部分\n默认表格 7\n默认说明\n")
    }

    @Test func userTemplateReplacesABuiltInOneWithoutInheriting() throws {
        let chain = TemplateLibrary(sources: [
            DictionaryTemplateSource(["part1": "用户第一部分\n"]),
            DictionaryTemplateSource(["report": "{{>part1}}", "part1": "内置第一部分\n"]),
        ])
        #expect(try chain.render("report", [:]).get() == "用户第一部分\n")
    }

    @Test func unreadableTemplateIsAnError() throws {
        let directory = try TemporaryDirectory([:])
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            at: directory.url, withIntermediateDirectories: true)
        try Data([0x7B, 0x7B, 0xFF, 0xFE, 0x7D, 0x7D]).write(to: directory.url.appendingPathComponent("bad.mustache"))
        let library = TemplateLibrary(directory: directory.url)
        let result = library.render("main", [:])
        #expect(result.errors.map(\.kind) == [.missingTemplate])
        let bad = library.render("bad", [:])
        #expect(bad.errors.map(\.kind) == [.unreadableTemplate])
        // Not UTF-8: where the first byte that does not decode is, and no other source is tried in its place.
        #expect(bad.errors.first?.description == "bad:1:3: 模板不是有效的 UTF-8 文本（unreadable template）")
        let chained = TemplateLibrary(sources: [
            DirectoryTemplateSource(root: directory.url),
            DictionaryTemplateSource(["bad": "fine", "main": "[{{>bad}}]"]),
        ])
        #expect(chained.render("bad", [:]).errors.map(\.kind) == [.unreadableTemplate])
        #expect(chained.render("main", [:]).errors.map(\.description) == [bad.errors[0].description])
        #expect(throws: TemplateText.InvalidUTF8.self) { try TemplateText.decode([0x61, 0x0A, 0xE4, 0xB8]) }
        #expect(try TemplateText.decode(Array("甲\n乙".utf8)) == "甲\n乙")
    }
}
