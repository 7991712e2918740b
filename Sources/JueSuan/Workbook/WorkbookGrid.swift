import Documents
import Foundation

// A read workbook as the department-workbook reader walks it: each sheet's extent found once, cells looked up by
// position. The workbook itself comes from `XlsxReader` (any program's .xlsx) or, in tests, from the `Spreadsheet`
// about to be written.

struct WorkbookGrid {
    struct Sheet {
        let sheet: SpreadsheetSheet
        /// The last row and column holding a cell (0 when empty).
        let extent: CellAddress

        /// Column A's and B's texts as labels are compared (`Labels.normalized`), by row; "" where blank.
        let labels: [[String]]

        init(_ sheet: SpreadsheetSheet) {
            self.sheet = sheet
            var lastColumn = 0
            for cell in sheet.cells { lastColumn = max(lastColumn, cell.address.column) }
            extent = CellAddress(row: sheet.lastRow, column: lastColumn)
            var labels = [[String]](repeating: [String](repeating: "", count: sheet.lastRow + 1), count: 3)
            for cell in sheet.cells where cell.address.column <= 2 {
                // Labels are short; a long text (a paragraph of 附件) can be no label.
                if let text = CellValue.text(cell), text.utf8.count <= Self.longestLabel {
                    labels[cell.address.column][cell.address.row] = Labels.normalized(text)
                }
            }
            self.labels = labels
        }

        /// UTF-8 bytes of the longest text compared as a label.
        static let longestLabel = 240

        var name: String { sheet.name }
        var merges: [CellRange] { sheet.mergedRanges }
        var isEmpty: Bool { sheet.cells.isEmpty }

        /// The cell at a position, nil when it holds nothing.
        subscript(row: Int, column: Int) -> SpreadsheetCell? {
            let cell = sheet.cell(at: CellAddress(row: row, column: column))
            return cell.value == .empty && cell.formula == nil ? nil : cell
        }

        /// The cell's text as shown (numbers as typed), trimmed; "" for empty cells and errors.
        func text(_ row: Int, _ column: Int) -> String {
            CellValue.text(self[row, column]) ?? ""
        }
    }

    let sheets: [Sheet]

    init(_ workbook: SpreadsheetWorkbook) {
        sheets = workbook.sheets.filter { $0.kind == .worksheet }.map(Sheet.init)
    }
}

/// Numbers as spreadsheet files store them.
enum ExcelNumber {
    /// The decimal the clerk typed, as text (`72.951859999999996` → `72.95186`): the stored number rounded to the
    /// 15 significant digits Excel keeps (`SpreadsheetNumber`). Nil for text that is not a number.
    static func decimalText(_ stored: String) -> String? {
        if isPlain(stored) { return stored }
        return SpreadsheetNumber.decimal(stored).map(CellValues.decimalText)
    }

    /// Whether `text` already is what `decimalText` gives: `-?digits(.digits)?` with at most 15 digits, no leading
    /// zero before another digit, no trailing zero after the point. Most stored numbers are (`1758.31`, `12`).
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
            let start = index
            var digits = 0
            var point = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    digits += 1
                } else if byte == UInt8(ascii: "."), !point, index > start {
                    point = true
                } else {
                    return false
                }
                index += 1
            }
            guard digits > 0, digits <= 15, bytes.last != UInt8(ascii: ".") else { return false }
            if bytes[start] == UInt8(ascii: "0"), start + 1 < bytes.count, bytes[start + 1] != UInt8(ascii: ".") {
                return false
            }
            if point && bytes.last == UInt8(ascii: "0") { return false }
            if bytes.first == UInt8(ascii: "-") && bytes.count == start + 1 { return false }
            // "-0" and "-0.0…" read as 0.
            if bytes.first == UInt8(ascii: "-"),
                !bytes[start...].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") })
            {
                return false
            }
            return true
        }
    }
}

/// Reads an .xlsx file's bytes.
enum WorkbookFile {
    static func read(_ bytes: [UInt8]) -> Result<SpreadsheetWorkbook, WorkbookFileError> {
        do {
            return .success(try XlsxReader.read(bytes: bytes))
        } catch {
            return .failure(WorkbookFileError(message: "无法读取工作簿：\(error)"))
        }
    }
}

struct WorkbookFileError: Error {
    let message: String
}
