import Documents

// The five subject tables of the department workbook (公开02、03、05、07、08表): one row per 类/款/项 with code and
// name, the 项 rows' amounts typed or pasted by the clerk, and every total (the 合计 column, 类/款 rows, the 合计
// row) a formula. What each column means, for writing and for reading a pasted table, is in `SubjectSheetColumn`.

/// A column of a subject table and the input field behind it.
struct SubjectSheetColumn: Sendable {
    /// What a cell of the column holds.
    enum Role: Sendable {
        /// A leaf figure the clerk enters on 项 rows.
        case input
        /// A total of the row (`本年收入合计` …): a formula, or a figure supplied to be checked.
        case rowTotal
        /// Derived, never supplied (07 小计).
        case derived
    }

    /// The input field, as a key of `SubjectFields`.
    let field: SubjectField
    /// Texts that identify the column in a header (any one of them, compared without spaces).
    let headers: [String]
    let role: Role
    /// The column's figure on a derived line, for the formulas' cached values.
    let figure: @Sendable (SubjectLine) -> Amount
}

/// Every amount of a subject row that the workbook carries, by the table it is entered in.
enum SubjectField: String, Sendable, CaseIterable {
    // 公开02表
    case incomeTotal, fiscalIncome, stateCapitalIncome, superiorSubsidy, business, operatingIncome, affiliated
    case otherIncome
    // 公开03表
    case expenditureTotal, basic, project, toSuperior, operatingExpenditure, toAffiliated
    // 公开05表
    case generalBudgetTotal, generalBudgetBasic, generalBudgetProject
    // 公开07表
    case fundCarryIn, fundIncome, fundSpending, fundBasic, fundProject, fundCarryOut
    // 公开08表
    case stateCapitalTotal, stateCapitalBasic, stateCapitalProject
}

/// One of the five subject tables.
enum SubjectTable: String, Sendable, CaseIterable {
    case t02, t03, t05, t07, t08

    var sheetName: String {
        switch self {
        case .t02: return "公开02表"
        case .t03: return "公开03表"
        case .t05: return "公开05表"
        case .t07: return "公开07表"
        case .t08: return "公开08表"
        }
    }

    /// The table's amount columns in print order, then any column the workbook adds beyond the printed table.
    var columns: [SubjectSheetColumn] {
        switch self {
        case .t02:
            return [
                SubjectSheetColumn(field: .incomeTotal, headers: ["本年收入合计"], role: .rowTotal) { $0.income.total },
                SubjectSheetColumn(field: .fiscalIncome, headers: ["财政拨款收入"], role: .input) { $0.income.fiscal },
                SubjectSheetColumn(field: .superiorSubsidy, headers: ["上级补助收入"], role: .input) {
                    $0.income.superiorSubsidy
                },
                SubjectSheetColumn(field: .business, headers: ["事业收入"], role: .input) { $0.income.business },
                SubjectSheetColumn(field: .operatingIncome, headers: ["经营收入"], role: .input) { $0.income.operating },
                SubjectSheetColumn(field: .affiliated, headers: ["附属单位上缴收入"], role: .input) { $0.income.affiliated },
                SubjectSheetColumn(field: .otherIncome, headers: ["其他收入"], role: .input) { $0.income.other },
                SubjectSheetColumn(
                    field: .stateCapitalIncome, headers: [Self.stateCapitalIncomeHeader, "国有资本经营预算财政拨款收入"],
                    role: .input
                ) { $0.income.stateCapital },
            ]
        case .t03:
            return [
                SubjectSheetColumn(field: .expenditureTotal, headers: ["本年支出合计"], role: .rowTotal) {
                    $0.expenditure.total
                },
                SubjectSheetColumn(field: .basic, headers: ["基本支出"], role: .input) { $0.expenditure.basic },
                SubjectSheetColumn(field: .project, headers: ["项目支出"], role: .input) { $0.expenditure.project },
                SubjectSheetColumn(field: .toSuperior, headers: ["上缴上级支出"], role: .input) { $0.expenditure.toSuperior },
                SubjectSheetColumn(field: .operatingExpenditure, headers: ["经营支出"], role: .input) {
                    $0.expenditure.operating
                },
                SubjectSheetColumn(field: .toAffiliated, headers: ["对附属单位补助支出"], role: .input) {
                    $0.expenditure.toAffiliated
                },
            ]
        case .t05:
            return [
                SubjectSheetColumn(field: .generalBudgetTotal, headers: ["本年支出合计", "合计"], role: .rowTotal) {
                    $0.generalBudget.total
                },
                SubjectSheetColumn(field: .generalBudgetBasic, headers: ["基本支出"], role: .input) {
                    $0.generalBudget.basic
                },
                SubjectSheetColumn(field: .generalBudgetProject, headers: ["项目支出"], role: .input) {
                    $0.generalBudget.project
                },
            ]
        case .t07:
            return [
                SubjectSheetColumn(field: .fundCarryIn, headers: ["年初结转和结余"], role: .input) { $0.fund.carryIn },
                SubjectSheetColumn(field: .fundIncome, headers: ["本年收入"], role: .input) { $0.fund.income },
                SubjectSheetColumn(field: .fundSpending, headers: ["小计"], role: .derived) { $0.fund.spending.total },
                SubjectSheetColumn(field: .fundBasic, headers: ["基本支出"], role: .input) { $0.fund.spending.basic },
                SubjectSheetColumn(field: .fundProject, headers: ["项目支出"], role: .input) { $0.fund.spending.project },
                SubjectSheetColumn(field: .fundCarryOut, headers: ["年末结转和结余"], role: .rowTotal) { $0.fund.carryOut },
            ]
        case .t08:
            return [
                SubjectSheetColumn(field: .stateCapitalTotal, headers: ["合计"], role: .rowTotal) {
                    $0.stateCapital.total
                },
                SubjectSheetColumn(field: .stateCapitalBasic, headers: ["基本支出"], role: .input) {
                    $0.stateCapital.basic
                },
                SubjectSheetColumn(field: .stateCapitalProject, headers: ["项目支出"], role: .input) {
                    $0.stateCapital.project
                },
            ]
        }
    }

    /// How many of `columns` the printed table has (the rest are the workbook's own).
    var printedColumnCount: Int { self == .t02 ? 7 : columns.count }

    static let stateCapitalIncomeHeader = "其中：国有资本经营预算财政拨款收入（不在表中公开，用于公开04表）"

    /// A 项 row's total column as a formula of its own cells (`columns` are the sheet columns of `self.columns`).
    func rowTotalFormula(row: Int, columns: [Int]) -> String? {
        func cell(_ index: Int) -> String { CellAddress.columnName(columns[index]) + String(row) }
        switch self {
        case .t02: return "SUM(\(cell(1)):\(cell(6)))"
        case .t03: return "SUM(\(cell(1)):\(cell(5)))"
        case .t05, .t08: return "\(cell(1))+\(cell(2))"
        case .t07: return nil
        }
    }

    /// The input fields of `subject` for this table's columns (nil where the input has none).
    func values(_ subject: Subject) -> [SubjectField: Amount] {
        var values: [SubjectField: Amount] = [:]
        func put(_ field: SubjectField, _ amount: Amount?) {
            if let amount { values[field] = amount }
        }
        switch self {
        case .t02:
            let income = subject.income
            let fiscalParts = [income?.generalBudget, income?.governmentFund, income?.stateCapital]
            if fiscalParts.contains(where: { $0 != nil }) { put(.fiscalIncome, fiscalParts.map(\.orZero).sum()) }
            put(.stateCapitalIncome, income?.stateCapital)
            put(.superiorSubsidy, income?.superiorSubsidy)
            put(.business, income?.business)
            put(.operatingIncome, income?.operating)
            put(.affiliated, income?.affiliated)
            put(.otherIncome, income?.other)
            put(.incomeTotal, income?.total)
        case .t03:
            let expenditure = subject.expenditure
            put(.basic, expenditure?.basic)
            put(.project, expenditure?.project)
            put(.toSuperior, expenditure?.toSuperior)
            put(.operatingExpenditure, expenditure?.operating)
            put(.toAffiliated, expenditure?.toAffiliated)
            put(.expenditureTotal, expenditure?.total)
        case .t05:
            put(.generalBudgetBasic, subject.generalBudgetExpenditure?.basic)
            put(.generalBudgetProject, subject.generalBudgetExpenditure?.project)
            put(.generalBudgetTotal, subject.generalBudgetExpenditure?.total)
        case .t07:
            put(.fundCarryIn, subject.governmentFund?.carryIn)
            put(.fundIncome, subject.income?.governmentFund)
            put(.fundBasic, subject.governmentFund?.basic)
            put(.fundProject, subject.governmentFund?.project)
            put(.fundCarryOut, subject.governmentFund?.carryOut)
        case .t08:
            put(.stateCapitalBasic, subject.stateCapitalExpenditure?.basic)
            put(.stateCapitalProject, subject.stateCapitalExpenditure?.project)
            put(.stateCapitalTotal, subject.stateCapitalExpenditure?.total)
        }
        return values
    }

    /// Whether `subject` has a row in this table of a filled workbook: every subject in 02, 03 and 05 (so that the
    /// order of the input is kept), in 07 and 08 the 项 with figures there and the 类/款 above them.
    func lists(_ subject: Subject, among subjects: [Subject]) -> Bool {
        switch self {
        case .t02, .t03, .t05: return true
        case .t07, .t08:
            let hasFigures: (Subject) -> Bool = { !values($0).isEmpty }
            if subject.code.count == 7 { return hasFigures(subject) }
            return subjects.contains { $0.code.count == 7 && $0.code.hasPrefix(subject.code) && hasFigures($0) }
                || hasFigures(subject)
        }
    }
}
