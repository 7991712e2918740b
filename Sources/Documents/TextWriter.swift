// Plain text, laid out like the published reports' extracted text: one block a line (or a few), blocks separated by
// one blank line, table rows as TAB-separated lines with every column present.

/// Writes a document as plain text (UTF-8, LF line ends).
public enum TextWriter {
    /// The document as plain text: blocks separated by exactly one blank line, tables as TAB-separated rows,
    /// ending with one newline (an empty document gives an empty string).
    public static func write(_ document: Document) -> String {
        var chunks: [String] = []
        var tocGroup: [String] = []
        for block in document.blocks {
            if case .tocEntry(let entry) = block, entry.level >= 2 {
                tocGroup.append(line("- " + entry.text))
                continue
            }
            if !tocGroup.isEmpty {
                chunks.append(tocGroup.joined(separator: "\n"))
                tocGroup = []
            }
            switch block {
            case .heading(let heading): chunks.append(line(heading.text))
            case .paragraph(let paragraph): chunks.append(line(paragraph.text))
            case .tocEntry(let entry): chunks.append(line(entry.text))
            case .table(let table): chunks += tableChunks(table)
            case .pageBreak: break
            }
        }
        if !tocGroup.isEmpty { chunks.append(tocGroup.joined(separator: "\n")) }
        let visible = chunks.filter { !$0.isEmpty }
        return visible.isEmpty ? "" : visible.joined(separator: "\n\n") + "\n"
    }

    private static func tableChunks(_ table: Table) -> [String] {
        var chunks: [String] = []
        if let title = table.title { chunks.append(line(title)) }
        chunks += table.preamble.map(line)
        let columnCount = table.columns.count
        if columnCount > 0 {
            let grids = [
                TableGrid(rows: table.header, columnCount: columnCount),
                TableGrid(rows: table.body, columnCount: columnCount),
            ]
            let rows = grids.flatMap(\.texts).map { texts in
                LineText.withoutTrailingSpaces(texts.map(LineText.flatten).joined(separator: "\t"))
            }
            chunks.append(rows.joined(separator: "\n"))
        }
        chunks += table.notes.map(line)
        return chunks
    }

    /// One output line for a text: TABs and line breaks become spaces, trailing spaces go.
    private static func line(_ text: String) -> String {
        LineText.withoutTrailingSpaces(LineText.flatten(text))
    }
}
