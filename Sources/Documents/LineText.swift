// Keeping a text on one line: shared by the markup escaper and the line-oriented writers (txt, Markdown).
//
// TAB, LF and CR are control characters, which Unicode never joins with a neighbour into one `Character` (only CR LF
// forms one), so scanning the UTF-8 bytes finds exactly the `Character`s "\t", "\n", "\r" and "\r\n" — without the
// cost of breaking the whole text into grapheme clusters.

enum LineText {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")

    /// A byte of a line break (LF, CR).
    @inline(__always) static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == lineFeed || byte == carriageReturn
    }

    @inline(__always) static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// A byte that would end a line or a TAB-separated cell.
    @inline(__always) static func isBreaking(_ byte: UInt8) -> Bool {
        byte == tab || isLineBreak(byte)
    }

    /// Whether `text` has a TAB or a line break.
    static func containsBreaking(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(where: isBreaking) }
    }

    /// The lines of `text`, split at LF, CR and CR LF (which counts as one break).
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var position = start
        while position != utf8.endIndex {
            let byte = utf8[position]
            guard isLineBreak(byte) else {
                utf8.formIndex(after: &position)
                continue
            }
            lines.append(text[start..<position])
            utf8.formIndex(after: &position)
            if byte == carriageReturn, position != utf8.endIndex, utf8[position] == lineFeed {
                utf8.formIndex(after: &position)
            }
            start = position
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// TABs and line breaks become one space each (a CR LF pair counts as one).
    static func flatten(_ text: String) -> String {
        guard containsBreaking(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if !(byte == lineFeed && previous == carriageReturn) {
                bytes.append(isBreaking(byte) ? space : byte)
            }
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Drops trailing spaces (not TABs: a row's trailing TABs are its empty last cells).
    static func withoutTrailingSpaces(_ text: String) -> String {
        // A last `Character` " " ends in a space byte; most lines do not.
        guard text.utf8.last == space, text.last == " " else { return text }
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }

    /// Without leading and trailing spaces and TABs.
    static func trimmed(_ text: String) -> String {
        // The usual case, decided on two bytes: a `Character` " " or "\t" starts and ends with that byte.
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if !isSpaceOrTab(first) && !isSpaceOrTab(last) { return text }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }
}
