// Parsing works on UTF-8 bytes in four passes: tokenize (applying delimiter changes), match sections, decide which
// tags are standalone (their whole line disappears), then build the node tree. A standalone block's content is
// re-parsed with its common indentation removed, so that the indentation can be re-added where it is expanded.

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")

@inline(__always) private func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

@inline(__always) private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == space || byte == tab || byte == newline || byte == carriageReturn
}

/// Maps byte offsets of a re-parsed (dedented) text back to the original template.
private final class OffsetMap {
    /// Start of each line in the dedented text.
    let lineStarts: [Int]
    /// Original offset minus dedented offset, per line.
    let shifts: [Int]
    let parent: OffsetMap?

    init(lineStarts: [Int], shifts: [Int], parent: OffsetMap?) {
        self.lineStarts = lineStarts
        self.shifts = shifts
        self.parent = parent
    }

    func original(_ offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let mapped = offset + (shifts.isEmpty ? 0 : shifts[low])
        return parent?.original(mapped) ?? mapped
    }
}

private struct Token {
    enum Kind {
        case text
        case variable
        case unescaped
        case section
        case inverted
        case close
        case comment
        case partial
        case parent
        case block
        case delimiters
    }

    var kind: Kind
    /// For text, the text; for a tag, the whole tag with its delimiters.
    var start: Int
    var end: Int
    var name = Name.empty
    var isDynamic = false
    /// The delimiters in effect at this tag.
    var delimiters = Delimiters.standard
    /// The bytes that disappear with the tag: the tag itself, or for a standalone tag its whole line.
    var removeStart: Int
    var removeEnd: Int
    var isStandalone = false
    /// Whitespace before a standalone tag (the indentation of a partial, parent or block).
    var indentation: [UInt8] = []
    /// A block whose opening tag is standalone (alone on its line, or paired as in `{{<parent}}{{$block}}` or
    /// `{{$block}}{{/block}}`): its content is dedented and re-indented where it is expanded.
    var isStandaloneBlock = false
    /// For an opening tag the index of its closing tag, and the other way round.
    var match = -1

    init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        removeStart = start
        removeEnd = end
    }

    var canBeStandalone: Bool {
        switch kind {
        case .text, .variable, .unescaped: return false
        default: return true
        }
    }

    var opensSection: Bool {
        switch kind {
        case .section, .inverted, .parent, .block: return true
        default: return false
        }
    }
}

struct Parser {
    /// Sections, inverted sections, parents and blocks open at once in one template, at most.
    static let maximumNesting = 256

    private let source: [UInt8]
    private let file: SourceFile
    private let map: OffsetMap?
    /// Whether the end of `source` ends a line (false for a re-parsed block that ends mid-line).
    private let endIsLineEnd: Bool
    private var delimiters: Delimiters
    private var tokens: [Token] = []
    private let store: NodeStore

    /// Parses a whole template. The nodes are valid as long as the store is alive.
    static func parse(_ file: SourceFile, delimiters: Delimiters = .standard) throws(MustacheError) -> (
        nodes: [Node], store: NodeStore
    ) {
        let store = NodeStore()
        var parser = Parser(
            source: file.bytes, file: file, map: nil, endIsLineEnd: true, delimiters: delimiters, store: store)
        return (try parser.run(), store)
    }

    private init(
        source: [UInt8], file: SourceFile, map: OffsetMap?, endIsLineEnd: Bool, delimiters: Delimiters,
        store: NodeStore
    ) {
        self.source = source
        self.file = file
        self.map = map
        self.endIsLineEnd = endIsLineEnd
        self.delimiters = delimiters
        self.store = store
    }

    private mutating func run() throws(MustacheError) -> [Node] {
        try tokenize()
        try matchSections()
        markStandalone()
        return try build(0..<tokens.count)
    }

    // MARK: Errors

    private func original(_ offset: Int) -> Int { map?.original(offset) ?? offset }

    private func originalRange(_ start: Int, _ end: Int) -> Range<Int> {
        let lower = original(start)
        return lower..<max(lower, original(end))
    }

    private func error(_ kind: MustacheError.Kind, _ start: Int, _ end: Int, _ message: String) -> MustacheError {
        file.error(kind, at: originalRange(start, end), message: message)
    }

    private func written(_ start: Int, _ end: Int) -> String {
        String(decoding: source[start..<end], as: UTF8.self)
    }

    // MARK: Pass 1: tokens

    /// The first occurrence of `needle` that starts at or after `start` and ends at or before `limit`.
    private func find(_ needle: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        let count = limit ?? source.count
        let length = needle.count
        guard length > 0, start + length <= count else { return nil }
        return source.withUnsafeBufferPointer { buffer -> Int? in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                let first = pattern[0]
                var position = start
                let last = count - length
                while position <= last {
                    if buffer[position] == first {
                        var matched = 1
                        while matched < length && buffer[position + matched] == pattern[matched] { matched += 1 }
                        if matched == length { return position }
                    }
                    position += 1
                }
                return nil
            }
        }
    }

    /// An unclosed tag, shown up to the end of its line (at most 30 bytes) or the next opening delimiter.
    private func unclosedTag(_ tagStart: Int, _ contentStart: Int, missing terminator: [UInt8]) -> MustacheError {
        var end = contentStart
        let limit = min(source.count, tagStart + 30)
        let nextOpen = find(delimiters.open, from: contentStart, limit: limit) ?? limit
        while end < nextOpen && source[end] != newline && source[end] != carriageReturn { end += 1 }
        while end > contentStart && isBlank(source[end - 1]) { end -= 1 }
        return error(
            .unclosedTag, tagStart, end,
            "标签没有闭合：\(written(tagStart, end)) 缺少 \(String(decoding: terminator, as: UTF8.self))（unclosed tag）")
    }

    private func trimmed(_ start: Int, _ end: Int) -> Range<Int> {
        var lower = start
        var upper = end
        while lower < upper && isWhitespace(source[lower]) { lower += 1 }
        while upper > lower && isWhitespace(source[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private mutating func tokenize() throws(MustacheError) {
        let count = source.count
        var position = 0
        while position < count {
            guard let tagStart = find(delimiters.open, from: position) else {
                tokens.append(Token(kind: .text, start: position, end: count))
                break
            }
            if tagStart > position { tokens.append(Token(kind: .text, start: position, end: tagStart)) }
            var contentStart = tagStart + delimiters.open.count
            var kind = Token.Kind.variable
            var terminator = delimiters.close
            if contentStart < count {
                switch source[contentStart] {
                case UInt8(ascii: "{"):
                    kind = .unescaped
                    terminator = [UInt8(ascii: "}")] + delimiters.close
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "="):
                    kind = .delimiters
                    terminator = [UInt8(ascii: "=")] + delimiters.close
                default: break
                }
                if kind != .variable { contentStart += 1 }
            }
            guard let contentEnd = find(terminator, from: contentStart) else {
                if kind == .delimiters, let end = find(delimiters.close, from: contentStart) {
                    let tagEnd = end + delimiters.close.count
                    throw error(
                        .badDelimiters, tagStart, tagEnd,
                        "分隔符设置无效 \(written(tagStart, tagEnd))：应以 =\(String(decoding: delimiters.close, as: UTF8.self)) "
                            + "结尾，如 {{=<% %>=}}（bad delimiter change）")
                }
                throw unclosedTag(tagStart, contentStart, missing: terminator)
            }
            let tagEnd = contentEnd + terminator.count
            var token = Token(kind: kind, start: tagStart, end: tagEnd)
            token.delimiters = delimiters
            switch kind {
            case .comment:
                break
            case .delimiters:
                delimiters = try newDelimiters(contentStart, contentEnd, tagStart, tagEnd)
            default:
                try readName(into: &token, contentStart, contentEnd)
            }
            tokens.append(token)
            position = tagEnd
        }
    }

    private func newDelimiters(_ start: Int, _ end: Int, _ tagStart: Int, _ tagEnd: Int) throws(MustacheError)
        -> Delimiters
    {
        let content = trimmed(start, end)
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in source[content] {
            if isWhitespace(byte) {
                if !current.isEmpty { parts.append(current) }
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { parts.append(current) }
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw error(
                .badDelimiters, tagStart, tagEnd,
                "分隔符设置无效 \(written(tagStart, tagEnd))：需要两个不含空白和等号的分隔符，如 {{=<% %>=}}"
                    + "（bad delimiter change）")
        }
        return Delimiters(open: parts[0], close: parts[1])
    }

    private func readName(into token: inout Token, _ start: Int, _ end: Int) throws(MustacheError) {
        var content = trimmed(start, end)
        let tag = written(token.start, token.end)
        if find(delimiters.open, from: content.lowerBound, limit: content.upperBound) != nil
            || source[content].contains(newline)
        {
            throw unclosedTag(token.start, start, missing: delimiters.close)
        }
        let allowsDynamic = token.kind == .partial || token.kind == .parent || token.kind == .close
        if allowsDynamic, !content.isEmpty, source[content.lowerBound] == UInt8(ascii: "*") {
            token.isDynamic = true
            content = trimmed(content.lowerBound + 1, content.upperBound)
        }
        guard !content.isEmpty else {
            throw error(.emptyTagName, token.start, token.end, "标签名为空：\(tag)（empty tag name）")
        }
        if source[content].contains(where: isWhitespace) {
            throw error(.invalidTagName, token.start, token.end, "标签名不能含空白：\(tag)（invalid tag name）")
        }
        let text = written(content.lowerBound, content.upperBound)
        let isPlainName =
            token.kind == .block
            || (!token.isDynamic && (token.kind == .partial || token.kind == .parent || token.kind == .close))
        if isPlainName {
            // Template and block names are not dotted paths. (A closing tag is checked against its opening tag.)
            token.name = Name(text: text, parts: [text])
        } else {
            if text == "." {
                token.name = Name(text: text, parts: [])
                return
            }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.contains(where: \.isEmpty) {
                throw error(.invalidTagName, token.start, token.end, "标签名无效：\(tag) 含有空的名称段（invalid tag name）")
            }
            token.name = Name(text: text, parts: parts)
        }
    }

    // MARK: Pass 2: sections

    private mutating func matchSections() throws(MustacheError) {
        var open: [Int] = []
        for index in tokens.indices {
            if tokens[index].opensSection {
                open.append(index)
                // Building the tree and rendering it recurse once per level: bound the depth here, with a message,
                // rather than let a deep template overflow the stack.
                if open.count > Parser.maximumNesting {
                    let opener = tokens[index]
                    throw error(
                        .nestingTooDeep, opener.start, opener.end,
                        "区块嵌套超过 \(Parser.maximumNesting) 层：\(written(opener.start, opener.end))（sections nested too deep）"
                    )
                }
            } else if tokens[index].kind == .close {
                let closing = tokens[index]
                guard let opening = open.popLast() else {
                    throw error(
                        .unexpectedClosingTag, closing.start, closing.end,
                        "结束标签 \(written(closing.start, closing.end)) 没有对应的开始标签（unexpected closing tag）")
                }
                let opener = tokens[opening]
                guard opener.name.text == closing.name.text, opener.isDynamic == closing.isDynamic else {
                    let (line, column) = file.location(of: original(opener.start))
                    throw error(
                        .mismatchedClosingTag, closing.start, closing.end,
                        "结束标签 \(written(closing.start, closing.end)) 与第 \(line) 行第 \(column) 列的开始标签 "
                            + "\(written(opener.start, opener.end)) 不匹配（mismatched closing tag）")
                }
                tokens[opening].match = index
                tokens[index].match = opening
            }
        }
        if let unclosed = open.last {
            let opener = tokens[unclosed]
            let sigil = opener.isDynamic ? "*" : ""
            throw error(
                .unclosedSection, opener.start, opener.end,
                "区块 \(written(opener.start, opener.end)) 没有闭合：缺少 "
                    + "\(String(decoding: opener.delimiters.open, as: UTF8.self))/\(sigil)\(opener.name.text)"
                    + "\(String(decoding: opener.delimiters.close, as: UTF8.self))（unclosed section）")
        }
    }

    // MARK: Pass 3: standalone lines

    /// The start of the line if only blanks precede `position` on it.
    private func lineStart(before position: Int) -> Int? {
        var start = position
        while start > 0 && isBlank(source[start - 1]) { start -= 1 }
        return start == 0 || source[start - 1] == newline ? start : nil
    }

    /// The start of the next line if only blanks follow `position` on its line.
    private func lineEnd(after position: Int) -> Int? {
        var end = position
        let count = source.count
        while end < count && isBlank(source[end]) { end += 1 }
        if end == count { return endIsLineEnd ? count : nil }
        if source[end] == newline { return end + 1 }
        if source[end] == carriageReturn && end + 1 < count && source[end + 1] == newline { return end + 2 }
        return nil
    }

    private enum Pair {
        /// `{{<parent}}{{/parent}}`
        case emptyParent
        /// `{{$block}}{{/block}}`: the line's newline stays.
        case emptyBlock
        /// `{{<parent}}{{$block}}`
        case parentOpensBlock
        /// `{{/block}}{{/parent}}`
        case blockClosesParent
    }

    private func pair(at index: Int) -> Pair? {
        guard index + 1 < tokens.count, tokens[index].end == tokens[index + 1].start else { return nil }
        let first = tokens[index]
        let second = tokens[index + 1]
        switch (first.kind, second.kind) {
        case (.parent, .close) where first.match == index + 1: return .emptyParent
        case (.block, .close) where first.match == index + 1: return .emptyBlock
        case (.parent, .block): return .parentOpensBlock
        case (.close, .close)
        where tokens[first.match].kind == .block && tokens[second.match].kind == .parent:
            return .blockClosesParent
        default: return nil
        }
    }

    private mutating func markStandalone() {
        var index = 0
        while index < tokens.count {
            guard tokens[index].canBeStandalone else {
                index += 1
                continue
            }
            if let pair = pair(at: index), let start = lineStart(before: tokens[index].start),
                let end = lineEnd(after: tokens[index + 1].end)
            {
                let indentation = Array(source[start..<tokens[index].start])
                tokens[index].isStandalone = true
                tokens[index + 1].isStandalone = true
                tokens[index].removeStart = start
                switch pair {
                case .emptyParent, .blockClosesParent:
                    tokens[index].indentation = indentation
                    tokens[index + 1].removeEnd = end
                case .emptyBlock:
                    tokens[index].indentation = indentation
                    tokens[index].isStandaloneBlock = true
                case .parentOpensBlock:
                    tokens[index].indentation = indentation
                    tokens[index + 1].removeEnd = end
                    tokens[index + 1].isStandaloneBlock = true
                }
                index += 2
                continue
            }
            if let start = lineStart(before: tokens[index].start), let end = lineEnd(after: tokens[index].end) {
                tokens[index].isStandalone = true
                tokens[index].removeStart = start
                tokens[index].removeEnd = end
                tokens[index].indentation = Array(source[start..<tokens[index].start])
                if tokens[index].kind == .block { tokens[index].isStandaloneBlock = true }
            }
            index += 1
        }
    }

    // MARK: Pass 4: nodes

    private func isLineStart(_ position: Int) -> Bool { position == 0 || source[position - 1] == newline }

    private func text(_ start: Int, _ end: Int) -> TextNode {
        var lineStarts: [Int] = []
        var pieces = [0]
        var origins = [original(start)]
        var position = start
        while position < end {
            if isLineStart(position) {
                let byte = source[position]
                let emptyLine =
                    byte == newline
                    || (byte == carriageReturn && position + 1 < source.count && source[position + 1] == newline)
                if !emptyLine { lineStarts.append(position - start) }
                if position > start {
                    pieces.append(position - start)
                    origins.append(original(position))
                }
            }
            position += 1
        }
        return TextNode(
            bytes: Array(source[start..<end]), lineStarts: lineStarts, file: file, pieces: pieces, origins: origins)
    }

    private func tagInfo(_ token: Token) -> TagInfo {
        TagInfo(file: file, range: originalRange(token.start, token.end), name: token.name)
    }

    private func build(_ range: Range<Int>) throws(MustacheError) -> [Node] {
        var nodes: [Node] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if token.kind == .text {
                let start = index > 0 ? max(token.start, tokens[index - 1].removeEnd) : token.start
                let end = index + 1 < tokens.count ? min(token.end, tokens[index + 1].removeStart) : token.end
                if start < end { nodes.append(.text(store.keep(text(start, end)))) }
                index += 1
                continue
            }
            if !token.isStandalone && isLineStart(token.start) { nodes.append(.lineStart) }
            switch token.kind {
            case .variable, .unescaped:
                nodes.append(.variable(store.keep(tagInfo(token)), escaped: token.kind == .variable))
            case .section, .inverted:
                let closing = tokens[token.match]
                let section = SectionNode(
                    tag: tagInfo(token), children: try build(index + 1..<token.match), source: source,
                    inner: token.end..<closing.start, delimiters: token.delimiters)
                nodes.append(token.kind == .section ? .section(store.keep(section)) : .inverted(store.keep(section)))
                index = token.match
            case .partial:
                let partial = PartialNode(
                    tag: tagInfo(token), isDynamic: token.isDynamic,
                    indentation: token.isStandalone ? token.indentation : [], blocks: [:])
                nodes.append(.partial(store.keep(partial)))
            case .parent:
                var blocks: [String: BlockNode] = [:]
                var inner = index + 1
                while inner < token.match {
                    if tokens[inner].kind == .block {
                        let block = try self.block(at: inner)
                        if blocks[tokens[inner].name.text] == nil { blocks[tokens[inner].name.text] = block }
                    }
                    // Anything else inside a parent tag is ignored (but was parsed).
                    inner = tokens[inner].opensSection ? tokens[inner].match + 1 : inner + 1
                }
                let parent = PartialNode(
                    tag: tagInfo(token), isDynamic: token.isDynamic,
                    indentation: token.isStandalone ? token.indentation : [], blocks: blocks)
                nodes.append(.parent(store.keep(parent)))
                index = token.match
            case .block:
                nodes.append(.block(store.keep(try block(at: index))))
                index = token.match
            case .comment, .delimiters, .close, .text:
                break
            }
            if token.opensSection {
                // A line that starts with a closing tag (`{{/a}} more text`) still gets indented.
                let closing = tokens[token.match]
                if !closing.isStandalone && isLineStart(closing.start) { nodes.append(.lineStart) }
            }
            index += 1
        }
        return nodes
    }

    private func block(at index: Int) throws(MustacheError) -> BlockNode {
        let opening = tokens[index]
        let closingIndex = opening.match
        let contentStart = opening.removeEnd
        let contentEnd = tokens[closingIndex].removeStart
        guard opening.isStandaloneBlock, contentStart < contentEnd else {
            return BlockNode(
                tag: tagInfo(opening), children: try build(index + 1..<closingIndex),
                indentation: opening.isStandaloneBlock ? opening.indentation : nil)
        }
        guard let common = commonIndentation(contentStart, contentEnd) else {
            // Only blank lines: the block takes the indentation of its tag.
            return BlockNode(
                tag: tagInfo(opening), children: try build(index + 1..<closingIndex),
                indentation: opening.indentation)
        }
        if common.isEmpty {
            return BlockNode(tag: tagInfo(opening), children: try build(index + 1..<closingIndex), indentation: [])
        }
        // Remove the common indentation from every line and parse the content again.
        var dedented: [UInt8] = []
        dedented.reserveCapacity(contentEnd - contentStart)
        var lineStarts: [Int] = []
        var shifts: [Int] = []
        var position = contentStart
        while position < contentEnd {
            lineStarts.append(dedented.count)
            var removed = 0
            while removed < common.count && position + removed < contentEnd
                && source[position + removed] == common[removed]
            {
                removed += 1
            }
            position += removed
            shifts.append(position - dedented.count)
            var lineEnd = position
            while lineEnd < contentEnd && source[lineEnd] != newline { lineEnd += 1 }
            if lineEnd < contentEnd { lineEnd += 1 }
            dedented.append(contentsOf: source[position..<lineEnd])
            position = lineEnd
        }
        var parser = Parser(
            source: dedented, file: file, map: OffsetMap(lineStarts: lineStarts, shifts: shifts, parent: map),
            endIsLineEnd: isLineStart(contentEnd), delimiters: opening.delimiters, store: store)
        return BlockNode(tag: tagInfo(opening), children: try parser.run(), indentation: common)
    }

    /// The longest run of blanks that starts every non-blank line of `source[start..<end]`; nil if all lines
    /// are blank.
    private func commonIndentation(_ start: Int, _ end: Int) -> [UInt8]? {
        var common: [UInt8]? = nil
        var position = start
        while position < end {
            var contentStart = position
            while contentStart < end && isBlank(source[contentStart]) { contentStart += 1 }
            var lineEnd = contentStart
            while lineEnd < end && source[lineEnd] != newline { lineEnd += 1 }
            let blank = source[contentStart..<lineEnd].allSatisfy { $0 == carriageReturn }
            if !blank {
                let indentation = source[position..<contentStart]
                if let current = common {
                    common = Array(zip(current, indentation).prefix { $0.0 == $0.1 }.map(\.0))
                } else {
                    common = Array(indentation)
                }
            }
            position = lineEnd + 1
        }
        return common
    }
}
