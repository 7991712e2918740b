// A small description language for the input file. One description gives three things that must agree: the
// JSON Schema printed by `juesuan schema`, the reference docs/INPUT.md, and the checks (with Chinese messages that
// name the JSON path and line:column) that run before a file is decoded.

/// What a JSON value must be.
public indirect enum SchemaType: Sendable {
    /// An object with known fields; any other field is an error. `name` is its $defs name.
    case object(ObjectSchema)
    /// An array of values of one type.
    case array(SchemaType, minItems: Int = 0)
    /// An object whose keys follow a pattern (e.g. 类 codes) and whose values have one type.
    case dictionary(key: StringRule, value: SchemaType)
    /// A string.
    case string(StringRule)
    /// A whole number ≥ `minimum` (counts of people, vehicles, projects).
    case integer(minimum: Int)
    /// An exact decimal amount of money in the file's unit.
    case amount
    /// An exact decimal number that is not money (scores, weights), ≥ 0.
    case decimal
    /// true or false.
    case boolean
    /// An object with exactly one of the given fields (content blocks).
    case oneKeyOf(name: String, title: String, [Field])
    /// Any JSON object, whatever its members (a locality's own data).
    case anyObject
}

public struct ObjectSchema: Sendable {
    /// The $defs name, e.g. `Subject`.
    public var name: String
    /// Chinese title.
    public var title: String
    public var fields: [Field]
}

public enum StringRule: Sendable {
    case any
    /// At least one non-space character.
    case nonEmpty
    /// Matches a regular expression (whole string); `human` says in Chinese what it must look like.
    case pattern(String, human: String)
    /// ASCII digits, as many as one of `lengths` (codes); the JSON Schema writes it as a pattern.
    case digits(lengths: [Int], human: String)
    /// One of a fixed list.
    case oneOf([String])

    func accepts(_ text: String) -> Bool {
        switch self {
        case .any: return true
        case .nonEmpty: return !text.allSatisfy(\.isWhitespace)
        case .pattern(let pattern, _): return text.wholeMatch(of: try! Regex(pattern)) != nil
        case .digits(let lengths, _):
            return lengths.contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        case .oneOf(let values): return values.contains(text)
        }
    }

    /// The regular expression a `.pattern` or `.digits` string must match as a whole.
    var pattern: String? {
        switch self {
        case .pattern(let pattern, _): return pattern
        case .digits(let lengths, _): return lengths.map { "[0-9]{\($0)}" }.joined(separator: "|")
        case .any, .nonEmpty, .oneOf: return nil
        }
    }
}

/// One field of an object.
public struct Field: Sendable {
    /// JSON key.
    public var name: String
    /// Chinese name (中文名).
    public var chinese: String
    public var type: SchemaType
    public var required: Bool
    /// Where the value appears in the report (出现位置).
    public var appearsIn: String
    /// Further explanation for the clerk.
    public var note: String
    /// An example value as JSON text.
    public var example: String?

    public init(
        _ name: String, _ chinese: String, _ type: SchemaType, required: Bool = false, appearsIn: String = "",
        note: String = "", example: String? = nil
    ) {
        self.name = name
        self.chinese = chinese
        self.type = type
        self.required = required
        self.appearsIn = appearsIn
        self.note = note
        self.example = example
    }
}

extension SchemaType {
    /// The type in Chinese words, for messages and the reference.
    var chineseName: String {
        switch self {
        case .object(let object): return "对象（\(object.title)）"
        case .array(let element, _): return "数组，每项为\(element.shortChineseName)"
        case .dictionary: return "对象（以编码为键）"
        case .string(.oneOf(let values)): return "字符串，取值 " + values.map { "\"\($0)\"" }.joined(separator: " / ")
        case .string(.pattern(_, let human)), .string(.digits(_, let human)): return "字符串（\(human)）"
        case .string: return "字符串"
        case .integer(let minimum): return minimum == 0 ? "整数（≥ 0）" : "整数（≥ \(minimum)）"
        case .amount: return "数字（金额）"
        case .decimal: return "数字"
        case .boolean: return "true 或 false"
        case .oneKeyOf(_, let title, _): return "对象（\(title)）"
        case .anyObject: return "对象（内容任意）"
        }
    }

    var shortChineseName: String {
        switch self {
        case .object(let object): return object.title
        case .oneKeyOf(_, let title, _): return title
        case .string: return "字符串"
        case .array: return "数组"
        default: return chineseName
        }
    }
}
