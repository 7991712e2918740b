import Documents
import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// The wording a department chooses (issue 13), in every format: list numbering, the two-level glossary and the mark
/// after a term, the §九（二） lead-in, the grade sentence, and content tables with widths and merges.
@Suite struct WordingOptionTests {
    /// The kitchen-sink department with every option set away from the standard.
    static func department() throws -> DepartmentInput {
        var input = try RuleTests.kitchenSink()
        input.department.duties.numbering = .circled
        input.glossary?.numbering = .arabicDot
        input.glossary?.subNumbering = .chineseParenthesized
        input.glossary?.separator = .semicolon
        input.performance.tablesLeadIn = .results
        input.performance.selfEvaluation.gradeSentence = .gradesWithProjects
        return input
    }

    /// One project by name, no lead-in (the department writes its own).
    static func singleProject() throws -> DepartmentInput {
        var input = try RuleTests.kitchenSink()
        input.performance.selfEvaluationTables.removeLast()
        input.performance.selfEvaluation.grades.good = 0
        input.performance.selfEvaluation.gradeSentence = .singleProject
        input.performance.tablesLeadIn = TablesLeadIn.none
        return input
    }

    static func rendered(_ input: DepartmentInput) throws -> RenderedReport {
        let checked = CheckedReport(input)
        #expect(checked.fatal == [])
        return try #require(checked.rendered)
    }

    /// The lines each option prints (in every text format and in the .docx).
    static let lines = [
        "①负责辖区城市管理综合执法和市容环境卫生管理工作。",
        "③完成区委、区政府交办的其他任务。",
        "1.财政拨款；指区级财政当年拨付的资金。",
        "1.城乡社区支出（类）城乡社区管理事务（款）",
        "（一）行政运行（项）；反映行政单位（包括实行公务员管理的事业单位）的基本支出。",
        "（二）一般行政管理事务（项）；反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。",
        "2.城乡社区支出（类）国有土地使用权出让收入安排的支出（款）其他国有土地使用权出让收入安排的支出（项）；"
            + "反映除上述项目以外的其他国有土地使用权出让收入安排的支出。",
        "本部门“城市综合管理运行专项”“市政设施养护专项”项目支出绩效自评结果如下：",
    ]

    static func text(_ report: RenderedReport, _ format: OutputFormat) throws -> String {
        String(decoding: try report.bytes(format), as: UTF8.self)
    }

    @Test func textFormats() throws {
        let report = try Self.rendered(try Self.department())
        for format in [OutputFormat.txt, .md, .html] {
            let text = try Self.text(report, format)
            for line in Self.lines {
                #expect(text.contains(line), "\(format): \(line)")
            }
            // 三、相关专业名词 follow the same numbering and mark.
            #expect(text.contains("1.“三公”经费；是指用财政拨款安排的因公出国（境）费"), "\(format)")
            #expect(text.contains("2.机关运行经费；是指用财政拨款安排的"), "\(format)")
            // Only the grades that have projects.
            #expect(text.contains("。其中，1 个项目评价结果为“优”，1 个项目评价结果为“良”。"), "\(format)")
            #expect(!text.contains("个项目评价结果为“中”"), "\(format)")
            #expect(!text.contains("自评表如下"), "\(format)")
        }
        // The flat standard glossary and the standard sentences when nothing is chosen.
        let standard = try Self.text(try Self.rendered(try RuleTests.kitchenSink()), .txt)
        #expect(standard.contains("（1）负责辖区城市管理综合执法和市容环境卫生管理工作。"))
        #expect(standard.contains("（一）“三公”经费：是指用财政拨款安排的"))
        #expect(standard.contains("其中，1 个项目评价结果为“优”，1 个项目评价结果为“良”，0 个项目评价结果为“中”，0 个项目评价结果为“差”。"))
        #expect(standard.contains("项目支出绩效自评表如下："))
        // One project by name; no lead-in at all.
        let single = try Self.rendered(try Self.singleProject())
        for format in [OutputFormat.txt, .md, .html] {
            let text = try Self.text(single, format)
            #expect(text.contains("。其中，“城市综合管理运行专项”评价结果为“优”。"), "\(format)")
            #expect(!text.contains("自评表如下") && !text.contains("自评结果如下"), "\(format)")
        }
    }

    @Test func contentTablesInTextFormats() throws {
        let report = try Self.rendered(try Self.department())
        // txt: the covered cell is empty; md folds the two header rows; html spans and sizes the columns.
        #expect(try Self.text(report, .txt).contains("表 1 资金使用情况 单位：万元\n\n资金来源\t金额\n\t执行数\n政府性基金\t50.00\n"))
        #expect(try Self.text(report, .md).contains("| 资金来源 | 金额 / 执行数 |\n| --- | --- |\n| 政府性基金 | 50.00 |"))
        let html = try Self.text(report, .html)
        // Columns from content (issue 15): both fit on a line, so the spare room goes 2 : 1.
        #expect(
            html.contains(
                "<colgroup><col style=\"width: 65.19%\"><col style=\"width: 34.81%\"></colgroup>\n<thead>\n"
                    + "<tr><th rowspan=\"2\">资金来源<th>金额</tr>\n<tr><th>执行数</tr>"))
        // The markup the template writes: widths, the merge marker and the sheet.
        let markup = report.markup
        #expect(
            markup.contains(
                "@table sheet=附件表1\n@caption 表 1 资金使用情况 单位：万元\n@columns l:2 l:1\n@head 资金来源\t金额\n@head {^}\t执行数\n"))
        #expect(markup.contains("@table sheet=自评结果\n"))
    }

    /// A ZIP entry of a rendered .docx or .xlsx, read by Python's zipfile (independent of our writer).
    static func entry(_ bytes: [UInt8], _ name: String, paragraphs: Bool = false) throws -> String {
        let file = try outputDirectory("wording").appendingPathComponent(UUID().uuidString + ".zip")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import re, sys, zipfile
            text = zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode()
            if sys.argv[3] == "p":
                text = "\\n".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", text, re.S))
            sys.stdout.write(text)
            """
        let result = try run("python3", ["-c", script, file.path, name, paragraphs ? "p" : "x"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.output
    }

    @Test func docxAndXlsx() throws {
        guard Checker.python || Checker.isCI else { return }
        try Checker.require(Checker.python, "python3")
        let report = try Self.rendered(try Self.department())
        let docx = try report.bytes(.docx)
        let paragraphs = try Self.entry(docx, "word/document.xml", paragraphs: true).components(separatedBy: "\n")
        for line in Self.lines + [
            "1.“三公”经费；是指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车车辆购置支出（含车辆购置税、牌照费），按规定保留的公务用车燃料费、维修费、过桥过路费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。"
        ] {
            #expect(paragraphs.contains(line), "docx: \(line)")
        }
        let single = try Self.entry(
            try Self.rendered(try Self.singleProject()).bytes(.docx), "word/document.xml", paragraphs: true)
        #expect(single.contains("。其中，“城市综合管理运行专项”评价结果为“优”。"))
        // The annex table: columns 2 : 1 and 资金来源 merged over the two header rows.
        let xml = try Self.entry(docx, "word/document.xml")
        let table = try #require(xml.range(of: "表 1 资金使用情况").map { String(xml[$0.upperBound...]) })
        #expect(table.contains("<w:tblGrid><w:gridCol w:w=\"5783\"/><w:gridCol w:w=\"3062\"/></w:tblGrid>"))
        #expect(table.contains("<w:vMerge w:val=\"restart\"/>"))
        #expect(table.contains("<w:vMerge w:val=\"continue\"/>"))

        // .xlsx: the two tables given a sheet follow the ten 公开表, with their merge and widths.
        let xlsx = try report.bytes(.xlsx)
        let workbook = try Self.entry(xlsx, "xl/workbook.xml")
        #expect(
            workbook.contains(
                "<sheet name=\"公开10表\" sheetId=\"10\" r:id=\"rId10\"/><sheet name=\"自评结果\" sheetId=\"11\" r:id=\"rId11\"/><sheet name=\"附件表1\" sheetId=\"12\" r:id=\"rId12\"/>"
            ))
        let sheet = try Self.entry(xlsx, "xl/worksheets/sheet12.xml")
        #expect(sheet.contains("<mergeCell ref=\"A2:A3\"/>"))
        let widths = sheet.matches(of: /<col min="(\d)" max="\d" width="([\d.]+)"/).map { Double($0.output.2)! }
        #expect(widths.count == 2 && widths[0] > 1.8 * widths[1], "\(widths)")
        // Without `sheet` an annex table stays out of the workbook (the samples have exactly the ten).
        var plain = try Self.department()
        for index in plain.annex.indices {
            if case .table(var table) = plain.annex[index] {
                table.sheet = nil
                plain.annex[index] = .table(table)
            }
        }
        let names = try Self.entry(try Self.rendered(plain).bytes(.xlsx), "xl/workbook.xml")
        #expect(!names.contains("附件表1") && names.contains("自评结果"))
    }
}
