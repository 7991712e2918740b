/// 第二部分: the figures of the ten tables. The layouts (titles, headers, fixed rows with 行次, notes, zero display)
/// are in the templates; this holds only what fills the cells.
public struct TablesView: Encodable, Sendable {
    public var t01: Table01View
    public var t02: SubjectTableView
    public var t03: SubjectTableView
    public var t04: Table04View
    public var t05: SubjectTableView
    public var t06: Table06View
    public var t07: SubjectTableView
    public var t08: SubjectTableView
    public var t09: Table09View
    public var t10: Table10View
}

/// 公开01表: `r1`…`r8`, `r27`–`r29`, `r31` on the left; one entry per functional category (`c201`…) and
/// `r58`–`r60`, `r62` on the right.
public struct Table01View: Encodable, Sendable {
    public var left: [String: MoneyView]
    public var categories: [String: MoneyView]
    public var right: [String: MoneyView]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in left.merging(categories, uniquingKeysWith: { a, _ in a }).merging(
            right, uniquingKeysWith: { a, _ in a })
        {
            try container.encode(value, forKey: DynamicKey(key))
        }
    }
}

/// A subject table (02, 03, 05, 07, 08): the 合计 line and one line per 类/款/项 that the table shows.
public struct SubjectTableView: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var code: String
        public var name: String
        public var category: Bool
        public var section: Bool
        public var item: Bool
        /// The columns in table order (`c1`, `c2`, …).
        public var c: [String: MoneyView]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(code, forKey: DynamicKey("code"))
            try container.encode(name, forKey: DynamicKey("name"))
            try container.encode(category, forKey: DynamicKey("category"))
            try container.encode(section, forKey: DynamicKey("section"))
            try container.encode(item, forKey: DynamicKey("item"))
            for (key, value) in c { try container.encode(value, forKey: DynamicKey(key)) }
        }
    }

    public var total: Line
    public var lines: [Line]
    /// No line besides 合计 (07 and 08 of most departments).
    public var empty: Bool
}

/// 公开04表: left `r1`–`r3`, `r27`–`r32`; right per category `c201`… with `c2`–`c5`, and `r59`, `r60`, `r64`.
public struct Table04View: Encodable, Sendable {
    public struct SourceRow: Encodable, Sendable {
        /// 合计.
        public var c2: MoneyView
        /// 一般公共预算财政拨款.
        public var c3: MoneyView
        /// 政府性基金预算财政拨款.
        public var c4: MoneyView
        /// 国有资本经营预算财政拨款.
        public var c5: MoneyView

        init(_ sources: FiscalSources) {
            c2 = MoneyView(sources.total)
            c3 = MoneyView(sources.generalBudget)
            c4 = MoneyView(sources.governmentFund)
            c5 = MoneyView(sources.stateCapital)
        }
    }

    public var left: [String: MoneyView]
    public var right: [String: SourceRow]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in left { try container.encode(value, forKey: DynamicKey(key)) }
        for (key, value) in right { try container.encode(value, forKey: DynamicKey(key)) }
    }
}

/// 公开06表: one entry per economic code (`c30101` → name and amount) plus the two totals.
public struct Table06View: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        public var code: String
        public var name: String
        public var amount: MoneyView
    }

    public var codes: [String: Entry]
    /// 人员经费合计.
    public var personnel: MoneyView
    /// 公用经费合计.
    public var publicExpenses: MoneyView

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in codes { try container.encode(value, forKey: DynamicKey(key)) }
        try container.encode(personnel, forKey: DynamicKey("personnel"))
        try container.encode(publicExpenses, forKey: DynamicKey("publicExpenses"))
    }
}

/// 公开09表: rows `r1`–`r9` with `c1` 年初预算数, `c2` 全年预算数, `c3` 决算数; statistics `r11`–`r20`.
public struct Table09View: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var c1: MoneyView
        public var c2: MoneyView
        public var c3: MoneyView
    }

    public var rows: [String: Row]
    public var statistics: [String: CountView]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in rows { try container.encode(value, forKey: DynamicKey(key)) }
        for (key, value) in statistics { try container.encode(value, forKey: DynamicKey(key)) }
    }
}

/// 公开10表: rows `r1`–`r10`.
public struct Table10View: Encodable, Sendable {
    public var rows: [String: CountView]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in rows { try container.encode(value, forKey: DynamicKey(key)) }
    }
}

/// A coding key made from a string, for views keyed by row numbers and codes.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}

extension ViewBuilder {
    func buildTables() -> TablesView {
        TablesView(
            t01: table01(), t02: table02(), t03: table03(), t04: table04(), t05: table05(), t06: table06(),
            t07: table07(), t08: table08(), t09: table09(), t10: table10())
    }

    private func table01() -> Table01View {
        let income = accounts.total.income
        let left: [String: MoneyView] = [
            "r1": MoneyView(income.generalBudget), "r2": MoneyView(income.governmentFund),
            "r3": MoneyView(income.stateCapital), "r4": MoneyView(income.superiorSubsidy),
            "r5": MoneyView(income.business), "r6": MoneyView(income.operating), "r7": MoneyView(income.affiliated),
            "r8": MoneyView(income.other), "r27": MoneyView(accounts.incomeTotal),
            "r28": MoneyView(accounts.nonFiscalBalanceUsed), "r29": MoneyView(accounts.carryIn),
            "r31": MoneyView(accounts.grandTotal),
        ]
        var categories: [String: MoneyView] = [:]
        for category in FunctionalCategories.all {
            categories["c" + category.code] = MoneyView(accounts.categoryExpenditure(category.code))
        }
        let right: [String: MoneyView] = [
            "r58": MoneyView(accounts.expenditureTotal), "r59": MoneyView(accounts.surplusDistribution),
            "r60": MoneyView(accounts.carryOut), "r62": MoneyView(accounts.grandTotal),
        ]
        return Table01View(left: left, categories: categories, right: right)
    }

    private func subjectTable(
        include: (SubjectLine) -> Bool, columns: (SubjectLine) -> [Amount]
    ) -> SubjectTableView {
        func line(_ subject: SubjectLine) -> SubjectTableView.Line {
            var cells: [String: MoneyView] = [:]
            for (index, amount) in columns(subject).enumerated() { cells["c\(index + 1)"] = MoneyView(amount) }
            return SubjectTableView.Line(
                code: subject.code, name: subject.name, category: subject.level == .category,
                section: subject.level == .section, item: subject.level == .item, c: cells)
        }
        let lines = accounts.subjectLines.filter(include).map(line)
        return SubjectTableView(total: line(accounts.total), lines: lines, empty: lines.isEmpty)
    }

    private func table02() -> SubjectTableView {
        subjectTable(
            include: { !$0.income.total.isZero },
            columns: { line in
                let income = line.income
                return [
                    income.total, income.fiscal, income.superiorSubsidy, income.business, income.operating,
                    income.affiliated, income.other,
                ]
            })
    }

    private func table03() -> SubjectTableView {
        subjectTable(
            include: { !$0.expenditure.total.isZero },
            columns: { line in
                let spending = line.expenditure
                return [
                    spending.total, spending.basic, spending.project, spending.toSuperior, spending.operating,
                    spending.toAffiliated,
                ]
            })
    }

    private func table04() -> Table04View {
        let income = accounts.fiscalIncome
        let carryIn = accounts.fiscalCarryIn
        let left: [String: MoneyView] = [
            "r1": MoneyView(income.generalBudget), "r2": MoneyView(income.governmentFund),
            "r3": MoneyView(income.stateCapital), "r27": MoneyView(income.total), "r28": MoneyView(carryIn.total),
            "r29": MoneyView(carryIn.generalBudget), "r30": MoneyView(carryIn.governmentFund),
            "r31": MoneyView(carryIn.stateCapital), "r32": MoneyView(accounts.fiscalGrandTotal),
        ]
        var right: [String: Table04View.SourceRow] = [:]
        for category in FunctionalCategories.all {
            right["c" + category.code] = Table04View.SourceRow(accounts.fiscalExpenditure(category: category.code))
        }
        right["r59"] = Table04View.SourceRow(accounts.fiscalExpenditure)
        right["r60"] = Table04View.SourceRow(accounts.fiscalCarryOut)
        right["r64"] = Table04View.SourceRow(accounts.fiscalExpenditure + accounts.fiscalCarryOut)
        return Table04View(left: left, right: right)
    }

    private func table05() -> SubjectTableView {
        subjectTable(
            include: { !$0.generalBudget.isZero },
            columns: { line in
                [line.generalBudget.total, line.generalBudget.basic, line.generalBudget.project]
            })
    }

    private func table06() -> Table06View {
        var codes: [String: Table06View.Entry] = [:]
        for code in EconomicCodes.all {
            codes["c" + code.code] = Table06View.Entry(
                code: code.code, name: code.name, amount: MoneyView(accounts.table06.amount(code.code)))
        }
        return Table06View(
            codes: codes, personnel: MoneyView(accounts.table06.personnel),
            publicExpenses: MoneyView(accounts.table06.publicExpenses))
    }

    private func table07() -> SubjectTableView {
        subjectTable(
            include: { !$0.fund.isZero },
            columns: { line in
                [
                    line.fund.carryIn, line.fund.income, line.fund.spending.total, line.fund.spending.basic,
                    line.fund.spending.project, line.fund.carryOut,
                ]
            })
    }

    private func table08() -> SubjectTableView {
        subjectTable(
            include: { !$0.stateCapital.isZero },
            columns: { line in
                [line.stateCapital.total, line.stateCapital.basic, line.stateCapital.project]
            })
    }

    private func table09() -> Table09View {
        let figures = accounts.threePublic
        func row(_ row: ThreePublicFigures.Row) -> Table09View.Row {
            Table09View.Row(
                c1: MoneyView(row.initialBudget), c2: MoneyView(row.adjustedBudget), c3: MoneyView(row.actual))
        }
        func actualOnly(_ amount: Amount) -> Table09View.Row {
            Table09View.Row(c1: MoneyView(.zero), c2: MoneyView(.zero), c3: MoneyView(amount))
        }
        let rows: [String: Table09View.Row] = [
            "r1": row(figures.total), "r2": row(figures.abroad), "r3": row(figures.vehicles),
            "r4": row(figures.vehiclePurchase), "r5": row(figures.vehicleOperation), "r6": row(figures.reception),
            "r7": actualOnly(figures.domesticReception), "r8": actualOnly(figures.foreignAffairsReception),
            "r9": actualOnly(figures.overseasReception),
        ]
        let s = input.threePublic.statistics
        let statistics: [String: CountView] = [
            "r11": CountView(s.abroadGroups ?? 0), "r12": CountView(s.abroadPersonTimes ?? 0),
            "r13": CountView(s.vehiclesPurchased ?? 0), "r14": CountView(s.vehiclesHeld ?? 0),
            "r15": CountView(s.domesticReceptionBatches ?? 0), "r16": CountView(s.foreignAffairsReceptionBatches ?? 0),
            "r17": CountView(s.domesticReceptionPersonTimes ?? 0),
            "r18": CountView(s.foreignAffairsReceptionPersonTimes ?? 0),
            "r19": CountView(s.overseasReceptionBatches ?? 0), "r20": CountView(s.overseasReceptionPersonTimes ?? 0),
        ]
        return Table09View(rows: rows, statistics: statistics)
    }

    private func table10() -> Table10View {
        var rows: [String: CountView] = ["r1": CountView(accounts.vehicleTotal)]
        for (index, count) in input.assets.vehicles.counts.enumerated() { rows["r\(index + 2)"] = CountView(count) }
        rows["r10"] = CountView(input.assets.equipmentOverOneMillion ?? 0)
        return Table10View(rows: rows)
    }
}
