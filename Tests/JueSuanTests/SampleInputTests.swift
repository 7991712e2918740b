import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// Every sample decodes, round-trips exactly, satisfies the published JSON Schema, and together the samples use
/// every field of the description (so the description, the Codable model and the samples stay in step).
@Suite struct SampleInputTests {
    @Test func thereAreFourSamples() {
        #expect(samplePaths().count == 4, "three seeds and one synthetic department")
    }

    @Test(arguments: samplePaths())
    func decodesAndRoundTrips(path: String) throws {
        let input = try InputLoader.load(path: path).get()
        let encoded = try InputLoader.encode(input)
        let again = try InputLoader.decode(Array(encoded), fileName: "re-encoded").get()
        #expect(again == input)
    }

    /// A key the Codable model writes but the description does not know would fail here.
    @Test(arguments: samplePaths())
    func reEncodedFileSatisfiesTheDescription(path: String) throws {
        let input = try InputLoader.load(path: path).get()
        let tree = try JSONTreeParser.parse(Array(try InputLoader.encode(input)))
        #expect(SchemaValidator.validate(tree, against: InputSchema.root) == [])
    }

    /// A field in the description that the Codable model ignores would vanish on re-encoding and fail here.
    @Test(arguments: samplePaths())
    func reEncodingKeepsEveryKey(path: String) throws {
        let original = try JSONTreeParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let input = try InputLoader.load(path: path).get()
        let encoded = try JSONTreeParser.parse(Array(try InputLoader.encode(input)))
        #expect(keyPaths(original) == keyPaths(encoded))
    }

    /// The samples and the kitchen-sink fixture together use every field of the description.
    @Test func samplesTogetherUseEveryField() throws {
        var used: Set<String> = []
        for path in samplePaths() + [fixturesDirectory.appendingPathComponent("kitchen-sink.json").path] {
            used.formUnion(keyPaths(try JSONTreeParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))))
        }
        let described = describedPaths(InputSchema.root, prefix: "$")
        let unused = described.subtracting(used).sorted()
        #expect(unused == [], "fields no sample uses: \(unused)")
    }

    @Test func samplesSatisfyTheJSONSchemaWithPythonJsonschema() throws {
        guard Checker.jsonschema || Checker.isCI else { return }
        try Checker.require(Checker.jsonschema, "python jsonschema")
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-schema-\(getpid()).json")
        try InputSchema.jsonSchemaText().write(to: schemaFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    bad += 1
                    print(path, list(error.absolute_path), error.message)
            sys.exit(1 if bad else 0)
            """
        let result = try run("python3", ["-c", script, schemaFile.path] + samplePaths())
        #expect(result.status == 0, "\(result.output)")
        // The schema really rejects what the loader rejects.
        let broken = try fixtureText("minimal.json").replacingOccurrences(of: "\"year\"", with: "\"yaer\"")
        let brokenFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-broken-\(getpid()).json")
        try broken.write(to: brokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: brokenFile) }
        let rejected = try run("python3", ["-c", script, schemaFile.path, brokenFile.path])
        #expect(rejected.status == 1)
        #expect(rejected.output.contains("'yaer' was unexpected"))
    }

    @Test func inputReferenceIsUpToDate() throws {
        let onDisk = try String(contentsOf: packageRoot.appendingPathComponent("docs/INPUT.md"), encoding: .utf8)
        #expect(
            onDisk == InputSchema.markdownReference(), "run: swift run juesuan schema --format markdown > docs/INPUT.md"
        )
    }
}

/// Every key path in a tree, arrays collapsed to `[]` and dictionary keys of codes to `{}`.
func keyPaths(_ node: JSONNode, prefix: String = "$") -> Set<String> {
    var paths: Set<String> = []
    switch node {
    case .object(let members, _):
        for member in members {
            let isCode = member.key.allSatisfy(\.isNumber)
            let path = isCode ? prefix + ".{}" : prefix + "." + member.key
            paths.insert(path)
            paths.formUnion(keyPaths(member.value, prefix: path))
        }
    case .array(let items, _):
        for item in items { paths.formUnion(keyPaths(item, prefix: prefix + "[]")) }
    default:
        break
    }
    return paths
}

/// Every key path the description allows, in the same notation.
func describedPaths(_ object: ObjectSchema, prefix: String) -> Set<String> {
    var paths: Set<String> = []
    func walk(_ type: SchemaType, _ path: String) {
        switch type {
        case .object(let inner): paths.formUnion(describedPaths(inner, prefix: path))
        case .array(let element, _): walk(element, path + "[]")
        case .dictionary(_, let value):
            paths.insert(path + ".{}")
            walk(value, path + ".{}")
        case .oneKeyOf(_, _, let fields):
            for field in fields {
                paths.insert(path + "." + field.name)
                walk(field.type, path + "." + field.name)
            }
        default: break
        }
    }
    for field in object.fields {
        paths.insert(prefix + "." + field.name)
        walk(field.type, prefix + "." + field.name)
    }
    return paths
}

/// The description and the Codable model agree on which fields are required: leaving out any optional field of the
/// kitchen-sink fixture still decodes, and leaving out any required one is reported as missing.
@Suite struct RequiredFieldTests {
    struct Removal {
        let path: JSONPath
        let field: Field
    }

    /// Every field present in `node`, with the description's view of it (first element of arrays only).
    static func removals(_ node: JSONNode, _ type: SchemaType, _ path: JSONPath) -> [Removal] {
        switch (type, node) {
        case (.object(let object), .object(let members, _)):
            var result: [Removal] = []
            for member in members {
                guard let field = object.fields.first(where: { $0.name == member.key }) else { continue }
                let childPath = path.appending(member.key)
                result.append(Removal(path: childPath, field: field))
                result += removals(member.value, field.type, childPath)
            }
            return result
        case (.array(let element, _), .array(let items, _)):
            guard let first = items.first else { return [] }
            return removals(first, element, path.appending(0))
        case (.oneKeyOf(_, _, let fields), .object(let members, _)):
            guard let member = members.first, let field = fields.first(where: { $0.name == member.key }) else {
                return []
            }
            return removals(member.value, field.type, path.appending(member.key))
        default:
            return []
        }
    }

    /// `node` without the member at `path`.
    static func removing(_ path: [JSONPathComponent], from node: JSONNode) -> JSONNode {
        guard let first = path.first else { return node }
        switch (first, node) {
        case (.key(let key), .object(let members, let position)):
            if path.count == 1 { return .object(members.filter { $0.key != key }, position) }
            return .object(
                members.map { member in
                    member.key == key
                        ? JSONMember(
                            key: member.key, keyPosition: member.keyPosition,
                            value: removing(Array(path.dropFirst()), from: member.value)) : member
                },
                position)
        case (.index(let index), .array(let items, let position)):
            var copy = items
            copy[index] = removing(Array(path.dropFirst()), from: items[index])
            return .array(copy, position)
        default:
            return node
        }
    }

    static func serialized(_ node: JSONNode) -> String {
        switch node {
        case .null: return "null"
        case .bool(let value, _): return value ? "true" : "false"
        case .number(let text, _): return text
        case .string(let text, _):
            let data = try? JSONEncoder().encode(text)
            return String(decoding: data ?? Data(), as: UTF8.self)
        case .array(let items, _): return "[" + items.map(serialized).joined(separator: ",") + "]"
        case .object(let members, _):
            return "{"
                + members.map { serialized(.string($0.key, $0.keyPosition)) + ":" + serialized($0.value) }.joined(
                    separator: ",") + "}"
        }
    }

    @Test func optionalFieldsMayBeLeftOutRequiredOnesMayNot() throws {
        let text = try fixtureText("kitchen-sink.json")
        let tree = try JSONTreeParser.parse(text)
        let all = Self.removals(tree, .object(InputSchema.root), .root)
        #expect(all.count > 150, "the fixture uses every field")
        for removal in all {
            let changed = Self.serialized(Self.removing(removal.path.components, from: tree))
            switch decodeInput(changed) {
            case .success:
                #expect(!removal.field.required, "\(removal.path) is required but decoding without it succeeded")
            case .failure(let error):
                #expect(removal.field.required, "\(removal.path) is optional but: \(error)")
                if removal.field.required {
                    #expect(error.description.contains("缺少必填字段 \"\(removal.field.name)\""), "\(error)")
                }
            }
        }
    }
}
