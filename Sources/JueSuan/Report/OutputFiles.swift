import Foundation

/// Naming and writing report files.
public enum OutputFiles {
    /// `<部门>-<年度>-部门决算` (or the template set's `fileName`, such as `单位决算`). Characters that file systems
    /// reject or treat specially (`/ \ : * ? " < > |`, control characters, a leading `.`) are written as `%XX` per
    /// UTF-8 byte, and so is `%` itself: two different departments never get one name (`甲/乙局` → `甲%2F乙局`, while
    /// `甲_乙局` stays as it is).
    public static func baseName(department: String, year: Int, kind: String = "部门决算") -> String {
        "\(fileNameText(department))-\(year)-\(fileNameText(kind))"
    }

    /// `<部门>-<年度>-决算数据`: the department's data file (workbook or JSON) written by `juesuan workbook`, its
    /// name made safe as `baseName`'s.
    public static func workbookBaseName(department: String, year: Int) -> String {
        "\(fileNameText(department))-\(year)-决算数据"
    }

    /// `text` with the characters a file name cannot hold written as `%XX` (see `baseName`).
    static func fileNameText(_ text: String) -> String {
        func needsEncoding(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "%": return true
            default: return scalar.properties.generalCategory == .control
            }
        }
        let scalars = text.unicodeScalars
        guard scalars.contains(where: needsEncoding) || scalars.first == "." else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard needsEncoding(scalar) || (index == 0 && scalar == ".") else {
                result.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 {
                result.append(
                    contentsOf: "%\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true))".unicodeScalars)
            }
        }
        return String(result)
    }

    /// Why the files `baseName` + each suffix cannot be written into `directory` (too long, not a valid name), in
    /// Chinese for a clerk, or nil. Checked before anything is rendered or written.
    public static func nameProblem(baseName: String, suffixes: [String], in directory: URL) -> String? {
        for suffix in suffixes {
            if let problem = OutputSet.problem(withName: baseName + suffix, in: directory) {
                return "$.department.name：无法按部门名称和年度命名输出文件（请缩短部门名称）：\(problem)"
            }
        }
        return nil
    }

    /// Writes `bytes` to `url` all or nothing (see `OutputSet`): `url` is either the old file or the complete new
    /// one — never a truncated one — and no temporary file is left.
    public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws(OutputError) {
        var set = OutputSet(directory: url.deletingLastPathComponent())
        try set.stage(bytes, as: url.lastPathComponent)
        try set.commit()
    }

    /// Makes everything written so far to the file system of `directory` durable (Linux: `syncfs`; elsewhere
    /// `sync`).
    public static func syncFileSystem(containing directory: URL) {
        #if os(Linux)
            let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                _ = linuxSyncfs(descriptor)
                close(descriptor)
                return
            }
        #endif
        sync()
    }
}

#if os(Linux)
    /// `syncfs(2)`: glibc has it, but its header declares it only for `_GNU_SOURCE`, which Swift's Glibc module
    /// does not define.
    @_silgen_name("syncfs")
    private func linuxSyncfs(_ descriptor: Int32) -> Int32
#endif
