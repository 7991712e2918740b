// One worksheet part (`xl/worksheets/sheetN.xml`): the cells of `<sheetData>` (rows and cells may leave out their
// `r` and follow the one before), hidden columns (`<cols>`), hidden rows, merged ranges.

enum WorksheetPart {
    static func read(
        bytes: [UInt8], part: String, sheet name: String, sharedStrings: [String], cellBudget: inout Int,
        limits: XlsxReader.Limits
    ) throws(XlsxReadError) -> SpreadsheetSheet {
        var parser = try XMLPullParser.reading(bytes, part: part, limits: limits.xml)
        _ = try XlsxReadError.xml { () throws(XMLError) in try parser.root() }
        var reader = WorksheetReader(sheet: name, sharedStrings: sharedStrings, cellBudget: cellBudget, limits: limits)
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            switch tag.local {
            case "cols": try reader.columns(&parser)
            case "sheetData": try reader.sheetData(&parser)
            case "mergeCells": try reader.mergeCells(&parser)
            default: return
            }
        }
        cellBudget = reader.cellBudget
        return SpreadsheetSheet(
            name: name, cells: reader.cells, mergedRanges: reader.merged, hiddenRows: reader.hiddenRows,
            hiddenColumns: reader.hiddenColumns)
    }
}

private struct WorksheetReader {
    let sheet: String
    let sharedStrings: [String]
    var cellBudget: Int
    let limits: XlsxReader.Limits
    var cells: [SpreadsheetCell] = []
    var merged: [CellRange] = []
    var hiddenRows: Set<Int> = []
    var hiddenColumns: [ClosedRange<Int>] = []

    init(sheet: String, sharedStrings: [String], cellBudget: Int, limits: XlsxReader.Limits) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.cellBudget = cellBudget
        self.limits = limits
    }

    /// `<col min="3" max="5" hidden="1"/>`: columns 3…5 hidden.
    mutating func columns(_ parser: inout XMLPullParser) throws(XlsxReadError) {
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            guard tag.local == "col", XlsxValue.bool(parser.attribute(static: "hidden")) == true else { return }
            let min = parser.attribute(static: "min") ?? ""
            let max = parser.attribute(static: "max") ?? ""
            guard let first = Int(min), let last = Int(max), 1 <= first, first <= last,
                last <= CellAddress.maximumColumn
            else { throw .content(parser.location(of: tag, sheet: sheet), .invalidColumnRange("\(min):\(max)")) }
            hiddenColumns.append(first...last)
        }
    }

    mutating func mergeCells(_ parser: inout XMLPullParser) throws(XlsxReadError) {
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            guard tag.local == "mergeCell" else { return }
            let reference = parser.attribute(static: "ref") ?? ""
            guard let range = CellRange(reference) else {
                throw .content(parser.location(of: tag, sheet: sheet), .invalidRange(reference))
            }
            merged.append(range)
        }
    }

    mutating func sheetData(_ parser: inout XMLPullParser) throws(XlsxReadError) {
        var row = 0
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            guard tag.local == "row" else { return }
            if let number = parser.withAttributeBytes("r", XlsxValue.positiveInteger) {
                guard let number, number <= CellAddress.maximumRow else {
                    let text = parser.attribute(static: "r") ?? ""
                    throw .content(parser.location(of: tag, sheet: sheet), .invalidRowNumber(text))
                }
                row = number
            } else {
                row += 1
                guard row <= CellAddress.maximumRow else {
                    throw .content(parser.location(of: tag, sheet: sheet), .invalidRowNumber(String(row)))
                }
            }
            if XlsxValue.bool(parser.attribute(static: "hidden")) == true { hiddenRows.insert(row) }
            var column = 0
            try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
                guard tag.local == "c" else { return }
                let address: CellAddress
                if let parsed = parser.withAttributeBytes("r", CellAddress.parse) {
                    guard let parsed else {
                        let text = parser.attribute(static: "r") ?? ""
                        throw .content(parser.location(of: tag, sheet: sheet), .invalidCellReference(text))
                    }
                    address = parsed
                } else {
                    address = CellAddress(row: row, column: column + 1)
                    guard address.column <= CellAddress.maximumColumn else {
                        throw .content(parser.location(of: tag, sheet: sheet), .invalidCellReference(address.a1))
                    }
                }
                column = address.column
                try cell(&parser, tag, at: address)
            }
        }
    }

    /// After `<c>`: its formula `<f>`, value `<v>` or inline string `<is>`, read by its type `t`.
    mutating func cell(_ parser: inout XMLPullParser, _ tag: XMLStartTag, at address: CellAddress)
        throws(XlsxReadError)
    {
        let type = parser.attribute(static: "t") ?? "n"
        var formula: String?
        var raw: String?
        var inline: String?
        try parser.forEachChild { (parser, child) throws(XlsxReadError) in
            switch child.local {
            case "f": formula = try XlsxReadError.xml { () throws(XMLError) in try parser.elementText() }
            case "v": raw = try XlsxReadError.xml { () throws(XMLError) in try parser.elementText() }
            case "is": inline = try XlsxValue.richText(&parser)
            default: return
            }
        }
        let value: SpreadsheetCell.Value
        switch (type, raw) {
        case ("inlineStr", _): value = inline.map { .text($0) } ?? .empty
        case (_, nil), (_, ""): value = .empty
        case ("n", let raw?): value = .number(raw)
        case ("s", let raw?):
            guard let index = Int(raw), sharedStrings.indices.contains(index) else {
                throw .content(
                    parser.location(of: tag, sheet: sheet, cell: address),
                    .sharedStringIndex(raw, count: sharedStrings.count))
            }
            value = .text(sharedStrings[index])
        case ("str", let raw?): value = .text(XlsxValue.unescaped(raw))
        case ("b", let raw?):
            guard let bool = XlsxValue.bool(raw) else {
                throw .content(parser.location(of: tag, sheet: sheet, cell: address), .invalidBoolean(raw))
            }
            value = .bool(bool)
        case ("e", let raw?): value = .error(raw)
        case ("d", let raw?): value = .date(raw)
        default:
            throw .content(parser.location(of: tag, sheet: sheet, cell: address), .unknownCellType(type))
        }
        guard value != .empty || formula != nil else { return }
        guard cellBudget > 0 else {
            throw .content(parser.location(of: tag, sheet: sheet, cell: address), .tooManyCells(limit: limits.cells))
        }
        cellBudget -= 1
        cells.append(SpreadsheetCell(address: address, value: value, formula: formula))
    }
}
