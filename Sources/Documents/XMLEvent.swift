// What `XMLPullParser` hands out: start tags with their namespace-resolved names and attributes, text, ends.

/// A start tag's name resolved to its namespace. Its attributes are the parser's `attribute(_:namespace:)` and
/// `attributes` until the parser reads on: most tags are read for one or two attributes, so none is made into a
/// string before it is asked for.
public struct XMLStartTag: Sendable, Equatable {
    /// The namespace URI of the element, "" for none.
    public var namespace: String
    public var local: String
    /// Where the tag's `<` is in the part's bytes (`XMLPullParser.location(of:)` turns it into line and column).
    public var offset: Int
}

public struct XMLAttribute: Sendable, Equatable {
    /// "" for an unprefixed attribute: unprefixed attributes are in no namespace.
    public var namespace: String
    public var local: String
    public var value: String

    public init(namespace: String = "", local: String, value: String) {
        self.namespace = namespace
        self.local = local
        self.value = value
    }
}

/// An error type a reader built on `XMLPullParser` throws, which can carry the parser's own.
public protocol XMLReadingError: Error {
    init(_ error: XMLError)
}

extension XMLError: XMLReadingError {
    public init(_ error: XMLError) { self = error }
}

public enum XMLEvent: Sendable, Equatable {
    case start(XMLStartTag)
    /// The innermost open element ends (an empty-element tag `<a/>` gives `.start` then `.end`).
    case end
    /// Character data with references replaced; an element's text may come in several pieces (around CDATA
    /// sections and comments). Text outside the root element is not reported.
    case text(String)
}

public struct XMLLimits: Sendable, Equatable {
    public var depth: Int
    public var attributes: Int

    public init(depth: Int = 256, attributes: Int = 256) {
        self.depth = depth
        self.attributes = attributes
    }
}
