// What a batch run found, department by department, and the totals of the departments that are ready.

/// How one department came out of a batch run.
public enum BatchStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// The report was written (it may have warnings).
    case rendered
    /// The data have fatal findings: no report.
    case fatal
    /// The file could not be read, the templates failed, a file could not be written, or another file has the same
    /// department and year.
    case failed

    /// 已生成 / 有致命问题 / 失败.
    public var chinese: String {
        switch self {
        case .rendered: return "已生成"
        case .fatal: return "有致命问题"
        case .failed: return "失败"
        }
    }

    /// The most urgent first: 失败, 有致命问题, 已生成.
    var urgency: Int {
        switch self {
        case .failed: return 0
        case .fatal: return 1
        case .rendered: return 2
        }
    }

    public static func < (lhs: BatchStatus, rhs: BatchStatus) -> Bool { lhs.urgency < rhs.urgency }
}

/// One input file of a batch run.
public struct BatchEntry: Sendable {
    /// The input file as given (or as found in a directory).
    public var file: String
    /// Department name and year; nil when the file could not be read.
    public var department: String?
    public var year: Int?
    public var status: BatchStatus
    /// Findings of every rule (data and table-to-text), most serious first.
    public var findings: [Finding]
    /// Why the department failed (read errors with line:column, template errors, a duplicate), one per line.
    public var problems: [String]
    /// Report file names written into the output directory, in the order of the formats asked for.
    public var reports: [String]
    /// The department's findings page in the output directory.
    public var findingsPage: String?
    /// Its summary figures; nil when the file could not be read.
    public var figures: SummaryFigures?

    public var fatalCount: Int { findings.filter { $0.severity == .fatal }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
}

/// The totals of one year's ready departments.
public struct BatchTotals: Sendable {
    public var year: Int
    /// Departments whose figures are added up (their reports were written).
    public var departments: Int
    /// Departments of that year left out because they have fatal findings or failed.
    public var excluded: Int
    /// The sums; nil when no department of the year is ready.
    public var figures: SummaryFigures?
}

/// The result of a batch run.
public struct BatchSummary: Sendable {
    /// In input order (sorted paths).
    public var entries: [BatchEntry]
    /// The formats written, in order.
    public var formats: [OutputFormat]
    /// Wall time of the run in seconds (not written to any file, so that a re-run writes the same bytes).
    public var seconds: Double
    /// Summary files that could not be written.
    public var errors: [String] = []

    public init(entries: [BatchEntry], formats: [OutputFormat], seconds: Double) {
        self.entries = entries
        self.formats = formats
        self.seconds = seconds
    }

    public func count(_ status: BatchStatus) -> Int { entries.filter { $0.status == status }.count }

    /// Everything rendered.
    public var succeeded: Bool { errors.isEmpty && entries.allSatisfy { $0.status == .rendered } }

    /// Totals per year (ascending) over the departments whose reports were written. A department that has fatal
    /// findings or failed is left out and counted in `excluded`.
    public var totals: [BatchTotals] {
        let years = Set(entries.compactMap(\.year)).sorted()
        return years.map { year in
            let ofYear = entries.filter { $0.year == year }
            let ready = ofYear.filter { $0.status == .rendered }
            return BatchTotals(
                year: year, departments: ready.count, excluded: ofYear.count - ready.count,
                figures: SummaryFigures.sum(ready.compactMap(\.figures)))
        }
    }

    /// `共 12 个部门：已生成 10 个（其中 3 个有警告），有致命问题 1 个，失败 1 个`.
    public var countsLine: String {
        let warned = entries.filter { $0.status == .rendered && $0.warningCount > 0 }.count
        return "共 \(entries.count) 个部门文件：已生成 \(count(.rendered)) 个（其中有警告 \(warned) 个），"
            + "有致命问题 \(count(.fatal)) 个，失败 \(count(.failed)) 个"
    }
}
