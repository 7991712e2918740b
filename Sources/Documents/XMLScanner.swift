// The scanner behind `XMLPullParser`: a hand-written scanner over UTF-8 bytes. It reads a private copy of the
// part through a pointer: the bounds are checked by the scanner itself, once per byte, and no slice is made.
// Entity and character references, CDATA, comments and processing instructions are handled; a DOCTYPE is refused,
// so no entity can expand. Lenient where Office files never go (name characters are not checked).

/// The state and scanning of `XMLPullParser`: a class, so that the scanner's many small steps work on one
/// object in place (as a struct, each call on it copied and retained its fields).
final class XMLScanner {
    // A scanner is used by one parser on one thread, and no access to its state overlaps another: the run-time
    // exclusivity checks (half the cost of a parse) are not needed.
    /// The part's name, for errors.
    let part: String
    private let storage: XMLBytes
    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    private let limits: XMLLimits
    @exclusivity(unchecked) private var offset = 0
    /// How many elements are open: after `.start` it counts that element, after `.end` no longer.
    @exclusivity(unchecked) private(set) var depth = 0
    /// The open elements, innermost last.
    @exclusivity(unchecked) private var openElements: [OpenElement] = []
    /// Namespace declarations in scope, innermost last.
    @exclusivity(unchecked) private var bindings: [Binding] = [
        Binding(prefix: Array("xml".utf8), uri: XMLPullParser.xmlNamespace)
    ]
    /// The index in `bindings` of the default namespace in scope, -1 for none.
    @exclusivity(unchecked) private var defaultBinding = -1
    /// The attributes of the tag being read (kept to reuse their storage), and the values of theirs that had to
    /// be decoded.
    @exclusivity(unchecked) private var rawAttributes: [RawAttribute] = []
    /// How many of `rawAttributes` belong to the current tag (the rest are storage kept for the next tags).
    @exclusivity(unchecked) private var attributeCount = 0
    /// For a tag with many attributes: the indices of its attributes by the hash of their names.
    @exclusivity(unchecked) private var attributeHashes: [UInt64: [Int]] = [:]
    @exclusivity(unchecked) private var decodedValues: [String] = []
    /// An empty-element tag was reported as `.start`; its `.end` comes next.
    @exclusivity(unchecked) private var pendingEnd = false
    @exclusivity(unchecked) private var rootSeen = false

    /// Checks the encoding (a UTF-8 byte order mark is skipped; UTF-16 is refused).
    init(bytes: [UInt8], part: String, limits: XMLLimits) throws(XMLError) {
        storage = XMLBytes(bytes)
        self.bytes = UnsafePointer(storage.base)
        count = bytes.count
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

    /// An independent scanner in the same state (for a copied `XMLPullParser` that reads on).
    func copy() -> XMLScanner {
        let copy = XMLScanner(copying: self)
        return copy
    }

    private init(copying other: XMLScanner) {
        part = other.part
        storage = other.storage
        bytes = other.bytes
        count = other.count
        limits = other.limits
        offset = other.offset
        depth = other.depth
        openElements = other.openElements
        bindings = other.bindings
        defaultBinding = other.defaultBinding
        rawAttributes = other.rawAttributes
        attributeCount = other.attributeCount
        attributeHashes = other.attributeHashes
        decodedValues = other.decodedValues
        pendingEnd = other.pendingEnd
        rootSeen = other.rootSeen
    }

    /// Line and column (from 1; the column in characters) of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, count)
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Characters: bytes that do not continue a UTF-8 sequence.
        var column = 1
        for i in lineStart..<max(lineStart, end) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    func error(_ problem: XMLError.Problem, at offset: Int) -> XMLError {
        let (line, column) = location(of: offset)
        return XMLError(part: part, line: line, column: column, problem: problem)
    }

    // MARK: - Events

    /// The next event, or nil after the root element has ended (and only comments, PIs and white space follow).
    func next() throws(XMLError) -> XMLEvent? {
        try next(keepingText: true)
    }

    /// The root element's start tag: the first event.
    func root() throws(XMLError) -> XMLStartTag {
        guard case .start(let tag)? = try next(keepingText: false) else { throw error(.notOneRoot, at: offset) }
        return tag
    }

    /// After a `.start`: skips the rest of that element.
    func skipElement() throws(XMLError) {
        let parentDepth = depth - 1
        while depth > parentDepth, try next(keepingText: false) != nil {}
    }

    /// Skips what is left of the open elements deeper than `depth`.
    func skip(toDepth depth: Int) throws(XMLError) {
        while self.depth > depth, try next(keepingText: false) != nil {}
    }

    /// Inside an element whose earlier children have been read: the next child's start tag, or nil once the
    /// element has ended. Text, comments and PIs between are skipped; no events are made.
    func nextChild() throws(XMLError) -> XMLStartTag? {
        attributeCount = 0
        if !decodedValues.isEmpty { decodedValues.removeAll() }
        if pendingEnd {
            pendingEnd = false
            closeElement()
            return nil
        }
        while offset < count {
            if bytes[offset] != UInt8(ascii: "<") {
                _ = try text(keeping: false)
                continue
            }
            guard offset + 1 < count else { throw endError() }
            switch bytes[offset + 1] {
            case UInt8(ascii: "/"):
                try endTag()
                return nil
            case UInt8(ascii: "?"):
                try processingInstruction()
            case UInt8(ascii: "!"):
                _ = try declarationOrCDATA()
            default:
                return try startTag()
            }
        }
        throw endError()
    }

    /// After a `.start`: the text in the element (and in elements inside it), up to and including its end.
    func elementText() throws(XMLError) -> String {
        let depth = self.depth
        var text = ""
        // The usual case, `<v>text</v>`: the text and the end tag, without events.
        if pendingEnd {
            pendingEnd = false
            closeElement()
            return text
        }
        attributeCount = 0
        if offset < count && bytes[offset] != UInt8(ascii: "<") { text = try self.text(keeping: true) ?? "" }
        if offset + 1 < count && bytes[offset + 1] == UInt8(ascii: "/") {
            try endTag()
            return text
        }
        while let event = try next(keepingText: true) {
            switch event {
            case .text(let piece): text += piece
            case .end where self.depth < depth: return text
            case .start, .end: continue
            }
        }
        return text
    }

    private func next(keepingText: Bool) throws(XMLError) -> XMLEvent? {
        attributeCount = 0
        if !decodedValues.isEmpty { decodedValues.removeAll() }
        if pendingEnd {
            pendingEnd = false
            closeElement()
            return .end
        }
        while offset < count {
            if bytes[offset] != UInt8(ascii: "<") {
                let start = offset
                let text = try text(keeping: keepingText && depth > 0)
                if depth == 0 {
                    for i in start..<offset where !Self.isSpace(bytes[i]) { throw error(.notOneRoot, at: start) }
                } else if let text {
                    return .text(text)
                }
                continue
            }
            guard offset + 1 < count else { throw endError() }
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
        let name = openElements.last.map { decoded($0.name) }
        return error(.unexpectedEnd(openElement: name), at: count)
    }

    private func closeElement() {
        depth -= 1
        let declared = openElements.removeLast().declarations
        if declared > 0 {
            bindings.removeLast(declared)
            findDefaultBinding()
        }
    }

    // MARK: - Markup

    /// An element that has started and not ended: its qualified name, and how many namespace declarations it made.
    private struct OpenElement {
        var name: Range<Int>
        var declarations: Int
    }

    /// A namespace declaration in scope; an empty prefix for the default namespace.
    private struct Binding {
        var prefix: [UInt8]
        var uri: String
    }

    /// An attribute as the tag has it: name (with the colon's offset, or -1) and value ranges, the binding of its
    /// prefix (-1 for none), and where its decoded value is in `decodedValues` when it had references or white
    /// space to normalise (else -1). Plain numbers only, so that the list is emptied for each tag at no cost.
    private struct RawAttribute {
        var name: Range<Int>
        var colon: Int
        var value: Range<Int>
        var binding = -1
        var decoded = -1

        var localName: Range<Int> { (colon < 0 ? name.lowerBound : colon + 1)..<name.upperBound }
    }

    private func startTag() throws(XMLError) -> XMLStartTag {
        let tagStart = offset
        if depth == 0 && rootSeen { throw error(.notOneRoot, at: tagStart) }
        offset += 1
        let (name, colon) = try scanName()
        guard !name.isEmpty else { throw error(.malformed("“<”后应当是元素名"), at: offset) }
        var declared = 0
        var selfClosing = false
        while true {
            skipSpace()
            guard offset < count else { throw endError() }
            if bytes[offset] == UInt8(ascii: ">") {
                offset += 1
                break
            }
            if bytes[offset] == UInt8(ascii: "/") {
                guard offset + 1 < count, bytes[offset + 1] == UInt8(ascii: ">") else {
                    throw error(.malformed("“/”后应当是“>”"), at: offset)
                }
                offset += 2
                selfClosing = true
                break
            }
            let attributeStart = offset
            let (attributeName, attributeColon) = try scanName()
            guard !attributeName.isEmpty else { throw error(.malformed("此处应当是属性名、“>”或“/>”"), at: offset) }
            skipSpace()
            guard offset < count, bytes[offset] == UInt8(ascii: "=") else {
                throw error(.malformed("属性名后应当是“=”"), at: offset)
            }
            offset += 1
            skipSpace()
            let (value, plain) = try attributeValue()
            if isXMLNS(attributeName, colon: attributeColon) {
                let prefix = attributeColon.map {
                    Array(UnsafeBufferPointer(start: bytes + $0 + 1, count: attributeName.upperBound - $0 - 1))
                }
                bindings.append(Binding(prefix: prefix ?? [], uri: try attributeText(value, plain: plain)))
                declared += 1
                continue
            }
            guard attributeCount < limits.attributes else {
                throw error(.tooManyAttributes(limit: limits.attributes), at: attributeStart)
            }
            if isDuplicate(attributeName) {
                throw error(.duplicateAttribute(decoded(attributeName)), at: attributeStart)
            }
            var attribute = RawAttribute(name: attributeName, colon: attributeColon ?? -1, value: value)
            if !plain {
                attribute.decoded = decodedValues.count
                decodedValues.append(try attributeText(value, plain: false))
            }
            if attributeCount < rawAttributes.count {
                rawAttributes[attributeCount] = attribute
            } else {
                rawAttributes.append(attribute)
            }
            attributeCount += 1
        }
        guard depth < limits.depth else { throw error(.tooDeep(limit: limits.depth), at: tagStart) }
        depth += 1
        rootSeen = true
        openElements.append(OpenElement(name: name, declarations: declared))
        pendingEnd = selfClosing
        if declared > 0 { findDefaultBinding() }

        // Prefixes are resolved once the tag's own declarations are known.
        for index in 0..<attributeCount where rawAttributes[index].colon >= 0 {
            let raw = rawAttributes[index]
            rawAttributes[index].binding = try binding(raw.name, colon: raw.colon, isElement: false, at: tagStart)
        }
        let binding = try self.binding(name, colon: colon ?? -1, isElement: true, at: tagStart)
        // The name's bytes were checked by `scanName`.
        let local = decoded((colon.map { $0 + 1 } ?? name.lowerBound)..<name.upperBound)
        return XMLStartTag(namespace: binding < 0 ? "" : bindings[binding].uri, local: local, offset: tagStart)
    }

    /// The value of the attribute `local` in `namespace` ("" for an unprefixed attribute, the usual case) of the
    /// start tag just read (by `next`, `root`, or given to a `forEachChild` body); nil once the parser has read on.
    func attribute(_ local: String, namespace: String = "") -> String? {
        var key = local
        return key.withUTF8 { key in
            for raw in rawAttributes[..<attributeCount] where equal(key, raw.localName) {
                let matches =
                    namespace.isEmpty ? raw.binding < 0 : raw.binding >= 0 && bindings[raw.binding].uri == namespace
                if matches { return value(of: raw) }
            }
            return nil
        }
    }

    /// `attribute(_:)` for a name known when compiling, unprefixed: no string is made to compare.
    func attribute(static local: StaticString) -> String? {
        index(ofAttribute: local).map { value(of: rawAttributes[$0]) }
    }

    /// Calls `body` with the bytes of the value of the unprefixed attribute `local` of the current start tag
    /// (references replaced); nil when the tag has no such attribute.
    func withAttributeBytes<T>(_ local: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let index = index(ofAttribute: local) else { return nil }
        let raw = rawAttributes[index]
        if raw.decoded >= 0 {
            var value = decodedValues[raw.decoded]
            return value.withUTF8(body)
        }
        return body(UnsafeBufferPointer(start: bytes + raw.value.lowerBound, count: raw.value.count))
    }

    /// The index in `rawAttributes` of the unprefixed attribute `local`.
    private func index(ofAttribute local: StaticString) -> Int? {
        let key = UnsafeBufferPointer(start: local.utf8Start, count: local.utf8CodeUnitCount)
        for index in 0..<attributeCount {
            let raw = rawAttributes[index]
            if raw.binding < 0 && raw.colon < 0 && equal(key, raw.name) { return index }
        }
        return nil
    }

    private func value(of raw: RawAttribute) -> String {
        raw.decoded >= 0 ? decodedValues[raw.decoded] : decoded(raw.value)
    }

    /// All attributes of the start tag just read, in order (namespace declarations left out).
    var attributes: [XMLAttribute] {
        rawAttributes[..<attributeCount].map { raw in
            XMLAttribute(
                namespace: raw.binding < 0 ? "" : bindings[raw.binding].uri, local: decoded(raw.localName),
                value: value(of: raw))
        }
    }

    /// Whether the tag being read has an attribute called `name` already: compared one by one for the few
    /// attributes tags have, through hashes of the names for a tag with many (so that a hostile part with
    /// hundreds of attributes a tag costs no more than its length).
    private func isDuplicate(_ name: Range<Int>) -> Bool {
        if attributeCount <= 8 {
            for index in 0..<attributeCount where same(rawAttributes[index].name, name) { return true }
            return false
        }
        if attributeCount == 9 {
            attributeHashes.removeAll(keepingCapacity: true)
            for index in 0..<attributeCount {
                attributeHashes[hash(rawAttributes[index].name), default: []].append(index)
            }
        }
        let key = hash(name)
        if let candidates = attributeHashes[key], candidates.contains(where: { same(rawAttributes[$0].name, name) }) {
            return true
        }
        attributeHashes[key, default: []].append(attributeCount)
        return false
    }

    /// FNV-1a of a name's bytes.
    private func hash(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in range {
            hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01B3
        }
        return hash
    }

    /// `xmlns` or `xmlns:…`.
    private func isXMLNS(_ name: Range<Int>, colon: Int?) -> Bool {
        let prefixEnd = colon ?? name.upperBound
        guard prefixEnd - name.lowerBound == 5 else { return false }
        let s = bytes + name.lowerBound
        return s[0] == UInt8(ascii: "x") && s[1] == UInt8(ascii: "m") && s[2] == UInt8(ascii: "l")
            && s[3] == UInt8(ascii: "n") && s[4] == UInt8(ascii: "s")
    }

    private func findDefaultBinding() {
        defaultBinding = bindings.lastIndex { $0.prefix.isEmpty } ?? -1
        if defaultBinding >= 0 && bindings[defaultBinding].uri.isEmpty { defaultBinding = -1 }
    }

    /// The binding of a qualified name's prefix (an index in `bindings`), or -1 for no namespace: an element
    /// without prefix and default namespace, or any unprefixed attribute.
    private func binding(_ name: Range<Int>, colon: Int, isElement: Bool, at tagStart: Int) throws(XMLError) -> Int {
        if colon < 0 { return isElement ? defaultBinding : -1 }
        let prefix = name.lowerBound..<colon
        var i = bindings.count - 1
        while i >= 0 {
            if bindings[i].prefix.count == prefix.count
                && bindings[i].prefix.withUnsafeBufferPointer({ equal($0, prefix) })
            {
                return bindings[i].uri.isEmpty && prefix.isEmpty ? -1 : i
            }
            i -= 1
        }
        if prefix.isEmpty { return -1 }
        throw error(.unboundPrefix(decoded(prefix)), at: tagStart)
    }

    private func endTag() throws(XMLError) {
        let tagStart = offset
        offset += 2
        let (name, _) = try scanName()
        skipSpace()
        guard offset < count else { throw endError() }
        guard bytes[offset] == UInt8(ascii: ">") else { throw error(.malformed("结束标记应当以“>”结束"), at: offset) }
        offset += 1
        guard let open = openElements.last?.name else {
            throw error(.malformed("结束标记 </\(decoded(name))> 没有对应的开始标记"), at: tagStart)
        }
        guard same(open, name) else {
            throw error(.mismatchedEndTag(expected: decoded(open), found: decoded(name)), at: tagStart)
        }
        closeElement()
    }

    /// `<?…?>`; the XML declaration's encoding must be UTF-8.
    private func processingInstruction() throws(XMLError) {
        let start = offset
        guard let end = find("?>", from: offset + 2) else { throw endError() }
        offset = end + 2
        let content = start + 2..<end
        guard starts(content, with: "xml"), content.count == 3 || Self.isSpace(bytes[start + 5]) else { return }
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
    private func declaredEncoding(_ declaration: Range<Int>) -> String? {
        guard let key = find("encoding", from: declaration.lowerBound, before: declaration.upperBound) else {
            return nil
        }
        var i = key + 8
        while i < declaration.upperBound, Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "=") { i += 1 }
        guard i < declaration.upperBound, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = bytes[i]
        var close = i + 1
        while close < declaration.upperBound && bytes[close] != quote { close += 1 }
        guard close < declaration.upperBound else { return nil }
        return decoded(i + 1..<close)
    }

    /// `<!--…-->` (skipped, nil), `<![CDATA[…]]>` (its text) or a `<!DOCTYPE` (refused).
    private func declarationOrCDATA() throws(XMLError) -> String? {
        let start = offset
        let rest = offset..<count
        if starts(rest, with: "<!--") {
            guard let end = find("-->", from: offset + 4) else { throw endError() }
            offset = end + 3
            return nil
        }
        if starts(rest, with: "<![CDATA[") {
            guard let end = find("]]>", from: offset + 9) else { throw endError() }
            offset = end + 3
            guard depth > 0 else { throw error(.notOneRoot, at: start) }
            var output: [UInt8] = []
            output.reserveCapacity(end - start - 9)
            var i = start + 9
            while i < end {
                if bytes[i] == 0x0D {
                    output.append(0x0A)
                    if i + 1 < end && bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    output.append(bytes[i])
                }
                i += 1
            }
            return try text(output, at: start)
        }
        if starts(rest, with: "<!DOCTYPE") { throw error(.doctype, at: start) }
        throw error(.malformed("“<!”后应当是注释或 CDATA"), at: start)
    }

    // MARK: - Text

    /// Character data up to the next `<`, references replaced and line ends normalised; nil when not `keeping`
    /// (references are still checked).
    private func text(keeping: Bool) throws(XMLError) -> String? {
        let start = offset
        let bytes = self.bytes
        let count = self.count
        var i = start
        var plain = true
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") || byte == 0x0D { plain = false }
            i += 1
        }
        offset = i
        if plain { return keeping ? try text(start..<offset, at: start) : nil }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(offset - start)
        try decode(start..<offset, into: &decoded, normalizingSpace: false)
        return keeping ? try text(decoded, at: start) : nil
    }

    /// A quoted attribute value's range (without the quotes), and whether it needs no decoding.
    private func attributeValue() throws(XMLError) -> (Range<Int>, plain: Bool) {
        guard offset < count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw offset < count ? error(.malformed("属性值应当用引号括起"), at: offset) : endError()
        }
        let quote = bytes[offset]
        let start = offset + 1
        let bytes = self.bytes
        let count = self.count
        var end = start
        var plain = true
        var high: UInt8 = 0
        while end < count && bytes[end] != quote {
            if bytes[end] > UInt8(ascii: "<") {
                high |= bytes[end]
                end += 1
                continue
            }
            switch bytes[end] {
            case UInt8(ascii: "<"): throw error(.malformed("属性值中不能有“<”"), at: end)
            case UInt8(ascii: "&"), 0x09, 0x0A, 0x0D: plain = false
            default: high |= bytes[end]
            }
            end += 1
        }
        guard end < count else { throw endError() }
        offset = end + 1
        if plain && high >= 0x80
            && !UTF8Validation.isValid(UnsafeBufferPointer(start: bytes + start, count: end - start))
        {
            throw error(.invalidUTF8, at: start)
        }
        return (start..<end, plain)
    }

    /// An attribute value with references replaced and TAB, CR and LF as spaces (attribute value normalisation).
    private func attributeText(_ value: Range<Int>, plain: Bool) throws(XMLError) -> String {
        if plain { return decoded(value) }  // Checked by `attributeValue`.
        var decoded: [UInt8] = []
        try decode(value, into: &decoded, normalizingSpace: true)
        return try text(decoded, at: value.lowerBound)
    }

    /// Appends `range` with entity and character references replaced; CR LF and lone CR become LF, or with
    /// `normalizingSpace` TAB, CR and LF become spaces.
    private func decode(_ range: Range<Int>, into output: inout [UInt8], normalizingSpace: Bool) throws(XMLError) {
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&") {
                let nameStart = i + 1
                var semicolon = nameStart
                while semicolon < min(range.upperBound, nameStart + 32) && bytes[semicolon] != 0x3B { semicolon += 1 }
                guard semicolon < range.upperBound, bytes[semicolon] == 0x3B else {
                    throw error(.malformed("“&”后应当是实体名和“;”（文字“&”应写作 &amp;）"), at: i)
                }
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
        let text = decoded(name)
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

    private func skipSpace() {
        var i = offset
        while i < count && Self.isSpace(bytes[i]) { i += 1 }
        offset = i
    }

    /// A name: up to white space or one of `= / > < " '`, and where its first colon is. May be empty.
    private func scanName() throws(XMLError) -> (Range<Int>, colon: Int?) {
        let start = offset
        let bytes = self.bytes
        let count = self.count
        var i = start
        var colon: Int?
        var high: UInt8 = 0
        scan: while i < count {
            let byte = bytes[i]
            // Every delimiter is at most `>`: letters and most name characters go straight on.
            if byte > UInt8(ascii: ">") {
                high |= byte
                i += 1
                continue
            }
            switch byte {
            case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"),
                UInt8(ascii: "\""), UInt8(ascii: "'"):
                break scan
            case UInt8(ascii: ":"):
                if colon == nil { colon = i }
            default:
                high |= byte
            }
            i += 1
        }
        offset = i
        if high >= 0x80 && !UTF8Validation.isValid(UnsafeBufferPointer(start: bytes + start, count: i - start)) {
            throw error(.invalidUTF8, at: start)
        }
        return (start..<i, colon)
    }

    private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && equal(UnsafeBufferPointer(start: bytes + a.lowerBound, count: a.count), b)
    }

    private func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != bytes[b.lowerBound + i] { return false }
        return true
    }

    private func starts(_ range: Range<Int>, with prefix: StaticString) -> Bool {
        guard range.count >= prefix.utf8CodeUnitCount else { return false }
        return equal(
            UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount),
            range.lowerBound..<range.lowerBound + prefix.utf8CodeUnitCount)
    }

    private func find(_ needle: StaticString, from start: Int, before end: Int? = nil) -> Int? {
        let length = needle.utf8CodeUnitCount
        let end = end ?? count
        var i = start
        while i <= end - length {
            if bytes[i] == needle.utf8Start[0] && starts(i..<end, with: needle) { return i }
            i += 1
        }
        return nil
    }

    /// The bytes of `range` as a string, whatever they are (for messages and names already checked).
    private func decoded(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// The bytes of `range` as a string; invalid UTF-8 is an error.
    private func text(_ range: Range<Int>, at start: Int) throws(XMLError) -> String {
        let buffer = UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count)
        guard UTF8Validation.isValid(buffer) else { throw error(.invalidUTF8, at: start) }
        return String(decoding: buffer, as: UTF8.self)
    }

    private func text(_ bytes: [UInt8], at start: Int) throws(XMLError) -> String {
        try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
            guard UTF8Validation.isValid(buffer) else { throw error(.invalidUTF8, at: start) }
            return String(decoding: buffer, as: UTF8.self)
        }
    }

}

/// A private copy of a part's bytes that the parser reads through a pointer; freed with the last parser copy.
private final class XMLBytes {
    let base: UnsafeMutablePointer<UInt8>

    init(_ bytes: [UInt8]) {
        base = .allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
        }
    }

    deinit { base.deallocate() }
}
