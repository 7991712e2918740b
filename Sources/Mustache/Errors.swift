/// One problem in a template or in a render, located in its template.
///
/// `description` is the message for users: `report/part3:12:5: 未知名称 {{section1.totalIncome}}，查找路径：
/// section1 → totalIncome（section1 中没有 totalIncome）(unknown name)`. Lines and columns start at 1; columns
/// count Unicode scalars, so a Chinese character is one column.
public struct MustacheError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        // Parse errors.
        case unclosedTag
        case unclosedSection
        case mismatchedClosingTag
        case unexpectedClosingTag
        case badDelimiters
        case emptyTagName
        case invalidTagName
        case nestingTooDeep
        // Loading.
        case missingTemplate
        case unreadableTemplate
        case invalidTemplateName
        // Render errors (strict mode, except the recursion limit).
        case unknownName
        case missingPartial
        case missingParent
        /// A block given to a parent tag that the parent does not define (it would never be printed).
        case undefinedBlock
        case notInterpolatable
        case invalidDynamicName
        case recursionLimit
        /// A render that expands more nodes than `RenderOptions.maximumSteps` (exponential partials, loops in loops).
        case tooMuchWork
    }

    public var kind: Kind
    /// The template's name (as loaded, e.g. `report/part3`).
    public var template: String
    /// 0 (with `column` 0) for errors about a whole template, such as a missing one.
    public var line: Int
    public var column: Int
    /// The tag as written, with its delimiters (`{{#rows}}`); empty for errors about a whole template.
    public var tag: String
    /// The message after `template:line:column: `, in Chinese with the English kind in parentheses.
    public var message: String
    /// For unknown names: the dotted name's parts. For missing partials or parents: the name looked up.
    public var path: [String]
    /// For unknown names: the context stack that was searched, innermost first (`rows[2]`, `根`).
    public var contextStack: [String]
    /// How many times a render hit this same error at this same place (e.g. once per row of a list).
    public var occurrences: Int

    public init(
        kind: Kind, template: String, line: Int, column: Int, tag: String, message: String, path: [String] = [],
        contextStack: [String] = [], occurrences: Int = 1
    ) {
        self.kind = kind
        self.template = template
        self.line = line
        self.column = column
        self.tag = tag
        self.message = message
        self.path = path
        self.contextStack = contextStack
        self.occurrences = occurrences
    }

    public var description: String {
        var text = line > 0 ? "\(template):\(line):\(column): \(message)" : "\(template): \(message)"
        if occurrences > 1 { text += "（共 \(occurrences) 次）" }
        return text
    }
}

/// All the errors of one render (or one failed load), thrown by `RenderResult.get()`.
public struct MustacheErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [MustacheError]

    public init(_ errors: [MustacheError]) { self.errors = errors }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// The text of one template, kept for locating errors.
final class SourceFile: Sendable {
    /// The template's name.
    let name: String
    /// Which source of the library's chain it came from (-1 for a template parsed on its own).
    let level: Int
    let bytes: [UInt8]

    init(name: String, level: Int, bytes: [UInt8]) {
        self.name = name
        self.level = level
        self.bytes = bytes
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        var position = 0
        while position < end {
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        var column = 1
        position = lineStart
        while position < end {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return (line, column)
    }

    func text(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    func error(
        _ kind: MustacheError.Kind, at range: Range<Int>, message: String, path: [String] = [],
        contextStack: [String] = []
    ) -> MustacheError {
        let (line, column) = location(of: range.lowerBound)
        return MustacheError(
            kind: kind, template: name, line: line, column: column, tag: text(range), message: message, path: path,
            contextStack: contextStack)
    }
}
