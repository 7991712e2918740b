import Documents
import Foundation
import Mustache

/// The files of a batch summary: summary.html, .csv, .json, .xlsx and each department's findings page. The HTML and
/// the workbook come from the templates `summary/summary`, `summary/findings` and `summary/workbook` (standard ones
/// built in, replaceable with `--templates`); the figures are formatted here, once, for all of them.
public enum SummaryPages {
    // MARK: Views (strings only; templates place them)

    struct Link: Encodable, Sendable {
        let text: String
        let href: String
    }

    struct DepartmentRow: Encodable {
        let number: String
        let file: String
        let department: String
        let year: String
        let status: String
        /// CSS class: `failed`, `fatal`, `warning` or `ready`.
        let state: String
        let fatal: String
        let warnings: String
        let reports: [Link]
        @Nullable var findings: Link?
        let income: String
        let expenditure: String
        let problems: [String]
    }

    struct TotalRow: Encodable {
        let name: String
        let level: String
        /// The name indented with full-width spaces (for the workbook and plain text).
        let indentedName: String
        let unit: String
        let budget: String
        let actual: String
    }

    struct YearView: Encodable {
        let year: String
        let departments: String
        let excluded: String
        let hasExcluded: Bool
        let sheet: String
        let rows: [TotalRow]
    }

    struct SummaryView: Encodable {
        let title: String
        let counts: String
        let formats: String
        let departments: [DepartmentRow]
        let years: [YearView]
    }

    struct FindingRow: Encodable {
        let rule: String
        let severity: String
        let state: String
        let place: String
        let inputPath: String
        let message: String
    }

    struct FindingsView: Encodable {
        let title: String
        let file: String
        let department: String
        let year: String
        let status: String
        let state: String
        let problems: [String]
        let hasProblems: Bool
        let counts: String
        let hasFindings: Bool
        let findings: [FindingRow]
        let reports: [Link]
    }

    static let title = "部门决算批量生成汇总"

    static func href(_ name: String) -> String {
        name.addingPercentEncoding(
            withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: ";?#")))
            ?? name
    }

    static func formatName(_ format: OutputFormat) -> String {
        switch format {
        case .txt: return "文本"
        case .md: return "Markdown"
        case .html: return "网页"
        case .docx: return "Word"
        case .xlsx: return "Excel"
        case .json: return "JSON"
        case .pdf: return "PDF"
        case .markup: return "标记"
        }
    }

    static func state(_ entry: BatchEntry) -> String {
        switch entry.status {
        case .failed: return "failed"
        case .fatal: return "fatal"
        case .rendered: return entry.warningCount > 0 ? "warning" : "ready"
        }
    }

    static func reportLinks(_ entry: BatchEntry, formats: [OutputFormat]) -> [Link] {
        zip(formats, entry.reports).map { Link(text: formatName($0), href: href($1)) }
    }

    static func text(_ item: SummaryItem?, budget: Bool = false) -> String {
        guard let item else { return "" }
        let value = budget ? item.budget : item.actual
        guard let value else { return "" }
        switch item.unit {
        case .wanYuan: return Format.amount(value, grouping: true)
        case .vehicles: return Format.number(value.value, places: 0)
        }
    }

    static func view(_ summary: BatchSummary) -> SummaryView {
        let rows = summary.entries.enumerated().map { index, entry in
            DepartmentRow(
                number: String(index + 1), file: entry.file, department: entry.department ?? "（无法读取）",
                year: entry.year.map(String.init) ?? "", status: entry.status.chinese, state: state(entry),
                fatal: String(entry.fatalCount), warnings: String(entry.warningCount),
                reports: reportLinks(entry, formats: summary.formats),
                findings: entry.findingsPage.map { Link(text: "审核结果", href: href($0)) },
                income: text(entry.figures?["income"]), expenditure: text(entry.figures?["expenditure"]),
                problems: Array(entry.problems.prefix(3))
                    + (entry.problems.count > 3 ? ["……共 \(entry.problems.count) 条，见审核结果"] : []))
        }
        // The most urgent first, then in input order.
        let ordered = zip(summary.entries, rows).enumerated().sorted { a, b in
            let (ea, eb) = (a.element.0, b.element.0)
            if ea.status != eb.status { return ea.status < eb.status }
            let (wa, wb) = (ea.warningCount > 0, eb.warningCount > 0)
            if wa != wb { return wa }
            return a.offset < b.offset
        }.map { $0.element.1 }
        let years = summary.totals.map { totals in
            YearView(
                year: String(totals.year), departments: String(totals.departments),
                excluded: String(totals.excluded), hasExcluded: totals.excluded > 0, sheet: "\(totals.year)年度合计",
                rows: (totals.figures?.items ?? []).map { item in
                    TotalRow(
                        name: item.name, level: String(item.level),
                        indentedName: String(repeating: "　", count: item.level * 2) + item.name,
                        unit: item.unit == .vehicles ? "辆" : "万元", budget: text(item, budget: true),
                        actual: text(item))
                })
        }
        return SummaryView(
            title: title, counts: summary.countsLine,
            formats: summary.formats.map(formatName).joined(separator: "、"), departments: ordered, years: years)
    }

    // MARK: Files

    /// summary.html: the departments (most urgent first) with links, then the totals per year.
    public static func html(_ summary: BatchSummary, templates: ReportTemplates = .standard) -> String {
        render("summary/summary", view(summary), templates: templates, escaping: .html)
    }

    /// A department's findings page.
    public static func findingsPage(_ entry: BatchEntry, templates: ReportTemplates = .standard) -> String {
        let view = FindingsView(
            title: "\(entry.department ?? entry.file) 审核结果", file: entry.file,
            department: entry.department ?? "（无法读取）", year: entry.year.map(String.init) ?? "",
            status: entry.status.chinese, state: state(entry), problems: entry.problems,
            hasProblems: !entry.problems.isEmpty, counts: FindingsPrinter.counts(entry.findings),
            hasFindings: !entry.findings.isEmpty,
            findings: entry.findings.map { finding in
                FindingRow(
                    rule: finding.rule, severity: finding.severity.chinese, state: finding.severity.rawValue,
                    place: [finding.location.place, finding.location.detail].filter { !$0.isEmpty }
                        .joined(separator: " "),
                    inputPath: finding.location.inputPath, message: finding.message)
            },
            reports: entry.reports.map { Link(text: $0, href: href($0)) })
        return render("summary/findings", view, templates: templates, escaping: .html)
    }

    /// summary.xlsx: one sheet of totals per year, then the departments.
    public static func xlsx(_ summary: BatchSummary, templates: ReportTemplates = .standard) throws -> [UInt8] {
        let markup = render("summary/workbook", view(summary), templates: templates, escaping: .custom(Markup.escape))
        return try XlsxWriter.write(try Markup.parse(markup))
    }

    /// summary.csv (UTF-8 with a byte order mark, CRLF, for Excel): one row per department in input order, then one
    /// row of totals per year.
    public static func csv(_ summary: BatchSummary) -> [UInt8] {
        let items = summary.entries.compactMap(\.figures).first?.items ?? []
        var header = ["序号", "输入文件", "部门", "年度", "状态", "致命", "警告", "报告", "审核结果"]
        for item in items {
            let unit = item.unit == .vehicles ? "辆" : "万元"
            if item.budget != nil { header.append("\(item.name)全年预算数（\(unit)）") }
            header.append(item.budget != nil ? "\(item.name)决算数（\(unit)）" : "\(item.name)（\(unit)）")
        }
        func figures(_ figures: SummaryFigures?) -> [String] {
            items.flatMap { item -> [String] in
                let line = figures?[item.key]
                let actual = line.map { plain($0, budget: false) } ?? ""
                return item.budget != nil ? [line.map { plain($0, budget: true) } ?? "", actual] : [actual]
            }
        }
        var rows = [header]
        for (index, entry) in summary.entries.enumerated() {
            rows.append(
                [
                    String(index + 1), entry.file, entry.department ?? "", entry.year.map(String.init) ?? "",
                    entry.status.chinese, String(entry.fatalCount), String(entry.warningCount),
                    entry.reports.joined(separator: " "), entry.findingsPage ?? "",
                ] + figures(entry.figures))
        }
        for totals in summary.totals {
            rows.append(
                [
                    "", "", "合计（\(totals.year) 年度，\(totals.departments) 个已生成的部门）", String(totals.year), "", "",
                    "", "", "",
                ] + figures(totals.figures))
        }
        let text = rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// summary.json: every department with its status, findings and figures, and the totals per year.
    public static func json(_ summary: BatchSummary) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(SummaryJSON(summary))
        data.append(0x0A)
        return Array(data)
    }

    // MARK: Helpers

    /// A CSV figure: two decimals (a count without), no separators.
    static func plain(_ item: SummaryItem, budget: Bool) -> String {
        guard let value = budget ? item.budget : item.actual else { return "" }
        return Format.number(value.value, places: item.unit == .vehicles ? 0 : 2)
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break (CR LF too); a text that starts with `=`, `+`, `-`, `@`,
    /// TAB or CR is defused with a leading `'` so that a spreadsheet does not run it as a formula (OWASP's list; a
    /// negative number stays a number).
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.unicodeScalars.first,
            "=+@\t\r".unicodeScalars.contains(first) || (first == "-" && Amount(exactly: field) == nil)
        {
            field = "'" + field
        }
        // On bytes: CR LF is one Character, neither "\r" nor "\n".
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func render(_ name: String, _ view: some Encodable, templates: ReportTemplates, escaping: Escaping)
        -> String
    {
        do {
            let value = try MustacheValue(encoding: view)
            return try templates.library.render(name, value, options: RenderOptions(escaping: escaping, mode: .strict))
                .get()
        } catch {
            // The standard templates render (a test checks it); a replaced one that fails says so in the file.
            return "模板“\(name)”出错：\(error)\n"
        }
    }
}

/// The JSON form of a batch summary.
struct SummaryJSON: Encodable {
    struct Figure: Encodable {
        let name: String
        let unit: String
        let budget: Decimal?
        let actual: Decimal
    }

    struct Department: Encodable {
        let file: String
        let department: String?
        let year: Int?
        let status: String
        let statusText: String
        let fatal: Int
        let warnings: Int
        let reports: [String]
        let findingsPage: String?
        let problems: [String]
        let findings: [Finding]
        let figures: [String: Figure]?
    }

    struct Totals: Encodable {
        let year: Int
        let departments: Int
        let excluded: Int
        let figures: [String: Figure]?
    }

    struct Counts: Encodable {
        let files: Int
        let rendered: Int
        let fatal: Int
        let failed: Int
    }

    let formats: [String]
    let counts: Counts
    let departments: [Department]
    let totals: [Totals]

    init(_ summary: BatchSummary) {
        func figures(_ figures: SummaryFigures?) -> [String: Figure]? {
            guard let figures else { return nil }
            var result: [String: Figure] = [:]
            for item in figures.items {
                let places = item.unit == .vehicles ? 0 : 2
                result[item.key] = Figure(
                    name: item.name, unit: item.unit == .vehicles ? "辆" : "万元",
                    budget: item.budget.map { Format.rounded($0.value, places: places) },
                    actual: Format.rounded(item.actual.value, places: places))
            }
            return result
        }
        formats = summary.formats.map(\.rawValue)
        counts = Counts(
            files: summary.entries.count, rendered: summary.count(.rendered), fatal: summary.count(.fatal),
            failed: summary.count(.failed))
        departments = summary.entries.map { entry in
            Department(
                file: entry.file, department: entry.department, year: entry.year, status: entry.status.rawValue,
                statusText: entry.status.chinese, fatal: entry.fatalCount, warnings: entry.warningCount,
                reports: entry.reports, findingsPage: entry.findingsPage, problems: entry.problems,
                findings: entry.findings, figures: figures(entry.figures))
        }
        totals = summary.totals.map {
            Totals(year: $0.year, departments: $0.departments, excluded: $0.excluded, figures: figures($0.figures))
        }
    }
}
