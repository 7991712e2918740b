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
}

/// 一、收入决算情况说明.
public struct IncomeSection: Encodable, Sendable {
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
}

/// 二、支出决算情况说明.
public struct ExpenditureSection: Encodable, Sendable {
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
        /// `（一）`.
        public var number: String
        public var name: String
        public var budget: String
        public var actual: String
        /// `99.75%`; absent when the budget is 0.
        @Nullable public var completion: String?
        public var reason: ReasonView
    }

    public var budget: String
    public var actual: String
    @Nullable public var completion: String?
    public var items: [Item]
}

/// 四、一般公共预算财政拨款基本支出决算情况说明.
public struct BasicSection: Encodable, Sendable {
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
    }

    public var total: Item
    public var abroad: Item
    public var abroadGroups: String
    public var abroadPersonTimes: String
    /// 公务用车购置及运行维护费 (no percentage, no comparison).
    public var vehiclesBudget: String
    public var vehiclesActual: String
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

extension ViewBuilder {
    mutating func buildPart3() -> Part3View {
        Part3View(
            s1: incomeSection(), s2: expenditureSection(), s3: fiscalSection(), s4: basicSection(),
            s5: threePublicSection(), s6: operatingCostsSection(), s7: procurementSection(), s8: assetsSection(),
            s9: performanceSection())
    }

    /// A compared figure; `reasonPath` nil means the slot carries no reason. In 第三部分 一、二 a reason is never
    /// printed on 与上年持平.
    private mutating func compared(
        _ current: Amount, prior: Amount?, reason: String?, reasonPath: String?, location: String,
        reasonOnSame: Bool = true
    ) -> ComparedFigure {
        let change = YearOnYear(current: current, prior: prior.orZero)
        var reasonView = ReasonView(nil, expected: false)
        if let reasonPath, reasonOnSame || change != .same {
            reasonView = self.reason(reason, expected: change.needsReason, path: reasonPath, location: location)
        } else if let reasonPath {
            notPrinted(reason, path: reasonPath, location: location, why: "与上年持平，这里不写变动原因")
        }
        return ComparedFigure(amount: Format.amount(current), change: ChangeView(change), reason: reasonView)
    }

    private func share(_ part: Amount, of whole: Amount) -> ShareView {
        ShareView(amount: Format.amount(part), share: Format.percent(Ratio.share(part, of: whole)))
    }

    /// `完成…预算的 …%`; none when the budget prints as 0.00 (N-01: no completion rate on a zero budget).
    private func completion(_ actual: Amount, of budget: Amount) -> String? {
        Ratio.completion(actual, of: budget).map { Format.percent($0) }
    }

    private mutating func incomeSection() -> IncomeSection {
        let prior = input.priorYear
        let income = accounts.total.income
        let total = accounts.incomeTotal
        return IncomeSection(
            total: Format.amount(accounts.grandTotal),
            carryIn: compared(
                accounts.carryIn, prior: prior.carryIn, reason: nil, reasonPath: nil, location: "第三部分 一 年初结转和结余"),
            nonFiscalBalanceUsed: compared(
                accounts.nonFiscalBalanceUsed, prior: prior.nonFiscalBalanceUsed, reason: nil, reasonPath: nil,
                location: "第三部分 一 使用非财政拨款结余"),
            income: compared(
                total, prior: prior.income, reason: input.reasons.income, reasonPath: "$.reasons.income",
                location: "第三部分 一 本年收入合计", reasonOnSame: false),
            fiscal: share(income.fiscal, of: total), business: share(income.business, of: total),
            operating: share(income.operating, of: total), superiorSubsidy: share(income.superiorSubsidy, of: total),
            affiliated: share(income.affiliated, of: total), other: share(income.other, of: total))
    }

    private mutating func expenditureSection() -> ExpenditureSection {
        let prior = input.priorYear
        let spending = accounts.total.expenditure
        let total = accounts.expenditureTotal
        return ExpenditureSection(
            total: Format.amount(accounts.grandTotal),
            expenditure: compared(
                total, prior: prior.expenditure, reason: input.reasons.expenditure,
                reasonPath: "$.reasons.expenditure", location: "第三部分 二 本年支出合计", reasonOnSame: false),
            surplusDistribution: compared(
                accounts.surplusDistribution, prior: prior.surplusDistribution, reason: nil, reasonPath: nil,
                location: "第三部分 二 结余分配"),
            carryOut: compared(
                accounts.carryOut, prior: prior.carryOut, reason: input.reasons.carryOut,
                reasonPath: "$.reasons.carryOut", location: "第三部分 二 年末结转和结余", reasonOnSame: false),
            basic: share(spending.basic, of: total), project: share(spending.project, of: total),
            operating: share(spending.operating, of: total), toSuperior: share(spending.toSuperior, of: total),
            toAffiliated: share(spending.toAffiliated, of: total))
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
            items.append(
                FiscalSection.Item(
                    number: ChineseNumeral.parenthesized(items.count + 1), name: line.name,
                    budget: Format.amount(budget),
                    actual: Format.amount(actual), completion: completion(actual, of: budget), reason: reason))
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
        return FiscalSection(
            budget: Format.amount(budget), actual: Format.amount(actual), completion: completion(actual, of: budget),
            items: items)
    }

    private mutating func basicSection() -> BasicSection {
        let table = accounts.table06
        let prior = input.priorYear.basic
        let reasons = input.reasons.basic
        return BasicSection(
            total: Format.amount(accounts.total.generalBudget.basic),
            wages: compared(
                table.amount("301"), prior: prior?.wages, reason: reasons?.wages, reasonPath: "$.reasons.basic.wages",
                location: "第三部分 四（一）工资福利支出"),
            goodsAndServices: compared(
                table.amount("302"), prior: prior?.goodsAndServices, reason: reasons?.goodsAndServices,
                reasonPath: "$.reasons.basic.goodsAndServices", location: "第三部分 四（二）商品和服务支出"),
            subsidies: compared(
                table.amount("303"), prior: prior?.subsidies, reason: reasons?.subsidies,
                reasonPath: "$.reasons.basic.subsidies", location: "第三部分 四（三）对个人和家庭补助支出"),
            capital: compared(
                table.amount("310"), prior: prior?.capital, reason: reasons?.capital,
                reasonPath: "$.reasons.basic.capital", location: "第三部分 四（四）资本性支出"))
    }

    private mutating func threePublicSection() -> ThreePublicSection {
        let figures = accounts.threePublic
        let prior = input.priorYear.threePublic
        let reasons = input.reasons.threePublic
        let statistics = input.threePublic.statistics

        func item(
            _ row: ThreePublicFigures.Row, prior: Amount?, budgetReason: String?, changeReason: String?,
            descriptionReason: String?, key: String, location: String, describedCount: Int?
        ) -> ThreePublicSection.Item {
            let change = YearOnYear(current: row.actual, prior: prior.orZero)
            let differs = !Format.rounded((row.actual - row.adjustedBudget).value).isZero
            let path = "$.reasons.threePublic.\(key)"
            return ThreePublicSection.Item(
                budget: Format.amount(row.adjustedBudget), actual: Format.amount(row.actual),
                completion: completion(row.actual, of: row.adjustedBudget),
                budgetReason: reason(
                    budgetReason, expected: differs, path: path + ".budget", location: location + " 预算执行"),
                change: ChangeView(change),
                changeReason: reason(
                    changeReason, expected: change.needsReason, path: path + ".change", location: location + " 比上年"),
                description: describedCount.map {
                    reason(
                        descriptionReason, expected: $0 > 0, path: path + ".description", location: location + " 主要是"
                    )
                } ?? ReasonView(nil, expected: false))
        }

        let priorTotal = accounts.priorThreePublicTotal
        let total = ThreePublicSection.Item(
            budget: Format.amount(figures.total.adjustedBudget), actual: Format.amount(figures.total.actual),
            completion: completion(figures.total.actual, of: figures.total.adjustedBudget),
            budgetReason: ReasonView(nil, expected: false),
            change: ChangeView(YearOnYear(current: figures.total.actual, prior: priorTotal)),
            changeReason: ReasonView(nil, expected: false), description: ReasonView(nil, expected: false))
        return ThreePublicSection(
            total: total,
            abroad: item(
                figures.abroad, prior: prior?.abroad, budgetReason: reasons?.abroad?.budget,
                changeReason: reasons?.abroad?.change, descriptionReason: reasons?.abroad?.description, key: "abroad",
                location: "第三部分 五（一）因公出国（境）费", describedCount: statistics.abroadGroups ?? 0),
            abroadGroups: String(statistics.abroadGroups ?? 0),
            abroadPersonTimes: String(statistics.abroadPersonTimes ?? 0),
            vehiclesBudget: Format.amount(figures.vehicles.adjustedBudget),
            vehiclesActual: Format.amount(figures.vehicles.actual),
            vehiclePurchase: item(
                figures.vehiclePurchase, prior: prior?.vehiclePurchase, budgetReason: reasons?.vehiclePurchase?.budget,
                changeReason: reasons?.vehiclePurchase?.change, descriptionReason: nil,
                key: "vehiclePurchase", location: "第三部分 五（二）公务用车购置", describedCount: nil),
            vehiclesPurchased: String(statistics.vehiclesPurchased ?? 0),
            vehicleOperation: item(
                figures.vehicleOperation, prior: prior?.vehicleOperation,
                budgetReason: reasons?.vehicleOperation?.budget,
                changeReason: reasons?.vehicleOperation?.change, descriptionReason: nil,
                key: "vehicleOperation", location: "第三部分 五（二）公务用车运行维护费", describedCount: nil),
            vehiclesHeld: String(statistics.vehiclesHeld ?? 0),
            reception: item(
                figures.reception, prior: prior?.reception, budgetReason: reasons?.reception?.budget,
                changeReason: reasons?.reception?.change, descriptionReason: reasons?.reception?.description,
                key: "reception",
                location: "第三部分 五（三）公务接待费", describedCount: statistics.domesticReceptionBatches ?? 0),
            receptionBatches: String(statistics.domesticReceptionBatches ?? 0),
            receptionPersonTimes: String(statistics.domesticReceptionPersonTimes ?? 0))
    }

    private mutating func operatingCostsSection() -> OperatingCostsSection {
        OperatingCostsSection(
            costs: compared(
                accounts.operatingCosts, prior: input.priorYear.operatingCosts, reason: input.reasons.operatingCosts,
                reasonPath: "$.reasons.operatingCosts", location: "第三部分 六 机关运行经费"))
    }

    private func procurementSection() -> ProcurementSection {
        let p = input.procurement
        let goods = p.goods.orZero
        let works = p.works.orZero
        let services = p.services.orZero
        let total = accounts.procurementTotal
        let sme = p.smeTotal
        func percent(_ part: Amount, _ whole: Amount) -> String { Format.percent(Ratio.share(part, of: whole)) }
        return ProcurementSection(
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
        return AssetsSection(
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

    private func performanceSection() -> PerformanceSection {
        let performance = input.performance
        let summary = performance.selfEvaluation
        let grades = summary.grades
        let counts = [grades.excellent, grades.good, grades.fair, grades.poor].map { $0 ?? 0 }
        let base = summary.projectExpenditureTotal ?? accounts.total.expenditure.project
        let tables = performance.selfEvaluationTables
        return PerformanceSection(
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
