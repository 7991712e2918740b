// Where a render's output came from. A program that renders a document with Mustache and then reads the document
// back (to check it, or to report a problem found in it) can point at the template line that wrote a piece of the
// output, and tell which data value an interpolated piece is.

/// Where each piece of a render's output came from, recorded when `RenderOptions.recordsSources` is set: the
/// template position of every piece of literal text, and the template position and data path of every interpolated
/// value. Output positions are UTF-8 byte offsets into `RenderResult.output`.
public struct RenderSources: Sendable {
    /// A position in a template: `report:12:5` (line and column start at 1; columns count Unicode scalars).
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var template: String
        public var line: Int
        public var column: Int

        public init(template: String, line: Int, column: Int) {
            self.template = template
            self.line = line
            self.column = column
        }

        public var description: String { "\(template):\(line):\(column)" }
    }

    /// One interpolated value (`{{name}}`, `{{{name}}}`, `{{.}}`).
    public struct Value: Sendable {
        /// Where the value's text is in the output.
        public let output: Range<Int>
        /// The value's path from the root of the data: object keys, and list positions as decimal strings
        /// (`["rows", "2", "amount"]`). A value found through a section is named by where the section's value is.
        public var path: [String] { scope + name }
        /// The path in two parts, as the render found it: the context the name was found in, and the name's parts
        /// (`.` has none). Reading them apart saves joining them for every value.
        public let scope: [String]
        public let name: [String]
        /// The names of the lambda sections (`{{#name}}…{{/name}}`) whose result replaced the value's text,
        /// innermost first; empty for a value printed as it is.
        public let helpers: [String]
        let tag: TagInfo

        /// The tag that printed the value.
        public var location: Location { RenderSources.location(tag.file, tag.range.lowerBound) }
        /// The tag as written (`{{rows.amount}}`).
        public var tagText: String { tag.file.text(tag.range) }
    }

    struct TextPiece: Sendable {
        let output: Int
        let file: SourceFile
        let offset: Int
    }

    /// No sources (a render that recorded none).
    public init() {}

    /// Every interpolated value, in output order.
    public internal(set) var values: [Value] = []
    /// Where literal text starts, in output order: the rest of a piece up to the next one comes from the same
    /// template line.
    var texts: [TextPiece] = []

    /// The template position that wrote output byte `offset`: the tag of the value there, or the literal text.
    public func location(at offset: Int) -> Location? {
        if let value = value(at: offset) { return value.location }
        var low = 0
        var high = texts.count
        while low < high {
            let middle = (low + high) / 2
            if texts[middle].output <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let piece = texts[low - 1]
        return Self.location(piece.file, piece.offset + (offset - piece.output))
    }

    /// The interpolated value whose text contains output byte `offset`.
    public func value(at offset: Int) -> Value? {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle].output.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, values[low - 1].output.contains(offset) else { return nil }
        return values[low - 1]
    }

    static func location(_ file: SourceFile, _ offset: Int) -> Location {
        let (line, column) = file.location(of: offset)
        return Location(template: file.name, line: line, column: column)
    }
}

/// Collects `RenderSources` while a render runs.
final class SourceRecorder {
    var sources = RenderSources()

    func text(at output: Int, file: SourceFile, offset: Int) {
        sources.texts.append(RenderSources.TextPiece(output: output, file: file, offset: offset))
    }

    func value(_ output: Range<Int>, scope: [String], name: [String], tag: TagInfo, helpers: [String] = []) {
        sources.values.append(
            RenderSources.Value(output: output, scope: scope, name: name, helpers: helpers, tag: tag))
    }

    /// A mark to come back to when output from `mark` on is taken back (a lambda replaces it).
    var mark: (values: Int, texts: Int) { (sources.values.count, sources.texts.count) }

    /// Forgets what was recorded since `mark`; returns the values recorded since then.
    @discardableResult
    func rewind(to mark: (values: Int, texts: Int)) -> [RenderSources.Value] {
        let values = Array(sources.values[mark.values...])
        sources.values.removeSubrange(mark.values...)
        sources.texts.removeSubrange(mark.texts...)
        return values
    }
}
