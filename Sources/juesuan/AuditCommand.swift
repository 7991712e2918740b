import Foundation
import JueSuan

enum AuditCommand: Command {
    static let name = "audit"
    static let summary = "审核已公开的部门决算报告（PDF 提取的文字或 Word 文档）：表格合计、表间一致、正文的每个数和百分比"
    static let synopsis = "juesuan audit FILE|DIR... [--format text|json|html] [--out DIR] [--info]"
    static let details = """
        FILE 是报告的文字（pdftotext -layout 或其他方式从 PDF 提取的 .txt，UTF-8）或 Word 文档（.docx）。程序找出报告的各部分、
        十张公开表和第三部分的每句话，检查程序生成报告时会计算的一切：表内合计（类 = Σ款 = Σ项）、表间等式、正文中的每个金额、占比、
        比上年增减和完成率、上年为 0 的写法、原因说明、第一部分人数、第三部分 九和自评表的算术。每条发现给出规则编号、严重程度、
        位置和文件中的行，所印的数、应为的数和计算方法。所印的数各自由元级数据四舍五入：在它们的舍入范围内可以得到的差额不是错误，
        列为提示（加 --info 列出）。无法可靠读出的内容列为“未能读取”，不会猜测。规则见 docs/AUDIT.md。
        DIR：审核目录（含子目录）中的每份报告（.txt、.docx），在 --out 目录（默认当前目录）写出每份报告的审核结果页和
        summary.html、summary.json（错误最多的在前）。
        --format html：把一份报告的审核结果写成网页（到标准输出，或给 --out 时写入该目录）。
        没有错误时退出状态为 0，有错误时为 1，用法错误或文件无法读取时为 2。
        """
    static let options: [OptionSpec] = [
        .value("format", "FMT", help: "text（默认）、json 或 html", short: "f"),
        .value("out", "DIR", help: "审核目录时写出汇总页的目录（默认当前目录）；html 格式的输出目录", short: "o"),
        .flag("info", help: "同时列出提示（舍入尾差等）"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        func usage(_ message: String) -> ExitStatus {
            console.err("juesuan audit：\(message)\n\n" + help)
            return .usage
        }
        guard !arguments.positionals.isEmpty else { return usage("缺少报告文件或目录") }
        let format = arguments.value("format") ?? "text"
        guard ["text", "json", "html"].contains(format) else {
            return usage("--format 只能是 text、json 或 html，实际为“\(format)”")
        }
        var status = ExitStatus.ok
        var results: [AuditResult] = []
        for path in arguments.positionals {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                status = RenderCommand.worse(status, auditDirectory(path, arguments, console: console))
                continue
            }
            switch Auditor.audit(path: path) {
            case .failure(let error):
                console.err(error.description + "\n")
                status = RenderCommand.worse(status, .usage)
            case .success(let result):
                if result.count(.fatal) > 0 { status = RenderCommand.worse(status, .findings) }
                results.append(result)
            }
        }
        guard !results.isEmpty else { return status }
        switch format {
        case "json":
            do {
                console.out(String(decoding: try AuditPages.json(results), as: UTF8.self))
            } catch {
                console.err("juesuan audit：无法写出 JSON：\(error)\n")
                return .usage
            }
        case "html":
            guard let out = arguments.value("out") else {
                guard results.count == 1 else { return usage("多份报告的网页请用 --out DIR 写入目录") }
                console.out(AuditPages.html(results[0]))
                return status
            }
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for result in results {
                    let name =
                        ((result.report.file.name as NSString).lastPathComponent as NSString)
                        .deletingPathExtension + "-审核结果.html"
                    let url = URL(fileURLWithPath: out).appendingPathComponent(name)
                    try OutputFiles.writeAtomically(Array(AuditPages.html(result).utf8), to: url)
                    console.err("已生成 \(url.path)\n")
                }
            } catch {
                console.err("juesuan audit：无法写入 \(out)：\(error.localizedDescription)\n")
                return .usage
            }
        default:
            for result in results { console.out(AuditPages.text(result, info: arguments.has("info"))) }
        }
        return status
    }

    /// `juesuan audit DIR`: every report in the directory, a page each and the summary.
    private static func auditDirectory(_ path: String, _ arguments: ParsedArguments, console: Console) -> ExitStatus {
        let out = URL(fileURLWithPath: arguments.value("out") ?? ".")
        let files = AuditPages.reportFiles(in: path, excluding: out)
        guard !files.isEmpty else {
            console.err("juesuan audit：目录 \(path) 中没有报告文件（.txt、.docx）\n")
            return .usage
        }
        let entries: [AuditEntry]
        do {
            entries = try AuditPages.auditDirectory(files, out: out)
        } catch {
            console.err("juesuan audit：无法写入 \(out.path)：\(error.localizedDescription)\n")
            return .usage
        }
        for entry in entries {
            switch entry.result {
            case .failure(let error): console.out("\(entry.file)：无法读取：\(error.message)\n")
            case .success(let result): console.out("\(entry.file)：\(AuditPages.counts(result))\n")
            }
        }
        console.out(AuditPages.summaryCounts(entries) + "。\n")
        console.err("已生成 \(out.appendingPathComponent("summary.html").path)\n")
        let failed = entries.contains { entry in
            switch entry.result {
            case .failure: return true
            case .success(let result): return result.count(.fatal) > 0
            }
        }
        return failed ? .findings : .ok
    }
}
