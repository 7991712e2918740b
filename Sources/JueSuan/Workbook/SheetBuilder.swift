import Documents
import Foundation

// The department workbook's look: what a clerk types goes in yellow, what the program computes is grey and locked,
// headers are blue. Every sheet starts with its title and a line that says what to enter, in which unit.

/// The cell styles of the department workbook.
enum WorkbookStyle {
    static let inputFill = "FFF2CC"
    static let computedFill = "EDEDED"
    static let headerFill = "DDEBF7"

    static let title = CellStyle(bold: true, fontSize: 16, horizontal: .center)
    static let instruction = CellStyle(fontSize: 10, fontColor: "595959", wrap: true)
    static let section = CellStyle(bold: true, fontSize: 12)
    static let header = CellStyle(bold: true, fill: headerFill, horizontal: .center, wrap: true, bordered: true)
    static let label = CellStyle(wrap: true, bordered: true)
    static let centered = CellStyle(horizontal: .center, wrap: true, bordered: true)
    static let note = CellStyle(fontSize: 10, wrap: true)
    static let preamble = CellStyle()

    static let inputText = CellStyle(fill: inputFill, wrap: true, bordered: true, numberFormat: "@", locked: false)
    static let inputCode = CellStyle(
        fill: inputFill, horizontal: .left, bordered: true, numberFormat: "@", locked: false)
    static let inputAmount = CellStyle(
        fill: inputFill, horizontal: .right, bordered: true, numberFormat: "#,##0.00", locked: false)
    static let inputCount = CellStyle(
        fill: inputFill, horizontal: .right, bordered: true, numberFormat: "0", locked: false)
    static let inputChoice = CellStyle(fill: inputFill, horizontal: .center, bordered: true, locked: false)
    static let inputScore = CellStyle(
        fill: inputFill, horizontal: .right, bordered: true, numberFormat: "0.00", locked: false)

    static let computedAmount = CellStyle(
        fill: computedFill, horizontal: .right, bordered: true, numberFormat: "#,##0.00")
    static let computedCount = CellStyle(fill: computedFill, horizontal: .right, bordered: true, numberFormat: "0")
    static let computedPercent = CellStyle(
        fill: computedFill, horizontal: .right, bordered: true, numberFormat: "0.00%")
    static let computedText = CellStyle(fill: computedFill, wrap: true, bordered: true)
}

/// Builds one sheet of the department workbook row by row.
struct SheetBuilder {
    var sheet: Spreadsheet.Sheet
    /// The last row written (0 before the first).
    private(set) var row = 0
    /// Columns the title and instruction lines span.
    let width: Int

    init(name: String, width: Int, columnWidths: [Double]) {
        sheet = Spreadsheet.Sheet(name: name)
        self.width = width
        for (index, columnWidth) in columnWidths.enumerated() { sheet.columnWidths[index + 1] = columnWidth }
        sheet.protected = true
    }

    /// Moves to the next row and returns its number.
    @discardableResult
    mutating func nextRow() -> Int {
        row += 1
        return row
    }

    mutating func skip(_ rows: Int = 1) {
        row += rows
    }

    /// A line of text across the sheet's width.
    mutating func line(_ text: String, style: CellStyle, height: Double? = nil) {
        nextRow()
        sheet.set(row, 1, .text(text), style)
        if width > 1 { sheet.merges.append(CellRange(rows: row...row, columns: 1...width)) }
        if let height { sheet.rowHeights[row] = height }
    }

    /// The sheet title, then what to do, in as many lines as it takes.
    mutating func heading(_ title: String, instructions: [String]) {
        line(title, style: WorkbookStyle.title, height: 28)
        for text in instructions {
            line(text, style: WorkbookStyle.instruction, height: Self.height(of: text, width: totalWidth, points: 10))
        }
    }

    /// The sum of the column widths the title spans.
    var totalWidth: Double {
        (1...max(1, width)).map { sheet.columnWidths[$0] ?? 8.43 }.reduce(0, +)
    }

    /// A row height that shows `text` wrapped in a cell `width` characters wide.
    static func height(of text: String, width: Double, points: Double = 11) -> Double {
        let usable = max(1, width - 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { count, line in
            count + max(1, Int((Double(Spreadsheet.displayWidth(String(line))) / usable).rounded(.up)))
        }
        return Double(max(1, lines)) * (points + 4)
    }

    mutating func set(_ column: Int, _ value: Spreadsheet.Value, _ style: CellStyle) {
        sheet.set(row, column, value, style)
    }

    /// A header row with `texts` from column 1.
    mutating func header(_ texts: [String]) {
        nextRow()
        for (index, text) in texts.enumerated() { set(index + 1, .text(text), WorkbookStyle.header) }
        sheet.rowHeights[row] = Self.height(of: texts.max { $0.count < $1.count } ?? "", width: 12) + 2
    }

    /// Freezes the rows up to and including the current one.
    mutating func freezeHere(columns: Int = 0) {
        sheet.frozen = (row, columns)
    }

    /// Sets the print area to every written row and the sheet's width, with `titleRows` repeated on each page.
    mutating func finish(printColumns: Int? = nil, titleRows: ClosedRange<Int>? = nil, landscape: Bool = false)
        -> Spreadsheet.Sheet
    {
        sheet.printArea = CellRange(rows: 1...max(1, row), columns: 1...(printColumns ?? width))
        sheet.printTitleRows = titleRows
        sheet.landscape = landscape
        return sheet
    }
}

// MARK: - Values

/// How amounts and counts are written into cells and formulas.
enum CellValues {
    /// An amount (万元 inside the program) in the workbook's unit, exact.
    static func amount(_ amount: Amount?, unit: InputUnit) -> Spreadsheet.Value {
        guard let amount else { return .empty }
        return .number(number(amount, unit: unit))
    }

    /// The exact decimal text of `amount` in `unit`: `1758.31`, `17583100`.
    static func number(_ amount: Amount, unit: InputUnit) -> String {
        decimalText(unit == .wanYuan ? amount.value : amount.value * 10_000)
    }

    /// Plain decimal digits with a `.`: what `Decimal` prints, without an exponent.
    static func decimalText(_ value: Decimal) -> String {
        "\(value)"
    }

    static func count(_ value: Int?) -> Spreadsheet.Value {
        value.map { .number(String($0)) } ?? .empty
    }

    static func text(_ value: String?) -> Spreadsheet.Value {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    /// A formula whose value is `amount` for the data written.
    static func formula(_ formula: String, amount: Amount, unit: InputUnit) -> Spreadsheet.Value {
        .formula(formula, cached: .number(number(amount, unit: unit)))
    }

    static func formula(_ formula: String, count: Int) -> Spreadsheet.Value {
        .formula(formula, cached: .number(String(count)))
    }
}
