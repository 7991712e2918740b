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

/// Whether tests that need an outside checker must fail (CI) rather than skip when it is missing.
let checkersRequired = ProcessInfo.processInfo.environment["JUESUAN_CI"] == "1"

/// Runs a command line; returns status and combined output.
func runTool(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> (
    status: Int32, output: String
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    let input = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
