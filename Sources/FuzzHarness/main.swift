// fuzz-harness: mutates the sample departments, the standard templates and their markup, runs the built `juesuan`
// on each case with a time limit, and reports crashes (a signal or an odd exit status), hangs (the time limit),
// error messages without a location, raw control characters in messages, temporary files left behind, reports
// written in part, a batch without its summary, and peak memory over a limit.
//
//     swift build && .build/debug/fuzz-harness --seconds 60 --seed 1            (what CI runs)
//     swift build -c release && .build/release/fuzz-harness --cases 100000 --seed 7
//     .build/release/fuzz-harness --seed 7 --case 4711                          (one case again, kept)
//
// Case i of seed s depends on nothing else, so a finding is reproduced by its seed and number. A failing case is
// copied to --keep DIR (default .build/fuzz-findings) with the command lines and what was wrong.
import Foundation
import JueSuan
import Synchronization

/// Prints at once (unbuffered), so that lines of the worker threads do not interleave.
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

func fail(_ text: String) -> Never {
    FileHandle.standardError.write(Data("fuzz-harness：\(text)\n".utf8))
    exit(2)
}

struct Options: Sendable {
    var seconds: Double?
    var cases: Int?
    var seed: UInt64 = 1
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var timeout = 20.0
    var memoryMB = 2_048.0
    var root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("juesuan").path
    var keep = URL(fileURLWithPath: ".build/fuzz-findings")
    var only: Int?

    static let usage = """
        用法：fuzz-harness [--seconds N | --cases N] [--seed S] [--jobs N] [--timeout 秒] [--memory MB]
                           [--root 源码目录] [--juesuan 程序] [--keep 目录] [--case I]
        变异样例部门、标准模板和标记，运行 juesuan，报告崩溃、超时、没有位置的错误信息等。默认 --seconds 60 --seed 1。
        """

    init(_ arguments: [String]) {
        var rest = arguments
        while !rest.isEmpty {
            let option = rest.removeFirst()
            func value() -> String {
                guard !rest.isEmpty else { fail("\(option) 缺少值\n\(Options.usage)") }
                return rest.removeFirst()
            }
            func number<T: LosslessStringConvertible>(_: T.Type) -> T {
                let text = value()
                guard let parsed = T(text) else { fail("\(option) 的值“\(text)”无效") }
                return parsed
            }
            switch option {
            case "--seconds": seconds = number(Double.self)
            case "--cases": cases = number(Int.self)
            case "--seed": seed = number(UInt64.self)
            case "--jobs": jobs = max(1, number(Int.self))
            case "--timeout": timeout = number(Double.self)
            case "--memory": memoryMB = number(Double.self)
            case "--root": root = URL(fileURLWithPath: value())
            case "--juesuan": binary = value()
            case "--keep": keep = URL(fileURLWithPath: value())
            case "--case": only = number(Int.self)
            case "--help", "-h":
                say(Options.usage)
                exit(0)
            default: fail("未知选项 \(option)\n\(Options.usage)")
            }
        }
        if seconds == nil && cases == nil { seconds = 60 }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
guard FileManager.default.isExecutableFile(atPath: options.binary) else {
    fail("找不到 \(options.binary)；先运行 swift build（或 swift build -c release），或用 --juesuan 指定")
}
let corpus: Corpus
do {
    corpus = try Corpus(root: options.root)
} catch {
    fail("\(error)")
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-fuzz-\(getpid())")
try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

/// Makes and runs cases; shared by the worker threads.
final class Harness: Sendable {
    let options: Options
    let corpus: Corpus
    let work: URL
    let tally = Mutex(Tally())

    init(options: Options, corpus: Corpus, work: URL) {
        self.options = options
        self.corpus = corpus
        self.work = work
    }

    /// The generator of case `index`: depends on the seed and the index only.
    func generator(_ index: Int) -> SplitMix64 {
        var random = SplitMix64(state: options.seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) &* 0xBF58_476D_1CE4_E5B9)
        _ = random.next()
        return random
    }

    /// The kind of case `index`, by weight.
    func kind(_ random: inout SplitMix64) -> any CaseKind {
        let total = caseKinds.reduce(0) { $0 + $1.weight }
        var ticket = random.int(0...(total - 1))
        for kind in caseKinds {
            if ticket < kind.weight { return kind }
            ticket -= kind.weight
        }
        return caseKinds[0]
    }

    struct Tally: Sendable {
        var cases = 0
        var runs = 0
        var byKind: [String: Int] = [:]
        var findings: [Finding.Kind: Int] = [:]
        var slowest = (seconds: 0.0, index: 0)
    }

    /// Makes and runs case `index`; returns its findings (the case is kept on disk when there are any).
    func runCase(_ index: Int, verbose: Bool) -> [Finding] {
        var random = generator(index)
        let caseKind = kind(&random)
        let directory = work.appendingPathComponent("case-\(index)")
        try? FileManager.default.removeItem(at: directory)
        let invocations: [Invocation]
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            invocations = try caseKind.make(&random, corpus: corpus, in: directory)
        } catch {
            fail("无法生成第 \(index) 个用例：\(error)")
        }
        var findings: [Finding] = []
        var log: [String] = []
        for invocation in invocations {
            let outcome = run(options.binary, invocation.arguments, in: directory, timeout: options.timeout)
            let found = judge(outcome, invocation, memoryLimitMB: options.memoryMB)
            findings += found
            log.append(
                "$ juesuan " + invocation.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))
            log.append(
                String(
                    format: "退出状态 %@，%.2f 秒，峰值 %.0f MB", outcome.status.map(String.init) ?? "-", outcome.seconds,
                    outcome.peakMB))
            if !outcome.stderr.isEmpty { log.append("标准错误：\n" + outcome.stderr.prefix(4_000)) }
            tally.withLock {
                $0.runs += 1
                if outcome.seconds > $0.slowest.seconds { $0.slowest = (outcome.seconds, index) }
            }
        }
        tally.withLock {
            $0.cases += 1
            $0.byKind[caseKind.name, default: 0] += 1
            for finding in findings { $0.findings[finding.kind, default: 0] += 1 }
        }
        if verbose {
            say("第 \(index) 个用例（\(caseKind.name)）：\(directory.path)")
            for line in log { say(line) }
        }
        if !findings.isEmpty {
            let kept = options.keep.appendingPathComponent("seed\(options.seed)-case\(index)-\(caseKind.name)")
            try? FileManager.default.removeItem(at: kept)
            try? FileManager.default.createDirectory(at: options.keep, withIntermediateDirectories: true)
            try? FileManager.default.copyItem(at: directory, to: kept)
            let report =
                (log + findings.map { "发现：\($0.kind.rawValue)：\($0.detail)" }
                + ["重现：fuzz-harness --seed \(options.seed) --case \(index)（路径指向运行时的临时目录，文件在本目录）"])
                .joined(separator: "\n")
            try? Data((report + "\n").utf8).write(to: kept.appendingPathComponent("FINDINGS.txt"))
            for finding in findings {
                say(
                    "发现 第 \(index) 个用例（\(caseKind.name)）\(finding.kind.rawValue)：\(finding.detail.prefix(200))  → \(kept.path)"
                )
            }
        }
        if !verbose { try? FileManager.default.removeItem(at: directory) }
        return findings
    }
}

let harness = Harness(options: options, corpus: corpus, work: work)
if let only = options.only {
    let findings = harness.runCase(only, verbose: true)
    for finding in findings { say("发现：\(finding.kind.rawValue)：\(finding.detail)") }
    exit(findings.isEmpty ? 0 : 1)
}

say(
    "fuzz-harness：种子 \(options.seed)，"
        + (options.cases.map { "\($0) 个用例" } ?? "") + (options.seconds.map { "最多 \(Int($0)) 秒" } ?? "")
        + "，\(options.jobs) 个并行，每次运行限时 \(Int(options.timeout)) 秒；程序 \(options.binary)")
let start = Date()
let next = Atomic<Int>(0)
let group = DispatchGroup()
for _ in 0..<options.jobs {
    group.enter()
    let thread = Thread {
        while true {
            if let seconds = options.seconds, Date().timeIntervalSince(start) >= seconds { break }
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if let cases = options.cases, index >= cases { break }
            _ = harness.runCase(index, verbose: false)
        }
        group.leave()
    }
    thread.stackSize = 8 << 20
    thread.start()
}
var lastReport = Date()
while group.wait(timeout: .now() + 1) == .timedOut {
    if Date().timeIntervalSince(lastReport) >= 60 {
        lastReport = Date()
        let (cases, found) = harness.tally.withLock { ($0.cases, $0.findings.values.reduce(0, +)) }
        say(String(format: "  已运行 %d 个用例，%.0f 秒，发现 %d 个问题", cases, Date().timeIntervalSince(start), found))
    }
}
try? FileManager.default.removeItem(at: work)

let final = harness.tally.withLock { $0 }
let elapsed = Date().timeIntervalSince(start)
let kinds = caseKinds.map { "\($0.name) \(final.byKind[$0.name, default: 0])" }.joined(separator: "，")
say(
    String(
        format: "fuzz-harness：%d 个用例（%@），%d 次运行，%.1f 秒（%.1f 个用例/秒）；最慢一次 %.2f 秒（第 %d 个）",
        final.cases, kinds, final.runs, elapsed, Double(final.cases) / max(elapsed, 0.001), final.slowest.seconds,
        final.slowest.index))
if final.findings.isEmpty {
    say("fuzz-harness：没有发现问题")
    exit(0)
}
for (kind, count) in final.findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
    say("fuzz-harness：\(kind.rawValue) \(count) 个")
}
say("fuzz-harness：失败的用例保存在 \(options.keep.path)")
exit(1)
