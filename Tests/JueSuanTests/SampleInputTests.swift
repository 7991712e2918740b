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
