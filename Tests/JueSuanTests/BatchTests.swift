import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// `juesuan batch` in-process: statuses, files in place, duplicates, the summary files and their figures, and a re-run
/// that writes the same bytes.
@Suite struct BatchTests {
    static func sample(_ name: String) -> String { packageRoot.appendingPathComponent("Samples/\(name)").path }

    static func load(_ name: String) throws -> DepartmentInput {
        try InputLoader.load(path: sample(name)).get()
    }

    /// An input directory: the four samples, a copy of S0 in a subdirectory (a duplicate), a file with a JSON error,
    /// one with a fatal finding (a supplied 政府采购 total that does not match its parts), a hidden file and a
    /// non-JSON file (both skipped).
    static func inputDirectory(_ name: String) throws -> URL {
        let directory = try outputDirectory(name).appendingPathComponent("in")
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for file in samplePaths() {
            try manager.copyItem(
                atPath: file,
                toPath: directory.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent).path)
        }
        try manager.copyItem(
            atPath: sample("s0-rendaban.json"), toPath: directory.appendingPathComponent("sub/copy-of-s0.json").path)
        try Data("{\"year\": 2024,}\n".utf8).write(to: directory.appendingPathComponent("broken.json"))
        var fatal = try load("s4-zhushanquweiban.json")
        fatal.department.name = "致命测试部门"
        fatal.procurement.suppliedTotal = Amount(100)
        try InputLoader.encode(fatal).write(to: directory.appendingPathComponent("fatal.json"))
        try Data("{}".utf8).write(to: directory.appendingPathComponent(".hidden.json"))
        try Data("notes".utf8).write(to: directory.appendingPathComponent("README.txt"))
        return directory
    }

    /// Every file in `directory` with its bytes.
    static func contents(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    @Test func summaryFiguresComeFromTheAccounts() throws {
        let figures = SummaryFigures(Accounts(try Self.load("s0-rendaban.json")))
        func shown(_ key: String, budget: Bool = false) -> String? {
            figures[key].map { SummaryPages.plain($0, budget: budget) }
        }
        // The same figures as the S0 report's §一, §二, §三, §五, §六, §七 and 公开10表 (official totals where S0
        // states them: 本年收入合计 2474.42, 三公 决算数 10.30, 公用经费合计 159.55).
        #expect(shown("income") == "2474.42")
        #expect(shown("expenditure") == "2458.33")
        #expect(shown("fiscalExpenditure") == "2443.08")
        #expect(shown("threePublic", budget: true) == "13.84")
        #expect(shown("threePublic") == "10.30")
        #expect(shown("threePublic.vehicleOperation") == "9.24")
        #expect(shown("threePublic.reception") == "1.07")
        #expect(shown("operatingCosts") == "159.55")
        #expect(shown("procurement") == "15.60")
        #expect(shown("vehicles") == "2")
        #expect(figures["income"]?.budget == nil)
        #expect(figures.items.map(\.key).count == Set(figures.items.map(\.key)).count)
    }

    @Test func totalsAreExactSumsRoundedOnce() throws {
        let parts = try ["s0-rendaban.json", "s2-shizhengfuban.json", "s4-zhushanquweiban.json"].map {
            SummaryFigures(Accounts(try Self.load($0)))
        }
        let total = try #require(SummaryFigures.sum(parts))
        for item in total.items {
            #expect(item.actual == parts.map { $0[item.key]!.actual }.sum(), "\(item.key)")
        }
        // The official totals 2474.42 + 2336.27 + 311.56, as the three reports print them.
        #expect(SummaryPages.plain(total["income"]!, budget: false) == "5122.25")
        #expect(SummaryPages.plain(total["vehicles"]!, budget: false) == "5")
        #expect(SummaryFigures.sum([]) == nil)
    }

    @Test func inputFilesAreSearchedSortedAndTheOutputIsSkipped() throws {
        let input = try Self.inputDirectory("batch-inputs")
        // The output directory inside the input directory, with a JSON file in it, is not read.
        let output = input.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: output.appendingPathComponent("summary.json"))
        let files = try BatchRunner.inputFiles([input.path, Self.sample("s2-shizhengfuban.json")], excluding: output)
        #expect(
            files.map { String($0.dropFirst(input.path.count + 1)) } == [
                "broken.json", "fatal.json", "s0-rendaban.json", "s2-shizhengfuban.json", "s4-zhushanquweiban.json",
                "sub/copy-of-s0.json", "synthetic-edge-cases.json",
                // The sample named again is a different path to a different file, so it is kept.
                String(Self.sample("s2-shizhengfuban.json").dropFirst(input.path.count + 1)),
            ])
        // The same file twice is read once.
        let again = try BatchRunner.inputFiles(
            [input.appendingPathComponent("fatal.json").path, input.path + "/./fatal.json"], excluding: output)
        #expect(again.count == 1)
        #expect(throws: BatchUsageError.self) { try BatchRunner.inputFiles(["/nonexistent/dir"], excluding: output) }
        let empty = try outputDirectory("batch-empty")
        let error = #expect(throws: BatchUsageError.self) {
            try BatchRunner.inputFiles([empty.path], excluding: output)
        }
        #expect(error?.message.hasPrefix("没有找到部门文件") == true)
        // Row 8: the output directory itself as an input directory is refused (its summary.json would be read).
        let same = #expect(throws: BatchUsageError.self) {
            try BatchRunner.inputFiles([output.path + "/"], excluding: output)
        }
        #expect(same?.message.hasPrefix("输出目录不能是输入目录 \(output.path)/：") == true)
    }

    @Test func departmentsAreIndependentAndTheSummaryTellsWhichAreReady() throws {
        let input = try Self.inputDirectory("batch-run")
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let files = try BatchRunner.inputFiles([input.path], excluding: output)
        // A temporary file left by a killed run (no process 4194304: above Linux's largest pid) is cleared.
        try Data("half".utf8).write(to: output.appendingPathComponent(".juesuan-batch-4194304-3.docx.tmp"))
        let runner = BatchRunner(formats: [.txt, .docx], output: output, jobs: 2)
        let summary = runner.run(files: files)

        let byName = Dictionary(
            uniqueKeysWithValues: summary.entries.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0) })
        #expect(byName["broken.json"]?.status == .failed)
        #expect(byName["broken.json"]?.problems.first?.contains("broken.json:1:15") == true)
        #expect(byName["fatal.json"]?.status == .fatal)
        #expect(byName["fatal.json"]?.findings.contains { $0.location.inputPath == "$.procurement.total" } == true)
        #expect(byName["copy-of-s0.json"]?.status == .failed)
        #expect(byName["copy-of-s0.json"]?.problems.last?.contains("s0-rendaban.json 是同一部门和年度") == true)
        #expect(byName["s0-rendaban.json"]?.status == .rendered)
        #expect(byName["s2-shizhengfuban.json"]?.warningCount == 2)
        #expect(summary.count(.rendered) == 4)
        #expect(!summary.succeeded)
        #expect(summary.countsLine == "共 7 个部门文件：已生成 4 个（其中有警告 3 个），有致命问题 1 个，失败 2 个")

        let files1 = try Self.contents(output)
        let s0 = "景德镇市人大办公室-2024-部门决算"
        for name in [
            "\(s0).txt", "\(s0).docx", "\(s0)-审核结果.html", "\(s0)-2-审核结果.html", "broken-审核结果.html",
            "致命测试部门-2024-部门决算-审核结果.html", "summary.html", "summary.csv", "summary.json", "summary.xlsx",
        ] {
            #expect(files1[name] != nil, "\(name)")
        }
        // The duplicate's page is made again after the commit found it: it says why it failed and links no report.
        let duplicatePage = String(decoding: try #require(files1["\(s0)-2-审核结果.html"]), as: UTF8.self)
        #expect(duplicatePage.contains("<td class=\"status\">失败</td>"))
        #expect(duplicatePage.contains("s0-rendaban.json 是同一部门和年度"))
        #expect(duplicatePage.contains("未生成"))
        let firstPage = String(decoding: try #require(files1["\(s0)-审核结果.html"]), as: UTF8.self)
        #expect(firstPage.contains("<a href=\"\(SummaryPages.href("\(s0).docx"))\">\(s0).docx</a>"))
        // No report for the fatal department, no temporary file left behind; 4 × 2 reports, 7 findings pages.
        #expect(files1["致命测试部门-2024-部门决算.txt"] == nil)
        #expect(!files1.keys.contains { $0.hasPrefix(".") })
        #expect(files1.count == 8 + 7 + 4)
        // The report is the one `juesuan render` writes.
        let report = try #require(CheckedReport(try Self.load("s0-rendaban.json")).rendered)
        #expect(files1["\(s0).txt"].map(Array.init) == (try report.bytes(.txt)))

        // A second run, with one job, writes the same bytes into every file.
        let again = BatchRunner(formats: [.txt, .docx], output: output, jobs: 1).run(files: files)
        #expect(again.entries.map(\.status) == summary.entries.map(\.status))
        #expect(try Self.contents(output) == files1)
    }

    @Test func summaryFilesHoldTheSameFigures() throws {
        let input = try Self.inputDirectory("batch-summary")
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let summary = BatchRunner(formats: [.html], output: output, jobs: 2)
            .run(files: try BatchRunner.inputFiles([input.path], excluding: output))

        // summary.csv: BOM, CRLF, one row per file in input order, then the year's total over the 4 ready ones.
        let csv = try Data(contentsOf: output.appendingPathComponent("summary.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.count == 1 + 7 + 1 + 1)
        #expect(lines[0].hasPrefix("序号,输入文件,部门,年度,状态,致命,警告,报告,审核结果,本年收入合计（万元）,本年支出合计（万元）"))
        // S0 warns once: 2 projects self-evaluated, 1 自评表 (E-05).
        #expect(lines[3].contains(",景德镇市人大办公室,2024,已生成,0,1,景德镇市人大办公室-2024-部门决算.html,"))
        #expect(
            lines[3].hasSuffix(
                ",2474.42,2458.33,2443.08,13.84,10.30,0.00,0.00,12.77,9.24,0.00,0.00,12.77,9.24,1.07,1.07,159.55,15.60,7.20,0.00,8.40,15.60,2"
            ))
        let total = try #require(summary.totals.first?.figures)
        #expect(summary.totals.map(\.departments) == [4])
        #expect(summary.totals.map(\.excluded) == [2])  // broken.json has no year
        #expect(lines[8].hasPrefix(",,合计（2024 年度，4 个已生成的部门）,2024,"))
        #expect(lines[8].contains("," + SummaryPages.plain(total["income"]!, budget: false) + ","))
        #expect(lines[9] == "")

        // summary.json: the same counts and figures.
        struct JSONSummary: Decodable {
            struct Figure: Decodable {
                let actual: Decimal
                let budget: Decimal?
            }
            struct Department: Decodable {
                let status: String
                let figures: [String: Figure]?
                let findings: [Finding]
            }
            struct Totals: Decodable {
                let year: Int
                let figures: [String: Figure]?
            }
            let counts: [String: Int]
            let departments: [Department]
            let totals: [Totals]
        }
        let json = try JSONDecoder().decode(
            JSONSummary.self, from: Data(contentsOf: output.appendingPathComponent("summary.json")))
        #expect(json.counts == ["files": 7, "rendered": 4, "fatal": 1, "failed": 2])
        #expect(json.departments.map(\.status) == summary.entries.map(\.status.rawValue))
        #expect(json.departments[2].figures?["income"]?.actual == Decimal(string: "2474.42"))
        #expect(json.departments[2].figures?["threePublic"]?.budget == Decimal(string: "13.84"))
        #expect(json.departments[0].figures == nil)
        #expect(json.totals.first?.figures?["vehicles"]?.actual == total["vehicles"]?.actual.value)

        // summary.html: failures first, links percent-encoded, the totals table.
        let html = try String(contentsOf: output.appendingPathComponent("summary.html"), encoding: .utf8)
        let failed = try #require(html.range(of: "<td class=\"c status\">失败</td>"))
        let ready = try #require(html.range(of: "<td class=\"c status\">已生成</td>"))
        #expect(failed.lowerBound < ready.lowerBound)
        let encoded = SummaryPages.href("景德镇市人大办公室-2024-部门决算.html")
        #expect(encoded.hasPrefix("%E6%99%AF"))
        #expect(html.contains("<a href=\"\(encoded)\">网页</a>"))
        #expect(html.contains("2024 年度：4 个已生成报告的部门（另有 2 个部门有致命问题或失败，未计入）"))
        #expect(
            html.contains(
                "<tr class=\"level0\"><td>本年收入合计</td><td class=\"c\">万元</td><td class=\"n\"></td><td class=\"n\">"
                    + Format.amount(total["income"]!.actual, grouping: true) + "</td></tr>"))

        // The fatal department's findings page names the rule and the input field.
        let page = try String(
            contentsOf: output.appendingPathComponent("致命测试部门-2024-部门决算-审核结果.html"), encoding: .utf8)
        #expect(page.contains("<td>$.procurement.total</td>"))
        #expect(page.contains("<a href=\"summary.html\">"))
        #expect(page.contains("未生成"))
    }

    @Test func summaryWorkbookHasTheTotalsAsNumbers() throws {
        guard Checker.openpyxl || Checker.isCI else { return }
        try Checker.require(Checker.openpyxl, "openpyxl")
        let summary = BatchSummary(
            entries: try ["s0-rendaban.json", "s4-zhushanquweiban.json"].map { name in
                let input = try Self.load(name)
                return BatchEntry(
                    file: name, department: input.department.name, year: input.year, status: .rendered, findings: [],
                    problems: [], reports: [], findingsPage: nil, figures: SummaryFigures(Accounts(input)))
            }, formats: [.docx], seconds: 0)
        let file = try outputDirectory("batch-xlsx").appendingPathComponent("summary.xlsx")
        try Data(try SummaryPages.xlsx(summary)).write(to: file)
        let xlsx = try dump("xlsx_dump.py", file, as: OfficeSampleTests.XlsxDump.self)
        #expect(xlsx.sheets.map(\.name) == ["2024年度合计", "各部门"])
        let rows = xlsx.sheets[0].rows
        let income = try #require(rows.first { $0.first.flatMap { $0 } == .text("本年收入合计") })
        #expect(income.count >= 4 && income[3] == .number(Decimal(string: "2785.98")!))
        let abroad = try #require(rows.first { $0.first.flatMap { $0 } == .text("　　因公出国（境）费") })
        #expect(abroad[2] == .number(Decimal(string: "2.75")!))
        let vehicles = try #require(rows.first { $0.first.flatMap { $0 } == .text("车辆数合计") })
        #expect(vehicles[3] == .number(2))
    }

    // Issue 14, row 5: a department named `{^}` reached the summary workbook's markup as a merge marker: the batch
    // exited 1 although every department rendered, and summary.xlsx was not written.
    @Test func markupLikeDepartmentNamesDoNotBreakTheSummary() throws {
        let directory = try outputDirectory("batch-markup-names")
        let input = directory.appendingPathComponent("in")
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let names = ["{^}", "{<}", " {^} ", "@p 局", "\\{^}"]
        for (index, name) in names.enumerated() {
            var department = try Self.load("s0-rendaban.json")
            department.department.name = name
            try InputLoader.encode(department).write(to: input.appendingPathComponent("d\(index).json"))
        }
        let summary = BatchRunner(formats: [.txt], output: output, jobs: 2)
            .run(files: try BatchRunner.inputFiles([input.path], excluding: output))
        #expect(summary.errors == [])
        #expect(summary.succeeded)
        #expect(summary.entries.map(\.department) == names)
        let workbook = try Data(contentsOf: output.appendingPathComponent("summary.xlsx"))
        #expect(workbook.starts(with: [0x50, 0x4B]))
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(SummaryPages.csvField("a,b") == "\"a,b\"")
        #expect(SummaryPages.csvField("说\"明\"") == "\"说\"\"明\"\"\"")
        #expect(SummaryPages.csvField("=1+2") == "'=1+2")
        #expect(SummaryPages.csvField("@x") == "'@x")
        #expect(SummaryPages.csvField("-12.30") == "-12.30")
        #expect(SummaryPages.csvField("-x") == "'-x")
        #expect(SummaryPages.csvField("2474.43") == "2474.43")
        // Row 9: a cell starting with TAB or CR was left as it was (OWASP lists both).
        #expect(SummaryPages.csvField("\t=1+2") == "'\t=1+2")
        #expect(SummaryPages.csvField("\r=1+2") == "\"'\r=1+2\"")
        #expect(SummaryPages.csvField("\r\n=1") == "\"'\r\n=1\"")
        #expect(SummaryPages.csvField("甲\t乙") == "甲\t乙")
    }
}
