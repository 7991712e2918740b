import Documents
import Foundation
import Testing

@testable import JueSuan

/// A locality's templates, as its author would write them: broken copies of each built-in set are caught (or pass
/// when nothing is wrong), reworded sentences pass, and every mistake points at the template line that made it.
@Suite struct LocalityTemplateTests {
    static func sample(_ name: String) throws -> DepartmentInput {
        try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/\(name).json").path).get()
    }

    /// The built-in template `name` of `set` (found through the sets it inherits).
    static func builtIn(_ set: String, _ name: String) throws -> String {
        var current: String? = set
        while let here = current {
            if let text = BuiltInTemplates.templates[here]?[name] { return text }
            current = try TemplateSet.builtIn(here).set.inherits
        }
        throw TemplateSetError(message: "no template \(name) in \(set)")
    }

    /// `text` with `old` replaced by `new`, which must be there.
    static func replacing(_ text: String, _ old: String, _ new: String) throws -> String {
        try #require(text.contains(old), "\(old) not in the template")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The findings of `input` rendered with a directory inheriting `set` that holds `files`.
    static func findings(_ set: String, _ files: [String: String], input: DepartmentInput) throws -> CheckedReport {
        var all = files
        if all["set.json"] == nil { all["set.json"] = "{\"inherits\": \"\(set)\"}" }
        let directory = try TemplateDirectory(all)
        defer { directory.remove() }
        return CheckedReport(input, templates: try directory.templates)
    }

    static let textRules: Set<String> = ["TX-01", "TX-02", "N-01"]

    // MARK: A figure swapped between two sentences

    /// The template of the 收入 and 支出 sentences of each set, and the names the set gives table 01.
    static let swaps: [(set: String, income: String, spending: String, table: String)] = [
        ("standard", "part3/s1", "part3/s2", "公开01表"),
        ("central", "part3/s2", "part3/s3", "公开01表"),
        ("sichuan", "part2/s2", "part3/s3", "附表1"),
    ]

    @Test(arguments: swaps.map(\.set))
    func aFigureSwappedBetweenTwoSentencesIsCaughtAtItsTemplateLine(set: String) throws {
        let swap = try #require(Self.swaps.first { $0.set == set })
        let income = try Self.replacing(
            Self.builtIn(set, swap.income), "{{income.amount}}", "{{part3.s2.expenditure.amount}}")
        let spending = try Self.replacing(
            Self.builtIn(set, swap.spending), "{{expenditure.amount}}", "{{part3.s1.income.amount}}")
        let checked = try Self.findings(
            set, [swap.income + ".mustache": income, swap.spending + ".mustache": spending],
            input: Self.sample("s0-rendaban"))
        let text = checked.findings.filter { Self.textRules.contains($0.rule) }
        #expect(
            text.map(\.message) == [
                "“本年收入合计”：正文 2458.33 万元，\(swap.table) 本年收入合计（行 27）为 2474.42",
                "“本年支出合计”：正文 2474.42 万元，\(swap.table) 本年支出合计（行 58）为 2458.33",
            ])
        #expect(text.allSatisfy { $0.severity == .fatal })
        let incomeLine =
            try #require(income.split(separator: "\n").firstIndex { $0.contains("part3.s2.expenditure") }) + 1
        #expect(text.first?.location.detail.hasPrefix("模板 \(swap.income):\(incomeLine):") == true, "\(text)")
        #expect(checked.rendered == nil || !checked.fatal.isEmpty)
    }

    // MARK: A table cell relabelled

    @Test(arguments: ["standard", "central", "sichuan"])
    func aRelabelledRowIsWordingButAFigureInTheWrongRowIsCaught(set: String) throws {
        let t01 = try Self.builtIn(set, "tables/t01")
        let relabelled = try Self.replacing(t01, "@row 五、事业收入", "@row 五、事业单位收入")
        let clean = try Self.findings(set, ["tables/t01.mustache": relabelled], input: Self.sample("s0-rendaban"))
        #expect(clean.findings.filter { Self.textRules.contains($0.rule) } == [])
        #expect(clean.rendered != nil)

        let misplaced = try Self.replacing(t01, "@row 五、事业收入\t5\t{{r5.t}}", "@row 五、事业收入\t5\t{{r8.t}}")
        let caught = try Self.findings(set, ["tables/t01.mustache": misplaced], input: Self.sample("s0-rendaban"))
        let text = caught.findings.filter { Self.textRules.contains($0.rule) }
        let name = try ReportTemplates.builtIn(set).set.tableName(.summary)
        #expect(text.map(\.message) == ["“五、事业收入”一行印的是“其他收入”的数 31.35，事业收入为 0.00"])
        #expect(text.map(\.location.place) == [name])
        let line = try #require(misplaced.split(separator: "\n").firstIndex { $0.contains("{{r8.t}}\t五、") }) + 1
        #expect(text.first?.location.detail.hasPrefix("模板 tables/t01:\(line):") == true, "\(text)")
    }

    // MARK: A table dropped from the set

    @Test(arguments: ["standard", "central", "sichuan"])
    func aTableDroppedFromTheTemplatesButDeclaredIsCaughtAndOneDroppedFromBothIsNot(set: String) throws {
        let templates = try ReportTemplates.builtIn(set)
        // The locality inherits the set's structure and replaces the block of table 06 (and the table of contents,
        // which points at it) with nothing.
        let report = "{{<\(set)}}{{$toc}}{{/toc}}{{$table06}}{{/table06}}{{/\(set)}}\n"
        let declared = try Self.findings(set, ["report.mustache": report], input: Self.sample("s0-rendaban"))
        let name = templates.set.tableName(.basic)
        #expect(
            declared.findings.filter { Self.textRules.contains($0.rule) }.map(\.message) == [
                "模板集声明的\(name)（id=t06）不在报告中：模板没有印这张表，或 @table 没有 id=t06"
            ])
        // The same set without the table in its declaration: nothing to report, and the rules that compare 基本支出
        // with the table name it by its standard title.
        let tables = templates.set.tables.filter { $0.id != "t06" }
        let encoder = JSONEncoder()
        let declaration = String(decoding: try encoder.encode(tables), as: UTF8.self)
        let clean = try Self.findings(
            set, ["report.mustache": report, "set.json": "{\"inherits\": \"\(set)\", \"tables\": \(declaration)}"],
            input: Self.sample("s0-rendaban"))
        #expect(clean.findings.filter { Self.textRules.contains($0.rule) } == [])
        #expect(clean.rendered != nil)
        #expect(try TemplateDirectory.names(set, tables: tables)[.basic] == "一般公共预算财政拨款基本支出决算表")
    }

    // MARK: Done when

    /// Every 第三部分 sentence reworded, without spaces, with the parts of the figures and the helpers: it renders.
    static let reworded = """
        {{<standard}}
        {{$s1}}
        @h2#s1 一、收入情况
        {{#part3.s1}}
        @p {{year}}年收入总计{{total}}万元。本年收入合计{{income.amount}}万元，较上年{{income.change.direction}}{{income.change.delta}}万元{{#income.change.hasPercent}}（{{income.change.trend}}{{#fmt.d1}}{{income.change.percentValue}}{{/fmt.d1}}%）{{/income.change.hasPercent}}。年初结转和结余{{carryIn.amount}}万元，{{carryIn.change.tight}}。
        @p 财政拨款收入{{fiscal.amount}}万元（占{{#fmt.d1}}{{fiscal.shareValue}}{{/fmt.d1}}%），其他收入{{other.amount}}万元（占{{#fmt.d1}}{{other.shareValue}}{{/fmt.d1}}%），事业收入{{business.amount}}万元。
        {{/part3.s1}}
        {{/s1}}
        {{$s2}}
        @h2#s2 二、支出情况
        {{#part3.s2}}
        @p {{year}}年支出总计{{total}}万元，本年支出合计{{expenditure.amount}}万元，{{expenditure.change.tight}}；基本支出{{basic.amount}}万元，占{{basic.share}}；项目支出{{project.amount}}万元，占{{project.share}}；年末结转和结余{{carryOut.amount}}万元。
        {{/part3.s2}}
        {{/s2}}
        {{$s3}}
        @h2#s3 三、财政拨款支出情况
        {{#part3.s3}}
        @p 财政拨款支出年初预算{{budget}}万元，决算{{actual}}万元{{#completion}}，完成{{.}}{{/completion}}。
        {{#items}}
        @p {{#fmt.cnParen}}{{index}}{{/fmt.cnParen}}{{name}}：年初预算{{budget}}万元，决算{{actual}}万元{{#completion}}，完成{{.}}{{/completion}}。
        {{/items}}
        {{/part3.s3}}
        {{/s3}}
        {{$s4}}
        @h2#s4 四、一般公共预算财政拨款基本支出情况
        {{#part3.s4}}
        @p 一般公共预算财政拨款基本支出{{#fmt.yuan}}{{part3.generalBudget.basic.value}}{{/fmt.yuan}}元：工资福利支出{{wages.amount}}万元，{{wages.change.tight}}；商品和服务支出{{goodsAndServices.amount}}万元；对个人和家庭补助支出{{subsidies.amount}}万元；资本性支出{{capital.amount}}万元。
        {{/part3.s4}}
        {{/s4}}
        {{$s5}}
        @h2#s5 五、“三公”经费情况
        {{#part3.s5}}
        @p “三公”经费年初预算{{total.initialBudget}}万元，全年预算{{total.budget}}万元，决算{{total.actual}}万元{{#total.completion}}，完成{{.}}{{/total.completion}}。因公出国（境）费{{abroad.actual}}万元（团组{{abroadGroups}}个）；公务用车购置及运行维护费{{vehiclesActual}}万元，公务用车保有量{{vehiclesHeld}}辆；公务接待费{{reception.actual}}万元，占{{reception.share}}，国内公务接待{{receptionBatches}}批。
        {{/part3.s5}}
        {{/s5}}
        {{$s6}}
        @h2#s6 六、机关运行经费
        {{#part3.s6.costs}}
        @p 机关运行经费{{amount}}万元，上年{{change.prior}}万元。
        {{/part3.s6.costs}}
        {{/s6}}
        {{$s7}}
        @h2#s7 七、政府采购
        {{#part3.s7}}
        @p 政府采购支出总额{{total}}万元；授予中小企业合同金额{{sme}}万元，占{{smeShare}}。
        {{/part3.s7}}
        {{/s7}}
        {{$s8}}
        @h2#s8 八、国有资产占用
        {{#part3.s8}}
        @p 共有车辆{{vehicles}}辆，其中主要负责人用车{{principal}}辆、执法执勤用车{{lawEnforcement}}辆。
        {{/part3.s8}}
        {{/s8}}
        {{/standard}}

        """

    @Test func aLocalityThatRewordsEverySentenceWithoutSpacesRenders() throws {
        for path in samplePaths() {
            let input = try InputLoader.load(path: path).get()
            let checked = try Self.findings("standard", ["report.mustache": Self.reworded], input: input)
            #expect(checked.renderError == nil, "\(path): \(checked.renderError?.description ?? "")")
            #expect(checked.fatal == [], "\(path)")
        }
        let checked = try Self.findings(
            "standard", ["report.mustache": Self.reworded], input: Self.sample("s0-rendaban"))
        let text = TextWriter.write(try #require(checked.rendered).document)
        #expect(text.contains("2024年收入总计2483.65万元。本年收入合计2474.42万元，较上年减少72.46万元（下降2.8%）。"))
        #expect(text.contains("财政拨款收入2443.08万元（占98.7%），其他收入31.35万元（占1.3%）"))
        #expect(text.contains("（一）一般公共服务支出：年初预算1865.88万元"))
        #expect(text.contains("一般公共预算财政拨款基本支出22130800.00元"))
    }

    @Test func aLocalityThatStatesAWrongFigureIsRefusedWithItsTemplateLine() throws {
        // A number typed into the template and a figure placed under the wrong name, in the reworded template.
        let wrong = try Self.replacing(Self.reworded, "年末结转和结余{{carryOut.amount}}万元", "年末结转和结余25.00万元")
            .replacingOccurrences(of: "财政拨款收入{{fiscal.amount}}万元", with: "财政拨款收入{{other.amount}}万元")
        let checked = try Self.findings("standard", ["report.mustache": wrong], input: Self.sample("s0-rendaban"))
        #expect(checked.rendered == nil || !checked.fatal.isEmpty)
        let text = checked.fatal.filter { Self.textRules.contains($0.rule) }
        let lines = wrong.split(separator: "\n", omittingEmptySubsequences: false)
        let carryLine = try #require(lines.firstIndex { $0.contains("年末结转和结余25.00万元") }) + 1
        let fiscalLine = try #require(lines.firstIndex { $0.contains("财政拨款收入{{other.amount}}") }) + 1
        #expect(
            text.map(\.message) == [
                "“财政拨款收入”：正文 31.35 万元，公开02表 合计（财政拨款收入）为 2443.08",
                "“年末结转和结余”：正文 25.00 万元，公开01表 年末结转和结余（行 60）为 25.32",
            ], "\(text)")
        #expect(
            text.map { $0.location.detail.split(separator: ":").dropLast().joined(separator: ":") } == [
                "模板 report:\(fiscalLine)", "模板 report:\(carryLine)",
            ])
    }

    /// A number typed into a template is compared in the form its words give it: a change after 增加/减少, last
    /// year's amount after 上年, a growth rate after 增长/下降; right ones pass.
    @Test func aTypedNumberIsCheckedInTheFormItsWordsGive() throws {
        func section(_ lines: String) -> String {
            "{{<central}}\n{{$s1}}\n@h2#s1 一、收支总体情况\n{{#part3.totals.income}}\n\(lines)\n{{/part3.totals.income}}\n{{/s1}}\n{{/central}}\n"
        }
        let input = try Self.sample("s0-rendaban")
        let right = section(
            "@p {{year}}年收支总计{{amount}}万元，比上年减少92.18万元，下降3.58%。上年收入总计2575.83万元。")
        let passed = try Self.findings("central", ["report.mustache": right], input: input)
        #expect(passed.renderError == nil)
        #expect(passed.fatal == [])
        let wrong = section(
            "@p {{year}}年收支总计{{amount}}万元，比上年减少92.19万元，下降3.5%。上年收入总计2575.82万元。")
        let refused = try Self.findings("central", ["report.mustache": wrong], input: input)
        #expect(
            refused.fatal.map(\.message) == [
                "“收支总计 增减”：正文 92.19 万元，计算结果 92.18",
                "“收支总计 增减幅度”：正文 3.5%，计算结果 3.6%",
                "“收入总计 上年”：正文 2575.82 万元，计算结果 2575.83",
            ])
        #expect(refused.fatal.allSatisfy { $0.location.detail.hasPrefix("模板 report:5:") })
    }

    // MARK: Helpers

    @Test func helpersFormatTheExactFigureAndTheCheckFollowsThem() throws {
        // synthetic-edge-cases is entered in 元: the exact 元 amount is not the rounded 万元 one times 10000.
        let input = try Self.sample("synthetic-edge-cases")
        let exact =
            "{{<standard}}{{$s6}}\n@h2#s6 六、机关运行经费\n@p 机关运行经费{{#fmt.yuanGrouped}}{{part3.s6.costs.value}}{{/fmt.yuanGrouped}}元，上年{{#fmt.d0}}{{part3.s6.costs.change.priorValue}}{{/fmt.d0}}万元，{{#fmt.tight}}{{part3.s6.costs.change.phrase}}{{/fmt.tight}}。\n{{/s6}}{{/standard}}\n"
        let checked = try Self.findings("standard", ["report.mustache": exact], input: input)
        #expect(checked.fatal == [])
        let view = try #require(checked.rendered).view
        let costs = view.part3.s6.costs
        let text = TextWriter.write(try #require(checked.rendered).document)
        let yuan = Format.number((Decimal(string: costs.value)! * 10000), places: 2, grouping: true)
        #expect(text.contains("机关运行经费\(yuan)元，上年"))
        #expect(!text.contains("比上年 "))
        // The rounded 万元 figure times 10000 is not the exact 元 amount: caught.
        let rounded = exact.replacingOccurrences(of: "part3.s6.costs.value", with: "part3.s6.costs.amount")
        let wrong = try Self.findings("standard", ["report.mustache": rounded], input: input)
        let printed = Format.number(Decimal(string: costs.amount)! * 10000, places: 2, grouping: true)
        #expect(
            wrong.fatal.map(\.message) == [
                "“机关运行经费”：正文 \(printed.replacingOccurrences(of: ",", with: "")) 元，计算结果 \(yuan.replacingOccurrences(of: ",", with: ""))"
            ])
    }

    /// Any text: no crash, and text without digits comes back as it was.
    @Test func helpersTakeAnyText() {
        let pieces = ["1", "2", ",", ".", "-", " ", "万元", "%", "，", "a", "1,23", "12,345.6", "-.5", "。"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(state % 8) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let rewritten = TemplateHelpers.replacingNumbers(in: text) { Format.number($0, places: 1) }
            if !text.contains(where: \.isNumber) { #expect(rewritten == text) }
            #expect(
                TemplateHelpers.replacingNumbers(in: text) { $0.description }.filter { !$0.isNumber }.count <= text
                    .count + 1)
        }
    }

    @Test func helpersRewriteNumbersOnly() {
        #expect(
            TemplateHelpers.replacingNumbers(in: "2443.0837 与 -1,234.5", { Format.number($0, places: 1) })
                == "2443.1 与 -1234.5")
        #expect(TemplateHelpers.tight("比上年增加 12.60 万元，增长 5.20%") == "比上年增加12.60万元，增长5.20%")
        #expect(TemplateHelpers.tight("Form A 1") == "Form A 1")
    }

    // MARK: Diagnostics for template authors

    @Test func aBlockTheParentDoesNotDefineIsAnErrorWithItsPosition() throws {
        let checked = try Self.findings(
            "central", ["report.mustache": "{{<central}}\n{{$s11}}\n@p 新增一节\n{{/s11}}\n{{/central}}\n"],
            input: Self.sample("s0-rendaban"))
        let error = try #require(checked.renderError)
        #expect(error.problems == ["模板错误：report:2:1: 父模板“central”没有块 s11，{{$s11}} 的内容不会输出；是不是 s1？（undefined block）"])
    }

    @Test func aMarkupErrorIsReportedAtTheTemplateLineThatProducedIt() throws {
        let checked = try Self.findings(
            "standard",
            [
                "report.mustache":
                    "{{<standard}}\n{{$s7}}\n@h2#s7 七、政府采购\n@para {{part3.s7.total}}\n@p\n{{/s7}}\n{{/standard}}\n"
            ],
            input: Self.sample("s0-rendaban"))
        let error = try #require(checked.renderError)
        #expect(error.problems.count == 2)
        #expect(error.problems[0].hasPrefix("模板生成的标记有误：report:4:1（markup:"))
        #expect(error.problems[0].hasSuffix("：未知指令 @para"))
        #expect(error.problems[1].hasPrefix("模板生成的标记有误：report:5:1（markup:"))
        #expect(error.problems[1].hasSuffix("：@p 缺少文本"))
        #expect(error.markup?.contains("@para 15.60") == true)
    }

    @Test func theLocalObjectReachesTheTemplatesUntouched() throws {
        var input = try Self.sample("s0-rendaban")
        input.local = .object([("contact", .object([("phone", .string("0798-8888888"))])), ("meetings", .number(1.20))])
        let template =
            "{{<standard}}{{$part5}}\n@h1#part5 第五部分 附件\n@p 联系电话：{{local.contact.phone}}，会议费 {{local.meetings}} 万元以外的数不在表中。\n{{/part5}}{{/standard}}\n"
        let checked = try Self.findings("standard", ["report.mustache": template], input: input)
        #expect(checked.fatal == [])
        let text = TextWriter.write(try #require(checked.rendered).document)
        #expect(text.contains("联系电话：0798-8888888，会议费 1.2 万元"))
        let json = String(decoding: try #require(checked.rendered).bytes(.json), as: UTF8.self)
        #expect(json.contains("\"phone\" : \"0798-8888888\""))
        // A key the department file does not have is an error at the template line.
        let missing = template.replacingOccurrences(of: "local.contact.phone", with: "local.contact.fax")
        let error = try #require(try Self.findings("standard", ["report.mustache": missing], input: input).renderError)
        #expect(error.problems.first?.hasPrefix("模板错误：report:3:") == true)
        #expect(error.problems.first?.contains("local.contact.fax") == true)
    }
}
