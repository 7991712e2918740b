// Lays each named table of a Document out as an Excel worksheet (SpreadsheetML), as it is printed on paper:
// title, preamble lines, header rows with merged cells, body, notes. Amounts in numeric columns become numbers
// whose format shows them exactly as the text did (`2,443.08`, `2336.27`, `0.00`, `12`).

/// Writes the tables of a `Document` that have a `sheetName` as an .xlsx workbook, one worksheet each.
public enum XlsxWriter {
    /// The .xlsx bytes, its parts compressed with `compression` (nil: stored). The same document always gives the
    /// same bytes. A document without any named table gives a workbook with one empty sheet (a workbook must have
    /// one).
    public static func write(_ document: Document, compression: Deflate.Level? = .default)
        throws(ZipArchive.Failure) -> [UInt8]
    {
        var tables: [Table] = []
        for case .table(let table) in document.blocks where table.sheetName != nil { tables.append(table) }
        let names = sheetNames(tables.map { $0.sheetName ?? "" })

        var styles = StyleRegistry()
        var strings = SharedStrings()
        // Room for every cell text at once: the table is not rehashed as it grows.
        strings.reserveCapacity(tables.reduce(0) { $0 + ($1.header + $1.body).reduce(0) { $0 + $1.count } + 8 })
        var sheets: [String] = []
        var printTitles: [String?] = []
        for (index, table) in tables.enumerated() {
            let sheet = SheetBuilder(table: table, selected: index == 0)
            sheets.append(sheet.xml(styles: &styles, strings: &strings))
            printTitles.append(sheet.printTitleRows)
        }
        if tables.isEmpty {
            sheets.append(SheetBuilder.emptySheet)
            printTitles.append(nil)
        }
        let sheetTitles = tables.isEmpty ? ["Sheet1"] : names

        let s = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let r = OfficePackage.relationshipNamespace
        var parts: [OfficePackage.Part] = [
            .init(
                name: "xl/workbook.xml", contentType: "\(s).sheet.main+xml",
                xml: workbookXML(names: sheetTitles, printTitles: printTitles))
        ]
        var workbookRelationships: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                .init(name: "xl/worksheets/sheet\(index + 1).xml", contentType: "\(s).worksheet+xml", xml: sheet))
            workbookRelationships.append((r + "/worksheet", "worksheets/sheet\(index + 1).xml"))
        }
        workbookRelationships.append((r + "/styles", "styles.xml"))
        workbookRelationships.append((r + "/sharedStrings", "sharedStrings.xml"))
        parts.append(.init(name: "xl/styles.xml", contentType: "\(s).styles+xml", xml: styles.xml))
        parts.append(.init(name: "xl/sharedStrings.xml", contentType: "\(s).sharedStrings+xml", xml: strings.xml))
        parts.append(
            .init(
                name: "xl/_rels/workbook.xml.rels", contentType: nil,
                xml: OfficePackage.relationships(workbookRelationships)))
        return try OfficePackage.zip(
            mainPart: "xl/workbook.xml", parts: parts, properties: document.properties, application: "juesuan",
            compression: compression)
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func workbookXML(names: [String], printTitles: [String?]) -> String {
        var xml = OfficePackage.xmlDeclaration
        xml += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        let titled = printTitles.enumerated().compactMap { index, rows in rows.map { (index, $0) } }
        if !titled.isEmpty {
            xml += "<definedNames>"
            for (index, rows) in titled {
                let quoted = "'" + names[index].replacingAll("'", with: "''") + "'"
                xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
                xml += XMLText.escape("\(quoted)!\(rows)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        xml += "</workbook>"
        return xml
    }

    // MARK: - Sheet names

    /// Valid, unique worksheet names for `names`, in order: characters Excel forbids (`[]:*?/\`) become `_`,
    /// apostrophes at either end are dropped, names are cut to 31 characters, and repeats (compared without case)
    /// get ` (2)`, ` (3)`, …. An empty name becomes `Sheet`.
    public static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        for name in names {
            var base = String(
                XMLText.sanitize(name).map { character -> Character in
                    "[]:*?/\\".contains(character) || character.isNewline ? "_" : character
                })
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "Sheet" }
            if base.lowercased() == "history" { base += "_" }
            var candidate = truncated(base, to: 31)
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = truncated(base, to: 31 - suffix.utf16.count) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    /// The longest prefix of `text` with at most `limit` UTF-16 units (what Excel counts), ending on a character.
    static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            let units = character.utf16.count
            if count + units > limit { break }
            result.append(character)
            count += units
        }
        return result
    }

    // MARK: - Numbers

    /// A cell text that reads as a number: its value as written in `<v>` and the number format that shows it as
    /// the text did.
    struct Number: Equatable {
        var value: String
        var decimals: Int
        var grouped: Bool

        /// `#,##0.00`, `0.00`, `#,##0`, `0`, … Numbers below 1000 look the same either way and get the grouped
        /// form, so a column reads alike.
        var formatCode: String {
            switch (grouped, decimals) {
            case (true, 2): return "#,##0.00"
            case (false, 2): return "0.00"
            case (true, 0): return "#,##0"
            case (false, 0): return "0"
            default:
                return (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
            }
        }
    }

    /// Parses `-1,234.50`, `2336.27`, `0.00`, `-3`, `12`. Not numbers: `---`, `1,23`, `007`, `1.`, `.5`, `1e3`,
    /// text, and numbers with more than 15 significant digits (Excel would round them).
    static func number(_ text: String) -> Number? {
        var text = text
        return text.withUTF8 { bytes -> Number? in
            func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            var start = 0
            var end = bytes.count
            while start < end && bytes[start] == 0x20 { start += 1 }
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
            var i = start
            let negative = i < end && bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            // The integer part: digits in groups separated by commas (1–3 digits first, then exactly 3).
            let integerStart = i
            var digits = 0
            var run = 0
            var groups = 0
            var groupsValid = true
            while i < end, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ",") {
                if bytes[i] == UInt8(ascii: ",") {
                    if groups == 0 ? !(1...3).contains(run) : run != 3 { groupsValid = false }
                    groups += 1
                    run = 0
                } else {
                    digits += 1
                    run += 1
                }
                i += 1
            }
            let integerEnd = i
            guard digits > 0 else { return nil }
            let grouped = groups > 0
            if grouped && (!groupsValid || run != 3) { return nil }
            var firstDigit = integerStart
            while bytes[firstDigit] == UInt8(ascii: ",") { firstDigit += 1 }
            if digits > 1 && bytes[firstDigit] == UInt8(ascii: "0") { return nil }
            var fractionStart = i
            var fractionEnd = i
            if i < end, bytes[i] == UInt8(ascii: ".") {
                i += 1
                fractionStart = i
                while i < end, isDigit(bytes[i]) { i += 1 }
                fractionEnd = i
                guard fractionEnd > fractionStart else { return nil }
            }
            guard i == end else { return nil }
            // Significant digits: all but the leading zeros of integer and fraction together.
            var leadingZeros = 0
            var allZero = true
            for position in integerStart..<integerEnd where bytes[position] != UInt8(ascii: ",") {
                if bytes[position] == UInt8(ascii: "0") && allZero { leadingZeros += 1 } else { allZero = false }
            }
            for position in fractionStart..<fractionEnd {
                if bytes[position] == UInt8(ascii: "0") && allZero { leadingZeros += 1 } else { allZero = false }
            }
            guard digits + (fractionEnd - fractionStart) - leadingZeros <= 15 else { return nil }
            var value: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            value.reserveCapacity(digits + fractionEnd - fractionStart + 2)
            for position in integerStart..<integerEnd where bytes[position] != UInt8(ascii: ",") {
                value.append(bytes[position])
            }
            if fractionEnd > fractionStart {
                value.append(UInt8(ascii: "."))
                value += bytes[fractionStart..<fractionEnd]
            }
            // Without leading zeros, fewer than four integer digits is below 1000.
            return Number(
                value: String(decoding: value, as: UTF8.self), decimals: fractionEnd - fractionStart,
                grouped: grouped || digits < 4)
        }
    }

}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

// MARK: - Styles and strings

extension XlsxWriter {
    /// One cell format (`<xf>` in `cellXfs`); the index in the registry is the cell's `s` attribute.
    struct CellFormat: Hashable {
        enum Font: Int {
            case normal = 0
            case title = 1
        }
        var font = Font.normal
        var bordered = false
        var numberFormat = 0
        var horizontal: String? = nil
        var vertical: String? = "center"
        var wrap = false
    }

    struct StyleRegistry {
        private(set) var formats: [CellFormat] = [CellFormat(vertical: nil)]
        private var indexes: [CellFormat: Int] = [CellFormat(vertical: nil): 0]
        /// Custom number formats in order of first use, ids from 164.
        private(set) var customFormats: [String] = []

        static let builtinFormats = ["General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4]

        mutating func numberFormatID(_ code: String) -> Int {
            if let id = Self.builtinFormats[code] { return id }
            if let index = customFormats.firstIndex(of: code) { return 164 + index }
            customFormats.append(code)
            return 163 + customFormats.count
        }

        mutating func index(_ format: CellFormat) -> Int {
            if let index = indexes[format] { return index }
            formats.append(format)
            indexes[format] = formats.count - 1
            return formats.count - 1
        }

        var xml: String {
            var xml = OfficePackage.xmlDeclaration + "<styleSheet xmlns=\"\(XlsxWriter.mainNamespace)\">"
            if !customFormats.isEmpty {
                xml += "<numFmts count=\"\(customFormats.count)\">"
                for (index, code) in customFormats.enumerated() {
                    xml += "<numFmt numFmtId=\"\(164 + index)\" formatCode=\"\(XMLText.escape(code))\"/>"
                }
                xml += "</numFmts>"
            }
            let font = "<name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/>"
            xml +=
                "<fonts count=\"2\"><font><sz val=\"11\"/>\(font)</font><font><b/><sz val=\"16\"/>\(font)</font></fonts>"
            xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            xml += "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            xml += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>"
            for edge in ["left", "right", "top", "bottom"] {
                xml += "<\(edge) style=\"thin\"><color auto=\"1\"/></\(edge)>"
            }
            xml += "<diagonal/></border></borders>"
            xml +=
                "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            xml += "<cellXfs count=\"\(formats.count)\">"
            for format in formats {
                xml += "<xf numFmtId=\"\(format.numberFormat)\" fontId=\"\(format.font.rawValue)\" fillId=\"0\""
                xml += " borderId=\"\(format.bordered ? 1 : 0)\" xfId=\"0\""
                if format.numberFormat != 0 { xml += " applyNumberFormat=\"1\"" }
                if format.font != .normal { xml += " applyFont=\"1\"" }
                if format.bordered { xml += " applyBorder=\"1\"" }
                if format.horizontal != nil || format.vertical != nil || format.wrap {
                    xml += " applyAlignment=\"1\"><alignment"
                    if let horizontal = format.horizontal { xml += " horizontal=\"\(horizontal)\"" }
                    if let vertical = format.vertical { xml += " vertical=\"\(vertical)\"" }
                    if format.wrap { xml += " wrapText=\"1\"" }
                    xml += "/></xf>"
                } else {
                    xml += "/>"
                }
            }
            xml +=
                "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            xml += "</styleSheet>"
            return xml
        }
    }

    /// The workbook's shared string table, in order of first use.
    struct SharedStrings {
        private(set) var strings: [String] = []
        private var indexes: [String: Int] = [:]
        private(set) var references = 0

        mutating func reserveCapacity(_ count: Int) {
            strings.reserveCapacity(count)
            indexes.reserveCapacity(count)
        }

        mutating func index(_ text: String) -> Int {
            references += 1
            if let index = indexes[text] { return index }
            strings.append(text)
            indexes[text] = strings.count - 1
            return strings.count - 1
        }

        var xml: String {
            var xml = OfficePackage.xmlDeclaration
            xml +=
                "<sst xmlns=\"\(XlsxWriter.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
            for string in strings { xml += "<si><t xml:space=\"preserve\">\(XMLText.escape(string))</t></si>" }
            xml += "</sst>"
            return xml
        }
    }
}

// MARK: - Worksheets

extension XlsxWriter {
    /// Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    struct SheetBuilder {
        let table: Table
        let selected: Bool
        let columnCount: Int
        let grid: TableGrid
        /// Row numbers (1-based) of the first and last header row, if any.
        var headerRows: ClosedRange<Int>? = nil
        let widths: [Int]

        init(table: Table, selected: Bool) {
            self.table = table
            self.selected = selected
            columnCount = max(1, table.columns.count)
            grid = TableGrid(rows: table.header + table.body, columnCount: table.columns.count)
            let first = 1 + (table.title == nil ? 0 : 1) + table.preamble.count
            if !table.header.isEmpty && !table.columns.isEmpty {
                headerRows = first...(first + table.header.count - 1)
            }
            widths = Self.columnWidths(table: table, grid: grid)
        }

        /// `$6:$8`: the header rows, repeated at the top of every printed page.
        var printTitleRows: String? {
            headerRows.map { "$\($0.lowerBound):$\($0.upperBound)" }
        }

        /// The printable width of an A4 page with the sheet's margins (0.5 in left and right), in twips: the
        /// columns are laid out to fill it, so that the sheet prints at full size.
        static let portraitWidth = 11906 - 1440
        static let landscapeWidth = 16838 - 1440
        /// The sheet's font, 宋体 11 pt, in twips per em; a cell's padding and grid line (5 pixels).
        static let em = 220
        static let padding = 75

        /// Column widths in twips, from the content (`ColumnLayout`): codes, amounts and percentages never wrap.
        static func columnWidths(table: Table, grid: TableGrid) -> [Int] {
            guard !table.columns.isEmpty else { return [Self.portraitWidth] }
            let total = table.landscape ? Self.landscapeWidth : Self.portraitWidth
            return ColumnLayout(table, grid: grid, total: total, em: em, padding: padding).widths
        }

        /// A width in twips as Excel counts column widths: characters of the default font's digit width (7
        /// pixels), less the 5 pixels of padding; two decimals.
        static func characters(_ twips: Int) -> String {
            // Pixels are 15 twips: (twips / 15 − 5) / 7 characters, in hundredths, rounded.
            let hundredths = max(100, (twips * 100 / 15 - 500 + 3) / 7)
            return points(Double(hundredths) / 100)
        }

        /// How many lines `text` takes in a cell `width` twips wide (wrapping), for row heights.
        static func lineCount(_ text: String, width: Int) -> Int {
            let usable = max(TextWidth.em, (width - padding) * TextWidth.em / em)
            var lines = 0
            var line = 0
            for scalar in text.unicodeScalars {
                if scalar == "\n" {
                    lines += max(1, (line + usable - 1) / usable)
                    line = 0
                } else {
                    line += TextWidth.advance(scalar)
                }
            }
            return lines + max(1, (line + usable - 1) / usable)
        }

        static let lineHeight = 15.0

        static let emptySheet: String =
            OfficePackage.xmlDeclaration
            + "<worksheet xmlns=\"\(XlsxWriter.mainNamespace)\"><sheetViews><sheetView tabSelected=\"1\""
            + " workbookViewId=\"0\"/></sheetViews><sheetData/></worksheet>"

        func xml(styles: inout StyleRegistry, strings: inout SharedStrings) -> String {
            let lastColumn = XlsxWriter.columnName(columnCount - 1)
            var rows = ""
            var merges: [String] = []
            var row = 0
            let totalWidth = widths.reduce(0, +)

            func fullWidthRow(_ text: String, format: CellFormat, height: Double?) {
                row += 1
                let style = styles.index(format)
                rows += "<row r=\"\(row)\""
                if let height { rows += " ht=\"\(Self.points(height))\" customHeight=\"1\"" }
                rows += "><c r=\"A\(row)\" s=\"\(style)\" t=\"s\"><v>\(strings.index(text))</v></c></row>"
                if columnCount > 1 { merges.append("A\(row):\(lastColumn)\(row)") }
            }

            if let title = table.title {
                fullWidthRow(title, format: CellFormat(font: .title, horizontal: "center"), height: 30)
            }
            for line in table.preamble {
                let lines = Self.lineCount(line, width: totalWidth)
                fullWidthRow(
                    line, format: CellFormat(horizontal: "left", wrap: lines > 1),
                    height: lines > 1 ? Double(lines) * Self.lineHeight : nil)
            }

            let columnNames = (0..<columnCount).map(XlsxWriter.columnName)
            var cells = ""
            /// `<c r="B7" s="3"`, appended piece by piece (an interpolation would build a string of its own).
            func openCell(_ reference: String, _ format: CellFormat) {
                cells += "<c r=\""
                cells += reference
                cells += "\" s=\""
                cells += String(styles.index(format))
                cells += "\""
            }
            for (r, slots) in grid.slots.enumerated() {
                row += 1
                let isHeader = r < table.header.count
                let rowNumber = String(row)
                cells = ""
                var lines = 1
                for (c, slot) in slots.enumerated() {
                    let column = table.columns[c]
                    let horizontal: String
                    if isHeader {
                        horizontal = "center"
                    } else if column.numeric {
                        horizontal = "right"
                    } else {
                        horizontal = column.alignment.rawValue
                    }
                    var format = CellFormat(bordered: true, horizontal: horizontal, wrap: true)
                    let reference = columnNames[c] + rowNumber
                    switch slot {
                    case .origin(let cell):
                        if cell.colSpan > 1 || cell.rowSpan > 1 {
                            let last = "\(XlsxWriter.columnName(c + cell.colSpan - 1))\(row + cell.rowSpan - 1)"
                            merges.append("\(reference):\(last)")
                        }
                        if !isHeader, column.numeric, let number = XlsxWriter.number(cell.text) {
                            format.numberFormat = styles.numberFormatID(number.formatCode)
                            format.wrap = false
                            openCell(reference, format)
                            cells += "><v>"
                            cells += number.value
                            cells += "</v></c>"
                        } else if cell.text.isEmpty {
                            openCell(reference, format)
                            cells += "/>"
                        } else {
                            let index = strings.index(cell.text)
                            openCell(reference, format)
                            cells += " t=\"s\"><v>"
                            cells += String(index)
                            cells += "</v></c>"
                            if cell.rowSpan == 1 {
                                let width = widths[c..<min(c + cell.colSpan, widths.count)].reduce(0, +)
                                lines = max(lines, Self.lineCount(cell.text, width: width))
                            }
                        }
                    case .covered, .empty:
                        openCell(reference, format)
                        cells += "/>"
                    }
                }
                rows += "<row r=\""
                rows += rowNumber
                rows += "\""
                if lines > 1 { rows += " ht=\"\(Self.points(Double(lines) * Self.lineHeight))\" customHeight=\"1\"" }
                rows += ">"
                rows += cells
                rows += "</row>"
            }

            for note in table.notes {
                let lines = Self.lineCount(note, width: totalWidth)
                fullWidthRow(
                    note, format: CellFormat(horizontal: "left", wrap: true),
                    height: lines > 1 ? Double(lines) * Self.lineHeight : nil)
            }

            var xml = OfficePackage.xmlDeclaration
            xml +=
                "<worksheet xmlns=\"\(XlsxWriter.mainNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
            xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            xml += "<dimension ref=\"A1\(row > 1 || columnCount > 1 ? ":\(lastColumn)\(max(row, 1))" : "")\"/>"
            xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\"/></sheetViews>"
            xml += "<sheetFormatPr defaultRowHeight=\"\(Self.points(Self.lineHeight))\"/><cols>"
            for (index, width) in widths.enumerated() {
                let characters = Self.characters(width)
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(characters)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
            xml += row == 0 ? "<sheetData/>" : "<sheetData>\(rows)</sheetData>"
            if !merges.isEmpty {
                xml += "<mergeCells count=\"\(merges.count)\">"
                for merge in merges { xml += "<mergeCell ref=\"\(merge)\"/>" }
                xml += "</mergeCells>"
            }
            xml += "<printOptions horizontalCentered=\"1\"/>"
            xml +=
                "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            xml += "<pageSetup paperSize=\"9\" orientation=\"\(table.landscape ? "landscape" : "portrait")\""
            xml += " fitToWidth=\"1\" fitToHeight=\"0\"/>"
            xml += "<headerFooter><oddFooter>&amp;C— &amp;P —</oddFooter></headerFooter>"
            xml += "</worksheet>"
            return xml
        }

        /// Points with at most two decimals, no trailing zeros: 15, 30, 22.5.
        static func points(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            if hundredths % 100 == 0 { return "\(hundredths / 100)" }
            if hundredths % 10 == 0 { return "\(hundredths / 100).\((hundredths % 100) / 10)" }
            return "\(hundredths / 100).\(String(format2: hundredths % 100))"
        }
    }
}

extension String {
    /// Two digits with a leading zero.
    fileprivate init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
