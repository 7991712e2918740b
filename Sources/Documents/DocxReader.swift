// Reads the text of a Word document (.docx, WordprocessingML as Word, WPS and LibreOffice save it): the body's
// paragraphs and tables in order, as plain strings. Formatting, numbering, headers, footers, notes and drawings are
// left out; a table cell spanning several grid columns is followed by empty cells so that every row keeps its
// columns; a cell continuing a vertical merge is empty.

/// One block of a document's body.
public enum DocxBlock: Sendable, Equatable {
    /// A paragraph's text (a line break inside it is "\n", a tab "\t").
    case paragraph(String)
    /// A table: its rows of cell texts (the paragraphs of a cell joined with "\n").
    case table([[String]])
}

/// Why a .docx file cannot be read.
public enum DocxReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case zip(ZipReadError)
    case xml(XMLError)
    /// The package has no main document part.
    case missingDocument
    /// The main part is not a WordprocessingML document (its root element is named).
    case notADocument(root: String)
    case partTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .zip(let error): error.description
        case .xml(let error): error.description
        case .missingDocument: "不是 Word 文档：找不到正文部件 word/document.xml（文件可能已损坏）"
        case .notADocument(let root): "不是 Word 文档（主部件是 <\(root)>）"
        case .partTooLarge(let limit): "Word 文档的正文解压后超过 \(limit) 字节"
        }
    }
}

extension DocxReadError: XMLReadingError {
    public init(_ error: XMLError) { self = .xml(error) }
}

public enum DocxReader {
    /// The body of the document in `bytes` (the whole .docx file). `partLimit` bounds the main part's size.
    public static func read(bytes: [UInt8], partLimit: Int = 64 << 20) throws(DocxReadError) -> [DocxBlock] {
        let zip: ZipReader
        do {
            zip = try ZipReader(bytes: bytes)
        } catch {
            throw .zip(error)
        }
        var main = "word/document.xml"
        if let rels = zip.entry(named: "_rels/.rels"), let data = try? zip.data(of: rels),
            let relationships = try? PackageRelationships(bytes: data, part: rels.name, source: ""),
            let target = relationships.first(typeEndingWith: "officeDocument")?.part
        {
            main = target
        }
        guard
            let entry = zip.entry(named: main)
                ?? zip.entries.first(where: { $0.name.lowercased() == main.lowercased() })
        else { throw .missingDocument }
        guard entry.uncompressedSize <= partLimit else { throw .partTooLarge(limit: partLimit) }
        let data: [UInt8]
        do {
            data = try zip.data(of: entry)
        } catch {
            throw .zip(error)
        }
        var parser: XMLPullParser
        let root: XMLStartTag
        do {
            parser = try XMLPullParser(bytes: data, part: entry.name)
            root = try parser.root()
        } catch {
            throw .xml(error)
        }
        guard root.local == "document" else { throw .notADocument(root: root.local) }
        var blocks: [DocxBlock] = []
        try parser.forEachChild { (parser, tag) throws(DocxReadError) in
            guard tag.local == "body" else { return }
            try readBlocks(&parser, into: &blocks)
        }
        return blocks
    }

    /// The paragraphs and tables inside the current element (the body, a content control, a cell).
    private static func readBlocks(_ parser: inout XMLPullParser, into blocks: inout [DocxBlock]) throws(DocxReadError)
    {
        try parser.forEachChild { (parser, tag) throws(DocxReadError) in
            switch tag.local {
            case "p": blocks.append(.paragraph(try paragraphText(&parser)))
            case "tbl": blocks.append(.table(try table(&parser)))
            case "sdt", "sdtContent", "customXml", "smartTag", "ins":
                try readBlocks(&parser, into: &blocks)
            default: return
            }
        }
    }

    /// The text of the paragraph whose start tag was just read.
    private static func paragraphText(_ parser: inout XMLPullParser) throws(DocxReadError) -> String {
        var text = ""
        try collectText(&parser, into: &text)
        return text
    }

    /// Runs' text, tabs and breaks inside the current element; deleted text, field instructions and properties are
    /// skipped.
    private static func collectText(_ parser: inout XMLPullParser, into text: inout String) throws(DocxReadError) {
        try parser.forEachChild { (parser, tag) throws(DocxReadError) in
            switch tag.local {
            case "t":
                do throws(XMLError) { text += try parser.elementText() } catch { throw .xml(error) }
            case "tab", "ptab": text += "\t"
            case "br", "cr": text += "\n"
            case "noBreakHyphen": text += "-"
            case "pPr", "rPr", "delText", "instrText", "del", "fldData", "drawing", "pict", "object",
                "footnoteReference",
                "endnoteReference", "commentReference":
                return
            default: try collectText(&parser, into: &text)
            }
        }
    }

    /// The rows of the table whose start tag was just read.
    private static func table(_ parser: inout XMLPullParser) throws(DocxReadError) -> [[String]] {
        var rows: [[String]] = []
        try parser.forEachChild { (parser, tag) throws(DocxReadError) in
            guard tag.local == "tr" else { return }
            var cells: [String] = []
            try parser.forEachChild { (parser, tag) throws(DocxReadError) in
                guard tag.local == "tc" else { return }
                var span = 1
                var continuesMerge = false
                var paragraphs: [String] = []
                try parser.forEachChild { (parser, tag) throws(DocxReadError) in
                    switch tag.local {
                    case "tcPr":
                        try parser.forEachChild { (parser, tag) throws(DocxReadError) in
                            if tag.local == "gridSpan", let value = parser.attribute("val", namespace: tag.namespace),
                                let count = Int(value), count > 1
                            {
                                span = min(count, 64)
                            } else if tag.local == "vMerge" {
                                continuesMerge = parser.attribute("val", namespace: tag.namespace) != "restart"
                            }
                        }
                    case "p": paragraphs.append(try paragraphText(&parser))
                    case "tbl":
                        paragraphs.append(
                            try table(&parser).map { $0.joined(separator: " ") }.joined(separator: "\n"))
                    case "sdt", "sdtContent", "customXml":
                        var inner: [DocxBlock] = []
                        try readBlocks(&parser, into: &inner)
                        for case .paragraph(let text) in inner { paragraphs.append(text) }
                    default: return
                    }
                }
                cells.append(continuesMerge ? "" : paragraphs.joined(separator: "\n"))
                cells.append(contentsOf: repeatElement("", count: span - 1))
            }
            rows.append(cells)
        }
        return rows
    }
}
