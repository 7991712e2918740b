import Foundation

/// JSON-like data for templates: null, bool, number, string, list, object, plus lambdas (Swift closures).
///
/// `true` and `1` stay distinct. Numbers are `Decimal`, never `Double`, so `1.21` renders as `1.21` and integers
/// render without `.0`. Build values from Swift literals (`["name": "张三", "rows": [1, 2.5, true, nil]]`), decode
/// them from JSON with `JSONDecoder` (or `MustacheValue(json:)`), or convert any `Encodable` with
/// `MustacheValue(encoding:)`.
public enum MustacheValue: Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case list([MustacheValue])
    case object(MustacheObject)
    case lambda(MustacheLambda)
}

extension MustacheValue {
    /// Decodes JSON text with `JSONDecoder`. Object keys come out sorted (JSONDecoder does not report their order).
    public init(json data: Data) throws {
        self = try JSONDecoder().decode(MustacheValue.self, from: data)
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> MustacheValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Whether a section renders for this value: everything except null, false, the empty list and the empty
    /// string. (Zero is truthy.)
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .list(let items): return !items.isEmpty
        case .string(let text): return !text.isEmpty
        case .number, .object, .lambda: return true
        }
    }

    /// The text an interpolation `{{name}}` renders for a scalar (before escaping); nil for lists, objects and
    /// lambdas. Null renders as the empty string.
    public var interpolationText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value.description
        case .string(let text): return text
        case .list, .object, .lambda: return nil
        }
    }

    /// How many values this one holds, itself included (a list or object counts its members, recursively).
    public var valueCount: Int {
        switch self {
        case .list(let items): return items.reduce(1) { $0 + $1.valueCount }
        case .object(let object): return object.storage.values.reduce(1) { $0 + $1.valueCount }
        case .null, .bool, .number, .string, .lambda: return 1
        }
    }

    /// A short Chinese name of the value's kind, for messages.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "布尔值"
        case .number: return "数字"
        case .string: return "字符串"
        case .list: return "列表"
        case .object: return "对象"
        case .lambda: return "lambda"
        }
    }
}

// MARK: - Literals

extension MustacheValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    /// Goes through the shortest decimal text of the `Double` (`1.21` stays `1.21`).
    public init(floatLiteral value: Double) { self = .number(decimalFromDouble(value) ?? Decimal(value)) }
}

extension MustacheValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    /// Keeps the literal's key order.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(MustacheObject(elements))
    }
}

/// The exact decimal for the shortest text that round-trips `value`; nil for non-finite or out-of-range values.
func decimalFromDouble(_ value: Double) -> Decimal? {
    guard value.isFinite else { return nil }
    return Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX"))
}

// MARK: - Equality and description

extension MustacheValue: Equatable {
    /// Structural equality; lambdas are equal only to themselves.
    public static func == (lhs: MustacheValue, rhs: MustacheValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        case (.lambda(let a), .lambda(let b)): return a == b
        default: return false
        }
    }
}

extension MustacheValue: CustomStringConvertible {
    /// JSON-like text (lambdas show as `<lambda>`), for messages and debugging.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value.description
        case .string(let text): return jsonQuoted(text)
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { "\(jsonQuoted($0.key)): \($0.value.description)" }.joined(separator: ", ") + "}"
        case .lambda: return "<lambda>"
        }
    }
}

private func jsonQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 {
                result += String(format: "\\u%04x", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

// MARK: - Codable

private struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension MustacheValue: Decodable {
    /// Decodes any JSON value. Booleans and numbers stay apart (`true` is never `1`); numbers decode as `Decimal`.
    /// Object keys are sorted, because `Decoder` does not expose their order.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if var list = try? decoder.unkeyedContainer() {
            var items: [MustacheValue] = []
            if let count = list.count { items.reserveCapacity(count) }
            while !list.isAtEnd { items.append(try list.decode(MustacheValue.self)) }
            self = .list(items)
        } else {
            let keyed = try decoder.container(keyedBy: AnyCodingKey.self)
            let keys = keyed.allKeys.sorted { $0.stringValue < $1.stringValue }
            var pairs: [(String, MustacheValue)] = []
            pairs.reserveCapacity(keys.count)
            for key in keys { pairs.append((key.stringValue, try keyed.decode(MustacheValue.self, forKey: key))) }
            self = .object(MustacheObject(pairs))
        }
    }
}

extension MustacheValue: Encodable {
    /// Encodes as JSON-like data. A lambda cannot be encoded (throws), except by `MustacheValue(encoding:)`, which
    /// keeps it.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .number(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .string(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .list(let items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(item) }
        case .object(let object):
            var keyed = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in object { try keyed.encode(value, forKey: AnyCodingKey(stringValue: key)) }
        case .lambda:
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "lambda 不能编码（a lambda cannot be encoded）")
            )
        }
    }
}

// MARK: - Object

/// An object: string keys to values, in insertion order. Setting an existing key keeps its position.
public struct MustacheObject: Sendable {
    private(set) var storage: ObjectStorage

    public init() { storage = ObjectStorage() }

    /// Later duplicates replace earlier values (at the earlier position).
    public init(_ pairs: some Sequence<(String, MustacheValue)>) {
        storage = ObjectStorage()
        for (key, value) in pairs { storage.set(key, value) }
    }

    /// Members with distinct keys, in order (not checked).
    init(uniqueKeys keys: [String], values: [MustacheValue]) {
        storage = ObjectStorage(uniqueKeys: keys, values: values)
    }

    public var count: Int { storage.keys.count }
    public var isEmpty: Bool { storage.keys.isEmpty }
    /// The keys in order.
    public var keys: [String] { storage.keys }

    /// Reading gives nil for a missing key; assigning nil removes the key.
    public subscript(key: String) -> MustacheValue? {
        get {
            guard let index = storage.index(of: key) else { return nil }
            return storage.values[index]
        }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            if let newValue {
                storage.set(key, newValue)
            } else {
                storage.remove(key)
            }
        }
    }
}

/// The members of a `MustacheObject` (copy on write).
final class ObjectStorage: @unchecked Sendable {
    /// Objects with more members than this get a hash index; smaller ones are searched linearly (faster).
    static let indexThreshold = 8

    // Mutated only while uniquely referenced (copy on write), so sharing across threads is safe, and no access
    // overlaps another: the run-time exclusivity checks (a measurable cost in name lookup) are not needed.
    @exclusivity(unchecked) var keys: [String] = []
    @exclusivity(unchecked) var values: [MustacheValue] = []
    @exclusivity(unchecked) var hashIndex: [String: Int]? = nil

    init() {}

    init(uniqueKeys keys: [String], values: [MustacheValue]) {
        self.keys = keys
        self.values = values
        if keys.count > ObjectStorage.indexThreshold {
            hashIndex = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
        }
    }

    func copy() -> ObjectStorage {
        let other = ObjectStorage()
        other.keys = keys
        other.values = values
        other.hashIndex = hashIndex
        return other
    }

    @inline(__always) func index(of key: String) -> Int? {
        if let hashIndex { return hashIndex[key] }
        var position = 0
        let count = keys.count
        while position < count {
            if keys[position] == key { return position }
            position += 1
        }
        return nil
    }

    func set(_ key: String, _ value: MustacheValue) {
        if let position = index(of: key) {
            values[position] = value
            return
        }
        keys.append(key)
        values.append(value)
        if hashIndex != nil {
            hashIndex![key] = keys.count - 1
        } else if keys.count > ObjectStorage.indexThreshold {
            var built: [String: Int] = [:]
            built.reserveCapacity(keys.count * 2)
            for (position, existing) in keys.enumerated() { built[existing] = position }
            hashIndex = built
        }
    }

    func remove(_ key: String) {
        guard let position = index(of: key) else { return }
        keys.remove(at: position)
        values.remove(at: position)
        if hashIndex != nil {
            var built: [String: Int] = [:]
            for (position, existing) in keys.enumerated() { built[existing] = position }
            hashIndex = keys.count > ObjectStorage.indexThreshold ? built : nil
        }
    }
}

extension MustacheObject: Sequence {
    public struct Iterator: IteratorProtocol {
        fileprivate let keys: [String]
        fileprivate let values: [MustacheValue]
        fileprivate var position = 0

        public mutating func next() -> (key: String, value: MustacheValue)? {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(keys: storage.keys, values: storage.values)
    }
}

extension MustacheObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) { self.init(elements) }
}

extension MustacheObject: Equatable {
    /// Same keys with equal values; order does not matter.
    public static func == (lhs: MustacheObject, rhs: MustacheObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs where rhs[key] != value { return false }
        return true
    }
}

// MARK: - Lambda

/// A lambda: a Swift closure in the data.
///
/// - `MustacheLambda { text in … }` (spec lambdas): for `{{#name}}text{{/name}}` the closure gets the unrendered
///   section text; for `{{name}}` it gets the empty string. The returned string is rendered as a template in the
///   current context (with the section's delimiters, or the default ones for an interpolation), and then escaped
///   if the tag escapes.
/// - `MustacheLambda.rendered { text in … }`: gets the section already rendered (the empty string for
///   `{{name}}`); the returned string is output as it is (an interpolation still escapes it).
public struct MustacheLambda: Sendable, Equatable {
    public enum Kind: Sendable {
        /// The result is a template to render.
        case template
        /// The closure sees rendered text and its result is final.
        case rendered
    }

    private final class Box: Sendable {
        let body: @Sendable (String) -> String
        init(_ body: @escaping @Sendable (String) -> String) { self.body = body }
    }

    private let box: Box
    public let kind: Kind

    public init(_ body: @escaping @Sendable (_ sectionText: String) -> String) {
        box = Box(body)
        kind = .template
    }

    /// A lambda that sees the rendered section and whose result is output as it is.
    public static func rendered(_ body: @escaping @Sendable (_ renderedText: String) -> String) -> MustacheLambda {
        MustacheLambda(box: Box(body), kind: .rendered)
    }

    private init(box: Box, kind: Kind) {
        self.box = box
        self.kind = kind
    }

    public func callAsFunction(_ text: String) -> String { box.body(text) }

    public static func == (lhs: MustacheLambda, rhs: MustacheLambda) -> Bool { lhs.box === rhs.box }
}
