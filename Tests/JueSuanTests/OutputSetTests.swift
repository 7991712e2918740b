import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// Writing files all or nothing (issue 14, rows 3, 4, 12, 13 and deliverable 2).
@Suite struct OutputSetTests {
    /// A process id that no process has: above Linux's largest (2^22).
    static let deadProcess = "4194304"

    static func contents(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
            result[name] =
                isDirectory.boolValue
                ? "<dir>"
                : String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
        }
        return result
    }

    @Test func everyStagedFileIsPutInPlaceAndNoTemporaryIsLeft() throws {
        let directory = try outputDirectory("output-set-commit")
        var set = OutputSet(directory: directory)
        try set.stage(Array("甲".utf8), as: "a.txt")
        try set.stage(Array("乙".utf8), as: "b.html")
        // Staged files are not in place yet, and their temporary names do not depend on the final names.
        #expect(try Self.contents(directory).keys.allSatisfy { $0.hasPrefix(".juesuan-") && $0.hasSuffix(".tmp") })
        #expect(set.names == ["a.txt", "b.html"])
        try set.commit()
        #expect(try Self.contents(directory) == ["a.txt": "甲", "b.html": "乙"])
    }

    // A failed rename in the middle of a commit (here: a directory where the second file goes) takes back the first
    // file and restores the file it replaced: the directory is as it was.
    @Test func aFailedCommitLeavesTheDirectoryAsItWas() throws {
        let directory = try outputDirectory("output-set-rollback")
        try Data("旧的 a".utf8).write(to: directory.appendingPathComponent("a.txt"))
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("b.html"), withIntermediateDirectories: false)
        try Data("旧的 c".utf8).write(to: directory.appendingPathComponent("c.md"))
        let before = try Self.contents(directory)
        var set = OutputSet(directory: directory)
        try set.stage(Array("新的 a".utf8), as: "a.txt")
        try set.stage(Array("新的 b".utf8), as: "b.html")
        try set.stage(Array("新的 c".utf8), as: "c.md")
        #expect(throws: OutputError.self) { try set.commit() }
        #expect(try Self.contents(directory) == before)
        // A new file (none was there before) is removed again.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("a.txt"))
        var again = OutputSet(directory: directory)
        try again.stage(Array("新的 a".utf8), as: "a.txt")
        try again.stage(Array("新的 b".utf8), as: "b.html")
        do {
            try again.commit()
            Issue.record("the commit succeeded")
        } catch {
            #expect(error.message.hasPrefix("无法写入 \(directory.appendingPathComponent("b.html").path)："))
        }
        #expect(try Self.contents(directory) == ["b.html": "<dir>", "c.md": "旧的 c"])
    }

    @Test func namesThatCannotBeWrittenAreRefusedBeforeWriting() throws {
        let directory = try outputDirectory("output-set-names")
        #expect(OutputSet.problem(withName: String(repeating: "a", count: 255), in: directory) == nil)
        #expect(
            OutputSet.problem(withName: String(repeating: "甲", count: 86), in: directory)
                == "文件名有 258 字节，超过文件系统允许的 255 字节：" + String(repeating: "甲", count: 86))
        for name in ["", ".", "..", "a/b", "a\u{0}b"] {
            #expect(OutputSet.problem(withName: name, in: directory) == "文件名“\(name)”无效")
        }
        var set = OutputSet(directory: directory)
        #expect(throws: OutputError.self) { try set.stage([1], as: String(repeating: "b", count: 256)) }
        #expect(try Self.contents(directory).isEmpty)

        // Row 3: a 222-byte department name gives a legal file name (the temporary name no longer grows with it);
        // a longer one is refused for every file the run would write, naming the field to shorten.
        let legal = OutputFiles.baseName(department: String(repeating: "部", count: 74), year: 2024)
        #expect(OutputFiles.nameProblem(baseName: legal, suffixes: [".docx", ".xlsx", ".html"], in: directory) == nil)
        let long = OutputFiles.baseName(department: String(repeating: "部", count: 80), year: 2024)
        let problem = OutputFiles.nameProblem(baseName: long, suffixes: [".txt"], in: directory)
        #expect(problem?.hasPrefix("$.department.name：无法按部门名称和年度命名输出文件（请缩短部门名称）：文件名有 262 字节") == true)
    }

    // Row 12: `甲/乙局` and `甲_乙局` were both named `甲_乙局-…`, and the second was refused as the same department.
    @Test func departmentNamesMapToDistinctFileNames() {
        let names = ["甲/乙局", "甲_乙局", "甲%2F乙局", "甲:乙局", "甲\\乙局", "甲\u{1B}乙局", "甲\n乙局", ".甲局", "甲.局"]
        let files = names.map { OutputFiles.baseName(department: $0, year: 2024) }
        #expect(Set(files).count == names.count)
        #expect(
            files == [
                "甲%2F乙局-2024-部门决算", "甲_乙局-2024-部门决算", "甲%252F乙局-2024-部门决算", "甲%3A乙局-2024-部门决算",
                "甲%5C乙局-2024-部门决算", "甲%1B乙局-2024-部门决算", "甲%0A乙局-2024-部门决算", "%2E甲局-2024-部门决算",
                "甲.局-2024-部门决算",
            ])
        #expect(OutputFiles.baseName(department: "景德镇市人大办公室", year: 2024) == "景德镇市人大办公室-2024-部门决算")
    }

    // Rows 3 and 4: a run killed while renaming left some files new and some old, and its temporary files stayed for
    // ever. The next run into the directory finishes the commit from its journal and removes what the dead run left.
    @Test func theNextRunFinishesOrRemovesWhatAKilledRunLeft() throws {
        let directory = try outputDirectory("output-set-recover")
        let dead = Self.deadProcess
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        // Killed after renaming a.txt: b.html is still under its temporary name, listed in the journal.
        try write("a.txt", "新的 a")
        try write("b.html", "旧的 b")
        try write(".juesuan-\(dead)-x1-2.tmp", "新的 b")
        let journal = try JSONSerialization.data(withJSONObject: [
            [".juesuan-\(dead)-x1-1.tmp", "a.txt"], [".juesuan-\(dead)-x1-2.tmp", "b.html"],
        ])
        try journal.write(to: directory.appendingPathComponent(".juesuan-\(dead)-x1-3.commit"))
        // A half-written temporary file of a dead run, the backup link of one, and leftovers of earlier versions.
        try write(".juesuan-\(dead)-x1-4.tmp", "半")
        try write(".juesuan-batch-\(dead)-3.docx.tmp", "半")
        try write(".甲-2024-部门决算.txt.\(dead).tmp", "半")
        try write(".summary.html.\(dead).tmp", "半")
        // Left alone: a run that is still going (process 1 always exists), and files that are not ours.
        try write(".juesuan-1-x9-1.tmp", "进行中")
        try write(".notes.txt.\(dead).tmp", "用户的文件")
        try write("c.txt", "用户的文件")

        // A file another run wrote after the journal is newer than what the journal would put there: it stays.
        try write(".juesuan-\(dead)-x2-1.tmp", "被杀的运行的 d")
        let old = try JSONSerialization.data(withJSONObject: [[".juesuan-\(dead)-x2-1.tmp", "d.txt"]])
        try old.write(to: directory.appendingPathComponent(".juesuan-\(dead)-x2-2.commit"))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -60)],
            ofItemAtPath: directory.appendingPathComponent(".juesuan-\(dead)-x2-2.commit").path)
        try write("d.txt", "后来的运行写的 d")

        OutputSet.recover(in: directory)
        #expect(
            try Self.contents(directory) == [
                "d.txt": "后来的运行写的 d",
                "a.txt": "新的 a", "b.html": "新的 b", ".juesuan-1-x9-1.tmp": "进行中", ".notes.txt.\(dead).tmp": "用户的文件",
                "c.txt": "用户的文件",
            ])
    }

    // Single files (summaries, findings pages, synthetic departments) go through a set of one.
    @Test func writeAtomicallyLeavesNoTemporaryFile() throws {
        let directory = try outputDirectory("output-set-atomic")
        let target = directory.appendingPathComponent("summary.csv")
        try OutputFiles.writeAtomically(Array("一".utf8), to: target)
        try OutputFiles.writeAtomically(Array("二".utf8), to: target)
        #expect(try Self.contents(directory) == ["summary.csv": "二"])
        #expect(throws: OutputError.self) {
            try OutputFiles.writeAtomically([1], to: directory.appendingPathComponent("missing/x.txt"))
        }
        #expect(try Self.contents(directory) == ["summary.csv": "二"])
    }
}
