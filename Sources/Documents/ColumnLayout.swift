// Column widths from a table's content, the same rule for every writer (docx, xlsx, HTML): each column is at
// least as wide as the longest piece of its cells that a line cannot break (a code, an amount, a percentage, a
// 行次), so that none of these ever wraps; then, as far as the width allows, short labels (金额, 得分, 项目名称)
// stay whole and long texts get four characters a line; what room is left goes to the columns whose texts are
// long, in proportion to how much they would need to stand on one line (as browsers lay out tables
// automatically). Names and texts then wrap between characters only where they must. When every cell fits on
// one line with room to spare, the spare room is shared by the relative widths the table gives (`Column.width`).

public struct ColumnLayout: Sendable, Equatable {
    /// Each column's width, in the unit of `total`; they add up to `total`.
    public var widths: [Int]
    /// Each column's least width: its longest unbreakable piece and the padding.
    public var minimums: [Int]
    /// Each column's width with every cell on one line (at least the minimum).
    public var preferred: [Int]

    /// Lays out `table` on `total` units, a font whose em is `em` units, with `padding` units per cell (both
    /// sides and the border). Cells that span columns count where their text needs more than the columns give.
    public init(_ table: Table, total: Int, em: Int, padding: Int) {
        self.init(
            table, grid: TableGrid(rows: table.header + table.body, columnCount: table.columns.count), total: total,
            em: em, padding: padding)
    }

    /// The same with the table's header and body rows already laid out as `grid` (a writer has it anyway).
    public init(_ table: Table, grid: TableGrid, total: Int, em: Int, padding: Int) {
        let count = table.columns.count
        guard count > 0 else {
            widths = []
            minimums = []
            preferred = []
            return
        }
        /// Thousandths of an em → units, rounded up, with 3% to spare for fonts a little wider than measured.
        func units(_ width: Int) -> Int { (width * em * 103 + 99_999) / 100_000 }
        // Three widths per column: what must not break (figures), what should not (short labels, and four
        // characters a line for long texts), and everything on one line.
        var minimum = [Int](repeating: units(TextWidth.em), count: count)
        var comfortable = minimum
        var maximum = minimum
        var spanning: [(column: Int, span: Int, need: Int)] = []
        for row in grid.slots {
            for (c, slot) in row.enumerated() {
                guard case .origin(let cell) = slot, !cell.text.isEmpty else { continue }
                let measured = TextWidth.measure(cell.text)
                let unbreakable = units(measured.longestUnbreakable)
                let whole = units(measured.longestLine)
                if cell.colSpan == 1 {
                    minimum[c] = max(minimum[c], unbreakable)
                    comfortable[c] = max(comfortable[c], whole <= units(Self.shortLabel) ? whole : unbreakable)
                    maximum[c] = max(maximum[c], whole)
                } else {
                    spanning.append((c, cell.colSpan, unbreakable))
                }
            }
        }
        for c in 0..<count {
            // A column of long texts should not be narrower than a short label: four characters a line.
            comfortable[c] = max(comfortable[c], min(maximum[c], units(Self.shortLabel)))
            minimum[c] += padding
            comfortable[c] += padding
            maximum[c] += padding
        }
        // A spanning cell whose unbreakable piece is wider than its columns together widens them evenly.
        for (column, span, need) in spanning {
            let columns = column..<min(count, column + span)
            let have = columns.reduce(0) { $0 + minimum[$1] } - padding
            guard need > have else { continue }
            let shares = Self.distribute(need - have, weights: columns.map { _ in 1 })
            for (c, share) in zip(columns, shares) {
                minimum[c] += share
                comfortable[c] = max(comfortable[c], minimum[c])
                maximum[c] = max(maximum[c], minimum[c])
            }
        }
        minimums = minimum
        preferred = maximum

        // The first of the three that does not fit decides: each column gets the width before it and a share of
        // the rest in proportion to what it lacks for this one (as browsers lay out tables automatically).
        var lower = minimum
        var fitted: [Int]? = nil
        for upper in [minimum, comfortable, maximum] {
            let need = upper.reduce(0, +)
            if need >= total {
                let base = lower.reduce(0, +)
                let lacking = zip(upper, lower).map { $0 - $1 }
                fitted =
                    base >= total
                    ? Self.distribute(total, weights: lower)
                    : zip(lower, Self.distribute(total - base, weights: lacking)).map { $0 + $1 }
                break
            }
            lower = upper
        }
        // Everything fits on one line: the room left in proportion to the relative widths the table asks for
        // (`Column.width`, in thousandths).
        let asked = table.columns.map { $0.width.isFinite && $0.width > 0 ? Int(($0.width * 1000).rounded()) : 1000 }
        widths =
            fitted ?? zip(maximum, Self.distribute(total - maximum.reduce(0, +), weights: asked)).map { $0 + $1 }
    }

    /// Texts up to four characters wide stay on one line.
    static let shortLabel = 4 * TextWidth.em

    /// `amount` split in proportion to `weights` (all equal when they add up to nothing), in whole units that add
    /// up exactly: each share is the rounded running total minus the one before.
    static func distribute(_ amount: Int, weights: [Int]) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let sum = weights.reduce(0, +)
        let weights = sum > 0 ? weights : weights.map { _ in 1 }
        let total = sum > 0 ? sum : weights.count
        var shares: [Int] = []
        var running = 0
        var previous = 0
        for weight in weights {
            running += weight
            // amount × running / total, rounded half up, in integers.
            let edge = (2 * amount * running + total) / (2 * total)
            shares.append(edge - previous)
            previous = edge
        }
        return shares
    }
}
