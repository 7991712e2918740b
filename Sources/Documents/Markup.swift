// The document markup (docs/MARKUP.md): report templates render it, `Markup.parse` turns it into a `Document`.
// The parser reads the whole text and collects every problem before it gives up, so that a template author sees
// all mistakes of one run at once, each with its markup line.

/// Entry points for the line-based document markup described in `docs/MARKUP.md`.
public enum Markup {
    /// Parses markup into a document; throws every problem found (with its line), never just the first.
    public static func parse(_ text: String) throws(MarkupError) -> Document {
        var parser = MarkupParser()
        var number = 0
        for line in LineText.lines(text) {
            number += 1
            parser.read(line, number: number)
        }
        return try parser.finish()
    }

    /// Parses markup into a document and tells where each text of the document stands in the markup, for a program
    /// that made the markup and wants to follow a piece of it into the document.
    public static func parseWithOrigins(_ text: String) throws(MarkupError) -> (Document, MarkupOrigins) {
        var parser = MarkupParser()
        parser.origins = MarkupOrigins()
        parser.source = text
        var number = 0
        for line in LineText.lines(text) {
            number += 1
            parser.read(line, number: number)
        }
        let document = try parser.finish()
        return (document, parser.origins ?? MarkupOrigins())
    }

    /// Makes a value safe to insert into a markup line: it reads back as the same text wherever it lands in a
    /// directive's text or a cell, and never as markup. TAB, CR and LF (a CR LF pair counts as one) become a space,
    /// so that a value can neither end a line nor split a cell; `\`, `{` and `@` are escaped with `\` (no merge
    /// marker, no directive), and so are spaces at either end (text, not layout). See docs/MARKUP.md.
    public static func escape(_ value: String) -> String {
        MarkupText.escape(value)
    }
}

/// Where the texts of a parsed document stand in the markup: UTF-8 byte offsets into the markup text, each the first
/// byte of the text as the document holds it (after the spaces around it are dropped). Index `i` of each list is block
/// `i` of the document.
public struct MarkupOrigins: Sendable, Equatable {
    /// The markup line of each block's directive (`@table` for a table).
    public var lines: [Int] = []
    /// The offset of each block's text: headings, paragraphs and TOC entries; nil for other blocks.
    public var texts: [Int?] = []
    /// For each table, by block index: the offset of each body cell's text, row by row in the order of
    /// `Table.body` (an empty cell at the place its text would start).
    public var bodyCells: [Int: [[Int]]] = [:]
    /// The offset of each `\\` of an escape in those texts (dropped by reading them), ascending: a character of a
    /// text stands at its offset in the document text plus the text's offset plus the escapes before it.
    public var escapes: [Int] = []

    /// `offset` in the markup without the escapes' backslashes before it: the texts' characters keep their order
    /// and distance, as in the document, so that a range of the markup maps onto the document text it made.
    public func unescaped(_ offset: Int) -> Int {
        guard let first = escapes.first, first < offset else { return offset }
        var low = 0
        var high = escapes.count
        while low < high {
            let middle = (low + high) / 2
            if escapes[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return offset - low
    }

    /// The markup offset of the character at `offset` of `unescaped`'s scale (the inverse of `unescaped` for a
    /// text's characters: an escaped character is the one after its backslash).
    public func escaped(_ offset: Int) -> Int {
        guard let first = escapes.first, first <= offset else { return offset }
        // The escaped character of escape k stands at escapes[k] - k on the unescaped scale, ascending in k.
        var low = 0
        var high = escapes.count
        while low < high {
            let middle = (low + high) / 2
            if escapes[middle] - middle <= offset { low = middle + 1 } else { high = middle }
        }
        return offset + low
    }

    public init() {}
}

/// Everything wrong with a markup text. `description` lists one problem a line: `markup:12: 未知指令 @foo`.
public struct MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// 1-based line of the markup text.
        public var line: Int
        /// What is wrong, in Chinese, naming the directive as written.
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { "markup:\(line): \(message)" }
    }

    /// All problems, ordered by line.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

// MARK: - Parser

private struct MarkupParser {
    /// Set by `parseWithOrigins`: where the document's texts are in `source`.
    var origins: MarkupOrigins?
    var source = ""
    private var document = Document()
    private var problems: [MarkupError.Problem] = []
    private var table: TableBuilder?
    /// Anchor id → line where it was defined (headings and tables share one namespace, as in HTML).
    private var anchors: [String: Int] = [:]
    /// TOC entries that point at an anchor, checked once the whole text is read.
    private var tocTargets: [(id: String, directive: String, line: Int)] = []
    private var propertiesSet: [String: Int] = [:]
    /// Lower-cased worksheet name → line (spreadsheet programs compare sheet names case-insensitively).
    private var sheetNames: [String: Int] = [:]

    /// Where a directive may stand.
    private struct Kind {
        /// Only outside a table.
        var outside = false
        /// Only inside a table (`@note` is neither: it goes anywhere).
        var inTable = false
        /// May carry an anchor (`#ID`).
        var anchored = false
    }

    /// Every directive (one lookup a line).
    private static let directives: [Substring: Kind] = {
        var kinds: [Substring: Kind] = ["note": Kind()]
        for name in ["title", "h1", "h2", "h3", "toc1", "toc2"] {
            kinds[name[...]] = Kind(outside: true, anchored: true)
        }
        for name in ["p", "center", "right", "pagebreak", "property", "table"] {
            kinds[name[...]] = Kind(outside: true)
        }
        for name in ["caption", "pre", "columns", "head", "row", "end"] { kinds[name[...]] = Kind(inTable: true) }
        return kinds
    }()

    mutating func read(_ line: Substring, number: Int) {
        // On bytes: the syntax is ASCII bytes, and a text may start with a scalar that joins the space before it into
        // one `Character` (see MarkupText).
        let utf8 = line.utf8
        var start = utf8.startIndex
        while start != utf8.endIndex, LineText.isSpaceOrTab(utf8[start]) { utf8.formIndex(after: &start) }
        if start == utf8.endIndex { return }
        guard utf8[start] == MarkupText.at else {
            let content = MarkupText.scalars(line, start, utf8.endIndex)
            let shown = String(content.prefix(20).map { $0 == "\t" ? "⇥" : $0 })
            let more = content.count > 20 ? "…" : ""
            report(number, "未知指令：此行不以 @ 指令开头（“\(shown)\(more)”）")
            return
        }
        let tokenStart = utf8.index(after: start)
        var tokenEnd = tokenStart
        while tokenEnd != utf8.endIndex, !LineText.isSpaceOrTab(utf8[tokenEnd]) { utf8.formIndex(after: &tokenEnd) }
        let token = MarkupText.scalars(line, tokenStart, tokenEnd)
        var argument: Substring = ""
        if tokenEnd != utf8.endIndex {
            if utf8[tokenEnd] == LineText.tab {
                report(number, "@\(token) 与参数之间应为一个空格，不能是 TAB")
                return
            }
            argument = MarkupText.scalars(line, utf8.index(after: tokenEnd), utf8.endIndex)
        }
        var written: String { "@" + token }  // for messages
        let name: Substring
        let anchor: Substring?
        if let hash = token.firstIndex(of: "#") {
            name = token[..<hash]
            anchor = token[token.index(after: hash)...]
        } else {
            name = token
            anchor = nil
        }

        guard let kind = Self.directives[name] else {
            report(number, "未知指令 \(written)")
            return
        }
        if anchor != nil && !kind.anchored {
            report(number, "\(written)：@\(name) 不能带锚点（只有 @title、@h1、@h2、@h3、@toc1、@toc2 可以带 #ID）")
            return
        }
        if let table, kind.outside {
            report(number, "\(written) 不能用在表格之内（第 \(table.line) 行的 @table 尚未用 @end 结束）")
            return
        }
        if table == nil && kind.inTable {
            if name == "end" {
                report(number, "\(written) 没有对应的 @table")
            } else {
                report(number, "\(written) 只能用在 @table 与 @end 之间")
            }
            return
        }

        let directive = Directive(token: token, line: number)
        if table != nil {
            readInTable(name, argument, directive)
        } else {
            readOutside(name, anchor: anchor, argument, directive)
        }
    }

    mutating func finish() throws(MarkupError) -> Document {
        if let table {
            report(table.line, "@table 没有用 @end 结束")
            self.table = nil
        }
        for target in tocTargets where anchors[target.id] == nil {
            report(target.line, "\(target.directive) 指向的锚点 “\(target.id)” 在文档中不存在")
        }
        guard problems.isEmpty else {
            // Stable: problems found at the end (unclosed table, TOC targets) go to their line.
            let ordered = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            throw MarkupError(problems: ordered.map(\.element))
        }
        return document
    }

    // MARK: Outside a table

    private mutating func readOutside(_ name: Substring, anchor: Substring?, _ argument: Substring, _ at: Directive) {
        switch name {
        case "title", "h1", "h2", "h3":
            let level = name == "title" ? 0 : Int(String(name.dropFirst()))!
            let id = anchor.flatMap { defineAnchor($0, at) }
            guard let text = requireText(argument, at) else { return }
            append(.heading(Heading(level: level, text: text, id: id)), at, text: argument)
        case "p", "center", "right", "note":
            guard let text = requireText(argument, at) else { return }
            let style: Paragraph.Style =
                switch name {
                case "center": .center
                case "right": .right
                case "note": .note
                default: .body
                }
            append(.paragraph(Paragraph(text, style: style)), at, text: argument)
        case "toc1", "toc2":
            var target: String?
            if let anchor {
                if validateAnchor(anchor, at) {
                    target = String(anchor)
                    tocTargets.append((String(anchor), at.written, at.line))
                }
            }
            guard let text = requireText(argument, at) else { return }
            append(.tocEntry(TOCEntry(level: name == "toc1" ? 1 : 2, text: text, target: target)), at, text: argument)
        case "pagebreak":
            guard requireNoArgument(argument, at) else { return }
            append(.pageBreak, at, text: nil)
        case "property":
            readProperty(argument, at)
        case "table":
            openTable(argument, at)
        default:
            preconditionFailure("directive @\(name) is not handled outside a table")
        }
    }

    private mutating func readProperty(_ argument: Substring, _ at: Directive) {
        let trimmed = MarkupText.trimmed(argument)
        guard !trimmed.isEmpty else {
            report(at.line, "\(at.written) 缺少名称和值（如 @property title 景德镇市人大办公室 2024 年度部门决算）")
            return
        }
        let bytes = trimmed.utf8
        let nameEnd = bytes.firstIndex(where: LineText.isSpaceOrTab) ?? bytes.endIndex
        let name = MarkupText.scalars(trimmed, bytes.startIndex, nameEnd)
        let value = MarkupText.unescaped(MarkupText.trimmed(MarkupText.scalars(trimmed, nameEnd, bytes.endIndex)))
        let names = ["title", "subject", "author", "keywords", "date"]
        guard names.contains(String(name)) else {
            report(at.line, "\(at.written) 的名称 “\(name)” 无效（可用：\(names.joined(separator: "、"))）")
            return
        }
        guard !value.isEmpty else {
            report(at.line, "\(at.written) \(name) 缺少值")
            return
        }
        if let first = propertiesSet[String(name)] {
            report(at.line, "\(at.written) \(name) 重复（第 \(first) 行已设置）")
            return
        }
        propertiesSet[String(name)] = at.line
        switch name {
        case "title": document.properties.title = value
        case "subject": document.properties.subject = value
        case "author": document.properties.author = value
        case "keywords": document.properties.keywords = value
        default:
            guard Self.isTimestamp(value) else {
                report(at.line, "\(at.written) date 的值 “\(value)” 不是 ISO 8601 时间（应为 2025-01-01T00:00:00Z 这样的形式）")
                return
            }
            document.properties.date = value
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, the form .docx core properties and the model expect.
    private static func isTimestamp(_ value: String) -> Bool {
        let pattern = Array("0000-00-00T00:00:00Z".utf8)
        let bytes = Array(value.utf8)
        guard bytes.count == pattern.count else { return false }
        for (byte, expected) in zip(bytes, pattern) {
            if expected == UInt8(ascii: "0") {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
            } else if byte != expected {
                return false
            }
        }
        return true
    }

    // MARK: Tables

    private mutating func openTable(_ argument: Substring, _ at: Directive) {
        var builder = TableBuilder(line: at.line)
        var seen: Set<String> = []
        for attribute in argument.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let key = attribute.prefix(while: { $0 != "=" })
            let hasValue = key.count < attribute.count
            let value = hasValue ? attribute.dropFirst(key.count + 1) : ""
            switch (key, hasValue) {
            case ("sheet", true), ("id", true), ("landscape", false):
                guard seen.insert(String(key)).inserted else {
                    report(at.line, "\(at.written) 的属性 \(key) 重复")
                    continue
                }
            default:
                report(at.line, "\(at.written) 的属性 “\(attribute)” 无效（可用：sheet=工作表名、id=锚点、landscape）")
                continue
            }
            switch key {
            case "sheet":
                if let name = validateSheetName(value, at) { builder.table.sheetName = name }
            case "id":
                builder.table.id = defineAnchor(value, at)
            default:
                builder.table.landscape = true
            }
        }
        table = builder
    }

    private mutating func validateSheetName(_ name: Substring, _ at: Directive) -> String? {
        let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]
        if name.isEmpty {
            report(at.line, "\(at.written) 的 sheet= 缺少工作表名")
        } else if name.count > 31 {
            report(at.line, "\(at.written) 的工作表名 “\(name)” 超过 31 个字符")
        } else if name.contains(where: forbidden.contains) || name.first == "'" || name.last == "'" {
            report(at.line, "\(at.written) 的工作表名 “\(name)” 含有不允许的字符（: \\ / ? * [ ] 或首尾的 '）")
        } else if let first = sheetNames[name.lowercased()] {
            report(at.line, "\(at.written) 的工作表名 “\(name)” 重复（第 \(first) 行已使用）")
        } else {
            sheetNames[name.lowercased()] = at.line
            return String(name)
        }
        return nil
    }

    private mutating func readInTable(_ name: Substring, _ argument: Substring, _ at: Directive) {
        guard var builder = table else { return }
        // Taken out, so that appending a row does not copy the rows read so far (`table` would still share them).
        table = nil
        defer { if name != "end" { table = builder } }
        switch name {
        case "caption":
            guard let text = requireText(argument, at) else { return }
            if let first = builder.captionLine {
                report(at.line, "\(at.written) 重复（每个表格至多一个，第 \(first) 行已有）")
                return
            }
            builder.captionLine = at.line
            builder.table.title = text
        case "pre":
            guard let text = requireText(argument, at) else { return }
            builder.table.preamble.append(text)
        case "note":
            guard let text = requireText(argument, at) else { return }
            builder.table.notes.append(text)
        case "columns":
            readColumns(argument, at, into: &builder)
        case "head", "row":
            readRow(header: name == "head", argument, at, into: &builder)
        case "end":
            _ = requireNoArgument(argument, at)  // reported; the table is closed all the same
            closeTable(builder)
        default:
            preconditionFailure("directive @\(name) is not handled inside a table")
        }
    }

    private mutating func readColumns(_ argument: Substring, _ at: Directive, into builder: inout TableBuilder) {
        if let first = builder.columnsLine {
            report(at.line, "\(at.written) 重复（第 \(first) 行已定义列）")
            return
        }
        builder.columnsLine = at.line
        let tokens = argument.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else {
            report(at.line, "\(at.written) 缺少列定义（每列一项，如 l:5 c:1 rn:2）")
            builder.columnsValid = false
            return
        }
        var columns: [Column] = []
        for token in tokens {
            if let column = parseColumn(token) {
                columns.append(column)
            } else {
                report(at.line, "\(at.written) 的列定义 “\(token)” 无效（应为 l、c 或 r，可加 n 表示数值列、:宽度 为正数，如 rn:2）")
                builder.columnsValid = false
            }
        }
        if builder.columnsValid { builder.table.columns = columns }
    }

    private func parseColumn(_ token: Substring) -> Column? {
        var rest = token[...]
        let alignment: Column.Alignment
        switch rest.first {
        case "l": alignment = .left
        case "c": alignment = .center
        case "r": alignment = .right
        default: return nil
        }
        rest = rest.dropFirst()
        let numeric = rest.first == "n"
        if numeric { rest = rest.dropFirst() }
        var width = 1.0
        if !rest.isEmpty {
            guard rest.first == ":", let value = Self.parseWidth(rest.dropFirst()) else { return nil }
            width = value
        }
        return Column(alignment: alignment, numeric: numeric, width: width)
    }

    /// A positive decimal number (`2`, `1.5`); no sign, exponent, `inf` or `nan`.
    private static func parseWidth(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(text), value.isFinite, value > 0
        else { return nil }
        return value
    }

    private mutating func readRow(
        header: Bool, _ argument: Substring, _ at: Directive, into builder: inout TableBuilder
    ) {
        guard builder.columnsValid else { return }  // the @columns line already has an error
        guard builder.columnsLine != nil else {
            if !builder.reportedMissingColumns {
                report(at.line, "\(at.written) 之前缺少 @columns（列定义须写在第一行 @head/@row 之前）")
                builder.reportedMissingColumns = true
            }
            return
        }
        if header, let firstRow = builder.firstBodyLine {
            report(at.line, "\(at.written) 须写在所有 @row 之前（第 \(firstRow) 行已是表体）")
            return
        }
        if !header && builder.firstBodyLine == nil { builder.firstBodyLine = at.line }
        let cells = MarkupText.cells(argument)
        let columnCount = builder.table.columns.count
        guard cells.count <= columnCount else {
            report(at.line, "\(at.written) 有 \(cells.count) 个单元格，多于 @columns 定义的 \(columnCount) 列")
            return
        }
        let padded = cells + Array(repeating: MarkupCell.text(""), count: columnCount - cells.count)
        if header {
            builder.header.append(padded, at, problems: &problems)
        } else {
            var offsets: [Int] = []
            if origins != nil {
                offsets = cellOffsets(argument)
                let end = offsets.last ?? 0
                offsets += Array(repeating: end, count: columnCount - offsets.count)
            }
            builder.body.append(padded, at, offsets: offsets, problems: &problems)
        }
    }

    private mutating func closeTable(_ builder: TableBuilder) {
        var finished = builder.table
        if builder.columnsLine == nil {
            if !builder.reportedMissingColumns { report(builder.line, "@table 缺少 @columns（列定义）") }
        } else {
            finished.header = builder.header.rows(problems: &problems)
            finished.body = builder.body.rows(problems: &problems)
        }
        if origins != nil {
            origins?.bodyCells[document.blocks.count] = builder.body.offsets()
        }
        append(.table(finished), Directive(token: "table", line: builder.line), text: nil)
        table = nil
    }

    /// Adds a block to the document and, when asked for, where its text is in the markup.
    private mutating func append(_ block: Block, _ at: Directive, text argument: Substring?) {
        document.blocks.append(block)
        guard origins != nil else { return }
        let text = argument.map { offset(ofTextIn: $0) }
        if let argument { recordEscapes(in: argument) }
        origins?.lines.append(at.line)
        origins?.texts.append(text)
    }

    /// The offset in `source` of the first byte of `argument` that is not a space or TAB.
    private func offset(ofTextIn argument: Substring) -> Int {
        let leading = argument.utf8.prefix(while: LineText.isSpaceOrTab).count
        return source.utf8.distance(from: source.utf8.startIndex, to: argument.startIndex) + leading
    }

    /// Notes where the escapes of a text in `argument` are (see `MarkupOrigins.escapes`).
    private mutating func recordEscapes(in argument: Substring) {
        let found = MarkupText.escapeOffsets(argument)
        guard !found.isEmpty else { return }
        let base = source.utf8.distance(from: source.utf8.startIndex, to: argument.startIndex)
        origins?.escapes += found.map { base + $0 }
    }

    /// The offset of each cell's text in a row's argument (cells split at TABs, leading spaces skipped), noting
    /// the cells' escapes.
    private mutating func cellOffsets(_ argument: Substring) -> [Int] {
        let utf8 = argument.utf8
        let base = source.utf8.distance(from: source.utf8.startIndex, to: argument.startIndex)
        var offsets: [Int] = []
        var start = 0
        var bytes = Array(utf8)
        bytes.append(LineText.tab)
        for (position, byte) in bytes.enumerated() where byte == LineText.tab {
            var first = start
            while first < position && bytes[first] == LineText.space { first += 1 }
            offsets.append(base + first)
            if bytes[start..<position].contains(MarkupText.backslash) {
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                recordEscapes(in: MarkupText.scalars(argument, lower, utf8.index(lower, offsetBy: position - start)))
            }
            start = position + 1
        }
        return offsets
    }

    // MARK: Helpers

    private mutating func report(_ line: Int, _ message: String) {
        problems.append(MarkupError.Problem(line: line, message: message))
    }

    /// The text of a directive: the argument without layout spaces, escapes resolved.
    private mutating func requireText(_ argument: Substring, _ at: Directive) -> String? {
        guard let text = MarkupText.text(argument) else {
            report(at.line, "\(at.written) 缺少文本")
            return nil
        }
        return text
    }

    private mutating func requireNoArgument(_ argument: Substring, _ at: Directive) -> Bool {
        let extra = MarkupText.trimmed(argument)
        guard extra.isEmpty else {
            report(at.line, "\(at.written) 不带参数（多出了 “\(extra)”）")
            return false
        }
        return true
    }

    private mutating func validateAnchor(_ id: Substring, _ at: Directive) -> Bool {
        guard !id.isEmpty else {
            report(at.line, "\(at.written) 的锚点为空（# 后应为 ID）")
            return false
        }
        let valid = id.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
            default: false
            }
        }
        guard valid else {
            report(at.line, "\(at.written) 的锚点 “\(id)” 无效：只能由 ASCII 字母、数字、- 和 _ 组成")
            return false
        }
        return true
    }

    /// Validates an anchor and records it as defined; nil when invalid or already used.
    private mutating func defineAnchor(_ id: Substring, _ at: Directive) -> String? {
        guard validateAnchor(id, at) else { return nil }
        if let first = anchors[String(id)] {
            report(at.line, "\(at.written) 的锚点 “\(id)” 重复（第 \(first) 行已使用）")
            return nil
        }
        anchors[String(id)] = at.line
        return String(id)
    }
}

/// Where a directive was written, for messages.
private struct Directive {
    /// The directive name as written, with its `#ID` if any.
    var token: Substring
    var line: Int

    /// `@` + the token, for messages.
    var written: String { "@" + token }
}

private struct TableBuilder {
    let line: Int
    var table = Table(columns: [])
    var captionLine: Int?
    var columnsLine: Int?
    var columnsValid = true
    var reportedMissingColumns = false
    var firstBodyLine: Int?
    var header = MergedRows(isHeader: true)
    var body = MergedRows(isHeader: false)

    init(line: Int) {
        self.line = line
    }
}

/// Rows of one table section (header or body) as written, with the merge markers resolved: every position belongs
/// to one origin cell, and `{<}` / `{^}` add their position to the origin of the position left of / above them.
private struct MergedRows {
    private struct Origin {
        var text: String
        var row: Int
        var column: Int
        var directive: Directive
        var positions = 1
        var lastRow: Int
        var lastColumn: Int
        /// Where the text is in the markup (when origins are asked for).
        var offset = 0
    }

    let isHeader: Bool
    private var owners: [[Int]] = []
    private var origins: [Origin] = []

    init(isHeader: Bool) {
        self.isHeader = isHeader
    }

    /// Appends a row of cells as written; `offsets` are where their texts are in the markup (when origins are
    /// asked for).
    mutating func append(
        _ cells: [MarkupCell], _ at: Directive, offsets: [Int] = [], problems: inout [MarkupError.Problem]
    ) {
        let row = owners.count
        var rowOwners: [Int] = []
        for (column, cell) in cells.enumerated() {
            var owner: Int?
            switch cell {
            case .coveredFromLeft:
                if column == 0 {
                    problems.append(.init(line: at.line, message: "\(at.written) 第 1 格的 {<} 左侧没有可合并的单元格"))
                } else {
                    owner = rowOwners[column - 1]
                }
            case .coveredFromAbove:
                if row == 0 {
                    let section = isHeader ? "表头第一行" : "表体第一行（表体不能与表头合并）"
                    problems.append(
                        .init(line: at.line, message: "\(at.written) 第 \(column + 1) 格的 {^} 上方没有可合并的单元格：这是\(section)"))
                } else {
                    owner = owners[row - 1][column]
                }
            case .text:
                break
            }
            if let owner {
                origins[owner].positions += 1
                origins[owner].lastRow = max(origins[owner].lastRow, row)
                origins[owner].lastColumn = max(origins[owner].lastColumn, column)
                rowOwners.append(owner)
            } else {
                let text: String
                if case .text(let written) = cell { text = written } else { text = "" }
                origins.append(
                    Origin(
                        text: text, row: row, column: column, directive: at, lastRow: row, lastColumn: column,
                        offset: column < offsets.count ? offsets[column] : 0))
                rowOwners.append(origins.count - 1)
            }
        }
        owners.append(rowOwners)
    }

    /// The markup offset of each cell's text, in the order of `rows`.
    func offsets() -> [[Int]] {
        var rows = [[Int]](repeating: [], count: owners.count)
        for origin in origins { rows[origin.row].append(origin.offset) }
        return rows
    }

    /// The rows as the model wants them: each row lists the cells that start in it, with their spans.
    func rows(problems: inout [MarkupError.Problem]) -> [[Cell]] {
        var rows = [[Cell]](repeating: [], count: owners.count)
        for origin in origins {
            let colSpan = origin.lastColumn - origin.column + 1
            let rowSpan = origin.lastRow - origin.row + 1
            if colSpan * rowSpan != origin.positions {
                problems.append(
                    .init(
                        line: origin.directive.line,
                        message:
                            "\(origin.directive.written) 第 \(origin.column + 1) 格 “\(origin.text)” 与合并到它的 {<}/{^} 不构成矩形区域"
                    ))
            }
            rows[origin.row].append(Cell(origin.text, colSpan: colSpan, rowSpan: rowSpan))
        }
        return rows
    }
}
