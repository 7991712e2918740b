import Foundation
import Mustache

// The audit's outputs: plain text for the terminal, JSON for other systems, an HTML page per report (from the
// template `audit/report`), and for a directory of reports a summary page (`audit/summary`, worst first) with the
// same style as `juesuan batch`'s summary.

/// The audit of one file of a directory: its result, or why it could not be read.
public struct AuditEntry: Sendable {
    public let file: String
    public let result: Result<AuditResult, ReportReadError>
    /// The report's page in the output directory.
    public var page: String?

    public init(file: String, result: Result<AuditResult, ReportReadError>) {
        self.file = file
        self.result = result
    }

    var errors: Int { (try? result.get())?.count(.fatal) ?? 0 }
    var warnings: Int { (try? result.get())?.count(.warning) ?? 0 }
}

public enum AuditPages {
    // MARK: Text

    /// `错误 5 项，警告 1 项，提示 12 项，未能读取 0 项`.
    public static func counts(_ result: AuditResult) -> String {
        "错误 \(result.count(.fatal)) 项，警告 \(result.count(.warning)) 项，提示 \(result.count(.info)) 项，未能读取 \(result.unread.count) 项"
    }

    /// `景德镇市人大办公室 2024 年度部门决算` (or `单位决算`, as the report's title says).
    static func title(_ report: PublishedReport) -> String {
        let name = report.department.isEmpty ? "（部门名称未读出）" : report.department
        return "\(name) \(report.year.map(String.init) ?? "") 年度\(report.kind)"
    }

    /// The audit for the terminal: the errors and warnings with their lines, the count of 提示 (listed with
    /// `info`), and what could not be read.
    public static func text(_ result: AuditResult, info: Bool = false) -> String {
        let file = result.report.file
        var lines = ["\(file.name)：\(title(result.report))——\(counts(result))"]
        for severity in Severity.allCases {
            let findings = result.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            if severity == .info && !info {
                lines.append("提示 \(findings.count) 项：在所印的数的舍入范围之内的尾差等，不是错误（加 --info 列出）")
                continue
            }
            lines.append("\(severity.auditChinese) \(findings.count) 项：")
            for finding in findings {
                let line = finding.line > 0 ? file.lineText(finding.line) + " " : ""
                lines.append("  [\(finding.rule)] \(line)\(finding.message)")
            }
        }
        if !result.unread.isEmpty {
            lines.append("未能读取 \(result.unread.count) 项（没有审核，请对照原报告核对）：")
            for item in result.unread {
                let line = item.line > 0 ? file.lineText(item.line) + " " : ""
                let text =
                    item.text.isEmpty
                    ? "" : "：\(ReportText.trimmed(item.text).replacingOccurrences(of: "\t", with: " "))"
                lines.append("  \(line)\(item.place)：\(item.reason)\(text)")
            }
        }
        if result.findings.isEmpty && result.unread.isEmpty { lines.append("没有发现问题。") }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    struct ReportJSON: Encodable {
        struct Counts: Encodable {
            let errors: Int
            let warnings: Int
            let info: Int
            let unread: Int
        }

        let file: String
        let department: String
        let year: Int?
        let counts: Counts
        let findings: [AuditFinding]
        let unread: [UnreadLine]

        init(_ result: AuditResult) {
            file = result.report.file.name
            department = result.report.department
            year = result.report.year
            counts = Counts(
                errors: result.count(.fatal), warnings: result.count(.warning), info: result.count(.info),
                unread: result.unread.count)
            findings = result.findings
            unread = result.unread
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The audits as JSON: one object for one report, an array for several.
    public static func json(_ results: [AuditResult]) throws -> [UInt8] {
        let encoder = encoder()
        var data =
            results.count == 1
            ? try encoder.encode(ReportJSON(results[0])) : try encoder.encode(results.map(ReportJSON.init))
        data.append(0x0A)
        return Array(data)
    }

    // MARK: HTML

    struct FindingRow: Encodable {
        let severity: String
        let state: String
        let rule: String
        let line: String
        let place: String
        let stated: String
        let expected: String
        let message: String
    }

    struct UnreadRow: Encodable {
        let line: String
        let place: String
        let reason: String
        let text: String
    }

    struct ReportPage: Encodable {
        let title: String
        let inBatch: Bool
        let department: String
        let year: String
        let file: String
        let status: String
        let state: String
        let counts: String
        let hasFindings: Bool
        let findings: [FindingRow]
        let hasUnread: Bool
        let unread: [UnreadRow]
    }

    /// The verdict: 有错误 / 有警告 / 没有发现问题, with its CSS class.
    static func status(_ result: AuditResult) -> (text: String, state: String) {
        if result.count(.fatal) > 0 { return ("有错误", "failed") }
        if result.count(.warning) > 0 || !result.unread.isEmpty { return ("有警告或未能读取的内容", "warning") }
        return ("没有发现错误", "ready")
    }

    /// A report's page.
    public static func html(_ result: AuditResult, inBatch: Bool = false, templates: ReportTemplates = .standard)
        -> String
    {
        let file = result.report.file
        let (status, state) = status(result)
        let page = ReportPage(
            title: "\(title(result.report)) 审核结果", inBatch: inBatch, department: result.report.department,
            year: result.report.year.map(String.init) ?? "", file: file.name, status: status, state: state,
            counts: counts(result), hasFindings: !result.findings.isEmpty,
            findings: result.findings.map { finding in
                FindingRow(
                    severity: finding.severity.auditChinese,
                    state: finding.severity == .fatal ? "failed" : finding.severity.rawValue,
                    rule: finding.rule, line: finding.line > 0 ? file.lineText(finding.line) : "", place: finding.place,
                    stated: finding.stated ?? "", expected: finding.expected ?? "", message: finding.message)
            }, hasUnread: !result.unread.isEmpty,
            unread: result.unread.map {
                UnreadRow(
                    line: $0.line > 0 ? file.lineText($0.line) : "", place: $0.place, reason: $0.reason,
                    text: ReportText.trimmed($0.text).replacingOccurrences(of: "\t", with: " "))
            })
        return SummaryPages.render("audit/report", page, templates: templates, escaping: .html)
    }

    // MARK: A directory of reports

    struct SummaryRow: Encodable {
        let number: String
        let department: String
        let year: String
        let status: String
        let state: String
        let errors: String
        let warnings: String
        let info: String
        let unread: String
        @Nullable var page: SummaryPages.Link?
        let file: String
        let problems: [String]
    }

    struct SummaryPage: Encodable {
        let title: String
        let counts: String
        let reports: [SummaryRow]
    }

    /// The entries, the worst first: unreadable, then by errors, then by warnings (ties in input order).
    static func ordered(_ entries: [AuditEntry]) -> [(number: Int, entry: AuditEntry)] {
        entries.enumerated().sorted { a, b in
            let (ea, eb) = (a.element, b.element)
            let failedA = (try? ea.result.get()) == nil
            let failedB = (try? eb.result.get()) == nil
            if failedA != failedB { return failedA }
            if ea.errors != eb.errors { return ea.errors > eb.errors }
            if ea.warnings != eb.warnings { return ea.warnings > eb.warnings }
            return a.offset < b.offset
        }.map { ($0.offset + 1, $0.element) }
    }

    /// `共 12 份报告：3 份有错误，2 份有警告，1 份无法读取`.
    public static func summaryCounts(_ entries: [AuditEntry]) -> String {
        let failed = entries.filter { (try? $0.result.get()) == nil }.count
        let errors = entries.filter { $0.errors > 0 }.count
        let warnings = entries.filter { $0.errors == 0 && $0.warnings > 0 }.count
        return
            "共 \(entries.count) 份报告：\(errors) 份有错误，\(warnings) 份只有警告，\(entries.count - failed - errors - warnings) 份没有发现错误和警告，\(failed) 份无法读取"
    }

    /// summary.html.
    public static func summaryHTML(_ entries: [AuditEntry], templates: ReportTemplates = .standard) -> String {
        let rows = ordered(entries).map { number, entry -> SummaryRow in
            switch entry.result {
            case .failure(let error):
                return SummaryRow(
                    number: String(number), department: "（无法读取）", year: "", status: "无法读取", state: "failed",
                    errors: "", warnings: "", info: "", unread: "", page: nil, file: entry.file,
                    problems: [error.message])
            case .success(let result):
                let (status, state) = status(result)
                let errors = result.findings.filter { $0.severity == .fatal }
                return SummaryRow(
                    number: String(number), department: result.report.department,
                    year: result.report.year.map(String.init) ?? "",
                    status: status, state: state == "failed" ? "fatal" : state, errors: String(result.count(.fatal)),
                    warnings: String(result.count(.warning)), info: String(result.count(.info)),
                    unread: String(result.unread.count),
                    page: entry.page.map { SummaryPages.Link(text: "审核结果", href: SummaryPages.href($0)) },
                    file: entry.file,
                    problems: Array(errors.prefix(3).map(\.message))
                        + (errors.count > 3 ? ["……共 \(errors.count) 条，见审核结果"] : []))
            }
        }
        let page = SummaryPage(title: "部门决算公开报告审核汇总", counts: summaryCounts(entries) + "。", reports: rows)
        return SummaryPages.render("audit/summary", page, templates: templates, escaping: .html)
    }

    struct SummaryJSON: Encodable {
        struct Entry: Encodable {
            let file: String
            let page: String?
            let problem: String?
            let report: ReportJSON?
        }

        let counts: String
        let reports: [Entry]
    }

    /// summary.json: every report in the summary's order with its findings.
    public static func summaryJSON(_ entries: [AuditEntry]) throws -> [UInt8] {
        let reports = ordered(entries).map { _, entry -> SummaryJSON.Entry in
            switch entry.result {
            case .failure(let error):
                return SummaryJSON.Entry(file: entry.file, page: nil, problem: error.message, report: nil)
            case .success(let result):
                return SummaryJSON.Entry(file: entry.file, page: entry.page, problem: nil, report: ReportJSON(result))
            }
        }
        var data = try encoder().encode(SummaryJSON(counts: summaryCounts(entries), reports: reports))
        data.append(0x0A)
        return Array(data)
    }

    /// The report files in `directory` (and below it): `.txt`, `.docx` and `.pdf` (unless its .txt or .docx is
    /// there too), hidden files and `~$` lock files left out, in path order.
    public static func reportFiles(in directory: String, excluding output: URL? = nil) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        let outputPath = output?.standardizedFileURL.path
        for case let url as URL in enumerator {
            if let outputPath,
                url.standardizedFileURL.path.hasPrefix(outputPath + "/") || url.standardizedFileURL.path == outputPath
            {
                enumerator.skipDescendants()
                continue
            }
            let name = url.lastPathComponent
            guard !name.hasPrefix("~$"), ["txt", "docx", "pdf"].contains(url.pathExtension.lowercased()),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : name
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        // A PDF whose text (.txt) or Word document lies beside it is read from those: one report once.
        let stems = Set(
            files.filter { !$0.lowercased().hasSuffix(".pdf") }.map { ($0 as NSString).deletingPathExtension })
        files.removeAll { $0.lowercased().hasSuffix(".pdf") && stems.contains(($0 as NSString).deletingPathExtension) }
        return files.sorted()
    }

    /// A report's page name in the output directory: `<部门>-<年度>-审核结果.html`, numbered when two reports would
    /// share it.
    static func pageName(_ result: AuditResult?, file: String, taken: inout Set<String>) -> String {
        var base: String
        if let result, !result.report.department.isEmpty {
            base = OutputFiles.fileNameText(
                "\(result.report.department)-\(result.report.year.map(String.init) ?? "")-审核结果")
        } else {
            base = OutputFiles.fileNameText(
                ((file as NSString).lastPathComponent as NSString).deletingPathExtension + "-审核结果")
        }
        var name = base + ".html"
        var counter = 2
        while taken.contains(name) {
            name = "\(base)-\(counter).html"
            counter += 1
        }
        taken.insert(name)
        return name
    }

    /// Audits every report in `files`, writes each report's page, summary.html and summary.json into `out`; the
    /// entries in input order.
    public static func auditDirectory(_ files: [String], out: URL, templates: ReportTemplates = .standard) throws
        -> [AuditEntry]
    {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var entries: [AuditEntry] = []
        var taken = Set(["summary.html", "summary.json"])
        for file in files {
            var entry = AuditEntry(file: file, result: Auditor.audit(path: file))
            if case .success(let result) = entry.result {
                let name = pageName(result, file: file, taken: &taken)
                try OutputFiles.writeAtomically(
                    Array(html(result, inBatch: true, templates: templates).utf8), to: out.appendingPathComponent(name))
                entry.page = name
            }
            entries.append(entry)
        }
        try OutputFiles.writeAtomically(
            Array(summaryHTML(entries, templates: templates).utf8), to: out.appendingPathComponent("summary.html"))
        try OutputFiles.writeAtomically(try summaryJSON(entries), to: out.appendingPathComponent("summary.json"))
        return entries
    }
}
