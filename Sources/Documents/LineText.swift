// Keeping a text on one line: shared by the markup escaper and the line-oriented writers (txt, Markdown).

enum LineText {
    /// A line break (LF, CR, CR LF) — Swift keeps CR LF as one `Character`.
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// A character that would end a line or a TAB-separated cell.
    static func isBreaking(_ character: Character) -> Bool {
        character == "\t" || isLineBreak(character)
    }

    /// TABs and line breaks become one space each (a CR LF pair counts as one).
    static func flatten(_ text: String) -> String {
        guard text.contains(where: isBreaking) else { return text }
        return String(text.map { isBreaking($0) ? " " : $0 })
    }

    /// Drops trailing spaces (not TABs: a row's trailing TABs are its empty last cells).
    static func withoutTrailingSpaces(_ text: String) -> String {
        guard text.last == " " else { return text }
        var result = text
        while result.last == " " { result.removeLast() }
        return result
    }

    /// Without leading and trailing spaces and TABs.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }
}
