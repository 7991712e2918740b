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

        init(_ sheet: SpreadsheetSheet) {
            self.sheet = sheet
            extent = CellAddress(row: sheet.lastRow, column: sheet.lastColumn)
        }

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
        SpreadsheetNumber.decimal(stored).map(CellValues.decimalText)
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
