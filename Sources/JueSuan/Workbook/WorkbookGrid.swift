import Documents
import Foundation

// A workbook as the department-workbook reader sees it: sheets of cells, each a value and possibly the formula that
// gave it. Made from a read .xlsx file (any program's) or, in tests, straight from a `Spreadsheet`.

public struct WorkbookGrid: Sendable {
    public struct Cell: Sendable, Equatable {
        public enum Value: Sendable, Equatable {
            case empty
            case text(String)
            /// The number exactly as the file stores it (`1758.31`, `72.951859999999996`, `1E-3`).
            case number(String)
            case bool(Bool)
            case error(String)
        }

        public var value: Value
        /// The formula, without `=`, when the cell has one (its value is then the last calculated result, if any).
        public var formula: String?

        public init(_ value: Value, formula: String? = nil) {
            self.value = value
            self.formula = formula
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var cells: [Spreadsheet.Position: Cell]
        public var merges: [Spreadsheet.Range]
        public var hidden: Bool

        public init(
            name: String, cells: [Spreadsheet.Position: Cell], merges: [Spreadsheet.Range] = [], hidden: Bool = false
        ) {
            self.name = name
            self.cells = cells
            self.merges = merges
            self.hidden = hidden
        }

        /// The last row and column holding a cell (0 when empty).
        public var extent: Spreadsheet.Position {
            var last = Spreadsheet.Position(row: 0, column: 0)
            for position in cells.keys {
                last.row = max(last.row, position.row)
                last.column = max(last.column, position.column)
            }
            return last
        }

        public subscript(row: Int, column: Int) -> Cell? {
            cells[Spreadsheet.Position(row: row, column: column)]
        }

        /// The cell's text as shown (numbers as stored), trimmed; "" for empty cells and errors.
        func text(_ row: Int, _ column: Int) -> String {
            guard let cell = self[row, column] else { return "" }
            switch cell.value {
            case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
            case .number(let number): return ExcelNumber.decimalText(number) ?? number
            case .bool(let flag): return flag ? "TRUE" : "FALSE"
            case .empty, .error: return ""
            }
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The grid of a spreadsheet about to be written: what a reader of the written file would see.
    public init(_ spreadsheet: Spreadsheet) {
        sheets = spreadsheet.sheets.map { sheet in
            var cells: [Spreadsheet.Position: Cell] = [:]
            for (position, cell) in sheet.cells {
                switch cell.value {
                case .empty: continue
                case .text(let text): cells[position] = Cell(.text(text))
                case .number(let number): cells[position] = Cell(.number(number))
                case .formula(let formula, let cached):
                    switch cached {
                    case .number(let number)?: cells[position] = Cell(.number(number), formula: formula)
                    case .text(let text)?: cells[position] = Cell(.text(text), formula: formula)
                    case nil: cells[position] = Cell(.empty, formula: formula)
                    }
                }
            }
            return Sheet(name: sheet.name, cells: cells, merges: sheet.merges)
        }
    }
}

/// Numbers as spreadsheet files store them.
enum ExcelNumber {
    /// Excel keeps 15 significant digits; a file may store the binary value with 17 (`72.951859999999996`). The
    /// exact decimal the user typed is the stored number rounded to 15 significant digits (half away from zero),
    /// written without exponent and without trailing zeros: `72.95186`, `0.001`, `-3`. Nil for text that is not a
    /// number.
    static func decimalText(_ stored: String) -> String? {
        var bytes = Array(stored.utf8)
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var digits: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let value = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self)), abs(value) < 400 else {
                    return nil
                }
                exponent = value
                break
            } else {
                return nil
            }
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        // value = 0.d1d2d3… × 10^(point + exponent)
        var point = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        if digits == [0] { return "0" }
        if digits.count > 15 {
            let roundUp = digits[15] >= 5
            digits.removeLast(digits.count - 15)
            if roundUp {
                var position = 14
                while position >= 0 {
                    if digits[position] == 9 {
                        digits[position] = 0
                        position -= 1
                    } else {
                        digits[position] += 1
                        break
                    }
                }
                if position < 0 {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    point += 1
                }
            }
        }
        while digits.count > max(0, point), let last = digits.last, last == 0 { digits.removeLast() }
        var text = negative ? "-" : ""
        let zero = UInt8(ascii: "0")
        if point <= 0 {
            text +=
                "0." + String(repeating: "0", count: -point) + String(decoding: digits.map { $0 + zero }, as: UTF8.self)
        } else if point >= digits.count {
            text +=
                String(decoding: digits.map { $0 + zero }, as: UTF8.self)
                + String(repeating: "0", count: point - digits.count)
        } else {
            text +=
                String(decoding: digits[..<point].map { $0 + zero }, as: UTF8.self) + "."
                + String(decoding: digits[point...].map { $0 + zero }, as: UTF8.self)
        }
        return text
    }
}

/// Reads an .xlsx file into a `WorkbookGrid`.
enum WorkbookFile {
    static func grid(_ bytes: [UInt8]) -> Result<WorkbookGrid, WorkbookFileError> {
        .failure(WorkbookFileError(message: "暂不能读取 .xlsx 文件"))
    }
}

struct WorkbookFileError: Error {
    let message: String
}
