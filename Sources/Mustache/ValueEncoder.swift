import Foundation

extension MustacheValue {
    /// Converts any `Encodable` directly (no JSON round trip). Keys keep the order in which they are encoded
    /// (declaration order for synthesized conformances); `Double`/`Float` become the `Decimal` of their shortest
    /// text (`0.1` stays `0.1`); `Decimal` stays exact; `URL` becomes its absolute string; a `MustacheValue` inside
    /// the value (lambdas included) is kept as it is; `nil` optionals become null only when encoded explicitly
    /// (synthesized conformances skip them, so such keys are missing). Throws for non-finite floating-point values.
    public init(encoding value: some Encodable) throws {
        self = try ValueEncoder.value(of: value, parent: nil, key: nil)
    }
}

/// Encodes one value: it is the `Encoder`, holds what its containers write and is the link to its parent for the
/// coding path, which is only built when asked for. An object's members and a list's items are kept as finished
/// values; only a nested container or super encoder (which may still be written to after its parent went on) is
/// kept as an encoder of its own and resolved at the end.
private final class ValueEncoder: Encoder {
    private enum Content {
        case unset
        case value(MustacheValue)
        /// Members in `keys` and `values`.
        case object
        /// Items in `values`.
        case list
    }

    /// Objects with more members than this get a hash index while they are built.
    private static let indexThreshold = 16

    let parent: ValueEncoder?
    /// The key under which `parent` holds this value; nil for the root and for a keyed container's `superEncoder()`
    /// (which shares its container's path).
    let key: (any CodingKey)?
    /// The member names of the objects made so far, by type, shared by the whole encoding.
    let shapes: Shapes
    /// The type whose `encode(to:)` writes into this encoder, when known.
    private var type: ObjectIdentifier?
    // An encoder is used by one encoding on one thread, and no access overlaps another: the run-time exclusivity
    // checks (a measurable share of encoding) are not needed.
    @exclusivity(unchecked) private var content = Content.unset
    @exclusivity(unchecked) private var keys: [String] = []
    @exclusivity(unchecked) private var values: [MustacheValue] = []
    @exclusivity(unchecked) private var index: [String: Int]? = nil
    /// The keys of the last object of this encoder's type, while every member so far had the name at its position
    /// there: `keys` then stays empty (no array is made) and the object ends up sharing `shape`.
    @exclusivity(unchecked) private var shape: [String]? = nil
    /// Positions in `values` whose value is still being written by another encoder.
    @exclusivity(unchecked) private var pending: [(position: Int, encoder: ValueEncoder)] = []

    var codingPath: [any CodingKey] {
        let base = parent?.codingPath ?? []
        guard let key else { return base }
        return base + [key]
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(parent: ValueEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
        shapes = parent?.shapes ?? Shapes()
    }

    /// The keys of the last object of each type. Objects of one type nearly always have the same members: they then
    /// share one array of names instead of holding a copy each, and their values are reserved at the exact count. A
    /// report view has hundreds of thousands of such objects in a large department (table cells, blocks), and the
    /// names were a third of their memory.
    final class Shapes {
        var keys: [ObjectIdentifier: [String]] = [:]
    }

    /// `value` as a finished `MustacheValue`.
    static func value<T: Encodable>(of value: T, parent: ValueEncoder?, key: (any CodingKey)?) throws
        -> MustacheValue
    {
        // Comparing types is far cheaper than casting every value.
        if T.self == MustacheValue.self { return value as! MustacheValue }
        if T.self == Decimal.self { return .number(value as! Decimal) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        let encoder = ValueEncoder(parent: parent, key: key)
        encoder.type = ObjectIdentifier(T.self)
        try value.encode(to: encoder)
        return encoder.resolved()
    }

    private func resolved() -> MustacheValue {
        for (position, encoder) in pending { values[position] = encoder.resolved() }
        switch content {
        case .unset: return .object(MustacheObject())
        case .value(let value): return value
        case .object:
            if let shape {
                keys = shape.count == values.count ? shape : Array(shape.prefix(values.count))
            }
            if let type, keys.count != shape?.count { shapes.keys[type] = keys }
            return .object(MustacheObject(uniqueKeys: keys, values: values))
        case .list: return .list(values)
        }
    }

    private func clear(to new: Content) {
        content = new
        keys = []
        values = []
        index = nil
        pending = []
        shape = nil
    }

    // MARK: Writing

    func setValue(_ value: MustacheValue) {
        clear(to: .value(value))
    }

    func makeObject() {
        if case .object = content { return }
        clear(to: .object)
        if let type, let known = shapes.keys[type] {
            shape = known
            values.reserveCapacity(known.count)
        } else {
            keys.reserveCapacity(8)
            values.reserveCapacity(8)
        }
    }

    func makeList() {
        if case .list = content { return }
        clear(to: .list)
    }

    /// Sets member `key`; a key set before keeps its position.
    func set(_ key: String, _ value: MustacheValue) {
        if let shape {
            // The next name of the known shape: new (the shape's names are distinct), and no array to extend.
            if values.count < shape.count && shape[values.count] == key {
                values.append(value)
                return
            }
            // Another shape: the names so far become an array of their own.
            keys = Array(shape.prefix(values.count))
            self.shape = nil
            if keys.count > Self.indexThreshold { index = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices)) }
        }
        guard let position = position(of: key) else {
            keys.append(key)
            values.append(value)
            if index != nil {
                index![key] = keys.count - 1
            } else if keys.count > Self.indexThreshold {
                index = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
            }
            return
        }
        values[position] = value
        if !pending.isEmpty { pending.removeAll { $0.position == position } }
    }

    private func position(of key: String) -> Int? {
        if let shape { return shape.prefix(values.count).firstIndex(of: key) }
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    /// Member `name`, whose value another encoder writes (for a nested container or a super encoder); `key` is
    /// the member's last coding path component (nil: the path stays this one's).
    func child(named name: String, key: (any CodingKey)?) -> ValueEncoder {
        let child = ValueEncoder(parent: self, key: key)
        set(name, .null)
        pending.append((position(of: name)!, child))
        return child
    }

    func append(_ value: MustacheValue) {
        values.append(value)
    }

    /// An item whose value another encoder writes.
    func childItem() -> ValueEncoder {
        let child = ValueEncoder(parent: self, key: IndexKey(values.count))
        pending.append((values.count, child))
        values.append(.null)
        return child
    }

    var count: Int { values.count }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        makeList()
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private func number(_ value: Double, _ codingPath: @autoclosure () -> [any CodingKey]) throws -> MustacheValue {
    guard let decimal = decimalFromDouble(value) ?? (value.isFinite ? Decimal(value) : nil) else {
        throw EncodingError.invalidValue(
            value, .init(codingPath: codingPath(), debugDescription: "非有限数 \(value) 不能转换（non-finite number）"))
    }
    return .number(decimal)
}

private func number(_ value: Float, _ codingPath: @autoclosure () -> [any CodingKey]) throws -> MustacheValue {
    try number(Double("\(value)") ?? Double(value), codingPath())
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: MustacheValue, _ key: Key) { encoder.set(key.stringValue, value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try number(value, codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try number(value, codingPath + [key]), key) }
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
        set(try ValueEncoder.value(of: value, parent: encoder, key: key), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        encoder.child(named: key.stringValue, key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.child(named: key.stringValue, key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.child(named: "super", key: nil)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.child(named: key.stringValue, key: key)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count }

    private var nextKey: IndexKey { IndexKey(encoder.count) }

    private func add(_ value: MustacheValue) { encoder.append(value) }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(try number(value, codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws { add(try number(value, codingPath + [nextKey])) }
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
        add(try ValueEncoder.value(of: value, parent: encoder, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        encoder.childItem().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.childItem().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.childItem()
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: MustacheValue) { encoder.setValue(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try number(value, codingPath)) }
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
        // Encoded at this encoder's own path.
        set(try ValueEncoder.value(of: value, parent: encoder.parent, key: encoder.key))
    }
}
