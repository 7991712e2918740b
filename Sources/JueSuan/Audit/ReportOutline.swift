// Where the parts, sections and tables of a published report are: found by their heading text, so that the table
// of contents (which lists the same headings) and a table's page headers are passed over.

/// The five parts of a 部门决算 report.
public enum ReportPart: Int, CaseIterable, Sendable, Codable {
    case overview = 1
    case tables, notes, glossary, annex

    /// `第一部分` …: where the standard format prints the part.
    public var heading: String { Self.heading(rawValue) }

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// `第N部分` in Chinese numerals.
    static func heading(_ number: Int) -> String { "第" + numerals[number - 1] + "部分" }

    /// The part a heading `第N部分 …` introduces, by the words of its title (名词解释, 附件, 概况, 说明, 表), or by its
    /// number where the title says none of them.
    init?(title compact: String, number: Int) {
        let title = compact.dropFirst(Self.heading(number).count)
        if title.contains("名词解释") {
            self = .glossary
        } else if title.contains("附件") {
            self = .annex
        } else if title.contains("概况") {
            self = .overview
        } else if title.contains("说明") {
            self = .notes
        } else if title.contains("表") {
            self = .tables
        } else if let part = ReportPart(rawValue: number) {
            self = part
        } else {
            return nil
        }
    }
}

/// The ten 公开 tables.
public enum PublicTable: Int, CaseIterable, Sendable, Codable, Comparable {
    case t01 = 1
    case t02, t03, t04, t05, t06, t07, t08, t09, t10

    /// `公开01表`.
    public var label: String { String(format: "公开%02d表", rawValue) }

    /// The titles a report may give the table (the standard one first).
    var titles: [String] {
        switch self {
        case .t01: return ["收入支出决算总表", "收入支出决算表"]
        case .t02: return ["收入决算表"]
        case .t03: return ["支出决算表"]
        case .t04: return ["财政拨款收入支出决算总表", "财政拨款收入支出决算表"]
        case .t05: return ["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款收入支出决算表"]
        case .t06: return ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"]
        case .t07: return ["政府性基金预算财政拨款收入支出决算表"]
        case .t08: return ["国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"]
        case .t09: return ["财政拨款“三公”经费支出决算表", "财政拨款\"三公\"经费支出决算表"]
        case .t10: return ["国有资产占用情况表"]
        }
    }

    public var title: String { titles[0] }

    public static func < (lhs: PublicTable, rhs: PublicTable) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The sections of 第三部分, in the standard order.
public enum NarrativeSection: Int, CaseIterable, Sendable, Codable {
    case income = 1
    case expenditure, fiscal, basic, threePublic, operatingCosts, procurement, assets, performance

    /// `一`…`九`.
    public var numeral: String { ["一", "二", "三", "四", "五", "六", "七", "八", "九"][rawValue - 1] }

    public var title: String {
        switch self {
        case .income: return "收入决算情况说明"
        case .expenditure: return "支出决算情况说明"
        case .fiscal: return "财政拨款支出决算情况说明"
        case .basic: return "一般公共预算财政拨款基本支出决算情况说明"
        case .threePublic: return "财政拨款“三公”经费支出决算情况说明"
        case .operatingCosts: return "机关运行经费支出情况说明"
        case .procurement: return "政府采购支出情况说明"
        case .assets: return "国有资产占用情况说明"
        case .performance: return "预算绩效情况说明"
        }
    }

    /// `第三部分 一`.
    public var place: String { "第三部分 \(numeral)" }
}

/// Line indices (into `ReportFile.lines`) of the report's parts, sections and tables.
struct ReportOutline {
    /// The first non-blank line: the report's title.
    var title: Int?
    /// Each part's heading line.
    var partHeadings: [ReportPart: Int] = [:]
    /// The number each part is printed with (四川's 情况说明 is 第二部分).
    var partNumbers: [ReportPart: Int] = [:]
    /// Each part's lines after its heading, up to the next part's heading.
    var parts: [ReportPart: Range<Int>] = [:]
    /// 第一部分: `duties` (一、部门主要职责) and `organisation` (二、机构设置及人员情况), after their headings.
    var overviewSections: [String: Range<Int>] = [:]
    /// 第二部分: each table's lines, from its title (or 公开NN表 label) to the next table.
    var tables: [PublicTable: Range<Int>] = [:]
    /// 第三部分: each section's lines after its heading.
    var sections: [NarrativeSection: Range<Int>] = [:]
    /// 第四部分: `income`, `expenditure`, `terms` after their headings.
    var glossarySections: [String: Range<Int>] = [:]

    init(_ lines: [ReportLine]) {
        let compact = lines.map(\.compact)
        title = compact.firstIndex { !$0.isEmpty }
        // Part headings (第一部分 … 第九部分): the last occurrence of each before the next part's (the table of
        // contents lists them too). What a part holds is told by its title, so that a format that orders its parts
        // otherwise (四川: 第二部分 决算情况说明, 第五部分 附表) is read as well; the first part with a role has it.
        var limit = lines.count
        var headings: [(number: Int, index: Int)] = []
        for number in (1...ReportPart.numerals.count).reversed() {
            guard let heading = (0..<limit).last(where: { Self.isPartHeading(compact[$0], number: number) }) else {
                continue
            }
            headings.insert((number, heading), at: 0)
            limit = heading
        }
        for (position, heading) in headings.enumerated() {
            guard let part = ReportPart(title: compact[heading.index], number: heading.number),
                partHeadings[part] == nil
            else { continue }
            partHeadings[part] = heading.index
            partNumbers[part] = heading.number
            let end = position + 1 < headings.count ? headings[position + 1].index : lines.count
            parts[part] = (heading.index + 1)..<end
        }
        if let range = parts[.overview] {
            overviewSections = Self.sections(
                in: range, compact,
                titles: [
                    ("duties", ["部门主要职责", "主要职责", "部门职责", "主要职能"]),
                    ("organisation", ["机构设置及人员情况", "机构设置", "部门机构设置及人员情况", "人员情况"]),
                ])
        }
        if let range = parts[.notes] {
            let found = Self.sections(
                in: range, compact, titles: NarrativeSection.allCases.map { (String($0.rawValue), [$0.title]) })
            for (key, lines) in found {
                if let number = Int(key), let section = NarrativeSection(rawValue: number) { sections[section] = lines }
            }
        }
        if let range = parts[.glossary] {
            glossarySections = Self.sections(
                in: range, compact,
                titles: [("income", ["收入科目"]), ("expenditure", ["支出科目"]), ("terms", ["相关专业名词", "专业名词"])])
        }
        if let range = parts[.tables] { tables = Self.tables(in: range, compact) }
    }

    /// `第一部分 …`: a short line starting with the part's heading (not an item of the table of contents).
    static func isPartHeading(_ compact: String, number: Int) -> Bool {
        compact.hasPrefix(ReportPart.heading(number)) && compact.count <= 40 && !compact.contains("见第")
    }

    /// Sections whose heading is a numbered title (`二、机构设置及人员情况`), each from after its heading to the next
    /// heading found.
    static func sections(in range: Range<Int>, _ compact: [String], titles: [(String, [String])]) -> [String: Range<
        Int
    >] {
        var headings: [(key: String, index: Int, lines: Int)] = []
        var seen = Set<String>()
        func key(_ text: String) -> String? {
            let title = text.hasSuffix("。") ? String(text.dropLast()) : text
            return titles.first { $0.1.contains(title) }?.0
        }
        for index in range {
            let (text, style) = ReportText.strippingNumber(compact[index])
            guard style != nil || titles.contains(where: { $0.1.contains(text) }) else { continue }
            if let found = key(text), !seen.contains(found) {
                headings.append((found, index, 1))
                seen.insert(found)
            } else if style != nil, let next = (index + 1..<range.upperBound).first(where: { !compact[$0].isEmpty }),
                next - index <= 2, let found = key(text + compact[next]), !seen.contains(found)
            {
                // A heading the PDF split over two lines.
                headings.append((found, index, next - index + 1))
                seen.insert(found)
            }
        }
        var result: [String: Range<Int>] = [:]
        for (position, heading) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1].index : range.upperBound
            result[heading.key] = min(heading.index + heading.lines, end)..<end
        }
        return result
    }

    /// Each table from its title or `公开NN表` label, whichever comes first, to the next table's.
    static func tables(in range: Range<Int>, _ compact: [String]) -> [PublicTable: Range<Int>] {
        var starts: [(PublicTable, Int)] = []
        for table in PublicTable.allCases {
            let title = range.first { index in table.titles.contains(compact[index]) }
            let label = range.first { index in compact[index] == table.label }
            let candidates = [title, label].compactMap { $0 }
            guard var start = candidates.min() else { continue }
            // A label printed a few lines after the title (or the title after the label) belongs to it.
            if let title, let label, abs(title - label) > 8 { start = title }
            starts.append((table, start))
        }
        starts.sort { $0.1 < $1.1 }
        var result: [PublicTable: Range<Int>] = [:]
        for (index, (table, start)) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].1 : range.upperBound
            result[table] = start..<end
        }
        return result
    }
}
