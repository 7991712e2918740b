import Documents
import Foundation
import Mustache

/// The output formats of `juesuan render`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case txt, md, html, docx, xlsx, json
    /// The .docx printed by LibreOffice (`PDFConversion`).
    case pdf
    /// The document markup the templates generated, for a template author to read (docs/MARKUP.md).
    case markup

    /// File name extension.
    public var fileExtension: String { rawValue }

    /// Whether the format is text that can go to standard output.
    public var isText: Bool { self != .docx && self != .xlsx && self != .pdf }

    /// Whether making the format needs a program outside juesuan (LibreOffice).
    public var needsLibreOffice: Bool { self == .pdf }
}

/// Why a report could not be rendered (a template problem, not a data problem).
public struct ReportRenderError: Error, Sendable, CustomStringConvertible {
    /// One line per problem, each naming the template and position.
    public var problems: [String]
    /// The markup the templates generated, when they rendered but the markup has errors (`--format markup` shows it).
    public var markup: String?

    public init(problems: [String], markup: String? = nil) {
        self.problems = problems
        self.markup = markup
    }

    public var description: String { problems.joined(separator: "\n") }
}

/// The templates a report is rendered with: a template set (built in, or a locality's directory in front of the
/// built-in set it inherits) and its declaration.
public struct ReportTemplates: Sendable {
    let library: TemplateLibrary
    /// The set's declaration: its tables and their roles, the report files' name.
    public let set: TemplateSet
    /// The template rendered for a report.
    public static let entry = "report"

    /// The standard templates built into the binary.
    public static let standard: ReportTemplates = {
        do {
            return try builtIn("standard")
        } catch {
            preconditionFailure("the built-in standard set is broken: \(error)")
        }
    }()

    /// A built-in set by name (`standard`, `central`, …).
    public static func builtIn(_ name: String) throws(TemplateSetError) -> ReportTemplates {
        let (set, chain) = try TemplateSet.builtIn(name)
        let sources = chain.map { DictionaryTemplateSource(BuiltInTemplates.templates[$0] ?? [:]) }
        return ReportTemplates(library: TemplateLibrary(sources: sources), set: set)
    }

    /// A locality's directory in front of the built-in set it inherits: its `set.json` says which (`inherits`,
    /// `standard` without one) and may declare its own tables; a template there may inherit the one of the same
    /// name and replace single blocks.
    public init(directory: URL) throws(TemplateSetError) {
        let declaration = directory.appendingPathComponent("set.json")
        var set: TemplateSet
        var chain: [String]
        if let data = FileManager.default.contents(atPath: declaration.path) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateSetError(message: "\(declaration.path)：不是 UTF-8 文本")
            }
            let raw = try TemplateSet.declared(
                text, file: declaration.path, defaultName: directory.path, inherited: nil)
            let inherits = raw.inherits ?? "standard"
            guard BuiltInTemplates.declarations[inherits] != nil else {
                // Where the name stands in set.json (the text parsed, as `declared` has just done).
                let position = (try? JSONTreeParser.parse(Array(text.utf8)))?.member("inherits")?.position
                throw TemplateSetError(
                    message: "\(declaration.path)\(position.map { ":\($0.line):\($0.column)" } ?? ""): $.inherits："
                        + "没有名为“\(inherits)”的内置模板集（内置：\(TemplateSet.builtInNames.joined(separator: "、"))）")
            }
            let parent = try TemplateSet.builtIn(inherits)
            set = try TemplateSet.declared(
                text, file: declaration.path, defaultName: directory.path, inherited: parent.set)
            set.inherits = parent.set.name
            chain = parent.chain
        } else {
            let parent = try TemplateSet.builtIn("standard")
            set = parent.set
            set.name = directory.path
            set.inherits = "standard"
            chain = parent.chain
        }
        let sources: [any TemplateSource] =
            [DirectoryTemplateSource(root: directory)]
            + chain.map { DictionaryTemplateSource(BuiltInTemplates.templates[$0] ?? [:]) }
        self.init(library: TemplateLibrary(sources: sources), set: set)
    }

    /// `--templates NAME|DIR`: a built-in set by name, else a directory.
    public static func load(_ nameOrDirectory: String) throws(TemplateSetError) -> ReportTemplates {
        if BuiltInTemplates.templates[nameOrDirectory] != nil { return try builtIn(nameOrDirectory) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: nameOrDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw TemplateSetError(
                message: "没有名为“\(nameOrDirectory)”的内置模板集，也没有这个目录（内置：\(TemplateSet.builtInNames.joined(separator: "、"))）"
            )
        }
        return try ReportTemplates(directory: URL(fileURLWithPath: nameOrDirectory))
    }

    init(library: TemplateLibrary, set: TemplateSet) {
        self.library = library
        self.set = set
    }
}

/// A department's report, rendered: the view, the document markup and the document every writer lays out, with
/// where each text of the document came from (the template position, and for a figure its identity).
public struct RenderedReport: Sendable {
    public let view: ReportView
    public let markup: String
    public let document: Document
    /// The template set's declaration.
    public let set: TemplateSet
    /// Where the document's texts came from in the markup, and the markup in the templates and the data.
    let origins: MarkupOrigins
    let sources: RenderSources
    /// The identity of each value of `sources.values` that prints a figure, found in the data the templates
    /// rendered (which is not kept).
    let identities: [FigureIdentity?]

    /// Renders `view` with `templates` (strict mode: an unknown name is an error) and parses the markup.
    public init(view: ReportView, templates: ReportTemplates = .standard) throws(ReportRenderError) {
        self.view = view
        set = templates.set
        let rendered = try Self.markup(view, templates: templates)
        markup = rendered.markup
        sources = rendered.sources
        identities = rendered.identities
        do {
            (document, origins) = try Markup.parseWithOrigins(markup)
        } catch {
            let lines = MarkupLines(markup)
            let sources = self.sources
            throw ReportRenderError(
                problems: error.problems.map { problem in
                    let place = lines.start(of: problem.line).flatMap { sources.location(at: $0) }
                    return "模板生成的标记有误：" + (place.map { "\($0)（markup:\(problem.line)）" } ?? "markup:\(problem.line)")
                        + "：\(problem.message)"
                }, markup: markup)
        }
    }

    /// The markup of `view`, where its pieces came from, and the identity of each value printed (in the order of
    /// `sources.values`). The template value (several times the size of the data) lives only in here, so that its
    /// memory is free again before the document is parsed.
    private static func markup(
        _ view: ReportView, templates: ReportTemplates
    ) throws(ReportRenderError) -> (markup: String, sources: RenderSources, identities: [FigureIdentity?]) {
        let value: MustacheValue
        do {
            value = try MustacheValue(encoding: view)
        } catch {
            throw ReportRenderError(problems: ["无法转换报告数据：\(error)"])
        }
        let data = Self.templateData(value, set: templates.set)
        let result = templates.library.render(
            ReportTemplates.entry, data,
            options: RenderOptions(escaping: .custom(Markup.escape), mode: .strict, recordsSources: true))
        guard result.succeeded else {
            throw ReportRenderError(problems: result.errors.map { "模板错误：\($0)" })
        }
        let sources = result.sources ?? RenderSources()
        return (result.output, sources, FigureIdentity.of(sources.values, in: data))
    }

    /// The view with what templates find besides it: the formatting helpers (`fmt`) and the set's tables (`set`).
    static func templateData(_ view: MustacheValue, set: TemplateSet) -> MustacheValue {
        guard case .object(var root) = view else { return view }
        root["fmt"] = TemplateHelpers.value
        var tables: [MustacheValue] = []
        for (index, table) in set.tables.enumerated() {
            tables.append(
                .object(
                    MustacheObject([
                        ("id", .string(table.id)), ("name", .string(table.name)),
                        ("title", .string(table.title ?? table.role?.title ?? "")),
                        ("role", .string(table.role?.rawValue ?? "")), ("index", .string(String(index + 1))),
                        ("cn", .string(ChineseNumeral.of(index + 1))),
                    ])))
        }
        root["set"] = .object(
            MustacheObject([
                ("name", .string(set.name)), ("title", .string(set.title)), ("fileName", .string(set.fileName)),
                ("tables", .list(tables)),
            ]))
        return .object(root)
    }

    /// The report in `format`, as bytes.
    public func bytes(_ format: OutputFormat) throws -> [UInt8] {
        switch format {
        case .txt: return Array(TextWriter.write(document).utf8)
        case .md: return Array(MarkdownWriter.write(document).utf8)
        case .html: return Array(HTMLWriter.write(document).utf8)
        case .docx: return try DocxWriter.write(document)
        case .xlsx: return try XlsxWriter.write(document)
        case .json: return Array(try view.jsonData())
        case .pdf:
            return try PDFConversion.pdf(fromDocx: try DocxWriter.write(document), date: document.properties.date)
        case .markup: return Array(markup.utf8)
        }
    }
}

/// Where each line of a markup text starts (UTF-8 offset of its first character that is not a space or TAB).
struct MarkupLines {
    private var starts: [Int] = []

    init(_ markup: String) {
        var bytes = Array(markup.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var first = lineStart
                while first < index && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")) {
                    first += 1
                }
                starts.append(first)
                if byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// The offset of line `line` (1-based).
    func start(of line: Int) -> Int? {
        line >= 1 && line <= starts.count ? starts[line - 1] : nil
    }
}
