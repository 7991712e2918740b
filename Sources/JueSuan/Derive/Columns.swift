// The column groups of the subject tables. Each is a plain value that adds up, so that 项 → 款 → 类 → 合计 roll-ups
// are one generic sum. A group's total column is the sum of its parts, unless the department supplied the official
// total (`officialTotal`, see `OfficialTotals`): then the printed total is that figure. A sum of two groups has no
// official total of its own.

/// A group of amounts that can be summed column by column.
public protocol ColumnSet: Sendable, Equatable {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    /// Whether every column is zero (a row that a table leaves out).
    var isZero: Bool { get }
}

extension Sequence where Element: ColumnSet {
    public func sum() -> Element { reduce(.zero, +) }
}

/// 收入 by source (公开02表 columns 2–7, with 财政拨款 split by fund for tables 01 and 04).
public struct IncomeColumns: ColumnSet {
    public var generalBudget: Amount = .zero
    public var governmentFund: Amount = .zero
    public var stateCapital: Amount = .zero
    public var superiorSubsidy: Amount = .zero
    public var business: Amount = .zero
    public var operating: Amount = .zero
    public var affiliated: Amount = .zero
    public var other: Amount = .zero
    /// 本年收入合计 as the department's 公开表 prints it (input in 万元), within the rounding bound of the parts.
    public var officialTotal: Amount?

    public init() {}

    init(_ input: SubjectIncome?) {
        generalBudget = input?.generalBudget.orZero ?? .zero
        governmentFund = input?.governmentFund.orZero ?? .zero
        stateCapital = input?.stateCapital.orZero ?? .zero
        superiorSubsidy = input?.superiorSubsidy.orZero ?? .zero
        business = input?.business.orZero ?? .zero
        operating = input?.operating.orZero ?? .zero
        affiliated = input?.affiliated.orZero ?? .zero
        other = input?.other.orZero ?? .zero
    }

    /// 财政拨款收入 (02 column 2) = 一般公共预算 + 政府性基金 + 国有资本经营.
    public var fiscal: Amount { generalBudget + governmentFund + stateCapital }
    /// 本年收入合计 (02 column 1): the official total, else the sum of the parts.
    public var total: Amount { officialTotal ?? fiscal + superiorSubsidy + business + operating + affiliated + other }

    public static let zero = IncomeColumns()
    public var isZero: Bool {
        generalBudget.isZero && governmentFund.isZero && stateCapital.isZero && superiorSubsidy.isZero
            && business.isZero && operating.isZero && affiliated.isZero && other.isZero && total.isZero
    }

    public static func + (lhs: IncomeColumns, rhs: IncomeColumns) -> IncomeColumns {
        var sum = IncomeColumns()
        sum.generalBudget = lhs.generalBudget + rhs.generalBudget
        sum.governmentFund = lhs.governmentFund + rhs.governmentFund
        sum.stateCapital = lhs.stateCapital + rhs.stateCapital
        sum.superiorSubsidy = lhs.superiorSubsidy + rhs.superiorSubsidy
        sum.business = lhs.business + rhs.business
        sum.operating = lhs.operating + rhs.operating
        sum.affiliated = lhs.affiliated + rhs.affiliated
        sum.other = lhs.other + rhs.other
        return sum
    }
}

/// 支出 by type (公开03表 columns 2–6).
public struct ExpenditureColumns: ColumnSet {
    public var basic: Amount = .zero
    public var project: Amount = .zero
    public var toSuperior: Amount = .zero
    public var operating: Amount = .zero
    public var toAffiliated: Amount = .zero
    /// 本年支出合计 as the department's 公开表 prints it (input in 万元).
    public var officialTotal: Amount?

    public init() {}

    init(_ input: SubjectExpenditure?) {
        basic = input?.basic.orZero ?? .zero
        project = input?.project.orZero ?? .zero
        toSuperior = input?.toSuperior.orZero ?? .zero
        operating = input?.operating.orZero ?? .zero
        toAffiliated = input?.toAffiliated.orZero ?? .zero
    }

    /// 本年支出合计: the official total, else the sum of the parts.
    public var total: Amount { officialTotal ?? basic + project + toSuperior + operating + toAffiliated }

    public static let zero = ExpenditureColumns()
    public var isZero: Bool {
        basic.isZero && project.isZero && toSuperior.isZero && operating.isZero && toAffiliated.isZero && total.isZero
    }

    public static func + (lhs: ExpenditureColumns, rhs: ExpenditureColumns) -> ExpenditureColumns {
        var sum = ExpenditureColumns()
        sum.basic = lhs.basic + rhs.basic
        sum.project = lhs.project + rhs.project
        sum.toSuperior = lhs.toSuperior + rhs.toSuperior
        sum.operating = lhs.operating + rhs.operating
        sum.toAffiliated = lhs.toAffiliated + rhs.toAffiliated
        return sum
    }
}

/// 基本支出 / 项目支出 (公开05表, 08表).
public struct SplitColumns: ColumnSet {
    public var basic: Amount = .zero
    public var project: Amount = .zero
    /// 合计 as the department's 公开表 prints it (input in 万元).
    public var officialTotal: Amount?

    public init(basic: Amount = .zero, project: Amount = .zero) {
        self.basic = basic
        self.project = project
    }

    init(_ input: BasicProjectSplit?) {
        basic = input?.basic.orZero ?? .zero
        project = input?.project.orZero ?? .zero
    }

    /// 合计: the official total, else 基本支出 + 项目支出.
    public var total: Amount { officialTotal ?? basic + project }

    public static let zero = SplitColumns()
    public var isZero: Bool { total.isZero && basic.isZero && project.isZero }

    public static func + (lhs: SplitColumns, rhs: SplitColumns) -> SplitColumns {
        SplitColumns(basic: lhs.basic + rhs.basic, project: lhs.project + rhs.project)
    }
}

/// 政府性基金预算财政拨款 (公开07表).
public struct FundColumns: ColumnSet {
    /// 年初结转和结余 (column 1).
    public var carryIn: Amount = .zero
    /// 本年收入 (column 2).
    public var income: Amount = .zero
    /// 本年支出 (columns 3–5).
    public var spending = SplitColumns.zero
    /// 年末结转和结余 as the department's 公开表 prints it (input in 万元).
    public var officialCarryOut: Amount?

    public init() {}

    /// 年末结转和结余 (column 6): the official figure, else 年初 + 收入 − 支出.
    public var carryOut: Amount { officialCarryOut ?? carryIn + income - spending.total }

    public static let zero = FundColumns()
    public var isZero: Bool { carryIn.isZero && income.isZero && spending.isZero && carryOut.isZero }

    public static func + (lhs: FundColumns, rhs: FundColumns) -> FundColumns {
        var sum = FundColumns()
        sum.carryIn = lhs.carryIn + rhs.carryIn
        sum.income = lhs.income + rhs.income
        sum.spending = lhs.spending + rhs.spending
        return sum
    }
}
