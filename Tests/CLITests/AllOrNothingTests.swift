import Foundation
import Testing

/// Issue 14, deliverable 2, through the binary: a render (or a batch department) writes all its formats or none,
/// leaves no temporary file, and the next run clears what a killed run left; names that cannot be written are refused
/// before anything is written.
@Suite struct AllOrNothingTests {
    static let sample = packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path

    /// Every name in `directory`, sorted.
    static func names(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// S0 with its department renamed, written to `directory/file`.
    static func department(named name: String, in directory: URL, file: String) throws -> String {
        let text = try String(contentsOfFile: sample, encoding: .utf8)
            .replacingOccurrences(of: "\"name\": \"景德镇市人大办公室\"", with: "\"name\": \"\(name)\"")
        let path = directory.appendingPathComponent(file).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // Row 3: with the disk full after .txt and .md, `render --format all` exited 2 with .txt, .md (and .html)
    // written. A file-size limit stands in for the full disk: the .md (65.7 KB) is the first file over 62 KB (the
    // .txt is 59.1 KB; the compressed .docx and .xlsx are smaller).
    @Test func aRenderThatCannotWriteEveryFormatWritesNone() throws {
        let out = try RenderAndValidateTests.scratch("render-full")
        defer { try? FileManager.default.removeItem(at: out) }
        let juesuan = productsDirectory.appendingPathComponent("juesuan").path
        let limited = try runProgram(
            "/bin/bash",
            [
                "-c", "ulimit -f 62; exec \"$0\" render \"$1\" --format all --out \"$2\"", juesuan, Self.sample,
                out.path,
            ])
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("File too large"), "\(limited.stderr)")
        #expect(limited.stderr.contains("本部门的报告一个也未写入"))
        #expect(try Self.names(out) == [])
        // With --force over an earlier complete set, the earlier files stay as they were.
        let first = try runJueSuan(["render", Self.sample, "--format", "txt,md", "--out", out.path])
        #expect(first.status == 0)
        let before = try Self.names(out).map { try Data(contentsOf: out.appendingPathComponent($0)) }
        try Data("旧".utf8).write(to: out.appendingPathComponent(RenderAndValidateTests.baseName + ".txt"))
        let again = try runProgram(
            "/bin/bash",
            [
                "-c", "ulimit -f 62; exec \"$0\" render \"$1\" --format all --out \"$2\" --force", juesuan,
                Self.sample, out.path,
            ])
        #expect(again.status == 2)
        #expect(try Self.names(out) == ["md", "txt"].map { RenderAndValidateTests.baseName + "." + $0 })
        #expect(
            try Data(contentsOf: out.appendingPathComponent(RenderAndValidateTests.baseName + ".txt")) == Data("旧".utf8)
        )
        #expect(try Data(contentsOf: out.appendingPathComponent(RenderAndValidateTests.baseName + ".md")) == before[0])
    }

    // Row 3: a 222-byte department name failed because the temporary name ("." + name + ".<pid>.tmp") passed 255
    // bytes although the final name was legal. A name too long for the final names is refused before rendering.
    @Test func longDepartmentNamesAreWrittenOrRefusedUpFront() throws {
        let directory = try RenderAndValidateTests.scratch("render-long")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let legal = String(repeating: "部", count: 74)  // 222 bytes: `<name>-2024-部门决算.docx` is 245
        let fits = try runJueSuan([
            "render", try Self.department(named: legal, in: directory, file: "legal.json"), "--format", "all", "--out",
            out.path,
        ])
        #expect(fits.status == 0, "\(fits.stderr)")
        #expect(try Self.names(out).count == 5)
        let input = try Self.department(named: String(repeating: "部", count: 80), in: directory, file: "long.json")
        let refused = try runJueSuan(["render", input, "--format", "all", "--out", out.path])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.hasPrefix(
                "\(input)：$.department.name：无法按部门名称和年度命名输出文件（请缩短部门名称）：文件名有 262 字节，超过文件系统允许的 255 字节："))
        #expect(try Self.names(out).count == 5)
    }

    // Row 4: `.<report>.<pid>.tmp` files of a killed render stayed for ever. The next render into the directory
    // removes what a dead run left (and only that).
    @Test func theNextRenderClearsWhatAKilledOneLeft() throws {
        let out = try RenderAndValidateTests.scratch("render-leftovers")
        defer { try? FileManager.default.removeItem(at: out) }
        let leftovers = [
            ".\(RenderAndValidateTests.baseName).docx.4194304.tmp", ".juesuan-4194304-k3-7.tmp",
            ".summary.html.4194304.tmp",
        ]
        for name in leftovers + ["notes.txt"] { try Data("x".utf8).write(to: out.appendingPathComponent(name)) }
        let result = try runJueSuan(["render", Self.sample, "--out", out.path])
        #expect(result.status == 0)
        #expect(try Self.names(out) == ["notes.txt", RenderAndValidateTests.baseName + ".txt"])
    }

    // Rows 12 and 13 in a batch: `甲/乙局` and `甲_乙局` had one file name (the second was refused as the same
    // department), and a department that failed on a too-long name kept some of its formats.
    @Test func batchDepartmentsGetDistinctNamesAndAllOrNoneOfTheirFormats() throws {
        let directory = try RenderAndValidateTests.scratch("batch-names")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try Self.department(named: "甲/乙局", in: input, file: "a.json")
        _ = try Self.department(named: "甲_乙局", in: input, file: "b.json")
        // 76 × 3 bytes: `<name>-2024-部门决算.txt` is 250 bytes, `….html` and `…-审核结果.html` are longer than 255.
        _ = try Self.department(named: String(repeating: "部", count: 76), in: input, file: "c.json")
        let out = directory.appendingPathComponent("out")
        let result = try runJueSuan(["batch", input.path, "--out", out.path, "--format", "txt,html"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("已生成 2 个（其中有警告 2 个），有致命问题 0 个，失败 1 个"))
        let names = try Self.names(out)
        #expect(names.contains("甲%2F乙局-2024-部门决算.html"))
        #expect(names.contains("甲_乙局-2024-部门决算.html"))
        #expect(!names.contains { $0.hasPrefix("部部部") })
        #expect(!names.contains { $0.hasPrefix(".") })
        #expect(names.contains("c-审核结果.html"))
        let page = try String(contentsOf: out.appendingPathComponent("c-审核结果.html"), encoding: .utf8)
        #expect(page.contains("$.department.name：无法按部门名称和年度命名输出文件（请缩短部门名称）"))
    }

    // Row 8: `batch X --out X` read its own summary.json as a department on the second run.
    @Test func theOutputDirectoryCannotBeAnInputDirectory() throws {
        let directory = try RenderAndValidateTests.scratch("batch-same")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.sample, toPath: directory.appendingPathComponent("s0.json").path)
        let result = try runJueSuan(["batch", directory.path, "--out", directory.path + "/."])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("juesuan batch：输出目录不能是输入目录 \(directory.path)："))
        #expect(try Self.names(directory) == ["s0.json"])
        // A directory inside the input is skipped as input: two runs give the same result.
        let out = directory.appendingPathComponent("out").path
        let first = try runJueSuan(["batch", directory.path, "--out", out, "--format", "json"])
        let second = try runJueSuan(["batch", directory.path, "--out", out, "--format", "json"])
        #expect(first.status == 0 && second.status == 0, "\(second.stderr)")
    }

    // Row 4 for a batch killed with SIGKILL at some point of its run: the next run into the directory leaves no
    // temporary file and every department complete.
    @Test(.timeLimit(.minutes(2))) func aKilledBatchIsCleanedUpByTheNextRun() throws {
        let directory = try RenderAndValidateTests.scratch("batch-killed")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in").path
        let out = directory.appendingPathComponent("out").path
        #expect(try runJueSuan(["sample", "--count", "24", "--out", input]).status == 0)
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("juesuan")
        process.arguments = ["batch", input, "--out", out, "--format", "docx,xlsx", "--jobs", "2"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let rerun = try runJueSuan(["batch", input, "--out", out, "--format", "docx,xlsx", "--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let names = try Self.names(URL(fileURLWithPath: out))
        #expect(!names.contains { $0.hasPrefix(".") }, "\(names.filter { $0.hasPrefix(".") })")
        #expect(names.filter { $0.hasSuffix("-部门决算.docx") }.count == 24)
        #expect(names.filter { $0.hasSuffix("-部门决算.xlsx") }.count == 24)
    }
}
