import Documents

/// Writes a fixed-row table (01, 04, 06, 09, 10): the printed rows as they are, with each amount cell an input, a
/// formula or a supplied figure as `FixedTable` says.
enum FixedTableSheet {
    static func instructions(_ table: FixedTable, unit: InputUnit) -> String {
        let common = "黄色单元格由您填写，灰色单元格是公式（由其他表汇总，不用填），金额单位为\(unit.rawValue)。"
        switch table.sheetName {
        case "公开01表":
            return common
                + "本表只填：使用非财政拨款结余（行次 28）、年初结转和结余（行次 29，各类资金合计）、结余分配（行次 59）。收入、支出由公开02、03表汇总；"
                + "年末结转和结余可由公式计算，若照抄决算软件的数，程序会与计算值核对。"
        case "公开04表":
            return common
                + "本表只填：年初一般公共预算财政拨款结转和结余（行次 29）、年初国有资本经营预算财政拨款结转和结余（行次 31）；政府性基金部分由公开07表汇总。"
        case "公开06表":
            return common + "按经济分类科目（5 位编码）填一般公共预算财政拨款基本支出金额，为 0 的可不填；301、302 等类级合计由公式汇总。"
        case "公开09表":
            return common + "填各项“三公”经费的年初预算数、全年预算数、决算数和相关统计数（个、人、辆）；合计由公式计算。"
        case "公开10表":
            return "黄色单元格由您填写（台、辆、套），车辆数合计由公式计算。"
        default:
            return common
        }
    }

    static func make(
        _ table: FixedTable, context: WorkbookContext, tree: JSONNode?,
        cells: (FixedResolver) -> FixedTable.Cells
    ) -> (Spreadsheet.Sheet, FixedResolver) {
        let printed = context.printed[table.sheetName]!
        let grid = TableGrid(rows: printed.body, columnCount: printed.columns.count)
        var widths = PrintedTable.widths(printed, body: grid.texts)
        for (index, column) in printed.columns.enumerated() where column.numeric {
            widths[index] = max(widths[index], 14)
        }
        var builder = SheetBuilder(name: table.sheetName, width: printed.columns.count, columnWidths: widths)
        let header = PrintedTable.top(
            printed, instructions: [instructions(table, unit: context.unit)], context: context, into: &builder)
        builder.freezeHere()

        let firstBodyRow = builder.row + 1
        let resolver = FixedResolver(table: table, printed: printed, firstBodyRow: firstBodyRow)
        var overlay: [CellAddress: FixedCell] = [:]
        for (key, index, cell) in cells(resolver) {
            guard let position = resolver.position(key, index) else {
                preconditionFailure("\(table.sheetName): no cell for \(key) column \(index)")
            }
            overlay[position] = cell
        }

        for (offset, slots) in grid.slots.enumerated() {
            let row = builder.nextRow()
            for (c, slot) in slots.enumerated() {
                let position = CellAddress(row: row, column: c + 1)
                let numeric = printed.columns[c].numeric
                if let cell = overlay[position] {
                    builder.set(c + 1, value(cell, context: context, tree: tree), style(cell, table: table))
                    continue
                }
                guard case .origin(let cell) = slot else {
                    builder.set(c + 1, .empty, numeric ? WorkbookStyle.computedAmount : WorkbookStyle.label)
                    continue
                }
                if cell.colSpan > 1 || cell.rowSpan > 1 {
                    builder.sheet.merges.append(
                        CellRange(rows: row...(row + cell.rowSpan - 1), columns: (c + 1)...(c + cell.colSpan)))
                }
                let style =
                    numeric || printed.columns[c].alignment == .center ? WorkbookStyle.centered : WorkbookStyle.label
                builder.set(c + 1, cell.text.isEmpty ? .empty : .text(cell.text), style)
            }
            _ = offset
        }
        PrintedTable.notes(printed, into: &builder, width: printed.columns.count)
        return (builder.finish(titleRows: header, landscape: printed.landscape), resolver)
    }

    static func style(_ cell: FixedCell, table: FixedTable) -> CellStyle {
        let count = table.isCount || cell.field?.kind == .count
        switch cell {
        case .input: return count ? WorkbookStyle.inputCount : WorkbookStyle.inputAmount
        case .derived: return count ? WorkbookStyle.computedCount : WorkbookStyle.computedAmount
        case .checked(_, _, _): return count ? WorkbookStyle.computedCount : WorkbookStyle.computedAmount
        }
    }

    static func value(_ cell: FixedCell, context: WorkbookContext, tree: JSONNode?) -> Spreadsheet.Value {
        switch cell {
        case .input(let field):
            return inputValue(field, context: context, tree: tree)
        case .derived(let formula, let cached):
            return .formula(formula, cached: cached)
        case .checked(let field, let formula, let cached):
            let supplied = inputValue(field, context: context, tree: tree)
            return supplied == .empty ? .formula(formula, cached: cached) : supplied
        }
    }

    /// The value of an input cell: a field of the input's JSON form, or one of the two that are not a single field
    /// there (an economic code's amount, 01 年初结转和结余 of all sources).
    static func inputValue(_ field: FormField, context: WorkbookContext, tree: JSONNode?) -> Spreadsheet.Value {
        if field.path.first == "*economic" {
            let code = field.path[1]
            let entries = context.input.basicExpenditureByEconomicCode.filter { $0.code == code }
            guard !entries.isEmpty else { return .empty }
            return CellValues.amount(entries.map(\.amount).sum(), unit: context.unit)
        }
        if field.path == FixedTable.carryInTotalPath {
            let start = context.input.carryOver.start
            let given = [start.generalBudget, start.stateCapital, start.nonFiscal].contains { $0 != nil }
            let funds = context.input.subjects.contains { $0.governmentFund?.carryIn != nil }
            guard given || funds else { return .empty }
            return CellValues.amount(context.accounts.carryIn, unit: context.unit)
        }
        return field.value(in: tree)
    }
}

extension FixedTable {
    /// Tables of counts rather than amounts.
    var isCount: Bool { sheetName == "公开10表" }
}
