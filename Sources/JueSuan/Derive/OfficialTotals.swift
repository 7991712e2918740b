// Official totals: the totals a department copies from its published 公开表 into the input (the 核对用 fields, the
// amounts on 类/款 rows and on 06 group codes, `subjectTotals`, `basicExpenditureTotals`). The published tables'
// totals are rounded from 元 data, not footed from the printed parts, so each one may differ from the sum of the
// printed leaves by a few 0.01. Every official total is checked against the figure derived from its leaves (IN-08,
// within the rounding bound of the figures added); for input in 万元 the report prints it in place of the derived
// figure (`Accounts(input)`), so that every printed figure is either derived from the leaves or an official total
// checked against them. Input in 元 needs none of this: its figures are derived, then rounded once.

/// One column of a row of the subject tables (02, 03, 05, 07, 08) that the input can state.
public enum SubjectColumn: String, Sendable, CaseIterable {
    case incomeGeneralBudget = "income.generalBudget"
    case incomeGovernmentFund = "income.governmentFund"
    case incomeStateCapital = "income.stateCapital"
    case incomeSuperiorSubsidy = "income.superiorSubsidy"
    case incomeBusiness = "income.business"
    case incomeOperating = "income.operating"
    case incomeAffiliated = "income.affiliated"
    case incomeOther = "income.other"
    case incomeTotal = "income.total"
    case expenditureBasic = "expenditure.basic"
    case expenditureProject = "expenditure.project"
    case expenditureToSuperior = "expenditure.toSuperior"
    case expenditureOperating = "expenditure.operating"
    case expenditureToAffiliated = "expenditure.toAffiliated"
    case expenditureTotal = "expenditure.total"
    case generalBudgetBasic = "generalBudgetExpenditure.basic"
    case generalBudgetProject = "generalBudgetExpenditure.project"
    case generalBudgetTotal = "generalBudgetExpenditure.total"
    case fundCarryIn = "governmentFund.carryIn"
    case fundBasic = "governmentFund.basic"
    case fundProject = "governmentFund.project"
    case fundCarryOut = "governmentFund.carryOut"
    case stateCapitalBasic = "stateCapitalExpenditure.basic"
    case stateCapitalProject = "stateCapitalExpenditure.project"
    case stateCapitalTotal = "stateCapitalExpenditure.total"

    /// A total of its row (the only columns a 项 row may state as official: its other columns are leaves).
    public var isRowTotal: Bool {
        switch self {
        case .incomeTotal, .expenditureTotal, .generalBudgetTotal, .fundCarryOut, .stateCapitalTotal: return true
        default: return false
        }
    }

    /// The Chinese name, for messages.
    public var chinese: String {
        switch self {
        case .incomeGeneralBudget: return "一般公共预算财政拨款收入"
        case .incomeGovernmentFund: return "政府性基金预算财政拨款收入"
        case .incomeStateCapital: return "国有资本经营预算财政拨款收入"
        case .incomeSuperiorSubsidy: return "上级补助收入"
        case .incomeBusiness: return "事业收入"
        case .incomeOperating: return "经营收入"
        case .incomeAffiliated: return "附属单位上缴收入"
        case .incomeOther: return "其他收入"
        case .incomeTotal: return "本年收入合计"
        case .expenditureBasic: return "基本支出"
        case .expenditureProject: return "项目支出"
        case .expenditureToSuperior: return "上缴上级支出"
        case .expenditureOperating: return "经营支出"
        case .expenditureToAffiliated: return "对附属单位补助支出"
        case .expenditureTotal: return "本年支出合计"
        case .generalBudgetBasic: return "一般公共预算财政拨款基本支出"
        case .generalBudgetProject: return "一般公共预算财政拨款项目支出"
        case .generalBudgetTotal: return "一般公共预算财政拨款支出"
        case .fundCarryIn: return "政府性基金年初结转和结余"
        case .fundBasic: return "政府性基金基本支出"
        case .fundProject: return "政府性基金项目支出"
        case .fundCarryOut: return "政府性基金年末结转和结余"
        case .stateCapitalBasic: return "国有资本经营预算财政拨款基本支出"
        case .stateCapitalProject: return "国有资本经营预算财政拨款项目支出"
        case .stateCapitalTotal: return "国有资本经营预算财政拨款支出"
        }
    }

    /// The figure of this column in `line` (derived or, where it has one, official).
    public func value(_ line: SubjectLine) -> Amount {
        switch self {
        case .incomeGeneralBudget: return line.income.generalBudget
        case .incomeGovernmentFund: return line.income.governmentFund
        case .incomeStateCapital: return line.income.stateCapital
        case .incomeSuperiorSubsidy: return line.income.superiorSubsidy
        case .incomeBusiness: return line.income.business
        case .incomeOperating: return line.income.operating
        case .incomeAffiliated: return line.income.affiliated
        case .incomeOther: return line.income.other
        case .incomeTotal: return line.income.total
        case .expenditureBasic: return line.expenditure.basic
        case .expenditureProject: return line.expenditure.project
        case .expenditureToSuperior: return line.expenditure.toSuperior
        case .expenditureOperating: return line.expenditure.operating
        case .expenditureToAffiliated: return line.expenditure.toAffiliated
        case .expenditureTotal: return line.expenditure.total
        case .generalBudgetBasic: return line.generalBudget.basic
        case .generalBudgetProject: return line.generalBudget.project
        case .generalBudgetTotal: return line.generalBudget.total
        case .fundCarryIn: return line.fund.carryIn
        case .fundBasic: return line.fund.spending.basic
        case .fundProject: return line.fund.spending.project
        case .fundCarryOut: return line.fund.carryOut
        case .stateCapitalBasic: return line.stateCapital.basic
        case .stateCapitalProject: return line.stateCapital.project
        case .stateCapitalTotal: return line.stateCapital.total
        }
    }

    /// Puts the official figure `amount` in place of the derived one.
    func print(_ amount: Amount, in line: inout SubjectLine) {
        switch self {
        case .incomeGeneralBudget: line.income.generalBudget = amount
        case .incomeGovernmentFund:
            line.income.governmentFund = amount
            line.fund.income = amount
        case .incomeStateCapital: line.income.stateCapital = amount
        case .incomeSuperiorSubsidy: line.income.superiorSubsidy = amount
        case .incomeBusiness: line.income.business = amount
        case .incomeOperating: line.income.operating = amount
        case .incomeAffiliated: line.income.affiliated = amount
        case .incomeOther: line.income.other = amount
        case .incomeTotal: line.income.officialTotal = amount
        case .expenditureBasic: line.expenditure.basic = amount
        case .expenditureProject: line.expenditure.project = amount
        case .expenditureToSuperior: line.expenditure.toSuperior = amount
        case .expenditureOperating: line.expenditure.operating = amount
        case .expenditureToAffiliated: line.expenditure.toAffiliated = amount
        case .expenditureTotal: line.expenditure.officialTotal = amount
        case .generalBudgetBasic: line.generalBudget.basic = amount
        case .generalBudgetProject: line.generalBudget.project = amount
        case .generalBudgetTotal: line.generalBudget.officialTotal = amount
        case .fundCarryIn: line.fund.carryIn = amount
        case .fundBasic: line.fund.spending.basic = amount
        case .fundProject: line.fund.spending.project = amount
        case .fundCarryOut: line.fund.officialCarryOut = amount
        case .stateCapitalBasic: line.stateCapital.basic = amount
        case .stateCapitalProject: line.stateCapital.project = amount
        case .stateCapitalTotal: line.stateCapital.officialTotal = amount
        }
    }

    /// The input figures of a 项 line this column adds (each a rounded figure when the input is in 万元).
    func leaves(_ item: SubjectLine) -> [Amount] {
        switch self {
        case .incomeTotal:
            let income = item.income
            return [
                income.generalBudget, income.governmentFund, income.stateCapital, income.superiorSubsidy,
                income.business, income.operating, income.affiliated, income.other,
            ]
        case .expenditureTotal:
            let spending = item.expenditure
            return [spending.basic, spending.project, spending.toSuperior, spending.operating, spending.toAffiliated]
        case .generalBudgetTotal: return [item.generalBudget.basic, item.generalBudget.project]
        case .stateCapitalTotal: return [item.stateCapital.basic, item.stateCapital.project]
        case .fundCarryOut:
            return [item.fund.carryIn, item.fund.income, item.fund.spending.basic, item.fund.spending.project]
        default: return [value(item)]
        }
    }

    /// The columns `stated` gives, each with its amount and its path below the row (`income.total`).
    static func stated(
        income: SubjectIncome?, expenditure: SubjectExpenditure?, generalBudget: BasicProjectSplit?,
        fund: GovernmentFundRow?, stateCapital: BasicProjectSplit?
    ) -> [(SubjectColumn, Amount)] {
        let candidates: [(SubjectColumn, Amount?)] = [
            (.incomeGeneralBudget, income?.generalBudget), (.incomeGovernmentFund, income?.governmentFund),
            (.incomeStateCapital, income?.stateCapital), (.incomeSuperiorSubsidy, income?.superiorSubsidy),
            (.incomeBusiness, income?.business), (.incomeOperating, income?.operating),
            (.incomeAffiliated, income?.affiliated), (.incomeOther, income?.other), (.incomeTotal, income?.total),
            (.expenditureBasic, expenditure?.basic), (.expenditureProject, expenditure?.project),
            (.expenditureToSuperior, expenditure?.toSuperior), (.expenditureOperating, expenditure?.operating),
            (.expenditureToAffiliated, expenditure?.toAffiliated), (.expenditureTotal, expenditure?.total),
            (.generalBudgetBasic, generalBudget?.basic), (.generalBudgetProject, generalBudget?.project),
            (.generalBudgetTotal, generalBudget?.total), (.fundCarryIn, fund?.carryIn), (.fundBasic, fund?.basic),
            (.fundProject, fund?.project), (.fundCarryOut, fund?.carryOut), (.stateCapitalBasic, stateCapital?.basic),
            (.stateCapitalProject, stateCapital?.project), (.stateCapitalTotal, stateCapital?.total),
        ]
        return candidates.compactMap { column, amount in amount.map { (column, $0) } }
    }
}

/// Which printed figure an official total stands for.
public enum OfficialFigure: Hashable, Sendable {
    /// A column of a subject-table row; the code "" is the 合计 row.
    case subject(code: String, SubjectColumn)
    /// A group row of 公开06表 (301, 302, …).
    case economicGroup(String)
    /// 公开06表 人员经费合计.
    case personnel
    /// 公开06表 公用经费合计.
    case publicExpenses
    /// 公开01表 行 60 年末结转和结余.
    case carryOut
    /// 公开04表 行 60 年末财政拨款结转和结余 (合计).
    case fiscalCarryOut
    /// 公开09表 行 1: 年初预算数, 全年预算数, 决算数.
    case threePublicInitialBudget, threePublicAdjustedBudget, threePublicActual
    /// 第三部分 三 财政拨款本年支出年初预算数.
    case fiscalInitialBudget
    /// 第三部分 七 政府采购支出总额.
    case procurement
    /// 第三部分 五 上年“三公”经费.
    case priorThreePublic
}

/// An official total: the figure, its amount (万元) and where the input states it.
public struct OfficialTotal: Sendable, Equatable {
    public let figure: OfficialFigure
    public let amount: Amount
    /// The JSON path, e.g. `$.subjects[0].income.total`.
    public let path: String
}

/// Every official total of one input, in input order.
public struct OfficialTotals: Sendable {
    public let all: [OfficialTotal]

    public init(_ input: DepartmentInput) {
        var all: [OfficialTotal] = []
        for (index, subject) in input.subjects.enumerated() {
            let isItem = subject.code.count == 7
            for (column, amount) in SubjectColumn.stated(
                income: subject.income, expenditure: subject.expenditure,
                generalBudget: subject.generalBudgetExpenditure, fund: subject.governmentFund,
                stateCapital: subject.stateCapitalExpenditure)
            where !isItem || column.isRowTotal {
                all.append(
                    OfficialTotal(
                        figure: .subject(code: subject.code, column), amount: amount,
                        path: "$.subjects[\(index)].\(column.rawValue)"))
            }
        }
        if let totals = input.subjectTotals {
            for (column, amount) in SubjectColumn.stated(
                income: totals.income, expenditure: totals.expenditure, generalBudget: totals.generalBudgetExpenditure,
                fund: totals.governmentFund, stateCapital: totals.stateCapitalExpenditure)
            {
                all.append(
                    OfficialTotal(
                        figure: .subject(code: "", column), amount: amount, path: "$.subjectTotals.\(column.rawValue)"))
            }
        }
        for (index, entry) in input.basicExpenditureByEconomicCode.enumerated()
        where entry.code.count == 3 && EconomicCodes.named(entry.code)?.isGroup == true {
            all.append(
                OfficialTotal(
                    figure: .economicGroup(entry.code), amount: entry.amount,
                    path: "$.basicExpenditureByEconomicCode[\(index)].amount"))
        }
        func add(_ figure: OfficialFigure, _ amount: Amount?, _ path: String) {
            if let amount { all.append(OfficialTotal(figure: figure, amount: amount, path: path)) }
        }
        add(.personnel, input.basicExpenditureTotals?.personnel, "$.basicExpenditureTotals.personnel")
        add(.publicExpenses, input.basicExpenditureTotals?.publicExpenses, "$.basicExpenditureTotals.publicExpenses")
        add(.carryOut, input.carryOver.suppliedEnd?.total, "$.carryOver.end.total")
        add(.fiscalCarryOut, input.carryOver.suppliedEnd?.fiscal, "$.carryOver.end.fiscal")
        let three = input.threePublic.suppliedTotal
        add(.threePublicInitialBudget, three?.initialBudget, "$.threePublic.total.initialBudget")
        add(.threePublicAdjustedBudget, three?.adjustedBudget, "$.threePublic.total.adjustedBudget")
        add(.threePublicActual, three?.actual, "$.threePublic.total.actual")
        add(.fiscalInitialBudget, input.fiscalInitialBudget.suppliedTotal, "$.fiscalInitialBudget.total")
        add(.procurement, input.procurement.suppliedTotal, "$.procurement.total")
        add(.priorThreePublic, input.priorYear.threePublic?.suppliedTotal, "$.priorYear.threePublic.total")
        self.all = all
    }

    public var isEmpty: Bool { all.isEmpty }

    /// Whether `input` states any official total, found without building the list (most inputs state none).
    public static func present(in input: DepartmentInput) -> Bool {
        if input.subjectTotals != nil || input.basicExpenditureTotals != nil || input.carryOver.suppliedEnd != nil
            || input.threePublic.suppliedTotal != nil || input.fiscalInitialBudget.suppliedTotal != nil
            || input.procurement.suppliedTotal != nil || input.priorYear.threePublic?.suppliedTotal != nil
        {
            return true
        }
        for subject in input.subjects {
            if subject.code.count == 7 {
                if subject.income?.total != nil || subject.expenditure?.total != nil
                    || subject.generalBudgetExpenditure?.total != nil || subject.governmentFund?.carryOut != nil
                    || subject.stateCapitalExpenditure?.total != nil
                {
                    return true
                }
            } else if subject.income != nil || subject.expenditure != nil || subject.generalBudgetExpenditure != nil
                || subject.governmentFund != nil || subject.stateCapitalExpenditure != nil
            {
                return true
            }
        }
        return input.basicExpenditureByEconomicCode.contains { $0.code.count == 3 }
    }

    /// The amount of `figure`, if the input states it (the first one, should it state it twice).
    public subscript(_ figure: OfficialFigure) -> Amount? {
        all.first { $0.figure == figure }?.amount
    }

    /// The subject columns stated for each row code ("" = 合计), in input order.
    var subjectColumns: [String: [(SubjectColumn, Amount)]] {
        var result: [String: [(SubjectColumn, Amount)]] = [:]
        for total in all {
            if case .subject(let code, let column) = total.figure {
                result[code, default: []].append((column, total.amount))
            }
        }
        return result
    }

    /// The official group amounts of table 06 by code.
    var economicGroups: [String: Amount] {
        var result: [String: Amount] = [:]
        for total in all {
            if case .economicGroup(let code) = total.figure, result[code] == nil { result[code] = total.amount }
        }
        return result
    }
}
