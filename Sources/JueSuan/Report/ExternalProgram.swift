import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Programs juesuan uses where the user has them installed — LibreOffice to print a report as PDF, pdftotext to read
/// a published report's PDF — found on the PATH, run in a process group of their own with a time limit.
enum ExternalProgram {
    enum Failure: Error, Sendable, Equatable {
        /// The program could not be started, or failed; why.
        case failed(String)
        /// It did not finish within this many seconds (it was stopped).
        case timedOut(Int)
    }

    /// `name` in a directory of the PATH (or of `also`), nil when it is not installed.
    static func find(_ name: String, also: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + also where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A new directory of its own under the temporary directory (`prefix-XXXXXX`).
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        var template = Array(
            FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    /// Runs `arguments` in a process group of its own with output to `log`; stops the whole group when it runs
    /// longer than `timeout` seconds. Returns the exit status.
    static func run(_ arguments: [String], environment: [String: String], log: URL, timeout: Int)
        throws(Failure) -> Int32
    {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw .failed(String(cString: strerror(spawned))) }
        let deadline = Date().addingTimeInterval(Double(timeout))
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { throw .failed(String(cString: strerror(errno))) }
            if Date() > deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw .timedOut(timeout)
            }
            usleep(20_000)
        }
        // Anything the program left running in its group (it should have ended with it).
        kill(-pid, SIGKILL)
        return (status >> 8) & 0xFF
    }
}
