import Foundation

/// Naming and writing report files.
public enum OutputFiles {
    /// `<部门>-<年度>-部门决算`, with characters that file systems reject replaced by `_`.
    public static func baseName(department: String, year: Int) -> String {
        "\(safe(department))-\(year)-部门决算"
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

    /// Writes `bytes` to `url` (created or truncated) without waiting for the disk: for the temporary files of a
    /// batch, made durable all at once by `syncFileSystem` before they are renamed into place (one sync instead of
    /// one per file, which Foundation's `Data.write` does).
    public static func writeWithoutSync(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(url.path)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
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
