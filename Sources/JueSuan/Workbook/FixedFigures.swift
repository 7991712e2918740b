// The derived figure behind each computed cell of the fixed tables, for checking a total pasted there.

enum FixedFigures {
    static func figure(table: FixedTable, key: String, column: Int) -> DerivedFigure? {
        switch table.sheetName {
        case FixedTable.t01.sheetName: return t01(key)
        case FixedTable.t04.sheetName: return t04(key, column)
        case FixedTable.t06.sheetName: return t06(key)
        case FixedTable.t09.sheetName: return t09(key, column)
        default: return nil
        }
    }

    static func t01(_ key: String) -> DerivedFigure? {
        guard let line = Int(key) else { return nil }
        let incomeParts: [(String, @Sendable (IncomeColumns) -> Amount)] = [
            ("一般公共预算财政拨款收入", { $0.generalBudget }), ("政府性基金预算财政拨款收入", { $0.governmentFund }),
            ("国有资本经营预算财政拨款收入", { $0.stateCapital }), ("上级补助收入", { $0.superiorSubsidy }),
            ("事业收入", { $0.business }), ("经营收入", { $0.operating }), ("附属单位上缴收入", { $0.affiliated }),
            ("其他收入", { $0.other }),
        ]
        switch line {
        case 1...8:
            let (name, part) = incomeParts[line - 1]
            return DerivedFigure("行次 \(line) \(name)") { part($0.total.income) }
        case 27: return DerivedFigure("行次 27 本年收入合计") { $0.incomeTotal }
        case 31, 62: return DerivedFigure("行次 \(line) 总计") { $0.grandTotal }
        case 32...57:
            let category = FunctionalCategories.all[line - 32]
            return DerivedFigure("行次 \(line) \(category.name)") { $0.categoryExpenditure(category.code) }
        case 58: return DerivedFigure("行次 58 本年支出合计") { $0.expenditureTotal }
        default: return nil
        }
    }

    static let sourceNames = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]

    static func source(_ sources: FiscalSources, _ column: Int) -> Amount {
        [sources.total, sources.generalBudget, sources.governmentFund, sources.stateCapital][column]
    }

    static func t04(_ key: String, _ column: Int) -> DerivedFigure? {
        guard let line = Int(key), (0..<4).contains(column) else { return nil }
        let name = sourceNames[column]
        switch line {
        case 1: return DerivedFigure("行次 1 一般公共预算财政拨款") { $0.fiscalIncome.generalBudget }
        case 2: return DerivedFigure("行次 2 政府性基金预算财政拨款") { $0.fiscalIncome.governmentFund }
        case 3: return DerivedFigure("行次 3 国有资本经营预算财政拨款") { $0.fiscalIncome.stateCapital }
        case 27: return DerivedFigure("行次 27 本年收入合计") { $0.fiscalIncome.total }
        case 28: return DerivedFigure("行次 28 年初财政拨款结转和结余") { $0.fiscalCarryIn.total }
        case 30: return DerivedFigure("行次 30 政府性基金预算财政拨款") { $0.fiscalCarryIn.governmentFund }
        case 32: return DerivedFigure("行次 32 总计") { $0.fiscalGrandTotal }
        case 33...58:
            let category = FunctionalCategories.all[line - 33]
            return DerivedFigure("行次 \(line) \(category.name) \(name)") {
                source($0.fiscalExpenditure(category: category.code), column)
            }
        case 59: return DerivedFigure("行次 59 本年支出合计 \(name)") { source($0.fiscalExpenditure, column) }
        case 60: return DerivedFigure("行次 60 年末财政拨款结转和结余 \(name)") { source($0.fiscalCarryOut, column) }
        case 64:
            return DerivedFigure("行次 64 总计 \(name)") {
                source($0.fiscalExpenditure, column) + source($0.fiscalCarryOut, column)
            }
        default: return nil
        }
    }

    static func t06(_ key: String) -> DerivedFigure? {
        switch key {
        case FixedTable.personnelTotalKey: return DerivedFigure("人员经费合计") { $0.table06.personnel }
        case FixedTable.publicExpensesTotalKey: return DerivedFigure("公用经费合计") { $0.table06.publicExpenses }
        default:
            guard key.count == 3 else { return nil }
            return DerivedFigure("\(key) 合计") { $0.table06.amount(key) }
        }
    }

    static func t09(_ key: String, _ column: Int) -> DerivedFigure? {
        let names = ["年初预算数", "全年预算数", "决算数"]
        guard (0..<3).contains(column) else { return nil }
        @Sendable func pick(_ row: ThreePublicFigures.Row) -> Amount {
            [row.initialBudget, row.adjustedBudget, row.actual][column]
        }
        switch key {
        case "3":
            return DerivedFigure("行次 3 公务用车购置及运行维护费 \(names[column])") {
                pick($0.threePublic.vehiclePurchase + $0.threePublic.vehicleOperation)
            }
        case "6": return DerivedFigure("行次 6 公务接待费 \(names[column])") { pick($0.threePublic.reception) }
        default: return nil
        }
    }
}
