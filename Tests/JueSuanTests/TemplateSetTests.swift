import Documents
import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// A temporary template directory (relative path → text), removed by `remove()`.
struct TemplateDirectory {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-set-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    var templates: ReportTemplates {
        get throws { try ReportTemplates(directory: url) }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// How findings name the tables of a directory inheriting `set` that declares `tables`.
    static func names(_ set: String, tables: [TemplateSet.Table]) throws -> TableNames {
        let declaration = String(decoding: try JSONEncoder().encode(tables), as: UTF8.self)
        let directory = try TemplateDirectory(["set.json": "{\"inherits\": \"\(set)\", \"tables\": \(declaration)}"])
        defer { directory.remove() }
        return try directory.templates.set.tableNames
    }
}

/// The three built-in sets render every sample; their tables agree; each set is data (set.json) and templates.
@Suite struct TemplateSetTests {
    static let sets = ["standard", "central", "sichuan"]

    static func inputs() throws -> [(String, DepartmentInput)] {
        try (samplePaths() + [fixturesDirectory.appendingPathComponent("kitchen-sink.json").path]).map {
            (URL(fileURLWithPath: $0).lastPathComponent, try InputLoader.load(path: $0).get())
        }
    }

    @Test func theBuiltInSetsAreListedStandardFirst() throws {
        #expect(TemplateSet.builtInNames == ["standard", "central", "sichuan"])
        let central = try ReportTemplates.builtIn("central").set
        #expect(central.inherits == "standard")
        #expect(central.tables.count == 9)
        #expect(central.tableName(.assets) == "国有资产占用情况表")
        let sichuan = try ReportTemplates.builtIn("sichuan").set
        #expect(sichuan.inherits == "central")
        #expect(sichuan.fileName == "单位决算")
        #expect(sichuan.tableName(.basic) == "附表6")
        #expect(throws: TemplateSetError.self) { try ReportTemplates.builtIn("yunnan") }
    }

    @Test(arguments: sets)
    func everySampleRendersInEveryFormatWithoutFatalFindings(set: String) throws {
        let templates = try ReportTemplates.builtIn(set)
        for (name, input) in try Self.inputs() {
            let checked = CheckedReport(input, templates: templates)
            #expect(checked.renderError == nil, "\(set) \(name): \(checked.renderError?.description ?? "")")
            #expect(checked.fatal == [], "\(set) \(name)")
            let report = try #require(checked.rendered)
            for format in OutputFormat.allCases where !format.needsLibreOffice {
                #expect(try !report.bytes(format).isEmpty, "\(set) \(name) \(format)")
            }
        }
    }

    /// PDF is the Word document printed by LibreOffice: one sample per set (the Word documents of all are above).
    @Test(arguments: sets)
    func aSampleRendersToPDF(set: String) throws {
        guard Checker.soffice || Checker.isCI else { return }
        try Checker.require(Checker.soffice, "LibreOffice")
        let input = try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
            .get()
        let report = try RenderedReport(view: ReportPreparation(input).view, templates: .builtIn(set))
        #expect(try report.bytes(.pdf).starts(with: Array("%PDF-".utf8)))
    }

    /// Every figure a table prints in one set is printed the same in the others (the sets arrange and word the
    /// tables differently; the figures are the department's).
    @Test func theTablesAgreeAcrossSets() throws {
        for (name, input) in try Self.inputs() {
            let standard = try RenderedReport(view: ReportPreparation(input).view).figureCells
            for set in Self.sets.dropFirst() {
                let other = try RenderedReport(view: ReportPreparation(input).view, templates: .builtIn(set))
                    .figureCells
                var compared = 0
                for (id, texts) in other {
                    guard let standardTexts = standard[id] else { continue }
                    #expect(Set(texts) == Set(standardTexts), "\(name) \(set) \(id)")
                    compared += 1
                }
                #expect(compared > 100, "\(name) \(set)")
                for id in [
                    "dept:income.total", "dept:expenditure.total", "dept:grandTotal.income", "dept:generalBudget.total",
                ] {
                    #expect(other[id] != nil, "\(name) \(set) has no cell \(id)")
                }
            }
        }
    }

    @Test func centralPrintsNineTablesAndTenSections() throws {
        let input = try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
            .get()
        let report = try RenderedReport(view: ReportPreparation(input).view, templates: .builtIn("central"))
        let tables = report.document.blocks.compactMap { block -> Documents.Table? in
            if case .table(let table) = block, table.sheetName != nil { return table }
            return nil
        }
        #expect(tables.map(\.sheetName) == (1...9).map { String(format: "公开%02d表", $0) })
        let titles = try ReportTemplates.builtIn("central").set.tables.map { $0.title ?? "" }
        #expect(tables.map { $0.title ?? "" } == titles)
        // 三公 in the horizontal 预算数/决算数 layout: one line, 12 figures.
        let threePublic = try #require(tables.last)
        #expect(threePublic.body.count == 1)
        #expect(
            threePublic.body[0].map(\.text) == [
                "13.84", "0.00", "12.77", "0.00", "12.77", "1.07", "10.30", "0.00", "9.24", "0.00", "9.24", "1.07",
            ])
        let sections = report.document.blocks.compactMap { block -> String? in
            if case .heading(let heading) = block, heading.level == 2, heading.id?.hasPrefix("s") == true {
                return heading.text
            }
            return nil
        }
        #expect(sections.first == "一、收入支出决算总体情况说明")
        #expect(sections.last == "十、其他重要事项的情况说明")
        #expect(sections.count == 10)
        let text = TextWriter.write(report.document)
        #expect(text.contains("2024年度收、支总计2483.65万元。与2023年度相比，收、支总计各减少92.18万元，下降3.58%。"))
        #expect(text.contains("（三）国有资产占用情况"))
        #expect(!text.contains("公开10表"))
    }

    @Test func sichuanPutsTheNarrativeBeforeTheTables() throws {
        let input = try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/s2-shizhengfuban.json").path)
            .get()
        let templates = try ReportTemplates.builtIn("sichuan")
        let report = try RenderedReport(view: ReportPreparation(input).view, templates: templates)
        let blocks = report.document.blocks
        let firstTable = try #require(
            blocks.firstIndex { if case .table(let t) = $0 { return t.sheetName != nil } else { return false } })
        let lastSection = try #require(
            blocks.lastIndex {
                if case .heading(let h) = $0 { return h.text.hasPrefix("十、其他重要事项") } else { return false }
            })
        #expect(lastSection < firstTable)
        let parts = blocks.compactMap { block -> String? in
            if case .heading(let heading) = block, heading.level == 1 { return heading.text }
            return nil
        }
        #expect(parts == ["第一部分 单位概况", "第二部分 2024年度单位决算情况说明", "第三部分 名词解释", "第四部分 附件", "第五部分 附表"])
        let sheets = blocks.compactMap { block -> String? in
            if case .table(let table) = block { return table.sheetName }
            return nil
        }
        #expect(Array(sheets.prefix(9)) == (1...9).map { "附表\($0)" })
        #expect(OutputFiles.baseName(department: "某局", year: 2024, kind: templates.set.fileName) == "某局-2024-单位决算")
        let text = TextWriter.write(report.document)
        #expect(text.contains("七、财政拨款“三公”经费支出决算情况说明"))
        #expect(text.contains("2024年本年收入合计"))
    }

    /// A set declaration with mistakes is refused with the place of each.
    @Test func aBrokenDeclarationSaysWhereAndWhat() throws {
        let directory = try TemplateDirectory([
            "set.json":
                "{\n  \"inherits\": \"central\",\n  \"tabels\": [],\n  \"tables\": [{\"id\": \"t01\", \"role\": \"summery\", \"name\": \"表一\"}]\n}\n"
        ])
        defer { directory.remove() }
        #expect {
            _ = try directory.templates
        } throws: { error in
            let text = "\(error)"
            return text.contains(":3:3:") && text.contains("tabels") && text.contains(":4:") && text.contains("summery")
        }
        let unknown = try TemplateDirectory(["set.json": "{\"inherits\": \"yunnan\"}"])
        defer { unknown.remove() }
        #expect {
            _ = try unknown.templates
        } throws: { error in
            "\(error)".hasSuffix("set.json:1:14: $.inherits：没有名为“yunnan”的内置模板集（内置：standard、central、sichuan）")
        }
        // A table id given twice is placed at the second one (found by the fuzz harness without a place).
        let repeated = try TemplateDirectory([
            "set.json":
                "{\"inherits\": \"central\", \"tables\": [\n {\"id\": \"t01\", \"role\": \"summary\", \"name\": \"表一\"},\n {\"id\": \"t01\", \"role\": \"income\", \"name\": \"表二\"}]}"
        ])
        defer { repeated.remove() }
        #expect {
            _ = try repeated.templates
        } throws: { error in "\(error)".contains("set.json:3:9: $.tables[1].id：表的锚点 t01 重复") }
    }
}
