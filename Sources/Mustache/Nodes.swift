/// A tag name, resolved into its dotted parts once, at parse time.
struct Name: Sendable {
    /// The name as written, trimmed (`a.b`, `.`, `parts/part1`).
    let text: String
    /// The dotted parts; empty for the implicit iterator `.`.
    let parts: [String]
    /// The first part (looked up through the context stack); nil for `.`.
    let first: String?
    /// Whether there are parts after the first.
    let isDotted: Bool

    init(text: String, parts: [String]) {
        self.text = text
        self.parts = parts
        first = parts.first
        isDotted = parts.count > 1
    }

    static let empty = Name(text: "", parts: [])
}

/// Where a tag is, for error messages, and what it names.
final class TagInfo: Sendable {
    let file: SourceFile
    /// The whole tag, delimiters included, as byte offsets into `file.bytes`.
    let range: Range<Int>
    let name: Name

    init(file: SourceFile, range: Range<Int>, name: Name) {
        self.file = file
        self.range = range
        self.name = name
    }
}

struct Delimiters: Sendable {
    var open: [UInt8]
    var close: [UInt8]

    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

/// Literal text. `lineStarts` are the offsets where a non-empty template line begins: the renderer inserts the
/// current indentation there (inside indented partials, parents and blocks).
final class TextNode: Sendable {
    let bytes: [UInt8]
    let lineStarts: [Int]
    /// The template the text is in, and where each of its lines starts there (for `RenderSources`): `pieces[i]`
    /// is an offset into `bytes` (0 and every line start), `origins[i]` the same byte's offset in `file.bytes`.
    let file: SourceFile
    let pieces: [Int]
    let origins: [Int]

    init(bytes: [UInt8], lineStarts: [Int], file: SourceFile, pieces: [Int], origins: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.file = file
        self.pieces = pieces
        self.origins = origins
    }
}

/// A reference that does not retain, so that copying a `Node` costs no reference counting (which dominated render
/// time). Every object a node refers to is kept alive by the `NodeStore` of the template it was parsed in, and a
/// template outlives every render of its nodes.
struct Unretained<Object: AnyObject>: @unchecked Sendable {
    private let reference: Unmanaged<Object>

    init(_ object: Object) { reference = .passUnretained(object) }

    /// Calls `body` with the object, borrowed (no retain, no release).
    @inline(__always) func with<Result>(_ body: (Object) throws -> Result) rethrows -> Result {
        try reference._withUnsafeGuaranteedRef(body)
    }
}

/// Owns the objects of one parsed template's nodes.
final class NodeStore: @unchecked Sendable {
    // Filled while parsing, immutable afterwards.
    private(set) var objects: [AnyObject] = []

    func keep<Object: AnyObject>(_ object: Object) -> Unretained<Object> {
        objects.append(object)
        return Unretained(object)
    }
}

final class SectionNode: Sendable {
    let tag: TagInfo
    let children: [Node]
    /// The unrendered section text (for lambdas): `source[inner]`.
    let source: [UInt8]
    let inner: Range<Int>
    /// The delimiters in effect at the opening tag (a lambda's result is parsed with them).
    let delimiters: Delimiters

    init(tag: TagInfo, children: [Node], source: [UInt8], inner: Range<Int>, delimiters: Delimiters) {
        self.tag = tag
        self.children = children
        self.source = source
        self.inner = inner
        self.delimiters = delimiters
    }
}

/// A partial `{{>name}}` or a parent `{{<name}}…{{/name}}`.
final class PartialNode: Sendable {
    let tag: TagInfo
    /// `{{>*name}}`: the partial's name is the value of `tag.name`.
    let isDynamic: Bool
    /// Standalone tags indent every line of the partial by the whitespace before them.
    let indentation: [UInt8]
    /// For parents: the blocks given as arguments, by name.
    let blocks: [String: BlockNode]

    init(tag: TagInfo, isDynamic: Bool, indentation: [UInt8], blocks: [String: BlockNode]) {
        self.tag = tag
        self.isDynamic = isDynamic
        self.indentation = indentation
        self.blocks = blocks
    }
}

/// A block `{{$name}}…{{/name}}`: a default in a template, or an argument inside a parent tag.
final class BlockNode: Sendable {
    let tag: TagInfo
    let children: [Node]
    /// For a standalone block: the indentation added to whatever content renders in its place (its content was
    /// stored with that indentation removed). Nil for an inline block.
    let indentation: [UInt8]?

    init(tag: TagInfo, children: [Node], indentation: [UInt8]?) {
        self.tag = tag
        self.children = children
        self.indentation = indentation
    }
}

enum Node: Sendable {
    case text(Unretained<TextNode>)
    /// A template line starts here with a tag: insert the current indentation.
    case lineStart
    case variable(Unretained<TagInfo>, escaped: Bool)
    case section(Unretained<SectionNode>)
    case inverted(Unretained<SectionNode>)
    case partial(Unretained<PartialNode>)
    case parent(Unretained<PartialNode>)
    case block(Unretained<BlockNode>)
}
