extension FindingCollector {
    /// The identities between the tables, checked on the figures derived from the leaves with the rounding bound of
    /// the figures each side adds (the printed tables show official totals within that bound, IN-08).
    mutating func crossTableRules() {
        let table06 = derived.table06
        let basic05 = derived.total.generalBudget.basic
        add(
            compare(
                basic05, table06.total,
                addends: addends { [$0.generalBudget.basic] } + table06.addends(EconomicCodes.groups),
                RuleCatalogue.basicVersus06,
                FindingLocation(place: "\(tables[.generalBudget]) 合计 基本支出；\(tables[.basic]) 合计"),
                fromLeaves + "\(tables[.generalBudget]) 基本支出 \(Self.money(basic05))，\(tables[.basic]) 人员经费合计 "
                    + "\(Self.money(table06.personnel)) + 公用经费合计 "
                    + "\(Self.money(table06.publicExpenses)) = \(Self.money(table06.total))",
                fix: "\(tables[.basic])（basicExpenditureByEconomicCode）是一般公共预算财政拨款基本支出按经济分类的明细，"
                    + "合计应等于各项级科目 generalBudgetExpenditure.basic 之和；请核对两边的明细"))
        for line in derived.subjectLines where line.level == .category {
            add(
                within(
                    line.fiscalExpenditure, line.expenditure.total,
                    addends: addends(under: line.code) { Self.fiscalSpending($0) + Self.spending($0) },
                    RuleCatalogue.fiscalWithinTotal,
                    FindingLocation(place: tables[.fiscalSummary], detail: "\(line.code) \(line.name)"),
                    "\(tables[.fiscalSummary]) \(line.name) 财政拨款支出 \(Self.money(line.fiscalExpenditure))大于"
                        + "\(tables[.summary])该类本年支出 "
                        + Self.money(line.expenditure.total)))
        }
        for line in derived.subjectLines where line.level == .item {
            let basic = [line.generalBudget.basic, line.fund.spending.basic, line.stateCapital.basic]
            let project = [line.generalBudget.project, line.fund.spending.project, line.stateCapital.project]
            for (fiscal, total, label) in [
                (basic, line.expenditure.basic, "基本支出"), (project, line.expenditure.project, "项目支出"),
            ] {
                add(
                    within(
                        fiscal.sum(), total, addends: Self.nonzero(fiscal + [total]),
                        RuleCatalogue.generalWithinExpenditure,
                        FindingLocation(place: tables[.generalBudget], detail: "\(line.code) \(line.name) \(label)"),
                        "科目 \(line.code) 财政拨款\(label)（\(tables[.generalBudget])、\(tables[.governmentFund])、"
                            + "\(tables[.stateCapital])）\(Self.money(fiscal.sum()))大于\(tables[.expenditure])\(label) "
                            + Self.money(total)))
            }
        }
        let three = derived.threePublic
        let pairs: [(String, Amount, Int, String, String)] = [
            ("30212", three.abroad.actual, 1, "行 2", "因公出国（境）费"),
            ("30217", three.reception.actual, 2, "行 6", "公务接待费"),
            ("30231", three.vehicleOperation.actual, 1, "行 5", "公务用车运行维护费"),
            ("31013", three.vehiclePurchase.actual, 1, "行 4", "公务用车购置费"),
        ]
        for (code, actual, parts, row, label) in pairs {
            add(
                within(
                    table06.amount(code), actual, addends: 1 + parts, RuleCatalogue.economicVersusThreePublic,
                    FindingLocation(place: tables[.basic], detail: code),
                    "\(tables[.basic]) \(code) \(EconomicCodes.named(code)?.name ?? "") \(Self.money(table06.amount(code)))大于"
                        + "\(tables[.threePublic]) \(label)决算数"
                        + (tables.standardRows ? "（\(row)）" : "") + Self.money(actual)))
        }
        let held = input.threePublic.statistics.vehiclesHeld ?? 0
        if held > derived.vehicleTotal {
            add(
                RuleCatalogue.vehiclesHeld,
                FindingLocation(
                    place:
                        "\(tables[.threePublic]) \(tables.row(14, "公务用车保有量"))；\(tables[.assets]) \(tables.row(1, "车辆数合计"))"
                ),
                "\(tables[.threePublic]) 公务用车保有量 \(held) 辆大于\(tables[.assets]) 车辆数合计 \(derived.vehicleTotal) 辆")
        }
        negativeBalances()
    }

    /// `由明细计算：` before the figures of a message when the report prints official totals instead of them.
    var fromLeaves: String { accounts.printsOfficialTotals ? "由明细计算：" : "" }

    /// The 财政拨款 spending figures of a 项 (05, 07, 08).
    static func fiscalSpending(_ line: SubjectLine) -> [Amount] {
        [
            line.generalBudget.basic, line.generalBudget.project, line.fund.spending.basic, line.fund.spending.project,
            line.stateCapital.basic, line.stateCapital.project,
        ]
    }

    /// The 财政拨款 income figures of a 项.
    static func fiscalIncome(_ line: SubjectLine) -> [Amount] {
        [line.income.generalBudget, line.income.governmentFund, line.income.stateCapital]
    }

    /// The spending figures of a 项 (03).
    static func spending(_ line: SubjectLine) -> [Amount] {
        let e = line.expenditure
        return [e.basic, e.project, e.toSuperior, e.operating, e.toAffiliated]
    }

    /// The income figures of a 项 (02).
    static func income(_ line: SubjectLine) -> [Amount] {
        let i = line.income
        return [
            i.generalBudget, i.governmentFund, i.stateCapital, i.superiorSubsidy, i.business, i.operating, i.affiliated,
            i.other,
        ]
    }

    /// The rounded figures that 年末结转和结余 (01 row 60) is computed from.
    var carryOutAddends: Int {
        let start = input.carryOver.start
        return addends { Self.income($0) + Self.spending($0) + [$0.fund.carryIn] }
            + Self.nonzero([
                start.generalBudget, start.stateCapital, start.nonFiscal, input.carryOver.nonFiscalBalanceUsed,
                input.carryOver.surplusDistribution,
            ])
    }

    /// The rounded figures that 年末财政拨款结转和结余 (04 row 60) is computed from.
    var fiscalCarryOutAddends: Int {
        let start = input.carryOver.start
        return addends { Self.fiscalIncome($0) + Self.fiscalSpending($0) + [$0.fund.carryIn] }
            + Self.nonzero([start.generalBudget, start.stateCapital])
    }

    /// X-12 and X-13: a year-end balance that the balance of the tables makes negative, per fund type: the
    /// department's (01), each 财政拨款 source (04), each 政府性基金 项 (07), and the 非财政拨款 part (01 − 04).
    private mutating func negativeBalances() {
        add(
            notNegative(
                derived.carryOut, addends: carryOutAddends, RuleCatalogue.negativeBalance,
                FindingLocation(place: "\(tables[.summary]) \(tables.row(60, "年末结转和结余"))"),
                "年末结转和结余为 \(Self.money(derived.carryOut))：本年支出与结余分配大于收入总计",
                fix: "请核对本年收入、年初结转和结余与本年支出"))
        let carryOut = derived.fiscalCarryOut
        let start = input.carryOver.start
        for (amount, label, leaves) in [
            (
                carryOut.generalBudget, "一般公共预算",
                addends { [$0.income.generalBudget, $0.generalBudget.basic, $0.generalBudget.project] }
                    + Self.nonzero([start.generalBudget])
            ),
            (
                carryOut.governmentFund, "政府性基金预算",
                addends { [$0.fund.carryIn, $0.fund.income, $0.fund.spending.basic, $0.fund.spending.project] }
            ),
            (
                carryOut.stateCapital, "国有资本经营预算",
                addends { [$0.income.stateCapital, $0.stateCapital.basic, $0.stateCapital.project] }
                    + Self.nonzero([start.stateCapital])
            ),
        ] {
            add(
                notNegative(
                    amount, addends: leaves, RuleCatalogue.negativeBalance,
                    FindingLocation(place: "\(tables[.fiscalSummary]) \(tables.row(60, "年末财政拨款结转和结余"))"),
                    "年末\(label)财政拨款结转和结余为 \(Self.money(amount))：\(label)财政拨款支出大于年初结转与本年收入之和",
                    fix: "请核对\(label)财政拨款的年初结转和结余、本年收入与本年支出"))
        }
        for line in derived.subjectLines where line.level == .item {
            let fund = line.fund
            add(
                notNegative(
                    fund.carryOut,
                    addends: Self.nonzero([fund.carryIn, fund.income, fund.spending.basic, fund.spending.project]),
                    RuleCatalogue.negativeBalance,
                    FindingLocation(place: tables[.governmentFund], detail: "\(line.code) \(line.name)"),
                    "政府性基金年末结转和结余为 \(Self.money(fund.carryOut))：支出大于年初结转与本年收入之和"))
        }
        fiscalPartOfCarryOut()
    }

    /// X-13: 04 年末财政拨款结转和结余 is a part of 01 年末结转和结余 (the rest is 非财政拨款). A 项 whose 财政拨款 spending
    /// was left out of 05/07/08 makes the 财政拨款 part larger than the whole.
    private mutating func fiscalPartOfCarryOut() {
        let fiscal = derived.fiscalCarryOut.total
        let whole = derived.carryOut
        guard fiscal > whole else { return }
        let suspects = derived.subjectLines.filter { line in
            line.level == .item && Self.fiscalSpending(line).allSatisfy(\.isZero)
                && !Self.fiscalIncome(line).allSatisfy(\.isZero) && !line.expenditure.total.isZero
        }
        let hint =
            suspects.isEmpty
            ? "请核对各项级科目的财政拨款支出（generalBudgetExpenditure、governmentFund、stateCapitalExpenditure）是否都已填写"
            : "以下项级科目有财政拨款收入和本年支出，却没有填财政拨款支出（generalBudgetExpenditure 等）："
                + suspects.map { "\($0.code) \($0.name)" }.joined(separator: "、") + "；由财政拨款负担的支出请填入 05、07、08 表对应字段"
        add(
            within(
                fiscal, whole, addends: carryOutAddends + fiscalCarryOutAddends,
                RuleCatalogue.fiscalCarryOutWithinTotal,
                FindingLocation(
                    place: "\(tables[.fiscalSummary]) \(tables.row(60, "年末财政拨款结转和结余"))；"
                        + "\(tables[.summary]) \(tables.row(60, "年末结转和结余"))"),
                fromLeaves + "\(tables[.fiscalSummary]) 年末财政拨款结转和结余 \(Self.money(fiscal))大于\(tables[.summary]) 年末结转和结余 "
                    + "\(Self.money(whole))"
                    + "（非财政拨款部分为 \(Self.money(whole - fiscal))）",
                fix: hint))
    }

    mutating func priorYearRules() {
        let prior = input.priorYear
        let start = input.carryOver.start
        if let carryOut = prior.carryOut {
            add(
                compare(
                    derived.carryIn, carryOut,
                    addends: 1 + Self.nonzero([start.generalBudget, start.stateCapital, start.nonFiscal])
                        + addends { [$0.fund.carryIn] },
                    RuleCatalogue.carryChain, FindingLocation(place: "第三部分 一", inputPath: "$.priorYear.carryOut"),
                    "本年年初结转和结余 \(Self.money(derived.carryIn))，上年年末结转和结余 \(Self.money(carryOut))",
                    fix: "上年年末数应等于本年年初数，请核对 priorYear.carryOut 与 carryOver.start"))
        }
        if let carryIn = prior.carryIn, let income = prior.income, let spending = prior.expenditure,
            let carryOut = prior.carryOut
        {
            let sources = carryIn + income + prior.nonFiscalBalanceUsed.orZero
            let uses = spending + prior.surplusDistribution.orZero + carryOut
            add(
                compare(
                    sources, uses,
                    addends: Self.nonzero([
                        carryIn, income, prior.nonFiscalBalanceUsed, spending, prior.surplusDistribution, carryOut,
                    ]),
                    RuleCatalogue.priorBalance, FindingLocation(inputPath: "$.priorYear"),
                    "上年数不平衡：年初 \(Format.amount(carryIn)) + 收入 \(Format.amount(income)) + 使用结余 "
                        + "\(Format.amount(prior.nonFiscalBalanceUsed.orZero)) = \(Self.money(sources))，支出 "
                        + "\(Format.amount(spending)) + 结余分配 \(Format.amount(prior.surplusDistribution.orZero)) + 年末 "
                        + "\(Format.amount(carryOut)) = \(Self.money(uses))",
                    fix: "请按上年决算报告核对 priorYear 的各数"))
        }
        priorMissing()
    }

    /// P-04: a comparison printed against a prior-year figure that was not given (it counts as 0).
    private mutating func priorMissing() {
        let prior = input.priorYear
        let table06 = accounts.table06
        let three = accounts.threePublic
        let checks: [(Amount?, Amount, String, String)] = [
            (prior.carryIn, accounts.carryIn, "carryIn", "年初结转和结余"),
            (prior.nonFiscalBalanceUsed, accounts.nonFiscalBalanceUsed, "nonFiscalBalanceUsed", "使用非财政拨款结余"),
            (prior.income, accounts.incomeTotal, "income", "本年收入合计"),
            (prior.expenditure, accounts.expenditureTotal, "expenditure", "本年支出合计"),
            (prior.surplusDistribution, accounts.surplusDistribution, "surplusDistribution", "结余分配"),
            (prior.carryOut, accounts.carryOut, "carryOut", "年末结转和结余"),
            (prior.basic?.wages, table06.amount("301"), "basic.wages", "工资福利支出"),
            (prior.basic?.goodsAndServices, table06.amount("302"), "basic.goodsAndServices", "商品和服务支出"),
            (prior.basic?.subsidies, table06.amount("303"), "basic.subsidies", "对个人和家庭补助支出"),
            (prior.basic?.capital, table06.amount("310"), "basic.capital", "资本性支出"),
            (prior.threePublic?.abroad, three.abroad.actual, "threePublic.abroad", "因公出国（境）费"),
            (
                prior.threePublic?.vehiclePurchase, three.vehiclePurchase.actual, "threePublic.vehiclePurchase",
                "公务用车购置费"
            ),
            (
                prior.threePublic?.vehicleOperation, three.vehicleOperation.actual, "threePublic.vehicleOperation",
                "公务用车运行维护费"
            ),
            (prior.threePublic?.reception, three.reception.actual, "threePublic.reception", "公务接待费"),
        ]
        for (supplied, current, key, label) in checks where supplied == nil && !current.isZero {
            add(
                RuleCatalogue.priorMissing, FindingLocation(inputPath: "$.priorYear.\(key)"),
                "未填写上年\(label)，说明中按 0 比较（写成“比上年增加 \(Self.money(current))”）")
        }
    }

    mutating func reasonRules(_ missing: [MissingReason]) {
        for reason in missing {
            let rule: Rule
            if reason.inputPath.hasPrefix("$.reasons.categories") {
                rule = RuleCatalogue.budgetReason
            } else if reason.inputPath.hasSuffix(".budget") {
                rule = RuleCatalogue.executionReason
            } else if reason.inputPath.hasSuffix(".description") || reason.inputPath.hasSuffix("otherVehiclesUse") {
                rule = RuleCatalogue.descriptionReason
            } else if reason.inputPath.hasPrefix("$.glossary") {
                rule = RuleCatalogue.glossaryDefinition
            } else {
                rule = RuleCatalogue.changeReason
            }
            add(
                rule, FindingLocation(place: reason.location, inputPath: reason.inputPath),
                "缺少说明，报告中印出“\(ReasonView.placeholder)”")
        }
    }

    /// R-06: what the department wrote that the report does not print.
    mutating func unusedRules(_ unused: [UnusedInput]) {
        for item in unused {
            add(
                RuleCatalogue.unusedText, FindingLocation(place: item.location, inputPath: item.inputPath),
                "\(item.why)；填写的内容不会印出")
        }
    }

    /// E-05: the number of self-evaluated projects against the 自评表 given, and the single-project sentence.
    private mutating func projectCounts() {
        let performance = input.performance
        let grades = performance.selfEvaluation.grades
        let count = [grades.excellent, grades.good, grades.fair, grades.poor].map { $0 ?? 0 }.reduce(0, +)
        let tables = performance.selfEvaluationTables.count
        if count != tables {
            add(
                RuleCatalogue.projectCount,
                FindingLocation(place: "第三部分 九", inputPath: "$.performance.selfEvaluation.grades"),
                "写开展自评的二级项目 \(count) 个，（二）有 \(tables) 张项目支出绩效自评表：请核对评价结果个数，或补齐自评表")
        }
        if performance.selfEvaluation.gradeSentence == .singleProject && (count != 1 || tables != 1) {
            add(
                RuleCatalogue.projectCount,
                FindingLocation(place: "第三部分 九（一）", inputPath: "$.performance.selfEvaluation.gradeSentence"),
                "“单个项目”的写法要求恰好 1 个自评项目和 1 张自评表（实际 \(count) 个项目、\(tables) 张表），报告改印各档个数")
        }
    }

    mutating func performanceRules() {
        projectCounts()
        for (index, table) in input.performance.selfEvaluationTables.enumerated() {
            let path = "$.performance.selfEvaluationTables[\(index)]"
            let place = "项目支出绩效自评表“\(table.projectName)”"
            let weight = table.fundsWeight ?? 10
            let weights = table.indicators.map(\.weight).reduce(weight, +)
            if weights != 100 {
                add(
                    RuleCatalogue.weightSum, FindingLocation(place: place, inputPath: path + ".indicators"),
                    "分值合计 \(SelfEvaluationTableView.number(weights))，应为 100")
            }
            if table.fundsScore > weight {
                add(
                    RuleCatalogue.scoreWithinWeight, FindingLocation(place: place, inputPath: path + ".fundsScore"),
                    "资金执行率得分 \(SelfEvaluationTableView.number(table.fundsScore)) 大于分值 \(SelfEvaluationTableView.number(weight))"
                )
            }
            for (row, indicator) in table.indicators.enumerated() where indicator.score > indicator.weight {
                add(
                    RuleCatalogue.scoreWithinWeight,
                    FindingLocation(
                        place: place, detail: "指标“\(indicator.name)”", inputPath: path + ".indicators[\(row)].score"),
                    "得分 \(SelfEvaluationTableView.number(indicator.score)) 大于分值 \(SelfEvaluationTableView.number(indicator.weight))"
                )
            }
            let scores = table.indicators.map(\.score).reduce(table.fundsScore, +)
            if let supplied = table.suppliedTotalScore, supplied != scores {
                add(
                    RuleCatalogue.totalScore, FindingLocation(place: place, inputPath: path + ".totalScore"),
                    "填写的总分 \(SelfEvaluationTableView.number(supplied))，各项得分之和 \(SelfEvaluationTableView.number(scores))"
                )
            }
        }
        let summary = input.performance.selfEvaluation
        let base = summary.projectExpenditureTotal ?? accounts.total.expenditure.project
        add(
            within(
                summary.amount, base,
                addends: 1 + (summary.projectExpenditureTotal == nil ? addends { [$0.expenditure.project] } : 1),
                RuleCatalogue.selfEvaluatedAmount,
                FindingLocation(place: "第三部分 九（一）", inputPath: "$.performance.selfEvaluation.amount"),
                "共涉及资金 \(Self.money(summary.amount))大于项目支出总额 \(Self.money(base))"))
    }
}
