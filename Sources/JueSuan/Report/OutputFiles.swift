import Foundation

/// Naming and writing report files.
public enum OutputFiles {
    /// `<部门>-<年度>-部门决算` (or the template set's `fileName`, such as `单位决算`), with characters that file
    /// systems reject replaced by `_`.
    public static func baseName(department: String, year: Int, kind: String = "部门决算") -> String {
        "\(safe(department))-\(year)-\(safe(kind))"
    }

    /// `<部门>-<年度>-决算数据`: the department's data file (workbook or JSON) written by `juesuan workbook`.
    public static func workbookBaseName(department: String, year: Int) -> String {
        "\(safe(department))-\(year)-决算数据"
    }

    /// `name` with characters that file systems reject replaced by `_`.
    static func safe(_ name: String) -> String {
        let unsafe: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\0"]
        return String(name.map { unsafe.contains($0) || $0.isNewline ? "_" : $0 })
    }

    /// Writes `bytes` to a temporary file next to `url` and renames it into place, so that `url` is either the old
    /// file or the complete new one — never a truncated one.
    public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
