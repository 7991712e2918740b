import Foundation

/// The result of running the built `juesuan` binary.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Where `swift build` put the products (the test bundle sits next to the `juesuan` binary).
let productsDirectory: URL = {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    // On Linux the test runner is `<products>/juesuanPackageTests.xctest`; on macOS it is inside the .xctest bundle.
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("juesuan").path),
        directory.path != "/"
    {
        directory = directory.deletingLastPathComponent()
    }
    return directory
}()

/// The package root (for Samples/, Templates/, ../shared).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs `juesuan` with `arguments`, optionally feeding `stdin`, in `directory` (default: the package root), with
/// `environment` (default: this process's).
func runJueSuan(
    _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment: [String: String]? = nil
) throws -> RunResult {
    try runProgram(
        productsDirectory.appendingPathComponent("juesuan").path, arguments, stdin: stdin, in: directory,
        environment: environment)
}

/// Runs the program at `path` with `arguments`, optionally feeding `stdin`, in `directory` (default: the package
/// root).
func runProgram(
    _ path: String, _ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
    environment: [String: String]? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.currentDirectoryURL = directory ?? packageRoot
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so that a large output cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}
