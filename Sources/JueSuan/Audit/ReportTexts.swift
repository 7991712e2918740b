import Foundation

// The department's own texts in a published report: 第一部分 (duties, units, internal institutions, staff),
// 九（二） (text and 项目支出绩效自评表), 九（三）, 第四部分 (glossary entries) and 第五部分 (the annex as blocks).
// Paragraphs split by the PDF are joined again; spaces a PDF puts between Chinese characters are dropped.

/// A number the report states in a sentence of 第一部分 (a head-count, a count of units).
public struct StatedCount: Sendable, Equatable {
    public var value: Int
    public var line: Int
}

/// A 项目支出绩效自评表 as printed.
public struct PrintedSelfEvaluation: Sendable {
    public struct Funds: Sendable {
        public var label: String
        public var initialBudget: PrintedNumber?
        public var adjustedBudget: PrintedNumber?
        public var executed: PrintedNumber?
        public var weight: PrintedNumber?
        public var rate: PrintedNumber?
        public var score: PrintedNumber?
        public var line: Int
    }

    public struct Indicator: Sendable {
        public var level1: String
        public var level2: String
        public var name: String
        public var target: String
        public var actual: String
        public var weight: PrintedNumber?
        public var score: PrintedNumber?
        public var deviation: String
        public var line: Int
    }

    public var line: Int
    public var projectName = ""
    public var supervisor = ""
    public var implementer = ""
    /// 年度资金总额 (the total row).
    public var total: Funds?
    /// 政府预算资金 / 财政拨款.
    public var fiscal: Funds?
    /// 其他资金.
    public var other: Funds?
    public var fundsDeviation: String?
    public var goal: String?
    public var result: String?
    public var indicators: [Indicator] = []
    /// 总分 row: 分值 and 得分 as printed.
    public var weightTotal: PrintedNumber?
    public var scoreTotal: PrintedNumber?
    public var totalLine: Int?
}

/// The texts read from a report.
public struct ReportTexts: Sendable {
    public var duties: [String] = []
    public var dutyNumbering: DutyNumbering?
    public var dutyLeadLine = false
    /// 纳入决算汇编范围的单位: the count stated and the names.
    public var unitCount: StatedCount?
    public var units: [String] = []
    /// 预算级次 of each unit where the report lists them in a table (`一级`, `二级`), else empty strings.
    public var unitLevels: [String] = []
    public var institutionCount: StatedCount?
    public var institutions: [String]?
    /// Staff head-counts by field (`inPost`, `other`, `retired`, `retiredPaidByUnit`, `retiredPaidByPensionFund`).
    public var staff: [String: StatedCount] = [:]
    /// 九（二）: the department's text before the tables.
    public var selfEvaluationText: [ContentBlock] = []
    /// 九（二）: the lead-in before the tables as printed (nil when there is none of its own).
    public var tablesLeadIn: String?
    public var selfEvaluations: [PrintedSelfEvaluation] = []
    /// 九（三）: paragraphs after `项目部门评价报告见第五部分附件`.
    public var departmentEvaluationNotes: [String] = []
    public var glossaryIncome: [GlossaryEntry] = []
    public var glossaryExpenditure: [GlossaryEntry] = []
    public var glossaryNumbering: DutyNumbering?
    /// 财政拨款 is explained as `市级`/`区级` … funds.
    public var level: GovernmentLevel?
    public var annex: [ContentBlock] = []
    var unread: [UnreadLine] = []

    init(lines: [ReportLine], outline: ReportOutline) {
        if let range = outline.overviewSections["duties"] { readDuties(Array(lines[range])) }
        if let range = outline.overviewSections["organisation"] { readOrganisation(Array(lines[range])) }
        if let range = outline.sections[.performance] { readPerformanceTexts(Array(lines[range])) }
        for (key, range) in outline.glossarySections where key != "terms" {
            let (entries, numbering) = Self.numberedEntries(Array(lines[range]))
            let glossary = entries.map { entry -> GlossaryEntry in
                guard let colon = entry.firstIndex(where: { $0 == "：" || $0 == ":" }) else {
                    return GlossaryEntry(term: entry, definition: nil)
                }
                return GlossaryEntry(
                    term: String(entry[..<colon]), definition: String(entry[entry.index(after: colon)...]))
            }
            if key == "income" { glossaryIncome = glossary } else { glossaryExpenditure = glossary }
            glossaryNumbering = glossaryNumbering ?? numbering
        }
        if let definition = glossaryIncome.first(where: { $0.term.contains("财政拨款") })?.definition {
            level = GovernmentLevel.allCases.first { definition.contains($0.rawValue) }
        }
        if let range = outline.parts[.annex] { annex = Self.blocks(Array(lines[range])) }
    }

    // MARK: - 第一部分

    private mutating func readDuties(_ lines: [ReportLine]) {
        var leadLine = false
        let body = lines.filter { line in
            let compact = line.compact
            if compact.hasSuffix("主要职责是：") || compact == "主要职责：" {
                leadLine = true
                return false
            }
            return true
        }
        let (items, numbering) = Self.exactlyNumberedEntries(body)
        duties = items
        dutyNumbering = numbering ?? (items.isEmpty ? nil : DutyNumbering.none)
        dutyLeadLine = leadLine
    }

    private mutating func readOrganisation(_ lines: [ReportLine]) {
        let text = NarrativeText(lines)
        if let found = text.figure(after: "单位共", unit: "个", from: 0) {
            unitCount = StatedCount(
                value: NSDecimalNumber(decimal: found.number.value).intValue, line: found.number.line)
            let rows = lines.filter(\.hasCells)
            if let header = rows.first,
                let nameColumn = header.cells.firstIndex(where: { ReportText.compact($0).contains("单位名称") })
            {
                // A table of units: 序号 | 单位名称 | 预算级次.
                let levelColumn = header.cells.firstIndex { ReportText.compact($0).contains("级次") }
                for row in rows.dropFirst() where nameColumn < row.cells.count {
                    let name = ReportText.trimmed(row.cells[nameColumn])
                    guard !name.isEmpty else { continue }
                    units.append(name)
                    unitLevels.append(levelColumn.flatMap { $0 < row.cells.count ? row.cells[$0] : nil } ?? "")
                }
            } else if let names = text.expectAny(["，即", "，分别是：", "，分别为：", "，包括："], at: found.end) {
                let end = text.find("。", from: names.end) ?? text.count
                units = Self.list(text.display(names.end..<end))
            }
        }
        if let found = text.find("个内设机构") {
            var start = found
            while start > 0, text.characters[start - 1].isASCIIDigit { start -= 1 }
            if start < found, let (number, _) = text.number(at: start) {
                institutionCount = StatedCount(
                    value: NSDecimalNumber(decimal: number.value).intValue, line: number.line)
            }
            let after = found + "个内设机构".count
            if let names = text.expectAny(["，分别是：", "，分别为：", "，即", "：", "，包括："], at: after) {
                let end = text.find("。", from: names.end) ?? text.count
                institutions = Self.list(text.display(names.end..<end))
            } else {
                institutions = []
            }
        }
        for (key, label, unit) in [
            ("inPost", "编制内实有人员", "人"), ("other", "其他人员", "人"), ("retired", "离退休人员", "人"),
            ("retiredPaidByUnit", "单位发放离退休费的人员", "人"), ("retiredPaidByPensionFund", "养老保险基金发放养老金的人员", "人"),
        ] {
            if let found = text.figure(after: label, unit: unit, from: 0) {
                staff[key] = StatedCount(
                    value: NSDecimalNumber(decimal: found.number.value).intValue, line: found.number.line)
            }
        }
    }

    /// `A、B、C` (or `A，B`) as names, the `（本级）` of a unit kept out.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { "、，,；".contains($0) }).map { name in
            var name = ReportText.trimmed(String(name))
            for suffix in ["（本级）", "(本级)", "本级"] where name.hasSuffix(suffix) && name.count > suffix.count {
                name = String(name.dropLast(suffix.count))
            }
            return name
        }.filter { !$0.isEmpty }
    }

    // MARK: - Numbered entries (duties, glossary)

    /// Items that start with a list number, each with the lines that continue it; the numbering of the first.
    /// The entries as the department wrote them: numbered in one of the styles the generator prints exactly as
    /// printed (`1、`, `（一）`), the numbers left out and the style given; numbered otherwise (`1. `, `(1)`), the
    /// numbers kept in the texts and no style (`无`).
    static func exactlyNumberedEntries(_ lines: [ReportLine]) -> ([String], DutyNumbering?) {
        let (items, numbering) = numberedEntries(lines)
        guard let numbering, numbering != .none else { return (items, numbering) }
        let printed = numberedEntries(lines, keepingNumbers: true).0
        let exact = printed.enumerated().allSatisfy { index, text in
            let number = DutyNumberingStyle.number(index + 1, numbering)
            return text.hasPrefix(number) && !text.dropFirst(number.count).hasPrefix(" ")
        }
        return exact ? (items, numbering) : (printed, DutyNumbering.none)
    }

    static func numberedEntries(_ lines: [ReportLine], keepingNumbers: Bool = false) -> ([String], DutyNumbering?) {
        var groups: [[ReportLine]] = []
        var numbering: DutyNumbering?
        for line in lines where !line.isBlank {
            let (_, style) = ReportText.strippingNumber(line.compact)
            if style != nil || groups.isEmpty {
                groups.append([line])
                if numbering == nil { numbering = style }
            } else {
                groups[groups.count - 1].append(line)
            }
        }
        let items = groups.map { group -> String in
            let text = NarrativeText(group)
            let display = text.display(0..<text.count, original: true)
            let (stripped, _) = keepingNumbers ? (display, nil) : ReportText.strippingNumber(display)
            return stripped.replacingOccurrences(of: "**", with: "")
        }
        return (items, numbering)
    }

    // MARK: - 第五部分 and free text as blocks

    /// Lines as content blocks: table rows (lines with cells) as tables, other lines as paragraphs, a paragraph
    /// split by the PDF joined again, short numbered lines as headings, a closing signature and date right-aligned.
    static func blocks(_ lines: [ReportLine]) -> [ContentBlock] {
        var blocks: [ContentBlock] = []
        var table: [[String]] = []
        var paragraph: [ReportLine] = []
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = NarrativeText(paragraph)
            let display = text.display(0..<text.count, original: true).replacingOccurrences(of: "**", with: "")
            let compact = paragraph.map(\.compact).joined()
            let (_, style) = ReportText.strippingNumber(compact)
            if compact == "目录" || compact == "目錄" {
                blocks.append(.center(display))
            } else if style != nil && compact.count <= 30 && !compact.hasSuffix("。") {
                blocks.append(.heading(display))
            } else {
                blocks.append(.paragraph(display))
            }
            paragraph = []
        }
        func flushTable() {
            guard !table.isEmpty else { return }
            // A table of contents with page numbers (`一、 部门概况.....⇥4`): its entries, without leaders and pages.
            let contents = table.allSatisfy { row in
                let filled = row.filter { !$0.isEmpty }
                return filled.count <= 2 && (filled.last.map { Int($0) != nil || ReportText.isDash($0) } ?? true)
            }
            if contents && table.count >= 3 {
                for row in table {
                    var entry = row.first { !$0.isEmpty && Int($0) == nil && !ReportText.isDash($0) } ?? ""
                    while let last = entry.last, ".．…·".contains(last) { entry.removeLast() }
                    entry = ReportText.trimmed(entry)
                    if !entry.isEmpty { blocks.append(.paragraph(entry)) }
                }
                table = []
                return
            }
            let width = table.map(\.count).max() ?? 0
            blocks.append(.table(ContentTable(rows: table.map { $0 + Array(repeating: "", count: width - $0.count) })))
            table = []
        }
        for line in lines {
            if line.isBlank { continue }
            if line.hasCells {
                flushParagraph()
                table.append(
                    line.cells.map {
                        NarrativeText([ReportLine(number: line.number, raw: $0)]).display(0..<Int.max, original: true)
                    })
                continue
            }
            flushTable()
            var line = line
            if line.compact.hasPrefix("-"), ReportText.strippingNumber(String(line.compact.dropFirst())).style != nil,
                let dash = line.raw.firstIndex(of: "-")
            {
                // A markdown list bullet an extraction left before a numbered line.
                line = ReportLine(number: line.number, raw: String(line.raw[line.raw.index(after: dash)...]))
            }
            let compact = line.compact
            if TableReader.isPageNumber(compact) { continue }
            if let last = paragraph.last {
                let previous = last.compact
                let (_, style) = ReportText.strippingNumber(compact)
                let ended = previous.last.map { "。！？；：”」）".contains($0) } ?? true
                // `项目单位：…` after `项目名称：…`: a line of its own.
                let labelled = compact.prefix(8).contains("：")
                let date = compact.wholeMatch(of: /[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日/) != nil
                let long = previous.count >= 20 || compact.count <= 3
                if !ended && style == nil && long && !compact.hasPrefix("-") && !labelled && !date {
                    paragraph.append(line)
                    continue
                }
            }
            flushParagraph()
            paragraph = [line]
        }
        flushParagraph()
        flushTable()
        // A closing date (and the signature before it) right-aligned.
        if case .paragraph(let last)? = blocks.last,
            last.replacingOccurrences(of: " ", with: "")
                .wholeMatch(of: /[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日/) != nil
        {
            blocks[blocks.count - 1] = .right(last)
            if blocks.count >= 2, case .paragraph(let signature) = blocks[blocks.count - 2], signature.count <= 30,
                !signature.contains("。")
            {
                blocks[blocks.count - 2] = .right(signature)
            }
        }
        return blocks
    }

    // MARK: - 九（二）（三）

    private mutating func readPerformanceTexts(_ lines: [ReportLine]) {
        let compact = lines.map(\.compact)
        guard let second = compact.firstIndex(where: { $0.hasPrefix("（二）") && $0.contains("自评情况") }) else { return }
        // (三) after (二): a (三) printed before it (lines out of order) does not end it.
        let third =
            compact[second...].firstIndex { $0.hasPrefix("（三）") && $0.contains("部门评价") } ?? lines.count
        // A table starts at its `项目名称` row (followed by its `主管部门` row), or at the title and year lines just
        // before it.
        var tableStarts: [Int] = []
        for index in second..<third where compact[index].hasPrefix("项目名称") && lines[index].hasCells {
            guard let next = (index + 1..<third).first(where: { lines[$0].hasCells }),
                compact[next].hasPrefix("主管部门")
            else { continue }
            var start = index
            var back = index - 1
            while back > second,
                lines[back].isBlank || compact[back].wholeMatch(of: /（[0-9]{4}年度）/) != nil
                    || Self.isSelfEvaluationTitle(compact[back])
            {
                if !lines[back].isBlank { start = back }
                back -= 1
            }
            tableStarts.append(start)
        }
        tableStarts = Array(Set(tableStarts)).sorted()
        var textEnd = tableStarts.first ?? third
        // The lead-in (`…项目支出绩效自评表如下：`, perhaps split over two lines) ends the text.
        let before = (second + 1..<textEnd).filter { !lines[$0].isBlank }
        for count in [2, 1] where before.count >= count {
            let candidates = Array(before.suffix(count))
            let joined = candidates.map { compact[$0] }.joined()
            let firstIsItsOwn = count == 2 && ReportText.strippingNumber(compact[candidates[0]]).style != nil
            let rows = candidates.contains { lines[$0].hasCells }
            if joined.hasSuffix("如下：") && !joined.contains("。") && joined.count <= 160 && !firstIsItsOwn && !rows {
                let text = NarrativeText(candidates.map { lines[$0] })
                tablesLeadIn = text.display(0..<text.count)
                textEnd = candidates[0]
                break
            }
        }
        selfEvaluationText = Self.blocks(Array(lines[(second + 1)..<textEnd]))
        if tableStarts.isEmpty {
            // Titles of 自评表 whose rows have no cells (laid-out text): not read, said so.
            for index in second..<third where Self.isSelfEvaluationTitle(compact[index]) {
                unread.append(
                    UnreadLine(
                        place: "第三部分 九（二）", line: lines[index].number, text: lines[index].raw,
                        reason: "项目支出绩效自评表的行和列读不出（只有 TAB 分隔或 Word 文档中的表格能读），未读取"))
            }
        }
        for (position, start) in tableStarts.enumerated() {
            let end = position + 1 < tableStarts.count ? tableStarts[position + 1] : third
            if let table = Self.selfEvaluation(Array(lines[start..<end])) {
                selfEvaluations.append(table)
            } else {
                unread.append(
                    UnreadLine(
                        place: "第三部分 九（二）", line: lines[start].number, text: lines[start].raw,
                        reason: "项目支出绩效自评表的格式无法识别，未读取"))
            }
        }
        if third < lines.count {
            var notes = Self.blocks(Array(lines[(third + 1)...]))
            if case .paragraph(let first)? = notes.first, first.contains("见第五部分附件") { notes.removeFirst() }
            departmentEvaluationNotes = notes.compactMap { block in
                if case .paragraph(let text) = block { return text }
                return nil
            }
        }
    }

    static func isSelfEvaluationTitle(_ compact: String) -> Bool {
        compact.hasSuffix("绩效自评表") && compact.count <= 16 && !compact.hasSuffix("如下：")
    }

    static let level1Names = ["成本指标", "产出指标", "效益指标", "满意度指标"]
    /// Short 一级指标 labels some reports print.
    static let level1Aliases = ["满意度": "满意度指标", "产出": "产出指标", "效益": "效益指标"]
    /// Short 二级指标 labels: the standard 二级 name and, where the short label puts the group under another 一级
    /// (成本 printed under 产出), the 一级 it belongs to.
    static let level2Aliases: [String: (String?, String)] = [
        "数量": (nil, "数量指标"), "质量": (nil, "质量指标"), "时效": (nil, "时效指标"), "成本": ("成本指标", "经济成本指标"),
        "经济效益": (nil, "经济效益指标"), "社会效益": (nil, "社会效益指标"), "生态效益": (nil, "生态效益指标"),
        "可持续影响": (nil, "可持续影响指标"), "满意度": (nil, "服务对象满意度"),
    ]

    /// An indicator's name without a printed `指标 1:` prefix.
    static func indicatorName(_ name: String) -> String {
        if let match = name.prefixMatch(of: /指标\s*[:：]?\s*[0-9]*\s*[:：]\s*/) {
            return String(name[match.range.upperBound...])
        }
        return name
    }
    static let level2Names = [
        "经济成本指标", "社会成本指标", "生态环境成本指标", "数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "服务对象满意度指标", "服务对象满意度", "满意度",
    ]

    /// One 项目支出绩效自评表 from its title line on (rows with TAB-separated cells).
    static func selfEvaluation(_ lines: [ReportLine]) -> PrintedSelfEvaluation? {
        guard let first = lines.first else { return nil }
        var table = PrintedSelfEvaluation(line: first.number)
        var rows = lines.filter { $0.hasCells }
        guard !rows.isEmpty else { return nil }
        func texts(_ line: ReportLine) -> [String] { line.cells.map { ReportText.compact($0) } }
        func display(_ cell: String) -> String {
            NarrativeText([ReportLine(number: 0, raw: cell)]).display(0..<Int.max, original: true, cell: true)
        }
        func number(_ cell: String, _ line: Int) -> PrintedNumber? {
            var text = ReportText.compact(cell)
            if text.hasSuffix("%") { text.removeLast() }
            return PrintedNumber(text, line: line)
        }
        var inIndicators = false
        var goalHeader = false
        var goalColumns: (goal: Int?, result: Int?) = (nil, nil)
        var level1 = ""
        var level2 = ""
        var fundColumns: [String] = []
        while !rows.isEmpty {
            let row = rows.removeFirst()
            let cells = row.cells
            let compact = texts(row)
            let joined = compact.joined()
            if joined.hasPrefix("项目名称") {
                table.projectName = display(cells.dropFirst().first { !$0.isEmpty } ?? "")
                continue
            }
            if joined.hasPrefix("主管部门") {
                let values = cells.enumerated().filter { !$0.element.isEmpty }
                for (position, (_, cell)) in values.enumerated() {
                    let key = ReportText.compact(cell)
                    if key == "主管部门", position + 1 < values.count {
                        table.supervisor = display(values[position + 1].element)
                    }
                    if key == "实施单位", position + 1 < values.count {
                        table.implementer = display(values[position + 1].element)
                    }
                }
                continue
            }
            if joined.contains("年初预算数") && joined.contains("执行") {
                fundColumns = compact.filter { !$0.isEmpty && !$0.hasPrefix("项目资金") }.map { cell in
                    if cell.hasPrefix("年初预算数") { return "initial" }
                    if cell.hasPrefix("全年预算数") { return "adjusted" }
                    if cell.hasPrefix("全年执行数") || cell.hasPrefix("执行数") { return "executed" }
                    if cell.hasPrefix("分值") { return "weight" }
                    if cell.hasPrefix("执行率") { return "rate" }
                    if cell.hasPrefix("得分") { return "score" }
                    return "?"
                }
                continue
            }
            if let labelIndex = compact.firstIndex(where: {
                ["年度资金总额", "政府预算资金", "财政拨款", "其中：财政拨款", "其他资金"].contains($0)
            }) {
                let label = compact[labelIndex]
                var funds = PrintedSelfEvaluation.Funds(label: label, line: row.number)
                let values = cells[(labelIndex + 1)...].filter { !$0.isEmpty }
                let columns =
                    fundColumns.isEmpty ? ["initial", "adjusted", "executed", "weight", "rate", "score"] : fundColumns
                for (column, cell) in zip(columns, values) {
                    let value = number(cell, row.number)
                    switch column {
                    case "initial": funds.initialBudget = value
                    case "adjusted": funds.adjustedBudget = value
                    case "executed": funds.executed = value
                    case "weight": funds.weight = value
                    case "rate": funds.rate = value
                    case "score": funds.score = value
                    default: break
                    }
                }
                switch label {
                case "年度资金总额": table.total = funds
                case "其他资金": table.other = funds
                default: table.fiscal = funds
                }
                continue
            }
            if joined.hasPrefix("偏差原因及整改措施") {
                table.fundsDeviation = display(cells.dropFirst().first { !$0.isEmpty } ?? "")
                continue
            }
            if joined.hasPrefix("年度总体目标") {
                goalHeader = true
                goalColumns = (
                    compact.firstIndex { $0.hasPrefix("预期目标") },
                    compact.firstIndex { $0.contains("实际完成情况") || $0.contains("完成实际情况") }
                )
                let values = cells.dropFirst().filter { !$0.isEmpty }.map(display)
                if values.count >= 2, !values[0].hasPrefix("预期目标") {
                    table.goal = values[0]
                    table.result = values[1]
                    goalHeader = false
                }
                continue
            }
            if goalHeader {
                // The goal and the result under their headings (either may be empty); else in order.
                if let goal = goalColumns.goal, let result = goalColumns.result, goal <= result, result < cells.count {
                    let expected = cells[goal..<result].first { !$0.isEmpty }.map(display)
                    let actual = cells[result...].first { !$0.isEmpty }.map(display)
                    table.goal = expected
                    table.result = actual
                } else {
                    let values = cells.filter { !$0.isEmpty }.map(display)
                    table.goal = values.first
                    table.result = values.count > 1 ? values[1] : nil
                }
                goalHeader = false
                continue
            }
            if joined.contains("一级指标") && joined.contains("三级指标") {
                inIndicators = true
                continue
            }
            if ["总分", "合计", "总计"].contains(where: { joined.hasPrefix($0) }) {
                var numbers = cells.compactMap { number($0, row.number) }
                // The figures of the total row may stand on the next line.
                if numbers.isEmpty, let next = rows.first,
                    texts(next).allSatisfy({ $0.isEmpty || PrintedNumber($0, line: 0) != nil })
                {
                    numbers = next.cells.compactMap { number($0, next.number) }
                    rows.removeFirst()
                }
                if numbers.count >= 2 {
                    table.weightTotal = numbers[numbers.count - 2]
                    table.scoreTotal = numbers[numbers.count - 1]
                } else if numbers.count == 1 {
                    table.scoreTotal = numbers[0]
                }
                table.totalLine = row.number
                inIndicators = false
                continue
            }
            guard inIndicators else { continue }
            // An indicator row: [一级][二级] 三级 年度指标值 实际完成值 分值 得分 偏差原因.
            var position = 0
            var sawLevel1 = false
            var sawLevel2 = false
            while position < compact.count {
                let cell = compact[position]
                if cell.isEmpty || cell == "绩效指标" || cell == "绩效目标" {
                    position += 1
                } else if !sawLevel1, !sawLevel2,
                    let name = level1Aliases[cell] ?? (level1Names.contains(cell) ? cell : nil)
                {
                    level1 = name
                    level2 = ""
                    sawLevel1 = true
                    position += 1
                } else if !sawLevel2,
                    let (first, second) = level2Aliases[cell] ?? (level2Names.contains(cell) ? (nil, cell) : nil)
                {
                    if let first { level1 = first }
                    level2 = second
                    sawLevel2 = true
                    position += 1
                } else {
                    break
                }
            }
            let rest = Array(cells[min(position, cells.count)...])
            guard !rest.allSatisfy({ $0.isEmpty || ReportText.isDash($0) }) else { continue }
            let weight = rest.count > 3 ? number(rest[3], row.number) : nil
            let score = rest.count > 4 ? number(rest[4], row.number) : nil
            if weight == nil && score == nil, var last = table.indicators.last {
                // A row split by a page break: its texts continue the previous row's.
                func append(_ value: String, _ to: inout String) { to += display(value) }
                if rest.count > 0 {
                    append(rest[0], &last.name)
                    last.name = indicatorName(last.name)
                }
                if rest.count > 1 { append(rest[1], &last.target) }
                if rest.count > 2 { append(rest[2], &last.actual) }
                table.indicators[table.indicators.count - 1] = last
                continue
            }
            table.indicators.append(
                PrintedSelfEvaluation.Indicator(
                    level1: level1, level2: level2, name: indicatorName(display(rest[0])),
                    target: rest.count > 1 ? display(rest[1]) : "",
                    actual: rest.count > 2 ? display(rest[2]) : "", weight: weight, score: score,
                    deviation: rest.count > 5 ? display(rest[5]) : "", line: row.number))
        }
        guard !table.projectName.isEmpty || !table.indicators.isEmpty else { return nil }
        return table
    }
}
