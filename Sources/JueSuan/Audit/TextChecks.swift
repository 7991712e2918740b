import Foundation

// The checks of 第三部分 beyond equal amounts: every share, year-on-year percentage and completion rate against the
// amounts it is computed from, with the rounding of each printed figure (a percentage that some values within the
// printed figures' rounding reach is a 提示 at most); the forms of the year-on-year phrases; the reasons a change or a
// budget difference calls for; the head-counts of 第一部分; §九 and the 自评表; last year's figures the text implies;
// and the figures one table may not exceed in another.

/// A figure a percentage is computed from: its printed value and how far the value it rounds may be from it.
struct Operand {
    var value: Decimal
    var half: Decimal
    /// As printed (a sum as `a + b`).
    var text: String

    static func exact(_ value: Decimal) -> Operand { Operand(value: value, half: 0, text: Format.number(value)) }
}

struct TextChecks {
    let report: PublishedReport
    let book: FigureBook
    var findings: [AuditFinding] = []

    init(_ report: PublishedReport, book: FigureBook) {
        self.report = report
        self.book = book
    }

    static func run(_ report: PublishedReport, book: FigureBook) -> [AuditFinding] {
        var checks = TextChecks(report, book: book)
        checks.shares()
        checks.changes()
        checks.completions()
        checks.procurement()
        checks.reasons()
        checks.overview()
        checks.performance()
        checks.priorYear()
        checks.limits()
        return checks.findings
    }

    // MARK: - Operands

    /// The operand of `keys` added up; nil when one is absent.
    func operand(_ keys: [FigureKey]) -> Operand? {
        var value = Decimal.zero
        var half = Decimal.zero
        var texts: [String] = []
        for key in keys {
            switch book[key] {
            case .absent: return nil
            case .blank: continue
            case .printed(let number):
                value += number.value
                if !number.value.isZero { half += number.halfUnit }
                texts.append(number.text.replacingOccurrences(of: ",", with: ""))
            }
        }
        return Operand(value: value, half: half, text: texts.isEmpty ? "0" : texts.joined(separator: " + "))
    }

    /// The ways to read a clause's figure: from the tables (where the text repeats a table figure) and as the text
    /// prints it.
    func alternatives(_ clause: String, _ name: String) -> [Operand] {
        var result: [Operand] = []
        if let keys = IdentityBuilder.tableFigures(clause, name), let operand = operand(keys) { result.append(operand) }
        if let operand = operand([.t(clause, name)]), !result.contains(where: { $0.value == operand.value }) {
            result.append(operand)
        }
        return result
    }

    // MARK: - Percentages

    /// The range of `formula` over the operands' rounding intervals (nil when a denominator can be 0 within them).
    static func range(_ operands: [Operand], _ formula: ([Decimal]) -> Decimal?) -> (Decimal, Decimal)? {
        var low: Decimal?
        var high: Decimal?
        for corner in 0..<(1 << operands.count) {
            var values: [Decimal] = []
            for (index, operand) in operands.enumerated() {
                values.append(operand.value + (corner & (1 << index) == 0 ? -operand.half : operand.half))
            }
            guard let value = formula(values) else { return nil }
            low = min(low ?? value, value)
            high = max(high ?? value, value)
        }
        guard let low, let high else { return nil }
        return (low, high)
    }

    /// Checks a printed percentage: an error when no values within the operands' rounding reach it, a 提示 when
    /// they do but the printed figures give another value.
    mutating func checkPercent(
        _ rule: AuditRule, place: String, stated: PrintedNumber, alternatives: [[Operand]],
        formula: @escaping ([Decimal]) -> Decimal?, describe: ([Operand]) -> String, severity: Severity? = nil
    ) {
        guard let first = alternatives.first else { return }
        let low = stated.value - stated.halfUnit
        let high = stated.value + stated.halfUnit
        var reachable = false
        var exact = false
        for operands in alternatives {
            if let nominal = formula(operands.map(\.value)),
                Format.rounded(nominal, places: stated.places) == stated.value
            {
                exact = true
            }
            guard let (lo, hi) = Self.range(operands, formula) else {
                reachable = true
                continue
            }
            if lo <= high && hi >= low { reachable = true }
        }
        if exact { return }
        guard let nominal = formula(first.map(\.value)) else { return }
        let expected = Format.percent(nominal)
        let computation = "\(describe(first)) = \(expected)"
        if reachable {
            var span = ""
            if let (lo, hi) = Self.range(first, formula) {
                span = "（\(Format.percent(lo))–\(Format.percent(hi))）"
            }
            findings.append(
                AuditFinding(
                    rule: rule, severity: .info, place: place, line: stated.line, stated: stated.text + "%",
                    expected: expected, computation: computation,
                    message:
                        "\(place)：正文 \(stated.text)%，按所印金额计算为 \(expected)（\(computation)）；在所印金额的舍入范围内可以得到\(span)，是由元级数据计算的尾差，不是错误"
                ))
        } else {
            findings.append(
                AuditFinding(
                    rule: rule, severity: severity, place: place, line: stated.line, stated: stated.text + "%",
                    expected: expected, computation: computation,
                    message: "\(place)：正文 \(stated.text)%，应为 \(expected)（\(computation)）"))
        }
    }

    private mutating func shares() {
        let income = alternatives("s1.income", "amount")
        for clause in report.clauses where clause.key.hasPrefix("s1.share.") {
            guard let stated = clause.figures["share"] else { continue }
            let parts = alternatives(clause.key, "amount")
            checkShare(clause, stated: stated, parts: parts, wholes: income, wholeName: "本年收入合计")
        }
        var spending = alternatives("s2.expenditure", "amount")
        if let total = operand([.c(.t03, "", "total")]), !spending.contains(where: { $0.value == total.value }) {
            spending.append(total)
        }
        for clause in report.clauses where clause.key.hasPrefix("s2.share.") {
            guard let stated = clause.figures["share"] else { continue }
            checkShare(
                clause, stated: stated, parts: alternatives(clause.key, "amount"), wholes: spending, wholeName: "本年支出合计"
            )
        }
    }

    private mutating func checkShare(
        _ clause: NarrativeClause, stated: PrintedNumber, parts: [Operand], wholes: [Operand], wholeName: String
    ) {
        checkShare(
            place: "\(clause.place) \(clause.label) 占比", stated: stated, parts: parts, wholes: wholes,
            wholeName: "（\(wholeName)）")
    }

    /// A share `part ÷ whole × 100` (0 of an empty whole), with every reading of the part and the whole.
    private mutating func checkShare(
        place: String, stated: PrintedNumber, parts: [Operand], wholes: [Operand], wholeName: String = ""
    ) {
        var combinations: [[Operand]] = []
        for part in parts { for whole in wholes { combinations.append([part, whole]) } }
        checkPercent(
            AuditRules.textPercentages, place: place, stated: stated, alternatives: combinations,
            formula: { values in
                values[1].isZero ? 0 : Ratio.percent(Amount(values[0]), of: Amount(values[1]))
            }, describe: { "\($0[0].text) ÷ \($0[1].text)\(wholeName) × 100" })
    }

    /// The clause's current figure: `actual` in 第三部分 五, `amount` elsewhere.
    static func currentName(_ clause: NarrativeClause) -> String {
        clause.figures["amount"] != nil ? "amount" : "actual"
    }

    private mutating func changes() {
        for clause in report.clauses {
            guard let change = clause.change, let amount = change.amount else { continue }
            let current = alternatives(clause.key, Self.currentName(clause))
            guard let firstCurrent = current.first else { continue }
            let place = "\(clause.place) \(clause.label) 比上年"
            let d = Operand(value: amount.value, half: amount.halfUnit, text: amount.text)
            let up = change.direction == .up
            // The verb of the percentage agrees with the direction.
            if let percentVerb = change.percentVerb, ["增长", "增加", "上升"].contains(percentVerb) != up {
                findings.append(
                    AuditFinding(
                        rule: AuditRules.changePhrases, place: place, line: change.line,
                        stated: "\(change.verb) … \(percentVerb)", expected: up ? "增加 … 增长" : "减少 … 下降",
                        message:
                            "\(place)：“\(change.verb) \(amount.text) 万元”与“\(percentVerb) \(change.percent?.text ?? "")%”方向相反"
                    ))
            }
            // The prior year: current ∓ change; zero means no percentage.
            let priorZero = current.contains { abs($0.value - (up ? d.value : -d.value)) <= $0.half + d.half }
            if up && change.percent == nil && !priorZero {
                let prior = firstCurrent.value - d.value
                let percent = YearOnYear(current: Amount(firstCurrent.value), prior: Amount(prior)).percent ?? 0
                findings.append(
                    AuditFinding(
                        rule: AuditRules.changePhrases, place: place, line: change.line,
                        stated: "比上年增加 \(amount.text) 万元",
                        expected: "增长 \(Format.percent(percent))",
                        computation: "上年 \(firstCurrent.text) − \(amount.text) = \(Format.number(prior))",
                        message:
                            "\(place)：只写“增加 \(amount.text) 万元”是上年为 0 时的写法，但上年为 \(firstCurrent.text) − \(amount.text) = \(Format.number(prior)) 万元，应写“增长 \(Format.percent(percent))”"
                    ))
                continue
            }
            if up && change.percent != nil && priorZero && current.allSatisfy({ $0.value == d.value }) {
                findings.append(
                    AuditFinding(
                        rule: AuditRules.changePhrases, place: place, line: change.line,
                        stated: "增长 \(change.percent!.text)%", expected: "不写百分比",
                        message: "\(place)：上年为 0（本年 \(firstCurrent.text) 万元，增加 \(amount.text) 万元），由 0 增加不写增长百分比"))
                continue
            }
            if !up && change.percent == nil {
                findings.append(
                    AuditFinding(
                        rule: AuditRules.changePhrases, severity: .warning, place: place, line: change.line,
                        stated: "比上年减少 \(amount.text) 万元", expected: "下降 …%",
                        message: "\(place)：写了减少 \(amount.text) 万元，没有写下降的百分比"))
                continue
            }
            guard let stated = change.percent else { continue }
            checkPercent(
                AuditRules.textPercentages, place: place, stated: stated, alternatives: current.map { [$0, d] },
                formula: { values in
                    let prior = up ? values[0] - values[1] : values[0] + values[1]
                    guard prior > 0 else { return nil }
                    return YearOnYear(current: Amount(values[0]), prior: Amount(prior)).percent
                },
                describe: { operands in
                    up
                        ? "\(operands[1].text) ÷（\(operands[0].text) − \(operands[1].text)）× 100"
                        : "\(operands[1].text) ÷（\(operands[0].text) + \(operands[1].text)）× 100"
                })
        }
    }

    private mutating func completions() {
        for clause in report.clauses where clause.key.hasPrefix("s3.") || clause.key.hasPrefix("s5.") {
            let actual = alternatives(clause.key, "actual")
            let budget = alternatives(clause.key, "budget")
            guard let firstBudget = budget.first else { continue }
            let place = "\(clause.place) \(clause.label) 完成率"
            guard let stated = clause.figures["completion"] else { continue }
            if Format.rounded(firstBudget.value).isZero {
                findings.append(
                    AuditFinding(
                        rule: AuditRules.changePhrases, place: place, line: stated.line, stated: stated.text + "%",
                        expected: "不写完成率",
                        message: "\(place)：预算数为 0.00 万元，不能写完成预算的百分比（正文写了 \(stated.text)%）"))
                continue
            }
            var combinations: [[Operand]] = []
            for a in actual { for b in budget { combinations.append([a, b]) } }
            checkPercent(
                AuditRules.textPercentages, place: place, stated: stated, alternatives: combinations,
                formula: { values in values[1] > 0 ? Ratio.percent(Amount(values[0]), of: Amount(values[1])) : nil },
                describe: { "\($0[0].text) ÷ \($0[1].text) × 100" })
        }
    }

    private mutating func procurement() {
        let total = alternatives("s7.total", "amount")
        let sme = alternatives("s7.sme", "amount")
        if let stated = book.clause("s7.sme")?.figures["share"] {
            checkShare(place: "第三部分 七 授予中小企业合同金额占比", stated: stated, parts: sme, wholes: total)
        }
        if let stated = book.clause("s7.micro")?.figures["share"] {
            checkShare(
                place: "第三部分 七 授予小微企业合同金额占比", stated: stated, parts: alternatives("s7.micro", "amount"),
                wholes: sme)
        }
        // 中小企业合同金额 = 货物 × 货物占比 + 工程 × 工程占比 + 服务 × 服务占比.
        let kinds = [("s7.goods", "s7.goodsShare"), ("s7.works", "s7.worksShare"), ("s7.services", "s7.servicesShare")]
        var operands: [Operand] = []
        for (amount, share) in kinds {
            guard let a = operand([.t(amount)]), let s = operand([.t(share, "share")]) else { return }
            operands += [a, s]
        }
        guard let stated = book.clause("s7.sme")?.figures["amount"] else { return }
        let formula: ([Decimal]) -> Decimal? = { v in (v[0] * v[1] + v[2] * v[3] + v[4] * v[5]) / 100 }
        guard let (low, high) = Self.range(operands, formula), let nominal = formula(operands.map(\.value)) else {
            return
        }
        if stated.value + stated.halfUnit < low || stated.value - stated.halfUnit > high {
            let computation =
                "\(operands[0].text) × \(operands[1].text)% + \(operands[2].text) × \(operands[3].text)% + \(operands[4].text) × \(operands[5].text)% = \(Format.number(nominal))"
            findings.append(
                AuditFinding(
                    rule: AuditRules.textPercentages, place: "第三部分 七 授予中小企业合同金额", line: stated.line,
                    stated: stated.text, expected: Format.number(nominal), computation: computation,
                    message: "第三部分 七：授予中小企业合同金额 \(stated.text) 万元与货物、工程、服务各自的中小企业占比不符（\(computation)）"))
        }
    }

    // MARK: - Reasons

    private mutating func missingReason(_ clause: NarrativeClause, slot: String, why: String) {
        findings.append(
            AuditFinding(
                rule: AuditRules.reasons, place: "\(clause.place) \(clause.label)", line: clause.line,
                message: "\(clause.place) \(clause.label)：\(why)，应说明\(slot)"))
    }

    private mutating func reasons() {
        for var clause in report.clauses {
            // The generator's placeholder for a missing reason is no reason.
            for (slot, text) in clause.texts where text.contains("此处请补充内容") { clause.texts[slot] = nil }
            let change = clause.change.flatMap { stated -> YearOnYear? in
                guard let amount = stated.amount, let current = clause.figures[Self.currentName(clause)] else {
                    return stated.direction == .same ? .same : nil
                }
                let prior = stated.direction == .up ? current.value - amount.value : current.value + amount.value
                return YearOnYear(current: current.amount, prior: Amount(prior))
            }
            let needsChangeReason = change?.needsReason ?? false
            let changeWhy: String = {
                guard let change else { return "" }
                switch change {
                case .increaseFromZero: return "由 0 变为非 0"
                default: return "比上年增减 \(Format.percent(abs(change.percent ?? 0)))（达到 10%）"
                }
            }()
            switch clause.key {
            case "s1.income", "s2.expenditure", "s2.carryOut", "s4.wages", "s4.goodsAndServices", "s4.subsidies",
                "s4.capital", "s6.costs":
                if needsChangeReason && clause.texts["reason"] == nil {
                    missingReason(clause, slot: "变动原因（主要原因：…）", why: changeWhy)
                }
            case "s5.abroad", "s5.vehiclePurchase", "s5.vehicleOperation", "s5.reception":
                if let budget = clause.figures["budget"], let actual = clause.figures["actual"],
                    !Format.rounded(budget.value - actual.value).isZero, clause.texts["budgetReason"] == nil
                {
                    missingReason(clause, slot: "预算执行的主要原因", why: "决算数 \(actual.text) 与全年预算数 \(budget.text) 不同")
                }
                if needsChangeReason && clause.texts["changeReason"] == nil {
                    missingReason(clause, slot: "决算数比上年变动的主要原因", why: changeWhy)
                }
                for count in ["groups", "batches"] {
                    if let number = clause.figures[count], number.value > 0, clause.texts["description"] == nil {
                        missingReason(clause, slot: "“主要是：…”", why: "\(FigureBook.figureName(count)) \(number.text)")
                    }
                }
            case "s8.assets":
                if let other = clause.figures["other"], other.value > 0, clause.texts["otherUse"] == nil {
                    missingReason(clause, slot: "其他用车主要是用于什么", why: "有其他用车 \(other.text) 辆")
                }
            default:
                if clause.key.hasPrefix("s3."), clause.key != "s3.total", let budget = clause.figures["budget"],
                    let actual = clause.figures["actual"], !Format.rounded(budget.value - actual.value).isZero,
                    clause.texts["reason"] == nil
                {
                    missingReason(clause, slot: "预决算差异主要原因", why: "决算数 \(actual.text) 与年初预算数 \(budget.text) 不同")
                }
            }
        }
    }

    // MARK: - 第一部分

    private mutating func overview() {
        let texts = report.texts
        let place = "第一部分 二、机构设置及人员情况"
        if let retired = texts.staff["retired"], let unit = texts.staff["retiredPaidByUnit"],
            let fund = texts.staff["retiredPaidByPensionFund"], retired.value != unit.value + fund.value
        {
            findings.append(
                AuditFinding(
                    rule: AuditRules.overviewCounts, place: place + " 离退休人员", line: retired.line,
                    stated: "\(retired.value)",
                    expected: "\(unit.value + fund.value)",
                    computation: "\(unit.value) + \(fund.value) = \(unit.value + fund.value)",
                    message:
                        "\(place)：离退休人员 \(retired.value) 人，单位发放 \(unit.value) 人 + 养老保险基金发放 \(fund.value) 人 = \(unit.value + fund.value) 人"
                ))
        }
        if let count = texts.unitCount, !texts.units.isEmpty, count.value != texts.units.count {
            findings.append(
                AuditFinding(
                    rule: AuditRules.overviewCounts, place: place + " 单位个数", line: count.line, stated: "\(count.value)",
                    expected: "\(texts.units.count)",
                    message:
                        "\(place)：写单位共 \(count.value) 个，列出 \(texts.units.count) 个：\(texts.units.joined(separator: "、"))"
                ))
        }
        if let count = texts.institutionCount, let names = texts.institutions, !names.isEmpty,
            count.value != names.count
        {
            findings.append(
                AuditFinding(
                    rule: AuditRules.overviewCounts, place: place + " 内设机构个数", line: count.line,
                    stated: "\(count.value)",
                    expected: "\(names.count)",
                    message: "\(place)：写设立 \(count.value) 个内设机构，列出 \(names.count) 个：\(names.joined(separator: "、"))"))
        }
    }

    // MARK: - 第三部分 九 and the 自评表

    private mutating func performance() {
        let rule = AuditRules.performance
        if let clause = book.clause("s9.selfEvaluation") {
            let place = "第三部分 九（一）"
            let grades = ["excellent", "good", "fair", "poor"].compactMap { clause.figures[$0] }
            if let projects = clause.figures["projects"], !grades.isEmpty {
                let sum = grades.map(\.value).reduce(0, +)
                if sum != projects.value {
                    findings.append(
                        AuditFinding(
                            rule: rule, place: place + " 二级项目个数", line: projects.line, stated: projects.text,
                            expected: Format.number(sum, places: 0),
                            message:
                                "\(place)：写开展自评的二级项目 \(projects.text) 个，各评价结果的项目个数之和为 \(Format.number(sum, places: 0)) 个"
                        ))
                }
            }
            if let projects = clause.figures["projects"], !report.texts.selfEvaluations.isEmpty,
                projects.value != Decimal(report.texts.selfEvaluations.count)
            {
                findings.append(
                    AuditFinding(
                        rule: rule, severity: .warning, place: place + " 二级项目个数", line: projects.line,
                        stated: projects.text,
                        expected: "\(report.texts.selfEvaluations.count)",
                        message:
                            "\(place)：写开展自评的二级项目 \(projects.text) 个，（二）列出 \(report.texts.selfEvaluations.count) 张项目支出绩效自评表"
                    ))
            }
            if let stated = clause.figures["share"], let amount = operand([.t("s9.selfEvaluation")]),
                let project = operand([.c(.t03, "", "project")])
            {
                checkPercent(
                    rule, place: place + " 占项目支出总额的比例", stated: stated, alternatives: [[amount, project]],
                    formula: { $0[1] > 0 ? Ratio.percent(Amount($0[0]), of: Amount($0[1])) : nil },
                    describe: { "\($0[0].text) ÷ \($0[1].text)（公开03表 项目支出合计）× 100" }, severity: .warning)
            }
        }
        if let clause = book.clause("s9.departmentEvaluation"), let count = clause.figures["count"],
            let projects = clause.texts["projects"]
        {
            let names = ReportTexts.list(projects)
            if !names.isEmpty, Decimal(names.count) != count.value {
                findings.append(
                    AuditFinding(
                        rule: rule, place: "第三部分 九（一）部门评价", line: count.line, stated: count.text,
                        expected: "\(names.count)",
                        message:
                            "第三部分 九（一）：写对 \(count.text) 个项目开展了部门评价，列出 \(names.count) 个：\(names.joined(separator: "、"))")
                )
            }
        }
        for table in report.texts.selfEvaluations { selfEvaluation(table) }
    }

    private mutating func selfEvaluation(_ table: PrintedSelfEvaluation) {
        let rule = AuditRules.performance
        let place = "第三部分 九（二）项目支出绩效自评表“\(table.projectName)”"
        let funds = table.total ?? table.fiscal
        var weights = table.indicators.compactMap(\.weight).map(\.value)
        var scores = table.indicators.compactMap(\.score).map(\.value)
        if let weight = funds?.weight { weights.append(weight.value) }
        if let score = funds?.score { scores.append(score.value) }
        let weightSum = weights.reduce(0, +)
        let scoreSum = scores.reduce(0, +)
        if let stated = table.weightTotal, stated.value != weightSum {
            findings.append(
                AuditFinding(
                    rule: rule, place: place + " 总分 分值", line: stated.line, stated: stated.text,
                    expected: Format.number(weightSum, places: max(0, stated.places)),
                    message: "\(place)：总分行的分值印 \(stated.text)，各行分值之和为 \(Self.plain(weightSum))"))
        }
        if let stated = table.scoreTotal, abs(stated.value - scoreSum) > stated.halfUnit + Decimal(scores.count) * 0.005
        {
            findings.append(
                AuditFinding(
                    rule: rule, place: place + " 总分 得分", line: stated.line, stated: stated.text,
                    expected: Self.plain(scoreSum),
                    message: "\(place)：总分行的得分印 \(stated.text)，各行得分之和为 \(Self.plain(scoreSum))"))
        }
        if !weights.isEmpty, weightSum != 100 {
            findings.append(
                AuditFinding(
                    rule: rule, severity: .warning, place: place + " 分值", line: table.totalLine ?? table.line,
                    stated: Self.plain(weightSum), expected: "100",
                    message: "\(place)：各行分值之和为 \(Self.plain(weightSum))，应为 100"))
        }
        for indicator in table.indicators {
            if let weight = indicator.weight, let score = indicator.score, score.value > weight.value {
                findings.append(
                    AuditFinding(
                        rule: rule, severity: .warning, place: place + " 指标“\(indicator.name)”", line: indicator.line,
                        stated: score.text, expected: "≤ \(weight.text)",
                        message: "\(place) 指标“\(indicator.name)”：得分 \(score.text) 大于分值 \(weight.text)"))
            }
        }
        for row in [table.total, table.fiscal, table.other].compactMap({ $0 }) {
            guard let rate = row.rate, let executed = row.executed, let adjusted = row.adjustedBudget,
                !adjusted.value.isZero
            else { continue }
            let operands = [
                Operand(value: executed.value, half: executed.halfUnit, text: executed.text),
                Operand(value: adjusted.value, half: adjusted.halfUnit, text: adjusted.text),
            ]
            checkPercent(
                rule, place: place + " \(row.label) 执行率", stated: rate, alternatives: [operands],
                formula: { $0[1] > 0 ? Ratio.percent(Amount($0[0]), of: Amount($0[1])) : nil },
                describe: { "\($0[0].text) ÷ \($0[1].text) × 100" })
        }
    }

    static func plain(_ value: Decimal) -> String {
        let rounded = Format.rounded(value, places: 2)
        return rounded == Format.rounded(value, places: 0)
            ? Format.number(value, places: 0)
            : Format.number(value, places: Format.rounded(value, places: 1) == rounded ? 1 : 2)
    }

    // MARK: - Last year's figures

    /// Last year's figure of a clause as the text implies it (current ∓ change) with its rounding.
    func prior(_ key: String) -> Operand? {
        guard let clause = book.clause(key), let change = clause.change,
            let current = clause.figures[Self.currentName(clause)]
        else { return nil }
        let c = Operand(value: current.value, half: current.halfUnit, text: current.text)
        guard let amount = change.amount else { return c }
        switch change.direction {
        case .same: return c
        case .up:
            return Operand(
                value: c.value - amount.value, half: c.half + amount.halfUnit, text: "\(current.text) − \(amount.text)")
        case .down:
            return Operand(
                value: c.value + amount.value, half: c.half + amount.halfUnit, text: "\(current.text) + \(amount.text)")
        }
    }

    private mutating func priorYear() {
        let rule = AuditRules.priorYear
        // 本年年初结转和结余 = 上年年末结转和结余, and last year's balance: 年初 + 收入 + 使用结余 = 支出 + 结余分配 + 年末.
        var chain: (difference: Decimal, bound: Decimal, start: PrintedNumber, carryOut: Operand)?
        if let start = book.clause("s1.carryIn")?.figures["amount"], let carryOut = prior("s2.carryOut") {
            chain = (start.value - carryOut.value, start.halfUnit + carryOut.half, start, carryOut)
        }
        var balance: (difference: Decimal, bound: Decimal, left: Decimal, right: Decimal)?
        let left = ["s1.carryIn", "s1.income", "s1.nonFiscal"].map(prior)
        let right = ["s2.expenditure", "s2.surplus", "s2.carryOut"].map(prior)
        if left.allSatisfy({ $0 != nil }) && right.allSatisfy({ $0 != nil }) {
            let l = left.compactMap { $0 }
            let r = right.compactMap { $0 }
            let lv = l.map(\.value).reduce(0, +)
            let rv = r.map(\.value).reduce(0, +)
            balance = (lv - rv, (l + r).map(\.half).reduce(0, +), lv, rv)
        }
        let chainFails = chain.map { abs($0.difference) > $0.bound } ?? false
        let balanceFails = balance.map { abs($0.difference) > $0.bound } ?? false
        if chainFails, balanceFails, let chain, let balance, let clause = book.clause("s2.carryOut"),
            let change = clause.change, let amount = change.amount,
            abs(chain.difference - balance.difference) <= chain.bound + balance.bound
        {
            // Both break by the same amount: last year's 年末结转和结余, i.e. the change stated in 第三部分 二.
            let current = clause.figures["amount"]?.value ?? 0
            let expected = abs(current - chain.start.value)
            let verb = current >= chain.start.value ? "增加" : "减少"
            findings.append(
                AuditFinding(
                    rule: rule, place: "第三部分 二 年末结转和结余 比上年", line: amount.line,
                    stated: "\(change.verb) \(amount.text)", expected: "\(verb) \(Format.number(expected))",
                    computation: "上年年末 = 本年年初 \(chain.start.text)；\(Format.number(current)) − \(chain.start.text)",
                    message:
                        "第三部分 二 年末结转和结余比上年\(change.verb) \(amount.text) 万元，推算的上年年末结转和结余为 \(chain.carryOut.text) = \(Format.number(chain.carryOut.value)) 万元，与本年年初结转和结余 \(chain.start.text) 万元相差 \(Format.number(abs(chain.difference)))，上年数收支也差同样的数：比上年应\(verb) \(Format.number(expected)) 万元"
                ))
        } else {
            if let chain, !chain.difference.isZero {
                let fails = abs(chain.difference) > chain.bound
                findings.append(
                    AuditFinding(
                        rule: rule, severity: fails ? nil : .info, place: "第三部分 一 年初结转和结余",
                        line: chain.start.line, stated: chain.start.text, expected: Format.number(chain.carryOut.value),
                        computation: "上年年末 = \(chain.carryOut.text) = \(Format.number(chain.carryOut.value))",
                        message:
                            "本年年初结转和结余 \(chain.start.text) 万元应等于上年年末结转和结余：由第三部分 二 推算上年年末为 \(chain.carryOut.text) = \(Format.number(chain.carryOut.value)) 万元，相差 \(Format.number(abs(chain.difference)))"
                            + (fails ? "" : "，在所印金额的舍入范围之内，不是错误")))
            }
            if balanceFails, let balance, let line = book.clause("s2.carryOut")?.line {
                findings.append(
                    AuditFinding(
                        rule: rule, place: "第三部分 一、二 上年数", line: line, stated: Format.number(balance.left),
                        expected: Format.number(balance.right),
                        computation:
                            "上年 年初 + 收入 + 使用结余 = \(Format.number(balance.left))；支出 + 结余分配 + 年末 = \(Format.number(balance.right))",
                        message:
                            "由第三部分 一、二 推算的上年数收支不平衡：年初结转和结余 + 本年收入合计 + 使用非财政拨款结余 = \(Format.number(balance.left)) 万元，本年支出合计 + 结余分配 + 年末结转和结余 = \(Format.number(balance.right)) 万元，相差 \(Format.number(abs(balance.difference)))"
                    ))
            }
        }
        // 上年“三公”经费 = the items' prior figures.
        if let total = prior("s5.total") {
            let items = ["s5.abroad", "s5.vehiclePurchase", "s5.vehicleOperation", "s5.reception"].map(prior)
            if items.allSatisfy({ $0 != nil }) {
                let parts = items.compactMap { $0 }
                let sum = parts.map(\.value).reduce(0, +)
                let bound = total.half + parts.map(\.half).reduce(0, +)
                let difference = total.value - sum
                if !difference.isZero, let line = book.clause("s5.total")?.line {
                    findings.append(
                        AuditFinding(
                            rule: rule, severity: abs(difference) > bound ? nil : .info, place: "第三部分 五 上年“三公”经费",
                            line: line, stated: Format.number(total.value), expected: Format.number(sum),
                            computation: parts.map { "（\($0.text)）" }.joined(separator: " + "),
                            message:
                                "由第三部分 五 推算的上年“三公”经费 \(total.text) = \(Format.number(total.value)) 万元，上年各项之和为 \(Format.number(sum)) 万元，相差 \(Format.number(abs(difference)))"
                                + (abs(difference) > bound ? "" : "，在所印金额的舍入范围之内，不是错误")))
                }
            }
        }
    }

    // MARK: - Limits between tables

    private mutating func limit(_ part: FigureKey, _ whole: FigureKey, _ what: String) {
        guard let p = book[part].number, let w = book[whole].value else { return }
        let bound = p.halfUnit + (book[whole].number?.halfUnit ?? 0)
        guard p.value - w > bound else { return }
        findings.append(
            AuditFinding(
                rule: AuditRules.limits, place: book.place(part), line: p.line, stated: p.text,
                expected: "≤ \(book.text(whole))",
                message: "\(book.place(part)) \(p.text) 大于 \(book.place(whole)) \(book.text(whole))：\(what)"))
    }

    private mutating func limits() {
        for category in FunctionalCategories.all {
            if let row04 = IdentityBuilder.categoryRow(category.code, table: .t04),
                let row01 = IdentityBuilder.categoryRow(category.code, table: .t01)
            {
                limit(.c(.t04, row04, "total"), .c(.t01, row01, "amount"), "财政拨款支出不能大于该类本年支出")
            }
        }
        if let table05 = report.tables[.t05], report.tables[.t03] != nil {
            for row in table05.rows where row.count == 7 {
                limit(.c(.t05, row, "basic"), .c(.t03, row, "basic"), "一般公共预算财政拨款基本支出不能大于该科目的基本支出")
                limit(.c(.t05, row, "project"), .c(.t03, row, "project"), "一般公共预算财政拨款项目支出不能大于该科目的项目支出")
            }
        }
        for (code, row) in [("30212", "2"), ("30217", "6"), ("30231", "5"), ("31013", "4")] {
            limit(.c(.t06, code, "amount"), .c(.t09, row, "actual"), "基本支出中的这项费用不能大于“三公”经费决算数")
        }
        limit(.c(.t09, "14", "actual"), .c(.t10, "1", "value"), "公务用车保有量不能大于车辆数合计")
    }
}
