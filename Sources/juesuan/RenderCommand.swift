import Foundation
import JueSuan

enum RenderCommand: Command {
    static let name = "render"
    static let summary = "生成部门决算公开报告（txt、md、html、docx、xlsx、pdf、json）"
    static let synopsis =
        "juesuan render FILE... [--format FMT] [--out DIR] [--templates NAME|DIR] [--prior FILE] [--force]"
    static let details = """
        每个部门文件生成一份报告，文件名为“<部门>-<年度>-部门决算.<扩展名>”（模板集可改为“单位决算”等），写入 --out
        指定的目录（默认当前目录）；--out - 把报告写到标准输出（只限一个文件、一种文本格式）。
        FMT：txt（默认）、md、html、docx、xlsx、pdf（由 LibreOffice 把 Word 稿转成 PDF，需安装 LibreOffice）、
        json（计算结果，供其他系统使用）、markup（模板生成的文档标记，供模板作者调试），或 all（txt、md、html、docx、
        xlsx）；可用逗号写多种，如 --format txt,docx,pdf。
        --templates NAME 选内置模板集（standard、central、sichuan，见 juesuan templates）；--templates DIR 使用目录中的
        模板，其中的 report.mustache 可以继承内置模板并只替换个别块：{{<standard}}{{$s7}}…{{/s7}}{{/standard}}。
        模板或标记有错时，错误指向模板的行和列；--format markup 时仍写出生成的标记，便于对照。
        有致命问题的部门不生成报告（列出问题，退出状态 1）。已存在的文件不覆盖，除非加 --force。
        一个部门的各种格式要么全部写入，要么一个也不写（失败时原有文件保持不变，不留临时文件）；
        被强行终止的运行留下的临时文件，由下一次写入同一目录的运行清理或完成。
        """
    static let options: [OptionSpec] = [
        .value("format", "FMT", help: "输出格式：txt、md、html、docx、xlsx、pdf、json、markup、all（默认 txt）", short: "f"),
        .value("out", "DIR", help: "输出目录（默认当前目录）；- 表示标准输出", short: "o"),
        .value("templates", "NAME|DIR", help: "内置模板集名称，或模板目录（可继承内置模板集）"),
        .value("prior", "FILE", help: "上年的部门文件（或目录）：填写的上年数与它计算的不同时给出警告"),
        .flag("force", help: "覆盖已存在的输出文件"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard !arguments.positionals.isEmpty else {
            console.err("juesuan render：缺少输入文件\n\n" + help)
            return .usage
        }
        let formats: [OutputFormat]
        switch parseFormats(arguments.value("format") ?? "txt") {
        case .success(let parsed): formats = parsed
        case .failure(let error):
            console.err("juesuan render：\(error.message)\n\n" + help)
            return .usage
        }
        let out = arguments.value("out") ?? "."
        let toStdout = out == "-"
        if toStdout && (arguments.positionals.count != 1 || formats.count != 1 || !formats[0].isText) {
            console.err("juesuan render：--out - 只能用于一个输入文件和一种文本格式（txt、md、html、json、markup）\n")
            return .usage
        }
        guard let templates = templates(arguments, console: console) else { return .usage }
        guard libreOfficeIfNeeded(formats, console: console) else { return .usage }
        let priors: PriorFiles?
        switch self.priors(arguments, console: console) {
        case .success(let found): priors = found
        case .failure(let status): return status
        }
        if !toStdout {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                } catch {
                    console.err("juesuan render：无法创建输出目录 \(out)：\(error.localizedDescription)\n")
                    return .usage
                }
            } else if !isDirectory.boolValue {
                console.err("juesuan render：--out 应为目录，\(out) 是一个文件\n")
                return .usage
            }
            OutputSet.recover(in: URL(fileURLWithPath: out))
        }

        var status = ExitStatus.ok
        for path in arguments.positionals {
            let result = renderOne(
                path, formats: formats, templates: templates, priors: priors, out: toStdout ? nil : out,
                force: arguments.has("force"), console: console)
            status = worse(status, result)
        }
        return status
    }

    private static func renderOne(
        _ path: String, formats: [OutputFormat], templates: ReportTemplates, priors: PriorFiles?, out: String?,
        force: Bool,
        console: Console
    ) -> ExitStatus {
        var loaded: LoadedDepartment
        switch InputLoader.loadDepartment(path: path) {
        case .success(let department): loaded = department
        case .failure(let error):
            console.err(error.description + "\n")
            return .usage
        }
        loaded.prior = priors?.prior(for: loaded.input)
        let input = loaded.input
        let baseName = OutputFiles.baseName(
            department: input.department.name, year: input.year, kind: templates.set.fileName)
        if let out,
            let problem = OutputFiles.nameProblem(
                baseName: baseName, suffixes: formats.map { "." + $0.fileExtension }, in: URL(fileURLWithPath: out))
        {
            console.err("\(path)：\(problem)\n")
            return .usage
        }
        let checked = CheckedReport(loaded, templates: templates)
        if let error = checked.renderError {
            console.err("\(path)：\n\(error.description)\n")
            if formats.contains(.markup), let markup = error.markup {
                // The markup that does not parse, for the template author to read next to the errors.
                if let out {
                    let url = URL(fileURLWithPath: out).appendingPathComponent(baseName + ".markup")
                    if (try? OutputFiles.writeAtomically(Array(markup.utf8), to: url)) != nil {
                        console.err("已写出生成的标记 \(url.path)\n")
                    }
                } else {
                    console.outVerbatim(markup)
                }
            }
            return .findings
        }
        guard checked.fatal.isEmpty, let report = checked.rendered else {
            console.err(FindingsPrinter.text(checked.fatal, fileName: path))
            console.err("\(path)：有 \(checked.fatal.count) 个致命问题，未生成报告。\n")
            return .findings
        }
        // Everything is rendered in memory first, then written all or nothing: a failure leaves no file behind.
        var outputs: [(OutputFormat, [UInt8])] = []
        for format in formats {
            do {
                outputs.append((format, try report.bytes(format)))
            } catch {
                console.err("\(path)：无法生成 \(format.rawValue)：\(error)\n")
                return .findings
            }
        }
        guard let out else {
            console.outVerbatim(String(decoding: outputs[0].1, as: UTF8.self))
            return .ok
        }
        let directory = URL(fileURLWithPath: out)
        let targets = outputs.map { (baseName + "." + $0.0.fileExtension, $0.1) }
        if !force {
            let existing = targets.map { directory.appendingPathComponent($0.0).path }.filter {
                FileManager.default.fileExists(atPath: $0)
            }
            if !existing.isEmpty {
                for path in existing { console.err("\(path)：文件已存在（加 --force 覆盖）\n") }
                return .usage
            }
        }
        var set = OutputSet(directory: directory)
        do {
            for (name, bytes) in targets { try set.stage(bytes, as: name) }
            try set.commit()
        } catch {
            console.err("\(path)：\(error.message)；本部门的报告一个也未写入\n")
            return .usage
        }
        for (name, _) in targets { console.err("已生成 \(directory.appendingPathComponent(name).path)\n") }
        return .ok
    }

    struct FormatError: Error {
        let message: String
    }

    static func parseFormats(_ text: String) -> Result<[OutputFormat], FormatError> {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if part == "all" {
                formats += [.txt, .md, .html, .docx, .xlsx]
            } else if let format = OutputFormat(rawValue: part == "markdown" ? "md" : part) {
                formats.append(format)
            } else {
                return .failure(
                    FormatError(message: "未知格式“\(part)”（可用：txt、md、html、docx、xlsx、pdf、json、markup、all）"))
            }
        }
        var seen: Set<OutputFormat> = []
        formats = formats.filter { seen.insert($0).inserted }
        return formats.isEmpty ? .failure(FormatError(message: "--format 不能为空")) : .success(formats)
    }

    static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        a.rawValue >= b.rawValue ? a : b
    }
}
