import Foundation
import Testing

/// `juesuan sample` as a process: the files it writes pass `check` and `validate`, are the same in every run (another
/// process, another hashing seed), a smaller count is a prefix of a larger one, and it refuses what it should.
@Suite struct SampleCommandTests {
    static func scratch(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "juesuan-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func files(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    @Test func writesValidFilesThatAreTheSameInEveryRun() throws {
        let root = try Self.scratch("sample")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("new/dir")
        let result = try runJueSuan(["sample", "--count", "3", "--seed", "9", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "已生成 3 个合成部门文件到 \(out.path)\n")
        let written = try Self.files(out)
        #expect(written.keys.sorted() == ["synthetic-0001.json", "synthetic-0002.json", "synthetic-0003.json"])
        let paths = written.keys.sorted().map { out.appendingPathComponent($0).path }
        let check = try runJueSuan(["check"] + paths)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.components(separatedBy: "：通过（").count == 4)
        #expect(check.stdout.contains("2024 年度）"))
        let validate = try runJueSuan(["validate"] + paths)
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.components(separatedBy: "：致命 0 项，").count == 4, "\(validate.stdout)")

        // Refuses to overwrite without --force, and leaves the files alone.
        let again = try runJueSuan(["sample", "--count", "3", "--seed", "9", "--out", out.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("synthetic-0001.json：文件已存在（加 --force 覆盖）"))
        #expect(try Self.files(out) == written)
        // With --force, another process writes the very same bytes.
        let forced = try runJueSuan(["sample", "--count", "3", "--seed", "9", "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.files(out) == written)

        // A larger count starts with the same files; another seed gives other files.
        let more = root.appendingPathComponent("more")
        #expect(try runJueSuan(["sample", "-n", "5", "--seed=9", "-o", more.path]).status == 0)
        let larger = try Self.files(more)
        #expect(larger.count == 5)
        for (name, bytes) in written { #expect(larger[name] == bytes, "\(name)") }
        let other = root.appendingPathComponent("other")
        #expect(try runJueSuan(["sample", "--count", "3", "--seed", "10", "--out", other.path]).status == 0)
        let otherFiles = try Self.files(other)
        #expect(otherFiles.keys.sorted() == written.keys.sorted())
        #expect(otherFiles["synthetic-0001.json"] != written["synthetic-0001.json"])

        // The files render.
        let render = try runJueSuan(["render", paths[0], "--out", "-"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains(" 2024 年度部门决算\n"))
    }

    @Test(arguments: ["0", "-3", "abc", "1.5", "100001"])
    func aBadCountIsAUsageError(count: String) throws {
        let root = try Self.scratch("sample-count")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runJueSuan(["sample", "--count", count, "--out", root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("juesuan sample：--count 应为 1 至 100000 之间的整数，实际为“\(count)”"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])
    }

    @Test func otherUsageErrors() throws {
        let root = try Self.scratch("sample-usage")
        defer { try? FileManager.default.removeItem(at: root) }
        let seed = try runJueSuan(["sample", "--count", "2", "--seed", "x1", "--out", root.path])
        #expect(seed.status == 2)
        #expect(seed.stderr.contains("--seed 应为非负整数"))
        let negativeSeed = try runJueSuan(["sample", "--count", "2", "--seed=-1", "--out", root.path])
        #expect(negativeSeed.status == 2)
        #expect(negativeSeed.stderr.contains("实际为“-1”"))
        let noOut = try runJueSuan(["sample", "--count", "2"])
        #expect(noOut.status == 2)
        #expect(noOut.stderr.contains("juesuan sample：缺少 --out DIR"))
        let noCount = try runJueSuan(["sample", "--out", root.path])
        #expect(noCount.status == 2)
        #expect(noCount.stderr.contains("juesuan sample：缺少 --count N"))
        let file = root.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let outIsFile = try runJueSuan(["sample", "--count", "2", "--out", file.path])
        #expect(outIsFile.status == 2)
        #expect(outIsFile.stderr.contains("--out 应为目录，\(file.path) 是一个文件"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["a-file"])
    }

    @Test func defaultSeedIsOne() throws {
        let root = try Self.scratch("sample-seed")
        defer { try? FileManager.default.removeItem(at: root) }
        let implicit = root.appendingPathComponent("implicit")
        let explicit = root.appendingPathComponent("explicit")
        #expect(try runJueSuan(["sample", "--count", "2", "--out", implicit.path]).status == 0)
        #expect(try runJueSuan(["sample", "--count", "2", "--seed", "1", "--out", explicit.path]).status == 0)
        #expect(try Self.files(implicit) == Self.files(explicit))
    }
}
