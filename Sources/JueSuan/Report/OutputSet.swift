import Foundation
import Synchronization

/// Why files could not be written (exit status 2 for `render`, a failed department for `batch`).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// In Chinese, naming the file and the reason.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Files written into one directory all or nothing: a report's formats, a batch department's reports, a summary.
///
/// Each file is first written whole to a temporary file in the directory (`stage`); `commit` then renames every one
/// into place. If a rename fails, the files already renamed are taken back (the files they replaced restored from
/// hard links made before), so the directory holds all the new files or none of them, and never a half-written
/// one. Temporary names are short and do not depend on the final names, so a final name that is legal never fails
/// for a temporary name that is too long.
///
/// A run that is killed leaves its temporary files behind, and if it was killed while renaming, a journal of the
/// renames. `recover(in:)`, called by every run before it writes into a directory, finishes such a commit (the new
/// files were all complete) and removes every other file a dead run left, so a killed run's set ends up whole too.
public struct OutputSet: Sendable {
    public let directory: URL
    private var staged: [(temporary: String, name: String)] = []

    public init(directory: URL) {
        self.directory = directory
    }

    /// The names staged so far, in order.
    public var names: [String] { staged.map(\.name) }

    // MARK: Names

    /// Bytes in a file name, at most (NAME_MAX of Linux, APFS, NTFS in UTF-16 units is about the same for Chinese).
    public static let maximumNameBytes = 255

    /// Why `name` cannot be a file name in `directory` (in Chinese), or nil: empty, `.` or `..`, a `/` or NUL, more
    /// than 255 bytes, or a path longer than the system allows.
    public static func problem(withName name: String, in directory: URL) -> String? {
        let bytes = name.utf8.count
        if name.isEmpty || name == "." || name == ".." || name.utf8.contains(UInt8(ascii: "/")) || name.utf8.contains(0)
        {
            return "文件名“\(name)”无效"
        }
        if bytes > maximumNameBytes {
            return "文件名有 \(bytes) 字节，超过文件系统允许的 \(maximumNameBytes) 字节：\(name)"
        }
        let path = directory.appendingPathComponent(name).path
        if path.utf8.count >= Int(PATH_MAX) {
            return "路径有 \(path.utf8.count) 字节，超过系统允许的 \(Int(PATH_MAX) - 1) 字节：\(path)"
        }
        return nil
    }

    // MARK: Writing

    /// Writes `bytes` to a new temporary file, to be put in place as `name` by `commit`.
    public mutating func stage(_ bytes: [UInt8], as name: String) throws(OutputError) {
        if let problem = Self.problem(withName: name, in: directory) { throw OutputError(problem) }
        let temporary = Self.temporaryName(kind: "tmp")
        do {
            try Self.write(bytes, to: directory.appendingPathComponent(temporary).path)
        } catch {
            discard()
            throw OutputError("无法写入 \(directory.appendingPathComponent(name).path)：\(error.message)")
        }
        staged.append((temporary, name))
    }

    /// Adds the files staged in `other` (same directory) to this set, to be put in place with it.
    public mutating func add(_ other: OutputSet) {
        precondition(other.directory == directory, "an output set writes into one directory")
        staged += other.staged
    }

    /// Removes the staged temporary files; nothing is put in place.
    public mutating func discard() {
        for (temporary, _) in staged { unlink(path(temporary)) }
        staged = []
    }

    /// Puts every staged file in place, or none: on failure the directory is as it was, and the error names the file
    /// that could not be put in place.
    public mutating func commit() throws(OutputError) {
        guard !staged.isEmpty else { return }
        defer { staged = [] }
        // The files about to be replaced, kept as hard links (or, where the file system has none, moved aside) so
        // that a failed commit can restore them.
        var backups: [String?] = []
        for (_, name) in staged {
            var status = stat()
            guard lstat(path(name), &status) == 0 else {
                backups.append(nil)
                continue
            }
            let backup = Self.temporaryName(kind: "tmp")
            let isFile = status.st_mode & S_IFMT == S_IFREG
            let kept = link(path(name), path(backup)) == 0 || (isFile && rename(path(name), path(backup)) == 0)
            backups.append(kept ? backup : nil)
        }
        func removeBackups() { for case let backup? in backups { unlink(path(backup)) } }
        let journal: String
        do {
            journal = try writeJournal()
        } catch {
            removeBackups()
            discard()
            throw error
        }
        for (index, (temporary, name)) in staged.enumerated() where rename(path(temporary), path(name)) != 0 {
            let reason = String(cString: strerror(errno))
            // Take back what is in place: restore a replaced file, remove a new one.
            for previous in 0..<index {
                if let backup = backups[previous] {
                    rename(path(backup), path(staged[previous].name))
                } else {
                    unlink(path(staged[previous].name))
                }
            }
            for later in index..<staged.count { unlink(path(staged[later].temporary)) }
            removeBackups()
            unlink(path(journal))
            throw OutputError("无法写入 \(path(name))：\(reason)")
        }
        unlink(path(journal))
        removeBackups()
    }

    /// Writes the renames about to be made (temporary → final, one pair a line, JSON) under a journal name, so that
    /// a run killed while renaming can be finished by the next one.
    private func writeJournal() throws(OutputError) -> String {
        let pairs = staged.map { [$0.temporary, $0.name] }
        guard let data = try? JSONSerialization.data(withJSONObject: pairs) else {
            throw OutputError("无法记录写入的文件")
        }
        let temporary = Self.temporaryName(kind: "tmp")
        let journal = Self.temporaryName(kind: "commit")
        do {
            try Self.write(Array(data), to: path(temporary))
        } catch {
            unlink(path(temporary))
            throw OutputError("无法写入 \(directory.path)：\(error.message)")
        }
        guard rename(path(temporary), path(journal)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path(temporary))
            throw OutputError("无法写入 \(directory.path)：\(reason)")
        }
        return journal
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes the whole of `bytes` to a new file at `path` (it must not exist).
    private static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(String(cString: strerror(errno))) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw OutputError(String(cString: strerror(failure)))
        }
    }

    // MARK: Temporary names and recovery

    /// `.juesuan-<pid>-<run>-<n>.<kind>`: which process made it, a token of the run (process ids are reused, and
    /// in a container every run may have the same one), and a counter.
    private static func temporaryName(kind: String) -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return ".juesuan-\(getpid())-\(runToken)-\(number).\(kind)"
    }

    private static let counter = Atomic<Int>(0)
    private static let runToken = String(UInt64.random(in: 1...UInt64.max), radix: 36)

    /// Finishes the commits that runs killed while renaming left in `directory` (their new files were complete) and
    /// removes every temporary file of a run that is gone. Files of runs still going are left alone, and so is
    /// everything else in the directory.
    public static func recover(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        let leftovers = names.filter(isLeftover).sorted()
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        // First the journals: each rename whose temporary file is still there is made, unless another run has
        // written that file since the journal was (then the newer file stays).
        for journal in leftovers where journal.hasSuffix(".commit") {
            var written = stat()
            if stat(path(journal), &written) == 0, let data = FileManager.default.contents(atPath: path(journal)),
                let pairs = try? JSONSerialization.jsonObject(with: data) as? [[String]]
            {
                for pair in pairs
                where pair.count == 2 && isOurs(pair[0]) && problem(withName: pair[1], in: directory) == nil {
                    var existing = stat()
                    let newer = stat(path(pair[1]), &existing) == 0 && existing.st_mtim.tv_sec > written.st_mtim.tv_sec
                    if !newer && access(path(pair[0]), F_OK) == 0 { rename(path(pair[0]), path(pair[1])) }
                }
            }
            unlink(path(journal))
        }
        for name in leftovers where !name.hasSuffix(".commit") { unlink(path(name)) }
    }

    /// A temporary file or journal of this program whose run is gone.
    private static func isLeftover(_ name: String) -> Bool {
        if isOurs(name) {
            let fields = name.dropFirst(".juesuan-".count).split(separator: "-", maxSplits: 2)
            guard fields.count == 3, let pid = pid_t(fields[0]) else { return false }
            if pid == getpid() { return fields[1] != runToken }
            return !isAlive(pid)
        }
        return isLegacyLeftover(name)
    }

    private static func isOurs(_ name: String) -> Bool {
        name.hasPrefix(".juesuan-") && !name.hasPrefix(".juesuan-batch-")
            && (name.hasSuffix(".tmp") || name.hasSuffix(".commit"))
    }

    /// Temporary files of earlier versions: `.juesuan-batch-<pid>-<index>.<kind>.tmp` and
    /// `.<report or summary file>.<pid>.tmp`, whose process is gone.
    private static func isLegacyLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let stem = name.dropFirst().dropLast(".tmp".count)
        if stem.hasPrefix("juesuan-batch-") {
            let pid = stem.dropFirst("juesuan-batch-".count).prefix { $0 != "-" }
            return pid_t(pid).map { !isAlive($0) } ?? false
        }
        guard let dot = stem.lastIndex(of: "."), let pid = pid_t(stem[stem.index(after: dot)...]) else { return false }
        let file = stem[..<dot]
        let ours = ["-部门决算.", "-审核结果.html", "summary."]
        guard ours.contains(where: { file.contains($0) }) else { return false }
        return !isAlive(pid)
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
