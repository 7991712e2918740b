import Foundation

@testable import JueSuan

/// The package root, for Samples/, Templates/, docs/ and ../shared.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let fixturesDirectory = packageRoot.appendingPathComponent("Tests/JueSuanTests/Fixtures")

func fixtureText(_ name: String) throws -> String {
    try String(contentsOf: fixturesDirectory.appendingPathComponent(name), encoding: .utf8)
}

/// The sample department files, sorted by name.
func samplePaths() -> [String] {
    let directory = packageRoot.appendingPathComponent("Samples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0).path }
}

/// Decodes JSON text as an input file named `name`; the test fails on problems.
func decodeInput(_ text: String, name: String = "test.json") -> Result<DepartmentInput, InputLoadError> {
    InputLoader.decode(Array(text.utf8), fileName: name)
}
