// Checks a parsed JSON tree against the input description before decoding, so that every problem is reported in
// Chinese with its JSON path and line:column — all problems of a file at once, not only the first.

/// One problem found in an input file.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    public static func == (lhs: InputProblem, rhs: InputProblem) -> Bool {
        lhs.path == rhs.path && lhs.position == rhs.position && lhs.message == rhs.message && lhs.cell == rhs.cell
            && lhs.missing?.name == rhs.missing?.name
    }

    public var path: JSONPath
    /// Where in the file; nil when the file could not be read at all.
    public var position: SourcePosition?
    public var message: String
    /// For a workbook: the sheet and cell (`公开05表!C12`) or the sheet the problem is in.
    public var cell: String?
    /// The required member that is missing (its JSON name and Chinese name), when that is the problem.
    public var missing: (name: String, chinese: String)?

    public init(path: JSONPath, position: SourcePosition?, message: String, cell: String? = nil) {
        self.path = path
        self.position = position
        self.message = message
        self.cell = cell
    }

    /// The message with the JSON path in front, for a JSON file; a workbook's problems name their cell instead.
    public var description: String {
        path.components.isEmpty || cell != nil ? message : "\(path)：\(message)"
    }
}

struct SchemaValidator {
    private(set) var problems: [InputProblem] = []

    static func validate(_ node: JSONNode, against object: ObjectSchema) -> [InputProblem] {
        var validator = SchemaValidator()
        validator.check(node, .object(object), path: .root)
        return validator.problems.sorted {
            ($0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.position?.line ?? 0, $1.position?.column ?? 0)
        }
    }

    private mutating func report(_ path: JSONPath, _ position: SourcePosition, _ message: String) {
        problems.append(InputProblem(path: path, position: position, message: message))
    }

    private mutating func typeMismatch(_ node: JSONNode, expected: String, path: JSONPath) {
        var message = "类型错误：应为\(expected)，实际为\(node.typeName)"
        switch node {
        case .string(let text, _):
            message += " \"\(text)\""
            if expected.hasPrefix("数字") || expected.hasPrefix("整数") {
                if let advice = NumberTypo.advice(text) {
                    message += "：数字不加引号；" + advice
                } else if Amount(exactly: text.trimmingCharacters(in: .whitespaces)) != nil {
                    message += "：数字不加引号，写成 \(text.trimmingCharacters(in: .whitespaces))"
                }
            }
        case .number(let text, _):
            message += " \(text)"
        default:
            break
        }
        report(path, node.position, message)
    }

    /// Integer digits of an amount or score, at most: 10^15 万元 is far beyond any department, and sums of millions
    /// of such numbers stay within the 38 digits that `Decimal` keeps exactly.
    static let maximumIntegerDigits = 15
    /// Decimal places, at most (元 with 6 places is 万元 with 10: still exact).
    static let maximumFractionDigits = 6

    /// A number that exact arithmetic could not keep (more digits than `Decimal` holds would be rounded silently).
    private mutating func checkRange(_ text: String, _ position: SourcePosition, path: JSONPath) {
        guard let digits = NumberDigits(json: text) else {
            return report(path, position, "数字超出范围：\(text)")
        }
        if digits.integerDigits > Self.maximumIntegerDigits {
            report(path, position, "数字太大：整数部分最多 \(Self.maximumIntegerDigits) 位，实际为 \(text)")
        } else if digits.fractionDigits > Self.maximumFractionDigits {
            report(path, position, "小数位太多：最多 \(Self.maximumFractionDigits) 位小数，实际为 \(text)")
        }
    }

    private mutating func check(_ node: JSONNode, _ type: SchemaType, path: JSONPath) {
        switch type {
        case .object(let object):
            checkObject(node, object, path: path)
        case .array(let element, let minItems):
            guard case .array(let items, let position) = node else {
                return typeMismatch(node, expected: "数组", path: path)
            }
            if items.count < minItems {
                report(path, position, "至少要有 \(minItems) 项")
            }
            for (index, item) in items.enumerated() {
                check(item, element, path: path.appending(index))
            }
        case .dictionary(let keyRule, let value):
            guard case .object(let members, _) = node else {
                return typeMismatch(node, expected: "对象", path: path)
            }
            for member in members {
                if !keyRule.accepts(member.key) {
                    report(path.appending(member.key), member.keyPosition, "键 \"\(member.key)\" 不是 \(keyRule.human)")
                }
                check(member.value, value, path: path.appending(member.key))
            }
        case .string(let rule):
            guard case .string(let text, let position) = node else {
                return typeMismatch(node, expected: "字符串", path: path)
            }
            if !rule.accepts(text) {
                switch rule {
                case .oneOf(let values):
                    report(
                        path, position,
                        "取值只能是 " + values.map { "\"\($0)\"" }.joined(separator: "、") + "，实际为 \"\(text)\"")
                case .pattern(_, let human), .digits(_, let human):
                    report(path, position, "格式错误：应为 \(human)，实际为 \"\(text)\"")
                case .nonEmpty:
                    report(path, position, "不能为空")
                case .any:
                    break
                }
            }
        case .integer(let minimum):
            guard case .number(let text, let position) = node else {
                return typeMismatch(node, expected: "整数", path: path)
            }
            guard let value = Int(text) else {
                return report(path, position, "应为整数，实际为 \(text)")
            }
            if value < minimum {
                report(path, position, minimum == 0 ? "不能为负数：\(text)" : "应不小于 \(minimum)，实际为 \(text)")
            }
        case .amount:
            guard case .number(let text, let position) = node else {
                return typeMismatch(node, expected: "数字（金额）", path: path)
            }
            checkRange(text, position, path: path)
        case .decimal:
            guard case .number(let text, let position) = node else {
                return typeMismatch(node, expected: "数字", path: path)
            }
            if text.hasPrefix("-") { report(path, position, "不能为负数：\(text)") }
            checkRange(text, position, path: path)
        case .boolean:
            guard case .bool = node else { return typeMismatch(node, expected: "true 或 false", path: path) }
        case .anyObject:
            guard case .object = node else { return typeMismatch(node, expected: "对象", path: path) }
        case .oneKeyOf(_, _, let fields):
            guard case .object(let members, let position) = node else {
                return typeMismatch(node, expected: "对象", path: path)
            }
            var allowed: String { fields.map { "\"\($0.name)\"" }.joined(separator: "、") }  // for messages only
            guard members.count == 1, let member = members.first else {
                return report(path, position, "内容块只能有一个字段（\(allowed) 之一），实际有 \(members.count) 个")
            }
            guard let field = fields.first(where: { $0.name == member.key }) else {
                return report(
                    path.appending(member.key), member.keyPosition,
                    "未知字段 \"\(member.key)\"" + suggestion(for: member.key, among: fields) + "；内容块只能是 \(allowed) 之一")
            }
            check(member.value, field.type, path: path.appending(member.key))
        }
    }

    private mutating func checkObject(_ node: JSONNode, _ object: ObjectSchema, path: JSONPath) {
        guard case .object(let members, let position) = node else {
            return typeMismatch(node, expected: "对象（\(object.title)）", path: path)
        }
        for member in members {
            guard let field = object.fields.first(where: { $0.name == member.key }) else {
                report(
                    path.appending(member.key), member.keyPosition,
                    "未知字段 \"\(member.key)\"" + suggestion(for: member.key, among: object.fields))
                continue
            }
            check(member.value, field.type, path: path.appending(member.key))
        }
        for field in object.fields where field.required && !members.contains(where: { $0.key == field.name }) {
            report(path, position, "缺少必填字段 \"\(field.name)\"（\(field.chinese)）")
            problems[problems.count - 1].missing = (field.name, field.chinese)
        }
    }

    /// `（是否应为 "year"（决算年度）？）` when a known field is close to the unknown one.
    private func suggestion(for key: String, among fields: [Field]) -> String {
        let lowered = key.lowercased()
        let best =
            fields
            .map { ($0, editDistance(lowered, $0.name.lowercased())) }
            .min { $0.1 < $1.1 }
        guard let (field, distance) = best, distance <= max(2, field.name.count / 4) else {
            return "（可用字段：" + fields.map(\.name).joined(separator: "、") + "）"
        }
        return "（是否应为 \"\(field.name)\"（\(field.chinese)）？）"
    }
}

/// Levenshtein distance with adjacent transpositions counted as one edit (`yaer` → `year` is 1).
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { table[i][0] = i }
    for j in 0...y.count { table[0][j] = j }
    for i in 1...x.count {
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[x.count][y.count]
}

extension StringRule {
    var human: String {
        switch self {
        case .any: return "字符串"
        case .nonEmpty: return "非空字符串"
        case .pattern(_, let human), .digits(_, let human): return human
        case .oneOf(let values): return values.joined(separator: " / ")
        }
    }
}
