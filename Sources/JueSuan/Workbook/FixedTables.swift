import Documents

// The fixed-row tables of the workbook (公开01、04、06、09、10表): the printed rows with their labels and 行次, the few
// cells a clerk enters, and every other figure a formula over this sheet or the subject tables. `FixedTable` says,
// per 行次 and column, what a cell is; the same description reads a pasted table back.

/// What one amount cell of a fixed table is.
enum FixedCell: Sendable {
    /// Entered by the clerk: the field at `path` of the input.
    case input(FormField)
    /// Computed: a formula and its value for the data written.
    case derived(String, Spreadsheet.Value.Cached)
    /// Computed, unless the input supplies the figure to be checked (a 核对用 field): then that value.
    case checked(FormField, String, Spreadsheet.Value.Cached)

    var field: FormField? {
        switch self {
        case .input(let field), .checked(let field, _, _): return field
        case .derived: return nil
        }
    }
}

/// A fixed-row table: which printed columns hold 行次 (or codes), and what each amount cell is.
struct FixedTable {
    let sheetName: String
    /// Printed columns (0-based) whose cells identify a row: 行次 numbers, or economic codes in 06; left to right.
    let keyColumns: [Int]
    /// The header text over the key columns (`行次`, `栏次`, `经济分类科目编码`).
    let keyHeader: String
    /// Per key column, the header texts of its amount columns, in order.
    let amountHeaders: [[String]]
    /// Rows whose amount sits under another key column's amounts (06: 公用经费合计 is under the third group).
    var keyAmountGroup: [String: Int] = [:]

    /// `(row key, amount column index, cell)`; the amount column index counts the key column's amount columns.
    typealias Cells = [(key: String, column: Int, cell: FixedCell)]
}

/// Finds the sheet cell of a row key and amount column: in a sheet being written (from the printed table) or in one
/// being read (from its header texts).
struct FixedResolver {
    /// Sheet row of each key, with the index of the key column it was found in.
    let rows: [String: (row: Int, group: Int)]
    /// Per key column (left to right), its amount columns (1-based sheet columns).
    let amountColumns: [[Int]]
    let keyAmountGroup: [String: Int]

    init(rows: [String: (row: Int, group: Int)], amountColumns: [[Int]], keyAmountGroup: [String: Int]) {
        self.rows = rows
        self.amountColumns = amountColumns
        self.keyAmountGroup = keyAmountGroup
    }

    /// The resolver of a printed table whose body starts at `firstBodyRow`: amount columns are the ones after each
    /// key column that the header names.
    init(table: FixedTable, printed: Table, firstBodyRow: Int) {
        var rows: [String: (row: Int, group: Int)] = [:]
        let grid = TableGrid(rows: printed.body, columnCount: printed.columns.count).texts
        for (offset, texts) in grid.enumerated() {
            for (group, column) in table.keyColumns.enumerated() where column < texts.count {
                let key = texts[column].trimmingCharacters(in: .whitespaces)
                if !key.isEmpty, rows[key] == nil { rows[key] = (firstBodyRow + offset, group) }
            }
        }
        let header = TableGrid(rows: printed.header, columnCount: printed.columns.count)
        var columns: [[Int]] = []
        for (group, key) in table.keyColumns.enumerated() {
            let end = group + 1 < table.keyColumns.count ? table.keyColumns[group + 1] : printed.columns.count
            let texts = (0..<printed.columns.count).map { column in
                FixedResolver.headerTexts(header, column: column)
            }
            columns.append(
                table.amountHeaders[group].map { wanted in
                    ((key + 1)..<end).first { texts[$0].contains(Labels.normalized(wanted)) }.map { $0 + 1 } ?? 0
                })
        }
        self.init(rows: rows, amountColumns: columns, keyAmountGroup: table.keyAmountGroup)
    }

    /// The normalized header texts over `column`, merged cells included.
    static func headerTexts(_ grid: TableGrid, column: Int) -> Set<String> {
        var texts: Set<String> = []
        for row in grid.slots {
            switch row[column] {
            case .origin(let cell): texts.insert(Labels.normalized(cell.text))
            case .covered(let r, let c):
                if case .origin(let cell) = grid.slots[r][c] { texts.insert(Labels.normalized(cell.text)) }
            case .empty: break
            }
        }
        return texts
    }

    /// The sheet position of the `index`-th amount column of the row with `key`, if the sheet has both.
    func position(_ key: String, _ index: Int = 0) -> CellAddress? {
        guard let found = rows[key] else { return nil }
        let group = keyAmountGroup[key] ?? found.group
        guard group < amountColumns.count, index < amountColumns[group].count, amountColumns[group][index] > 0 else {
            return nil
        }
        return CellAddress(row: found.row, column: amountColumns[group][index])
    }

    /// `C12` (`#REF!` when the sheet lacks the cell).
    func ref(_ key: String, _ index: Int = 0) -> String { position(key, index)?.a1 ?? "#REF!" }
}

extension FixedTable {
    static let t01 = FixedTable(
        sheetName: "公开01表", keyColumns: [1, 4], keyHeader: "行次", amountHeaders: [["金额"], ["金额"]])
    static let t04 = FixedTable(
        sheetName: "公开04表", keyColumns: [1, 4], keyHeader: "行次",
        amountHeaders: [["金额"], ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]])
    static let t06 = FixedTable(
        sheetName: "公开06表", keyColumns: [0, 3, 6], keyHeader: "经济分类科目编码",
        amountHeaders: [["金额"], ["金额"], ["金额"]],
        keyAmountGroup: [personnelTotalKey: 0, publicExpensesTotalKey: 2])
    static let personnelTotalKey = "人员经费合计"
    static let publicExpensesTotalKey = "公用经费合计"
    static let t09 = FixedTable(
        sheetName: "公开09表", keyColumns: [1], keyHeader: "栏次", amountHeaders: [["年初预算数", "全年预算数", "决算数"]])
    static let t10 = FixedTable(sheetName: "公开10表", keyColumns: [1], keyHeader: "栏次", amountHeaders: [["决算数"]])

    static let all = [t01, t04, t06, t09, t10]
}

/// The subject tables' anchors, for the formulas of 01 and 04.
struct SubjectAnchorSet {
    let t02: SubjectTableSheet.Anchors
    let t03: SubjectTableSheet.Anchors
    let t05: SubjectTableSheet.Anchors
    let t07: SubjectTableSheet.Anchors
    let t08: SubjectTableSheet.Anchors

    func total(_ anchors: SubjectTableSheet.Anchors, _ field: SubjectField) -> String {
        anchors.columns[field]?.total ?? "0"
    }

    /// 一般公共预算财政拨款收入 = 02 财政拨款收入 − 07 本年收入 − 02 国有资本经营预算财政拨款收入.
    var generalBudgetIncome: String {
        "\(total(t02, .fiscalIncome))-\(total(t07, .fundIncome))-\(total(t02, .stateCapitalIncome))"
    }
}

// MARK: - The cells of each table

extension FixedTable {
    /// What each table's cells are, for reading: the same description the sheets are written from, made once
    /// (the formulas in it are not used).
    static let readingCells: [String: Cells] = {
        let blank = DepartmentInput.blank(year: 2000)
        let context = WorkbookContext(input: blank, accounts: Accounts(blank), printed: [:], blank: true)
        let anchors = SubjectTableSheet.Anchors(codes: "", columns: [:])
        let placeholder = SubjectAnchorSet(t02: anchors, t03: anchors, t05: anchors, t07: anchors, t08: anchors)
        let nowhere = FixedResolver(rows: [:], amountColumns: [], keyAmountGroup: [:])
        return [
            t01.sheetName: cells01(nowhere, placeholder, context),
            t04.sheetName: cells04(nowhere, placeholder, context),
            t06.sheetName: cells06(nowhere, context), t09.sheetName: cells09(nowhere, context),
            t10.sheetName: cells10(nowhere, context),
        ]
    }()

    static func cached(_ amount: Amount, _ unit: InputUnit) -> Spreadsheet.Value.Cached {
        .number(CellValues.number(amount, unit: unit))
    }

    static func cells01(_ r: FixedResolver, _ a: SubjectAnchorSet, _ context: WorkbookContext) -> Cells {
        let accounts = context.accounts
        let income = accounts.total.income
        let unit = context.unit
        func c(_ amount: Amount) -> Spreadsheet.Value.Cached { cached(amount, unit) }
        var cells: Cells = [
            ("1", 0, .derived(a.generalBudgetIncome, c(income.generalBudget))),
            ("2", 0, .derived(a.total(a.t07, .fundIncome), c(income.governmentFund))),
            ("3", 0, .derived(a.total(a.t02, .stateCapitalIncome), c(income.stateCapital))),
            ("4", 0, .derived(a.total(a.t02, .superiorSubsidy), c(income.superiorSubsidy))),
            ("5", 0, .derived(a.total(a.t02, .business), c(income.business))),
            ("6", 0, .derived(a.total(a.t02, .operatingIncome), c(income.operating))),
            ("7", 0, .derived(a.total(a.t02, .affiliated), c(income.affiliated))),
            ("8", 0, .derived(a.total(a.t02, .otherIncome), c(income.other))),
            ("27", 0, .derived("SUM(\(r.ref("1")):\(r.ref("8")))", c(accounts.incomeTotal))),
            (
                "28", 0,
                .input(FormField("使用非财政拨款结余（含专用结余）", ["carryOver", "nonFiscalBalanceUsed"], .amount))
            ),
            ("29", 0, .input(FormField("年初结转和结余", Self.carryInTotalPath, .amount))),
            ("31", 0, .derived("\(r.ref("27"))+\(r.ref("28"))+\(r.ref("29"))", c(accounts.grandTotal))),
            ("59", 0, .input(FormField("结余分配", ["carryOver", "surplusDistribution"], .amount))),
            (
                "60", 0,
                .checked(
                    FormField("年末结转和结余", ["carryOver", "end", "total"], .amount),
                    "\(r.ref("31"))-\(r.ref("58"))-\(r.ref("59"))", c(accounts.carryOut))
            ),
            ("62", 0, .derived("\(r.ref("58"))+\(r.ref("59"))+\(r.ref("60"))", c(accounts.grandTotal))),
        ]
        var categoryCells: [String] = []
        for (index, category) in FunctionalCategories.all.enumerated() {
            let key = String(32 + index)
            categoryCells.append(r.ref(key))
            cells.append(
                (
                    key, 0,
                    .derived(
                        a.t03.sum(.expenditureTotal, prefix: category.code),
                        c(accounts.categoryExpenditure(category.code)))
                ))
        }
        cells.append(
            ("58", 0, .derived("SUM(\(categoryCells.first!):\(categoryCells.last!))", c(accounts.expenditureTotal))))
        return cells
    }

    /// Where 01 row 29 (年初结转和结余, all sources) lives in the workbook's reading: not an input field of its own —
    /// the reader takes the 非财政拨款 part as row 29 less 04 rows 29–31.
    static let carryInTotalPath = ["carryOver", "start", "*total"]

    static func cells04(_ r: FixedResolver, _ a: SubjectAnchorSet, _ context: WorkbookContext) -> Cells {
        let accounts = context.accounts
        let unit = context.unit
        func c(_ amount: Amount) -> Spreadsheet.Value.Cached { cached(amount, unit) }
        let income = accounts.fiscalIncome
        let carryIn = accounts.fiscalCarryIn
        let spending = accounts.fiscalExpenditure
        let carryOut = accounts.fiscalCarryOut
        var cells: Cells = [
            ("1", 0, .derived(a.generalBudgetIncome, c(income.generalBudget))),
            ("2", 0, .derived(a.total(a.t07, .fundIncome), c(income.governmentFund))),
            ("3", 0, .derived(a.total(a.t02, .stateCapitalIncome), c(income.stateCapital))),
            ("27", 0, .derived("SUM(\(r.ref("1")):\(r.ref("3")))", c(income.total))),
            ("28", 0, .derived("SUM(\(r.ref("29")):\(r.ref("31")))", c(carryIn.total))),
            (
                "29", 0,
                .input(FormField("年初一般公共预算财政拨款结转和结余", ["carryOver", "start", "generalBudget"], .amount))
            ),
            ("30", 0, .derived(a.total(a.t07, .fundCarryIn), c(carryIn.governmentFund))),
            (
                "31", 0,
                .input(FormField("年初国有资本经营预算财政拨款结转和结余", ["carryOver", "start", "stateCapital"], .amount))
            ),
            ("32", 0, .derived("\(r.ref("27"))+\(r.ref("28"))", c(accounts.fiscalGrandTotal))),
        ]
        var first = ""
        var last = ""
        for (index, category) in FunctionalCategories.all.enumerated() {
            let key = String(33 + index)
            let sources = accounts.fiscalExpenditure(category: category.code)
            if index == 0 { first = key }
            last = key
            cells += [
                (key, 0, .derived("SUM(\(r.ref(key, 1)):\(r.ref(key, 3)))", c(sources.total))),
                (key, 1, .derived(a.t05.sum(.generalBudgetTotal, prefix: category.code), c(sources.generalBudget))),
                (key, 2, .derived(a.t07.sum(.fundSpending, prefix: category.code), c(sources.governmentFund))),
                (key, 3, .derived(a.t08.sum(.stateCapitalTotal, prefix: category.code), c(sources.stateCapital))),
            ]
        }
        let spendingBySource = [spending.total, spending.generalBudget, spending.governmentFund, spending.stateCapital]
        for index in 0..<4 {
            cells.append(
                ("59", index, .derived("SUM(\(r.ref(first, index)):\(r.ref(last, index)))", c(spendingBySource[index])))
            )
        }
        cells += [
            (
                "60", 0,
                .checked(
                    FormField("年末财政拨款结转和结余", ["carryOver", "end", "fiscal"], .amount),
                    "SUM(\(r.ref("60", 1)):\(r.ref("60", 3)))", c(carryOut.total))
            ),
            ("60", 1, .derived("\(r.ref("29"))+\(r.ref("1"))-\(r.ref("59", 1))", c(carryOut.generalBudget))),
            ("60", 2, .derived("\(r.ref("30"))+\(r.ref("2"))-\(r.ref("59", 2))", c(carryOut.governmentFund))),
            ("60", 3, .derived("\(r.ref("31"))+\(r.ref("3"))-\(r.ref("59", 3))", c(carryOut.stateCapital))),
        ]
        let grand = [
            spending.total + carryOut.total, spending.generalBudget + carryOut.generalBudget,
            spending.governmentFund + carryOut.governmentFund, spending.stateCapital + carryOut.stateCapital,
        ]
        for index in 0..<4 {
            cells.append(("64", index, .derived("\(r.ref("59", index))+\(r.ref("60", index))", c(grand[index]))))
        }
        return cells
    }

    static func cells06(_ r: FixedResolver, _ context: WorkbookContext) -> Cells {
        let table = context.accounts.table06
        let unit = context.unit
        var cells: Cells = []
        let leaves = EconomicCodes.all.filter { !$0.isGroup }
        for code in EconomicCodes.all {
            let field = FormField(code.name, ["*economic", code.code], .amount)
            if code.isGroup {
                // A group's total: a formula, or the department's official total where it gives one.
                let parts = leaves.filter { $0.groupCode == code.code }.map { r.ref($0.code) }
                let formula = parts.isEmpty ? "0" : parts.joined(separator: "+")
                cells.append((code.code, 0, .checked(field, formula, cached(table.amount(code.code), unit))))
            } else {
                cells.append((code.code, 0, .input(field)))
            }
        }
        cells.append(
            (
                personnelTotalKey, 0,
                .checked(
                    FormField("人员经费合计", ["basicExpenditureTotals", "personnel"], .amount),
                    "\(r.ref("301"))+\(r.ref("303"))", cached(table.personnel, unit))
            ))
        cells.append(
            (
                publicExpensesTotalKey, 0,
                .checked(
                    FormField("公用经费合计", ["basicExpenditureTotals", "publicExpenses"], .amount),
                    ["302", "307", "310", "399"].map { r.ref($0) }.joined(separator: "+"),
                    cached(table.publicExpenses, unit))
            ))
        return cells
    }

    static func cells09(_ r: FixedResolver, _ context: WorkbookContext) -> Cells {
        let figures = context.accounts.threePublic
        let unit = context.unit
        func c(_ amount: Amount) -> Spreadsheet.Value.Cached { cached(amount, unit) }
        func item(_ key: String, _ path: [String], _ label: String) -> Cells {
            [
                (key, 0, .input(FormField(label + " 年初预算数", path + ["initialBudget"], .amount))),
                (key, 1, .input(FormField(label + " 全年预算数", path + ["adjustedBudget"], .amount))),
                (key, 2, .input(FormField(label + " 决算数", path + ["actual"], .amount))),
            ]
        }
        var cells: Cells = []
        cells += item("2", ["threePublic", "abroad"], "因公出国（境）费")
        cells += item("4", ["threePublic", "vehiclePurchase"], "公务用车购置费")
        cells += item("5", ["threePublic", "vehicleOperation"], "公务用车运行维护费")
        let vehicles = figures.vehiclePurchase + figures.vehicleOperation
        let rows = [
            (figures.total.initialBudget, vehicles.initialBudget),
            (figures.total.adjustedBudget, vehicles.adjustedBudget), (figures.total.actual, vehicles.actual),
        ]
        let keys = ["initialBudget", "adjustedBudget", "actual"]
        let names = ["年初预算数", "全年预算数", "决算数"]
        for index in 0..<3 {
            cells.append(("3", index, .derived("\(r.ref("4", index))+\(r.ref("5", index))", c(rows[index].1))))
            cells.append(
                (
                    "1", index,
                    .checked(
                        FormField("“三公”经费支出 " + names[index], ["threePublic", "total", keys[index]], .amount),
                        "\(r.ref("2", index))+\(r.ref("3", index))+\(r.ref("6", index))", c(rows[index].0))
                ))
        }
        cells += [
            (
                "6", 0,
                .input(FormField("公务接待费 年初预算数", ["threePublic", "reception", "initialBudget"], .amount))
            ),
            (
                "6", 1,
                .input(FormField("公务接待费 全年预算数", ["threePublic", "reception", "adjustedBudget"], .amount))
            ),
            ("6", 2, .derived("\(r.ref("7", 2))+\(r.ref("9", 2))", c(figures.reception.actual))),
            ("7", 2, .input(FormField("国内接待费", ["threePublic", "reception", "domestic"], .amount))),
            ("8", 2, .input(FormField("其中：外事接待费", ["threePublic", "reception", "foreignAffairs"], .amount))),
            ("9", 2, .input(FormField("国（境）外接待费", ["threePublic", "reception", "overseas"], .amount))),
        ]
        let statistics = [
            ("11", "abroadGroups", "因公出国（境）团组数"), ("12", "abroadPersonTimes", "因公出国（境）人次数"),
            ("13", "vehiclesPurchased", "公务用车购置数"), ("14", "vehiclesHeld", "公务用车保有量"),
            ("15", "domesticReceptionBatches", "国内公务接待批次"),
            ("16", "foreignAffairsReceptionBatches", "其中：外事接待批次"),
            ("17", "domesticReceptionPersonTimes", "国内公务接待人次"),
            ("18", "foreignAffairsReceptionPersonTimes", "其中：外事接待人次"),
            ("19", "overseasReceptionBatches", "国（境）外公务接待批次"),
            ("20", "overseasReceptionPersonTimes", "国（境）外公务接待人次"),
        ]
        for (key, name, label) in statistics {
            cells.append((key, 2, .input(FormField(label, ["threePublic", "statistics", name], .count))))
        }
        return cells
    }

    static func cells10(_ r: FixedResolver, _ context: WorkbookContext) -> Cells {
        let kinds = [
            ("2", "ministerial", "副部（省）级及以上领导用车"), ("3", "principal", "主要负责人用车"),
            ("4", "confidential", "机要通信用车"), ("5", "emergency", "应急保障用车"),
            ("6", "lawEnforcement", "执法执勤用车"), ("7", "specialTechnical", "特种专业技术用车"),
            ("8", "retiredCadres", "离退休干部服务用车"), ("9", "other", "其他用车"),
        ]
        var cells: Cells = kinds.map { key, name, label in
            (key, 0, .input(FormField(label, ["assets", "vehicles", name], .count)))
        }
        cells.append(
            (
                "1", 0,
                .checked(
                    FormField("车辆数合计", ["assets", "vehicles", "total"], .count),
                    "SUM(\(r.ref("2")):\(r.ref("9")))", .number(String(context.accounts.vehicleTotal)))
            ))
        cells.append(
            (
                "10", 0,
                .input(FormField("单价 100 万元（含）以上设备", ["assets", "equipmentOverOneMillion"], .count))
            ))
        return cells
    }
}
