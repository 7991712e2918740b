import Foundation

// Every printed figure of a report under one key, with its place and line: a table cell, or a figure of a clause of
// 第三部分. A blank cell of a table that was read is an exact 0; a figure of a table or clause that is not in the
// report, or a split a row leaves unstated (04 表 本年支出合计 printed in 合计 only), is absent, and nothing is
// checked with it.

/// A printed figure.
enum FigureKey: Hashable, Sendable, CustomStringConvertible {
    case cell(TableCell)
    /// A figure of a clause of 第三部分: the clause key and the figure's name.
    case text(String, String)

    var description: String {
        switch self {
        case .cell(let cell): return cell.description
        case .text(let key, let name): return "\(key).\(name)"
        }
    }
}

/// What a report says for a figure.
enum FigureValue: Sendable {
    /// Not in the report (its table or sentence was not read, or the row leaves the split unstated).
    case absent
    /// A blank cell of a table that was read: exactly 0.
    case blank
    case printed(PrintedNumber)

    var number: PrintedNumber? {
        if case .printed(let number) = self { return number }
        return nil
    }

    /// The value (0 for a blank), nil when absent.
    var value: Decimal? {
        switch self {
        case .absent: return nil
        case .blank: return 0
        case .printed(let number): return number.value
        }
    }
}

struct FigureBook {
    let report: PublishedReport
    private var clauses: [String: NarrativeClause] = [:]

    init(_ report: PublishedReport) {
        self.report = report
        for clause in report.clauses where clauses[clause.key] == nil { clauses[clause.key] = clause }
    }

    func clause(_ key: String) -> NarrativeClause? { clauses[key] }

    subscript(_ key: FigureKey) -> FigureValue {
        switch key {
        case .text(let clause, let name):
            guard let number = clauses[clause]?.figures[name] else { return .absent }
            return .printed(number)
        case .cell(let cell):
            guard let table = report.tables[cell.table] else { return .absent }
            if let number = table.figures[cell] { return .printed(number) }
            guard table.rowLines[cell.row] != nil || Self.fixedRowsPrintAlways(cell.table) else {
                // A subject row that is not printed is 0 only where the table lists rows; a missing 类 or 款 row
                // is not stated.
                return SubjectTableColumns.isSubjectTable(cell.table) && cell.row.count == 7 ? .blank : .absent
            }
            if Self.splitUnstated(table, row: cell.row, column: cell.column) { return .absent }
            return .blank
        }
    }

    /// Tables whose rows are fixed: a row not read is blank.
    static func fixedRowsPrintAlways(_ table: PublicTable) -> Bool {
        [.t01, .t04, .t09, .t10, .t06].contains(table)
    }

    /// Whether the columns of a row after its total are all blank while the total is printed: the row does not state
    /// its split (S0's 04 表 本年支出合计 and 总计 print the 合计 column only).
    static func splitUnstated(_ table: ReportTable, row: String, column: String) -> Bool {
        let (total, parts): (String, [String])
        switch table.table {
        case .t04: (total, parts) = ("total", ["general", "fund", "capital"])
        case .t02: (total, parts) = ("total", ["fiscal", "superior", "business", "operating", "affiliated", "other"])
        case .t03: (total, parts) = ("total", ["basic", "project", "toSuperior", "operating", "toAffiliated"])
        case .t05, .t08: (total, parts) = ("total", ["basic", "project"])
        case .t07: (total, parts) = ("total", ["basic", "project"])
        default: return false
        }
        guard parts.contains(column), table[row, total] != nil else { return false }
        return parts.allSatisfy { table[row, $0] == nil }
    }

    // MARK: - Places

    /// `公开02表 2010101 行政运行 财政拨款收入`, `第三部分 二 年末结转和结余`.
    func place(_ key: FigureKey) -> String {
        switch key {
        case .cell(let cell):
            let table = report.tables[cell.table]
            let label = table?.labels[cell.row] ?? ""
            let row: String
            switch cell.table {
            case .t01, .t04, .t09, .t10: row = "行 \(cell.row)" + (label.isEmpty ? "" : " \(label)")
            case .t06:
                row =
                    cell.row == "personnel"
                    ? "人员经费合计"
                    : cell.row == "publicExpenses"
                        ? "公用经费合计" : "\(cell.row) \(label.isEmpty ? EconomicCodes.named(cell.row)?.name ?? "" : label)"
            default: row = cell.row.isEmpty ? "合计" : "\(cell.row) \(label)"
            }
            let column = Self.columnName(cell.table, cell.column)
            return [cell.table.label, row, column].filter { !$0.isEmpty }.joined(separator: " ")
        case .text(let key, let name):
            guard let clause = clauses[key] else { return key }
            let figure = Self.figureName(name)
            return "\(clause.place) \(clause.label)" + (figure.isEmpty ? "" : " \(figure)")
        }
    }

    /// The line a figure is printed on (its row's line for a blank cell).
    func line(_ key: FigureKey) -> Int {
        switch self[key] {
        case .printed(let number): return number.line
        default:
            switch key {
            case .cell(let cell):
                return report.tables[cell.table]?.rowLines[cell.row] ?? report.tables[cell.table]?.line ?? 0
            case .text(let clause, _): return clauses[clause]?.line ?? 0
            }
        }
    }

    /// The figure as printed (`0.00` for a blank amount cell, `0` for a blank count).
    func text(_ key: FigureKey) -> String {
        switch self[key] {
        case .printed(let number): return number.text
        case .blank:
            if case .cell(let cell) = key, cell.table == .t10 || (cell.table == .t09 && (Int(cell.row) ?? 0) >= 10) {
                return "0"
            }
            return "（空白）"
        case .absent: return "—"
        }
    }

    static func columnName(_ table: PublicTable, _ column: String) -> String {
        switch (table, column) {
        case (.t01, _), (.t06, _), (_, "amount"): return ""
        case (.t04, "total"): return "合计"
        case (.t04, "general"): return "一般公共预算财政拨款"
        case (.t04, "fund"): return "政府性基金预算财政拨款"
        case (.t04, "capital"): return "国有资本经营预算财政拨款"
        case (.t09, "initialBudget"): return "年初预算数"
        case (.t09, "adjustedBudget"): return "全年预算数"
        case (.t09, "actual"): return "决算数"
        case (.t10, _): return ""
        default:
            return SubjectTableColumns.columns(table).first { $0.key == column }?.names.first ?? column
        }
    }

    static func figureName(_ name: String) -> String {
        switch name {
        case "amount": return ""
        case "share": return "占比"
        case "budget": return "预算数"
        case "actual": return "决算数"
        case "completion": return "完成率"
        case "groups": return "团组数"
        case "persons": return "人次"
        case "purchased": return "购置数"
        case "held": return "保有量"
        case "batches": return "接待批次"
        case "vehicles": return "车辆数"
        case "equipment": return "设备数"
        case "projects": return "项目个数"
        default:
            if let kind = NarrativeReader.vehicleKinds.first(where: { $0.0 == name }) { return kind.1 }
            return name
        }
    }
}
