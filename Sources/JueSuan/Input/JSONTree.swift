// A strict JSON parser that remembers where every value stands (line and column), so that every message about an
// input file can name the file, the JSON path and the line:column. Foundation's parsers accept things JSON does not
// (trailing commas) and forget positions; this one is used to check a file before it is decoded.

/// A position in a text: 1-based line and column (columns count Unicode characters, as an editor shows them).
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value with its position. Object members keep their order.
public indirect enum JSONNode: Sendable, Equatable {
    case null(SourcePosition)
    case bool(Bool, SourcePosition)
    /// The number exactly as written (e.g. `2443.08`, `-1`, `1e3`).
    case number(String, SourcePosition)
    case string(String, SourcePosition)
    case array([JSONNode], SourcePosition)
    case object([JSONMember], SourcePosition)

    public var position: SourcePosition {
        switch self {
        case .null(let p), .bool(_, let p), .number(_, let p), .string(_, let p), .array(_, let p), .object(_, let p):
            return p
        }
    }

    /// The JSON type's name in Chinese, for messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "布尔值"
        case .number: return "数字"
        case .string: return "字符串"
        case .array: return "数组"
        case .object: return "对象"
        }
    }

    /// The member `key` of an object.
    public func member(_ key: String) -> JSONNode? {
        if case .object(let members, _) = self { return members.first { $0.key == key }?.value }
        return nil
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: JSONNode
}

/// A syntax error: where and what, and the path of the value it is in (as far as the parser got).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var position: SourcePosition
    public var message: String
    /// The members and items around the error, outermost first.
    public var path: [JSONPathComponent] = []
}

/// A number written the way a spreadsheet shows it: `1,240.53` (thousands separators) or `1240,53` (a decimal
/// comma). JSON reads the comma as the end of the number, so the parser meets it as a stray comma; this says what to
/// write instead.
public enum NumberTypo {
    /// The advice for `text` (digits, commas and at most one point), or nil when it is no such number.
    public static func advice(_ text: String) -> String? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2,
            groups.allSatisfy({ group in !group.isEmpty && group.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            }),
            text.filter({ $0 == "." }).count <= 1
        else { return nil }
        let middle = groups.dropFirst().dropLast()
        let last = groups.last!
        let lastDigits = last.prefix { $0 != "." }
        let thousands =
            !groups[0].contains(".") && middle.allSatisfy { $0.count == 3 && !$0.contains(".") }
            && lastDigits.count == 3
        if thousands {
            let plain = text.replacingOccurrences(of: ",", with: "")
            if groups.count == 2 && !last.contains(".") {
                let decimal = text.replacingOccurrences(of: ",", with: ".")
                return "“\(text)”中有千位分隔符“,”：数字不加千位分隔符，写成 \(plain)（如果逗号是小数点，写成 \(decimal)）"
            }
            return "“\(text)”中有千位分隔符“,”：数字不加千位分隔符，写成 \(plain)"
        }
        if groups.count == 2 && !text.contains(".") {
            return "“\(text)”用逗号作小数点：小数点要用“.”，写成 \(text.replacingOccurrences(of: ",", with: "."))"
        }
        return "“\(text)”中有逗号：数字不加千位分隔符，小数点用“.”"
    }
}

/// One step of a JSON path.
public enum JSONPathComponent: Sendable, Equatable, Hashable {
    case key(String)
    case index(Int)
}

/// A JSON path such as `$.subjects[3].code`.
public struct JSONPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var components: [JSONPathComponent]

    public init(_ components: [JSONPathComponent] = []) {
        self.components = components
    }

    public static let root = JSONPath()

    /// Reads `$.subjects[3].code`, `$.reasons.categories.201`, `$["a b"]`; nil for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text)
        guard rest.hasPrefix("$") else { return nil }
        rest = rest.dropFirst()
        var components: [JSONPathComponent] = []
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let key = rest.prefix { $0 != "." && $0 != "[" }
                guard !key.isEmpty else { return nil }
                components.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
            } else if rest.hasPrefix("[\"") {
                rest = rest.dropFirst(2)
                guard let end = rest.range(of: "\"]") else { return nil }
                components.append(.key(String(rest[..<end.lowerBound])))
                rest = rest[end.upperBound...]
            } else if first == "[" {
                rest = rest.dropFirst()
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard let index = Int(digits), rest.dropFirst(digits.count).first == "]" else { return nil }
                components.append(.index(index))
                rest = rest.dropFirst(digits.count + 1)
            } else {
                return nil
            }
        }
        self.init(components)
    }

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .key(let key):
                if key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                    let first = key.first, !first.isNumber
                {
                    text += "." + key
                } else {
                    text += "[\"" + key + "\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

extension JSONNode {
    /// The node at `path`, or the deepest node on the way if the path does not exist.
    public func deepest(at path: JSONPath) -> JSONNode {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .object(let members, _)):
                guard let next = members.first(where: { $0.key == key })?.value else { return node }
                node = next
            case (.index(let index), .array(let items, _)):
                guard items.indices.contains(index) else { return node }
                node = items[index]
            default:
                return node
            }
        }
        return node
    }
}

/// Parses UTF-8 JSON text (RFC 8259) strictly: no trailing commas, no comments, no leading zeros, no bare control
/// characters in strings, exactly one value. Duplicate keys in one object are an error (a value would be lost).
public struct JSONTreeParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Byte offset where the current line starts, to compute character columns.
    private var lineStart = 0
    /// The last column computed on the current line and its byte offset, so that positions on one long line
    /// (a minified file) cost linear time in all.
    private var columnCache = (index: 0, column: 1)

    public static func parse(_ data: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONTreeParser(bytes: data)
        return try parser.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var position: SourcePosition {
        mutating get {
            // Columns count characters: count the UTF-8 lead bytes between the line start and here, continuing
            // from the last position computed on this line.
            if columnCache.index < lineStart || columnCache.index > index { columnCache = (lineStart, 1) }
            var (i, column) = columnCache
            while i < index {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            columnCache = (index, column)
            return SourcePosition(line: line, column: column)
        }
    }

    private mutating func error(_ message: String, at position: SourcePosition? = nil) -> JSONSyntaxError {
        JSONSyntaxError(position: position ?? self.position, message: message)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        // A UTF-8 byte order mark is tolerated (editors on Windows write one).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
        if String(validating: bytes[index...], as: UTF8.self) == nil {
            throw error("文件不是有效的 UTF-8 文本", at: SourcePosition(line: 1, column: 1))
        }
        skipWhitespace()
        guard index < bytes.count else { throw error("文件为空，没有 JSON 内容") }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw error("JSON 值之后还有多余的内容") }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private func describeHere() -> String {
        guard index < bytes.count else { return "文件结尾" }
        let end = min(bytes.count, index + 12)
        var slice = bytes[index..<end]
        while let last = slice.last, last & 0xC0 == 0x80 || last >= 0xC0 { slice = slice.dropLast() }
        let text = String(decoding: slice, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return "“\(text)”"
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < 512 else { throw error("JSON 嵌套太深") }
        guard index < bytes.count else { throw error("JSON 意外结束，缺少值") }
        let start = position
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString(), start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true, start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false, start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null(start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber(), start)
        default:
            throw error("这里应该是一个值（对象、数组、字符串、数字、true、false 或 null），实际是 \(describeHere())")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONSyntaxError) {
        let utf8 = Array(literal.utf8)
        guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("无法识别的值 \(describeHere())（字符串要用英文双引号括起来）")
        }
        index += utf8.count
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        let start = position
        index += 1
        var members: [JSONMember] = []
        /// Keys seen so far, for objects too large to search their members (most are small).
        var seen: [String: SourcePosition]? = nil
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members, start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("对象没有结束，缺少“}”（对象从 \(start) 开始）") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw error("“}”之前多了一个逗号") }
                throw error("这里应该是用双引号括起来的字段名，实际是 \(describeHere())")
            }
            let keyPosition = position
            let key = try parseString()
            let first =
                seen.map { $0[key] } ?? members.first(where: { $0.key == key }).map(\.keyPosition)
            if let first {
                throw error("字段 \"\(key)\" 重复出现（第一次在 \(first)）", at: keyPosition)
            }
            if seen != nil {
                seen![key] = keyPosition
            } else if members.count >= 16 {
                seen = Dictionary(members.map { ($0.key, $0.keyPosition) } + [(key, keyPosition)]) { first, _ in first }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("字段名 \"\(key)\" 之后缺少冒号“:”")
            }
            index += 1
            skipWhitespace()
            let value: JSONNode
            do {
                value = try parseValue(depth: depth + 1)
            } catch {
                var located = error
                located.path.insert(.key(key), at: 0)
                throw located
            }
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            if case .number(let text, let numberStart) = value, index < bytes.count, bytes[index] == UInt8(ascii: ","),
                index + 1 < bytes.count, bytes[index + 1] >= UInt8(ascii: "0"), bytes[index + 1] <= UInt8(ascii: "9")
            {
                throw commaNumber(after: text, at: numberStart, key: key)
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("对象没有结束，缺少“}”（对象从 \(start) 开始）") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members, start)
            }
            throw error("缺少逗号或“}”，实际是 \(describeHere())")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        let start = position
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items, start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("数组没有结束，缺少“]”（数组从 \(start) 开始）") }
            if bytes[index] == UInt8(ascii: "]") { throw error("“]”之前多了一个逗号") }
            do {
                items.append(try parseValue(depth: depth + 1))
            } catch {
                var located = error
                located.path.insert(.index(items.count), at: 0)
                throw located
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("数组没有结束，缺少“]”（数组从 \(start) 开始）") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items, start)
            }
            throw error("缺少逗号或“]”，实际是 \(describeHere())")
        }
    }

    /// The error for a number followed by `,` and a digit inside an object: a thousands separator or a decimal
    /// comma (`"amount": 1,240.53`), which JSON would read as the end of the number and a key that is not quoted.
    private mutating func commaNumber(after text: String, at start: SourcePosition, key: String) -> JSONSyntaxError {
        var end = index
        while end < bytes.count,
            bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: ".")
                || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9"))
        {
            end += 1
        }
        var written = text + String(decoding: bytes[index..<end], as: UTF8.self)
        while written.hasSuffix(",") { written.removeLast() }
        let advice = NumberTypo.advice(written) ?? "“\(written)”中有逗号：数字不加千位分隔符，小数点用“.”"
        return JSONSyntaxError(position: start, message: "数字" + advice, path: [.key(key)])
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        index += 1
        // Most strings have no escape: up to the closing quote, the text is the bytes as they are (the document is
        // valid UTF-8). At an escape or a control character the loop below takes over.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { index = end + 1 }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        }
        var result = Array(bytes[index..<end])
        index = end
        while true {
            guard index < bytes.count else { throw error("字符串没有结束，缺少右双引号（字符串从 \(start) 开始）", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("字符串没有结束") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): result.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): result.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("\\u 转义是不完整的代理对") }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("\\u 转义是不完整的代理对") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("\\u 转义是不完整的代理对")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("无效的 \\u 转义") }
                    result.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    index -= 1
                    throw error("无效的转义序列 \\\(String(decoding: [escape], as: UTF8.self))")
                }
            case 0x0A:
                throw error("字符串中不能直接换行（请写成 \\n），字符串从 \(start) 开始")
            case 0x00..<0x20:
                throw error("字符串中有控制字符（请用 \\u 转义）")
            default:
                result.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("\\u 之后应有 4 位十六进制数字") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("\\u 之后应有 4 位十六进制数字")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let startIndex = index
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("数字格式错误：“-”之后应为数字") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("数字格式错误：不能以 0 开头（如 012）") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("数字格式错误：小数点之后应为数字") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("数字格式错误：指数部分应为数字") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count,
            bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "]")
                || bytes[index] == UInt8(ascii: "}") || bytes[index] <= 0x20
        {
            return String(decoding: bytes[startIndex..<index], as: UTF8.self)
        }
        if index < bytes.count {
            throw error("数字之后有无法识别的字符 \(describeHere())（金额不要带单位或千位分隔符）")
        }
        return String(decoding: bytes[startIndex..<index], as: UTF8.self)
    }
}
