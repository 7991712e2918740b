import Documents

// The ten 公开 tables of the workbook take their titles, preamble lines, header rows (with merges), fixed rows (with
// 行次) and notes from the standard template, rendered for the department: the workbook shows the same layout as the
// report's .xlsx, and the table layouts stay data in Templates/standard/tables.

/// The parts of a department workbook that every sheet builder needs.
struct WorkbookContext {
    let input: DepartmentInput
    let accounts: Accounts
    /// The unit the workbook's amounts are in.
    var unit: InputUnit { input.unit }
    /// The standard report's tables for this department, by sheet name (`公开01表` …).
    let printed: [String: Table]
    /// Whether this is an empty workbook to fill in (spare rows for lists, no figures).
    let blank: Bool
}

/// Writes a printed table's frame into a sheet.
enum PrintedTable {
    /// The instruction line, title, preamble and header rows of `table`; returns the header rows.
    static func top(
        _ table: Table, instructions: [String], context: WorkbookContext, into builder: inout SheetBuilder
    ) -> ClosedRange<Int> {
        for text in instructions {
            builder.line(
                text, style: WorkbookStyle.instruction,
                height: SheetBuilder.height(of: text, width: builder.totalWidth, points: 10))
        }
        if let title = table.title { builder.line(title, style: WorkbookStyle.title, height: 28) }
        for line in table.preamble {
            builder.nextRow()
            builder.set(1, preambleValue(line, input: context.input), WorkbookStyle.preamble)
            if builder.width > 1 {
                builder.sheet.merges.append(
                    CellRange(rows: builder.row...builder.row, columns: 1...builder.width))
            }
        }
        let first = builder.row + 1
        let grid = TableGrid(rows: table.header, columnCount: table.columns.count)
        for slots in grid.slots {
            builder.nextRow()
            for (c, slot) in slots.enumerated() {
                if case .origin(let cell) = slot {
                    builder.set(c + 1, .text(cell.text), WorkbookStyle.header)
                    if cell.colSpan > 1 || cell.rowSpan > 1 {
                        builder.sheet.merges.append(
                            CellRange(
                                rows: builder.row...(builder.row + cell.rowSpan - 1),
                                columns: (c + 1)...(c + cell.colSpan)))
                    }
                } else {
                    builder.set(c + 1, .empty, WorkbookStyle.header)
                }
            }
        }
        return first...builder.row
    }

    /// The notes below a table, each across the printed width.
    static func notes(_ table: Table, into builder: inout SheetBuilder, width: Int) {
        for note in table.notes {
            builder.nextRow()
            builder.set(1, .text(note), WorkbookStyle.note)
            if width > 1 {
                builder.sheet.merges.append(CellRange(rows: builder.row...builder.row, columns: 1...width))
            }
            builder.sheet.rowHeights[builder.row] = SheetBuilder.height(
                of: note, width: (1...width).map { builder.sheet.columnWidths[$0] ?? 8.43 }.reduce(0, +), points: 10)
        }
    }

    /// The department, year and unit lines follow 基本信息 (formulas); other lines are kept as printed.
    static func preambleValue(_ line: String, input: DepartmentInput) -> Spreadsheet.Value {
        if line.hasPrefix("部门：") {
            return .formula(
                "\"部门：\"&\(BasicInfoSheet.reference(.name))", cached: .text("部门：" + input.department.name))
        }
        if line.hasPrefix("金额单位：") {
            return .formula(
                "\"金额单位：\"&\(BasicInfoSheet.reference(.unit))", cached: .text("金额单位：" + input.unit.rawValue))
        }
        if line.hasSuffix(" 年度"), Int(line.dropLast(3)) != nil {
            return .formula("\(BasicInfoSheet.reference(.year))&\" 年度\"", cached: .text("\(input.year) 年度"))
        }
        return .text(line)
    }

    /// Column widths in characters that fit the header words and the widest body text of each column.
    static func widths(_ table: Table, body: [[String]], minimum: Double = 6, maximum: Double = 40) -> [Double] {
        (0..<table.columns.count).map { c in
            var widest = 0
            for row in body where c < row.count { widest = max(widest, Spreadsheet.displayWidth(row[c])) }
            let relative = table.columns[c].width * 2.2
            return min(maximum, max(minimum, Double(widest) + 2, relative))
        }
    }
}
