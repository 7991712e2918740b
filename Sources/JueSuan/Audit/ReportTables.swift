import Foundation

// The ten 公开 tables as a published report prints them: every printed figure with its cell and line. Rows are
// found by what identifies them (科目编码, 经济分类科目编码, 行次 with its label), columns by the header text and the
// row of column numbers (栏次), so that shifted and empty cells of a PDF extraction, page headers repeated inside a
// table and the 公开NN表 label printed out of place are read as the table means them. A line that holds figures but
// cannot be placed is kept as unread, never guessed.

/// A cell of a 公开 table: the table, the row (科目编码, economic code, 行次; "" for the 合计 row of a subject table)
/// and the column.
public struct TableCell: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var table: PublicTable
    public var row: String
    public var column: String

    public init(_ table: PublicTable, _ row: String, _ column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    public static func < (lhs: TableCell, rhs: TableCell) -> Bool {
        (lhs.table.rawValue, lhs.row, lhs.column) < (rhs.table.rawValue, rhs.row, rhs.column)
    }

    public var description: String { "\(table.label) \(row.isEmpty ? "合计" : row) \(column)" }
}

/// A line of the report that holds figures the reader could not place.
public struct UnreadLine: Sendable, Equatable, Codable {
    /// Where: `公开05表`, `第三部分 五` …
    public var place: String
    public var line: Int
    /// The line's text as printed.
    public var text: String
    /// Why it was not read.
    public var reason: String
}

/// The columns of the subject tables (02, 03, 05, 07, 08), each with the header texts that name it.
enum SubjectTableColumns {
    static func columns(_ table: PublicTable) -> [(key: String, names: [String])] {
        switch table {
        case .t02:
            return [
                ("total", ["本年收入合计"]), ("fiscal", ["财政拨款收入"]), ("superior", ["上级补助收入"]),
                ("business", ["事业收入"]), ("operating", ["经营收入"]), ("affiliated", ["附属单位上缴收入"]),
                ("other", ["其他收入"]),
            ]
        case .t03:
            return [
                ("total", ["本年支出合计"]), ("basic", ["基本支出"]), ("project", ["项目支出"]),
                ("toSuperior", ["上缴上级支出"]), ("operating", ["经营支出"]), ("toAffiliated", ["对附属单位补助支出"]),
            ]
        case .t05, .t08:
            return [("total", ["本年支出合计", "合计"]), ("basic", ["基本支出"]), ("project", ["项目支出"])]
        case .t07:
            return [
                ("carryIn", ["年初结转和结余"]), ("income", ["本年收入"]), ("total", ["小计"]), ("basic", ["基本支出"]),
                ("project", ["项目支出"]), ("carryOut", ["年末结转和结余"]),
            ]
        default:
            return []
        }
    }

    static func isSubjectTable(_ table: PublicTable) -> Bool { !columns(table).isEmpty }
}

/// One table as printed.
public struct ReportTable: Sendable {
    public let table: PublicTable
    /// The line of the title (or label).
    public var line: Int
    /// The amount unit the table states (`万元`, `元`); nil when it states none.
    public var unit: String?
    /// Every printed figure (a blank cell is not here; `---` neither).
    public var figures: [TableCell: PrintedNumber] = [:]
    /// Row keys in the order printed.
    public var rows: [String] = []
    /// The label (科目名称, row label) of each row.
    public var labels: [String: String] = [:]
    /// The line each row is printed on.
    public var rowLines: [String: Int] = [:]
    /// Lines with figures that could not be placed.
    public var unread: [UnreadLine] = []
    /// Rows of a subject table printed without a 科目编码 (their code is looked up by name in the other tables).
    var uncoded: [UncodedRow] = []

    /// A subject-table row without a code: its name, figures by column and line.
    struct UncodedRow: Sendable {
        var name: String
        var figures: [String: PrintedNumber]
        var line: Int
    }

    /// The figure in `row`, `column` (nil for a blank cell).
    public subscript(_ row: String, _ column: String) -> PrintedNumber? {
        figures[TableCell(table, row, column)]
    }

    /// The amount in `row`, `column`; a blank cell is 0.
    func amount(_ row: String, _ column: String) -> Amount {
        self[row, column]?.amount ?? .zero
    }

    mutating func set(_ row: String, _ column: String, _ number: PrintedNumber) {
        figures[TableCell(table, row, column)] = number
    }

    mutating func addRow(_ key: String, label: String, line: Int) {
        if rowLines[key] == nil { rows.append(key) }
        rowLines[key] = line
        if !label.isEmpty || labels[key] == nil { labels[key] = label }
    }
}

/// The columns of a table laid out with spaces, from its row of column numbers (栏次 1 2 3 …): a figure belongs
/// to the column whose number starts at or before its middle (less a margin: the numbers stand a little left of
/// right-aligned figures).
struct LaidOutColumns {
    /// The display column each column number starts at.
    let starts: [Int]

    init?(_ starts: [Int]) {
        guard !starts.isEmpty else { return nil }
        self.starts = starts
    }

    func index(column: Int, width: Int) -> Int {
        let middle = column + width / 2
        return starts.lastIndex { $0 - 3 <= middle } ?? 0
    }
}

/// Reads the tables of 第二部分.
struct TableReader {
    let lines: [ReportLine]

    /// Whether the table's cells were extracted one to a line (a plain `pdftotext` of a table): rows and columns
    /// cannot be told apart then.
    func isOneCellPerLine(_ body: [ReportLine]) -> Bool {
        guard !body.contains(where: \.hasCells) else { return false }
        let single = body.filter { $0.words.count == 1 }
        return single.count >= 8 && single.count * 10 >= body.count * 6
    }

    /// The table, or nil when its cells cannot be placed (listed in `unread`).
    func read(_ table: PublicTable, _ range: Range<Int>, unread: inout [UnreadLine]) -> ReportTable? {
        var probe = ReportTable(table: table, line: lines[range.lowerBound].number)
        if isOneCellPerLine(bodyLines(range, into: &probe)) {
            unread.append(
                UnreadLine(
                    place: table.label, line: probe.line, text: "",
                    reason: "表格被提取成一格一行（如不加 -layout 的 pdftotext），看不出行和列，这张表未读取：请用 pdftotext -layout 或 Word 文档"))
            return nil
        }
        if [.t01, .t04, .t09, .t10].contains(table), let first = Self.unlabelledLayout(bodyLines(range, into: &probe)) {
            unread.append(
                UnreadLine(
                    place: table.label, line: first.number, text: first.raw,
                    reason: "这张表没有“项目、行次”排成的行（如横排的“三公”经费表），不是能读的格式，未读取"))
            return nil
        }
        return read(table, range)
    }

    /// The first line with figures of a table of fixed rows (01, 04, 09, 10) in which no row has a label followed
    /// by its 行次 — a layout other than the standard one, such as a 三公 table laid out across the page, whose
    /// column-number row would otherwise be read as 行次 1; nil when the table has labelled rows.
    static func unlabelledLayout(_ body: [ReportLine]) -> ReportLine? {
        var firstWithFigures: ReportLine?
        for line in body {
            let items = items(line)
            if zip(items, items.dropFirst()).contains(where: { $0.kind == .text && $1.kind == .rowNumber }) {
                return nil
            }
            if firstWithFigures == nil && holdsFigures(line) { firstWithFigures = line }
        }
        return firstWithFigures
    }

    func read(_ table: PublicTable, _ range: Range<Int>) -> ReportTable {
        var printed = ReportTable(table: table, line: lines[range.lowerBound].number)
        let body = bodyLines(range, into: &printed)
        switch table {
        case .t01, .t04: readTotalsTable(body, into: &printed)
        case .t02, .t03, .t05, .t07, .t08: readSubjectTable(body, into: &printed)
        case .t06: readEconomicTable(body, into: &printed)
        case .t09, .t10: readFixedRows(body, into: &printed)
        }
        return printed
    }

    /// The lines of the table that are neither metadata (公开NN表, 部门：, 年度, unit), notes, page numbers nor blank.
    private func bodyLines(_ range: Range<Int>, into printed: inout ReportTable) -> [ReportLine] {
        var body: [ReportLine] = []
        var inNotes = false
        for index in range {
            let line = lines[index]
            let compact = line.compact
            if compact.isEmpty { continue }
            if printed.table.titles.contains(compact) || compact == printed.table.label { continue }
            if compact.hasPrefix("注：") || compact.hasPrefix("注:") {
                inNotes = true
                continue
            }
            if inNotes {
                // Numbered note lines follow `注：1.`; a line that holds a code or 行次 ends the notes (a page break).
                if compact.first?.isASCIIDigit == true, compact.count > 12, !line.hasCells { continue }
                inNotes = false
            }
            if compact.hasPrefix("部门：") || compact.hasPrefix("单位名称：") || compact.hasPrefix("编制单位：") { continue }
            if let unit = Self.unitStated(compact) {
                printed.unit = printed.unit ?? unit
                if compact.count <= 12 || compact.hasPrefix("金额单位") { continue }
            }
            if compact.wholeMatch(of: /[0-9]{4}年度?/) != nil || Self.isPageNumber(compact) { continue }
            body.append(line)
        }
        return body
    }

    /// `金额单位：万元` → `万元`.
    static func unitStated(_ compact: String) -> String? {
        guard let range = compact.range(of: "单位：") else { return nil }
        let rest = compact[range.upperBound...]
        if rest.hasPrefix("万元") { return "万元" }
        if rest.hasPrefix("元") { return "元" }
        if rest.hasPrefix("台") || rest.hasPrefix("辆") { return "台、辆、套" }
        return nil
    }

    /// `—5—`, `- 12 -`, `第 3 页`, `3/20`, a lone number at a page foot.
    static func isPageNumber(_ compact: String) -> Bool {
        guard !compact.isEmpty, compact.count <= 16 else { return false }
        let dashes: Set<Character> = ["—", "-", "–", "－"]
        // `—5—`, `- 12 -`.
        let inner = compact.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }
        if inner.count < compact.count, !inner.isEmpty, inner.count <= 4, inner.allSatisfy(\.isASCIIDigit) {
            return true
        }
        // `第 3 页`, `第3页共20页`.
        if compact.hasPrefix("第"), compact.hasSuffix("页") {
            let digits = compact.filter { !"第页共".contains($0) }
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        }
        // `3/20`.
        let parts = compact.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }
    }

    // MARK: - Subject tables (02, 03, 05, 07, 08)

    /// Where the figures of a subject table's rows are.
    enum ColumnPlaces {
        /// TAB-separated cells: the cell index of each column.
        case cells([Int])
        /// Text laid out with spaces: where each column's number starts in the 栏次 row.
        case positions(LaidOutColumns)
        /// Neither known: the figures of a row in order.
        case order
    }

    private func readSubjectTable(_ body: [ReportLine], into printed: inout ReportTable) {
        let columns = SubjectTableColumns.columns(printed.table)
        var places = ColumnPlaces.order
        var order = columns.map(\.key)
        var headerLines: [ReportLine] = []
        var sawData = false
        var uncoded: [(name: String, figures: [Int: PrintedNumber], line: Int)] = []
        for line in body {
            let compact = line.compact
            let numbering = Self.columnNumbers(line, count: columns.count)
            if let numbering {
                places = numbering
                continue
            }
            if Self.isHeader(compact, columns) && !Self.looksLikeSubjectRow(line) {
                if line.hasCells {
                    headerLines.append(line)
                    if let found = Self.headerOrder(headerLines, columns) { order = found.map(\.key) }
                    if case .order = places, let index = Self.firstColumnCell(line, columns) {
                        places = .cells(Array(index..<(index + columns.count)))
                    }
                }
                continue
            }
            guard let row = Self.subjectRow(line, columnCount: columns.count, places: places) else {
                if Self.holdsFigures(line) {
                    printed.unread.append(
                        UnreadLine(
                            place: printed.table.label, line: line.number, text: line.raw, reason: "有数字的行，但看不出是哪个科目的哪一栏"
                        ))
                }
                continue
            }
            let key: String
            if let code = row.code {
                key = code
            } else if row.name.contains("合计") || (!sawData && row.name.isEmpty) {
                key = ""
            } else if !row.name.isEmpty {
                uncoded.append((row.name, row.figures, line.number))
                continue
            } else {
                printed.unread.append(
                    UnreadLine(place: printed.table.label, line: line.number, text: line.raw, reason: "这一行没有科目编码和名称"))
                continue
            }
            sawData = true
            if printed.rowLines[key] != nil {
                let same = row.figures.allSatisfy { printed[key, order[safe: $0.key] ?? ""]?.value == $0.value.value }
                if !same {
                    printed.unread.append(
                        UnreadLine(
                            place: printed.table.label, line: line.number, text: line.raw,
                            reason:
                                "科目 \(key.isEmpty ? "合计" : key) 已在第 \(printed.rowLines[key]!) 行出现，这一行的金额与它不同（表内重复行），未读取"
                        ))
                }
                continue
            }
            printed.addRow(key, label: row.name, line: line.number)
            for (column, number) in row.figures where column < order.count {
                printed.set(key, order[column], number)
            }
        }
        printed.uncoded = uncoded.map { row in
            var figures: [String: PrintedNumber] = [:]
            for (column, number) in row.figures where column < order.count { figures[order[column]] = number }
            return ReportTable.UncodedRow(name: row.name, figures: figures, line: row.line)
        }
    }

    /// A data row of a subject table: its code (nil when it prints none), name and figures by column index.
    struct SubjectRow {
        var code: String?
        var name: String
        var figures: [Int: PrintedNumber]
    }

    static func isCode(_ text: String) -> Bool {
        (text.count == 3 || text.count == 5 || text.count == 7) && text.allSatisfy(\.isASCIIDigit)
    }

    /// Whether a line starts with a 科目编码 followed by text (a data row, even where it repeats header words).
    static func looksLikeSubjectRow(_ line: ReportLine) -> Bool {
        guard let first = line.words.first?.text else { return false }
        return isCode(first)
    }

    static func subjectRow(_ line: ReportLine, columnCount: Int, places: ColumnPlaces) -> SubjectRow? {
        if line.hasCells {
            let cells = line.cells
            var code: String?
            var name = ""
            var lastText = -1
            for (index, cell) in cells.enumerated() where !cell.isEmpty {
                let word = cell.replacingOccurrences(of: " ", with: "")
                if code == nil && name.isEmpty && isCode(word) {
                    code = word
                    lastText = index
                } else if !ReportText.isFigureCell(cell) {
                    name += ReportText.compact(cell)
                    lastText = index
                }
            }
            var figures: [Int: PrintedNumber] = [:]
            var indices: [Int]
            if case .cells(let known) = places, let first = known.first, lastText < first {
                indices = known
            } else {
                // Without a 栏次 row (or a row shifted past it): the figures are the cells after the name.
                indices = Array(((lastText + 1)..<max(lastText + 1, cells.count)).prefix(columnCount))
            }
            for (column, index) in indices.enumerated() where index < cells.count {
                let cell = cells[index].replacingOccurrences(of: " ", with: "")
                if let number = PrintedNumber(cell, line: line.number) { figures[column] = number }
            }
            guard !figures.isEmpty || code != nil || !name.isEmpty else { return nil }
            guard code != nil || !figures.isEmpty else { return nil }
            return SubjectRow(code: code, name: name, figures: figures)
        }
        // Text laid out with spaces.
        let words = line.words
        var code: String?
        var name = ""
        var numbers: [(number: PrintedNumber, column: Int, width: Int)] = []
        for (index, word) in words.enumerated() {
            if index == 0 && isCode(word.text) {
                code = word.text
            } else if let number = PrintedNumber(word.text, line: line.number),
                word.text.contains(".") || !name.isEmpty
                    || code != nil
            {
                numbers.append((number, word.column, word.width))
            } else if numbers.isEmpty {
                name += word.text
            } else {
                return nil
            }
        }
        guard code != nil || !numbers.isEmpty else { return nil }
        var figures: [Int: PrintedNumber] = [:]
        switch places {
        case .positions(let columns):
            for (number, column, width) in numbers {
                let index = columns.index(column: column, width: width)
                if figures[index] == nil { figures[index] = number }
            }
        default:
            for (column, (number, _, _)) in numbers.enumerated() where column < columnCount { figures[column] = number }
        }
        return SubjectRow(code: code, name: name, figures: figures)
    }

    /// The 栏次 row (`类 款 项 栏次 1 2 3 …`): the places of the column numbers 1…n.
    static func columnNumbers(_ line: ReportLine, count: Int) -> ColumnPlaces? {
        if line.hasCells {
            let cells = line.cells
            guard let one = cells.firstIndex(of: "1") else { return nil }
            var indices: [Int] = []
            for k in 1...count {
                guard let index = cells.indices.first(where: { $0 >= one && cells[$0] == String(k) }) else { break }
                indices.append(index)
            }
            guard indices.count >= min(count, 3), indices == Array(one..<(one + indices.count)) else { return nil }
            let others = cells.enumerated().filter { !indices.contains($0.offset) && !$0.element.isEmpty }
            guard others.allSatisfy({ !ReportText.isFigureCell($0.element) }) else { return nil }
            return .cells(Array(one..<(one + count)))
        }
        let words = line.words
        guard let one = words.firstIndex(where: { $0.text == "1" }) else { return nil }
        let numbers = words[one...].prefix(count)
        guard numbers.count >= min(count, 3),
            numbers.enumerated().allSatisfy({ $0.element.text == String($0.offset + 1) }),
            words[..<one].allSatisfy({ PrintedNumber($0.text, line: 0) == nil })
        else { return nil }
        var positions = numbers.map(\.column)
        if positions.count < count, let last = positions.last, positions.count >= 2 {
            let step = (last - positions[0]) / (positions.count - 1)
            while positions.count < count { positions.append(positions.last! + step) }
        }
        return LaidOutColumns(positions).map { .positions($0) }
    }

    /// Whether a line is part of the header: it names columns or holds the 类/款/项 labels.
    static func isHeader(_ compact: String, _ columns: [(key: String, names: [String])]) -> Bool {
        if compact.contains("栏次") || compact.hasPrefix("项目") || compact.hasPrefix("类款项")
            || compact.hasPrefix("支出功能") || compact.hasPrefix("科目") || compact == "编码" || compact == "码"
        {
            return true
        }
        return columns.contains { column in column.names.contains { compact.contains($0) } }
            && ReportText.numbers(in: compact).isEmpty
    }

    /// The columns in the order of the header cells that name them (a two-row header such as 07's 本年支出 over
    /// 小计/基本支出/项目支出 included); nil until every column is named.
    static func headerOrder(_ lines: [ReportLine], _ columns: [(key: String, names: [String])]) -> [(
        key: String, index: Int
    )]? {
        var found: [(key: String, index: Int)] = []
        for column in columns {
            var best: Int?
            for line in lines {
                for (index, cell) in line.cells.enumerated() where column.names.contains(ReportText.compact(cell)) {
                    best = min(best ?? index, index)
                }
            }
            guard let best else { return nil }
            found.append((column.key, best))
        }
        guard Set(found.map(\.index)).count == found.count else { return nil }
        return found.sorted { $0.index < $1.index }
    }

    /// The cell index of the first column's name in a header line with cells.
    static func firstColumnCell(_ line: ReportLine, _ columns: [(key: String, names: [String])]) -> Int? {
        let cells = line.cells.map(ReportText.compact)
        return cells.firstIndex { cell in columns.contains { $0.names.contains(cell) } }
    }

    static func holdsFigures(_ line: ReportLine) -> Bool {
        line.words.contains { PrintedNumber($0.text, line: 0) != nil && $0.text.contains(".") }
    }

    // MARK: - Tables 01 and 04 (行次 on both sides)

    private func readTotalsTable(_ body: [ReportLine], into printed: inout ReportTable) {
        let rightColumns = printed.table == .t01 ? ["amount"] : ["total", "general", "fund", "capital"]
        var positions: LaidOutColumns?
        for line in body {
            let items = Self.items(line, everyWholeNumberIsRow: true)
            // The 栏次 row of the laid-out text: `栏次 1 栏次 2 3 4 5`.
            if line.compact.contains("栏次") {
                if !line.hasCells {
                    let numbers = line.words.filter { Int($0.text) != nil }.map(\.column)
                    if numbers.count == rightColumns.count + 1 {
                        positions = LaidOutColumns(Array(numbers.dropFirst()))
                    }
                }
                continue
            }
            let anchors = items.indices.filter { items[$0].kind == .rowNumber }
            guard !anchors.isEmpty else {
                if Self.holdsFigures(line) {
                    printed.unread.append(
                        UnreadLine(place: printed.table.label, line: line.number, text: line.raw, reason: "有数字的行，但没有行次")
                    )
                }
                continue
            }
            for (position, anchor) in anchors.enumerated() {
                guard case .rowNumber(let row) = items[anchor].value else { continue }
                let labelItems = items[..<anchor].reversed().prefix { $0.kind == .text }
                let label = labelItems.reversed().map(\.text).joined()
                let next = position + 1 < anchors.count ? anchors[position + 1] : items.count
                var figures = items[(anchor + 1)..<next].prefix { $0.kind != .text }
                let isLeft =
                    position == 0 && anchors.count == 2 || (anchors.count == 1 && row <= Self.leftRows(printed.table))
                let columns = isLeft ? ["amount"] : rightColumns
                if isLeft && anchors.count == 1 { figures = figures.prefix(1) }
                let key = String(row)
                printed.addRow(key, label: label, line: line.number)
                var column = 0
                for item in figures {
                    guard column < columns.count else { break }
                    var target = column
                    if !line.hasCells, let positions, !isLeft, let start = item.column {
                        target = positions.index(column: start, width: item.width)
                        column = target
                    }
                    if case .number(let number) = item.value { printed.set(key, columns[target], number) }
                    column += 1
                }
            }
        }
    }

    /// The last 行次 of the left side (收入) of tables 01 and 04.
    static func leftRows(_ table: PublicTable) -> Int { table == .t01 ? 31 : 32 }

    /// One cell of a row read in order: a label, a 行次, a figure, a blank or a dash.
    struct Item {
        enum Kind { case text, rowNumber, figure }
        enum Value {
            case text
            case rowNumber(Int)
            case number(PrintedNumber)
            case empty
        }

        var kind: Kind
        var value: Value
        var text: String
        /// The display column the item starts at and its width (laid-out text).
        var column: Int?
        var width = 0
    }

    /// The cells of a row of table 01, 04, 09 or 10 in order: labels, 行次 (a whole number right after a label or
    /// at the start), figures and blanks (blank cells only where the line has cells).
    static func items(_ line: ReportLine, everyWholeNumberIsRow: Bool = false) -> [Item] {
        var items: [Item] = []
        func classify(_ text: String, column: Int?, width: Int = 0) {
            let word = text.replacingOccurrences(of: " ", with: "")
            if word.isEmpty {
                items.append(Item(kind: .figure, value: .empty, text: "", column: column, width: width))
            } else if ReportText.isDash(word) {
                items.append(Item(kind: .figure, value: .empty, text: word, column: column, width: width))
            } else if let number = PrintedNumber(word, line: line.number) {
                let previous = items.last
                let afterLabel =
                    previous == nil || previous?.kind == .text
                    || (previous?.kind == .figure && previous?.text == "" && items.dropLast().last?.kind != .rowNumber
                        && !items.contains { $0.kind == .rowNumber })
                if number.places == 0 && !word.contains(",") && (afterLabel || everyWholeNumberIsRow),
                    let row = Int(word), (1...99).contains(row)
                {
                    items.append(
                        Item(kind: .rowNumber, value: .rowNumber(row), text: word, column: column, width: width))
                } else {
                    items.append(Item(kind: .figure, value: .number(number), text: word, column: column, width: width))
                }
            } else {
                items.append(
                    Item(kind: .text, value: .text, text: ReportText.compact(text), column: column, width: width))
            }
        }
        if line.hasCells {
            for cell in line.cells { classify(cell, column: nil) }
        } else {
            for word in line.words { classify(word.text, column: word.column, width: word.width) }
        }
        // Consecutive text items are one label (a label wrapped in its cell).
        var merged: [Item] = []
        for item in items {
            if item.kind == .text, let last = merged.last, last.kind == .text {
                merged[merged.count - 1].text += item.text
            } else {
                merged.append(item)
            }
        }
        return merged
    }

    // MARK: - Table 06

    /// Laid-out text of a 06 table whose codes are wrapped in their narrow cells (`3010` above the row, `1` below
    /// it): each row rebuilt with its codes put together again, the fragment lines left out.
    static func joiningWrappedCodes(_ body: [ReportLine]) -> [ReportLine] {
        guard !body.contains(where: \.hasCells) else { return body }
        func fragments(_ line: ReportLine) -> [(text: String, column: Int)]? {
            let words = line.words
            guard !words.isEmpty, !words.contains(where: { $0.text.contains(".") }) else { return nil }
            let digits = words.filter { $0.text.allSatisfy(\.isASCIIDigit) && $0.text.count <= 4 }
            return digits.isEmpty ? nil : digits.map { ($0.text, $0.column) }
        }
        var result: [ReportLine] = []
        var used = Set<Int>()
        for (index, line) in body.enumerated() {
            let words = line.words
            guard words.contains(where: { $0.text.contains(".") && PrintedNumber($0.text, line: 0) != nil }) else {
                continue
            }
            let above = index > 0 ? fragments(body[index - 1]) : nil
            let below = index + 1 < body.count ? fragments(body[index + 1]) : nil
            var groups: [(lo: Int, hi: Int, words: [String])] = []
            var current: [String] = []
            var lo = 0
            for word in words {
                current.append(word.text)
                if word.text.contains("."), PrintedNumber(word.text, line: 0) != nil {
                    groups.append((lo, word.column + word.width, current))
                    lo = word.column + word.width
                    current = []
                }
            }
            var rebuilt: [String] = []
            for group in groups {
                let inline = group.words.first.map { EconomicCodes.named($0) != nil } ?? false
                if !inline {
                    let top = above?.first { $0.column >= group.lo - 2 && $0.column < group.hi }?.text ?? ""
                    let bottom = below?.first { $0.column >= group.lo - 2 && $0.column < group.hi }?.text ?? ""
                    if EconomicCodes.named(top + bottom) != nil {
                        rebuilt.append(top + bottom)
                        if !top.isEmpty { used.insert(index - 1) }
                        if !bottom.isEmpty { used.insert(index + 1) }
                    }
                }
                rebuilt += group.words.filter { !($0.allSatisfy(\.isASCIIDigit) && $0.count <= 4 && !inline) }
            }
            result.append(ReportLine(number: line.number, raw: rebuilt.joined(separator: " ")))
            _ = used
        }
        // Rows printed whole (the totals row, a row whose codes fit) are kept as they are.
        return result.isEmpty
            ? body
            : result
                + body.filter { line in
                    line.compact.hasPrefix("人员经费合计") || line.compact.hasPrefix("公用经费合计")
                }.filter { line in !result.contains { $0.number == line.number } }
    }

    private func readEconomicTable(_ body: [ReportLine], into printed: inout ReportTable) {
        let wrapped = body.contains { line in
            !line.hasCells && line.words.count >= 2 && line.words.allSatisfy { $0.text.allSatisfy(\.isASCIIDigit) }
        }
        for line in wrapped ? Self.joiningWrappedCodes(body) : body {
            let items = Self.items(line)
            var index = 0
            var placed = false
            while index < items.count {
                let item = items[index]
                var key: String?
                var label = ""
                if case .rowNumber(let number) = item.value, EconomicCodes.named(String(number)) != nil {
                    key = String(number)
                } else if item.kind == .figure, EconomicCodes.named(item.text) != nil {
                    key = item.text
                } else if item.kind == .text {
                    if item.text.hasPrefix("人员经费合计") { key = "personnel" }
                    if item.text.hasPrefix("公用经费合计") { key = "publicExpenses" }
                    if item.text.hasPrefix("合计") || item.text == "基本支出合计" { key = "total" }
                }
                guard let key else {
                    index += 1
                    continue
                }
                // The amount is the first figure after the code and its name, before the next code or label.
                var next = index + 1
                if next < items.count, items[next].kind == .text, key.first?.isASCIIDigit == true {
                    label = items[next].text
                    next += 1
                }
                var amount: PrintedNumber?
                while next < items.count {
                    let candidate = items[next]
                    if candidate.kind == .text { break }
                    if case .rowNumber(let n) = candidate.value, EconomicCodes.named(String(n)) != nil { break }
                    if candidate.kind == .figure, EconomicCodes.named(candidate.text) != nil { break }
                    if case .number(let number) = candidate.value {
                        amount = number
                        next += 1
                        break
                    }
                    next += 1
                }
                printed.addRow(key, label: label, line: line.number)
                if let amount { printed.set(key, "amount", amount) }
                placed = true
                index = next
            }
            if !placed && Self.holdsFigures(line) && !line.compact.contains("栏次") {
                printed.unread.append(
                    UnreadLine(
                        place: printed.table.label, line: line.number, text: line.raw, reason: "有数字的行，但没有经济分类科目编码"))
            }
        }
    }

    // MARK: - Tables 09 and 10 (fixed rows with 行次)

    private func readFixedRows(_ body: [ReportLine], into printed: inout ReportTable) {
        let columns = printed.table == .t09 ? ["initialBudget", "adjustedBudget", "actual"] : ["value"]
        var positions: LaidOutColumns?
        for line in body {
            let items = Self.items(line)
            let compact = line.compact
            if compact.hasPrefix("行次") || compact.hasPrefix("栏次") || compact.hasPrefix("项目") {
                if !line.hasCells {
                    let numbers = line.words.filter { Int($0.text) != nil }.map(\.column)
                    if numbers.count == columns.count { positions = LaidOutColumns(numbers) }
                }
                continue
            }
            guard let anchor = items.firstIndex(where: { $0.kind == .rowNumber }),
                case .rowNumber(let row) = items[anchor].value
            else {
                if Self.holdsFigures(line) {
                    printed.unread.append(
                        UnreadLine(place: printed.table.label, line: line.number, text: line.raw, reason: "有数字的行，但没有行次")
                    )
                }
                continue
            }
            let label = items[..<anchor].filter { $0.kind == .text }.map(\.text).joined()
            let key = String(row)
            printed.addRow(key, label: label, line: line.number)
            var figures = Array(items[(anchor + 1)...].prefix { $0.kind != .text })
            // A statistics row prints its count in the last column; a row with one figure and columns before it
            // that are dashes puts the figure last.
            if printed.table == .t09, !line.hasCells {
                let numbers = figures.filter { if case .number = $0.value { return true } else { return false } }
                if let positions {
                    for item in numbers {
                        guard let start = item.column, case .number(let number) = item.value else { continue }
                        printed.set(key, columns[positions.index(column: start, width: item.width)], number)
                    }
                    continue
                }
                figures = figures.filter { $0.text != "" }
            }
            for (column, item) in figures.prefix(columns.count).enumerated() {
                if case .number(let number) = item.value { printed.set(key, columns[column], number) }
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
