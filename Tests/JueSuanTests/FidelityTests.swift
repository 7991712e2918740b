import Documents
import Foundation
import Testing

@testable import JueSuan

/// Seed fidelity, measured: each seed department's txt report is compared line by line with its published seed in
/// ../shared/seeds after normalising whitespace. Every line that differs must be listed in the reviewed file
/// docs/fidelity/<seed>.md with its reason; the test fails on any difference that is not listed (and on any listed
/// line that no longer differs).
///
/// To see what changed after editing templates: `JUESUAN_FIDELITY_SKELETON=1 swift test --filter FidelityTests`
/// writes docs/fidelity/<seed>.skeleton.md with every differing line grouped in hunks (reasons `TODO`).
@Suite struct FidelityTests {
    struct Seed: Sendable, CustomTestStringConvertible {
        let id: String
        let sample: String
        let file: String
        var testDescription: String { id }
    }

    static let seeds = [
        Seed(id: "S0", sample: "s0-rendaban", file: "000_dad47c244a55f3db.txt"),
        Seed(id: "S2", sample: "s2-shizhengfuban", file: "002_fd22b88f1956ab5b.txt"),
        Seed(id: "S4", sample: "s4-zhushanquweiban", file: "004_1a888e04f9942a64.txt"),
    ]

    /// The reasons a line may differ.
    static let reasons: Set<String> = ["算术", "笔误", "提取", "标准"]

    /// Whitespace runs (spaces, TABs, ideographic spaces) become one space; blank lines go.
    static func normalised(_ text: String) -> [String] {
        text.components(separatedBy: "\n").compactMap { line in
            let collapsed = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" })
                .joined(separator: " ")
            return collapsed.isEmpty ? nil : collapsed
        }
    }

    /// The lines of `a` and of `b` outside a longest common subsequence, grouped in hunks.
    static func diff(_ a: [String], _ b: [String]) -> [(seed: [String], output: [String])] {
        let n = a.count
        let m = b.count
        var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var hunks: [(seed: [String], output: [String])] = []
        var current: (seed: [String], output: [String]) = ([], [])
        var i = 0
        var j = 0
        func flush() {
            if !current.seed.isEmpty || !current.output.isEmpty { hunks.append(current) }
            current = ([], [])
        }
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                flush()
                i += 1
                j += 1
            } else if j >= m || (i < n && lengths[i + 1][j] >= lengths[i][j + 1]) {
                current.seed.append(a[i])
                i += 1
            } else {
                current.output.append(b[j])
                j += 1
            }
        }
        flush()
        return hunks
    }

    struct Listed {
        var seed: [String] = []
        var output: [String] = []
        var problems: [String] = []
    }

    /// Reads the `diff` blocks of a fidelity file: `-line` is a seed line, `+line` an output line; each block is
    /// under a `### n · 原因 · 说明` heading whose reasons must be known.
    static func listed(_ text: String) -> Listed {
        var result = Listed()
        var inBlock = false
        var headingOK = false
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("### ") {
                let parts = line.dropFirst(4).components(separatedBy: " · ")
                let reasons = parts.count >= 3 ? parts[1].components(separatedBy: "、") : []
                headingOK = !reasons.isEmpty && reasons.allSatisfy { Self.reasons.contains($0) }
                if !headingOK { result.problems.append("line \(number + 1): heading without a known reason: \(line)") }
            } else if line == "```diff" {
                inBlock = true
            } else if line == "```" {
                inBlock = false
            } else if inBlock, let first = line.first {
                if first == "-" { result.seed.append(String(line.dropFirst())) }
                if first == "+" { result.output.append(String(line.dropFirst())) }
            }
        }
        return result
    }

    /// `../shared/seeds` beside the package, or one level further up (a worktree under `wt/`).
    static let seedsDirectory: URL = {
        let parent = packageRoot.deletingLastPathComponent()
        let near = parent.appendingPathComponent("shared/seeds")
        if FileManager.default.fileExists(atPath: near.path) { return near }
        return parent.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    }()

    static func counted(_ lines: [String]) -> [String: Int] {
        lines.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    static func render(_ seed: Seed) throws -> (seed: [String], output: [String]) {
        let input = try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/\(seed.sample).json").path)
            .get()
        let report = try #require(CheckedReport(input).rendered)
        let seedText = try String(contentsOf: seedsDirectory.appendingPathComponent(seed.file), encoding: .utf8)
        return (normalised(seedText), normalised(TextWriter.write(report.document)))
    }

    @Test(arguments: seeds)
    func everyDifferenceIsListedWithItsReason(_ seed: Seed) throws {
        let (seedLines, outputLines) = try Self.render(seed)
        let hunks = Self.diff(seedLines, outputLines)
        let differingSeed = hunks.flatMap(\.seed)
        let differingOutput = hunks.flatMap(\.output)
        let directory = packageRoot.appendingPathComponent("docs/fidelity")
        if ProcessInfo.processInfo.environment["JUESUAN_FIDELITY_SKELETON"] == "1" {
            var lines = ["# \(seed.id) skeleton", ""]
            for (index, hunk) in hunks.enumerated() {
                lines += ["### \(index + 1) · TODO · ", "", "```diff"]
                lines += hunk.seed.map { "-" + $0 } + hunk.output.map { "+" + $0 } + ["```", ""]
            }
            try lines.joined(separator: "\n").write(
                to: directory.appendingPathComponent("\(seed.id).skeleton.md"), atomically: true, encoding: .utf8)
        }
        let file = directory.appendingPathComponent("\(seed.id).md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let listed = Self.listed(text)
        #expect(listed.problems == [])
        let unlistedSeed = Self.counted(differingSeed).filter {
            $0.value > Self.counted(listed.seed)[$0.key, default: 0]
        }
        let unlistedOutput = Self.counted(differingOutput).filter {
            $0.value > Self.counted(listed.output)[$0.key, default: 0]
        }
        #expect(unlistedSeed.keys.sorted() == [], "seed lines that differ but are not listed")
        #expect(unlistedOutput.keys.sorted() == [], "output lines that differ but are not listed")
        let staleSeed = Self.counted(listed.seed).filter { $0.value > Self.counted(differingSeed)[$0.key, default: 0] }
        let staleOutput = Self.counted(listed.output).filter {
            $0.value > Self.counted(differingOutput)[$0.key, default: 0]
        }
        #expect(staleSeed.keys.sorted() == [], "listed seed lines that no longer differ")
        #expect(staleOutput.keys.sorted() == [], "listed output lines that no longer differ")
        // The summary line states the measurement.
        let identical = seedLines.count - differingSeed.count
        let summary =
            "种子 \(seedLines.count) 行：相同 \(identical) 行，不同 \(differingSeed.count) 行（均列明原因）；"
            + "输出 \(outputLines.count) 行，其中不同 \(differingOutput.count) 行（均列明原因）。"
        let hasSummary = text.contains(summary)
        #expect(hasSummary, "expected the summary: \(summary)")
    }

    @Test func normalisingCollapsesWhitespaceAndDropsBlankLines() {
        #expect(Self.normalised("a\t\tb  c\n\n \u{3000}\nd ") == ["a b c", "d"])
    }

    @Test func diffFindsInsertedAndDeletedLines() {
        let hunks = Self.diff(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"])
        #expect(hunks.map(\.seed) == [["b"], []])
        #expect(hunks.map(\.output) == [["x"], ["e"]])
    }
}
