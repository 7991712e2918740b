extension FindingCollector {
    mutating func crossTableRules() {
        let table06 = accounts.table06
        let basic05 = accounts.total.generalBudget.basic
        if Self.differ(basic05, table06.total) {
            add(
                RuleCatalogue.basicVersus06, FindingLocation(place: "公开05表 合计 基本支出；公开06表 合计"),
                "公开05表 基本支出 \(Self.money(basic05))，公开06表 人员经费合计 \(Self.money(table06.personnel)) + 公用经费合计 "
                    + "\(Self.money(table06.publicExpenses)) = \(Self.money(table06.total))；相差超过 0.01 万元")
        }
        for line in accounts.subjectLines where line.level == .category {
            if Self.exceeds(line.fiscalExpenditure, line.expenditure.total) {
                add(
                    RuleCatalogue.fiscalWithinTotal,
                    FindingLocation(place: "公开04表", detail: "\(line.code) \(line.name)"),
                    "公开04表 \(line.name) 财政拨款支出 \(Self.money(line.fiscalExpenditure))大于公开01表该类本年支出 "
                        + Self.money(line.expenditure.total))
            }
        }
        for line in accounts.subjectLines where line.level == .item {
            let basic = line.generalBudget.basic + line.fund.spending.basic + line.stateCapital.basic
            let project = line.generalBudget.project + line.fund.spending.project + line.stateCapital.project
            for (fiscal, total, label) in [
                (basic, line.expenditure.basic, "基本支出"), (project, line.expenditure.project, "项目支出"),
            ] where Self.exceeds(fiscal, total) {
                add(
                    RuleCatalogue.generalWithinExpenditure,
                    FindingLocation(place: "公开05表", detail: "\(line.code) \(line.name) \(label)"),
                    "科目 \(line.code) 财政拨款\(label)（05、07、08 表）\(Self.money(fiscal))大于公开03表\(label) \(Self.money(total))")
            }
        }
        let three = accounts.threePublic
        let pairs: [(String, Amount, String, String)] = [
            ("30212", three.abroad.actual, "行 2", "因公出国（境）费"),
            ("30217", three.reception.actual, "行 6", "公务接待费"),
            ("30231", three.vehicleOperation.actual, "行 5", "公务用车运行维护费"),
            ("31013", three.vehiclePurchase.actual, "行 4", "公务用车购置费"),
        ]
        for (code, actual, row, label) in pairs where Self.exceeds(table06.amount(code), actual) {
            add(
                RuleCatalogue.economicVersusThreePublic, FindingLocation(place: "公开06表", detail: code),
                "公开06表 \(code) \(EconomicCodes.named(code)?.name ?? "") \(Self.money(table06.amount(code)))大于公开09表 "
                    + "\(label)决算数（\(row)）\(Self.money(actual))")
        }
        let held = input.threePublic.statistics.vehiclesHeld ?? 0
        if held > accounts.vehicleTotal {
            add(
                RuleCatalogue.vehiclesHeld, FindingLocation(place: "公开09表 行 14；公开10表 行 1"),
                "公开09表 公务用车保有量 \(held) 辆大于公开10表 车辆数合计 \(accounts.vehicleTotal) 辆")
        }
        negativeBalances()
    }

    private mutating func negativeBalances() {
        let tolerance = RuleCatalogue.tolerance
        if accounts.carryOut < -tolerance {
            add(
                RuleCatalogue.negativeBalance, FindingLocation(place: "公开01表 行 60"),
                "年末结转和结余为 \(Self.money(accounts.carryOut))：本年支出与结余分配大于收入总计")
        }
        let carryOut = accounts.fiscalCarryOut
        for (amount, label) in [
            (carryOut.generalBudget, "一般公共预算"), (carryOut.governmentFund, "政府性基金预算"),
            (carryOut.stateCapital, "国有资本经营预算"),
        ] where amount < -tolerance {
            add(
                RuleCatalogue.negativeBalance, FindingLocation(place: "公开04表 行 60"),
                "年末\(label)财政拨款结转和结余为 \(Self.money(amount))：\(label)财政拨款支出大于年初结转与本年收入之和")
        }
        for line in accounts.subjectLines where line.level == .item && line.fund.carryOut < -tolerance {
            add(
                RuleCatalogue.negativeBalance, FindingLocation(place: "公开07表", detail: "\(line.code) \(line.name)"),
                "政府性基金年末结转和结余为 \(Self.money(line.fund.carryOut))：支出大于年初结转与本年收入之和")
        }
    }

    mutating func priorYearRules() {
        let prior = input.priorYear
        if let carryOut = prior.carryOut, Self.differ(accounts.carryIn, carryOut) {
            add(
                RuleCatalogue.carryChain, FindingLocation(place: "第三部分 一", inputPath: "$.priorYear.carryOut"),
                "本年年初结转和结余 \(Self.money(accounts.carryIn))，上年年末结转和结余 \(Self.money(carryOut))")
        }
        if let carryIn = prior.carryIn, let income = prior.income, let spending = prior.expenditure,
            let carryOut = prior.carryOut
        {
            let sources = carryIn + income + prior.nonFiscalBalanceUsed.orZero
            let uses = spending + prior.surplusDistribution.orZero + carryOut
            if Self.differ(sources, uses) {
                add(
                    RuleCatalogue.priorBalance, FindingLocation(inputPath: "$.priorYear"),
                    "上年数不平衡：年初 \(Format.amount(carryIn)) + 收入 \(Format.amount(income)) + 使用结余 "
                        + "\(Format.amount(prior.nonFiscalBalanceUsed.orZero)) = \(Self.money(sources))，支出 "
                        + "\(Format.amount(spending)) + 结余分配 \(Format.amount(prior.surplusDistribution.orZero)) + 年末 "
                        + "\(Format.amount(carryOut)) = \(Self.money(uses))")
            }
        }
        if let three = prior.threePublic, let total = three.suppliedTotal {
            let sum = three.itemsTotal
            if Self.differ(total, sum) {
                add(
                    RuleCatalogue.priorThreePublic,
                    FindingLocation(place: "第三部分 五", inputPath: "$.priorYear.threePublic.total"),
                    "上年“三公”经费合计 \(Self.money(total))，各项之和 \(Self.money(sum))（说明中使用各项之和）")
            }
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

    mutating func performanceRules() {
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
        if Self.exceeds(summary.amount, base) {
            add(
                RuleCatalogue.selfEvaluatedAmount,
                FindingLocation(place: "第三部分 九（一）", inputPath: "$.performance.selfEvaluation.amount"),
                "共涉及资金 \(Self.money(summary.amount))大于项目支出总额 \(Self.money(base))")
        }
    }
}
