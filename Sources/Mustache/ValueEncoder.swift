import Foundation

extension MustacheValue {
    /// Converts any `Encodable` directly (no JSON round trip). Keys keep the order in which they are encoded
    /// (declaration order for synthesized conformances); `Double`/`Float` become the `Decimal` of their shortest
    /// text (`0.1` stays `0.1`); `Decimal` stays exact; `URL` becomes its absolute string; a `MustacheValue` inside
    /// the value (lambdas included) is kept as it is; `nil` optionals become null only when encoded explicitly
    /// (synthesized conformances skip them, so such keys are missing). Throws for non-finite floating-point values.
    public init(encoding value: some Encodable) throws {
        self = try encodeToMustacheValue(value, codingPath: [])
    }
}

private func encodeToMustacheValue(_ value: any Encodable, codingPath: [any CodingKey]) throws -> MustacheValue {
    if let value = value as? MustacheValue { return value }
    if let value = value as? Decimal { return .number(value) }
    if let value = value as? URL { return .string(value.absoluteString) }
    let encoder = ValueEncoder(codingPath: codingPath)
    try value.encode(to: encoder)
    return encoder.node.resolved
}

/// A value under construction: containers may still be added to after they are handed out.
private final class EncodedNode {
    enum Content {
        case unset
        case value(MustacheValue)
        case object([(String, EncodedNode)])
        case list([EncodedNode])
    }

    var content: Content = .unset

    var resolved: MustacheValue {
        switch content {
        case .unset: return .object(MustacheObject())
        case .value(let value): return value
        case .object(let pairs): return .object(MustacheObject(pairs.map { ($0.0, $0.1.resolved) }))
        case .list(let nodes): return .list(nodes.map(\.resolved))
        }
    }

    func setObject(_ key: String, _ node: EncodedNode) {
        guard case .object(var pairs) = content else {
            content = .object([(key, node)])
            return
        }
        content = .unset
        if let position = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[position].1 = node
        } else {
            pairs.append((key, node))
        }
        content = .object(pairs)
    }

    func append(_ node: EncodedNode) {
        guard case .list(var nodes) = content else {
            content = .list([node])
            return
        }
        content = .unset
        nodes.append(node)
        content = .list(nodes)
    }

    var listCount: Int {
        if case .list(let nodes) = content { return nodes.count }
        return 0
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func makeList() {
        if case .list = content { return }
        content = .list([])
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> MustacheValue {
    guard let decimal = decimalFromDouble(value) ?? (value.isFinite ? Decimal(value) : nil) else {
        throw EncodingError.invalidValue(
            value, .init(codingPath: codingPath, debugDescription: "非有限数 \(value) 不能转换（non-finite number）"))
    }
    return .number(decimal)
}

private final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let node: EncodedNode

    init(codingPath: [any CodingKey], node: EncodedNode = EncodedNode()) {
        self.codingPath = codingPath
        self.node = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeList()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodedNode
    let codingPath: [any CodingKey]

    private func set(_ value: MustacheValue, _ key: Key) {
        let child = EncodedNode()
        child.content = .value(value)
        node.setObject(key.stringValue, child)
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try number(value, codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try number(Double("\(value)") ?? Double(value), codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(Decimal(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(Decimal(Int(value))), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(Decimal(Int(value))), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(Decimal(Int(value))), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(Decimal(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(Decimal(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(Decimal(UInt(value))), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(Decimal(UInt(value))), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(Decimal(UInt(value))), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.number(Decimal(value)), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try encodeToMustacheValue(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodedNode()
        child.makeObject()
        node.setObject(key.stringValue, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodedNode()
        child.makeList()
        node.setObject(key.stringValue, child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let child = EncodedNode()
        node.setObject("super", child)
        return ValueEncoder(codingPath: codingPath, node: child)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = EncodedNode()
        node.setObject(key.stringValue, child)
        return ValueEncoder(codingPath: codingPath + [key], node: child)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodedNode
    let codingPath: [any CodingKey]
    var count: Int { node.listCount }

    private var nextKey: IndexKey { IndexKey(node.listCount) }

    private func add(_ value: MustacheValue) {
        let child = EncodedNode()
        child.content = .value(value)
        node.append(child)
    }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(try number(value, codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws {
        add(try number(Double("\(value)") ?? Double(value), codingPath + [nextKey]))
    }
    mutating func encode(_ value: Int) throws { add(.number(Decimal(value))) }
    mutating func encode(_ value: Int8) throws { add(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int16) throws { add(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int32) throws { add(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int64) throws { add(.number(Decimal(value))) }
    mutating func encode(_ value: UInt) throws { add(.number(Decimal(value))) }
    mutating func encode(_ value: UInt8) throws { add(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt16) throws { add(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt32) throws { add(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt64) throws { add(.number(Decimal(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try encodeToMustacheValue(value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let key = nextKey
        let child = EncodedNode()
        child.makeObject()
        node.append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let child = EncodedNode()
        child.makeList()
        node.append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        let child = EncodedNode()
        node.append(child)
        return ValueEncoder(codingPath: codingPath + [key], node: child)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: EncodedNode
    let codingPath: [any CodingKey]

    private func set(_ value: MustacheValue) { node.content = .value(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try number(Double("\(value)") ?? Double(value), codingPath)) }
    mutating func encode(_ value: Int) throws { set(.number(Decimal(value))) }
    mutating func encode(_ value: Int8) throws { set(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int16) throws { set(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int32) throws { set(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int64) throws { set(.number(Decimal(value))) }
    mutating func encode(_ value: UInt) throws { set(.number(Decimal(value))) }
    mutating func encode(_ value: UInt8) throws { set(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt16) throws { set(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt32) throws { set(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt64) throws { set(.number(Decimal(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        set(try encodeToMustacheValue(value, codingPath: codingPath))
    }
}
