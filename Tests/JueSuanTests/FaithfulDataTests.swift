import Documents
import Foundation
import Testing

@testable import JueSuan

/// Issue 13: real departments' data as they have it — figures rounded to 0.01 万元 cell by cell, official totals,
/// and the impossible reports that such data must not produce.
@Suite struct FaithfulDataTests {
    static func sample(_ name: String) throws -> DepartmentInput {
        try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/\(name).json").path).get()
    }

    static func index(_ input: DepartmentInput, economic code: String) throws -> Int {
        try #require(input.basicExpenditureByEconomicCode.firstIndex { $0.code == code })
    }

    /// The printed cell of a table, by sheet, row label and column (body rows, as the txt shows them).
    static func cell(_ report: RenderedReport, _ sheet: String, label: String, column: Int, labelColumn: Int = 0)
        -> String?
    {
        for case .table(let table) in report.document.blocks where table.sheetName == sheet {
            let rows = TableGrid(rows: table.body, columnCount: table.columns.count).texts
            return rows.first { $0[labelColumn] == label }?[column]
        }
        return nil
    }

    /// Done when: S0's 06 leaves each moved by 0.01 万元 so that 05 and 06 differ by 0.03 render with a 提示 and no
    /// fatal finding; each table prints what its own leaves give. A 0.5 万元 gap stays fatal.
    @Test func leavesMovedByACentGiveANoteNotARefusal() throws {
        var input = try Self.sample("s0-rendaban")
        // As a published report would: three leaves each 0.01 above, the 302 group total printed as published.
        for code in ["30101", "30102", "30103"] {
            input.basicExpenditureByEconomicCode[try Self.index(input, economic: code)].amount += "0.01"
        }
        input.basicExpenditureByEconomicCode[try Self.index(input, economic: "301")].amount += "0.03"
        input.basicExpenditureTotals?.personnel = "2053.56"
        let checked = CheckedReport(input)
        #expect(checked.fatal == [])
        let x07 = checked.findings.filter { $0.rule == "X-07" }
        #expect(x07.map(\.severity) == [.info])
        #expect(
            x07.first?.message
                == "由明细计算：公开05表 基本支出 2213.08 万元，公开06表 人员经费合计 2053.56 万元 + 公用经费合计 159.54 万元 = "
                + "2213.10 万元；相差 0.02 万元，在舍入误差范围（43 个数 × 0.005 = 0.215 万元）之内（公开表的数分别四舍五入，"
                + "报告照印，并有尾数误差说明）")
        let report = try #require(checked.rendered)
        // 05 prints its own 合计, 06 its own (the official 人员经费合计), and the note on 尾数误差 stays.
        #expect(Self.cell(report, "公开05表", label: "合计", column: 5) == "2,213.08")
        #expect(Self.cell(report, "公开06表", label: "人员经费合计", column: 2) == "2,053.56")
        #expect(Self.cell(report, "公开06表", label: "30101", column: 2) == "202.40")
        let text = String(decoding: try report.bytes(.txt), as: UTF8.self)
        #expect(text.contains("本套报表金额单位转换时可能存在尾数误差。"))

        // A 0.5 万元 gap is beyond any rounding: fatal, with what to change.
        var wrong = try Self.sample("s0-rendaban")
        wrong.basicExpenditureByEconomicCode[try Self.index(wrong, economic: "30199")].amount += "0.50"
        let refused = CheckedReport(wrong)
        #expect(refused.rendered == nil)
        #expect(
            refused.fatal.filter { $0.rule == "X-07" }.map(\.message) == [
                "由明细计算：公开05表 基本支出 2213.08 万元，公开06表 人员经费合计 2054.03 万元 + 公用经费合计 159.54 万元 = "
                    + "2213.57 万元；相差 0.49 万元，超出舍入误差范围（43 个数 × 0.005 = 0.215 万元）：公开06表"
                    + "（basicExpenditureByEconomicCode）是一般公共预算财政拨款基本支出按经济分类的明细，合计应等于各项级科目 "
                    + "generalBudgetExpenditure.basic 之和；请核对两边的明细"
            ])
    }

    /// Done when: the impossible report of the issue — a fully fiscal 项 whose 一般公共预算 spending was left out, so
    /// that 04 年末财政拨款结转和结余 is larger than 01 年末结转和结余 — is refused, and the message names the 项.
    @Test func aPartLargerThanItsWholeIsRefused() throws {
        var input = try Self.sample("s4-zhushanquweiban")
        let index = try #require(input.subjects.firstIndex { $0.code == "2210201" })
        input.subjects[index].generalBudgetExpenditure = nil
        let checked = CheckedReport(input)
        #expect(checked.rendered == nil)
        let x13 = checked.fatal.filter { $0.rule == "X-13" }
        #expect(
            x13.map(\.message) == [
                "由明细计算：公开04表 年末财政拨款结转和结余 15.40 万元大于公开01表 年末结转和结余 9.63 万元（非财政拨款部分为 -5.77 万元）；"
                    + "相差 5.77 万元，超出舍入误差范围（25 个数 × 0.005 = 0.125 万元）：以下项级科目有财政拨款收入和本年支出，"
                    + "却没有填财政拨款支出（generalBudgetExpenditure 等）：2210201 住房公积金；由财政拨款负担的支出请填入 05、07、08 表对应字段"
            ])
        #expect(x13.first?.location.place == "公开04表 行 60；公开01表 行 60")
    }

    /// A faithful transcription of each seed (its published totals entered as printed) renders with no fatal finding;
    /// the published totals are printed, each checked against its leaves (IN-08 提示 where they differ).
    @Test(arguments: ["s0-rendaban", "s2-shizhengfuban", "s4-zhushanquweiban"])
    func faithfulTranscriptionsRender(name: String) throws {
        let input = try Self.sample(name)
        let checked = CheckedReport(input)
        #expect(checked.fatal == [])
        #expect(checked.findings.filter { $0.rule == "IN-08" }.allSatisfy { $0.severity == .info })
        #expect(Accounts(input).printsOfficialTotals)
        let report = try #require(checked.rendered)
        let published: [(String, String, Int, String)] =
            switch name {
            case "s0-rendaban":
                [
                    ("公开01表", "本年收入合计", 2, "2,474.42"), ("公开01表", "总计", 2, "2,483.65"),
                    // The row of 人员经费合计 carries 公用经费合计 in its last column.
                    ("公开06表", "人员经费合计", 8, "159.55"),
                ]
            case "s2-shizhengfuban":
                [("公开03表", "合计", 4, "2,336.27"), ("公开06表", "301", 2, "1,784.31")]
            default:
                [("公开03表", "2013101", 4, "169.67"), ("公开06表", "人员经费合计", 2, "117.47")]
            }
        for (sheet, label, column, value) in published {
            #expect(Self.cell(report, sheet, label: label, column: column) == value, "\(sheet) \(label)")
        }
    }

    /// The identity of a printed figure: official where the input states one (万元), derived otherwise; the rules
    /// see the derived figures. In 元 the same totals are only checked (derive, then round once).
    @Test func officialOrDerived() throws {
        var input = try Self.sample("s0-rendaban")
        let printed = Accounts(input)
        #expect(printed.incomeTotal == "2474.42")
        #expect(printed.derivedFromLeaves.incomeTotal == "2474.43")
        #expect(printed.table06.amount("302") == "146.95")
        #expect(printed.derivedFromLeaves.table06.amount("302") == "146.94")
        #expect(printed.carryOut == "25.32")
        #expect(printed.derivedFromLeaves.carryOut == "25.33")
        // A figure without its own official total is computed from the printed ones: 总计 = 2474.42 + 0 + 9.23.
        #expect(printed.grandTotal == "2483.65")
        input.unit = .yuan
        let yuan = Accounts(input)
        #expect(!yuan.printsOfficialTotals)
        #expect(yuan.incomeTotal == "2474.43")
    }
}

/// Each new message, asserted in full, with its input path.
@Suite struct NewMessageTests {
    static func findings(_ change: (inout DepartmentInput) -> Void) throws -> [Finding] {
        var input = try RuleTests.kitchenSink()
        change(&input)
        return RuleTests.findings(input)
    }

    static func messages(_ rule: String, _ change: (inout DepartmentInput) -> Void) throws -> [String] {
        try findings(change).filter { $0.rule == rule }.map { "\($0.location.inputPath)：\($0.message)" }
    }

    static func annexTable(_ input: inout DepartmentInput, _ change: (inout ContentTable) -> Void) {
        guard case .table(var table) = input.annex[3] else { return }
        change(&table)
        input.annex[3] = .table(table)
    }

    @Test func contentTables() throws {
        let path = "$.annex[3].table"
        #expect(
            try Self.messages("IN-13") { Self.annexTable(&$0) { $0.widths = [2, 0, 1] } } == [
                "\(path).widths：列宽有 3 个数，表格有 2 列：每列写一个数", "\(path).widths[1]：列宽须为正数，实际为 0",
            ])
        let merges: [(String, String)] = [
            ("A1", "合并范围“A1”无效：应写成左上和右下两个单元格，如 A1:C1"),
            ("B2:A1", "合并范围“B2:A1”的起点应在左上、终点在右下，如 A1:C2"),
            ("B1:B1", "合并范围“B1:B1”只有一个单元格，不需要合并：请删去"),
            ("A3:A4", "合并范围“A3:A4”超出表格（表格有 3 行 2 列，右下角是 B3）"),
            ("A2:A3", "合并范围“A2:A3”跨过了表头（前 2 行）和表体：表头和表体分别合并，请拆成两个范围或调整 headerRows"),
            ("A1:B1", "单元格 B1 在合并范围 A1:B1 之内，其中的文字“金额”不会印出：请把文字写在 A1，B1 留空 \"\""),
        ]
        for (range, message) in merges {
            let found = try Self.findings { Self.annexTable(&$0) { $0.merges = [range] } }.filter { $0.rule == "IN-13" }
            #expect(found.map(\.message) == [message], "\(range)")
            #expect(found.allSatisfy { $0.severity == .fatal })
        }
        #expect(
            try Self.messages("IN-13") { Self.annexTable(&$0) { $0.merges = ["A1:A2", "A2:B2"] } }.first
                == "\(path).merges[1]：合并范围“A2:B2”与 merges[0]“A1:A2”重叠")
        #expect(
            try Self.messages("IN-13") { Self.annexTable(&$0) { $0.sheet = "公开01表" } } == [
                "\(path).sheet：工作表名称“公开01表”已被公开表使用，请换一个"
            ])
        #expect(
            try Self.messages("IN-13") { Self.annexTable(&$0) { $0.sheet = "附件 1" } } == [
                "\(path).sheet：工作表名称“附件 1”不能含空格和 : \\ / ? * [ ]，也不能以 ' 开头或结尾"
            ])
        #expect(
            try Self.messages("IN-13") { Self.annexTable(&$0) { $0.sheet = "自评结果" } } == [
                "\(path).sheet：工作表名称“自评结果”已被$.performance.selfEvaluationText[3].table使用，请换一个"
            ])
    }

    @Test func amountsThatLookLikeTheWrongUnit() throws {
        // 元 figures under 万元: every amount 10,000 times too large.
        let scaled = Self.scaled(try FaithfulDataTests.sample("s0-rendaban"), by: 10_000)
        #expect(
            RuleTests.findings(scaled).filter { $0.rule == "IN-14" }.map { "\($0.location.inputPath)：\($0.message)" }
                == [
                    "$.unit：一半以上的金额在 10000 万元（1 亿元）以上（中位数 288100.00 万元）：金额像是以元填写的；若是，请把 unit 改为 \"元\""
                ])
        // 万元 figures under 元: most amounts below 1000 元.
        var wanAsYuan = Self.scaled(try FaithfulDataTests.sample("s0-rendaban"), by: Decimal(string: "0.0001")!)
        wanAsYuan.unit = .yuan
        #expect(
            RuleTests.findings(wanAsYuan).filter { $0.rule == "IN-14" }.map { "\($0.location.inputPath)：\($0.message)" }
                == [
                    "$.unit：一半以上的金额不到 1000 元（中位数 102.95 元）：金额像是以万元填写的；若是，请把 unit 改为 \"万元\""
                ])
        // One amount that prints as 0.00 — the cause of a completion rate on a “zero” budget.
        #expect(
            try Self.messages("IN-14") { $0.threePublic.abroad.adjustedBudget = "0.004" } == [
                "$.threePublic.abroad.adjustedBudget：金额 0.004 万元在报告中印为 0.00 万元：请核对金额和单位"
            ])
        var yuan = try RuleTests.kitchenSink()
        yuan.unit = .yuan
        yuan.threePublic.abroad.adjustedBudget = "0.0045"
        #expect(
            RuleTests.findings(yuan).filter { $0.rule == "IN-14" }.map(\.message) == [
                "金额 45.00 元在报告中印为 0.00 万元：若这个数是以万元填写的，请改成元（乘以 10000）"
            ])
        // The report then writes no completion rate on that budget (N-01 cannot fire).
        let view = ReportView.build(Accounts(yuan))
        #expect(view.part3.s5.abroad.budget == "0.00")
        #expect(view.part3.s5.abroad.completion == nil)
    }

    /// Every amount of the tables multiplied by `factor` (as if typed in the other unit).
    static func scaled(_ input: DepartmentInput, by factor: Decimal) -> DepartmentInput {
        var input = input
        func scale(_ amount: Amount?) -> Amount? { amount.map { Amount($0.value * factor) } }
        for index in input.subjects.indices {
            for column in SubjectColumn.allCases {
                let stated = SubjectColumn.stated(
                    income: input.subjects[index].income, expenditure: input.subjects[index].expenditure,
                    generalBudget: input.subjects[index].generalBudgetExpenditure,
                    fund: input.subjects[index].governmentFund,
                    stateCapital: input.subjects[index].stateCapitalExpenditure
                ).first { $0.0 == column }
                if let (_, amount) = stated { column.set(scale(amount), in: &input.subjects[index]) }
            }
        }
        input.basicExpenditureByEconomicCode = input.basicExpenditureByEconomicCode.map {
            EconomicAmount(code: $0.code, name: $0.name, amount: Amount($0.amount.value * factor))
        }
        return input
    }

    @Test func textsThatAreNotPrinted() throws {
        #expect(
            try Self.messages("R-06") { $0.reasons.categories?["201"] = "不会印出的原因" } == [
                "$.reasons.categories.201：类 201 一般公共服务支出没有财政拨款支出，第三部分 三 不列这一类；填写的内容不会印出"
            ])
        #expect(
            try Self.messages("R-06") {
                $0.fiscalInitialBudget.byCategory["223"] = "28.00"
                $0.fiscalInitialBudget.suppliedTotal = nil
            } == [
                "$.reasons.categories.223：决算数与年初预算数相同，不写预决算差异原因；填写的内容不会印出"
            ])
        #expect(
            try Self.messages("R-06") { $0.priorYear.income = "568.50" } == [
                "$.reasons.income：与上年持平，这里不写变动原因；填写的内容不会印出"
            ])
        #expect(
            try Self.messages("R-06") {
                $0.assets.vehicles.other = 0
                $0.assets.vehicles.suppliedTotal = nil
            } == ["$.reasons.otherVehiclesUse：没有其他用车（assets.vehicles.other 为 0），不写用途；填写的内容不会印出"])
    }

    @Test func projectCountsAndOfficialRows() throws {
        #expect(
            try Self.messages("E-05") { $0.performance.selfEvaluation.grades.poor = 1 } == [
                "$.performance.selfEvaluation.grades：写开展自评的二级项目 3 个，（二）有 2 张项目支出绩效自评表：请核对评价结果个数，或补齐自评表"
            ])
        #expect(
            try Self.messages("E-05") { $0.performance.selfEvaluation.gradeSentence = .singleProject } == [
                "$.performance.selfEvaluation.gradeSentence：“单个项目”的写法要求恰好 1 个自评项目和 1 张自评表（实际 2 个项目、2 张表），报告改印各档个数"
            ])
        let rows = try Self.findings {
            $0.subjects[0].income = SubjectIncome(generalBudget: "410.00", total: "538.50")
            $0.basicExpenditureByEconomicCode.append(EconomicAmount(code: "302", name: nil, amount: "44.00"))
        }.filter { $0.rule == "IN-12" }
        #expect(rows.allSatisfy { $0.severity == .info })
        #expect(
            rows.map { "\($0.location.inputPath)：\($0.message)" } == [
                "$.subjects[0]：类 212 行上的金额（一般公共预算财政拨款收入、本年收入合计）是公开表印出的合计（官方数）：与下级明细之和核对，报告印这些数",
                "$.basicExpenditureByEconomicCode[17]：经济分类 302 是合计行，44.00 万元是公开表印出的合计（官方数）：与下级明细之和核对，报告印这些数",
            ])
    }
}
