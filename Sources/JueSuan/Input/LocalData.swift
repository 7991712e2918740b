import Foundation

/// Any JSON value, kept as written: the `local` object of the input, a locality's own data (联系方式, 会议费和培训费,
/// 政府购买服务 …) that no check reads and that templates receive untouched as `local`. Numbers keep their exact
/// decimal value; object members keep their order as read (two objects with the same members are equal).
public indirect enum LocalData: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([LocalData])
    case object([(key: String, value: LocalData)])

    public static func == (lhs: LocalData, rhs: LocalData) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            // The same members, whatever their order (a JSON object has none that counts).
            let sortedA = a.sorted { $0.key < $1.key }
            let sortedB = b.sorted { $0.key < $1.key }
            return a.count == b.count && zip(sortedA, sortedB).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let tree = decoder as? JSONTreeDecoder {
            self = LocalData(tree.node)
            return
        }
        if let object = try? decoder.container(keyedBy: Key.self) {
            self = .object(try object.allKeys.map { ($0.stringValue, try object.decode(LocalData.self, forKey: $0)) })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [LocalData] = []
            while !array.isAtEnd { items.append(try array.decode(LocalData.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else {
            self = .number(try single.decode(Decimal.self))
        }
    }

    /// The value of a parsed JSON node, numbers exactly as written.
    init(_ node: JSONNode) {
        switch node {
        case .null: self = .null
        case .bool(let value, _): self = .bool(value)
        case .number(let text, _):
            self = .number(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0)
        case .string(let text, _): self = .string(text)
        case .array(let items, _): self = .array(items.map(LocalData.init))
        case .object(let members, _): self = .object(members.map { ($0.key, LocalData($0.value)) })
        }
    }

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
        case .array(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        case .object(let members):
            var object = encoder.container(keyedBy: Key.self)
            for member in members { try object.encode(member.value, forKey: Key(member.key)) }
        }
    }
}
