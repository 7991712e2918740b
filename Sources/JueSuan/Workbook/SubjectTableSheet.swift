import Documents

/// Writes one subject table (02, 03, 05, 07, 08) as a sheet: the printed frame, the 合计 row, one row per subject of
/// the input (code in the merged 类/款/项 cell, name, amounts) and spare rows to add more.
enum SubjectTableSheet {
    /// Empty rows below `listed` subjects: room for a department's subjects in an empty table, ten more in a filled
    /// one.
    static func spareRows(_ table: SubjectTable, listed: Int) -> Int {
        guard listed == 0 else { return 10 }
        return table == .t07 || table == .t08 ? 15 : 60
    }

    /// A `SUMIF` pattern for the 7-digit codes under `prefix`: `201????`; `???????` for every 项.
    static func itemPattern(_ prefix: String) -> String {
        prefix + String(repeating: "?", count: max(0, 7 - prefix.count))
    }

    /// The first amount column (E: after 类, 款, 项 and 科目名称).
    static let firstAmountColumn = 5
    static let nameColumn = 4

    static func instructions(_ table: SubjectTable, unit: InputUnit) -> [String] {
        var text =
            "填写方法：在黄色单元格中逐行填写（或粘贴）科目编码、科目名称和金额，金额单位为\(unit.rawValue)（在“基本信息”表选择）。"
            + "项级科目（7 位编码）填金额；类（3 位）、款（5 位）只写编码和名称，金额由程序汇总。灰色单元格是公式，不用填。"
            + "行不够时可插入行。也可以把部门决算软件导出的整张表粘贴到本表（先在“审阅”中撤销工作表保护，无密码）。"
        switch table {
        case .t02:
            text +=
                "“财政拨款收入”填一般公共预算、政府性基金和国有资本经营预算财政拨款收入之和；其中政府性基金部分在公开07表“本年收入”栏填写，"
                + "国有资本经营部分在本表最右一栏填写，其余即为一般公共预算财政拨款收入。"
        case .t07, .t08:
            text += "没有此类资金的部门不填。"
        default:
            break
        }
        return [text]
    }

    /// Where a written subject table keeps its codes and columns, for the formulas of other sheets.
    struct Anchors {
        /// The code cells of every data row, `'公开02表'!$A$12:$A$80`.
        let codes: String
        /// Each column's data rows, and its cell on the 合计 row.
        let columns: [SubjectField: (range: String, total: String)]

        /// The sum of a column's 项 rows whose code starts with `prefix` (all 项 rows when nil): `SUMIF` with `?`
        /// for each remaining digit of a 7-digit code.
        func sum(_ field: SubjectField, prefix: String? = nil) -> String {
            guard let range = columns[field]?.range else { return "0" }
            return "SUMIF(\(codes),\"\(SubjectTableSheet.itemPattern(prefix ?? ""))\",\(range))"
        }
    }

    static func make(_ table: SubjectTable, context: WorkbookContext) -> (Spreadsheet.Sheet, Anchors) {
        let printed = context.printed[table.sheetName]!
        let columns = table.columns
        let columnCount = firstAmountColumn - 1 + columns.count
        let printedWidth = printed.columns.count
        let subjects = context.input.subjects.filter { table.lists($0, among: context.input.subjects) }
        let names = subjects.map { $0.name ?? FunctionalCategories.named($0.code)?.name ?? "" }
        var widths = PrintedTable.widths(printed, body: zip(subjects, names).map { [$0.code, "", "", $1] })
        widths[0] = max(widths[0], 10)
        widths[1] = 3
        widths[2] = 3
        widths[3] = max(widths[3], 24)
        for index in (firstAmountColumn - 1)..<printedWidth { widths[index] = max(widths[index], 14) }
        if columnCount > printedWidth { widths += Array(repeating: 22, count: columnCount - printedWidth) }

        var builder = SheetBuilder(name: table.sheetName, width: printedWidth, columnWidths: widths)
        let header = PrintedTable.top(
            printed, instructions: instructions(table, unit: context.unit), context: context, into: &builder)
        // The workbook's own columns beyond the printed table, headed over the printed header rows.
        for index in printedWidth..<columnCount {
            builder.sheet.set(header.lowerBound, index + 1, .text(table.stateCapitalHeaderText), WorkbookStyle.header)
            builder.sheet.merges.append(
                CellRange(rows: header.lowerBound...header.upperBound, columns: (index + 1)...(index + 1)))
        }
        builder.freezeHere()

        let totalRow = builder.nextRow()
        let firstRow = totalRow + 1
        let spare = spareRows(table, listed: subjects.count)
        let lastRow = firstRow + subjects.count + spare - 1
        let codes = "$A$\(firstRow):$A$\(lastRow)"
        let amountColumns = (0..<columns.count).map { firstAmountColumn + $0 }
        func range(_ column: Int) -> String {
            let letters = CellAddress.columnName(column)
            return "$\(letters)$\(firstRow):$\(letters)$\(lastRow)"
        }
        let lines = Dictionary(context.accounts.subjectLines.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

        // 合计: a formula, or the department's official total (`subjectTotals`) where it gives one.
        builder.set(1, .text("合计"), WorkbookStyle.centered)
        builder.sheet.merges.append(CellRange(rows: totalRow...totalRow, columns: 1...nameColumn))
        let official = context.input.subjectTotals.map { table.values($0.asSubject) } ?? [:]
        for (index, column) in columns.enumerated() {
            if let supplied = official[column.field] {
                builder.set(
                    amountColumns[index], CellValues.amount(supplied, unit: context.unit), WorkbookStyle.inputAmount)
                continue
            }
            let formula = "SUMIF(\(codes),\"\(itemPattern(""))\",\(range(amountColumns[index])))"
            builder.set(
                amountColumns[index],
                CellValues.formula(formula, amount: column.figure(context.accounts.total), unit: context.unit),
                WorkbookStyle.computedAmount)
        }

        for (subject, name) in zip(subjects, names) {
            let row = builder.nextRow()
            builder.set(1, .text(subject.code), WorkbookStyle.inputCode)
            builder.sheet.merges.append(CellRange(rows: row...row, columns: 1...3))
            builder.set(nameColumn, .text(name), WorkbookStyle.inputText)
            let values = table.values(subject)
            let line = lines[subject.code]
            let isItem = subject.code.count == 7
            for (index, column) in columns.enumerated() {
                let cell = amountColumns[index]
                let amount = line.map(column.figure) ?? .zero
                if let supplied = values[column.field] {
                    // A leaf figure, or a total (类/款 row, 合计 column) the input supplies to be checked.
                    builder.set(cell, CellValues.amount(supplied, unit: context.unit), WorkbookStyle.inputAmount)
                } else if !isItem {
                    let formula =
                        "SUMIF(\(codes),$A\(row)&\"\(String(repeating: "?", count: 7 - subject.code.count))\",\(range(cell)))"
                    builder.set(
                        cell, CellValues.formula(formula, amount: amount, unit: context.unit),
                        WorkbookStyle.computedAmount)
                } else if column.role == .input {
                    builder.set(cell, .empty, WorkbookStyle.inputAmount)
                } else {
                    builder.set(
                        cell,
                        CellValues.formula(
                            itemFormula(table, column: column, row: row, columns: amountColumns), amount: amount,
                            unit: context.unit), WorkbookStyle.computedAmount)
                }
            }
        }
        for _ in 0..<spare {
            let row = builder.nextRow()
            builder.set(1, .empty, WorkbookStyle.inputCode)
            builder.set(2, .empty, WorkbookStyle.inputCode)
            builder.set(3, .empty, WorkbookStyle.inputCode)
            builder.sheet.merges.append(CellRange(rows: row...row, columns: 1...3))
            builder.set(nameColumn, .empty, WorkbookStyle.inputText)
            for (index, column) in columns.enumerated() {
                let cell = amountColumns[index]
                if column.role == .input {
                    builder.set(cell, .empty, WorkbookStyle.inputAmount)
                } else {
                    let own = itemFormula(table, column: column, row: row, columns: amountColumns)
                    let rolled =
                        "SUMIF(\(codes),$A\(row)&REPT(\"?\",7-LEN($A\(row))),\(range(cell)))"
                    builder.set(
                        cell,
                        .formula("IF(LEN($A\(row))=7,\(own),IF($A\(row)=\"\",0,\(rolled)))", cached: .number("0")),
                        WorkbookStyle.computedAmount)
                }
            }
        }
        PrintedTable.notes(printed, into: &builder, width: printedWidth)
        let sheet = Spreadsheet.quotedSheetName(table.sheetName) + "!"
        var anchored: [SubjectField: (range: String, total: String)] = [:]
        for (index, column) in columns.enumerated() {
            anchored[column.field] = (
                sheet + range(amountColumns[index]),
                sheet + CellAddress(row: totalRow, column: amountColumns[index]).absolute
            )
        }
        return (
            builder.finish(printColumns: printedWidth, titleRows: header, landscape: true),
            Anchors(codes: sheet + codes, columns: anchored)
        )
    }

    /// A 项 row's derived cell: its row total, or for 07 小计 = 基本 + 项目 and 年末 = 年初 + 收入 − 支出.
    static func itemFormula(_ table: SubjectTable, column: SubjectSheetColumn, row: Int, columns: [Int]) -> String {
        func cell(_ field: SubjectField) -> String {
            let index = table.columns.firstIndex { $0.field == field }!
            return CellAddress.columnName(columns[index]) + String(row)
        }
        switch column.field {
        case .fundSpending: return "\(cell(.fundBasic))+\(cell(.fundProject))"
        case .fundCarryOut: return "\(cell(.fundCarryIn))+\(cell(.fundIncome))-\(cell(.fundSpending))"
        default: return table.rowTotalFormula(row: row, columns: columns) ?? "0"
        }
    }
}

extension SubjectTable {
    /// The header of the workbook's own column (02 only).
    var stateCapitalHeaderText: String { Self.stateCapitalIncomeHeader }
}

extension SubjectTotals {
    /// The 合计 rows as one subject row, to lay out and read like the others.
    var asSubject: Subject {
        Subject(
            code: "", name: nil, income: income, expenditure: expenditure,
            generalBudgetExpenditure: generalBudgetExpenditure,
            governmentFund: governmentFund, stateCapitalExpenditure: stateCapitalExpenditure)
    }
}
