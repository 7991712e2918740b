// The document model every writer lays out. It knows nothing of finance: headings, paragraphs, tables with
// multi-row headers and merged cells, notes, a table of contents and page breaks.

/// A whole document: properties plus an ordered list of blocks.
public struct Document: Sendable, Equatable {
    public var properties: DocumentProperties
    public var blocks: [Block]

    public init(properties: DocumentProperties = DocumentProperties(), blocks: [Block] = []) {
        self.properties = properties
        self.blocks = blocks
    }
}

/// Metadata written into .docx / .xlsx core properties and the HTML <title>.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var author: String
    /// Free keywords, e.g. the report year.
    public var keywords: String
    /// ISO 8601 timestamp (`2025-01-01T00:00:00Z`) written as created/modified date; fixed so output is deterministic.
    public var date: String

    public init(
        title: String = "", subject: String = "", author: String = "", keywords: String = "",
        date: String = "2000-01-01T00:00:00Z"
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.keywords = keywords
        self.date = date
    }
}

public enum Block: Sendable, Equatable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)
    /// One line of a table of contents; `target` is the `id` of the heading it points to, if any.
    case tocEntry(TOCEntry)
    case pageBreak
}

public struct Heading: Sendable, Equatable {
    /// 0 = document title, 1 = part (第一部分…), 2 = section (一、…), 3 = subsection (（一）…).
    public var level: Int
    public var text: String
    /// Anchor for links (HTML id, docx bookmark). Unique within a document when set.
    public var id: String?

    public init(level: Int, text: String, id: String? = nil) {
        self.level = level
        self.text = text
        self.id = id
    }
}

public struct Paragraph: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable, CaseIterable {
        /// Body text (first-line indent in print formats).
        case body
        /// Centred line (e.g. `目 录`, sub-titles).
        case center
        /// Right-aligned line (signature, date).
        case right
        /// A note (`注：…`), slightly smaller in print formats.
        case note
    }

    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .body) {
        self.text = text
        self.style = style
    }
}

public struct TOCEntry: Sendable, Equatable {
    /// 1 = part, 2 = section.
    public var level: Int
    public var text: String
    public var target: String?

    public init(level: Int, text: String, target: String? = nil) {
        self.level = level
        self.text = text
        self.target = target
    }
}

/// A table with everything printed around it: a title, preamble lines (e.g. `公开 01 表`, `部门：…`, `金额单位：万元`),
/// header rows (with merged cells), body rows and notes.
public struct Table: Sendable, Equatable {
    /// Worksheet name when the table is exported to .xlsx (e.g. `公开01表`); tables without one are not exported.
    public var sheetName: String?
    /// Anchor for links.
    public var id: String?
    public var title: String?
    public var preamble: [String]
    public var columns: [Column]
    public var header: [[Cell]]
    public var body: [[Cell]]
    public var notes: [String]
    /// Wide tables are laid out on landscape pages in print formats.
    public var landscape: Bool

    public init(
        sheetName: String? = nil, id: String? = nil, title: String? = nil, preamble: [String] = [],
        columns: [Column], header: [[Cell]] = [], body: [[Cell]] = [], notes: [String] = [], landscape: Bool = false
    ) {
        self.sheetName = sheetName
        self.id = id
        self.title = title
        self.preamble = preamble
        self.columns = columns
        self.header = header
        self.body = body
        self.notes = notes
        self.landscape = landscape
    }
}

public struct Column: Sendable, Equatable {
    public enum Alignment: String, Sendable, Equatable {
        case left, center, right
    }

    public var alignment: Alignment
    /// A numeric column: cells that read as numbers (`1,234.50`, `-3`, `0.00`) are numbers in .xlsx;
    /// other cells (`---`, blank, text) stay text.
    public var numeric: Bool
    /// Relative width (any positive unit); writers scale the widths to the page.
    public var width: Double

    public init(alignment: Alignment = .left, numeric: Bool = false, width: Double = 1) {
        self.alignment = alignment
        self.numeric = numeric
        self.width = width
    }
}

/// A cell as in HTML: a row lists only the cells that start in it; a cell spanning several columns or rows covers
/// the positions to its right and below, which the rows below do not list.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var colSpan: Int
    public var rowSpan: Int

    public init(_ text: String, colSpan: Int = 1, rowSpan: Int = 1) {
        self.text = text
        self.colSpan = colSpan
        self.rowSpan = rowSpan
    }
}
