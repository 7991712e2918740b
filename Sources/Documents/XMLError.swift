// What is wrong with an XML part, and where: the part's name in its package, line and column.

/// Why an XML part cannot be read. `line` and `column` count from 1; the column counts characters.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The part is UTF-16 (or UTF-32); only UTF-8 is read.
        case utf16
        /// The XML declaration names an encoding other than UTF-8.
        case unsupportedEncoding(String)
        case invalidUTF8
        /// A document type declaration: refused, so no entity can expand (“billion laughs”).
        case doctype
        /// The part ends inside markup, or with elements still open (the name of the innermost one).
        case unexpectedEnd(openElement: String?)
        case mismatchedEndTag(expected: String, found: String)
        case unknownEntity(String)
        case invalidCharacterReference(String)
        case unboundPrefix(String)
        case duplicateAttribute(String)
        /// Something other than the syntax allows here; the text says what was expected.
        case malformed(String)
        /// No element at all, a second root element, or text outside the root.
        case notOneRoot
        case tooDeep(limit: Int)
        case tooManyAttributes(limit: Int)

        public var description: String {
            switch self {
            case .utf16: "XML 使用 UTF-16 编码，只能读取 UTF-8 编码（请用 Excel、WPS 或 LibreOffice 重新另存）"
            case .unsupportedEncoding(let name): "不支持的 XML 编码 \(name)，只能读取 UTF-8"
            case .invalidUTF8: "含有无效的 UTF-8 字节"
            case .doctype: "含有文档类型声明（DOCTYPE），出于安全原因不予读取"
            case .unexpectedEnd(let open?): "XML 不完整：元素 <\(open)> 没有结束"
            case .unexpectedEnd(nil): "XML 不完整：在标记中间结束"
            case .mismatchedEndTag(let expected, let found): "结束标记 </\(found)> 与开始标记 <\(expected)> 不匹配"
            case .unknownEntity(let name): "未知的实体 &\(name);"
            case .invalidCharacterReference(let text): "无效的字符引用 &\(text);"
            case .unboundPrefix(let prefix): "命名空间前缀 \(prefix) 未声明"
            case .duplicateAttribute(let name): "属性 \(name) 重复出现"
            case .malformed(let what): "XML 格式错误：\(what)"
            case .notOneRoot: "XML 应当恰有一个根元素，且根元素之外不能有文本"
            case .tooDeep(let limit): "元素嵌套超过 \(limit) 层"
            case .tooManyAttributes(let limit): "一个元素的属性超过 \(limit) 个"
            }
        }
    }

    /// The part's name inside its package, e.g. `xl/worksheets/sheet1.xml`.
    public var part: String
    public var line: Int
    public var column: Int
    public var problem: Problem

    public init(part: String, line: Int, column: Int, problem: Problem) {
        self.part = part
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String { "\(part) 第 \(line) 行第 \(column) 列：\(problem)" }
}
