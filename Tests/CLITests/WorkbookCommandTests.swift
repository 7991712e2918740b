import Foundation
import Testing

/// `juesuan workbook`, and the other commands given a workbook.
@Suite struct WorkbookCommandTests {
    static func scratch(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-workbook-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func anEmptyWorkbookForAYear() throws {
        let directory = try Self.scratch("empty")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runJueSuan(["workbook", "--year", "2025", "--out", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = directory.appendingPathComponent("部门决算数据-2025.xlsx")
        #expect(result.stderr == "已生成 \(file.path)\n")
        #expect(try Data(contentsOf: file).prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        // Not yet a department: check says what is missing, where.
        let check = try runJueSuan(["check", file.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("部门决算数据-2025.xlsx!基本信息!B6: 错误：未填写“部门名称”"))
        // The same again is refused without --force, written with it.
        let again = try runJueSuan(["workbook", "--year", "2025", "--out", directory.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("文件已存在（加 --force 覆盖）"))
        #expect(try runJueSuan(["workbook", "--year", "2025", "--out", directory.path, "--force"]).status == 0)
    }

    @Test func aSampleAsAWorkbookRendersTheSameReport() throws {
        let directory = try Self.scratch("sample")
        defer { try? FileManager.default.removeItem(at: directory) }
        let made = try runJueSuan(["workbook", "Samples/s0-rendaban.json", "--out", directory.path])
        #expect(made.status == 0, "\(made.stderr)")
        let workbook = directory.appendingPathComponent("景德镇市人大办公室-2024-决算数据.xlsx").path
        let check = try runJueSuan(["check", workbook])
        #expect(check.status == 0)
        #expect(check.stdout == "\(workbook)：通过（景德镇市人大办公室 2024 年度）\n")
        let fromWorkbook = try runJueSuan(["render", workbook, "--out", "-"])
        let fromJSON = try runJueSuan(["render", "Samples/s0-rendaban.json", "--out", "-"])
        #expect(fromWorkbook.status == 0)
        #expect(fromWorkbook.stdout == fromJSON.stdout)
        #expect(fromWorkbook.stdout.contains("本年收入合计\t27\t2,474.42"))
    }

    @Test func nextYearFromLastYearsFile() throws {
        let directory = try Self.scratch("prior")
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try runJueSuan(
            ["workbook", "--prior", "Samples/s0-rendaban.json", "--out", directory.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let file = directory.appendingPathComponent("景德镇市人大办公室-2025-决算数据.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let prior = object?["priorYear"] as? [String: Any]
        #expect(object?["year"] as? Int == 2025)
        #expect((prior?["income"] as? NSNumber)?.decimalValue == Decimal(string: "2474.42"))
        #expect((prior?["carryOut"] as? NSNumber)?.decimalValue == Decimal(string: "25.32"))
        let xlsx = try runJueSuan(["workbook", "--prior", "Samples/s0-rendaban.json", "--out", directory.path])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("景德镇市人大办公室-2025-决算数据.xlsx").path))
    }

    @Test func validatePriorWarnsWhereLastYearsFigureDiffers() throws {
        let directory = try Self.scratch("validate-prior")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Last year as S0 with one 2023 figure changed: S0's own 上年数 come from the 2023 report.
        var last =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: packageRoot.appendingPathComponent("Samples/s0-rendaban.json")))
            as! [String: Any]
        last["year"] = 2023
        let lastFile = directory.appendingPathComponent("2023.json")
        try JSONSerialization.data(withJSONObject: last).write(to: lastFile)
        let result = try runJueSuan(["validate", "Samples/s0-rendaban.json", "--prior", lastFile.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "[WB-02] 上年数 本年收入合计，$.priorYear.income（第 196 行第 15 列）：上年数 本年收入合计：填写 2546.88 万元，上年文件（\(lastFile.path)）计算为 2474.42 万元"
            ))
    }

    @Test func usageErrors() throws {
        let none = try runJueSuan(["workbook", "--out", "/tmp"])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("juesuan workbook：请给出部门文件、--year 或 --prior"))
        let both = try runJueSuan(["workbook", "Samples/s0-rendaban.json", "--year", "2025"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("juesuan workbook：FILE 与 --year、--prior 不能同时使用"))
        let year = try runJueSuan(["workbook", "--year", "二〇二五"])
        #expect(year.stderr.hasPrefix("juesuan workbook：--year 应为年度，如 2025"))
        let missing = try runJueSuan(["workbook", "nope.xlsx"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.xlsx: 错误：无法读取文件：文件不存在"))
    }

    @Test func batchReadsWorkbooksBesideJSON() throws {
        let directory = try Self.scratch("batch")
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        #expect(try runJueSuan(["workbook", "Samples/s2-shizhengfuban.json", "--out", inputs.path]).status == 0)
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("Samples/s0-rendaban.json"),
            to: inputs.appendingPathComponent("s0.json"))
        // An Office lock file beside it is not a department.
        try Data("lock".utf8).write(to: inputs.appendingPathComponent("~$景德镇市人民政府办公室-2024-决算数据.xlsx"))
        let out = directory.appendingPathComponent("out")
        let result = try runJueSuan(["batch", inputs.path, "--out", out.path, "--format", "txt", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        #expect(names == ["景德镇市人大办公室-2024-部门决算.txt", "景德镇市人民政府办公室-2024-部门决算.txt"])
    }
}
