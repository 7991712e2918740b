// A small XML parser for the parts of Office packages (SpreadsheetML, relationships): start tags (names resolved
// to their namespaces), text and end tags one at a time, and helpers to read an element's children and text.
// Nesting depth and attribute count are limited; errors carry the part, line and column. The work is done by
// `XMLScanner`; this value type gives it value semantics (a copy reads on independently).

/// Reads an XML document event by event.
public struct XMLPullParser {
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private var scanner: XMLScanner

    /// Checks the encoding (a UTF-8 byte order mark is skipped; UTF-16 is refused).
    public init(bytes: [UInt8], part: String, limits: XMLLimits = XMLLimits()) throws(XMLError) {
        scanner = try XMLScanner(bytes: bytes, part: part, limits: limits)
    }

    /// The part's name, for errors.
    public var part: String { scanner.part }

    /// How many elements are open: after `.start` it counts that element, after `.end` no longer.
    public var depth: Int { scanner.depth }

    /// The scanner, first copied if another parser shares it.
    private mutating func unique() -> XMLScanner {
        if !isKnownUniquelyReferenced(&scanner) { scanner = scanner.copy() }
        return scanner
    }

    /// Line and column (from 1; the column in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        scanner.location(of: offset)
    }

    public func error(_ problem: XMLError.Problem, at offset: Int) -> XMLError {
        scanner.error(problem, at: offset)
    }

    // MARK: - Events

    /// The next event, or nil after the root element has ended (and only comments, PIs and white space follow).
    public mutating func next() throws(XMLError) -> XMLEvent? {
        try unique().next()
    }

    /// The root element's start tag: the first event.
    public mutating func root() throws(XMLError) -> XMLStartTag {
        try unique().root()
    }

    /// After a `.start`: skips the rest of that element.
    public mutating func skipElement() throws(XMLError) {
        try unique().skipElement()
    }

    /// After a `.start`: calls `body` with the start tag of each child element, in order. Whatever `body` does not
    /// read of a child is skipped; text between children is ignored. Returns after the element's end. `body` may
    /// throw its reader's own errors; the parser's become that type too.
    public mutating func forEachChild<Failure: XMLReadingError>(
        _ body: (inout XMLPullParser, XMLStartTag) throws(Failure) -> Void
    ) throws(Failure) {
        let depth = scanner.depth
        while true {
            let child: XMLStartTag?
            do { child = try unique().nextChild() } catch { throw Failure(error) }
            guard let child else { return }
            try body(&self, child)
            do { try unique().skip(toDepth: depth) } catch { throw Failure(error) }
        }
    }

    /// After a `.start`: the text in the element (and in elements inside it), up to and including its end.
    public mutating func elementText() throws(XMLError) -> String {
        try unique().elementText()
    }

    // MARK: - Attributes

    /// The value of the attribute `local` in `namespace` ("" for an unprefixed attribute, the usual case) of the
    /// start tag just read (by `next`, `root`, or given to a `forEachChild` body); nil once the parser has read on.
    public func attribute(_ local: String, namespace: String = "") -> String? {
        scanner.attribute(local, namespace: namespace)
    }

    /// All attributes of the start tag just read, in order (namespace declarations left out).
    public var attributes: [XMLAttribute] { scanner.attributes }

    /// `attribute(_:)` for a name known when compiling, unprefixed: no string is made to compare.
    func attribute(static local: StaticString) -> String? {
        scanner.attribute(static: local)
    }

    /// Calls `body` with the bytes of the value of the unprefixed attribute `local` of the current start tag
    /// (references replaced); nil when the tag has no such attribute.
    func withAttributeBytes<T>(_ local: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        scanner.withAttributeBytes(local, body)
    }
}
