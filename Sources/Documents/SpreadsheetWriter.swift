// Writes a `Spreadsheet` as an .xlsx package (SpreadsheetML, ECMA-376 Part 1 §18): shared strings, one style per
// distinct `CellStyle`, formulas with their cached values, merged cells, frozen panes, print areas and titles, sheet
// protection with unlocked input cells, and lists to choose from. The same spreadsheet always gives the same bytes.

public enum SpreadsheetWriter {
    /// The .xlsx bytes, its parts compressed at `compression` (stored when nil).
    public static func write(_ spreadsheet: Spreadsheet, compression: Deflate.Level? = .default) throws(ZipArchive
        .Failure) -> [UInt8]
    {
        var sheets = spreadsheet.sheets
        if sheets.isEmpty { sheets = [Spreadsheet.Sheet(name: "Sheet1")] }
        let names = XlsxWriter.sheetNames(sheets.map(\.name))

        var styles = Styles()
        var strings = XlsxWriter.SharedStrings()
        var sheetXML: [String] = []
        for (index, sheet) in sheets.enumerated() {
            sheetXML.append(worksheet(sheet, selected: index == 0, styles: &styles, strings: &strings))
        }

        let s = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let r = OfficePackage.relationshipNamespace
        var parts: [OfficePackage.Part] = [
            .init(name: "xl/workbook.xml", contentType: "\(s).sheet.main+xml", xml: workbook(sheets, names: names))
        ]
        var relationships: [(String, String)] = []
        for (index, xml) in sheetXML.enumerated() {
            parts.append(
                .init(name: "xl/worksheets/sheet\(index + 1).xml", contentType: "\(s).worksheet+xml", xml: xml))
            relationships.append((r + "/worksheet", "worksheets/sheet\(index + 1).xml"))
        }
        relationships.append((r + "/styles", "styles.xml"))
        relationships.append((r + "/sharedStrings", "sharedStrings.xml"))
        parts.append(.init(name: "xl/styles.xml", contentType: "\(s).styles+xml", xml: styles.xml))
        parts.append(.init(name: "xl/sharedStrings.xml", contentType: "\(s).sharedStrings+xml", xml: strings.xml))
        parts.append(
            .init(name: "xl/_rels/workbook.xml.rels", contentType: nil, xml: OfficePackage.relationships(relationships))
        )
        return try OfficePackage.zip(
            mainPart: "xl/workbook.xml", parts: parts, properties: spreadsheet.properties, application: "juesuan",
            compression: compression)
    }

    // MARK: - Workbook

    static func workbook(_ sheets: [Spreadsheet.Sheet], names: [String]) -> String {
        var xml = OfficePackage.xmlDeclaration
        xml += "<workbook xmlns=\"\(XlsxWriter.mainNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        var defined = ""
        for (index, sheet) in sheets.enumerated() {
            let quoted = Spreadsheet.quotedSheetName(names[index])
            if let area = sheet.printArea {
                defined += "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"\(index)\">"
                defined += XMLText.escape("\(quoted)!\(area.absolute)") + "</definedName>"
            }
            if let rows = sheet.printTitleRows {
                defined += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
                defined += XMLText.escape("\(quoted)!$\(rows.lowerBound):$\(rows.upperBound)") + "</definedName>"
            }
        }
        if !defined.isEmpty { xml += "<definedNames>\(defined)</definedNames>" }
        // Excel and LibreOffice recalculate every formula on opening, so nothing shows a stale cached value.
        xml += "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
        return xml
    }

    // MARK: - Worksheet

    static func worksheet(
        _ sheet: Spreadsheet.Sheet, selected: Bool, styles: inout Styles, strings: inout XlsxWriter.SharedStrings
    ) -> String {
        let extent = sheet.extent
        var xml = OfficePackage.xmlDeclaration
        xml += "<worksheet xmlns=\"\(XlsxWriter.mainNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
        xml += "<sheetPr>"
        if let color = sheet.tabColor { xml += "<tabColor rgb=\"FF\(color)\"/>" }
        xml += sheet.fitToWidth ? "<pageSetUpPr fitToPage=\"1\"/></sheetPr>" : "</sheetPr>"
        let lastCell = CellAddress(row: max(1, extent.row), column: max(1, extent.column))
        xml += "<dimension ref=\"\(lastCell.row == 1 && lastCell.column == 1 ? "A1" : "A1:" + lastCell.a1)\"/>"
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        xml += pane(sheet.frozen)
        xml += "</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for column in sheet.columnWidths.keys.sorted() {
                let width = XlsxWriter.SheetBuilder.points(sheet.columnWidths[column] ?? 8)
                xml += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += sheetData(sheet, styles: &styles, strings: &strings)
        if sheet.protected {
            // Attributes set to 0 are the actions allowed on the protected sheet.
            xml += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\""
            xml += " insertRows=\"0\" deleteRows=\"0\"/>"
        }
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">"
            for merge in sheet.merges { xml += "<mergeCell ref=\"\(merge.a1)\"/>" }
            xml += "</mergeCells>"
        }
        if !sheet.choices.isEmpty {
            xml += "<dataValidations count=\"\(sheet.choices.count)\">"
            for choice in sheet.choices {
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\""
                xml += " error=\"\(XMLText.escape(choice.message))\" sqref=\"\(choice.range.a1)\">"
                let list = choice.values.map { $0.replacingQuotes() }.joined(separator: ",")
                xml += "<formula1>\(XMLText.escape("\"" + list + "\""))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\""
        xml += sheet.fitToWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"/>" : "/>"
        xml += "<headerFooter><oddFooter>&amp;C— &amp;P —</oddFooter></headerFooter></worksheet>"
        return xml
    }

    static func pane(_ frozen: (rows: Int, columns: Int)) -> String {
        guard frozen.rows > 0 || frozen.columns > 0 else { return "" }
        let topLeft = CellAddress(row: frozen.rows + 1, column: frozen.columns + 1).a1
        let active: String
        var xml = "<pane"
        if frozen.columns > 0 { xml += " xSplit=\"\(frozen.columns)\"" }
        if frozen.rows > 0 { xml += " ySplit=\"\(frozen.rows)\"" }
        switch (frozen.rows > 0, frozen.columns > 0) {
        case (true, true): active = "bottomRight"
        case (true, false): active = "bottomLeft"
        default: active = "topRight"
        }
        xml += " topLeftCell=\"\(topLeft)\" activePane=\"\(active)\" state=\"frozen\"/>"
        xml += "<selection pane=\"\(active)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        return xml
    }

    static func sheetData(
        _ sheet: Spreadsheet.Sheet, styles: inout Styles, strings: inout XlsxWriter.SharedStrings
    ) -> String {
        var byRow: [Int: [(Int, Spreadsheet.Cell)]] = [:]
        for (position, cell) in sheet.cells { byRow[position.row, default: []].append((position.column, cell)) }
        let rows = Set(byRow.keys).union(sheet.rowHeights.keys).sorted()
        guard !rows.isEmpty else { return "<sheetData/>" }
        var xml = "<sheetData>"
        for row in rows {
            xml += "<row r=\"\(row)\""
            if let height = sheet.rowHeights[row] {
                xml += " ht=\"\(XlsxWriter.SheetBuilder.points(height))\" customHeight=\"1\""
            }
            xml += ">"
            for (column, cell) in (byRow[row] ?? []).sorted(by: { $0.0 < $1.0 }) {
                let reference = CellAddress(row: row, column: column).a1
                let style = styles.index(cell.style)
                let s = style == 0 ? "" : " s=\"\(style)\""
                switch cell.value {
                case .empty:
                    xml += "<c r=\"\(reference)\"\(s)/>"
                case .text(let text):
                    xml += "<c r=\"\(reference)\"\(s) t=\"s\"><v>\(strings.index(escapedUnderscores(text)))</v></c>"
                case .number(let number):
                    xml += "<c r=\"\(reference)\"\(s)><v>\(number)</v></c>"
                case .formula(let formula, let cached):
                    let type: String
                    let value: String
                    switch cached {
                    case .number(let number)?:
                        type = ""
                        value = "<v>\(number)</v>"
                    case .text(let text)?:
                        type = " t=\"str\""
                        value = "<v>\(XMLText.escape(escapedUnderscores(text)))</v>"
                    case nil:
                        type = ""
                        value = ""
                    }
                    xml += "<c r=\"\(reference)\"\(s)\(type)><f>\(XMLText.escape(formula))</f>\(value)</c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData>"
    }

    /// Excel reads `_xHHHH_` in a string as an escaped character; a literal one keeps its `_` as `_x005F_`.
    static func escapedUnderscores(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x",
                scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[i + 6] == "_"
            {
                result.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                result.append(scalars[i])
            }
            i += 1
        }
        return String(result)
    }

    // MARK: - Styles

    /// The workbook's fonts, fills and cell formats, made from the distinct `CellStyle`s in order of first use;
    /// index 0 is the default style.
    struct Styles {
        struct Font: Hashable {
            var bold: Bool
            var size: Double
            var color: String?
        }

        private(set) var formats: [CellStyle] = [CellStyle()]
        private var indexes: [CellStyle: Int] = [CellStyle(): 0]
        private var fonts: [Font] = [Font(bold: false, size: 11, color: nil)]
        private var fills: [String] = []
        private var numberFormats: [String] = []

        static let builtinFormats = ["General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "@": 49]

        mutating func index(_ style: CellStyle) -> Int {
            if let index = indexes[style] { return index }
            formats.append(style)
            indexes[style] = formats.count - 1
            let font = Font(bold: style.bold, size: style.fontSize, color: style.fontColor)
            if !fonts.contains(font) { fonts.append(font) }
            if let fill = style.fill, !fills.contains(fill) { fills.append(fill) }
            if Self.builtinFormats[style.numberFormat] == nil, !numberFormats.contains(style.numberFormat) {
                numberFormats.append(style.numberFormat)
            }
            return formats.count - 1
        }

        func numberFormatID(_ code: String) -> Int {
            Self.builtinFormats[code] ?? 164 + (numberFormats.firstIndex(of: code) ?? 0)
        }

        var xml: String {
            var xml = OfficePackage.xmlDeclaration + "<styleSheet xmlns=\"\(XlsxWriter.mainNamespace)\">"
            if !numberFormats.isEmpty {
                xml += "<numFmts count=\"\(numberFormats.count)\">"
                for (index, code) in numberFormats.enumerated() {
                    xml += "<numFmt numFmtId=\"\(164 + index)\" formatCode=\"\(XMLText.escape(code))\"/>"
                }
                xml += "</numFmts>"
            }
            xml += "<fonts count=\"\(fonts.count)\">"
            for font in fonts {
                xml +=
                    "<font>" + (font.bold ? "<b/>" : "") + "<sz val=\"\(XlsxWriter.SheetBuilder.points(font.size))\"/>"
                if let color = font.color { xml += "<color rgb=\"FF\(color)\"/>" }
                xml += "<name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
            }
            xml += "</fonts><fills count=\"\(fills.count + 2)\"><fill><patternFill patternType=\"none\"/></fill>"
            xml += "<fill><patternFill patternType=\"gray125\"/></fill>"
            for fill in fills {
                xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/>"
                xml += "<bgColor indexed=\"64\"/></patternFill></fill>"
            }
            xml += "</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>"
            for edge in ["left", "right", "top", "bottom"] {
                xml += "<\(edge) style=\"thin\"><color auto=\"1\"/></\(edge)>"
            }
            xml += "<diagonal/></border></borders>"
            xml +=
                "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            xml += "<cellXfs count=\"\(formats.count)\">"
            for style in formats {
                let font = fonts.firstIndex(of: Font(bold: style.bold, size: style.fontSize, color: style.fontColor))
                let fill = style.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
                let numberFormat = numberFormatID(style.numberFormat)
                xml += "<xf numFmtId=\"\(numberFormat)\" fontId=\"\(font ?? 0)\" fillId=\"\(fill)\""
                xml += " borderId=\"\(style.bordered ? 1 : 0)\" xfId=\"0\""
                if numberFormat != 0 { xml += " applyNumberFormat=\"1\"" }
                if font != 0 { xml += " applyFont=\"1\"" }
                if fill != 0 { xml += " applyFill=\"1\"" }
                if style.bordered { xml += " applyBorder=\"1\"" }
                let aligned = style.horizontal != .general || style.wrap
                xml += " applyAlignment=\"1\""
                if !style.locked { xml += " applyProtection=\"1\"" }
                xml += "><alignment"
                if aligned, style.horizontal != .general { xml += " horizontal=\"\(style.horizontal.rawValue)\"" }
                xml += " vertical=\"center\""
                if style.wrap { xml += " wrapText=\"1\"" }
                xml += "/>"
                if !style.locked { xml += "<protection locked=\"0\"/>" }
                xml += "</xf>"
            }
            xml +=
                "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            xml += "</styleSheet>"
            return xml
        }
    }
}

extension String {
    /// A list value for a data-validation formula: `"` doubled.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result
    }
}
