/// Renders nodes into one UTF-8 buffer, collecting errors instead of stopping at the first.
struct Renderer {
    /// Partials, parents and lambdas nested deeper than this are reported as (probably infinite) recursion. Kept
    /// well below what a secondary thread's stack allows.
    static let maximumDepth = 100
    /// Sections, inverted sections, blocks, partials, parents and lambdas being rendered inside one another, at most:
    /// each level is a few stack frames, and a partial can hold a deeply nested template, so the parser's limit per
    /// template is not enough. 1,024 levels take about 0.5 MB of stack in a release build and 3 MB in a debug build
    /// (measured); the command line's main thread and the batch workers have 8 MB.
    static let maximumNesting = 1024

    private enum Frame {
        case root
        // The section tags are kept alive by their section nodes.
        case value(Unretained<TagInfo>)
        case item(Unretained<TagInfo>, Int)
    }

    let library: TemplateLibrary
    let escaping: Escaping
    let strict: Bool
    let output: OutputBuffer
    /// For numbers handed to a custom escaper as text.
    private let scratch = OutputBuffer(capacity: 64)
    var errors = ErrorCollector()
    private var stack: [MustacheValue]
    /// The members of each context on the stack that is an object (nil for other values), kept alive by `stack`:
    /// scanning them costs no reference counting. Parallel to `stack`.
    private var scopes: [Unmanaged<ObjectStorage>?]
    /// What each context on the stack is, for messages; parallel to `stack`.
    private var frames: [Frame]
    /// Inserted at each template line start (inside indented partials, parents and blocks).
    private var indentation: [UInt8] = []
    /// Block arguments of the parents being rendered; the outermost definition wins.
    private var overrides: [String: BlockNode] = [:]
    private var depth = 0
    /// Where the output comes from, when asked for (`RenderOptions.recordsSources`).
    let recorder: SourceRecorder?
    /// The data path of each context on the stack, parallel to `stack` (kept only while recording).
    private var paths: [[String]] = [[]]
    /// Levels of sections, blocks, partials, parents and lambdas being rendered.
    private var nesting = 0
    /// Nodes rendered so far, against `maximumSteps`.
    private var steps = 0
    private let maximumSteps: Int
    /// Set by an error after which rendering further is pointless (a recursion, nesting or work limit): every
    /// level returns at once, so that the work done stays bounded (`{{>t}}{{>t}}` would otherwise take 2^100 steps
    /// after its first path hit the recursion limit).
    private var stopped = false

    init(library: TemplateLibrary, options: RenderOptions, root: MustacheValue, capacity: Int) {
        self.library = library
        output = OutputBuffer(capacity: capacity)
        escaping = options.escaping
        strict = options.mode == .strict
        maximumSteps = options.maximumSteps ?? RenderOptions.defaultMaximumSteps(for: root)
        stack = [root]
        scopes = [Renderer.scope(of: root)]
        frames = [.root]
        recorder = options.recordsSources ? SourceRecorder() : nil
    }

    private static func scope(of value: MustacheValue) -> Unmanaged<ObjectStorage>? {
        if case .object(let object) = value { return .passUnretained(object.storage) }
        return nil
    }

    @inline(__always) private mutating func push(_ value: MustacheValue, _ frame: Frame, path: [String]) {
        stack.append(value)
        scopes.append(Renderer.scope(of: value))
        frames.append(frame)
        if recorder != nil { paths.append(path) }
    }

    @inline(__always) private mutating func pop() {
        stack.removeLast()
        scopes.removeLast()
        frames.removeLast()
        if recorder != nil { paths.removeLast() }
    }

    mutating func render(_ nodes: [Node]) {
        for node in nodes {
            if stopped { return }
            steps &+= 1
            switch node {
            case .text(let text):
                text.with { chunk in
                    if let recorder {
                        appendRecorded(chunk, recorder)
                    } else if indentation.isEmpty || chunk.lineStarts.isEmpty {
                        output.append(chunk.bytes)
                    } else {
                        appendIndented(chunk)
                    }
                }
            case .lineStart:
                if !indentation.isEmpty { output.append(indentation) }
            case .variable(let tag, let escaped):
                tag.with { interpolate($0, escaped: escaped) }
            case .section(let section):
                section.with { renderSection($0) }
            case .inverted(let section):
                section.with { renderInverted($0) }
            case .partial(let partial):
                partial.with { renderPartial($0, isParent: false) }
            case .parent(let parent):
                parent.with { renderPartial($0, isParent: true) }
            case .block(let block):
                block.with { renderBlock($0) }
            }
        }
    }

    private func appendIndented(_ chunk: TextNode) {
        var from = 0
        chunk.bytes.withUnsafeBufferPointer { bytes in
            for lineStart in chunk.lineStarts {
                output.append(UnsafeBufferPointer(rebasing: bytes[from..<lineStart]))
                output.append(indentation)
                from = lineStart
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[from...]))
        }
    }

    /// Appends literal text piece by piece (a piece is one template line), recording where each piece starts.
    private func appendRecorded(_ chunk: TextNode, _ recorder: SourceRecorder) {
        var nextLineStart = 0
        chunk.bytes.withUnsafeBufferPointer { bytes in
            for (index, piece) in chunk.pieces.enumerated() {
                while nextLineStart < chunk.lineStarts.count && chunk.lineStarts[nextLineStart] < piece {
                    nextLineStart += 1
                }
                if !indentation.isEmpty && nextLineStart < chunk.lineStarts.count
                    && chunk.lineStarts[nextLineStart] == piece
                {
                    output.append(indentation)
                }
                recorder.text(at: output.count, file: chunk.file, offset: chunk.origins[index])
                let end = index + 1 < chunk.pieces.count ? chunk.pieces[index + 1] : bytes.count
                output.append(UnsafeBufferPointer(rebasing: bytes[piece..<end]))
            }
        }
    }

    // MARK: Names

    /// The value of `name`, nil if it cannot be found. A dotted name that runs into null or false is null.
    @inline(__always) private func lookup(_ name: Name) -> MustacheValue? {
        guard let first = name.first else { return stack[stack.count - 1] }
        var index = scopes.count - 1
        while index >= 0 {
            if let scope = scopes[index] {
                let found = scope._withUnsafeGuaranteedRef { storage -> MustacheValue? in
                    guard let position = storage.index(of: first) else { return nil }
                    return storage.values[position]
                }
                if let found { return name.isDotted ? descend(from: found, name.parts) : found }
            }
            index -= 1
        }
        return nil
    }

    /// The data path of the context `name` is found in, as `lookup` finds it (only while recording).
    private func scope(of name: Name) -> [String] {
        guard let first = name.first else { return paths[paths.count - 1] }
        var index = scopes.count - 1
        while index >= 0 {
            if let scope = scopes[index],
                scope._withUnsafeGuaranteedRef({ $0.index(of: first) }) != nil
            {
                return paths[index]
            }
            index -= 1
        }
        return []
    }

    /// The data path of `name` (only while recording).
    private func path(of name: Name) -> [String] {
        scope(of: name) + name.parts
    }

    private func descend(from start: MustacheValue, _ parts: [String]) -> MustacheValue? {
        var value = start
        for part in parts.dropFirst() {
            switch value {
            case .object(let object):
                guard let next = object[part] else { return nil }
                value = next
            case .null, .bool(false):
                return .null
            default:
                return nil
            }
        }
        return value
    }

    private func label(_ frame: Frame) -> String {
        switch frame {
        case .root: return "根"
        case .value(let tag): return tag.with { $0.name.text }
        case .item(let tag, let index): return tag.with { "\($0.name.text)[\(index)]" }
        }
    }

    /// Reports why `tag.name` could not be found.
    private mutating func reportUnknown(_ tag: TagInfo) {
        guard !errors.isRepeat(tag, .unknownName) else { return }
        let parts = tag.name.parts
        let contexts = frames.reversed().map(label)
        var reason: String
        if contexts.count == 1 {
            reason = "根对象中没有 \(parts[0])"
        } else {
            reason = "在上下文 \(contexts.joined(separator: "、")) 中都没有 \(parts[0])"
        }
        let start = stack.reversed().lazy.compactMap { value -> MustacheValue? in
            if case .object(let object) = value { return object[parts[0]] }
            return nil
        }.first
        if var value = start {
            for (position, part) in parts.enumerated().dropFirst() {
                let before = parts[..<position].joined(separator: ".")
                guard case .object(let object) = value else {
                    reason = "\(before) 是\(value.kindName)，不能取 \(part)"
                    break
                }
                guard let next = object[part] else {
                    reason = "\(before) 中没有 \(part)"
                    break
                }
                value = next
            }
        }
        let error = tag.file.error(
            .unknownName, at: tag.range,
            message: "未知名称 \(tag.file.text(tag.range))，查找路径：\(parts.joined(separator: " → "))（\(reason)）"
                + "(unknown name)",
            path: parts, contextStack: contexts)
        errors.add(error, at: tag)
    }

    // MARK: Interpolation

    private mutating func interpolate(_ tag: TagInfo, escaped: Bool) {
        guard let value = lookup(tag.name) else {
            if strict { reportUnknown(tag) }
            return
        }
        guard let recorder else { return interpolate(value, tag, escaped: escaped) }
        let start = output.count
        let mark = recorder.mark
        interpolate(value, tag, escaped: escaped)
        // A lambda's template records what it rendered; the value is the lambda's text as a whole.
        if recorder.mark != mark { recorder.rewind(to: mark) }
        if output.count > start {
            recorder.value(start..<output.count, scope: scope(of: tag.name), name: tag.name.parts, tag: tag)
        }
    }

    private mutating func interpolate(_ value: MustacheValue, _ tag: TagInfo, escaped: Bool) {
        switch value {
        case .string(let text): append(text, escaped: escaped)
        case .number(let number):
            if escaped, case .custom = escaping.kind {
                DecimalText.append(number, to: scratch)
                append(scratch.take(from: 0), escaped: true)
            } else {
                // Numbers contain nothing that HTML or XML escaping changes.
                DecimalText.append(number, to: output)
            }
        case .bool(let flag): append(flag ? "true" : "false", escaped: escaped)
        case .null: break
        case .lambda(let lambda):
            let result = lambda("")
            switch lambda.kind {
            case .rendered:
                append(result, escaped: escaped)
            case .template:
                let start = output.count
                renderLambdaResult(result, delimiters: .standard, tag: tag)
                append(output.take(from: start), escaped: escaped)
            }
        case .list, .object:
            guard strict, !errors.isRepeat(tag, .notInterpolatable) else { return }
            let error = tag.file.error(
                .notInterpolatable, at: tag.range,
                message: "不能输出\(value.kindName) \(tag.file.text(tag.range))：只能输出字符串、数字、布尔值或 null"
                    + "（cannot interpolate \(value.kindName == "列表" ? "a list" : "an object")）",
                path: tag.name.parts)
            errors.add(error, at: tag)
        }
    }

    @inline(__always) private func append(_ text: String, escaped: Bool) {
        if escaped {
            escaping.appendEscaped(text, to: output)
        } else {
            output.append(text)
        }
    }

    /// Parses and renders what a spec lambda returned, in the current context.
    private mutating func renderLambdaResult(_ text: String, delimiters: Delimiters, tag: TagInfo) {
        guard enter(tag, what: "lambda") else { return }
        defer { leave() }
        let file = SourceFile(name: "\(tag.file.name)（lambda）", level: tag.file.level, bytes: Array(text.utf8))
        do {
            let (nodes, store) = try Parser.parse(file, delimiters: delimiters)
            withExtendedLifetime(store) { render(nodes) }
        } catch {
            errors.add(error)
        }
    }

    // MARK: Sections

    private mutating func renderSection(_ section: SectionNode) {
        guard let value = lookup(section.tag.name) else {
            if strict { reportUnknown(section.tag) }
            return
        }
        switch value {
        case .list(let items):
            let tag = Unretained(section.tag)
            let base = recorder == nil ? [] : path(of: section.tag.name)
            for (index, item) in items.enumerated() {
                guard begin(section.tag) else { return }
                push(item, .item(tag, index), path: recorder == nil ? [] : base + [String(index)])
                render(section.children)
                pop()
                nesting -= 1
            }
        case .lambda(let lambda):
            switch lambda.kind {
            case .template:
                let text = String(decoding: section.source[section.inner], as: UTF8.self)
                renderLambdaResult(lambda(text), delimiters: section.delimiters, tag: section.tag)
            case .rendered:
                guard begin(section.tag) else { return }
                let start = output.count
                let mark = recorder?.mark
                render(section.children)
                output.append(lambda(output.take(from: start)))
                if let recorder, let mark {
                    // The lambda's text replaces what the section rendered: it is one value when the section
                    // printed one value (a helper that formats it), otherwise literal text of the section tag.
                    let inner = recorder.rewind(to: mark)
                    recorder.text(at: start, file: section.tag.file, offset: section.tag.range.lowerBound)
                    if inner.count == 1, output.count > start {
                        recorder.value(
                            start..<output.count, scope: inner[0].scope, name: inner[0].name, tag: inner[0].tag,
                            helpers: inner[0].helpers + [section.tag.name.text])
                    }
                }
                nesting -= 1
            }
        default:
            guard value.isTruthy, begin(section.tag) else { return }
            let path = recorder == nil ? [] : path(of: section.tag.name)
            push(value, .value(Unretained(section.tag)), path: path)
            render(section.children)
            pop()
            nesting -= 1
        }
    }

    private mutating func renderInverted(_ section: SectionNode) {
        let value = lookup(section.tag.name)
        if value == nil && strict { reportUnknown(section.tag) }
        guard value?.isTruthy != true, begin(section.tag) else { return }
        render(section.children)
        nesting -= 1
    }

    // MARK: Limits

    /// Before rendering the content of `tag` one level deeper: checks the nesting and the work done so far. On
    /// success the caller decrements `nesting` when done; on failure the error is reported and rendering stops.
    private mutating func begin(_ tag: TagInfo) -> Bool {
        if stopped { return false }
        if nesting >= Renderer.maximumNesting {
            stop(
                tag, .nestingTooDeep,
                "区块、局部模板和父模板嵌套超过 \(Renderer.maximumNesting) 层：\(tag.file.text(tag.range))（nested too deep）")
            return false
        }
        if steps > maximumSteps {
            stop(
                tag, .tooMuchWork,
                "模板展开超过 \(maximumSteps) 步，停止渲染：\(tag.file.text(tag.range))；可能是局部模板多次包含自身，"
                    + "或列表套列表过多（too much work）")
            return false
        }
        nesting += 1
        return true
    }

    /// Reports an error after which the render stops.
    private mutating func stop(_ tag: TagInfo, _ kind: MustacheError.Kind, _ message: String) {
        errors.add(tag.file.error(kind, at: tag.range, message: message), at: tag)
        stopped = true
    }

    // MARK: Partials, parents and blocks

    private mutating func enter(_ tag: TagInfo, what: String) -> Bool {
        guard depth < Renderer.maximumDepth else {
            stop(
                tag, .recursionLimit,
                "\(what)嵌套超过 \(Renderer.maximumDepth) 层，可能是无限递归：\(tag.file.text(tag.range))（recursion too deep）")
            return false
        }
        guard begin(tag) else { return false }
        depth += 1
        return true
    }

    private mutating func leave() {
        depth -= 1
        nesting -= 1
    }

    /// The template a partial or parent tag names: its name, or for `{{>*name}}` the value of `name`.
    private mutating func templateName(_ partial: PartialNode) -> String? {
        guard partial.isDynamic else { return partial.tag.name.text }
        guard let value = lookup(partial.tag.name) else {
            if strict { reportUnknown(partial.tag) }
            return nil
        }
        switch value {
        case .string(let text) where !text.isEmpty: return text
        case .number(let number): return number.description
        case .null, .bool(false): return nil
        default:
            let tag = partial.tag
            if strict, !errors.isRepeat(tag, .invalidDynamicName) {
                let error = tag.file.error(
                    .invalidDynamicName, at: tag.range,
                    message: "动态名称 \(tag.file.text(tag.range)) 的值不是模板名：\(tag.name.text) 是"
                        + "\(value == .string("") ? "空字符串" : value.kindName)（dynamic name is not a template name）",
                    path: tag.name.parts)
                errors.add(error, at: tag)
            }
            return nil
        }
    }

    private mutating func renderPartial(_ partial: PartialNode, isParent: Bool) {
        guard let name = templateName(partial) else { return }
        let tag = partial.tag
        let template: Template
        switch library.lookup(name, from: tag.file, isParent: isParent) {
        case .found(let found):
            template = found
        case .failed(let error) where error.line == 0:
            // About the whole template (it cannot be read, its name is invalid): say which tag asked for it.
            guard !errors.isRepeat(tag, error.kind, detail: name) else { return }
            let located = tag.file.error(
                error.kind, at: tag.range, message: "\(tag.file.text(tag.range))：\(error.message)", path: error.path)
            errors.add(located, at: tag, detail: name)
            return
        case .failed(let error):
            errors.add(error)
            return
        case .missing:
            let kind: MustacheError.Kind = isParent ? .missingParent : .missingPartial
            guard strict, !errors.isRepeat(tag, kind, detail: name) else { return }
            let what = isParent ? "父模板" : "局部模板"
            let english = isParent ? "missing parent" : "missing partial"
            let error = tag.file.error(
                kind, at: tag.range, message: "找不到\(what)“\(name)”：\(tag.file.text(tag.range))（\(english)）",
                path: [name])
            errors.add(error, at: tag, detail: name)
            return
        }
        if isParent && strict { checkBlocks(partial, template) }
        guard enter(tag, what: isParent ? "父模板" : "局部模板") else { return }
        let savedIndentation = indentation
        let savedOverrides = overrides
        indentation.append(contentsOf: partial.indentation)
        for (name, block) in partial.blocks where overrides[name] == nil { overrides[name] = block }
        withExtendedLifetime(template) { render(template.nodes) }
        indentation = savedIndentation
        overrides = savedOverrides
        leave()
    }

    /// Reports each block given to a parent tag that the parent does not define: it would be silently ignored.
    private mutating func checkBlocks(_ parent: PartialNode, _ template: Template) {
        guard !parent.blocks.isEmpty, let defined = library.definedBlocks(template) else { return }
        for (name, block) in parent.blocks.sorted(by: { $0.value.tag.range.lowerBound < $1.value.tag.range.lowerBound })
        where !defined.contains(name) {
            let tag = block.tag
            guard !errors.isRepeat(tag, .undefinedBlock) else { continue }
            let close = Self.closest(to: name, in: defined).map { "；是不是 \($0)？" } ?? ""
            let error = tag.file.error(
                .undefinedBlock, at: tag.range,
                message: "父模板“\(template.name)”没有块 \(name)，\(tag.file.text(tag.range)) 的内容不会输出\(close)"
                    + "（undefined block）",
                path: [name])
            errors.add(error, at: tag)
        }
    }

    /// The defined name nearest to a misspelled one, for the message: one edit away (a letter added, dropped,
    /// changed, or two neighbours swapped), two for names longer than four characters.
    static func closest(to name: String, in names: Set<String>) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                    }
                }
            }
            return d[a.count][b.count]
        }
        let target = Array(name)
        // Names far apart in length are no near miss; a long name (a hostile template) is not compared at all, so
        // that the message costs nothing to make.
        guard target.count <= 64 else { return nil }
        let limit = target.count > 4 ? 2 : 1
        return names.lazy.map { Array($0) }.filter { abs($0.count - target.count) <= limit }
            .map { (String($0), distance(target, $0)) }.filter { $0.1 <= limit }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    private mutating func renderBlock(_ block: BlockNode) {
        let content = overrides[block.tag.name.text] ?? block
        guard begin(block.tag) else { return }
        defer { nesting -= 1 }
        guard let extra = block.indentation, !extra.isEmpty else {
            render(content.children)
            return
        }
        let saved = indentation
        indentation.append(contentsOf: extra)
        render(content.children)
        indentation = saved
    }
}

/// Errors of one render, each reported once per place (with a count of how often it happened).
struct ErrorCollector {
    private struct Key: Hashable {
        let template: String
        let offset: Int
        let kind: MustacheError.Kind
        let detail: String
    }

    private(set) var all: [MustacheError] = []
    private var positions: [Key: Int] = [:]

    private static func key(_ tag: TagInfo, _ kind: MustacheError.Kind, _ detail: String) -> Key {
        Key(template: tag.file.name, offset: tag.range.lowerBound, kind: kind, detail: detail)
    }

    /// Whether this error was already reported here; if so, counts one more occurrence.
    mutating func isRepeat(_ tag: TagInfo, _ kind: MustacheError.Kind, detail: String = "") -> Bool {
        guard let position = positions[Self.key(tag, kind, detail)] else { return false }
        all[position].occurrences += 1
        return true
    }

    mutating func add(_ error: MustacheError, at tag: TagInfo, detail: String = "") {
        positions[Self.key(tag, error.kind, detail)] = all.count
        all.append(error)
    }

    /// An error found in another template (a partial that does not parse or cannot be read).
    mutating func add(_ error: MustacheError) {
        let key = Key(
            template: error.template, offset: error.line << 32 | error.column, kind: error.kind, detail: "loaded")
        if let position = positions[key] {
            all[position].occurrences += 1
        } else {
            positions[key] = all.count
            all.append(error)
        }
    }
}
