import Foundation
import Testing

@testable import JueSuan

/// Every rule of the catalogue has a fixture that breaks it and one that passes: the kitchen-sink fixture passes
/// every rule; each case below changes it so that exactly the named rule is broken (other rules may fire too, as a
/// consequence, but the named one must).
@Suite struct RuleTests {
    static func kitchenSink() throws -> DepartmentInput {
        try decodeInput(try fixtureText("kitchen-sink.json"), name: "kitchen-sink.json").get()
    }

    static func findings(_ input: DepartmentInput, templates: ReportTemplates = .standard) -> [Finding] {
        let checked = CheckedReport(input, templates: templates)
        return checked.findings
    }

    static func subjectIndex(_ input: DepartmentInput, _ code: String) -> Int {
        input.subjects.firstIndex { $0.code == code }!
    }

    /// A change that breaks one rule.
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let what: String
        let change: @Sendable (inout DepartmentInput) -> Void
        var testDescription: String { "\(rule) \(what)" }
    }

    static let cases: [Case] = [
        Case(rule: "IN-01", what: "a code outside the 26 categories") { input in
            input.subjects.append(Subject(code: "2090101", name: "测试"))
        },
        Case(rule: "IN-02", what: "a 项 without its 款 row") { input in
            input.subjects.remove(at: subjectIndex(input, "21201"))
        },
        Case(rule: "IN-03", what: "201 named 教育支出") { input in
            input.subjects[subjectIndex(input, "212")].name = "教育支出"
        },
        Case(rule: "IN-04", what: "an economic code not in table 06") { input in
            input.basicExpenditureByEconomicCode.append(EconomicAmount(code: "30119", name: nil, amount: "1"))
        },
        Case(rule: "IN-05", what: "a negative amount") { input in
            input.procurement.works = "-1"
        },
        Case(rule: "IN-05", what: "a negative amount in a dictionary") { input in
            input.fiscalInitialBudget.byCategory["201"] = "-0.01"
        },
        Case(rule: "IN-05", what: "a negative amount in an array") { input in
            input.basicExpenditureByEconomicCode[0].amount = "-5"
        },
        Case(rule: "IN-05", what: "a negative count") { input in
            input.department.staff.other = -1
        },
        Case(rule: "IN-07", what: "外事接待费 above 国内接待费") { input in
            input.threePublic.reception.foreignAffairs = "3"
        },
        Case(rule: "IN-08", what: "a supplied total 0.011 off") { input in
            input.subjects[subjectIndex(input, "2120101")].income?.total = "388.511"
        },
        Case(rule: "IN-08", what: "an amount on a 款 row without 项 (it would be lost)") { input in
            var section = Subject(code: "21299", name: "其他城乡社区支出")
            section.income = SubjectIncome(generalBudget: "5")
            input.subjects.append(section)
        },
        Case(rule: "IN-09", what: "the same code twice") { input in
            input.subjects.append(Subject(code: "2120102", name: "一般行政管理事务"))
        },
        Case(rule: "IN-10", what: "a 款 without 项") { input in
            input.subjects.append(Subject(code: "21299", name: "其他城乡社区支出"))
        },
        Case(rule: "IN-11", what: "离退休人员 not the sum") { input in
            input.department.staff.suppliedRetired = (input.department.staff.suppliedRetired ?? 0) + 1
        },
        Case(rule: "X-07", what: "06 not equal to 05 基本支出") { input in
            input.basicExpenditureByEconomicCode[0].amount = input.basicExpenditureByEconomicCode[0].amount + "1"
        },
        Case(rule: "X-08", what: "财政拨款 above the category's spending") { input in
            let index = subjectIndex(input, "2120102")
            input.subjects[index].generalBudgetExpenditure?.project = "200"
            input.subjects[index].generalBudgetExpenditure?.total = nil
        },
        Case(rule: "X-09", what: "05 基本支出 above 03") { input in
            let index = subjectIndex(input, "2120101")
            input.subjects[index].generalBudgetExpenditure?.basic = "331"
            input.subjects[index].generalBudgetExpenditure?.total = nil
        },
        Case(rule: "X-10", what: "06 公务接待费 above 09") { input in
            input.threePublic.reception.domestic = "1"
            input.threePublic.reception.foreignAffairs = "0"
            input.threePublic.suppliedTotal = nil
        },
        Case(rule: "X-11", what: "more vehicles held than owned") { input in
            input.threePublic.statistics.vehiclesHeld = 99
        },
        Case(rule: "X-12", what: "spending above what there is") { input in
            let index = subjectIndex(input, "2120102")
            input.subjects[index].income?.generalBudget = "1"
            input.subjects[index].income?.total = nil
        },
        Case(rule: "P-01", what: "this year's 年初 not last year's 年末") { input in
            input.priorYear.carryOut = "40"
        },
        Case(rule: "P-02", what: "last year's figures not balancing") { input in
            input.priorYear.income = "510"
        },
        Case(rule: "IN-08", what: "last year's 三公 total (核对用) not the sum") { input in
            input.priorYear.threePublic?.suppliedTotal = "13.5"
        },
        Case(rule: "IN-08", what: "a 06 group code off its leaves") { input in
            input.basicExpenditureByEconomicCode.append(EconomicAmount(code: "302", name: nil, amount: "45"))
        },
        Case(rule: "IN-08", what: "a 合计 row (subjectTotals) off its leaves") { input in
            input.subjectTotals?.expenditure?.basic = "337"
        },
        Case(rule: "IN-12", what: "an amount on a 类 row") { input in
            input.subjects[subjectIndex(input, "212")].income = SubjectIncome(total: "538.50")
        },
        Case(rule: "IN-13", what: "a merge outside its table") { input in
            guard case .table(var table) = input.annex[3] else { return }
            table.merges = ["A1:C1"]
            input.annex[3] = .table(table)
        },
        Case(rule: "IN-14", what: "an amount that prints as 0.00") { input in
            input.procurement.works = "0.004"
            input.procurement.suppliedTotal = nil
        },
        Case(rule: "X-13", what: "a fully fiscal 项 without its 一般公共预算 spending") { input in
            input.subjects[subjectIndex(input, "2120101")].generalBudgetExpenditure = nil
        },
        Case(rule: "R-06", what: "a reason for a 类 the department does not have") { input in
            input.reasons.categories?["201"] = "不会印出的原因"
        },
        Case(rule: "E-05", what: "more projects than 自评表") { input in
            input.performance.selfEvaluation.grades.poor = 1
        },
        Case(rule: "P-04", what: "a prior-year figure left out") { input in
            input.priorYear.income = nil
        },
        Case(rule: "R-01", what: "a 13.7% rise without a reason") { input in
            input.reasons.income = nil
        },
        Case(rule: "R-02", what: "决算 ≠ 年初预算 without a reason") { input in
            input.reasons.categories?["212"] = nil
        },
        Case(rule: "R-03", what: "三公 决算 ≠ 全年预算 without a reason") { input in
            input.reasons.threePublic?.abroad?.budget = nil
        },
        Case(rule: "R-04", what: "receptions without 主要是") { input in
            input.reasons.threePublic?.reception?.description = nil
        },
        Case(rule: "R-05", what: "a 项 without a standard definition and no glossary") { input in
            input.glossary?.expenditure = nil
        },
        Case(rule: "E-01", what: "分值 not adding to 100") { input in
            input.performance.selfEvaluationTables[0].indicators[0].weight += 1
            input.performance.selfEvaluationTables[0].suppliedTotalScore = nil
        },
        Case(rule: "E-02", what: "a score above its weight") { input in
            let weight = input.performance.selfEvaluationTables[0].indicators[0].weight
            input.performance.selfEvaluationTables[0].indicators[0].score = weight + 1
            input.performance.selfEvaluationTables[0].suppliedTotalScore = nil
        },
        Case(rule: "E-03", what: "a supplied 总分 not the sum") { input in
            input.performance.selfEvaluationTables[0].suppliedTotalScore =
                (input.performance.selfEvaluationTables[0].suppliedTotalScore ?? 0) + 1
        },
        Case(rule: "E-04", what: "self-evaluated funds above 项目支出") { input in
            input.performance.selfEvaluation.amount = "200"
        },
    ]

    @Test func kitchenSinkPassesEveryRule() throws {
        #expect(Self.findings(try Self.kitchenSink()) == [])
    }

    @Test(arguments: cases)
    func caseBreaksItsRule(_ testCase: Case) throws {
        var input = try Self.kitchenSink()
        testCase.change(&input)
        let rules = Set(Self.findings(input).map(\.rule))
        #expect(rules.contains(testCase.rule), "fired: \(rules.sorted())")
    }

    /// Every rule that is checked on a department has a breaking case here, in `TextRuleTests` or in
    /// `WorkbookTests`.
    @Test func everyCheckedRuleHasACase() {
        let covered = Set(Self.cases.map(\.rule) + TextRuleTests.rules + WorkbookTests.rules)
        let checked = RuleCatalogue.all.filter { $0.kind == .checked }.map(\.id)
        #expect(checked.filter { !covered.contains($0) } == [])
    }

    @Test func ruleIdsAreUnique() {
        let ids = RuleCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    /// Input in 万元: a supplied total within n × 0.005 of its leaves is a 提示 that names both figures and the bound;
    /// beyond it, fatal. The row total of 2120101 adds 6 rounded income figures, and is itself one: n = 7, 0.035.
    @Test(arguments: [("0.01", Severity.info), ("0.035", .info), ("0.036", .fatal)])
    func roundingBoundOnSuppliedTotals(offset: String, severity: Severity) throws {
        var input = try Self.kitchenSink()
        let index = Self.subjectIndex(input, "2120101")
        input.subjects[index].income?.total = "388.5" + Amount(stringLiteral: offset)
        let findings = Self.findings(input).filter { $0.rule == "IN-08" }
        #expect(findings.map(\.severity) == [severity])
        #expect(findings.first?.location.inputPath == "$.subjects[2].income.total")
        let shown = Format.amount("388.5" + Amount(stringLiteral: offset))
        let difference = Format.amount(Amount(stringLiteral: offset))
        let head = "本年收入合计填写的合计 \(shown) 万元，由明细计算为 388.50 万元；相差 \(difference) 万元，"
        #expect(
            findings.first?.message
                == head
                + (severity == .info
                    ? "在舍入误差范围（7 个数 × 0.005 = 0.035 万元）之内（公开表的数分别四舍五入，报告照印，并有尾数误差说明）"
                    : "超出舍入误差范围（7 个数 × 0.005 = 0.035 万元）：请核对填写的合计和它的明细（合计可以不填，程序会计算）"))
    }

    /// Input in 元 keeps the 0.01 万元 tolerance, without a 提示: 0.009 and 0.010 pass silently, 0.011 fails.
    @Test(arguments: [("0.009", false), ("0.010", false), ("0.011", true)])
    func toleranceOnSuppliedTotalsInYuan(offset: String, fires: Bool) throws {
        var input = try Self.kitchenSink()
        input.unit = .yuan
        let index = Self.subjectIndex(input, "2120101")
        input.subjects[index].income?.total = "388.5" + Amount(stringLiteral: offset)
        let findings = Self.findings(input).filter { $0.rule == "IN-08" }
        #expect(findings.isEmpty != fires)
        if fires {
            #expect(
                findings.first?.message
                    == "本年收入合计填写的合计 388.51 万元，由明细计算为 388.50 万元；相差 0.01 万元，超出容差（0.01 万元）："
                    + "请核对填写的合计和它的明细（合计可以不填，程序会计算）")
            #expect(findings.first?.severity == .fatal)
        }
    }

    /// X-07 in 万元: 05 基本支出 adds 1 项 figure, 06 adds 17 leaves: the bound is 18 × 0.005 = 0.09 万元.
    @Test func x07RoundingBound() throws {
        var input = try Self.kitchenSink()
        input.basicExpenditureByEconomicCode[0].amount = input.basicExpenditureByEconomicCode[0].amount + "0.09"
        let within = Self.findings(input).filter { $0.rule == "X-07" }
        #expect(within.map(\.severity) == [.info])
        #expect(
            within.first?.message
                == "由明细计算：公开05表 基本支出 310.00 万元，公开06表 人员经费合计 243.09 万元 + 公用经费合计 67.00 万元 = 310.09 万元；"
                + "相差 0.09 万元，在舍入误差范围（18 个数 × 0.005 = 0.09 万元）之内（公开表的数分别四舍五入，报告照印，并有尾数误差说明）")
        input.basicExpenditureByEconomicCode[0].amount = input.basicExpenditureByEconomicCode[0].amount + "0.001"
        #expect(Self.findings(input).filter { $0.rule == "X-07" }.map(\.severity) == [.fatal])
        // In 元 the same gap is beyond the 0.01 万元 tolerance; 0.01 passes without a note.
        input.unit = .yuan
        #expect(Self.findings(input).filter { $0.rule == "X-07" }.map(\.severity) == [.fatal])
        input.basicExpenditureByEconomicCode[0].amount =
            try Self.kitchenSink().basicExpenditureByEconomicCode[0].amount
            + "0.01"
        #expect(!Self.findings(input).contains { $0.rule == "X-07" })
    }

    @Test func messagesNameTheFiguresAndThePlace() throws {
        var input = try Self.kitchenSink()
        input.subjects[Self.subjectIndex(input, "212")].name = "教育支出"
        input.threePublic.statistics.vehiclesHeld = 99
        input.reasons.income = nil
        let findings = Self.findings(input)
        let byRule = Dictionary(findings.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byRule["IN-03"]?.severity == .fatal)
        #expect(byRule["IN-03"]?.message == "科目 212 的名称应为“城乡社区支出”，实际为“教育支出”")
        #expect(byRule["IN-03"]?.location.inputPath == "$.subjects[0].name")
        #expect(byRule["X-11"]?.message == "公开09表 公务用车保有量 99 辆大于公开10表 车辆数合计 8 辆")
        #expect(byRule["R-01"]?.severity == .warning)
        #expect(byRule["R-01"]?.location.inputPath == "$.reasons.income")
        #expect(byRule["R-01"]?.location.place == "第三部分 一 本年收入合计")
    }

    @Test func rulesReferenceIsUpToDate() throws {
        let onDisk = try String(contentsOf: packageRoot.appendingPathComponent("docs/RULES.md"), encoding: .utf8)
        #expect(onDisk == RuleCatalogue.markdownReference(), "run: swift run juesuan rules > docs/RULES.md")
    }

    /// The three seed departments have no fatal finding; their warnings are the ones listed in the issue note.
    @Test func seedSamplesHaveNoFatalFinding() throws {
        for path in samplePaths() {
            let input = try InputLoader.load(path: path).get()
            #expect(CheckedReport(input).fatal == [], "\(path)")
        }
    }
}

/// The table-to-text rules guard the templates: a template that prints the wrong figure is caught.
@Suite struct TextRuleTests {
    static let rules = ["TX-01", "TX-02", "N-01"]

    /// Findings of the kitchen-sink department rendered with a template that replaces `block` with `body`.
    static func findings(block: String, body: String) throws -> [Finding] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-tx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{{<standard}}{{$\(block)}}\n\(body)\n{{/\(block)}}{{/standard}}\n"
            .write(to: directory.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        let input = try RuleTests.kitchenSink()
        return RuleTests.findings(input, templates: try ReportTemplates(directory: directory))
    }

    @Test func anAmountFromTheWrongCellIsCaught() throws {
        let findings = try Self.findings(
            block: "s1",
            body: """
                @h2#s1 一、收入决算情况说明
                @p 本部门 {{year}} 年度收入总计 {{part3.s1.income.amount}} 万元。
                """)
        let tx = findings.filter { $0.rule == "TX-01" }
        #expect(tx.contains { $0.message == "“收入总计”：正文 568.50 万元，公开01表 总计（行 31）为 618.50" })
        #expect(tx.allSatisfy { $0.severity == .fatal })
    }

    @Test func aWrongShareIsCaught() throws {
        let findings = try Self.findings(
            block: "s1",
            body: """
                @h2#s1 一、收入决算情况说明
                {{#part3.s1}}
                @p 本部门 {{year}} 年度收入总计 {{total}} 万元，其中年初结转和结余 {{carryIn.amount}} 万元，{{carryIn.change.phrase}}；使用非财政拨款结余（含专用结余）{{nonFiscalBalanceUsed.amount}} 万元，{{nonFiscalBalanceUsed.change.phrase}}；本年收入合计 {{income.amount}} 万元，{{income.change.phrase}}。
                @p 本年收入的具体构成：财政拨款收入 {{fiscal.amount}} 万元，占 {{business.share}}；事业收入 {{business.amount}} 万元，占 {{business.share}}；经营收入 {{operating.amount}} 万元，占 {{operating.share}}；上级补助收入 {{superiorSubsidy.amount}} 万元，占 {{superiorSubsidy.share}}；附属单位上缴收入 {{affiliated.amount}} 万元，占 {{affiliated.share}}；其他收入 {{other.amount}} 万元，占 {{other.share}}。
                {{/part3.s1}}
                """)
        let tx = findings.filter { $0.rule == "TX-02" }
        #expect(tx.map(\.message) == ["“财政拨款收入 占”：正文 7.04%，计算结果 87.95%"])
        #expect(tx.map(\.location.detail) == ["模板 report:5:44"])
    }

    @Test func aCompletionRateOnAZeroBudgetIsCaught() throws {
        let findings = try Self.findings(
            block: "s7",
            body: """
                @h2#s7 七、政府采购支出情况说明
                @p 政府采购全年预算数 0.00 万元，决算数 0.00 万元，完成全年预算的 100.00%。
                """)
        #expect(findings.filter { $0.rule == "N-01" }.count == 1)
    }

    @Test func aMissingSectionIsCaught() throws {
        let findings = try Self.findings(block: "s8", body: "@h2#s8 八、资产情况\n@p 本节省略。")
        #expect(findings.contains { $0.rule == "TX-01" && $0.message == "报告中找不到“国有资产占用情况说明”一节" })
    }

    @Test func theStandardTemplatesPassTheTextRulesOnEverySample() throws {
        for path in samplePaths() {
            let input = try InputLoader.load(path: path).get()
            let text = CheckedReport(input).findings.filter { Self.rules.contains($0.rule) }
            #expect(text == [], "\(path)")
        }
    }
}
