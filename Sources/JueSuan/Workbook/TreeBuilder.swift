// Builds the JSON tree of an input file from the cells of a workbook, so that a workbook goes through exactly the
// checks and decoding a JSON file does (`InputLoader`). Members keep the order in which they were set.

struct TreeObject {
    private(set) var keys: [String] = []
    private(set) var values: [String: TreeValue] = [:]

    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> TreeValue? {
        values[key]
    }

    /// Sets `value` at `path` (keys only), creating the objects on the way.
    mutating func set(_ path: ArraySlice<String>, _ value: TreeValue) {
        guard let key = path.first else { return }
        if path.count == 1 {
            if values[key] == nil { keys.append(key) }
            values[key] = value
            return
        }
        var child: TreeObject
        if case .object(let existing)? = values[key] { child = existing } else { child = TreeObject() }
        child.set(path.dropFirst(), value)
        if values[key] == nil { keys.append(key) }
        values[key] = .object(child)
    }

    mutating func set(_ path: [String], _ value: TreeValue) {
        set(path[...], value)
    }

    var node: JSONNode {
        .object(
            keys.map { JSONMember(key: $0, keyPosition: TreeValue.position, value: values[$0]!.node) },
            TreeValue.position)
    }
}

indirect enum TreeValue {
    case leaf(JSONNode)
    case object(TreeObject)
    case array([TreeValue])

    /// Workbook values have no line and column; problems are placed by their path (`WorkbookOrigin`).
    static let position = SourcePosition(line: 0, column: 0)

    static func string(_ text: String) -> TreeValue { .leaf(.string(text, position)) }
    static func number(_ text: String) -> TreeValue { .leaf(.number(text, position)) }
    static func bool(_ flag: Bool) -> TreeValue { .leaf(.bool(flag, position)) }

    var node: JSONNode {
        switch self {
        case .leaf(let node): return node
        case .object(let object): return object.node
        case .array(let items): return .array(items.map(\.node), Self.position)
        }
    }
}
