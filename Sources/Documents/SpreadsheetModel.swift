// A workbook as a person fills it in: sheets of cells with values or formulas, styles, merged cells, column widths,
// frozen panes, print areas, locked cells and lists to choose from. `SpreadsheetWriter` writes it as .xlsx. Knows
// nothing of finance; the department workbook is built from it in the JueSuan target.

/// A workbook to write: its sheets in tab order and the document properties.
public struct Spreadsheet: Sendable, Equatable {
    public var sheets: [Sheet]
    public var properties: DocumentProperties

    public init(sheets: [Sheet] = [], properties: DocumentProperties = DocumentProperties()) {
        self.sheets = sheets
        self.properties = properties
    }

    /// Display width of `text` in Excel column units (the width of a digit, about half an em): a CJK character
    /// counts 2.
    public static func displayWidth(_ text: String) -> Int {
        (TextWidth.of(text) + 499) / 500
    }

    /// `'公开01表'` — a sheet name as formulas and defined names quote it.
    public static func quotedSheetName(_ name: String) -> String {
        var quoted = "'"
        for character in name {
            if character == "'" { quoted += "''" } else { quoted.append(character) }
        }
        return quoted + "'"
    }

    /// What a cell holds.
    public enum Value: Sendable, Equatable {
        case empty
        case text(String)
        /// A number as exact decimal text (`1758.31`, `-3`), written as it is.
        case number(String)
        /// A formula without the leading `=`, with the value it gives for the data written, so that a reader that
        /// does not calculate still shows it.
        case formula(String, cached: Cached?)

        public enum Cached: Sendable, Equatable {
            case number(String)
            case text(String)
        }
    }

    public struct Cell: Sendable, Equatable {
        public var value: Value
        public var style: CellStyle

        public init(_ value: Value, style: CellStyle = CellStyle()) {
            self.value = value
            self.style = style
        }
    }

    /// A list to choose from (data validation) on a range of cells.
    public struct Choice: Sendable, Equatable {
        public var range: CellRange
        public var values: [String]
        /// Shown when something else is typed.
        public var message: String

        public init(range: CellRange, values: [String], message: String) {
            self.range = range
            self.values = values
            self.message = message
        }
    }

    public struct Sheet: Sendable, Equatable {
        public var name: String
        public private(set) var cells: [CellAddress: Cell] = [:]
        /// Widths in Excel character units, by 1-based column.
        public var columnWidths: [Int: Double] = [:]
        /// Heights in points, by 1-based row.
        public var rowHeights: [Int: Double] = [:]
        public var merges: [CellRange] = []
        /// Rows and columns kept in view while scrolling (`rows` rows at the top, `columns` at the left).
        public var frozen: (rows: Int, columns: Int) = (0, 0)
        public var printArea: CellRange?
        /// Rows repeated at the top of every printed page.
        public var printTitleRows: ClosedRange<Int>?
        public var landscape = false
        /// Print scaled to one page wide.
        public var fitToWidth = true
        /// Locked cells cannot be changed until the sheet is unprotected (no password); rows may still be inserted,
        /// deleted and resized.
        public var protected = false
        public var choices: [Choice] = []
        /// A colour for the sheet tab, `RRGGBB`.
        public var tabColor: String?

        public init(name: String) {
            self.name = name
        }

        public static func == (lhs: Sheet, rhs: Sheet) -> Bool {
            lhs.name == rhs.name && lhs.cells == rhs.cells && lhs.columnWidths == rhs.columnWidths
                && lhs.rowHeights == rhs.rowHeights && lhs.merges == rhs.merges && lhs.frozen == rhs.frozen
                && lhs.printArea == rhs.printArea && lhs.printTitleRows == rhs.printTitleRows
                && lhs.landscape == rhs.landscape && lhs.fitToWidth == rhs.fitToWidth && lhs.protected == rhs.protected
                && lhs.choices == rhs.choices && lhs.tabColor == rhs.tabColor
        }

        public subscript(row: Int, column: Int) -> Cell? {
            get { cells[CellAddress(row: row, column: column)] }
            set { cells[CellAddress(row: row, column: column)] = newValue }
        }

        public mutating func set(_ row: Int, _ column: Int, _ value: Value, _ style: CellStyle = CellStyle()) {
            cells[CellAddress(row: row, column: column)] = Cell(value, style: style)
        }

        /// The last row and column that hold a cell or a merge (0 when the sheet is empty).
        public var extent: CellAddress {
            var last = CellAddress(row: 0, column: 0)
            for position in cells.keys {
                last.row = max(last.row, position.row)
                last.column = max(last.column, position.column)
            }
            for merge in merges {
                last.row = max(last.row, merge.last.row)
                last.column = max(last.column, merge.last.column)
            }
            return last
        }
    }
}

/// How a cell looks and whether it may be changed on a protected sheet.
public struct CellStyle: Hashable, Sendable {
    public enum Horizontal: String, Sendable {
        case general, left, center, right
    }

    public var bold = false
    /// Points.
    public var fontSize = 11.0
    /// Text colour, `RRGGBB`; nil for automatic.
    public var fontColor: String?
    /// Background, `RRGGBB`; nil for none.
    public var fill: String?
    public var horizontal = Horizontal.general
    public var wrap = false
    public var bordered = false
    /// An Excel number format: `General`, `#,##0.00`, `0`, `@` (text) …
    public var numberFormat = "General"
    /// Whether the cell is locked when the sheet is protected.
    public var locked = true

    public init(
        bold: Bool = false, fontSize: Double = 11, fontColor: String? = nil, fill: String? = nil,
        horizontal: Horizontal = .general, wrap: Bool = false, bordered: Bool = false, numberFormat: String = "General",
        locked: Bool = true
    ) {
        self.bold = bold
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fill = fill
        self.horizontal = horizontal
        self.wrap = wrap
        self.bordered = bordered
        self.numberFormat = numberFormat
        self.locked = locked
    }
}

extension CellAddress {
    /// `$C$12`, as formulas and defined names refer to a fixed cell.
    public var absolute: String { "$" + Self.columnName(column) + "$" + String(row) }
}

extension CellRange {
    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.init(
            first: CellAddress(row: rows.lowerBound, column: columns.lowerBound),
            last: CellAddress(row: rows.upperBound, column: columns.upperBound))
    }

    /// `A1:C3`, or `A1` for one cell.
    public var a1: String { description }
    /// `$A$1:$C$3`.
    public var absolute: String { first.absolute + ":" + last.absolute }
}

extension SpreadsheetWorkbook {
    /// The workbook a reader of `spreadsheet`'s .xlsx would see: each cell's value, a formula's cached value.
    public init(_ spreadsheet: Spreadsheet) {
        let sheets = spreadsheet.sheets.map { sheet in
            var cells: [SpreadsheetCell] = []
            for (address, cell) in sheet.cells {
                switch cell.value {
                case .empty: continue
                case .text(let text): cells.append(SpreadsheetCell(address: address, value: .text(text)))
                case .number(let number): cells.append(SpreadsheetCell(address: address, value: .number(number)))
                case .formula(let formula, let cached):
                    let value: SpreadsheetCell.Value
                    switch cached {
                    case .number(let number)?: value = .number(number)
                    case .text(let text)?: value = .text(text)
                    case nil: value = .empty
                    }
                    cells.append(SpreadsheetCell(address: address, value: value, formula: formula))
                }
            }
            return SpreadsheetSheet(name: sheet.name, cells: cells, mergedRanges: sheet.merges)
        }
        self.init(sheets: sheets)
    }
}
