import Foundation

/// 第三部分 情况说明, sections 一 to 九.
public struct Part3View: Encodable, Sendable {
    public var s1: IncomeSection
    public var s2: ExpenditureSection
    public var s3: FiscalSection
    public var s4: BasicSection
    public var s5: ThreePublicSection
    public var s6: OperatingCostsSection
    public var s7: ProcurementSection
    public var s8: AssetsSection
    public var s9: PerformanceSection
    /// 收入支出总计 and 财政拨款收入支出总计 with their year-on-year comparison (中央、四川 formats' 一、四).
    public var totals: TotalsSection
    /// 一般公共预算财政拨款支出: total, share, comparison, structure per 类, 年初预算 per 项 (中央 format's 五、六).
    public var generalBudget: GeneralBudgetSection
    /// 政府性基金预算财政拨款 (中央 format's 七).
    public var governmentFund: FundSection
    /// 国有资本经营预算财政拨款支出 (中央 format's 八).
    public var stateCapital: StateCapitalSection
}

/// 一、收入决算情况说明.
public struct IncomeSection: Encodable, Sendable {
    /// The identities of the members that are plain strings.
    public var ids: [String: String]
    /// 收入总计.
    public var total: String
    /// 年初结转和结余 (no reason slot).
    public var carryIn: ComparedFigure
    /// 使用非财政拨款结余（含专用结余） (no reason slot).
    public var nonFiscalBalanceUsed: ComparedFigure
    /// 本年收入合计.
    public var income: ComparedFigure
    /// 本年收入的具体构成, in the narrative's order.
    public var fiscal: ShareView
    public var business: ShareView
    public var operating: ShareView
    public var superiorSubsidy: ShareView
    public var affiliated: ShareView
    public var other: ShareView
    /// 财政拨款收入 by source, for formats that list them (一般公共预算、政府性基金、国有资本经营).
    public var generalBudget: ShareView
    public var governmentFund: ShareView
    public var stateCapital: ShareView
}

/// 二、支出决算情况说明.
public struct ExpenditureSection: Encodable, Sendable {
    /// The identities of the members that are plain strings.
    public var ids: [String: String]
    /// 支出总计.
    public var total: String
    public var expenditure: ComparedFigure
    /// 结余分配 (no reason slot).
    public var surplusDistribution: ComparedFigure
    public var carryOut: ComparedFigure
    public var basic: ShareView
    public var project: ShareView
    public var operating: ShareView
    public var toSuperior: ShareView
    public var toAffiliated: ShareView
}

/// 三、财政拨款支出决算情况说明.
public struct FiscalSection: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        /// The identities of `budget`, `actual` and `completion`.
        public var ids: [String: String]
        /// `（一）`.
        public var number: String
        /// `1`, and `一`: for a template that numbers the items its own way.
        public var index: String
        public var cn: String
        public var code: String
        public var name: String
        public var budget: String
        public var actual: String
        /// `99.75%`; absent when the budget is 0.
        @Nullable public var completion: String?
        public var reason: ReasonView
    }

    /// The identities of `budget`, `actual` and `completion`.
    public var ids: [String: String]
    public var budget: String
    public var actual: String
    @Nullable public var completion: String?
    public var items: [Item]
}

/// 四、一般公共预算财政拨款基本支出决算情况说明.
public struct BasicSection: Encodable, Sendable {
    /// The identity of `total`.
    public var ids: [String: String]
    public var total: String
    /// 工资福利支出 (301).
    public var wages: ComparedFigure
    /// 商品和服务支出 (302).
    public var goodsAndServices: ComparedFigure
    /// 对个人和家庭补助支出 (303).
    public var subsidies: ComparedFigure
    /// 资本性支出 (310).
    public var capital: ComparedFigure
}

/// 五、财政拨款“三公”经费支出决算情况说明.
public struct ThreePublicSection: Encodable, Sendable {
    /// One item with budget, actual, completion, reasons and year-on-year change.
    public struct Item: Encodable, Sendable {
        /// The identities of the figures (`budget`, `actual`, `initialBudget`, `completion`, `change`, `share`).
        public var ids: [String: String]
        /// 年初预算数.
        public var initialBudget: String
        /// 全年预算数.
        public var budget: String
        /// 决算数.
        public var actual: String
        /// `完成全年预算的` percentage; absent when the budget is 0.
        @Nullable public var completion: String?
        /// 预算执行 主要原因.
        public var budgetReason: ReasonView
        public var change: ChangeView
        /// 比上年 主要原因.
        public var changeReason: ReasonView
        /// 主要是：… (出国, 接待).
        public var description: ReasonView
        /// The 决算数's share of the 三公 total 决算数: `12.50%`.
        public var share: String
        public var shareValue: String
    }

    /// The identities of the members that are plain strings.
    public var ids: [String: String]
    public var total: Item
    public var abroad: Item
    public var abroadGroups: String
    public var abroadPersonTimes: String
    /// 公务用车购置及运行维护费 (no percentage, no comparison in the standard format).
    public var vehiclesBudget: String
    public var vehiclesActual: String
    /// The same as an item, for formats that compare and share it.
    public var vehicles: Item
    public var vehiclePurchase: Item
    public var vehiclesPurchased: String
    public var vehicleOperation: Item
    public var vehiclesHeld: String
    public var reception: Item
    public var receptionBatches: String
    public var receptionPersonTimes: String
}

/// 六、机关运行经费支出情况说明.
public struct OperatingCostsSection: Encodable, Sendable {
    public var costs: ComparedFigure
}

/// 七、政府采购支出情况说明.
public struct ProcurementSection: Encodable, Sendable {
    /// The identities of the members.
    public var ids: [String: String]
    public var total: String
    public var goods: String
    public var works: String
    public var services: String
    public var sme: String
    /// 授予中小企业合同金额占政府采购支出总额的 …
    public var smeShare: String
    public var micro: String
    /// 占授予中小企业合同金额的 …
    public var microShare: String
    public var goodsSmeShare: String
    public var worksSmeShare: String
    public var servicesSmeShare: String
}

/// 八、国有资产占用情况说明.
public struct AssetsSection: Encodable, Sendable {
    /// The identities of the members.
    public var ids: [String: String]
    public var vehicles: String
    public var ministerial: String
    public var principal: String
    public var confidential: String
    public var emergency: String
    public var lawEnforcement: String
    public var specialTechnical: String
    public var retiredCadres: String
    public var other: String
    /// 其他用车主要是用于… (shown when there are other vehicles).
    public var otherUse: ReasonView
    public var equipment: String
}

/// 九、预算绩效情况说明.
public struct PerformanceSection: Encodable, Sendable {
    public struct DepartmentEvaluationView: Encodable, Sendable {
        public var count: String
        /// Exactly one project (`即A` rather than `分别为：A、B`).
        public var single: Bool
        /// `A、B`.
        public var projects: String
        public var generalBudget: String
        public var governmentFund: String
        public var stateCapital: String
        public var assessment: String
    }

    public struct OverallEvaluationView: Encodable, Sendable {
        public var generalBudget: String
        public var governmentFund: String
        public var grade: String
        public var assessment: String
    }

    /// The identities of `amount` and `share`.
    public var ids: [String: String]
    /// 二级项目个数.
    public var projectCount: String
    /// The sentence on the grades, as the department chose to write it (`其中，…。`).
    public var gradeSentence: String
    /// 共涉及资金.
    public var amount: String
    /// 占项目支出总额的 …
    public var share: String
    public var excellent: String
    public var good: String
    public var fair: String
    public var poor: String
    @Nullable public var departmentEvaluation: DepartmentEvaluationView?
    @Nullable public var overallEvaluation: OverallEvaluationView?
    /// （二） the department's text.
    public var text: [BlockView]
    /// `本部门“A”“B”项目支出绩效自评表如下：`; absent without tables.
    @Nullable public var tablesLeadIn: String?
    public var tables: [SelfEvaluationTableView]
    /// （三） extra paragraphs.
    public var notes: [String]
}

/// A figure with every part a template may phrase: the amount, its share of a total, its comparison with last year
/// and a reason. Parts that do not apply are null.
public struct FigureView: Encodable, Sendable {
    /// The figure's identity.
    public var id: String
    /// `2443.08`.
    public var amount: String
    /// `2,443.08`.
    public var t: String
    /// The exact amount, for the helpers.
    public var value: String
    public var zero: Bool
    /// The share of its total: `98.73%`; null when it has none (or the total is 0).
    @Nullable public var share: String?
    @Nullable public var shareValue: String?
    /// The comparison with last year; null when last year's figure is not in the input.
    @Nullable public var change: ChangeView?
    /// The department's reason, when it gave one.
    @Nullable public var reason: ReasonView?
}

/// 收入支出总计 and 财政拨款收入支出总计.
public struct TotalsSection: Encodable, Sendable {
    /// 收入总计, compared with 上年收入总计 (上年年初结转和结余 + 使用非财政拨款结余 + 本年收入合计).
    public var income: FigureView
    /// 支出总计, compared with 上年支出总计 (上年本年支出合计 + 结余分配 + 年末结转和结余).
    public var expenditure: FigureView
    /// 财政拨款收入支出总计 (公开04表 总计), compared with `priorYear.fiscalTotal` when given.
    public var fiscal: FigureView
    /// 本年财政拨款收入, 年初财政拨款结转和结余, 本年财政拨款支出, 年末财政拨款结转和结余.
    public var fiscalIncome: FigureView
    public var fiscalCarryIn: FigureView
    public var fiscalExpenditure: FigureView
    public var fiscalCarryOut: FigureView
}

/// One 类 or 项 of a fund's spending, numbered.
public struct SubjectFigureView: Encodable, Sendable {
    /// `1`, `一`, `（一）`.
    public var index: String
    public var cn: String
    public var number: String
    public var code: String
    public var name: String
    /// `一般公共服务支出（类）人大事务（款）行政运行（项）` for a 项; `一般公共服务支出（类）` for a 类.
    public var fullName: String
    /// The amount, its share of the fund's total.
    public var amount: FigureView
    /// The identities of `budget` and `completion`.
    public var ids: [String: String]
    /// 年初预算数 (项 of 一般公共预算, when the input gives it).
    @Nullable public var budget: String?
    /// 完成年初预算的 …; null without a budget, or when it is 0.
    @Nullable public var completion: String?
    /// The 项 of a 类 (一般公共预算: every 项 with spending).
    public var items: [SubjectFigureView]
    /// Whether this is the last of its list (for a template that joins the list into one sentence).
    public var last: Bool
}

/// 一般公共预算财政拨款支出.
public struct GeneralBudgetSection: Encodable, Sendable {
    /// The total, its share of 本年支出合计, its comparison with `priorYear.generalBudgetExpenditure`.
    public var total: FigureView
    /// 基本支出 and 项目支出, with their shares of the total.
    public var basic: FigureView
    public var project: FigureView
    /// The identities of `budget` and `completion`.
    public var ids: [String: String]
    /// 年初预算数: the sum of `fiscalInitialBudget.generalBudgetByItem`; null when the input gives none.
    @Nullable public var budget: String?
    @Nullable public var completion: String?
    /// Each 类 with its share of the total and its 项.
    public var categories: [SubjectFigureView]
    /// 人员经费 and 公用经费 (公开06表), and the names of their economic codes with spending: `基本工资、津贴补贴…`.
    public var personnel: FigureView
    public var publicExpenses: FigureView
    public var personnelItems: String
    public var publicExpenseItems: String
}

/// 政府性基金预算财政拨款 (公开07表).
public struct FundSection: Encodable, Sendable {
    /// No figure at all (most departments): the formats say so in one sentence.
    public var empty: Bool
    public var carryIn: FigureView
    public var income: FigureView
    public var spending: FigureView
    public var basic: FigureView
    public var project: FigureView
    public var carryOut: FigureView
    /// Each 类 with spending.
    public var categories: [SubjectFigureView]
}

/// 国有资本经营预算财政拨款支出 (公开08表).
public struct StateCapitalSection: Encodable, Sendable {
    public var empty: Bool
    public var total: FigureView
    public var basic: FigureView
    public var project: FigureView
    public var categories: [SubjectFigureView]
}

extension ViewBuilder {
    mutating func buildPart3() -> Part3View {
        Part3View(
            s1: incomeSection(), s2: expenditureSection(), s3: fiscalSection(), s4: basicSection(),
            s5: threePublicSection(), s6: operatingCostsSection(), s7: procurementSection(), s8: assetsSection(),
            s9: performanceSection(), totals: totalsSection(), generalBudget: generalBudgetSection(),
            governmentFund: fundSection(), stateCapital: stateCapitalSection())
    }

    /// A figure with the parts that apply, recorded in the book.
    mutating func figure(
        _ amount: Amount, _ id: String, of base: Amount? = nil, prior: Amount? = nil, reason: String? = nil
    ) -> FigureView {
        book.add(id, amount.value, prior: prior?.value, shareBase: base?.value)
        let share = base.flatMap { Ratio.percent(amount, of: $0) }
        return FigureView(
            id: id, amount: Format.amount(amount), t: Format.amount(amount, grouping: true),
            value: Format.exact(amount.value), zero: Format.rounded(amount.value).isZero,
            share: share.map { Format.percent($0) }, shareValue: share.map { Format.exact($0) },
            change: prior.map { ChangeView(current: amount, prior: $0) },
            reason: ReasonView.clean(reason).map { ReasonView($0, expected: false) })
    }

    /// A compared figure; `reasonPath` nil means the slot carries no reason. In 第三部分 一、二 a reason is never
    /// printed on 与上年持平.
    private mutating func compared(
        _ current: Amount, _ id: String, prior: Amount?, reason: String?, reasonPath: String?, location: String,
        reasonOnSame: Bool = true
    ) -> ComparedFigure {
        book.add(id, current.value, prior: prior.orZero.value)
        let change = YearOnYear(current: current, prior: prior.orZero)
        var reasonView = ReasonView(nil, expected: false)
        if let reasonPath, reasonOnSame || change != .same {
            reasonView = self.reason(reason, expected: change.needsReason, path: reasonPath, location: location)
        } else if let reasonPath {
            notPrinted(reason, path: reasonPath, location: location, why: "与上年持平，这里不写变动原因")
        }
        return ComparedFigure(
            id: id, amount: Format.amount(current), value: Format.exact(current.value),
            change: ChangeView(change, prior: prior.orZero), reason: reasonView)
    }

    private mutating func share(_ part: Amount, of whole: Amount, _ id: String) -> ShareView {
        book.add(id, part.value, shareBase: whole.value)
        let ratio = Ratio.share(part, of: whole)
        return ShareView(
            id: id, amount: Format.amount(part), value: Format.exact(part.value), share: Format.percent(ratio),
            shareValue: Format.exact(ratio))
    }

    /// `完成…预算的 …%`; none when the budget prints as 0.00 (N-01: no completion rate on a zero budget). The
    /// budget is recorded as the one of `id`'s completion rate.
    private mutating func completion(_ actual: Amount, of budget: Amount, _ id: String) -> String? {
        book.add(id, actual.value, budget: budget.value)
        return Ratio.completion(actual, of: budget).map { Format.percent($0) }
    }

    private mutating func incomeSection() -> IncomeSection {
        let prior = input.priorYear
        let income = accounts.total.income
        let total = accounts.incomeTotal
        book.add(FigureID.dept("grandTotal.income"), accounts.grandTotal.value)
        return IncomeSection(
            ids: ["total": FigureID.dept("grandTotal.income")],
            total: Format.amount(accounts.grandTotal),
            carryIn: compared(
                accounts.carryIn, FigureID.dept("carryIn"), prior: prior.carryIn, reason: nil, reasonPath: nil,
                location: "第三部分 一 年初结转和结余"),
            nonFiscalBalanceUsed: compared(
                accounts.nonFiscalBalanceUsed, FigureID.dept("nonFiscalBalanceUsed"),
                prior: prior.nonFiscalBalanceUsed, reason: nil, reasonPath: nil,
                location: "第三部分 一 使用非财政拨款结余"),
            income: compared(
                total, FigureID.dept("income.total"), prior: prior.income, reason: input.reasons.income,
                reasonPath: "$.reasons.income", location: "第三部分 一 本年收入合计", reasonOnSame: false),
            fiscal: share(income.fiscal, of: total, FigureID.dept("income.fiscal")),
            business: share(income.business, of: total, FigureID.dept("income.business")),
            operating: share(income.operating, of: total, FigureID.dept("income.operating")),
            superiorSubsidy: share(income.superiorSubsidy, of: total, FigureID.dept("income.superiorSubsidy")),
            affiliated: share(income.affiliated, of: total, FigureID.dept("income.affiliated")),
            other: share(income.other, of: total, FigureID.dept("income.other")),
            generalBudget: share(income.generalBudget, of: total, FigureID.dept("income.generalBudget")),
            governmentFund: share(income.governmentFund, of: total, FigureID.dept("income.governmentFund")),
            stateCapital: share(income.stateCapital, of: total, FigureID.dept("income.stateCapital")))
    }

    private mutating func expenditureSection() -> ExpenditureSection {
        let prior = input.priorYear
        let spending = accounts.total.expenditure
        let total = accounts.expenditureTotal
        book.add(FigureID.dept("grandTotal.expenditure"), accounts.grandTotal.value)
        return ExpenditureSection(
            ids: ["total": FigureID.dept("grandTotal.expenditure")],
            total: Format.amount(accounts.grandTotal),
            expenditure: compared(
                total, FigureID.dept("expenditure.total"), prior: prior.expenditure,
                reason: input.reasons.expenditure, reasonPath: "$.reasons.expenditure",
                location: "第三部分 二 本年支出合计", reasonOnSame: false),
            surplusDistribution: compared(
                accounts.surplusDistribution, FigureID.dept("surplusDistribution"), prior: prior.surplusDistribution,
                reason: nil, reasonPath: nil, location: "第三部分 二 结余分配"),
            carryOut: compared(
                accounts.carryOut, FigureID.dept("carryOut"), prior: prior.carryOut, reason: input.reasons.carryOut,
                reasonPath: "$.reasons.carryOut", location: "第三部分 二 年末结转和结余", reasonOnSame: false),
            basic: share(spending.basic, of: total, FigureID.dept("expenditure.basic")),
            project: share(spending.project, of: total, FigureID.dept("expenditure.project")),
            operating: share(spending.operating, of: total, FigureID.dept("expenditure.operating")),
            toSuperior: share(spending.toSuperior, of: total, FigureID.dept("expenditure.toSuperior")),
            toAffiliated: share(spending.toAffiliated, of: total, FigureID.dept("expenditure.toAffiliated")))
    }

    private mutating func fiscalSection() -> FiscalSection {
        let budgets = input.fiscalInitialBudget.byCategory
        var items: [FiscalSection.Item] = []
        for line in accounts.subjectLines where line.level == .category && !line.fiscalExpenditure.isZero {
            let budget = budgets[line.code].orZero
            let actual = line.fiscalExpenditure
            let differs = !Format.rounded((actual - budget).value).isZero
            let path = "$.reasons.categories.\(line.code)"
            let location = "第三部分 三 \(line.name)（类）"
            let supplied = input.reasons.categories?[line.code]
            if !differs {
                notPrinted(supplied, path: path, location: location, why: "决算数与年初预算数相同，不写预决算差异原因")
            }
            let reason =
                differs
                ? self.reason(supplied, expected: true, path: path, location: location)
                : ReasonView(nil, expected: false)
            let actualID = FigureID.line(line.code, "fiscalExpenditure.total")
            let budgetID = FigureID.line(line.code, "fiscalBudget")
            items.append(
                FiscalSection.Item(
                    ids: ["budget": budgetID, "actual": actualID, "completion": actualID],
                    number: ChineseNumeral.parenthesized(items.count + 1), index: String(items.count + 1),
                    cn: ChineseNumeral.of(items.count + 1), code: line.code, name: line.name,
                    budget: amount(budget, budgetID), actual: amount(actual, actualID),
                    completion: completion(actual, of: budget, actualID), reason: reason))
        }
        let listed = Set(
            accounts.subjectLines.filter { $0.level == .category && !$0.fiscalExpenditure.isZero }.map(\.code))
        for (code, text) in (input.reasons.categories ?? [:]).sorted(by: { $0.key < $1.key })
        where !listed.contains(code) {
            let name = FunctionalCategories.named(code)?.name ?? code
            notPrinted(
                text, path: "$.reasons.categories.\(code)", location: "第三部分 三",
                why: "类 \(code) \(name)没有财政拨款支出，第三部分 三 不列这一类")
        }
        let budget = accounts.fiscalInitialBudgetTotal
        let actual = accounts.fiscalExpenditure.total
        let actualID = FigureID.dept("fiscalExpenditure.total")
        let budgetID = FigureID.dept("fiscalBudget")
        return FiscalSection(
            ids: ["budget": budgetID, "actual": actualID, "completion": actualID],
            budget: amount(budget, budgetID), actual: amount(actual, actualID),
            completion: completion(actual, of: budget, actualID), items: items)
    }

    private mutating func basicSection() -> BasicSection {
        let table = accounts.table06
        let prior = input.priorYear.basic
        let reasons = input.reasons.basic
        return BasicSection(
            ids: ["total": FigureID.dept("generalBudget.basic")],
            total: amount(accounts.total.generalBudget.basic, FigureID.dept("generalBudget.basic")),
            wages: compared(
                table.amount("301"), FigureID.dept("econ.301"), prior: prior?.wages, reason: reasons?.wages,
                reasonPath: "$.reasons.basic.wages", location: "第三部分 四（一）工资福利支出"),
            goodsAndServices: compared(
                table.amount("302"), FigureID.dept("econ.302"), prior: prior?.goodsAndServices,
                reason: reasons?.goodsAndServices, reasonPath: "$.reasons.basic.goodsAndServices",
                location: "第三部分 四（二）商品和服务支出"),
            subsidies: compared(
                table.amount("303"), FigureID.dept("econ.303"), prior: prior?.subsidies, reason: reasons?.subsidies,
                reasonPath: "$.reasons.basic.subsidies", location: "第三部分 四（三）对个人和家庭补助支出"),
            capital: compared(
                table.amount("310"), FigureID.dept("econ.310"), prior: prior?.capital, reason: reasons?.capital,
                reasonPath: "$.reasons.basic.capital", location: "第三部分 四（四）资本性支出"))
    }

    private mutating func threePublicSection() -> ThreePublicSection {
        let figures = accounts.threePublic
        let prior = input.priorYear.threePublic
        let reasons = input.reasons.threePublic
        let statistics = input.threePublic.statistics
        let totalActual = figures.total.actual

        func item(
            _ row: ThreePublicFigures.Row, key: String, prior: Amount?, budgetReason: ReasonView,
            changeReason: (YearOnYear) -> ReasonView, description: ReasonView, builder: inout ViewBuilder
        ) -> ThreePublicSection.Item {
            let prefix = "threePublic." + key
            let actualID = FigureID.dept(prefix + ".actual")
            let budgetID = FigureID.dept(prefix + ".adjustedBudget")
            let initialID = FigureID.dept(prefix + ".initialBudget")
            let change = YearOnYear(current: row.actual, prior: prior.orZero)
            builder.book.add(actualID, row.actual.value, prior: prior.orZero.value, shareBase: totalActual.value)
            let ratio = Ratio.share(row.actual, of: totalActual)
            return ThreePublicSection.Item(
                ids: [
                    "initialBudget": initialID, "budget": budgetID, "actual": actualID, "completion": actualID,
                    "change": actualID, "share": actualID, "shareValue": actualID,
                ],
                initialBudget: builder.amount(row.initialBudget, initialID),
                budget: builder.amount(row.adjustedBudget, budgetID), actual: Format.amount(row.actual),
                completion: builder.completion(row.actual, of: row.adjustedBudget, actualID),
                budgetReason: budgetReason, change: ChangeView(change, prior: prior.orZero),
                changeReason: changeReason(change), description: description, share: Format.percent(ratio),
                shareValue: Format.exact(ratio))
        }

        /// The reasons of an item the standard report explains.
        func explained(
            _ row: ThreePublicFigures.Row, key: String, prior: Amount?, budgetReason: String?, changeReason: String?,
            descriptionReason: String?, location: String, describedCount: Int?
        ) -> ThreePublicSection.Item {
            let differs = !Format.rounded((row.actual - row.adjustedBudget).value).isZero
            let path = "$.reasons.threePublic.\(key)"
            let budget = reason(budgetReason, expected: differs, path: path + ".budget", location: location + " 预算执行")
            let change = YearOnYear(current: row.actual, prior: prior.orZero)
            let fixed = reason(
                changeReason, expected: change.needsReason, path: path + ".change", location: location + " 比上年")
            let description =
                describedCount.map {
                    reason(
                        descriptionReason, expected: $0 > 0, path: path + ".description", location: location + " 主要是")
                } ?? ReasonView(nil, expected: false)
            return item(
                row, key: key, prior: prior, budgetReason: budget, changeReason: { _ in fixed },
                description: description, builder: &self)
        }

        let none = ReasonView(nil, expected: false)
        let total = item(
            figures.total, key: "total", prior: accounts.priorThreePublicTotal, budgetReason: none,
            changeReason: { _ in none }, description: none, builder: &self)
        let vehiclesPrior = prior.map { $0.vehiclePurchase.orZero + $0.vehicleOperation.orZero }
        let vehicles = item(
            figures.vehicles, key: "vehicles", prior: vehiclesPrior, budgetReason: none, changeReason: { _ in none },
            description: none, builder: &self)
        let counted: [String: String] = [
            "abroadGroups": counted(statistics.abroadGroups ?? 0, FigureID.dept("threePublic.abroadGroups")),
            "abroadPersonTimes": counted(
                statistics.abroadPersonTimes ?? 0, FigureID.dept("threePublic.abroadPersonTimes")),
            "vehiclesPurchased": counted(
                statistics.vehiclesPurchased ?? 0, FigureID.dept("threePublic.vehiclesPurchased")),
            "vehiclesHeld": counted(statistics.vehiclesHeld ?? 0, FigureID.dept("threePublic.vehiclesHeld")),
            "receptionBatches": counted(
                statistics.domesticReceptionBatches ?? 0, FigureID.dept("threePublic.domesticReceptionBatches")),
            "receptionPersonTimes": counted(
                statistics.domesticReceptionPersonTimes ?? 0,
                FigureID.dept("threePublic.domesticReceptionPersonTimes")),
        ]
        return ThreePublicSection(
            ids: [
                "abroadGroups": FigureID.dept("threePublic.abroadGroups"),
                "abroadPersonTimes": FigureID.dept("threePublic.abroadPersonTimes"),
                "vehiclesBudget": FigureID.dept("threePublic.vehicles.adjustedBudget"),
                "vehiclesActual": FigureID.dept("threePublic.vehicles.actual"),
                "vehiclesPurchased": FigureID.dept("threePublic.vehiclesPurchased"),
                "vehiclesHeld": FigureID.dept("threePublic.vehiclesHeld"),
                "receptionBatches": FigureID.dept("threePublic.domesticReceptionBatches"),
                "receptionPersonTimes": FigureID.dept("threePublic.domesticReceptionPersonTimes"),
            ],
            total: total,
            abroad: explained(
                figures.abroad, key: "abroad", prior: prior?.abroad, budgetReason: reasons?.abroad?.budget,
                changeReason: reasons?.abroad?.change, descriptionReason: reasons?.abroad?.description,
                location: "第三部分 五（一）因公出国（境）费", describedCount: statistics.abroadGroups ?? 0),
            abroadGroups: counted["abroadGroups"]!, abroadPersonTimes: counted["abroadPersonTimes"]!,
            vehiclesBudget: Format.amount(figures.vehicles.adjustedBudget),
            vehiclesActual: Format.amount(figures.vehicles.actual), vehicles: vehicles,
            vehiclePurchase: explained(
                figures.vehiclePurchase, key: "vehiclePurchase", prior: prior?.vehiclePurchase,
                budgetReason: reasons?.vehiclePurchase?.budget, changeReason: reasons?.vehiclePurchase?.change,
                descriptionReason: nil, location: "第三部分 五（二）公务用车购置", describedCount: nil),
            vehiclesPurchased: counted["vehiclesPurchased"]!,
            vehicleOperation: explained(
                figures.vehicleOperation, key: "vehicleOperation", prior: prior?.vehicleOperation,
                budgetReason: reasons?.vehicleOperation?.budget, changeReason: reasons?.vehicleOperation?.change,
                descriptionReason: nil, location: "第三部分 五（二）公务用车运行维护费", describedCount: nil),
            vehiclesHeld: counted["vehiclesHeld"]!,
            reception: explained(
                figures.reception, key: "reception", prior: prior?.reception,
                budgetReason: reasons?.reception?.budget, changeReason: reasons?.reception?.change,
                descriptionReason: reasons?.reception?.description, location: "第三部分 五（三）公务接待费",
                describedCount: statistics.domesticReceptionBatches ?? 0),
            receptionBatches: counted["receptionBatches"]!, receptionPersonTimes: counted["receptionPersonTimes"]!)
    }

    private mutating func operatingCostsSection() -> OperatingCostsSection {
        OperatingCostsSection(
            costs: compared(
                accounts.operatingCosts, FigureID.dept("operatingCosts"), prior: input.priorYear.operatingCosts,
                reason: input.reasons.operatingCosts, reasonPath: "$.reasons.operatingCosts",
                location: "第三部分 六 机关运行经费"))
    }

    private mutating func procurementSection() -> ProcurementSection {
        let p = input.procurement
        let goods = p.goods.orZero
        let works = p.works.orZero
        let services = p.services.orZero
        let total = accounts.procurementTotal
        let sme = p.smeTotal
        func id(_ measure: String) -> String { FigureID.dept("procurement." + measure) }
        book.add(id("total"), total.value)
        book.add(id("goods"), goods.value)
        book.add(id("works"), works.value)
        book.add(id("services"), services.value)
        book.add(id("sme"), sme.value, shareBase: total.value)
        book.add(id("micro"), p.micro.orZero.value, shareBase: sme.value)
        book.add(id("smeGoods"), p.smeGoods.orZero.value, shareBase: goods.value)
        book.add(id("smeWorks"), p.smeWorks.orZero.value, shareBase: works.value)
        book.add(id("smeServices"), p.smeServices.orZero.value, shareBase: services.value)
        func percent(_ part: Amount, _ whole: Amount) -> String { Format.percent(Ratio.share(part, of: whole)) }
        return ProcurementSection(
            ids: [
                "total": id("total"), "goods": id("goods"), "works": id("works"), "services": id("services"),
                "sme": id("sme"), "smeShare": id("sme"), "micro": id("micro"), "microShare": id("micro"),
                "goodsSmeShare": id("smeGoods"), "worksSmeShare": id("smeWorks"),
                "servicesSmeShare": id("smeServices"),
            ],
            total: Format.amount(total), goods: Format.amount(goods), works: Format.amount(works),
            services: Format.amount(services), sme: Format.amount(sme), smeShare: percent(sme, total),
            micro: Format.amount(p.micro.orZero), microShare: percent(p.micro.orZero, sme),
            goodsSmeShare: percent(p.smeGoods.orZero, goods), worksSmeShare: percent(p.smeWorks.orZero, works),
            servicesSmeShare: percent(p.smeServices.orZero, services))
    }

    private mutating func assetsSection() -> AssetsSection {
        let v = input.assets.vehicles
        let other = v.other ?? 0
        if other == 0 {
            notPrinted(
                input.reasons.otherVehiclesUse, path: "$.reasons.otherVehiclesUse", location: "第三部分 八",
                why: "没有其他用车（assets.vehicles.other 为 0），不写用途")
        }
        var ids = ["vehicles": FigureID.dept("vehicles.total"), "equipment": FigureID.dept("equipment")]
        for kind in Self.vehicleKinds { ids[kind] = FigureID.dept("vehicles." + kind) }
        return AssetsSection(
            ids: ids,
            vehicles: String(accounts.vehicleTotal), ministerial: String(v.ministerial ?? 0),
            principal: String(v.principal ?? 0), confidential: String(v.confidential ?? 0),
            emergency: String(v.emergency ?? 0), lawEnforcement: String(v.lawEnforcement ?? 0),
            specialTechnical: String(v.specialTechnical ?? 0), retiredCadres: String(v.retiredCadres ?? 0),
            other: String(other),
            otherUse: other > 0
                ? reason(
                    input.reasons.otherVehiclesUse, expected: true, path: "$.reasons.otherVehiclesUse",
                    location: "第三部分 八 其他用车主要是用于")
                : ReasonView(nil, expected: false),
            equipment: String(input.assets.equipmentOverOneMillion ?? 0))
    }

    private mutating func performanceSection() -> PerformanceSection {
        let performance = input.performance
        let summary = performance.selfEvaluation
        let grades = summary.grades
        let counts = [grades.excellent, grades.good, grades.fair, grades.poor].map { $0 ?? 0 }
        let base = summary.projectExpenditureTotal ?? accounts.total.expenditure.project
        let tables = performance.selfEvaluationTables
        let amountID = FigureID.dept("performance.amount")
        book.add(amountID, summary.amount.value, shareBase: base.value)
        return PerformanceSection(
            ids: ["amount": amountID, "share": amountID],
            projectCount: String(counts.reduce(0, +)),
            gradeSentence: Self.gradeSentence(summary.gradeSentence ?? .everyGrade, counts: counts, tables: tables),
            amount: Format.amount(summary.amount),
            share: Format.percent(Ratio.share(summary.amount, of: base)),
            excellent: String(counts[0]), good: String(counts[1]), fair: String(counts[2]), poor: String(counts[3]),
            departmentEvaluation: performance.departmentEvaluation.map { evaluation in
                PerformanceSection.DepartmentEvaluationView(
                    count: String(evaluation.projects.count), single: evaluation.projects.count == 1,
                    projects: evaluation.projects.joined(separator: "、"),
                    generalBudget: Format.amount(evaluation.generalBudget.orZero),
                    governmentFund: Format.amount(evaluation.governmentFund.orZero),
                    stateCapital: Format.amount(evaluation.stateCapital.orZero),
                    assessment: ReasonView.clean(evaluation.assessment) ?? "")
            },
            overallEvaluation: performance.overallEvaluation.map { evaluation in
                PerformanceSection.OverallEvaluationView(
                    generalBudget: Format.amount(evaluation.generalBudget.orZero),
                    governmentFund: Format.amount(evaluation.governmentFund.orZero), grade: evaluation.grade,
                    assessment: ReasonView.clean(evaluation.assessment) ?? "")
            },
            text: performance.selfEvaluationText.map(BlockView.init),
            tablesLeadIn: Self.tablesLeadIn(performance.tablesLeadIn ?? .tables, tables: tables),
            tables: tables.map(SelfEvaluationTableView.init),
            notes: performance.departmentEvaluationNotes ?? [])
    }

    /// `本部门“A”“B”项目支出绩效自评表如下：` (or `…自评结果如下：`); none without tables or when the department
    /// writes its own.
    static func tablesLeadIn(_ form: TablesLeadIn, tables: [SelfEvaluationTable]) -> String? {
        guard !tables.isEmpty else { return nil }
        let projects = "本部门" + tables.map { "“\($0.projectName)”" }.joined() + "项目支出绩效"
        switch form {
        case .tables: return projects + "自评表如下："
        case .results: return projects + "自评结果如下："
        case .none: return nil
        }
    }

    /// `其中，a 个项目评价结果为“优”，b 个…“良”，c 个…“中”，d 个…“差”。` and the department's shorter forms. The
    /// single-project form needs exactly one project and one 自评表 (E-05 reports otherwise; the standard form is
    /// printed then).
    static func gradeSentence(_ form: GradeSentence, counts: [Int], tables: [SelfEvaluationTable]) -> String {
        let grades = ["优", "良", "中", "差"]
        let every = zip(counts, grades).map { "\($0) 个项目评价结果为“\($1)”" }.joined(separator: "，")
        switch form {
        case .everyGrade:
            return "其中，" + every + "。"
        case .gradesWithProjects:
            let nonzero = zip(counts, grades).filter { $0.0 > 0 }.map { "\($0) 个项目评价结果为“\($1)”" }
            return nonzero.isEmpty ? "" : "其中，" + nonzero.joined(separator: "，") + "。"
        case .singleProject:
            guard counts.reduce(0, +) == 1, tables.count == 1,
                let grade = zip(counts, grades).first(where: { $0.0 == 1 })
            else { return "其中，" + every + "。" }
            return "其中，“\(tables[0].projectName)”评价结果为“\(grade.1)”。"
        }
    }
}
