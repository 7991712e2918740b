import Foundation

// The Mustache template engine: the whole spec (comments, delimiters, interpolation, inverted, partials,
// sections, inheritance, dynamic names, lambdas as Swift closures), strict or spec mode, caller-chosen escaping.
//
//     let library = TemplateLibrary(sources: [
//         DirectoryTemplateSource(root: userDirectory),          // looked up first
//         DictionaryTemplateSource(builtInTemplates),            // then the built-in templates
//     ])
//     let data = try MustacheValue(encoding: viewModel)         // or MustacheValue(json: data)
//     let result = library.render("report", data, options: RenderOptions(escaping: .custom(escape)))
//     if !result.succeeded { for error in result.errors { print(error) } }   // report/part3:12:5: 未知名称 …
//     let text = result.output                                  // or: try result.get()

/// Where templates come from. Names are relative paths without extension (`report`, `parts/part1`,
/// `tables/t01`), always relative to the source's root, also for partials and parents named inside other
/// templates.
public protocol TemplateSource: Sendable {
    /// The text of template `name`, or nil if this source does not have it. Throws if it exists but cannot be read.
    func templateText(named name: String) throws -> String?
}

/// Templates in a directory: `name` is the file `<root>/<name>.<fileExtension>`; with `allowsExactFileNames`
/// also `<root>/<name>` when that file exists (and the one with the extension does not).
public struct DirectoryTemplateSource: TemplateSource {
    public let root: URL
    public let fileExtension: String
    public let allowsExactFileNames: Bool

    public init(root: URL, fileExtension: String = "mustache", allowsExactFileNames: Bool = false) {
        self.root = root
        self.fileExtension = fileExtension
        self.allowsExactFileNames = allowsExactFileNames
    }

    public func templateText(named name: String) throws -> String? {
        // `..`, an absolute path or an empty segment would leave `root` (`{{>../../etc/hostname}}`).
        guard TemplateName.isValid(name) else { throw TemplateName.InvalidName(name: name) }
        var candidates: [URL] = []
        if !fileExtension.isEmpty {
            candidates.append(root.appendingPathComponent(name + "." + fileExtension, isDirectory: false))
        }
        if allowsExactFileNames || fileExtension.isEmpty {
            candidates.append(root.appendingPathComponent(name, isDirectory: false))
        }
        for url in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return try TemplateText.decode(Array(try Data(contentsOf: url)))
            }
        }
        return nil
    }
}

/// Template files as text.
public enum TemplateText {
    /// A template file that is not UTF-8: where the first byte that does not decode is (line and column as in
    /// other template errors).
    public struct InvalidUTF8: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var description: String { "第 \(line) 行第 \(column) 列不是有效的 UTF-8 文本" }
    }

    /// `bytes` as a string; throws where it is not valid UTF-8.
    public static func decode(_ bytes: [UInt8]) throws(InvalidUTF8) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var offset = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: break decoding
            }
        }
        let (line, column) = SourceFile(name: "", level: -1, bytes: bytes).location(of: offset)
        throw InvalidUTF8(line: line, column: column)
    }
}

/// What a template name may be: a relative path of one or more segments separated by `/`, none of them empty, `.`
/// or `..`, without `\` or NUL — so that a name (written in a template, or taken from data by `{{>*name}}`) can
/// never reach outside the root of a directory source.
public enum TemplateName {
    public static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, !name.utf8.contains(0), !name.utf8.contains(UInt8(ascii: "\\")) else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    /// Thrown by `DirectoryTemplateSource` for a name that is not valid.
    public struct InvalidName: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String { "模板名“\(name)”无效" }
    }
}

/// Templates held in memory, by name (e.g. the standard templates compiled into the binary).
public struct DictionaryTemplateSource: TemplateSource {
    public let templates: [String: String]

    public init(_ templates: [String: String]) { self.templates = templates }

    public func templateText(named name: String) throws -> String? { templates[name] }
}

/// Spec mode renders a missing name as empty (as the Mustache spec requires); strict mode, the default, reports
/// unknown names, missing partials and missing parents as errors.
public enum RenderMode: Sendable {
    case strict
    case spec
}

public struct RenderOptions: Sendable {
    public var escaping: Escaping
    public var mode: RenderMode
    /// Whether the result records where each piece of the output came from (`RenderResult.sources`).
    public var recordsSources: Bool
    /// The most nodes (texts, tags, section items, partials) one render expands before it stops with an error
    /// (`tooMuchWork`); nil for `defaultMaximumSteps(for:)` of the data. A partial that includes itself twice, or
    /// lists nested in lists, can ask for more work than any machine has; a template that visits its data a few
    /// times over stays far below the default.
    public var maximumSteps: Int?

    public init(
        escaping: Escaping = .html, mode: RenderMode = .strict, recordsSources: Bool = false, maximumSteps: Int? = nil
    ) {
        self.escaping = escaping
        self.mode = mode
        self.recordsSources = recordsSources
        self.maximumSteps = maximumSteps
    }

    /// 1,000,000 steps plus 50 for every value in `data` (the standard report of a sample department takes fewer
    /// steps than its data has values): proportional to the data, so that a large department renders, and small
    /// enough that a runaway template stops within a second or so.
    public static func defaultMaximumSteps(for data: MustacheValue) -> Int {
        1_000_000 + 50 * data.valueCount
    }
}

/// What a render produced: the output (complete as far as possible, even with errors) and every error found.
public struct RenderResult: Sendable {
    public let output: String
    public let errors: [MustacheError]
    /// Where the output came from; nil unless `RenderOptions.recordsSources` was set.
    public let sources: RenderSources?

    init(output: String, errors: [MustacheError], sources: RenderSources? = nil) {
        self.output = output
        self.errors = errors
        self.sources = sources
    }

    public var succeeded: Bool { errors.isEmpty }

    /// The output, or all the errors.
    public func get() throws(MustacheErrors) -> String {
        guard errors.isEmpty else { throw MustacheErrors(errors) }
        return output
    }
}

/// A parsed template: parse once, render many times (from any thread).
public final class Template: Sendable {
    public let name: String
    let file: SourceFile
    /// Valid while the template lives (they point into `store`).
    let nodes: [Node]
    private let store: NodeStore

    init(file: SourceFile) throws(MustacheError) {
        name = file.name
        self.file = file
        (nodes, store) = try Parser.parse(file)
    }

    /// Parses `text`, as it is unless `normalizesSource` (then a byte order mark is removed and CRLF becomes LF,
    /// as for templates loaded by a library). `name` is used in error messages. Throws the first parse error.
    public convenience init(parsing text: String, name: String = "template", normalizesSource: Bool = false)
        throws(MustacheError)
    {
        let bytes = Array(text.utf8)
        try self.init(file: SourceFile(name: name, level: -1, bytes: normalizesSource ? normalized(bytes) : bytes))
    }

    /// Renders without a library: every partial and parent is missing.
    public func render(_ value: MustacheValue, options: RenderOptions = RenderOptions()) -> RenderResult {
        TemplateLibrary(sources: []).render(self, value, options: options)
    }
}

/// A chain of template sources and a cache of parsed templates: each template is read and parsed once.
///
/// A name is looked up in each source in order (e.g. a user directory first, then the built-in templates). A
/// parent tag that names the template it is in (`{{<part3}}` inside `part3`) refers to the next template of that
/// name further down the chain, so a user's `part3` can inherit the built-in `part3` and replace single blocks.
/// Thread-safe.
public final class TemplateLibrary: @unchecked Sendable {
    public let sources: [any TemplateSource]
    /// Whether loaded text has its byte order mark removed and CRLF turned into LF.
    public let normalizesSource: Bool

    private let lock = NSLock()
    private var resolved: [Key: Lookup] = [:]
    private var loaded: [Key: Lookup] = [:]
    /// `definedBlocks` of each template asked about (templates live as long as the library's caches).
    private var blockNames: [ObjectIdentifier: Set<String>?] = [:]

    private struct Key: Hashable {
        let name: String
        let level: Int
    }

    enum Lookup {
        case found(Template)
        case missing
        case failed(MustacheError)
    }

    public init(sources: [any TemplateSource], normalizesSource: Bool = true) {
        self.sources = sources
        self.normalizesSource = normalizesSource
    }

    /// Templates from one directory (`name` is `<directory>/<name>.mustache`).
    public convenience init(directory: URL, fileExtension: String = "mustache") {
        self.init(sources: [DirectoryTemplateSource(root: directory, fileExtension: fileExtension)])
    }

    /// Templates from a dictionary `[name: text]`.
    public convenience init(templates: [String: String]) {
        self.init(sources: [DictionaryTemplateSource(templates)])
    }

    /// The parsed template `name`. Throws if no source has it, it cannot be read, or it does not parse.
    public func template(named name: String) throws(MustacheError) -> Template {
        switch lookup(name, from: 0) {
        case .found(let template): return template
        case .failed(let error): throw error
        case .missing:
            throw MustacheError(
                kind: .missingTemplate, template: name, line: 0, column: 0, tag: "",
                message: "找不到模板“\(name)”（missing template）", path: [name])
        }
    }

    /// Renders template `name` with `value`. A template that cannot be loaded is an error in the result.
    public func render(_ name: String, _ value: MustacheValue, options: RenderOptions = RenderOptions()) -> RenderResult
    {
        do {
            return render(try template(named: name), value, options: options)
        } catch {
            return RenderResult(output: "", errors: [error])
        }
    }

    /// Renders a template (its partials and parents come from this library).
    public func render(_ template: Template, _ value: MustacheValue, options: RenderOptions = RenderOptions())
        -> RenderResult
    {
        var renderer = Renderer(
            library: self, options: options, root: value, capacity: template.file.bytes.count * 2 + 1024)
        withExtendedLifetime(template) { renderer.render(template.nodes) }
        return RenderResult(
            output: renderer.output.string(), errors: renderer.errors.all, sources: renderer.recorder?.sources)
    }

    /// The names of the blocks that a template renders, and so that a template inheriting it can replace: the blocks
    /// in its text, in the partials it includes and in the templates it inherits (for a parent tag, the parent's
    /// blocks and those inside the blocks given to it). Nil when that cannot be known before rendering (a dynamic
    /// partial or parent).
    func definedBlocks(_ template: Template) -> Set<String>? {
        lock.lock()
        if let known = blockNames[ObjectIdentifier(template)] {
            lock.unlock()
            return known
        }
        lock.unlock()
        var visiting: Set<ObjectIdentifier> = []
        let names = collectBlocks(template, visiting: &visiting)
        lock.lock()
        blockNames[ObjectIdentifier(template)] = names
        lock.unlock()
        return names
    }

    private func collectBlocks(_ template: Template, visiting: inout Set<ObjectIdentifier>) -> Set<String>? {
        guard visiting.insert(ObjectIdentifier(template)).inserted else { return [] }
        var names: Set<String> = []
        var known = true
        func walk(_ nodes: [Node], file: SourceFile) {
            for node in nodes where known {
                switch node {
                case .block(let block):
                    block.with { block in
                        names.insert(block.tag.name.text)
                        walk(block.children, file: file)
                    }
                case .section(let section), .inverted(let section):
                    section.with { walk($0.children, file: file) }
                case .partial(let partial), .parent(let partial):
                    var isParent = false
                    if case .parent = node { isParent = true }
                    partial.with { partial in
                        guard !partial.isDynamic else {
                            known = false
                            return
                        }
                        for block in partial.blocks.values { walk(block.children, file: file) }
                        if case .found(let included) = lookup(
                            partial.tag.name.text, from: partial.tag.file, isParent: isParent)
                        {
                            if let more = collectBlocks(included, visiting: &visiting) {
                                names.formUnion(more)
                            } else {
                                known = false
                            }
                        }
                    }
                case .text, .lineStart, .variable:
                    break
                }
            }
        }
        withExtendedLifetime(template) { walk(template.nodes, file: template.file) }
        return known ? names : nil
    }

    /// A partial or parent named inside `file`.
    func lookup(_ name: String, from file: SourceFile, isParent: Bool) -> Lookup {
        if isParent && name == file.name && file.level >= 0 {
            let next = lookup(name, from: file.level + 1)
            if case .missing = next {} else { return next }
        }
        return lookup(name, from: 0)
    }

    /// The first template `name` in the sources from `level` on.
    private func lookup(_ name: String, from level: Int) -> Lookup {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(name: name, level: level)
        if let known = resolved[key] { return known }
        guard TemplateName.isValid(name) else {
            let failed = Lookup.failed(
                MustacheError(
                    kind: .invalidTemplateName, template: name, line: 0, column: 0, tag: "",
                    message: "模板名“\(name)”无效：应为相对路径，不能以 / 开头，不能含 .. 、空的路径段或反斜杠"
                        + "（invalid template name）", path: [name]))
            resolved[key] = failed
            return failed
        }
        var result = Lookup.missing
        var current = level
        while current < sources.count {
            let here = Key(name: name, level: current)
            if let known = loaded[here] {
                result = known
                break
            }
            do {
                if let text = try sources[current].templateText(named: name) {
                    result = parse(text, name: name, level: current)
                    loaded[here] = result
                    break
                }
            } catch let error as TemplateText.InvalidUTF8 {
                result = .failed(
                    MustacheError(
                        kind: .unreadableTemplate, template: name, line: error.line, column: error.column, tag: "",
                        message: "模板不是有效的 UTF-8 文本（unreadable template）", path: [name]))
                loaded[here] = result
                break
            } catch {
                result = .failed(
                    MustacheError(
                        kind: .unreadableTemplate, template: name, line: 0, column: 0, tag: "",
                        message: "无法读取模板“\(name)”：\(error.localizedDescription)（unreadable template）",
                        path: [name]))
                loaded[here] = result
                break
            }
            current += 1
        }
        resolved[key] = result
        return result
    }

    private func parse(_ text: String, name: String, level: Int) -> Lookup {
        var bytes = Array(text.utf8)
        if normalizesSource { bytes = normalized(bytes) }
        do {
            return .found(try Template(file: SourceFile(name: name, level: level, bytes: bytes)))
        } catch {
            return .failed(error)
        }
    }
}

/// Removes a UTF-8 byte order mark and turns CRLF into LF.
func normalized(_ bytes: [UInt8]) -> [UInt8] {
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    guard start > 0 || bytes.contains(UInt8(ascii: "\r")) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count - start)
    var position = start
    while position < bytes.count {
        let byte = bytes[position]
        if !(byte == UInt8(ascii: "\r") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n")) {
            result.append(byte)
        }
        position += 1
    }
    return result
}
