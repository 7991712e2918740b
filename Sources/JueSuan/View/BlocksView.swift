import Foundation

/// A department-written content block as the templates print it: exactly one of the flags is true.
public struct BlockView: Encodable, Sendable {
    public var heading: Bool
    public var paragraph: Bool
    public var center: Bool
    public var right: Bool
    public var text: String
    @Nullable public var table: ContentTableView?

    init(_ block: ContentBlock) {
        heading = false
        paragraph = false
        center = false
        right = false
        text = ""
        table = nil
        switch block {
        case .heading(let value):
            heading = true
            text = value
        case .paragraph(let value):
            paragraph = true
            text = value
        case .center(let value):
            center = true
            text = value
        case .right(let value):
            right = true
            text = value
        case .table(let value):
            table = ContentTableView(value)
        }
    }
}

/// A table of text cells. Each row lists its cells with a `first` flag so that a template can put a TAB between
/// cells (`{{^first}}⇥{{/first}}{{text}}`), and `left` / `above` flags for a cell covered by a merge (the template
/// writes the markup's `{<}` / `{^}` for it).
public struct ContentTableView: Encodable, Sendable {
    public struct Cell: Encodable, Sendable {
        public var first: Bool
        public var text: String
        /// Covered by the cell to its left (a merge across columns).
        public var left: Bool
        /// Covered by the cell above (a merge across rows).
        public var above: Bool
    }

    public struct Row: Encodable, Sendable {
        public var cells: [Cell]
    }

    @Nullable public var caption: String?
    /// The .xlsx worksheet name, when the table is to be a sheet.
    @Nullable public var sheet: String?
    /// `@columns` spec: one `l` per column, with the relative width when the department gave widths (`l:2 l:5`).
    public var columns: String
    public var header: [Row]
    public var body: [Row]

    init(_ table: ContentTable) {
        caption = table.caption.flatMap { $0.isEmpty ? nil : $0 }
        sheet = table.sheet.flatMap { $0.isEmpty ? nil : $0 }
        let width = max(1, table.rows.map(\.count).max() ?? 1)
        if let widths = table.widths, widths.count == width, widths.allSatisfy({ $0 > 0 }) {
            columns = widths.map { "l:" + SelfEvaluationTableView.number($0) }.joined(separator: " ")
        } else {
            columns = Array(repeating: "l", count: width).joined(separator: " ")
        }
        let headerCount = min(max(0, table.headerRows ?? 1), table.rows.count)
        // Each covered position: left (a later column of a range's row) or above (the first column of a later row).
        var covered: [CellPosition: Bool] = [:]
        for range in (table.merges ?? []).compactMap(MergeRange.init)
        where range.isUsable(rows: table.rows.count, columns: width, headerRows: headerCount) {
            for row in range.top...range.bottom {
                for column in range.left...range.right where row != range.top || column != range.left {
                    covered[CellPosition(row: row, column: column)] = column != range.left
                }
            }
        }
        let rows = table.rows.enumerated().map { rowIndex, cells in
            let padded = covered.isEmpty ? cells : cells + Array(repeating: "", count: max(0, width - cells.count))
            return Row(
                cells: padded.enumerated().map { column, text in
                    let cover = covered[CellPosition(row: rowIndex, column: column)]
                    return Cell(
                        first: column == 0, text: cover == nil ? text : "", left: cover == true, above: cover == false)
                })
        }
        header = Array(rows.prefix(headerCount))
        body = Array(rows.dropFirst(headerCount))
    }
}

/// A cell of a content table (0-based).
struct CellPosition: Hashable {
    var row: Int
    var column: Int

    /// `B3`.
    var name: String { MergeRange.columnName(column) + String(row + 1) }
}

/// A merge range in spreadsheet notation, `A1:C3` (0-based inclusive bounds inside).
struct MergeRange: Equatable {
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int

    /// Parses `A1:C3`; nil when it is not two cells (the schema already checks the form).
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = MergeRange.cell(parts[0]), let end = MergeRange.cell(parts[1]) else {
            return nil
        }
        (top, left, bottom, right) = (start.row, start.column, end.row, end.column)
    }

    /// `B3` → row 2, column 1.
    static func cell(_ text: Substring) -> CellPosition? {
        let letters = text.prefix { $0 >= "A" && $0 <= "Z" }
        guard !letters.isEmpty, letters.count <= 2, let row = Int(text.dropFirst(letters.count)), row >= 1 else {
            return nil
        }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value - 64) } - 1
        return CellPosition(row: row - 1, column: column)
    }

    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func columnName(_ column: Int) -> String {
        let letter = { (n: Int) in String(UnicodeScalar(UInt8(65 + n))) }
        return column < 26 ? letter(column) : letter(column / 26 - 1) + letter(column % 26)
    }

    var topLeft: CellPosition { CellPosition(row: top, column: left) }

    /// Whether the range is a proper block of at least two cells inside a table of `rows` × `columns` that does not
    /// cross from the header rows into the body (validation reports every other range).
    func isUsable(rows: Int, columns: Int, headerRows: Int) -> Bool {
        top <= bottom && left <= right && (top != bottom || left != right) && bottom < rows && right < columns
            && (bottom < headerRows || top >= headerRows)
    }

    func overlaps(_ other: MergeRange) -> Bool {
        top <= other.bottom && other.top <= bottom && left <= other.right && other.left <= right
    }
}

/// 项目支出绩效自评表 with every figure computed: 执行率, the group skeleton, 分值 and 得分 totals.
public struct SelfEvaluationTableView: Encodable, Sendable {
    public struct Funds: Encodable, Sendable {
        public var initialBudget: String
        public var adjustedBudget: String
        public var executed: String
        /// 执行率 = 全年执行数 / 全年预算数; `—` when the budget is 0.
        public var rate: String
    }

    public struct Row: Encodable, Sendable {
        /// The first row of its 一级指标 group (prints the label; later rows are covered by it).
        public var level1First: Bool
        public var level1: String
        public var level2First: Bool
        public var level2: String
        public var name: String
        public var target: String
        public var actual: String
        public var weight: String
        public var score: String
        public var deviation: String
    }

    public var projectName: String
    public var supervisor: String
    public var implementer: String
    /// 年度资金总额 (政府预算资金 + 其他资金).
    public var total: Funds
    public var fiscal: Funds
    @Nullable public var other: Funds?
    public var fundsWeight: String
    public var fundsScore: String
    @Nullable public var fundsDeviation: String?
    public var goal: String
    public var result: String
    public var rows: [Row]
    /// Σ分值 (资金 + 指标).
    public var weightTotal: String
    /// 总分 = Σ得分.
    public var scoreTotal: String

    /// The standard 一级 → 二级 skeleton; empty groups are still printed.
    static let skeleton: [(String, [String])] = [
        ("成本指标", ["经济成本指标", "社会成本指标", "生态环境成本指标"]),
        ("产出指标", ["数量指标", "质量指标", "时效指标"]),
        ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标"]),
        ("满意度指标", ["服务对象满意度"]),
    ]

    init(_ table: SelfEvaluationTable) {
        func funds(_ value: ProjectFunds) -> Funds {
            Funds(
                initialBudget: Format.amount(value.initialBudget), adjustedBudget: Format.amount(value.adjustedBudget),
                executed: Format.amount(value.executed),
                rate: Ratio.completion(value.executed, of: value.adjustedBudget).map { Format.percent($0) } ?? "—")
        }
        let zeroFunds = ProjectFunds(initialBudget: .zero, adjustedBudget: .zero, executed: .zero)
        let other = table.otherFunds ?? zeroFunds
        let combined = ProjectFunds(
            initialBudget: table.fiscalFunds.initialBudget + other.initialBudget,
            adjustedBudget: table.fiscalFunds.adjustedBudget + other.adjustedBudget,
            executed: table.fiscalFunds.executed + other.executed)
        projectName = table.projectName
        supervisor = table.supervisor
        implementer = table.implementer
        total = funds(combined)
        fiscal = funds(table.fiscalFunds)
        self.other = table.otherFunds.map(funds)
        let weight = table.fundsWeight ?? 10
        fundsWeight = SelfEvaluationTableView.number(weight)
        fundsScore = SelfEvaluationTableView.number(table.fundsScore)
        fundsDeviation = table.fundsDeviation.flatMap { $0.isEmpty ? nil : $0 }
        goal = table.goal ?? ""
        result = table.result ?? ""
        rows = SelfEvaluationTableView.rows(table.indicators)
        weightTotal = SelfEvaluationTableView.number(table.indicators.map(\.weight).reduce(weight, +))
        scoreTotal = SelfEvaluationTableView.number(table.indicators.map(\.score).reduce(table.fundsScore, +))
    }

    /// Scores and weights as written: `5`, `2.8`, `13.52`.
    static func number(_ value: Decimal) -> String {
        Format.rounded(value, places: 2).description
    }

    /// Indicators grouped by the standard skeleton (then any other groups in input order), with an empty row for
    /// each empty standard group.
    static func rows(_ indicators: [PerformanceIndicator]) -> [Row] {
        var groups: [(String, [(String, [PerformanceIndicator])])] = skeleton.map { level1, level2s in
            (level1, level2s.map { ($0, []) })
        }
        for indicator in indicators {
            let level1Index =
                groups.firstIndex { $0.0 == indicator.level1 }
                ?? {
                    groups.append((indicator.level1, []))
                    return groups.count - 1
                }()
            if let level2Index = groups[level1Index].1.firstIndex(where: { $0.0 == indicator.level2 }) {
                groups[level1Index].1[level2Index].1.append(indicator)
            } else {
                groups[level1Index].1.append((indicator.level2, [indicator]))
            }
        }
        var rows: [Row] = []
        for (level1, level2s) in groups where !level2s.isEmpty {
            var firstOfLevel1 = true
            for (level2, items) in level2s {
                let entries: [PerformanceIndicator?] = items.isEmpty ? [nil] : items
                for (index, item) in entries.enumerated() {
                    rows.append(
                        Row(
                            level1First: firstOfLevel1, level1: level1, level2First: index == 0, level2: level2,
                            name: item?.name ?? "", target: item?.target ?? "", actual: item?.actual ?? "",
                            weight: item.map { number($0.weight) } ?? "", score: item.map { number($0.score) } ?? "",
                            deviation: item?.deviation ?? ""))
                    firstOfLevel1 = false
                }
            }
        }
        return rows
    }
}
