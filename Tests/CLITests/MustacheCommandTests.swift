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

/// JSON text of a value read by JSONSerialization (a fragment such as a bare string is allowed).
private func jsonText(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]), as: UTF8.self)
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
        #expect(
            result.stderr == "juesuan mustache：\(scratch.path("d.json")):1:7: JSON 格式错误：JSON 意外结束，缺少值\n")
    }

    // The data file is read as strictly as a department file: a duplicate key or a number that an exact decimal
    // cannot hold is an error with its line:column, never a silent choice.
    @Test func dataFileErrorsNameTheirLineAndColumn() throws {
        let scratch = try Scratch([
            "t.mustache": "{{a}}",
            "dup.json": "{\"a\": 1,\n \"a\": 2}",
            "big.json": "{\"a\": [1, 123456789012345678901234567890123456789012345678.91]}",
            "ok.json": "{\"z\": 1, \"a\": 12345678901234567890123456789012345678}",
        ])
        defer { scratch.remove() }
        let template = scratch.path("t.mustache")
        let duplicate = try runJueSuan(["mustache", template, "--data", scratch.path("dup.json")])
        #expect(duplicate.status == 2)
        #expect(
            duplicate.stderr
                == "juesuan mustache：\(scratch.path("dup.json")):2:2: JSON 格式错误：字段 \"a\" 重复出现（第一次在 1:2）\n")
        let big = try runJueSuan(["mustache", template, "--data", scratch.path("big.json")])
        #expect(big.status == 2)
        #expect(
            big.stderr
                == "juesuan mustache：\(scratch.path("big.json")):1:11: $.a[1]：数字 "
                + "123456789012345678901234567890123456789012345678.91 超出精确表示的范围（最多 38 位有效数字）\n")
        // 38 digits are exact.
        let exact = try runJueSuan(["mustache", template, "--data", scratch.path("ok.json")])
        #expect(exact.stdout == "12345678901234567890123456789012345678")
    }

    // Row 1 of issue 14: sections nested 12,100 deep overflowed the stack in the parser (SIGSEGV).
    @Test func deeplyNestedSectionsAreAnErrorNotACrash() throws {
        let depth = 12_100
        let scratch = try Scratch([
            "n.mustache": String(repeating: "{{#b}}", count: depth) + "x" + String(repeating: "{{/b}}", count: depth),
            "d.json": "{\"b\": true}",
        ])
        defer { scratch.remove() }
        let result = try runJueSuan(["mustache", scratch.path("n.mustache"), "--data", scratch.path("d.json")])
        #expect(result.status == 1)
        #expect(
            result.stderr == "\(scratch.path("n.mustache")):1:1537: 区块嵌套超过 256 层：{{#b}}（sections nested too deep）\n")
    }

    // Row 2: a partial that includes itself twice did 2^100 work after the first path hit the recursion limit.
    @Test(.timeLimit(.minutes(1))) func aPartialIncludingItselfTwiceStopsAtOnce() throws {
        let scratch = try Scratch(["t.mustache": "{{>t}}{{>t}}", "d.json": "{}"])
        defer { scratch.remove() }
        let result = try runJueSuan(["mustache", scratch.path("t.mustache"), "--data", scratch.path("d.json")])
        #expect(result.status == 1)
        #expect(result.stderr == "t:1:1: 局部模板嵌套超过 100 层，可能是无限递归：{{>t}}（recursion too deep）\n")
    }

    // Row 14: `{{>../../etc/hostname}}` read a file outside the partials directory.
    @Test func partialNamesCannotLeaveThePartialsDirectory() throws {
        let scratch = try Scratch([
            "secret.mustache": "SECRET", "tpl/t.mustache": "a{{>../secret}}{{>/etc/hostname}}b", "d.json": "{}",
        ])
        defer { scratch.remove() }
        let result = try runJueSuan(["mustache", scratch.path("tpl/t.mustache"), "--data", scratch.path("d.json")])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let template = scratch.path("tpl/t.mustache")
        #expect(
            result.stderr
                == "\(template):1:2: {{>../secret}}：模板名“../secret”无效：应为相对路径，不能以 / 开头，不能含 .. 、空的路径段或反斜杠"
                + "（invalid template name）\n"
                + "\(template):1:16: {{>/etc/hostname}}：模板名“/etc/hostname”无效：应为相对路径，不能以 / 开头，不能含 .. 、空的路径段或"
                + "反斜杠（invalid template name）\n")
        let spec = try runJueSuan([
            "mustache", template, "--data", scratch.path("d.json"), "--spec",
        ])
        #expect(spec.status == 1)
        #expect(!spec.stdout.contains("SECRET"))
    }

    // Row 15: with --spec the template files are taken as they are, so every spec case (lambdas aside: they are
    // Swift closures) passes through the command line, the six "Standalone Line Endings" cases with CRLF included.
    @Test func everySpecCasePassesThroughTheCommandLine() throws {
        let specDirectory = try #require(
            ["../shared/mustache-spec", "../../shared/mustache-spec"].map {
                packageRoot.appendingPathComponent($0).standardizedFileURL
            }.first { FileManager.default.fileExists(atPath: $0.path) }, "the Mustache spec (../shared/mustache-spec)")
        var checked = 0
        var crlf = 0
        let files = try FileManager.default.contentsOfDirectory(atPath: specDirectory.path).sorted()
        for file in files where file.hasSuffix(".json") && file != "~lambdas.json" {
            let data = try Data(contentsOf: specDirectory.appendingPathComponent(file))
            let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for test in try #require(spec["tests"] as? [[String: Any]]) {
                let name = try #require(test["name"] as? String)
                let template = try #require(test["template"] as? String)
                let partials = test["partials"] as? [String: String] ?? [:]
                var files = ["template": template, "data.json": try jsonText(test["data"] as Any)]
                for (partial, text) in partials { files["partials/\(partial).mustache"] = text }
                let scratch = try Scratch(files)
                defer { scratch.remove() }
                try FileManager.default.createDirectory(
                    atPath: scratch.path("partials"), withIntermediateDirectories: true)
                let result = try runJueSuan([
                    "mustache", scratch.path("template"), "--data", scratch.path("data.json"), "--partials",
                    scratch.path("partials"), "--spec",
                ])
                #expect(result.stdout == test["expected"] as? String, "\(file): \(name)")
                #expect(result.status == 0, "\(file): \(name): \(result.stderr)")
                checked += 1
                if template.contains("\r\n") { crlf += 1 }
            }
        }
        #expect(checked > 150)
        #expect(crlf == 6)
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
