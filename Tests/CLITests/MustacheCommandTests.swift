import Foundation
import Testing

/// A temporary directory holding the given files, for one test.
private struct Scratch {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-mustache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite struct MustacheCommandTests {
    @Test func rendersWithPartialsFromTheTemplatesDirectory() throws {
        let scratch = try Scratch([
            "tpl/report.mustache": "\u{FEFF}你好，{{name}}！\r\n{{#rows}}\r\n  {{>parts/row}}\r\n{{/rows}}\r\n",
            "tpl/parts/row.mustache": "- {{label}}：{{amount}} <{{tag}}>\n",
            "data.json": #"{"name": "世界", "rows": [{"label": "甲", "amount": 1.21, "tag": "a&b"}, "#
                + #"{"label": "乙", "amount": 100, "tag": true}]}"#,
        ])
        defer { scratch.remove() }
        let result = try runJueSuan([
            "mustache", scratch.path("tpl/report.mustache"), "--data", scratch.path("data.json"),
        ])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == "你好，世界！\n  - 甲：1.21 <a&amp;b>\n  - 乙：100 <true>\n")
    }

    @Test func escapeModesAndDataFromStandardInput() throws {
        let scratch = try Scratch(["t.mustache": "{{x}}"])
        defer { scratch.remove() }
        let data = #"{"x": "<'&'>"}"#
        for (mode, expected) in [
            ("none", "<'&'>"), ("html", "&lt;&#39;&amp;&#39;&gt;"), ("xml", "&lt;&apos;&amp;&apos;&gt;"),
        ] {
            let result = try runJueSuan(
                ["mustache", scratch.path("t.mustache"), "--data", "-", "--escape", mode], stdin: data)
            #expect(result.status == 0)
            #expect(result.stdout == expected, "--escape \(mode)")
        }
    }

    @Test func partialsDirectoryOption() throws {
        let scratch = try Scratch([
            "main.mustache": "[{{>a}}|{{>b.txt}}]",
            "lib/a.mustache": "A{{n}}",
            "lib/a": "not this one",
            "lib/b.txt": "B{{n}}",
            "d.json": #"{"n": 1}"#,
        ])
        defer { scratch.remove() }
        let result = try runJueSuan([
            "mustache", scratch.path("main.mustache"), "--data", scratch.path("d.json"), "--partials",
            scratch.path("lib"),
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "[A1|B1]")
    }

    @Test func strictErrorsGoToStandardErrorWithExit1() throws {
        let scratch = try Scratch([
            "t.mustache": "标题\n  {{missing}} {{#rows}}{{x}}{{/rows}}\n{{>nowhere}}\n",
            "d.json": #"{"rows": [{"x": 1}]}"#,
        ])
        defer { scratch.remove() }
        let template = scratch.path("t.mustache")
        let result = try runJueSuan(["mustache", template, "--data", scratch.path("d.json")])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                \(template):2:3: 未知名称 {{missing}}，查找路径：missing（根对象中没有 missing）(unknown name)
                \(template):3:1: 找不到局部模板“nowhere”：{{>nowhere}}（missing partial）

                """)
    }

    @Test func specModeRendersMissingNamesEmpty() throws {
        let scratch = try Scratch(["t.mustache": "[{{missing}}|{{>nowhere}}|{{#rows}}{{x}}{{/rows}}]", "d.json": "{}"])
        defer { scratch.remove() }
        let result = try runJueSuan([
            "mustache", scratch.path("t.mustache"), "--data", scratch.path("d.json"), "--spec",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "[||]")
    }

    @Test func templateParseErrorExits1() throws {
        let scratch = try Scratch(["t.mustache": "a\n{{#open}}\n", "d.json": "{}"])
        defer { scratch.remove() }
        let template = scratch.path("t.mustache")
        let result = try runJueSuan(["mustache", template, "--data", scratch.path("d.json")])
        #expect(result.status == 1)
        #expect(result.stderr == "\(template):2:1: 区块 {{#open}} 没有闭合：缺少 {{/open}}（unclosed section）\n")
    }

    @Test func missingDataFileExits2() throws {
        let scratch = try Scratch(["t.mustache": "x"])
        defer { scratch.remove() }
        let result = try runJueSuan(["mustache", scratch.path("t.mustache"), "--data", scratch.path("nope.json")])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("juesuan mustache：无法读取数据文件 \(scratch.path("nope.json"))"))
    }

    @Test func invalidJSONExits2() throws {
        let scratch = try Scratch(["t.mustache": "x", "d.json": "{\"a\": "])
        defer { scratch.remove() }
        let result = try runJueSuan(["mustache", scratch.path("t.mustache"), "--data", scratch.path("d.json")])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("juesuan mustache：数据文件 \(scratch.path("d.json")) 不是有效的 JSON"))
    }

    @Test func missingTemplateFileExits2() throws {
        let result = try runJueSuan(["mustache", "/nonexistent/t.mustache", "--data", "-"], stdin: "{}")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("juesuan mustache：无法读取模板文件 /nonexistent/t.mustache"))
    }

    @Test func badEscapeValueExits2() throws {
        let result = try runJueSuan(["mustache", "t.mustache", "--data", "d.json", "--escape", "latex"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("juesuan mustache：--escape 只能是 none、html 或 xml，不能是“latex”"))
        #expect(result.stderr.contains("用法：juesuan mustache TEMPLATE"))
    }

    @Test func missingArgumentsExit2() throws {
        let noData = try runJueSuan(["mustache", "t.mustache"])
        #expect(noData.status == 2)
        #expect(noData.stderr.hasPrefix("juesuan mustache：缺少 --data DATA.json"))
        let noTemplate = try runJueSuan(["mustache", "--data", "d.json"])
        #expect(noTemplate.status == 2)
        #expect(noTemplate.stderr.hasPrefix("juesuan mustache：缺少模板文件"))
    }

    @Test func listedInMainHelp() throws {
        let result = try runJueSuan(["--help"])
        #expect(result.stdout.contains("  mustache "))
    }
}
