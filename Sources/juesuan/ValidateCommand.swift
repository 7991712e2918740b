import Foundation
import JueSuan

enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "检查部门数据：表内、表间、上年数、原因说明和表文一致（生成前的全部检查）"
    static let synopsis = "juesuan validate FILE... [--format text|json] [--templates NAME|DIR] [--prior FILE]"
    static let details = """
        按严重程度（致命、警告、提示）列出每个问题：规则编号、位置和说明。规则见 docs/RULES.md。
        FILE 可以是 JSON 文件或部门数据工作簿（.xlsx）；工作簿的问题指出工作表和单元格。
        没有致命问题时退出状态为 0，有致命问题时为 1，用法错误或文件无法读取时为 2。
        """
    static let options: [OptionSpec] = [
        .value("format", "FMT", help: "text（默认）或 json", short: "f"),
        .value("templates", "NAME|DIR", help: "用这个模板集（内置名称或目录）做表文一致检查（默认内置标准模板）"),
        .value("prior", "FILE", help: "上年的部门文件（或目录，按部门名称和年度对应）：填写的上年数与它计算的不同时给出警告"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard !arguments.positionals.isEmpty else {
            console.err("juesuan validate：缺少输入文件\n\n" + help)
            return .usage
        }
        let format = arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else {
            console.err("juesuan validate：--format 只能是 text 或 json，实际为“\(format)”\n\n" + help)
            return .usage
        }
        guard let templates = templates(arguments, console: console) else { return .usage }
        let priors: PriorFiles?
        switch self.priors(arguments, console: console) {
        case .success(let found): priors = found
        case .failure(let status): return status
        }
        var status = ExitStatus.ok
        var reports: [FileFindings] = []
        for path in arguments.positionals {
            switch InputLoader.loadDepartment(path: path) {
            case .failure(let error):
                console.err(error.description + "\n")
                status = RenderCommand.worse(status, .usage)
            case .success(var loaded):
                loaded.prior = priors?.prior(for: loaded.input)
                let input = loaded.input
                let checked = CheckedReport(loaded, templates: templates)
                var findings = checked.findings
                if let error = checked.renderError {
                    findings.insert(
                        Finding(
                            rule: "TPL", severity: .fatal, location: FindingLocation(place: "模板"),
                            message: error.description),
                        at: 0)
                }
                if findings.contains(where: { $0.severity == .fatal }) {
                    status = RenderCommand.worse(status, .findings)
                }
                reports.append(
                    FileFindings(file: path, department: input.department.name, year: input.year, findings: findings))
                if format == "text" {
                    let text = FindingsPrinter.text(findings, fileName: path)
                    console.out(text.isEmpty ? "\(path)：没有发现问题。\n" : text)
                    console.out(FindingsPrinter.summary(findings, fileName: path) + "\n")
                }
            }
        }
        if format == "json" {
            console.outVerbatim(FindingsPrinter.json(reports))
        }
        return status
    }
}
