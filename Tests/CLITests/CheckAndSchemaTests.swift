import Foundation
import Testing

@Suite struct CheckAndSchemaTests {
    func samples() -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Samples").path))
            ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "Samples/" + $0 }
    }

    @Test func checkPassesEverySample() throws {
        let result = try runJueSuan(["check"] + samples())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "：通过（").count == samples().count + 1)
    }

    @Test func checkReportsBadInputWithPathAndPositionAndExit2() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-cli-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let minimal = try String(
            contentsOf: packageRoot.appendingPathComponent("Tests/JueSuanTests/Fixtures/minimal.json"), encoding: .utf8)
        try minimal.replacingOccurrences(of: "\"year\"", with: "\"yaer\"")
            .write(to: directory.appendingPathComponent("typo.json"), atomically: true, encoding: .utf8)
        let result = try runJueSuan(["check", "typo.json"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("typo.json:2:23: 错误：$.yaer：未知字段 \"yaer\"（是否应为 \"year\"（决算年度）？）"))
        #expect(result.stderr.contains("1 个文件未通过检查。"))
        #expect(result.stdout == "")
    }

    @Test func checkWithoutFilesIsAUsageError() throws {
        let result = try runJueSuan(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("缺少输入文件"))
    }

    @Test func checkMissingFile() throws {
        let result = try runJueSuan(["check", "nope.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope.json: 错误：无法读取文件：文件不存在"))
    }

    @Test func schemaIsJSONSchema202012() throws {
        let result = try runJueSuan(["schema"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((object?["required"] as? [String])?.contains("year") == true)
        #expect(object?["additionalProperties"] as? Bool == false)
    }

    @Test func schemaMarkdownIsTheInputReference() throws {
        let result = try runJueSuan(["schema", "--format=markdown"])
        #expect(result.status == 0)
        let onDisk = try String(contentsOf: packageRoot.appendingPathComponent("docs/INPUT.md"), encoding: .utf8)
        #expect(result.stdout == onDisk)
    }

    @Test func schemaRejectsBadFormat() throws {
        let result = try runJueSuan(["schema", "--format", "yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format 只能是 json 或 markdown"))
    }

    // Issue 14, row 11: control characters from the input (ESC, BEL) were printed raw to the terminal. Messages show
    // them as `\u001B`, as JSON writes them.
    @Test func controlCharactersFromTheInputAreShownNotSent() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-esc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try String(
            contentsOf: packageRoot.appendingPathComponent("Samples/s0-rendaban.json"), encoding: .utf8)
        try sample.replacingOccurrences(of: "\"name\": \"景德镇市人大办公室\"", with: #""name": "甲\u001b[31m局\u0007""#)
            .write(to: directory.appendingPathComponent("named.json"), atomically: true, encoding: .utf8)
        try sample.replacingOccurrences(of: "\"unit\": \"万元\"", with: #""unit": "千\u001b[2J\r元""#)
            .write(to: directory.appendingPathComponent("unit.json"), atomically: true, encoding: .utf8)
        let named = try runJueSuan(["check", "named.json"], in: directory)
        #expect(named.stdout == #"named.json：通过（甲\u001B[31m局\u0007 2024 年度）"# + "\n")
        let unit = try runJueSuan(["check", "unit.json"], in: directory)
        #expect(unit.stderr.contains(#"实际为 "千\u001B[2J\u000D元""#), "\(unit.stderr)")
        for output in [named.stdout, named.stderr, unit.stdout, unit.stderr] {
            #expect(!output.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control })
        }
    }
}
