// Running `juesuan` on one case, with a time limit, and judging what it did.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One command of a case and what its output must look like.
struct Invocation: Sendable {
    enum Expectation: Sendable {
        /// Messages only.
        case messages
        /// `render` into a fresh directory with these extensions: all of them or none, nothing else.
        case render(out: URL, extensions: [String])
        /// `batch` into a fresh directory: a summary, every failed department's problems located.
        case batch(out: URL)
        /// `audit` or `import` of a published report: a refusal names the report (its findings carry their rule id
        /// and line; a file that is no report is named as a whole).
        case report(URL)
    }

    var arguments: [String]
    var expectation: Expectation
}

/// What a command did.
struct Outcome: Sendable {
    var status: Int32?
    var signal: Int32?
    var timedOut: Bool
    var stdout: Data
    var stderr: String
    var seconds: Double
    /// Peak resident memory in MB.
    var peakMB: Double
}

/// A problem the harness found.
struct Finding: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case crash = "崩溃（信号或异常退出状态）"
        case hang = "超时（可能是死循环）"
        case unlocated = "错误信息没有位置"
        case controlCharacter = "信息中有原样的控制字符"
        case leftover = "留下了临时文件"
        case partialOutput = "输出不完整（部分格式写入）"
        case missingSummary = "batch 没有写出汇总"
        case memory = "内存过大"
    }

    var kind: Kind
    var detail: String
}

/// Runs `binary arguments` with standard output and error in files of `directory`, killing it after `timeout`
/// seconds.
func run(_ binary: String, _ arguments: [String], in directory: URL, timeout: Double) -> Outcome {
    let outPath = directory.appendingPathComponent(".stdout").path
    let errPath = directory.appendingPathComponent(".stderr").path
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let start = Date()
    var pid: pid_t = 0
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else {
        return Outcome(
            status: nil, signal: nil, timedOut: false, stdout: Data(), stderr: "无法启动 \(binary)", seconds: 0, peakMB: 0)
    }
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    while true {
        let done = wait4(pid, &status, WNOHANG, &usage)
        if done == pid { break }
        if done < 0 && errno != EINTR { break }
        if Date().timeIntervalSince(start) > timeout && !timedOut {
            timedOut = true
            kill(pid, SIGKILL)
        }
        usleep(timedOut ? 1_000 : 2_000)
    }
    let seconds = Date().timeIntervalSince(start)
    let signaled = status & 0x7F
    #if os(Linux)
        let peakMB = Double(usage.ru_maxrss) / 1024
    #else
        let peakMB = Double(usage.ru_maxrss) / 1_048_576
    #endif
    let stdout = FileManager.default.contents(atPath: outPath) ?? Data()
    let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
    unlink(outPath)
    unlink(errPath)
    return Outcome(
        status: signaled == 0 ? (status >> 8) & 0xFF : nil, signal: signaled == 0 ? nil : signaled,
        timedOut: timedOut, stdout: stdout, stderr: stderr, seconds: seconds, peakMB: peakMB)
}

/// Where a message points: `file:line:column`, a markup line, a JSON path, a sheet and cell, a sheet of a workbook,
/// a rule id (a finding of the catalogue, whose place is its table, row and column), or a workbook that cannot be
/// read as a whole (its ZIP or XML damaged: the file is the place).
nonisolated(unsafe) let locationPattern =
    /[^\s:：]+:\d+:\d+|markup:\d+|\$(\.|\[|：)|[^\s!]+!\$?[A-Z]{1,3}\$?\d+|\.xlsx![^!:\n]+:|\[[A-Z]{1,3}-\d+\]|\.xlsx: 错误：无法读取工作簿/

func hasLocation(_ text: String) -> Bool { text.contains(locationPattern) }

/// What is wrong with `outcome` of `invocation`, if anything.
func judge(_ outcome: Outcome, _ invocation: Invocation, memoryLimitMB: Double) -> [Finding] {
    if outcome.timedOut {
        return [Finding(kind: .hang, detail: String(format: "%.1f 秒后仍未结束", outcome.seconds))]
    }
    if let signal = outcome.signal {
        return [Finding(kind: .crash, detail: "信号 \(signal)：\(outcome.stderr.prefix(300))")]
    }
    guard let status = outcome.status, (0...2).contains(status) else {
        return [
            Finding(
                kind: .crash, detail: "退出状态 \(outcome.status.map(String.init) ?? "?")：\(outcome.stderr.prefix(300))")
        ]
    }
    var findings: [Finding] = []
    if outcome.peakMB > memoryLimitMB {
        findings.append(Finding(kind: .memory, detail: String(format: "峰值 %.0f MB", outcome.peakMB)))
    }
    if let scalar = outcome.stderr.unicodeScalars.first(where: {
        $0 != "\n" && $0 != "\t" && $0.properties.generalCategory == .control
    }) {
        findings.append(
            Finding(kind: .controlCharacter, detail: "U+\(String(scalar.value, radix: 16, uppercase: true))"))
    }
    switch invocation.expectation {
    case .messages:
        // `validate` prints its findings on standard output.
        if status != 0 && !hasLocation(outcome.stderr + String(decoding: outcome.stdout, as: UTF8.self)) {
            findings.append(Finding(kind: .unlocated, detail: String(outcome.stderr.prefix(300))))
        }
    case .render(let out, let extensions):
        if status != 0 && !hasLocation(outcome.stderr) {
            findings.append(Finding(kind: .unlocated, detail: String(outcome.stderr.prefix(300))))
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        if let temporary = names.first(where: { $0.hasPrefix(".") }) {
            findings.append(Finding(kind: .leftover, detail: temporary))
        }
        let reports = names.filter { !$0.hasPrefix(".") }
        let complete =
            reports.count == extensions.count
            && extensions.allSatisfy { ext in reports.contains { $0.hasSuffix("." + ext) } }
        if status == 0 ? !complete : !reports.isEmpty {
            findings.append(
                Finding(kind: .partialOutput, detail: "退出状态 \(status)，写出 \(reports.sorted().joined(separator: "、"))"))
        }
    case .report(let file):
        let output = outcome.stderr + String(decoding: outcome.stdout, as: UTF8.self)
        if status != 0 && !hasLocation(output) && !output.contains(file.lastPathComponent) {
            findings.append(Finding(kind: .unlocated, detail: String(outcome.stderr.prefix(300))))
        }
    case .batch(let out):
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        if let temporary = names.first(where: { $0.hasPrefix(".") }) {
            findings.append(Finding(kind: .leftover, detail: temporary))
        }
        if status == 2 {
            if !hasLocation(outcome.stderr) && !outcome.stderr.contains("juesuan batch：") {
                findings.append(Finding(kind: .unlocated, detail: String(outcome.stderr.prefix(300))))
            }
            break
        }
        guard let data = FileManager.default.contents(atPath: out.appendingPathComponent("summary.json").path),
            let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let departments = summary["departments"] as? [[String: Any]]
        else {
            findings.append(Finding(kind: .missingSummary, detail: String(outcome.stderr.prefix(300))))
            break
        }
        for department in departments where department["status"] as? String == "failed" {
            let problems = department["problems"] as? [String] ?? []
            if problems.isEmpty || !problems.contains(where: hasLocation) {
                findings.append(
                    Finding(kind: .unlocated, detail: "summary.json：\(problems.joined(separator: " / ").prefix(300))"))
            }
        }
    }
    return findings
}
