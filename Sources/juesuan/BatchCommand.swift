import Foundation
import JueSuan
import Synchronization

enum BatchCommand: Command {
    static let name = "batch"
    static let summary = "批量生成：一个目录（或多个文件）的所有部门，并行生成报告和汇总"
    static let synopsis =
        "juesuan batch DIR_OR_FILE... --out DIR [--format FMT] [--jobs N] [--templates NAME|DIR] [--prior DIR]"
    static let details = """
        目录中的 *.json 和 *.xlsx 工作簿（含子目录，跳过隐藏文件、~$ 锁文件和输出目录）和直接给出的文件，每个部门一份报告，并行生成（默认使用全部 CPU 核）。
        每个部门互不影响：读不了、有致命问题或生成失败的部门记入汇总，其他部门照常生成。
        报告文件名为“<部门>-<年度>-部门决算.<扩展名>”；同一部门和年度的文件出现两次时，按路径排在前面的生成，后面的记为失败。
        输出目录中另写：summary.html（各部门状态、致命和警告数、报告和审核结果的链接，以及各年度合计）、
        summary.csv、summary.json（同样的数字）和 summary.xlsx（合计表），每个部门一份“<部门>-<年度>-部门决算-审核结果.html”。
        FMT 同 render，默认 html,docx（网页稿和 Word 稿）。输出目录中已有的同名文件会被覆盖：同样的输入再运行一次，写出的内容逐字节相同。
        每个部门的报告和审核结果要么全部写入，要么一个也不写（不留临时文件）；被强行终止的运行留下的临时文件由下一次运行清理或完成。
        输出目录不能是输入目录本身（可以是其中的子目录，它不会被当作输入）。标准错误是终端时显示进度（完成数/总数、当前部门、已用时间、预计剩余），否则只在结束时输出一行。
        退出状态：0 全部生成；1 有部门有致命问题或失败；2 用法错误。
        """
    static let options: [OptionSpec] = [
        .value("out", "DIR", help: "输出目录（必填；不存在时创建）", short: "o"),
        .value(
            "format", "FMT", help: "输出格式：txt、md、html、docx、xlsx、pdf、json、all，可用逗号写多种（默认 html,docx）", short: "f"),
        .value("jobs", "N", help: "同时生成的部门数（默认为 CPU 核数）", short: "j"),
        .value("templates", "NAME|DIR", help: "内置模板集名称，或模板目录（可继承内置模板集）"),
        .value("prior", "DIR", help: "上年的部门文件目录：按部门名称和年度对应，填写的上年数与它计算的不同时给出警告"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        func usage(_ message: String) -> ExitStatus {
            console.err("juesuan batch：\(message)\n\n" + help)
            return .usage
        }
        guard !arguments.positionals.isEmpty else { return usage("缺少输入目录或文件") }
        guard let out = arguments.value("out"), !out.isEmpty else { return usage("缺少 --out DIR（输出目录）") }
        let formats: [OutputFormat]
        switch RenderCommand.parseFormats(arguments.value("format") ?? "html,docx") {
        case .success(let parsed): formats = parsed
        case .failure(let error): return usage(error.message)
        }
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = arguments.value("jobs") {
            guard let value = Int(text), (1...1024).contains(value) else {
                return usage("--jobs 应为 1 到 1024 之间的整数，实际为“\(text)”")
            }
            jobs = value
        }
        guard let templates = templates(arguments, console: console) else { return .usage }
        guard libreOfficeIfNeeded(formats, console: console) else { return .usage }

        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return usage("--out 应为目录，\(out) 是一个文件") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                console.err("juesuan batch：无法创建输出目录 \(out)：\(error.localizedDescription)\n")
                return .usage
            }
        }
        let output = URL(fileURLWithPath: out)
        let files: [String]
        do {
            files = try BatchRunner.inputFiles(arguments.positionals, excluding: output)
        } catch {
            console.err("juesuan batch：\(error.message)\n")
            return .usage
        }

        var runner = BatchRunner(formats: formats, output: output, jobs: jobs, templates: templates)
        switch priors(arguments, console: console) {
        case .success(let found): runner.priors = found
        case .failure(let status): return status
        }
        let meter = ProgressMeter(console: console, enabled: isatty(STDERR_FILENO) == 1)
        let summary = runner.run(files: files) { meter.show($0) }
        meter.clear()
        let seconds = String(format: "%.1f", summary.seconds)
        console.err(
            "juesuan batch：\(summary.countsLine)；用时 \(seconds) 秒；汇总见 "
                + output.appendingPathComponent("summary.html").path + "\n")
        for error in summary.errors { console.err("juesuan batch：\(error)\n") }
        return summary.succeeded ? .ok : .findings
    }
}

/// The progress line on a terminal: done/total, the department just finished, elapsed time and an estimate of the
/// rest, redrawn at most ten times a second.
final class ProgressMeter: Sendable {
    private let console: Console
    private let enabled: Bool
    private let lastDrawn = Mutex<Double>(-1)

    init(console: Console, enabled: Bool) {
        self.console = console
        self.enabled = enabled
    }

    func show(_ progress: BatchProgress) {
        guard enabled else { return }
        let draw = lastDrawn.withLock { last -> Bool in
            guard progress.done == progress.total || progress.elapsed - last >= 0.1 else { return false }
            last = progress.elapsed
            return true
        }
        guard draw else { return }
        let width = String(progress.total).count
        let done = String(repeating: " ", count: max(0, width - String(progress.done).count)) + String(progress.done)
        let remaining = progress.elapsed / Double(progress.done) * Double(progress.total - progress.done)
        let name = progress.current.count > 24 ? String(progress.current.prefix(23)) + "…" : progress.current
        console.errVerbatim(
            "\r[\(done)/\(progress.total)] \(Console.visible(name))  已用 \(Self.clock(progress.elapsed))  "
                + "预计剩余 \(Self.clock(remaining))\u{1B}[K")
    }

    func clear() {
        if enabled { console.errVerbatim("\r\u{1B}[K") }
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
