// Derivation: the ten tables from the leaves, as pure functions of the input. Every total is a sum of exact leaves
// or, for input in 万元, the official total the department supplied for it (`OfficialTotals`; checked against its
// leaves by IN-08); a figure without an official total of its own is the sum of the printed figures it is made of.
// Nothing here is rounded (rounding happens once, in `Format`, when a figure is printed).

/// One 支出功能分类科目 line of tables 02/03/05/07/08 with its rolled-up figures.
public struct SubjectLine: Sendable, Equatable {
    public enum Level: Int, Sendable, Comparable {
        /// 类 (3 digits).
        case category = 3
        /// 款 (5 digits).
        case section = 5
        /// 项 (7 digits).
        case item = 7

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var code: String
    /// The name from the input, or the standard name of a 类; empty when a 款 has no name in the input.
    public var name: String
    public var level: Level
    public var income = IncomeColumns.zero
    public var expenditure = ExpenditureColumns.zero
    /// 一般公共预算财政拨款支出 (05).
    public var generalBudget = SplitColumns.zero
    /// 政府性基金预算财政拨款 (07).
    public var fund = FundColumns.zero
    /// 国有资本经营预算财政拨款支出 (08).
    public var stateCapital = SplitColumns.zero

    /// 财政拨款支出 of this line (04 column 2) = 一般公共预算 + 政府性基金 + 国有资本经营.
    public var fiscalExpenditure: Amount { generalBudget.total + fund.spending.total + stateCapital.total }

    /// The 类 code this line belongs to.
    public var categoryCode: String { String(code.prefix(3)) }

    mutating func add(_ other: SubjectLine) {
        income = income + other.income
        expenditure = expenditure + other.expenditure
        generalBudget = generalBudget + other.generalBudget
        fund = fund + other.fund
        stateCapital = stateCapital + other.stateCapital
    }
}

/// Everything the ten tables show, derived from one department's input.
public struct Accounts: Sendable {
    public let input: DepartmentInput

    /// Every 类/款/项 line that has 项 under it (or is a 项), in code order, parents before children.
    public let subjectLines: [SubjectLine]
    /// The 合计 line of the subject tables.
    public let total: SubjectLine
    /// Whether official totals are printed in place of derived figures (input in 万元 that states any).
    public let printsOfficialTotals: Bool
    /// The official totals printed (empty when `printsOfficialTotals` is false).
    let officials: OfficialTotals?

    /// The figures as the report prints them: for input in 万元, the official totals the input states take the place
    /// of the derived figures; for input in 元, everything is derived.
    public init(_ input: DepartmentInput) {
        self.init(input, officialTotals: input.unit == .wanYuan)
    }

    /// `officialTotals: false` gives every figure derived from the leaves only: what the rules check the official
    /// totals and the identities between the tables on.
    public init(_ input: DepartmentInput, officialTotals: Bool) {
        self.input = input
        let officials = officialTotals && OfficialTotals.present(in: input) ? OfficialTotals(input) : nil
        let stated = officials.map { $0.isEmpty ? nil : $0 } ?? nil
        self.officials = stated
        printsOfficialTotals = stated != nil
        (subjectLines, total) = Accounts.rollUp(input.subjects, officials: stated?.subjectColumns ?? [:])
        table06 = Table06(
            input.basicExpenditureByEconomicCode, groups: stated?.economicGroups ?? [:],
            personnel: stated?[.personnel], publicExpenses: stated?[.publicExpenses])
        var threePublic = ThreePublicFigures(input.threePublic)
        threePublic.officialTotal = ThreePublicFigures.Row.Official(
            initialBudget: stated?[.threePublicInitialBudget], adjustedBudget: stated?[.threePublicAdjustedBudget],
            actual: stated?[.threePublicActual])
        self.threePublic = threePublic
    }

    /// The same department with every figure derived from its leaves (itself when it prints no official total).
    public var derivedFromLeaves: Accounts {
        printsOfficialTotals ? Accounts(input, officialTotals: false) : self
    }

    /// Builds the 类 → 款 → 项 tree bottom-up: 项 rows carry the amounts; a parent's figure is its official total
    /// (`officials[code]`, code "" for 合计) or the sum of its children's printed figures; names from the input (or
    /// the standard 类 name). 类/款 rows of the input that have no 项 under them are not lines (validation reports
    /// them).
    static func rollUp(
        _ subjects: [Subject], officials: [String: [(SubjectColumn, Amount)]]
    ) -> (lines: [SubjectLine], total: SubjectLine) {
        var names: [String: String] = [:]
        for subject in subjects where !(subject.name ?? "").isEmpty && names[subject.code] == nil {
            names[subject.code] = subject.name
        }
        func line(_ code: String, _ level: SubjectLine.Level) -> SubjectLine {
            let name = names[code] ?? (level == .category ? FunctionalCategories.named(code)?.name ?? "" : "")
            return SubjectLine(code: code, name: name, level: level)
        }
        func printOfficials(_ line: inout SubjectLine) {
            for (column, amount) in officials[line.code] ?? [] { column.print(amount, in: &line) }
        }
        var items: [String: SubjectLine] = [:]
        for subject in subjects where subject.code.count == 7 {
            var item = items[subject.code] ?? line(subject.code, .item)
            var leaf = SubjectLine(code: subject.code, name: item.name, level: .item)
            leaf.income = IncomeColumns(subject.income)
            leaf.expenditure = ExpenditureColumns(subject.expenditure)
            leaf.generalBudget = SplitColumns(subject.generalBudgetExpenditure)
            leaf.fund.carryIn = subject.governmentFund?.carryIn.orZero ?? .zero
            leaf.fund.income = leaf.income.governmentFund
            leaf.fund.spending = SplitColumns(
                basic: subject.governmentFund?.basic.orZero ?? .zero,
                project: subject.governmentFund?.project.orZero ?? .zero)
            leaf.stateCapital = SplitColumns(subject.stateCapitalExpenditure)
            item.add(leaf)
            items[subject.code] = item
        }
        /// The parents of `children` at `level` (codes of `length` digits), each the sum of its children.
        func parents(_ children: [SubjectLine], length: Int, _ level: SubjectLine.Level) -> [SubjectLine] {
            var parents: [String: SubjectLine] = [:]
            for child in children {
                let code = String(child.code.prefix(length))
                var parent = parents[code] ?? line(code, level)
                parent.add(child)
                parents[code] = parent
            }
            return parents.values.map { parent in
                var parent = parent
                printOfficials(&parent)
                return parent
            }
        }
        let itemLines = items.values.map { item in
            var item = item
            printOfficials(&item)
            return item
        }
        let sections = parents(itemLines, length: 5, .section)
        let categories = parents(sections, length: 3, .category)
        var total = SubjectLine(code: "", name: "合计", level: .category)
        for category in categories.sorted(by: { $0.code < $1.code }) { total.add(category) }
        printOfficials(&total)
        return ((itemLines + sections + categories).sorted { $0.code < $1.code }, total)
    }

    // MARK: Department totals

    /// 本年收入合计 (01 row 27).
    public var incomeTotal: Amount { total.income.total }
    /// 本年支出合计 (01 row 58).
    public var expenditureTotal: Amount { total.expenditure.total }
    /// 使用非财政拨款结余（含专用结余） (01 row 28).
    public var nonFiscalBalanceUsed: Amount { input.carryOver.nonFiscalBalanceUsed.orZero }
    /// 结余分配 (01 row 59).
    public var surplusDistribution: Amount { input.carryOver.surplusDistribution.orZero }

    /// 年初财政拨款结转和结余 by source (04 rows 29–31).
    public var fiscalCarryIn: FiscalSources {
        FiscalSources(
            generalBudget: input.carryOver.start.generalBudget.orZero,
            governmentFund: total.fund.carryIn,
            stateCapital: input.carryOver.start.stateCapital.orZero)
    }

    /// 年初结转和结余 (01 row 29) = 财政拨款 + 非财政拨款.
    public var carryIn: Amount { fiscalCarryIn.total + input.carryOver.start.nonFiscal.orZero }
    /// 收入总计 (01 row 31) = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
    public var grandTotal: Amount { incomeTotal + nonFiscalBalanceUsed + carryIn }
    /// 年末结转和结余 (01 row 60): the official figure, else 总计 − 本年支出合计 − 结余分配.
    public var carryOut: Amount { officials?[.carryOut] ?? grandTotal - expenditureTotal - surplusDistribution }

    /// 1 of the 26 categories: 本年支出 (01 right side).
    public func categoryExpenditure(_ code: String) -> Amount {
        subjectLines.first { $0.code == code && $0.level == .category }?.expenditure.total ?? .zero
    }

    /// The 类 line with `code`, if the department has one.
    public func category(_ code: String) -> SubjectLine? {
        subjectLines.first { $0.code == code && $0.level == .category }
    }

    // MARK: Table 04

    /// 财政拨款收入 by source (04 rows 1–3).
    public var fiscalIncome: FiscalSources {
        FiscalSources(
            generalBudget: total.income.generalBudget, governmentFund: total.income.governmentFund,
            stateCapital: total.income.stateCapital)
    }

    /// 财政拨款支出 by source (04 row 59).
    public var fiscalExpenditure: FiscalSources {
        FiscalSources(
            generalBudget: total.generalBudget.total, governmentFund: total.fund.spending.total,
            stateCapital: total.stateCapital.total)
    }

    /// 财政拨款支出 of one 类 by source (04 category rows).
    public func fiscalExpenditure(category code: String) -> FiscalSources {
        guard let line = category(code) else { return .zero }
        return FiscalSources(
            generalBudget: line.generalBudget.total, governmentFund: line.fund.spending.total,
            stateCapital: line.stateCapital.total)
    }

    /// 年末财政拨款结转和结余 by source (04 row 60) = 年初 + 收入 − 支出 per source; the 合计 is the official figure
    /// when there is one.
    public var fiscalCarryOut: FiscalSources {
        var sources = fiscalCarryIn + fiscalIncome - fiscalExpenditure
        sources.officialTotal = officials?[.fiscalCarryOut]
        return sources
    }

    /// 总计 of table 04 (rows 32 and 64).
    public var fiscalGrandTotal: Amount { fiscalIncome.total + fiscalCarryIn.total }

    // MARK: Table 06

    public let table06: Table06

    /// 机关运行经费: as supplied, else 06 公用经费合计.
    public var operatingCosts: Amount { input.operatingCosts ?? table06.publicExpenses }

    // MARK: Table 09

    public let threePublic: ThreePublicFigures

    // MARK: Narrative totals

    /// 财政拨款本年支出年初预算数 (第三部分 三): the official figure, else the sum per 类.
    public var fiscalInitialBudgetTotal: Amount { officials?[.fiscalInitialBudget] ?? input.fiscalInitialBudget.total }

    /// 政府采购支出总额 (第三部分 七): the official figure, else 货物 + 工程 + 服务.
    public var procurementTotal: Amount { officials?[.procurement] ?? input.procurement.itemsTotal }

    /// 上年“三公”经费 (第三部分 五): the official figure, else the sum of the four items.
    public var priorThreePublicTotal: Amount {
        officials?[.priorThreePublic] ?? input.priorYear.threePublic?.itemsTotal ?? .zero
    }

    // MARK: Table 10

    /// 车辆数合计 (10 row 1).
    public var vehicleTotal: Int { input.assets.vehicles.total }
}

/// An amount per 财政拨款 source.
public struct FiscalSources: Sendable, Equatable {
    /// 一般公共预算财政拨款.
    public var generalBudget: Amount
    /// 政府性基金预算财政拨款.
    public var governmentFund: Amount
    /// 国有资本经营预算财政拨款.
    public var stateCapital: Amount

    /// The 合计 as the department's 公开表 prints it (input in 万元); a sum or difference of sources has none.
    public var officialTotal: Amount?

    public init(generalBudget: Amount, governmentFund: Amount, stateCapital: Amount) {
        self.generalBudget = generalBudget
        self.governmentFund = governmentFund
        self.stateCapital = stateCapital
    }

    public static let zero = FiscalSources(generalBudget: .zero, governmentFund: .zero, stateCapital: .zero)

    /// 合计: the official figure, else the three sources.
    public var total: Amount { officialTotal ?? generalBudget + governmentFund + stateCapital }

    public static func + (lhs: FiscalSources, rhs: FiscalSources) -> FiscalSources {
        FiscalSources(
            generalBudget: lhs.generalBudget + rhs.generalBudget,
            governmentFund: lhs.governmentFund + rhs.governmentFund,
            stateCapital: lhs.stateCapital + rhs.stateCapital)
    }

    public static func - (lhs: FiscalSources, rhs: FiscalSources) -> FiscalSources {
        FiscalSources(
            generalBudget: lhs.generalBudget - rhs.generalBudget,
            governmentFund: lhs.governmentFund - rhs.governmentFund,
            stateCapital: lhs.stateCapital - rhs.stateCapital)
    }
}

/// 公开06表: the 83 economic codes with group rows and the two totals.
public struct Table06: Sendable, Equatable {
    /// Amounts of the leaf codes as given (codes outside the catalogue are kept for validation to report).
    public let leaves: [String: Amount]
    /// Official amounts of group codes (301…) that are printed (input in 万元).
    let officialGroups: [String: Amount]
    let officialPersonnel: Amount?
    let officialPublicExpenses: Amount?

    init(
        _ entries: [EconomicAmount], groups: [String: Amount] = [:], personnel: Amount? = nil,
        publicExpenses: Amount? = nil
    ) {
        var leaves: [String: Amount] = [:]
        for entry in entries where entry.code.count == 5 {
            leaves[entry.code, default: .zero] = leaves[entry.code, default: .zero] + entry.amount
        }
        self.leaves = leaves
        officialGroups = groups
        officialPersonnel = personnel
        officialPublicExpenses = publicExpenses
    }

    /// The amount of any of the 83 codes: a leaf as given; a group (301…) as its official figure or the sum of its
    /// leaves.
    public func amount(_ code: String) -> Amount {
        if code.count == 3 {
            return officialGroups[code] ?? leaves.filter { $0.key.hasPrefix(code) }.map(\.value).sum()
        }
        return leaves[code] ?? .zero
    }

    /// 人员经费合计: the official figure, else 301 + 303.
    public var personnel: Amount { officialPersonnel ?? amount("301") + amount("303") }
    /// 公用经费合计: the official figure, else 302 + 307 + 310 + 399.
    public var publicExpenses: Amount {
        officialPublicExpenses ?? amount("302") + amount("307") + amount("310") + amount("399")
    }

    /// How many nonzero leaves the groups `codes` add (the rounding count of their sum).
    func addends(_ codes: [String]) -> Int {
        leaves.filter { leaf in !leaf.value.isZero && codes.contains { leaf.key.hasPrefix($0) } }.count
    }
    /// 人员经费合计 + 公用经费合计 (= 05 基本支出 on a consistent department).
    public var total: Amount { personnel + publicExpenses }
}

/// 公开09表 rows 1–9 (amounts) derived from the leaves.
public struct ThreePublicFigures: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var initialBudget: Amount
        public var adjustedBudget: Amount
        public var actual: Amount

        public static func + (lhs: Row, rhs: Row) -> Row {
            Row(
                initialBudget: lhs.initialBudget + rhs.initialBudget,
                adjustedBudget: lhs.adjustedBudget + rhs.adjustedBudget, actual: lhs.actual + rhs.actual)
        }
    }

    /// Row 2 因公出国（境）费.
    public var abroad: Row
    /// Row 4 公务用车购置费.
    public var vehiclePurchase: Row
    /// Row 5 公务用车运行维护费.
    public var vehicleOperation: Row
    /// Row 6 公务接待费 (决算 = 7 + 9).
    public var reception: Row
    /// Row 7 国内接待费.
    public var domesticReception: Amount
    /// Row 8 其中：外事接待费.
    public var foreignAffairsReception: Amount
    /// Row 9 国（境）外接待费.
    public var overseasReception: Amount

    init(_ input: ThreePublic) {
        func row(_ item: BudgetedItem) -> Row {
            Row(
                initialBudget: item.initialBudget.orZero, adjustedBudget: item.adjustedBudget.orZero,
                actual: item.actual.orZero)
        }
        abroad = row(input.abroad)
        vehiclePurchase = row(input.vehiclePurchase)
        vehicleOperation = row(input.vehicleOperation)
        domesticReception = input.reception.domestic.orZero
        foreignAffairsReception = input.reception.foreignAffairs.orZero
        overseasReception = input.reception.overseas.orZero
        reception = Row(
            initialBudget: input.reception.initialBudget.orZero, adjustedBudget: input.reception.adjustedBudget.orZero,
            actual: domesticReception + overseasReception)
    }

    /// Row 1 as the department's 公开表 prints it (input in 万元), column by column.
    public var officialTotal = Row.Official()

    /// Row 3 公务用车购置及运行维护费 = 4 + 5.
    public var vehicles: Row { vehiclePurchase + vehicleOperation }
    /// Row 1 “三公”经费支出: per column the official figure, else 2 + 3 + 6.
    public var total: Row {
        let sum = abroad + vehicles + reception
        return Row(
            initialBudget: officialTotal.initialBudget ?? sum.initialBudget,
            adjustedBudget: officialTotal.adjustedBudget ?? sum.adjustedBudget,
            actual: officialTotal.actual ?? sum.actual)
    }
}

extension ThreePublicFigures.Row {
    /// Official figures of a row, column by column.
    public struct Official: Sendable, Equatable {
        public var initialBudget: Amount?
        public var adjustedBudget: Amount?
        public var actual: Amount?
    }
}
