import Foundation
import Testing

@testable import JueSuan

/// The complete txt and md reports of every sample, compared byte for byte with reviewed golden files.
/// After an intended change: `JUESUAN_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then review `git diff`.
@Suite struct GoldenTests {
    static let directory = packageRoot.appendingPathComponent("Tests/JueSuanTests/Golden")
    static let update = ProcessInfo.processInfo.environment["JUESUAN_UPDATE_GOLDEN"] == "1"

    static func rendered(_ path: String) throws -> RenderedReport {
        let input = try InputLoader.load(path: path).get()
        let checked = CheckedReport(input)
        #expect(checked.fatal.isEmpty, "\(checked.fatal)")
        return try #require(checked.rendered)
    }

    @Test(arguments: samplePaths(), [OutputFormat.txt, .md])
    func matchesGolden(path: String, format: OutputFormat) throws {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let golden = Self.directory.appendingPathComponent("\(name).\(format.fileExtension)")
        let bytes = try Self.rendered(path).bytes(format)
        if Self.update {
            try Data(bytes).write(to: golden)
            return
        }
        let expected = try Data(contentsOf: golden)
        #expect(
            Data(bytes) == expected,
            "\(golden.lastPathComponent) differs: JUESUAN_UPDATE_GOLDEN=1 swift test --filter GoldenTests, then review git diff"
        )
    }
}
