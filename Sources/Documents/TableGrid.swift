// Expands a table's HTML-like rows (only the cells that start in a row) into a full matrix, so that writers can
// lay out merged cells without re-deriving what covers what.

public struct TableGrid: Sendable, Equatable {
    public enum Slot: Sendable, Equatable {
        /// A cell starts here.
        case origin(Cell)
        /// Covered by the cell that starts at (row, column).
        case covered(row: Int, column: Int)
        /// Nothing here (a row shorter than the table); writers treat it as an empty cell.
        case empty
    }

    public let columnCount: Int
    public let slots: [[Slot]]

    /// Lays out `rows` on `columnCount` columns. Spans that run past the last column or row are cut.
    public init(rows: [[Cell]], columnCount: Int) {
        self.columnCount = columnCount
        var matrix = [[Slot]](repeating: [Slot](repeating: .empty, count: columnCount), count: rows.count)
        // Position (r, c) at r × columnCount + c: one array, not one per row.
        var occupied = [Bool](repeating: false, count: rows.count * columnCount)
        for (r, row) in rows.enumerated() {
            var c = 0
            for cell in row {
                while c < columnCount && occupied[r * columnCount + c] { c += 1 }
                guard c < columnCount else { break }
                let colSpan = max(1, min(cell.colSpan, columnCount - c))
                let rowSpan = max(1, min(cell.rowSpan, rows.count - r))
                var fitted = cell
                fitted.colSpan = colSpan
                fitted.rowSpan = rowSpan
                for dr in 0..<rowSpan {
                    for dc in 0..<colSpan {
                        occupied[(r + dr) * columnCount + c + dc] = true
                        matrix[r + dr][c + dc] = (dr == 0 && dc == 0) ? .origin(fitted) : .covered(row: r, column: c)
                    }
                }
                c += colSpan
            }
        }
        self.slots = matrix
    }

    /// The text shown at each position: a cell's text at its origin, "" where covered or empty.
    public var texts: [[String]] {
        slots.map { row in
            row.map { slot in
                if case .origin(let cell) = slot { return cell.text }
                return ""
            }
        }
    }
}
