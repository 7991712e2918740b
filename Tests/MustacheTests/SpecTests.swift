import Foundation
import Mustache
import Testing

/// One case of the Mustache spec, read from `../shared/mustache-spec/*.json` (relative to the package root).
struct SpecCase: CustomTestStringConvertible, Sendable {
    let file: String
    let name: String
    let template: String
    let expected: String
    let data: MustacheValue
    let partials: [String: String]

    var testDescription: String { "\(file): \(name)" }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        let name: String
        let template: String
        let expected: String
        let data: MustacheValue
        let partials: [String: String]?
    }

    let tests: [Test]
}

enum Spec {
    /// `../shared/mustache-spec` beside the package, or one level further up (a worktree under `wt/`).
    static let directory: URL = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let near = root.appendingPathComponent("../shared/mustache-spec").standardizedFileURL
        if FileManager.default.fileExists(atPath: near.path) { return near }
        return root.appendingPathComponent("../../shared/mustache-spec").standardizedFileURL
    }()

    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
        "~dynamic-names", "~lambdas",
    ]

    static func load(_ file: String) throws -> [SpecCase] {
        let data = try Data(contentsOf: directory.appendingPathComponent(file + ".json"))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests.map {
            SpecCase(
                file: file, name: $0.name, template: $0.template, expected: $0.expected, data: $0.data,
                partials: $0.partials ?? [:])
        }
    }

    /// Every case; empty if the files cannot be read (then `specFilesHaveTheExpectedCases` fails).
    static let cases: [SpecCase] = files.flatMap { (try? load($0)) ?? [] }
}

/// The spec's lambdas (given there as source code in several languages), written as Swift closures.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        return calls
    }
}

private func swiftLambda(for caseName: String) -> MustacheLambda? {
    switch caseName {
    case "Interpolation": return MustacheLambda { _ in "world" }
    case "Interpolation - Expansion": return MustacheLambda { _ in "{{planet}}" }
    case "Interpolation - Alternate Delimiters": return MustacheLambda { _ in "|planet| => {{planet}}" }
    case "Interpolation - Multiple Calls":
        let counter = CallCounter()
        return MustacheLambda { _ in "\(counter.next())" }
    case "Escaping": return MustacheLambda { _ in ">" }
    case "Section": return MustacheLambda { text in text == "{{x}}" ? "yes" : "no" }
    case "Section - Expansion": return MustacheLambda { text in text + "{{planet}}" + text }
    case "Section - Alternate Delimiters": return MustacheLambda { text in text + "{{planet}} => |planet|" + text }
    case "Section - Multiple Calls": return MustacheLambda { text in "__" + text + "__" }
    case "Inverted Section": return MustacheLambda { _ in "" }
    default: return nil
    }
}

/// Replaces the spec's `{"__tag__": "code", …}` objects with the Swift closure for the case.
private func withSwiftLambdas(_ value: MustacheValue, caseName: String) -> MustacheValue {
    switch value {
    case .object(let object):
        if object["__tag__"] == "code" {
            guard let lambda = swiftLambda(for: caseName) else {
                Issue.record("no Swift lambda for ~lambdas case \(caseName)")
                return value
            }
            return .lambda(lambda)
        }
        return .object(MustacheObject(object.map { ($0.key, withSwiftLambdas($0.value, caseName: caseName)) }))
    case .list(let items):
        return .list(items.map { withSwiftLambdas($0, caseName: caseName) })
    default:
        return value
    }
}

@Suite struct SpecTests {
    @Test func specFilesHaveTheExpectedCases() throws {
        var counts: [String: Int] = [:]
        for file in Spec.files { counts[file] = try Spec.load(file).count }
        #expect(
            counts == [
                "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34,
                "~inheritance": 27, "~dynamic-names": 21, "~lambdas": 10,
            ])
        #expect(Spec.cases.count == 194)
    }

    @Test(arguments: Spec.cases)
    func specCase(_ spec: SpecCase) throws {
        let data = spec.file == "~lambdas" ? withSwiftLambdas(spec.data, caseName: spec.name) : spec.data
        let library = TemplateLibrary(sources: [DictionaryTemplateSource(spec.partials)], normalizesSource: false)
        let template = try Template(parsing: spec.template, name: "template")
        let result = library.render(template, data, options: RenderOptions(escaping: .html, mode: .spec))
        #expect(result.output == spec.expected, "\(spec.file): \(spec.name)")
        #expect(result.errors.isEmpty, "\(spec.file): \(spec.name): \(result.errors)")
    }
}
