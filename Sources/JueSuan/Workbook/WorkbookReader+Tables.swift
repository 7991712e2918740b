import Documents
import Foundation

// Reading the ten 公开 tables of a workbook: headers by their text, rows by codes and 行次, totals checked.

/// A figure the program derives, for checking a total found in a workbook.
public struct DerivedFigure: Sendable, Equatable {
    public let name: String
    let value: @Sendable (Accounts) -> Amount

    init(_ name: String, _ value: @escaping @Sendable (Accounts) -> Amount) {
        self.name = name
        self.value = value
    }

    public func callAsFunction(_ accounts: Accounts) -> Amount { value(accounts) }

    public static func == (lhs: DerivedFigure, rhs: DerivedFigure) -> Bool { lhs.name == rhs.name }
}

/// The subject rows read from tables 02–08, by code, in the order first met.
struct SubjectCollection {
    struct Row {
        var code: String
        var name: String?
        var nameCell: String?
        var codeCell: String
        var fields: [SubjectField: (text: String, cell: String)] = [:]
    }

    /// The key of the 合计 row among the codes.
    static let totalKey = "合计"

    private(set) var order: [String] = []
    var rows: [String: Row] = [:]

    mutating func row(_ code: String, cell: String) -> Row {
        if let row = rows[code] { return row }
        order.append(code)
        let row = Row(code: code, codeCell: cell)
        rows[code] = row
        return row
    }
}

extension WorkbookReader {
    // MARK: - Headers

    /// The sheet's amount unit from its `金额单位` line: the workbook's unit when the line is a formula (the
    /// workbook's own), or what a pasted line says.
    mutating func sheetUnit(_ sheet: WorkbookGrid.Sheet, before row: Int) -> InputUnit {
        for r in 1..<max(2, row) {
            for column in 1...max(1, min(sheet.extent.column, 12)) {
                guard let cell = sheet[r, column], case .text(let text) = cell.value, let found = UnitLine.unit(text)
                else { continue }
                if cell.formula != nil { return unit }
                guard let named = found else {
                    problem(Self.reference(sheet, r, column), "无法识别金额单位“\(text)”：应为“金额单位：万元”或“金额单位：元”")
                    return unit
                }
                return named
            }
        }
        return unit
    }

    /// The normalized header texts over each column of `rows`, merged cells spread over what they cover.
    static func headerTexts(_ sheet: WorkbookGrid.Sheet, rows: ClosedRange<Int>) -> [Int: Set<String>] {
        var texts: [Int: Set<String>] = [:]
        for row in rows {
            for column in 1...max(1, sheet.extent.column) {
                let text = Labels.normalized(sheet.text(row, column))
                if !text.isEmpty { texts[column, default: []].insert(text) }
            }
        }
        for merge in sheet.merges where rows.contains(merge.first.row) {
            let text = Labels.normalized(sheet.text(merge.first.row, merge.first.column))
            guard !text.isEmpty else { continue }
            for column in merge.first.column...merge.last.column { texts[column, default: []].insert(text) }
        }
        return texts
    }

    // MARK: - Subject tables

    mutating func readSubjectTable(_ table: SubjectTable) {
        guard let sheet = sheet(table.sheetName), sheet.extent.row > 0 else { return }
        let extent = sheet.extent
        // The header: from the first row naming one of the table's columns to the last such row before the data.
        let known = Set(
            table.columns.flatMap(\.headers).map(Labels.normalized) + [
                "科目名称", "栏次", "类", "款", "项", "科目编码", "支出功能分类科目编码",
            ])
        // The first data row: 合计, or a code in the first column.
        let dataStart =
            (1...extent.row).first { row in
                let first = Labels.normalized(sheet.text(row, 1))
                return first == "合计" || (Self.splitCodeAndName(first) != nil && first.first == "2")
            } ?? extent.row + 1
        let headerRows = (1..<min(dataStart, 41)).filter { row in
            (1...max(1, extent.column)).contains { known.contains(Labels.normalized(sheet.text(row, $0))) }
        }
        guard let first = headerRows.first, let last = headerRows.last else {
            problem(sheet.name, "\(table.sheetName) 找不到表头（应有“科目名称”和各栏名称）")
            return
        }
        let sheetUnit = sheetUnit(sheet, before: first)
        let texts = Self.headerTexts(sheet, rows: first...last)
        func columns(matching names: [String]) -> [Int] {
            let wanted = Set(names.map(Labels.normalized))
            return texts.keys.sorted().filter { !(texts[$0]!.intersection(wanted)).isEmpty }
        }
        let codeColumns = columns(matching: ["类", "款", "项"])
        let codeColumn = codeColumns.first ?? columns(matching: ["科目编码", "支出功能分类科目编码"]).first ?? 1
        let nameColumn = columns(matching: ["科目名称"]).first
        var fieldColumns: [(SubjectSheetColumn, Int)] = []
        var taken: Set<Int> = [codeColumn]
        if let nameColumn { taken.insert(nameColumn) }
        for column in table.columns {
            let matches = columns(matching: column.headers).filter { !taken.contains($0) }
            let prefixed = texts.keys.sorted().filter { c in
                !taken.contains(c)
                    && texts[c]!.contains { text in column.headers.contains { text.hasPrefix(Labels.normalized($0)) } }
            }
            guard let found = matches.first ?? prefixed.first else { continue }
            taken.insert(found)
            fieldColumns.append((column, found))
        }
        let ignored = texts.keys.sorted().filter { !taken.contains($0) && !codeColumns.contains($0) }
            .filter { c in !texts[c]!.isSubset(of: ["项目", "栏次", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]) }
        for column in ignored {
            notes.append(
                "\(sheet.name) 的 \(CellAddress.columnName(column)) 列（“\(texts[column]!.sorted().joined(separator: "／"))”）不是本表的栏目，已忽略"
            )
        }

        var lastCategory = ""
        var lastSection = ""
        var seen: Set<String> = []
        guard last < extent.row else { return }
        for row in (last + 1)...extent.row {
            let codeCell = Self.reference(sheet, row, codeColumn)
            var code = Labels.normalized(sheet.text(row, codeColumn))
            var inlineName: String?
            if let split = Self.splitCodeAndName(code), split.code != code {
                code = split.code
                inlineName = split.name
            }
            if codeColumns.count >= 3 {
                let section = Labels.normalized(sheet.text(row, codeColumns[1]))
                let item = Labels.normalized(sheet.text(row, codeColumns[2]))
                if code.count == 3 && section.count == 2 { code += section }
                if code.count == 5 && item.count == 2 { code += item }
                if code.isEmpty && section.count == 2 && !lastCategory.isEmpty {
                    code = lastCategory + section + (item.count == 2 ? item : "")
                } else if code.isEmpty && item.count == 2 && !lastSection.isEmpty {
                    code = lastSection + item
                }
            }
            let isCode = [3, 5, 7].contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
            let isTotal = Labels.normalized(sheet.text(row, 1)) == "合计" || code == "合计"
            if isTotal { code = SubjectCollection.totalKey }
            guard isCode || isTotal else {
                // Notes, the 栏次 row, blank rows: nothing to read unless figures stand there.
                let figures = fieldColumns.contains { column in
                    guard let cell = sheet[row, column.1], cell.formula == nil else { return false }
                    return (try? CellValue.amount(cell)).flatMap { $0 } != nil
                }
                if figures {
                    let shown = sheet.text(row, codeColumn)
                    problem(
                        codeCell,
                        shown.isEmpty
                            ? "这一行有金额但没有科目编码：请在 \(CellAddress.columnName(codeColumn)) 列填写 3、5 或 7 位的科目编码"
                            : "“\(shown)”不是科目编码：应为 3、5 或 7 位数字（类 3 位、款 5 位、项 7 位）")
                }
                continue
            }
            if code.count == 3 { lastCategory = code }
            if code.count == 5 { lastSection = code }
            guard seen.insert(code).inserted else {
                problem(
                    codeCell,
                    isTotal ? "\(sheet.name) 有两行“合计”" : "科目编码 \(code) 在 \(sheet.name) 中出现了两次：每个科目只写一行")
                continue
            }
            var collected = subjects.row(code, cell: codeCell)
            let name = isTotal ? nil : nameColumn.flatMap { CellValue.text(sheet[row, $0]) } ?? inlineName
            if let name {
                if let existing = collected.name, Labels.normalized(existing) != Labels.normalized(name) {
                    problem(
                        nameColumn.map { Self.reference(sheet, row, $0) } ?? codeCell,
                        "科目 \(code) 的名称“\(name)”与 \(collected.nameCell ?? "") 的“\(existing)”不一致")
                } else if collected.name == nil {
                    collected.name = name
                    collected.nameCell = nameColumn.map { Self.reference(sheet, row, $0) } ?? codeCell
                }
            }
            let isItem = code.count == 7
            for (column, sheetColumn) in fieldColumns {
                let reference = Self.reference(sheet, row, sheetColumn)
                guard let cell = sheet[row, sheetColumn] else { continue }
                // Formulas on 合计, 类 and 款 rows and in total columns are the workbook's own: derived, not read.
                if cell.formula != nil && (!isItem || column.role != .input) { continue }
                if column.role == .derived && isItem { continue }
                do throws(CellProblem) {
                    if cell.formula != nil, cell.value == .empty { throw CellValue.uncalculated }
                    guard let text = try CellValue.amount(cell) else { continue }
                    if column.role == .derived {
                        // 07 小计 on a 合计/类/款 row (a pasted table has it): no field of the input; checked.
                        guard let amount = Self.amount(text, unit: sheetUnit) else { continue }
                        let figure = column.figure
                        let line = isTotal ? nil : code
                        pasted.append(
                            PastedTotal(
                                cell: reference,
                                label:
                                    "\(sheet.name) \(isTotal ? "合计" : code + " " + (collected.name ?? "")) \(column.headers[0])",
                                amount: amount,
                                figure: DerivedFigure("\(table.rawValue).\(code).\(column.field.rawValue)") {
                                    accounts in
                                    guard let line else { return figure(accounts.total) }
                                    return accounts.subjectLines.first { $0.code == line }.map(figure) ?? .zero
                                }))
                        continue
                    }
                    // A 合计/类/款 row's figure is the department's official total: checked, and printed.
                    collected.fields[column.field] = (converted(text, from: sheetUnit), reference)
                } catch {
                    problem(reference, "\(column.headers[0])：\(error.message)")
                }
            }
            subjects.rows[code] = collected
        }
    }

    /// `2010101 行政运行` → code and name; a bare code gives itself.
    static func splitCodeAndName(_ text: String) -> (code: String, name: String?)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard [3, 5, 7].contains(digits.count) else { return nil }
        let rest = text.dropFirst(digits.count)
        return (String(digits), rest.isEmpty ? nil : String(rest))
    }

    /// Decimal text in `unit` as an amount in 万元.
    static func amount(_ text: String, unit: InputUnit) -> Amount? {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return Amount(unit == .yuan ? value / 10_000 : value)
    }

    /// The subjects read from the five tables, as the input file's `subjects` list, and their 合计 rows as
    /// `subjectTotals`.
    mutating func assembleSubjects() {
        var list: [TreeValue] = []
        for code in subjects.order where code != SubjectCollection.totalKey {
            guard let row = subjects.rows[code] else { continue }
            let path = JSONPath([.key("subjects"), .index(list.count)])
            var subject = TreeObject()
            subject.set(["code"], .string(code))
            origin[path] = row.codeCell
            origin[path.appending("code")] = row.codeCell
            if let name = row.name {
                subject.set(["name"], .string(name))
                origin[path.appending("name")] = row.nameCell
            }
            amounts(of: row, into: &subject, at: path, what: "科目 \(code)")
            list.append(.object(subject))
        }
        root.set(["subjects"], .array(list))
        if let row = subjects.rows[SubjectCollection.totalKey] {
            let path = JSONPath([.key("subjectTotals")])
            var totals = TreeObject()
            amounts(of: row, into: &totals, at: path, what: "合计行")
            origin[path] = row.codeCell
            if !totals.isEmpty { root.set(["subjectTotals"], .object(totals)) }
        }
    }

    /// The amounts of a subject row (or the 合计 row) as the members of a subject: 财政拨款收入 split into its
    /// sources, every other column in its place.
    mutating func amounts(
        of row: SubjectCollection.Row, into subject: inout TreeObject, at path: JSONPath, what: String
    ) {
        func put(_ field: SubjectField, _ keys: [String]) {
            guard let (text, cell) = row.fields[field] else { return }
            subject.set(keys, .number(text))
            var fieldPath = path
            for key in keys { fieldPath = fieldPath.appending(key) }
            origin[fieldPath] = cell
        }
        // 财政拨款收入 is all three sources; the 一般公共预算 part is what the other two leave.
        if let fiscal = row.fields[.fiscalIncome] {
            let parts = [row.fields[.fundIncome], row.fields[.stateCapitalIncome]].compactMap { $0 }
            let others = parts.compactMap { Decimal(string: $0.text, locale: Locale(identifier: "en_US_POSIX")) }
                .reduce(Decimal.zero, +)
            let total = Decimal(string: fiscal.text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
            let general = total - others
            if general < 0 {
                problem(
                    fiscal.cell,
                    "\(what)的财政拨款收入 \(fiscal.text) 小于其中的政府性基金（\(parts.first?.cell ?? "公开07表")）与国有资本经营预算财政拨款收入之和 \(CellValues.decimalText(others))："
                        + "财政拨款收入应为三者之和")
            } else if !(general.isZero && !parts.isEmpty) {
                subject.set(
                    ["income", "generalBudget"], .number(parts.isEmpty ? fiscal.text : CellValues.decimalText(general)))
                origin[path.appending("income").appending("generalBudget")] = fiscal.cell
            }
        } else if let part = row.fields[.fundIncome] ?? row.fields[.stateCapitalIncome], row.code.count == 7,
            !(Decimal(string: part.text, locale: Locale(identifier: "en_US_POSIX")) ?? 0).isZero
        {
            problem(
                part.cell,
                "\(what) 在 \(part.cell) 有财政拨款收入 \(part.text)，但公开02表的“财政拨款收入”为空：公开02表的财政拨款收入应包括它")
        }
        put(.fundIncome, ["income", "governmentFund"])
        put(.stateCapitalIncome, ["income", "stateCapital"])
        put(.superiorSubsidy, ["income", "superiorSubsidy"])
        put(.business, ["income", "business"])
        put(.operatingIncome, ["income", "operating"])
        put(.affiliated, ["income", "affiliated"])
        put(.otherIncome, ["income", "other"])
        put(.incomeTotal, ["income", "total"])
        put(.basic, ["expenditure", "basic"])
        put(.project, ["expenditure", "project"])
        put(.toSuperior, ["expenditure", "toSuperior"])
        put(.operatingExpenditure, ["expenditure", "operating"])
        put(.toAffiliated, ["expenditure", "toAffiliated"])
        put(.expenditureTotal, ["expenditure", "total"])
        put(.generalBudgetBasic, ["generalBudgetExpenditure", "basic"])
        put(.generalBudgetProject, ["generalBudgetExpenditure", "project"])
        put(.generalBudgetTotal, ["generalBudgetExpenditure", "total"])
        put(.fundCarryIn, ["governmentFund", "carryIn"])
        put(.fundBasic, ["governmentFund", "basic"])
        put(.fundProject, ["governmentFund", "project"])
        put(.fundCarryOut, ["governmentFund", "carryOut"])
        put(.stateCapitalBasic, ["stateCapitalExpenditure", "basic"])
        put(.stateCapitalProject, ["stateCapitalExpenditure", "project"])
        put(.stateCapitalTotal, ["stateCapitalExpenditure", "total"])
    }

    // MARK: - Fixed tables

    mutating func readFixedTables() {
        for table in FixedTable.all { readFixed(table, cells: FixedTable.readingCells[table.sheetName] ?? []) }
    }

    /// Finds the key columns by their header text and the rows by their keys, then reads each input cell and each
    /// total that stands where the workbook has a formula.
    mutating func readFixed(_ table: FixedTable, cells: FixedTable.Cells) {
        guard let sheet = sheet(table.sheetName), sheet.extent.row > 0 else { return }
        let extent = sheet.extent
        let keyHeader = Labels.normalized(table.keyHeader)
        guard
            let headerRow = (1...min(extent.row, 40)).first(where: { row in
                (1...max(1, extent.column)).contains { Labels.normalized(sheet.text(row, $0)) == keyHeader }
            })
        else {
            problem(sheet.name, "\(table.sheetName) 找不到表头“\(table.keyHeader)”")
            return
        }
        let keyColumns = (1...max(1, extent.column)).filter {
            Labels.normalized(sheet.text(headerRow, $0)) == keyHeader
        }
        // The header runs until the first row with a key under a key column.
        var bodyStart = headerRow + 1
        while bodyStart <= extent.row,
            !keyColumns.contains(where: { Self.isKey(Labels.normalized(sheet.text(bodyStart, $0)), table: table) })
        {
            bodyStart += 1
        }
        let sheetUnit = sheetUnit(sheet, before: headerRow)
        let texts = Self.headerTexts(sheet, rows: headerRow...max(headerRow, bodyStart - 1))
        var amountColumns: [[Int]] = []
        for (group, key) in keyColumns.enumerated() where group < table.amountHeaders.count {
            let end = group + 1 < keyColumns.count ? keyColumns[group + 1] : extent.column + 1
            amountColumns.append(
                table.amountHeaders[group].map { wanted in
                    ((key + 1)..<max(key + 1, end)).first { texts[$0]?.contains(Labels.normalized(wanted)) ?? false }
                        ?? 0
                })
        }
        var rows: [String: (row: Int, group: Int)] = [:]
        if bodyStart <= extent.row {
            for row in bodyStart...extent.row {
                for (group, column) in keyColumns.enumerated() {
                    let key = Labels.normalized(sheet.text(row, column))
                    if Self.isKey(key, table: table), rows[key] == nil { rows[key] = (row, group) }
                }
                // Labelled totals (06) sit in a key column as text.
                for key in table.keyAmountGroup.keys where rows[key] == nil {
                    if keyColumns.contains(where: { Labels.normalized(sheet.text(row, $0)) == key }) {
                        rows[key] = (row, 0)
                    }
                }
            }
        }
        let resolver = FixedResolver(rows: rows, amountColumns: amountColumns, keyAmountGroup: table.keyAmountGroup)
        for (key, index, cell) in cells {
            guard let position = resolver.position(key, index) else { continue }
            let reference = Self.reference(sheet, position.row, position.column)
            let found = sheet[position.row, position.column]
            switch cell {
            case .input(let field):
                if field.path.first == "*economic" {
                    readEconomic(
                        field.path[1], found, reference: reference, unit: sheetUnit, sheet: sheet, position: position)
                } else if field.path == FixedTable.carryInTotalPath {
                    do {
                        if let text = try CellValue.amount(found) {
                            let value =
                                Decimal(
                                    string: converted(text, from: sheetUnit), locale: Locale(identifier: "en_US_POSIX"))
                                ?? 0
                            carryInTotal = (value, reference)
                        }
                    } catch {
                        problem(reference, "\(field.label)：\(error.message)")
                    }
                } else {
                    put(field, found, at: reference, sheetUnit: sheetUnit)
                }
            case .checked(let field, _, _):
                guard let found, found.formula == nil else { continue }
                if field.path.first == "*economic" {
                    readEconomic(
                        field.path[1], found, reference: reference, unit: sheetUnit, sheet: sheet, position: position)
                } else {
                    put(field, found, at: reference, sheetUnit: sheetUnit)
                }
            case .derived:
                guard let found, found.formula == nil else { continue }
                recordPasted(table, key: key, index: index, cell: found, reference: reference, unit: sheetUnit)
            }
        }
    }

    static func isKey(_ text: String, table: FixedTable) -> Bool {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return table.sheetName == FixedTable.t06.sheetName ? (text.count == 3 || text.count == 5) : text.count <= 2
    }

    mutating func readEconomic(
        _ code: String, _ cell: SpreadsheetCell?, reference: String, unit sheetUnit: InputUnit,
        sheet: WorkbookGrid.Sheet, position: CellAddress
    ) {
        do throws(CellProblem) {
            if let cell, cell.formula != nil, cell.value == .empty { throw CellValue.uncalculated }
            guard let text = try CellValue.amount(cell) else { return }
            // A name that differs from the standard one is kept (and checked); the standard name is not repeated.
            let name = CellValue.text(sheet[position.row, position.column - 1])
            let standard = EconomicCodes.all.first { $0.code == code }?.name
            let differing = name.flatMap { Labels.normalized($0) == Labels.normalized(standard ?? "") ? nil : $0 }
            economic.append((code, converted(text, from: sheetUnit), reference, differing))
        } catch {
            problem(reference, "经济分类 \(code)：\(error.message)")
        }
    }

    /// A total standing where the workbook computes it: checked against the derived figure.
    mutating func recordPasted(
        _ table: FixedTable, key: String, index: Int, cell: SpreadsheetCell, reference: String,
        unit sheetUnit: InputUnit
    ) {
        do {
            guard let text = try CellValue.amount(cell), let amount = Self.amount(text, unit: sheetUnit),
                let figure = FixedFigures.figure(table: table, key: key, column: index)
            else { return }
            pasted.append(
                PastedTotal(cell: reference, label: "\(table.sheetName) \(figure.name)", amount: amount, figure: figure)
            )
        } catch {
            problem(reference, error.message)
        }
    }

    mutating func assembleEconomic() {
        let sorted = economic.sorted { $0.code < $1.code }
        var list: [TreeValue] = []
        for entry in sorted {
            var object = TreeObject()
            object.set(["code"], .string(entry.code))
            if let name = entry.name { object.set(["name"], .string(name)) }
            object.set(["amount"], .number(entry.amount))
            let path = JSONPath([.key("basicExpenditureByEconomicCode"), .index(list.count)])
            origin[path] = entry.cell
            origin[path.appending("amount")] = entry.cell
            list.append(.object(object))
        }
        root.set(["basicExpenditureByEconomicCode"], .array(list))
    }

    /// 年初结转和结余 of 01 is all sources; the 非财政拨款 part is what 04's 财政拨款 parts leave.
    mutating func assembleCarryOver() {
        func decimal(_ path: [String]) -> Decimal {
            guard case .leaf(.number(let text, _))? = value(at: path) else { return 0 }
            return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
        }
        var fundCarryIn = Decimal.zero
        for row in subjects.rows.values where row.code.count == 7 {
            if let text = row.fields[.fundCarryIn]?.text {
                fundCarryIn += Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
            }
        }
        let fiscal =
            decimal(["carryOver", "start", "generalBudget"]) + decimal(["carryOver", "start", "stateCapital"])
            + fundCarryIn
        let path = JSONPath([.key("carryOver"), .key("start"), .key("nonFiscal")])
        guard let total = carryInTotal else {
            if !fiscal.isZero {
                problem(
                    origin[JSONPath([.key("carryOver"), .key("start"), .key("generalBudget")])]
                        ?? FixedTable.t01.sheetName,
                    "公开04表的年初财政拨款结转和结余为 \(CellValues.decimalText(fiscal))，但公开01表的“年初结转和结余”（行次 29）为空：请填写各类资金的年初结转和结余合计")
            }
            return
        }
        origin[path] = total.cell
        let nonFiscal = total.amount - fiscal
        if nonFiscal < 0 {
            problem(
                total.cell,
                "年初结转和结余 \(CellValues.decimalText(total.amount)) 小于公开04表的年初财政拨款结转和结余 \(CellValues.decimalText(fiscal))：行次 29 应为财政拨款与非财政拨款之和"
            )
        } else if !nonFiscal.isZero {
            root.set(["carryOver", "start", "nonFiscal"], .number(CellValues.decimalText(nonFiscal)))
        }
    }
}
