import Foundation
import Testing

/// `juesuan batch` as a process: exit statuses, the one summary line when standard error is not a terminal, the
/// progress line when it is, and usage errors.
@Suite struct BatchCommandTests {
    static func inputs(_ name: String, broken: Bool = false) throws -> URL {
        let directory = try RenderAndValidateTests.scratch(name)
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for sample in ["s0-rendaban.json", "s4-zhushanquweiban.json"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("Samples/\(sample)"),
                to: input.appendingPathComponent(sample))
        }
        if broken { try Data("[1, 2".utf8).write(to: input.appendingPathComponent("broken.json")) }
        return directory
    }

    @Test func rendersEveryDepartmentAndSaysSoInOneLine() throws {
        let directory = try Self.inputs("batch-ok")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let result = try runJueSuan(["batch", directory.appendingPathComponent("in").path, "--out", out, "-j", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "juesuan batch：共 2 个部门文件：已生成 2 个（其中有警告 1 个），有致命问题 0 个，失败 0 个；用时 "))
        #expect(result.stderr.hasSuffix("秒；汇总见 \(out)/summary.html\n"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(result.stdout.isEmpty)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(names.contains("景德镇市人大办公室-2024-部门决算.docx"))
        #expect(names.contains("中共景德镇市珠山区委办公室-2024-部门决算.html"))
        #expect(names.contains("summary.xlsx"))
        #expect(names.count == 2 * 2 + 2 + 4)
    }

    @Test func aFailingDepartmentMakesTheStatusOneAndTheOthersStillRender() throws {
        let directory = try Self.inputs("batch-broken", broken: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let result = try runJueSuan(["batch", directory.appendingPathComponent("in").path, "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("已生成 2 个（其中有警告 1 个），有致命问题 0 个，失败 1 个"))
        #expect(FileManager.default.fileExists(atPath: out + "/景德镇市人大办公室-2024-部门决算.docx"))
        let page = try String(contentsOfFile: out + "/broken-审核结果.html", encoding: .utf8)
        #expect(page.contains("broken.json:1:6"))
    }

    @Test func aTemplatesDirectoryAppliesToEveryReport() throws {
        let directory = try Self.inputs("batch-templates")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let templates = packageRoot.appendingPathComponent("Tests/JueSuanTests/Fixtures/override").path
        let result = try runJueSuan([
            "batch", directory.appendingPathComponent("in").path, "--out", out, "--format", "txt", "--templates",
            templates,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["景德镇市人大办公室", "中共景德镇市珠山区委办公室"] {
            let text = try String(contentsOfFile: "\(out)/\(name)-2024-部门决算.txt", encoding: .utf8)
            #expect(text.contains("\(name) 2024 年度政府采购支出总额"))
            #expect(text.contains("（本节由地方模板改写）"))
        }
    }

    @Test func showsProgressOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let directory = try Self.inputs("batch-tty")
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = productsDirectory.appendingPathComponent("juesuan").path
        let command = "'\(binary)' batch '\(directory.path)/in' --out '\(directory.path)/out' --format txt -j 1"
        // `script` runs the command on a pseudo-terminal and copies what it prints.
        let result = try runProgram("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("[2/2] "))
        #expect(result.stdout.contains("已用 0:0"))
        #expect(result.stdout.contains("预计剩余 0:00"))
        #expect(result.stdout.contains("\r\u{1B}[Kjuesuan batch：共 2 个部门文件"))
    }

    @Test(arguments: [
        (["batch", "Samples"], "缺少 --out DIR"),
        (["batch", "--out", "OUT"], "缺少输入目录或文件"),
        (["batch", "Samples", "--out", "OUT", "--jobs", "0"], "--jobs 应为 1 到 1024 之间的整数，实际为“0”"),
        (["batch", "Samples", "--out", "OUT", "--jobs", "two"], "--jobs 应为 1 到 1024 之间的整数，实际为“two”"),
        (["batch", "Samples", "--out", "OUT", "--format", "odt"], "未知格式“odt”"),
        (["batch", "no-such-dir", "--out", "OUT"], "找不到输入：no-such-dir"),
        (["batch", "Samples", "--out", "README.md"], "--out 应为目录，README.md 是一个文件"),
        (
            ["batch", "Samples", "--out", "OUT", "--templates", "no-such-dir"],
            "--templates no-such-dir：没有名为“no-such-dir”的内置模板集，也没有这个目录"
        ),
    ])
    func usageErrorsExitWithTwo(arguments: [String], message: String) throws {
        let scratch = try RenderAndValidateTests.scratch("batch-usage")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try runJueSuan(arguments.map { $0 == "OUT" ? scratch.appendingPathComponent("out").path : $0 })
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    // Issue 14, rows 1 and 2 through --templates: a template nested 12,100 deep crashed `render` and `batch` (which
    // then wrote no summary); one that includes itself twice never finished. Both are template errors now, with
    // their place, and the batch writes its summary.
    @Test(.timeLimit(.minutes(1))) func hostileTemplatesAreErrorsWithTheirPlace() throws {
        let directory = try Self.inputs("batch-hostile-templates")
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = directory.appendingPathComponent("deep")
        let twice = directory.appendingPathComponent("twice")
        for templates in [deep, twice] {
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        }
        try (String(repeating: "{{#department}}", count: 12_100) + String(repeating: "{{/department}}", count: 12_100))
            .write(to: deep.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        try "@p x\n{{>report}}{{>report}}".write(
            to: twice.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        let input = directory.appendingPathComponent("in").path
        let sample = directory.appendingPathComponent("in/s0-rendaban.json").path

        let render = try runJueSuan(["render", sample, "--templates", deep.path, "--out", "-"])
        #expect(render.status == 1)
        #expect(render.stderr.contains("模板错误：report:1:3841: 区块嵌套超过 256 层：{{#department}}（sections nested too deep）"))
        let loop = try runJueSuan(["render", sample, "--templates", twice.path, "--out", "-"])
        #expect(loop.status == 1)
        #expect(loop.stderr.contains("模板错误：report:2:1: 局部模板嵌套超过 100 层，可能是无限递归：{{>report}}（recursion too deep）"))

        let out = directory.appendingPathComponent("out").path
        let batch = try runJueSuan(["batch", input, "--templates", deep.path, "--out", out])
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("已生成 0 个（其中有警告 0 个），有致命问题 0 个，失败 2 个"))
        #expect(FileManager.default.fileExists(atPath: out + "/summary.xlsx"))
        let page = try String(contentsOfFile: out + "/景德镇市人大办公室-2024-部门决算-审核结果.html", encoding: .utf8)
        #expect(page.contains("区块嵌套超过 256 层"))
    }
}
