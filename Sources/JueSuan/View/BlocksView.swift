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
/// cells (`{{^first}}⇥{{/first}}{{text}}`).
public struct ContentTableView: Encodable, Sendable {
    public struct Cell: Encodable, Sendable {
        public var first: Bool
        public var text: String
    }

    public struct Row: Encodable, Sendable {
        public var cells: [Cell]
    }

    @Nullable public var caption: String?
    /// `@columns` spec: one `l` per column.
    public var columns: String
    public var header: [Row]
    public var body: [Row]

    init(_ table: ContentTable) {
        caption = table.caption.flatMap { $0.isEmpty ? nil : $0 }
        let width = max(1, table.rows.map(\.count).max() ?? 1)
        columns = Array(repeating: "l", count: width).joined(separator: " ")
        let rows = table.rows.map { cells in
            Row(cells: cells.enumerated().map { Cell(first: $0.offset == 0, text: $0.element) })
        }
        let headerCount = min(max(0, table.headerRows ?? 1), rows.count)
        header = Array(rows.prefix(headerCount))
        body = Array(rows.dropFirst(headerCount))
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
                rate: Ratio.percent(value.executed, of: value.adjustedBudget).map { Format.percent($0) } ?? "—")
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
