import Foundation
import Testing

@Suite struct RenderAndValidateTests {
    static func scratch(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static let sample = packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path
    static let baseName = "景德镇市人大办公室-2024-部门决算"

    @Test func rendersEveryFormatIntoTheOutputDirectory() throws {
        let out = try Self.scratch("render")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runJueSuan(["render", Self.sample, "--format=all", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["docx", "html", "md", "txt", "xlsx"].map { "\(Self.baseName).\($0)" })
        let text = try String(contentsOf: out.appendingPathComponent("\(Self.baseName).txt"), encoding: .utf8)
        #expect(text.hasPrefix("景德镇市人大办公室 2024 年度部门决算\n\n目 录\n"))
        #expect(result.stderr.contains("已生成 \(out.path)/\(Self.baseName).docx"))
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let out = try Self.scratch("force")
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("\(Self.baseName).txt")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        let refused = try runJueSuan(["render", Self.sample, "--out", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("文件已存在（加 --force 覆盖）"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        let forced = try runJueSuan(["render", Self.sample, "--out", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("景德镇市人大办公室 2024 年度部门决算"))
    }

    @Test func writesOneTextFormatToStandardOutput() throws {
        let result = try runJueSuan(["render", Self.sample, "--format", "md", "--out", "-"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<a id=\"top\"></a>\n# 景德镇市人大办公室 2024 年度部门决算\n"))
        let json = try runJueSuan(["render", Self.sample, "-f", "json", "-o", "-"])
        let view = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(
            (view?["part3"] as? [String: Any]).flatMap { $0["s1"] as? [String: Any] }?["total"] as? String == "2483.65")
        let binary = try runJueSuan(["render", Self.sample, "--format", "docx", "--out", "-"])
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("--out - 只能用于一个输入文件和一种文本格式"))
    }

    @Test func fatalFindingsStopTheRenderAndLeaveNoFile() throws {
        let out = try Self.scratch("fatal")
        defer { try? FileManager.default.removeItem(at: out) }
        var text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"一般公共服务支出\"", with: "\"name\": \"教育支出\"")
        let input = out.appendingPathComponent("bad.json")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let result = try runJueSuan(["render", input.path, "--format", "all", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[IN-03]"))
        #expect(result.stderr.contains("科目 201 的名称应为“一般公共服务支出”，实际为“教育支出”"))
        #expect(result.stderr.contains("有 1 个致命问题，未生成报告"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["bad.json"])
        let validate = try runJueSuan(["validate", input.path])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("致命 1 项"))
    }

    @Test func aTemplateErrorIsReportedWithItsPosition() throws {
        let templates = try Self.scratch("templates")
        defer { try? FileManager.default.removeItem(at: templates) }
        try "{{<standard}}{{$s7}}\n@p {{part3.s7.totl}}\n{{/s7}}{{/standard}}\n"
            .write(to: templates.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        let result = try runJueSuan(["render", Self.sample, "--templates", templates.path, "--out", "-"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("report:2:4: 未知名称 {{part3.s7.totl}}"))
        #expect(result.stdout == "")
    }

    @Test func templateOverrideReplacesOneBlock() throws {
        let templates = packageRoot.appendingPathComponent("Tests/JueSuanTests/Fixtures/override").path
        let result = try runJueSuan(["render", Self.sample, "--templates", templates, "--out", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("景德镇市人大办公室 2024 年度政府采购支出总额 15.60 万元（本节由地方模板改写）。"))
        #expect(result.stdout.contains("一、收入决算情况说明"))
    }

    @Test func validateListsWarningsAndExits0() throws {
        let path = packageRoot.appendingPathComponent("Samples/synthetic-edge-cases.json").path
        let result = try runJueSuan(["validate", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("警告 2 项"))
        // Each finding names its input path and where that is in the file.
        #expect(
            result.stdout.contains(
                "[R-02] 第三部分 三 一般公共服务支出（类），$.reasons.categories.201（第 208 行第 19 列）：缺少说明"))
        #expect(
            result.stdout.contains(
                "[E-05] 第三部分 九，$.performance.selfEvaluation.grades（第 238 行第 34 列）：写开展自评的二级项目 2 个，"
                    + "（二）有 1 张项目支出绩效自评表：请核对评价结果个数，或补齐自评表"))
        let json = try runJueSuan(["validate", path, "--format", "json"])
        let files = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let findings = files?.first?["findings"] as? [[String: Any]]
        #expect(findings?.first?["rule"] as? String == "R-02")
        #expect(findings?.first?["severity"] as? String == "warning")
        #expect((findings?.first?["location"] as? [String: Any])?["position"] as? String == "208:19")
    }

    @Test func unreadableInputIsExit2() throws {
        let result = try runJueSuan(["render", "missing.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.json: 错误：无法读取文件：文件不存在"))
    }
}
