// swift-tools-version:6.0
// juesuan — 部门决算公开 generator. Foundation and the Swift toolchain only: no package dependencies.
import PackageDescription

let package = Package(
    name: "juesuan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "juesuan", targets: ["juesuan"]),
        .library(name: "JueSuan", targets: ["JueSuan"]),
        .library(name: "Mustache", targets: ["Mustache"]),
        .library(name: "Documents", targets: ["Documents"]),
    ],
    targets: [
        // The template engine. Knows nothing of finance.
        .target(name: "Mustache"),
        // Document model, writers (txt, md, html, docx, xlsx) and the ZIP container. Knows nothing of finance.
        .target(name: "Documents"),
        // The domain: input model, derivation, validation, report view, standard templates.
        .target(name: "JueSuan", dependencies: ["Mustache", "Documents"]),
        // The command line. Thin.
        .executableTarget(name: "juesuan", dependencies: ["JueSuan", "Mustache", "Documents"]),
        // Throughput of the template engine: `swift run -c release mustache-bench`.
        .executableTarget(name: "mustache-bench", dependencies: ["Mustache"], path: "Sources/MustacheBench"),
        // Reports per second per output format: `swift run -c release report-bench Samples/s0-rendaban.json`.
        .executableTarget(name: "report-bench", dependencies: ["JueSuan", "Mustache", "Documents"], path: "Sources/ReportBench"),
        // The whole `juesuan batch` on N synthetic departments: wall time, departments/s, peak memory.
        // `swift build -c release && .build/release/batch-bench` (it runs the `juesuan` built next to it).
        .executableTarget(name: "batch-bench", path: "Sources/BatchBench"),
        // Reading .xlsx and ZIP files: DEFLATE MB/s, ZIP entries, whole workbooks per second.
        // `swift run -c release xlsx-read-bench FILE.xlsx...`.
        .executableTarget(name: "xlsx-read-bench", dependencies: ["Documents"], path: "Sources/XlsxReadBench"),
        // One large department (a sample's annex repeated to 50 MB, and 5 MB) through `juesuan render`, per format:
        // time, peak memory, its ratio to the JSON and the growth for 10× the input. `.build/release/large-bench`.
        .executableTarget(name: "large-bench", dependencies: ["JueSuan"], path: "Sources/LargeBench"),
        // Mutated departments, templates and markup through the built `juesuan`: crashes, hangs, messages without a
        // location. `swift build && .build/debug/fuzz-harness --seconds 60 --seed 1` (it runs the `juesuan` next to it).
        .executableTarget(name: "fuzz-harness", dependencies: ["JueSuan", "Documents"], path: "Sources/FuzzHarness"),

        // Running outside checkers (python-docx, openpyxl, LibreOffice) from tests. Test-only; knows nothing of finance.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        // Checkers/: Python scripts the office tests run on the .docx / .xlsx files (python-docx, openpyxl).
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "TestSupport"], exclude: ["Checkers"]),
        .testTarget(name: "JueSuanTests", dependencies: ["JueSuan", "Mustache", "Documents", "TestSupport"], exclude: ["Fixtures", "Golden"]),
        // Runs the built `juesuan` binary as a process.
        .testTarget(name: "CLITests", dependencies: ["juesuan"]),
    ],
    swiftLanguageModes: [.v6]
)
