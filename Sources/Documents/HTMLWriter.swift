// One self-contained HTML file: inline CSS, no scripts, nothing fetched from the network. On screen a readable
// centred column; in print A4 pages with the GB/T 9704 margins, each part and each standard table on a new page,
// landscape pages for wide tables and table headers repeated on every page.

/// Writes a document as a single print-ready HTML file.
public enum HTMLWriter {
    /// The document as one HTML5 file (UTF-8, LF line ends); the same document always gives the same bytes.
    public static func write(_ document: Document) -> String {
        var out = ""
        out += "<!DOCTYPE html>\n"
        out += "<html lang=\"zh-CN\">\n"
        out += "<head>\n"
        out += "<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(XMLText.escape(title(of: document)))</title>\n"
        let properties = document.properties
        for (name, value) in [
            ("author", properties.author), ("description", properties.subject), ("keywords", properties.keywords),
        ] where !value.isEmpty {
            out += "<meta name=\"\(name)\" content=\"\(XMLText.escape(value))\">\n"
        }
        out += "<style>\n" + style + "</style>\n"
        out += "</head>\n"
        out += "<body>\n"
        out += "<main>\n"
        var inTOC = false
        for block in document.blocks {
            let isTOC: Bool
            if case .tocEntry = block { isTOC = true } else { isTOC = false }
            if isTOC && !inTOC { out += "<nav class=\"toc\">\n" }
            if !isTOC && inTOC { out += "</nav>\n" }
            inTOC = isTOC
            switch block {
            case .heading(let heading): out += self.heading(heading)
            case .paragraph(let paragraph):
                out += "<p class=\"\(paragraph.style.rawValue)\">\(XMLText.escape(paragraph.text))</p>\n"
            case .tocEntry(let entry): out += tocEntry(entry)
            case .table(let table): out += self.table(table)
            case .pageBreak: out += "<div class=\"page-break\"></div>\n"
            }
        }
        if inTOC { out += "</nav>\n" }
        out += "</main>\n"
        out += "</body>\n"
        out += "</html>\n"
        return out
    }

    /// The `<title>`: the title property, else the first document title heading.
    private static func title(of document: Document) -> String {
        if !document.properties.title.isEmpty { return document.properties.title }
        for case .heading(let heading) in document.blocks where heading.level == 0 { return heading.text }
        return ""
    }

    private static func idAttribute(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "" }
        return " id=\"\(XMLText.escape(id))\""
    }

    // MARK: Blocks

    /// Level 0 (document title) → `<h1 class="title">`, 1 (part) → `<h2>`, 2 → `<h3>`, 3 → `<h4>`.
    private static func heading(_ heading: Heading) -> String {
        let tag = "h\(min(max(heading.level, 0), 5) + 1)"
        let title = heading.level <= 0 ? " class=\"title\"" : ""
        return "<\(tag)\(title)\(idAttribute(heading.id))>\(XMLText.escape(heading.text))</\(tag)>\n"
    }

    private static func tocEntry(_ entry: TOCEntry) -> String {
        let text = XMLText.escape(entry.text)
        let content = entry.target.map { "<a href=\"#\(XMLText.escape($0))\">\(text)</a>" } ?? text
        return "<p class=\"toc\(min(max(entry.level, 1), 2))\">\(content)</p>\n"
    }

    private static func table(_ table: Table) -> String {
        var classes = ["table"]
        if table.sheetName != nil { classes.append("sheet") }
        if table.landscape { classes.append("landscape") }
        var out = "<section class=\"\(classes.joined(separator: " "))\"\(idAttribute(table.id))>\n"
        if let title = table.title { out += "<p class=\"table-title\">\(XMLText.escape(title))</p>\n" }
        for line in table.preamble { out += "<p class=\"table-pre\">\(XMLText.escape(line))</p>\n" }
        if !table.columns.isEmpty {
            let layout = self.layout(table)
            out += "<div class=\"table-wrap\">\n<table style=\"min-width: \(layout.minimumWidth)em\">\n"
            out += "<colgroup>"
            for percent in layout.percents { out += "<col style=\"width: \(percent)%\">" }
            out += "</colgroup>\n"
            if !table.header.isEmpty {
                out += "<thead>\n" + rows(table.header, columns: table.columns, header: true) + "</thead>\n"
            }
            out += "<tbody>\n" + rows(table.body, columns: table.columns, header: false) + "</tbody>\n"
            out += "</table>\n</div>\n"
        }
        for note in table.notes { out += "<p class=\"table-note\">\(XMLText.escape(note))</p>\n" }
        out += "</section>\n"
        return out
    }

    /// Rows laid out with `TableGrid`: covered positions are left out (the covering cell has colspan/rowspan),
    /// missing positions become empty cells. Body cells take the alignment of the column they start in (left, the
    /// default, needs no class; an empty cell none at all). Cells have no end tags, which HTML does not need: a
    /// report's tables are most of its bytes.
    private static func rows(_ rows: [[Cell]], columns: [Column], header: Bool) -> String {
        let grid = TableGrid(rows: rows, columnCount: columns.count)
        // Each column's opening tag up to its attributes, made once (appending pieces is much cheaper per cell
        // than an interpolation).
        let openings = columns.map { column in
            guard !header else { return "<th" }
            let alignment: String? =
                switch column.alignment {
                case .left: nil
                case .center: "c"
                case .right: "r"
                }
            let classes = [alignment, column.numeric ? "n" : nil].compactMap { $0 }
            return classes.isEmpty ? "<td" : "<td class=\"\(classes.joined(separator: " "))\""
        }
        let empty = header ? "<th" : "<td"
        var out = ""
        for slots in grid.slots {
            out += "<tr>"
            for (index, slot) in slots.enumerated() {
                let cell: Cell
                switch slot {
                case .origin(let origin): cell = origin
                case .covered: continue
                case .empty: cell = Cell("")
                }
                out += cell.text.isEmpty ? empty : openings[index]
                if cell.colSpan > 1 { out += " colspan=\"\(cell.colSpan)\"" }
                if cell.rowSpan > 1 { out += " rowspan=\"\(cell.rowSpan)\"" }
                out += ">"
                XMLText.appendEscaped(cell.text, to: &out)
            }
            out += "</tr>\n"
        }
        return out
    }

    /// The print width of the text on an A4 page with the GB/T 9704 margins, in twips: 156 mm portrait, 225 mm
    /// landscape.
    static let portraitWidth = 8845
    static let landscapeWidth = 12756
    /// Table text, 10.5 pt, in twips per em; a cell's padding (4 pt on either side) and border.
    static let tableEm = 210
    static let cellPadding = 2 * 80 + 15

    /// Column widths from the content (`ColumnLayout`, as the .docx has them on the printed page) as percentages
    /// with two decimals, and the least width of the table in ems of its text, so that on a narrow screen it
    /// scrolls rather than wrap a figure. Integer arithmetic: no locale, the same bytes everywhere.
    static func layout(_ table: Table) -> (percents: [String], minimumWidth: String) {
        let total = table.landscape ? landscapeWidth : portraitWidth
        let layout = ColumnLayout(table, total: total, em: tableEm, padding: cellPadding)
        let percents = layout.widths.map { width in
            let hundredths = (width * 10_000 * 2 + total) / (2 * total)
            return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        }
        // The table is at least as wide as makes every column its least width at its percentage.
        var least = 0
        for (minimum, width) in zip(layout.minimums, layout.widths) where width > 0 {
            least = max(least, (minimum * total + width - 1) / width)
        }
        let tenths = (least * 10 + tableEm - 1) / tableEm
        return (percents, "\(tenths / 10).\(tenths % 10)")
    }

    // MARK: Style

    private static let bodyFonts =
        "\"仿宋_GB2312\", \"FangSong_GB2312\", \"仿宋\", FangSong, STFangsong, \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"
    private static let titleFonts =
        "\"方正小标宋简体\", \"FZXiaoBiaoSong-B05S\", \"方正小标宋_GBK\", \"华文中宋\", STZhongsong, \"宋体\", SimSun, \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"
    private static let blackFonts = "\"黑体\", SimHei, STHeiti, \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif"
    private static let kaiFonts =
        "\"楷体_GB2312\", \"楷体\", KaiTi, STKaiti, \"AR PL UKai CN\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"

    /// Screen: a centred column; print: GB/T 9704 page (A4, margins top 37 right 26 bottom 35 left 28 mm).
    private static let style = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        @page { @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; font-size: 14pt; } }
        @page landscape { size: A4 landscape; margin: 26mm 35mm 28mm 37mm; }
        html { color: #000; background: #fff; }
        body { margin: 0; font-family: \(bodyFonts); font-size: 16pt; line-height: 1.75; }
        main { box-sizing: border-box; max-width: 48em; margin: 0 auto; padding: 2em 1.5em 4em; }
        h1, h2, h3, h4, h5, h6 { font-size: 16pt; font-weight: normal; line-height: 1.5; margin: 1em 0 0.5em; }
        h1.title { font-family: \(titleFonts); font-size: 22pt; text-align: center; margin: 1em 0; }
        h1.title, h2, p.table-title { word-break: keep-all; overflow-wrap: anywhere; text-wrap: balance; }
        h2 { font-family: \(blackFonts); text-align: center; margin-top: 1.5em; }
        h3 { font-family: \(kaiFonts); text-indent: 2em; }
        h4, h5, h6 { font-weight: bold; text-indent: 2em; }
        p { margin: 0; }
        p.body { text-indent: 2em; text-align: justify; }
        p.center { text-align: center; }
        p.right { text-align: right; }
        p.note { font-size: 14pt; }
        nav.toc { margin: 1em 0; }
        nav.toc a { color: inherit; text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        p.toc2 { padding-left: 2em; }
        section.table { margin: 1.5em 0; }
        p.table-title { font-family: \(blackFonts); text-align: center; margin-bottom: 0.5em; }
        p.table-pre { font-size: 12pt; line-height: 1.5; }
        p.table-note { font-size: 12pt; line-height: 1.5; margin-top: 0.25em; }
        div.table-wrap { overflow-x: auto; margin: 0.5em 0; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.4; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; overflow-wrap: break-word; }
        th { font-weight: bold; text-align: center; }
        td { text-align: left; }
        td.c { text-align: center; }
        td.r { text-align: right; }
        td.n { font-variant-numeric: tabular-nums; white-space: nowrap; }
        thead { display: table-header-group; }
        div.page-break { height: 0; }
        @media print {
          main { max-width: none; padding: 0; }
          h2 { break-before: page; }
          section.sheet { break-before: page; }
          /* Chromium does not keep a title with what follows it (break-after: avoid) when that is a table: a
             table that does not open a page of its own is kept whole, or starts a page, with its title. */
          section.table:not(.sheet) { break-inside: avoid; }
          h2 + section.sheet { break-before: auto; }
          section.landscape, h2:has(+ section.landscape) { page: landscape; }
          table { min-width: 0 !important; }
          div.table-wrap { overflow: visible; }
          div.page-break { break-after: page; }
          h1, h2, h3, h4, h5, h6, p.table-title, p.table-pre,
          p:has(+ section.table:not(:has(> p.table-title))) { break-after: avoid; }
          tr { break-inside: avoid; }
          /* A row that starts a cell spanning rows below may break: else Chromium moves whole groups of rows to
             the next page and leaves half pages empty. */
          tr:has(> [rowspan]) { break-inside: auto; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
