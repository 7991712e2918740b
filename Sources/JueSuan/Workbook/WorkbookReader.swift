import Documents
import Foundation

// Reads a department workbook back into the JSON tree of an input file. Sheets are found by name, rows by their
// labels and codes, table columns by their header text, so that a workbook re-saved by Excel, WPS or LibreOffice,
// or a 公开表 pasted from the 部门决算 software, reads as well as the one `juesuan workbook` wrote. Every value
// remembers its cell, so that any later problem (a wrong type, a missing field, a rule's finding) names it.

/// Where the values of a workbook-read input came from: `公开05表!C12` by JSON path.
public struct WorkbookOrigin: Sendable {
    var cells: [JSONPath: String]

    /// The cell of `path`, or of the nearest enclosing path that has one.
    public func cell(for path: JSONPath) -> String? {
        var components = path.components
        while true {
            if let cell = cells[JSONPath(components)] { return cell }
            guard !components.isEmpty else { return nil }
            components.removeLast()
        }
    }

    /// The cell of a path given as text as findings carry it (`$.subjects[3].code`, `$.reasons.categories.201`,
    /// `$["a b"]`), or of the nearest enclosing path that has one.
    public func cell(forPath text: String) -> String? {
        JSONPath(parsing: text).flatMap(cell(for:))
    }
}

/// A total found in a pasted table where the workbook computes it: checked against the figure derived from the
/// leaves, never used.
public struct PastedTotal: Sendable, Equatable {
    /// `公开02表!E10`.
    public var cell: String
    /// What the total is, e.g. `公开02表 合计 本年收入合计`.
    public var label: String
    /// In 万元.
    public var amount: Amount
    /// Which derived figure it must equal.
    public var figure: DerivedFigure
}

/// The outcome of reading a workbook: the tree to check and decode, where each value came from, and what the
/// reader noticed.
struct WorkbookReading {
    var tree: JSONNode
    var origin: WorkbookOrigin
    var problems: [InputProblem]
    var notes: [String]
    var pasted: [PastedTotal]
}

struct WorkbookReader {
    let grid: WorkbookGrid
    var root = TreeObject()
    var origin: [JSONPath: String] = [:]
    var problems: [InputProblem] = []
    var notes: [String] = []
    var pasted: [PastedTotal] = []
    /// The workbook's unit (基本信息).
    var unit = InputUnit.wanYuan
    var usedSheets: Set<String> = []

    // Collected from several sheets, assembled at the end.
    var subjects = SubjectCollection()
    var carryInTotal: (amount: Decimal, cell: String)?
    var economic: [(code: String, amount: String, cell: String, name: String?)] = []

    init(grid: WorkbookGrid) {
        self.grid = grid
    }

    static func read(_ grid: WorkbookGrid) -> WorkbookReading {
        var reader = WorkbookReader(grid: grid)
        reader.readAll()
        return WorkbookReading(
            tree: reader.root.node, origin: WorkbookOrigin(cells: reader.origin), problems: reader.problems,
            notes: reader.notes, pasted: reader.pasted)
    }

    /// A problem the input description found in the tree read from a workbook, placed at its cell and said in the
    /// workbook's terms.
    static func located(_ problem: InputProblem, origin: WorkbookOrigin) -> InputProblem {
        var located = problem
        if let missing = problem.missing {
            located.cell = origin.cell(for: problem.path.appending(missing.name))
            located.message = "未填写“\(missing.chinese)”"
        } else {
            located.cell = origin.cell(for: problem.path)
            if problem.message.hasPrefix("至少要有") {
                let name = listNames[problem.path.description] ?? "这一部分"
                located.message = "请至少填写一项：\(name)"
            }
        }
        if located.cell == nil { located.cell = BasicInfoSheet.name }
        return located
    }

    /// What the lists a workbook must not leave empty are called there.
    static let listNames = [
        "$.department.duties.items": "部门主要职责（每条一行）",
        "$.department.units": "纳入决算汇编范围的单位",
        "$.subjects": "支出功能分类科目（公开02、03、05表的科目编码、名称和金额）",
        "$.performance.departmentEvaluation.projects": "部门评价项目名称",
    ]

    mutating func readAll() {
        root.set(["formatVersion"], .number(String(InputSchema.version)))
        readBasicInfo()
        readOverview()
        // Where a problem about a whole part is shown when no cell of it is to blame.
        for (path, sheet) in [
            (["subjects"], SubjectTable.t02.sheetName), (["department"], OverviewSheet.name),
            (["carryOver"], FixedTable.t01.sheetName), (["basicExpenditureByEconomicCode"], FixedTable.t06.sheetName),
            (["threePublic"], FixedTable.t09.sheetName), (["assets"], FixedTable.t10.sheetName),
            (["fiscalInitialBudget"], BudgetSheet.name), (["procurement"], ProcurementSheet.name),
            (["priorYear"], PriorYearSheet.name), (["reasons"], ReasonsSheet.name),
            (["performance"], PerformanceSheet.name),
            (["performance", "selfEvaluationTables"], SelfEvaluationSheet.name),
            (["performance", "selfEvaluationText"], ContentBlocksSheet.selfEvaluationTextName),
            (["glossary"], GlossarySheet.name), (["annex"], ContentBlocksSheet.annexName),
        ] {
            origin[JSONPath(path.map { .key($0) })] = sheet
        }
        for table in SubjectTable.allCases { readSubjectTable(table) }
        readFixedTables()
        assembleSubjects()
        assembleCarryOver()
        assembleEconomic()
        readPriorYear()
        readBudget()
        readReasons()
        readForm(ProcurementSheet.name, fields: ProcurementSheet.fields)
        readPerformance()
        readSelfEvaluationTables()
        readGlossary()
        root.set(
            ["performance", "selfEvaluationText"],
            readBlocks(ContentBlocksSheet.selfEvaluationTextName, path: ["performance", "selfEvaluationText"]))
        root.set(["annex"], readBlocks(ContentBlocksSheet.annexName, path: ["annex"]))
        readLocalData()
        ensureRequiredContainers()
        for sheet in grid.sheets where !usedSheets.contains(sheet.name) && sheet.name != GuideSheet.name {
            if !sheet.isEmpty { notes.append("工作表“\(sheet.name)”不是本工作簿的表，已忽略") }
        }
    }

    /// 地方数据: the rows after its header joined into one JSON text, kept as `local`.
    mutating func readLocalData() {
        guard let sheet = sheet(LocalDataSheet.name), sheet.extent.row > 0 else { return }
        origin[JSONPath([.key("local")])] = sheet.name
        guard let header = Self.row(labelled: LocalDataSheet.header, in: sheet) else {
            problem(sheet.name, "找不到“\(LocalDataSheet.header)”一行：地方数据写在这一行下面")
            return
        }
        let rows = Array((header + 1)..<(sheet.extent.row + 1))
        let lines = rows.map { sheet.text($0, 1) }
        guard lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return }
        do {
            root.set(["local"], .leaf(try JSONTreeParser.parse(Array(lines.joined(separator: "\n").utf8))))
        } catch {
            let row = rows[min(max(error.position.line - 1, 0), rows.count - 1)]
            problem(
                Self.reference(sheet, row, 1),
                "地方数据不是有效的 JSON（第 \(error.position.line) 行第 \(error.position.column) 列）：\(error.message)")
        }
    }

    // MARK: - Sheets and cells

    /// The sheet named `name` (also with different spaces or full-width forms); marks it used.
    mutating func sheet(_ name: String) -> WorkbookGrid.Sheet? {
        let wanted = Labels.normalized(name)
        guard
            let sheet = grid.sheets.first(where: { $0.name == name })
                ?? grid.sheets.first(where: { Labels.normalized($0.name) == wanted })
        else { return nil }
        usedSheets.insert(sheet.name)
        return sheet
    }

    static func reference(_ sheet: WorkbookGrid.Sheet, _ row: Int, _ column: Int) -> String {
        sheet.name + "!" + CellAddress(row: row, column: column).a1
    }

    mutating func problem(_ cell: String, _ message: String) {
        problems.append(InputProblem(path: .root, position: nil, message: message, cell: cell))
    }

    /// The first row at or after `from` whose column-`column` text is `label` (ignoring spaces and full-width
    /// forms), or starts with it.
    static func row(
        labelled label: String, in sheet: WorkbookGrid.Sheet, column: Int = 1, from: Int = 1, to: Int? = nil
    ) -> Int? {
        let wanted = Labels.normalized(label)
        let last = to ?? sheet.extent.row
        guard from <= last else { return nil }
        var prefixMatch: Int?
        for row in max(1, from)...last {
            let text = column <= 2 ? sheet.labels[column][row] : Labels.normalized(sheet.text(row, column))
            if text == wanted { return row }
            if prefixMatch == nil, !text.isEmpty, text.hasPrefix(wanted) { prefixMatch = row }
        }
        return prefixMatch
    }

    // MARK: - Values

    /// Reads the value of `field` from `cell` into the tree, remembering the cell.
    mutating func put(
        _ field: FormField, _ cell: SpreadsheetCell?, at reference: String, sheetUnit: InputUnit? = nil
    ) {
        let path = field.path
        origin[JSONPath(path.map { .key($0) })] = reference
        do {
            if let value = try value(field.kind, cell, reference: reference, sheetUnit: sheetUnit) {
                root.set(path, value)
            }
        } catch {
            problem(reference, "\(field.label)：\(error.message)")
        }
    }

    /// A cell as a tree value of `kind`, nil when blank.
    func value(_ kind: FormField.Kind, _ cell: SpreadsheetCell?, reference: String, sheetUnit: InputUnit?)
        throws(CellProblem) -> TreeValue?
    {
        if let cell, cell.formula != nil, cell.value == .empty { throw CellValue.uncalculated }
        switch kind {
        case .text, .choice:
            return CellValue.text(cell).map(TreeValue.string)
        case .amount:
            guard let text = try CellValue.amount(cell) else { return nil }
            return .number(converted(text, from: sheetUnit ?? unit))
        case .score:
            return try CellValue.amount(cell).map(TreeValue.number)
        case .count, .year:
            return try CellValue.count(cell).map(TreeValue.number)
        case .flag:
            return try CellValue.flag(cell).map(TreeValue.bool)
        }
    }

    /// An amount in `sheetUnit` as decimal text in the workbook's unit.
    func converted(_ text: String, from sheetUnit: InputUnit) -> String {
        guard sheetUnit != unit, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return text
        }
        let inWanYuan = sheetUnit == .yuan ? value / 10_000 : value
        return CellValues.decimalText(unit == .yuan ? inWanYuan * 10_000 : inWanYuan)
    }

    /// The fields of a form sheet: each by its label in column A, its value in column B.
    mutating func readForm(_ name: String, fields: [FormField], from: Int = 1, to: Int? = nil) {
        guard let sheet = sheet(name) else { return }
        readFields(fields, in: sheet, from: from, to: to)
    }

    mutating func readFields(_ fields: [FormField], in sheet: WorkbookGrid.Sheet, from: Int = 1, to: Int? = nil) {
        for field in fields {
            guard let row = Self.row(labelled: field.label, in: sheet, from: from, to: to) else {
                origin[field.jsonPath] = sheet.name
                continue
            }
            put(field, sheet[row, 2], at: Self.reference(sheet, row, 2))
        }
    }

    // MARK: - 基本信息, 部门概况

    mutating func readBasicInfo() {
        guard let sheet = sheet(BasicInfoSheet.name) else {
            problem(BasicInfoSheet.name, "缺少工作表“\(BasicInfoSheet.name)”（年度、金额单位、部门名称）")
            return
        }
        readFields(BasicInfoSheet.fields, in: sheet)
        if case .leaf(.string(let text, _))? = root["unit"], let declared = InputUnit(rawValue: text) {
            unit = declared
        }
        origin[.root] = sheet.name
    }

    mutating func readOverview() {
        guard let sheet = sheet(OverviewSheet.name) else {
            problem(OverviewSheet.name, "缺少工作表“\(OverviewSheet.name)”（职责、单位、人员）")
            return
        }
        let sections = [
            OverviewSheet.dutiesTitle, OverviewSheet.unitsTitle, OverviewSheet.institutionsTitle,
            OverviewSheet.staffTitle,
        ].map { Self.row(labelled: $0, in: sheet) }
        func bounds(_ index: Int) -> ClosedRange<Int>? {
            guard let start = sections[index] else { return nil }
            let end = sections[(index + 1)...].compactMap { $0 }.first.map { $0 - 1 } ?? sheet.extent.row
            return start...max(start, end)
        }
        if let duties = bounds(0) {
            readFields(OverviewSheet.dutyFields, in: sheet, from: duties.lowerBound, to: duties.upperBound)
            let items = listRows(sheet, in: duties, columns: 1)
            root.set(["department", "duties", "items"], .array(items.map { .string($0.texts[0]) }))
            recordList(items, sheet: sheet, path: ["department", "duties", "items"], keys: [nil], at: duties)
        }
        if let units = bounds(1) {
            let rows = listRows(sheet, in: units, columns: 2)
            var list: [TreeValue] = []
            for row in rows {
                var unit = TreeObject()
                unit.set(["name"], .string(row.texts[0]))
                if !row.texts[1].isEmpty { unit.set(["budgetLevel"], .string(row.texts[1])) }
                list.append(.object(unit))
            }
            root.set(["department", "units"], .array(list))
            recordList(rows, sheet: sheet, path: ["department", "units"], keys: ["name", "budgetLevel"], at: units)
        }
        if let institutions = bounds(2) {
            let rows = listRows(sheet, in: institutions, columns: 1)
            if !rows.isEmpty {
                root.set(["department", "internalInstitutions"], .array(rows.map { .string($0.texts[0]) }))
            }
            recordList(rows, sheet: sheet, path: ["department", "internalInstitutions"], keys: [nil], at: institutions)
        }
        if let staff = bounds(3) {
            readFields(OverviewSheet.staffFields, in: sheet, from: staff.lowerBound, to: staff.upperBound)
        }
        for key in ["inPost", "other", "retiredPaidByUnit", "retiredPaidByPensionFund"] {
            if staffValue(key) == nil { root.set(["department", "staff", key], .number("0")) }
        }
    }

    func staffValue(_ key: String) -> TreeValue? {
        guard case .object(let department)? = root["department"], case .object(let staff)? = department["staff"] else {
            return nil
        }
        return staff[key]
    }

    /// The rows of a list under its `序号` header within `range`: texts of the `columns` columns after column A,
    /// rows whose texts are all blank skipped.
    func listRows(_ sheet: WorkbookGrid.Sheet, in range: ClosedRange<Int>, columns: Int, firstColumn: Int = 2)
        -> [(row: Int, texts: [String])]
    {
        guard let header = Self.row(labelled: "序号", in: sheet, from: range.lowerBound, to: range.upperBound),
            header < range.upperBound
        else { return [] }
        var rows: [(row: Int, texts: [String])] = []
        for row in (header + 1)...range.upperBound {
            let texts = (0..<columns).map { CellValue.text(sheet[row, firstColumn + $0]) ?? "" }
            if texts.allSatisfy(\.isEmpty) { continue }
            rows.append((row, texts))
        }
        return rows
    }

    /// Remembers the cells of a list's items (`keys[i]` the member of column i, nil for a list of strings).
    mutating func recordList(
        _ rows: [(row: Int, texts: [String])], sheet: WorkbookGrid.Sheet, path: [String], keys: [String?],
        at range: ClosedRange<Int>, firstColumn: Int = 2
    ) {
        let base = JSONPath(path.map { .key($0) })
        origin[base] = Self.reference(sheet, range.lowerBound, 1)
        for (index, row) in rows.enumerated() {
            for (offset, key) in keys.enumerated() {
                var item = base.appending(index)
                if let key { item = item.appending(key) }
                origin[item] = Self.reference(sheet, row.row, firstColumn + offset)
            }
        }
    }

    // MARK: - 上年数, 年初预算, 原因说明

    mutating func readPriorYear() {
        guard let sheet = sheet(PriorYearSheet.name) else { return }
        for row in PriorYearSheet.rows {
            guard let r = Self.row(labelled: row.label, in: sheet) else { continue }
            put(row.prior, sheet[r, 2], at: Self.reference(sheet, r, 2))
        }
    }

    mutating func readBudget() {
        guard let sheet = sheet(BudgetSheet.name), sheet.extent.row > 0 else { return }
        var budgets = TreeObject()
        for row in 1...sheet.extent.row {
            let code = sheet.text(row, 1)
            let reference = Self.reference(sheet, row, 3)
            if code.count == 3, code.allSatisfy(\.isNumber) {
                let path = ["fiscalInitialBudget", "byCategory", code]
                origin[JSONPath(path.map { .key($0) })] = reference
                do {
                    if let value = try value(.amount, sheet[row, 3], reference: reference, sheetUnit: nil) {
                        budgets.set([code], value)
                    }
                } catch {
                    problem(reference, "\(code) 年初预算数：\(error.message)")
                }
            } else if Labels.normalized(code) == Labels.normalized(BudgetSheet.totalLabel),
                sheet[row, 3]?.formula == nil
            {
                put(
                    FormField("年初预算数合计", ["fiscalInitialBudget", "total"], .amount), sheet[row, 3], at: reference)
            }
        }
        root.set(["fiscalInitialBudget", "byCategory"], .object(budgets))
    }

    mutating func readReasons() {
        guard let sheet = sheet(ReasonsSheet.name), sheet.extent.row > 0 else { return }
        let byLabel = ReasonsSheet.pathsByLabel
        for row in 1...sheet.extent.row {
            let label = sheet.text(row, 1)
            guard !label.isEmpty else { continue }
            var path = byLabel[Labels.normalized(label)]
            if path == nil, label.count > 4, label.prefix(3).allSatisfy(\.isNumber), label.hasSuffix("差异原因") {
                path = ["categories", String(label.prefix(3))]
            }
            guard let path else { continue }
            put(FormField(label, ["reasons"] + path, .text), sheet[row, 7], at: Self.reference(sheet, row, 7))
        }
    }

    // MARK: - 绩效

    mutating func readPerformance() {
        guard let sheet = sheet(PerformanceSheet.name) else { return }
        let titles = [
            PerformanceSheet.selfEvaluationTitle, PerformanceSheet.departmentTitle, PerformanceSheet.overallTitle,
            PerformanceSheet.notesTitle,
        ].map { Self.row(labelled: $0, in: sheet) }
        func bounds(_ index: Int) -> ClosedRange<Int> {
            let start = titles[index] ?? 1
            let end = titles[(index + 1)...].compactMap { $0 }.first.map { $0 - 1 } ?? sheet.extent.row
            return start...max(start, end)
        }
        let summary = bounds(0)
        readFields(PerformanceSheet.selfEvaluationFields, in: sheet, from: summary.lowerBound, to: summary.upperBound)
        if case .object(let performance)? = root["performance"],
            case .object(let evaluation)? =
                performance["selfEvaluation"], evaluation["amount"] != nil
        {
        } else {
            root.set(["performance", "selfEvaluation", "amount"], .number("0"))
        }
        root.set(["performance", "selfEvaluation", "grades"], gradesOrEmpty())

        if titles[1] != nil {
            let department = bounds(1)
            var section = WorkbookReader(grid: grid)
            section.unit = unit
            section.readFields(
                PerformanceSheet.departmentFields, in: sheet, from: department.lowerBound, to: department.upperBound)
            let projects = listRows(sheet, in: department, columns: 1)
            var object = section.performanceMember("departmentEvaluation")
            if !projects.isEmpty { object.set(["projects"], .array(projects.map { .string($0.texts[0]) })) }
            merge(section, problemsOnly: true)
            if !object.isEmpty {
                root.set(["performance", "departmentEvaluation"], .object(object))
                recordList(
                    projects, sheet: sheet, path: ["performance", "departmentEvaluation", "projects"], keys: [nil],
                    at: department)
            }
        }
        if titles[2] != nil {
            let overall = bounds(2)
            var section = WorkbookReader(grid: grid)
            section.unit = unit
            section.readFields(
                PerformanceSheet.overallFields, in: sheet, from: overall.lowerBound, to: overall.upperBound)
            let object = section.performanceMember("overallEvaluation")
            merge(section, problemsOnly: true)
            if !object.isEmpty { root.set(["performance", "overallEvaluation"], .object(object)) }
        }
        if titles[3] != nil {
            let range = bounds(3)
            let notes = listRows(sheet, in: range, columns: 1)
            if !notes.isEmpty {
                root.set(["performance", "departmentEvaluationNotes"], .array(notes.map { .string($0.texts[0]) }))
                recordList(
                    notes, sheet: sheet, path: ["performance", "departmentEvaluationNotes"], keys: [nil], at: range)
            }
        }
    }

    /// `performance.<key>` as read into this (section) reader.
    func performanceMember(_ key: String) -> TreeObject {
        guard case .object(let performance)? = root["performance"], case .object(let member)? = performance[key] else {
            return TreeObject()
        }
        return member
    }

    func gradesOrEmpty() -> TreeValue {
        guard case .object(let performance)? = root["performance"],
            case .object(let evaluation)? = performance["selfEvaluation"], let grades = evaluation["grades"]
        else { return .object(TreeObject()) }
        return grades
    }

    /// Takes over a section reader's cells and problems.
    mutating func merge(_ section: WorkbookReader, problemsOnly: Bool) {
        problems += section.problems
        origin.merge(section.origin) { a, _ in a }
    }

    // MARK: - 自评表

    mutating func readSelfEvaluationTables() {
        guard let sheet = sheet(SelfEvaluationSheet.name), sheet.extent.row > 0 else {
            root.set(["performance", "selfEvaluationTables"], .array([]))
            return
        }
        let starts = (1...sheet.extent.row).filter {
            Labels.normalized(sheet.text($0, 1)) == Labels.normalized(SelfEvaluationSheet.projectLabel)
        }
        var tables: [TreeValue] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : sheet.extent.row
            if let table = readSelfEvaluationTable(sheet, rows: start...end, index: tables.count) {
                tables.append(.object(table))
            }
        }
        root.set(["performance", "selfEvaluationTables"], .array(tables))
    }

    mutating func readSelfEvaluationTable(_ sheet: WorkbookGrid.Sheet, rows: ClosedRange<Int>, index: Int)
        -> TreeObject?
    {
        let base = ["performance", "selfEvaluationTables"]
        let basePath = JSONPath(base.map { .key($0) }).appending(index)
        var table = TreeObject()
        func ref(_ row: Int, _ column: Int) -> String { Self.reference(sheet, row, column) }
        func row(_ label: String) -> Int? {
            Self.row(labelled: label, in: sheet, from: rows.lowerBound, to: rows.upperBound)
        }
        func text(_ key: String, _ row: Int, _ column: Int) {
            origin[basePath.appending(key)] = ref(row, column)
            if let value = CellValue.text(sheet[row, column]) { table.set([key], .string(value)) }
        }
        func number(_ path: [String], _ row: Int, _ column: Int, kind: FormField.Kind) {
            let reference = ref(row, column)
            var jsonPath = basePath
            for key in path { jsonPath = jsonPath.appending(key) }
            origin[jsonPath] = reference
            do {
                if let value = try value(kind, sheet[row, column], reference: reference, sheetUnit: nil) {
                    table.set(path, value)
                }
            } catch {
                problem(reference, error.message)
            }
        }
        let start = rows.lowerBound
        text("projectName", start, 2)
        origin[basePath] = ref(start, 1)
        if let r = row(SelfEvaluationSheet.supervisorLabel) {
            text("supervisor", r, 2)
            if let c = (3...8).first(where: {
                Labels.normalized(sheet.text(r, $0)) == Labels.normalized(SelfEvaluationSheet.implementerLabel)
            }) {
                text("implementer", r, c + 1)
            }
        }
        if let r = Self.row(
            labelled: SelfEvaluationSheet.fiscalLabel, in: sheet, column: 2, from: start, to: rows.upperBound)
        {
            for (column, key) in [(3, "initialBudget"), (4, "adjustedBudget"), (5, "executed")] {
                number(["fiscalFunds", key], r, column, kind: .amount)
            }
            number(["fundsWeight"], r, 6, kind: .score)
            number(["fundsScore"], r, 8, kind: .score)
        }
        if let r = Self.row(
            labelled: SelfEvaluationSheet.otherLabel, in: sheet, column: 2, from: start, to: rows.upperBound),
            (3...5).contains(where: { CellValue.text(sheet[r, $0]) != nil })
        {
            for (column, key) in [(3, "initialBudget"), (4, "adjustedBudget"), (5, "executed")] {
                number(["otherFunds", key], r, column, kind: .amount)
            }
        }
        if let r = row(SelfEvaluationSheet.deviationLabel) { text("fundsDeviation", r, 2) }
        if let r = row(SelfEvaluationSheet.goalLabel) {
            text("goal", r + 1, 2)
            text("result", r + 1, 5)
        }
        var indicators: [TreeValue] = []
        if let header = row(SelfEvaluationSheet.indicatorHeader[0]) {
            let total = row(SelfEvaluationSheet.totalLabel) ?? rows.upperBound + 1
            if header + 1 <= total - 1 {
                for r in (header + 1)...(total - 1) {
                    let texts = (1...8).map { CellValue.text(sheet[r, $0]) }
                    if texts.allSatisfy({ $0 == nil }) { continue }
                    let itemPath = basePath.appending("indicators").appending(indicators.count)
                    var indicator = TreeObject()
                    origin[itemPath] = ref(r, 1)
                    for (column, key) in [
                        (1, "level1"), (2, "level2"), (3, "name"), (4, "target"), (5, "actual"), (8, "deviation"),
                    ] {
                        origin[itemPath.appending(key)] = ref(r, column)
                        if let value = texts[column - 1] { indicator.set([key], .string(value)) }
                    }
                    for (column, key) in [(6, "weight"), (7, "score")] {
                        origin[itemPath.appending(key)] = ref(r, column)
                        do {
                            if let value = try CellValue.amount(sheet[r, column]) {
                                indicator.set([key], .number(value))
                            }
                        } catch {
                            problem(ref(r, column), error.message)
                        }
                    }
                    indicators.append(.object(indicator))
                }
            }
            if let t = row(SelfEvaluationSheet.totalLabel) { number(["totalScore"], t, 7, kind: .score) }
        }
        table.set(["indicators"], .array(indicators))
        // A block left empty (a spare one of the empty workbook) is not a table.
        let keys = Set(table.keys).subtracting(["indicators"])
        if keys.isEmpty && indicators.isEmpty { return nil }
        return table
    }

    // MARK: - 名词解释, content blocks

    mutating func readGlossary() {
        guard let sheet = sheet(GlossarySheet.name) else { return }
        let income = Self.row(labelled: GlossarySheet.incomeTitle, in: sheet)
        let expenditure = Self.row(labelled: GlossarySheet.expenditureTitle, in: sheet)
        readFields(GlossarySheet.fields, in: sheet, to: income ?? expenditure)
        var glossary = TreeObject()
        if case .object(let read)? = root["glossary"] { glossary = read }
        if let income, income <= (expenditure.map { $0 - 1 } ?? sheet.extent.row) {
            let range = income...(expenditure.map { $0 - 1 } ?? sheet.extent.row)
            let rows = listRows(sheet, in: range, columns: 2)
            if !rows.isEmpty {
                glossary.set(["income"], .array(rows.map { Self.glossaryEntry($0.texts) }))
                recordList(rows, sheet: sheet, path: ["glossary", "income"], keys: ["term", "definition"], at: range)
            }
        }
        if let expenditure {
            // 序号 “子条目” makes a row a sub-entry of the entry above it.
            let range = expenditure...sheet.extent.row
            let rows = listRows(sheet, in: range, columns: 2)
            var entries: [(entry: TreeObject, subs: [TreeValue])] = []
            let base = JSONPath([.key("glossary"), .key("expenditure")])
            origin[base] = Self.reference(sheet, expenditure, 1)
            for row in rows {
                let isSub = Labels.normalized(sheet.text(row.row, 1)) == GlossarySheet.subEntryMark
                if isSub, !entries.isEmpty {
                    let path = base.appending(entries.count - 1).appending("entries").appending(
                        entries[entries.count - 1].subs.count)
                    origin[path.appending("term")] = Self.reference(sheet, row.row, 2)
                    origin[path.appending("definition")] = Self.reference(sheet, row.row, 3)
                    entries[entries.count - 1].subs.append(Self.glossaryEntry(row.texts))
                } else {
                    if isSub { problem(Self.reference(sheet, row.row, 1), "“\(GlossarySheet.subEntryMark)”前面缺少它所属的名词") }
                    let path = base.appending(entries.count)
                    origin[path.appending("term")] = Self.reference(sheet, row.row, 2)
                    origin[path.appending("definition")] = Self.reference(sheet, row.row, 3)
                    if case .object(let entry) = Self.glossaryEntry(row.texts) { entries.append((entry, [])) }
                }
            }
            if !entries.isEmpty {
                glossary.set(
                    ["expenditure"],
                    .array(
                        entries.map { item in
                            var entry = item.entry
                            if !item.subs.isEmpty { entry.set(["entries"], .array(item.subs)) }
                            return .object(entry)
                        }))
            }
        }
        if !glossary.isEmpty { root.set(["glossary"], .object(glossary)) }
    }

    /// A glossary entry from its term and definition (a parent's definition may be blank).
    static func glossaryEntry(_ texts: [String]) -> TreeValue {
        var entry = TreeObject()
        entry.set(["term"], .string(texts[0]))
        if !texts[1].isEmpty { entry.set(["definition"], .string(texts[1])) }
        return .object(entry)
    }

    /// Content blocks, one per row: 类型 in column A, text (or table cells) from column B.
    mutating func readBlocks(_ name: String, path: [String]) -> TreeValue {
        guard let sheet = sheet(name), sheet.extent.row > 0 else { return .array([]) }
        let base = JSONPath(path.map { .key($0) })
        origin[base] = sheet.name
        guard let header = Self.row(labelled: ContentBlocksSheet.header[0], in: sheet) else { return .array([]) }
        var blocks: [TreeValue] = []
        var table: (caption: String?, headerRows: Int, rows: [[String]], row: Int, options: [String: TreeValue])?
        func finishTable() {
            guard let open = table else { return }
            var object = TreeObject()
            if let caption = open.caption { object.set(["caption"], .string(caption)) }
            if open.headerRows != 1 { object.set(["headerRows"], .number(String(open.headerRows))) }
            // Every row as wide as the widest: cells covered by a merge are blank, also at a row's end.
            let width = open.rows.map(\.count).max() ?? 0
            let rows = open.rows.map { $0 + Array(repeating: "", count: width - $0.count) }
            object.set(["rows"], .array(rows.map { .array($0.map { TreeValue.string($0) }) }))
            for key in ["widths", "merges", "sheet"] { if let value = open.options[key] { object.set([key], value) } }
            var block = TreeObject()
            block.set(["table"], .object(object))
            blocks.append(.object(block))
            table = nil
        }
        let width = sheet.extent.column
        for row in (header + 1)..<(sheet.extent.row + 1) {
            let kindText = Labels.normalized(sheet.text(row, 1))
            let cells = (2...max(2, width)).map { CellValue.text(sheet[row, $0]) ?? "" }
            var trimmed = cells
            while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
            if kindText.isEmpty && trimmed.isEmpty { continue }
            let kind = ContentBlocksSheet.Kind.allCases.first { Labels.normalized($0.rawValue) == kindText }
            let reference = Self.reference(sheet, row, 1)
            switch kind {
            case .tableHeader?, .tableRow?:
                guard table != nil else {
                    problem(reference, "“\(kindText)”行前面缺少一行“表格”")
                    continue
                }
                if kind == .tableHeader, table!.rows.count > table!.headerRows {
                    problem(reference, "表头行应在表行之前")
                }
                table!.rows.append(trimmed)
                if kind == .tableHeader { table!.headerRows += 1 }
            case .table?:
                finishTable()
                origin[base.appending(blocks.count)] = reference
                table = (trimmed.first.flatMap { $0.isEmpty ? nil : $0 }, 0, [], row, [:])
                for (offset, text) in trimmed.dropFirst().enumerated() where !text.isEmpty {
                    let cell = Self.reference(sheet, row, offset + 3)
                    let normalized = Labels.normalized(text)
                    if normalized.hasPrefix(Labels.normalized(ContentBlocksSheet.widthsPrefix)) {
                        let list = normalized.dropFirst(3).split(separator: ",").map(String.init)
                        if list.allSatisfy({ Decimal(string: $0) != nil && !$0.isEmpty }) {
                            table!.options["widths"] = .array(list.map { TreeValue.number($0) })
                        } else {
                            problem(cell, "列宽“\(text)”无效：应写成“列宽：2,1,1”，每列一个正数")
                        }
                        origin[base.appending(blocks.count).appending("table").appending("widths")] = cell
                    } else if normalized.hasPrefix(Labels.normalized(ContentBlocksSheet.mergesPrefix)) {
                        let list = normalized.dropFirst(3).split(separator: ",").map(String.init)
                        table!.options["merges"] = .array(list.map { TreeValue.string($0) })
                        origin[base.appending(blocks.count).appending("table").appending("merges")] = cell
                    } else if normalized.hasPrefix(Labels.normalized(ContentBlocksSheet.sheetPrefix)) {
                        table!.options["sheet"] = .string(String(text.drop { $0 != "：" && $0 != ":" }.dropFirst()))
                        origin[base.appending(blocks.count).appending("table").appending("sheet")] = cell
                    } else {
                        problem(cell, "表格行 \(CellAddress.columnName(offset + 3)) 列“\(text)”无法识别：可写“列宽：…”“合并：…”“工作表：…”")
                    }
                }
            case let kind?:
                finishTable()
                let key: String
                switch kind {
                case .heading: key = "heading"
                case .center: key = "center"
                case .right: key = "right"
                default: key = "paragraph"
                }
                origin[base.appending(blocks.count)] = Self.reference(sheet, row, 2)
                var block = TreeObject()
                block.set([key], .string(trimmed.first ?? ""))
                blocks.append(.object(block))
            case nil:
                if kindText.isEmpty, table == nil {
                    // Text without a type: a paragraph.
                    origin[base.appending(blocks.count)] = Self.reference(sheet, row, 2)
                    var block = TreeObject()
                    block.set(["paragraph"], .string(trimmed.joined(separator: " ")))
                    blocks.append(.object(block))
                } else if kindText.isEmpty, table != nil {
                    table!.rows.append(trimmed)
                } else {
                    problem(
                        reference,
                        "类型“\(sheet.text(row, 1))”无效：应为 "
                            + ContentBlocksSheet.Kind.allCases.map(\.rawValue).joined(separator: "、"))
                }
            }
        }
        finishTable()
        return .array(blocks)
    }

    // MARK: - Required parts

    /// The objects and lists every input file has, present even when the workbook leaves them empty.
    mutating func ensureRequiredContainers() {
        for path in [
            ["subjects"], ["basicExpenditureByEconomicCode"], ["annex"], ["department", "units"],
            ["department", "duties", "items"], ["performance", "selfEvaluationText"],
            ["performance", "selfEvaluationTables"],
        ] where value(at: path) == nil {
            root.set(path, .array([]))
        }
        for path in [
            ["carryOver", "start"], ["threePublic", "abroad"], ["threePublic", "vehiclePurchase"],
            ["threePublic", "vehicleOperation"], ["threePublic", "reception"], ["threePublic", "statistics"],
            ["assets", "vehicles"], ["fiscalInitialBudget", "byCategory"], ["procurement"], ["priorYear"],
            ["reasons"], ["performance", "selfEvaluation", "grades"], ["department", "staff"],
        ] where value(at: path) == nil {
            root.set(path, .object(TreeObject()))
        }
    }

    func value(at path: [String]) -> TreeValue? {
        var object = root
        for (index, key) in path.enumerated() {
            guard let value = object[key] else { return nil }
            if index == path.count - 1 { return value }
            guard case .object(let next) = value else { return nil }
            object = next
        }
        return nil
    }
}
