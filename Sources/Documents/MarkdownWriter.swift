// GitHub-flavoured Markdown. Department text is escaped so that it never turns into Markdown syntax; a table's
// multi-row header is flattened into the single header row GFM allows.

/// Writes a document as GitHub-flavoured Markdown.
public enum MarkdownWriter {
    /// The document as Markdown: headings `#`…`####` (with `<a id>` anchors), TOC links, GFM tables; blocks
    /// separated by one blank line, ending with one newline.
    public static func write(_ document: Document) -> String {
        var chunks: [String] = []
        var tocGroup: [String] = []
        for block in document.blocks {
            if case .tocEntry(let entry) = block, entry.level >= 2 {
                tocGroup.append("- " + tocText(entry))
                continue
            }
            if !tocGroup.isEmpty {
                chunks.append(tocGroup.joined(separator: "\n"))
                tocGroup = []
            }
            switch block {
            case .heading(let heading):
                let marks = String(repeating: "#", count: min(max(heading.level, 0), 5) + 1)
                chunks.append(anchor(heading.id) + marks + " " + escapeHeading(heading.text))
            case .paragraph(let paragraph):
                chunks.append(escapeBlock(paragraph.text))
            case .tocEntry(let entry):
                chunks.append(tocText(entry))
            case .table(let table):
                chunks += tableChunks(table)
            case .pageBreak:
                break
            }
        }
        if !tocGroup.isEmpty { chunks.append(tocGroup.joined(separator: "\n")) }
        let visible = chunks.filter { !$0.isEmpty }
        return visible.isEmpty ? "" : visible.joined(separator: "\n\n") + "\n"
    }

    /// The single GFM header row for a table: per column, the texts of the header rows from top to bottom (a
    /// merged cell's text counts for every position it covers), empty and repeated parts dropped, joined by ` / `.
    static func flattenedHeader(_ table: Table) -> [String] {
        let grid = TableGrid(rows: table.header, columnCount: table.columns.count)
        return (0..<grid.columnCount).map { column in
            var parts: [String] = []
            for row in grid.slots {
                let text: String
                switch row[column] {
                case .origin(let cell): text = cell.text
                case .covered(let originRow, let originColumn):
                    guard case .origin(let cell) = grid.slots[originRow][originColumn] else { continue }
                    text = cell.text
                case .empty: continue
                }
                let part = LineText.trimmed(LineText.flatten(text))
                if !part.isEmpty && !parts.contains(part) { parts.append(part) }
            }
            return parts.joined(separator: " / ")
        }
    }

    // MARK: Blocks

    private static func anchor(_ id: String?) -> String {
        guard let id else { return "" }
        return "<a id=\"\(XMLText.escape(id))\"></a>\n"
    }

    private static func tocText(_ entry: TOCEntry) -> String {
        guard let target = entry.target else { return escapeBlock(entry.text) }
        return "[\(inline(entry.text))](#\(linkDestination(target)))"
    }

    private static func tableChunks(_ table: Table) -> [String] {
        var chunks: [String] = []
        let title = inline(table.title ?? "")
        if !title.isEmpty {
            chunks.append(anchor(table.id) + "**" + title + "**")
        } else if let id = table.id {
            chunks.append(String(anchor(id).dropLast()))
        }
        chunks += table.preamble.map(escapeBlock)
        if !table.columns.isEmpty {
            var lines = [row(flattenedHeader(table).map(escapeInline))]
            lines.append(
                "|"
                    + table.columns.map { column in
                        switch column.alignment {
                        case .left: " --- |"
                        case .center: " :---: |"
                        case .right: " ---: |"
                        }
                    }.joined())
            let body = TableGrid(rows: table.body, columnCount: table.columns.count)
            lines += body.texts.map { row($0.map(inline)) }
            chunks.append(lines.joined(separator: "\n"))
        }
        chunks += table.notes.map(escapeBlock)
        return chunks
    }

    private static func row(_ cells: [String]) -> String {
        var line = "|"
        line.reserveCapacity(cells.reduce(1) { $0 + $1.utf8.count + 3 })
        for cell in cells {
            if !cell.isEmpty {
                line += " "
                line += cell
            }
            line += " |"
        }
        return line
    }

    // MARK: Escaping

    /// A paragraph (or any text that starts a Markdown line): inline escaping plus the line-start constructs —
    /// ATX heading `#`, list markers `-` `+` and `1.` / `1)`, block quote `>`.
    static func escapeBlock(_ text: String) -> String {
        let escaped = escapeInline(LineText.trimmed(LineText.flatten(text)))
        guard let first = escaped.first else { return escaped }
        if first == "#" || first == "-" || first == "+" || first == ">" { return "\\" + escaped }
        let digits = escaped.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...9).contains(digits.count) {
            let rest = escaped.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                let after = rest.dropFirst().first
                if after == nil || after == " " {
                    return String(digits) + "\\" + String(rest)
                }
            }
        }
        return escaped
    }

    /// Heading text: inline escaping, and a trailing `#` escaped so it is not taken for a closing sequence.
    private static func escapeHeading(_ text: String) -> String {
        let escaped = escapeInline(LineText.trimmed(LineText.flatten(text)))
        guard escaped.last == "#" else { return escaped }
        return escaped.dropLast() + "\\#"
    }

    /// A text placed inside a line (link text, bold title, table cell): on one line, trimmed, escaped.
    private static func inline(_ text: String) -> String {
        escapeInline(LineText.trimmed(LineText.flatten(text)))
    }

    /// Text inside a line: backslash, emphasis (`*` `_` `~`), code (backquote), links (`[` `]`), HTML and
    /// autolinks (`<`), table cells (`|`) and `&` where it would start an entity reference. All of these are ASCII,
    /// so the text is scanned as UTF-8 bytes; a mark followed by a combining character is escaped too (a Markdown
    /// reader sees the mark, not the `Character`).
    static func escapeInline(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard bytes.contains(where: { isSpecial($0) || $0 == UInt8(ascii: "&") }) else { return text }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for (index, byte) in bytes.enumerated() {
                if isSpecial(byte) || (byte == UInt8(ascii: "&") && startsEntity(bytes, at: index)) {
                    escaped.append(UInt8(ascii: "\\"))
                }
                escaped.append(byte)
            }
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"):
            true
        default: false
        }
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `index` — what a Markdown renderer would decode.
    private static func startsEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            let isName =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "#")
            guard isName else { break }
            end += 1
        }
        return end > index + 1 && end < bytes.count && bytes[end] == UInt8(ascii: ";")
    }

    /// A link destination `#id`: ids from the markup are plain ASCII; anything else is percent-encoded.
    private static func linkDestination(_ id: String) -> String {
        var result = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}
