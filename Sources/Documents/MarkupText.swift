// How a value travels through the markup unchanged: `Markup.escape` writes it, the parser reads it back.
//
// The markup is line-based and its syntax is bytes: a directive is `@` and ASCII letters up to a space byte, cells
// are separated by TAB bytes, and spaces and TABs around a text are layout. Splitting and trimming therefore work on
// UTF-8 bytes, never on `Character`s: a value that starts with a combining mark or a joiner (U+0301, U+200D) forms
// one `Character` with the space before it, and reading by `Character` would take the space for part of the text
// or the directive.
//
// Escapes: `\` followed by `\`, `{`, `@` or a space stands for that character. A value escapes every `\`, `{` and
// `@` it holds (so it can never form a merge marker `{<}` / `{^}`, nor a directive at the start of a line) and the
// spaces at either end (so they are text, not layout). Any other `\` is taken as it is, so template text with a
// single backslash reads as written.

/// A cell of a table row as written.
enum MarkupCell: Equatable {
    case text(String)
    /// `{<}`: covered by the cell to its left.
    case coveredFromLeft
    /// `{^}`: covered by the cell above.
    case coveredFromAbove
}

enum MarkupText {
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let at = UInt8(ascii: "@")

    /// Whether `\` followed by `byte` is an escape.
    @inline(__always) static func isEscapable(_ byte: UInt8) -> Bool {
        byte == backslash || byte == openBrace || byte == at || byte == LineText.space
    }

    /// `value` as markup text that reads back as `value` with TAB, CR and LF (a CR LF pair counts as one) turned
    /// into spaces: the only change, since a value can neither break a line nor a cell.
    static func escape(_ value: String) -> String {
        var value = value
        return value.withUTF8 { bytes -> String? in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            guard
                first == LineText.space || last == LineText.space || LineText.isBreaking(first)
                    || LineText.isBreaking(last) || bytes.contains(where: { isEscapable($0) && $0 != LineText.space })
                    || bytes.contains(where: LineText.isBreaking)
            else { return nil }
            var flat: [UInt8] = []
            flat.reserveCapacity(bytes.count)
            var previous: UInt8 = 0
            for byte in bytes {
                if !(byte == LineText.lineFeed && previous == LineText.carriageReturn) {
                    flat.append(LineText.isBreaking(byte) ? LineText.space : byte)
                }
                previous = byte
            }
            let leading = flat.firstIndex { $0 != LineText.space } ?? flat.count
            let trailing = (flat.lastIndex { $0 != LineText.space }).map { $0 + 1 } ?? flat.count
            var result: [UInt8] = []
            result.reserveCapacity(flat.count + 8)
            for (index, byte) in flat.enumerated() {
                if byte == LineText.space ? index < leading || index >= trailing : isEscapable(byte) {
                    result.append(backslash)
                }
                result.append(byte)
            }
            return String(decoding: result, as: UTF8.self)
        } ?? value
    }

    /// The text `raw` stands for: escapes resolved.
    static func unescaped(_ raw: Substring) -> String {
        var raw = raw
        return raw.withUTF8 { text($0[...]) }
    }

    /// The text of a directive's argument: without layout spaces, escapes resolved; nil when nothing is left.
    static func text(_ argument: Substring) -> String? {
        var argument = argument
        return argument.withUTF8 { bytes -> String? in
            let range = trimmedRange(bytes, 0, bytes.count)
            return range.isEmpty ? nil : text(bytes[range])
        }
    }

    /// The TAB-separated cells of `line` (n TABs give n + 1 cells), without layout spaces: a merge marker as
    /// written (`{<}`, `{^}`), or a text with its escapes resolved (so `\{<}` is the text `{<}`).
    static func cells(_ line: Substring) -> [MarkupCell] {
        var line = line
        return line.withUTF8 { bytes in
            var cells: [MarkupCell] = []
            var start = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == LineText.tab {
                let range = trimmedRange(bytes, start, position)
                if range.count == 3, bytes[range.lowerBound] == openBrace,
                    bytes[range.lowerBound + 2] == UInt8(ascii: "}"),
                    bytes[range.lowerBound + 1] == UInt8(ascii: "<") || bytes[range.lowerBound + 1] == UInt8(ascii: "^")
                {
                    cells.append(
                        bytes[range.lowerBound + 1] == UInt8(ascii: "<") ? .coveredFromLeft : .coveredFromAbove)
                } else {
                    cells.append(.text(text(bytes[range])))
                }
                start = position + 1
            }
            return cells
        }
    }

    /// `bytes[lower..<upper]` without the spaces and TABs at either end that are layout (an escaped space is text).
    private static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> Range<Int> {
        var lower = lower
        var upper = upper
        while lower < upper, LineText.isSpaceOrTab(bytes[lower]) { lower += 1 }
        while upper > lower, LineText.isSpaceOrTab(bytes[upper - 1]) {
            // Escaped when an odd number of backslashes precede it.
            var backslashes = 0
            while upper - 2 - backslashes >= lower, bytes[upper - 2 - backslashes] == backslash { backslashes += 1 }
            if backslashes % 2 == 1 { break }
            upper -= 1
        }
        return lower..<upper
    }

    /// The text `raw` stands for.
    private static func text(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard raw.contains(backslash) else { return String(decoding: raw, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            index += 1
            if byte == backslash, index < raw.endIndex, isEscapable(raw[index]) {
                result.append(raw[index])
                index += 1
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Where the escapes of a text are: the offset from the start of `argument` of each `\\` that reading the text
    /// (`text`, or a cell of `cells` when `argument` is one cell) drops, in order.
    static func escapeOffsets(_ argument: Substring) -> [Int] {
        var argument = argument
        return argument.withUTF8 { bytes -> [Int] in
            guard bytes.contains(backslash) else { return [] }
            let range = trimmedRange(bytes, 0, bytes.count)
            var offsets: [Int] = []
            var index = range.lowerBound
            while index < range.upperBound {
                if bytes[index] == backslash, index + 1 < range.upperBound, isEscapable(bytes[index + 1]) {
                    offsets.append(index)
                    index += 2
                } else {
                    index += 1
                }
            }
            return offsets
        }
    }

    /// Without the spaces and TABs at either end that are layout (an escaped space is text).
    static func trimmed(_ text: Substring) -> Substring {
        var copy = text
        let range = copy.withUTF8 { trimmedRange($0, 0, $0.count) }
        let utf8 = text.utf8
        return scalars(
            text, utf8.index(utf8.startIndex, offsetBy: range.lowerBound),
            utf8.index(utf8.startIndex, offsetBy: range.upperBound))
    }

    /// The text between two UTF-8 positions at scalar boundaries, exactly: slicing a `Substring` directly would
    /// round the bounds to `Character` boundaries.
    @inline(__always) static func scalars(_ text: Substring, _ lower: String.Index, _ upper: String.Index) -> Substring
    {
        Substring(text.unicodeScalars[lower..<upper])
    }
}
