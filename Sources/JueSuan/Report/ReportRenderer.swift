import Documents
import Foundation
import Mustache

/// The output formats of `juesuan render`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case txt, md, html, docx, xlsx, json
    /// The .docx printed by LibreOffice (`PDFConversion`).
    case pdf

    /// File name extension.
    public var fileExtension: String { rawValue }

    /// Whether the format is text that can go to standard output.
    public var isText: Bool { self != .docx && self != .xlsx && self != .pdf }

    /// Whether making the format needs a program outside juesuan (LibreOffice).
    public var needsLibreOffice: Bool { self == .pdf }
}

/// Why a report could not be rendered (a template problem, not a data problem).
public struct ReportRenderError: Error, Sendable, CustomStringConvertible {
    /// One line per problem, each naming the template and position or the markup line.
    public var problems: [String]

    public var description: String { problems.joined(separator: "\n") }
}

/// The templates a report is rendered with: the built-in standard set, optionally with a directory of templates in
/// front of it (a template there may inherit the standard one and replace single blocks).
public struct ReportTemplates: Sendable {
    let library: TemplateLibrary
    /// The template rendered for a report.
    public static let entry = "report"

    /// The standard templates built into the binary.
    public static let standard = ReportTemplates(library: TemplateLibrary(templates: StandardTemplates.sources))

    /// `directory` first, then the standard templates.
    public init(overridesIn directory: URL) {
        library = TemplateLibrary(sources: [
            DirectoryTemplateSource(root: directory), DictionaryTemplateSource(StandardTemplates.sources),
        ])
    }

    init(library: TemplateLibrary) {
        self.library = library
    }
}

/// A department's report, rendered: the view, the document markup and the document every writer lays out.
public struct RenderedReport: Sendable {
    public let view: ReportView
    public let markup: String
    public let document: Document

    /// Renders `view` with `templates` (strict mode: an unknown name is an error) and parses the markup.
    public init(view: ReportView, templates: ReportTemplates = .standard) throws(ReportRenderError) {
        self.view = view
        markup = try Self.markup(view, templates: templates)
        do {
            document = try Markup.parse(markup)
        } catch {
            throw ReportRenderError(problems: error.problems.map { "模板生成的标记有误：markup:\($0.line): \($0.message)" })
        }
    }

    /// The markup of `view`. The template value (several times the size of the data) lives only in here, so that
    /// its memory is free again before the document is parsed.
    private static func markup(_ view: ReportView, templates: ReportTemplates) throws(ReportRenderError) -> String {
        let value: MustacheValue
        do {
            value = try MustacheValue(encoding: view)
        } catch {
            throw ReportRenderError(problems: ["无法转换报告数据：\(error)"])
        }
        let result = templates.library.render(
            ReportTemplates.entry, value, options: RenderOptions(escaping: .custom(Markup.escape), mode: .strict))
        guard result.succeeded else {
            throw ReportRenderError(problems: result.errors.map { "模板错误：\($0)" })
        }
        return result.output
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
        }
    }
}
