// large-bench: time and peak memory of `juesuan render` on one large department, per format, at two sizes, to show
// that both grow linearly with the input and how many times the JSON text each format needs.
// `swift build -c release && .build/release/large-bench [--megabytes 50] [--sample Samples/s0-rendaban.json]`
// The department is the sample with its annex (free text and tables, what makes real files large) repeated until
// the file has the size asked for, and a tenth of it. Prints figures; asserts nothing.
import Foundation
import JueSuan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

var megabytes = 50.0
var samplePath = "Samples/s0-rendaban.json"
/// `--write FILE BYTES`: only write the department (in a process of its own, so that the memory it takes is not
/// counted for the `juesuan` processes this one starts: a child's peak includes its parent's at the fork).
var writeOnly: (path: String, bytes: Double)?
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    guard !arguments.isEmpty else {
        say("usage: large-bench [--megabytes N] [--sample FILE]")
        exit(2)
    }
    switch option {
    case "--megabytes": megabytes = Double(arguments.removeFirst()) ?? megabytes
    case "--sample": samplePath = arguments.removeFirst()
    case "--write" where arguments.count >= 2:
        writeOnly = (arguments.removeFirst(), Double(arguments.removeFirst()) ?? 0)
    default:
        say("usage: large-bench [--megabytes N] [--sample FILE]")
        exit(2)
    }
}

let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let binary = bench.deletingLastPathComponent().appendingPathComponent("juesuan").path

/// The sample with its annex repeated to about `bytes` bytes of JSON, written to `url`.
func writeDepartment(bytes: Double, to url: URL, sample samplePath: String) throws {
    guard case .success(let sample) = InputLoader.load(path: samplePath) else {
        say("large-bench: cannot read \(samplePath)")
        exit(2)
    }
    var input = sample
    let base = try InputLoader.encode(sample).count
    input.annex = []
    let annexBytes = try InputLoader.encode(input).count
    let perCopy = max(1, base - annexBytes)
    let copies = max(1, Int((bytes - Double(annexBytes)) / Double(perCopy)))
    input.annex = Array(Array(repeating: sample.annex, count: copies).joined())
    try InputLoader.encode(input).write(to: url)
}

if let writeOnly {
    try writeDepartment(bytes: writeOnly.bytes, to: URL(fileURLWithPath: writeOnly.path), sample: samplePath)
    exit(0)
}
guard FileManager.default.isExecutableFile(atPath: binary) else {
    say("large-bench: needs \(binary) (swift build -c release)")
    exit(2)
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("large-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

/// Runs `juesuan arguments`: wall seconds, peak resident memory in MB, exit status.
func measure(_ arguments: [String], program: String = binary) -> (seconds: Double, peakMB: Double, status: Int32) {
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return (0, 0, -1) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    #if os(Linux)
        let peak = Double(usage.ru_maxrss) / 1024
    #else
        let peak = Double(usage.ru_maxrss) / 1_048_576
    #endif
    return (Date().timeIntervalSince(start), peak, (status >> 8) & 0xFF)
}

/// Writes the department of about `bytes` bytes in a process of its own; returns the file and its size.
func department(bytes: Double, name: String, sample samplePath: String) -> (URL, Int) {
    let url = work.appendingPathComponent(name)
    _ = measure(["--sample", samplePath, "--write", url.path, String(bytes)], program: bench.path)
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
    guard size > 0 else {
        say("large-bench: cannot write \(url.path) from \(samplePath)")
        exit(2)
    }
    return (url, size)
}

let large = department(bytes: megabytes * 1_000_000, name: "large.json", sample: samplePath)
let small = department(bytes: megabytes * 100_000, name: "small.json", sample: samplePath)
say(
    "large-bench：\(samplePath) 的附件重复，"
        + String(format: "%.1f MB 与 %.1f MB 的部门文件；", Double(large.1) / 1e6, Double(small.1) / 1e6)
        + "\(ProcessInfo.processInfo.activeProcessorCount) 个 CPU 核；峰值为最大常驻内存（MiB），×JSON 为峰值与文件大小之比")
say("格式         大文件：秒    峰值 MB  ×JSON   小文件：秒  峰值 MB   10 倍输入的倍数：时间  内存（减去启动）")
let idle = measure(["--version"]).peakMB
for format in ["check", "txt", "md", "html", "docx", "xlsx", "json", "all"] {
    func run(_ file: URL) -> (seconds: Double, peakMB: Double, status: Int32) {
        let out = work.appendingPathComponent("out-\(format)")
        defer { try? FileManager.default.removeItem(at: out) }
        if format == "check" { return measure(["check", file.path]) }
        return measure(["render", file.path, "--format", format, "--out", out.path])
    }
    let big = run(large.0)
    let little = run(small.0)
    guard big.status == 0, little.status == 0 else {
        say("\(format)：退出状态 \(big.status) / \(little.status)")
        continue
    }
    let figures = String(
        format: "%10.2f %10.0f %6.1f %12.2f %9.0f %18.1f %10.1f", big.seconds, big.peakMB,
        big.peakMB * 1_048_576 / Double(large.1), little.seconds, little.peakMB, big.seconds / little.seconds,
        (big.peakMB - idle) / (little.peakMB - idle))
    say(format.padding(toLength: 8, withPad: " ", startingAt: 0) + figures)
}
