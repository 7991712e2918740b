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
    mutating func buildTables() -> TablesView {
        TablesView(
            t01: table01(), t02: table02(), t03: table03(), t04: table04(), t05: table05(), t06: table06(),
            t07: table07(), t08: table08(), t09: table09(), t10: table10())
    }

    private mutating func table01() -> Table01View {
        let income = accounts.total.income
        let left: [String: MoneyView] = [
            "r1": money(income.generalBudget, FigureID.dept("income.generalBudget")),
            "r2": money(income.governmentFund, FigureID.dept("income.governmentFund")),
            "r3": money(income.stateCapital, FigureID.dept("income.stateCapital")),
            "r4": money(income.superiorSubsidy, FigureID.dept("income.superiorSubsidy")),
            "r5": money(income.business, FigureID.dept("income.business")),
            "r6": money(income.operating, FigureID.dept("income.operating")),
            "r7": money(income.affiliated, FigureID.dept("income.affiliated")),
            "r8": money(income.other, FigureID.dept("income.other")),
            "r27": money(accounts.incomeTotal, FigureID.dept("income.total")),
            "r28": money(accounts.nonFiscalBalanceUsed, FigureID.dept("nonFiscalBalanceUsed")),
            "r29": money(accounts.carryIn, FigureID.dept("carryIn")),
            "r31": money(accounts.grandTotal, FigureID.dept("grandTotal.income")),
        ]
        var categories: [String: MoneyView] = [:]
        for category in FunctionalCategories.all {
            categories["c" + category.code] = money(
                accounts.categoryExpenditure(category.code), FigureID.line(category.code, "expenditure.total"))
        }
        let right: [String: MoneyView] = [
            "r58": money(accounts.expenditureTotal, FigureID.dept("expenditure.total")),
            "r59": money(accounts.surplusDistribution, FigureID.dept("surplusDistribution")),
            "r60": money(accounts.carryOut, FigureID.dept("carryOut")),
            "r62": money(accounts.grandTotal, FigureID.dept("grandTotal.expenditure")),
        ]
        return Table01View(left: left, categories: categories, right: right)
    }

    /// The measures of the columns of each subject table, in column order.
    static let subjectMeasures: [String: [String]] = [
        "t02": [
            "income.total", "income.fiscal", "income.superiorSubsidy", "income.business", "income.operating",
            "income.affiliated", "income.other",
        ],
        "t03": [
            "expenditure.total", "expenditure.basic", "expenditure.project", "expenditure.toSuperior",
            "expenditure.operating", "expenditure.toAffiliated",
        ],
        "t05": ["generalBudget.total", "generalBudget.basic", "generalBudget.project"],
        "t07": [
            "fund.carryIn", "fund.income", "fund.spending.total", "fund.spending.basic", "fund.spending.project",
            "fund.carryOut",
        ],
        "t08": ["stateCapital.total", "stateCapital.basic", "stateCapital.project"],
    ]

    private mutating func subjectTable(
        _ table: String, include: (SubjectLine) -> Bool, columns: (SubjectLine) -> [Amount]
    ) -> SubjectTableView {
        let measures = Self.subjectMeasures[table] ?? []
        func line(_ subject: SubjectLine, code: String, builder: inout ViewBuilder) -> SubjectTableView.Line {
            var cells: [String: MoneyView] = [:]
            for (index, amount) in columns(subject).enumerated() {
                cells["c\(index + 1)"] = builder.money(amount, FigureID.line(code, measures[index]))
            }
            return SubjectTableView.Line(
                code: subject.code, name: subject.name, category: subject.level == .category,
                section: subject.level == .section, item: subject.level == .item, c: cells)
        }
        var lines: [SubjectTableView.Line] = []
        for subject in accounts.subjectLines where include(subject) {
            lines.append(line(subject, code: subject.code, builder: &self))
        }
        let total = line(accounts.total, code: "", builder: &self)
        return SubjectTableView(total: total, lines: lines, empty: lines.isEmpty)
    }

    private mutating func table02() -> SubjectTableView {
        subjectTable(
            "t02", include: { !$0.income.total.isZero },
            columns: { line in
                let income = line.income
                return [
                    income.total, income.fiscal, income.superiorSubsidy, income.business, income.operating,
                    income.affiliated, income.other,
                ]
            })
    }

    private mutating func table03() -> SubjectTableView {
        subjectTable(
            "t03", include: { !$0.expenditure.total.isZero },
            columns: { line in
                let spending = line.expenditure
                return [
                    spending.total, spending.basic, spending.project, spending.toSuperior, spending.operating,
                    spending.toAffiliated,
                ]
            })
    }

    /// 公开04表's four source columns of one line: `<code>:fiscalExpenditure.total` and the measures the subject tables
    /// print for the same figures (05 合计, 07 本年支出, 08 合计).
    private mutating func sourceRow(_ sources: FiscalSources, code: String) -> Table04View.SourceRow {
        Table04View.SourceRow(
            c2: money(sources.total, FigureID.line(code, "fiscalExpenditure.total")),
            c3: money(sources.generalBudget, FigureID.line(code, "generalBudget.total")),
            c4: money(sources.governmentFund, FigureID.line(code, "fund.spending.total")),
            c5: money(sources.stateCapital, FigureID.line(code, "stateCapital.total")))
    }

    /// A row of 公开04表 by source whose figures are department totals of their own (`prefix.total`, …).
    private mutating func sourceRow(_ sources: FiscalSources, measure prefix: String) -> Table04View.SourceRow {
        Table04View.SourceRow(
            c2: money(sources.total, FigureID.dept(prefix + ".total")),
            c3: money(sources.generalBudget, FigureID.dept(prefix + ".generalBudget")),
            c4: money(sources.governmentFund, FigureID.dept(prefix + ".governmentFund")),
            c5: money(sources.stateCapital, FigureID.dept(prefix + ".stateCapital")))
    }

    private mutating func table04() -> Table04View {
        let income = accounts.fiscalIncome
        let carryIn = accounts.fiscalCarryIn
        let left: [String: MoneyView] = [
            "r1": money(income.generalBudget, FigureID.dept("income.generalBudget")),
            "r2": money(income.governmentFund, FigureID.dept("income.governmentFund")),
            "r3": money(income.stateCapital, FigureID.dept("income.stateCapital")),
            "r27": money(income.total, FigureID.dept("income.fiscal")),
            "r28": money(carryIn.total, FigureID.dept("fiscalCarryIn.total")),
            "r29": money(carryIn.generalBudget, FigureID.dept("fiscalCarryIn.generalBudget")),
            "r30": money(carryIn.governmentFund, FigureID.dept("fiscalCarryIn.governmentFund")),
            "r31": money(carryIn.stateCapital, FigureID.dept("fiscalCarryIn.stateCapital")),
            "r32": money(accounts.fiscalGrandTotal, FigureID.dept("fiscalGrandTotal.income")),
        ]
        var right: [String: Table04View.SourceRow] = [:]
        for category in FunctionalCategories.all {
            right["c" + category.code] = sourceRow(
                accounts.fiscalExpenditure(category: category.code), code: category.code)
        }
        right["r59"] = sourceRow(accounts.fiscalExpenditure, code: "")
        right["r60"] = sourceRow(accounts.fiscalCarryOut, measure: "fiscalCarryOut")
        right["r64"] = sourceRow(
            accounts.fiscalExpenditure + accounts.fiscalCarryOut, measure: "fiscalGrandTotal.expenditure")
        return Table04View(left: left, right: right)
    }

    private mutating func table05() -> SubjectTableView {
        subjectTable(
            "t05", include: { !$0.generalBudget.isZero },
            columns: { line in
                [line.generalBudget.total, line.generalBudget.basic, line.generalBudget.project]
            })
    }

    private mutating func table06() -> Table06View {
        var codes: [String: Table06View.Entry] = [:]
        for code in EconomicCodes.all {
            codes["c" + code.code] = Table06View.Entry(
                code: code.code, name: code.name,
                amount: money(accounts.table06.amount(code.code), FigureID.dept("econ." + code.code)))
        }
        return Table06View(
            codes: codes, personnel: money(accounts.table06.personnel, FigureID.dept("econ.personnel")),
            publicExpenses: money(accounts.table06.publicExpenses, FigureID.dept("econ.publicExpenses")))
    }

    private mutating func table07() -> SubjectTableView {
        subjectTable(
            "t07", include: { !$0.fund.isZero },
            columns: { line in
                [
                    line.fund.carryIn, line.fund.income, line.fund.spending.total, line.fund.spending.basic,
                    line.fund.spending.project, line.fund.carryOut,
                ]
            })
    }

    private mutating func table08() -> SubjectTableView {
        subjectTable(
            "t08", include: { !$0.stateCapital.isZero },
            columns: { line in
                [line.stateCapital.total, line.stateCapital.basic, line.stateCapital.project]
            })
    }

    /// The 三公 items of 公开09表 rows 1–6, by row key: the item's measure prefix and figures.
    var threePublicRows: [(row: String, item: String, figures: ThreePublicFigures.Row)] {
        let figures = accounts.threePublic
        return [
            ("r1", "total", figures.total), ("r2", "abroad", figures.abroad), ("r3", "vehicles", figures.vehicles),
            ("r4", "vehiclePurchase", figures.vehiclePurchase), ("r5", "vehicleOperation", figures.vehicleOperation),
            ("r6", "reception", figures.reception),
        ]
    }

    /// The statistics of 公开09表 rows 11–20: row key, identity measure, count.
    var threePublicStatistics: [(row: String, measure: String, count: Int)] {
        let s = input.threePublic.statistics
        return [
            ("r11", "abroadGroups", s.abroadGroups ?? 0), ("r12", "abroadPersonTimes", s.abroadPersonTimes ?? 0),
            ("r13", "vehiclesPurchased", s.vehiclesPurchased ?? 0), ("r14", "vehiclesHeld", s.vehiclesHeld ?? 0),
            ("r15", "domesticReceptionBatches", s.domesticReceptionBatches ?? 0),
            ("r16", "foreignAffairsReceptionBatches", s.foreignAffairsReceptionBatches ?? 0),
            ("r17", "domesticReceptionPersonTimes", s.domesticReceptionPersonTimes ?? 0),
            ("r18", "foreignAffairsReceptionPersonTimes", s.foreignAffairsReceptionPersonTimes ?? 0),
            ("r19", "overseasReceptionBatches", s.overseasReceptionBatches ?? 0),
            ("r20", "overseasReceptionPersonTimes", s.overseasReceptionPersonTimes ?? 0),
        ]
    }

    private mutating func table09() -> Table09View {
        let figures = accounts.threePublic
        var rows: [String: Table09View.Row] = [:]
        for (key, item, row) in threePublicRows {
            let prefix = "threePublic." + item
            rows[key] = Table09View.Row(
                c1: money(row.initialBudget, FigureID.dept(prefix + ".initialBudget")),
                c2: money(row.adjustedBudget, FigureID.dept(prefix + ".adjustedBudget")),
                c3: money(row.actual, FigureID.dept(prefix + ".actual")))
        }
        for (key, item, amount) in [
            ("r7", "domesticReception", figures.domesticReception),
            ("r8", "foreignAffairsReception", figures.foreignAffairsReception),
            ("r9", "overseasReception", figures.overseasReception),
        ] {
            rows[key] = Table09View.Row(
                c1: MoneyView(.zero), c2: MoneyView(.zero),
                c3: money(amount, FigureID.dept("threePublic.\(item).actual")))
        }
        var statistics: [String: CountView] = [:]
        for (key, measure, value) in threePublicStatistics {
            statistics[key] = count(value, FigureID.dept("threePublic." + measure))
        }
        return Table09View(rows: rows, statistics: statistics)
    }

    /// The vehicle kinds of 公开10表 rows 2–9, in row order.
    static let vehicleKinds = [
        "ministerial", "principal", "confidential", "emergency", "lawEnforcement", "specialTechnical", "retiredCadres",
        "other",
    ]

    private mutating func table10() -> Table10View {
        var rows: [String: CountView] = ["r1": count(accounts.vehicleTotal, FigureID.dept("vehicles.total"))]
        for (index, value) in input.assets.vehicles.counts.enumerated() {
            rows["r\(index + 2)"] = count(value, FigureID.dept("vehicles." + Self.vehicleKinds[index]))
        }
        rows["r10"] = count(input.assets.equipmentOverOneMillion ?? 0, FigureID.dept("equipment"))
        return Table10View(rows: rows)
    }
}
