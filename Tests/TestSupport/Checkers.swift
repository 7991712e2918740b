import Foundation

// Shared by the test targets: running outside programs (python checkers, LibreOffice, poppler) and knowing whether
// they are installed. Knows nothing of finance.

/// A check that could not be made or did not pass; tests report it as a failure.
public struct CheckerFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Outside programs the tests check our files with. A test that needs a missing one is skipped on a developer's
/// machine but runs (and fails) when `JUESUAN_CI=1`, so that CI cannot pass without checking.
public enum Checker {
    public static let isCI = ProcessInfo.processInfo.environment["JUESUAN_CI"] == "1"

    public static let python = succeeds("python3", ["-c", "pass"])
    public static let pythonDocx = succeeds("python3", ["-c", "import docx"])
    public static let openpyxl = succeeds("python3", ["-c", "import openpyxl"])
    public static let jsonschema = succeeds("python3", ["-c", "import jsonschema"])
    public static let soffice = succeeds("soffice", ["--version"])
    public static let poppler = succeeds("pdfinfo", ["-v"])
    /// Headless Chromium (Debian package `chromium`), to print the HTML reports.
    public static let chromium = succeeds("chromium", ["--version"])

    /// The directory of the Python checker scripts (Tests/DocumentsTests/Checkers).
    public static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DocumentsTests/Checkers")

    private static func succeeds(_ program: String, _ arguments: [String]) -> Bool {
        (try? run(program, arguments).status) == 0
    }

    /// Throws when `available` is false (only reached in CI or when the checker is there).
    public static func require(_ available: Bool, _ what: String) throws {
        if !available { throw CheckerFailure("\(what) is not installed; CI installs it (.ci/run)") }
    }
}

public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: String
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `program` (looked up in PATH) and collects its output through files, so no pipe can fill up.
public func run(_ program: String, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil) throws
    -> ProcessResult
{
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    let inURL = scratch.appendingPathComponent("in")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    try input.close()
    return ProcessResult(
        status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// A fresh directory for a test's files. With `JUESUAN_TEST_OUTPUT=DIR` set they go to `DIR/name` and are kept,
/// to look at them.
public func outputDirectory(_ name: String) throws -> URL {
    let base =
        ProcessInfo.processInfo.environment["JUESUAN_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-\(UUID().uuidString)")
    let directory = base.appendingPathComponent(name)
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

/// Runs a Python checker script on `file` and decodes its JSON.
public func dump<T: Decodable>(_ script: String, _ file: URL, as type: T.Type) throws -> T {
    let result = try run("python3", [Checker.scripts.appendingPathComponent(script).path, file.path])
    guard result.status == 0 else { throw CheckerFailure("\(script) failed: \(result.stderr)") }
    return try JSONDecoder().decode(T.self, from: result.stdout)
}

/// Converts `files` to PDF with LibreOffice in `directory`; returns the PDFs. Each call has its own profile, so
/// tests can convert in parallel.
public func convertToPDF(_ files: [URL], in directory: URL) throws -> [URL] {
    let profile = directory.appendingPathComponent("lo-profile")
    let result = try run(
        "soffice",
        [
            "-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore", "--convert-to", "pdf",
            "--outdir", directory.path,
        ] + files.map(\.path))
    guard result.status == 0 else { throw CheckerFailure("soffice failed: \(result.stderr)") }
    let pdfs = files.map { directory.appendingPathComponent($0.deletingPathExtension().lastPathComponent + ".pdf") }
    for pdf in pdfs where !FileManager.default.fileExists(atPath: pdf.path) {
        throw CheckerFailure("soffice made no \(pdf.lastPathComponent): \(result.output) \(result.stderr)")
    }
    return pdfs
}

/// Prints `html` to `pdf` with headless Chromium (A4 and margins from the page's own `@page` rules, no header or
/// footer of Chromium's own), with a profile of its own in `directory`.
public func printWithChromium(_ html: URL, to pdf: URL, in directory: URL) throws {
    let result = try run(
        "chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(directory.appendingPathComponent("chromium-profile").path)",
            "--print-to-pdf=\(pdf.path)", html.absoluteString,
        ])
    try? FileManager.default.removeItem(at: directory.appendingPathComponent("chromium-profile"))
    guard FileManager.default.fileExists(atPath: pdf.path) else {
        throw CheckerFailure("chromium made no PDF (status \(result.status)): \(result.stderr.suffix(500))")
    }
}

/// The text of a PDF, page by page, as `pdftotext -layout` lays it out.
public func pdfPages(_ pdf: URL) throws -> [String] {
    let result = try run("pdftotext", ["-layout", pdf.path, "-"])
    guard result.status == 0 else { throw CheckerFailure("pdftotext failed: \(result.stderr)") }
    var pages = result.output.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
}

/// Page sizes of a PDF in points, from `pdfinfo`.
public func pdfPageSizes(_ pdf: URL) throws -> [(width: Double, height: Double)] {
    let result = try run("pdfinfo", ["-f", "1", "-l", "9999", pdf.path])
    guard result.status == 0 else { throw CheckerFailure("pdfinfo failed: \(result.stderr)") }
    var sizes: [(Double, Double)] = []
    for line in result.output.split(separator: "\n") where line.hasPrefix("Page") && line.contains(" size: ") {
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(of: "size:"), words.count > index + 3,
            let width = Double(words[index + 1]), let height = Double(words[index + 3])
        else { continue }
        sizes.append((width, height))
    }
    return sizes
}
