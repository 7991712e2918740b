// How wide text is when a Chinese office font sets it, without the font: CJK characters are one em, digits and
// Latin letters have the advance of the widest of the fonts a reader is likely to get (仿宋_GB2312 and the other
// GB/T 9704 fonts set ASCII at half an em; their usual stand-ins, Noto Serif / Sans CJK SC and DejaVu Sans,
// wider).
// Widths are integers in thousandths of an em, so that every writer gets the same numbers on every machine.
// Also where a line may break: between CJK characters and at spaces, never inside a run of digits and Latin
// letters (a code, an amount, a percentage), never before a closing or after an opening punctuation mark.

public enum TextWidth {
    /// One em, the unit of `advance` and `of`.
    public static let em = 1000

    /// The advance of one scalar in thousandths of an em.
    public static func advance(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x80 { return asciiAdvances[Int(value)] }
        if isWide(scalar) { return em }
        if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B || value == 0xFEFF { return 0 }
        // Other scalars (≥ × — … ·): CJK fonts set most of them full width; counting them so never
        // under-measures.
        return em
    }

    /// The width of `text` on one line.
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += advance(scalar) }
        return width
    }

    /// The width of the widest line of `text` (lines end at LF, CR or another newline).
    public static func longestLine(_ text: String) -> Int { measure(text).longestLine }

    /// The width of the widest piece of `text` that a line cannot break inside (see `mayBreak`).
    public static func longestUnbreakable(_ text: String) -> Int { measure(text).longestUnbreakable }

    /// Both widths in one pass over the text.
    public static func measure(_ text: String) -> (longestLine: Int, longestUnbreakable: Int) {
        var longestLine = 0
        var line = 0
        var longestPiece = 0
        var piece = 0
        var previous: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            if isNewline(scalar) {
                longestLine = max(longestLine, line)
                longestPiece = max(longestPiece, piece)
                line = 0
                piece = 0
                previous = nil
                continue
            }
            let width = advance(scalar)
            line += width
            if scalar == " " || scalar == "\t" {
                longestPiece = max(longestPiece, piece)
                piece = 0
                previous = nil
                continue
            }
            if let previous, mayBreak(between: previous, and: scalar) {
                longestPiece = max(longestPiece, piece)
                piece = 0
            }
            piece += width
            previous = scalar
        }
        return (max(longestLine, line), max(longestPiece, piece))
    }

    /// LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: what `Character.isNewline` knows.
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether a line may break between two scalars that are not spaces: on either side of a CJK (wide)
    /// character, but not before closing punctuation (`，。）%`) nor after opening punctuation (`（“`).
    static func mayBreak(between before: Unicode.Scalar, and after: Unicode.Scalar) -> Bool {
        guard isWide(before) || isWide(after) else { return false }
        return !isClosing(after) && !isOpening(before)
    }

    /// Breaks `text` into as few lines of at most `width` as it can, as evenly as it can, the way published
    /// titles break: at spaces when that is enough (the space is dropped), otherwise also between CJK
    /// characters; never leaving a lone character on a line when a better break exists. Text that fits is one
    /// line.
    public static func balancedLines(_ text: String, width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // A title or heading is short; a longer text is left to the reader's own line breaking.
        guard of(text) > width, scalars.count > 1, scalars.count <= 200 else { return [text] }
        // Break candidates: (index of the first scalar of the next line, the break drops a space).
        var spaceBreaks: [(Int, Bool)] = []
        var allBreaks: [(Int, Bool)] = []
        for i in 1..<scalars.count {
            if scalars[i - 1] == " " && scalars[i] != " " {
                spaceBreaks.append((i, true))
                allBreaks.append((i, true))
            } else if scalars[i - 1] != " " && scalars[i] != " " && mayBreak(between: scalars[i - 1], and: scalars[i]) {
                allBreaks.append((i, false))
            }
        }
        let lines =
            bestLines(scalars, breaks: spaceBreaks, width: width)
            ?? bestLines(scalars, breaks: allBreaks, width: width)
            // Nothing fits: the most even split at the breaks there are (a line may still overflow).
            ?? bestLines(
                scalars, breaks: allBreaks, width: Int.max / 4,
                lineCount: min(allBreaks.count + 1, max(2, (of(text) + width - 1) / max(width, 1))))
        return lines ?? [text]
    }

    /// The split of `scalars` at some of `breaks` into the fewest lines no wider than `width` (or exactly
    /// `lineCount` lines), among those the one whose widest line is narrowest. Nil when none fits.
    private static func bestLines(
        _ scalars: [Unicode.Scalar], breaks: [(Int, Bool)], width: Int, lineCount: Int? = nil
    ) -> [String]? {
        // Line starts: 0 and each break; a line from start s to break e (exclusive of a dropped space).
        let starts = [0] + breaks.map(\.0)
        let ends = breaks.map { $0.1 ? $0.0 - 1 : $0.0 } + [scalars.count]
        var prefix = [0]
        for scalar in scalars { prefix.append(prefix[prefix.count - 1] + advance(scalar)) }
        func lineWidth(_ from: Int, _ to: Int) -> Int { prefix[ends[to]] - prefix[starts[from]] }
        let n = starts.count
        // best[k][j]: the narrowest widest line of k lines covering up to the end of line j (nil: impossible).
        let maxLines = lineCount ?? n
        var best = [[Int?]](repeating: [Int?](repeating: nil, count: n), count: maxLines + 1)
        var choice = [[Int]](repeating: [Int](repeating: -1, count: n), count: maxLines + 1)
        for j in 0..<n where lineWidth(0, j) <= width {
            best[1][j] = lineWidth(0, j)
        }
        for k in 1...maxLines {
            if k > 1 {
                for j in 0..<n {
                    for i in 0..<j {
                        guard let before = best[k - 1][i] else { continue }
                        let line = lineWidth(i + 1, j)
                        guard line <= width else { continue }
                        let widest = max(before, line)
                        if best[k][j] == nil || widest < best[k][j]! {
                            best[k][j] = widest
                            choice[k][j] = i
                        }
                    }
                }
            }
            if lineCount == nil || k == lineCount, best[k][n - 1] != nil {
                var lines: [String] = []
                var j = n - 1
                var count = k
                while count >= 1 {
                    let i = count == 1 ? -1 : choice[count][j]
                    var line = String.UnicodeScalarView()
                    line.append(contentsOf: scalars[starts[i + 1]..<ends[j]])
                    lines.append(String(line))
                    j = i
                    count -= 1
                }
                return lines.reversed()
            }
        }
        return nil
    }

    /// East-Asian wide and full-width characters.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
            // — ‘ ’ “ ” … are set full width in Chinese fonts.
            return true
        default:
            return false
        }
    }

    /// Marks a line does not start with: ，。、；：？！）》」』】〕〉”’%‰℃．,.;:?!)]}·…—
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015,
            0x3009, 0x201D, 0x2019, 0x25, 0x2030, 0x2103, 0xFF0E, 0x2C, 0x2E, 0x3B, 0x3A, 0x3F, 0x21, 0x29, 0x5D, 0x7D,
            0xB7, 0x2026, 0x2014:
            true
        default: false
        }
    }

    /// Marks a line does not end with: （《「『【〔〈“‘([{
    static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x201C, 0x2018, 0x28, 0x5B, 0x7B: true
        default: false
        }
    }

    /// ASCII advances: the widest of 仿宋_GB2312 (half an em), Noto Serif CJK SC, Noto Sans CJK SC and DejaVu Sans
    /// (what LibreOffice sets Latin text in when the named font is missing), rounded up.
    static let asciiAdvances: [Int] = (0..<128).map { code in
        let c = Character(Unicode.Scalar(UInt8(code)))
        switch c {
        case " ": return 320
        case "0"..."9": return 640
        case ".", ",", ":", ";", "!", "|", "'", "i", "j", "l": return 340
        case "%": return 950
        case "-": return 370
        case "(", ")", "[", "]", "/", "\\", "{", "}", "f", "t", "r": return 430
        case "M", "W", "m", "w", "@", "&": return 1000
        case "A"..."Z": return 780
        case "a"..."z": return 640
        default: return code < 0x20 || code == 0x7F ? 0 : 640
        }
    }
}
