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
        let utf8 = raw.utf8
        guard utf8.contains(backslash) else { return String(raw) }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            if byte == backslash, index != utf8.endIndex, isEscapable(utf8[index]) {
                result.append(utf8[index])
                utf8.formIndex(after: &index)
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Without the spaces and TABs at either end that are layout (an escaped space is text).
    static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if !LineText.isSpaceOrTab(first) && !LineText.isSpaceOrTab(last) { return text }
        var lower = utf8.startIndex
        while lower != utf8.endIndex, LineText.isSpaceOrTab(utf8[lower]) { utf8.formIndex(after: &lower) }
        var upper = utf8.endIndex
        while upper > lower {
            let before = utf8.index(before: upper)
            guard LineText.isSpaceOrTab(utf8[before]) else { break }
            // Escaped when an odd number of backslashes precede it.
            var backslashes = 0
            var probe = before
            while probe > lower {
                utf8.formIndex(before: &probe)
                guard utf8[probe] == backslash else { break }
                backslashes += 1
            }
            if backslashes % 2 == 1 { break }
            upper = before
        }
        return scalars(text, lower, upper)
    }

    /// The TAB-separated cells of `line` (n TABs give n + 1 cells), each `trimmed`.
    static func cells(_ line: Substring) -> [Substring] {
        var cells: [Substring] = []
        let utf8 = line.utf8
        var start = utf8.startIndex
        var position = start
        while position != utf8.endIndex {
            if utf8[position] == LineText.tab {
                cells.append(trimmed(scalars(line, start, position)))
                start = utf8.index(after: position)
            }
            utf8.formIndex(after: &position)
        }
        cells.append(trimmed(scalars(line, start, utf8.endIndex)))
        return cells
    }

    /// The text between two UTF-8 positions at scalar boundaries, exactly: slicing a `Substring` directly would
    /// round the bounds to `Character` boundaries.
    @inline(__always) static func scalars(_ text: Substring, _ lower: String.Index, _ upper: String.Index) -> Substring
    {
        Substring(text.unicodeScalars[lower..<upper])
    }
}
