// A workbook as read from an .xlsx file: sheets in workbook order, each with its cells (values as the file holds
// them, numbers as their exact text), merged ranges and hidden rows and columns. Plain values, no styles; knows
// nothing of what the cells mean.

/// A cell position, 1-based: row 1, column 1 is A1.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `C12` or `$C$12` (letters in either case); nil for anything else or a position outside a sheet.
    public init?(_ text: String) {
        var text = text
        guard let address = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = address
    }

    public init?(_ text: Substring) {
        self.init(String(text))
    }

    static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> CellAddress? {
        var i = 0
        if i < utf8.count && utf8[i] == UInt8(ascii: "$") { i += 1 }
        var column = 0
        let lettersStart = i
        while i < utf8.count, case let upper = utf8[i] & ~0x20, upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") {
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            i += 1
            guard i - lettersStart <= 3 else { return nil }
        }
        guard i > lettersStart, column <= maximumColumn else { return nil }
        if i < utf8.count && utf8[i] == UInt8(ascii: "$") { i += 1 }
        guard i < utf8.count, utf8[i] != UInt8(ascii: "0"), utf8.count - i <= 7 else { return nil }
        var row = 0
        while i < utf8.count {
            let digit = utf8[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            row = row * 10 + Int(digit)
            i += 1
        }
        guard row <= maximumRow else { return nil }
        return CellAddress(row: row, column: column)
    }

    /// `C12`.
    public var a1: String { Self.columnName(column) + String(row) }
    public var description: String { a1 }

    /// Row-major: all of row 1 before row 2.
    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }

    /// 1 → `A`, 27 → `AA`, 16,384 → `XFD`.
    public static func columnName(_ column: Int) -> String {
        var name: [UInt8] = []
        var n = column
        while n > 0 {
            name.append(UInt8(ascii: "A") + UInt8((n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: name.reversed(), as: UTF8.self)
    }

    /// `A` → 1, `xfd` → 16,384; nil for no letters or a column past XFD.
    public static func columnNumber(_ letters: some Collection<UInt8>) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var column = 0
        for byte in letters {
            let upper = byte & ~0x20
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return nil }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
        }
        return column <= maximumColumn ? column : nil
    }
}

/// A rectangle of cells, `A1:C3`; a single cell is `A1`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C3`, `$A$1:$C$3` or `B2`.
    public init?(_ text: String) {
        var text = text
        let parsed = text.withUTF8 { utf8 -> CellRange? in
            guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else {
                return CellAddress.parse(utf8).map { CellRange(first: $0, last: $0) }
            }
            guard let first = CellAddress.parse(UnsafeBufferPointer(rebasing: utf8[..<colon])),
                let last = CellAddress.parse(UnsafeBufferPointer(rebasing: utf8[(colon + 1)...]))
            else { return nil }
            return CellRange(first: first, last: last)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    public func contains(_ address: CellAddress) -> Bool {
        (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
    }

    public var description: String { first == last ? first.a1 : "\(first.a1):\(last.a1)" }
}

/// One cell's content.
public struct SpreadsheetCell: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case empty
        case text(String)
        /// The exact text of the file's `<v>`, e.g. `2443.08`, `0.30000000000000004`, `1E-3`:
        /// `SpreadsheetNumber.decimal` reads it as the number Excel shows.
        case number(String)
        case bool(Bool)
        /// An error value such as `#DIV/0!` or `#N/A`.
        case error(String)
        /// An ISO 8601 date or time (`t="d"`), as written.
        case date(String)
    }

    public var address: CellAddress
    public var value: Value
    /// The formula without `=` when the cell has one; `value` is then its last computed result. A cell that
    /// shares its row's or column's formula (`<f t="shared" si="…"/>`) has "" here.
    public var formula: String?

    public init(address: CellAddress, value: Value, formula: String? = nil) {
        self.address = address
        self.value = value
        self.formula = formula
    }
}

/// One sheet of a workbook.
public struct SpreadsheetSheet: Sendable, Equatable {
    public enum Visibility: Sendable, Equatable {
        case visible
        /// Hidden; the user can unhide it.
        case hidden
        /// Hidden so that only a program can unhide it.
        case veryHidden
    }

    public enum Kind: Sendable, Equatable {
        case worksheet
        /// A chart sheet, dialog sheet or macro sheet: no cells are read.
        case other
    }

    public var name: String
    public var visibility: Visibility
    public var kind: Kind
    /// The cells that have a value or a formula, in row-major order (A1, B1, …, A2, …).
    public private(set) var cells: [SpreadsheetCell]
    public var mergedRanges: [CellRange]
    /// Rows marked hidden (`<row hidden="1">`).
    public var hiddenRows: Set<Int>
    /// Column ranges marked hidden (`<col min max hidden="1">`).
    public var hiddenColumns: [ClosedRange<Int>]

    /// `cells` need not be in order; the last of two cells at one address wins.
    public init(
        name: String, visibility: Visibility = .visible, kind: Kind = .worksheet, cells: [SpreadsheetCell] = [],
        mergedRanges: [CellRange] = [], hiddenRows: Set<Int> = [], hiddenColumns: [ClosedRange<Int>] = []
    ) {
        self.name = name
        self.visibility = visibility
        self.kind = kind
        self.cells = Self.rowMajor(cells)
        self.mergedRanges = mergedRanges
        self.hiddenRows = hiddenRows
        self.hiddenColumns = hiddenColumns
    }

    /// The cell at `address`; an empty cell (value `.empty`, no formula) where the sheet has none.
    public func cell(at address: CellAddress) -> SpreadsheetCell {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].address < address { low = middle + 1 } else { high = middle }
        }
        if low < cells.count && cells[low].address == address { return cells[low] }
        return SpreadsheetCell(address: address, value: .empty)
    }

    public subscript(row: Int, column: Int) -> SpreadsheetCell.Value {
        cell(at: CellAddress(row: row, column: column)).value
    }

    /// The last row and column that have a cell (0 for an empty sheet).
    public var lastRow: Int { cells.last?.address.row ?? 0 }
    public var lastColumn: Int { cells.reduce(0) { max($0, $1.address.column) } }

    public func isRowHidden(_ row: Int) -> Bool { hiddenRows.contains(row) }
    public func isColumnHidden(_ column: Int) -> Bool { hiddenColumns.contains { $0.contains(column) } }

    /// The merged range `address` is part of, if any.
    public func mergedRange(containing address: CellAddress) -> CellRange? {
        mergedRanges.first { $0.contains(address) }
    }

    /// Sorted by address, the last cell of an address kept. Cells as a program writes them are in order already.
    static func rowMajor(_ cells: [SpreadsheetCell]) -> [SpreadsheetCell] {
        var ordered = true
        for i in cells.indices.dropFirst() where !(cells[i - 1].address < cells[i].address) {
            ordered = false
            break
        }
        if ordered { return cells }
        let sorted = cells.enumerated().sorted { ($0.element.address, $0.offset) < ($1.element.address, $1.offset) }
        var result: [SpreadsheetCell] = []
        result.reserveCapacity(sorted.count)
        for (_, cell) in sorted {
            if result.last?.address == cell.address { result.removeLast() }
            result.append(cell)
        }
        return result
    }
}

/// The sheets of a workbook in workbook order.
public struct SpreadsheetWorkbook: Sendable, Equatable {
    public var sheets: [SpreadsheetSheet]
    /// Date serial numbers count from 1904-01-01 rather than 1899-12-30 (old Mac workbooks).
    public var date1904: Bool

    public init(sheets: [SpreadsheetSheet], date1904: Bool = false) {
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// The sheet called `name` (Excel compares sheet names without regard to case).
    public func sheet(named name: String) -> SpreadsheetSheet? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }
}
