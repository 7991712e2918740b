import Foundation

// The figures that other formats print and the standard one does not (中央、四川 …): the totals with their
// comparison, 一般公共预算财政拨款支出 by 类 and 项 with 年初预算, the two funds. Each is a `FigureView`: amount,
// share, comparison and reason as parts, so a template words them as its locality does.

extension ViewBuilder {
    mutating func totalsSection() -> TotalsSection {
        let prior = input.priorYear
        let anyPrior = [prior.carryIn, prior.nonFiscalBalanceUsed, prior.income].contains { $0 != nil }
        let priorIncome = prior.carryIn.orZero + prior.nonFiscalBalanceUsed.orZero + prior.income.orZero
        let anyPriorSpending = [prior.expenditure, prior.surplusDistribution, prior.carryOut].contains { $0 != nil }
        let priorSpending = prior.expenditure.orZero + prior.surplusDistribution.orZero + prior.carryOut.orZero
        let fiscalExpenditure = accounts.fiscalExpenditure.total
        return TotalsSection(
            income: figure(
                accounts.grandTotal, FigureID.dept("grandTotal.income"), prior: anyPrior ? priorIncome : nil,
                reason: input.reasons.grandTotal),
            expenditure: figure(
                accounts.grandTotal, FigureID.dept("grandTotal.expenditure"),
                prior: anyPriorSpending ? priorSpending : nil, reason: input.reasons.grandTotal),
            fiscal: figure(
                accounts.fiscalGrandTotal, FigureID.dept("fiscalGrandTotal.income"), prior: prior.fiscalTotal,
                reason: input.reasons.fiscalTotal),
            fiscalIncome: figure(accounts.fiscalIncome.total, FigureID.dept("income.fiscal")),
            fiscalCarryIn: figure(accounts.fiscalCarryIn.total, FigureID.dept("fiscalCarryIn.total")),
            fiscalExpenditure: figure(fiscalExpenditure, FigureID.dept("fiscalExpenditure.total")),
            fiscalCarryOut: figure(accounts.fiscalCarryOut.total, FigureID.dept("fiscalCarryOut.total")))
    }

    /// `一般公共服务支出（类）人大事务（款）行政运行（项）`: the line's name with those of the lines above it.
    private func fullName(_ line: SubjectLine) -> String {
        var parts: [String] = []
        for (length, level) in [(3, "类"), (5, "款"), (7, "项")] where line.code.count >= length {
            let code = String(line.code.prefix(length))
            let name = accounts.subjectLines.first { $0.code == code }?.name ?? ""
            parts.append("\(name)（\(level)）")
        }
        return parts.joined()
    }

    /// The 类 with spending of one fund and, for each, its 项 with spending: numbered, with shares of `total`.
    private mutating func subjectFigures(
        _ measure: String, total: Amount, amount: (SubjectLine) -> Amount, budgets: [String: Amount]? = nil
    ) -> [SubjectFigureView] {
        var categories: [SubjectFigureView] = []
        for category in accounts.subjectLines where category.level == .category && !amount(category).isZero {
            var items: [SubjectFigureView] = []
            for line in accounts.subjectLines
            where line.level == .item && line.categoryCode == category.code && !amount(line).isZero {
                items.append(subjectFigure(line, measure, index: items.count + 1, of: total, amount: amount, budgets))
            }
            if !items.isEmpty { items[items.count - 1].last = true }
            var view = subjectFigure(
                category, measure, index: categories.count + 1, of: total, amount: amount, nil)
            view.items = items
            categories.append(view)
        }
        if !categories.isEmpty { categories[categories.count - 1].last = true }
        return categories
    }

    private mutating func subjectFigure(
        _ line: SubjectLine, _ measure: String, index: Int, of total: Amount, amount: (SubjectLine) -> Amount,
        _ budgets: [String: Amount]?
    ) -> SubjectFigureView {
        let actual = amount(line)
        let actualID = FigureID.line(line.code, measure)
        let budgetID = FigureID.line(line.code, "generalBudgetBudget")
        let budget = budgets?[line.code]
        var budgetText: String?
        var completionText: String?
        if let budget {
            budgetText = self.amount(budget, budgetID)
            completionText = completion(actual, of: budget, id: actualID)
        }
        return SubjectFigureView(
            index: String(index), cn: ChineseNumeral.of(index), number: ChineseNumeral.parenthesized(index),
            code: line.code, name: line.name, fullName: fullName(line),
            amount: figure(actual, actualID, of: total),
            ids: ["budget": budgetID, "completion": actualID], budget: budgetText, completion: completionText,
            items: [], last: false)
    }

    /// `完成…预算的 …%` (none on a budget that prints as 0.00), the budget recorded for `id`.
    private mutating func completion(_ actual: Amount, of budget: Amount, id: String) -> String? {
        book.add(id, actual.value, budget: budget.value)
        return Ratio.completion(actual, of: budget).map { Format.percent($0) }
    }

    /// The names of the economic codes under `groups` with spending: `基本工资、津贴补贴、奖金`.
    private func economicNames(_ groups: [String]) -> String {
        EconomicCodes.all.filter { code in
            code.code.count == 5 && groups.contains(String(code.code.prefix(3)))
                && !Format.rounded(accounts.table06.amount(code.code).value).isZero
        }.map(\.name).joined(separator: "、")
    }

    mutating func generalBudgetSection() -> GeneralBudgetSection {
        let spending = accounts.total.generalBudget
        let byItem = input.fiscalInitialBudget.generalBudgetByItem
        let totalID = FigureID.dept("generalBudget.total")
        let budgetID = FigureID.dept("generalBudgetBudget")
        var budgetText: String?
        var completionText: String?
        if let byItem, !byItem.isEmpty {
            let budget = byItem.values.sum()
            budgetText = amount(budget, budgetID)
            completionText = completion(spending.total, of: budget, id: totalID)
        }
        let categories = subjectFigures(
            "generalBudget.total", total: spending.total, amount: { $0.generalBudget.total }, budgets: byItem)
        let table = accounts.table06
        return GeneralBudgetSection(
            total: figure(
                spending.total, totalID, of: accounts.expenditureTotal,
                prior: input.priorYear.generalBudgetExpenditure, reason: input.reasons.generalBudget),
            basic: figure(spending.basic, FigureID.dept("generalBudget.basic"), of: spending.total),
            project: figure(spending.project, FigureID.dept("generalBudget.project"), of: spending.total),
            ids: ["budget": budgetID, "completion": totalID], budget: budgetText, completion: completionText,
            categories: categories,
            personnel: figure(table.personnel, FigureID.dept("econ.personnel"), of: spending.basic),
            publicExpenses: figure(table.publicExpenses, FigureID.dept("econ.publicExpenses"), of: spending.basic),
            personnelItems: economicNames(["301", "303"]),
            publicExpenseItems: economicNames(["302", "307", "310", "399"]))
    }

    mutating func fundSection() -> FundSection {
        let fund = accounts.total.fund
        return FundSection(
            empty: fund.isZero,
            carryIn: figure(fund.carryIn, FigureID.dept("fund.carryIn")),
            income: figure(fund.income, FigureID.dept("fund.income")),
            spending: figure(fund.spending.total, FigureID.dept("fund.spending.total"), of: accounts.expenditureTotal),
            basic: figure(fund.spending.basic, FigureID.dept("fund.spending.basic"), of: fund.spending.total),
            project: figure(fund.spending.project, FigureID.dept("fund.spending.project"), of: fund.spending.total),
            carryOut: figure(fund.carryOut, FigureID.dept("fund.carryOut")),
            categories: subjectFigures(
                "fund.spending.total", total: fund.spending.total, amount: { $0.fund.spending.total }))
    }

    mutating func stateCapitalSection() -> StateCapitalSection {
        let capital = accounts.total.stateCapital
        return StateCapitalSection(
            empty: capital.isZero,
            total: figure(capital.total, FigureID.dept("stateCapital.total"), of: accounts.expenditureTotal),
            basic: figure(capital.basic, FigureID.dept("stateCapital.basic"), of: capital.total),
            project: figure(capital.project, FigureID.dept("stateCapital.project"), of: capital.total),
            categories: subjectFigures(
                "stateCapital.total", total: capital.total, amount: { $0.stateCapital.total }))
    }
}
