// Lays a Document out as a Word document (WordprocessingML), following the conventions of Chinese official
// documents (GB/T 9704): A4, fixed margins, 仿宋_GB2312 三号 body text on a 22-line grid, page numbers `— n —`.
// Wide tables get landscape sections of their own.

/// Writes a `Document` as a .docx package.
public enum DocxWriter {
    /// The .docx bytes, its parts compressed with `compression` (nil: stored). The same document always gives the
    /// same bytes.
    public static func write(_ document: Document, compression: Deflate.Level? = .default)
        throws(ZipArchive.Failure) -> [UInt8]
    {
        let w = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let r = OfficePackage.relationshipNamespace
        let parts: [OfficePackage.Part] = [
            .init(name: "word/document.xml", contentType: "\(w).document.main+xml", xml: documentXML(document)),
            .init(name: "word/styles.xml", contentType: "\(w).styles+xml", xml: stylesXML),
            .init(name: "word/settings.xml", contentType: "\(w).settings+xml", xml: settingsXML),
            .init(name: "word/fontTable.xml", contentType: "\(w).fontTable+xml", xml: fontTableXML),
            .init(name: "word/footer1.xml", contentType: "\(w).footer+xml", xml: footerXML),
            .init(
                name: "word/_rels/document.xml.rels", contentType: nil,
                xml: OfficePackage.relationships([
                    (r + "/styles", "styles.xml"), (r + "/settings", "settings.xml"),
                    (r + "/fontTable", "fontTable.xml"), (r + "/footer", "footer1.xml"),
                ])),
        ]
        return try OfficePackage.zip(
            mainPart: "word/document.xml", parts: parts, properties: document.properties, application: "juesuan",
            compression: compression)
    }

    /// Relationship id of the footer in `word/_rels/document.xml.rels`.
    static let footerRelationship = "rId4"

    // MARK: - Page geometry

    /// Page size and margins in twips (1/20 pt; 1 mm ≈ 56.7 twips).
    struct Page: Equatable {
        var width, height, top, right, bottom, left: Int
        var landscape: Bool
        var textWidth: Int { width - left - right }

        /// A4 portrait with GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
        static let portrait = Page(
            width: 11906, height: 16838, top: twips(mm: 37), right: twips(mm: 26), bottom: twips(mm: 35),
            left: twips(mm: 28), landscape: false)
        /// A4 landscape: the long margins (37 / 35 mm) go to the left and right edges, the short ones (28 / 26 mm)
        /// to the top and bottom, so that the text area is the portrait one turned on its side.
        static let landscape = Page(
            width: 16838, height: 11906, top: twips(mm: 28), right: twips(mm: 35), bottom: twips(mm: 26),
            left: twips(mm: 37), landscape: true)

        static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }

        var sectPr: String {
            var xml = "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footerRelationship)\"/>"
            xml += "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
            xml += "<w:pgMar w:top=\"\(top)\" w:right=\"\(right)\" w:bottom=\"\(bottom)\" w:left=\"\(left)\""
            xml += " w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            xml += "<w:pgNumType w:fmt=\"decimal\"/><w:cols w:space=\"425\"/></w:sectPr>"
            return xml
        }
    }

    // MARK: - document.xml

    static func documentXML(_ document: Document) -> String {
        var body = BodyBuilder(document: document)
        for block in document.blocks { body.add(block) }
        let content = body.finish()
        var xml = OfficePackage.xmlDeclaration
        xml.reserveCapacity(content.utf8.count + 512)  // the document is large: grown once, not by doubling
        xml += "<w:document xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\"><w:body>"
        xml += content
        xml += "</w:body></w:document>"
        return xml
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// One paragraph of the body, kept open so that a section break can still be attached to it.
    struct WordParagraph {
        var style: String
        var alignment: String? = nil
        var keepNext = false
        var pageBreakBefore = false
        var content = ""
        var sectPr: String? = nil

        var xml: String {
            var xml = "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>"
            if keepNext { xml += "<w:keepNext/>" }
            if pageBreakBefore { xml += "<w:pageBreakBefore/>" }
            if let alignment { xml += "<w:jc w:val=\"\(alignment)\"/>" }
            if let sectPr { xml += sectPr }
            xml += "</w:pPr>\(content)</w:p>"
            return xml
        }
    }

    enum Element {
        case paragraph(WordParagraph)
        case table(String)
    }

    /// Collects the body's paragraphs and tables, opening a landscape section around each landscape table.
    struct BodyBuilder {
        var elements: [Element] = []
        var page = Page.portrait
        /// Where the current section starts in `elements`.
        var sectionStart = 0
        /// Whether the current section has anything in it yet.
        var sectionHasContent: Bool { elements.count > sectionStart }
        /// A page break waiting for the next paragraph (dropped at a section start, which opens a page anyway).
        var pendingBreak = false
        /// The section holds one landscape table and ends before the next block.
        var closeAfterTable = false
        /// Bookmark names for heading and table ids, in document order.
        var bookmarks: [String: String] = [:]
        var nextBookmarkID = 0
        /// Ids whose bookmark is already in the body: a bookmark is placed once, at the first block with the id.
        var placed = Set<String>()

        init(document: Document) {
            var used = Set<String>()
            for block in document.blocks {
                let id: String?
                switch block {
                case .heading(let heading): id = heading.id
                case .table(let table): id = table.id
                default: id = nil
                }
                guard let id, !id.isEmpty, bookmarks[id] == nil else { continue }
                let name = Self.bookmarkName(for: id, avoiding: used)
                used.insert(name)
                bookmarks[id] = name
            }
        }

        /// Word bookmark names: ASCII letters, digits and `_`, starting with a letter, at most 40 characters.
        static func bookmarkName(for id: String, avoiding used: Set<String>) -> String {
            var base = String(
                id.unicodeScalars.map { scalar -> Character in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                        ? Character(scalar) : "_"
                })
            if !(base.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic } ?? false) {
                base = "b_" + base
            }
            base = String(base.prefix(40))
            var name = base
            var n = 2
            while used.contains(name) {
                let suffix = "_\(n)"
                name = String(base.prefix(40 - suffix.count)) + suffix
                n += 1
            }
            return name
        }

        mutating func add(_ block: Block) {
            if closeAfterTable { closeSection(next: .portrait) }
            switch block {
            case .pageBreak:
                if sectionHasContent { pendingBreak = true }
            case .heading(let heading):
                let level = min(max(heading.level, 0), 3)
                var paragraph = WordParagraph(style: Self.headingStyles[level], keepNext: true)
                paragraph.content = bookmarked(
                    heading.id, runs(brokenLikePublished(heading.text, Self.headingLines[level])))
                append(paragraph)
            case .paragraph(let text):
                var paragraph = WordParagraph(style: Self.paragraphStyles[text.style] ?? "Body")
                paragraph.content = runs(text.text)
                append(paragraph)
            case .tocEntry(let entry):
                var paragraph = WordParagraph(style: entry.level >= 2 ? "TOC2" : "TOC1")
                if let target = entry.target, let name = bookmarks[target] {
                    paragraph.content =
                        "<w:hyperlink w:anchor=\"\(name)\" w:history=\"1\">\(runs(entry.text))</w:hyperlink>"
                } else {
                    paragraph.content = runs(entry.text)
                }
                append(paragraph)
            case .table(let table):
                if table.landscape { openLandscapeSection() }
                addTable(table)
                if table.landscape { closeAfterTable = true }
            }
        }

        static let headingStyles = ["Title", "Heading1", "Heading2", "Heading3"]

        /// How a heading's lines are set: its em in twips and how much of the text width its first line loses
        /// to the indent (title 二号 22 pt, parts 三号 16 pt centred, sections 三号 indented two characters).
        struct LineMetrics {
            var em: Int
            var indent: Int
        }
        static let headingLines = [
            LineMetrics(em: 440, indent: 0), LineMetrics(em: 320, indent: 0), LineMetrics(em: 320, indent: 640),
            LineMetrics(em: 320, indent: 640),
        ]
        static let tableTitleLine = LineMetrics(em: 320, indent: 0)

        /// `text` with line breaks (LF, written as `w:br`) where a published report breaks it when it does not
        /// fit the line: at a space, or evenly between characters, never one character alone on a line.
        func brokenLikePublished(_ text: String, _ line: LineMetrics) -> String {
            let width = (page.textWidth - line.indent) * TextWidth.em / line.em
            let lines = TextWidth.balancedLines(text, width: width)
            return lines.count == 1 ? text : lines.joined(separator: "\n")
        }
        static let paragraphStyles: [Documents.Paragraph.Style: String] = [
            .body: "Body", .center: "Center", .right: "Right", .note: "Note",
        ]

        mutating func append(_ paragraph: WordParagraph) {
            var paragraph = paragraph
            if pendingBreak {
                paragraph.pageBreakBefore = true
                pendingBreak = false
            }
            elements.append(.paragraph(paragraph))
        }

        /// Starts a landscape section for a table. Headings just before the table move along with it, so that a
        /// heading is not left alone at the bottom of a portrait page.
        mutating func openLandscapeSection() {
            var count = 0
            while elements.count - count > sectionStart,
                case .paragraph(let last) = elements[elements.count - count - 1],
                last.style.hasPrefix("Heading"), last.sectPr == nil
            {
                count += 1
            }
            if elements.count - count == sectionStart {
                // Nothing would be left behind: the section itself turns landscape.
                page = .landscape
            } else {
                let moved = elements.suffix(count)
                elements.removeLast(count)
                closeSection(next: .landscape)
                for case .paragraph(var paragraph) in moved {
                    paragraph.pageBreakBefore = false
                    elements.append(.paragraph(paragraph))
                }
            }
            pendingBreak = false
        }

        /// Ends the current section (its properties go on its last paragraph) and starts one laid out on `next`.
        mutating func closeSection(next: Page) {
            attachSectionProperties()
            page = next
            sectionStart = elements.count
            pendingBreak = false
            closeAfterTable = false
        }

        private mutating func attachSectionProperties() {
            if case .paragraph(var last) = elements.last, last.sectPr == nil {
                last.sectPr = page.sectPr
                elements[elements.count - 1] = .paragraph(last)
            } else {
                // After a table: a tiny empty paragraph carries the section break.
                elements.append(.paragraph(WordParagraph(style: "SectionEnd", sectPr: page.sectPr)))
            }
        }

        mutating func finish() -> String {
            // The body ends with a paragraph: Word wants one after a last table, and an empty document needs one.
            switch elements.last {
            case .paragraph: break
            case .table: elements.append(.paragraph(WordParagraph(style: "SectionEnd")))
            case nil: elements.append(.paragraph(WordParagraph(style: "Normal")))
            }
            let parts = elements.map { element in
                switch element {
                case .paragraph(let paragraph): paragraph.xml
                case .table(let table): table
                }
            }
            var xml = ""
            xml.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + 1024)
            for part in parts { xml += part }
            return xml + page.sectPr
        }

        /// Wraps `content` in a bookmark named after `id`, if the id has one.
        mutating func bookmarked(_ id: String?, _ content: String) -> String {
            guard let id, let name = bookmarks[id], placed.insert(id).inserted else { return content }
            let number = nextBookmarkID
            nextBookmarkID += 1
            return
                "<w:bookmarkStart w:id=\"\(number)\" w:name=\"\(name)\"/>\(content)<w:bookmarkEnd w:id=\"\(number)\"/>"
        }

        // MARK: Tables

        mutating func addTable(_ table: Table) {
            var bookmarkPlaced = false
            // A table without a title of its own has it in the paragraph just before (a caption such as
            // `表 1 资金实际使用情况`, or `……包括：`): that paragraph stays on the page of the table's first rows.
            if table.title == nil, case .paragraph(var previous) = elements.last, elements.count > sectionStart,
                previous.sectPr == nil, !previous.keepNext
            {
                previous.keepNext = true
                elements[elements.count - 1] = .paragraph(previous)
            }
            if let title = table.title {
                var paragraph = WordParagraph(style: "TableTitle", keepNext: true)
                paragraph.content = bookmarked(table.id, runs(brokenLikePublished(title, Self.tableTitleLine)))
                bookmarkPlaced = true
                append(paragraph)
            }
            for line in table.preamble {
                var paragraph = WordParagraph(style: "TablePreamble", keepNext: true)
                paragraph.content = bookmarkPlaced ? runs(line) : bookmarked(table.id, runs(line))
                bookmarkPlaced = true
                append(paragraph)
            }
            let rows = table.header + table.body
            if !table.columns.isEmpty && !rows.isEmpty {
                if !bookmarkPlaced, let id = table.id, bookmarks[id] != nil, !placed.contains(id) {
                    append(WordParagraph(style: "TablePreamble", keepNext: true, content: bookmarked(id, "")))
                } else if pendingBreak {
                    append(WordParagraph(style: "SectionEnd", content: "<w:r><w:br w:type=\"page\"/></w:r>"))
                }
                elements.append(.table(tableXML(table, rows: rows)))
            }
            for note in table.notes {
                append(WordParagraph(style: "TableNote", content: runs(note)))
            }
        }

        /// Table text: 五号 (10.5 pt) in twips per em; each cell has 57 twips of margin on either side and a
        /// border of half a point.
        static let tableEm = 210
        static let cellPadding = 2 * 57 + 10

        func tableXML(_ table: Table, rows: [[Cell]]) -> String {
            let grid = TableGrid(rows: rows, columnCount: table.columns.count)
            let widths = ColumnLayout(
                table, grid: grid, total: page.textWidth, em: Self.tableEm, padding: Self.cellPadding
            ).widths
            var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
            xml += "<w:tblW w:w=\"\(page.textWidth)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            xml += "<w:tblBorders>"
            for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                xml += "<w:\(edge) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }
            xml += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            xml +=
                "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
            xml += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\""
            xml += " w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
            for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
            xml += "</w:tblGrid>"
            // The title, the header rows and the first body rows stay on one page (no orphaned table head).
            let keptRows = min(grid.slots.count - 1, table.header.count + 3)
            // Appending a few long pieces per cell is much cheaper than many short ones: the start of a one-column
            // cell up to its merge is made once per column, the paragraph start is one of a few fixed strings.
            let cellStarts = widths.map { "<w:tc><w:tcPr><w:tcW w:w=\"\($0)\" w:type=\"dxa\"/>" }
            let bodyAlignments = table.columns.map { $0.numeric ? Column.Alignment.right : $0.alignment }
            for (r, slots) in grid.slots.enumerated() {
                let isHeader = r < table.header.count
                let keepNext = r < keptRows
                xml +=
                    isHeader
                    ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                var c = 0
                while c < grid.columnCount {
                    var span = 1
                    var merge: String? = nil
                    var text = ""
                    switch slots[c] {
                    case .origin(let cell):
                        span = cell.colSpan
                        if cell.rowSpan > 1 { merge = "restart" }
                        text = cell.text
                    case .covered(let row, let column):
                        guard row < r, column == c, case .origin(let cell) = grid.slots[row][column] else {
                            c += 1
                            continue
                        }
                        span = cell.colSpan
                        merge = "continue"
                    case .empty:
                        break
                    }
                    if span > 1 {
                        let width = widths[c..<min(c + span, widths.count)].reduce(0, +)
                        xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:gridSpan w:val=\"\(span)\"/>"
                    } else {
                        xml += cellStarts[c]
                    }
                    if let merge { xml += "<w:vMerge w:val=\"\(merge)\"/>" }
                    let alignment = isHeader ? .center : bodyAlignments[c]
                    xml += (keepNext ? Self.keptParagraphStarts : Self.paragraphStarts)[alignment] ?? ""
                    appendRuns(text, to: &xml)
                    xml += "</w:p></w:tc>"
                    c += span
                }
                xml += "</w:tr>"
            }
            xml += "</w:tbl>"
            return xml
        }

        /// A table cell's paragraph style by alignment (the justification is in the style, not repeated in every
        /// cell).
        static let cellStyles: [Column.Alignment: String] = [
            .left: "TableText", .center: "TableCenter", .right: "TableRight",
        ]

        /// A table cell's paragraph start up to its text, by alignment, without and with keep-with-next.
        static let paragraphStarts = cellStyles.mapValues { paragraphStart($0, keepNext: false) }
        static let keptParagraphStarts = cellStyles.mapValues { paragraphStart($0, keepNext: true) }

        static func paragraphStart(_ style: String, keepNext: Bool) -> String {
            "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>"
                + (keepNext ? "<w:keepNext/>" : "") + "</w:pPr>"
        }
    }

    /// Text as runs: TAB becomes `w:tab`, a line break (LF, CR or CR LF) `w:br`; XML-illegal characters are dropped.
    static func runs(_ text: String) -> String {
        var xml = ""
        appendRuns(text, to: &xml)
        return xml
    }

    /// Appends `runs(text)`. Scans UTF-8 bytes: TAB, LF and CR are never part of a larger `Character` (other than
    /// CR LF).
    static func appendRuns(_ text: String, to xml: inout String) {
        let utf8 = text.utf8
        guard !utf8.isEmpty else { return }
        guard LineText.containsBreaking(text) else {
            xml += "<w:r>"
            appendText(text, to: &xml)
            xml += "</w:r>"
            return
        }
        xml += "<w:r>"
        var segmentStart = utf8.startIndex
        var position = segmentStart
        while position != utf8.endIndex {
            let byte = utf8[position]
            guard LineText.isBreaking(byte) else {
                utf8.formIndex(after: &position)
                continue
            }
            if segmentStart != position { appendText(String(text[segmentStart..<position]), to: &xml) }
            utf8.formIndex(after: &position)
            if byte == LineText.tab {
                xml += "<w:tab/>"
            } else {
                xml += "<w:br/>"
                if byte == LineText.carriageReturn, position != utf8.endIndex, utf8[position] == LineText.lineFeed {
                    utf8.formIndex(after: &position)
                }
            }
            segmentStart = position
        }
        if segmentStart != utf8.endIndex { appendText(String(text[segmentStart...]), to: &xml) }
        xml += "</w:r>"
    }

    /// `<w:t>` with the text escaped; `xml:space="preserve"` only where a space would otherwise be dropped (at
    /// either end, or two in a row).
    static func appendText(_ text: String, to xml: inout String) {
        var contiguous = text
        let needsPreserve = contiguous.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == LineText.space || last == LineText.space { return true }
            var index = 1
            while index < bytes.count {
                if bytes[index] == LineText.space && bytes[index - 1] == LineText.space { return true }
                index += 1
            }
            return false
        }
        xml += needsPreserve ? "<w:t xml:space=\"preserve\">" : "<w:t>"
        XMLText.appendEscaped(text, to: &xml)
        xml += "</w:t>"
    }
}

// MARK: - Fixed parts

extension DocxWriter {
    /// One font for every script: digits and Latin letters are set in the same font as the Chinese text.
    static func fonts(_ name: String) -> String {
        "<w:rFonts w:ascii=\"\(name)\" w:eastAsia=\"\(name)\" w:hAnsi=\"\(name)\" w:cs=\"\(name)\"/>"
    }

    /// Font names as Word knows them; the east-Asian ones are the GB/T 9704 fonts.
    static let bodyFont = "仿宋_GB2312"
    static let titleFont = "方正小标宋简体"
    static let partFont = "黑体"
    static let sectionFont = "楷体_GB2312"
    static let footerFont = "宋体"

    /// 22 lines on the 225 mm A4 text height: 28.95 pt.
    static let bodyLine = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\"/>"
    static let singleLine = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"

    static func paragraphStyle(
        _ id: String, name: String, basedOn: String? = "Normal", next: String? = nil, outline: Int? = nil,
        paragraph: String, run: String
    ) -> String {
        var xml = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        if let basedOn { xml += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let next { xml += "<w:next w:val=\"\(next)\"/>" }
        xml += "<w:qFormat/><w:pPr>\(paragraph)"
        if let outline { xml += "<w:outlineLvl w:val=\"\(outline)\"/>" }
        xml += "</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
        return xml
    }

    static func size(_ halfPoints: Int) -> String {
        "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
    }

    static let indentTwoCharacters = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
    static let noIndent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"

    static let stylesXML: String = {
        let lang = "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
        var xml = OfficePackage.xmlDeclaration
        xml += "<w:styles xmlns:w=\"\(wordNamespace)\"><w:docDefaults><w:rPrDefault><w:rPr>"
        xml += fonts(bodyFont) + "<w:kern w:val=\"2\"/>" + size(32) + lang
        xml += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\(singleLine)</w:pPr></w:pPrDefault></w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
        xml += "<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/>\(bodyLine)<w:jc w:val=\"both\"/></w:pPr>"
        xml += "<w:rPr>\(fonts(bodyFont))\(size(32))\(lang)</w:rPr></w:style>"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
        xml += "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        xml += "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
        xml += "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        xml += "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        xml += "</w:style>"
        xml += "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/>"
        xml += "<w:semiHidden/></w:style>"
        xml += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
        xml += "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(edge) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += "</w:tblBorders></w:tblPr></w:style>"

        xml += paragraphStyle(
            "Title", name: "Title", next: "Body",
            paragraph: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"579\" w:line=\"240\" w:lineRule=\"auto\"/>"
                + "<w:jc w:val=\"center\"/>",
            run: fonts(titleFont) + size(44))
        xml += paragraphStyle(
            "Heading1", name: "heading 1", next: "Body", outline: 0,
            paragraph: "<w:keepNext/><w:spacing w:before=\"290\" w:after=\"290\" w:line=\"579\" w:lineRule=\"exact\"/>"
                + noIndent + "<w:jc w:val=\"center\"/>",
            run: fonts(partFont) + size(32))
        xml += paragraphStyle(
            "Heading2", name: "heading 2", next: "Body", outline: 1,
            paragraph: "<w:keepNext/>" + indentTwoCharacters,
            run: fonts(sectionFont) + size(32))
        xml += paragraphStyle(
            "Heading3", name: "heading 3", next: "Body", outline: 2,
            paragraph: "<w:keepNext/>" + indentTwoCharacters,
            run: fonts(bodyFont) + "<w:b/><w:bCs/>" + size(32))
        xml += paragraphStyle("Body", name: "Body", paragraph: indentTwoCharacters, run: "")
        xml += paragraphStyle("Center", name: "Center", paragraph: noIndent + "<w:jc w:val=\"center\"/>", run: "")
        xml += paragraphStyle("Right", name: "Right", paragraph: noIndent + "<w:jc w:val=\"right\"/>", run: "")
        xml += paragraphStyle(
            "Note", name: "Note", paragraph: "<w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/>", run: size(28))
        xml += paragraphStyle("TOC1", name: "toc 1", next: "Body", paragraph: noIndent, run: "")
        xml += paragraphStyle(
            "TOC2", name: "toc 2", next: "Body",
            paragraph: "<w:ind w:leftChars=\"200\" w:left=\"640\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>", run: "")
        xml += paragraphStyle(
            "TableTitle", name: "Table Title",
            paragraph: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>"
                + noIndent + "<w:jc w:val=\"center\"/>",
            run: "<w:b/><w:bCs/>" + size(32))
        xml += paragraphStyle(
            "TablePreamble", name: "Table Preamble",
            paragraph: "<w:keepNext/>" + singleLine + noIndent + "<w:jc w:val=\"left\"/>", run: size(21))
        xml += paragraphStyle(
            "TableText", name: "Table Text", paragraph: singleLine + noIndent + "<w:jc w:val=\"left\"/>",
            run: "<w:kern w:val=\"0\"/>" + size(21))
        xml += paragraphStyle(
            "TableCenter", name: "Table Text Centred", basedOn: "TableText", paragraph: "<w:jc w:val=\"center\"/>",
            run: "")
        xml += paragraphStyle(
            "TableRight", name: "Table Text Right", basedOn: "TableText", paragraph: "<w:jc w:val=\"right\"/>", run: "")
        xml += paragraphStyle(
            "TableNote", name: "Table Note",
            paragraph: "<w:spacing w:before=\"60\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>" + noIndent
                + "<w:jc w:val=\"left\"/>",
            run: size(21))
        // Carries a section break after a table: as small as a paragraph can be.
        xml += paragraphStyle(
            "SectionEnd", name: "Section End", paragraph: singleLine + noIndent, run: size(2))
        xml += paragraphStyle(
            "Footer", name: "footer", paragraph: singleLine + noIndent + "<w:jc w:val=\"center\"/>",
            run: fonts(footerFont) + size(28))
        xml += "</w:styles>"
        return xml
    }()

    static let settingsXML: String = {
        var xml = OfficePackage.xmlDeclaration
        xml += "<w:settings xmlns:w=\"\(wordNamespace)\"><w:zoom w:percent=\"100\"/>"
        xml += "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
        xml +=
            "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\""
        xml += " w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>"
        return xml
    }()

    /// A font the styles name and what Word and WPS need to substitute it when it is missing: the font they have
    /// on every Windows machine (`altName`), the GB 2312 character set (charset 86, code page bit 18 of `csb0`),
    /// the PANOSE class and the Unicode ranges (`usb0`…: Latin, CJK ideographs and punctuation, half- and
    /// full-width forms), so that a real Chinese font takes its place, never a Latin one.
    struct FontDeclaration {
        var name: String
        var altName: String
        var panose: String
        var family: String
        var pitch: String

        var xml: String {
            var xml = "<w:font w:name=\"\(name)\"><w:altName w:val=\"\(altName)\"/>"
            xml += "<w:panose1 w:val=\"\(panose)\"/><w:charset w:val=\"86\"/><w:family w:val=\"\(family)\"/>"
            xml += "<w:pitch w:val=\"\(pitch)\"/><w:sig w:usb0=\"00000001\" w:usb1=\"080E0000\" w:usb2=\"00000010\""
            xml += " w:usb3=\"00000000\" w:csb0=\"00040000\" w:csb1=\"00000000\"/></w:font>"
            return xml
        }
    }

    /// The GB/T 9704 fonts with their Windows stand-ins: 仿宋, 宋体 (for 方正小标宋简体, which only publishing
    /// machines have), 黑体 (SimHei), 楷体 (KaiTi); 宋体 for the page numbers.
    static let fontDeclarations: [FontDeclaration] = [
        .init(name: bodyFont, altName: "仿宋", panose: "02010609030101010101", family: "modern", pitch: "fixed"),
        .init(name: titleFont, altName: "宋体", panose: "02000000000000000000", family: "auto", pitch: "variable"),
        .init(name: partFont, altName: "SimHei", panose: "02010609060101010101", family: "modern", pitch: "fixed"),
        .init(name: sectionFont, altName: "楷体", panose: "02010609030101010101", family: "modern", pitch: "fixed"),
        .init(name: footerFont, altName: "SimSun", panose: "02010600030101010101", family: "auto", pitch: "variable"),
    ]

    static let fontTableXML: String = {
        var xml = OfficePackage.xmlDeclaration
        xml += "<w:fonts xmlns:w=\"\(wordNamespace)\">"
        for font in fontDeclarations { xml += font.xml }
        xml += "</w:fonts>"
        return xml
    }()

    /// `— n —` centred, n from a PAGE field.
    static let footerXML: String = {
        var xml = OfficePackage.xmlDeclaration
        xml += "<w:ftr xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
        xml += "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
        xml += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        xml += "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        xml += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
        xml += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        xml += "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
        return xml
    }()
}
