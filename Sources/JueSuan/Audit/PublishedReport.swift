// A published 部门决算 report as read from its file: the department and year, the ten tables with every printed
// figure, the clauses of 第三部分, the texts of 第一、四、五部分 and 九（二）（三）, and what could not be read.

/// Everything read from one report.
public struct PublishedReport: Sendable {
    public let file: ReportFile
    /// 部门 as the title or the tables' `部门：` line names it.
    public var department: String
    /// 决算年度.
    public var year: Int?
    /// What the title calls the report: `部门决算`, or `单位决算` (a unit's report, as 四川 publishes them).
    public var kind = "部门决算"
    /// The tables found, by table.
    public var tables: [PublicTable: ReportTable]
    /// The clauses of 第三部分 一…九（一）, by key (`s1.income`); §三 items under `s3.item` in order.
    public var clauses: [NarrativeClause]
    /// The texts of 第一、四、五部分 and 九（二）（三）.
    public var texts: ReportTexts
    /// Parts, sections and tables that were expected and not found, sentences not recognised, lines not placed.
    public var unread: [UnreadLine]
    /// The report's own names of its parts and tables, for the places of findings.
    public var names = ReportNames()

    /// The clause with `key` (the first one).
    public func clause(_ key: String) -> NarrativeClause? {
        clauses.first { $0.key == key }
    }

    public func table(_ table: PublicTable) -> ReportTable? { tables[table] }

    /// `第 12 行` / `第 12 段`.
    public func lineText(_ line: Int) -> String { file.lineText(line) }

    /// Reads the report in `file`.
    public init(_ file: ReportFile) {
        self.file = file
        let lines = file.lines
        let outline = ReportOutline(lines)
        var unread: [UnreadLine] = []

        let titleText = outline.title.map { lines[$0].compact } ?? ""
        var year: Int?
        if let match = titleText.firstMatch(of: /([0-9]{4})年度?/) { year = Int(match.1) }
        var department = ""
        if let match = titleText.firstMatch(of: /^(.+?)[0-9]{4}年度?/) { department = String(match.1) }
        if titleText.contains("单位决算") { kind = "单位决算" }
        if let tablesRange = outline.parts[.tables] {
            for index in tablesRange {
                let compact = lines[index].compact
                if compact.hasPrefix("部门：") {
                    department = String(compact.dropFirst(3))
                    break
                }
            }
            if year == nil, let heading = outline.partHeadings[.tables],
                let match = lines[heading].compact.firstMatch(of: /([0-9]{4})年度/)
            {
                year = Int(match.1)
            }
        }
        self.department = department
        self.year = year

        for (part, number) in outline.partNumbers where number != part.rawValue {
            names.parts[part.heading] = ReportPart.heading(number)
        }
        for (table, range) in outline.tables {
            if let label = range.prefix(8).lazy.map({ lines[$0].compact }).first(where: ReportNames.isTableLabel),
                label != table.label
            {
                names.tables[table.label] = label
            }
        }

        for part in ReportPart.allCases where outline.parts[part] == nil {
            unread.append(
                UnreadLine(place: part.heading, line: 0, text: "", reason: "找不到“\(part.heading)”的标题，这一部分未读取"))
        }

        var tables: [PublicTable: ReportTable] = [:]
        let reader = TableReader(lines: lines)
        for table in PublicTable.allCases {
            guard let range = outline.tables[table] else {
                if outline.parts[.tables] != nil {
                    unread.append(
                        UnreadLine(
                            place: table.label, line: 0, text: "", reason: "找不到\(table.label)（\(table.title)），这张表未读取"))
                }
                continue
            }
            tables[table] = reader.read(table, range, unread: &unread)
        }
        Self.assignUncodedRows(&tables)
        for table in PublicTable.allCases { unread += tables[table]?.unread ?? [] }
        self.tables = tables

        var clauses: [NarrativeClause] = []
        for section in NarrativeSection.allCases {
            guard let range = outline.sections[section] else {
                if outline.parts[.notes] != nil {
                    unread.append(
                        UnreadLine(
                            place: section.place, line: 0, text: "",
                            reason: "找不到“\(section.numeral)、\(section.title)”，这一节未读取"))
                }
                continue
            }
            let narrative = NarrativeReader.read(Array(lines[range]), section: section)
            clauses += narrative.clauses
            unread += narrative.missing.map {
                UnreadLine(place: section.place, line: lines[range].first?.number ?? 0, text: "", reason: $0)
            }
        }
        self.clauses = clauses
        texts = ReportTexts(lines: lines, outline: outline)
        unread += texts.unread
        self.unread = unread
    }

    /// Rows a subject table prints without a code (S2's table 03): the code of the row with the same name (or a
    /// name the printed one is the start of, a name cut by the cell width) in the other subject tables.
    static func assignUncodedRows(_ tables: inout [PublicTable: ReportTable]) {
        var names: [String: String] = [:]
        for table in PublicTable.allCases where SubjectTableColumns.isSubjectTable(table) {
            for (code, label) in tables[table]?.labels ?? [:] where code.count == 7 && !label.isEmpty {
                if names[label] == nil || label.count > (names.first { $0.value == code }?.key.count ?? 0) {
                    names[label] = code
                }
            }
        }
        for table in PublicTable.allCases {
            guard var printed = tables[table], !printed.uncoded.isEmpty else { continue }
            for row in printed.uncoded {
                let candidates = Set(names.filter { $0.key == row.name || $0.key.hasPrefix(row.name) }.values)
                guard candidates.count == 1, let code = candidates.first, printed.rowLines[code] == nil else {
                    printed.unread.append(
                        UnreadLine(
                            place: table.label, line: row.line, text: row.name,
                            reason: candidates.isEmpty
                                ? "这一行没有科目编码，其他表中也没有同名的科目" : "这一行没有科目编码，按名称对应的科目不唯一"))
                    continue
                }
                printed.addRow(code, label: row.name, line: row.line)
                for (column, number) in row.figures { printed.set(code, column, number) }
            }
            printed.uncoded = []
            tables[table] = printed
        }
    }
}
