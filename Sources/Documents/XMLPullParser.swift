// A small XML parser for the parts of Office packages (SpreadsheetML, relationships): a hand-written scanner over
// UTF-8 bytes that hands out start tags (names resolved to their namespaces), text and end tags one at a time.
// Entity and character references, CDATA, comments and processing instructions are handled; a DOCTYPE is refused,
// so no entity can expand. Nesting depth and attribute count are limited. Not a validating parser, and lenient
// where Office files never go (name characters are not checked).

/// A start tag with its name and attributes resolved to namespaces.
public struct XMLStartTag: Sendable, Equatable {
    /// The namespace URI of the element, "" for none.
    public var namespace: String
    public var local: String
    public var attributes: [XMLAttribute]
    /// Where the tag's `<` is in the part's bytes (`XMLPullParser.location(of:)` turns it into line and column).
    public var offset: Int

    /// The value of the attribute `local` in `namespace` ("" for an unprefixed attribute, the usual case).
    public func attribute(_ local: String, namespace: String = "") -> String? {
        attributes.first { $0.local == local && $0.namespace == namespace }?.value
    }
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

/// Reads an XML document event by event.
public struct XMLPullParser {
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The part's name, for errors.
    public let part: String
    private let bytes: [UInt8]
    private let limits: XMLLimits
    private var offset = 0
    /// How many elements are open: after `.start` it counts that element, after `.end` no longer.
    public private(set) var depth = 0
    /// The qualified names of the open elements, as byte ranges.
    private var openNames: [Range<Int>] = []
    /// Namespace declarations in scope, innermost last; `bindingCounts` says how many each open element made.
    private var bindings: [(prefix: String, uri: String)] = [("xml", xmlNamespace)]
    private var bindingCounts: [Int] = []
    /// An empty-element tag was reported as `.start`; its `.end` comes next.
    private var pendingEnd = false
    private var rootSeen = false

    /// Checks the encoding (a UTF-8 byte order mark is skipped; UTF-16 is refused).
    public init(bytes: [UInt8], part: String, limits: XMLLimits = XMLLimits()) throws(XMLError) {
        self.bytes = bytes
        self.part = part
        self.limits = limits
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0))
        {
            throw error(.utf16, at: 0)
        }
    }

    /// Line and column (from 1; the column in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Characters: bytes that do not continue a UTF-8 sequence.
        let column = bytes[lineStart..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }

    public func error(_ problem: XMLError.Problem, at offset: Int) -> XMLError {
        let (line, column) = location(of: offset)
        return XMLError(part: part, line: line, column: column, problem: problem)
    }

    // MARK: - Events

    /// The next event, or nil after the root element has ended (and only comments, PIs and white space follow).
    public mutating func next() throws(XMLError) -> XMLEvent? {
        try next(keepingText: true)
    }

    /// The root element's start tag: the first event.
    public mutating func root() throws(XMLError) -> XMLStartTag {
        guard case .start(let tag)? = try next(keepingText: false) else { throw error(.notOneRoot, at: offset) }
        return tag
    }

    /// After a `.start`: skips the rest of that element.
    public mutating func skipElement() throws(XMLError) {
        let parentDepth = depth - 1
        while depth > parentDepth, try next(keepingText: false) != nil {}
    }

    /// After a `.start`: calls `body` with the start tag of each child element, in order. Whatever `body` does not
    /// read of a child is skipped; text between children is ignored. Returns after the element's end. `body` may
    /// throw its reader's own errors; the parser's become that type too.
    public mutating func forEachChild<Failure: XMLReadingError>(
        _ body: (inout XMLPullParser, XMLStartTag) throws(Failure) -> Void
    ) throws(Failure) {
        let depth = self.depth
        while true {
            let event: XMLEvent?
            do { event = try next(keepingText: false) } catch { throw Failure(error) }
            switch event {
            case .start(let tag)?:
                try body(&self, tag)
                do {
                    while self.depth > depth, try next(keepingText: false) != nil {}
                } catch {
                    throw Failure(error)
                }
            case .end?, nil:
                return
            case .text?:
                continue
            }
        }
    }

    /// After a `.start`: the text in the element (and in elements inside it), up to and including its end.
    public mutating func elementText() throws(XMLError) -> String {
        let depth = self.depth
        var text = ""
        while let event = try next(keepingText: true) {
            switch event {
            case .text(let piece): text += piece
            case .end where self.depth < depth: return text
            case .start, .end: continue
            }
        }
        return text
    }

    private mutating func next(keepingText: Bool) throws(XMLError) -> XMLEvent? {
        if pendingEnd {
            pendingEnd = false
            closeElement()
            return .end
        }
        while offset < bytes.count {
            if bytes[offset] != UInt8(ascii: "<") {
                let start = offset
                let text = try text(keeping: keepingText && depth > 0)
                if depth == 0 {
                    guard bytes[start..<offset].allSatisfy(Self.isSpace) else { throw error(.notOneRoot, at: start) }
                } else if let text {
                    return .text(text)
                }
                continue
            }
            guard offset + 1 < bytes.count else { throw endError() }
            switch bytes[offset + 1] {
            case UInt8(ascii: "/"):
                try endTag()
                return .end
            case UInt8(ascii: "?"):
                try processingInstruction()
            case UInt8(ascii: "!"):
                if let text = try declarationOrCDATA(), keepingText { return .text(text) }
            default:
                return .start(try startTag())
            }
        }
        guard depth == 0 else { throw endError() }
        guard rootSeen else { throw error(.notOneRoot, at: offset) }
        return nil
    }

    private func endError() -> XMLError {
        let name = openNames.last.map { String(decoding: bytes[$0], as: UTF8.self) }
        return error(.unexpectedEnd(openElement: name), at: bytes.count)
    }

    private mutating func closeElement() {
        depth -= 1
        openNames.removeLast()
        bindings.removeLast(bindingCounts.removeLast())
    }

    // MARK: - Markup

    private mutating func startTag() throws(XMLError) -> XMLStartTag {
        let tagStart = offset
        if depth == 0 && rootSeen { throw error(.notOneRoot, at: tagStart) }
        offset += 1
        let name = scanName()
        guard !name.isEmpty else { throw error(.malformed("“<”后应当是元素名"), at: offset) }
        var raw: [(name: Range<Int>, value: String)] = []
        var declared = 0
        var selfClosing = false
        while true {
            skipSpace()
            guard offset < bytes.count else { throw endError() }
            if bytes[offset] == UInt8(ascii: ">") {
                offset += 1
                break
            }
            if bytes[offset] == UInt8(ascii: "/") {
                guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") else {
                    throw error(.malformed("“/”后应当是“>”"), at: offset)
                }
                offset += 2
                selfClosing = true
                break
            }
            let attributeStart = offset
            let attributeName = scanName()
            guard !attributeName.isEmpty else { throw error(.malformed("此处应当是属性名、“>”或“/>”"), at: offset) }
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else {
                throw error(.malformed("属性名后应当是“=”"), at: offset)
            }
            offset += 1
            skipSpace()
            let value = try attributeValue()
            if bytes[attributeName].elementsEqual("xmlns".utf8) {
                bindings.append(("", value))
                declared += 1
            } else if bytes[attributeName].starts(with: "xmlns:".utf8) {
                bindings.append((try string(attributeName.dropFirst(6), at: attributeStart), value))
                declared += 1
            } else {
                guard raw.count < limits.attributes else {
                    throw error(.tooManyAttributes(limit: limits.attributes), at: attributeStart)
                }
                if raw.contains(where: { bytes[$0.name].elementsEqual(bytes[attributeName]) }) {
                    throw error(.duplicateAttribute(try string(attributeName, at: attributeStart)), at: attributeStart)
                }
                raw.append((attributeName, value))
            }
        }
        guard depth < limits.depth else { throw error(.tooDeep(limit: limits.depth), at: tagStart) }
        depth += 1
        rootSeen = true
        openNames.append(name)
        bindingCounts.append(declared)
        pendingEnd = selfClosing

        let (namespace, local) = try resolve(name, isElement: true, at: tagStart)
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(raw.count)
        for (attributeName, value) in raw {
            let (namespace, local) = try resolve(attributeName, isElement: false, at: tagStart)
            attributes.append(XMLAttribute(namespace: namespace, local: local, value: value))
        }
        return XMLStartTag(namespace: namespace, local: local, attributes: attributes, offset: tagStart)
    }

    /// The namespace and local name of a qualified name. Unprefixed attributes are in no namespace.
    private func resolve(_ name: Range<Int>, isElement: Bool, at tagStart: Int) throws(XMLError) -> (String, String) {
        let colon = bytes[name].firstIndex(of: UInt8(ascii: ":"))
        let prefix =
            try colon.map { (colon) throws(XMLError) in try string(name.lowerBound..<colon, at: tagStart) } ?? ""
        let local = try string((colon.map { $0 + 1 } ?? name.lowerBound)..<name.upperBound, at: tagStart)
        if prefix.isEmpty && !isElement { return ("", local) }
        guard let binding = bindings.last(where: { $0.prefix == prefix }) else {
            if prefix.isEmpty { return ("", local) }
            throw error(.unboundPrefix(prefix), at: tagStart)
        }
        return (binding.uri, local)
    }

    private mutating func endTag() throws(XMLError) {
        let tagStart = offset
        offset += 2
        let name = scanName()
        skipSpace()
        guard offset < bytes.count else { throw endError() }
        guard bytes[offset] == UInt8(ascii: ">") else { throw error(.malformed("结束标记应当以“>”结束"), at: offset) }
        offset += 1
        let found = String(decoding: bytes[name], as: UTF8.self)
        guard let open = openNames.last else {
            throw error(.malformed("结束标记 </\(found)> 没有对应的开始标记"), at: tagStart)
        }
        guard bytes[open].elementsEqual(bytes[name]) else {
            throw error(
                .mismatchedEndTag(expected: String(decoding: bytes[open], as: UTF8.self), found: found), at: tagStart)
        }
        closeElement()
    }

    /// `<?…?>`; the XML declaration's encoding must be UTF-8.
    private mutating func processingInstruction() throws(XMLError) {
        let start = offset
        guard let end = find("?>", from: offset + 2) else { throw endError() }
        offset = end + 2
        let content = bytes[start + 2..<end]
        guard content.starts(with: "xml".utf8), content.count == 3 || Self.isSpace(content[start + 5]) else { return }
        guard let encoding = declaredEncoding(content) else { return }
        let normal = encoding.uppercased().filter { $0 != "-" && $0 != "_" }
        if normal.hasPrefix("UTF16") || normal.hasPrefix("UTF32") || normal == "UCS2" {
            throw error(.utf16, at: start)
        }
        guard normal == "UTF8" || normal == "USASCII" || normal == "ASCII" else {
            throw error(.unsupportedEncoding(encoding), at: start)
        }
    }

    /// The value of `encoding="…"` in an XML declaration.
    private func declaredEncoding(_ declaration: ArraySlice<UInt8>) -> String? {
        guard let key = find("encoding", from: declaration.startIndex, before: declaration.endIndex) else { return nil }
        var i = key + 8
        while i < declaration.endIndex, Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "=") { i += 1 }
        guard i < declaration.endIndex, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = bytes[i]
        guard let close = bytes[(i + 1)..<declaration.endIndex].firstIndex(of: quote) else { return nil }
        return String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
    }

    /// `<!--…-->` (skipped, nil), `<![CDATA[…]]>` (its text) or a `<!DOCTYPE` (refused).
    private mutating func declarationOrCDATA() throws(XMLError) -> String? {
        let start = offset
        if bytes[offset...].starts(with: "<!--".utf8) {
            guard let end = find("-->", from: offset + 4) else { throw endError() }
            offset = end + 3
            return nil
        }
        if bytes[offset...].starts(with: "<![CDATA[".utf8) {
            guard let end = find("]]>", from: offset + 9) else { throw endError() }
            offset = end + 3
            guard depth > 0 else { throw error(.notOneRoot, at: start) }
            return try string(normalizingLineEnds: bytes[start + 9..<end], at: start)
        }
        if bytes[offset...].starts(with: "<!DOCTYPE".utf8) { throw error(.doctype, at: start) }
        throw error(.malformed("“<!”后应当是注释或 CDATA"), at: start)
    }

    // MARK: - Text

    /// Character data up to the next `<`, references replaced and line ends normalised; nil when not `keeping`
    /// (references are still checked).
    private mutating func text(keeping: Bool) throws(XMLError) -> String? {
        let start = offset
        var plain = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") || byte == 0x0D { plain = false }
            offset += 1
        }
        if plain { return keeping ? try string(start..<offset, at: start) : nil }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(offset - start)
        try decode(start..<offset, into: &decoded, normalizingSpace: false)
        return keeping ? try string(bytes: decoded, at: start) : nil
    }

    /// A quoted attribute value, references replaced, TAB, CR and LF as spaces (attribute value normalisation).
    private mutating func attributeValue() throws(XMLError) -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw offset < bytes.count ? error(.malformed("属性值应当用引号括起"), at: offset) : endError()
        }
        let quote = bytes[offset]
        let start = offset + 1
        var end = start
        var plain = true
        while end < bytes.count && bytes[end] != quote {
            switch bytes[end] {
            case UInt8(ascii: "<"): throw error(.malformed("属性值中不能有“<”"), at: end)
            case UInt8(ascii: "&"), 0x09, 0x0A, 0x0D: plain = false
            default: break
            }
            end += 1
        }
        guard end < bytes.count else { throw endError() }
        offset = end + 1
        if plain { return try string(start..<end, at: start) }
        var decoded: [UInt8] = []
        try decode(start..<end, into: &decoded, normalizingSpace: true)
        return try string(bytes: decoded, at: start)
    }

    /// Appends `range` with entity and character references replaced; CR LF and lone CR become LF, or with
    /// `normalizingSpace` TAB, CR and LF become spaces.
    private func decode(_ range: Range<Int>, into output: inout [UInt8], normalizingSpace: Bool) throws(XMLError) {
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&") {
                let nameStart = i + 1
                guard let semicolon = bytes[nameStart..<min(range.upperBound, nameStart + 32)].firstIndex(of: 0x3B)
                else { throw error(.malformed("“&”后应当是实体名和“;”（文字“&”应写作 &amp;）"), at: i) }
                try appendReference(nameStart..<semicolon, to: &output, at: i)
                i = semicolon + 1
            } else if byte == 0x0D {
                output.append(normalizingSpace ? 0x20 : 0x0A)
                i += i + 1 < range.upperBound && bytes[i + 1] == 0x0A ? 2 : 1
            } else {
                output.append(normalizingSpace && (byte == 0x09 || byte == 0x0A) ? 0x20 : byte)
                i += 1
            }
        }
    }

    private func appendReference(_ name: Range<Int>, to output: inout [UInt8], at start: Int) throws(XMLError) {
        let text = String(decoding: bytes[name], as: UTF8.self)
        switch text {
        case "lt": output.append(UInt8(ascii: "<"))
        case "gt": output.append(UInt8(ascii: ">"))
        case "amp": output.append(UInt8(ascii: "&"))
        case "apos": output.append(UInt8(ascii: "'"))
        case "quot": output.append(UInt8(ascii: "\""))
        default:
            guard text.hasPrefix("#") else { throw error(.unknownEntity(text), at: start) }
            let hex = text.hasPrefix("#x")
            let digits = text.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(value), XMLText.isAllowed(scalar)
            else { throw error(.invalidCharacterReference(text), at: start) }
            output.append(contentsOf: String(scalar).utf8)
        }
    }

    // MARK: - Bytes

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private mutating func skipSpace() {
        while offset < bytes.count && Self.isSpace(bytes[offset]) { offset += 1 }
    }

    /// A name: up to white space or one of `= / > < " '`. May be empty.
    private mutating func scanName() -> Range<Int> {
        let start = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"),
                UInt8(ascii: "\""), UInt8(ascii: "'"):
                return start..<offset
            default:
                offset += 1
            }
        }
        return start..<offset
    }

    private func find(_ needle: String, from start: Int, before end: Int? = nil) -> Int? {
        let needle = Array(needle.utf8)
        let end = end ?? bytes.count
        guard end - start >= needle.count, start >= 0 else { return nil }
        var i = start
        while i <= end - needle.count {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func string(_ range: Range<Int>, at start: Int) throws(XMLError) -> String {
        guard let text = String(validating: bytes[range], as: UTF8.self) else { throw error(.invalidUTF8, at: start) }
        return text
    }

    private func string(bytes: [UInt8], at start: Int) throws(XMLError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw error(.invalidUTF8, at: start) }
        return text
    }

    private func string(normalizingLineEnds range: ArraySlice<UInt8>, at start: Int) throws(XMLError) -> String {
        guard range.contains(0x0D) else { return try string(range.startIndex..<range.endIndex, at: start) }
        var output: [UInt8] = []
        var i = range.startIndex
        while i < range.endIndex {
            if bytes[i] == 0x0D {
                output.append(0x0A)
                if i + 1 < range.endIndex && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                output.append(bytes[i])
            }
            i += 1
        }
        return try string(bytes: output, at: start)
    }
}
