import Foundation
import Testing

/// `juesuan audit`, `juesuan import` and `juesuan workbook --prior` with a published report.
@Suite struct AuditCommandTests {
    static let s0 = "../shared/seeds/000_dad47c244a55f3db.txt"
    static let s2 = "../shared/seeds/002_fd22b88f1956ab5b.txt"
    static let s4 = "../shared/seeds/004_1a888e04f9942a64.txt"

    static func scratch(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-audit-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func auditListsTheSeedsArithmeticErrors() throws {
        let result = try runJueSuan(["audit", Self.s0])
        #expect(result.status == 1)
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.first == "\(Self.s0)：景德镇市人大办公室 2024 年度部门决算——错误 5 项，警告 1 项，提示 12 项，未能读取 0 项")
        #expect(lines[1] == "错误 5 项：")
        #expect(
            lines[2]
                == "  [AU-04] 第 458 行 第三部分 二 年末结转和结余 比上年：正文 14.39%，应为 174.32%（16.09 ÷（25.32 − 16.09）× 100 = 174.32%）")
        #expect(result.stdout.contains("提示 12 项：在所印的数的舍入范围之内的尾差等，不是错误（加 --info 列出）"))
        let info = try runJueSuan(["audit", Self.s0, "--info"])
        #expect(info.stdout.contains("正文 74.46%，按所印金额计算为 74.42%"))
        // A report with no error exits 0.
        #expect(try runJueSuan(["audit", Self.s4]).status == 0)
    }

    @Test func auditAsJSONAndHTML() throws {
        let json = try runJueSuan(["audit", Self.s2, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let counts = object["counts"] as? [String: Int]
        #expect(counts?["errors"] == 5)
        #expect(counts?["unread"] == 6)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["stated"] as? String == "0.00%")
        #expect(findings.first?["expected"] as? String == "100.00%")
        #expect(findings.first?["line"] as? Int == 428)
        #expect(findings.first?["severity"] as? String == "fatal")
        let html = try runJueSuan(["audit", Self.s2, "--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<h1>景德镇市人民政府办公室 2024 年度部门决算 审核结果</h1>"))
        #expect(html.stdout.contains("<h2>未能读取</h2>"))
        let both = try runJueSuan(["audit", Self.s0, Self.s4, "--format", "json"])
        let array = try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
    }

    /// A directory of reports: a page each and summary.html, the report with the most errors first; a file that
    /// cannot be read is recorded and the rest still audited.
    @Test func auditADirectory() throws {
        let directory = try Self.scratch("dir")
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for (seed, name) in [(Self.s0, "人大.txt"), (Self.s2, "政府办.txt"), (Self.s4, "区委办.txt")] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent(seed), to: reports.appendingPathComponent(name))
        }
        try Data([0xFF, 0xFE, 0x00, 0xD8]).write(to: reports.appendingPathComponent("坏的.docx"))
        try Data("草稿".utf8).write(to: reports.appendingPathComponent("~$锁.docx"))
        let out = directory.appendingPathComponent("out")
        let result = try runJueSuan(["audit", reports.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("共 4 份报告：2 份有错误，1 份只有警告，0 份没有发现错误和警告，1 份无法读取。"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
        let order = ["坏的.docx", "政府办.txt", "人大.txt", "区委办.txt"].compactMap { summary.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        for page in ["景德镇市人大办公室-2024-审核结果.html", "景德镇市人民政府办公室-2024-审核结果.html", "中共景德镇市珠山区委办公室-2024-审核结果.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            #expect(text.contains("<a href=\"summary.html\">← 返回汇总</a>"))
        }
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as? [String: Any]
        #expect((json?["reports"] as? [[String: Any]])?.count == 4)
    }

    @Test func importWritesTheDepartmentFileAndWhatItLeftOut() throws {
        let directory = try Self.scratch("import")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runJueSuan(["import", Self.s0, "--out", directory.path, "--format", "all"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = directory.appendingPathComponent("景德镇市人大办公室-2024-决算数据.json")
        let workbook = directory.appendingPathComponent("景德镇市人大办公室-2024-决算数据.xlsx")
        let notes = directory.appendingPathComponent("景德镇市人大办公室-2024-导入说明.txt")
        #expect(result.stderr.contains("未能读取或未录入 1 项，见 \(notes.path)"))
        #expect(try runJueSuan(["check", json.path]).status == 0)
        #expect(try runJueSuan(["check", workbook.path]).status == 0)
        let noteText = try String(contentsOf: notes, encoding: .utf8)
        #expect(noteText.contains("财政拨款年初预算数填写的合计 2354.95 万元，由明细计算为 2324.95 万元"))
        // The imported file renders, and the two forms render the same report.
        let fromJSON = try runJueSuan(["render", json.path, "--out", "-"])
        #expect(fromJSON.status == 0)
        #expect(fromJSON.stdout == (try runJueSuan(["render", workbook.path, "--out", "-"])).stdout)
        #expect(fromJSON.stdout.contains("年末结转和结余 25.32 万元，比上年增加 16.09 万元，增长 174.32%"))
        // Again without --force is refused.
        let again = try runJueSuan(["import", Self.s0, "--out", directory.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("文件已存在（加 --force 覆盖）"))
    }

    @Test func nextYearFromLastYearsPublishedReport() throws {
        let directory = try Self.scratch("prior")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runJueSuan(["workbook", "--prior", Self.s4, "--out", directory.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = directory.appendingPathComponent("中共景德镇市珠山区委办公室-2025-决算数据.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let prior = object?["priorYear"] as? [String: Any]
        #expect(object?["year"] as? Int == 2025)
        #expect((prior?["income"] as? NSNumber)?.doubleValue == 311.56)
        #expect((prior?["carryOut"] as? NSNumber)?.doubleValue == 9.63)
    }

    @Test func usageAndUnreadableFiles() throws {
        let none = try runJueSuan(["audit"])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("juesuan audit：缺少报告文件或目录"))
        let format = try runJueSuan(["audit", Self.s0, "--format", "pdf"])
        #expect(format.status == 2)
        let missing = try runJueSuan(["audit", "没有这个文件.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "没有这个文件.txt：无法读取文件：文件不存在\n")
        let notAReport = try runJueSuan(["import", "Samples/NOTES.md", "--out", "/tmp"])
        #expect(notAReport.status == 2)
        #expect(notAReport.stderr.contains("看不出是部门决算报告"))
        let help = try runJueSuan(["--help"])
        #expect(help.stdout.contains("  audit "))
        #expect(help.stdout.contains("  import "))
    }
}
