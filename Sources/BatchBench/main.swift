// batch-bench: the whole `juesuan batch` command on N synthetic departments, as a user runs it.
// `swift build -c release && .build/release/batch-bench [--count 1000] [--jobs N] [--format txt,html,docx,xlsx]`
// Writes the departments with `juesuan sample`, then times `juesuan batch` and reads its peak memory (the maximum
// resident set size the kernel reports for that process). Prints figures; asserts nothing.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints at once (unbuffered), so that the figures and the children's lines come out in order.
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

var count = 1000
var jobs = ProcessInfo.processInfo.activeProcessorCount
var formats = "txt,html,docx,xlsx"
var seed = "1"
var keep = false
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("batch-bench: \(option) needs a value\n".utf8))
            exit(2)
        }
        return arguments.removeFirst()
    }
    switch option {
    case "--count": count = Int(value()) ?? count
    case "--jobs": jobs = Int(value()) ?? jobs
    case "--format": formats = value()
    case "--seed": seed = value()
    case "--keep": keep = true
    default:
        FileHandle.standardError.write(
            Data("usage: batch-bench [--count N] [--jobs N] [--format FMT] [--seed S] [--keep]\n".utf8))
        exit(2)
    }
}

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    .appendingPathComponent("juesuan").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
    FileHandle.standardError.write(Data("batch-bench: \(binary) is missing; run `swift build -c release` first\n".utf8))
    exit(2)
}

/// Runs `juesuan arguments` with its standard error passed through; returns wall seconds and the child's resource use.
func measure(_ arguments: [String]) -> (seconds: Double, usage: rusage, status: Int32) {
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = Date()
    guard posix_spawn(&pid, binary, nil, nil, argv, environ) == 0 else {
        FileHandle.standardError.write(Data("batch-bench: cannot start \(binary)\n".utf8))
        exit(2)
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    return (Date().timeIntervalSince(start), usage, (status >> 8) & 0xFF)
}

func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

func directorySize(_ url: URL) -> (files: Int, bytes: Int) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    let bytes = names.reduce(0) { total, name in
        let size = (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(name).path)[.size])
        return total + ((size as? NSNumber)?.intValue ?? 0)
    }
    return (names.count, bytes)
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("batch-bench-\(getpid())")
let input = work.appendingPathComponent("departments")
let output = work.appendingPathComponent("out")
defer { if !keep { try? FileManager.default.removeItem(at: work) } }

say(
    "batch-bench：\(count) 个合成部门（种子 \(seed)），格式 \(formats)，\(jobs) 个并行任务，\(ProcessInfo.processInfo.activeProcessorCount) 个 CPU 核"
)
let sample = measure(["sample", "--count", String(count), "--seed", seed, "--out", input.path])
guard sample.status == 0 else { exit(1) }
let inputs = directorySize(input)
say(String(format: "生成输入     %7.2f s   %d 个文件，%.1f MB", sample.seconds, inputs.files, Double(inputs.bytes) / 1e6))

let batch = measure(["batch", input.path, "--out", output.path, "--format", formats, "--jobs", String(jobs)])
let outputs = directorySize(output)
let cpu = seconds(batch.usage.ru_utime) + seconds(batch.usage.ru_stime)
#if os(Linux)
    let peakMB = Double(batch.usage.ru_maxrss) / 1024  // KiB on Linux
#else
    let peakMB = Double(batch.usage.ru_maxrss) / 1_048_576  // bytes on macOS
#endif
say(String(format: "批量生成     %7.2f s   退出状态 %d", batch.seconds, batch.status))
say(String(format: "部门/秒      %7.1f", Double(count) / batch.seconds))
say(String(format: "CPU 时间     %7.2f s   （用户 + 系统；并行度 %.2f）", cpu, cpu / batch.seconds))
say(String(format: "峰值内存     %7.1f MB  （最大常驻内存）", peakMB))
say(String(format: "输出         %d 个文件，%.1f MB", outputs.files, Double(outputs.bytes) / 1e6))
say("目标（1,000 个部门 × txt、html、docx、xlsx，2 核）：≤ 10 s，≤ 500 MB")
if keep { say("文件保留在 \(work.path)") }
